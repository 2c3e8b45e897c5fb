import datetime as dt

import pytest

from caucasus_nlp.extract.dates import resolve_date, start_of

MARCH_14 = dt.date(2023, 3, 14)  # a Tuesday
JAN_3 = dt.date(2024, 1, 3)  # a Wednesday, just after a year boundary


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
    ],
)
def test_resolves_against_publication_date(text, anchor, value, granularity):
    resolved = resolve_date(text, anchor)
    assert (resolved.value, resolved.granularity) == (value, granularity)


@pytest.mark.parametrize("text", ["44-day war", "three decades", "six-weeks", "20 years", "the 1990s", "1992-1994", "72-year-old"])
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
