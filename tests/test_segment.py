from hypothesis import given, settings
from hypothesis import strategies as st

from caucasus_nlp.segment import find_dateline, segment_dump
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
    para = "Earlier in the day, the ministry said it has taken control of some auxiliary roads in the region."
    text = f"Ministry reports control of roads\n\n{para}\n\nThe ministry said more.\n\n{para}\n"
    (article,) = segment_dump(make_dump(text)).articles
    assert article.text.count(para) == 1



def test_datelines():
    assert find_dateline("YEREVAN, MARCH 27, ARMENPRESS. On March 27 talks") == {"place": "YEREVAN", "month_day": (3, 27), "agency": "ARMENPRESS"}
    assert find_dateline("BAKU, March 14. /TASS/. There is") == {"place": "BAKU", "month_day": (3, 14), "agency": "TASS"}
    assert find_dateline("MOSCOW (Reuters) - Russia said")["agency"] == "Reuters"
    assert find_dateline("Dec. 8 (UPI) — Armenia")["place"] is None
    assert find_dateline("Armenia and Azerbaijan, March 1, agreed") is None
    assert find_dateline("The ministers met on Monday.") is None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([
    "Headline of a story", "Save", "Share", "Dec 8 2023", "Panorama, Armenia", "https://x.org/a", "",
    "Related articles", "A body sentence that ends here.", "  • JAMnews", " 17:16,", "By Jane Doe",
    "YEREVAN, MARCH 27, ARMENPRESS. Text.", "\u00a0", "Ω≈ç√∫",
]), max_size=40), st.text(max_size=50))
def test_segmenter_never_raises_and_spans_are_ordered(lines, noise):
    text = "\n".join(lines) + noise
    dump = make_dump(text)
    articles = segment_dump(dump).articles
    previous_end = -1
    for a in articles:
        assert 0 <= a.raw_start <= a.raw_end <= len(dump.text)
        assert a.raw_start > previous_end
        previous_end = a.raw_end
