import datetime as dt

import pytest
import spacy
from spacy.tokens import Doc

from caucasus_nlp.extract.dates import date_mentions, end_of, resolve_date, start_of

MARCH_14 = dt.date(2023, 3, 14)  # a Tuesday
JAN_3 = dt.date(2024, 1, 3)  # a Wednesday, just after a year boundary
DEC_8 = dt.date(2023, 12, 8)  # a Friday


@pytest.mark.parametrize(
    "text, anchor, value, granularity",
    [
        ("12 December 2022", MARCH_14, "2022-12-12", "day"),
        ("November 9, 2020", MARCH_14, "2020-11-09", "day"),
        ("Monday, March 27", MARCH_14, "2023-03-27", "day"),
        ("on March 1", MARCH_14, "2023-03-01", "day"),
        ("Dec. 8", MARCH_14, "2022-12-08", "day"),
        ("December 28", JAN_3, "2023-12-28", "day"),  # across the year boundary
        ("Friday", JAN_3, "2023-12-29", "day"),
        ("on Tuesday", MARCH_14, "2023-03-14", "day"),
        ("today", MARCH_14, "2023-03-14", "day"),
        ("last night", MARCH_14, "2023-03-13", "day"),
        ("yesterday", JAN_3, "2024-01-02", "day"),
        ("earlier this month", MARCH_14, "2023-03", "month"),
        ("last month", JAN_3, "2023-12", "month"),
        ("in mid-September", MARCH_14, "2022-09", "month"),
        ("November 2020", MARCH_14, "2020-11", "month"),
        ("last year", JAN_3, "2023", "year"),
        ("this year", MARCH_14, "2023", "year"),
        ("autumn 2020", MARCH_14, "2020", "year"),
        ("2020", MARCH_14, "2020", "year"),
        ("last week", MARCH_14, "2023-03-06", "week"),
        ("September last year", MARCH_14, "2022-09", "month"),
        ("in March of next year", MARCH_14, "2024-03", "month"),
        ("by the end of the year", MARCH_14, "2023", "year"),
        ("next July", MARCH_14, "2023-07", "month"),
        ("last July", MARCH_14, "2022-07", "month"),
        ("next Friday", MARCH_14, "2023-03-17", "day"),
    ],
)
def test_resolves_against_publication_date(text, anchor, value, granularity):
    resolved = resolve_date(text, anchor)
    assert (resolved.value, resolved.granularity) == (value, granularity)


@pytest.mark.parametrize(
    "text, anchor, back, ahead",
    [
        ("in July", MARCH_14, "2022-07", "2023-07"),
        ("in March", MARCH_14, "2023-03", "2023-03"),  # the month of publication either way
        ("on Thursday", MARCH_14, "2023-03-09", "2023-03-16"),
        ("20 January", DEC_8, "2023-01-20", "2024-01-20"),  # across the year boundary, forwards
        ("December 28", JAN_3, "2023-12-28", "2024-12-28"),
        ("12 December 2022", MARCH_14, "2022-12-12", "2022-12-12"),  # a year given is kept
    ],
)
def test_an_expression_in_a_clause_about_the_future_is_the_next_such_day_or_month(text, anchor, back, ahead):
    assert resolve_date(text, anchor).value == back
    assert resolve_date(text, anchor, ahead=True).value == ahead


def _doc(tokens: str, dates: set[int], glued: set[int] = frozenset()) -> Doc:
    """A parsed Doc from space-separated word/lemma/POS/tag/dep/head tokens; `dates` are the indices
    the model tagged DATE, `glued` those written without a space after them."""
    rows = [token.split("/") for token in tokens.split()]
    return Doc(spacy.blank("en").vocab, words=[r[0] for r in rows], spaces=[i not in glued and i < len(rows) - 2 for i in range(len(rows))],
               lemmas=[r[1] for r in rows], pos=[r[2] for r in rows], tags=[r[3] for r in rows], deps=[r[4] for r in rows],
               heads=[int(r[5]) for r in rows], ents=[("B-DATE" if i in dates else "O") for i in range(len(rows))])


MAY_15 = "2023-05-15"
WILL_BE_HELD = _doc("A/a/DET/DT/det/1 meeting/meeting/NOUN/NN/nsubjpass/4 will/will/AUX/MD/aux/4 be/be/AUX/VB/auxpass/4 "
                    "held/hold/VERB/VBN/ROOT/4 in/in/ADP/IN/prep/4 July/July/PROPN/NNP/pobj/5 ././PUNCT/./punct/4", {6})
MET = _doc("They/they/PRON/PRP/nsubj/1 met/meet/VERB/VBD/ROOT/1 in/in/ADP/IN/prep/1 July/July/PROPN/NNP/pobj/2 ././PUNCT/./punct/1", {3})
PLANNED = _doc("It/it/PRON/PRP/nsubj/1 welcomed/welcome/VERB/VBD/ROOT/1 the/the/DET/DT/det/4 planned/plan/VERB/VBN/amod/4 "
               "meetings/meeting/NOUN/NNS/dobj/1 in/in/ADP/IN/prep/4 June/June/PROPN/NNP/pobj/5 ././PUNCT/./punct/1", {6})
SAID_THAT_WILL = _doc("He/he/PRON/PRP/nsubj/1 said/say/VERB/VBD/ROOT/1 on/on/ADP/IN/prep/1 Friday/Friday/PROPN/NNP/pobj/2 "
                      "they/they/PRON/PRP/nsubj/6 will/will/AUX/MD/aux/6 meet/meet/VERB/VB/ccomp/1 ././PUNCT/./punct/1", {3})


@pytest.mark.parametrize(
    "doc, value",
    [(WILL_BE_HELD, "2023-07"), (MET, "2022-07"), (PLANNED, "2023-06"), (SAID_THAT_WILL, "2023-05-12")],
    ids=["will-be-held", "met", "planned-meetings", "said-on-friday-that-they-will"],
)
def test_the_verb_governing_a_month_or_weekday_says_which_way_to_resolve_it(doc, value):
    (mention,) = date_mentions(doc, MAY_15)
    assert mention.resolved.value == value


def test_a_full_date_the_model_cut_short_is_read_whole():
    # "adopted on January 6, 1992 the Declaration": the model tagged only "1992"
    doc = _doc("adopted/adopt/VERB/VBD/ROOT/0 on/on/ADP/IN/prep/0 January/January/PROPN/NNP/pobj/1 6/6/NUM/CD/nummod/2 "
               ",/,/PUNCT/,/punct/2 1992/1992/NUM/CD/nummod/2 the/the/DET/DT/det/7 Declaration/Declaration/PROPN/NNP/dobj/0 "
               "././PUNCT/./punct/0", {5}, glued={3})
    assert [(m.text, m.resolved.value) for m in date_mentions(doc, MAY_15)] == [("January 6, 1992", "1992-01-06")]


def test_a_span_of_years_gives_both_ends_at_their_own_offsets():
    # "captured in 1992–1994.": the model tagged only "1992"
    doc = _doc("captured/capture/VERB/VBN/ROOT/0 in/in/ADP/IN/prep/0 1992/1992/NUM/CD/pobj/1 \u2013/\u2013/PUNCT/:/punct/2 "
               "1994/1994/NUM/CD/prep/2 ././PUNCT/./punct/0", {2}, glued={2, 3})
    found = [(m.text, m.resolved.value, doc.text[m.start : m.end]) for m in date_mentions(doc, MAY_15)]
    assert found == [("1992", "1992", "1992"), ("1994", "1994", "1994")]


@pytest.mark.parametrize("text", ["44-day war", "three decades", "six-weeks", "20 years", "the 1990s", "1992-1994", "72-year-old",
                                  # times of day, hours, and bare numbers (ages, counts) the model tags DATE
                                  "8 a.m.", "around 9.10 a.m.", "10:30", "10 hours", "about 24 hours", "48 hours", "49", "27"])
def test_durations_ages_and_spans_are_not_dates(text):
    assert resolve_date(text, MARCH_14) is None


def test_relative_expressions_need_a_publication_date():
    assert resolve_date("last Thursday", None) is None
    assert resolve_date("12 December 2022", None).value == "2022-12-12"


@pytest.mark.parametrize(
    "value, expected",
    [("2023-12-07", dt.date(2023, 12, 7)), ("2023-12", dt.date(2023, 12, 1)), ("2023", dt.date(2023, 1, 1)),
     (None, None), ("", None), (float("nan"), None), ("2023-13", None), ("Dec 2023", None)],
)
def test_start_of_an_iso_day_month_or_year(value, expected):
    assert start_of(value) == expected


@pytest.mark.parametrize(
    "value, expected",
    [("2023-12-07", dt.date(2023, 12, 7)), ("2024-02", dt.date(2024, 2, 29)), ("2023-02", dt.date(2023, 2, 28)), ("2023", dt.date(2023, 12, 31)),
     (None, None), ("", None), (float("nan"), None), ("2023-13", None), ("1992-1994", None), ("2023-W05", None)],
)
def test_end_of_an_iso_day_month_or_year(value, expected):
    assert end_of(value) == expected


@pytest.mark.parametrize("tokens, dates, expected", [
    # "15 April. Protest in Kisumu": the model tagged only "April"
    ("15/15/NUM/CD/nummod/1 April/April/PROPN/NNP/ROOT/1 ././PUNCT/./punct/1", {1}, [("15 April", "2023-04-15")]),
    # "On 24 April, police ...": the model tagged nothing
    ("On/on/ADP/IN/prep/5 24/24/NUM/CD/nummod/2 April/April/PROPN/NNP/pobj/0 ,/,/PUNCT/,/punct/5 police/police/NOUN/NNS/nsubj/5 "
     "left/leave/VERB/VBD/ROOT/5 ././PUNCT/./punct/5", set(), [("24 April", "2023-04-24")]),
    # a modal "may" before a number is no month: "they may 5 times ..." (lower case)
    ("they/they/PRON/PRP/nsubj/2 may/may/AUX/MD/aux/2 5/5/NUM/CD/dobj/2", set(), []),
])
def test_a_day_and_month_the_model_cut_or_missed_is_read_whole(tokens, dates, expected):
    doc = _doc(tokens, dates)
    assert [(m.text, m.resolved.value) for m in date_mentions(doc, MAY_15)] == expected
