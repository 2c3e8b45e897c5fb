"""The models' matrix products go through numpy's BLAS without changing what they compute, and a
worker's BLAS stays on one thread. Small thinc layers and blank pipelines; the slow test compares
the stock model's annotations of the validation and seed articles with and without the switch."""

import numpy
import pytest
import spacy
from thinc.api import Linear, Maxout, Model, NumpyOps, Ops, chain
from threadpoolctl import threadpool_info, threadpool_limits

from caucasus_nlp.blas import NUMPY_GEMM_OPS, one_blas_thread, use_numpy_gemm
from caucasus_nlp.engine import Batch, InProcessEngine
from caucasus_nlp.nlp import PipelineSpec


def blank_with_tagger():
    nlp = spacy.blank("en")
    nlp.add_pipe("tagger")
    nlp.initialize(lambda: [spacy.training.Example.from_dict(nlp.make_doc("Armenia signed it"), {"tags": ["NNP", "VBD", "PRP"]})])
    return nlp


def test_every_cpu_layer_is_switched_once():
    nlp = blank_with_tagger()
    layers = list(nlp.get_pipe("tagger").model.walk())
    assert all(layer.ops.use_blis for layer in layers)
    assert use_numpy_gemm(nlp) == len(layers)
    assert all(layer.ops is NUMPY_GEMM_OPS for layer in layers)
    assert use_numpy_gemm(nlp) == 0


def test_a_layer_on_another_backend_is_left_alone():
    class OtherOps(NumpyOps):
        name = "other"

    nlp = blank_with_tagger()
    other = OtherOps()
    layers = list(nlp.get_pipe("tagger").model.walk())
    layers[0].ops = other
    assert use_numpy_gemm(nlp) == len(layers) - 1
    assert layers[0].ops is other


def test_components_without_a_model_are_skipped():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    assert use_numpy_gemm(nlp) == 0


@pytest.mark.parametrize("rows", [1, 7, 300])
def test_numpy_products_equal_blis_products(rows):
    """Same layers, same weights, same input: the outputs agree to float32 rounding."""
    model = chain(Maxout(nO=96, nI=288, nP=3, normalize=True), Linear(nO=74, nI=96))
    model.initialize(X=numpy.zeros((2, 288), dtype="f"))
    X = numpy.random.default_rng(rows).standard_normal((rows, 288), dtype="f")
    with_blis = model.predict(X)
    for layer in model.walk():
        layer.ops = NUMPY_GEMM_OPS
    with_numpy = model.predict(X)
    numpy.testing.assert_allclose(with_numpy, with_blis, rtol=1e-4, atol=1e-5)
    assert with_numpy.argmax(axis=1).tolist() == with_blis.argmax(axis=1).tolist()


def test_gemm_ops_keep_the_cpu_backend():
    assert isinstance(NUMPY_GEMM_OPS, NumpyOps) and isinstance(NUMPY_GEMM_OPS, Ops)
    assert NUMPY_GEMM_OPS.use_blis is False
    x = numpy.arange(6, dtype="f").reshape(2, 3)
    assert NUMPY_GEMM_OPS.gemm(x, x, trans2=True).tolist() == [[5.0, 14.0], [14.0, 50.0]]


def blas_threads() -> list[int]:
    return [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]


def test_one_blas_thread_while_entered_and_restored_after():
    with threadpool_limits(limits=2, user_api="blas"):
        assert blas_threads() and set(blas_threads()) == {2}, "numpy's BLAS is loaded, on two threads"
        with one_blas_thread():
            assert set(blas_threads()) == {1}
        assert set(blas_threads()) == {2}


def test_the_in_process_engine_analyses_on_one_blas_thread(monkeypatch):
    seen = []
    monkeypatch.setattr("caucasus_nlp.engine.analyze_batch", lambda batch, nlp: seen.append(blas_threads()) or [])
    engine = InProcessEngine(spacy.blank("en"))
    with threadpool_limits(limits=2, user_api="blas"):
        engine.submit(Batch(PipelineSpec(), None, (), "key", 0))
        assert seen == [[1] * len(blas_threads())] and set(blas_threads()) == {2}


@pytest.mark.slow
def test_stock_model_annotates_alike_with_numpy_products(nlp, validation_dir, seeds_dir):
    """load_pipeline switches every layer; and the stock model gives the same tags, parse and
    entities on every validation and seed article with BLIS and with numpy's products."""
    from caucasus_nlp.io import read_dumps
    from caucasus_nlp.nlp import DEFAULT_MODEL
    from caucasus_nlp.records import Dump
    from caucasus_nlp.segment import segment_dump

    models = [pipe.model for _, pipe in nlp.pipeline if isinstance(getattr(pipe, "model", None), Model)]
    assert len(models) >= 4 and all(layer.ops is NUMPY_GEMM_OPS for model in models for layer in model.walk())
    texts = [a.text for d in read_dumps([validation_dir, seeds_dir]) if isinstance(d, Dump) for a in segment_dump(d).articles]
    assert len(texts) > 50
    with_blis, with_numpy = spacy.load(DEFAULT_MODEL), spacy.load(DEFAULT_MODEL)
    assert use_numpy_gemm(with_numpy) > 0
    annotations = [[[(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc] for doc in model.pipe(texts)]
                   for model in (with_blis, with_numpy)]
    assert annotations[0] == annotations[1]
