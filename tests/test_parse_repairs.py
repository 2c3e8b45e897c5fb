"""Event arguments over hand-built parses: the small model's known mistakes, reproduced exactly, and
what the event rules make of them. No statistical model is loaded."""

from caucasus_nlp.extract.events import event_mentions
from parses import GEORGIA, RUSSIA, TURKEY, named, parsed


def test_a_second_subject_the_parser_read_as_an_object_acts_in_its_own_clause():
    # "Georgia will return four soldiers and Turkey will return two soldiers.": "Turkey" hangs on the
    # first clause's object, and the second "return" has no subject
    doc = parsed("Georgia/Georgia/PROPN/nsubj/2 will/will/AUX/aux/2 return/return/VERB/ROOT/2 four/four/NUM/nummod/4 "
                  "soldiers/soldier/NOUN/dobj/2 and/and/CCONJ/cc/4 Turkey/Turkey/PROPN/conj/4 will/will/AUX/aux/8 "
                  "return/return/VERB/conj/2 two/two/NUM/nummod/10 soldiers/soldier/NOUN/dobj/8 ././PUNCT/punct/2")
    events = event_mentions(doc, named(doc, {0: ("GPE", GEORGIA), 6: ("GPE", TURKEY)}), [])
    assert [(e.subtype, e.actors, e.targets, e.quantity) for e in events] == [
        ("prisoner_return", (GEORGIA,), (), 4), ("prisoner_return", (TURKEY,), (), 2)]


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
