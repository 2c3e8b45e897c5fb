"""Scores of a run over ACLED-style incident reports (`caucasus-nlp evaluate --incidents`).

Each report's `notes` was fed as one article (../shared/tools/incidents_to_dump.py). Per report:
found (an article whose text opens with the note), type (an event mention of a PLOVER type its ACLED
type maps to, resources/acled_plover.tsv: recall over reports, precision over the mentions of scored
reports), place (a place mention, lenient, or an event's location, strict, within 25 km of ACLED's
coordinates) and date (ACLED's event_date among the article's dates, and on one of its events). The
numbers are those of ../shared/tools/score_incidents.py, the referee.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from pathlib import Path

from caucasus_nlp.acled_notes import allowed_types
from caucasus_nlp.evaluate import _read
from caucasus_nlp.kb import jsonl_records, km

PLACE_LABELS = ("GPE", "LOC", "FAC", "PLACE")


class IncidentsError(ValueError):
    """An incident file that cannot be read: not JSON lines, or a row without the fields scored."""


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text or "").lower()).strip()


def read_incidents(path: Path) -> list[dict]:
    rows = []
    for n, row in jsonl_records(path, IncidentsError, "incident file"):
        if not isinstance(row, dict):
            raise IncidentsError(f"{path}:{n} is not an incident report (an object)")
        if missing := {"notes", "event_type", "sub_event_type", "latitude", "longitude", "event_date"} - set(row):
            raise IncidentsError(f"{path}:{n}: missing field(s) {sorted(missing)}")
        rows.append(row)
    return rows


def score_incidents(incidents: Path, folder: Path) -> dict:
    """The referee's scores of a run folder over incident reports."""
    rows = read_incidents(incidents)
    if not (folder / "articles.csv").exists():
        raise FileNotFoundError(f"no articles.csv in {folder}: not an output folder of caucasus-nlp run")
    articles = _read(folder, "articles").to_dict("records")
    entities = {e["entity_id"]: e for e in _read(folder, "entities").to_dict("records")}
    by_key: dict[str, dict] = {}
    for article in articles:
        by_key.setdefault(_norm(article.get("text"))[:80], article)
    places, dates, events = defaultdict(set), defaultdict(set), defaultdict(list)
    for m in _read(folder, "mentions").to_dict("records"):
        if m.get("label") in PLACE_LABELS:
            places[m["article_id"]].add(m.get("entity_id"))
    for d in _read(folder, "dates").to_dict("records"):
        if d.get("value"):
            dates[d["article_id"]].add(d["value"])
    for e in _read(folder, "event_mentions").to_dict("records"):
        events[e["article_id"]].append(e)

    def coords(entity_id: str | None) -> tuple[float, float] | None:
        try:
            entity = entities[entity_id or ""]
            return float(entity["latitude"]), float(entity["longitude"])
        except (KeyError, TypeError, ValueError):
            return None

    c: dict[str, int] = defaultdict(int)
    for row in rows:
        key = _norm(row["notes"])[:80]
        article = by_key.get(key) or next((a for k, a in by_key.items() if key[:50] and key[:50] in _norm(a.get("text"))), None)
        if article is None:
            continue
        c["found"] += 1
        aid = article["article_id"]
        found = events.get(aid, [])
        if allowed := allowed_types(row):
            c["typed"] += 1
            c["type_hit"] += any(e["event_type"] in allowed for e in found)
            c["pred_on_typed"] += len(found)
            c["pred_ok"] += sum(e["event_type"] in allowed for e in found)
        coded = (float(row["latitude"]), float(row["longitude"]))
        near = [xy for i in places.get(aid, ()) if (xy := coords(i))]
        c["place_lenient"] += any(km(coded, xy) <= 25 for xy in near)
        c["place_strict"] += any(km(coded, xy) <= 25 for e in found if (xy := coords(e.get("location_id"))))
        c["date_found"] += row["event_date"] in dates.get(aid, set())
        c["event_date"] += any(e.get("date") == row["event_date"] for e in found)
    n, f = len(rows), max(c["found"], 1)
    precision = c["pred_ok"] / c["pred_on_typed"] if c["pred_on_typed"] else 0.0
    recall = c["type_hit"] / c["typed"] if c["typed"] else 0.0
    return {
        "notes": n,
        "found": round(c["found"] / n, 4) if n else 0.0,
        "type_recall": round(recall, 4),
        "type_precision": round(precision, 4),
        "type_f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
        "place_within_25km_any_mention": round(c["place_lenient"] / f, 4),
        "place_within_25km_event_location": round(c["place_strict"] / f, 4),
        "date_in_dates_table": round(c["date_found"] / f, 4),
        "date_on_event": round(c["event_date"] / f, 4),
    }
