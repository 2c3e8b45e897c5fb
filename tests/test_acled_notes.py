"""Importing an ACLED export's notes as training sentences (caucasus-nlp import-acled): the labels of
models/event_typer/acled_labels.tsv, and the rows that must never be trained on (Armenia and Azerbaijan,
reserved for evaluation; the validation incident reports). The rows are written here, in our own words."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import pytest

from caucasus_nlp.acled_notes import allowed_types, import_acled_notes, note_text, read_label_map
from caucasus_nlp.event_typer import EventTyperError
from caucasus_nlp.event_typer_training import train_event_typer

COLUMNS = ["event_id_cnty", "event_type", "sub_event_type", "country", "location", "actor1", "notes"]
ROWS = [
    ("XYZ1", "Protests", "Peaceful protest", "Chile", "Valparaiso", "Protesters (Chile)",
     "On 2 May 2021, dock workers protested at the port of Valparaiso over unpaid wages. [size=around 200]"),
    ("XYZ2", "Riots", "Mob violence", "India", "Patna", "Rioters (India)", "On 3 May 2021, a mob beat a man accused of theft in Patna."),
    ("XYZ3", "Riots", "Violent demonstration", "India", "Patna", "Rioters (India)", "On 4 May 2021, students threw stones at police in Patna."),
    ("XYZ4", "Violence against civilians", "Abduction/forced disappearance", "Mexico", "Celaya", "Unidentified Gang (Mexico)",
     "On 5 May 2021, gunmen kidnapped a shop owner in Celaya."),
    # reserved: about Armenia or Azerbaijan, in any field
    ("XYZ5", "Battles", "Armed clash", "Azerbaijan", "Tovuz", "Military Forces of Azerbaijan", "On 6 May 2021, troops exchanged fire."),
    ("XYZ6", "Protests", "Peaceful protest", "France", "Paris", "Protesters (France)", "On 7 May 2021, Armenians of Paris rallied at the embassy."),
    # a validation incident report, by its id and by its note
    ("VAL1", "Battles", "Armed clash", "Yemen", "Marib", "Militia", "On 8 May 2021, militias clashed near Marib."),
    ("XYZ8", "Battles", "Armed clash", "Yemen", "Marib", "Militia", "On 9 May 2021, tribesmen clashed with troops near Marib. [size=no report]"),
    # a type without a training label, an empty note, a repeated note
    ("XYZ9", "Strategic developments", "Other", "Peru", "Lima", "Government of Peru", "On 10 May 2021, a curfew was declared in Lima."),
    ("XYZ10", "Protests", "Peaceful protest", "Peru", "Lima", "Protesters (Peru)", "[size=no report]"),
    ("XYZ11", "Riots", "Mob violence", "India", "Patna", "Rioters (India)", "On 3 May 2021, a mob beat a man accused of theft in Patna."),
]


def _export(tmp_path, rows=ROWS, columns=COLUMNS):
    path = tmp_path / "export.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(columns)
        writer.writerows(rows)
    validation = tmp_path / "incidents.jsonl"
    validation.write_text(json.dumps({"event_id_cnty": "VAL1", "notes": "unrelated"}) + "\n"
                          + json.dumps({"event_id_cnty": "VAL2", "notes": "On 9 May 2021, tribesmen clashed with troops near Marib."}) + "\n")
    return path, validation


def test_import_labels_notes_and_leaves_out_reserved_validation_and_unlabelled_rows(tmp_path):
    export, validation = _export(tmp_path)
    report = import_acled_notes(export, tmp_path / "out", [validation])
    records = [json.loads(line) for line in (tmp_path / "out" / "acled.jsonl").read_text().splitlines()]
    assert [(r["source"], r["label"], r["text"]) for r in records] == [
        ("acled:XYZ1", "PROTEST", "On 2 May 2021, dock workers protested at the port of Valparaiso over unpaid wages."),
        ("acled:XYZ2", "ASSAULT", "On 3 May 2021, a mob beat a man accused of theft in Patna."),
        ("acled:XYZ3", "PROTEST", "On 4 May 2021, students threw stones at police in Patna."),
        ("acled:XYZ4", "COERCE", "On 5 May 2021, gunmen kidnapped a shop owner in Celaya."),
    ]
    provenance = json.loads((tmp_path / "out" / "provenance.json").read_text())
    assert provenance == report.as_dict()
    assert provenance["rows"] == len(ROWS) == provenance["imported"] + sum(provenance["left_out"].values())
    assert provenance["left_out"] == {"empty note": 1, "no label for its type": 1, "repeated note": 1,
                                      "reserved: Armenia or Azerbaijan": 2, "validation incident report": 2}
    assert len(provenance["sha256"]) == 64


def test_an_export_without_acleds_columns_is_a_clear_error(tmp_path):
    export, validation = _export(tmp_path, rows=[("a", "b")], columns=["id", "text"])
    with pytest.raises(EventTyperError, match="not an ACLED export: no column event_id_cnty, event_type, sub_event_type, notes"):
        import_acled_notes(export, tmp_path / "out", [validation])
    with pytest.raises(EventTyperError, match="cannot read"):
        import_acled_notes(tmp_path / "missing.csv", tmp_path / "out", [])


@pytest.mark.parametrize("line, message", [("Protests\t*", "is not 'event_type"), ("Protests\t*\tRIOT", "is not 'event_type")])
def test_a_bad_label_map_line_names_its_place(tmp_path, line, message):
    path = tmp_path / "labels.tsv"
    path.write_text("# header\n" + line + "\n")
    with pytest.raises(EventTyperError, match=f"labels.tsv: data line 1 {message}"):
        read_label_map(path)


@pytest.mark.parametrize(
    "event_type, sub_event_type, expected",
    [("Riots", "Mob violence", {"PROTEST", "ASSAULT"}), ("Strategic developments", "Arrests", {"COERCE"}),
     ("Strategic developments", "Other", None)],
)
def test_scoring_map_gives_the_referees_types(event_type, sub_event_type, expected):
    allowed = allowed_types({"event_type": event_type, "sub_event_type": sub_event_type})
    assert (set(allowed) if allowed else None) == expected


def test_note_text_drops_acleds_size_tag_only():
    assert note_text("Workers rallied. [size=around 50]  ") == "Workers rallied."
    assert note_text("A [size] of nothing.") == "A [size] of nothing."


def test_training_refuses_a_config_whose_external_sentences_were_not_imported(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "s.jsonl").write_text(json.dumps({"text": "Troops shelled the town.", "label": "ASSAULT"}) + "\n")
    config = tmp_path / "config.cfg"
    config.write_text('[paths]\ndata = "data"\noutput = "model"\n\n[external]\nacled = "nowhere"\n\n'
                      '[training]\nheldout_share = 0.2\nepochs = 10\nlearn_rate = 0.05\nl2 = 0.0001\n')
    with pytest.raises(EventTyperError, match="no acled sentences in .*nowhere: import them first"):
        train_event_typer(config, nlp=None)
    assert not (tmp_path / "model").exists()


def test_import_acled_command_reports_counts_and_errors_in_one_line(tmp_path):
    export, validation = _export(tmp_path)
    done = subprocess.run([sys.executable, "-m", "caucasus_nlp.cli", "import-acled", str(export), "-o", str(tmp_path / "out"),
                           "--exclude", str(validation)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "4 of 11 rows imported" in " ".join(done.stdout.split())
    bad = subprocess.run([sys.executable, "-m", "caucasus_nlp.cli", "import-acled", str(tmp_path / "none.csv")], capture_output=True, text=True)
    assert bad.returncode == 1 and bad.stderr.strip().startswith("error: cannot read") and "Traceback" not in bad.stderr
