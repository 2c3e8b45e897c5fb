"""The per-rule and per-gate report (caucasus-nlp rules) on small hand-made tables: no model."""

from __future__ import annotations

import json

import pandas as pd
from typer.testing import CliRunner

from caucasus_nlp.cli import app
from caucasus_nlp.evaluate import evaluate
from caucasus_nlp.rules_report import gate_counts, gate_scores, rule_counts, rule_ids, rule_scores, rules_report
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
     "events": [{"type": "ACCUSE", "actors": ["Armenia"], "evidence": "accuses Azerbaijan of shelling"},
                {"type": "AGREE", "actors": ["Azerbaijan"]}]},
    {"dump": "d1.txt", "seq": 2, "title": "Baku agrees to talks",
     "entities": [{"label": "PLACE", "name": "Azerbaijan", "alt": ["Baku"]}],
     "events": [{"type": "AGREE", "actors": ["Azerbaijan"], "evidence": "Baku agrees to talks"},
                {"type": "REJECT", "actors": ["Armenia"], "evidence": "Yerevan rejected the offer"}]},
]
# (article, gate, type, sentence) of dropped_event_candidates
DROPPED = [
    # the gold REJECT of a3, which no kept row matches: lost, by each gate one of whose drops would match it ...
    ("a3", "gate:no_participant", "REJECT", "Yerevan rejected the offer, officials said."),
    ("a3", "gate:no_participant", "REJECT", "\u201cYerevan rejected the offer!\u201d"),  # ... once: one to one
    ("a3", "gate:question", "REJECT", "Has Yerevan rejected the offer?"),
    ("a3", "gate:background_noun", "REJECT", "The rejection of the offer surprised no one."),  # the evidence is not in it
    ("a3", "gate:condition", "CONSULT", "If Yerevan rejected the offer, talks would stop."),  # another type
    ("a1", "gate:question", "ACCUSE", "Armenia accuses Azerbaijan of shelling?"),  # a kept row matches that gold event
    ("a2", "gate:habitual", "PROTEST", "Farmers often protest."),  # in an article the gold does not have
]
GATE_COUNTS = [
    {"kind": "gate", "gate_id": "gate:no_participant", "dropped": 2, "articles": 1},
    {"kind": "gate", "gate_id": "gate:question", "dropped": 2, "articles": 2},
    {"kind": "gate", "gate_id": "gate:background_noun", "dropped": 1, "articles": 1},
    {"kind": "gate", "gate_id": "gate:condition", "dropped": 1, "articles": 1},
    {"kind": "gate", "gate_id": "gate:habitual", "dropped": 1, "articles": 1},
]
GATE_SCORES = [
    {"kind": "gate", "gate_id": "gate:background_noun", "dropped": 1, "articles": 1, "lost": 0, "precision": 1.0},
    {"kind": "gate", "gate_id": "gate:condition", "dropped": 1, "articles": 1, "lost": 0, "precision": 1.0},
    {"kind": "gate", "gate_id": "gate:no_participant", "dropped": 2, "articles": 1, "lost": 1, "precision": 0.5},
    {"kind": "gate", "gate_id": "gate:question", "dropped": 2, "articles": 2, "lost": 1, "precision": 0.5},
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


def _dropped(rows=DROPPED) -> pd.DataFrame:
    return pd.DataFrame([{"article_id": a, "gate_id": g, "event_type": t, "sentence": text} for a, g, t, text in rows],
                        columns=["article_id", "gate_id", "event_type", "sentence"])


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


def test_gate_counts_per_gate_id_without_gold_most_dropped_first():
    assert gate_counts(_dropped()) == GATE_COUNTS
    assert gate_counts(_dropped([])) == gate_counts(pd.DataFrame()) == []


def test_gate_scores_count_the_gold_events_no_kept_row_matches_that_a_drop_of_the_type_holding_their_evidence_would():
    assert gate_scores(_dropped(), _mentions(), _articles(), _entities(), GOLD) == GATE_SCORES


def test_without_kept_rows_every_gold_event_of_the_article_may_be_lost():
    dropped = _dropped([("a3", "gate:question", "AGREE", "Baku agrees to talks, they say?"),
                        ("a3", "gate:question", "REJECT", "Yerevan rejected the offer.")])
    scores = gate_scores(dropped, _mentions([]), _articles(), _entities(), GOLD)
    assert scores == [{"kind": "gate", "gate_id": "gate:question", "dropped": 2, "articles": 1, "lost": 2, "precision": 0.0}]
    # with the kept row of a3 matching the gold AGREE, only the REJECT is lost
    assert gate_scores(dropped, _mentions(), _articles(), _entities(), GOLD)[0]["lost"] == 1


def test_a_gold_event_without_evidence_is_never_lost():
    dropped = _dropped([("a1", "gate:question", "AGREE", "Does Azerbaijan agree?")])
    assert gate_scores(dropped, _mentions([]), _articles(), _entities(), GOLD)[0]["lost"] == 0


def _write_run(folder, dropped=()):
    """A tiny output folder through the project's own table writer."""
    folder.mkdir()
    articles = [dict(a, outlet=None, published=None, published_source=None, url=None, dateline=None, author=None, language="en",
                     duplicate_of=None, text=a["title"], raw_start=0, raw_end=len(a["title"]), n_tokens=5) for a in ARTICLES]
    entities = [dict(e, type="PLACE", geonameid=int(e["entity_id"].split(":")[1]), latitude=None, longitude=None, country_code=None,
                     in_kb=True, n_mentions=1, n_articles=1) for e in ENTITIES]
    mentions = [{"event_mention_id": f"m{i}", "event_id": f"e{i}", "article_id": a, "sent_idx": 0, "event_type": t, "subtype": None,
                 "trigger": "x", "trigger_start": 0, "actors": actors, "targets": [], "location_id": None, "location_precision": None,
                 "date": None, "date_source": None,
                 "date_precision": None, "modality": "asserted", "quantity": None, "sentence": "x", "rule_id": r, "type_confidence": None,
                 "actor_countries": [""] * len(actors), "actor_sectors": [""] * len(actors), "target_countries": [], "target_sectors": []}
                for i, (a, t, actors, r) in enumerate(MENTIONS)]
    drops = [{"dropped_candidate_id": f"c{i}", "article_id": a, "sent_idx": 0, "gate_id": g, "event_type": t, "subtype": None,
              "trigger": "x", "trigger_start": 0, "trigger_lemma": "x", "actors": [], "targets": [], "sentence": text, "rule_id": "trigger:x"}
             for i, (a, g, t, text) in enumerate(dropped)]
    tables = {"articles": articles, "entities": entities, "event_mentions": mentions, "dropped_event_candidates": drops}
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


def test_cli_prints_the_gate_records_after_the_rule_records(tmp_path):
    folder = _write_run(tmp_path / "run", DROPPED)
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(g) + "\n" for g in GOLD), "utf-8")
    runner = CliRunner()
    plain = runner.invoke(app, ["rules", str(folder), "--json"])
    assert plain.exit_code == 0, plain.output
    assert json.loads(plain.stdout) == COUNTS + GATE_COUNTS
    scored = runner.invoke(app, ["rules", str(folder), "--gold", str(gold), "--json"])
    assert scored.exit_code == 0, scored.output
    assert json.loads(scored.stdout) == SCORES + GATE_SCORES


def test_cli_tables_name_every_rule_then_every_gate(tmp_path):
    folder = _write_run(tmp_path / "run", DROPPED)
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(g) + "\n" for g in GOLD), "utf-8")
    for args, rules, gates in (([], COUNTS, GATE_COUNTS), (["--gold", str(gold)], SCORES, GATE_SCORES)):
        result = CliRunner().invoke(app, ["rules", str(folder), *args], env={"COLUMNS": "200"})
        assert result.exit_code == 0, result.output
        names = [line.split("│")[1].strip() for line in result.stdout.splitlines() if line.startswith("│")]
        assert names == [r["rule_id"] for r in rules] + [g["gate_id"] for g in gates]
        assert "Event gates of" in result.stdout and ("lost" in result.stdout) == bool(args)


def test_a_run_without_the_dropped_table_has_no_gate_records(tmp_path):
    folder = _write_run(tmp_path / "run")
    assert rules_report(folder).gates == []
    (folder / "dropped_event_candidates.csv").unlink()
    assert rules_report(folder).gates is None
    result = CliRunner().invoke(app, ["rules", str(folder), "--json"])
    assert result.exit_code == 0 and json.loads(result.stdout) == COUNTS
    result = CliRunner().invoke(app, ["rules", str(folder)], env={"COLUMNS": "200"})
    assert result.exit_code == 0 and "no dropped_event_candidates table" in result.stdout
