"""Where batches of articles are analysed: in this process, in a pool of worker processes, or on a
Dask cluster. Every engine runs the same function (`analyze_batch`) and hands results back in the
order batches were submitted, so the tables do not depend on the engine or the number of workers.

Each worker loads the spaCy pipeline once (`worker_pipeline`) and keeps it for every batch it gets.
At most `in_flight` batches are out at a time, so memory stays bounded however large the archive.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import multiprocessing
import os
import signal
import sys
import threading
import time
import traceback
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from caucasus_nlp.analysis import analyze_doc, article_rows
from caucasus_nlp.blas import one_blas_thread
from caucasus_nlp.extract.dates import resolve_date
from caucasus_nlp.nlp import PipelineSpec
from caucasus_nlp.profiles import ENGINES
from caucasus_nlp.records import Article
from caucasus_nlp.tables import check_article_rows
from caucasus_nlp.transformer import uses_torch

# Texts spaCy processes at once (nlp.pipe batch_size).
BATCH_SIZE = 32
# prctl(2) option: the signal a process gets when its parent ends.
PR_SET_PDEATHSIG = 1


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
    before worker processes fork: they then share it instead of each spending seconds building it.
    Likewise dateparser, imported where the date rules give up, and the patterns it compiles on
    first use: half a second a worker, when each did it on its own."""
    analyze_doc(nlp("Armenia and Azerbaijan met in Baku on 5 May 2023."), "2023-05-06")
    resolve_date("two weeks ago", dt.date(2023, 5, 6))


def analyze_batch(batch: Batch, nlp: Language | None = None) -> list[dict]:
    """The table rows of every article in a batch (see `analysis.article_rows`), in order. An article
    whose analysis fails, in a pipeline component, an extractor or the schema's checks, gives a
    `failed_article` record instead, and the others go on (spaCy's `nlp.set_error_handler` idea, one
    level up): one bad article never costs a run its other results."""
    nlp = nlp or worker_pipeline(batch.pipeline)
    docs: Iterator[Doc] | None = nlp.pipe((a.text for a in batch.articles), batch_size=BATCH_SIZE)
    out = []
    for article in batch.articles:
        try:
            if docs is not None:
                try:
                    doc = next(docs)
                except Exception:  # a component failed on some text of spaCy's inner batch: parse the rest one by one
                    docs = None
            if docs is None:
                doc = nlp(article.text)
            rows = article_rows(article, doc, batch.year_hint)
            check_article_rows(rows)
        except Exception as exc:  # noqa: BLE001 any error of one article is recorded with it, never fatal to the run
            rows = failed_article(article, exc)
        out.append(rows)
    return out


def failed_article(article: Article, error: BaseException) -> dict:
    """What the manifest's `failed_articles` says of an article whose analysis raised: where it is and
    the error, so that it can be found, reported and retried; it has no rows in the tables."""
    return {"article_id": article.article_id, "failed": {
        "dump": article.dump, "seq": article.seq, "title": article.title[:200], "raw_start": article.raw_start,
        "raw_end": article.raw_end, "error": f"{type(error).__name__}: {error}"[:1000],
        "where": "".join(traceback.format_exception(error)[-3:])[-2000:]}}


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

    def abort(self) -> None:
        """Stop at once (the run was interrupted): workers are ended, not waited for."""
        self.close()


class InProcessEngine(Engine):
    """One worker: the caller's own process and pipeline."""

    def __init__(self, nlp: Language):
        self.nlp = nlp

    def submit(self, batch: Batch) -> list[dict]:
        with one_blas_thread():
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
            context, torch = None, uses_torch(nlp)
            if torch:
                context = multiprocessing.get_context("spawn")
            elif "fork" in multiprocessing.get_all_start_methods():
                _PIPELINES[spec] = nlp
                warm_up(nlp)
                context = multiprocessing.get_context("fork")
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=context, initializer=_worker_started,
                                             initargs=(os.getpid(), torch))
        return self._pool.submit(analyze_batch, batch)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def abort(self) -> None:
        if self._pool is not None:
            processes = list((getattr(self._pool, "_processes", None) or {}).values())
            self._pool.shutdown(wait=False, cancel_futures=True)
            for process in processes:
                process.terminate()
            for process in processes:
                process.join(timeout=5)
            self._pool = None


def _worker_started(parent: int, one_torch_thread: bool) -> None:
    """Set up a worker process. It dies with the run that started it: a worker left behind by a
    killed run (kill -9, an out-of-memory kill) would hold its memory and block on its pipe for
    good. Ctrl-C is the run's to handle (it ends the workers); a forked worker also drops the run's
    SIGTERM handler, so that ending it ends it. With a transformer, each of N workers on N cores
    computes with one thread, as their own pools would otherwise oversubscribe the cores; set
    before torch and the tokenizers are imported. numpy's BLAS, which the models' matrix products
    use, is held to one thread in every worker for the same reason."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with(parent)
    one_blas_thread()  # applied now, never exited: the limit holds until the worker ends
    if one_torch_thread:
        os.environ["OMP_NUM_THREADS"] = "1"
        os.environ["TOKENIZERS_PARALLELISM"] = "false"


def _die_with(parent: int) -> None:
    """End this process when `parent` ends: the kernel's parent-death signal on Linux, else a thread
    that looks for a new parent every second."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # the run died before the signal was asked for
            os._exit(1)
        return

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


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
