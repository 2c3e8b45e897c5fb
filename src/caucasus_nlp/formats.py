"""Structured inputs: HTML pages, JSONL and CSV exports with one article per record.

A pasted text dump needs the segmenter to find its articles; these formats already say where each
article starts and what its metadata is, so they are read into `Record`s and skip segmentation.
HTML goes through trafilatura, a maintained boilerplate remover that also reads the page's title,
date, canonical URL, site name and author from its meta tags.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from caucasus_nlp.records import Record, Rejection

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


def read_table(text: str, path: str, delimiter: str) -> Iterator[Record | Rejection]:
    """CSV/TSV with a header row; quoted fields may span lines. Raw spans are the record's lines."""
    line_starts = [0]
    for i, char in enumerate(text):
        if char == "\n":
            line_starts.append(i + 1)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    if not reader.fieldnames:
        yield Rejection(path, "table has no header row", stage="io")
        return
    previous_line = reader.line_num
    try:
        for fields in reader:
            first, last = previous_line, reader.line_num
            previous_line = last
            start = line_starts[min(first, len(line_starts) - 1)]
            end = line_starts[last] - 1 if last < len(line_starts) else len(text)
            yield _record({k: v for k, v in fields.items() if k is not None}, f"{path}:{first + 1}", start, end)
    except csv.Error as exc:
        yield Rejection(f"{path}:{reader.line_num}", f"malformed table row ({exc})", stage="io")


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


def read_records(text: str, path: str, fmt: str) -> list[Record | Rejection]:
    """Records (or rejections) of a structured input of format `fmt` (html, jsonl, csv, tsv)."""
    if fmt == "html":
        return list(read_html(text, path))
    if fmt == "jsonl":
        return list(read_jsonl(text, path))
    return list(read_table(text, path, "\t" if fmt == "tsv" else ","))
