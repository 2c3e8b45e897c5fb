"""The output folder: published tables, the per-input cache behind incremental runs, and the
staging area that makes publishing all-or-nothing.

Layout of an output folder:
- `<table>.parquet`, `<table>.csv`, `manifest.json`: the published tables of the last complete run.
- `.cache/<key>/`: what one input yielded (its articles' rows), keyed by the input's content hash,
  its name and the pipeline fingerprint. Written as each input finishes, so a run that is killed
  keeps the inputs it completed and the next run does only the rest.
- `.lock`: held by the run writing the folder, with its pid; a second run into the folder stops at once.
- `.staging/`: the next set of tables while a run writes them. A run publishes by writing a `READY`
  marker there and then moving each file into place; a run that finds a staging folder with the
  marker (the previous one died while moving files) finishes the move before anything else, and one
  without it (the previous one died while writing) discards it. The published tables are thus
  always one whole run's output.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import os
import pickle
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

CACHE_DIR = ".cache"
STAGING_DIR = ".staging"
READY_MARKER = "READY"
SHARD_DONE = "done.json"
LOCK_FILE = ".lock"


@dataclass
class RunResult:
    """What a run published: its manifest and row counts (spaCy-free, so a rerun that changes nothing
    reports without loading the pipeline)."""

    manifest: dict
    rows: dict[str, int] = field(default_factory=dict)
    up_to_date: bool = False  # nothing had changed: the published tables and manifest were left as they were

    @property
    def ok(self) -> bool:
        return self.manifest["n_articles"] > 0


class OutputError(RuntimeError):
    """The output folder cannot be written (full disk, no permission): nothing was published."""


def shard_key(sha256: str, name: str, pipeline_fingerprint: str) -> str:
    return hashlib.sha256(f"{sha256}\x1f{name}\x1f{pipeline_fingerprint}".encode()).hexdigest()[:24]


class OutputStore:
    def __init__(self, folder: str | Path):
        self.folder = Path(folder)
        self.cache = self.folder / CACHE_DIR
        self.staging = self.folder / STAGING_DIR
        self._lock_handle = None

    def __enter__(self) -> OutputStore:
        self.prepare()
        return self

    def __exit__(self, *_exc) -> None:
        self.release()

    def prepare(self) -> None:
        """Create the folder, take its lock, and settle what an interrupted earlier run left (see
        module doc)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._lock()
            self.cache.mkdir(exist_ok=True)
            self._settle()
        except OSError as exc:
            self.release()
            raise OutputError(f"cannot prepare output folder {self.folder}: {exc.strerror or exc}") from exc

    def check_unlocked(self) -> None:
        """Raise OutputError now if another run holds the folder: a caller about to spend seconds
        loading a model says so at once. The lock itself is taken by `prepare`."""
        if self._lock_handle is None and (self.folder / LOCK_FILE).exists():
            try:
                self._lock()
            except OSError as exc:
                raise OutputError(f"cannot open the lock of {self.folder}: {exc.strerror or exc}") from exc
            self.release()

    def _lock(self) -> None:
        """One run at a time writes a folder: a second one would settle the first one's staging and
        cache under it. An flock on `.lock`, which the system drops when its holder exits, killed or
        not (forked workers share it, and die with the run), so a dead run never blocks the next."""
        handle = open(self.folder / LOCK_FILE, "a+", encoding="utf-8")  # noqa: SIM115 held open until release()
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno not in (errno.EACCES, errno.EAGAIN):
                handle.close()
                raise
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            handle.close()
            raise OutputError(f"{self.folder} is being written by another run (pid {holder}): wait for it to finish, or write elsewhere") from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._lock_handle = handle

    def release(self) -> None:
        """Give up the folder's lock (the next run may write it); safe to call twice."""
        if self._lock_handle is not None:
            fcntl.flock(self._lock_handle, fcntl.LOCK_UN)  # forked workers may still hold the file open
            self._lock_handle.close()
            self._lock_handle = None

    def previous_manifest(self) -> dict | None:
        path = self.folder / "manifest.json"
        if not path.exists():
            return None
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None  # a hand-edited or damaged manifest: the run simply reprocesses everything

    # --- per-input shards -------------------------------------------------------------------
    def publishes(self, previous: dict, shard_keys: list[str], rejected: list[dict], skipped: list[dict], tables) -> bool:
        """Whether the published run is what inputs of these cached shards would publish: its rejections
        are the given ones (of the inputs) and then each shard's, its skipped hidden inputs are these, and
        each of the tables (Parquet and CSV) and datapackage.json is in place."""
        expected = rejected + [r for key in shard_keys for r in self.shard_summary(key)["rejected"]]
        files = [self.folder / f"{name}.{ext}" for name in tables for ext in ("csv", "parquet")]
        in_place = all(f.exists() for f in [*files, self.folder / "datapackage.json"])
        return previous.get("rejected") == expected and previous.get("skipped_inputs", []) == skipped and in_place

    def has_shard(self, key: str) -> bool:
        return (self.cache / key / SHARD_DONE).exists()

    def shard_writer(self, key: str) -> ShardWriter:
        return ShardWriter(self.cache / key)

    def shard_summary(self, key: str) -> dict:
        return json.loads((self.cache / key / SHARD_DONE).read_text(encoding="utf-8"))

    def shard_parts(self, key: str) -> Iterator[list]:
        """The batches of an input's results, in order, one at a time (bounded memory)."""
        folder = self.cache / key
        for path in sorted(folder.glob("part-*.pkl")):
            with path.open("rb") as fh:
                yield pickle.load(fh)

    def drop_shards_except(self, keep: set[str]) -> int:
        """Remove cached inputs that the published manifest no longer refers to; returns how many."""
        removed = 0
        for folder in self.cache.iterdir():
            if folder.is_dir() and folder.name not in keep:
                shutil.rmtree(folder, ignore_errors=True)
                removed += 1
        return removed

    # --- staging and publishing ---------------------------------------------------------------
    def new_staging(self) -> Path:
        try:
            if self.staging.exists():
                shutil.rmtree(self.staging)
            self.staging.mkdir()
        except OSError as exc:
            raise OutputError(f"cannot write to {self.staging}: {exc.strerror or exc}") from exc
        return self.staging

    def publish(self) -> None:
        """Mark the staged tables complete, then move them over the published ones."""
        try:
            (self.staging / READY_MARKER).write_text("", encoding="utf-8")
            self._move_staged()
        except OSError as exc:
            raise OutputError(f"cannot publish tables in {self.folder}: {exc.strerror or exc}") from exc

    def settle_staging(self) -> None:
        """After a failure or an interrupt: staged tables marked complete are moved into place (the
        move had begun, and stopping half-way would mix two runs' tables); others are discarded. What
        cannot be done now (the disk is full) the next run's `prepare` does."""
        try:
            self._settle()
        except OSError:
            pass

    def _settle(self) -> None:
        """Finish a staged set marked READY, discard one that is not (see module doc)."""
        if (self.staging / READY_MARKER).exists():
            self._move_staged()
        elif self.staging.exists():
            shutil.rmtree(self.staging)

    def _move_staged(self) -> None:
        # the manifest goes last: while it still describes the previous run, a reader knows the move is under way
        staged = sorted((p for p in self.staging.iterdir() if p.name != READY_MARKER), key=lambda p: p.name == "manifest.json")
        for path in staged:
            os.replace(path, self.folder / path.name)
        shutil.rmtree(self.staging)


class ShardWriter:
    """Writes one input's results as numbered pickle parts; `finish` marks the shard complete. A
    shard without its marker (the run died part-way) is never read and is rewritten next time."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.n_parts = 0
        try:
            if folder.exists():
                shutil.rmtree(folder)
            folder.mkdir(parents=True)
        except OSError as exc:
            raise OutputError(f"cannot write cache {folder}: {exc.strerror or exc}") from exc

    def add(self, part: list) -> None:
        self._write(f"part-{self.n_parts:05d}.pkl", pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL))
        self.n_parts += 1

    def finish(self, summary: dict) -> None:
        self._write(SHARD_DONE, json.dumps(summary, ensure_ascii=False).encode("utf-8"))

    def _write(self, name: str, data: bytes) -> None:
        tmp = self.folder / f".{name}.tmp"
        try:
            tmp.write_bytes(data)
            os.replace(tmp, self.folder / name)
        except OSError as exc:
            raise OutputError(f"cannot write cache {self.folder}: {exc.strerror or exc}") from exc
