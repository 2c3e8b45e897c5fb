"""Event arguments over hand-built parses: the small model's known mistakes, reproduced exactly, and
what the event rules make of them. No statistical model is loaded."""

from caucasus_nlp.extract.events import event_mentions
from parses import ARMENIA, GEORGIA, RUSSIA, TURKEY, named, parsed


def test_an_owner_the_parser_hung_on_a_date_owns_the_subject():
    # "She noted that on April 9 Russia's envoy met with Armenians.": the parser reads "Russia" as
    # an apposition of the date, so the subject of "met" is "envoy" alone
    doc = parsed("She/she/PRON/nsubj/1 noted/note/VERB/ROOT/1 that/that/SCONJ/mark/9 on/on/ADP/prep/9 April/April/PROPN/pobj/3 "
                  "9/9/NUM/nummod/4 Russia/Russia/PROPN/appos/4 \u2019s/\u2019s/PART/case/6 envoy/envoy/NOUN/nsubj/9 "
                  "met/meet/VERB/ccomp/1 with/with/ADP/prep/9 Armenians/Armenians/PROPN/pobj/10 ././PUNCT/punct/1")
    (event,) = event_mentions(doc, named(doc, {6: ("GPE", RUSSIA), 11: ("NORP", None)}), [])
    assert (event.event_type, event.actors, event.targets) == ("CONSULT", (RUSSIA,), (ARMENIA,))


def test_no_owner_is_taken_without_a_possessive():
    # "On Sunday the envoy met Armenians.": nothing before the subject owns it
    doc = parsed("On/on/ADP/prep/4 Sunday/Sunday/PROPN/pobj/0 the/the/DET/det/3 envoy/envoy/NOUN/nsubj/4 met/meet/VERB/ROOT/4 "
                  "Armenians/Armenians/PROPN/dobj/4 ././PUNCT/punct/4")
    (event,) = event_mentions(doc, named(doc, {5: ("NORP", None)}), [])
    assert (event.actors, event.targets) == ((), (ARMENIA,))


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


def test_an_auxiliary_cut_off_by_a_parenthetical_gives_its_subject_to_the_participle():
    # "The statement noted that Georgia had, as a sign of trust, supported Turkey's bid.": "had" is read
    # as a verb of its own with "Georgia" as subject, and "supported" as a clause of "noted"
    doc = parsed("The/the/DET/det/1 statement/statement/NOUN/nsubj/2 noted/note/VERB/ROOT/2 that/that/SCONJ/mark/5 "
                  "Georgia/Georgia/PROPN/nsubj/5 had/have/VERB/ccomp/2 ,/,/PUNCT/punct/5 as/as/ADP/prep/13 a/a/DET/det/9 "
                  "sign/sign/NOUN/pobj/7 of/of/ADP/prep/9 trust/trust/NOUN/pobj/10 ,/,/PUNCT/punct/13 "
                  "supported/support/VERB/advcl/2 Turkey/Turkey/PROPN/poss/16 's/'s/PART/case/14 bid/bid/NOUN/dobj/13 "
                  "././PUNCT/punct/2")
    (event,) = event_mentions(doc, named(doc, {4: ("GPE", GEORGIA), 14: ("GPE", TURKEY)}), [])
    assert (event.subtype, event.actors, event.targets) == ("bid_support", (GEORGIA,), (TURKEY,))


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


def test_a_subject_cut_off_by_a_parenthetical_is_the_subject():
    # "But Georgia, in a position of strength, has not agreed to these terms.": the parser hangs "Georgia"
    # on the verb as a noun-phrase modifier; not agreeing is a refusal
    doc = parsed("But/but/CCONJ/cc/11/CC Georgia/Georgia/PROPN/npadvmod/11/NNP ,/,/PUNCT/punct/11/, in/in/ADP/prep/11/IN "
                  "a/a/DET/det/5/DT position/position/NOUN/pobj/3/NN of/of/ADP/prep/5/IN strength/strength/NOUN/pobj/6/NN "
                  ",/,/PUNCT/punct/11/, has/have/AUX/aux/11/VBZ not/not/PART/neg/11/RB agreed/agree/VERB/ROOT/11/VBN "
                  "to/to/ADP/prep/11/IN these/these/DET/det/14/DT terms/term/NOUN/pobj/12/NNS ././PUNCT/punct/11/.")
    (event,) = event_mentions(doc, named(doc, {1: ("GPE", GEORGIA)}), [])
    assert (event.event_type, event.subtype, event.actors) == ("REJECT", "refusal", (GEORGIA,))

