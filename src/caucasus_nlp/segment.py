"""Split a decoded dump into articles and lift their metadata (outlet, date, URL, dateline, byline).

The segmenter follows the general shapes of pasted news rather than any one site:
- an article starts with a headline that is followed by a metadata cluster (an outlet line, a date
  line, a time stamp, a byline, share widgets, or a short bullet list of outlet and place), or with
  the first line after a URL line that closed the previous article, or at the start of the dump;
- a URL alone on a line closes the article it follows;
- site furniture (resources/furniture.tsv) is dropped line by line, and a teaser header ("Related
  articles", "Editor's choice", ...) drops everything up to the next article start;
- short labels repeated verbatim in a dump (mastheads, section names) and paragraphs repeated
  verbatim are dropped. Every removal is counted by kind.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise

from caucasus_nlp.clean import bullet_item, clean_line, furniture_kind
from caucasus_nlp.date_grammar import (
    DAY_MONTH,
    DOTTED_DATE,
    FULL_DATE,
    MONTH,
    MONTH_DAY,
    MONTH_NUMBERS,
    WEEKDAY,
    full_dates,
    iso_date,
    month_number,
    parse_full_date,
)
from caucasus_nlp.records import Article, Dump, Segmentation

_TIME = r"\d{1,2}:\d{2}(?:\s*(?:[AaPp]\.?[Mm]\.?))?"
_DATE_LABEL = r"(?:(?:published|updated|last updated|posted|date)(?: on)?\s*:?\s*)"
# "Dec 11 2023", "Panorama, Armenia / Dec 11 2023", "TASS / Russia – March 14 2023",
# "10:53, 21 March 2023", "8 December 2023 17:05", "Published: 11.12.2023 | 14:22", "Dec. 11, 2023 5:04 p.m. ET"
DATE_LINE = re.compile(
    rf"^(?:(?P<prefix>[^\W\d_][\w .,'’&/-]{{0,40}}?)\s*[/|–—-]\s*)?{_DATE_LABEL}?(?:{_TIME},?\s*)?"
    rf"(?:{FULL_DATE.pattern}|{DOTTED_DATE})(?:\s*[,|/]?\s*{_TIME}(?:\s*[A-Z]{{2,5}}(?:[+-]\d{{1,2}}(?::?\d{{2}})?)?)?)?\.?$",
    re.IGNORECASE,
)
TIME_LINE = re.compile(rf"^{_TIME},?$")
# What a date line may hold besides its date: labels, a weekday, times, zones, separators.
# "Monday, October 17, 2022 - 14:34", "9 December 2023 16:45 (UTC+04:00)", "Last updated: 2024-11-24T21:37:47-05:00"
_DATE_LINE_REST = re.compile(
    rf"(?:{_DATE_LABEL}|last update:?|created:?|at|on|{WEEKDAY}|{_TIME}(?::\d{{2}})?|[AaPp]\.?[Mm]\.?|"
    r"\(?(?:UTC|GMT|IST|AMT|AZT|MSK|CET|CEST|EET|EEST|ET|EST|EDT|PT|PST|PDT|Z)?\s*[+-]?\d{0,2}(?::?\d{2})?\)?|[,|/–—-]|\s)*",
    re.IGNORECASE,
)
# "2024-11-23T21:01:09-05:00", "2020-10-10T00:48:00Z": a machine time stamp; its date is the day as written.
_ISO_STAMP = re.compile(r"(?P<iso>\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?")
# "October 07,2022" (no space after the comma), "Published 04.10.2023", "September 2022" (a month only)
_LOOSE_DATE = re.compile(
    rf"{_ISO_STAMP.pattern}|(?:{MONTH_DAY}|{DAY_MONTH}),?\s*(?P<y>\d{{4}})|{DOTTED_DATE}|(?P<my_m>{MONTH})\s+(?P<my_y>\d{{4}})",
    re.IGNORECASE,
)
_UPDATE_LABEL = re.compile(r"^\W*(?:last\s+)?updated?\b", re.IGNORECASE)
# "By Darryl Coote", "Written by: A. Name", "By Jane Doe, 11 December 2023", "Posted by Admin on Dec 11, 2023"
BYLINE = re.compile(
    r"^(?:.{0,30}?(?:edited|written|reported|posted)\s+by:?\s*|by:?\s+|author:\s*)"
    r"(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})(?:(?:\s*[,|–—-]\s*|\s+on\s+)(?P<when>.{4,60}))?$",
    re.IGNORECASE,
)
URL_LINE = re.compile(r"^(?:(?:source|link|url|read (?:it )?(?:at|on))\s*:\s*)?(?P<url>(?:https?://|www\.)\S+)$", re.IGNORECASE)
# A rule between the items of a mail digest or a forwarded message: ----, ====, ____ (four or more).
SEPARATOR_LINE = re.compile(r"^(?:[-=_]{4,}|-{2,}\s*(?:forwarded|original) message\s*-{2,})$", re.IGNORECASE)
# Header lines of a pasted e-mail; they describe the message, not an article.
MAIL_HEADER = re.compile(r"^(?:from|to|cc|bcc|date|sent|subject|reply-to|message-id|mime-version|content-type|content-transfer-encoding|x-[\w-]+):\s", re.IGNORECASE)
# One place or a pair joined by a slash ("BAKU/YEREVAN"): the dateline of a story filed from both.
_PLACE_CAPS = r"[A-Z][A-Z'’.-]+(?:[ /-][A-Z][A-Z'’.-]+){0,2}"
_PLACE_TITLE = r"[A-Z][a-zəöüçşğı'’-]+(?: [A-Z][a-zəöüçşğı'’-]+)?"
_DL_DATE = rf"(?:(?P<dm>(?i:{MONTH}))\s*(?P<dd>\d{{1,2}})|(?P<dd2>\d{{1,2}})\s+(?P<dm2>(?i:{MONTH})))"
# An agency credit in brackets: "Reuters", "AP", "Caucasus Test Monitor" (letters only, at most four words).
_AGENCY = r"[A-Za-z][A-Za-z.-]+(?: [A-Za-z][A-Za-z.-]+){0,3}"
DATELINE_PATTERNS = (
    # YEREVAN, MARCH 27, ARMENPRESS.   BAKU, March 14. /TASS/.   Baku, December 7, AZERTAC
    re.compile(rf"^(?P<place>{_PLACE_CAPS}|{_PLACE_TITLE}),\s+{_DL_DATE}[.,]?\s*/?(?P<agency>[A-Z][A-Za-z-]{{2,}})/?[.:]?(?=\s|$)"),
    # AFP, BAKU   (a credit line of its own: agency, then the place in capitals)
    re.compile(rf"^(?P<agency>[A-Z]{{2,10}}),\s+(?P<place>{_PLACE_CAPS})$"),
    # MOSCOW (Reuters) -    YEREVAN, March 27 (Reuters) -    ANKARA, Turkey (AP) —
    re.compile(
        rf"^(?P<place>{_PLACE_CAPS}|{_PLACE_TITLE})(?:,\s+(?!{MONTH}\s+\d)(?P<region>[A-Z][\w.'’-]+(?:[ -][A-Z][\w.'’-]+){{0,2}}))?"
        rf"(?:,\s+{_DL_DATE})?\s+\((?P<agency>{_AGENCY})\)\s*[—–-]"
    ),
    # WASHINGTON, Dec. 8 —   DUBAI, 11 December –   BAKU, Azerbaijan, December 11. (Trend)   VIENNA, 5 April 2016 -
    re.compile(
        rf"^(?P<place>{_PLACE_CAPS})(?:,\s+(?!{MONTH}\s*\d)(?P<region>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){{0,2}}))?,\s+{_DL_DATE}"
        rf"(?:,?\s+\d{{4}})?\s*[—–.-]\s"
    ),
    # Dec. 8 (UPI) —
    re.compile(rf"^{_DL_DATE}\s+\((?P<agency>{_AGENCY})\)\s*[—–-]"),
    # YEREVAN — text   YEREVAN, Armenia — text   GORIS –– text   (place in capitals, so that ordinary sentences never match)
    re.compile(rf"^(?P<place>{_PLACE_CAPS})(?:,\s+(?P<region>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){{0,2}}))?\s*(?:[—–]{{1,2}}|--)\s"),
)
# The dateline opens one of the body's first paragraphs: after a standfirst, a kicker line or a
# repeated lead ("The Council decided ... / October 17, 2022, 14:34 ... / STEPANAKERT, OCTOBER 17, ...").
DATELINE_PARAGRAPHS = 3
HEADLINE_MAX_WORDS = 35
HEADLINE_MAX_CHARS = 250
SHORT_LABEL_WORDS = 6
REPEATED_BLOCK_MIN_CHARS = 80
# Hard-wrap detection (see wrap_width): widths above WRAP_MAX_WIDTH are paragraphs on one line; at least
# WRAP_MIN_LINES run-on lines, WRAP_NEAR_SHARE of them within WRAP_SLACK characters of the widest.
WRAP_MAX_WIDTH = 100
WRAP_MIN_LINES = 4
WRAP_SLACK = 15
WRAP_NEAR_SHARE = 0.6
# Text between two articles with no header of its own and fewer words than this is a banner or a
# widget ("Become a member ... Join today"), not an article.
ORPHAN_MAX_WORDS = 60


def parse_date_line(text: str) -> str | None:
    """The date of a line that is nothing but a date with its labels, weekday, time and zone
    ("Published: 10.11.2020", "2020-10-10T00:48:00Z", "Monday, October 17, 2022 - 14:34"), as ISO
    (a month-year line gives YYYY-MM); None for any other line, sentences that hold a date included."""
    match = DATE_LINE.match(text)
    if match:
        return parse_full_date(match)
    if len(text) > 80:
        return None
    loose = _LOOSE_DATE.search(text)
    if loose is None:
        return None
    rest = text[: loose.start()] + " " + text[loose.end() :]
    if not _DATE_LINE_REST.fullmatch(rest):
        return None
    if loose.group("iso"):
        return loose.group("iso")
    if loose.group("my_m"):
        return f"{int(loose.group('my_y')):04d}-{month_number(loose.group('my_m')):02d}"
    if loose.group("dotted"):
        return iso_date(int(loose.group("dd_year")), int(loose.group("dd_month")), int(loose.group("dd_day")))
    return iso_date(int(loose.group("y")), month_number(loose.group("m1") or loose.group("m2")), int(loose.group("d1") or loose.group("d2")))


@dataclass
class Line:
    start: int
    end: int
    raw: str  # as in the dump; for joined wrapped lines, the wraps become the glue of `text`
    text: str
    kind: str = "text"  # blank, url, separator, mail_header, furniture, region, date, time, byline, bullet, text
    furniture: str | None = None
    blank_before: bool = True

    @cached_property
    def words(self) -> int:
        """Counted once: the checks of a line's neighbours ask it again, and a line may be a paragraph
        of a megabyte."""
        return len(self.text.split())


def split_lines(text: str) -> list[Line]:
    """Classified lines of a text, with hard-wrapped paragraphs joined back into one line each."""
    lines, pos, prev_blank = [], 0, True
    for raw in text.split("\n"):
        cleaned = clean_line(raw)
        line = Line(pos, pos + len(raw), raw, cleaned, blank_before=prev_blank)
        line.kind = _line_kind(line)
        if line.kind == "furniture" or line.kind == "region":
            line.furniture = furniture_kind(cleaned)[1]
        lines.append(line)
        prev_blank = line.kind == "blank"
        pos += len(raw) + 1
    return join_ragged(join_wrapped(lines))


def wrap_width(lines: list[Line]) -> int | None:
    """The column a dump was hard-wrapped at (mail clients and plain-text archives wrap at 65-80),
    or None when it was not. Wrapped text shows many paragraph lines that run on into the next line
    and whose lengths crowd just under one width; teaser lists and one-line paragraphs do not."""
    run_on = [len(a.raw.rstrip(" \t")) for a, b in pairwise(lines) if a.kind == "text" and b.kind == "text"]
    run_on = [n for n in run_on if n <= WRAP_MAX_WIDTH]
    if len(run_on) < WRAP_MIN_LINES:
        return None
    width = max(run_on)
    near = sum(1 for n in run_on if n >= width - WRAP_SLACK)
    return width if near / len(run_on) >= WRAP_NEAR_SHARE else None


def _block_wrap_widths(lines: list[Line]) -> list[int | None]:
    """The wrap width of each line's block (lines between blank lines), for a dump of which only some
    items were hard-wrapped (one syndicated copy among web pastes): each block is judged alone."""
    widths: list[int | None] = [None] * len(lines)
    start = 0
    for end in [*(k for k, line in enumerate(lines) if line.kind == "blank"), len(lines)]:
        block = lines[start:end]
        width = wrap_width(block) if len(block) > WRAP_MIN_LINES else None
        widths[start:end] = [width] * len(block)
        start = end + 1
    return widths


def join_wrapped(lines: list[Line]) -> list[Line]:
    """Join each wrapped line with the line after it. A greedy wrapper breaks a line only when the
    next word does not fit, so a line followed by a word that would have fitted ends a paragraph
    (or is a headline) and stays apart. Bullet items and furniture lines wrap too, and are
    classified again once joined. A URL line inside a wrapped paragraph (text right before and
    after it) is part of the sentence; one followed by a blank line closes an article."""
    width = wrap_width(lines)
    widths = [width] * len(lines) if width is not None else _block_wrap_widths(lines)
    if not any(widths):
        return lines
    out: list[_Joining] = []
    for i, line in enumerate(lines):
        width = widths[i]
        prev = out[-1] if out else None
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        inline_url = line.kind == "url" and nxt is not None and nxt.kind == "text" and not nxt.blank_before
        continues = prev is not None and not line.blank_before and (
            (prev.kind == "text" and (line.kind == "text" or inline_url))
            # a wrapped list item or furniture line may break before a date ("...statement of" / "November 10, 2020")
            or (prev.kind in ("bullet", "furniture") and line.kind in ("text", "date", "time", "byline"))
        )
        if continues and width is not None:
            # measured on the raw lines: a no-break space joins words for the wrapper too
            first_word = re.split(r"[ \t]+", line.raw.strip(" \t"), maxsplit=1)[0]
            if len(prev.raw_tail) + 1 + len(first_word) > width:
                prev.join(line, first_word)
                continue
        out.append(_Joining(line))
    return [joining.line() for joining in out]


# A headline is told by its URL's slug only when they share this many words, and half the slug.
SLUG_MIN_OVERLAP = 3
# A line that ends in one of these words, or a comma, goes on in the next line.
_OPEN_ENDINGS = frozenset("a an the of to in on at by for from with and or but as that which who whose its their his her".split())


def join_ragged(lines: list[Line]) -> list[Line]:
    """Join lines broken inside sentences at no fixed width (a syndicator's hard breaks: "...the
    Republic of" / "Armenia released a joint statement"). Only in a block of text lines most of
    which end mid-sentence, and only where the break is plainly inside a sentence: the next line
    starts in lower case, or the line ends with a comma or a function word."""
    out: list[_Joining] = []
    start = 0
    for end in [*(k for k, line in enumerate(lines) if line.kind == "blank"), len(lines)]:
        block = lines[start:end]
        texts = [ln for ln in block if ln.kind == "text"]
        open_share = sum(not ln.text.rstrip("”\"’'").endswith((".", "!", "?", ":")) for ln in texts) / max(1, len(texts))
        ragged = len(texts) > WRAP_MIN_LINES and len(texts) == len(block) and open_share >= WRAP_NEAR_SHARE
        for line in block:
            prev = out[-1] if out and out[-1].kind == "text" and ragged and line is not block[0] else None
            # the tail holds the last word whole whenever that word is short enough to be an open ending
            if prev is not None and (line.text[:1].islower() or prev.tail.endswith(",") or prev.tail.split()[-1].lower() in _OPEN_ENDINGS):
                prev.join(line, line.text.split(maxsplit=1)[0])
            else:
                out.append(_Joining(line))
        if end < len(lines):
            out.append(_Joining(lines[end]))
        start = end + 1
    return [joining.line() for joining in out]


# A joined line longer than this is a paragraph, whatever its first lines were: no date, byline, URL
# or label line is this long, and a furniture pattern that takes in any rest ("We use cookies…")
# takes in the longer line too. A join past it keeps the line's kind instead of classifying the
# joined text again, which would cost the square of a paragraph's length (a hard-wrapped paragraph
# of a megabyte is 14,000 lines).
JOINED_KIND_MAX_CHARS = 1000
# Characters of a joining line's end kept at hand: enough for its last word whenever that word can
# be one of the _OPEN_ENDINGS, and for the hyphen at a wrap.
_TAIL_CHARS = 32


class _Joining:
    """A line and the continuation lines joined to it. The texts are kept in pieces and built once,
    when no more lines join: built at every join, a paragraph of n wrapped lines copies its text n times."""

    def __init__(self, line: Line):
        self.first, self.end = line, line.end
        self.raws, self.texts = [line.raw], [line.text]
        self.length = len(line.text)
        self.kind, self.furniture = line.kind, line.furniture
        self.tail = line.text[-_TAIL_CHARS:]
        self.raw_tail = line.raw.rstrip(" \t")  # the last physical line (raw), as the wrapper measured it

    def join(self, line: Line, first_word: str) -> None:
        """Join a continuation line; a hyphen at the wrap stays, without a space."""
        hyphenated = self.tail.endswith("-") and self.tail[-2:-1].isalpha() and first_word[:1].islower()
        glue = "" if hyphenated else " "
        self.raws[-1] = self.raws[-1].rstrip()
        self.raws += [glue, line.raw.strip()]
        self.texts += [glue, line.text]
        self.length += len(glue) + len(line.text)
        self.tail = (self.tail + glue + line.text[-_TAIL_CHARS:])[-_TAIL_CHARS:]
        self.end, self.raw_tail = line.end, line.raw.rstrip(" \t")
        if self.length <= JOINED_KIND_MAX_CHARS:
            text = "".join(self.texts)
            self.kind = _line_kind(Line(self.first.start, self.end, "".join(self.raws), text))
            self.furniture = furniture_kind(text)[1] if self.kind in ("furniture", "region") else None

    def line(self) -> Line:
        if len(self.texts) == 1:
            return self.first
        return Line(self.first.start, self.end, "".join(self.raws), "".join(self.texts), self.kind, self.furniture, self.first.blank_before)


def _line_kind(line: Line) -> str:
    text = line.text
    if not text:
        return "blank"
    if URL_LINE.match(text):
        return "url"
    if SEPARATOR_LINE.match(text):
        return "separator"
    if MAIL_HEADER.match(text):
        return "mail_header"
    if bullet_item(line.raw) is not None:
        return "bullet"
    furniture = furniture_kind(text)
    if furniture:
        return "region" if furniture[0] == "region" else "furniture"
    if parse_date_line(text):
        return "date"
    if TIME_LINE.match(text):
        return "time"
    byline = BYLINE.match(text) if len(text) < 100 else None
    if byline and (byline.group("when") is None or DATE_LINE.match(byline.group("when"))):
        return "byline"
    return "text"


def is_headline(line: Line) -> bool:
    """Could this line be a headline? Short, not a sentence fragment, starting like a title."""
    text = line.text
    return (
        line.kind == "text"
        and 2 <= line.words <= HEADLINE_MAX_WORDS
        and len(text) <= HEADLINE_MAX_CHARS
        and not text.rstrip("”\"’'").endswith((".", ",", ";", ":"))
        and (text[0].isupper() or text[0].isdigit() or text[0] in "\"“‘'«")
    )


def _is_label(line: Line, max_words: int = SHORT_LABEL_WORDS) -> bool:
    """A short line that can be an outlet name ("Panorama, Armenia", "TASS", "UPI")."""
    return (
        line.kind == "text"
        and line.words <= max_words
        and len(line.text) <= 10 * max_words
        and not line.text.endswith((".", ":", ";", "–", "—", "-"))
    )


# An outlet line right on top of its date line may be long: "United Nations Meetings Coverage and
# Press Releases (SC/15031)", "Prime Minister of the Republic of Armenia (primeminister.am)".
LONG_LABEL_WORDS = 10


@dataclass
class MetaCluster:
    """Metadata lines next to a headline: how many lines they span and what they say."""

    end: int  # index of the first line after the cluster
    outlet: str | None = None
    published: str | None = None
    updated: str | None = None  # a "Last updated" date: the publication date only when no other is given
    author: str | None = None
    url: str | None = None
    published_source: str = "date_line"
    has_signal: bool = False
    removed: Counter = field(default_factory=Counter)
    standfirst: int | None = None  # a subheadline right under the headline: body, not metadata

    def add_date(self, line: Line) -> None:
        value = parse_date_line(line.text)
        if _UPDATE_LABEL.match(line.text):
            self.updated = self.updated or value
        else:
            self.published = self.published or value
        match = DATE_LINE.match(line.text)
        if match and match.group("prefix"):
            self.outlet = self.outlet or re.split(r"\s+[/|]\s+", match.group("prefix"))[0]
        self.has_signal = True

    def merge(self, other: MetaCluster) -> None:
        """Fill what this cluster lacks from another (the lines above the headline)."""
        for name in ("outlet", "published", "updated", "author", "url"):
            if getattr(self, name) is None:
                setattr(self, name, getattr(other, name))
        self.has_signal |= other.has_signal
        self.removed.update(other.removed)

    @property
    def date(self) -> str | None:
        return self.published or self.updated


_META_KINDS = ("date", "byline", "time", "url")


def read_meta_cluster(lines: list[Line], start: int, stops: frozenset[int] | dict = frozenset(), limit: int | None = None) -> MetaCluster:
    """Consume the metadata lines from `start`; has_signal says whether they mark an article start.

    Outlet lines are short labels next to a date, a byline, a time or a URL; a URL line in the
    cluster is the article's URL (some sites put it above the body). A sentence right under the
    headline with metadata after it is a standfirst, kept as the body's first paragraph. The
    cluster ends before any line in `stops` (where the next article's own header begins), and
    before line `limit` for a caller that only asks whether the cluster reaches that far: a dump
    of headline and date lines only is one cluster to its end, read once per headline otherwise."""
    cluster = MetaCluster(end=start)
    i, labels = start, []
    end = len(lines) if limit is None else min(limit, len(lines))
    first = _next_content(lines, start)
    if first is not None and first == start and lines[first].kind == "text" and not _is_label(lines[first]):
        after = read_meta_cluster(lines, first + 1, stops, limit) if _next_content(lines, first + 1) != first + 1 else None
        if after is not None and after.has_signal:
            after.standfirst = first
            return after
    while i < end:
        line = lines[i]
        nxt = _next_content(lines, i + 1)
        if line.kind == "blank":
            i += 1
            continue
        if i in stops and i > start:
            break
        if line.kind == "furniture":
            cluster.removed[line.furniture] += 1
            cluster.has_signal |= line.furniture == "widget"
        elif line.kind == "date":
            cluster.add_date(line)
        elif line.kind == "time":
            cluster.has_signal = True
        elif line.kind == "url":
            if cluster.url is not None:
                break
            cluster.url = URL_LINE.match(line.text).group("url")
            cluster.has_signal = True
        elif line.kind == "byline":
            byline = BYLINE.match(line.text)
            cluster.author = cluster.author or byline.group("name")
            if byline.group("when"):
                cluster.published = cluster.published or parse_date_line(byline.group("when"))
            cluster.has_signal = True
        elif line.kind == "bullet" and len(bullet_item(line.raw).split()) <= 4:
            labels.append(bullet_item(line.raw))
            cluster.has_signal = True
        elif line.kind == "text" and line.words <= SHORT_LABEL_WORDS and nxt is not None and lines[nxt].kind in _META_KINDS:
            if _is_label(line):  # "India –" above a byline is header, but no outlet name
                labels.append(line.text)
        elif _is_label(line, LONG_LABEL_WORDS) and nxt == i + 1 and lines[nxt].kind in _META_KINDS:
            labels.append(line.text)
        elif _is_label(line) and i == first and _is_outlet_name(line) and nxt is not None and _is_paragraph(lines[nxt]):
            labels.append(line.text)  # "MENAFN", then the body
        else:
            break
        i += 1
        cluster.end = i
    if labels:
        cluster.outlet = labels[0]
    return cluster


def read_pre_block(lines: list[Line], headline: int) -> tuple[int, MetaCluster] | None:
    """Metadata above a headline ("AzerNews / 9 December 2023 16:45 / URL", then the headline):
    a block of outlet, date and URL lines set apart by a blank line before it, ending at most one
    blank line above the headline, with a date or a URL in it. Returns its first line and what it says."""
    j = headline - 1
    if j >= 0 and lines[j].kind == "blank":
        j -= 1
    top = None
    while j >= 0 and lines[j].kind != "blank" and headline - j <= 12:
        if lines[j].kind not in ("date", "time", "url", "byline") and not _is_label(lines[j]):
            return None
        top = j
        j -= 1
    if top is None:
        return None
    # read no further than the headline: a cluster that takes it in is no block above it, however far it runs
    cluster = read_meta_cluster(lines, top, limit=headline + 1)
    if not headline - 1 <= cluster.end <= headline or not (cluster.date or cluster.url):
        return None
    return top, cluster


def _is_outlet_name(line: Line) -> bool:
    """A name alone on a line: a few capitalised words ("MENAFN", "The White House")."""
    return line.words <= 5 and len(line.text) <= 40 and line.text[:1].isupper() and not line.text.endswith(("?", "!"))


def _is_paragraph(line: Line) -> bool:
    return line.kind == "text" and line.words >= 15


def _next_content(lines: list[Line], i: int) -> int | None:
    while i < len(lines) and lines[i].kind == "blank":
        i += 1
    return i if i < len(lines) else None


def find_dateline(first_paragraph: str) -> dict | None:
    """Dateline of a body's first paragraph: place, month-day and agency, when it has one."""
    for pattern in DATELINE_PATTERNS:
        match = pattern.match(first_paragraph)
        if not match:
            continue
        groups = match.groupdict()
        place = groups.get("place")
        if place and place.lower().rstrip(".") in MONTH_NUMBERS:
            continue
        month = groups.get("dm") or groups.get("dm2")
        day = groups.get("dd") or groups.get("dd2")
        return {
            "place": place.strip() if place else None,
            "month_day": (month_number(month), int(day)) if month and day else None,
            "agency": groups.get("agency"),
        }
    return None


@dataclass
class _Draft:
    start_line: int
    title: str
    body: list[int] = field(default_factory=list)
    meta: MetaCluster | None = None
    url: str | None = None
    last_line: int = 0
    closed: bool = False  # a closing widget ("Share", "Subscribe to our newsletter") ended its body
    removed: Counter = field(default_factory=Counter)


# Furniture that ends an article's body on a page: what follows it is another item.
CLOSING_FURNITURE = frozenset({"widget", "newsletter", "comments", "cookie"})


def _repeated_labels(lines: list[Line]) -> set[str]:
    """Short lines that occur more than once in the dump and are not outlet lines: mastheads, sections."""
    counts = Counter(
        line.text
        for i, line in enumerate(lines)
        if line.kind == "text" and line.words <= 4 and not _precedes_date(lines, i)
    )
    return {text for text, n in counts.items() if n > 1}


def _precedes_date(lines: list[Line], i: int) -> bool:
    nxt = _next_content(lines, i + 1)
    return nxt is not None and lines[nxt].kind in _META_KINDS


def _pre_blocks(lines: list[Line]) -> dict[int, tuple[int, MetaCluster]]:
    """Metadata blocks above headlines, by their first line: {first line: (headline, cluster)}."""
    found = {}
    for i, line in enumerate(lines):
        if is_headline(line) or (line.kind == "text" and 2 <= line.words <= HEADLINE_MAX_WORDS + 15 and not line.text.endswith(".")):
            pre = read_pre_block(lines, i)
            if pre is not None:
                found[pre[0]] = (i, pre[1])
    return found


def segment_dump(dump: Dump) -> Segmentation:
    """Articles of one dump, in order, with removed furniture counted by kind (per dump and per article)."""
    if dump.format != "text":
        return segment_records(dump)
    lines = split_lines(dump.text)
    removed: Counter = Counter()
    labels = _repeated_labels(lines)
    for line in lines:
        if line.kind == "text" and line.text in labels:
            line.kind, line.furniture = "furniture", "repeated_label"
    pre_blocks = _pre_blocks(lines)
    urls = [k for k, line in enumerate(lines) if line.kind == "url"]

    drafts: list[_Draft] = []
    current: _Draft | None = None
    in_teaser = False
    consumed = 0  # lines before this index belong to an article's header
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.kind == "blank":
            i += 1
            continue
        start = _start_here(lines, i, current, in_teaser, pre_blocks, urls, consumed)
        if start is not None:
            head, cluster = start
            current = _Draft(start_line=i, title=lines[head].text, last_line=head)
            drafts.append(current)
            in_teaser = False
            if not (is_headline(lines[head]) or head != i or cluster.has_signal):
                current.title = _title_from_paragraph(lines[head].text)
                current.body.append(head)
            if cluster.standfirst is not None:
                current.body.append(cluster.standfirst)
            current.meta, current.url = cluster, cluster.url
            current.removed.update(cluster.removed)
            i = max(cluster.end, head + 1)
            consumed = i
            current.last_line = i - 1
            continue
        teaser_after = _count_furniture(line, in_teaser, removed)
        if teaser_after is not None:
            in_teaser = teaser_after
            if current is not None and line.kind == "furniture" and line.furniture in CLOSING_FURNITURE:
                current.closed = True
        elif line.kind == "url":
            if current is not None and current.url is None:
                current.url = URL_LINE.match(line.text).group("url")
                current.last_line = i
                current.closed = True
            else:
                removed["stray_url"] += 1
        elif line.kind == "separator":
            removed["separator"] += 1
            current, in_teaser = None, False
        elif line.kind == "mail_header":
            removed["mail_header"] += 1
        elif line.kind in ("date", "byline", "time") and current is not None:
            _header_line_in_body(current, line)
        elif current is not None:
            current.body.append(i)
            current.last_line = i
        i += 1

    year_context = _dump_year(drafts, lines)
    # headerless text is a banner only in a dump whose articles have headers; a digest split by rules has none
    any_header = any(d.meta and (d.meta.date or d.url or d.meta.author) for d in drafts)
    articles = []
    for draft in drafts:
        article = _build_article(dump, draft, lines, len(articles), year_context, removed, orphan_possible=any_header)
        if article is not None:
            articles.append(article)
    return Segmentation(articles=articles, removed=dict(sorted(removed.items())))


def _start_here(lines, i, current, in_teaser, pre_blocks, urls, consumed) -> tuple[int, MetaCluster] | None:
    """(headline line, metadata) when an article starts at line i, else None. An article starts
    with a metadata block above its headline, with a headline that has metadata under it, or,
    after the previous article was closed (by its URL line, a closing widget, a digest rule) or at
    the start of the dump, with any text line. `urls` are the indexes of the URL lines, in order."""
    line = lines[i]
    # a header above a headline opens an article where none is open, or after a run of text that had no header
    between = current is None or current.closed or in_teaser or not (current.meta and current.meta.has_signal)
    # inside an open article, a block that starts with an outlet line still opens the next one (a byline
    # and dates under a summary do not)
    if i in pre_blocks and i >= consumed and (between or _is_label(line)):
        head, above = pre_blocks[i]
        cluster = read_meta_cluster(lines, head + 1, pre_blocks)
        if cluster.date and above.date:
            above.published = above.updated = None  # the headline's own date wins over a ticker's
        cluster.merge(above)
        return head, cluster
    if is_headline(line) or _is_long_headline(lines, i):
        if line.blank_before or current is None:
            cluster = read_meta_cluster(lines, i + 1)
            if _header_belongs_below(lines, i, cluster, pre_blocks, urls):
                return None
            if cluster.has_signal and not _is_caption_date(cluster, current) and not _is_closing_url(cluster, current):
                return i, cluster
    if (current is None or current.closed) and not in_teaser and line.kind in ("text", "bullet"):
        return i, read_meta_cluster(lines, i + 1, pre_blocks)
    return None


def _header_belongs_below(lines: list[Line], i: int, cluster: MetaCluster, pre_blocks: dict, urls: list[int]) -> bool:
    """Whether a header between two headline-like lines ("Become a member" / outlet, date, URL /
    the real headline) is the lower one's. The URL slug decides, as it spells its article's
    headline: the header's own URL, else the URL line that closes the body below it. With no URL,
    a header belongs to the line above it, the commoner layout. Both lookups take the lines near
    the header only: asked at every headline, a walk over all blocks or to the dump's end costs
    the square of the dump's length."""
    below = next((pre_blocks[k][0] for k in range(i + 1, cluster.end) if k in pre_blocks), None)
    if below is None:
        return False
    closing = bisect_left(urls, cluster.end)
    url = cluster.url or (URL_LINE.match(lines[urls[closing]].text).group("url") if closing < len(urls) else None)
    if not url:
        return False
    slug = set(re.findall(r"[a-z0-9]+", url.lower().rstrip("/").rsplit("/", 1)[-1]))
    def overlap(idx: int) -> int:
        return len(slug & set(re.findall(r"[a-z0-9]+", lines[idx].text.lower())))
    return overlap(below) > overlap(i) and overlap(below) >= max(SLUG_MIN_OVERLAP, len(slug) / 2)


def _is_closing_url(cluster: MetaCluster, current: _Draft | None) -> bool:
    """A URL alone after a paragraph of an open article is that article's URL, not a new header."""
    only_url = cluster.url is not None and cluster.outlet is None and cluster.date is None and cluster.author is None
    return only_url and current is not None and current.url is None and bool(current.body)


def _header_line_in_body(draft: _Draft, line: Line) -> None:
    """A byline, date or time line below an article's first paragraph ("By TZVI JOFFRE",
    "Published: SEPTEMBER 13, 2022 00:34"): header lines the page put under a summary. They fill
    what the header lacks and are not body text; a date line of a page-top ticker goes the same way."""
    extra = read_meta_cluster([line], 0)
    draft.meta = draft.meta or MetaCluster(end=draft.start_line + 1)
    draft.meta.merge(extra)
    draft.removed["header_line"] += 1


def _is_long_headline(lines: list[Line], i: int) -> bool:
    """A headline longer than usual (official statements' titles run to 40+ words): still a line
    that is no sentence, directly followed by an outlet or date line."""
    line = lines[i]
    nxt = _next_content(lines, i + 1)
    return (
        line.kind == "text" and (line.words > HEADLINE_MAX_WORDS or len(line.text) > HEADLINE_MAX_CHARS)
        and line.words <= 2 * HEADLINE_MAX_WORDS and not line.text.endswith((".", ",", ";", ":"))
        and nxt is not None and (lines[nxt].kind in _META_KINDS or _precedes_date(lines, nxt))
    )


def _is_caption_date(cluster: MetaCluster, current: _Draft | None) -> bool:
    """A photo credit with its date inside a body ("AP video via AP" / "April 3, 2016"): a date
    alone, the open article's own date, with no outlet, URL or byline: no new article."""
    if current is None or current.closed or current.meta is None or not current.body:
        return False
    only_date = cluster.outlet is None and cluster.url is None and cluster.author is None
    return only_date and cluster.date is not None and cluster.date == current.meta.date


def _count_furniture(line: Line, in_teaser: bool, removed: Counter) -> bool | None:
    """Count a furniture line, or any line inside a teaser block, under its kind. Returns whether a
    teaser block is open after it, or None when the line is content for the caller to place."""
    if in_teaser:
        removed["teaser_block"] += 1
        return True
    if line.kind == "region":
        removed[line.furniture] += 1
        return True
    if line.kind == "furniture":
        removed[line.furniture] += 1
        return False
    return None


def _title_from_paragraph(text: str, max_words: int = 15) -> str:
    sentence = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
    words = sentence.split()
    return " ".join(words[:max_words]) + ("…" if len(words) > max_words else "")


def _dump_year(drafts: list[_Draft], lines: list[Line]) -> int | None:
    """The year the dump is about: most common year of its dated articles, else of its full dates."""
    years = [int(d.meta.published[:4]) for d in drafts if d.meta and d.meta.published]
    if not years:
        years = [int(m.group("y")) for line in lines for m in full_dates(line.text) if m.group("y")]
    return Counter(years).most_common(1)[0][0] if years else None


def _build_article(dump, draft, lines, seq, year_context, removed, orphan_possible) -> Article | None:
    """The article of a draft. Its body loses only what is furniture by its shape: a paragraph it
    repeats word for word (scraped captions, a doubled lead), and short lines that are no sentences
    after its last paragraph (a ticker, "Newspapers in English", a sign-off). A paragraph is never
    dropped for appearing in another article: an updated story repeats its earlier version's text."""
    paragraphs, seen = [], set()
    for idx in _drop_teaser_lists(draft, lines):
        text = lines[idx].text
        if text in seen and len(text) >= REPEATED_BLOCK_MIN_CHARS:
            draft.removed["repeated_paragraph"] += 1
            continue
        seen.add(text)
        paragraphs.append(text)
    while len(paragraphs) > 1 and _is_trailing_furniture(paragraphs[-1]):
        paragraphs.pop()
        draft.removed["trailing_furniture"] += 1
    meta = draft.meta or MetaCluster(end=draft.start_line + 1)
    has_header = bool(meta.date or draft.url or meta.author)
    n_words = sum(len(p.split()) for p in paragraphs)
    if paragraphs and orphan_possible and not has_header and n_words < ORPHAN_MAX_WORDS and not find_dateline(paragraphs[0]):
        draft.removed["orphan_block"] += len(paragraphs) + 1
        removed.update(draft.removed)
        return None
    removed.update(draft.removed)
    if not paragraphs:
        removed["headline_without_body"] += 1
        return None
    span = (lines[draft.start_line].start, lines[draft.last_line].end)
    article = _article(dump.name, seq, draft.title, paragraphs, meta, draft.url, span, year_context)
    article.removed = dict(sorted(draft.removed.items()))
    return article


def _drop_teaser_lists(draft: _Draft, lines: list[Line]) -> list[int]:
    """The draft's body lines less its teaser lists: two or more bullet items in a row, none of them a
    sentence, are headlines of other stories ("• Amnesty International Report on Georgia: ..."). A
    list with sentences in it ("• On September 20, the authorities capitulated.") is body text."""
    kept, run = [], []
    for idx in [*draft.body, None]:
        if idx is not None and lines[idx].kind == "bullet" and (not run or run[-1] == idx - 1 or _only_blanks(lines, run[-1], idx)):
            run.append(idx)
            continue
        if len(run) >= 2 and not any(lines[k].text.rstrip("”\"’'").endswith((".", "!", "?")) for k in run):
            draft.removed["teaser_list"] += len(run)
        else:
            kept += run
        run = []
        if idx is not None and lines[idx].kind == "bullet":
            run = [idx]
        elif idx is not None:
            kept.append(idx)
    return kept


def _only_blanks(lines: list[Line], a: int, b: int) -> bool:
    return all(lines[k].kind == "blank" for k in range(a + 1, b))


def _is_trailing_furniture(text: str) -> bool:
    """A short line that is no sentence: page chrome when it closes an article's body."""
    return len(text.split()) <= SHORT_LABEL_WORDS and not text.rstrip("”\"’'").endswith((".", "!", "?"))


def _article(dump_name, seq, title, paragraphs, meta, url, span, year_context) -> Article:
    """An Article from its parts: metadata lines first, then the body's dateline, then the text."""
    dateline = next((d for p in paragraphs[:DATELINE_PARAGRAPHS] if (d := find_dateline(p))), None)
    outlet = meta.outlet
    published, source = (meta.date, meta.published_source) if meta.date else (None, None)
    if dateline:
        outlet = outlet or _agency_name(dateline["agency"])
        if not published and dateline["month_day"] and year_context:
            published, source = iso_date(year_context, *dateline["month_day"]), "dateline"
    if not published:
        published, source = infer_published(title, paragraphs, year_context)
    return Article(
        dump=dump_name,
        seq=seq,
        title=title,
        text="\n\n".join([title, *paragraphs]),
        raw_start=span[0],
        raw_end=span[1],
        outlet=outlet,
        published=published,
        url=url,
        dateline=dateline["place"] if dateline else None,
        author=meta.author,
        published_source=source,
    )


def segment_records(dump: Dump) -> Segmentation:
    """Articles of a structured input: one per record, its fields taking precedence over what the
    text itself says; the text still goes through furniture removal, wrapping and metadata lifting."""
    removed: Counter = Counter()
    articles = []
    years = [int(v[:4]) for r in dump.records if (v := normalize_published(r.published))]
    year_context = Counter(years).most_common(1)[0][0] if years else None
    for record in dump.records:
        article = _record_article(dump.name, record, len(articles), year_context, removed)
        if article is not None:
            articles.append(article)
    return Segmentation(articles=articles, removed=dict(sorted(removed.items())))


def _record_article(dump_name, record, seq, year_context, removed) -> Article | None:
    lines = split_lines(record.text)
    meta = read_meta_cluster(lines, 0)
    removed.update(meta.removed)
    paragraphs, url, in_teaser = [], None, False
    for line in lines[meta.end :]:
        if line.kind == "blank":
            continue
        teaser_after = _count_furniture(line, in_teaser, removed)
        if teaser_after is not None:
            in_teaser = teaser_after
        elif line.kind == "url" and url is None:
            url = URL_LINE.match(line.text).group("url")
        elif line.kind in ("url", "separator", "mail_header"):
            removed[line.kind] += 1
        else:
            paragraphs.append(line.text)
    title = clean_line(record.title or "")
    if not title and len(paragraphs) > 1 and is_headline(Line(0, 0, paragraphs[0], paragraphs[0])):
        title = paragraphs.pop(0)
    if not paragraphs:
        removed["headline_without_body"] += 1
        return None
    title = title or _title_from_paragraph(paragraphs[0])
    record_date = normalize_published(record.published)
    meta.outlet = clean_line(record.outlet) if record.outlet else meta.outlet
    meta.author = clean_line(record.author) if record.author else meta.author
    if record_date:
        meta.published, meta.published_source = record_date, "record"
    return _article(dump_name, seq, title, paragraphs, meta, record.url or url, (record.raw_start, record.raw_end), year_context)


_ISO_PREFIX = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?(?:$|[T ])")


def normalize_published(value: str | None) -> str | None:
    """ISO date (or month, or year) from a record's date field, which exports write in many ways:
    "2023-12-11T10:00:00Z", "11 December 2023", "Dec. 11, 2023", "11.12.2023". None when unreadable."""
    if not value:
        return None
    value = clean_line(value)
    iso = _ISO_PREFIX.match(value)
    if iso:
        parts = [p for p in (iso.group("y"), iso.group("m"), iso.group("d")) if p]
        return "-".join(parts)
    line = DATE_LINE.match(value)
    if line:
        return parse_full_date(line)
    import dateparser

    parsed = dateparser.parse(value, languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": "DMY"})
    return parsed.date().isoformat() if parsed else None


def _agency_name(agency: str | None) -> str | None:
    if not agency:
        return None
    return agency.upper() if len(agency) <= 10 and agency.isalpha() and agency.isupper() else agency


_TODAY_DATE = re.compile(rf"\btoday,?\s*\(?(?:{MONTH_DAY}|{DAY_MONTH})\b", re.IGNORECASE)
_WEEKDAY_DATE = re.compile(rf"\b(?P<wd>{WEEKDAY}),?\s*\(?(?:{MONTH_DAY}|{DAY_MONTH})\b", re.IGNORECASE)


def infer_published(title: str, paragraphs: list[str], year_context: int | None) -> tuple[str | None, str | None]:
    """Publication date of an article whose dump gives none, from its own text.

    "today, June 24" or a full date in the headline give a day. Otherwise the latest date in the body
    decides: a weekday-named date ("on Saturday (March 25)") gives the day, since news style names
    the weekday only for the last few days before publication; a plain full date gives the month
    only, since an article is written on or after the last date it reports, but not always soon.
    """
    for match in FULL_DATE.finditer(title):
        iso = parse_full_date(match)
        if iso:
            return iso, "headline_date"
    body = "\n".join(paragraphs)
    today = _TODAY_DATE.search(body)
    if today and year_context:
        month, day = today.group("m1") or today.group("m2"), today.group("d1") or today.group("d2")
        return iso_date(year_context, month_number(month), int(day)), "text_today"
    found = [(iso, "text_latest_date") for m in full_dates(body) if (iso := parse_full_date(m))]
    for match in _WEEKDAY_DATE.finditer(body):
        year = _weekday_year(match, year_context)
        if year:
            month = month_number(match.group("m1") or match.group("m2"))
            day = int(match.group("d1") or match.group("d2"))
            found.append((iso_date(year, month, day), "text_weekday_date"))
    if not found:
        return None, None
    latest, source = max(found)
    return (latest if source == "text_weekday_date" else latest[:7]), source


def _weekday_year(match: re.Match, year_context: int | None) -> int | None:
    """The year near year_context in which the month-day falls on the named weekday."""
    if not year_context:
        return None
    month = month_number(match.group("m1") or match.group("m2"))
    day = int(match.group("d1") or match.group("d2"))
    weekday = match.group("wd").lower()[:3]
    for offset in (0, -1, 1, -2, 2):
        date = iso_date(year_context + offset, month, day)
        if date and dt.date.fromisoformat(date).strftime("%a").lower() == weekday:
            return year_context + offset
    return None
