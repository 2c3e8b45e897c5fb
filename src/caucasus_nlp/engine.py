"""Where batches of articles are analysed: in this process, in a pool of worker processes, or on a
Dask cluster. Every engine runs the same function (`analyze_batch`) and hands results back in the
order batches were submitted, so the tables do not depend on the engine or the number of workers.

Each worker loads the spaCy pipeline once (`worker_pipeline`) and keeps it for every batch it gets.
At most `in_flight` batches are out at a time, so memory stays bounded however large the archive.
"""

from __future__ import annotations

import multiprocessing
import os
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from spacy.language import Language

from caucasus_nlp.analysis import analyze_doc, article_rows
from caucasus_nlp.nlp import PipelineSpec
from caucasus_nlp.records import Article
from caucasus_nlp.transformer import uses_torch

ENGINES = ("local", "dask")
# Texts spaCy processes at once (nlp.pipe batch_size).
BATCH_SIZE = 32


@dataclass(frozen=True)
class Batch:
    """Articles of one input sent to a worker together, with what their analysis needs besides text."""

    pipeline: PipelineSpec
    year_hint: int | None
    articles: tuple[Article, ...]
    input_key: str
    part: int


class EngineError(RuntimeError):
    """The engine cannot start (Dask missing, scheduler unreachable)."""


_PIPELINES: dict[PipelineSpec, Language] = {}


def worker_pipeline(spec: PipelineSpec) -> Language:
    """One pipeline per worker process: inherited from the parent when the pool forks, else loaded
    on the worker's first batch."""
    if spec not in _PIPELINES:
        _PIPELINES[spec] = spec.load()
    return _PIPELINES[spec]


def warm_up(nlp: Language) -> None:
    """Analyse one sentence so every lazily built index (GeoNames, knowledge base, lexicons) exists
    before worker processes fork: they then share it instead of each spending seconds building it."""
    analyze_doc(nlp("Armenia and Azerbaijan met in Baku on 5 May 2023."), "2023-05-06")


def analyze_batch(batch: Batch, nlp: Language | None = None) -> list[dict]:
    """The table rows of every article in a batch (see `analysis.article_rows`)."""
    nlp = nlp or worker_pipeline(batch.pipeline)
    docs = nlp.pipe((a.text for a in batch.articles), batch_size=BATCH_SIZE)
    return [article_rows(a, doc, batch.year_hint) for a, doc in zip(batch.articles, docs, strict=True)]


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class Engine(ABC):
    """Runs batches and yields (batch, rows) in submission order, with at most `in_flight` pending."""

    in_flight = 1

    def map(self, batches: Iterable[Batch]) -> Iterator[tuple[Batch, list[dict]]]:
        pending: deque = deque()
        for batch in batches:
            pending.append((batch, self.submit(batch)))
            if len(pending) >= self.in_flight:
                done, future = pending.popleft()
                yield done, self.result(future)
        while pending:
            done, future = pending.popleft()
            yield done, self.result(future)

    @abstractmethod
    def submit(self, batch: Batch):
        """Start analysing a batch; returns a handle for `result`."""

    def result(self, future) -> list[dict]:
        return future.result()

    def close(self) -> None:  # noqa: B027 an engine without workers has nothing to release
        """Release workers; safe to call twice."""


class InProcessEngine(Engine):
    """One worker: the caller's own process and pipeline."""

    def __init__(self, nlp: Language):
        self.nlp = nlp

    def submit(self, batch: Batch) -> list[dict]:
        return analyze_batch(batch, self.nlp)

    def result(self, future: list[dict]) -> list[dict]:
        return future


class ProcessPoolEngine(Engine):
    """N worker processes on this machine, started on the first batch. Where the platform forks, they
    start with the caller's pipeline and warmed indexes instead of loading their own. A pipeline
    with a transformer is not forked: torch's thread pools and the Hugging Face tokenizers, once
    used, hang in a forked child. Its workers start fresh (spawn), one torch thread each, and load
    the pipeline themselves."""

    def __init__(self, workers: int, nlp: Language, spec: PipelineSpec):
        self.workers = workers
        self.in_flight = 2 * workers
        self._parent = (nlp, spec)
        self._pool: ProcessPoolExecutor | None = None

    def submit(self, batch: Batch):
        if self._pool is None:
            nlp, spec = self._parent
            context, initializer = None, None
            if uses_torch(nlp):
                context, initializer = multiprocessing.get_context("spawn"), _one_torch_thread
            elif "fork" in multiprocessing.get_all_start_methods():
                _PIPELINES[spec] = nlp
                warm_up(nlp)
                context = multiprocessing.get_context("fork")
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=context, initializer=initializer)
        return self._pool.submit(analyze_batch, batch)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


def _one_torch_thread() -> None:
    """Each of N workers on N cores computes with one thread, as their own pools would otherwise
    oversubscribe the cores; set before torch and the tokenizers are imported."""
    os.environ["OMP_NUM_THREADS"] = "1"
    os.environ["TOKENIZERS_PARALLELISM"] = "false"


class DaskEngine(Engine):
    """A Dask cluster: the one at `scheduler`, or a LocalCluster of `workers` processes."""

    def __init__(self, workers: int, scheduler: str | None = None):
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise EngineError("--engine dask needs Dask: pip install 'caucasus-nlp[dask]' (dask[distributed])") from None
        self._cluster = None
        try:
            if scheduler:
                self._client = Client(scheduler, timeout="20s")
            else:
                self._cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
                self._client = Client(self._cluster)
        except (OSError, TimeoutError) as exc:
            raise EngineError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None
        self.in_flight = 2 * max(1, len(self._client.scheduler_info().get("workers", {})) or workers)

    def submit(self, batch: Batch):
        return self._client.submit(analyze_batch, batch, pure=False)

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None


def make_engine(engine: str, workers: int, nlp: Language, spec: PipelineSpec, scheduler: str | None = None) -> Engine:
    """The engine a run asked for; one local worker runs in-process with the caller's pipeline."""
    if engine == "dask":
        return DaskEngine(workers, scheduler)
    if engine != "local":
        raise EngineError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    return InProcessEngine(nlp) if workers <= 1 else ProcessPoolEngine(workers, nlp, spec)
