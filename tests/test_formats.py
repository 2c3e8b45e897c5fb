"""Input formats the seeds do not show, read from hand-written fixtures in tests/fixtures/formats/.

Each fixture is my own writing about real events; outlets and authors are invented test names.
"""

import email.message
import json
import time
from pathlib import Path

import pytest

from caucasus_nlp.io import read_dump
from caucasus_nlp.records import Dump, Rejection
from caucasus_nlp.segment import normalize_published, segment_dump

FIXTURES = Path(__file__).parent / "fixtures" / "formats"

# file → articles as (title, outlet, published, url, dateline, author)
EXPECTED = {
    "mail_digest.txt": [
        ("Armenia and Azerbaijan complete prisoner swap on their border", "Yerevan Ledger", "2023-12-13", None, None, None),
        ("Baku confirmed as host of COP29 climate talks", None, "2023-12-11", None, "DUBAI", "Leyla Mammadova"),
    ],
    "granada_page.html": [
        ("Pashinyan meets EU, French and German leaders in Granada", "Caucasus Test Herald", "2023-10-05",
         "https://herald.example.org/2023/10/05/granada-talks", "GRANADA", "Anna Karapetyan"),
    ],
    "export.jsonl": [
        ("Armenia and Azerbaijan finish negotiating the text of a peace agreement", "Caucasus Test Monitor", "2025-03-13",
         "https://monitor.example.org/2025/03/13/peace-text", None, None),
        ("Leaders initial peace agreement at the White House", "Caucasus Test Monitor", "2025-08-08",
         "https://monitor.example.org/2025/08/08/white-house", "WASHINGTON", "Test Reporter"),
    ],
    "wire_stories.txt": [
        ("Nagorno-Karabakh separatist government says it will dissolve itself", "Reuters", "2023-09-28", None, "YEREVAN", None),
        ("Karabakh forces agree to lay down arms after Azerbaijani offensive", "AP", "2023-09-20", None, "STEPANAKERT", "Test Writer"),
    ],
    "windows_cp1251.txt": [
        ("Zakharova says Russian peacekeepers act under the 2020 statement", "Test Wire", "2023-03-14", None, "MOSCOW", None),
    ],
    "windows_latin1.txt": [
        ("Spain hosts European Political Community summit in Granada", "Test Daily", "2023-10-05", None, "GRANADA", None),
    ],
    "mojibake.txt": [
        ("Granada summit ends without Armenia–Azerbaijan meeting", "Test Daily", "2023-10-06", None, "GRANADA", None),
    ],
    "mixed_languages.txt": [
        ("Armenia and Azerbaijan agree on prisoner exchange", "Test Daily", "2023-12-07", None, None, None),
        ("Армения и Азербайджан договорились об обмене пленными", "Тестовое агентство", "2023-12-07", None, None, None),
        ("Azərbaycan və Ermənistan birgə bəyanat yayıb", "Test Xəbər", "2023-12-07", None, None, None),
        ("Michel welcomes Armenia–Azerbaijan joint statement", "Test Daily", "2023-12-08", None, None, None),
    ],
}


def _segment(name: str):
    dump = read_dump(FIXTURES / name)
    assert isinstance(dump, Dump), dump
    return dump, segment_dump(dump)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_articles_and_metadata(name):
    _, result = _segment(name)
    got = [(a.title, a.outlet, a.published, a.url, a.dateline, a.author) for a in result.articles]
    assert got == EXPECTED[name]


def test_mail_digest_wrapped_lines_are_joined_and_mail_parts_counted():
    _, result = _segment("mail_digest.txt")
    swap = result.articles[0]
    assert swap.text.split("\n\n")[1].startswith("Armenia and Azerbaijan exchanged prisoners on Wednesday, a week after the two")
    assert "joint statement of 7 December, in which" in swap.text
    assert all("\n" not in paragraph for paragraph in swap.text.split("\n\n"))
    assert result.removed == {"headline_without_body": 1, "mail_footer": 1, "mail_header": 4, "separator": 3}
    assert not any("unsubscribe" in a.text for a in result.articles)


def test_html_page_loses_its_frame():
    dump, result = _segment("granada_page.html")
    (article,) = result.articles
    assert dump.format == "html"
    for furniture in ("cookies", "Related articles", "Subscribe", "Share", "Home", "Brussels talks postponed"):
        assert furniture not in article.text
    assert article.text.split("\n\n")[1].startswith("GRANADA, October 5 — Armenian Prime Minister Nikol Pashinyan met")
    assert (article.raw_start, article.raw_end) == (0, len(dump.text))


def test_jsonl_bad_lines_are_rejected_with_line_numbers_and_spans_point_at_records():
    dump, result = _segment("export.jsonl")
    assert [(r.path.rsplit(":", 1)[1], r.reason.split(" (")[0]) for r in dump.rejected] == [
        ("2", "line is not valid JSON"),
        ("4", "record has no article text"),
    ]
    for article in result.articles:
        record = json.loads(dump.text[article.raw_start : article.raw_end])
        assert article.title in (record.get("title"), record.get("headline"))


@pytest.mark.parametrize(
    "name, encoding, present",
    [
        ("windows_cp1251.txt", "cp1251", "«Заявление Президента Азербайджанской Республики"),
        ("windows_latin1.txt", "cp1252", "Pedro Sánchez welcomed"),
    ],
)
def test_legacy_code_pages_and_crlf(name, encoding, present):
    dump, result = _segment(name)
    assert dump.encoding == encoding
    assert "\r" not in dump.text
    assert present in result.articles[0].text


def test_mojibake_is_repaired_and_the_repair_recorded():
    dump, result = _segment("mojibake.txt")
    assert dump.repaired == ("encode:sloppy-windows-1252", "decode:utf-8")
    text = result.articles[0].text
    assert "Pedro Sánchez, said the ‘European family’ stood" in text
    assert "Ã" not in text and "â€" not in text


def test_clean_utf8_is_not_touched_by_repair():
    dump, _ = _segment("wire_stories.txt")
    assert dump.repaired == ()


def test_wire_credit_line_is_removed():
    _, result = _segment("wire_stories.txt")
    assert result.removed == {"wire_credit": 1}
    assert not any("Editing by" in a.text for a in result.articles)


def test_csv_with_multiline_quoted_text_and_aliased_headers(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(
        'headline,body,published,link,publisher\n'
        '"Border commission meets","The commissions on border delimitation met on the border.\n\nThey agreed to meet again.",'
        '2024-04-19,https://x.example.org/a,Test Daily\n'
        'No body here,,2024-04-20,,\n',
        encoding="utf-8",
    )
    dump = read_dump(path)
    (article,) = segment_dump(dump).articles
    assert (article.title, article.published, article.url, article.outlet) == (
        "Border commission meets", "2024-04-19", "https://x.example.org/a", "Test Daily")
    assert article.text == "Border commission meets\n\nThe commissions on border delimitation met on the border.\n\nThey agreed to meet again."
    assert dump.text[article.raw_start : article.raw_end].startswith('"Border commission meets"')
    assert dump.text[article.raw_start : article.raw_end].endswith("Test Daily")
    assert [r.path.rsplit(":", 1)[1] for r in dump.rejected] == ["5"]


def test_eml_body_is_decoded_with_its_charset(tmp_path):
    message = email.message.EmailMessage()
    message["Subject"] = "Digest"
    message.set_content(
        "Sánchez hosts Granada summit\nTest Daily / 5 October 2023\n\nPedro Sánchez welcomed the leaders to Granada.\n",
        charset="iso-8859-1",
        cte="quoted-printable",
    )
    path = tmp_path / "digest.eml"
    path.write_bytes(message.as_bytes())
    assert b"S=E1nchez" in path.read_bytes()
    dump = read_dump(path)
    (article,) = segment_dump(dump).articles
    assert dump.encoding == "iso-8859-1"
    assert (article.title, article.published) == ("Sánchez hosts Granada summit", "2023-10-05")
    assert "Subject" not in article.text


@pytest.mark.parametrize(
    "content",
    ["<html><body><nav>Home</nav></body></html>", "<html><body></body></html>", "<p>404 Not found</p>"],
)
def test_html_without_article_is_rejected(tmp_path, content):
    path = tmp_path / "page.html"
    path.write_text(content, encoding="utf-8")
    rejection = read_dump(path)
    assert isinstance(rejection, Rejection)
    assert rejection.reason.startswith("no article text found in the HTML page")


def test_jsonl_with_no_usable_record_is_rejected(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('[1, 2]\n', encoding="utf-8")
    rejection = read_dump(path)
    assert isinstance(rejection, Rejection)
    assert rejection.reason == "line is JSON but not an object with article fields"


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2023-12-11T10:00:00Z", "2023-12-11"),
        ("2023-12", "2023-12"),
        ("2023", "2023"),
        ("11 December 2023", "2023-12-11"),
        ("Dec. 11, 2023", "2023-12-11"),
        ("11.12.2023", "2023-12-11"),
        ("Monday, December 11, 2023 5:04 PM", "2023-12-11"),
        ("yesterday-ish", None),
        ("", None),
        (None, None),
    ],
)
def test_record_dates_are_normalized(value, expected):
    assert normalize_published(value) == expected


HEADER = "title,text,date,outlet\n"


@pytest.mark.parametrize(
    "rows, articles, rejected, warnings",
    [
        # well formed, a quoted field spanning lines, and a blank line: no rejection, no warning
        ('A,"one\ntwo, three",2024-03-03,Out A\n\nB,four,2024-03-04,Out B\n', [("A", "Out A"), ("B", "Out B")], [], []),
        # a quote inside an unquoted field is a character, not an opening quote
        ('A,He said "hi,2024-03-03,Out A\nB,four,2024-03-04,Out B\n', [("A", "Out A"), ("B", "Out B")], [], []),
        # an unclosed quote runs into a later quoted field: the row is rejected, the rows after it are read
        ('A,"never closed,2024-03-03,Out A\nB,"four",2024-03-04,Out B\nC,five,2024-03-05,Out C\n',
         [("B", "Out B"), ("C", "Out C")], ["2"], []),
        # an unclosed quote runs to the end of the file
        ('A,"never closed,2024-03-03,Out A\nB,four,2024-03-04,Out B\n', [("B", "Out B")], ["2"], []),
        # two bad rows
        ('A,"x,1,2\nB,"y,1,2\nC,z,2024-03-05,Out C\n', [("C", "Out C")], ["2", "3"], []),
        # extra and missing fields: read, with a warning at the line
        ("A,one,2024-03-03,Out A,X\nB,two,2024-03-04\n", [("A", "Out A"), ("B", None)], [], ["2", "3"]),
        # a record of several lines with a character after its closing quote is left out whole: its lines are no rows
        ('A,one,2024-03-03,Out A\nC,"line one\nline two, with comma\nline three"!,2024-03-04,Out C\nD,four,2024-03-05,Out D\n',
         [("A", "Out A"), ("D", "Out D")], ["3"], []),
        # a field longer than the csv module's default limit (131,072 characters) is an article like any other
        ('A,"' + "x" * 200_000 + '\n\nmore",2024-03-03,Out A\nB,four,2024-03-04,Out B\n', [("A", "Out A"), ("B", "Out B")], [], []),
    ],
)
def test_csv_rows_are_read_strictly_and_each_problem_is_at_its_line(tmp_path, rows, articles, rejected, warnings):
    path = tmp_path / "export.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    dump = read_dump(path)
    records = [(r.title, r.outlet) for r in dump.records]
    assert records == articles
    assert [r.path.rsplit(":", 1)[1] for r in dump.rejected] == rejected
    assert [w.path.rsplit(":", 1)[1] for w in dump.warnings] == warnings
    for record in dump.records:  # each record's raw span is its own line(s)
        assert dump.text[record.raw_start : record.raw_end].startswith(record.title + ",")


def test_a_csv_of_only_bad_rows_is_rejected_with_the_first_rows_reason(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(HEADER + 'A,"x,1,2\nB,"y,1,2\n', encoding="utf-8")
    rejection = read_dump(path)
    assert rejection.reason.startswith(f"no usable csv record in the file: 2 rejected, the first {path}:2: malformed table row")


def test_reading_a_csv_with_many_bad_rows_is_linear():
    from caucasus_nlp.formats import read_table

    def seconds(n: int) -> float:
        rows = "".join(f'R{i},"unclosed {i},2024,X\n' if i % 2 else f"R{i},fine {i},2024,X\n" for i in range(n))
        started = time.perf_counter()
        assert sum(1 for _ in read_table(HEADER + rows, "f.csv", ",")) == n
        return time.perf_counter() - started

    small, large = min(seconds(2_000) for _ in range(3)), min(seconds(8_000) for _ in range(3))
    assert large / small < 4 * 2.5  # 4x the rows; a quadratic reader takes 16x
