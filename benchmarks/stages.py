"""Where an analysed article's time goes: each spaCy component and each extractor, timed apart.

    python benchmarks/stages.py INPUT... [--repeat 3]

A profiler cannot split these by itself: `nlp.pipe` chains the components as generators, so each
component's cumulative time includes the ones before it, and cProfile's per-call overhead inflates
the many small calls of the extractors. Here the articles of the inputs (segmented and filtered as
`caucasus-nlp run` does) go through the tokenizer, then one component at a time over all of them
(`pipe` with the engine's batch size), then through `analysis.article_rows` as the engine calls it,
with each extractor it calls under its own clock. The lazily built indexes (GeoNames, the knowledge
base, lexicons) are built first by the engine's warm-up, as before a run's workers fork, so they are
not charged to the first article. Each stage's seconds are the median of --repeat passes. Prints a
Markdown table.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

from caucasus_nlp import analysis
from caucasus_nlp.engine import BATCH_SIZE, warm_up
from caucasus_nlp.io import read_dumps
from caucasus_nlp.nlp import load_pipeline
from caucasus_nlp.pipeline import split_by_language
from caucasus_nlp.records import Article, Dump
from caucasus_nlp.segment import segment_dump

# analysis's extractors, by the stage they are charged to; each returns or yields what it finds
EXTRACTORS = {
    "entity_mentions": "extraction: entities and place linking",
    "date_mentions": "extraction: dates",
    "agreement_mentions": "extraction: agreements",
    "event_mentions": "extraction: events",
    "article_events": "extraction: events",
}
ROWS = "table rows of the analyses (article_rows less its extractors)"


def articles_of(paths: list[Path]) -> list[tuple[Article, int | None]]:
    """Every English article of the inputs with its dump's year hint (the most common year of
    publication), as the pipeline hands them to the engine."""
    out = []
    for dump in read_dumps(paths):
        if not isinstance(dump, Dump):
            continue
        english, _ = split_by_language(segment_dump(dump).articles)
        years = Counter(int(a.published[:4]) for a in english if a.published)
        year_hint = years.most_common(1)[0][0] if years else None
        out.extend((a, year_hint) for a in english)
    return out


def timed(function: Callable, stage: str, seconds: dict[str, float]) -> Callable:
    """`function` with its results drawn at once, its seconds added to `seconds[stage]`."""

    def run(*args, **kwargs):
        clock = time.perf_counter()
        result = list(function(*args, **kwargs))
        seconds[stage] += time.perf_counter() - clock
        return result

    return run


def one_pass(nlp, articles: list[tuple[Article, int | None]]) -> tuple[dict[str, float], int]:
    """Seconds per stage over all articles, and their tokens."""
    seconds: dict[str, float] = defaultdict(float)
    clock = time.perf_counter()
    docs = [nlp.make_doc(a.text) for a, _ in articles]
    seconds["spaCy: tokenizer"] = time.perf_counter() - clock
    for name, component in nlp.pipeline:
        clock = time.perf_counter()
        docs = list(component.pipe(docs, batch_size=BATCH_SIZE)) if hasattr(component, "pipe") else [component(d) for d in docs]
        seconds[f"{'ours' if name.startswith('caucasus_') else 'spaCy'}: {name}"] = time.perf_counter() - clock
    originals = {name: getattr(analysis, name) for name in EXTRACTORS}
    try:
        for name, stage in EXTRACTORS.items():
            setattr(analysis, name, timed(originals[name], stage, seconds))
        clock = time.perf_counter()
        for (article, year_hint), doc in zip(articles, docs, strict=True):
            analysis.article_rows(article, doc, year_hint)
        seconds[ROWS] = time.perf_counter() - clock - sum(seconds[stage] for stage in set(EXTRACTORS.values()))
    finally:
        for name, function in originals.items():
            setattr(analysis, name, function)
    return seconds, sum(len(d) for d in docs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", type=Path, nargs="+")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    nlp = load_pipeline()
    warm_up(nlp)
    articles = articles_of(args.inputs)
    passes = [one_pass(nlp, articles) for _ in range(args.repeat)]
    tokens = passes[0][1]
    median = {stage: statistics.median(p[0][stage] for p in passes) for stage in passes[0][0]}
    total = sum(median.values())
    print(f"{len(articles)} articles, {tokens:,} tokens, median of {args.repeat} passes\n")
    print("| stage | seconds | share | tokens/s of the stage alone |\n|---|---|---|---|")
    for stage, value in median.items():
        print(f"| {stage} | {value:.2f} | {value / total:.1%} | {tokens / value:,.0f} |")
    print(f"| total | {total:.2f} | 100% | {tokens / total:,.0f} |")


if __name__ == "__main__":
    main()
