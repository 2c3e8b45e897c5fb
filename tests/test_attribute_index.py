"""The indexed attribute ruler gives every token what spaCy's AttributeRuler gives it, pattern for pattern.

Each row: patterns (as AttributeRuler.add_patterns takes them), a hand-built tagged and parsed sentence,
and what the words must get. The same patterns run through spaCy's own AttributeRuler on a copy of the
Doc are the referee: the matches and every token's part of speech, morphology and lemma must be equal.
"""

from __future__ import annotations

import pickle

import pytest
import spacy
from spacy.attrs import TAG
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from caucasus_nlp.attribute_index import IndexedAttributeRuler, PatternIndex

# "They have not sent the a-team to Baku ."
WORDS = ["They", "have", "not", "sent", "the", "a", "-", "team", "to", "Baku", "."]
TAGS = ["PRP", "VBP", "RB", "VBN", "DT", "DT", "HYPH", "NN", "IN", "NNP", "."]
HEADS = [3, 3, 3, 3, 7, 7, 7, 3, 3, 8, 3]
DEPS = ["nsubj", "aux", "neg", "ROOT", "det", "compound", "punct", "dobj", "prep", "pobj", "punct"]


def tagged_doc() -> Doc:
    return Doc(spacy.blank("en").vocab, words=WORDS, tags=TAGS, heads=HEADS, deps=DEPS)


def rule(patterns, attrs, index=0) -> dict:
    return {"patterns": patterns, "attrs": attrs, "index": index}


TAG_MAP = [rule([[{"TAG": tag}]], {"POS": pos}) for tag, pos in [("PRP", "PRON"), ("VBP", "VERB"), ("RB", "ADV"), ("VBN", "VERB"), ("DT", "DET"), ("NN", "NOUN"), ("IN", "ADP"), ("NNP", "PROPN")]]


@pytest.mark.parametrize(
    "patterns, expected",
    [
        pytest.param(TAG_MAP, {"They": ("PRON", ""), "sent": ("VERB", ""), "Baku": ("PROPN", "")}, id="tag-map"),
        pytest.param([*TAG_MAP, rule([[{"TAG": "VBP", "LOWER": {"IN": ["have", "'ve"]}}]], {"POS": "AUX", "LEMMA": "have"})],
                     {"have": ("AUX", "have"), "sent": ("VERB", "")}, id="later-rule-wins-with-IN"),
        pytest.param([rule([[{"TAG": {"NOT_IN": ["TO", ""]}, "DEP": {"IN": ["aux", "auxpass"]}}]], {"POS": "AUX"})],
                     {"have": ("AUX", ""), "not": ("", "")}, id="NOT_IN-and-IN"),
        pytest.param([rule([[{"LOWER": {"REGEX": "^th"}}]], {"LEMMA": "th-word"})],
                     {"They": ("", "th-word"), "the": ("", "th-word"), "team": ("", "")}, id="regex-without-anchor"),
        pytest.param([rule([[{"LOWER": "the"}, {"ORTH": "a"}, {"TEXT": "-"}]], {"LEMMA": "article"}, index=1)],
                     {"the": ("", ""), "a": ("", "article"), "-": ("", "")}, id="three-tokens-index-1"),
        pytest.param([rule([[{"LOWER": "a"}], [{"TAG": "DT", "DEP": "compound"}]], {"POS": "X"})],
                     {"a": ("X", ""), "the": ("", "")}, id="two-alternatives-same-span"),
        pytest.param([rule([[{"TAG": "NNP"}, {"IS_PUNCT": True}]], {"POS": "PROPN"}), rule([[{"IS_PUNCT": True, "DEP": "punct"}]], {"POS": "PUNCT"})],
                     {"Baku": ("PROPN", ""), ".": ("PUNCT", ""), "-": ("PUNCT", "")}, id="flags"),
        pytest.param([rule([[{"TAG": "DT"}, {"OP": "+", "TAG": {"IN": ["DT", "HYPH"]}}]], {"LEMMA": "det-run"})],
                     {"the": ("", "det-run"), "a": ("", "det-run"), "team": ("", "")}, id="operator-falls-back-to-matcher"),
        pytest.param([rule([[{}]], {"LEMMA": "any"})], {"They": ("", "any"), ".": ("", "any")}, id="any-token-alone"),
        pytest.param([rule([[{}, {"TAG": "NN"}]], {"LEMMA": "before-noun"})], {"-": ("", "before-noun"), "the": ("", "")}, id="any-token-then-tag"),
        pytest.param([rule([[{TAG: "NNP"}]], {"POS": "PROPN"})], {"Baku": ("PROPN", "")}, id="integer-attribute-key-falls-back"),
        pytest.param([rule([[{"lower": "baku"}]], {"LEMMA": "baku-city"})], {"Baku": ("", "baku-city")}, id="lower-case-attribute-name"),
        pytest.param([rule([[{"IS_PUNCT": False, "TAG": "DT"}]], {"LEMMA": "det"})], {"the": ("", "det"), "-": ("", "")}, id="flag-false"),
        pytest.param([rule([[{"IS_ALPHA": {"IN": [True]}, "TAG": "NNP"}]], {"POS": "PROPN"})], {"Baku": ("PROPN", "")}, id="flag-in"),
        pytest.param([rule([[{"LOWER": "baku"}], [{"LENGTH": 4, "TAG": "NNP"}]], {"POS": "PROPN"})], {"Baku": ("PROPN", "")},
                     id="alternatives-in-index-and-fallback-same-span"),
        pytest.param([rule([[{"LOWER": "to"}, {"LOWER": "baku"}]], {"LEMMA": "Baku-city"}, index=-1)], {"to": ("", ""), "Baku": ("", "Baku-city")},
                     id="negative-index"),
        pytest.param([rule([[{"TAG": "NNP", "LOWER": "yerevan"}]], {"POS": "PROPN"})], {"Baku": ("", "")}, id="negative-no-match"),
        pytest.param([rule([[{"TAG": {"NOT_IN": ["DT", "NN"]}, "DEP": {"IN": ["det", "compound", "dobj"]}}]], {"POS": "X"})],
                     {"the": ("", ""), "a": ("", ""), "team": ("", "")}, id="negative-NOT_IN-excludes"),
        pytest.param([rule([[{"TAG": "DT", "tag": "NN"}]], {"POS": "X"})], {"the": ("", ""), "team": ("", "")}, id="negative-contradictory-keys"),
        pytest.param([rule([[{"TAG": ".", "LOWER": "."}, {"LOWER": "x"}]], {"POS": "PUNCT"})], {".": ("", "")}, id="negative-runs-past-the-end"),
    ],
)
def test_indexed_ruler_equals_spacy(patterns, expected):
    stock_doc, indexed_doc = tagged_doc(), tagged_doc()
    stock = AttributeRuler(stock_doc.vocab, "stock")
    stock.add_patterns(patterns)
    indexed = IndexedAttributeRuler(indexed_doc.vocab, "indexed")
    indexed.add_patterns(patterns)
    assert indexed.match(indexed_doc) == stock.match(stock_doc)
    stock(stock_doc)
    indexed(indexed_doc)
    assert [(t.pos_, str(t.morph), t.lemma_) for t in indexed_doc] == [(t.pos_, str(t.morph), t.lemma_) for t in stock_doc]
    got = {t.text: (t.pos_, t.lemma_) for t in indexed_doc if t.text in expected}
    assert got == expected


def test_patterns_added_later_are_matched():
    doc = tagged_doc()
    ruler = IndexedAttributeRuler(doc.vocab, "indexed")
    ruler.add_patterns(TAG_MAP)
    ruler(doc)
    ruler.add([[{"LOWER": "baku"}]], {"LEMMA": "Baku-city"})
    ruler(doc)
    assert (doc[9].pos_, doc[9].lemma_) == ("PROPN", "Baku-city")


def test_an_empty_doc_and_an_untagged_doc_match_as_spacy_does():
    vocab = spacy.blank("en").vocab
    patterns = [*TAG_MAP, rule([[{"LOWER": "baku"}]], {"LEMMA": "Baku-city"}), rule([[{"DEP": {"NOT_IN": ["det"]}}]], {"POS": "X"})]
    for words in ([], ["Talks", "in", "Baku"]):
        stock, indexed = AttributeRuler(vocab, "stock"), IndexedAttributeRuler(vocab, "indexed")
        stock.add_patterns(patterns)
        indexed.add_patterns(patterns)
        assert indexed.match(Doc(vocab, words=words)) == stock.match(Doc(vocab, words=words))


def test_the_index_is_rebuilt_after_clear_and_the_ruler_pickles_after_matching():
    doc = tagged_doc()
    ruler = IndexedAttributeRuler(doc.vocab, "indexed")
    ruler.add_patterns(TAG_MAP)
    assert ruler.match(doc)
    copy = pickle.loads(pickle.dumps(ruler))
    assert copy.match(tagged_doc()) == ruler.match(doc)
    ruler.clear()
    assert ruler.match(doc) == []


def test_unreadable_patterns_go_to_the_fallback_matcher():
    vocab = spacy.blank("en").vocab
    index = PatternIndex(vocab, [("0", [[{"TAG": "NN"}]]), ("1", [[{"LENGTH": {">=": 3}}]]), ("2", [[{"_": {"flag": True}}]])])
    assert len(index.fallback) == 2
    assert sum(len(v) for column in index.by_value for v in column.values()) == 1


@pytest.mark.slow
def test_stock_model_tokens_equal_with_the_indexed_ruler(validation_dir, seeds_dir):
    """Over the validation and seed articles, the stock model with its attribute_ruler indexed gives
    every token the part of speech, morphology and lemma it gives with spaCy's own (with our lemma
    exceptions added to both)."""
    from caucasus_nlp.attribute_index import index_attribute_ruler
    from caucasus_nlp.io import read_dumps
    from caucasus_nlp.nlp import DEFAULT_MODEL, add_lemma_exceptions
    from caucasus_nlp.records import Dump
    from caucasus_nlp.segment import segment_dump

    texts = [a.text for dump in read_dumps([validation_dir, seeds_dir]) if isinstance(dump, Dump) for a in segment_dump(dump).articles]
    stock, indexed = spacy.load(DEFAULT_MODEL, exclude=["ner"]), spacy.load(DEFAULT_MODEL, exclude=["ner"])
    index_attribute_ruler(indexed)
    for nlp in (stock, indexed):
        add_lemma_exceptions(nlp)
    assert isinstance(indexed.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    tokens = 0
    for a, b in zip(indexed.pipe(texts), stock.pipe(texts), strict=True):
        assert [(t.pos_, str(t.morph), t.lemma_) for t in a] == [(t.pos_, str(t.morph), t.lemma_) for t in b]
        tokens += len(a)
    assert tokens > 30_000
