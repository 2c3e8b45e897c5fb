"""Stable identifiers: the same input always yields the same ids, across runs and machines."""

import hashlib
import re
import unicodedata


def stable_id(*parts: object, length: int = 16) -> str:
    """Hex digest of the parts joined with a separator no text part can contain."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:length]


def slug(text: str) -> str:
    """ASCII slug for readable canonical ids ("Nikol Pashinyan" → "nikol-pashinyan")."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def content_key(text: str) -> str:
    """What two copies of one article share after different sites and paste jobs: the letters and
    digits of its words, case-folded, NFKC-normalized. Quote styles, dashes, spacing and line breaks
    do not count."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.findall(r"\w+", folded))
