"""Attributes of events: modality, place and quantity: one table row per rule id of resources/events/attributes.jsonl, on hand-built parses of what the
small model makes of each sentence (no statistical model is loaded). A row states what the sentence
codes as: per event (type, subtype, actors, targets, modality, place, quantity, rule_id), and
("dropped", gate id, trigger) per candidate a gate dropped. Where the row's rule fires, the sentence
codes otherwise with the rule switched off; rows where it does not fire are the negative cases."""

import pytest

from caucasus_nlp.extract.events import event_mentions
from caucasus_nlp.extract.events.attributes import long_before
from parses import ARMENIA, AZERBAIJAN, GEORGIA, PARAGRAPH, RUSSIA, TURKEY, article, check_row, dated, named

# headline, lead and body of a short report
LEAD_REPORT = (
    "Riot/riot/NOUN/ROOT/0/NN in/in/ADP/prep/0/IN Rustavi/Rustavi/PROPN/pobj/1/NNP", PARAGRAPH,
    "On/on/ADP/prep/7/IN 9/9/NUM/nummod/2/CD March/March/PROPN/pobj/0/NNP 2020/2020/NUM/nummod/2/CD ,/,/PUNCT/punct/7/, "
    "a/a/DET/det/6/DT riot/riot/NOUN/nsubj/7/NN broke/break/VERB/ROOT/7/VBD out/out/ADP/prt/7/RP in/in/ADP/prep/7/IN "
    "Rustavi/Rustavi/PROPN/pobj/9/NNP ././PUNCT/punct/7/.", PARAGRAPH,
    "Police/Police/NOUN/nsubj/1/NNS detained/detain/VERB/ROOT/1/VBD 12/12/NUM/nummod/3/CD rioters/rioter/NOUN/dobj/1/NNS ././PUNCT/punct/1/.",
)
LEAD_NAMES = {2: ("GPE", "geonames:612287"), 14: ("GPE", "geonames:612287"), (5, 8): ("DATE", "2020-03-09")}

# headline, lead (a town named only as what was stormed) and body of a short report
STORMED = (
    "Raid/raid/NOUN/ROOT/0/NN", PARAGRAPH,
    "Forces/force/NOUN/nsubj/1/NNS stormed/storm/VERB/ROOT/1/VBD Rustavi/Rustavi/PROPN/dobj/1/NNP ././PUNCT/punct/1/.", PARAGRAPH,
    "Police/Police/NOUN/nsubj/1/NNS detained/detain/VERB/ROOT/1/VBD 12/12/NUM/nummod/3/CD rioters/rioter/NOUN/dobj/1/NNS ././PUNCT/punct/1/.",
)
MADEN, ELAZIG = "geonames:305041", "geonames:315808"
MADEN_DISTRICT = ("Maden/Maden/PROPN/compound/1/NNP governorship/governorship/NOUN/nsubj/2/NN halted/halt/VERB/ROOT/2/VBD entries/entry/NOUN/dobj/2/NNS "
                  "from/from/ADP/prep/3/IN the/the/DET/det/7/DT {district} ././PUNCT/punct/2/.")

DETAINED = "Police/Police/NOUN/nsubj/1/NNS detained/detain/VERB/ROOT/1/VBD 12/12/NUM/nummod/3/CD rioters/rioter/NOUN/dobj/1/NNS ././PUNCT/punct/1/."

CASES = [
    # Armenia did not release the prisoners.
    pytest.param("modality:negated",
        "Armenia/Armenia/PROPN/nsubj/3/NNP did/do/AUX/aux/3/VBD not/not/PART/neg/3/RB release/release/VERB/ROOT/3/VB the/the/DET/det/5/DT "
        "prisoners/prisoner/NOUN/dobj/3/NNS ././PUNCT/punct/3/.",
        {0: ("GPE", ARMENIA)},
        [("CONCEDE", "prisoner_release", (ARMENIA,), (), "negated", None, None, "trigger:release:verb:prisoner_release+role:subject+modality:negated")],
        {}, id="negated"),
    # The Armenians refused to meet in Baku.
    pytest.param("modality:refused",
        "The/the/DET/det/1/DT Armenians/Armenians/PROPN/nsubj/2/NNPS refused/refuse/VERB/ROOT/2/VBD to/to/PART/aux/4/TO meet/meet/VERB/xcomp/2/VB "
        "in/in/ADP/prep/4/IN Baku/Baku/PROPN/pobj/5/NNP ././PUNCT/punct/2/.",
        {1: ("NORP", None), 6: ("GPE", "geonames:587084")},
        [("REJECT", "refusal", (ARMENIA,), (), "asserted", None, None, "trigger:refuse:verb:refusal+role:subject"),
         ("CONSULT", "meeting", (ARMENIA,), (), "refused", "geonames:587084", None, "trigger:meet:verb:meeting+role:climb+role:subject+modality:refused+attribute:place")],
        {}, id="refused"),
    # Azerbaijan could attack Armenia: hypothetical, and so dropped by gate:unasserted (test_event_gates has the gate's rows)
    pytest.param("modality:hypothetical",
        "Azerbaijan/Azerbaijan/PROPN/nsubj/2/NNP could/could/AUX/aux/2/MD attack/attack/VERB/ROOT/2/VB Armenia/Armenia/PROPN/dobj/2/NNP ././PUNCT/punct/2/.",
        {0: ("GPE", AZERBAIJAN), 3: ("GPE", ARMENIA)},
        [("dropped", "gate:unasserted", "attack")],
        {}, id="hypothetical"),
    # Ararat Mirzoyan was ready to meet Jeyhun Bayramov in Washington.
    pytest.param("modality:proposed",
        "Ararat/Ararat/PROPN/compound/1/NNP Mirzoyan/Mirzoyan/PROPN/nsubj/2/NNP was/be/AUX/ROOT/2/VBD ready/ready/ADJ/acomp/2/JJ to/to/PART/aux/5/TO "
        "meet/meet/VERB/xcomp/3/VB Jeyhun/Jeyhun/PROPN/compound/7/NNP Bayramov/Bayramov/PROPN/dobj/5/NNP in/in/ADP/prep/5/IN Washington/Washington/PROPN/pobj/8/NNP "
        "././PUNCT/punct/2/.",
        {(0, 2): ("PERSON", "person:ararat-mirzoyan"), (6, 8): ("PERSON", "person:jeyhun-bayramov"), 9: ("GPE", "geonames:4140963")},
        [("CONSULT", "meeting", ("person:ararat-mirzoyan",), ("person:jeyhun-bayramov",), "proposed", "geonames:4140963", None, "trigger:meet:verb:meeting+role:climb+role:subject+role:object+modality:proposed+attribute:place")],
        {}, id="proposed"),
    # Azerbaijan will release 32 Armenian servicemen.
    pytest.param("modality:planned",
        "Azerbaijan/Azerbaijan/PROPN/nsubj/2/NNP will/will/AUX/aux/2/MD release/release/VERB/ROOT/2/VB 32/32/NUM/nummod/5/CD Armenian/armenian/ADJ/amod/5/JJ "
        "servicemen/serviceman/NOUN/dobj/2/NNS ././PUNCT/punct/2/.",
        {0: ("GPE", AZERBAIJAN), 4: ("NORP", None)},
        [("CONCEDE", "prisoner_release", (AZERBAIJAN,), (ARMENIA,), "planned", None, 32, "trigger:release:verb:prisoner_release+role:subject+role:object+modality:planned+attribute:quantity")],
        {}, id="planned"),
    # Azerbaijan released 32 Armenian servicemen.
    pytest.param("modality:planned",
        "Azerbaijan/Azerbaijan/PROPN/nsubj/1/NNP released/release/VERB/ROOT/1/VBD 32/32/NUM/nummod/4/CD Armenian/armenian/ADJ/amod/4/JJ servicemen/serviceman/NOUN/dobj/1/NNS "
        "././PUNCT/punct/1/.",
        {0: ("GPE", AZERBAIJAN), 3: ("NORP", None)},
        [("CONCEDE", "prisoner_release", (AZERBAIJAN,), (ARMENIA,), "asserted", None, 32, "trigger:release:verb:prisoner_release+role:subject+role:object+attribute:quantity")],
        {}, id="asserted"),
    # Lavrov met Davutoglu in Ankara.
    pytest.param("attribute:place",
        "Lavrov/Lavrov/PROPN/nsubj/1/NNP met/meet/VERB/ROOT/1/VBD Davutoglu/Davutoglu/PROPN/dobj/1/NNP in/in/ADP/prep/1/IN Ankara/Ankara/PROPN/pobj/3/NNP "
        "././PUNCT/punct/1/.",
        {0: ("PERSON", "person:sergei-lavrov"), 2: ("PERSON", None), 4: ("GPE", "geonames:323786")},
        [("CONSULT", "meeting", ("person:sergei-lavrov",), (), "asserted", "geonames:323786", None, "trigger:meet:verb:meeting+role:subject+attribute:place")],
        {}, id="place"),
    # Georgia held talks with Turkey in Ankara.
    pytest.param("attribute:place",
        "Georgia/Georgia/PROPN/nsubj/1/NNP held/hold/VERB/ROOT/1/VBD talks/talk/NOUN/dobj/1/NNS with/with/ADP/prep/2/IN Turkey/Turkey/PROPN/pobj/3/NNP "
        "in/in/ADP/prep/2/IN Ankara/Ankara/PROPN/pobj/5/NNP ././PUNCT/punct/1/.",
        {0: ("GPE", GEORGIA), 4: ("GPE", TURKEY), 6: ("GPE", "geonames:323786")},
        [("CONSULT", "negotiation", (GEORGIA,), (TURKEY,), "asserted", "geonames:323786", None, "trigger:talk:noun:negotiation+role:light_verb+role:subject+role:target_prep+attribute:place")],
        {}, id="place_not_a_participant"),
    # Turkey freed two Georgian soldiers.
    pytest.param("attribute:quantity",
        "Turkey/Turkey/PROPN/nsubj/1/NNP freed/free/VERB/ROOT/1/VBD two/two/NUM/nummod/4/CD Georgian/georgian/ADJ/amod/4/JJ soldiers/soldier/NOUN/dobj/1/NNS "
        "././PUNCT/punct/1/.",
        {0: ("GPE", TURKEY), 3: ("NORP", None)},
        [("CONCEDE", "prisoner_release", (TURKEY,), (GEORGIA,), "asserted", None, 2, "trigger:free:verb:prisoner_release+role:subject+role:object+attribute:quantity")],
        {}, id="quantity_word"),
    # Georgia released 12 prisoners in Batumi.
    pytest.param("attribute:quantity",
        "Georgia/Georgia/PROPN/nsubj/1/NNP released/release/VERB/ROOT/1/VBD 12/12/NUM/nummod/3/CD prisoners/prisoner/NOUN/dobj/1/NNS in/in/ADP/prep/1/IN "
        "Batumi/Batumi/PROPN/pobj/4/NNP ././PUNCT/punct/1/.",
        {0: ("GPE", GEORGIA), 5: ("GPE", "geonames:615532")},
        [("CONCEDE", "prisoner_release", (GEORGIA,), (), "asserted", "geonames:615532", 12, "trigger:release:verb:prisoner_release+role:subject+attribute:place+attribute:quantity")],
        {}, id="quantity_number"),
    # Protesters who had gathered in Kutaisi demanded higher wages. (the place is not in the trigger's own phrases)
    pytest.param("attribute:sentence_place",
        "Protesters/protester/NOUN/nsubj/6/NNS who/who/PRON/nsubj/3/WP had/have/AUX/aux/3/VBD gathered/gather/VERB/relcl/0/VBN "
        "in/in/ADP/prep/3/IN Kutaisi/Kutaisi/PROPN/pobj/4/NNP demanded/demand/VERB/ROOT/6/VBD higher/high/ADJ/amod/8/JJR "
        "wages/wage/NOUN/dobj/6/NNS ././PUNCT/punct/6/.",
        {5: ("GPE", "geonames:613607")},
        [("REQUEST", "demand", ("actor:PRO:GE",), (), "asserted", "geonames:613607", None, "trigger:demand:verb:demand+role:subject+role:generic_actor+attribute:sentence_place")],
        {}, id="sentence_place"),
    # Residents of Kutaisi protested. (the people's home is where they act)
    pytest.param("attribute:sentence_named_place",
        "Residents/resident/NOUN/nsubj/3/NNS of/of/ADP/prep/0/IN Kutaisi/Kutaisi/PROPN/pobj/1/NNP protested/protest/VERB/ROOT/3/VBD ././PUNCT/punct/3/.",
        {2: ("GPE", "geonames:613607")},
        [("PROTEST", "protest", ("actor:PRO:GE",), (), "asserted", "geonames:613607", None,
          "trigger:protest:any:protest+role:subject+role:home_place+role:generic_actor+attribute:sentence_named_place")],
        {}, id="home_of_the_people"),
    # Protesters criticised the governor of Kutaisi. (a person's office, not where people are from: no place)
    pytest.param("attribute:sentence_named_place",
        "Protesters/protester/NOUN/nsubj/1/NNS criticised/criticise/VERB/ROOT/1/VBD the/the/DET/det/3/DT governor/governor/NOUN/dobj/1/NN "
        "of/of/ADP/prep/3/IN Kutaisi/Kutaisi/PROPN/pobj/4/NNP ././PUNCT/punct/1/.",
        {5: ("GPE", "geonames:613607")},
        [("ACCUSE", "criticism", ("actor:PRO",), ("geonames:613607",), "asserted", None, None,
          "trigger:criticise:verb:criticism+role:subject+role:generic_actor+role:object")],
        {}, id="office_of_a_place_is_no_home"),
    # Workers demonstrated in Balcova, Izmir. (the parse hangs Izmir on the verb; the words before it open a locative chain)
    pytest.param("attribute:locative_chain",
        "Workers/worker/NOUN/nsubj/1/NNS demonstrated/demonstrate/VERB/ROOT/1/VBD in/in/ADP/prep/1/IN Balcova/Balcova/PROPN/pobj/2/NNP "
        ",/,/PUNCT/punct/1/, Izmir/Izmir/PROPN/npadvmod/1/NNP ././PUNCT/punct/1/.",
        {5: ("GPE", "geonames:311046")},
        [("PROTEST", "protest", ("actor:PRO:TR",), (), "asserted", "geonames:311046", None,
          "trigger:demonstrate:verb:protest+role:subject+role:generic_actor+attribute:sentence_place+attribute:locative_chain")],
        {}, id="locative_chain"),
    # Troops shelled positions west of Rafah. (a compass word opens the chain as a locative preposition does)
    pytest.param("attribute:locative_chain",
        "Troops/troop/NOUN/nsubj/1/NNS shelled/shell/VERB/ROOT/1/VBD positions/position/NOUN/dobj/1/NNS west/west/ADV/advmod/1/RB "
        "of/of/ADP/prep/3/IN Rafah/Rafah/PROPN/pobj/4/NNP ././PUNCT/punct/1/.",
        {5: ("GPE", "geonames:281129")},
        [("ASSAULT", "shelling", ("actor:MIL",), (), "asserted", "geonames:281129", None,
          "trigger:shell:verb:shelling+role:subject+role:generic_actor+attribute:sentence_place+attribute:locative_chain")],
        {}, id="compass_word_chain"),
    # Troops shelled positions because of Rafah. (an ordinary word before "of": no place)
    pytest.param("attribute:locative_chain",
        "Troops/troop/NOUN/nsubj/1/NNS shelled/shell/VERB/ROOT/1/VBD positions/position/NOUN/dobj/1/NNS because/because/ADV/advmod/1/RB "
        "of/of/ADP/prep/3/IN Rafah/Rafah/PROPN/pobj/4/NNP ././PUNCT/punct/1/.",
        {5: ("GPE", "geonames:281129")},
        [("ASSAULT", "shelling", ("actor:MIL",), (), "asserted", None, None, "trigger:shell:verb:shelling+role:subject+role:generic_actor")],
        {}, id="no_chain_after_an_ordinary_of"),
    # Gunmen fired at a Georgia patrol, injuring two in Kutaisi. (a country of the own phrase yields to the sentence's town)
    pytest.param("attribute:sentence_place",
        "Gunmen/gunman/NOUN/nsubj/1/NNS fired/fire/VERB/ROOT/1/VBD at/at/ADP/prep/1/IN a/a/DET/det/5/DT Georgia/Georgia/PROPN/compound/5/NNP "
        "patrol/patrol/NOUN/pobj/2/NN ,/,/PUNCT/punct/1/, injuring/injure/VERB/advcl/1/VBG two/two/NUM/dobj/7/CD in/in/ADP/prep/7/IN "
        "Kutaisi/Kutaisi/PROPN/pobj/9/NNP ././PUNCT/punct/1/.",
        {4: ("GPE", GEORGIA), 10: ("GPE", "geonames:613607")},
        [("ASSAULT", "shelling", ("actor:REB:GE",), (), "asserted", "geonames:613607", None,
          "trigger:fire:verb:shelling+role:subject+role:generic_actor+attribute:sentence_place"),
         ("ASSAULT", "attack", ("actor:REB:GE",), (), "asserted", "geonames:613607", 2,
          "trigger:injure:verb:attack+role:climb+role:subject+role:generic_actor+attribute:place+attribute:quantity")],
        {}, id="country_yields_to_a_town"),
    # negative: Gunmen fired at a Georgia patrol. (no town: the country stays)
    pytest.param("attribute:sentence_place",
        "Gunmen/gunman/NOUN/nsubj/1/NNS fired/fire/VERB/ROOT/1/VBD at/at/ADP/prep/1/IN a/a/DET/det/5/DT Georgia/Georgia/PROPN/compound/5/NNP "
        "patrol/patrol/NOUN/pobj/2/NN ././PUNCT/punct/1/.",
        {4: ("GPE", GEORGIA)},
        [("ASSAULT", "shelling", ("actor:REB:GE",), (), "asserted", GEORGIA, None,
          "trigger:fire:verb:shelling+role:subject+role:generic_actor+attribute:place")],
        {}, id="country_without_a_town"),
    # The Kutaisi office was attacked in Kutaisi. (the object of the own locative is the place, though a participant names it)
    pytest.param("attribute:place",
        "The/the/DET/det/2/DT Kutaisi/Kutaisi/PROPN/compound/2/NNP office/office/NOUN/nsubjpass/4/NN was/be/AUX/auxpass/4/VBD "
        "attacked/attack/VERB/ROOT/4/VBN in/in/ADP/prep/4/IN Kutaisi/Kutaisi/PROPN/pobj/5/NNP ././PUNCT/punct/4/.",
        {1: ("GPE", "geonames:613607"), 6: ("GPE", "geonames:613607")},
        [("ASSAULT", "attack", (), ("geonames:613607",), "asserted", "geonames:613607", None, "trigger:attack:any:attack+role:subject+attribute:place")],
        {}, id="participant_town_in_own_phrase"),
    # negative: Russian troops were attacked in Russia. (a participant country is not the place)
    pytest.param("attribute:place",
        "Russian/russian/ADJ/amod/1/JJ troops/troop/NOUN/nsubjpass/3/NNS were/be/AUX/auxpass/3/VBD attacked/attack/VERB/ROOT/3/VBN "
        "in/in/ADP/prep/3/IN Russia/Russia/PROPN/pobj/4/NNP ././PUNCT/punct/3/.",
        {0: ("NORP", None), 5: ("GPE", RUSSIA)},
        [("ASSAULT", "attack", (), (RUSSIA,), "asserted", None, None, "trigger:attack:any:attack+role:subject")],
        {}, id="participant_country_is_no_place"),
    # Russia launched a bombardment targeting militants west of Kutaisi. (a participle describing a noun event is no clause of its own)
    pytest.param("attribute:sentence_place",
        "Russia/Russia/PROPN/nsubj/1/NNP launched/launch/VERB/ROOT/1/VBD a/a/DET/det/3/DT bombardment/bombardment/NOUN/dobj/1/NN "
        "targeting/target/VERB/acl/3/VBG militants/militant/NOUN/dobj/4/NNS west/west/ADV/advmod/5/RB of/of/ADP/prep/6/IN "
        "Kutaisi/Kutaisi/PROPN/pobj/7/NNP ././PUNCT/punct/1/.",
        {0: ("GPE", RUSSIA), 8: ("GPE", "geonames:613607")},
        [("ASSAULT", "shelling", (RUSSIA,), (), "asserted", "geonames:613607", None,
          "trigger:bombardment:noun:shelling+role:light_verb+role:subject+attribute:sentence_place+attribute:locative_chain")],
        {}, id="participle_of_a_noun_event"),
    # negative: Russia announced a bombardment to punish militants west of Kutaisi. (an infinitive is a clause of its own)
    pytest.param("attribute:sentence_place",
        "Russia/Russia/PROPN/nsubj/1/NNP announced/announce/VERB/ROOT/1/VBD a/a/DET/det/3/DT bombardment/bombardment/NOUN/dobj/1/NN "
        "to/to/PART/aux/5/TO punish/punish/VERB/acl/3/VB militants/militant/NOUN/dobj/5/NNS west/west/ADV/advmod/6/RB of/of/ADP/prep/7/IN "
        "Kutaisi/Kutaisi/PROPN/pobj/8/NNP ././PUNCT/punct/1/.",
        {0: ("GPE", RUSSIA), 9: ("GPE", "geonames:613607")},
        [("ASSAULT", "shelling", (RUSSIA,), (), "asserted", None, None, "trigger:bombardment:noun:shelling+role:light_verb+role:subject")],
        {}, id="infinitive_of_a_noun_event"),
    # Militants were killed in Cemce area (unknown location) of Kutaisi district. (a bracketed aside does not break the chain)
    pytest.param("attribute:locative_chain",
        "Militants/militant/NOUN/nsubjpass/2/NNS were/be/AUX/auxpass/2/VBD killed/kill/VERB/ROOT/2/VBN in/in/ADP/prep/2/IN Cemce/Cemce/PROPN/compound/5/NNP "
        "area/area/NOUN/pobj/3/NN (/(/PUNCT/punct/7/-LRB- unknown/unknown/ADJ/amod/8/JJ location/location/NOUN/appos/5/NN )/)/PUNCT/punct/8/-RRB- "
        "of/of/ADP/prep/2/IN Kutaisi/Kutaisi/PROPN/compound/12/NNP district/district/NOUN/npadvmod/2/NN ././PUNCT/punct/2/.",
        {(11, 13): ("GPE", "geonames:613607")},
        [("ASSAULT", "killing", (), ("actor:REB:GE",), "asserted", "geonames:613607", None,
          "trigger:kill:verb:killing+role:subject+role:generic_actor+attribute:sentence_place+attribute:locative_chain")],
        {}, id="chain_over_an_aside"),
    # negative: Militants were killed (unknown location) of Kutaisi district. (no locative word before the aside)
    pytest.param("attribute:locative_chain",
        "Militants/militant/NOUN/nsubjpass/2/NNS were/be/AUX/auxpass/2/VBD killed/kill/VERB/ROOT/2/VBN (/(/PUNCT/punct/2/-LRB- unknown/unknown/ADJ/amod/5/JJ "
        "location/location/NOUN/appos/2/NN )/)/PUNCT/punct/2/-RRB- of/of/ADP/prep/2/IN Kutaisi/Kutaisi/PROPN/compound/9/NNP district/district/NOUN/npadvmod/2/NN "
        "././PUNCT/punct/2/.",
        {(8, 10): ("GPE", "geonames:613607")},
        [("ASSAULT", "killing", (), ("actor:REB",), "asserted", None, None, "trigger:kill:verb:killing+role:subject+role:generic_actor")],
        {}, id="aside_opens_no_chain"),
    # Russia shelled Kutaisi. (the town an attack is done to is where it happened)
    pytest.param("attribute:target_place",
        "Russia/Russia/PROPN/nsubj/1/NNP shelled/shell/VERB/ROOT/1/VBD Kutaisi/Kutaisi/PROPN/dobj/1/NNP ././PUNCT/punct/1/.",
        {0: ("GPE", RUSSIA), 2: ("GPE", "geonames:613607")},
        [("ASSAULT", "shelling", (RUSSIA,), ("geonames:613607",), "asserted", "geonames:613607", None,
          "trigger:shell:verb:shelling+role:subject+role:object+attribute:target_place")],
        {}, id="target_place"),
    # negative: Russia attacked Georgia. (a country says little of where)
    pytest.param("attribute:target_place",
        "Russia/Russia/PROPN/nsubj/1/NNP attacked/attack/VERB/ROOT/1/VBD Georgia/Georgia/PROPN/dobj/1/NNP ././PUNCT/punct/1/.",
        {0: ("GPE", RUSSIA), 2: ("GPE", GEORGIA)},
        [("ASSAULT", "attack", (RUSSIA,), (GEORGIA,), "asserted", None, None, "trigger:attack:any:attack+role:subject+role:object")],
        {}, id="target_country_is_no_place"),
    # negative: Russia criticised Kutaisi. (criticism is not done where its target is)
    pytest.param("attribute:target_place",
        "Russia/Russia/PROPN/nsubj/1/NNP criticised/criticise/VERB/ROOT/1/VBD Kutaisi/Kutaisi/PROPN/dobj/1/NNP ././PUNCT/punct/1/.",
        {0: ("GPE", RUSSIA), 2: ("GPE", "geonames:613607")},
        [("ACCUSE", "criticism", (RUSSIA,), ("geonames:613607",), "asserted", None, None, "trigger:criticise:verb:criticism+role:subject+role:object")],
        {}, id="target_place_of_a_statement"),
    # Workers demonstrated against the mayor of Izmir. (an ordinary word breaks the chain: no place)
    pytest.param("attribute:locative_chain",
        "Workers/worker/NOUN/nsubj/1/NNS demonstrated/demonstrate/VERB/ROOT/1/VBD against/against/ADP/prep/1/IN the/the/DET/det/4/DT "
        "mayor/mayor/NOUN/pobj/2/NN of/of/ADP/prep/4/IN Izmir/Izmir/PROPN/npadvmod/1/NNP ././PUNCT/punct/1/.",
        {6: ("GPE", "geonames:311046")},
        [("PROTEST", "protest", ("actor:PRO",), (), "asserted", None, None, "trigger:demonstrate:verb:protest+role:subject+role:generic_actor")],
        {}, id="no_chain_through_ordinary_words"),
    # Workers protested on Monday, Izmir. (a weekday breaks the chain: "on Monday" says when, not where)
    pytest.param("attribute:locative_chain",
        "Workers/worker/NOUN/nsubj/1/NNS protested/protest/VERB/ROOT/1/VBD on/on/ADP/prep/1/IN Monday/Monday/PROPN/pobj/2/NNP "
        ",/,/PUNCT/punct/1/, Izmir/Izmir/PROPN/npadvmod/1/NNP ././PUNCT/punct/1/.",
        {5: ("GPE", "geonames:311046")},
        [("PROTEST", "protest", ("actor:PRO",), (), "asserted", None, None, "trigger:protest:any:protest+role:subject+role:generic_actor")],
        {}, id="no_chain_through_a_date"),
    # Riot in Rustavi / On 9 March 2020, a riot broke out in Rustavi. / Police detained 12 rioters.
    # (headline, lead and body paragraphs: the body's event takes the lead's place and date; the headline's riot, the lead's date)
    pytest.param("attribute:lead_place", LEAD_REPORT, LEAD_NAMES,
        [("PROTEST", "riot", ("actor:PRO:GE",), (), "asserted", "geonames:612287", None, "trigger:riot:any:riot+role:protest_default+attribute:place+attribute:lead_date"),
         ("PROTEST", "riot", ("actor:PRO:GE",), (), "asserted", "geonames:612287", None, "trigger:riot:any:riot+role:protest_default+attribute:place"),
         ("COERCE", "detention", ("actor:POL:GE",), ("actor:PRO:GE",), "asserted", "geonames:612287", 12, "trigger:detain:verb:detention+role:subject+role:generic_actor+role:object+attribute:lead_place+attribute:quantity+attribute:lead_date")],
        {}, id="lead_place"),
    # RUSTAVI (dateline) / Police detained 12 rioters. (no place in the text: the dateline's)
    pytest.param("attribute:dateline_place", DETAINED, {},
        [("COERCE", "detention", ("actor:POL",), ("actor:PRO",), "asserted", "geonames:612287", 12,
          "trigger:detain:verb:detention+role:subject+role:generic_actor+role:object+attribute:dateline_place+attribute:quantity")],
        {"dateline": "RUSTAVI"}, id="dateline_place"),
    # BAKU/YEREVAN (a story filed from both): the first place
    pytest.param("attribute:dateline_place", DETAINED, {},
        [("COERCE", "detention", ("actor:POL",), ("actor:PRO",), "asserted", "geonames:587084", 12,
          "trigger:detain:verb:detention+role:subject+role:generic_actor+role:object+attribute:dateline_place+attribute:quantity")],
        {"dateline": "BAKU/YEREVAN"}, id="dateline_pair"),
    # a dateline no place links to lends nothing
    pytest.param("attribute:dateline_place", DETAINED, {},
        [("COERCE", "detention", ("actor:POL",), ("actor:PRO",), "asserted", None, 12,
          "trigger:detain:verb:detention+role:subject+role:generic_actor+role:object+attribute:quantity")],
        {"dateline": "ZZYZXVILLE, Nowhere"}, id="unknown_dateline"),
    # Riot / On 9 March 2020, a riot broke out. / Police detained 12 rioters in Rustavi. (the body's own place, the lead's date)
    pytest.param("attribute:lead_date", (
        "Riot/riot/NOUN/ROOT/0/NN", PARAGRAPH,
        "On/on/ADP/prep/7/IN 9/9/NUM/nummod/2/CD March/March/PROPN/pobj/0/NNP 2020/2020/NUM/nummod/2/CD ,/,/PUNCT/punct/7/, "
        "a/a/DET/det/6/DT riot/riot/NOUN/nsubj/7/NN broke/break/VERB/ROOT/7/VBD out/out/ADP/prt/7/RP ././PUNCT/punct/7/.", PARAGRAPH,
        "Police/Police/NOUN/nsubj/1/NNS detained/detain/VERB/ROOT/1/VBD 12/12/NUM/nummod/3/CD rioters/rioter/NOUN/dobj/1/NNS "
        "in/in/ADP/prep/1/IN Rustavi/Rustavi/PROPN/pobj/4/NNP ././PUNCT/punct/1/.",
    ),
        {(3, 6): ("DATE", "2020-03-09"), 18: ("GPE", "geonames:612287")},
        [("PROTEST", "riot", ("actor:PRO",), (), "asserted", None, None, "trigger:riot:any:riot+role:protest_default+attribute:lead_date"),
         ("PROTEST", "riot", ("actor:PRO",), (), "asserted", None, None, "trigger:riot:any:riot+role:protest_default"),
         ("COERCE", "detention", ("actor:POL:GE",), ("actor:PRO:GE",), "asserted", "geonames:612287", 12, "trigger:detain:verb:detention+role:subject+role:generic_actor+role:object+attribute:place+attribute:quantity+attribute:lead_date")],
        {}, id="lead_date"),
    # Raid / Forces stormed Rustavi. / Police detained 12 rioters. (the lead names the town only as what was
    # stormed: a later event with no place of its own takes it)
    pytest.param("attribute:lead_named_place", STORMED, {4: ("GPE", "geonames:612287")},
        [("COERCE", "detention", ("actor:POL",), ("actor:PRO",), "asserted", "geonames:612287", 12,
          "trigger:detain:verb:detention+role:subject+role:generic_actor+role:object+attribute:lead_named_place+attribute:quantity")],
        {}, id="lead_named_place"),
    # negative: Raid / Forces stormed Rustavi. / Georgia criticised Russia. (a statement is not where the lead's town is)
    pytest.param("attribute:lead_named_place", (*STORMED[:-1], "Georgia/Georgia/PROPN/nsubj/1/NNP criticised/criticise/VERB/ROOT/1/VBD Russia/Russia/PROPN/dobj/1/NNP ././PUNCT/punct/1/."),
        {4: ("GPE", "geonames:612287"), 7: ("GPE", GEORGIA), 9: ("GPE", RUSSIA)},
        [("ACCUSE", "criticism", (GEORGIA,), (RUSSIA,), "asserted", None, None, "trigger:criticise:verb:criticism+role:subject+role:object")],
        {}, id="no_lead_named_place_for_a_statement"),
    # negative: Raid / Forces stormed Georgia. / Police detained 12 rioters. (a country says little of where)
    pytest.param("attribute:lead_named_place", STORMED, {4: ("GPE", GEORGIA)},
        [("COERCE", "detention", ("actor:POL",), ("actor:PRO",), "asserted", None, 12,
          "trigger:detain:verb:detention+role:subject+role:generic_actor+role:object+attribute:quantity")],
        {}, id="no_lead_named_country"),
    # negative: Raid / Forces stormed Rustavi. / Rustavi detained 12 rioters. (the town acts: no place of its own act)
    pytest.param("attribute:lead_named_place", (*STORMED[:-1], "Rustavi/Rustavi/PROPN/nsubj/1/NNP detained/detain/VERB/ROOT/1/VBD "
                                                "12/12/NUM/nummod/3/CD rioters/rioter/NOUN/dobj/1/NNS ././PUNCT/punct/1/."),
        {4: ("GPE", "geonames:612287"), 7: ("GPE", "geonames:612287")},
        [("COERCE", "detention", ("geonames:612287",), ("actor:PRO",), "asserted", None, 12,
          "trigger:detain:verb:detention+role:subject+role:object+role:generic_actor+attribute:quantity")],
        {}, id="no_lead_named_participant"),
    # Maden governorship halted entries from the Maden district of Elazig. (the district, not its province)
    pytest.param("attribute:innermost_place", MADEN_DISTRICT.format(district="Maden/Maden/PROPN/compound/7/NNP district/district/NOUN/pobj/4/NN of/of/ADP/prep/7/IN Elazig/Elazig/PROPN/pobj/8/NNP"),
        {0: ("GPE", MADEN), (6, 8): ("GPE", MADEN), 9: ("GPE", ELAZIG)},
        [("COERCE", "restriction", (MADEN,), (ELAZIG,), "asserted", MADEN, None,
          "trigger:halt:verb:restriction+role:subject+role:object+attribute:target_place+attribute:innermost_place")],
        {}, id="innermost_place"),
    # negative: Maden governorship halted entries from the province of Elazig. (no place inside it: the province)
    pytest.param("attribute:innermost_place", MADEN_DISTRICT.format(district="province/province/NOUN/pobj/4/NN of/of/ADP/prep/6/IN Elazig/Elazig/PROPN/pobj/7/NNP"),
        {0: ("GPE", MADEN), 8: ("GPE", ELAZIG)},
        [("COERCE", "restriction", (MADEN,), (ELAZIG,), "asserted", ELAZIG, None,
          "trigger:halt:verb:restriction+role:subject+role:object+attribute:target_place")],
        {}, id="no_inner_place"),
    # negative: Riot / It is the worst since 1994. / Police detained 12 rioters. (published 2020-03-10: a lead's
    # background year lends no date; the publication date's)
    pytest.param("attribute:lead_date", (
        "Riot/riot/NOUN/ROOT/0/NN", PARAGRAPH,
        "It/it/PRON/nsubj/1/PRP is/be/AUX/ROOT/1/VBZ the/the/DET/det/3/DT worst/bad/ADJ/attr/1/JJS since/since/ADP/prep/3/IN "
        "1994/1994/NUM/pobj/4/CD ././PUNCT/punct/1/.", PARAGRAPH, DETAINED),
        {7: ("DATE", "1994")},
        [("PROTEST", "riot", ("actor:PRO",), (), "asserted", None, None, "trigger:riot:any:riot+role:protest_default+attribute:published_date"),
         ("COERCE", "detention", ("actor:POL",), ("actor:PRO",), "asserted", None, 12,
          "trigger:detain:verb:detention+role:subject+role:generic_actor+role:object+attribute:quantity+attribute:published_date")],
        {"published": "2020-03-10"}, id="no_background_lead_date"),
    # Police detained 12 rioters. (published 2020-03-10; no date in the text: the publication date's)
    pytest.param("attribute:published_date", DETAINED, {},
        [("COERCE", "detention", ("actor:POL",), ("actor:PRO",), "asserted", None, 12,
          "trigger:detain:verb:detention+role:subject+role:generic_actor+role:object+attribute:quantity+attribute:published_date")],
        {"published": "2020-03-10"}, id="published_date"),
    # Police will detain 12 rioters. (a planned event did not happen on the day of the article)
    pytest.param("attribute:published_date",
        "Police/Police/NOUN/nsubj/2/NNS will/will/AUX/aux/2/MD detain/detain/VERB/ROOT/2/VB 12/12/NUM/nummod/4/CD rioters/rioter/NOUN/dobj/2/NNS ././PUNCT/punct/2/.",
        {},
        [("COERCE", "detention", ("actor:POL",), ("actor:PRO",), "planned", None, 12,
          "trigger:detain:verb:detention+role:subject+role:generic_actor+role:object+modality:planned+attribute:quantity")],
        {"published": "2020-03-10"}, id="planned_no_published_date"),
]


@pytest.mark.parametrize("rule_id, sentences, names, expected, context", CASES)
def test_attribute(rule_id, sentences, names, expected, context):
    check_row(rule_id, sentences, names, expected, **context)


def test_an_event_after_the_lead_says_which_level_gave_its_place_and_date():
    doc = article(LEAD_REPORT)
    (event,) = [e for e in event_mentions(doc, named(doc, LEAD_NAMES), dated(doc, LEAD_NAMES)) if e.trigger == "detained"]
    assert (event.location_id, event.location_precision, event.date, event.date_source) == ("geonames:612287", "lead", "2020-03-09", "lead")


@pytest.mark.parametrize("text_date, expected", [
    pytest.param({(0, 2): ("DATE", "2020-03-08")}, ("2020-03-08", "day", "sentence"), id="own_date_first"),
    pytest.param({}, ("2020-03-10", "day", "publication"), id="publication_date_last"),
])
def test_an_undated_event_that_happened_takes_the_publication_date(text_date, expected):
    sentence = ("Yesterday/yesterday/NOUN/npadvmod/3/NN ,/,/PUNCT/punct/3/, police/police/NOUN/nsubj/3/NNS "
                "detained/detain/VERB/ROOT/3/VBD 12/12/NUM/nummod/5/CD rioters/rioter/NOUN/dobj/3/NNS ././PUNCT/punct/3/.")
    doc = article((sentence,))
    (event,) = event_mentions(doc, named(doc, text_date), dated(doc, text_date), "2020-03-10")
    assert (event.date, event.date_precision, event.date_source) == expected


def test_a_date_of_a_clause_inside_the_event_phrase_is_that_clauses():
    """"held a protest against the decision to hold a parade on 9 May": the protest was on 8 May."""
    sentence = ("On/on/ADP/prep/5/IN 8/8/NUM/nummod/2/CD May/May/PROPN/pobj/0/NNP ,/,/PUNCT/punct/5/, activists/activist/NOUN/nsubj/5/NNS "
                "held/hold/VERB/ROOT/5/VBD a/a/DET/det/7/DT protest/protest/NOUN/dobj/5/NN against/against/ADP/prep/7/IN "
                "the/the/DET/det/10/DT decision/decision/NOUN/pobj/8/NN to/to/PART/aux/12/TO hold/hold/VERB/acl/10/VB a/a/DET/det/14/DT "
                "parade/parade/NOUN/dobj/12/NN on/on/ADP/prep/12/IN 9/9/NUM/nummod/17/CD May/May/PROPN/pobj/15/NNP ././PUNCT/punct/5/.")
    doc = article((sentence,))
    dates = {(1, 3): ("DATE", "2020-05-08"), (16, 18): ("DATE", "2020-05-09")}
    events = event_mentions(doc, named(doc, dates), dated(doc, dates), "2020-05-10")
    assert [(e.trigger, e.date, e.date_source) for e in events if e.event_type == "PROTEST"] == [("protest", "2020-05-08", "sentence")]


def _mention(sent_idx, date, date_source, place=None, place_level=None):
    from caucasus_nlp.extract.events.mention import EventMention

    return EventMention(sent_idx=sent_idx, event_type="PROTEST", subtype="protest", trigger="protested", trigger_start=sent_idx * 100,
                        trigger_lemma="protest", actors=("actor:PRO:GE",), targets=(), location_id=place, date=date,
                        date_precision="day" if date else None, modality="asserted", quantity=None, sentence="", rule_id="",
                        location_precision=place_level, date_source=date_source)


@pytest.mark.parametrize("first, second, expected", [
    # the lead's date beats the publication date lent to the other report, whichever came first
    (("2020-03-10", "publication"), ("2020-03-09", "lead"), ("2020-03-09", "lead")),
    (("2020-03-09", "lead"), ("2020-03-10", "publication"), ("2020-03-09", "lead")),
    # a sentence's own date beats the lead's; on a tie the first report's stands
    (("2020-03-09", "lead"), ("2020-03-08", "sentence"), ("2020-03-08", "sentence")),
    (("2020-03-08", "sentence"), ("2020-03-07", "sentence"), ("2020-03-08", "sentence")),
])
def test_one_event_of_an_article_keeps_the_finest_date_its_reports_give(first, second, expected):
    from caucasus_nlp.extract.events.merge import article_events

    (merged,) = article_events([_mention(1, *first), _mention(2, *second)])
    assert (merged.date, merged.date_source) == expected


def test_one_event_of_an_article_keeps_the_finest_place_its_reports_give():
    from caucasus_nlp.extract.events.merge import article_events

    lead = _mention(1, None, None, "geonames:611717", "lead")
    named = _mention(2, None, None, "geonames:613607", "mentioned")
    (merged,) = article_events([lead, named])
    assert (merged.location_id, merged.location_precision) == ("geonames:613607", "mentioned")


@pytest.mark.parametrize("value, published, expected", [
    ("1994", "2016-04-03", True),  # a background year of the lead
    ("2019-04-03", "2020-04-03", True),  # 366 days: a leap year's
    ("2019-04-04", "2020-04-03", False),  # 365 days
    ("2019-03", "2020-04-03", True),  # the month ended on 31 March 2019
    ("2019-04", "2020-04-03", False),  # ...on 30 April 2019: 339 days
    ("2020", "2020-04-03", False),  # the year of the news
    ("1994", None, False),  # no publication date: nothing to measure against
    ("1994", "2016", False),  # a publication date of a year only
    ("1992-1994", "2016-04-03", False),  # not a date value this measures
])
def test_a_lead_date_long_before_publication_is_background(value, published, expected):
    assert long_before(value, published, 365) is expected
