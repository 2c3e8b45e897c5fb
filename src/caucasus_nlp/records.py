"""Typed records handed from one stage to the next (io → clean → segment → nlp → extract → tables)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Rejection:
    """An input (file or article) that was not processed, and why: nothing is dropped silently."""

    path: str
    reason: str
    stage: str = "io"


@dataclass(frozen=True)
class InputWarning:
    """Something in an input that was read, but not exactly as written (a CSV row with extra fields):
    recorded in the manifest with file:line, so that nothing changes silently."""

    path: str
    reason: str


@dataclass(frozen=True)
class Record:
    """One article of a structured input (HTML page, JSONL line, CSV row), fields as the source gave
    them; raw_start/raw_end locate the record in the decoded file."""

    title: str | None
    text: str
    raw_start: int
    raw_end: int
    published: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None


@dataclass(frozen=True)
class Dump:
    """One decoded raw dump. `text` is the decoded file with line endings normalized to \\n;
    every raw offset in the tables points into it. Structured inputs (format html, jsonl, csv, tsv)
    also carry their records, already split into articles."""

    path: str
    name: str
    sha256: str
    encoding: str
    text: str
    n_bytes: int
    format: str = "text"
    records: tuple[Record, ...] = ()
    rejected: tuple[Rejection, ...] = ()  # records of a structured input that could not be used
    warnings: tuple[InputWarning, ...] = ()  # records of a structured input read with a change (extra fields dropped)
    repaired: tuple[str, ...] = ()  # ftfy steps that changed the text


@dataclass
class Article:
    """One article found in a dump, with its metadata lifted out of the body text."""

    dump: str
    seq: int
    title: str
    text: str
    raw_start: int
    raw_end: int
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    dateline: str | None = None
    author: str | None = None
    published_source: str | None = None
    language: str | None = None
    removed: dict[str, int] = field(default_factory=dict)  # what the segmenter dropped from it, by kind

    @property
    def article_id(self) -> str:
        """Hash of the article's content, not of where it was found: the same article pasted into two
        dumps gets the same id, which is how repeats are recognised (see `content_key`)."""
        from caucasus_nlp.ids import content_key, stable_id

        return stable_id(content_key(self.text))


@dataclass
class Segmentation:
    """What the segmenter made of one dump: the articles and the furniture it removed, by kind."""

    articles: list[Article]
    removed: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class ExtractInput:
    """One text of `caucasus-nlp extract --batch`, or the reason its line is none (`error`)."""

    line: int
    id: str
    text: str | None = None
    published: str | None = None
    error: str | None = None
