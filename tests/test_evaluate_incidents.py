"""`caucasus-nlp evaluate --incidents`: the incident-report scores, equal to the referee's
(../shared/tools/score_incidents.py), on a hand-made run folder. No statistical model is loaded."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from caucasus_nlp.cli import app
from caucasus_nlp.evaluate_incidents import score_incidents

REFEREE = Path(__file__).resolve().parents[2] / "shared" / "tools" / "score_incidents.py"
KUTAISI, FAR = ("geonames:613607", 42.27, 42.70), ("geonames:1", 10.0, 10.0)
INCIDENTS = [
    {"event_type": "Protests", "sub_event_type": "Peaceful protest", "latitude": 42.25, "longitude": 42.69, "event_date": "2020-05-03",
     "notes": "On 3 May 2020, workers of the mine rallied in Kutaisi against unpaid wages."},
    {"event_type": "Battles", "sub_event_type": "Armed clash", "latitude": 40.0, "longitude": 45.0, "event_date": "2020-05-04",
     "notes": "On 4 May 2020, two armed groups clashed near the village of Ninotsminda in the hills."},
    # no article has it: counted in notes, not in found
    {"event_type": "Strategic developments", "sub_event_type": "Other", "latitude": 0, "longitude": 0, "event_date": "2020-05-05",
     "notes": "On 5 May 2020, a statement was issued by a committee nobody reported on."},
]
TABLES = {
    "articles": [{"article_id": "a1", "text": "Incident report 1\n\n" + INCIDENTS[0]["notes"]},
                 {"article_id": "a2", "text": "Incident report 2\n\n" + INCIDENTS[1]["notes"]}],
    "mentions": [{"article_id": "a1", "label": "GPE", "entity_id": KUTAISI[0]}, {"article_id": "a2", "label": "GPE", "entity_id": FAR[0]}],
    "entities": [{"entity_id": e, "latitude": lat, "longitude": lon} for e, lat, lon in (KUTAISI, FAR)],
    "dates": [{"article_id": "a1", "value": "2020-05-03"}, {"article_id": "a2", "value": "2020-05-04"}],
    "event_mentions": [
        {"article_id": "a1", "event_type": "PROTEST", "location_id": KUTAISI[0], "date": "2020-05-03"},
        {"article_id": "a1", "event_type": "COERCE", "location_id": "", "date": ""},  # not a type the protest allows
        {"article_id": "a2", "event_type": "PROTEST", "location_id": FAR[0], "date": ""},  # a battle is ASSAULT
    ],
}
EXPECTED = {"notes": 3, "found": 0.6667, "type_recall": 0.5, "type_precision": 0.3333, "type_f1": 0.4,
            "place_within_25km_any_mention": 0.5, "place_within_25km_event_location": 0.5, "date_in_dates_table": 1.0, "date_on_event": 0.5}


@pytest.fixture
def run(tmp_path):
    folder = tmp_path / "run"
    folder.mkdir()
    for name, rows in TABLES.items():
        with open(folder / f"{name}.csv", "w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    incidents = tmp_path / "incidents.jsonl"
    incidents.write_text("".join(json.dumps(r) + "\n" for r in INCIDENTS), "utf-8")
    return incidents, folder


def test_the_incident_scores_count_reports_found_types_places_and_dates(run):
    assert score_incidents(*run) == EXPECTED


@pytest.mark.skipif(not REFEREE.is_file(), reason="../shared/tools/score_incidents.py is absent")
def test_the_scores_are_the_referees(run, tmp_path):
    incidents, folder = run
    subprocess.run([sys.executable, str(REFEREE), str(incidents), str(folder), "--json", str(tmp_path / "ref.json")], check=True,
                   capture_output=True)
    assert json.loads((tmp_path / "ref.json").read_text("utf-8")) == score_incidents(incidents, folder)


def test_the_cli_prints_and_writes_them(run, tmp_path):
    incidents, folder = run
    result = CliRunner().invoke(app, ["evaluate", "--incidents", str(incidents), "--pred", str(folder), "--json", str(tmp_path / "s.json")])
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "s.json").read_text("utf-8")) == EXPECTED


@pytest.mark.parametrize("args, message", [
    ([], "give either --gold or --incidents"),
    (["--gold", "g.jsonl", "--incidents", "i.jsonl"], "give either --gold or --incidents"),
])
def test_the_cli_wants_one_of_gold_and_incidents(args, message, tmp_path):
    result = CliRunner().invoke(app, ["evaluate", "--pred", str(tmp_path), *args])
    assert result.exit_code == 2 and message in result.output


def test_a_line_that_is_not_json_is_a_clear_error(run):
    incidents, folder = run
    incidents.write_text(incidents.read_text("utf-8") + "not json\n", "utf-8")
    result = CliRunner().invoke(app, ["evaluate", "--incidents", str(incidents), "--pred", str(folder)])
    assert result.exit_code == 2 and "incidents.jsonl:4 is not JSON" in result.output
