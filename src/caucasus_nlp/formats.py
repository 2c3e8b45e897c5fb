"""Structured inputs: HTML pages, JSONL and CSV exports with one article per record.

A pasted text dump needs the segmenter to find its articles; these formats already say where each
article starts and what its metadata is, so they are read into `Record`s and skip segmentation.
HTML goes through trafilatura, a maintained boilerplate remover that also reads the page's title,
date, canonical URL, site name and author from its meta tags.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator

from caucasus_nlp.records import InputWarning, Record, Rejection

# Field names accepted for each record attribute, in order of preference (exports differ in naming).
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "heading"),
    "text": ("text", "body", "content", "article", "maintext"),
    "published": ("date", "published", "published_at", "publication_date", "pubdate", "datetime", "date_publish"),
    "url": ("url", "link", "source_url", "canonical_url"),
    "outlet": ("outlet", "source", "site", "sitename", "site_name", "publisher", "source_domain", "domain"),
    "author": ("author", "authors", "byline"),
}
# Main text shorter than this is navigation or an error page, not an article.
MIN_HTML_TEXT_CHARS = 80
# A CSV field may hold a whole article (spaCy's 1,000,000 characters and more); the csv module's default
# limit is 131,072.
csv.field_size_limit(max(csv.field_size_limit(), 16 * 1024 * 1024))
STRUCTURED_SUFFIXES = {".html": "html", ".htm": "html", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "tsv"}


def _field(record: dict, name: str) -> str | None:
    lowered = {str(k).strip().lower(): v for k, v in record.items()}
    for alias in FIELD_ALIASES[name]:
        value = lowered.get(alias)
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value if v)
        if value is not None and str(value).strip():
            return str(value).strip()
    return None


def _record(fields: dict, where: str, raw_start: int, raw_end: int) -> Record | Rejection:
    text = _field(fields, "text")
    if not text:
        known = ", ".join(FIELD_ALIASES["text"])
        return Rejection(where, f"record has no article text (looked for a field named one of: {known})", stage="io")
    return Record(
        title=_field(fields, "title"),
        text=text,
        published=_field(fields, "published"),
        url=_field(fields, "url"),
        outlet=_field(fields, "outlet"),
        author=_field(fields, "author"),
        raw_start=raw_start,
        raw_end=raw_end,
    )


def read_jsonl(text: str, path: str) -> Iterator[Record | Rejection]:
    """One JSON object per line; blank lines are skipped, every other bad line is a rejection."""
    pos = 0
    for number, line in enumerate(text.split("\n"), start=1):
        start, pos = pos, pos + len(line) + 1
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            fields = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejection(where, f"line is not valid JSON ({exc.msg})", stage="io")
            continue
        if not isinstance(fields, dict):
            yield Rejection(where, "line is JSON but not an object with article fields", stage="io")
            continue
        yield _record(fields, where, start, start + len(line))


def read_table(text: str, path: str, delimiter: str) -> Iterator[Record | Rejection | InputWarning]:
    """CSV/TSV with a header row; quoted fields may span lines. Raw spans are the record's lines.

    Read strictly, so that a row whose quote is never closed is not glued to the rows after it (the
    lenient reader swallows them into one field): the row is rejected with its file:line and reading
    starts again on the line after it. Another malformed record (a character after a closing quote)
    is rejected whole. A row with more or fewer fields than the header is kept, with a warning
    saying what was dropped or left empty. Linear in the file: readers restart on the list of lines,
    and once a quote has run to the end of the file (no quote closes after it), lines are read one by one."""
    lines = text.split("\n")
    line_starts = [0]
    for line_text in lines[:-1]:
        line_starts.append(line_starts[-1] + len(line_text) + 1)
    header_reader = _reader(lines, 0, len(lines), delimiter)
    try:
        header = next(header_reader, None)
    except csv.Error as exc:
        yield Rejection(f"{path}:1", f"malformed header row ({exc})", stage="io")
        return
    if not header:
        yield Rejection(path, "table has no header row", stage="io")
        return
    line = header_reader.line_num  # 0-based index of the line the next record starts on
    one_by_one = False
    while line < len(lines):
        reader = _reader(lines, line, line + 1 if one_by_one else len(lines), delimiter)
        consumed = 0
        try:
            for row in reader:
                first, last = line + consumed, line + reader.line_num  # the record's lines: first (0-based) to last (1-based)
                consumed = reader.line_num
                if not row:  # a blank line
                    continue
                where = f"{path}:{first + 1}"
                if len(row) != len(header):
                    yield InputWarning(where, _field_count_problem(row, header))
                end = line_starts[last] - 1 if last < len(line_starts) else len(text)
                yield _record(dict(zip(header, row, strict=False)), where, line_starts[first], end)
            if not one_by_one:
                return
            line += 1
        except csv.Error as exc:
            bad = line + consumed
            yield Rejection(f"{path}:{bad + 1}", f"malformed table row ({exc}): the row is left out", stage="io")
            if "end of data" in str(exc) or one_by_one:
                one_by_one = True  # only doubled quotes follow: no quoted field can span lines any more
                line = bad + 1
            elif _unclosed_on_its_line(lines, bad, delimiter, len(header)):
                line = bad + 1  # its quote swallowed the rows after it: read them again
            else:
                line += reader.line_num  # a record of several lines that is malformed: left out whole


def _reader(lines: list[str], start: int, stop: int, delimiter: str):
    """A strict reader of lines start to stop, by index: a restart copies nothing."""
    return csv.reader((lines[i] + "\n" for i in range(start, stop)), delimiter=delimiter, strict=True)


def _unclosed_on_its_line(lines: list[str], bad: int, delimiter: str, width: int) -> bool:
    """Whether a malformed record is a row whose quote was never closed: its first line alone opens a
    quote it does not close, and the next line is no continuation of a quoted field but a row of its
    own (the header's width), or another such row."""
    try:
        next(_reader(lines, bad, bad + 1, delimiter), None)
    except csv.Error:
        try:
            following = next(_reader(lines, bad + 1, min(bad + 2, len(lines)), delimiter), None)
        except csv.Error:
            return True
        return following is not None and len(following) == width
    return False


def _field_count_problem(row: list[str], header: list[str]) -> str:
    if len(row) > len(header):
        extra = ", ".join(repr(v[:40]) for v in row[len(header):])
        return f"row has {len(row)} fields, the header {len(header)}: the extra fields were dropped ({extra})"
    return f"row has {len(row)} fields, the header {len(header)}: {', '.join(header[len(row):])} left empty"


def read_html(html: str, path: str) -> Iterator[Record | Rejection]:
    """One page, one article: main text and meta-tag metadata via trafilatura."""
    import trafilatura

    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    text = (document.text or "").strip() if document is not None else ""
    if len(text) < MIN_HTML_TEXT_CHARS:
        yield Rejection(path, f"no article text found in the HTML page ({len(text)} characters of main text)", stage="io")
        return
    lines = document.text.split("\n")
    if document.title and lines and lines[0].strip() == document.title.strip():
        lines = lines[1:]
    yield Record(
        title=document.title,
        text="\n\n".join(line for line in lines if line.strip()),
        published=document.date,
        url=document.url,
        outlet=document.sitename or document.hostname,
        author=document.author,
        raw_start=0,
        raw_end=len(html),
    )


def read_records(text: str, path: str, fmt: str) -> list[Record | Rejection | InputWarning]:
    """Records, rejections and warnings of a structured input of format `fmt` (html, jsonl, csv, tsv)."""
    if fmt == "html":
        return list(read_html(text, path))
    if fmt == "jsonl":
        return list(read_jsonl(text, path))
    return list(read_table(text, path, "\t" if fmt == "tsv" else ","))
