"""An event-type classifier over MiniLM sentence vectors: the accurate profile's second opinion on
the trigger lexicon.

It is a softmax regression from a sentence's vector (`doc._.sent_vectors`) to one of the sixteen
PLOVER types or NONE (no event), trained by `event_typer_training.train_event_typer` on the
labelled sentences under models/event_typer/data (written for this project, see models/README.md)
with the settings of a spaCy-style config file (models/event_typer/config.cfg). The weights are a
384 x 17 matrix: small enough to commit, and `make train` rebuilds them bit for bit.

The component `caucasus_event_typer` writes `doc._.sent_event_scores`, one {label: probability}
per sentence; extract/events.py decides what to do with them. This module is the component alone,
part of the nlp stage: training compares the classifier with the trigger lexicon of the
extractors, a later stage, so it lives in `event_typer_training`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from caucasus_nlp.vocabulary import PLOVER_TYPES

NONE = "NONE"
LABELS = (*PLOVER_TYPES, NONE)
WEIGHTS_FILE = "weights.npz"

if not Doc.has_extension("sent_event_scores"):
    Doc.set_extension("sent_event_scores", default=None)


class EventTyperError(RuntimeError):
    """The classifier's weights are missing or unreadable, or its training data is bad."""


@dataclass(frozen=True)
class SoftmaxModel:
    labels: tuple[str, ...]
    weights: np.ndarray  # (dim, n_labels)
    bias: np.ndarray  # (n_labels,)

    def predict(self, vectors: np.ndarray) -> np.ndarray:
        return softmax(vectors @ self.weights + self.bias)

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        np.savez(folder / WEIGHTS_FILE, labels=np.array(self.labels), weights=self.weights, bias=self.bias)

    @classmethod
    def load(cls, folder: str | Path) -> SoftmaxModel:
        path = Path(folder) / WEIGHTS_FILE
        try:
            data = np.load(path)
            return cls(tuple(str(x) for x in data["labels"]), data["weights"].astype("float32"), data["bias"].astype("float32"))
        except (OSError, KeyError, ValueError) as exc:
            raise EventTyperError(f"cannot read the event-type classifier at {path}: {exc}; rebuild it with `make train`") from exc

    def digest(self) -> str:
        return hashlib.sha256(self.weights.tobytes() + self.bias.tobytes() + "|".join(self.labels).encode()).hexdigest()[:16]


def softmax(logits: np.ndarray) -> np.ndarray:
    """Row-wise probabilities of logits; the classifier's output, and what training fits."""
    z = logits - logits.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


@Language.factory("caucasus_event_typer", default_config={"model_path": None}, assigns=["doc._.sent_event_scores"])
def make_event_typer(nlp: Language, name: str, model_path: str | None) -> EventTyper:
    return EventTyper(name, model_path)


class EventTyper:
    """Scores every sentence of a Doc with the classifier's probability for each label."""

    def __init__(self, name: str, model_path: str | None = None):
        self.name = name
        self.model: SoftmaxModel | None = SoftmaxModel.load(model_path) if model_path else None

    def initialize(self, get_examples=None, *, nlp: Language | None = None, model_path: str | None = None) -> None:
        if model_path:
            self.model = SoftmaxModel.load(model_path)

    @property
    def fingerprint(self) -> str:
        """Part of the pipeline fingerprint: cached results of other weights are not reused."""
        return self.model.digest() if self.model else ""

    def __call__(self, doc: Doc) -> Doc:
        vectors = doc._.sent_vectors
        if self.model is None or vectors is None:
            return doc
        probs = self.model.predict(vectors)
        doc._.sent_event_scores = [dict(zip(self.model.labels, (float(p) for p in row), strict=True)) for row in probs]
        return doc
