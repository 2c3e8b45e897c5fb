import pytest
import spacy
from spacy.tokens import Doc, Span

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
        # one organisation whose name coordinates two modifiers, cut at "and" by the model
        ("the Bureau of European and Eurasian Affairs said", [(1, 4, "ORG"), (5, 7, "ORG")], [("Bureau of European and Eurasian Affairs", "ORG")]),
        # two organisations stay two: the second has a head of its own
        ("the Ministry of Defence and the Foo Council met", [(1, 4, "ORG"), (6, 8, "ORG")], [("Ministry of Defence", "ORG"), ("Foo Council", "ORG")]),
        ("the Foo Council and Bar Agency met", [(1, 3, "ORG"), (4, 6, "ORG")], [("Foo Council", "ORG"), ("Bar Agency", "ORG")]),
        # a title alone, a span cut inside a bracket or a hyphen, a weapon: no entity
        ("citing Spokesperson Dujarric", [(1, 2, "PERSON"), (2, 3, "PERSON")], [("Dujarric", "PERSON")]),
        ("the Foo (Updated said", [(1, 3, "ORG")], []),
        ("a Grad missile", [(1, 2, "ORG")], []),
        ("a meeting in Tajikistan", [(3, 4, "NORP")], [("Tajikistan", "GPE")]),
        ("Tajik officials", [(0, 1, "NORP")], [("Tajik", "NORP")]),
        ("under the Alma - Ata Declaration of 1991", [(2, 6, "FAC")], [("Alma - Ata Declaration", "LAW")]),
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


@pytest.mark.parametrize(
    "text, ner, expected",
    [
        # the model runs a name on into the next paragraph: the name stops at the break
        ("Office of the Prime Minister of the Republic of Armenia\n\nBaku , December 7", [(0, 13, "ORG")],
         [("Office of the Prime Minister of the Republic of Armenia", "ORG"), ("Baku", "GPE")]),
        # a compound of known names tagged as one ORG gives way to its parts
        ("Armenia - Azerbaijan talks resumed", [(0, 3, "ORG")], [("Armenia", "GPE"), ("Azerbaijan", "GPE")]),
        ("Karabakh / Nagorno - Karabakh conflict", [(0, 5, "ORG")], [("Karabakh", "GPE"), ("Nagorno - Karabakh", "GPE")]),
        # ...but a longer name that adds words of its own keeps them
        ("Armenia 's Constitutional Court ruled", [(0, 4, "ORG")], [("Armenia 's Constitutional Court", "ORG")]),
        # a possessor before a known name is not part of it
        ("Harutyunyan 's Free Homeland Party said", [(0, 5, "ORG")], [("Free Homeland Party", "ORG")]),
        # surname endings of the region: a person the model called ORG or GPE
        ("Gagik Voskanyan was captured", [(0, 2, "ORG")], [("Gagik Voskanyan", "PERSON")]),
        ("Mammadov said", [(0, 1, "GPE")], [("Mammadov", "PERSON")]),
        ("Fuzuli was rebuilt", [(0, 1, "GPE")], [("Fuzuli", "GPE")]),  # a GeoNames place keeps its label
        ("Eurasian Development Bank lent", [(0, 3, "ORG")], [("Eurasian Development Bank", "ORG")]),
        # a plural demonym names a group
        ("Syrian Armenians arrived", [(0, 2, "ORG")], [("Syrian Armenians", "NORP")]),
        # a name before a place noun is a place, and so is the first of a pair
        ("near the Kashen mine", [(2, 3, "PERSON")], [("Kashen mine", "FAC")]),
        ("on the Ahmedbeyli-Fuzuli-Shusha highway", [(6, 7, "GPE")], [("Ahmedbeyli-Fuzuli-Shusha highway", "FAC")]),
        ("the Foo Corridor as the only road", [(1, 3, "FAC")], [("Foo Corridor", "FAC")]),
        ("the Zangezur copper - molybdenum mine", [(1, 2, "ORG")], [("Zangezur copper - molybdenum mine", "FAC")]),
        ("an Armenian village", [(1, 2, "NORP")], [("Armenian", "NORP")]),
        # descriptions, posts, several bodies and abbreviations are not organisations
        ("the international community", [(1, 3, "ORG")], []),
        ("Minister of Foreign Affairs Mirzoyan", [(0, 4, "ORG")], [("Mirzoyan", "PERSON")]),
        ("the Ministries of Foreign Affairs met", [(1, 5, "ORG")], []),
        ("the Co - Chairs said", [(1, 4, "ORG")], []),
        ("reply ASAP", [(1, 2, "ORG")], []),
        # a document is not its author; the author inside stays a mention (doc.spans["nested_ents"])
        ("Judgment of the ICJ", [(0, 4, "ORG")], [("Judgment of the ICJ", "LAW")]),
    ],
)
def test_domain_corrections(blank_nlp, text, ner, expected):
    doc = _with_ner(blank_nlp, text, ner)
    assert [(e.text, e.label_) for e in doc.ents] == expected


def test_names_inside_compound_and_model_names_are_kept_as_nested_mentions(blank_nlp):
    doc = blank_nlp("Complete opening of the Stepanakert-Goris highway.")
    assert [(e.text, e.kb_id_) for e in doc.ents] == [("Stepanakert-Goris highway", "place:stepanakert-goris-highway")]
    assert [(e.text, e.kb_id_) for e in doc.spans["nested_ents"]] == [("Stepanakert", "geonames:146970"), ("Goris", "geonames:174895")]
    single = blank_nlp("The Lachin corridor was closed.")
    assert list(single.spans["nested_ents"]) == []  # a name built on one place is not split
    judged = _with_ner(blank_nlp, "Judgment of the ICJ", [(0, 4, "ORG")])
    assert [(e.text, e.kb_id_) for e in judged.spans["nested_ents"]] == [("ICJ", "org:icj")]


def test_untagged_name_with_a_surname_ending_is_found(blank_nlp):
    doc = blank_nlp("Political scientist Arastun Orujlu said the Eurasian market grew.")
    assert [(e.text, e.label_, e._.source) for e in doc.ents] == [("Arastun Orujlu", "PERSON", "rule")]


@pytest.mark.parametrize(
    "conll, expected",
    [
        # initials the model missed, doing something: an organisation
        ("HBDH/HBDH/PROPN/nsubj/1 carried/carry/VERB/ROOT/1 out/out/ADP/prt/1 an/an/DET/det/4 attack/attack/NOUN/dobj/1 ././PUNCT/punct/1",
         [("HBDH", "ORG", "rule")]),
        ("Later/later/ADV/advmod/2 TIKKO/TIKKO/PROPN/nsubjpass/2 was/be/AUX/auxpass/2 blamed/blame/VERB/ROOT/2 ././PUNCT/punct/2",
         [("TIKKO", "ORG", "rule")]),
        # negative: a weapon's initials (not_names.txt)
        ("An/an/DET/det/1 IED/IED/PROPN/nsubj/2 exploded/explode/VERB/ROOT/2 ././PUNCT/punct/2", []),
        # negative: a headline in capitals
        ("NEW/new/ADJ/amod/1 ARMY/army/PROPN/nsubj/2 formed/form/VERB/ROOT/2 ././PUNCT/punct/2", []),
        # negative: initials that are no subject, or too short
        ("Police/police/NOUN/nsubj/1 detained/detain/VERB/ROOT/1 HBDH/HBDH/PROPN/dobj/1 members/member/NOUN/dobj/1 ././PUNCT/punct/1", []),
        ("AB/AB/PROPN/nsubj/1 attacked/attack/VERB/ROOT/1 ././PUNCT/punct/1", []),
        # negative: a pronoun in capitals, a Roman numeral, a weapon system's initials
        ("THEY/they/PRON/nsubj/1 attacked/attack/VERB/ROOT/1 ././PUNCT/punct/1", []),
        ("World/World/PROPN/compound/1 War/War/PROPN/compound/2 III/III/PROPN/nsubj/3 looms/loom/VERB/ROOT/3 ././PUNCT/punct/3", []),
        ("HIMARS/HIMARS/PROPN/nsubj/1 struck/strike/VERB/ROOT/1 ././PUNCT/punct/1", []),
    ],
)
def test_untagged_initials_that_act_are_an_organisation(blank_nlp, conll, expected):
    rows = [token.split("/") for token in conll.split()]
    doc = Doc(blank_nlp.vocab, words=[r[0] for r in rows], lemmas=[r[1] for r in rows], pos=[r[2] for r in rows],
              deps=[r[3] for r in rows], heads=[int(r[4]) for r in rows])
    doc = blank_nlp.get_pipe("caucasus_entity_fixer")(doc)
    assert [(e.text, e.label_, e._.source) for e in doc.ents] == expected


def test_names_found_only_in_a_title_case_headline_are_dropped(blank_nlp):
    text = "EU Chief Michel Hails Major Breakthrough In Talks\n\nCharles Michel welcomed the statement."
    doc = _with_ner(blank_nlp, text, [(2, 4, "PERSON"), (5, 6, "PERSON")])
    assert [(e.text, e.label_) for e in doc.ents] == [("EU", "ORG"), ("Charles Michel", "PERSON")]
    plain = "EU chief hails a breakthrough in talks with Hikmet Hajiyev\n\nThe statement was welcomed."
    kept = _with_ner(blank_nlp, plain, [(8, 10, "PERSON")])
    assert [e.text for e in kept.ents] == ["EU", "Hikmet Hajiyev"]
    dense = "Talks held\n\nThe statement was made at the Meeting of the OSCE Ministerial Council in Vienna, Austria."
    named = _with_ner(blank_nlp, dense, [(16, 17, "GPE"), (18, 19, "GPE")])
    assert [e.text for e in named.ents] == ["OSCE", "Vienna", "Austria"]  # a sentence full of names is no heading


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Azerbaijan’s Foreign Ministry said", [("Azerbaijan’s Foreign Ministry", "org:mfa-azerbaijan")]),
        ("Azerbaijan's Foreign Ministry said", [("Azerbaijan's Foreign Ministry", "org:mfa-azerbaijan")]),
        ("Trend reported that the trend continued", [("Trend", "org:trend")]),  # one-word names match as written
        ("YEREVAN, March 27", [("YEREVAN", "geonames:616052")]),  # ...or in capitals
        ("Posted on Twitter, now X.", [("Twitter", "org:x")]),  # "X" alone is too ambiguous to look for
        ("The Second Karabakh War ended in 2020.", [("Second Karabakh War", "event:second-karabakh-war")]),
    ],
)
def test_gazetteer_alias_forms(blank_nlp, text, expected):
    assert [(e.text, e.kb_id_) for e in blank_nlp(text).ents] == expected


def test_wire_credit_slashes_split_off_capitalised_words():
    from caucasus_nlp.nlp import split_edge_slashes

    nlp = spacy.blank("en")
    split_edge_slashes(nlp)
    assert [t.text for t in nlp("BAKU, March 14. /TASS/. There")][5:8] == ["/", "TASS", "/."]
    assert [t.text for t in nlp("see https://x.org/a/b/ on 14/03/2023 and/or")] == ["see", "https://x.org/a/b/", "on", "14/03/2023", "and/or"]


def test_compounds_on_a_dotted_abbreviation_split_at_the_hyphen():
    from caucasus_nlp.nlp import split_abbreviation_compounds

    nlp = spacy.blank("en")
    split_abbreviation_compounds(nlp)
    assert [t.text for t in nlp("a U.S.-brokered truce")] == ["a", "U.S.", "-", "brokered", "truce"]
    assert [t.text for t in nlp("a well-known Russian-brokered deal, e-mail")] == ["a", "well", "-", "known", "Russian", "-", "brokered", "deal", ",", "e", "-", "mail"]


@pytest.mark.parametrize(
    "words, tags, lemmas",
    [
        (["Workers", "staged", "a", "rally"], ["NNS", "VBD", "DT", "NN"], ["", "stage", "", ""]),  # not "stag"
        (["Soldiers", "raped", "a", "woman"], ["NNS", "VBD", "DT", "NN"], ["", "rape", "", ""]),
        # negative: forms not listed keep what the lemmatizer gives them
        (["a", "stag", "ran"], ["DT", "NN", "VBD"], ["", "", ""]),
        (["Workers", "rallied"], ["NNS", "VBD"], ["", ""]),
    ],
)
def test_word_forms_the_lemmatizer_gets_wrong_get_their_lemma(words, tags, lemmas):
    from caucasus_nlp.nlp import add_lemma_exceptions

    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler")
    add_lemma_exceptions(nlp)
    doc = Doc(nlp.vocab, words=words, tags=tags)
    assert [t.lemma_ for t in nlp.get_pipe("attribute_ruler")(doc)] == lemmas


@pytest.mark.parametrize(
    "text, ner, expected",
    [
        ("talks in Yevlakh on Thursday", [(2, 3, "PERSON")], [("Yevlakh", "GPE")]),
        ("GRANADA , October 5", [(0, 1, "ORG")], [("GRANADA", "GPE")]),  # far away, but large
        ("Zzyzx said", [(0, 1, "PERSON")], [("Zzyzx", "PERSON")]),  # unknown: left as the model said
        ("Samvel Babayan said", [(0, 2, "PERSON")], [("Samvel Babayan", "PERSON")]),
    ],
)
def test_one_word_names_that_geonames_knows_as_places(blank_nlp, text, ner, expected):
    doc = _with_ner(blank_nlp, text, ner)
    assert [(e.text, e.label_) for e in doc.ents] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("teachers demonstrated in Goma to demand wages", [("Goma", "GPE", "rule")]),
        ("a man was abducted near the village of Gubden", [("Gubden", "GPE", "rule")]),
        ("In Montes Claros , police seized a truck", [("Montes Claros", "GPE", "rule")]),  # the longest name GeoNames knows
        ("workers protested outside Shush", [("Shush", "GPE", "rule")]),
        ("citizens from Redeyef protested", [("Redeyef", "GPE", "rule")]),
        ("militants attacked a post in Pul-e Khumri district", [("Pul-e Khumri", "GPE", "rule")]),  # a hyphen joins a lower-case word
        ("medics protested in the central district of Kyiv", [("Kyiv", "GPE", "rule")]),  # "of" after an area noun
        ("troops shelled positions west of Rafah", [("Rafah", "GPE", "rule")]),  # a compass word and "of"
        # a word of direction between the preposition and the name; "the area of" as "the village of", then a comma
        ("activists gathered in central Van", [("Van", "GPE", "rule")]),
        ("shells fell in the area of Spartak , Donetsk", [("Spartak", "GPE", "rule"), ("Donetsk", "GPE", "rule")]),
        # negative: months, unknown names, a capitalised word not after a locative, a Title Case headline
        ("talks resumed in May", []),
        ("they met in Zzyzxville", []),
        ("they met in central Zzyzxville", []),
        ("they met in Northern Ireland", []),  # a capitalised direction word is part of the name, not skipped
        ("support from Zzyzxville came", []),
        ("the party of Goma said", []),  # "of" alone opens no place
        ("the mine of Goma closed", []),  # nor after a noun of a facility
        ("Goma teachers demonstrated", []),
        ("Hrant Mikaelian - Genocide in Progress | Ep 280\n\nThe text.", []),
    ],
)
def test_a_name_geonames_knows_after_a_locative_preposition_is_a_place(blank_nlp, text, expected):
    doc = _with_ner(blank_nlp, text, [])
    assert [(e.text, e.label_, e._.source) for e in doc.ents] == expected


@pytest.mark.parametrize(
    "text, ner, expected",
    [
        # the model called the town an organisation or a person
        ("police seized a truck in Montes Claros", [(5, 7, "ORG")], [("Montes Claros", "GPE", "rule")]),
        ("men protested in Kapsabet after a raid", [(3, 4, "PERSON")], [("Kapsabet", "GPE", "rule")]),
        # negative: the preposition is inside the organisation's name, and a name not after a locative stays
        ("the Organisation for Security and Cooperation in Europe met", [(1, 8, "ORG")],
         [("Organisation for Security and Cooperation in Europe", "ORG", "ner")]),
        ("Kapsabet said", [(0, 1, "PERSON")], [("Kapsabet", "PERSON", "ner")]),
        # ...or a work of art or a nationality
        ("grenades fell near Hnutove", [(3, 4, "WORK_OF_ART")], [("Hnutove", "GPE", "rule")]),
        ("rioters blocked a road in Halba", [(5, 6, "NORP")], [("Halba", "GPE", "rule")]),
        ("Halba rioters blocked a road", [(0, 1, "NORP")], [("Halba", "NORP", "ner")]),
        # an organisation the model ran on into its town is the organisation and the town; not a continent, not an unknown name
        ("they protested outside the Cabinet of Ministers in Kyiv", [(3, 9, "ORG")],
         [("Cabinet of Ministers", "ORG", "ner+fix"), ("Kyiv", "GPE", "ner+fix")]),
        ("the Embassy in Zzyzxville said", [(1, 4, "ORG")], [("Embassy in Zzyzxville", "ORG", "ner")]),
        # a town and its province read as one name are two places where the last is a GeoNames name
        ("in Santa Fe , Ocotepeque , men shot a driver", [(1, 5, "ORG")],
         [("Santa Fe", "GPE", "ner+fix"), ("Ocotepeque", "GPE", "ner+fix")]),
        ("in Khairpur , Sindh , police fired", [(1, 4, "ORG")], [("Khairpur", "GPE", "ner+fix"), ("Sindh", "GPE", "ner+fix")]),
        ("Smith , Jones and Partners said", [(0, 5, "ORG")], [("Smith , Jones and Partners", "ORG", "ner")]),  # a lower-case word: no list of places
        ("Zorbex , Qwzzt said", [(0, 3, "ORG")], [("Zorbex , Qwzzt", "ORG", "ner")]),  # the last name is no place
        ("the Oshimili North , council said", [(1, 4, "ORG")], [("Oshimili North", "ORG", "ner+fix")]),  # a span cut after its comma
        # the places that hold a place, in brackets after it (ACLED's "X (district, province)")
        ("a man was abducted in Bambofa ( Dori , Seno )", [(5, 6, "GPE")],
         [("Bambofa", "GPE", "ner"), ("Dori", "GPE", "rule"), ("Seno", "GPE", "rule")]),
        # a place the model cut at a hyphen runs on where GeoNames knows the whole, and only there
        ("medics protested in Ivano-Frankivsk", [(3, 4, "GPE")], [("Ivano-Frankivsk", "GPE", "ner+fix")]),
        ("the Zorbex-Quillan talks", [(1, 2, "GPE")], [("Zorbex", "GPE", "ner")]),
        # ...but a name the model labelled after a place and a comma stays as it is
        ("in Moscow , Ivan Grantovsky said", [(1, 2, "GPE"), (3, 5, "PERSON")], [("Moscow", "GPE", "ner"), ("Ivan Grantovsky", "PERSON", "ner")]),
    ],
)
def test_a_town_the_model_mislabelled_after_a_locative_preposition_is_a_place(blank_nlp, text, ner, expected):
    doc = _with_ner(blank_nlp, text, ner)
    assert [(e.text, e.label_, e._.source) for e in doc.ents] == expected


@pytest.mark.parametrize(
    "text, starts",
    [
        ("Leaders meet in Prague\n\nPashinyan met Aliyev.", ["Pashinyan"]),
        ("YEREVAN, May 5.\n\nThousands rallied.\n\nPolice watched.", ["Thousands", "Police"]),
        ("A line\nwrapped inside a paragraph.", []),  # one line break is not a paragraph
    ],
)
def test_a_blank_line_starts_a_sentence(text, starts):
    nlp = spacy.blank("en")
    doc = nlp.add_pipe("caucasus_paragraph_breaks")(nlp.make_doc(text))
    assert [t.text for t in doc[1:] if t.is_sent_start] == starts


@pytest.mark.parametrize(
    "text, not_starts",
    [
        ("Georgia considers the plan unacceptable.", ["considers", "the", "plan", "unacceptable"]),
        ("He left. then she came", ["left", "she", "came"]),  # after a full stop the parser decides
        ("Talks in 2023 resumed.", ["in", "resumed"]),
    ],
)
def test_a_lowercase_word_after_a_word_starts_no_sentence(text, not_starts):
    nlp = spacy.blank("en")
    doc = nlp.add_pipe("caucasus_paragraph_breaks")(nlp.make_doc(text))
    assert [t.text for t in doc if t.is_sent_start is False] == not_starts


@pytest.mark.parametrize("text", ["", "Talks", "\n\n"])
def test_paragraph_breaks_take_empty_and_one_token_texts(text):
    nlp = spacy.blank("en")
    doc = nlp.add_pipe("caucasus_paragraph_breaks")(nlp.make_doc(text))
    assert [t.is_sent_start for t in doc] == ([True] if len(doc) else [])


def test_paragraph_breaks_refuse_a_parsed_doc():
    """Boundaries set after the parser would contradict its tree: the component belongs before it."""
    nlp = spacy.blank("en")
    doc = Doc(nlp.vocab, words=["Talks", "resumed", "."], heads=[1, 1, 1], deps=["nsubj", "ROOT", "punct"])
    with pytest.raises(ValueError, match="before the parser"):
        nlp.add_pipe("caucasus_paragraph_breaks")(doc)


def _headline_doc(headline: str, body: str) -> Doc:
    """A blank Doc of a headline paragraph and a body whose first word starts a sentence."""
    doc = spacy.blank("en")(f"{headline}\n\n{body}")
    end = next(t.i for t in doc if "\n" in t.text)
    for token in doc:
        token.is_sent_start = token.i in (0, end + 1)
    return doc


def _lemma_tables():
    """The rule lemmatizer's three tables, for a handful of words: what english_word reads."""
    from spacy.lookups import Lookups

    lookups = Lookups()
    lookups.add_table("lemma_index", {"verb": ["host", "urge", "resume", "meet"], "noun": ["talk", "party", "leader", "protest"], "adj": ["useful"], "adv": []})
    lookups.add_table("lemma_exc", {"verb": {"held": ["hold"]}})
    lookups.add_table("lemma_rules", {"verb": [["s", ""]], "noun": [["s", ""], ["ies", "y"]], "adj": [], "adv": []})

    class Lemmatizer:
        pass

    lemmatizer = Lemmatizer()
    lemmatizer.lookups = lookups
    return lemmatizer


@pytest.mark.parametrize("word, expected", [
    ("hosts", True), ("talks", True), ("parties", True), ("held", True), ("useful", True), ("between", True),
    # negatives: names and words the tables do not know
    ("putin", False), ("mikaelian", False), ("hostss", False),
])
def test_english_word_reads_the_lemmatizer_tables(word, expected):
    from caucasus_nlp.components import english_word

    assert english_word(word, _lemma_tables()) is expected


def test_english_word_without_a_lemmatizer_knows_stop_words_only():
    from caucasus_nlp.components import english_word

    assert (english_word("between"), english_word("hosts")) == (True, False)


@pytest.mark.parametrize("headline, body, expected", [
    ("Putin Hosts Useful Talks Between Armenian, Azeri Leaders", "The talks were held in Sochi.",
     ["Putin", "hosts", "useful", "talks", "between", "Armenian", ",", "Azeri", "leaders"]),
    # a name the body writes capitalised inside a sentence, a country, a first word, capitals: kept
    ("Protests Resume In Turkey As Leaders Meet NATO", "Crowds met the Leaders of the opposition.",
     ["Protests", "resume", "in", "Turkey", "as", "Leaders", "meet", "NATO"]),
    # a word no dictionary has stays a name
    ("Hrant Mikaelian Urges Parties", "He spoke.", ["Hrant", "Mikaelian", "urges", "parties"]),
])
def test_sentence_case_lowers_the_english_words_of_a_headline(headline, body, expected):
    from caucasus_nlp.components import sentence_case

    doc = _headline_doc(headline, body)
    end = next(t.i for t in doc if "\n" in t.text)
    assert sentence_case(doc[:end], doc[end + 1 :], _lemma_tables()) == expected
