"""The model's rule lemmatizer, answering each word form, part of speech and morphology once.

spaCy's rule lemmatizer took 7% of the steady state on our corpora (benchmarks/stages.py), more than our
own components, for two reasons:
- each word form a rule makes is looked up in the part of speech's index of known words, a list of
  thousands: some 240 µs for each word not seen before;
- each word costs a Token and its morphology before the cache is read, and a word in base form is never
  cached.
A word's lemma depends on nothing but its form, its part of speech and its morphology (`rule_lemmatize`,
`is_base_form`). Here the index lists answer `in` through a set, one `Doc.to_array` reads the three of
the whole Doc, a key seen before takes its lemma from a dict, and only a key not seen before goes to
spaCy's own `lemmatize`; one `Doc.from_array` writes the lemmas. The lemmas are spaCy's
(tests/test_lemma_cache.py checks them against spaCy's lemmatizer). Other modes are spaCy's own.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.tokens import Doc

# The most (form, part of speech, morphology) answers kept, a bound on a long run's memory: 4,747 cover the
# 56,913 tokens of the validation, seed and incident articles.
MAX_KEYS = 500_000


class WordIndex(list):
    """A list of known words, as the lemma_index table holds them, that answers `in` through a set."""

    def __init__(self, words=()):
        super().__init__(words)
        self._words = frozenset(self)

    def __contains__(self, word) -> bool:
        return word in self._words

    def __reduce__(self):
        return WordIndex, (list(self),)


def with_word_sets(lookups: Lookups) -> Lookups:
    """A copy of the lemmatizer's tables whose lemma_index lists are WordIndex lists."""
    copied = Lookups()
    for name in lookups.tables:
        table = lookups.get_table(name)
        copied.add_table(name, {key: WordIndex(words) if name == "lemma_index" else words for key, words in table.items()})
    return copied


class CachedLemmatizer(EnglishLemmatizer):
    """spaCy's English lemmatizer; in rule mode, one answer per (word form, part of speech, morphology)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule":
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        try:
            return self._lemmatize_doc(doc)
        except Exception as exc:  # reported as spaCy's own lemmatizer reports it
            self.get_error_handler()(self.name, self, [doc], exc)
            return doc

    def _lemmatize_doc(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        columns = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = columns[:, 3].copy()
        known, strings = self.lemmas, self.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(columns.tolist()):
            if lemma and not self.overwrite:
                continue  # a lemma the attribute_ruler gave (resources/lemma_exceptions.tsv)
            key = (orth, pos, morph)
            found = known.get(key)
            if found is None:
                if len(known) >= MAX_KEYS:
                    known.clear()  # a bound on a long run's memory: the answers are found again
                found = known[key] = strings.add(self.lemmatize(doc[i])[0])
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc

    def initialize(self, *args, **kwargs) -> None:
        super().initialize(*args, **kwargs)
        self._new_tables()

    def from_disk(self, *args, **kwargs):
        super().from_disk(*args, **kwargs)
        self._new_tables()
        return self

    def from_bytes(self, *args, **kwargs):
        super().from_bytes(*args, **kwargs)
        self._new_tables()
        return self

    def _new_tables(self) -> None:
        """New tables, new answers: ours and spaCy's own cache are emptied, and the index lists answer through sets."""
        if self.mode == "rule":
            self.lookups = with_word_sets(self.lookups)
        self.lemmas.clear()
        self.cache.clear()


@Language.factory("caucasus_lemmatizer", default_config={"model": None, "mode": "rule", "overwrite": False})
def make_cached_lemmatizer(nlp: Language, model, name: str, mode: str, overwrite: bool) -> CachedLemmatizer:
    return CachedLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite)


def cache_lemmatizer(nlp: Language) -> None:
    """Put a CachedLemmatizer with the same mode and tables in the place of the model's English
    lemmatizer. A pipeline without one, or with a lemmatizer of another kind, is left as it is."""
    if "lemmatizer" not in nlp.pipe_names or type(stock := nlp.get_pipe("lemmatizer")) is not EnglishLemmatizer:
        return
    lemmatizer = nlp.replace_pipe("lemmatizer", "caucasus_lemmatizer", config={"mode": stock.mode, "overwrite": stock.overwrite})
    lemmatizer.initialize(lookups=stock.lookups)
