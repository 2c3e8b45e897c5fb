"""Check a gold file against the dumps it annotates: every entity name (or one of its alternatives),
date text and event evidence must occur in its own article's text, evidence must be a short phrase
(at most six words: the project keeps annotations, not article text), an entity must be named by a
word of its own (a demonym names no entity), and every event actor and target must be an entity of
the same article or a state the article names by its demonym.

    python eval/validation/check_gold.py [GOLD.jsonl] [RAW_DIR]

Prints one line per problem (dump#seq: what) and exits 1 when there is any. An article's text is
the stretch of its dump from its headline to the next annotated headline.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_GOLD = HERE / "gold.jsonl"
DEFAULT_RAW = HERE.parent.parent.parent / "shared" / "validation" / "raw"
MAX_EVIDENCE_WORDS = 6
REQUIRED = ("dump", "seq", "title", "outlet", "published", "url", "dateline", "entities", "dates", "agreements", "events")
LABELS = {"PERSON", "ORG", "PLACE"}
PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN",
          "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def squash(text: str) -> str:
    """Compared as the scorer compares names: NFC, curly quotes kept, every run of spaces one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def article_texts(gold: list[dict], raw_dir: Path) -> dict[tuple[str, int], str]:
    """Each annotated article's stretch of its dump, found by its headline in dump order."""
    out = {}
    by_dump: dict[str, list[dict]] = {}
    for g in gold:
        by_dump.setdefault(g["dump"], []).append(g)
    for dump, items in by_dump.items():
        text = squash((raw_dir / dump).read_text("utf-8"))
        starts, pos = [], 0
        for g in items:
            at = text.find(squash(g["title"]), pos)
            starts.append(at if at >= 0 else pos)
            pos = max(pos, at + 1 if at >= 0 else pos)
        for k, g in enumerate(items):
            end = starts[k + 1] if k + 1 < len(items) else len(text)
            out[(dump, g["seq"])] = text[starts[k] : max(end, starts[k] + 1)]
    return out


def _word_in(form: str, text: str, whole: bool = True) -> bool:
    """`form` occurs in `text` as a word of its own ("Azerbaijan", not the start of "Azerbaijani"), case
    ignored as the scorer ignores it; with whole=False it may start a longer word: a state an event
    names by its demonym ("Azerbaijani forces" → actor Azerbaijan) is no entity of the article."""
    end = r"(?!\w)" if whole else ""
    return re.search(r"(?<!\w)" + re.escape(squash(form)) + end, text, re.IGNORECASE) is not None


def problems(gold: list[dict], raw_dir: Path) -> list[str]:
    found = []
    texts = article_texts(gold, raw_dir)
    for g in gold:
        where = f"{g.get('dump')}#{g.get('seq')}"
        missing = [k for k in REQUIRED if k not in g]
        if missing:
            found.append(f"{where}: missing fields {missing}")
            continue
        text = texts[(g["dump"], g["seq"])]
        if squash(g["title"]) not in text:
            found.append(f"{where}: title not in the dump")
        if g["published"] is not None and not ISO.match(g["published"]):
            found.append(f"{where}: published {g['published']!r} is not ISO")
        names = set()
        for e in g["entities"]:
            if e["label"] not in LABELS:
                found.append(f"{where}: entity {e['name']!r} has label {e['label']!r}")
            forms = [e["name"], *e.get("alt", [])]
            names.add(e["name"])
            if not any(_word_in(f, text) for f in forms):
                found.append(f"{where}: entity {e['name']!r}: no form of it in the article as a word of its own")
        for d in g["dates"]:
            if squash(d["text"]) not in text:
                found.append(f"{where}: date text {d['text']!r} not in the article")
            if not ISO.match(d.get("value") or ""):
                found.append(f"{where}: date {d['text']!r} has value {d.get('value')!r}")
        for ev in g["events"]:
            evidence = ev.get("evidence") or ""
            if ev.get("type") not in PLOVER:
                found.append(f"{where}: event type {ev.get('type')!r}")
            if len(evidence.split()) > MAX_EVIDENCE_WORDS:
                found.append(f"{where}: evidence longer than {MAX_EVIDENCE_WORDS} words: {evidence!r}")
            if squash(evidence) not in text:
                found.append(f"{where}: evidence {evidence!r} not in the article")
            for role in ("actors", "targets"):
                for name in ev.get(role, []):
                    if name not in names and not _word_in(name, text, whole=False):
                        found.append(f"{where}: event {evidence!r}: {role[:-1]} {name!r} is no entity of the article "
                                     "and the article does not name it (not even by its demonym)")
    return found


def main(argv: list[str]) -> int:
    gold_path = Path(argv[0]) if argv else DEFAULT_GOLD
    raw_dir = Path(argv[1]) if len(argv) > 1 else DEFAULT_RAW
    gold = [json.loads(line) for line in gold_path.read_text("utf-8").splitlines() if line.strip()]
    found = problems(gold, raw_dir)
    print("\n".join(found) if found else f"{gold_path.name}: {len(gold)} articles, no problems")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
