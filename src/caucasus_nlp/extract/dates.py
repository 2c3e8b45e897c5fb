"""Temporal expressions → ISO values, resolved against the article's publication date.

Candidates are the model's DATE/TIME entities plus a few deictic patterns it misses ("last night",
"earlier this month"). Each distinct (expression, anchor) pair is resolved once: common shapes by
rules, anything else by dateparser, whose cost is then paid once per distinct expression.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from caucasus_nlp.segment import _DM, _FULL_DATE, _MD, MONTH, WEEKDAY, month_number, parse_full_date

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_NUMBER_WORDS = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|many|a)"
# Durations, ages and spans are not calendar dates ("44-day war", "three decades", "20 years").
NOT_A_DATE = re.compile(
    rf"(\b{_NUMBER_WORDS}[- ](?:day|week|month|year|decade|centur(?:y|ies))s?\b(?!\s+(?:ago|earlier|later|before))"
    r"|\b\d{4}s\b|\bdecades?\b|\bcenturies\b|\byears? old\b|-year-old|\bfor (?:the )?(?:past|last|next)\b|\bthe (?:past|last|next) (?:\d+|few|several|two|three))",
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
_MONTH_DAY = re.compile(rf"(?:{_MD}|{_DM})\b", re.IGNORECASE)
_WEEKDAY_ONLY = re.compile(rf"^(?:(?:on|last|this|early|late)\s+)?(?P<wd>{WEEKDAY})(?:\s+(?:night|morning|evening|afternoon))?$", re.IGNORECASE)


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


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


@lru_cache(maxsize=65536)
def resolve_date(text: str, anchor: dt.date | None, anchor_year: int | None = None) -> DateValue | None:
    """Resolve one expression against the publication day (or only its year when that is all we know)."""
    expr = " ".join(text.split()).strip(" ,.()")
    low = expr.lower()
    if not expr or NOT_A_DATE.search(expr):
        return None
    year_known = anchor.year if anchor else anchor_year
    full = re.search(_FULL_DATE, expr, re.IGNORECASE)
    if full and (iso := parse_full_date(full)):
        return DateValue(iso, "day", False, "full_date")
    month_year = _MONTH_YEAR.search(expr)
    if month_year:
        return DateValue(f"{int(month_year['y']):04d}-{month_number(month_year['m']):02d}", "month", False, "month_year")
    month_day = _MONTH_DAY.search(expr)
    if month_day and year_known:
        month = month_number(month_day.group("m1") or month_day.group("m2"))
        day = int(month_day.group("d1") or month_day.group("d2"))
        year = year_known
        if anchor and (month, day) > (anchor.month, anchor.day) and month - anchor.month > 1:
            year -= 1  # "December 12" in a March article is last December
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
    return _resolve_deictic(low, anchor, year_known)


def _resolve_deictic(low: str, anchor: dt.date | None, year: int) -> DateValue | None:
    if m := re.search(r"\b(earlier |later )?(this|last|next) year\b", low):
        return DateValue(str(year + {"this": 0, "last": -1, "next": 1}[m[2]]), "year", True, "relative_year")
    month_only = _MONTH_ONLY.match(low) or re.fullmatch(rf"(?:last|this) (?P<m>{MONTH})", low, re.IGNORECASE)
    if month_only and anchor:
        month = month_number(month_only["m"])
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
        back = (anchor.weekday() - weekday) % 7
        return DateValue((anchor - dt.timedelta(days=back)).isoformat(), "day", True, "weekday")
    return _dateparser_fallback(low, anchor)


def _dateparser_fallback(low: str, anchor: dt.date) -> DateValue | None:
    """dateparser for the shapes the rules do not know; only for text that names a day or month."""
    if not re.search(rf"\d|{MONTH}|ago", low, re.IGNORECASE):
        return None
    import dateparser

    settings = {"RELATIVE_BASE": dt.datetime.combine(anchor, dt.time()), "PREFER_DATES_FROM": "past"}
    parsed = dateparser.parse(low, languages=["en"], settings=settings)
    if parsed is None or abs(parsed.year - anchor.year) > 200:
        return None
    return DateValue(parsed.date().isoformat(), "day", True, "dateparser")


def date_mentions(doc: Doc, published: str | None, year_hint: int | None = None) -> Iterator[DateMention]:
    """Every temporal expression of an article with its resolved value (None when unresolvable)."""
    anchor = parse_anchor(published)
    anchor_year = int(published[:4]) if published else year_hint
    spans = [(e.start_char, e.end_char, "ner") for e in doc.ents if e.label_ in ("DATE", "TIME")]
    taken = [(s, e) for s, e, _ in spans]
    for match in DEICTIC.finditer(doc.text):
        if not any(s < match.end() and match.start() < e for s, e in taken):
            spans.append((match.start(), match.end(), "rule"))
    sent_starts = [s.start_char for s in doc.sents]
    for start, end, source in sorted(spans):
        text = doc.text[start:end]
        resolved = resolve_date(text, anchor, anchor_year)
        if source == "ner" and resolved is None and not re.search(rf"\d|{MONTH}|{WEEKDAY}|today|yesterday", text, re.I):
            continue  # "the time", "recent weeks": not a calendar expression
        sent_idx = max(0, sum(1 for s in sent_starts if s <= start) - 1)
        yield DateMention(start, end, text, sent_idx, source, resolved)
