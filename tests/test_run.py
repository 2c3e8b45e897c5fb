"""The batch job end to end: tables, manifest, stable ids, bad input, and the dev-set floor."""

import io
import json
import os
import subprocess
import sys

import pandas as pd
import pytest

from caucasus_nlp.evaluate import evaluate
from caucasus_nlp.pipeline import run
from caucasus_nlp.tables import TABLES
from conftest import GOLD, ROOT

pytestmark = pytest.mark.slow
SAMPLE = ROOT / "data" / "raw"
FORMATS = ROOT / "tests" / "fixtures" / "formats"


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory, nlp):
    out = tmp_path_factory.mktemp("sample")
    return run([SAMPLE], out, nlp=nlp), out


def test_every_table_is_written_as_parquet_and_csv(sample_run):
    result, out = sample_run
    for name in TABLES:
        assert (out / f"{name}.parquet").exists() and (out / f"{name}.csv").exists()
        assert list(pd.read_parquet(out / f"{name}.parquet").columns) == TABLES[name].column_names
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["n_articles"] == 4 and manifest["rejected"] == []
    assert manifest["inputs"][0]["sha256"] and manifest["row_counts"] == result.rows


def test_sample_prisoner_exchange_is_extracted(sample_run):
    _, out = sample_run
    events = pd.read_parquet(out / "event_mentions.parquet")
    release = events[(events.subtype == "prisoner_release") & (events.quantity == 32)]
    assert list(release.iloc[0].actors) == ["geonames:587116"]


def test_foreign_keys_hold(sample_run):
    _, out = sample_run
    t = {n: pd.read_parquet(out / f"{n}.parquet") for n in TABLES}
    assert set(t["mentions"].article_id) <= set(t["articles"].article_id)
    assert set(t["mentions"].entity_id.dropna()) <= set(t["entities"].entity_id)
    assert set(t["dates"].mention_id) <= set(t["mentions"].mention_id)
    assert set(t["event_mentions"].event_id) == set(t["events"].event_id)
    assert set(t["agreement_mentions"].agreement_id) == set(t["agreements"].agreement_id)


def test_the_two_sides_of_one_release_are_two_rows_with_their_own_ids(tmp_path, nlp):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "swap.txt").write_text("Prisoners go home\n\nGeorgia and Russia signed a deal on Monday. The EU welcomed "
                                              "the release of three Georgian and five Russian detainees.\n")
    run([tmp_path / "in"], tmp_path / "out", nlp=nlp)
    releases = pd.read_parquet(tmp_path / "out" / "event_mentions.parquet").query("subtype == 'prisoner_release'")
    assert sorted(map(list, releases.actors)) == [["geonames:2017370"], ["geonames:614540"]]
    assert releases.event_mention_id.is_unique


def test_rerun_gives_identical_ids_and_rows(sample_run, tmp_path, nlp):
    _, out = sample_run
    run([SAMPLE], tmp_path, nlp=nlp)
    for name in TABLES:
        assert (out / f"{name}.csv").read_text() == (tmp_path / f"{name}.csv").read_text(), name


def test_bad_inputs_are_recorded_and_the_batch_goes_on(tmp_path, nlp):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "binary.txt").write_bytes(b"\x00\xff" * 100)
    (tmp_path / "in" / "latin.txt").write_bytes("Talks in Baku\n\nKurfürst met Mirzoyan in Yerevan on 27 March 2023.".encode("cp1252"))
    result = run([tmp_path / "in", tmp_path / "missing"], tmp_path / "out", nlp=nlp)
    reasons = {r["reason"] for r in result.manifest["rejected"]}
    assert reasons == {"empty file", "binary file, not a text dump", "path does not exist"}
    assert result.manifest["n_articles"] == 1 and result.manifest["inputs"][0]["encoding"] == "cp1252"
    assert result.manifest["skipped_inputs"] == []


def test_hidden_inputs_are_listed_as_skipped_and_a_new_one_updates_the_manifest(tmp_path, nlp):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "talks.txt").write_text("Talks in Baku\n\nMirzoyan met Bayramov in Baku on 27 March 2023.")
    (tmp_path / "in" / ".draft.txt").write_text("Mirzoyan met Bayramov in Almaty on 10 May 2024.")
    first = run([tmp_path / "in"], tmp_path / "out", nlp=nlp)
    assert [(r["path"].rsplit("/", 1)[1], r["reason"], r["stage"]) for r in first.manifest["skipped_inputs"]] == [
        (".draft.txt", "hidden file (name starts with '.')", "skipped")]
    assert first.manifest["n_articles"] == 1 and first.manifest["rejected"] == []
    (tmp_path / "in" / ".DS_Store").write_bytes(b"\x00")
    second = run([tmp_path / "in"], tmp_path / "out", nlp=nlp)
    assert not second.up_to_date
    assert sorted(r["path"].rsplit("/", 1)[1] for r in second.manifest["skipped_inputs"]) == [".DS_Store", ".draft.txt"]


def test_cli_exit_codes(tmp_path):
    cli = [sys.executable, "-m", "caucasus_nlp.cli"]
    nothing = subprocess.run([*cli, "run", str(tmp_path / "missing"), "-o", str(tmp_path / "o")], capture_output=True, text=True)
    assert nothing.returncode == 1 and "path does not exist" in nothing.stderr and "Traceback" not in nothing.stderr
    missing_model = subprocess.run([*cli, "extract", "text", "--model", "en_core_web_trf"], capture_output=True, text=True)
    assert missing_model.returncode == 2 and "pip install" in missing_model.stderr
    wide = {**os.environ, "COLUMNS": "250"}
    seg = subprocess.run([*cli, "segment", str(SAMPLE / "sample_digest.txt")], capture_output=True, text=True, env=wide)
    assert seg.returncode == 0 and "Caucasus Sample Wire" in seg.stdout
    engine = subprocess.run([*cli, "run", str(SAMPLE), "-o", str(tmp_path / "o"), "--engine", "spark"], capture_output=True, text=True)
    assert engine.returncode == 2 and "unknown engine 'spark'" in engine.stderr


def test_cli_logs_plain_lines_when_not_on_a_terminal_and_quiet_silences_them(tmp_path):
    cli = [sys.executable, "-m", "caucasus_nlp.cli", "run", str(SAMPLE), "-o", str(tmp_path / "o"), "--workers", "1"]
    first = subprocess.run(cli, capture_output=True, text=True)
    assert first.returncode == 0 and "INFO sample_digest.txt: 4 articles analysed" in first.stderr
    assert "\r" not in first.stderr  # no progress bar redraws in a log file
    again = subprocess.run([*cli, "--quiet"], capture_output=True, text=True)
    assert again.returncode == 0 and again.stderr == "" and "are up to date" in again.stdout


def test_an_unreachable_dask_scheduler_is_a_clear_error(tmp_path):
    pytest.importorskip("dask.distributed")
    cli = [sys.executable, "-m", "caucasus_nlp.cli", "run", str(SAMPLE), "-o", str(tmp_path / "o"), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"]
    result = subprocess.run(cli, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "cannot reach the Dask scheduler tcp://127.0.0.1:9" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "o" / "articles.csv").exists()


def test_seed_corpus_meets_the_dev_floor(seeds_dir, tmp_path, nlp):
    run([seeds_dir], tmp_path, nlp=nlp)
    scores = evaluate(GOLD, tmp_path)
    assert scores["articles"]["f1"] >= 0.97
    metadata = scores["metadata_accuracy"]
    assert min(metadata["outlet"], metadata["url"]) >= 0.95
    # 21 of 23: two seed articles never state their year (the rule that guessed one from a dated
    # agreement was written for one of them and was removed: it never fired on validation)
    assert metadata["published"] >= 0.9
    assert metadata["dateline"] >= 0.9
    assert scores["entities"]["ALL"]["f1"] >= 0.90 and min(scores["entities"][k]["f1"] for k in ("PERSON", "ORG", "PLACE")) >= 0.85
    assert scores["place_linking_accuracy"] >= 0.95
    assert scores["dates"]["f1"] >= 0.90 and scores["agreements"]["f1"] >= 0.85
    for layer in ("events", "events_type_only"):
        assert scores[layer]["f1"] > 0.35, layer
    # the December 2023 prisoner exchange, reported by several outlets, is one event
    events = pd.read_parquet(tmp_path / "events.parquet")
    exchange = events[(events.subtype == "prisoner_exchange") & events.date.fillna("").str.startswith("2023-12")]
    assert len(exchange) == 1 and exchange.iloc[0].n_outlets >= 3


@pytest.fixture(scope="module")
def formats_run(tmp_path_factory, nlp):
    out = tmp_path_factory.mktemp("formats")
    return run([FORMATS], out, nlp=nlp), out


def test_every_article_of_every_format_is_accounted_for(formats_run):
    result, out = formats_run
    manifest = result.manifest
    articles = pd.read_parquet(out / "articles.parquet")
    assert {i["dump"]: i["format"] for i in manifest["inputs"]}["export.jsonl"] == "jsonl"
    assert sum(i["n_articles"] for i in manifest["inputs"]) == len(articles) + len(manifest["skipped_articles"])
    assert [(s["dump"], s["seq"], s["language"]) for s in manifest["skipped_articles"]] == [
        ("mixed_languages.txt", 1, "ru"), ("mixed_languages.txt", 2, "az")]
    assert sorted(r["path"].rsplit("/", 1)[1] for r in manifest["rejected"]) == ["export.jsonl:2", "export.jsonl:4"]
    mixed = articles[articles.dump == "mixed_languages.txt"]
    assert list(mixed.seq) == [0, 3] and set(mixed.language) == {"en"}


def test_repost_in_another_dump_shares_the_id_and_is_analysed_once(formats_run):
    result, out = formats_run
    articles = pd.read_parquet(out / "articles.parquet")
    # inputs are read in path order, so repost.txt comes first and the wire story is the repeat
    original = articles[articles.dump == "repost.txt"].iloc[0]
    repeat = articles[(articles.dump == "wire_stories.txt") & (articles.seq == 0)].iloc[0]
    assert repeat.article_id == original.article_id
    assert repeat.duplicate_of == original.article_id and pd.isna(original.duplicate_of)
    assert articles.duplicate_of.notna().sum() == 1
    assert result.manifest["n_duplicate_articles"] == 1
    mentions = pd.read_parquet(out / "mentions.parquet")
    per_article = mentions[mentions.article_id == original.article_id]
    assert len(per_article) > 0 and not per_article.duplicated(["start", "end", "label"]).any()
    entities = pd.read_parquet(out / "entities.parquet").set_index("entity_id")
    assert entities.loc["person:samvel-shahramanyan", "n_articles"] == 1


def test_cli_shows_a_progress_bar_on_a_terminal(tmp_path, monkeypatch):
    from rich.console import Console
    from typer.testing import CliRunner

    from caucasus_nlp import cli

    screen = io.StringIO()
    monkeypatch.setattr(cli, "err", Console(file=screen, force_terminal=True, width=120))
    result = CliRunner().invoke(cli.app, ["run", str(SAMPLE), "-o", str(tmp_path / "o"), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "inputs 1/1" in screen.getvalue() and "tokens/s" in screen.getvalue()


def test_markup_and_emoji_codes_in_titles_and_paths_print_as_text(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    dump = inputs / "wire [red] :hand:.txt"
    dump.write_text("Ceasefire [/url] holds :hand: in Tavush [/]\n\nBy Test Wire, 5 May 2024\n\n"
                    "Armenia and Azerbaijan said on 5 May 2024 that the ceasefire held along the border near Tavush.\n")
    (inputs / "empty [b]:x: one.txt").write_bytes(b"")
    cli = [sys.executable, "-m", "caucasus_nlp.cli"]
    wide = {**os.environ, "COLUMNS": "300"}
    segment = subprocess.run([*cli, "segment", str(dump)], capture_output=True, text=True, env=wide)
    assert segment.returncode == 0, segment.stderr
    assert "Ceasefire [/url] holds :hand: in Tavush [/]" in segment.stdout and "wire [red] :hand:.txt" in segment.stdout
    done = subprocess.run([*cli, "run", str(inputs), "-o", str(tmp_path / "out")], capture_output=True, text=True, env=wide)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert "empty [b]:x: one.txt: empty file" in done.stderr and "1 articles" in done.stdout


def test_a_rerun_with_nothing_changed_needs_no_model(tmp_path, nlp):
    """A batch job rerun on unchanged dumps answers from the manifest: without importing spaCy or torch."""
    from caucasus_nlp.profiles import DEFAULT_MODEL
    from caucasus_nlp.rerun import unchanged_manifest

    (tmp_path / "in").mkdir()
    dump = tmp_path / "in" / "talks.txt"
    dump.write_text("Talks in Baku\n\nMirzoyan met Bayramov in Baku on 27 March 2023.")
    first = run([tmp_path / "in"], tmp_path / "out", nlp=nlp)
    assert unchanged_manifest([tmp_path / "in"], tmp_path / "out", DEFAULT_MODEL, "fast", True) == first.manifest
    # another pipeline asked for, or another input: the run decides, with its model
    assert unchanged_manifest([tmp_path / "in"], tmp_path / "out", DEFAULT_MODEL, "accurate", True) is None
    assert unchanged_manifest([tmp_path / "in"], tmp_path / "out", DEFAULT_MODEL, "fast", False) is None
    assert unchanged_manifest([tmp_path / "in"], tmp_path / "out", "en_core_web_trf", "fast", True) is None
    dump.write_text("Talks in Baku\n\nMirzoyan met Bayramov in Baku on 28 March 2023.")
    assert unchanged_manifest([tmp_path / "in"], tmp_path / "out", DEFAULT_MODEL, "fast", True) is None
    (tmp_path / "in" / "more.txt").write_text("Talks in Tbilisi\n\nMirzoyan met Bayramov in Tbilisi on 2 May 2023.")
    second = run([tmp_path / "in"], tmp_path / "out", nlp=nlp)
    assert second.manifest["n_articles"] == 2
    code = ("import sys\nfrom caucasus_nlp.cli import app\n"
            f"app(['run', {str(tmp_path / 'in')!r}, '-o', {str(tmp_path / 'out')!r}], standalone_mode=False)\n"
            "print(sorted(m for m in ('spacy', 'torch') if m in sys.modules))")
    rerun = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ, "COLUMNS": "250"})
    assert rerun.returncode == 0, rerun.stderr
    assert "nothing changed since the run of" in rerun.stdout and rerun.stdout.strip().endswith("[]")


def test_a_rerun_hashes_unchanged_inputs_instead_of_reading_them(tmp_path, nlp, monkeypatch):
    """An input with the bytes the published run read is not decoded and parsed again; one whose bytes
    changed is, and the run then decides with its model."""
    from caucasus_nlp import rerun
    from caucasus_nlp.io import read_dump
    from caucasus_nlp.profiles import DEFAULT_MODEL

    (tmp_path / "in").mkdir()
    dumps = [tmp_path / "in" / "talks.txt", tmp_path / "in" / "more.jsonl"]
    dumps[0].write_text("Talks in Baku\n\nMirzoyan met Bayramov in Baku on 27 March 2023.")
    dumps[1].write_text(json.dumps({"title": "Talks in Tbilisi", "text": "Mirzoyan met Bayramov in Tbilisi on 2 May 2023."}) + "\n")
    first = run([tmp_path / "in"], tmp_path / "out", nlp=nlp)
    read = []
    monkeypatch.setattr(rerun, "read_dump", lambda path, name: read.append(path.name) or read_dump(path, name))
    os.utime(dumps[0], (1, 1))  # touched, same bytes
    assert rerun.unchanged_manifest([tmp_path / "in"], tmp_path / "out", DEFAULT_MODEL, "fast", True) == first.manifest
    assert read == []
    dumps[1].write_text(json.dumps({"title": "Talks in Tbilisi", "text": "Mirzoyan met Bayramov in Tbilisi on 3 May 2023."}) + "\n")
    assert rerun.unchanged_manifest([tmp_path / "in"], tmp_path / "out", DEFAULT_MODEL, "fast", True) is None
    assert read == ["more.jsonl"]


def test_extract_takes_many_texts_from_stdin_and_writes_a_json_line_for_each(tmp_path):
    cli = [sys.executable, "-m", "caucasus_nlp.cli", "extract", "--batch", "-"]
    lines = ("Azerbaijan released 32 Armenian servicemen on 7 December 2023.\n\n"
             '{"id": "a2", "text": "Protesters rallied in Yerevan.", "published": "2024-05-01"}\n'
             "{broken\n")
    done = subprocess.run(cli, input=lines, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(r["id"], r["line"], r.get("error")) for r in rows] == [
        ("1", 1, None), ("a2", 3, None), ("4", 4, "line 4 is not JSON (Expecting property name enclosed in double quotes)")]
    assert [(e["event_type"], e["subtype"], e["actors"], e["quantity"], e["date"]) for e in rows[0]["events"]] == [
        ("CONCEDE", "prisoner_release", ["geonames:587116"], 32, "2023-12-07")]
    assert [(e["event_type"], e["actors"], e["location_id"], e["actor_countries"]) for e in rows[1]["events"]] == [
        ("PROTEST", ["actor:PRO:AM"], "geonames:616052", ["AM"])]


def test_a_rerun_of_a_run_that_processed_nothing_still_fails(tmp_path):
    """Answered from the manifest, the rerun says what the run said: nothing could be processed, exit 1."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    cli = [sys.executable, "-m", "caucasus_nlp.cli", "run", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-q"]
    first, again = (subprocess.run(cli, capture_output=True, text=True) for _ in range(2))
    assert (first.returncode, again.returncode) == (1, 1)
    assert "nothing changed since the run of" in again.stdout and "nothing could be processed" in again.stderr
