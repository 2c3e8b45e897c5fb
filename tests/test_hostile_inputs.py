"""The hostile-input battery: what a new user's mistakes and a hostile tester's files do to a run.

One folder holds a file for each case, and one `caucasus-nlp run` reads it all, as a batch job
would; each case then asserts what the manifest, the tables and the exit status say of its file.
The cases that need a process of their own (signals, a second run into a locked folder, a killed
run) follow. README's "What happens to bad input" is the table these tests keep true.
"""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import psutil
import pytest
from typer.testing import CliRunner

from caucasus_nlp import cli, engine, pipeline
from caucasus_nlp.store import OutputStore
from caucasus_nlp.tables import TABLES, unresolved_references
from conftest import ROOT, SEEDS, VALIDATION

pytestmark = pytest.mark.slow

STORY = "Armenia and Azerbaijan said on 5 May 2024 that the ceasefire held along the border near Tavush."
BOOM = "This article makes the analysis fail"  # an article the battery's injected fault fails on

# name -> bytes of each file in the battery folder
BATTERY = {
    "cp1252.txt": f"Talks in Baku\n\nKurfürst met Mirzoyan in Yerevan on 27 March 2023. {STORY}\n".encode("cp1252"),
    "binary.txt": b"\x00\xff" * 100,
    "empty.txt": b"",
    ".hidden.txt": f"Hidden draft\n\n{STORY}\n".encode(),
    "unclosed_quote.csv": (
        "title,text,date,outlet\n"
        f'Glued story,"{STORY} The quote of this row is never closed.,2024-03-03,Outlet A\n'
        f"Second story,{STORY} Protesters rallied in Yerevan on Sunday.,2024-03-04,Outlet B\n"
        f'Third story,"{STORY} Police detained ten people.",2024-03-05,Outlet C\n'
    ).encode(),
    "extra_fields.csv": (
        "title,text,date,outlet\n"
        f"Fourth story,{STORY} Talks resumed in Washington.,2024-03-06,Outlet D,EXTRA1,EXTRA2\n"
        f"Fifth story,{STORY} The ministers met in Almaty.,2024-03-07\n"
    ).encode(),
    "hostile_cells.jsonl": json.dumps({
        "title": "=HYPERLINK(\"http://evil.example/\",\"click\") <script>alert(1)</script> [/url] :hand:",
        "text": f"@SUM(1+1) {STORY} <img src=x onerror=alert(2)>",
        "url": "javascript:alert(3)", "date": "2024-05-05", "outlet": "+Outlet",
    }).encode() + b"\n",
    # the failing story comes again after the good one, in a batch of its own (ARTICLES_PER_BATCH is 1 in the battery)
    "failing_article.txt": (f"A failing story\n\nBy Test Wire, 5 May 2024\n\n{BOOM}. {STORY}\n\n\n\n"
                            f"A good story\n\nBy Test Wire, 6 May 2024\n\n{STORY}\n\n\n\n"
                            f"A failing story\n\nBy Test Wire, 5 May 2024\n\n{BOOM}. {STORY}\n").encode(),
}


def _fail_on_marked_articles(real):
    def article_rows(article, doc, year_hint):
        if BOOM in article.text:
            raise ValueError("injected fault")
        return real(article, doc, year_hint)

    return article_rows


@pytest.fixture(scope="module")
def battery(tmp_path_factory, nlp):
    """One run of the CLI over the battery folder (plus, where ../shared has it, the validation dump
    that once broke a run on a duplicate mention id); the failing article's fault is injected."""
    folder = tmp_path_factory.mktemp("battery")
    inputs = folder / "in"
    inputs.mkdir()
    for name, data in BATTERY.items():
        (inputs / name).write_bytes(data)
    if (VALIDATION / "val_2023_2025_c.txt").is_file():
        (inputs / "val_2023_2025_c.txt").write_bytes((VALIDATION / "val_2023_2025_c.txt").read_bytes())
    out = folder / "out"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cli, "_load", lambda *args, **kwargs: nlp)
        patch.setattr(engine, "article_rows", _fail_on_marked_articles(engine.article_rows))
        patch.setattr(pipeline, "ARTICLES_PER_BATCH", 1)
        patch.setenv("COLUMNS", "300")
        result = CliRunner().invoke(cli.app, ["run", str(inputs), "-o", str(out), "--workers", "1"])
        strict = CliRunner().invoke(cli.app, ["run", str(inputs), "-o", str(out), "--workers", "1", "--strict"])
    manifest = json.loads((out / "manifest.json").read_text())
    return {"inputs": inputs, "out": out, "result": result, "strict": strict, "manifest": manifest}


def _by_file(records: list[dict], name: str) -> list[str]:
    return [f"{Path(r['path'].split(':')[0]).name}:{r['path'].split(':')[1]}" if ":" in r["path"] else r["reason"]
            for r in records if Path(r["path"].split(":")[0]).name == name]


def _articles(battery) -> pd.DataFrame:
    return pd.read_parquet(battery["out"] / "articles.parquet")


def test_the_run_exits_0_without_a_traceback_and_every_reference_resolves(battery):
    assert battery["result"].exit_code == 0, battery["result"].output
    assert "Traceback" not in battery["result"].output
    assert unresolved_references(battery["out"]) == []


def test_legacy_encodings_are_decoded(battery):
    (record,) = [i for i in battery["manifest"]["inputs"] if i["dump"] == "cp1252.txt"]
    assert record["encoding"] == "cp1252"
    assert "Kurfürst met Mirzoyan" in _articles(battery).set_index("dump").loc["cp1252.txt", "text"]


@pytest.mark.parametrize("name, reason", [("binary.txt", "binary file, not a text dump"), ("empty.txt", "empty file")])
def test_unusable_files_are_rejected_with_their_reason(battery, name, reason):
    assert [r["reason"] for r in battery["manifest"]["rejected"] if r["path"].endswith(f"/{name}")] == [reason]


def test_a_dot_named_input_is_listed_as_skipped(battery):
    assert [(Path(r["path"]).name, r["reason"]) for r in battery["manifest"]["skipped_inputs"]] == [
        (".hidden.txt", "hidden file (name starts with '.')")]


def test_a_csv_row_with_an_unclosed_quote_is_rejected_and_the_next_rows_are_read(battery):
    rejected = [r for r in battery["manifest"]["rejected"] if "unclosed_quote.csv:" in r["path"]]
    assert [(r["path"].rsplit("/", 1)[1], r["reason"].split(" (")[0]) for r in rejected] == [("unclosed_quote.csv:2", "malformed table row")]
    rows = _articles(battery).query("dump == 'unclosed_quote.csv'")
    assert list(zip(rows.title, rows.outlet, rows.published, strict=True)) == [
        ("Second story", "Outlet B", "2024-03-04"), ("Third story", "Outlet C", "2024-03-05")]
    (record,) = [i for i in battery["manifest"]["inputs"] if i["dump"] == "unclosed_quote.csv"]
    assert (record["n_records"], record["n_articles"], record["n_rejected_records"]) == (3, 2, 1)


def test_csv_rows_with_extra_or_missing_fields_are_read_with_a_warning_at_their_line(battery):
    warnings = [(w["path"].rsplit("/", 1)[1], w["reason"]) for w in battery["manifest"]["warnings"]]
    assert warnings == [
        ("extra_fields.csv:2", "row has 6 fields, the header 4: the extra fields were dropped ('EXTRA1', 'EXTRA2')"),
        ("extra_fields.csv:3", "row has 3 fields, the header 4: outlet left empty"),
    ]
    rows = _articles(battery).query("dump == 'extra_fields.csv'")
    assert list(zip(rows.title, rows.outlet.fillna(""), strict=True)) == [("Fourth story", "Outlet D"), ("Fifth story", "")]
    assert "warning" in battery["result"].output and "extra_fields.csv:2" in battery["result"].output


def test_an_article_whose_analysis_fails_is_recorded_and_the_others_go_on(battery):
    failed = battery["manifest"]["failed_articles"]
    assert [(f["dump"], f["seq"], f["title"], f["error"]) for f in failed] == [
        ("failing_article.txt", 0, "A failing story", "ValueError: injected fault"),
        ("failing_article.txt", 2, "A failing story", "ValueError: injected fault"),  # its repeat, in a later batch
    ]
    rows = _articles(battery).query("dump == 'failing_article.txt'")
    assert list(rows.title) == ["A good story"]
    assert BOOM not in " ".join(pd.read_parquet(battery["out"] / "event_mentions.parquet").sentence)
    assert "failing_article.txt#0" in battery["result"].output
    assert battery["manifest"]["n_duplicate_articles"] == 0  # a repeat of a failed article is no row


def test_strict_makes_a_failed_article_fail_the_run(battery):
    assert battery["strict"].exit_code == 1
    assert "the analysis of 2 articles failed (--strict" in battery["strict"].output


def test_formula_cells_are_neutralised_in_csv_only_and_markup_is_printed_as_text(battery):
    parquet = pd.read_parquet(battery["out"] / "articles.parquet").set_index("dump").loc["hostile_cells.jsonl"]
    assert parquet.title.startswith("=HYPERLINK(")
    csv = pd.read_csv(battery["out"] / "articles.csv", keep_default_na=False).set_index("dump").loc["hostile_cells.jsonl"]
    assert (csv.title[:12], csv.outlet, csv.url) == ("'=HYPERLINK(", "'+Outlet", "javascript:alert(3)")


def test_script_in_a_title_body_or_url_stays_text_in_the_report(battery, tmp_path):
    report = tmp_path / "report.html"
    assert CliRunner().invoke(cli.app, ["report", str(battery["out"]), "-o", str(report)]).exit_code == 0
    html = report.read_text()
    assert "<script>alert(1)</script>" not in html and "<img src=x onerror" not in html
    assert 'href="javascript:' not in html


@pytest.mark.skipif(not (VALIDATION / "val_2023_2025_c.txt").is_file(), reason="../shared validation dumps are absent")
def test_the_validation_dump_that_once_broke_a_run_is_analysed_whole(battery):
    (record,) = [i for i in battery["manifest"]["inputs"] if i["dump"] == "val_2023_2025_c.txt"]
    assert record["n_articles"] == 7
    assert len(_articles(battery).query("dump == 'val_2023_2025_c.txt'")) == 7
    assert [f for f in battery["manifest"]["failed_articles"] if f["dump"] == "val_2023_2025_c.txt"] == []


def test_a_log_line_comes_at_least_every_heartbeat_on_a_non_terminal(tmp_path, nlp, monkeypatch):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "story.txt").write_text(f"A story\n\n{STORY}\n")
    real = engine.article_rows

    def slow(article, doc, year_hint):
        time.sleep(1.0)
        return real(article, doc, year_hint)

    monkeypatch.setattr(cli, "_load", lambda *args, **kwargs: nlp)
    monkeypatch.setattr(cli, "HEARTBEAT_SECONDS", 0.2)
    monkeypatch.setattr(engine, "article_rows", slow)
    result = CliRunner().invoke(cli.app, ["run", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert result.output.count("working for") >= 3 and "no batch finished yet" in result.output


# --- cases that need processes of their own ------------------------------------------------------

CLI = [sys.executable, "-m", "caucasus_nlp.cli"]


def test_a_second_run_into_a_folder_being_written_stops_at_once_with_the_holders_pid(tmp_path):
    out = tmp_path / "out"
    with OutputStore(out):  # this process is the run writing the folder
        second = subprocess.run([*CLI, "run", str(ROOT / "data" / "raw"), "-o", str(out)], capture_output=True, text=True, timeout=120)
    assert second.returncode == 1 and "Traceback" not in second.stderr
    assert f"{out} is being written by another run (pid {os.getpid()})" in " ".join(second.stderr.split())
    assert not (out / "articles.csv").exists()


@pytest.fixture
def corpus(tmp_path):
    """Inputs that keep two workers busy for a while: the seed and validation dumps."""
    dumps = [*sorted(SEEDS.glob("*.txt")), *sorted(VALIDATION.glob("*.txt"))]
    if len(dumps) < 6:
        pytest.skip("../shared seed and validation dumps are absent")
    folder = tmp_path / "in"
    folder.mkdir()
    for path in dumps:
        (folder / path.name).write_bytes(path.read_bytes())
    return folder


def _start_run_and_wait_for_workers(corpus: Path, out: Path) -> tuple[subprocess.Popen, list[psutil.Process]]:
    """A two-worker run, once its workers are busy and it has finished at least one input."""
    run = subprocess.Popen([*CLI, "run", str(corpus), "-o", str(out), "--workers", "2"], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        workers = psutil.Process(run.pid).children()
        if len(workers) == 2 and list((out / ".cache").glob("*/done.json")):
            return run, workers
        assert run.poll() is None, run.communicate()
        time.sleep(0.2)
    run.kill()
    pytest.fail("the run never had two workers and a finished input")


def _tables(out: Path) -> dict[str, bytes]:
    return {name: (out / f"{name}.csv").read_bytes() for name in TABLES}


def test_sigterm_stops_a_two_worker_run_cleanly_and_the_next_run_resumes(corpus, tmp_path):
    out = tmp_path / "out"
    run, workers = _start_run_and_wait_for_workers(corpus, out)
    run.send_signal(signal.SIGTERM)
    _, stderr = run.communicate(timeout=60)
    assert run.returncode == 128 + signal.SIGTERM and "Traceback" not in stderr
    last = " ".join(stderr.strip().splitlines()[-1].split())
    assert last.startswith("stopped by SIGTERM: ") and "inputs were finished and are kept" in last and "run the same command again to resume" in last
    assert psutil.wait_procs(workers, timeout=10)[1] == []  # no worker outlives the run
    assert not (out / "manifest.json").exists()
    resumed = subprocess.run([*CLI, "run", str(corpus), "-o", str(out), "--workers", "2"], capture_output=True, text=True, timeout=600)
    manifest = json.loads((out / "manifest.json").read_text())
    assert resumed.returncode == 0 and manifest["n_inputs_reused"] >= 1
    assert manifest["n_inputs_reused"] + manifest["n_inputs_processed"] == len(list(corpus.iterdir()))


def test_kill_9_of_a_two_worker_run_leaves_no_worker_and_the_rerun_gives_the_same_tables(corpus, tmp_path):
    reference = tmp_path / "reference"
    subprocess.run([*CLI, "run", str(corpus), "-o", str(reference), "--workers", "2", "-q"], check=True, timeout=600)
    out = tmp_path / "out"
    run, workers = _start_run_and_wait_for_workers(corpus, out)
    run.kill()
    run.communicate(timeout=30)
    assert psutil.wait_procs(workers, timeout=10)[1] == []  # they die with their parent, not minutes later
    subprocess.run([*CLI, "run", str(corpus), "-o", str(out), "--workers", "2", "-q"], check=True, timeout=600)
    assert _tables(out) == _tables(reference)
