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

import calendar
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from caucasus_nlp.clean import bullet_item, clean_line, furniture_kind
from caucasus_nlp.kb import read_jsonl
from caucasus_nlp.records import Article, Dump, Segmentation

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_MD = rf"(?P<m1>{MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?"
_DM = rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{MONTH})"
_FULL_DATE = rf"(?:(?:{WEEKDAY},?\s+)?(?:{_MD}|{_DM}),?\s+(?P<y>\d{{4}})|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}}))"
_TIME = r"\d{1,2}:\d{2}(?:\s*(?:[AaPp]\.?[Mm]\.?))?"
_DOTTED_DATE = r"(?P<dotted>(?P<dd_day>\d{1,2})\.(?P<dd_month>\d{1,2})\.(?P<dd_year>\d{4}))"
_DATE_LABEL = r"(?:(?:published|updated|last updated|posted|date)(?: on)?\s*:?\s*)"
# "Dec 11 2023", "Panorama, Armenia / Dec 11 2023", "TASS / Russia – March 14 2023",
# "10:53, 21 March 2023", "8 December 2023 17:05", "Published: 11.12.2023 | 14:22", "Dec. 11, 2023 5:04 p.m. ET"
DATE_LINE = re.compile(
    rf"^(?:(?P<prefix>[^\W\d_][\w .,'’&/-]{{0,40}}?)\s*[/|–—-]\s*)?{_DATE_LABEL}?(?:{_TIME},?\s*)?"
    rf"(?:{_FULL_DATE}|{_DOTTED_DATE})(?:\s*[,|/]?\s*{_TIME}(?:\s*[A-Z]{{2,5}}(?:[+-]\d{{1,2}}(?::?\d{{2}})?)?)?)?\.?$",
    re.IGNORECASE,
)
TIME_LINE = re.compile(rf"^{_TIME},?$")
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
_PLACE_CAPS = r"[A-Z][A-Z'’.-]+(?:[ -][A-Z][A-Z'’.-]+){0,2}"
_PLACE_TITLE = r"[A-Z][a-zəöüçşğı'’-]+(?: [A-Z][a-zəöüçşğı'’-]+)?"
_DL_DATE = rf"(?:(?P<dm>(?i:{MONTH}))\s*(?P<dd>\d{{1,2}})|(?P<dd2>\d{{1,2}})\s+(?P<dm2>(?i:{MONTH})))"
# An agency credit in brackets: "Reuters", "AP", "Caucasus Test Monitor" (letters only, at most four words).
_AGENCY = r"[A-Za-z][A-Za-z.-]+(?: [A-Za-z][A-Za-z.-]+){0,3}"
DATELINE_PATTERNS = (
    # YEREVAN, MARCH 27, ARMENPRESS.   BAKU, March 14. /TASS/.   Baku, December 7, AZERTAC
    re.compile(rf"^(?P<place>{_PLACE_CAPS}|{_PLACE_TITLE}),\s+{_DL_DATE}[.,]?\s*/?(?P<agency>[A-Z][A-Za-z-]{{2,}})/?\.?(?=\s|$)"),
    # MOSCOW (Reuters) -    YEREVAN, March 27 (Reuters) -    ANKARA, Turkey (AP) —
    re.compile(
        rf"^(?P<place>{_PLACE_CAPS}|{_PLACE_TITLE})(?:,\s+(?!{MONTH}\s+\d)(?P<region>[A-Z][\w.'’-]+(?:[ -][A-Z][\w.'’-]+){{0,2}}))?"
        rf"(?:,\s+{_DL_DATE})?\s+\((?P<agency>{_AGENCY})\)\s*[—–-]"
    ),
    # WASHINGTON, Dec. 8 —   DUBAI, 11 December –   BAKU, Azerbaijan, December 11. (Trend)
    re.compile(
        rf"^(?P<place>{_PLACE_CAPS})(?:,\s+(?!{MONTH}\s*\d)(?P<region>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){{0,2}}))?,\s+{_DL_DATE}\s*[—–.-]\s"
    ),
    # Dec. 8 (UPI) —
    re.compile(rf"^{_DL_DATE}\s+\((?P<agency>{_AGENCY})\)\s*[—–-]"),
    # YEREVAN — text   (capitals only, so that ordinary sentences never match)
    re.compile(rf"^(?P<place>{_PLACE_CAPS})\s*[—–]\s"),
)
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
# Share of an article's long paragraphs already seen in the dump above which it is a repeat of an
# earlier article (kept whole, so that it can be flagged), not an article sharing boilerplate.
REPEATED_ARTICLE_SHARE = 0.8


def month_number(token: str) -> int:
    """1-12 for a month name or abbreviation ("Dec.", "Sept", "March")."""
    key = token.lower().rstrip(".")
    return _MONTHS[key] if key in _MONTHS else _MONTHS[key[:3]]


def parse_full_date(match: re.Match) -> str | None:
    """ISO date from a _FULL_DATE (or DATE_LINE) match, or None for an impossible date (31 February)."""
    if match.group("iso"):
        return match.group("iso")
    if "dotted" in match.re.groupindex and match.group("dotted"):
        return _iso(int(match.group("dd_year")), int(match.group("dd_month")), int(match.group("dd_day")))
    month = match.group("m1") or match.group("m2")
    day = match.group("d1") or match.group("d2")
    try:
        return dt.date(int(match.group("y")), month_number(month), int(day)).isoformat()
    except ValueError:
        return None


@dataclass
class Line:
    start: int
    end: int
    raw: str  # as in the dump; for joined wrapped lines, the wraps become the glue of `text`
    text: str
    kind: str = "text"  # blank, url, separator, mail_header, furniture, region, date, time, byline, bullet, text
    furniture: str | None = None
    blank_before: bool = True
    raw_tail: str = ""  # the last physical line (raw), when wrapped lines were joined into this one

    @property
    def words(self) -> int:
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
    return join_wrapped(lines)


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


def join_wrapped(lines: list[Line]) -> list[Line]:
    """Join each wrapped line with the line after it. A greedy wrapper breaks a line only when the
    next word does not fit, so a line followed by a word that would have fitted ends a paragraph
    (or is a headline) and stays apart. Bullet items and furniture lines wrap too, and are
    classified again once joined. A URL line inside a wrapped paragraph (text right before and
    after it) is part of the sentence; one followed by a blank line closes an article."""
    width = wrap_width(lines)
    if width is None:
        return lines
    out: list[Line] = []
    for i, line in enumerate(lines):
        prev = out[-1] if out else None
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        inline_url = line.kind == "url" and nxt is not None and nxt.kind == "text" and not nxt.blank_before
        continues = prev is not None and not line.blank_before and (
            (prev.kind == "text" and (line.kind == "text" or inline_url))
            # a wrapped list item or furniture line may break before a date ("...statement of" / "November 10, 2020")
            or (prev.kind in ("bullet", "furniture") and line.kind in ("text", "date", "time", "byline"))
        )
        if continues:
            # measured on the raw lines: a no-break space joins words for the wrapper too
            first_word = re.split(r"[ \t]+", line.raw.strip(" \t"), maxsplit=1)[0]
            if len(prev.raw_tail) + 1 + len(first_word) > width:
                out[-1] = _joined(prev, line, first_word)
                continue
        line.raw_tail = line.raw.rstrip(" \t")
        out.append(line)
    return out


def _joined(prev: Line, line: Line, first_word: str) -> Line:
    """One line from a wrapped line and its continuation; a hyphen at the wrap stays, without a space."""
    hyphenated = prev.text.endswith("-") and prev.text[-2:-1].isalpha() and first_word[:1].islower()
    glue = "" if hyphenated else " "
    merged = Line(prev.start, line.end, prev.raw.rstrip() + glue + line.raw.strip(), prev.text + glue + line.text,
                  blank_before=prev.blank_before)
    merged.kind = _line_kind(merged)
    if merged.kind in ("furniture", "region"):
        merged.furniture = furniture_kind(merged.text)[1]
    merged.raw_tail = line.raw.rstrip(" \t")
    return merged


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
    if DATE_LINE.match(text):
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
        and not text.endswith((".", ",", ";", ":"))
        and (text[0].isupper() or text[0].isdigit() or text[0] in "\"“‘'«")
    )


def _is_label(line: Line) -> bool:
    """A short line that can be an outlet name ("Panorama, Armenia", "TASS", "UPI")."""
    return (
        line.kind == "text"
        and line.words <= SHORT_LABEL_WORDS
        and len(line.text) <= 60
        and not line.text.endswith((".", ":", ";", "–", "—", "-"))
    )


@dataclass
class MetaCluster:
    """Metadata lines after a headline: how many lines they span and what they say."""

    end: int  # index of the first line after the cluster
    outlet: str | None = None
    published: str | None = None
    author: str | None = None
    published_source: str = "date_line"
    has_signal: bool = False
    removed: Counter = field(default_factory=Counter)


def read_meta_cluster(lines: list[Line], start: int) -> MetaCluster:
    """Consume the metadata lines from `start`; has_signal says whether they mark an article start."""
    cluster = MetaCluster(end=start)
    i, labels = start, []
    while i < len(lines):
        line = lines[i]
        nxt = _next_content(lines, i + 1)
        if line.kind == "blank":
            i += 1
            continue
        if line.kind == "furniture":
            cluster.removed[line.furniture] += 1
            cluster.has_signal |= line.furniture == "widget"
        elif line.kind == "date":
            match = DATE_LINE.match(line.text)
            cluster.published = cluster.published or parse_full_date(match)
            if match.group("prefix"):
                labels.append(re.split(r"\s+[/|]\s+", match.group("prefix"))[0])
            cluster.has_signal = True
        elif line.kind == "time":
            cluster.has_signal = True
        elif line.kind == "byline":
            byline = BYLINE.match(line.text)
            cluster.author = cluster.author or byline.group("name")
            if byline.group("when"):
                cluster.published = cluster.published or parse_full_date(DATE_LINE.match(byline.group("when")))
            cluster.has_signal = True
        elif line.kind == "bullet" and len(bullet_item(line.raw).split()) <= 4:
            labels.append(bullet_item(line.raw))
            cluster.has_signal = True
        elif line.kind == "text" and line.words <= SHORT_LABEL_WORDS and nxt is not None and lines[nxt].kind in (
            "date",
            "byline",
            "time",
        ):
            if _is_label(line):
                labels.append(line.text)
        else:
            break
        i += 1
        cluster.end = i
    if labels:
        cluster.outlet = labels[0]
    return cluster


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
        if place and place.lower().rstrip(".") in _MONTHS:
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
    return nxt is not None and lines[nxt].kind in ("date", "byline", "time")


def segment_dump(dump: Dump) -> Segmentation:
    """Articles of one dump, in order, with removed furniture counted by kind."""
    if dump.format != "text":
        return segment_records(dump)
    lines = split_lines(dump.text)
    removed: Counter = Counter()
    labels = _repeated_labels(lines)
    for line in lines:
        if line.kind == "text" and line.text in labels:
            line.kind, line.furniture = "furniture", "repeated_label"

    drafts: list[_Draft] = []
    current: _Draft | None = None
    in_teaser = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.kind == "blank":
            i += 1
            continue
        strong = None
        if is_headline(line) and line.blank_before:
            cluster = read_meta_cluster(lines, i + 1)
            if cluster.has_signal:
                strong = cluster
        if strong is not None or (current is None and not in_teaser and line.kind in ("text", "bullet")):
            current = _Draft(start_line=i, title=line.text, last_line=i)
            drafts.append(current)
            in_teaser = False
            if strong is None:
                strong = read_meta_cluster(lines, i + 1)
                if not is_headline(line):
                    current.title = _title_from_paragraph(line.text)
                    current.body.append(i)
            current.meta = strong
            removed.update(strong.removed)
            i = max(strong.end, i + 1)
            current.last_line = i - 1
            continue
        teaser_after = _count_furniture(line, in_teaser, removed)
        if teaser_after is not None:
            in_teaser = teaser_after
        elif line.kind == "url":
            if current is not None and current.url is None:
                current.url = URL_LINE.match(line.text).group("url")
                current.last_line = i
                current = None
            else:
                removed["stray_url"] += 1
        elif line.kind == "separator":
            removed["separator"] += 1
            current, in_teaser = None, False
        elif line.kind == "mail_header":
            removed["mail_header"] += 1
        elif line.kind == "bullet" and current is not None and not _is_short_bullet(line):
            removed["teaser_list"] += 1
        elif current is not None:
            current.body.append(i)
            current.last_line = i
        i += 1

    year_context = _dump_year(drafts, lines)
    seen_blocks: set[str] = set()
    articles = []
    for draft in drafts:
        article = _build_article(dump, draft, lines, len(articles), year_context, seen_blocks, removed)
        if article is not None:
            articles.append(article)
    return Segmentation(articles=articles, removed=dict(sorted(removed.items())))


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


def _is_short_bullet(line: Line) -> bool:
    return len((bullet_item(line.raw) or "").split()) <= 4


def _title_from_paragraph(text: str, max_words: int = 15) -> str:
    sentence = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
    words = sentence.split()
    return " ".join(words[:max_words]) + ("…" if len(words) > max_words else "")


def _dump_year(drafts: list[_Draft], lines: list[Line]) -> int | None:
    """The year the dump is about: most common year of its dated articles, else of its full dates."""
    years = [int(d.meta.published[:4]) for d in drafts if d.meta and d.meta.published]
    if not years:
        years = [int(m.group("y")) for line in lines for m in re.finditer(_FULL_DATE, line.text, re.IGNORECASE) if m.group("y")]
    return Counter(years).most_common(1)[0][0] if years else None


def _build_article(dump, draft, lines, seq, year_context, seen_blocks, removed) -> Article | None:
    texts = [lines[idx].text for idx in draft.body]
    long_texts = [t for t in texts if len(t) >= REPEATED_BLOCK_MIN_CHARS]
    repeat_of_article = bool(long_texts) and sum(t in seen_blocks for t in long_texts) >= REPEATED_ARTICLE_SHARE * len(long_texts)
    paragraphs = []
    for text in texts:
        if len(text) >= REPEATED_BLOCK_MIN_CHARS and not repeat_of_article:
            if text in seen_blocks:
                removed["repeated_block"] += 1
                continue
            seen_blocks.add(text)
        paragraphs.append(text)
    if not paragraphs:
        removed["headline_without_body"] += 1
        return None
    meta = draft.meta or MetaCluster(end=draft.start_line + 1)
    span = (lines[draft.start_line].start, lines[draft.last_line].end)
    return _article(dump.name, seq, draft.title, paragraphs, meta, draft.url, span, year_context)


def _article(dump_name, seq, title, paragraphs, meta, url, span, year_context) -> Article:
    """An Article from its parts: metadata lines first, then the body's dateline, then the text."""
    dateline = next((d for p in paragraphs[:2] if (d := find_dateline(p))), None)
    outlet = meta.outlet
    published, source = (meta.published, meta.published_source) if meta.published else (None, None)
    if dateline:
        outlet = outlet or _agency_name(dateline["agency"])
        if not published and dateline["month_day"] and year_context:
            published, source = _iso(year_context, *dateline["month_day"]), "dateline"
    if not published:
        published, source = infer_published(title, paragraphs, year_context or anchored_year(paragraphs))
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


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


_TODAY_DATE = re.compile(rf"\btoday,?\s*\(?(?:{_MD}|{_DM})\b", re.IGNORECASE)
_WEEKDAY_DATE = re.compile(rf"\b(?P<wd>{WEEKDAY}),?\s*\(?(?:{_MD}|{_DM})\b", re.IGNORECASE)


def infer_published(title: str, paragraphs: list[str], year_context: int | None) -> tuple[str | None, str | None]:
    """Publication date of an article whose dump gives none, from its own text.

    "today, June 24" or a full date in the headline give a day. Otherwise the latest date in the body
    decides: a weekday-named date ("on Saturday (March 25)") gives the day, since news style names
    the weekday only for the last few days before publication; a plain full date gives the month
    only, since an article is written on or after the last date it reports, but not always soon.
    """
    for match in re.finditer(_FULL_DATE, title, re.IGNORECASE):
        iso = parse_full_date(match)
        if iso:
            return iso, "headline_date"
    body = "\n".join(paragraphs)
    today = _TODAY_DATE.search(body)
    if today and year_context:
        month, day = today.group("m1") or today.group("m2"), today.group("d1") or today.group("d2")
        return _iso(year_context, month_number(month), int(day)), "text_today"
    found = [(iso, "text_latest_date") for m in re.finditer(_FULL_DATE, body, re.IGNORECASE) if (iso := parse_full_date(m))]
    for match in _WEEKDAY_DATE.finditer(body):
        year = _weekday_year(match, year_context)
        if year:
            month = month_number(match.group("m1") or match.group("m2"))
            day = int(match.group("d1") or match.group("d2"))
            found.append((_iso(year, month, day), "text_weekday_date"))
    if not found:
        return None, None
    latest, source = max(found)
    return (latest if source == "text_weekday_date" else latest[:7]), source


_RELATIVE_YEAR_DATE = re.compile(rf"(?:{_MD}|{_DM}),?\s+(?P<rel>this|last) year\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _dated_agreements() -> tuple[tuple[re.Pattern, dt.date], ...]:
    """Name patterns and dates of the catalogued agreements (resources/agreements.jsonl)."""
    out = []
    for rec in read_jsonl(None, "agreements.jsonl"):
        if rec.get("date") and len(rec["date"]) == 10:
            names = [rec["name"], *rec.get("patterns", [])]
            pattern = re.compile("|".join(re.escape(n) for n in names), re.IGNORECASE)
            out.append((pattern, dt.date.fromisoformat(rec["date"])))
    return tuple(out)


def anchored_year(paragraphs: list[str]) -> int | None:
    """The year of writing, for an article that never states it, from a known dated agreement that
    the text places in "this year" or "last year": "the Declaration on Allied Interaction signed on
    February 22 this year" can only have been written in 2022."""
    for paragraph in paragraphs:
        for sentence in re.split(r"(?<=[.!?])\s+", paragraph):
            for match in _RELATIVE_YEAR_DATE.finditer(sentence):
                month = month_number(match.group("m1") or match.group("m2"))
                day = int(match.group("d1") or match.group("d2"))
                for pattern, date in _dated_agreements():
                    if (date.month, date.day) == (month, day) and pattern.search(sentence):
                        return date.year + (1 if match.group("rel").lower() == "last" else 0)
    return None


def _weekday_year(match: re.Match, year_context: int | None) -> int | None:
    """The year near year_context in which the month-day falls on the named weekday."""
    if not year_context:
        return None
    month = month_number(match.group("m1") or match.group("m2"))
    day = int(match.group("d1") or match.group("d2"))
    weekday = match.group("wd").lower()[:3]
    for offset in (0, -1, 1, -2, 2):
        date = _iso(year_context + offset, month, day)
        if date and dt.date.fromisoformat(date).strftime("%a").lower() == weekday:
            return year_context + offset
    return None
