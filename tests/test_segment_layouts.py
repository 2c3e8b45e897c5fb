"""Property tests of segmentation: dumps built from known articles in random layouts (URL above the
body or below it, outlet and date above or below the headline, bylines, time stamps, date lines in
many styles, furniture and teaser blocks between items, an updated story that repeats an earlier
version's paragraphs) must give back every article with its title, outlet, date, URL and whole body.
The articles are written for this test about real events."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from caucasus_nlp.segment import segment_dump
from conftest import make_dump

ARTICLES = [
    {
        "title": "Armenia and Azerbaijan exchange prisoners at the border",
        "outlet": "Caucasus Test Wire",
        "date": dt.date(2023, 12, 13),
        "url": "https://example.org/2023/12/13/prisoner-exchange",
        "body": [
            "Armenia and Azerbaijan exchanged prisoners at their common border on Wednesday, a week after the two governments issued a joint statement.",
            "Azerbaijan handed over 32 Armenian servicemen and Armenia returned two Azerbaijani soldiers, officials in both capitals said.",
            "The exchange was the first of its kind since the end of the war in 2020.",
        ],
    },
    {
        "title": "Foreign ministers meet in Washington to discuss a peace treaty",
        "outlet": "Regional Review",
        "date": dt.date(2023, 5, 4),
        "url": "https://example.net/news/foreign-ministers-meet-in-washington",
        "body": [
            "The foreign ministers of Armenia and Azerbaijan met in Washington on Monday for four days of talks on a peace treaty.",
            "The talks were hosted by the US Secretary of State, who said the two sides had made tangible progress.",
        ],
    },
    {
        "title": "European Union deploys a civilian mission along the border of Armenia",
        "outlet": "Brussels Notes",
        "date": dt.date(2023, 2, 20),
        "url": "https://example.com/eu-mission-armenia",
        "body": [
            "The European Union launched a civilian mission in Armenia on Monday to monitor the border with Azerbaijan.",
            "About one hundred observers will patrol the Armenian side of the border, the mission's head told reporters in Yerevan.",
            "The mission replaces a smaller team that was sent for two months in October.",
        ],
    },
]

DATE_STYLES = [
    lambda d: f"{d.day} {d:%B %Y}",
    lambda d: f"{d:%B} {d.day}, {d.year}",
    lambda d: d.isoformat(),
    lambda d: f"{d:%d.%m.%Y}",
    lambda d: f"Published: {d:%d.%m.%Y} | 14:22",
    lambda d: f"{d.isoformat()}T10:00:00Z",
    lambda d: f"{d:%A}, {d:%B} {d.day}, {d.year} - 14:22",
    lambda d: f"{d.day} {d:%B %Y} 16:45 (UTC+04:00)",
    lambda d: f"Published {d:%d.%m.%Y}, 15:21",
]
FURNITURE = [
    ["Share"],
    ["Share this:", "Twitter", "Facebook"],
    ["Subscribe to our newsletter"],
    ["Follow us on Telegram"],
    ["Related articles", "A teaser headline about another story", "Another teaser headline about something else"],
    [],
]


@st.composite
def layouts(draw):
    n = draw(st.integers(min_value=2, max_value=len(ARTICLES)))
    order = draw(st.permutations(range(len(ARTICLES))))[:n]
    items = []
    for k in order:
        items.append({
            "article": ARTICLES[k],
            "date_style": draw(st.sampled_from(DATE_STYLES)),
            "url_first": draw(st.booleans()),
            "header_above": draw(st.booleans()),
            "byline": draw(st.booleans()),
            "furniture": draw(st.sampled_from(FURNITURE)),
        })
    return items, draw(st.booleans())


def render(item: dict) -> list[str]:
    a = item["article"]
    header = [a["outlet"], item["date_style"](a["date"])]
    if item["url_first"]:
        header.append(a["url"])
    lines = [*header, "", a["title"], ""] if item["header_above"] else [a["title"], "", *header, ""]
    if item["byline"]:
        lines += ["By Ani Petrosyan", ""]
    for paragraph in a["body"]:
        lines += [paragraph, ""]
    if not item["url_first"]:
        lines += [a["url"], ""]
    for line in item["furniture"]:
        lines.append(line)
    return [*lines, ""]


@settings(max_examples=120, deadline=None)
@given(layouts())
def test_every_article_comes_back_whole_whatever_the_layout(layout):
    items, with_update = layout
    expected = [dict(item["article"]) for item in items]
    if with_update:
        # a later version of the first story: the same paragraphs and one more, under its own header
        first = expected[0]
        update = dict(first, title=first["title"] + " (updated)", url=first["url"] + "-updated",
                      body=[*first["body"], "Officials said a second exchange could follow early next year."])
        items = [*items, dict(items[0], article=update)]
        expected.append(update)
    text = "\n".join(line for item in items for line in render(item))
    articles = segment_dump(make_dump(text)).articles
    got = [(a.title, a.outlet, a.published, a.url, a.text.split("\n\n")[1:]) for a in articles]
    want = [(e["title"], e["outlet"], e["date"].isoformat(), e["url"], e["body"]) for e in expected]
    assert got == want
