"""Start-up benchmark: what a command costs before it does any work, measured as a user runs it.

    python benchmarks/startup.py [--repeat 3] [--out bench/startup.json]

Issue 22: `extract` took 23-25 s for one sentence while the bare model loads in 9, and a rerun with
nothing changed took 12 s. Each figure is the median wall time of `--repeat` fresh processes:
- bare: `import spacy; spacy.load(DEFAULT_MODEL)`, the floor any analysis pays;
- extract: `caucasus-nlp extract --batch -` of one sentence (the GeoNames index cache warm, as on
  every run after the first); the target is under twice bare;
- rerun: `caucasus-nlp run data/raw -o DIR` a second time, nothing changed; the target is under 1 s;
- show: `caucasus-nlp show DIR`, which loads no model.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from caucasus_nlp.profiles import DEFAULT_MODEL

ROOT = Path(__file__).resolve().parent.parent
SENTENCE = "Azerbaijan released 32 Armenian servicemen on 7 December 2023.\n"


def wall(command: list[str], stdin: str | None = None) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, input=stdin, capture_output=True, text=True, cwd=ROOT)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {done.stderr[-2000:]}")
    return seconds


def median_wall(command: list[str], repeat: int, stdin: str | None = None) -> float:
    return round(statistics.median(wall(command, stdin) for _ in range(repeat)), 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "startup.json")
    args = parser.parse_args()
    cli = [sys.executable, "-m", "caucasus_nlp.cli"]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        wall([*cli, "run", str(ROOT / "data" / "raw"), "-o", str(out), "-q"])  # the first run, which also warms the GeoNames cache
        results = {
            "bare_model_load_s": median_wall([sys.executable, "-c", f"import spacy; spacy.load({DEFAULT_MODEL!r})"], args.repeat),
            "extract_one_text_s": median_wall([*cli, "extract", "--batch", "-"], args.repeat, SENTENCE),
            "rerun_nothing_changed_s": median_wall([*cli, "run", str(ROOT / "data" / "raw"), "-o", str(out), "-q"], args.repeat),
            "show_s": median_wall([*cli, "show", str(out)], args.repeat),
        }
    results["extract_vs_bare_model_load"] = round(results["extract_one_text_s"] / results["bare_model_load_s"], 2)
    report = {
        "measured": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "repeat": args.repeat,
        "results": results,
        "targets": {"extract_vs_bare_model_load": "< 2.0", "rerun_nothing_changed_s": "< 1.0"},
        "met": {"extract_vs_bare_model_load": results["extract_vs_bare_model_load"] < 2.0,
                "rerun_nothing_changed_s": results["rerun_nothing_changed_s"] < 1.0},
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report["results"]), report["met"])


if __name__ == "__main__":
    main()
