"""The event rules as data: the rows of resources/events/*.jsonl and the trigger tables, validated at load.

A rule's logic is a function of its stage module, registered under the rule's id; its words, dependency
labels, tags and types are the row's. The data decides which rules exist, in which order they run, and
whether they run at all (`"enabled": false`). Loading fails, naming file:line, on a key the rule
language does not have, an id used twice, a dependency label, tag or part of speech the English
models do not produce, an unknown PLOVER type, and on a row with no function or a function with no row.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources

from spacy.parts_of_speech import IDS as UNIVERSAL_POS

from caucasus_nlp.vocabulary import MENTION_LABELS, PLOVER_TYPES

RULE_FILES = ("gates.jsonl", "rewrites.jsonl", "roles.jsonl", "attributes.jsonl", "discourse.jsonl", "repairs.jsonl", "links.jsonl")
TRIGGER_FILES = ("triggers.tsv", "accusing_nouns.tsv")
# the ClearNLP dependency labels and Penn Treebank tags of spaCy's English pipelines (en_core_web_sm's meta.json)
DEPENDENCY_LABELS = frozenset(
    "ROOT acl acomp advcl advmod agent amod appos attr aux auxpass case cc ccomp compound conj csubj csubjpass dative dep "
    "det dobj expl intj mark meta neg nmod npadvmod nsubj nsubjpass nummod oprd parataxis pcomp pobj poss preconj predet "
    "prep prt punct quantmod relcl xcomp".split())
TAGS = frozenset(
    "$ '' , -LRB- -RRB- . : ADD AFX CC CD DT EX FW HYPH IN JJ JJR JJS LS MD NFP NN NNP NNPS NNS PDT POS PRP PRP$ RB RBR "
    "RBS RP SYM TO UH VB VBD VBG VBN VBP VBZ WDT WP WP$ WRB XX _SP ``".split())
TRIGGER_POS = ("VERB", "NOUN", "ANY")
KEYS = {"id", "description", "enabled", "applies_to", "when", "words", "aux", "deps", "tags", "pos", "labels", "types",
        "subtypes", "map", "number", "known_problems"}
REQUIRED = {"id", "description"}


class RuleError(ValueError):
    """A rule file that breaks the rule language (see resources/events/README.md)."""


@dataclass(frozen=True)
class Rule:
    """One row of a rule file."""

    id: str
    description: str
    source: str  # file:line
    enabled: bool = True
    applies_to: str | None = None
    when: str | None = None
    words: frozenset[str] = frozenset()
    aux: frozenset[str] = frozenset()
    deps: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    pos: frozenset[str] = frozenset()
    labels: frozenset[str] = frozenset()
    types: frozenset[str] = frozenset()
    subtypes: frozenset[str] = frozenset()
    map: dict = field(default_factory=dict)
    number: int | None = None
    known_problems: str | None = None

    @cached_property  # asked for every rule at every candidate
    def stage(self) -> str:
        return self.id.split(":", 1)[0]


@dataclass(frozen=True)
class Trigger:
    """A row of the trigger tables: a lemma that, with its part of speech and cue, expresses an event."""

    id: str
    lemma: str
    pos: str
    event_type: str
    subtype: str
    cue: re.Pattern | None
    source: str
    # a word by which the speaker of its sentence accuses the noun's owner (accusing_nouns.tsv)
    spoken_accusation: bool = False


def _lines(name: str) -> list[tuple[str, str]]:
    """(file:line, text) of the non-comment, non-blank lines of a file of resources/events."""
    text = resources.files("caucasus_nlp.resources").joinpath(f"events/{name}").read_text("utf-8")
    return [(f"events/{name}:{n}", line) for n, line in enumerate(text.splitlines(), 1) if line.strip() and not line.startswith("#")]


def parse_rule(source: str, line: str) -> Rule:
    """One rule row, checked against the rule language."""
    try:
        row = json.loads(line)
    except json.JSONDecodeError as error:
        raise RuleError(f"{source}: not a JSON object: {error}") from None
    if not isinstance(row, dict):
        raise RuleError(f"{source}: not a JSON object")
    if unknown := set(row) - KEYS:
        raise RuleError(f"{source}: unknown key(s) {sorted(unknown)}; the rule language has {sorted(KEYS)}")
    if missing := REQUIRED - set(row):
        raise RuleError(f"{source}: missing key(s) {sorted(missing)}")
    for key, known, what in (("deps", DEPENDENCY_LABELS, "dependency label"), ("tags", TAGS, "tag"),
                             ("pos", set(UNIVERSAL_POS), "part of speech"), ("labels", MENTION_LABELS, "entity label"),
                             ("types", PLOVER_TYPES, "PLOVER type")):
        if bad := set(row.get(key, ())) - set(known):
            raise RuleError(f"{source}: unknown {what}(s) {sorted(bad)} in {key!r}")
    sets = {key: frozenset(row[key]) for key in ("words", "aux", "deps", "tags", "pos", "labels", "types", "subtypes") if key in row}
    return Rule(row["id"], row["description"], source, row.get("enabled", True), row.get("applies_to"), row.get("when"),
                map=row.get("map", {}), number=row.get("number"), known_problems=row.get("known_problems"), **sets)


def parse_trigger(source: str, line: str, spoken_accusation: bool) -> Trigger:
    """One row of a trigger table: id, lemma, pos, type, subtype, cue (triggers.tsv) or id, lemma, subtype (accusing_nouns.tsv)."""
    cols = [c.strip() for c in line.split("\t")]
    if spoken_accusation:
        if len(cols) != 3:
            raise RuleError(f"{source}: expected 3 tab-separated columns (id, lemma, subtype), got {len(cols)}")
        rule_id, lemma, subtype = cols
        return Trigger(rule_id, lemma, "NOUN", "ACCUSE", subtype, None, source, spoken_accusation=True)
    if len(cols) != 6:
        raise RuleError(f"{source}: expected 6 tab-separated columns (id, lemma, pos, type, subtype, cue), got {len(cols)}")
    rule_id, lemma, pos, event_type, subtype, cue = cols
    if pos not in TRIGGER_POS:
        raise RuleError(f"{source}: unknown part of speech {pos!r}; a trigger row has one of {TRIGGER_POS}")
    if event_type not in PLOVER_TYPES:
        raise RuleError(f"{source}: unknown PLOVER type {event_type!r}")
    try:
        pattern = None if cue == "-" else re.compile(rf"^(?:{cue})$")
    except re.error as error:
        raise RuleError(f"{source}: cue {cue!r} is not a regular expression: {error}") from None
    return Trigger(rule_id, lemma, pos, event_type, subtype, pattern, source)


def check_unique(items: list) -> None:
    """No id twice, across all rule files and trigger tables."""
    seen: dict[str, str] = {}
    for item in items:
        if item.id in seen:
            raise RuleError(f"{item.source}: duplicate id {item.id!r} (first at {seen[item.id]})")
        seen[item.id] = item.source


@lru_cache(maxsize=1)
def rules() -> dict[str, Rule]:
    """Every rule row by id, in file order (gates, rewrites, roles, attributes, discourse)."""
    found = [parse_rule(source, line) for name in RULE_FILES for source, line in _lines(name)]
    check_unique([*found, *triggers()])
    return {rule.id: rule for rule in found}


@lru_cache(maxsize=1)
def triggers() -> tuple[Trigger, ...]:
    """Every trigger row, in table order: the first row whose lemma, pos and cue match wins."""
    return tuple(parse_trigger(source, line, name == "accusing_nouns.tsv") for name in TRIGGER_FILES for source, line in _lines(name))


def rule(rule_id: str) -> Rule:
    return rules()[rule_id]


def enabled(rule_id: str) -> bool:
    return rules()[rule_id].enabled


def stage_rules(stage: str, **where: str) -> list[Rule]:
    """The enabled rules of a stage ("gate", "rewrite", ...), in file order, with given field values."""
    return [r for r in rules().values() if r.stage == stage and r.enabled and all(getattr(r, k) == v for k, v in where.items())]


def check_implemented(stage: str, functions: dict[str, Callable]) -> None:
    """Every rule row of a stage has a function and every function a row."""
    rows = {r.id for r in rules().values() if r.stage == stage}
    if missing := rows - set(functions):
        raise RuleError(f"{', '.join(rules()[m].source for m in sorted(missing))}: no function implements {sorted(missing)}")
    if orphans := set(functions) - rows:
        raise RuleError(f"events/{stage}s: functions {sorted(orphans)} have no rule row")
