"""Entity benchmark: the stock spaCy model alone vs the full caucasus pipeline, on the dev set.

    python benchmarks/entities.py [--seeds DIR] [--gold FILE] [--out FILE]

Runs `caucasus-nlp run` both ways over the seed dumps, scores each with the project's evaluator
(the same numbers as ../shared/tools/score_gold.py) and writes a Markdown table per label. The
stock run still links what it finds (GeoNames for places, name-derived ids), so the difference is
what the gazetteer and the corrections add.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

from devset import ROOT, dev_set_args

from caucasus_nlp.evaluate import evaluate
from caucasus_nlp.nlp import DEFAULT_MODEL, load_pipeline, model_version
from caucasus_nlp.pipeline import run

LABELS = ("PERSON", "ORG", "PLACE", "ALL")


def score(seeds: Path, gold: Path, domain: bool) -> dict:
    nlp = load_pipeline(DEFAULT_MODEL, domain=domain)
    with tempfile.TemporaryDirectory() as out:
        run([seeds], out, nlp=nlp)
        return evaluate(gold, out)


def table(stock: dict, full: dict) -> str:
    rows = ["| label | stock P | stock R | stock F1 | pipeline P | pipeline R | pipeline F1 |", "|---|---|---|---|---|---|---|"]
    for label in LABELS:
        s, f = stock["entities"][label], full["entities"][label]
        rows.append(f"| {label} | {s['p']:.3f} | {s['r']:.3f} | {s['f1']:.3f} | {f['p']:.3f} | {f['r']:.3f} | {f['f1']:.3f} |")
    rows.append(f"| place linking accuracy | | | {stock['place_linking_accuracy']:.3f} | | | {full['place_linking_accuracy']:.3f} |")
    rows.append(f"| entities per dump (F1) | | | {stock['entities_per_dump']['f1']:.3f} | | | {full['entities_per_dump']['f1']:.3f} |")
    return "\n".join(rows)


def main() -> None:
    args = dev_set_args(__doc__.splitlines()[0], "entities.md")
    stock = score(args.seeds, args.gold, domain=False)
    full = score(args.seeds, args.gold, domain=True)
    model = model_version(load_pipeline(DEFAULT_MODEL, domain=False))
    text = (
        f"# Entities on the dev set: stock model vs caucasus pipeline\n\n"
        f"Measured {dt.date.today().isoformat()} with {model} on {os.path.relpath(args.seeds, ROOT)} against {args.gold.name}.\n\n{table(stock, full)}\n"
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
