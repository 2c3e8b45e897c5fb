"""A run's time by stage, from py-spy's samples of `caucasus-nlp run --workers 1`.

    py-spy record -r 100 --format raw -o run.txt -- python -m caucasus_nlp.cli run INPUT... -o OUT --workers 1
    python benchmarks/flame_stages.py run.txt [--rate 100]

Each sample (a stack, root first) is charged to the first stage below whose frames it holds, so a
stage nested in another (GeoNames loaded on an extractor's first call) is charged to itself. One
worker keeps every stage in the one sampled process. The spaCy model's components cannot be told
apart here (nlp.pipe chains them as generators); benchmarks/stages.py times them one by one.
Prints a Markdown table of seconds and shares.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

# (stage, frame substrings any of which puts a sample in it), first match wins
STAGES = [
    ("startup: imports, model load, pipeline build", ("_load (caucasus_nlp/cli.py",)),
    ("lazy indexes (GeoNames, knowledge base) on first use", ("GeoNames.__init__", "knowledge_base (caucasus_nlp/kb.py")),
    ("input: read, segment, detect language", ("read_dump", "segment_dump", "split_by_language", "_article_slices")),
    ("ours: caucasus_paragraph_breaks", ("ParagraphBreaks.__call__",)),
    ("ours: caucasus_gazetteer", ("GazetteerRuler.__call__",)),
    ("ours: caucasus_entity_fixer", ("EntityCorrector.__call__",)),
    ("ours: caucasus_parse_repairs", ("ParseRepairs.__call__",)),
    ("spaCy model (tok2vec, tagger, parser, attribute_ruler, lemmatizer, ner)", ("Language.pipe (spacy",)),
    ("extraction: entities and place linking", ("entity_mentions (",)),
    ("extraction: dates, in dateparser", ("dateparser",)),
    ("extraction: dates, our rules", ("date_mentions (",)),
    ("extraction: agreements", ("agreement_mentions (",)),
    ("extraction: events", ("event_mentions (", "article_events (", "headline_sentences (")),
    ("table rows of the analyses", ("article_rows (",)),
    ("table writing (assemble, deduplicate, Parquet and CSV, manifest)", ("_assemble", "write_", "publish", "_store_batch")),
]
# samples outside the run's own work (interpreter start, module imports before the command runs)
STARTUP = STAGES[0][0]


def stage_of(frames: list[str]) -> str:
    if not any("caucasus_nlp/pipeline.py" in f for f in frames):
        return STARTUP
    return next((stage for stage, marks in STAGES if any(m in f for f in frames for m in marks)), "other")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("samples", type=Path, help="py-spy record --format raw output")
    parser.add_argument("--rate", type=float, default=100.0, help="the samples per second py-spy took (-r)")
    args = parser.parse_args()
    counts: Counter[str] = Counter()
    for line in args.samples.read_text().splitlines():
        stack, n = line.rsplit(" ", 1)
        counts[stage_of(stack.split(";"))] += int(n)
    total = sum(counts.values())
    print(f"{total} samples, {total / args.rate:.1f} s\n\n| stage | seconds | share |\n|---|---|---|")
    for stage in [*(s for s, _ in STAGES), "other"]:
        if counts[stage]:
            print(f"| {stage} | {counts[stage] / args.rate:.2f} | {counts[stage] / total:.1%} |")


if __name__ == "__main__":
    main()
