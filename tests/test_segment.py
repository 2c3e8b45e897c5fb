import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from caucasus_nlp.segment import find_dateline, infer_published, segment_dump, split_lines
from conftest import make_dump

DIGEST = """Armenia and Azerbaijan agree to exchange prisoners

Sample Wire
Dec 8 2023
By Jane Doe

Dec. 8 (UPI) — Armenia and Azerbaijan agreed to exchange prisoners, their governments said.

The exchange will take place at the border.

Save

Share

https://example.org/a

Related articles

Teaser headline about something else

Teaser body that belongs to another site.

Foreign ministers meet in Washington

Save

Share

 10:53, 21 March 2023

YEREVAN, MARCH 21, ARMENPRESS. Foreign ministers Ararat Mirzoyan and Jeyhun Bayramov met in Washington.
"""


def test_digest_articles_and_metadata():
    result = segment_dump(make_dump(DIGEST))
    first, second = result.articles
    assert (first.title, first.outlet, first.published, first.url, first.author) == (
        "Armenia and Azerbaijan agree to exchange prisoners", "Sample Wire", "2023-12-08", "https://example.org/a", "Jane Doe")
    assert first.text.startswith("Armenia and Azerbaijan agree to exchange prisoners\n\nDec. 8 (UPI)")
    assert "Sample Wire" not in first.text and "Save" not in first.text and "https://" not in first.text
    assert (second.title, second.outlet, second.published, second.dateline) == (
        "Foreign ministers meet in Washington", "ARMENPRESS", "2023-03-21", "YEREVAN")
    assert "Teaser" not in first.text + second.text
    assert result.removed["teaser_block"] == 3 and result.removed["widget"] == 4


def test_dateline_year_comes_from_the_dump_when_the_line_has_none():
    dump = DIGEST.replace(" 10:53, 21 March 2023", " 10:53,")
    second = segment_dump(make_dump(dump)).articles[1]
    assert (second.published, second.published_source) == ("2023-03-21", "dateline")


def test_single_article_without_metadata_stays_one_article():
    text = "Talks resume in Brussels\n\nThe leaders met on 14 May 2023 in Brussels.\n\nThey agreed to meet again.\n"
    (article,) = segment_dump(make_dump(text)).articles
    assert article.title == "Talks resume in Brussels"
    assert article.published == "2023-05"  # month only: inferred from the latest date in the body


def test_masthead_repeated_in_the_dump_is_not_a_title():
    text = "Caucasus news\n\nOpen points in the talks\n\n\nThe ministers met today, June 24, in Baku.\n\nCaucasus news\n\nLeave a Reply\n"
    (article,) = segment_dump(make_dump(text)).articles
    assert article.title == "Open points in the talks"
    assert "Caucasus news" not in article.text and "Leave a Reply" not in article.text


def test_paragraph_repeated_verbatim_is_kept_once():
    para = "That morning the ministry reported that its units now hold two mountain passes near the lake."
    text = f"Ministry reports control of roads\n\n{para}\n\nThe ministry said more.\n\n{para}\n"
    (article,) = segment_dump(make_dump(text)).articles
    assert article.text.count(para) == 1


@pytest.mark.parametrize(
    "paragraph, expected",
    [
        ("YEREVAN, MARCH 27, ARMENPRESS. On March 27 talks", {"place": "YEREVAN", "month_day": (3, 27), "agency": "ARMENPRESS"}),
        ("BAKU, March 14. /TASS/. There is", {"place": "BAKU", "month_day": (3, 14), "agency": "TASS"}),
        ("Baku, December 7, AZERTAC The statement", {"place": "Baku", "month_day": (12, 7), "agency": "AZERTAC"}),
        ("MOSCOW (Reuters) - Russia said", {"place": "MOSCOW", "month_day": None, "agency": "Reuters"}),
        ("LONDON, Dec 8 (Reuters) - Britain", {"place": "LONDON", "month_day": (12, 8), "agency": "Reuters"}),
        ("ANKARA, Turkey (AP) — Turkey said", {"place": "ANKARA", "month_day": None, "agency": "AP"}),
        ("STEPANAKERT, Azerbaijan, Sept 20 (AP) — Forces", {"place": "STEPANAKERT", "month_day": (9, 20), "agency": "AP"}),
        ("Dec. 8 (UPI) — Armenia", {"place": None, "month_day": (12, 8), "agency": "UPI"}),
        ("WASHINGTON, Dec. 8 — The State Department", {"place": "WASHINGTON", "month_day": (12, 8), "agency": None}),
        ("YEREVAN — The government said", {"place": "YEREVAN", "month_day": None, "agency": None}),
        ("BAKU, Azerbaijan, Dec.11. Armenia said", {"place": "BAKU", "month_day": (12, 11), "agency": None}),
        ("VIENNA, 5 April 2016 - At a special meeting", {"place": "VIENNA", "month_day": (4, 5), "agency": None}),
        ("YEREVAN, Armenia — Armenia and Azerbaijan", {"place": "YEREVAN", "month_day": None, "agency": None}),
        ("BAKU/YEREVAN — Armenia and Azerbaijan", {"place": "BAKU/YEREVAN", "month_day": None, "agency": None}),
        ("GORIS –– Azerbaijani troops have yet", {"place": "GORIS", "month_day": None, "agency": None}),
        ("STEPANAKERT, OCTOBER 17, ARTSAKHPRESS: “This decision", {"place": "STEPANAKERT", "month_day": (10, 17), "agency": "ARTSAKHPRESS"}),
        ("AFP, BAKU", {"place": "BAKU", "month_day": None, "agency": "AFP"}),
        # negatives: ordinary sentences
        ("Armenia and Azerbaijan, March 1, agreed", None),
        ("The ministers met on Monday.", None),
        ("Armenia (population 3 million) - a small country", None),
        ("March 14 (local time) the talks began", None),
        ("Yerevan, Armenia — the capital", None),
        ("NATO, the alliance, said", None),
        ("NATO, OSCE and the EU", None),
    ],
)
def test_datelines(paragraph, expected):
    assert find_dateline(paragraph) == expected


@pytest.mark.parametrize(
    "meta_lines, outlet, published, author",
    [
        (["Panorama, Armenia / Dec 11 2023"], "Panorama, Armenia", "2023-12-11", None),
        (["TASS / Russia – March 14 2023"], "TASS", "2023-03-14", None),
        (["Panorama, Armenia", "Dec 11 2023"], "Panorama, Armenia", "2023-12-11", None),
        (["By Darryl Coote", "Dec. 8, 2023 / 5:04 PM"], None, "2023-12-08", "Darryl Coote"),
        (["17:16,", "8 December 2023"], None, "2023-12-08", None),
        (["Published: 11.12.2023 | 14:22"], None, "2023-12-11", None),
        (["Updated: Dec. 11, 2023 5:04 p.m. ET"], None, "2023-12-11", None),
        (["By Mariam Harutyunyan, 11 December 2023"], None, "2023-12-11", "Mariam Harutyunyan"),
        (["Posted by Admin on Dec 11, 2023"], None, "2023-12-11", "Admin"),
        (["  • JAMnews", "  • Baku", "10:53, 21 March 2023"], "JAMnews", "2023-03-21", None),
    ],
)
def test_outlet_and_date_lines_in_their_common_forms(meta_lines, outlet, published, author):
    text = "\n".join(["Armenia and Azerbaijan hold talks", *meta_lines, "", "The ministers met in Washington.", ""])
    (article,) = segment_dump(make_dump(text)).articles
    assert (article.title, article.outlet, article.published, article.author) == (
        "Armenia and Azerbaijan hold talks", outlet, published, author)
    assert article.text == "Armenia and Azerbaijan hold talks\n\nThe ministers met in Washington."


_LONG = ("Armenia and Azerbaijan exchanged prisoners on Wednesday, a week after the two governments announced the deal in a "
         "rare joint statement that also settled the question of who would host the next climate conference of the United Nations.")


def test_hard_wrapped_paragraphs_are_joined_but_headlines_and_lists_are_not():
    text = "\n".join(["Prisoner swap completed", textwrap.fill(_LONG, 64), "", textwrap.fill(_LONG.replace("Wednesday", "Friday"), 64), ""])
    (article,) = segment_dump(make_dump(text)).articles
    assert article.title == "Prisoner swap completed"
    assert article.text.split("\n\n") == ["Prisoner swap completed", _LONG, _LONG.replace("Wednesday", "Friday")]


def test_hyphen_at_a_wrap_is_kept_without_a_space():
    wrapped = ["The ministers discussed the border delimitation and the",
               "opening of regional transport links with the new peace-",
               "keeping mission and its mandate in the region, which both",
               "sides described as a step towards a lasting settlement."]
    joined = ("The ministers discussed the border delimitation and the opening of regional transport links with the new "
              "peace-keeping mission and its mandate in the region, which both sides described as a step towards a lasting settlement.")
    text = "\n".join(["Ministers meet", *wrapped, "", *wrapped, ""])
    (article,) = segment_dump(make_dump(text)).articles
    assert article.text.split("\n\n")[1] == joined


def test_lines_that_are_not_wrapped_stay_apart():
    teasers = ["Armenia and Azerbaijan agree to exchange prisoners", "EU hails breakthrough",
               "Border commissions meet again on Friday in the border area", "Lavrov visits Baku", "COP29 host confirmed"]
    lines = split_lines("\n".join(teasers))
    assert [line.text for line in lines] == teasers


def test_separator_lines_split_a_digest():
    text = "Border talks resume\nThe commissions met on Friday.\n-----\nPrisoners released\nThe prisoners were released at the border.\n=====\n"
    result = segment_dump(make_dump(text))
    assert [a.title for a in result.articles] == ["Border talks resume", "Prisoners released"]
    assert result.removed == {"separator": 2}


def test_same_article_twice_in_a_dump_is_kept_whole_both_times():
    body = "The leaders met in Brussels on Monday and agreed that their foreign ministers would meet again within a month."
    text = f"Leaders meet in Brussels\nDec 11 2023\n\n{body}\n\nhttps://a.example.org/x\n\nLeaders meet in Brussels\nDec 11 2023\n\n{body}\n"
    first, second = segment_dump(make_dump(text)).articles
    assert first.text == second.text
    assert first.article_id == second.article_id


def test_weekday_date_gives_the_day_and_a_plain_date_the_month():
    assert infer_published("Talks", ["The ministry on Saturday (March 25) accused Baku."], 2023) == ("2023-03-25", "text_weekday_date")
    assert infer_published("Talks", ["The ministry on Friday (March 25) accused Baku."], 2023) == ("2022-03-25", "text_weekday_date")
    assert infer_published("Talks", ["The leaders met on 14 May 2023."], None) == ("2023-05", "text_latest_date")


def test_an_ordinary_sentence_has_no_dateline():
    assert find_dateline("The ministers met on Monday.") is None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([
    "Headline of a story", "Save", "Share", "Dec 8 2023", "Panorama, Armenia", "https://x.org/a", "",
    "Related articles", "A body sentence that ends here.", "  • JAMnews", " 17:16,", "By Jane Doe",
    "YEREVAN, MARCH 27, ARMENPRESS. Text.", "\u00a0", "Ω≈ç√∫", "----------", "From: a@b.org", "Subject: Digest",
    "Panorama, Armenia / Dec 11 2023", "Reporting by A; Editing by B", "the line of a paragraph that was wrapped at",
    "a fixed width by a mail client long ago, and", "MOSCOW, Sept 28 (Reuters) - Text", "Today, June 24",
]), max_size=40), st.text(max_size=50))
def test_segmenter_never_raises_and_spans_are_ordered(lines, noise):
    text = "\n".join(lines) + noise
    dump = make_dump(text)
    articles = segment_dump(dump).articles
    previous_end = -1
    for a in articles:
        assert 0 <= a.raw_start <= a.raw_end <= len(dump.text)
        assert a.raw_start > previous_end  # in order and not overlapping
        previous_end = a.raw_end
        assert a.title and a.text.startswith(a.title)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_segmenter_never_raises_on_any_text(text):
    dump = make_dump(text)
    previous_end = -1
    for a in segment_dump(dump).articles:
        assert previous_end < a.raw_start <= a.raw_end <= len(dump.text)
        previous_end = a.raw_end


@pytest.mark.parametrize("width", [60, 72, 78])
def test_seed_segmentation_survives_hard_wrapping_and_crlf(seeds_dir, width):
    """The same dumps as a mail client would send them (hard-wrapped, CRLF) give the same articles."""
    from caucasus_nlp.io import normalize_newlines

    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text("utf-8")
        wrapped = "\r\n".join(
            textwrap.fill(line, width, break_long_words=False, break_on_hyphens=False) if len(line) > width else line
            for line in text.split("\n")
        )
        original = segment_dump(make_dump(text)).articles
        rewrapped = segment_dump(make_dump(normalize_newlines(wrapped))).articles
        summary = [(a.title, a.outlet, a.published, a.dateline) for a in original]
        assert [(a.title, a.outlet, a.published, a.dateline) for a in rewrapped] == summary, path.name
        assert [a.article_id for a in rewrapped] == [a.article_id for a in original], path.name


@pytest.mark.parametrize(
    "line, expected",
    [
        ("2020-10-10T00:48:00Z", "2020-10-10"),
        ("Monday, October 17, 2022 - 14:34", "2022-10-17"),
        ("9 December 2023 16:45 (UTC+04:00)", "2023-12-09"),
        ("Last updated: 2024-11-24T21:37:47-05:00", "2024-11-24"),
        ("October 07,2022 12:12", "2022-10-07"),
        ("September 2022", "2022-09"),
        ("Published 08.12.2023, 15:21", "2023-12-08"),
        ("Wednesday, November 17th, 2021 | 2:03 pm", "2021-11-17"),
        ("Published: SEPTEMBER 13, 2022 00:34", "2022-09-13"),
        # sentences that hold a date are no date lines
        ("The talks ended on 5 May 2023", None),
        ("September 2022 was the month of the border war", None),
        ("14 July 2020, by BBC News", None),
    ],
)
def test_date_lines_in_the_styles_sites_print_them(line, expected):
    from caucasus_nlp.segment import parse_date_line

    assert parse_date_line(line) == expected


UPDATED_STORY = """Ministers meet on border deal

Sample Wire
12 May 2023
https://example.org/early

The foreign ministers of Armenia and Azerbaijan met in Brussels on Friday to discuss the border commissions.

Ministers meet on border deal, agree to meet again

Sample Wire
12 May 2023
https://example.org/late

The foreign ministers of Armenia and Azerbaijan met in Brussels on Friday to discuss the border commissions.

They agreed to meet again in June, the European Council said in a statement.
"""


def test_an_updated_story_keeps_the_paragraphs_its_earlier_version_had():
    early, late = segment_dump(make_dump(UPDATED_STORY)).articles
    assert late.text.split("\n\n")[1:] == [
        "The foreign ministers of Armenia and Azerbaijan met in Brussels on Friday to discuss the border commissions.",
        "They agreed to meet again in June, the European Council said in a statement.",
    ]
    assert (early.url, late.url) == ("https://example.org/early", "https://example.org/late")


TICKER_THEN_ARTICLE = """Border talks end in Yerevan

Sample Wire
2 March 2025
https://example.org/talks

The border commissions of Armenia and Azerbaijan ended two days of talks in Yerevan on Sunday.

USD
389.56
Friday, April 25, 2025
weather in
Yerevan

Ministers agree on the text of a treaty

Other Wire
27.03.2025, 15:32

The foreign ministers said on Thursday that the text of the peace treaty was agreed, and that they will meet again soon.
"""


def test_a_page_ticker_is_furniture_and_its_date_is_not_the_next_articles():
    first, second = segment_dump(make_dump(TICKER_THEN_ARTICLE)).articles
    assert first.text.split("\n\n")[1:] == ["The border commissions of Armenia and Azerbaijan ended two days of talks in Yerevan on Sunday."]
    assert (second.title, second.outlet, second.published) == ("Ministers agree on the text of a treaty", "Other Wire", "2025-03-27")
    assert first.removed == {"header_line": 1, "trailing_furniture": 4}


def test_a_banner_between_articles_is_dropped_and_counted():
    text = UPDATED_STORY.replace("Ministers meet on border deal, agree", "Share\n\nBecome a member\n\nSupport independent journalism: Join today\n\nMinisters meet on border deal, agree")
    result = segment_dump(make_dump(text))
    assert [a.title for a in result.articles] == ["Ministers meet on border deal", "Ministers meet on border deal, agree to meet again"]
    assert result.removed["orphan_block"] == 2
