import logging
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "gold" / "dev.jsonl"
VALIDATION = SHARED / "validation" / "raw"
VALIDATION_GOLD = ROOT / "eval" / "validation" / "gold.jsonl"


@pytest.fixture(autouse=True)
def _root_log_handlers_restored():
    """The CLI configures logging on the stderr of typer's test runner, which closes it afterwards:
    later tests' log lines would go to a closed stream."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:], root.level = handlers, level


@pytest.fixture(autouse=True)
def _every_published_run_resolves_its_references(monkeypatch):
    """Every run a test publishes is checked: each id in each table (an event's actors and place, a
    mention's entity and article) names a row of the table it refers to."""
    from caucasus_nlp.store import OutputStore
    from caucasus_nlp.tables import TABLES, unresolved_references

    publish = OutputStore.publish

    def publish_and_check(store):
        publish(store)
        if all((store.folder / f"{name}.parquet").exists() for name in TABLES):  # a run's tables, not a store test's files
            assert unresolved_references(store.folder) == []

    monkeypatch.setattr(OutputStore, "publish", publish_and_check)


@pytest.fixture(scope="session")
def nlp():
    from caucasus_nlp.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seeds_dir():
    if not SEEDS.is_dir() or not GOLD.is_file():
        pytest.skip("../shared corpus and gold are absent")
    return SEEDS


@pytest.fixture(scope="session")
def validation_dir():
    if not VALIDATION.is_dir():
        pytest.skip("../shared validation dumps are absent")
    return VALIDATION


def make_dump(text: str, name: str = "test.txt"):
    from caucasus_nlp.io import normalize_newlines
    from caucasus_nlp.records import Dump

    return Dump(path=name, name=name, sha256="0", encoding="utf-8", text=normalize_newlines(text), n_bytes=len(text))
