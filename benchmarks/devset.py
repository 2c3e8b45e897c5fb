"""The command line the dev-set benchmarks share: the seed dumps, the gold file and the report."""

from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def dev_set_args(description: str, report_name: str) -> argparse.Namespace:
    """--seeds, --gold and --out (benchmarks/results/<report_name> by default); exits with a
    message when the dev set is not there (it lives in ../shared, outside the repository)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "corpus" / "seeds")
    parser.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "gold" / "dev.jsonl")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / report_name)
    parser.add_argument("--validation", type=Path, default=ROOT.parent / "shared" / "validation" / "raw",
                        help="the validation dumps (scored beside the dev set when present)")
    parser.add_argument("--validation-gold", type=Path, default=ROOT / "eval" / "validation" / "gold.jsonl")
    args = parser.parse_args()
    if not args.seeds.is_dir() or not args.gold.is_file():
        raise SystemExit(f"dev set not found ({args.seeds}, {args.gold}): nothing to measure")
    return args
