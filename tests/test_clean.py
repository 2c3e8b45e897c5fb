import pytest
from hypothesis import given
from hypothesis import strategies as st

from caucasus_nlp.clean import bullet_item, clean_line, furniture_kind


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Save", ("line", "widget")),
        ("Share", ("line", "widget")),
        ("Back to top button", ("line", "widget")),
        ("Show More", ("line", "widget")),
        ("Advertisements", ("line", "advert")),
        ("Newsletter Signup", ("line", "newsletter")),
        ("Subscribe to our newsletter and never miss a story from the region", ("line", "newsletter")),
        ("Related: How a village in Syunik rebuilt its school after the floods", ("line", "teaser_link")),
        ("Related articles", ("region", "teaser_block")),
        ("Editor's choice", ("region", "teaser_block")),
        ("ALSO READ ", ("region", "teaser_block")),
        ("Popular", ("region", "teaser_block")),
        ("Follow us on Telegram", ("line", "widget")),
        ("3 min read", ("line", "widget")),
        ("Views: 1,234", ("line", "widget")),
        ("© 2023 Test Daily. All rights reserved.", ("line", "copyright")),
        ("Tags: Armenia, Azerbaijan, peace", ("line", "tags")),
        ("Photo: press office of the government", ("line", "photo_credit")),
        ("Karen Minasyan / AFP via Getty Images", ("line", "photo_credit")),
        ("To unsubscribe, reply to this message", ("line", "mail_footer")),
        ("Reporting by A. Writer; Editing by B. Editor", ("line", "wire_credit")),
        # negatives: article sentences that merely contain furniture words
        ("Share prices fell in Baku.", None),
        ("Related talks were held in Brussels", None),
        ("Armenia and Azerbaijan exchange prisoners", None),
        ("Copyright law in Armenia was amended in 2021.", None),
        ("Photos of the meeting were released by the ministry.", None),
        ("The talks were followed by a press conference.", None),
        ("Editing by hand took the commission a year, its chairman said.", None),
    ],
)
def test_furniture_classification(line, expected):
    assert furniture_kind(clean_line(line)) == expected


@pytest.mark.parametrize(
    "raw, cleaned",
    [
        ("  Baku,\u00a0December 7  ", "Baku, December 7"),
        ("Ne\u200bgotiations", "Negotiations"),
        ("Cafe\u0301", "Café"),
        ("a\t\tb", "a b"),
        # quote marks: one curly style, straight quotes left as written
        ("„Peace“ now", "“Peace” now"),
        ("‟reversed” and ‛single’", "“reversed” and ‘single’"),
        ("``TeX quotes''", "“TeX quotes”"),
        ("Azerbaijan`s army and Armenia´s", "Azerbaijan’s army and Armenia’s"),
        ("\"straight\" and it's", "\"straight\" and it's"),
        ("a ` lone backtick", "a ` lone backtick"),
    ],
)
def test_clean_line(raw, cleaned):
    assert clean_line(raw) == cleaned


@given(st.text())
def test_cleaning_is_idempotent(text):
    assert clean_line(clean_line(text)) == clean_line(text)


@pytest.mark.parametrize("raw, item", [("  • JAMnews", "JAMnews"), ("* Baku", "Baku"), ("Baku", None), ("-5 degrees", None)])
def test_bullet_item(raw, item):
    assert bullet_item(raw) == item
