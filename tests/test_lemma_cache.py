"""The cached lemmatizer gives every word the lemma spaCy's English lemmatizer gives it (the referee),
on hand-built Docs with hand-built tables; the slow test compares them over the stock model's tagging
of the validation and seed articles."""

import pickle

import pytest
import spacy
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.lookups import Lookups
from spacy.tokens import Doc

from caucasus_nlp.lemma_cache import CachedLemmatizer, WordIndex, cache_lemmatizer


def tables() -> Lookups:
    lookups = Lookups()
    lookups.add_table("lemma_rules", {"noun": [["s", ""], ["ies", "y"]], "verb": [["ed", ""], ["ed", "e"], ["ing", ""]]})
    lookups.add_table("lemma_index", {"noun": ["cat", "city"], "verb": ["stage", "walk"]})
    lookups.add_table("lemma_exc", {"noun": {"mice": ["mouse"]}, "verb": {"went": ["go"]}})
    return lookups


def lemmatizers(overwrite: bool = False):
    vocab = spacy.blank("en").vocab
    referee = EnglishLemmatizer(vocab, None, "lemmatizer", mode="rule", overwrite=overwrite)
    cached = CachedLemmatizer(vocab, None, "lemmatizer", mode="rule", overwrite=overwrite)
    for lemmatizer in (referee, cached):
        lemmatizer.initialize(lookups=tables())
    return vocab, referee, cached


def lemmas_of(lemmatizer, vocab, words, pos, morphs, preset=None) -> list[str]:
    doc = Doc(vocab, words=words, pos=pos, morphs=morphs, lemmas=preset)
    return [t.lemma_ for t in lemmatizer(doc)]


@pytest.mark.parametrize(
    "words, pos, morphs, expected",
    [
        (["Cats", "walked"], ["NOUN", "VERB"], ["Number=Plur", "Tense=Past|VerbForm=Fin"], ["cat", "walk"]),
        (["cities"], ["NOUN"], ["Number=Plur"], ["city"]),  # a rule's form the index knows
        (["gorps"], ["NOUN"], ["Number=Plur"], ["gorp"]),  # one it does not: the out-of-index form
        (["staged"], ["VERB"], ["Tense=Past|VerbForm=Fin"], ["stage"]),  # of two forms, the known one
        (["mice", "went"], ["NOUN", "VERB"], ["Number=Plur", "Tense=Past|VerbForm=Fin"], ["mouse", "go"]),  # exceptions
        (["Cats"], ["NOUN"], ["Number=Sing"], ["cats"]),  # in base form: the word itself, lower-cased
        (["Walking"], ["VERB"], ["VerbForm=Inf"], ["walking"]),
        (["Kutaisi"], ["PROPN"], [""], ["Kutaisi"]),  # no tables for proper nouns: as written
        (["Quickly"], ["ADV"], [""], ["quickly"]),
        # the same form under another part of speech or morphology is another question
        (["walked", "walked", "walked"], ["VERB", "ADJ", "VERB"], ["Tense=Past|VerbForm=Fin", "", "VerbForm=Inf"], ["walk", "walked", "walked"]),
    ],
)
def test_the_lemmas_are_spacys(words, pos, morphs, expected):
    vocab, referee, cached = lemmatizers()
    assert lemmas_of(referee, vocab, words, pos, morphs) == expected
    assert lemmas_of(cached, vocab, words, pos, morphs) == expected
    # asked again, from its answers
    assert lemmas_of(cached, vocab, words, pos, morphs) == expected


@pytest.mark.parametrize("overwrite, expected", [(False, ["staged", "walk"]), (True, ["stage", "walk"])])
def test_a_lemma_given_before_is_kept_unless_overwriting(overwrite, expected):
    vocab, referee, cached = lemmatizers(overwrite)
    args = (["staged", "walked"], ["VERB", "VERB"], ["Tense=Past|VerbForm=Fin"] * 2, ["staged", ""])
    assert lemmas_of(referee, vocab, *args) == expected
    assert lemmas_of(cached, vocab, *args) == expected


def test_each_word_form_part_of_speech_and_morphology_is_lemmatized_once(monkeypatch):
    vocab, _, cached = lemmatizers()
    asked = []
    lemmatize = cached.lemmatize
    monkeypatch.setattr(cached, "lemmatize", lambda token: asked.append(token.text) or lemmatize(token))
    words = ["cats", "cats", "walked", "cats", "walked"]
    assert lemmas_of(cached, vocab, words, ["NOUN", "NOUN", "VERB", "NOUN", "VERB"], ["Number=Plur"] * 2 + ["VerbForm=Fin", "Number=Plur", "VerbForm=Fin"]) == [
        "cat", "cat", "walk", "cat", "walk"]
    assert asked == ["cats", "walked"]
    cached.initialize(lookups=tables())  # new tables, new answers
    lemmas_of(cached, vocab, ["cats"], ["NOUN"], ["Number=Plur"])
    assert asked == ["cats", "walked", "cats"]


def test_new_tables_give_new_lemmas():
    vocab, _, cached = lemmatizers()
    assert lemmas_of(cached, vocab, ["mice"], ["NOUN"], ["Number=Plur"]) == ["mouse"]
    other = Lookups()
    other.add_table("lemma_rules", {"noun": [["ice", "ouse"]]})
    other.add_table("lemma_index", {"noun": ["mouse"]})
    other.add_table("lemma_exc", {"noun": {"mice": ["micelle"]}})
    cached.initialize(lookups=other)
    assert lemmas_of(cached, vocab, ["mice"], ["NOUN"], ["Number=Plur"]) == ["micelle"]


def test_tables_read_back_from_bytes_answer_as_spacys():
    vocab, referee, cached = lemmatizers()
    again = CachedLemmatizer(vocab, None, "lemmatizer", mode="rule").from_bytes(cached.to_bytes())
    assert isinstance(again.lookups.get_table("lemma_index")["noun"], WordIndex)
    args = (["Cats", "staged", "mice"], ["NOUN", "VERB", "NOUN"], ["Number=Plur", "Tense=Past|VerbForm=Fin", "Number=Plur"])
    assert lemmas_of(again, vocab, *args) == lemmas_of(referee, vocab, *args) == ["cat", "stage", "mouse"]


def test_an_empty_doc_passes():
    vocab, _, cached = lemmatizers()
    assert len(cached(Doc(vocab, words=[]))) == 0


def test_the_word_index_answers_as_its_list_and_survives_pickling():
    index = WordIndex(["cat", "city"])
    assert ("cat" in index, "dog" in index, list(index)) == (True, False, ["cat", "city"])
    again = pickle.loads(pickle.dumps(index))
    assert ("city" in again, "dog" in again, list(again)) == (True, False, ["cat", "city"])


def test_a_pipeline_without_an_english_rule_lemmatizer_is_left_as_it_is():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    cache_lemmatizer(nlp)
    assert nlp.pipe_names == ["sentencizer"]


@pytest.mark.slow
def test_stock_model_lemmas_equal_with_the_cached_lemmatizer(validation_dir, seeds_dir):
    """Over the validation and seed articles, the stock model with its lemmatizer cached gives every
    token the lemma it gives with spaCy's own."""
    from caucasus_nlp.io import read_dumps
    from caucasus_nlp.nlp import DEFAULT_MODEL
    from caucasus_nlp.records import Dump
    from caucasus_nlp.segment import segment_dump

    texts = [a.text for dump in read_dumps([validation_dir, seeds_dir]) if isinstance(dump, Dump) for a in segment_dump(dump).articles]
    stock, cached = spacy.load(DEFAULT_MODEL, exclude=["ner"]), spacy.load(DEFAULT_MODEL, exclude=["ner"])
    cache_lemmatizer(cached)
    assert isinstance(cached.get_pipe("lemmatizer"), CachedLemmatizer)
    assert cached.pipe_names == stock.pipe_names
    tokens = 0
    for a, b in zip(cached.pipe(texts), stock.pipe(texts), strict=True):
        assert [t.lemma_ for t in a] == [t.lemma_ for t in b]
        tokens += len(a)
    assert tokens > 30_000
