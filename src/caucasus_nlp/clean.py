"""Text normalization and site-furniture classification for single lines of a dump.

Cleaning works line by line and never moves raw offsets: the segmenter keeps each line's raw span,
and only the article text that goes to the tables is built from cleaned lines.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# Characters that carry no text: zero-width spaces and joiners, soft hyphen, BOM, word joiner.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u00ad\ufeff\u2060"), None)
# Space-like characters normalized to a plain space.
_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]+")
_MULTISPACE = re.compile(r" {2,}")
# Quote marks normalized to one curly style: a low-opened pair („…“, as German and Russian sources
# write) becomes “…”, other low and reversed quotes („ ‟ ‛) become their ordinary curly forms, TeX-style `` and '' become “ ”, and a backtick or acute accent used as an apostrophe
# between letters ("Azerbaijan`s", "Armenia´s") becomes ’. Straight quotes are left as written.
_QUOTE_CHARS = str.maketrans({"„": "“", "‟": "“", "‛": "‘"})
_QUOTE_PATTERNS = ((re.compile(r"„([^„“”]{0,400})“"), r"“\1”"), (re.compile(r"``"), "“"), (re.compile(r"''"), "”"), (re.compile(r"(?<=\w)[`´](?=\w)"), "’"))
BULLET_CHARS = "•·●▪‣◦–-*"
_BULLET = re.compile(r"^\s*[•·●▪‣◦*]\s+")
# Markdown pasted as is: heading marks ("## Title") and bold or italic stars ("**this is**").
_MARKDOWN_HEADING = re.compile(r"^#{1,6}(?:\s+|$)")
_MARKDOWN_EMPHASIS = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")


def clean_line(line: str) -> str:
    """NFC, invisible characters removed, quote marks in one style, Markdown heading and emphasis
    marks removed, every run of spaces one space, ends trimmed.

    Idempotent: clean_line(clean_line(x)) == clean_line(x).
    """
    text = unicodedata.normalize("NFC", line).translate(_INVISIBLE)
    for pattern, replacement in _QUOTE_PATTERNS:
        text = pattern.sub(replacement, text)
    text = text.translate(_QUOTE_CHARS)
    text = _SPACES.sub(" ", text)
    text = _MARKDOWN_EMPHASIS.sub(r"\1", _MARKDOWN_HEADING.sub("", text.strip()))
    return _MULTISPACE.sub(" ", text).strip()


def bullet_item(line: str) -> str | None:
    """The text of a bulleted list item ("  • JAMnews" → "JAMnews"), or None for other lines."""
    if _BULLET.match(line):
        return clean_line(_BULLET.sub("", line, count=1))
    return None


@dataclass(frozen=True)
class FurnitureRule:
    scope: str
    kind: str
    pattern: re.Pattern


@lru_cache(maxsize=1)
def furniture_rules() -> tuple[FurnitureRule, ...]:
    """Rules from resources/furniture.tsv (see its header for the format)."""
    text = resources.files("caucasus_nlp.resources").joinpath("furniture.tsv").read_text("utf-8")
    rules = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        scope, kind, pattern = line.split("\t", 2)
        rules.append(FurnitureRule(scope, kind, re.compile(rf"(?:{pattern.strip()})", re.IGNORECASE)))
    return tuple(rules)


def furniture_kind(line: str) -> tuple[str, str] | None:
    """(scope, kind) when a cleaned line is site furniture, else None."""
    stripped = line.strip().rstrip(":").strip()
    if not stripped:
        return None
    for rule in furniture_rules():
        if rule.pattern.fullmatch(stripped):
            return rule.scope, rule.kind
    return None
