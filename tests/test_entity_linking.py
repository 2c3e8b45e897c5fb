"""Entity rows with canonical ids, from hand-built NER output (no statistical model)."""

import pytest
import spacy
from spacy.tokens import Span

import caucasus_nlp.components  # noqa: F401
from caucasus_nlp.extract.entities import entity_mentions
from parses import parsed, rule_switched


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("caucasus_gazetteer").initialize(nlp=nlp)
    nlp.add_pipe("caucasus_entity_fixer")
    return nlp


def _rows(nlp, text, ner):
    doc = nlp.make_doc(text)
    doc.ents = [Span(doc, s, e, label=lbl) for s, e, lbl in ner]
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return [(m.text, m.label, m.entity_id) for m in entity_mentions(doc)]


def test_a_place_located_at_its_seat_says_so_in_its_source(nlp):
    doc = nlp.make_doc("A blast in Kandahar province .")
    doc.ents = [Span(doc, 3, 4, label="GPE")]
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert [(m.text, m.source) for m in entity_mentions(doc)] == [("Kandahar province", "ner+fix+seat")]


@pytest.mark.parametrize(
    "text, ner, expected",
    [
        # a surname alone takes the id of the full name the article gives
        ("Gaspar Nersesyan arrived . Later Nersesyan left .", [(0, 2, "PERSON")],
         [("Gaspar Nersesyan", "PERSON", "person:gaspar-nersesyan"), ("Nersesyan", "PERSON", "person:gaspar-nersesyan")]),
        ("Aliyev met Ilham Aliyev 's envoy .", [], [("Aliyev", "PERSON", "person:ilham-aliyev"), ("Ilham Aliyev", "PERSON", "person:ilham-aliyev")]),
        # with no full name in the article, a lone surname one person of the knowledge base has is that person...
        ("Later Michel left .", [(1, 2, "PERSON")], [("Michel", "PERSON", "person:charles-michel")]),
        # ...one a title shows to be a person has an id of its own...
        ("Ambassador Kasprzyk left .", [(1, 2, "PERSON")], [("Kasprzyk", "PERSON", "person:kasprzyk")]),
        # ...and a lone word the model calls a person, with nothing to say it is one, has none
        ("Genocide was recalled .", [(0, 1, "PERSON")], [("Genocide", "PERSON", None)]),
        # a generic word refers back to the one organisation whose name ends in it...
        ("The Joint Liaison Group met . The Group said more .", [(1, 4, "ORG"), (7, 8, "ORG")],
         [("Joint Liaison Group", "ORG", "org:joint-liaison-group"), ("Group", "ORG", "org:joint-liaison-group")]),
        # ...and with no such organisation it is no entity
        ("The Group said more .", [(1, 2, "ORG")], []),
        # an organisation's initials are a name of their own; a lone word is not sure enough
        ("Imbonerakure and CNL clashed .", [(2, 3, "ORG")], [("CNL", "ORG", "org:cnl")]),
        ("Zorbex and Quillan clashed .", [(0, 1, "ORG"), (2, 3, "ORG")], [("Zorbex", "ORG", None), ("Quillan", "ORG", None)]),
        # a short form of the one longer organisation name of the article
        ("The Security Council of the Republic of Artsakh met . The Security Council decided .", [(11, 13, "ORG")],
         [("Security Council of the Republic of Artsakh", "ORG", "org:artsakh-security-council"),
          ("Security Council", "ORG", "org:artsakh-security-council")]),
        # places inside a compound name are mentions too
        ("The Stepanakert-Goris highway reopened .", [],
         [("Stepanakert-Goris highway", "FAC", "place:stepanakert-goris-highway"), ("Stepanakert", "GPE", "geonames:146970"),
          ("Goris", "GPE", "geonames:174895")]),
        # GeoNames: the story's region first, no far-away namesakes, unknown names stay unlinked
        ("Talks in Goris and Sisian .", [(2, 3, "GPE"), (4, 5, "GPE")], [("Goris", "GPE", "geonames:174895"), ("Sisian", "GPE", "geonames:174763")]),
        ("They met in Zzyzxville .", [(3, 4, "GPE")], [("Zzyzxville", "GPE", None)]),
        # a small far-away town is linked once another place of the article says which country it is in...
        ("Police fired in Kabul and in Taloqan city .", [(3, 4, "GPE"), (6, 7, "GPE")],
         [("Kabul", "GPE", "geonames:1138958"), ("Taloqan city", "GPE", "geonames:1123004")]),
        # ...or when the name is one that only one country has (Taloqan: Afghanistan) in a story outside the region...
        ("Residents of Taloqan city protested .", [(2, 3, "GPE")], [("Taloqan city", "GPE", "geonames:1123004")]),
        # ...or when two names of the story share a country (Plato and Magdalena: Colombia)...
        ("A man was killed in Plato , Magdalena .", [(5, 6, "GPE"), (7, 8, "GPE")],
         [("Plato", "GPE", "geonames:3792392"), ("Magdalena", "GPE", "geonames:3668605")]),  # the department, at its seat Santa Marta
        # ...and not without that evidence: Plato has namesakes in three countries
        ("A man was killed in Plato .", [(5, 6, "GPE")], [("Plato", "GPE", None)]),
        # ...nor, in a story of the region, from small namesakes elsewhere that two names share
        ("Talks in Yerevan and in Homeland and Saint John .", [(2, 3, "GPE"), (5, 6, "GPE"), (7, 9, "GPE")],
         [("Yerevan", "GPE", "geonames:616052"), ("Homeland", "GPE", None), ("Saint John", "GPE", None)]),
        # a settlement noun ("city") is the settlement; a district or province is placed at the seat it is named after
        ("A blast in Kandahar city .", [(3, 4, "GPE")], [("Kandahar city", "GPE", "geonames:1138336")]),
        ("A blast in Kandahar province .", [(3, 4, "GPE")], [("Kandahar province", "LOC", "geonames:1138336")]),
        # a province no town is named after is placed at its seat, as ACLED codes it
        ("A blast in Anbar province .", [(3, 4, "GPE")], [("Anbar province", "LOC", "geonames:98717")]),
        ("Taliban attacked in Helmand .", [(3, 4, "GPE")], [("Taliban", "ORG", "org:taliban"), ("Helmand", "GPE", "geonames:1134720")]),
        # a namesake in the province, state or oblast the story names is the one it means
        ("Shots near Vasylivka , Donetsk .", [(2, 3, "GPE"), (4, 5, "GPE")],
         [("Vasylivka", "GPE", "geonames:690373"), ("Donetsk", "GPE", "geonames:709717")]),  # not Zaporizhzhia's larger Vasylivka
        ("Shots near Norashen .", [(2, 3, "GPE")], [("Norashen", "GPE", "geonames:616350")]),
        ("A sniper in Shindand district , Herat .", [(3, 5, "GPE"), (6, 7, "GPE")],
         [("Shindand district", "GPE", "geonames:1125155"), ("Herat", "GPE", "geonames:1140026")]),  # not Iran's village Herat
    ],
)
def test_mentions_get_canonical_ids(nlp, text, ner, expected):
    assert _rows(nlp, text, ner) == expected


# The rules of resources/events/links.jsonl, one row per case: (rule id, text, NER spans, mentions with
# their sources, whether the rule changes the mentions: with it switched off they are otherwise).
CASES = [
    # a place the text puts in another lies there: a Vasylivka within reach of Kherson, not Zaporizhzhia's
    # larger one 220 km away...
    pytest.param("link:within", "Shots near Vasylivka , Kherson .", [(2, 3, "GPE"), (4, 5, "GPE")],
                 [("Vasylivka", "geonames:690385", "ner+within"), ("Kherson", "geonames:706448", "ner+geonames")], True, id="namesake_within"),
    # ...and with no namesake there, none: not Kelly in North Carolina, not the Bohdanivka of another oblast
    pytest.param("link:within", "A man was seized in Kelly Village , Tunapuna .", [(5, 7, "GPE"), (8, 9, "GPE")],
                 [("Kelly Village", None, "ner+not_within"), ("Tunapuna", "geonames:3573576", "ner+geonames")], True, id="none_within"),
    pytest.param("link:within", "Shots near Bohdanivka , Donetsk .", [(2, 3, "GPE"), (4, 5, "GPE")],
                 [("Bohdanivka", None, "ner+not_within"), ("Donetsk", "geonames:709717", "ner+geonames")], True, id="none_in_the_oblast"),
    pytest.param("link:within", "A raid on Bamba ( Koro , Mopti ) .", [(3, 4, "GPE"), (5, 6, "GPE"), (7, 8, "GPE")],
                 [("Bamba", None, "ner+not_within"), ("Koro", "geonames:2454674", "ner+geonames"), ("Mopti", "geonames:2453348", "ner+geonames")],
                 True, id="chain_judged_from_its_end"),
    # negatives: alone, the larger namesake; no namesake linked in the first place; a town stands for its oblast
    # (Ivankiv lies 80 km from Kyiv); a place of the United States' Georgia is in Georgia; a province the
    # knowledge base knows, whose area already chose Tavush's Norashen over Ararat's larger one
    pytest.param("link:within", "Shots near Bohdanivka .", [(2, 3, "GPE")], [("Bohdanivka", "geonames:711933", "ner+geonames")], False, id="no_container"),
    pytest.param("link:within", "Shots near Kamyanka , Armenia .", [(2, 3, "GPE"), (4, 5, "GPE")],
                 [("Kamyanka", None, "ner"), ("Armenia", "geonames:174982", "gazetteer")], False, id="none_in_the_country"),
    pytest.param("link:within", "A protest in Ivankiv , Kyiv .", [(3, 4, "GPE"), (5, 6, "GPE")],
                 [("Ivankiv", "geonames:707489", "ner+geonames"), ("Kyiv", "geonames:703448", "ner+geonames")], False, id="town_for_its_oblast"),
    pytest.param("link:within", "A protest in Valdosta , Georgia .", [(3, 4, "GPE"), (5, 6, "GPE")],
                 [("Valdosta", "geonames:4228147", "ner+geonames"), ("Georgia", "geonames:614540", "gazetteer")], False, id="us_state_named_like_a_country"),
    pytest.param("link:within", "Shots near Norashen , Tavush .", [(2, 3, "GPE")],
                 [("Norashen", "geonames:616346", "ner+geonames"), ("Tavush", "place:tavush", "gazetteer")], False, id="knowledge_base_province"),
    # a list is no chain of places in places (link:list_end); without the rule, Bohdanivka would be judged in Donetsk
    pytest.param("link:list_end", "Shots near Bohdanivka , Donetsk and Kharkiv .", [(2, 3, "GPE"), (4, 5, "GPE"), (6, 7, "GPE")],
                 [("Bohdanivka", "geonames:711933", "ner+geonames"), ("Donetsk", "geonames:709717", "ner+geonames"), ("Kharkiv", "geonames:706483", "ner+geonames")],
                 True, id="list"),
    pytest.param("link:list_end", "Shots near Bohdanivka , Donetsk , and Kharkiv .", [(2, 3, "GPE"), (4, 5, "GPE"), (7, 8, "GPE")],
                 [("Bohdanivka", "geonames:711933", "ner+geonames"), ("Donetsk", "geonames:709717", "ner+geonames"), ("Kharkiv", "geonames:706483", "ner+geonames")],
                 True, id="list_with_serial_comma"),
    # negative: no list word after the chain
    pytest.param("link:list_end", "Shots near Bohdanivka , Donetsk .", [(2, 3, "GPE"), (4, 5, "GPE")],
                 [("Bohdanivka", None, "ner+not_within"), ("Donetsk", "geonames:709717", "ner+geonames")], False, id="no_list"),
]


@pytest.mark.parametrize("rule_id, text, ner, expected, fires", CASES)
def test_link_rule(nlp, rule_id, text, ner, expected, fires):
    def mentions():
        doc = nlp.make_doc(text)
        doc.ents = [Span(doc, s, e, label=lbl) for s, e, lbl in ner]
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        return [(m.text, m.entity_id, m.source) for m in entity_mentions(doc)]

    assert mentions() == expected
    if fires:
        with rule_switched(rule_id, False):
            assert mentions() != expected


def test_a_place_relinked_where_the_text_puts_it_says_so_in_its_source(nlp):
    doc = nlp.make_doc("Shots near Vasylivka , Kherson .")
    doc.ents = [Span(doc, 2, 3, label="GPE"), Span(doc, 4, 5, label="GPE")]
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert [(m.text, m.source) for m in entity_mentions(doc)] == [("Vasylivka", "ner+within"), ("Kherson", "ner+geonames")]


def test_a_place_name_that_is_a_subject_holds_none_before_it():
    # "wars in Kamyanka, Armenia says": Armenia speaks; it does not say where Kamyanka is
    doc = parsed("Wars/war/NOUN/nsubj/5/NNS in/in/ADP/prep/0/IN Kamyanka/Kamyanka/PROPN/pobj/1/NNP ,/,/PUNCT/punct/5/, "
                 "Armenia/Armenia/PROPN/nsubj/5/NNP says/say/VERB/ROOT/5/VBZ ././PUNCT/punct/5/.")
    doc.ents = [Span(doc, 2, 3, label="GPE"), Span(doc, 4, 5, label="GPE")]
    assert [(m.text, m.entity_id) for m in entity_mentions(doc)] == [("Kamyanka", "geonames:707052"), ("Armenia", "geonames:174982")]


def test_a_lone_surname_coordinated_with_a_person_is_one_of_its_own():
    # "Putin and Aliyev held a call": the knowledge base has more than one Aliyev and the article no full name
    doc = parsed("Putin/Putin/PROPN/nsubj/3/NNP and/and/CCONJ/cc/0/CC Aliyev/Aliyev/PROPN/conj/0/NNP held/hold/VERB/ROOT/3/VBD "
                 "a/a/DET/det/5/DT call/call/NOUN/dobj/3/NN ././PUNCT/punct/3/.")
    doc.ents = [Span(doc, 0, 1, label="PERSON"), Span(doc, 2, 3, label="PERSON")]
    assert [(m.text, m.entity_id) for m in entity_mentions(doc)] == [("Putin", "person:vladimir-putin"), ("Aliyev", "person:aliyev")]
