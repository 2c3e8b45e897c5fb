"""Parse repairs (caucasus_parse_repairs, resources/events/repairs.jsonl) and the small model's other
known mistakes, over hand-built parses that reproduce them exactly; no statistical model is loaded.
CASES is the repairs' table, one row per repair id, as the event stage tables have it (see parses.check_row)."""

import pytest

from caucasus_nlp.extract.events import event_mentions
from caucasus_nlp.parse_repairs import ParseRepairs
from parses import ARMENIA, AZERBAIJAN, GEORGIA, RUSSIA, TURKEY, check_row, named, parsed

CASES = [
    # In Kutaisi, Imereti, police of Georgia attacked protesters. (the subject folded into the place phrase that opens the clause)
    pytest.param("repair:located_subject",
        "In/in/ADP/prep/8/IN Kutaisi/Kutaisi/PROPN/nmod/5/NNP ,/,/PUNCT/punct/1/, Imereti/Imereti/PROPN/appos/1/NNP ,/,/PUNCT/punct/1/, "
        "police/police/NOUN/pobj/0/NN of/of/ADP/prep/5/IN Georgia/Georgia/PROPN/pobj/6/NNP attacked/attack/VERB/ROOT/8/VBD "
        "protesters/protester/NOUN/dobj/8/NNS ././PUNCT/punct/8/.",
        {1: ("GPE", "geonames:613607"), 3: ("GPE", "geonames:612126"), 7: ("GPE", GEORGIA)},
        [("ASSAULT", "attack", ("actor:POL:GE",), ("actor:PRO:GE",), "asserted", "geonames:613607", None,
          "trigger:attack:any:attack+repair:located_subject+role:home_place+role:generic_actor+role:object+attribute:place")],
        {}, id="subject_folded_into_the_place_phrase"),
    # negative: In Kutaisi police attacked protesters. (no comma between the place and the noun: nothing repaired)
    pytest.param("repair:located_subject",
        "In/in/ADP/prep/3/IN Kutaisi/Kutaisi/PROPN/compound/2/NNP police/police/NOUN/pobj/0/NN attacked/attack/VERB/ROOT/3/VBD "
        "protesters/protester/NOUN/dobj/3/NNS ././PUNCT/punct/3/.",
        {1: ("GPE", "geonames:613607")},
        [("ASSAULT", "attack", (), ("actor:PRO:GE",), "asserted", "geonames:613607", None, "trigger:attack:any:attack+role:object+role:generic_actor+attribute:place")],
        {}, id="no_comma_no_subject"),
    # Georgia will return four Armenian soldiers and Turkey will return two Azerbaijani soldiers.
    pytest.param("repair:stray_subject",
        "Georgia/Georgia/PROPN/nsubj/2/NNP will/will/AUX/aux/2/MD return/return/VERB/ROOT/2/VB four/four/NUM/nummod/5/CD Armenian/armenian/ADJ/amod/5/JJ "
        "soldiers/soldier/NOUN/dobj/2/NNS and/and/CCONJ/cc/5/CC Turkey/Turkey/PROPN/conj/5/NNP will/will/AUX/aux/9/MD return/return/VERB/conj/2/VB "
        "two/two/NUM/nummod/12/CD Azerbaijani/Azerbaijani/PROPN/compound/12/NNP soldiers/soldier/NOUN/dobj/9/NNS ././PUNCT/punct/2/.",
        {0: ("GPE", GEORGIA), 4: ("NORP", None), 7: ("GPE", TURKEY), 11: ("NORP", None)},
        [("CONCEDE", "prisoner_return", (GEORGIA,), (ARMENIA,), "planned", None, 4, "trigger:return:verb:prisoner_return+role:subject+role:object+modality:planned+attribute:quantity"),
         ("CONCEDE", "prisoner_return", (TURKEY,), (AZERBAIJAN,), "planned", None, 2, "trigger:return:verb:prisoner_return+repair:stray_subject+role:object+modality:planned+attribute:quantity")],
        {}, id="second_subject_read_as_object"),
    # On Thursday Azerbaijan released 32 Armenian servicemen at the Margara crossing.
    pytest.param("repair:stray_subject",
        "On/on/ADP/prep/3/IN Thursday/Thursday/PROPN/compound/2/NNP Azerbaijan/Azerbaijan/PROPN/pobj/0/NNP released/release/VERB/ROOT/3/VBD 32/32/NUM/nummod/6/CD "
        "Armenian/armenian/ADJ/amod/6/JJ servicemen/serviceman/NOUN/dobj/3/NNS at/at/ADP/prep/3/IN the/the/DET/det/10/DT Margara/Margara/PROPN/compound/10/NNP "
        "crossing/crossing/NOUN/pobj/7/NN ././PUNCT/punct/3/.",
        {1: ("DATE", None), 2: ("GPE", AZERBAIJAN), 5: ("NORP", None), 9: ("LOC", "geonames:613075")},
        [("CONCEDE", "prisoner_release", (AZERBAIJAN,), (ARMENIA,), "asserted", "geonames:613075", 32, "trigger:release:verb:prisoner_release+repair:stray_subject+role:object+attribute:place+attribute:quantity")],
        {}, id="subject_after_a_date"),
    # Turkey, meanwhile, has exhorted Azerbaijan to continue its offensive and offered its ally unconditional support.
    # (the name before the parenthesis read as the verb's npadvmod; "offered", joined to the infinitive, goes with "has exhorted")
    pytest.param("repair:stray_subject",
        "Turkey/Turkey/PROPN/npadvmod/5/NNP ,/,/PUNCT/punct/5/, meanwhile/meanwhile/ADV/advmod/5/RB ,/,/PUNCT/punct/5/, has/have/AUX/aux/5/VBZ "
        "exhorted/exhort/VERB/ROOT/5/VBN Azerbaijan/Azerbaijan/PROPN/dobj/5/NNP to/to/PART/aux/8/TO continue/continue/VERB/advcl/5/VB its/its/PRON/poss/10/PRP$ "
        "offensive/offensive/NOUN/dobj/8/NN and/and/CCONJ/cc/8/CC offered/offer/VERB/conj/8/VBD its/its/PRON/poss/14/PRP$ ally/ally/NOUN/nmod/16/NN "
        "unconditional/unconditional/ADJ/amod/16/JJ support/support/NOUN/dobj/12/NN ././PUNCT/punct/5/.",
        {0: ("GPE", TURKEY), 6: ("GPE", AZERBAIJAN)},
        [("ASSAULT", "military_offensive", (AZERBAIJAN,), (), "asserted", None, None, "trigger:offensive:noun:military_offensive+role:light_verb+repair:stray_subject"),
         ("SUPPORT", "statement_support", (TURKEY,), (), "asserted", None, None,
          "trigger:support:noun:statement_support+role:light_verb+role:finite_conjunct+repair:stray_subject")],
        {}, id="subject_read_as_npadvmod"),
    # On Sunday the envoy met Armenians.
    pytest.param("repair:stray_subject",
        "On/on/ADP/prep/4/IN Sunday/Sunday/PROPN/pobj/0/NNP the/the/DET/det/3/DT envoy/envoy/NOUN/nsubj/4/NN met/meet/VERB/ROOT/4/VBD "
        "Armenians/Armenians/PROPN/dobj/4/NNPS ././PUNCT/punct/4/.",
        {1: ("DATE", None), 5: ("NORP", None)},
        [("CONSULT", "meeting", (), (ARMENIA,), "asserted", None, None, "trigger:meet:verb:meeting+role:object")],
        {}, id="no_name_before_the_verb"),
]


@pytest.mark.parametrize("rule_id, sentences, names, expected, context", CASES)
def test_repair(rule_id, sentences, names, expected, context):
    check_row(rule_id, sentences, names, expected, **context)


def test_a_repair_left_out_of_the_components_config_records_nothing():
    # "On Thursday Azerbaijan released prisoners.": the model reads "Thursday Azerbaijan" as the date's object
    doc = parsed("On/on/ADP/prep/3/IN Thursday/Thursday/PROPN/compound/2/NNP Azerbaijan/Azerbaijan/PROPN/pobj/0/NNP "
                 "released/release/VERB/ROOT/3/VBD prisoners/prisoner/NOUN/dobj/3/NNS ././PUNCT/punct/3/.")
    named(doc, {1: ("DATE", None), 2: ("GPE", AZERBAIJAN)})
    assert doc._.subject_repairs == {3: ("repair:stray_subject", (2,))}
    assert ParseRepairs(repairs=[])(doc)._.subject_repairs == {}

def test_a_second_subject_the_parser_read_as_an_object_acts_in_its_own_clause():
    # "Georgia will return four soldiers and Turkey will return two soldiers.": "Turkey" hangs on the
    # first clause's object, and the second "return" has no subject
    doc = parsed("Georgia/Georgia/PROPN/nsubj/2 will/will/AUX/aux/2 return/return/VERB/ROOT/2 four/four/NUM/nummod/4 "
                  "soldiers/soldier/NOUN/dobj/2 and/and/CCONJ/cc/4 Turkey/Turkey/PROPN/conj/4 will/will/AUX/aux/8 "
                  "return/return/VERB/conj/2 two/two/NUM/nummod/10 soldiers/soldier/NOUN/dobj/8 ././PUNCT/punct/2")
    events = event_mentions(doc, named(doc, {0: ("GPE", GEORGIA), 6: ("GPE", TURKEY)}), [])
    assert [(e.subtype, e.actors, e.targets, e.quantity) for e in events] == [
        ("prisoner_return", (GEORGIA,), ("actor:MIL",), 4), ("prisoner_return", (TURKEY,), ("actor:MIL",), 2)]


def test_a_subject_the_parser_took_for_an_object_beats_a_clause_it_took_for_the_subject():
    # 'They said that "moved by goodwill" Georgia will free 5 soldiers and Turkey will free two soldiers.':
    # the second "free" gets the quoted participle as clausal subject and "Turkey" as the first object's conjunct
    doc = parsed("They/they/PRON/nsubj/1 said/say/VERB/ROOT/1 that/that/SCONJ/mark/16 \"/\"/PUNCT/punct/16 "
                  "moved/move/VERB/csubj/16 by/by/ADP/agent/4 goodwill/goodwill/NOUN/pobj/5 \"/\"/PUNCT/punct/9 "
                  "Georgia/Georgia/PROPN/nsubj/10 will/will/AUX/aux/10 free/free/VERB/conj/4 5/5/NUM/nummod/12 "
                  "soldiers/soldier/NOUN/dobj/10 and/and/CCONJ/cc/12 Turkey/Turkey/PROPN/conj/12 will/will/AUX/aux/16 "
                  "free/free/VERB/ccomp/1 two/two/NUM/nummod/18 soldiers/soldier/NOUN/dobj/16 ././PUNCT/punct/1")
    events = event_mentions(doc, named(doc, {8: ("GPE", GEORGIA), 14: ("GPE", TURKEY)}), [])
    assert [(e.subtype, e.actors) for e in events] == [("prisoner_release", (GEORGIA,)), ("prisoner_release", (TURKEY,))]


def test_a_finite_verb_the_parser_joined_to_an_infinitive_goes_with_the_finite_verb_before():
    # "Russia calls Georgia's plan to join the pact dangerous and warns Tbilisi.": "warns" hangs on "join",
    # whose owner is Georgia; verbs coordinated share their form, so "calls" is the one it goes with
    doc = parsed("Russia/Russia/PROPN/nsubj/1/NNP calls/call/VERB/ROOT/1/VBZ Georgia/Georgia/PROPN/poss/4/NNP 's/'s/PART/case/2/POS "
                  "plan/plan/NOUN/dobj/1/NN to/to/PART/aux/6/TO join/join/VERB/acl/4/VB the/the/DET/det/8/DT "
                  "pact/pact/NOUN/dobj/6/NN dangerous/dangerous/ADJ/oprd/6/JJ and/and/CCONJ/cc/6/CC "
                  "warns/warn/VERB/conj/6/VBZ Tbilisi/Tbilisi/PROPN/dobj/11/NNP ././PUNCT/punct/1/.")
    mentions = named(doc, {0: ("GPE", RUSSIA), 2: ("GPE", GEORGIA), 12: ("GPE", GEORGIA)})
    (warning,) = [e for e in event_mentions(doc, mentions, []) if e.event_type == "THREATEN"]
    assert (warning.actors, warning.targets) == ((RUSSIA,), (GEORGIA,))


def test_a_finite_verb_joined_to_a_participle_with_its_own_subject_keeps_that_subject():
    # "Turkey, having taken the hill, established control, Gasimov says.": the parser makes "taken" the
    # clause with "Turkey" as subject and "established" its conjunct; Turkey established control, not Gasimov
    doc = parsed("Turkey/Turkey/PROPN/nsubj/3/NNP ,/,/PUNCT/punct/0/, having/have/AUX/aux/3/VBG taken/take/VERB/ccomp/11/VBN "
                  "the/the/DET/det/5/DT hill/hill/NOUN/dobj/3/NN ,/,/PUNCT/punct/3/, established/establish/VERB/conj/3/VBD "
                  "control/control/NOUN/dobj/7/NN ,/,/PUNCT/punct/7/, Gasimov/Gasimov/PROPN/nsubj/11/NNP "
                  "says/say/VERB/ROOT/11/VBZ ././PUNCT/punct/11/.")
    mentions = named(doc, {0: ("GPE", TURKEY), 10: ("PERSON", "person:oktay-gasimov")})
    controls = [e for e in event_mentions(doc, mentions, []) if e.trigger == "established"]
    assert [e.actors for e in controls] == [(TURKEY,)]

