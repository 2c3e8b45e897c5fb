"""Labelled sentences for the event-type classifier from the notes of an ACLED export.

ACLED's coders write one note per event ("On 9 May 2020, medical interns protested in ... Haifa
city, demanding ...") and file it under an event and sub-event type: thousands of real sentences of
the incident genre with a type a coder chose, which the ~800 sentences written here cannot match.
`import_acled_notes` turns an export (CSV, ACLED's column names) into the {"text", "label"} JSONL that
`event_typer_training.read_labelled` reads, after three exclusions:
- rows about Armenia or Azerbaijan (models/event_typer/reserved_terms.txt, over every field): they are
  kept for the project's evaluation and must never shape a model;
- rows of the validation incident reports (`exclude`: their event ids and their note texts), so the
  classifier is measured on them without having seen them;
- rows whose type has no training label (models/event_typer/acled_labels.tsv) or whose note is empty
  or a repeat.
The notes are third-party text: they go to a git-ignored folder (data/external/acled/), and only
counts and the export's sha256 are written beside the weights.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from caucasus_nlp.event_typer import LABELS, EventTyperError
from caucasus_nlp.kb import file_lines, jsonl_records, resource_lines

MODELS = Path(__file__).resolve().parents[2] / "models" / "event_typer"
LABEL_MAP = MODELS / "acled_labels.tsv"
RESERVED_TERMS = MODELS / "reserved_terms.txt"
NOTES_FILE = "acled.jsonl"
PROVENANCE_FILE = "provenance.json"
REQUIRED_COLUMNS = ("event_id_cnty", "event_type", "sub_event_type", "notes")
# ACLED ends a note with the crowd size it coded ("[size=no report]"): a coder's field, not the report's words.
SIZE_TAG = re.compile(r"\s*\[size=[^\]]*\]\s*$")


@lru_cache(maxsize=1)
def acled_to_plover() -> dict[tuple[str, str], frozenset[str]]:
    """(ACLED event_type, sub_event_type or "*") → the PLOVER types allowed."""
    return {(t, sub): frozenset(types.split("|")) for t, sub, types in (line.split("\t") for line in resource_lines("acled_plover.tsv"))}


def allowed_types(row: dict) -> frozenset[str] | None:
    table = acled_to_plover()
    return table.get((row["event_type"], row["sub_event_type"])) or table.get((row["event_type"], "*"))


def data_lines(path: Path) -> list[str]:
    """The fact lines of a models/ file (kb.file_lines), an unreadable file being a clear error."""
    try:
        return file_lines(path)
    except OSError as exc:
        raise EventTyperError(f"cannot read {path}: {exc}") from exc


def read_label_map(path: Path = LABEL_MAP) -> dict[tuple[str, str], str]:
    """(event_type, sub_event_type or "*") -> label, from the tab-separated map."""
    out = {}
    for n, line in enumerate(data_lines(path), 1):
        parts = line.split("\t")
        if len(parts) != 3 or parts[2] not in LABELS:
            raise EventTyperError(f"{path}: data line {n} is not 'event_type<TAB>sub_event_type<TAB>PLOVER type': {line!r}")
        out[(parts[0], parts[1])] = parts[2]
    return out


def reserved_pattern(path: Path = RESERVED_TERMS) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(term.strip().lower()) for term in data_lines(path)), re.IGNORECASE)


def note_text(note: str) -> str:
    return SIZE_TAG.sub("", note or "").strip()


@dataclass
class ImportReport:
    source: str
    sha256: str
    rows: int = 0
    imported: Counter = field(default_factory=Counter)  # by label
    left_out: Counter = field(default_factory=Counter)  # by reason

    def as_dict(self) -> dict:
        return {"source": self.source, "sha256": self.sha256, "rows": self.rows, "imported": sum(self.imported.values()),
                "imported_by_label": dict(sorted(self.imported.items())), "left_out": dict(sorted(self.left_out.items()))}


def excluded_rows(path: Path) -> list[dict]:
    """The rows of an incident-report file (JSONL with ACLED's fields)."""
    return [row for _, row in jsonl_records(path, EventTyperError, "incident file")]


def excluded_reports(paths: list[Path]) -> tuple[set[str], set[str]]:
    """The event ids and note texts of incident-report files."""
    rows = [row for path in paths for row in excluded_rows(path)]
    return ({str(r.get("event_id_cnty", "")) for r in rows} - {""}), ({note_text(str(r.get("notes", ""))) for r in rows} - {""})


def import_acled_notes(csv_path: Path, out_folder: Path, exclude: list[Path], *,
                       label_map: Path = LABEL_MAP, reserved: Path = RESERVED_TERMS) -> ImportReport:
    """Write the export's importable notes to out_folder/acled.jsonl, with provenance.json beside it."""
    try:
        raw = csv_path.read_bytes()
    except OSError as exc:
        raise EventTyperError(f"cannot read {csv_path}: {exc}") from exc
    labels, reserved_terms = read_label_map(label_map), reserved_pattern(reserved)
    excluded_ids, excluded_notes = excluded_reports(exclude)
    report = ImportReport(source=csv_path.name, sha256=hashlib.sha256(raw).hexdigest())
    reader = csv.DictReader(io.StringIO(raw.decode("utf-8-sig", errors="replace"), newline=""))
    missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise EventTyperError(f"{csv_path}: not an ACLED export: no column {', '.join(missing)}")
    records, seen = [], set()
    for row in reader:
        report.rows += 1
        text = note_text(row.get("notes") or "")
        label = labels.get((row["event_type"], row["sub_event_type"])) or labels.get((row["event_type"], "*"))
        reason = ("reserved: Armenia or Azerbaijan" if reserved_terms.search(" ".join(str(v) for v in row.values() if v))
                  else "validation incident report" if row["event_id_cnty"] in excluded_ids or text in excluded_notes
                  else "no label for its type" if label is None
                  else "empty note" if not text
                  else "repeated note" if text in seen
                  else None)
        if reason:
            report.left_out[reason] += 1
            continue
        seen.add(text)
        report.imported[label] += 1
        records.append({"text": text, "label": label, "source": f"acled:{row['event_id_cnty']}"})
    out_folder.mkdir(parents=True, exist_ok=True)
    (out_folder / NOTES_FILE).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    (out_folder / PROVENANCE_FILE).write_text(json.dumps(report.as_dict(), indent=2) + "\n", "utf-8")
    return report
