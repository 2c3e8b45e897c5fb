"""The model's attribute_ruler, matched by look-up instead of by spaCy's Matcher.

The stock attribute_ruler maps each fine-grained tag (and some words) to a part of speech, morphology
and lemma through about 180 single-token patterns. spaCy's Matcher tries every pattern at every token
and calls a Python predicate for each `IN` or `REGEX` condition: it took 10% of the model's time on our
corpora (benchmarks/results/profile.md), as much as the parser. The patterns are the same here; a token
is only checked against the patterns indexed under one of its own values (its tag, its lower-case form,
its dependency label...), read for a whole Doc at once with `Doc.to_array`. The matches are the
Matcher's, sorted as the AttributeRuler sorts them, and spaCy's own `AttributeRuler.set_annotations`
applies them, so the tokens come out identical (tests/test_attribute_index.py checks it against
spaCy's AttributeRuler).

A pattern this index cannot read is left to a spaCy Matcher that holds only such patterns: an
attribute outside ANCHOR_PREFERENCE or given by its integer id, an operator such as "OP", a predicate
other than IN, NOT_IN and REGEX (a comparison, IS_SUBSET, FUZZY), or an extension attribute.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.attrs import IDS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc

SET_PREDICATES = {"IN", "NOT_IN"}
# the token attributes a pattern may test here, each read as one column of Doc.to_array; a pattern is
# indexed under the first of them it tests exactly, in this order: a word form before a tag, a tag before a flag
ANCHOR_PREFERENCE = ("ORTH", "LOWER", "NORM", "LEMMA", "SHAPE", "TAG", "POS", "DEP", "IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT")


@dataclass(frozen=True)
class Condition:
    """One attribute test of one token: equal to a value, in or not in a set, or matching a regex."""

    column: int
    kind: str  # "eq" | "IN" | "NOT_IN" | "REGEX"
    value: object  # a string id, a frozenset of them, or a compiled regex
    attr: str

    def test(self, strings) -> Callable[[int], bool]:
        """The test of the column's value, as a function; a regex's answer is kept per string."""
        value = self.value
        if self.kind == "eq":
            return value.__eq__
        if self.kind == "IN":
            return value.__contains__
        if self.kind == "NOT_IN":
            return lambda found: found not in value
        answers: dict[int, bool] = {}  # at most one per word form of the vocabulary

        def search(found: int) -> bool:
            if found not in answers:
                answers[found] = bool(value.search(strings[found]))
            return answers[found]

        return search


@dataclass(frozen=True)
class IndexedPattern:
    key: int  # the string id the AttributeRuler gave the pattern's attributes
    length: int
    checks: tuple[tuple[int, int, Callable[[int], bool]], ...]  # (token offset, column, test), the anchor's left out


def _attr_name(name: str) -> str:
    name = name.upper()
    return "ORTH" if name == "TEXT" else name


def _value_id(value) -> int:
    # the Matcher compares flags as 0/1 and strings by their id
    return int(value) if isinstance(value, bool) else get_string_id(value)


def read_token_spec(spec: dict, columns: dict[str, int]) -> list[Condition] | None:
    """The conditions of one token's pattern, or None where one of them is not readable here."""
    conditions = []
    readable = all(isinstance(name, str) and _attr_name(name) in ANCHOR_PREFERENCE for name in spec)
    for name, wanted in spec.items() if readable else ():
        attr = _attr_name(name)
        column = columns.setdefault(attr, len(columns))
        if isinstance(wanted, dict):
            if len(wanted) != 1:
                return None
            ((predicate, argument),) = wanted.items()
            if predicate in SET_PREDICATES and isinstance(argument, list):
                conditions.append(Condition(column, predicate, frozenset(_value_id(v) for v in argument), attr))
            elif predicate == "REGEX" and isinstance(argument, str):
                conditions.append(Condition(column, "REGEX", re.compile(argument), attr))
            else:
                return None
        elif isinstance(wanted, (str, bool, int)):
            conditions.append(Condition(column, "eq", _value_id(wanted), attr))
        else:
            return None
    return conditions if readable else None


def _anchor(conditions: list[Condition]) -> Condition | None:
    """The first token's exact condition the pattern is indexed under: the first in ANCHOR_PREFERENCE's
    order, an equality before a set."""
    exact = [c for c in conditions if c.kind in ("eq", "IN")]
    return min(exact, key=lambda c: (ANCHOR_PREFERENCE.index(c.attr), c.kind != "eq"), default=None)


class PatternIndex:
    """Single- and fixed-length patterns, indexed by an exact value of their first token."""

    def __init__(self, vocab, patterns: Iterable[tuple[str, list[list[dict]]]]):
        self.strings = vocab.strings
        self.columns: dict[str, int] = {}
        self.by_value: list[dict[int, list[IndexedPattern]]] = []  # per column, the patterns anchored on each value
        self.unindexed: list[IndexedPattern] = []  # no exact value on the first token: tried everywhere
        self.fallback = Matcher(vocab)  # what the index cannot read
        for key, token_patterns in patterns:
            for token_specs in token_patterns:
                self._add(key, token_specs)
        self.attr_ids = [IDS[attr] for attr in self.columns]

    def _add(self, key: str, token_specs: list[dict]) -> None:
        read = [read_token_spec(spec, self.columns) for spec in token_specs]
        if not read or any(conditions is None for conditions in read):
            self.fallback.add(key, [token_specs])
            return
        anchor = _anchor(read[0])
        checks = tuple((offset, c.column, c.test(self.strings)) for offset, conditions in enumerate(read) for c in conditions if c is not anchor)
        pattern = IndexedPattern(self.strings.add(key), len(read), checks)
        if anchor is None:
            self.unindexed.append(pattern)
            return
        while len(self.by_value) <= anchor.column:
            self.by_value.append({})
        for value in [anchor.value] if anchor.kind == "eq" else anchor.value:
            self.by_value[anchor.column].setdefault(value, []).append(pattern)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(match id, start, end) of every match Matcher(doc, allow_missing=True) finds, the fallback's
        first, then the index's by start."""
        matches = list(self.fallback(doc, allow_missing=True)) if len(self.fallback) else []
        if not len(doc):
            return matches
        rows = doc.to_array(self.attr_ids).reshape(len(doc), len(self.attr_ids)).tolist() if self.attr_ids else [[]] * len(doc)
        n_rows, indexes, unindexed = len(rows), list(enumerate(self.by_value)), self.unindexed
        for start, row in enumerate(rows):
            candidates = [p for column, index in indexes for p in index.get(row[column], ())]
            for pattern in candidates + unindexed if unindexed else candidates:
                if start + pattern.length > n_rows:
                    continue
                for offset, column, test in pattern.checks:
                    if not test(rows[start + offset][column]):
                        break
                else:
                    matches.append((pattern.key, start, start + pattern.length))
        return list(dict.fromkeys(matches))  # as the Matcher, a span once per key, however many alternatives match it


class IndexedAttributeRuler(AttributeRuler):
    """spaCy's AttributeRuler with its patterns matched through a PatternIndex."""

    _index: PatternIndex | None = None

    def add(self, patterns, attrs, index=0):
        super().add(patterns, attrs, index)
        self._index = None

    def clear(self) -> None:
        super().clear()
        self._index = None

    def __getstate__(self) -> dict:
        # the index holds functions made per pattern; it is built again on the first match
        return {k: v for k, v in self.__dict__.items() if k != "_index"}

    def match(self, doc: Doc):
        if self._index is None:
            self._index = PatternIndex(self.vocab, ((str(i), self.matcher.get(str(i))[1]) for i in range(len(self.attrs))))
        matches = [(int(self.vocab.strings[match_id]), match_id, start, end) for match_id, start, end in self._index(doc)]
        matches.sort()
        return matches


@Language.factory("caucasus_attribute_ruler", assigns=["token.pos", "token.morph", "token.lemma"])
def make_indexed_attribute_ruler(nlp: Language, name: str) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.vocab, name)


def index_attribute_ruler(nlp: Language) -> None:
    """Put an IndexedAttributeRuler with the same patterns in the place of the model's attribute_ruler.
    A pipeline without one is left as it is."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    patterns = nlp.get_pipe("attribute_ruler").patterns
    ruler = nlp.replace_pipe("attribute_ruler", "caucasus_attribute_ruler")
    ruler.add_patterns(patterns)
