"""Profiles side by side: fast vs accurate on the validation set and the dev set, their speed, and
what the transformer's sentence vectors buy.

    python benchmarks/profiles.py [--seeds DIR] [--gold FILE] [--validation DIR] [--validation-gold FILE] [--out FILE]

Validation (../shared/validation/raw, scored against eval/validation/gold.jsonl) is the set that
counts; the dev set (the seeds) was tuned on and is shown to see that it does not fall.
For each profile: `run` over the seed dumps with one worker (wall time of the run after the
pipeline is loaded, so tokens/s compare the pipelines, not start-up), scored with the project's
evaluator (the numbers of ../shared/tools/score_gold.py); cross-article deduplication on the
labelled report pairs of models/dedup/pairs.jsonl; and the event-type classifier's held-out
scores from models/event_typer/model/meta.json. For the accurate profile, also the events'
precision and recall when only mentions with type_confidence at or above a threshold are kept.
Prints Markdown tables and writes them to --out.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import pandas as pd
from devset import ROOT, dev_set_args

from caucasus_nlp.engine import warm_up
from caucasus_nlp.evaluate import dedup_pair_scores, evaluate
from caucasus_nlp.nlp import EVENT_TYPER_MODEL, PROFILES, load_pipeline
from caucasus_nlp.pipeline import run

PAIRS = ROOT / "models" / "dedup" / "pairs.jsonl"
CONFIDENCE_THRESHOLDS = (0.0, 0.05, 0.1, 0.2, 0.3, 0.5)
SPEED_RUNS = 3


def measure(profile: str, seeds: Path, gold: Path, validation: Path | None, validation_gold: Path | None) -> dict:
    nlp = load_pipeline(profile=profile)
    warm_up(nlp)  # the GeoNames and knowledge-base indexes are built once per process: not part of either profile's speed
    validation_scores = None
    if validation is not None:
        with tempfile.TemporaryDirectory() as scratch:
            run([validation], Path(scratch) / "validation", nlp=nlp, profile=profile, workers=1)
            validation_scores = evaluate(validation_gold, Path(scratch) / "validation")
    seconds = []
    with tempfile.TemporaryDirectory() as scratch:
        for attempt in range(SPEED_RUNS):  # the median of a few runs: one run of 16,000 tokens is noisy
            out = Path(scratch) / f"run{attempt}"
            started = time.perf_counter()
            run([seeds], out, nlp=nlp, profile=profile, workers=1)
            seconds.append(time.perf_counter() - started)
        tokens = int(pd.read_parquet(out / "articles.parquet")["n_tokens"].sum())
        scores = evaluate(gold, out)
        by_confidence = confidence_curve(out, gold) if profile == "accurate" else None
    return {
        "scores": scores,
        "validation": validation_scores,
        "by_confidence": by_confidence,
        "dedup": dedup_pair_scores(PAIRS, nlp),
        "run_s": [round(s, 1) for s in seconds],
        "tokens": tokens,
        "tokens_per_s": round(tokens / statistics.median(seconds)),
    }


def confidence_curve(out: Path, gold: Path) -> list[dict]:
    """Event scores when an analyst keeps only the mentions whose type_confidence reaches a threshold."""
    mentions = pd.read_csv(out / "event_mentions.csv", dtype=str, keep_default_na=False)
    confidence = pd.to_numeric(mentions["type_confidence"], errors="coerce").fillna(0.0)
    curve = []
    with tempfile.TemporaryDirectory() as kept_dir:
        kept = Path(kept_dir) / "out"
        shutil.copytree(out, kept)
        for threshold in CONFIDENCE_THRESHOLDS:
            mentions[confidence >= threshold].to_csv(kept / "event_mentions.csv", index=False)
            scores = evaluate(gold, kept)
            curve.append({"threshold": threshold, "n": int((confidence >= threshold).sum()), "events": scores["events"],
                          "events_type_only": scores["events_type_only"]})
    return curve


def curve_table(curve: list[dict]) -> str:
    rows = ["| type_confidence >= | mentions kept | events P | events R | events F1 | type-only P | type-only R |", "|---|---|---|---|---|---|---|"]
    for c in curve:
        e, t = c["events"], c["events_type_only"]
        rows.append(f"| {c['threshold']} | {c['n']} | {e['p']:.3f} | {e['r']:.3f} | {e['f1']:.3f} | {t['p']:.3f} | {t['r']:.3f} |")
    return "\n".join(rows)


def table(results: dict[str, dict]) -> str:
    fast, accurate = results["fast"], results["accurate"]
    with_validation = fast["validation"] is not None

    def f1(scores: dict, *path: str) -> float:
        value = scores
        for key in path:
            value = value[key]
        return value["f1"] if isinstance(value, dict) else value

    layers = [("articles F1", ("articles",)), *((f"{k} accuracy", ("metadata_accuracy", k)) for k in ("outlet", "published", "url")),
              *((f"entities {k} F1", ("entities", k)) for k in ("PERSON", "ORG", "PLACE", "ALL")),
              ("place linking accuracy", ("place_linking_accuracy",)), ("dates F1", ("dates",)), ("agreements F1", ("agreements",)),
              ("events F1", ("events",)), ("events type-only F1", ("events_type_only",))]
    if with_validation:
        rows = ["| measure | validation fast | validation accurate | dev fast | dev accurate |", "|---|---|---|---|---|"]
        rows += [f"| {name} | {f1(fast['validation'], *path):.4f} | {f1(accurate['validation'], *path):.4f} | "
                 f"{f1(fast['scores'], *path):.4f} | {f1(accurate['scores'], *path):.4f} |" for name, path in layers]
        pad = " | | "
    else:
        rows = ["| measure | dev fast | dev accurate |", "|---|---|---|"]
        rows += [f"| {name} | {f1(fast['scores'], *path):.4f} | {f1(accurate['scores'], *path):.4f} |" for name, path in layers]
        pad = " "
    for name, key in (("dedup pairs, both found: F1 of 'same event'", "found_pairs"), ("dedup pairs, all: F1 of 'same event'", "all_pairs")):
        rows.append(f"| {name} |{pad}{fast['dedup'][key]['f1']:.4f} | {accurate['dedup'][key]['f1']:.4f} |")
    rows.append(f"| tokens/s on the dev set (1 worker, {fast['tokens']:,} tokens, median of {SPEED_RUNS} runs) |{pad}{fast['tokens_per_s']:,} | "
                f"{accurate['tokens_per_s']:,} |")
    rows.append(f"| seconds per dev-set run |{pad}{', '.join(map(str, fast['run_s']))} | {', '.join(map(str, accurate['run_s']))} |")
    return "\n".join(rows)


def classifier_note() -> str:
    meta_path = EVENT_TYPER_MODEL / "meta.json"
    if not meta_path.is_file():
        return "No event-type classifier trained (run `make train`)."
    heldout = json.loads(meta_path.read_text("utf-8"))["metrics"].get("heldout", {})
    c, lex = heldout["classifier"], heldout["lexicon"]
    return (f"Event-type classifier on its {c['n']} held-out labelled sentences: accuracy {c['accuracy']:.3f}, macro-F1 "
            f"{c['macro_f1']:.3f}; the trigger lexicon alone: accuracy {lex['accuracy']:.3f}, macro-F1 {lex['macro_f1']:.3f}.")


def main() -> None:
    args = dev_set_args(__doc__.splitlines()[0], "profiles.md")
    validation = args.validation if args.validation.is_dir() and args.validation_gold.is_file() else None
    results = {profile: measure(profile, args.seeds, args.gold, validation, args.validation_gold) for profile in PROFILES}
    where = f"validation {args.validation}/ against {args.validation_gold.name}, and " if validation else ""
    text = (f"# Profiles on validation and dev: fast vs accurate\n\nMeasured {dt.date.today().isoformat()} on this machine (CPU only) "
            f"over {where}dev {args.seeds.name}/ against {args.gold.name}.\n\n{table(results)}\n\n{classifier_note()}\n\n"
            f"## Accurate profile: events kept by type_confidence\n\n{curve_table(results['accurate']['by_confidence'])}\n")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
