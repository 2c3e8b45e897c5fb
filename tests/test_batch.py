"""Batch jobs as users run them: reruns change nothing, changed and vanished inputs are handled, a
crash leaves the published tables and the next run finishes the work, and the tables do not
depend on the number of workers or the engine."""

import errno
import json
import shutil

import pytest

from caucasus_nlp import engine, pipeline
from caucasus_nlp.pipeline import run
from caucasus_nlp.store import OutputError
from caucasus_nlp.tables import TABLES
from conftest import ROOT

pytestmark = pytest.mark.slow
FORMATS = ROOT / "tests" / "fixtures" / "formats"
SOURCES = [ROOT / "data" / "raw" / "sample_digest.txt", FORMATS / "wire_stories.txt", FORMATS / "export.jsonl"]


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "inputs"
    folder.mkdir()
    for path in SOURCES:
        shutil.copy(path, folder / path.name)
    return folder


def tables(out) -> dict[str, bytes]:
    return {name: (out / f"{name}.csv").read_bytes() for name in TABLES}


def manifest(out) -> dict:
    return json.loads((out / "manifest.json").read_text())


@pytest.fixture
def reference(inputs, tmp_path, nlp):
    """The tables of a plain one-worker run on all inputs."""
    out = tmp_path / "reference"
    run([inputs], out, nlp=nlp)
    return tables(out)


def test_a_rerun_with_nothing_changed_reuses_everything_and_changes_no_byte(inputs, tmp_path, nlp, reference):
    out = tmp_path / "out"
    run([inputs], out, nlp=nlp)
    first = manifest(out)
    result = run([inputs], out, nlp=nlp)
    assert tables(out) == reference
    assert result.manifest == first  # nothing was rewritten, not even the manifest
    (out / "events.csv").unlink()  # a table lost since: the tables are rebuilt, from the cache alone
    rebuilt = run([inputs], out, nlp=nlp).manifest
    assert (rebuilt["n_inputs_processed"], rebuilt["n_inputs_reused"]) == (0, 3)
    assert tables(out) == reference


def test_only_a_changed_input_is_reprocessed(inputs, tmp_path, nlp):
    out = tmp_path / "out"
    run([inputs], out, nlp=nlp)
    wire = inputs / "wire_stories.txt"
    wire.write_text(wire.read_text().replace("ethnic Armenian population", "Armenian population"))
    after = run([inputs], out, nlp=nlp).manifest
    assert (after["n_inputs_processed"], after["n_inputs_reused"]) == (1, 2)
    fresh = tmp_path / "fresh"
    run([inputs], fresh, nlp=nlp)
    assert tables(out) == tables(fresh)


def test_rows_of_a_vanished_input_are_removed_or_kept_on_request(inputs, tmp_path, nlp, reference):
    out = tmp_path / "out"
    run([inputs], out, nlp=nlp)
    moved = tmp_path / "export.jsonl"
    shutil.move(inputs / "export.jsonl", moved)
    kept = run([inputs], out, nlp=nlp, keep_missing=True).manifest
    assert {k: sorted(v.splitlines()) for k, v in tables(out).items()} == {k: sorted(v.splitlines()) for k, v in reference.items()}
    assert kept["missing_inputs"][0]["kept"] is True and kept["n_inputs_processed"] == 0
    removed = run([inputs], out, nlp=nlp).manifest
    assert removed["missing_inputs"] == [] or removed["missing_inputs"][0]["kept"] is False
    assert b"export.jsonl" not in (out / "articles.csv").read_bytes()
    without = tmp_path / "without"
    run([inputs], without, nlp=nlp)
    assert tables(out) == tables(without)


def test_a_crash_leaves_the_published_tables_and_the_next_run_finishes_the_work(inputs, tmp_path, nlp, reference, monkeypatch):
    out = tmp_path / "out"
    run([inputs / "sample_digest.txt"], out, nlp=nlp)
    published = tables(out)
    real = engine.article_rows

    def crash_on_last_input(article, doc, year_hint):
        if article.dump == "wire_stories.txt":  # inputs go in name order: export.jsonl is done by then
            raise KeyboardInterrupt  # the user's Ctrl-C, or the batch system's kill
        return real(article, doc, year_hint)

    monkeypatch.setattr(engine, "article_rows", crash_on_last_input)
    with pytest.raises(KeyboardInterrupt):
        run([inputs], out, nlp=nlp)
    assert tables(out) == published
    monkeypatch.setattr(engine, "article_rows", real)
    resumed = run([inputs], out, nlp=nlp).manifest
    assert (resumed["n_inputs_processed"], resumed["n_inputs_reused"]) == (1, 2)  # only the interrupted input
    assert tables(out) == reference


def test_a_full_disk_is_a_clear_error_and_keeps_finished_inputs(inputs, tmp_path, nlp, monkeypatch):
    out = tmp_path / "out"
    run([inputs / "sample_digest.txt"], out, nlp=nlp)
    published = tables(out)

    def disk_full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pipeline, "write_manifest", disk_full)
    with pytest.raises(OutputError, match="No space left on device"):
        run([inputs], out, nlp=nlp)
    assert tables(out) == published
    monkeypatch.undo()
    assert run([inputs], out, nlp=nlp).manifest["n_inputs_processed"] == 0


def test_a_file_that_vanishes_mid_run_is_recorded_and_the_others_are_kept(inputs, tmp_path, nlp, monkeypatch):
    real = pipeline.read_dump

    def vanishing(path, name):
        if path.name == "wire_stories.txt":
            path.unlink()  # deleted by another job between discovery and reading
        return real(path, name)

    monkeypatch.setattr(pipeline, "read_dump", vanishing)
    result = run([inputs], tmp_path / "out", nlp=nlp).manifest
    assert [r["reason"] for r in result["rejected"] if r["path"].endswith("wire_stories.txt")] == ["cannot read file: No such file or directory"]
    assert sorted(i["dump"] for i in result["inputs"]) == ["export.jsonl", "sample_digest.txt"]


def test_two_workers_write_the_tables_of_one(inputs, tmp_path, nlp, reference):
    out = tmp_path / "out"
    result = run([inputs], out, nlp=nlp, workers=2)
    assert result.manifest["workers"] == 2
    assert tables(out) == reference


def test_the_dask_engine_writes_the_tables_of_the_local_one(inputs, tmp_path, nlp, reference):
    pytest.importorskip("dask.distributed")
    out = tmp_path / "out"
    result = run([inputs], out, nlp=nlp, engine="dask", workers=2)
    assert result.manifest["engine"] == "dask"
    assert tables(out) == reference


def test_a_copy_of_an_input_in_another_folder_is_analysed_once_and_recorded_at_its_own_path(inputs, tmp_path, nlp):
    backup = tmp_path / "backup"
    backup.mkdir()
    shutil.copy(inputs / "wire_stories.txt", backup / "wire_stories.txt")
    result = run([inputs, backup], tmp_path / "out", nlp=nlp).manifest
    copies = {i["dump"]: i for i in result["inputs"] if i["path"].endswith("wire_stories.txt")}
    assert sorted(copies) == ["backup/wire_stories.txt", "inputs/wire_stories.txt"]  # one file name, two dumps
    assert copies["inputs/wire_stories.txt"]["path"] == str(inputs / "wire_stories.txt")
    assert result["n_duplicate_articles"] == 2  # the copy's two articles repeat the original's


def test_a_moved_input_is_taken_from_the_cache_under_its_new_path(inputs, tmp_path, nlp):
    out = tmp_path / "out"
    run([inputs], out, nlp=nlp)
    moved = tmp_path / "moved"
    shutil.move(inputs, moved)
    result = run([moved], out, nlp=nlp).manifest
    assert result["n_inputs_processed"] == 0
    assert all(i["path"].startswith(str(moved)) for i in result["inputs"])
