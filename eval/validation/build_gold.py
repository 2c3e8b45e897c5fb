"""Assemble gold.jsonl from the adjudicated dumps in merged/ (one file per dump, articles in dump
order), after checking each against its dump with check_gold.

    python eval/validation/build_gold.py [RAW_DIR]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from check_gold import DEFAULT_RAW, problems

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    raw_dir = Path(argv[0]) if argv else DEFAULT_RAW
    gold = []
    for path in sorted((HERE / "merged").glob("*.jsonl")):
        gold += [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    found = problems(gold, raw_dir)
    if found:
        print("\n".join(found))
        return 1
    (HERE / "gold.jsonl").write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold), "utf-8")
    print(f"gold.jsonl: {len(gold)} articles from {len({g['dump'] for g in gold})} dumps")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
