"""The per-rule report (caucasus-nlp rules) on small hand-made tables: no model."""

from __future__ import annotations

import json

import pandas as pd
from typer.testing import CliRunner

from caucasus_nlp.cli import app
from caucasus_nlp.evaluate import evaluate
from caucasus_nlp.rules_report import rule_counts, rule_ids, rule_scores
from caucasus_nlp.tables import TABLES, write_table

ACCUSE, BLAME, AGREE = "trigger:accuse:verb:accusation", "trigger:blame:verb:accusation", "trigger:agree:verb:agreement"
ATTACK, MEET = "trigger:attack:any:attack", "trigger:meet:verb:meeting"

ARTICLES = [
    {"article_id": "a1", "dump": "d1.txt", "seq": 0, "title": "Armenia accuses Azerbaijan of shelling"},
    {"article_id": "a2", "dump": "d1.txt", "seq": 1, "title": "Weather in the mountains"},  # not in the gold
    {"article_id": "a3", "dump": "d1.txt", "seq": 2, "title": "Baku agrees to talks"},
]
ENTITIES = [
    {"entity_id": "geonames:174982", "name": "Armenia", "aliases": ["Republic of Armenia"]},
    {"entity_id": "geonames:587116", "name": "Azerbaijan", "aliases": []},
]
AM, AZ = "geonames:174982", "geonames:587116"
# (article, type, actors, rule_id)
MENTIONS = [
    ("a1", "ACCUSE", [AM], f"{ACCUSE}+alleged"),  # matches the gold ACCUSE ...
    ("a1", "ACCUSE", [AM], f"{BLAME}+acts_for"),  # ... which this row, of other rules, matches as well
    ("a1", "AGREE", [AZ], f"{AGREE}+acts_for+acts_for"),  # the only row to match the gold AGREE; acts_for twice
    ("a1", "ASSAULT", [AZ], f"{ATTACK}+alleged"),  # matches nothing
    ("a2", "CONSULT", [AM, AZ], MEET),  # in an article the gold does not have
    ("a3", "AGREE", [AZ], AGREE),
]
GOLD = [
    {"dump": "d1.txt", "seq": 0, "title": "Armenia accuses Azerbaijan of shelling",
     "entities": [{"label": "PLACE", "name": "Armenia", "alt": []}, {"label": "PLACE", "name": "Azerbaijan", "alt": []}],
     "events": [{"type": "ACCUSE", "actors": ["Armenia"]}, {"type": "AGREE", "actors": ["Azerbaijan"]}]},
    {"dump": "d1.txt", "seq": 2, "title": "Baku agrees to talks",
     "entities": [{"label": "PLACE", "name": "Azerbaijan", "alt": ["Baku"]}],
     "events": [{"type": "AGREE", "actors": ["Azerbaijan"]}, {"type": "REJECT", "actors": ["Armenia"]}]},
]

COUNTS = [
    {"rule_id": "acts_for", "rows": 2, "articles": 1},
    {"rule_id": "alleged", "rows": 2, "articles": 1},
    {"rule_id": AGREE, "rows": 2, "articles": 2},
    {"rule_id": ACCUSE, "rows": 1, "articles": 1},
    {"rule_id": ATTACK, "rows": 1, "articles": 1},
    {"rule_id": BLAME, "rows": 1, "articles": 1},
    {"rule_id": MEET, "rows": 1, "articles": 1},
]
SCORES = [
    {"rule_id": AGREE, "rows": 2, "articles": 2, "matched": 2, "precision": 1.0, "only": 2},
    {"rule_id": ACCUSE, "rows": 1, "articles": 1, "matched": 1, "precision": 1.0, "only": 0},
    {"rule_id": "acts_for", "rows": 2, "articles": 1, "matched": 1, "precision": 0.5, "only": 1},
    {"rule_id": "alleged", "rows": 2, "articles": 1, "matched": 1, "precision": 0.5, "only": 0},
    {"rule_id": ATTACK, "rows": 1, "articles": 1, "matched": 0, "precision": 0.0, "only": 0},
    {"rule_id": BLAME, "rows": 1, "articles": 1, "matched": 0, "precision": 0.0, "only": 0},
]


def _mentions(rows=MENTIONS) -> pd.DataFrame:
    """As evaluate reads the CSV: lists joined with '|'."""
    return pd.DataFrame([{"article_id": a, "event_type": t, "actors": "|".join(actors), "rule_id": r} for a, t, actors, r in rows],
                        columns=["article_id", "event_type", "actors", "rule_id"])


def _articles() -> pd.DataFrame:
    return pd.DataFrame(ARTICLES)


def _entities() -> pd.DataFrame:
    return pd.DataFrame([dict(e, aliases="|".join(e["aliases"])) for e in ENTITIES])


def test_rule_ids_split_on_plus_and_count_a_repeated_id_once():
    assert rule_ids(f"{AGREE}+acts_for+acts_for") == [AGREE, "acts_for"]
    assert rule_ids("trigger:x:verb:y+rewrite:alleged+role:xcomp_controller") == ["trigger:x:verb:y", "rewrite:alleged", "role:xcomp_controller"]
    assert rule_ids("") == []


def test_counts_per_rule_id_without_gold_most_rows_first():
    assert rule_counts(_mentions()) == COUNTS


def test_scores_per_rule_id_with_gold_best_precision_first():
    assert rule_scores(_mentions(), _articles(), _entities(), GOLD) == SCORES


def test_a_gold_event_two_rows_of_different_rules_match_is_nobodys_only():
    rows = [("a1", "ACCUSE", [AM], f"{ACCUSE}+alleged"), ("a1", "ACCUSE", [AM], f"{BLAME}+negated")]
    scores = {r["rule_id"]: (r["matched"], r["only"]) for r in rule_scores(_mentions(rows), _articles(), _entities(), GOLD)}
    assert scores == {ACCUSE: (1, 0), "alleged": (1, 0), BLAME: (0, 0), "negated": (0, 0)}


def test_a_gold_event_one_row_matches_is_the_only_of_each_of_its_rules():
    rows = [("a1", "ACCUSE", [AM], f"{ACCUSE}+alleged+repair:stray_subject"), ("a1", "ACCUSE", [AZ], BLAME)]
    scores = {r["rule_id"]: (r["matched"], r["only"]) for r in rule_scores(_mentions(rows), _articles(), _entities(), GOLD)}
    assert scores == {ACCUSE: (1, 1), "alleged": (1, 1), "repair:stray_subject": (1, 1), BLAME: (0, 0)}


def test_two_rows_of_one_rule_matching_two_gold_events_are_its_only_twice():
    rows = [("a1", "ACCUSE", [AM], f"{ACCUSE}+acts_for"), ("a1", "AGREE", [AZ], f"{AGREE}+acts_for")]
    scores = {r["rule_id"]: (r["rows"], r["matched"], r["only"]) for r in rule_scores(_mentions(rows), _articles(), _entities(), GOLD)}
    assert scores == {ACCUSE: (1, 1, 1), AGREE: (1, 1, 1), "acts_for": (2, 2, 2)}


def test_the_empty_table_gives_no_records():
    empty = _mentions([])
    assert rule_counts(empty) == []
    assert rule_scores(empty, _articles(), _entities(), GOLD) == []
    assert rule_counts(pd.DataFrame()) == []


def _write_run(folder):
    """A tiny output folder through the project's own table writer."""
    folder.mkdir()
    articles = [dict(a, outlet=None, published=None, published_source=None, url=None, dateline=None, author=None, language="en",
                     duplicate_of=None, text=a["title"], raw_start=0, raw_end=len(a["title"]), n_tokens=5) for a in ARTICLES]
    entities = [dict(e, type="PLACE", geonameid=int(e["entity_id"].split(":")[1]), latitude=None, longitude=None, country_code=None,
                     in_kb=True, n_mentions=1, n_articles=1) for e in ENTITIES]
    mentions = [{"event_mention_id": f"m{i}", "event_id": f"e{i}", "article_id": a, "sent_idx": 0, "event_type": t, "subtype": None,
                 "trigger": "x", "trigger_start": 0, "actors": actors, "targets": [], "location_id": None, "date": None,
                 "date_precision": None, "modality": "asserted", "quantity": None, "sentence": "x", "rule_id": r, "type_confidence": None}
                for i, (a, t, actors, r) in enumerate(MENTIONS)]
    tables = {"articles": articles, "entities": entities, "event_mentions": mentions}
    for name in TABLES:
        write_table(name, tables.get(name, []), folder)
    return folder


def test_cli_prints_the_records_as_json(tmp_path):
    folder = _write_run(tmp_path / "run")
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(g) + "\n" for g in GOLD), "utf-8")
    runner = CliRunner()
    plain = runner.invoke(app, ["rules", str(folder), "--json"])
    assert plain.exit_code == 0, plain.output
    assert json.loads(plain.stdout) == COUNTS
    scored = runner.invoke(app, ["rules", str(folder), "--gold", str(gold), "--json"])
    assert scored.exit_code == 0, scored.output
    assert json.loads(scored.stdout) == SCORES
    # the same matching as evaluate: the trigger rows' matches are its events tp
    assert sum(r["matched"] for r in SCORES if r["rule_id"].startswith("trigger:")) == evaluate(gold, folder)["events"]["tp"] == 3


def test_cli_table_names_every_rule(tmp_path):
    folder = _write_run(tmp_path / "run")
    result = CliRunner().invoke(app, ["rules", str(folder)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert [r["rule_id"] for r in COUNTS] == [line.split("│")[1].strip() for line in result.stdout.splitlines() if line.startswith("│")]


def test_cli_fails_cleanly_without_event_mentions_or_readable_gold(tmp_path):
    runner = CliRunner()
    (tmp_path / "empty").mkdir()
    result = runner.invoke(app, ["rules", str(tmp_path / "empty")])
    assert result.exit_code == 1 and "no event_mentions table" in result.output
    folder = _write_run(tmp_path / "run")
    result = runner.invoke(app, ["rules", str(folder), "--gold", str(tmp_path / "missing.jsonl")])
    assert result.exit_code == 1 and "cannot read gold file" in result.output
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", "utf-8")
    result = runner.invoke(app, ["rules", str(folder), "--gold", str(bad)])
    assert result.exit_code == 1 and "bad.jsonl:1 is not JSON" in result.output
    assert "Traceback" not in result.output
