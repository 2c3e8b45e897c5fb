"""Whether a rerun into an output folder would publish what is already there, decided without
loading a model: the run before asked for the same pipeline (profiles.launch_fingerprint), and every
input is the same file at the same path, read the same way. A batch job rerun on an unchanged dump
then answers in a fraction of a second instead of loading spaCy and the model first.

An input whose bytes hash to what the published run read at the same path is not read again: the
same code (the launch fingerprint covers it) reads the same bytes into the same dump. Decoding,
parsing JSON and repairing mojibake took 8.6 s of a no-change rerun over 67 files of 2 million
tokens; hashing them takes a fraction of a second."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

from caucasus_nlp.io import discover_inputs, dump_names, file_sha256, read_dump
from caucasus_nlp.profiles import launch_fingerprint
from caucasus_nlp.records import Rejection
from caucasus_nlp.store import OutputStore


def unchanged_manifest(inputs: Iterable[str | Path], out_dir: str | Path, model: str, profile: str, domain: bool) -> dict | None:
    """The published manifest when a run of these inputs with this pipeline would change nothing:
    the same launch fingerprint, no input missing since, the same inputs (path, name and content
    hash) in the same order with their cached shards, the same rejections and skipped hidden files,
    and every table of the manifest in place. None whenever any of that differs or cannot be told:
    the run then loads the model and decides for itself."""
    store = OutputStore(out_dir)
    previous = store.previous_manifest()
    launch = launch_fingerprint(model, profile, domain)
    # inputs gone before whose rows were kept (--keep-missing): whether they stay depends on this run's flags
    kept_missing = any(m.get("kept") for m in previous.get("missing_inputs", [])) if previous else False
    if not previous or launch is None or previous.get("launch_fingerprint") != launch or kept_missing:
        return None
    if store.staging.exists():  # an earlier run stopped while publishing: the run settles it first
        return None
    files, rejections, hidden = discover_inputs(inputs)
    names = dump_names(files)
    rejected = [asdict(r) for r in rejections]
    records = [r for r in previous.get("inputs", []) if r.get("shard")]
    read_before = {r["path"]: r["sha256"] for r in records}
    found = []
    for path in files:
        digest = _same_bytes(path, read_before.get(str(path)))
        if digest:
            found.append((str(path), names[path], digest))
            continue
        dump = read_dump(path, names[path])
        if isinstance(dump, Rejection):
            rejected.append(asdict(dump))
        else:
            found.append((dump.path, dump.name, dump.sha256))
    if found != [(r["path"], r["dump"], r["sha256"]) for r in records] or not all(store.has_shard(r["shard"]) for r in records):
        return None
    tables = list(previous.get("row_counts", {}))
    shards = [r["shard"] for r in records]
    return previous if tables and store.publishes(previous, shards, rejected, [asdict(r) for r in hidden], tables) else None


def _same_bytes(path: Path, sha256: str | None) -> str | None:
    """`sha256` when the file's bytes still hash to it; None when they do not, when the file was not
    read before, or when it cannot be read now (read_dump then says why)."""
    if sha256 is None:
        return None
    try:
        return sha256 if file_sha256(path) == sha256 else None
    except OSError:
        return None
