"""Matrix products of the statistical model through numpy's BLAS, one thread for each worker.

thinc's CPU backend (`NumpyOps`) computes every layer's matrix product with BLIS (`blis.py.gemm`).
On the 2-core machine this project is benchmarked on, BLIS's single-precision products of the
stock model's shapes (a few thousand rows of 96 to 384 columns) run 3.5 to 6 times slower than
numpy's own BLAS (OpenBLAS, chosen for the CPU at run time) on one thread, and these products are a
third of the model's time (benchmarks/results/profile.md, fourth round). `NumpyOps(use_blis=False)`
is thinc's documented switch to numpy's product; nothing else in the backend changes. The
transition-based parser and NER still make their per-step products with BLIS: thinc wires that
pointer in compiled code.

numpy's OpenBLAS starts one thread for each core. A worker of the local engine is one core
(`--workers N` uses N), so the engine holds it to one thread: two workers on two cores would
otherwise each start two threads and fight for the cores. (A Dask worker's nanny sets
OPENBLAS_NUM_THREADS=1 itself.)
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from functools import lru_cache

from spacy.language import Language
from thinc.api import Model, NumpyOps
from threadpoolctl import ThreadpoolController

NUMPY_GEMM_OPS = NumpyOps(use_blis=False)


def use_numpy_gemm(nlp: Language) -> int:
    """Point every layer of the pipeline's models that computes with thinc's CPU backend at the
    numpy-product backend; returns how many layers changed. Layers on another backend (a GPU's)
    are left as they are."""
    changed = 0
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if not isinstance(model, Model):
            continue
        for layer in model.walk():
            if type(layer.ops) is NumpyOps and layer.ops.use_blis:
                layer.ops = NUMPY_GEMM_OPS
                changed += 1
    return changed


@lru_cache(maxsize=1)
def _blas_pools() -> ThreadpoolController:
    """The thread pools of the libraries loaded now (numpy's BLAS is, with thinc): found once, as the
    search reads every loaded library."""
    return ThreadpoolController()


def one_blas_thread() -> AbstractContextManager:
    """numpy's BLAS computes on one thread, a worker's share of the cores, from now until the returned
    context is exited (never, where it is not entered)."""
    return _blas_pools().limit(limits=1, user_api="blas")
