"""Temporal expressions → ISO values, resolved against the article's publication date.

Candidates are the model's DATE/TIME entities plus a few deictic patterns it misses ("last night",
"earlier this month"). Each distinct (expression, anchor) pair is resolved once: common shapes by
rules, anything else by dateparser, whose cost is then paid once per distinct expression.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from caucasus_nlp.date_grammar import DAY_MONTH, FULL_DATE, MONTH, MONTH_DAY, WEEKDAY, month_number, parse_full_date
from caucasus_nlp.syntax import doc_text

if TYPE_CHECKING:  # the report resolves dates without importing spaCy
    from spacy.tokens import Doc

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_NUMBER_WORDS = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|many|a)"
# Durations, ages and spans are not calendar dates ("44-day war", "three decades", "20 years").
NOT_A_DATE = re.compile(
    rf"(\b{_NUMBER_WORDS}[- ](?:day|week|month|year|decade|centur(?:y|ies))s?\b(?!\s+(?:ago|earlier|later|before))"
    r"|\b\d{4}s\b|\bdecades?\b|\bcenturies\b|\byears? old\b|-year-old|\bfor (?:the )?(?:past|last|next)\b|\bthe (?:past|last|next) (?:\d+|few|several|two|three)"
    # times of day and durations in hours: "8 a.m.", "10:30", "48 hours", "about 24 hours"
    rf"|\b\d{{1,2}}(?:[.:]\d{{2}})?\s*[ap]\.?m\b\.?|\b\d{{1,2}}:\d{{2}}\b|\b{_NUMBER_WORDS}[- ](?:hour|minute|second)s?\b(?!\s+(?:ago|earlier|later|before)))",
    re.IGNORECASE,
)
DEICTIC = re.compile(
    r"\b(?:today|yesterday|tomorrow|last night|tonight|(?:earlier |later )?(?:this|last|next) (?:week|month|year)"
    rf"|(?:last|this|next) (?:{MONTH[3:-4]})|on the same day)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(1[89]\d{2}|20\d{2})\b")
_MONTH_YEAR = re.compile(rf"\b(?:(?:early|mid|late)[- ])?(?P<m>{MONTH})\s*(?:of\s+)?(?P<y>\d{{4}})\b", re.IGNORECASE)
_MONTH_ONLY = re.compile(rf"^(?:(?:in|on|since|by|until|early|mid|late|the|end of|beginning of)[- ]+)*(?P<m>{MONTH})$", re.IGNORECASE)
_MONTH_AND_DAY = re.compile(rf"(?:{MONTH_DAY}|{DAY_MONTH})\b", re.IGNORECASE)
# A day and a capitalised month in running text ("15 April. Protest in Kisumu", "On 24 April,"), which
# the model often cuts to the month alone; case-sensitive, so "may 5" of a modal is no date.
DAY_AND_MONTH = re.compile(rf"\b(?:{MONTH_DAY}|{DAY_MONTH})\b")
_WEEKDAY_ONLY = re.compile(rf"^(?:(?:on|last|this|next|early|late)\s+)?(?P<wd>{WEEKDAY})(?:\s+(?:night|morning|evening|afternoon))?$", re.IGNORECASE)
# "September last year", "in March of next year": a month of a year named relative to publication
_MONTH_RELATIVE_YEAR = re.compile(rf"\b(?P<m>{MONTH})\s+(?:of\s+)?(?P<rel>last|this|next) year\b", re.IGNORECASE)
# "by the end of the year": the year of publication
_PART_OF_THE_YEAR = re.compile(r"^(?:(?:by|until|before|at|towards?|in|during|for)\s+)?(?:the\s+)?(?:end|beginning|start|middle|rest|remainder|course)\s+of\s+the\s+year$")
# "1992-1994", "in 1992–94": a span of years, whose two ends are dates of their own
YEAR_RANGE = re.compile(r"\b(?P<first>1[89]\d{2}|20\d{2})\s*[-\u2013\u2014]\s*(?P<last>(?:1[89]|20)?\d{2})\b")
# Words that put the expression of a clause in the future: "will be held in July", "the planned meetings in June"
FUTURE_AUX = {"will", "shall", "'ll"}
FUTURE_WORDS = {"plan", "planned", "schedule", "scheduled", "upcoming", "forthcoming", "next", "expect", "future", "due"}
# Day-precision dates this many days apart can be the same event.
SAME_DAY_TOLERANCE = 1


@dataclass(frozen=True)
class DateValue:
    value: str
    granularity: str  # day, week, month, year
    relative: bool
    rule: str


@dataclass(frozen=True)
class DateMention:
    start: int  # char offsets in doc.text
    end: int
    text: str
    sent_idx: int
    source: str
    resolved: DateValue | None


def parse_anchor(published: str | None) -> dt.date | None:
    """The publication date as a day, only when it is known to the day."""
    if published and re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
        return dt.date.fromisoformat(published)
    return None


def start_of(value: str | None) -> dt.date | None:
    """An ISO day, month or year ("2023-12-07", "2023-12", "2023") as the day it starts on; None
    for a missing or malformed value (a table cell may hold NaN)."""
    if not isinstance(value, str) or not value:
        return None
    try:
        return dt.date.fromisoformat((value + "-01-01")[:10] if len(value) < 10 else value[:10])
    except ValueError:
        return None


def end_of(value: str | None) -> dt.date | None:
    """An ISO day, month or year as the day it ends on (start_of's twin); None for a missing or
    malformed value."""
    start = start_of(value)
    if start is None or len(value) >= 10:
        return start
    if len(value) == 7:
        return start.replace(day=calendar.monthrange(start.year, start.month)[1])
    return start.replace(month=12, day=31)


def compatible_dates(a: str | None, b: str | None) -> bool:
    """Whether two ISO dates can be of one event: equal, one refining the other (2023-12 and
    2023-12-07), or days one apart: outlets in different time zones, or resolving "yesterday" from
    different publication times, differ by a day. Here with the dates, as both the event extractor
    (one event told twice in an article) and dedup (across articles) ask it."""
    if a is None or b is None or a.startswith(b) or b.startswith(a):
        return True
    if len(a) == len(b) == 10:
        return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days) <= SAME_DAY_TOLERANCE
    return False


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


@lru_cache(maxsize=65536)
def resolve_date(text: str, anchor: dt.date | None, anchor_year: int | None = None, ahead: bool = False) -> DateValue | None:
    """Resolve one expression against the publication day (or only its year when that is all we know).
    An expression without a year is the last such day or month before publication, or with `ahead`
    (its clause speaks of the future: "will be held in July") the next one."""
    expr = " ".join(text.split()).strip(" ,.()")
    low = expr.lower()
    if not expr or NOT_A_DATE.search(expr):
        return None
    year_known = anchor.year if anchor else anchor_year
    full = FULL_DATE.search(expr)
    if full and (iso := parse_full_date(full)):
        return DateValue(iso, "day", False, "full_date")
    month_year = _MONTH_YEAR.search(expr)
    if (relative_year := _MONTH_RELATIVE_YEAR.search(expr)) and year_known:
        year = year_known + {"last": -1, "this": 0, "next": 1}[relative_year["rel"].lower()]
        return DateValue(f"{year:04d}-{month_number(relative_year['m']):02d}", "month", True, "month_relative_year")
    if month_year:
        return DateValue(f"{int(month_year['y']):04d}-{month_number(month_year['m']):02d}", "month", False, "month_year")
    month_day = _MONTH_AND_DAY.search(expr)
    if month_day and year_known:
        month = month_number(month_day.group("m1") or month_day.group("m2"))
        day = int(month_day.group("d1") or month_day.group("d2"))
        year = year_known
        if anchor and not ahead and (month, day) > (anchor.month, anchor.day) and month - anchor.month > 1:
            year -= 1  # "December 12" in a March article is last December
        if anchor and ahead and (month, day) < (anchor.month, anchor.day) and anchor.month - month > 1:
            year += 1  # "will meet on 20 January" in a December article is next January
        explicit = _YEAR.search(expr)
        try:
            return DateValue(dt.date(int(explicit[1]) if explicit else year, month, day).isoformat(), "day", True, "month_day")
        except ValueError:
            return None
    years = _YEAR.findall(expr)
    if len(years) == 1 and not re.search(r"\d{4}s\b", expr) and re.fullmatch(
        r"(?:(?:in|since|by|until|early|mid|late|the|spring|summer|autumn|fall|winter|of|end|beginning)[- ,]*)*\d{4}", low
    ):
        return DateValue(years[0], "year", False, "year")
    if anchor is None and year_known is None:
        return None
    return _resolve_deictic(low, anchor, year_known, ahead)


def _resolve_deictic(low: str, anchor: dt.date | None, year: int, ahead: bool) -> DateValue | None:
    if m := re.search(r"\b(earlier |later )?(this|last|next) year\b", low):
        return DateValue(str(year + {"this": 0, "last": -1, "next": 1}[m[2]]), "year", True, "relative_year")
    if _PART_OF_THE_YEAR.match(low):
        return DateValue(str(year), "year", True, "relative_year")
    month_only = _MONTH_ONLY.match(low) or re.fullmatch(rf"(?P<rel>last|this|next) (?P<m>{MONTH})", low, re.IGNORECASE)
    if month_only and anchor:
        month = month_number(month_only["m"])
        forward = ahead or "rel" in month_only.groupdict() and month_only["rel"] == "next"
        if forward:
            y = anchor.year if month >= anchor.month else anchor.year + 1
        else:
            y = anchor.year if month <= anchor.month else anchor.year - 1
        return DateValue(f"{y:04d}-{month:02d}", "month", True, "month_only")
    if anchor is None:
        return None
    if m := re.search(r"\b(earlier |later )?(this|last|next) month\b", low):
        y, mo = _shift_month(anchor.year, anchor.month, {"this": 0, "last": -1, "next": 1}[m[2]])
        return DateValue(f"{y:04d}-{mo:02d}", "month", True, "relative_month")
    if m := re.search(r"\b(this|last|next) week\b", low):
        day = anchor + dt.timedelta(weeks={"this": 0, "last": -1, "next": 1}[m[1]])
        return DateValue((day - dt.timedelta(days=day.weekday())).isoformat(), "week", True, "relative_week")
    offsets = {"today": 0, "tonight": 0, "on the same day": 0, "yesterday": -1, "last night": -1, "tomorrow": 1}
    for word, offset in offsets.items():
        if re.search(rf"\b{word}\b", low):
            return DateValue((anchor + dt.timedelta(days=offset)).isoformat(), "day", True, "deictic")
    if m := _WEEKDAY_ONLY.match(low):
        weekday = _WEEKDAYS.index(m["wd"].lower())
        if ahead or low.startswith("next"):
            return DateValue((anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7)).isoformat(), "day", True, "weekday")
        back = (anchor.weekday() - weekday) % 7
        return DateValue((anchor - dt.timedelta(days=back)).isoformat(), "day", True, "weekday")
    return _dateparser_fallback(low, anchor, ahead)


def _dateparser_fallback(low: str, anchor: dt.date, ahead: bool) -> DateValue | None:
    """dateparser for the shapes the rules do not know; only for text that names a month, says "ago",
    or writes a day and month in digits."""
    if not re.search(rf"{MONTH}|\bago\b|\d{{1,4}}[./-]\d{{1,2}}", low, re.IGNORECASE):  # a bare number ("49", "27") is an age or a count
        return None
    import dateparser

    settings = {"RELATIVE_BASE": dt.datetime.combine(anchor, dt.time()), "PREFER_DATES_FROM": "future" if ahead else "past"}
    parsed = dateparser.parse(low, languages=["en"], settings=settings)
    if parsed is None or abs(parsed.year - anchor.year) > 200:
        return None
    return DateValue(parsed.date().isoformat(), "day", True, "dateparser")


def date_mentions(doc: Doc, published: str | None, year_hint: int | None = None) -> Iterator[DateMention]:
    """Every temporal expression of an article with its resolved value (None when unresolvable).
    Candidates are the model's DATE/TIME entities, full dates and spans of years it cut short
    ("1992" of "January 6, 1992" or of "1992-1994") and deictic words it misses; a span of years
    gives its two ends. The Doc's text is read once: spaCy joins it from the tokens on every read."""
    full_text = doc_text(doc)
    anchor = parse_anchor(published)
    anchor_year = int(published[:4]) if published else year_hint
    found = [(m.start(), m.end()) for pattern in (FULL_DATE, YEAR_RANGE, DAY_AND_MONTH) for m in pattern.finditer(full_text)]
    patterned = [(s, e) for s, e in found if not any(a <= s and e <= b and (a, b) != (s, e) for a, b in found)]
    spans = [(e.start_char, e.end_char, "ner") for e in doc.ents if e.label_ in ("DATE", "TIME")
             if not any(s < e.end_char and e.start_char < end and not e.start_char <= s < end <= e.end_char for s, end in patterned)]
    for start, end in patterned:
        if not any(s <= start and end <= e for s, e, _ in spans):
            spans.append((start, end, "rule"))
    for match in DEICTIC.finditer(full_text):
        if not any(s < match.end() and match.start() < e for s, e, _ in spans):
            spans.append((match.start(), match.end(), "rule"))
    sent_starts = [s.start_char for s in doc.sents]
    for start, end, source in sorted(spans):
        text = full_text[start:end]
        sent_idx = max(0, sum(1 for s in sent_starts if s <= start) - 1)
        if years := YEAR_RANGE.search(text):
            yield from _range_ends(years, start, sent_idx, source)
            continue
        resolved = resolve_date(text, anchor, anchor_year, _looks_ahead(doc, start, end))
        if source == "ner" and resolved is None and not re.search(rf"\d|{MONTH}|{WEEKDAY}|today|yesterday", text, re.I):
            continue  # "the time", "recent weeks": not a calendar expression
        yield DateMention(start, end, text, sent_idx, source, resolved)


def _range_ends(years: re.Match, offset: int, sent_idx: int, source: str) -> Iterator[DateMention]:
    """The first and last year of a span ("1992-1994", "1992–94"), each a date at its own offsets."""
    first = years["first"]
    last = years["last"] if len(years["last"]) == 4 else first[:2] + years["last"]
    for group, value in (("first", first), ("last", last)):
        start, end = offset + years.start(group), offset + years.end(group)
        yield DateMention(start, end, years[group], sent_idx, source, DateValue(value, "year", False, "year_range"))


def _looks_ahead(doc: Doc, start: int, end: int) -> bool:
    """Whether the clause an expression belongs to speaks of the future, so that a month or weekday
    without a year is the next one: "will be held in The Hague in July", "the planned meetings in
    Chisinau in June", "looked forward to the meeting on 14 May". Only the words governing the
    expression count: "said on Monday that they will meet" said it last Monday."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    for token in (span.root, *span.root.ancestors):
        if token.lemma_.lower() in FUTURE_WORDS or token.lemma_.lower() == "look" and any(c.lower_ == "forward" for c in token.children):
            return True
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX or c.dep_ == "amod" and c.lower_ in FUTURE_WORDS for c in token.children):
            return True
        if token.pos_ in ("VERB", "AUX") and token.tag_ in ("VBD", "VBN"):
            return False  # a past verb governs it
    return False
