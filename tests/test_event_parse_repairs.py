"""Event arguments over hand-built parses: the small model's known mistakes, reproduced exactly, and
what the event rules make of them. No statistical model is loaded."""

import spacy
from spacy.tokens import Doc

from caucasus_nlp.extract.entities import EntityMention
from caucasus_nlp.extract.events import event_mentions

RUSSIA, ARMENIA, TURKEY = "geonames:2017370", "geonames:174982", "geonames:298795"


def _parsed(rows: list[tuple[str, str, str, str, int]]) -> Doc:
    """A Doc from (word, lemma, pos, dep, head index) rows."""
    words, lemmas, pos, deps, heads = zip(*rows, strict=True)
    return Doc(spacy.blank("en").vocab, words=list(words), lemmas=list(lemmas), pos=list(pos), deps=list(deps), heads=list(heads))


def _mention(doc: Doc, i: int, label: str, entity_id: str | None) -> EntityMention:
    token = doc[i]
    return EntityMention(token.idx, token.idx + len(token), token.text, label, entity_id, "test", 0, i, i + 1)


def test_an_owner_the_parser_hung_on_a_date_owns_the_subject():
    # "She noted that on April 9 Russia's envoy met with Armenians.": the parser reads "Russia" as
    # an apposition of the date, so the subject of "met" is "envoy" alone
    doc = _parsed([
        ("She", "she", "PRON", "nsubj", 1), ("noted", "note", "VERB", "ROOT", 1), ("that", "that", "SCONJ", "mark", 9),
        ("on", "on", "ADP", "prep", 9), ("April", "April", "PROPN", "pobj", 3), ("9", "9", "NUM", "nummod", 4),
        ("Russia", "Russia", "PROPN", "appos", 4), ("\u2019s", "\u2019s", "PART", "case", 6), ("envoy", "envoy", "NOUN", "nsubj", 9),
        ("met", "meet", "VERB", "ccomp", 1), ("with", "with", "ADP", "prep", 9), ("Armenians", "Armenians", "PROPN", "pobj", 10),
        (".", ".", "PUNCT", "punct", 1),
    ])
    mentions = [_mention(doc, 6, "GPE", RUSSIA), _mention(doc, 11, "NORP", None)]
    (event,) = event_mentions(doc, mentions, [])
    assert (event.event_type, event.actors, event.targets) == ("CONSULT", (RUSSIA,), (ARMENIA,))


def test_no_owner_is_taken_without_a_possessive():
    # "On Sunday the envoy met Armenians.": nothing before the subject owns it
    doc = _parsed([
        ("On", "on", "ADP", "prep", 4), ("Sunday", "Sunday", "PROPN", "pobj", 0), ("the", "the", "DET", "det", 3),
        ("envoy", "envoy", "NOUN", "nsubj", 4), ("met", "meet", "VERB", "ROOT", 4), ("Armenians", "Armenians", "PROPN", "dobj", 4),
        (".", ".", "PUNCT", "punct", 4),
    ])
    (event,) = event_mentions(doc, [_mention(doc, 5, "NORP", None)], [])
    assert (event.actors, event.targets) == ((), (ARMENIA,))


def test_a_second_subject_the_parser_read_as_an_object_acts_in_its_own_clause():
    # "Georgia will return four soldiers and Turkey will return two soldiers.": "Turkey" hangs on the
    # first clause's object, and the second "return" has no subject
    doc = _parsed([
        ("Georgia", "Georgia", "PROPN", "nsubj", 2), ("will", "will", "AUX", "aux", 2), ("return", "return", "VERB", "ROOT", 2),
        ("four", "four", "NUM", "nummod", 4), ("soldiers", "soldier", "NOUN", "dobj", 2), ("and", "and", "CCONJ", "cc", 4),
        ("Turkey", "Turkey", "PROPN", "conj", 4), ("will", "will", "AUX", "aux", 8), ("return", "return", "VERB", "conj", 2),
        ("two", "two", "NUM", "nummod", 10), ("soldiers", "soldier", "NOUN", "dobj", 8), (".", ".", "PUNCT", "punct", 2),
    ])
    mentions = [_mention(doc, 0, "GPE", "geonames:614540"), _mention(doc, 6, "GPE", TURKEY)]
    events = list(event_mentions(doc, mentions, []))
    assert [(e.subtype, e.actors, e.quantity) for e in events] == [
        ("prisoner_return", ("geonames:614540",), 4), ("prisoner_return", (TURKEY,), 2)]
