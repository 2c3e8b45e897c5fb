"""How English news writes a calendar date: month and weekday names, month-day in either order, a
full date, and their parsers.

Two stages read dates: `segment` lifts an article's publication date from its date lines and
datelines, and `extract.dates` resolves the dates its text speaks of. Both must agree on what a date
looks like, so the grammar lives here, below both, and neither imports the other. The fragments are
regex sources, to be embedded in the larger patterns of each stage; their group names (m1/d1, d2/m2,
y, iso, dotted) are what `parse_full_date` reads.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator

# "january", "jan", "sept" → 1..12
MONTH_NUMBERS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTH_NUMBERS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTH_NUMBERS["sept"] = 9
MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
# A month or weekday name alone, in any case: it follows "in" and "on" as often as a place does ("in May",
# "on Monday"), so it is never taken for a place's name.
DATE_WORD = re.compile(rf"(?:{MONTH}|{WEEKDAY})", re.IGNORECASE)
# "Dec 11", "December 11th"
MONTH_DAY = rf"(?P<m1>{MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?"
# "11 December", "11th Dec."
DAY_MONTH = rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{MONTH})"
# "11.12.2023": day, month, year
DOTTED_DATE = r"(?P<dotted>(?P<dd_day>\d{1,2})\.(?P<dd_month>\d{1,2})\.(?P<dd_year>\d{4}))"
# "Monday, December 11, 2023", "11 Dec 2023", "2023-12-11"; any case
FULL_DATE = re.compile(rf"(?:(?:{WEEKDAY},?\s+)?(?:{MONTH_DAY}|{DAY_MONTH}),?\s+(?P<y>\d{{4}})|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}}))", re.IGNORECASE)
# Where full_dates tries FULL_DATE: runs of four or more digits, which every full date holds (its
# year, or an ISO date's), and how far before such a run a date can start, besides its runs of spaces:
# "Wednesday," + "September." + "30th," (9 + 1 + 10 + 4 + 1 characters).
_DIGIT_RUN = re.compile(r"\d{4,}")
_SPACE_RUN = re.compile(r"\s{2,}")
_FULL_DATE_PREFIX_CHARS = 25


def full_dates(text: str) -> Iterator[re.Match]:
    """The matches of FULL_DATE.finditer(text), found in a fraction of its time on long text.

    FULL_DATE has no prefix the regex engine can skip to, so finditer tries it at every character,
    the bulk of the segmenter's time on a long article. Every full date holds four digits in a row
    and starts at most `reach` characters before them (its weekday, month, day and commas, and at
    most three runs of spaces), so the pattern is searched for only from `reach` before such a run
    to the run's last start, and never at a position twice. A search stops `longest` characters
    after its last start, past the end of any date that starts there, so it finds what finditer does.
    """
    space = max(map(len, _SPACE_RUN.findall(text)), default=1)
    reach = _FULL_DATE_PREFIX_CHARS + 3 * space
    longest = reach + 4
    pos = 0  # no date starts before pos but those already given
    for run in _DIGIT_RUN.finditer(text):
        last_start = run.end() - 4
        while (start := max(pos, run.start() - reach)) <= last_start:
            match = FULL_DATE.search(text, start, last_start + longest)
            if match is None or match.start() > last_start:
                pos = last_start + 1
                break
            yield match
            pos = match.end()


def month_number(token: str) -> int:
    """1-12 for a month name or abbreviation ("Dec.", "Sept", "March")."""
    key = token.lower().rstrip(".")
    return MONTH_NUMBERS[key] if key in MONTH_NUMBERS else MONTH_NUMBERS[key[:3]]


def iso_date(year: int, month: int, day: int) -> str | None:
    """YYYY-MM-DD, or None for a day the calendar does not have (31 February)."""
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_full_date(match: re.Match) -> str | None:
    """ISO date from a match of FULL_DATE (or of a pattern embedding it, and DOTTED_DATE as an
    alternative), or None for an impossible date (31 February)."""
    if match.group("iso"):
        return match.group("iso")
    if "dotted" in match.re.groupindex and match.group("dotted"):
        return iso_date(int(match.group("dd_year")), int(match.group("dd_month")), int(match.group("dd_day")))
    month = match.group("m1") or match.group("m2")
    day = match.group("d1") or match.group("d2")
    return iso_date(int(match.group("y")), month_number(month), int(day))
