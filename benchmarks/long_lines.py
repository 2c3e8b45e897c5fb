"""Long-line benchmark: what happens to a dump before spaCy sees it, on inputs of 25 to 200 lines of ~1 MB.

    python benchmarks/long_lines.py [--lines 25 50 100 200] [--out bench/long_lines.json]

Issue 21: a file of 200 lines of ~1 MB each took minutes to segment. Each input here is such a
file: sentences of English-like words drawn from a fixed vocabulary with a fixed seed (numbers,
years and dates among them), each line just under io.MAX_LINE_BYTES, which rejects longer ones.
For each size, in one process, one after another: reading and decoding (io.read_dump),
segmenting (segment.segment_dump), language detection (pipeline.split_by_language) and the
article ids (Article.article_id, a hash of the normalized text), each timed alone. Time grows
linearly with the input when the per-MB time of the largest input is that of the smallest
(`per_mb_ratio_largest_to_smallest` near 1).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import random
import tempfile
import time
from pathlib import Path

import psutil

from caucasus_nlp.io import MAX_LINE_BYTES, read_dump
from caucasus_nlp.pipeline import split_by_language
from caucasus_nlp.records import Dump
from caucasus_nlp.segment import segment_dump

ROOT = Path(__file__).resolve().parent.parent
LINE_BYTES = MAX_LINE_BYTES - 1_000
VOCABULARY = (
    "the of and to in is that for on with was as by at from said it be are were has have had this which will not but an or "
    "their they its after over government minister talks border village road peace agreement ceasefire troops region capital "
    "officials report meeting statement president foreign army soldiers people water power station bridge river mountain city "
    "district election parliament party court week month morning evening local international new first last several many "
    "few large small northern southern three 5 11 15 40 120 2,500 Monday"
).split() + ["11 December 2023", "May 5, 2023"]
SENTENCES = 5_000  # drawn once, then lines are drawn from them: generating 200 MB word by word takes minutes


def sentences(rng: random.Random) -> list[str]:
    """Sentences of 6 to 24 words, capitalized, ending with a period."""
    out = []
    for _ in range(SENTENCES):
        words = [rng.choice(VOCABULARY) for _ in range(rng.randint(6, 24))]
        out.append(" ".join([words[0].capitalize(), *words[1:]]) + ".")
    return out


def write_input(path: Path, n_lines: int, seed: int = 0) -> int:
    """A file of n_lines lines of just under LINE_BYTES bytes each; returns its size in bytes."""
    rng = random.Random(seed)
    pool = sentences(rng)
    with path.open("w", encoding="utf-8") as fh:
        for _ in range(n_lines):
            parts, size = [], 0
            while size + len(sentence := rng.choice(pool)) + 1 <= LINE_BYTES:
                parts.append(sentence)
                size += len(sentence) + 1
            fh.write(" ".join(parts) + "\n")
    return path.stat().st_size


def measure(path: Path) -> dict:
    """Seconds of each stage on one input, and what it yielded."""
    seconds = {}
    start = time.perf_counter()
    dump = read_dump(path)
    seconds["read"] = time.perf_counter() - start
    if not isinstance(dump, Dump):
        raise SystemExit(f"{path} was rejected: {dump.reason}")
    start = time.perf_counter()
    articles = segment_dump(dump).articles
    seconds["segment"] = time.perf_counter() - start
    start = time.perf_counter()
    english, _ = split_by_language(articles)
    seconds["language"] = time.perf_counter() - start
    start = time.perf_counter()
    ids = {a.article_id for a in articles}
    seconds["ids"] = time.perf_counter() - start
    seconds["total"] = sum(seconds.values())
    return {"seconds": {k: round(v, 2) for k, v in seconds.items()}, "articles": len(articles), "english": len(english),
            "distinct_ids": len(ids)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, nargs="+", default=[25, 50, 100, 200], help="input sizes, in lines of ~1 MB")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "long_lines.json")
    args = parser.parse_args()
    sizes = []
    with tempfile.TemporaryDirectory(prefix="caucasus-long-lines-") as work:
        for n_lines in sorted(args.lines):
            path = Path(work) / f"lines-{n_lines}.txt"
            n_bytes = write_input(path, n_lines)
            gc.collect()
            result = measure(path)
            path.unlink()
            mb = n_bytes / 1e6
            total = result["seconds"]["total"]
            sizes.append({"lines": n_lines, "mb": round(mb, 1), **result, "mb_per_second": round(mb / total, 2),
                          "seconds_per_mb": round(total / mb, 4)})
            print(f"{n_lines} lines ({mb:.0f} MB): {result['seconds']}, {mb / total:.2f} MB/s", flush=True)
    results = {
        "measured": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": {"platform": platform.platform(), "python": platform.python_version(), "cpus": os.cpu_count(),
                    "memory_gb": round(psutil.virtual_memory().total / 2**30, 1)},
        "line_bytes": LINE_BYTES,
        "stages": "io.read_dump, segment.segment_dump, pipeline.split_by_language, Article.article_id",
        "sizes": sizes,
        "per_mb_ratio_largest_to_smallest": round(sizes[-1]["seconds_per_mb"] / sizes[0]["seconds_per_mb"], 3),
        "target": "per_mb_ratio_largest_to_smallest <= 1.25 (linear)",
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"per-MB time, largest vs smallest input: {results['per_mb_ratio_largest_to_smallest']}")


if __name__ == "__main__":
    main()
