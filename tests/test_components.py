import pytest
import spacy
from spacy.tokens import Span

import caucasus_nlp.components  # noqa: F401


@pytest.fixture(scope="module")
def blank_nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("caucasus_gazetteer").initialize(nlp=nlp)
    nlp.add_pipe("caucasus_entity_fixer")
    return nlp


def _ents(doc):
    return [(e.text, e.label_, e.kb_id_, e.start_char) for e in doc.ents]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Talks in Khankendi and Stepanakert.", [("Khankendi", "GPE", "geonames:146970", 9), ("Stepanakert", "GPE", "geonames:146970", 23)]),
        ("Shushi is Shusha.", [("Shushi", "GPE", "geonames:147105", 0), ("Shusha", "GPE", "geonames:147105", 10)]),
        ("The Zangazur corridor via Nakhichevan.", [("Zangazur corridor", "LOC", "place:zangezur-corridor", 4), ("Nakhichevan", "GPE", "place:nakhchivan", 26)]),
        ("Artsakh, also NKR.", [("Artsakh", "GPE", "place:nagorno-karabakh", 0), ("NKR", "GPE", "place:nagorno-karabakh", 14)]),
        ("The EU said", [("EU", "ORG", "org:european-union", 4)]),
        ("tell us more", []),  # short upper-case aliases match case-sensitively
        ("Minister Mirzoyan met Lavrov.", [("Mirzoyan", "PERSON", "person:ararat-mirzoyan", 9), ("Lavrov", "PERSON", "person:sergei-lavrov", 22)]),
    ],
)
def test_gazetteer_finds_aliases_with_canonical_ids(blank_nlp, text, expected):
    assert _ents(blank_nlp(text)) == expected


def _with_ner(nlp, text, spans):
    """Run the caucasus components over a Doc whose NER output is given by hand."""
    doc = nlp.make_doc(text)
    doc.ents = [Span(doc, s, e, label=lbl) for s, e, lbl in spans]
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


@pytest.mark.parametrize(
    "text, ner, expected",
    [
        ("Azerbaijani officials said", [(0, 1, "PERSON")], [("Azerbaijani", "NORP")]),
        ("Armenians protested", [(0, 1, "ORG")], [("Armenians", "NORP")]),
        ("PM Gaspar Nersesyan spoke", [(0, 3, "PERSON")], [("Gaspar Nersesyan", "PERSON")]),
        ("Deputy Minister Anna Petrosyan spoke", [(0, 4, "PERSON")], [("Anna Petrosyan", "PERSON")]),
        ("Dr Anar Veliyev's report", [(0, 4, "PERSON")], [("Anar Veliyev", "PERSON")]),
        ("the Foo Council met", [(0, 3, "ORG")], [("Foo Council", "ORG")]),
        ("Yerevan said", [(0, 1, "PERSON")], [("Yerevan", "GPE")]),  # gazetteer overrides a wrong label
    ],
)
def test_entity_corrections(blank_nlp, text, ner, expected):
    doc = _with_ner(blank_nlp, text, ner)
    assert [(e.text, e.label_) for e in doc.ents] == expected


def test_longer_org_name_keeps_the_place_inside_it(blank_nlp):
    doc = _with_ner(blank_nlp, "Armenia 's Constitutional Court ruled", [(0, 4, "ORG")])
    assert [(e.text, e.label_) for e in doc.ents] == [("Armenia 's Constitutional Court", "ORG")]


def test_entity_sources_are_recorded(blank_nlp):
    doc = _with_ner(blank_nlp, "PM Gaspar Nersesyan met Pashinyan", [(0, 3, "PERSON")])
    assert [e._.source for e in doc.ents] == ["ner+fix", "gazetteer"]
