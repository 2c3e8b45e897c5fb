"""The output folder's guarantees without a model: chunked tables equal whole ones, staged tables
are published all or nothing, and an unfinished cache entry is never reused."""

import errno

import pandas as pd
import pyarrow.parquet as pq
import pytest

from caucasus_nlp.store import READY_MARKER, OutputError, OutputStore
from caucasus_nlp.tables import SchemaError, TableWriter, write_table


def _agreement(i: int, **over) -> dict:
    row = {"agreement_id": f"a{i}", "name": f"Statement {i}", "kind": "statement", "date": "2020-11-10",
           "parties": ["AM", "AZ"] if i % 2 else [], "n_mentions": i, "n_articles": 1}
    return row | over


def test_a_table_written_in_chunks_has_the_bytes_of_one_written_whole(tmp_path, monkeypatch):
    rows = [_agreement(i) for i in range(10)]
    whole, chunked = tmp_path / "whole", tmp_path / "chunked"
    whole.mkdir()
    chunked.mkdir()
    write_table("agreements", rows, whole)
    monkeypatch.setattr(TableWriter, "CHUNK_ROWS", 3)
    writer = TableWriter("agreements", chunked)
    for row in rows:
        writer.write([row])
    assert writer.close() == 10
    assert (whole / "agreements.csv").read_bytes() == (chunked / "agreements.csv").read_bytes()
    assert pq.ParquetFile(chunked / "agreements.parquet").num_row_groups == 4
    assert pd.read_parquet(whole / "agreements.parquet").equals(pd.read_parquet(chunked / "agreements.parquet"))


def test_a_key_repeated_in_a_later_chunk_fails(tmp_path, monkeypatch):
    monkeypatch.setattr(TableWriter, "CHUNK_ROWS", 1)
    writer = TableWriter("agreements", tmp_path)
    writer.write([_agreement(1)])
    with pytest.raises(SchemaError, match="not unique"):
        writer.write([_agreement(1, name="again")])


def test_an_empty_table_still_has_its_header(tmp_path):
    writer = TableWriter("agreements", tmp_path)
    assert writer.close() == 0
    assert (tmp_path / "agreements.csv").read_text().startswith("agreement_id,name,kind")


@pytest.fixture
def store(tmp_path) -> OutputStore:
    prepared = OutputStore(tmp_path)
    prepared.prepare()
    return prepared


def _publish(store: OutputStore, text: str) -> None:
    staging = store.new_staging()
    (staging / "articles.csv").write_text(text)
    (staging / "manifest.json").write_text("{}")
    store.publish()


def test_publishing_replaces_the_tables_and_clears_staging(store, tmp_path):
    _publish(store, "first")
    _publish(store, "second")
    assert (tmp_path / "articles.csv").read_text() == "second"
    assert not store.staging.exists()


def test_a_run_that_died_while_writing_leaves_the_published_tables(store, tmp_path):
    _publish(store, "published")
    (store.new_staging() / "articles.csv").write_text("half written")  # no READY marker: the run died here
    store.release()  # as the system releases a dead run's lock
    OutputStore(tmp_path).prepare()
    assert (tmp_path / "articles.csv").read_text() == "published"
    assert not store.staging.exists()


def test_a_run_that_died_while_moving_files_is_completed_by_the_next(store, tmp_path):
    _publish(store, "old")
    staging = store.new_staging()
    (staging / "articles.csv").write_text("new")
    (staging / READY_MARKER).write_text("")  # complete, but never moved into place
    store.release()  # as the system releases a dead run's lock
    OutputStore(tmp_path).prepare()
    assert (tmp_path / "articles.csv").read_text() == "new"


def test_an_unfinished_cache_entry_is_not_reused_and_a_finished_one_is(store):
    writer = store.shard_writer("k1")
    writer.add([["article"], ["rows"]])
    assert not store.has_shard("k1")
    writer.finish({"input": {}})
    assert store.has_shard("k1")
    assert list(store.shard_parts("k1")) == [[["article"], ["rows"]]]
    assert store.drop_shards_except({"other"}) == 1 and not store.has_shard("k1")


def test_a_full_disk_while_publishing_is_a_clear_error(store, tmp_path, monkeypatch):
    _publish(store, "kept")
    staging = store.new_staging()
    (staging / "articles.csv").write_text("new")

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("caucasus_nlp.store.os.replace", full)
    with pytest.raises(OutputError, match="No space left on device"):
        store.publish()
    assert (tmp_path / "articles.csv").read_text() == "kept"


def test_a_second_writer_of_a_folder_is_refused_with_the_holders_pid_until_the_first_releases(tmp_path):
    import os
    import subprocess
    import sys

    other = [sys.executable, "-c", "import sys; from caucasus_nlp.store import OutputStore, OutputError\n"
             "try:\n    OutputStore(sys.argv[1]).prepare()\nexcept OutputError as e:\n    print(e); sys.exit(1)", str(tmp_path)]
    with OutputStore(tmp_path) as store:
        store.check_unlocked()  # the holder itself may go on
        refused = subprocess.run(other, capture_output=True, text=True)
        assert (refused.returncode, refused.stdout.strip()) == (1, f"{tmp_path} is being written by another run (pid {os.getpid()}): "
                                                                   "wait for it to finish, or write elsewhere")
    assert subprocess.run(other, capture_output=True, text=True).returncode == 0
