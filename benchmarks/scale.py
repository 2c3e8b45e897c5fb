"""Scale benchmark: throughput, workers, memory and incremental reruns on a ~2 million token corpus.

    python benchmarks/scale.py [--tokens 2000000] [--out bench/results.json]

The corpus is built from the seed dumps (../shared, when present) and the bundled samples: each is
segmented into articles, and the articles are written out again as JSONL inputs of 50 articles,
replica after replica, until the corpus holds the wanted number of tokens. Each replica's titles
carry a copy number, so every copy is a distinct article (its own id), not a repeat the pipeline
would analyse once.

Measured in one process, one after another, on the same machine:
- the bare stock model: `nlp.pipe` over the same article texts, same batch size, no extraction; as
  shipped (its matrix products by BLIS: the issue's reference) and with the pipeline's numpy products
  (caucasus_nlp.blas), which isolates the cost of extraction from the gain of the backend;
- `caucasus-nlp run` with one worker and with two, as the CLI runs (start-up included);
- peak memory of the process and its workers (RSS, and PSS, which counts pages forked workers
  share once; polled every 0.2 s), of the one-worker run on the first 10% of the inputs and on all;
- an incremental rerun with nothing changed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil
import pyarrow.parquet as pq

from caucasus_nlp.blas import one_blas_thread, use_numpy_gemm
from caucasus_nlp.engine import BATCH_SIZE
from caucasus_nlp.io import read_dumps
from caucasus_nlp.nlp import DEFAULT_MODEL, model_version
from caucasus_nlp.pipeline import split_by_language
from caucasus_nlp.records import Dump
from caucasus_nlp.segment import segment_dump

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
ARTICLES_PER_FILE = 50
TARGETS = {"pipeline_vs_bare_model": (">=", 0.9), "two_workers_vs_bare_model": (">=", 1.7), "two_workers_peak_pss_mb": ("<", 2048),
           "peak_rss_growth_10_to_100": ("<", 0.2), "rerun_vs_full_run": ("<", 0.05)}


def source_articles() -> list[dict]:
    """Every English article of the seeds and samples, as JSONL records."""
    paths = [p for p in (SEEDS, ROOT / "data" / "raw") if p.is_dir()]
    records = []
    for dump in read_dumps(paths):
        if not isinstance(dump, Dump):
            continue
        english, _ = split_by_language(segment_dump(dump).articles)
        for a in english:
            body = a.text[len(a.title) :].lstrip("\n") if a.text.startswith(a.title) else a.text
            records.append({"title": a.title, "text": body, "outlet": a.outlet, "published": a.published, "url": a.url})
    return records


def build_corpus(folder: Path, tokens_wanted: int, tokenizer) -> tuple[int, int]:
    """Write replicas of the source articles as JSONL files until tokens_wanted; returns (articles, tokens)."""
    sources = source_articles()
    per_replica = sum(len(tokenizer(r["title"] + "\n\n" + r["text"])) for r in sources)
    replicas = max(1, round(tokens_wanted / per_replica))
    rows = []
    for copy in range(replicas):
        for r in sources:
            rows.append(r | {"title": f"{r['title']} (copy {copy})", "url": f"{r['url']}#copy-{copy}" if r["url"] else None})
    for n in range(0, len(rows), ARTICLES_PER_FILE):
        lines = [json.dumps(r, ensure_ascii=False) for r in rows[n : n + ARTICLES_PER_FILE]]
        (folder / f"part-{n // ARTICLES_PER_FILE:05d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(rows), replicas * per_replica


def article_texts(folder: Path) -> list[str]:
    texts = []
    for dump in read_dumps([folder]):
        if isinstance(dump, Dump):
            english, _ = split_by_language(segment_dump(dump).articles)
            texts.extend(a.text for a in english)
    return texts


def bare_model(texts: list[str], numpy_gemm: bool = False) -> dict:
    """The stock model's `nlp.pipe` over the texts. With numpy_gemm, its matrix products go through
    numpy's BLAS on one thread, as the pipeline's do (caucasus_nlp.blas): the bare model the
    pipeline's own extraction is measured against, apart from the backend it chose."""
    import spacy

    nlp = spacy.load(DEFAULT_MODEL)
    if numpy_gemm:
        use_numpy_gemm(nlp)
    with one_blas_thread():
        list(nlp.pipe(texts[:BATCH_SIZE], batch_size=BATCH_SIZE))  # warm-up, as the pipeline's own start-up is excluded here too
        start = time.perf_counter()
        tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=BATCH_SIZE))
        seconds = time.perf_counter() - start
    return {"model": model_version(nlp), "matrix_products": "numpy" if numpy_gemm else "blis (as shipped)", "tokens": tokens,
            "seconds": round(seconds, 2), "tokens_per_second": round(tokens / seconds, 1)}


def timed_run(inputs: list[Path], out: Path, workers: int) -> dict:
    """`caucasus-nlp run` as a user runs it, with its wall time and the peak RSS of its process tree."""
    cli = [sys.executable, "-m", "caucasus_nlp.cli", "run", *map(str, inputs), "-o", str(out), "--workers", str(workers), "--quiet"]
    start = time.perf_counter()
    proc = psutil.Popen(cli, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = {"rss": 0, "pss": 0}

    def poll() -> None:
        # RSS counts pages that forked workers share with the parent once per process; PSS splits
        # them, so the PSS sum is what the job really holds.
        while proc.poll() is None:
            try:
                tree = [proc, *proc.children(recursive=True)]
                infos = [p.memory_full_info() for p in tree if p.is_running()]
                peak["rss"] = max(peak["rss"], sum(i.rss for i in infos))
                peak["pss"] = max(peak["pss"], sum(getattr(i, "pss", i.rss) for i in infos))
            except psutil.Error:
                pass
            time.sleep(0.2)

    watcher = threading.Thread(target=poll, daemon=True)
    watcher.start()
    stdout, stderr = proc.communicate()
    seconds = time.perf_counter() - start
    watcher.join()
    if proc.returncode != 0:
        raise SystemExit(f"run failed ({proc.returncode}): {stderr[-2000:]}")
    manifest = json.loads((out / "manifest.json").read_text())
    tokens = int(pq.read_table(out / "articles.parquet", columns=["n_tokens"]).column("n_tokens").to_pandas().sum())
    return {
        "workers": workers,
        "seconds": round(seconds, 2),
        "seconds_in_run": manifest["seconds"],
        "articles": manifest["n_articles"],
        "tokens": tokens,
        "tokens_per_second": round(tokens / seconds, 1),
        "peak_rss_mb": round(peak["rss"] / 2**20, 1),
        "peak_pss_mb": round(peak["pss"] / 2**20, 1),
        "inputs_processed": manifest.get("n_inputs_processed"),
        "summary": stdout.strip().replace("\n", " "),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tokens", type=int, default=2_000_000)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.json")
    args = parser.parse_args()
    import spacy

    work = Path(tempfile.mkdtemp(prefix="caucasus-bench-"))
    try:
        corpus = work / "corpus"
        corpus.mkdir()
        n_articles, tokens_estimate = build_corpus(corpus, args.tokens, spacy.blank("en").tokenizer)
        files = sorted(corpus.iterdir())
        tenth = work / "corpus10"
        tenth.mkdir()
        for path in files[: max(1, len(files) // 10)]:
            shutil.copy(path, tenth / path.name)
        print(f"corpus: {n_articles} articles in {len(files)} files, ~{tokens_estimate:,} tokens", flush=True)
        # a first run after a change of kb.py builds the GeoNames index (its cache key holds the module's
        # source): some 250 MB more at its peak, charged to whichever timed run came first
        subprocess.run([sys.executable, "-m", "caucasus_nlp.cli", "extract", "Talks in Baku on 5 May 2023."], check=True, capture_output=True)
        texts = article_texts(corpus)
        bare = bare_model(texts)
        print(f"bare model: {bare}", flush=True)
        bare_numpy = bare_model(texts, numpy_gemm=True)
        print(f"bare model, numpy products: {bare_numpy}", flush=True)
        one = timed_run([corpus], work / "out1", workers=1)
        print(f"one worker: {one}", flush=True)
        rerun = timed_run([corpus], work / "out1", workers=1)
        print(f"rerun: {rerun}", flush=True)
        two = timed_run([corpus], work / "out2", workers=2)
        print(f"two workers: {two}", flush=True)
        small = timed_run([tenth], work / "out10", workers=1)
        print(f"10% corpus: {small}", flush=True)
        identical = all((work / "out1" / f"{t}.csv").read_bytes() == (work / "out2" / f"{t}.csv").read_bytes()
                        for t in ("articles", "mentions", "entities", "events", "event_mentions"))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    ratios = {
        "pipeline_vs_bare_model": round(one["tokens_per_second"] / bare["tokens_per_second"], 3),
        "two_workers_vs_bare_model": round(two["tokens_per_second"] / bare["tokens_per_second"], 3),
        "two_workers_vs_one": round(two["tokens_per_second"] / one["tokens_per_second"], 3),
        # the same against the bare model with the pipeline's matrix products: what extraction costs
        "pipeline_vs_bare_model_numpy_products": round(one["tokens_per_second"] / bare_numpy["tokens_per_second"], 3),
        "two_workers_vs_bare_model_numpy_products": round(two["tokens_per_second"] / bare_numpy["tokens_per_second"], 3),
        "two_workers_peak_pss_mb": two["peak_pss_mb"],
        "peak_rss_growth_10_to_100": round(one["peak_rss_mb"] / small["peak_rss_mb"] - 1, 3),
        "rerun_vs_full_run": round(rerun["seconds"] / one["seconds"], 4),
    }
    results = {
        "measured": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": {"platform": platform.platform(), "python": platform.python_version(), "cpus": os.cpu_count(),
                    "memory_gb": round(psutil.virtual_memory().total / 2**30, 1)},
        "corpus": {"articles": n_articles, "files": len(files), "tokens": one["tokens"], "tenth_files": max(1, len(files) // 10)},
        "bare_model": bare,
        "bare_model_numpy_products": bare_numpy,
        "pipeline_one_worker": one,
        "pipeline_two_workers": two,
        "incremental_rerun_nothing_changed": rerun,
        "pipeline_tenth_corpus": small,
        "two_workers_tables_identical": identical,
        "ratios": ratios,
        # issue 22's targets: one worker at 0.9x the bare model, two at 1.7x it, two workers' PSS under 2 GB
        "targets": {key: f"{op} {value}" for key, (op, value) in TARGETS.items()},
        "met": {key: (ratios[key] >= value if op == ">=" else ratios[key] < value) for key, (op, value) in TARGETS.items()},
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results["ratios"], indent=2))


if __name__ == "__main__":
    main()
