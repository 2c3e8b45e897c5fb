"""The validation set: third-party articles in ../shared/validation/raw that nothing here was tuned
on, and their gold in eval/validation/gold.jsonl (two annotators per article, merged). The texts
stay in ../shared; these tests skip where it is absent."""

import json
import subprocess
import sys

import pytest

from caucasus_nlp.evaluate import evaluate, norm
from caucasus_nlp.io import read_dump
from caucasus_nlp.pipeline import run
from caucasus_nlp.segment import segment_dump
from conftest import ROOT, SHARED, VALIDATION_GOLD

sys.path.insert(0, str(ROOT / "eval" / "validation"))
from check_gold import problems  # noqa: E402


def _gold() -> list[dict]:
    if not VALIDATION_GOLD.is_file():
        pytest.skip("eval/validation/gold.jsonl is not built yet (eval/validation/build_gold.py)")
    return [json.loads(line) for line in VALIDATION_GOLD.read_text("utf-8").splitlines() if line.strip()]


def test_every_gold_name_date_and_evidence_occurs_in_its_article(validation_dir):
    assert problems(_gold(), validation_dir) == []


def test_segmentation_finds_every_validation_article_with_its_metadata(validation_dir):
    gold = _gold()
    for dump in dict.fromkeys(g["dump"] for g in gold):
        articles = segment_dump(read_dump(validation_dir / dump)).articles
        got = [(norm(a.title), norm(a.outlet), a.published, a.url) for a in articles]
        want = [(norm(g["title"]), norm(g["outlet"]), g["published"], g["url"]) for g in gold if g["dump"] == dump]
        assert got == want, dump


@pytest.mark.slow
def test_validation_meets_its_floor(validation_dir, tmp_path, nlp):
    _gold()
    run([validation_dir], tmp_path, nlp=nlp)
    scores = evaluate(VALIDATION_GOLD, tmp_path)
    assert scores["articles"]["f1"] >= 0.97
    metadata = scores["metadata_accuracy"]
    assert min(metadata["outlet"], metadata["published"], metadata["url"]) >= 0.95
    assert scores["entities"]["ALL"]["f1"] >= 0.88
    assert scores["place_linking_accuracy"] >= 0.95
    assert scores["dates"]["f1"] >= 0.92
    # `caucasus-nlp evaluate` gives the referee's numbers, field for field
    referee = subprocess.run([sys.executable, str(SHARED / "tools" / "score_gold.py"), str(VALIDATION_GOLD), str(tmp_path)],
                             capture_output=True, text=True, check=True).stdout
    assert _numbers(scores) == _numbers(json.loads(referee[: referee.rindex("}") + 1]))


def _numbers(scores: dict, prefix: str = "") -> dict:
    """Every number of a score report, flattened to dotted keys."""
    out = {}
    for key, value in scores.items():
        if isinstance(value, dict):
            out.update(_numbers(value, f"{prefix}{key}."))
        elif isinstance(value, (int, float)):
            out[prefix + key] = value
    return out
