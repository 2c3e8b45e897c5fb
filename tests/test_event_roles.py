"""Roles of event extraction: actors and targets: one table row per rule id of resources/events/roles.jsonl, on hand-built parses of what the
small model makes of each sentence (no statistical model is loaded). A row states what the sentence
codes as: per event (type, subtype, actors, targets, modality, place, quantity, rule_id), and
("dropped", gate id, trigger) per candidate a gate dropped. Where the row's rule fires, the sentence
codes otherwise with the rule switched off; rows where it does not fire are the negative cases."""

import pytest

from parses import ARMENIA, AZERBAIJAN, GEORGIA, RUSSIA, TURKEY, check_row

CASES = [
    # A clash ensued between Armenia and Azerbaijan. (the model makes "ensued" the noun's acl: still a verb of occurring)
    pytest.param("role:occurring_noun",
        "A/a/DET/det/1/DT clash/clash/NOUN/ROOT/1/NN ensued/ensue/VERB/acl/1/VBD between/between/ADP/prep/2/IN Armenia/Armenia/PROPN/pobj/3/NNP "
        "and/and/CCONJ/cc/4/CC Azerbaijan/Azerbaijan/PROPN/conj/4/NNP ././PUNCT/punct/1/.",
        {4: ("GPE", ARMENIA), 6: ("GPE", AZERBAIJAN)},
        [("ASSAULT", "clash", (ARMENIA, AZERBAIJAN), (), "asserted", None, None, "trigger:clash:any:clash+role:occurring_noun+role:between")],
        {}, id="occurring_reduced_relative"),
    # A clash described by Armenia. (a reduced relative of another verb reports nothing)
    pytest.param("role:occurring_noun",
        "A/a/DET/det/1/DT clash/clash/NOUN/ROOT/1/NN described/describe/VERB/acl/1/VBN by/by/ADP/agent/2/IN Armenia/Armenia/PROPN/pobj/3/NNP ././PUNCT/punct/1/.",
        {4: ("GPE", ARMENIA)},
        [("dropped", "gate:background_noun", "clash")],
        {}, id="not_occurring_reduced_relative"),
    # Students engaged in a violent demonstration. (they demonstrated)
    pytest.param("role:participation",
        "Students/student/NOUN/nsubj/1/NNS engaged/engage/VERB/ROOT/1/VBD in/in/ADP/prep/1/IN a/a/DET/det/5/DT violent/violent/ADJ/amod/5/JJ "
        "demonstration/demonstration/NOUN/pobj/2/NN ././PUNCT/punct/1/.",
        {},
        [("PROTEST", "protest", ("actor:PRO",), (), "asserted", None, None, "trigger:demonstration:noun:protest+role:participation+role:subject+role:generic_actor")],
        {}, id="participation"),
    # Students spoke in a demonstration. (speaking at one is no demonstration of theirs the text reports: no event)
    pytest.param("role:participation",
        "Students/student/NOUN/nsubj/1/NNS spoke/speak/VERB/ROOT/1/VBD in/in/ADP/prep/1/IN a/a/DET/det/4/DT demonstration/demonstration/NOUN/pobj/2/NN ././PUNCT/punct/1/.",
        {},
        [],
        {}, id="no_participation"),
    # Villagers of Kutaisi rallied. (the people are the actor, of their home's country)
    pytest.param("role:home_place",
        "Villagers/villager/NOUN/nsubj/3/NNS of/of/ADP/prep/0/IN Kutaisi/Kutaisi/PROPN/pobj/1/NNP rallied/rally/VERB/ROOT/3/VBD ././PUNCT/punct/3/.",
        {2: ("GPE", "geonames:613607")},
        [("PROTEST", "protest", ("actor:PRO:GE",), (), "asserted", "geonames:613607", None,
          "trigger:rally:verb:protest+role:subject+role:home_place+role:generic_actor+attribute:sentence_named_place")],
        {}, id="home_place"),
    # Police abducted civilians in Kutaisi. (a place in a locative phrase of the object is where, not whom)
    pytest.param("role:object_place",
        "Police/police/NOUN/nsubj/1/NNS abducted/abduct/VERB/ROOT/1/VBD civilians/civilian/NOUN/dobj/1/NNS in/in/ADP/prep/2/IN Kutaisi/Kutaisi/PROPN/pobj/3/NNP ././PUNCT/punct/1/.",
        {4: ("GPE", "geonames:613607")},
        [("COERCE", "abduction", ("actor:POL:GE",), ("actor:CIV:GE",), "asserted", "geonames:613607", None,
          "trigger:abduct:verb:abduction+role:subject+role:generic_actor+role:object_place+role:object+attribute:sentence_place")],
        {}, id="object_place"),
    # Police abducted civilians in Gori district of Kutaisi. (the area a place of the phrase lies in is no target either)
    pytest.param("role:object_place",
        "Police/police/NOUN/nsubj/1/NNS abducted/abduct/VERB/ROOT/1/VBD civilians/civilian/NOUN/dobj/1/NNS in/in/ADP/prep/2/IN Gori/Gori/PROPN/compound/5/NNP "
        "district/district/NOUN/pobj/3/NN of/of/ADP/prep/5/IN Kutaisi/Kutaisi/PROPN/pobj/6/NNP ././PUNCT/punct/1/.",
        {(4, 6): ("GPE", "geonames:614455"), 7: ("GPE", "geonames:613607")},
        [("COERCE", "abduction", ("actor:POL:GE",), ("actor:CIV:GE",), "asserted", "geonames:614455", None,
          "trigger:abduct:verb:abduction+role:subject+role:generic_actor+role:object_place+role:object+attribute:sentence_place")],
        {}, id="object_place_area_of_a_place"),
    # negative: Russia attacked villages of Kutaisi. ("of" says whose villages: the place stays the target)
    pytest.param("role:object_place",
        "Russia/Russia/PROPN/nsubj/1/NNP attacked/attack/VERB/ROOT/1/VBD villages/village/NOUN/dobj/1/NNS of/of/ADP/prep/2/IN Kutaisi/Kutaisi/PROPN/pobj/3/NNP ././PUNCT/punct/1/.",
        {0: ("GPE", RUSSIA), 4: ("GPE", "geonames:613607")},
        [("ASSAULT", "attack", (RUSSIA,), ("geonames:613607",), "asserted", "geonames:613607", None,
          "trigger:attack:any:attack+role:subject+role:object+attribute:target_place")],
        {}, id="object_place_of_phrase"),
    # Troops of Russia attacked Kutaisi. (a state's forces are the state's)
    pytest.param("role:home_place",
        "Troops/troop/NOUN/nsubj/3/NNS of/of/ADP/prep/0/IN Russia/Russia/PROPN/pobj/1/NNP attacked/attack/VERB/ROOT/3/VBD Kutaisi/Kutaisi/PROPN/dobj/3/NNP ././PUNCT/punct/3/.",
        {2: ("GPE", "geonames:2017370"), 4: ("GPE", "geonames:613607")},
        [("ASSAULT", "attack", ("geonames:2017370",), ("geonames:613607",), "asserted", "geonames:613607", None,
          "trigger:attack:any:attack+role:subject+role:object+attribute:target_place")],
        {}, id="forces_of_a_state"),
    # Armenia and Azerbaijan met.
    pytest.param("role:subject",
        "Armenia/Armenia/PROPN/nsubj/3/NNP and/and/CCONJ/cc/0/CC Azerbaijan/Azerbaijan/PROPN/conj/0/NNP met/meet/VERB/ROOT/3/VBD ././PUNCT/punct/3/.",
        {0: ("GPE", ARMENIA), 2: ("GPE", AZERBAIJAN)},
        [("CONSULT", "meeting", (ARMENIA, AZERBAIJAN), (), "asserted", None, None, "trigger:meet:verb:meeting+role:subject")],
        {}, id="subject"),
    # Armenia is set to free four Azerbaijani soldiers.
    pytest.param("role:subject",
        "Armenia/Armenia/PROPN/nsubjpass/2/NNP is/be/AUX/auxpass/2/VBZ set/set/VERB/ROOT/2/VBN to/to/PART/aux/4/TO free/free/VERB/xcomp/2/VB "
        "four/four/NUM/nummod/7/CD Azerbaijani/Azerbaijani/PROPN/compound/7/NNP soldiers/soldier/NOUN/dobj/4/NNS ././PUNCT/punct/2/.",
        {0: ("GPE", ARMENIA), 6: ("NORP", None)},
        [("CONCEDE", "prisoner_release", (ARMENIA,), (AZERBAIJAN,), "planned", None, 4, "trigger:free:verb:prisoner_release+role:climb+role:subject+role:object+modality:planned+attribute:quantity")],
        {}, id="passive_subject_of_complement"),
    # Azerbaijan attacked Armenia.
    pytest.param("role:object",
        "Azerbaijan/Azerbaijan/PROPN/nsubj/1/NNP attacked/attack/VERB/ROOT/1/VBD Armenia/Armenia/PROPN/dobj/1/NNP ././PUNCT/punct/1/.",
        {0: ("GPE", AZERBAIJAN), 2: ("GPE", ARMENIA)},
        [("ASSAULT", "attack", (AZERBAIJAN,), (ARMENIA,), "asserted", None, None, "trigger:attack:any:attack+role:subject+role:object")],
        {}, id="object"),
    # Georgia agreed to the Turkish proposals.
    pytest.param("role:target_prep",
        "Georgia/Georgia/PROPN/nsubj/1/NNP agreed/agree/VERB/ROOT/1/VBD to/to/ADP/prep/1/IN the/the/DET/det/5/DT Turkish/turkish/ADJ/amod/5/JJ "
        "proposals/proposal/NOUN/pobj/2/NNS ././PUNCT/punct/1/.",
        {0: ("GPE", GEORGIA), 4: ("NORP", None)},
        [("AGREE", "agreement", (GEORGIA,), (TURKEY,), "asserted", None, None, "trigger:agree:verb:agreement+role:subject+role:target_prep")],
        {}, id="target_prep"),
    # It was disbanded by its last president, Samvel Shahramanyan. (a by-phrase naming no one: the name in apposition)
    pytest.param("role:agent",
        "It/it/PRON/nsubjpass/2/PRP was/be/AUX/auxpass/2/VBD disbanded/disband/VERB/ROOT/2/VBN by/by/ADP/agent/2/IN its/its/PRON/poss/6/PRP$ "
        "last/last/ADJ/amod/6/JJ president/president/NOUN/pobj/3/NN ,/,/PUNCT/punct/6/, Samvel/Samvel/PROPN/compound/9/NNP "
        "Shahramanyan/Shahramanyan/PROPN/appos/6/NNP ././PUNCT/punct/2/.",
        {(8, 10): ("PERSON", "person:samvel-shahramanyan")},
        [("CONCEDE", "dissolution", ("person:samvel-shahramanyan",), (), "asserted", None, None, "trigger:disband:verb:dissolution+role:agent")],
        {}, id="agent_in_apposition"),
    # Three people were killed by police, Njoro. (a place in apposition names no agent: the police are)
    pytest.param("role:agent",
        "Three/three/NUM/nummod/1/CD people/person/NOUN/nsubjpass/3/NNS were/be/AUX/auxpass/3/VBD killed/kill/VERB/ROOT/3/VBN by/by/ADP/agent/3/IN "
        "police/police/NOUN/pobj/4/NNS ,/,/PUNCT/punct/5/, Njoro/Njoro/PROPN/appos/5/NNP ././PUNCT/punct/3/.",
        {7: ("GPE", "geonames:183334")},
        [("ASSAULT", "killing", ("actor:POL",), ("actor:CIV",), "asserted", None, None, "trigger:kill:verb:killing+role:agent+role:generic_actor+role:subject")],
        {}, id="agent_not_a_place_in_apposition"),
    # The prisoners must be released by Azerbaijan.
    pytest.param("role:agent",
        "The/the/DET/det/1/DT prisoners/prisoner/NOUN/nsubjpass/4/NNS must/must/AUX/aux/4/MD be/be/AUX/auxpass/4/VB released/release/VERB/ROOT/4/VBN "
        "by/by/ADP/agent/4/IN Azerbaijan/Azerbaijan/PROPN/pobj/5/NNP ././PUNCT/punct/4/.",
        {6: ("GPE", AZERBAIJAN)},
        [("CONCEDE", "prisoner_release", (AZERBAIJAN,), (), "asserted", None, None, "trigger:release:verb:prisoner_release+role:agent")],
        {}, id="agent"),
    # Talks were held on invitation from Russia. (a request's from-phrase names its maker)
    pytest.param("role:noun_owner",
        "Talks/talk/NOUN/nsubjpass/2/NNS were/be/AUX/auxpass/2/VBD held/hold/VERB/ROOT/2/VBN on/on/ADP/prep/2/IN invitation/invitation/NOUN/pobj/3/NN "
        "from/from/ADP/prep/4/IN Russia/Russia/PROPN/pobj/5/NNP ././PUNCT/punct/2/.",
        {6: ("GPE", RUSSIA)},
        [("REQUEST", "invitation", (RUSSIA,), (), "asserted", None, None, "trigger:invitation:noun:invitation+role:noun_owner"),
         ("dropped", "gate:background_noun", "Talks")],
        {}, id="request_from"),
    # negative: Troops began a withdrawal from Kutaisi. (the from-phrase of an event that is no request names no maker)
    pytest.param("role:noun_owner",
        "Troops/troop/NOUN/nsubj/1/NNS began/begin/VERB/ROOT/1/VBD a/a/DET/det/3/DT withdrawal/withdrawal/NOUN/dobj/1/NN "
        "from/from/ADP/prep/3/IN Kutaisi/Kutaisi/PROPN/pobj/4/NNP ././PUNCT/punct/1/.",
        {5: ("GPE", "geonames:613607")},
        [("RETREAT", "withdrawal", ("actor:MIL",), ("geonames:613607",), "asserted", None, None,
          "trigger:withdrawal:noun:withdrawal+role:light_verb+role:subject+role:generic_actor+role:target_prep")],
        {}, id="from_phrase_of_no_request"),
    # He cited the mediation efforts by Russia. (the noun a compound event names takes its "by")
    pytest.param("role:noun_owner",
        "He/he/PRON/nsubj/1/PRP cited/cite/VERB/ROOT/1/VBD the/the/DET/det/4/DT mediation/mediation/NOUN/compound/4/NN efforts/effort/NOUN/dobj/1/NNS "
        "by/by/ADP/prep/4/IN Russia/Russia/PROPN/pobj/5/NNP ././PUNCT/punct/1/.",
        {6: ("GPE", RUSSIA)},
        [("CONSULT", "mediation", (RUSSIA,), (), "asserted", None, None, "trigger:mediation:noun:mediation+role:noun_owner")],
        {}, id="compound_owner_by"),
    # Armenia did not prevent the attack by Azerbaijan on Sotk.
    pytest.param("role:noun_owner",
        "Armenia/Armenia/PROPN/nsubj/3/NNP did/do/AUX/aux/3/VBD not/not/PART/neg/3/RB prevent/prevent/VERB/ROOT/3/VB the/the/DET/det/5/DT "
        "attack/attack/NOUN/dobj/3/NN by/by/ADP/prep/5/IN Azerbaijan/Azerbaijan/PROPN/pobj/6/NNP on/on/ADP/prep/5/IN Sotk/Sotk/PROPN/pobj/8/NNP "
        "././PUNCT/punct/3/.",
        {0: ("GPE", ARMENIA), 7: ("GPE", AZERBAIJAN), 9: ("GPE", "geonames:616041")},
        [("ASSAULT", "attack", (AZERBAIJAN,), ("geonames:616041",), "asserted", "geonames:616041", None,
          "trigger:attack:any:attack+role:noun_owner+role:target_prep+attribute:place")],
        {}, id="noun_owner_by"),
    # Harutyunyan was detained by Azerbaijan after its seizure of Artsakh.
    pytest.param("role:noun_owner",
        "Harutyunyan/Harutyunyan/PROPN/nsubjpass/2/NNP was/be/AUX/auxpass/2/VBD detained/detain/VERB/ROOT/2/VBN by/by/ADP/agent/2/IN Azerbaijan/Azerbaijan/PROPN/pobj/3/NNP "
        "after/after/ADP/prep/2/IN its/its/PRON/poss/7/PRP$ seizure/seizure/NOUN/pobj/5/NN of/of/ADP/prep/7/IN Artsakh/Artsakh/PROPN/pobj/8/NNP "
        "././PUNCT/punct/2/.",
        {4: ("GPE", AZERBAIJAN), 9: ("GPE", "place:nagorno-karabakh")},
        [("COERCE", "detention", (AZERBAIJAN,), (), "asserted", None, None, "trigger:detain:verb:detention+role:agent"),
         ("COERCE", "territorial_control", (AZERBAIJAN,), ("place:nagorno-karabakh",), "asserted", "place:nagorno-karabakh", None,
          "trigger:seizure:noun:territorial_control+role:noun_owner+role:referred+attribute:target_place")],
        {}, id="noun_owner_of_patient"),
    # Armenia and Azerbaijan issued a statement. Talks between the two countries resumed in Brussels.
    pytest.param("role:between", (
        "Armenia/Armenia/PROPN/nsubj/3/NNP and/and/CCONJ/cc/0/CC Azerbaijan/Azerbaijan/PROPN/conj/0/NNP issued/issue/VERB/ROOT/3/VBD a/a/DET/det/5/DT "
        "statement/statement/NOUN/dobj/3/NN ././PUNCT/punct/3/.",
        "Talks/talk/NOUN/nsubj/5/NNS between/between/ADP/prep/0/IN the/the/DET/det/4/DT two/two/NUM/nummod/4/CD countries/country/NOUN/pobj/1/NNS "
        "resumed/resume/VERB/ROOT/5/VBD in/in/ADP/prep/5/IN Brussels/Brussels/PROPN/pobj/6/NNP ././PUNCT/punct/5/.",
    ),
        {0: ("GPE", ARMENIA), 2: ("GPE", AZERBAIJAN), 14: ("GPE", "geonames:2800866")},
        [("CONSULT", "negotiation", (ARMENIA, AZERBAIJAN), (), "asserted", "geonames:2800866", None, "trigger:talk:noun:negotiation+role:between+role:referred+attribute:place")],
        {}, id="between"),
    # Clashes erupted between Georgia and Russia. (the verb of occurring carries the noun's parties)
    pytest.param("role:occurring_noun",
        "Clashes/clash/NOUN/nsubj/1/NNS erupted/erupt/VERB/ROOT/1/VBD between/between/ADP/prep/1/IN Georgia/Georgia/PROPN/pobj/2/NNP "
        "and/and/CCONJ/cc/3/CC Russia/Russia/PROPN/conj/3/NNP ././PUNCT/punct/1/.",
        {3: ("GPE", GEORGIA), 5: ("GPE", RUSSIA)},
        [("ASSAULT", "clash", (GEORGIA, RUSSIA), (), "asserted", None, None, "trigger:clash:any:clash+role:occurring_noun+role:between")],
        {}, id="occurring_noun"),
    # Clashes between the two armies were recalled. (no verb of occurring: a background mention)
    pytest.param("role:occurring_noun",
        "Clashes/clash/NOUN/nsubjpass/4/NNS between/between/ADP/prep/0/IN the/the/DET/det/3/DT armies/army/NOUN/pobj/1/NNS were/be/AUX/auxpass/4/VBD "
        "recalled/recall/VERB/ROOT/4/VBN ././PUNCT/punct/4/.",
        {},
        [("dropped", "gate:background_noun", "Clashes")],
        {}, id="not_occurring"),
    # Georgia held talks with Turkey.
    pytest.param("role:light_verb",
        "Georgia/Georgia/PROPN/nsubj/1/NNP held/hold/VERB/ROOT/1/VBD talks/talk/NOUN/dobj/1/NNS with/with/ADP/prep/2/IN Turkey/Turkey/PROPN/pobj/3/NNP "
        "././PUNCT/punct/1/.",
        {0: ("GPE", GEORGIA), 4: ("GPE", TURKEY)},
        [("CONSULT", "negotiation", (GEORGIA,), (TURKEY,), "asserted", None, None, "trigger:talk:noun:negotiation+role:light_verb+role:subject+role:target_prep")],
        {}, id="light_verb"),
    # Georgia condemned the attack.
    pytest.param("role:light_verb",
        "Georgia/Georgia/PROPN/nsubj/1/NNP condemned/condemn/VERB/ROOT/1/VBD the/the/DET/det/3/DT attack/attack/NOUN/dobj/1/NN ././PUNCT/punct/1/.",
        {0: ("GPE", GEORGIA)},
        [("ACCUSE", "criticism", (GEORGIA,), (), "asserted", None, None, "trigger:condemn:verb:criticism+role:subject"),
         ("dropped", "gate:background_noun", "attack")],
        {}, id="event_verb_not_light"),
    # Nikol Pashinyan conveyed his concerns in several conversations with Ilham Aliyev.
    pytest.param("role:occasion",
        "Nikol/Nikol/PROPN/compound/1/NNP Pashinyan/Pashinyan/PROPN/nsubj/2/NNP conveyed/convey/VERB/ROOT/2/VBD his/his/PRON/poss/4/PRP$ concerns/concern/NOUN/dobj/2/NNS "
        "in/in/ADP/prep/2/IN several/several/ADJ/amod/7/JJ conversations/conversation/NOUN/pobj/5/NNS with/with/ADP/prep/7/IN Ilham/Ilham/PROPN/compound/10/NNP "
        "Aliyev/Aliyev/PROPN/pobj/8/NNP ././PUNCT/punct/2/.",
        {(0, 2): ("PERSON", "person:nikol-pashinyan"), (9, 11): ("PERSON", "person:ilham-aliyev")},
        [("CONSULT", "talks", ("person:nikol-pashinyan",), ("person:ilham-aliyev",), "asserted", None, None, "trigger:conversation:noun:talks+role:occasion+role:subject+role:target_prep")],
        {}, id="occasion"),
    # The authorities in Artsakh capitulated. (a state body of a polity the phrase names: the polity)
    pytest.param("role:polity_body",
        "The/the/DET/det/1/DT authorities/authority/NOUN/nsubj/4/NNS in/in/ADP/prep/1/IN Artsakh/Artsakh/PROPN/pobj/2/NNP "
        "capitulated/capitulate/VERB/ROOT/4/VBD ././PUNCT/punct/4/.",
        {3: ("GPE", "place:nagorno-karabakh")},
        [("CONCEDE", "surrender", ("place:nagorno-karabakh",), (), "asserted", None, None, "trigger:capitulate:verb:surrender+role:subject+role:polity_body")],
        {}, id="polity_body"),
    # The authorities in Gyumri capitulated. (a town is no polity: the generic government, the town the place)
    pytest.param("role:polity_body",
        "The/the/DET/det/1/DT authorities/authority/NOUN/nsubj/4/NNS in/in/ADP/prep/1/IN Gyumri/Gyumri/PROPN/pobj/2/NNP "
        "capitulated/capitulate/VERB/ROOT/4/VBD ././PUNCT/punct/4/.",
        {3: ("GPE", "geonames:616635")},
        [("CONCEDE", "surrender", ("actor:GOV",), (), "asserted", "geonames:616635", None,
          "trigger:capitulate:verb:surrender+role:subject+role:generic_actor+attribute:sentence_place")],
        {}, id="town_authorities"),
    # Ararat Mirzoyan left after a meeting with his counterpart. (the one whose counterpart it is met)
    pytest.param("role:counterpart",
        "Ararat/Ararat/PROPN/compound/1/NNP Mirzoyan/Mirzoyan/PROPN/nsubj/2/NNP left/leave/VERB/ROOT/2/VBD after/after/ADP/prep/2/IN a/a/DET/det/5/DT "
        "meeting/meeting/NOUN/pobj/3/NN with/with/ADP/prep/5/IN his/his/PRON/poss/8/PRP$ counterpart/counterpart/NOUN/pobj/6/NN ././PUNCT/punct/2/.",
        {(0, 2): ("PERSON", "person:ararat-mirzoyan")},
        [("CONSULT", "meeting", ("person:ararat-mirzoyan",), (), "asserted", None, None, "trigger:meeting:noun:meeting+role:counterpart+role:referred")],
        {}, id="counterpart"),
    # The envoy left after a meeting with his counterpart. (no one named for "his": no actor)
    pytest.param("role:counterpart",
        "The/the/DET/det/1/DT envoy/envoy/NOUN/nsubj/2/NN left/leave/VERB/ROOT/2/VBD after/after/ADP/prep/2/IN a/a/DET/det/5/DT "
        "meeting/meeting/NOUN/pobj/3/NN with/with/ADP/prep/5/IN his/his/PRON/poss/8/PRP$ counterpart/counterpart/NOUN/pobj/6/NN ././PUNCT/punct/2/.",
        {},
        [("dropped", "gate:background_noun", "meeting")],
        {}, id="counterpart_of_no_one_named"),
    # The deal saw Armenia cede land. (the small model's compound "Armenia cede" of the object: Armenia cedes)
    pytest.param("role:compound_verb",
        "The/the/DET/det/1/DT deal/deal/NOUN/nsubj/2/NN saw/see/VERB/ROOT/2/VBD Armenia/Armenia/PROPN/compound/4/NNP cede/cede/VERB/compound/5/VB "
        "land/land/NOUN/dobj/2/NN ././PUNCT/punct/2/.",
        {3: ("GPE", ARMENIA)},
        [("CONCEDE", "handover", (ARMENIA,), (), "asserted", None, None, "trigger:cede:verb:handover+role:compound_verb")],
        {}, id="compound_verb"),
    # negative: The deal saw border cede land. (no name in the verb's compound: no one cedes)
    pytest.param("role:compound_verb",
        "The/the/DET/det/1/DT deal/deal/NOUN/nsubj/2/NN saw/see/VERB/ROOT/2/VBD border/border/NOUN/compound/4/NN cede/cede/VERB/compound/5/VB "
        "land/land/NOUN/dobj/2/NN ././PUNCT/punct/2/.",
        {},
        [("dropped", "gate:no_participant", "cede")],
        {}, id="compound_verb_without_a_name"),
    # Nikol Pashinyan, at a meeting with the residents, said ... (the parser hangs the occasion on the subject)
    pytest.param("role:occasion",
        "Nikol/Nikol/PROPN/compound/1/NNP Pashinyan/Pashinyan/PROPN/nsubj/10/NNP ,/,/PUNCT/punct/1/, at/at/ADP/prep/1/IN a/a/DET/det/5/DT meeting/meeting/NOUN/pobj/3/NN "
        "with/with/ADP/prep/5/IN the/the/DET/det/8/DT residents/resident/NOUN/pobj/6/NNS ,/,/PUNCT/punct/1/, said/say/VERB/ROOT/10/VBD ././PUNCT/punct/10/.",
        {(0, 2): ("PERSON", "person:nikol-pashinyan")},
        [("CONSULT", "meeting", ("person:nikol-pashinyan",), ("actor:CIV",), "asserted", None, None,
          "trigger:meeting:noun:meeting+role:occasion+role:subject+role:target_prep+role:generic_actor")],
        {}, id="occasion_on_the_subject"),
    # Georgia thanked Turkey for releasing the prisoners.
    pytest.param("role:accused_object",
        "Georgia/Georgia/PROPN/nsubj/1/NNP thanked/thank/VERB/ROOT/1/VBD Turkey/Turkey/PROPN/dobj/1/NNP for/for/ADP/prep/1/IN releasing/release/VERB/pcomp/3/VBG "
        "the/the/DET/det/6/DT prisoners/prisoner/NOUN/dobj/4/NNS ././PUNCT/punct/1/.",
        {0: ("GPE", GEORGIA), 2: ("GPE", TURKEY)},
        [("SUPPORT", "gratitude", (GEORGIA,), (TURKEY,), "asserted", None, None, "trigger:thank:verb:gratitude+role:subject+role:object"),
         ("CONCEDE", "prisoner_release", (TURKEY,), (), "asserted", None, None, "trigger:release:verb:prisoner_release+role:accused_object")],
        {}, id="accused_object"),
    # Russia allowed Georgian officials to meet in Sochi. (what Russia asks is left to gate:requested_act)
    pytest.param("role:xcomp_controller",
        "Russia/Russia/PROPN/nsubj/1/NNP allowed/allow/VERB/ROOT/1/VBD Georgian/georgian/ADJ/amod/3/JJ officials/official/NOUN/dobj/1/NNS to/to/PART/aux/5/TO "
        "meet/meet/VERB/xcomp/1/VB in/in/ADP/prep/5/IN Sochi/Sochi/PROPN/pobj/6/NNP ././PUNCT/punct/1/.",
        {0: ("GPE", RUSSIA), 2: ("NORP", None), 7: ("GPE", "geonames:491422")},
        [("CONSULT", "meeting", (GEORGIA,), (), "asserted", "geonames:491422", None, "trigger:meet:verb:meeting+role:xcomp_controller+attribute:place")],
        {}, id="xcomp_controller"),
    # Ankara called Georgia's decision to join the convention premature.
    pytest.param("role:acl_owner",
        "Ankara/Ankara/PROPN/nsubj/1/NNP called/call/VERB/ROOT/1/VBD Georgia/Georgia/PROPN/poss/4/NNP 's/'s/PART/case/2/POS decision/decision/NOUN/dobj/1/NN "
        "to/to/PART/aux/6/TO join/join/VERB/acl/4/VB the/the/DET/det/8/DT convention/convention/NOUN/dobj/6/NN premature/premature/ADJ/advmod/6/JJ "
        "././PUNCT/punct/1/.",
        {0: ("GPE", "geonames:323786"), 2: ("GPE", GEORGIA)},
        [("AGREE", "treaty_accession", (GEORGIA,), (), "asserted", None, None, "trigger:join:verb:treaty_accession+role:acl_owner")],
        {}, id="acl_owner"),
    # Armenia intends to ratify the Rome Statute.
    pytest.param("role:climb",
        "Armenia/Armenia/PROPN/nsubj/1/NNP intends/intend/VERB/ROOT/1/VBZ to/to/PART/aux/3/TO ratify/ratify/VERB/xcomp/1/VB the/the/DET/det/6/DT "
        "Rome/Rome/PROPN/compound/6/NNP Statute/Statute/PROPN/dobj/3/NNP ././PUNCT/punct/1/.",
        {0: ("GPE", ARMENIA), (5, 7): ("LAW", "law:rome-statute")},
        [("AGREE", "treaty_accession", (ARMENIA,), (), "planned", None, None, "trigger:ratify:verb:treaty_accession+role:climb+role:subject+modality:planned")],
        {}, id="climb"),
    # Russia calls Georgia's plan to join the pact dangerous and warns Tbilisi.
    pytest.param("role:finite_conjunct",
        "Russia/Russia/PROPN/nsubj/1/NNP calls/call/VERB/ROOT/1/VBZ Georgia/Georgia/PROPN/poss/4/NNP 's/'s/PART/case/2/POS plan/plan/NOUN/dobj/1/NN "
        "to/to/PART/aux/6/TO join/join/VERB/acl/4/VB the/the/DET/det/8/DT pact/pact/NOUN/dobj/6/NN dangerous/dangerous/ADJ/oprd/6/JJ "
        "and/and/CCONJ/cc/6/CC warns/warn/VERB/conj/6/VBZ Tbilisi/Tbilisi/PROPN/dobj/11/NNP ././PUNCT/punct/1/.",
        {0: ("GPE", RUSSIA), 2: ("GPE", GEORGIA), 12: ("GPE", "geonames:611717")},
        [("ACCUSE", "criticism", (RUSSIA,), (GEORGIA,), "asserted", None, None, "trigger:call:verb:criticism+role:subject+role:small_clause+role:object"),
         ("THREATEN", "warning", (RUSSIA,), (GEORGIA,), "asserted", None, None, "trigger:warn:verb:warning+role:finite_conjunct+role:subject+role:object")],
        {}, id="finite_conjunct"),
    # The deal was welcomed by France, which praised the leaders.
    pytest.param("role:relative_antecedent",
        "The/the/DET/det/1/DT deal/deal/NOUN/nsubjpass/3/NN was/be/AUX/auxpass/3/VBD welcomed/welcome/VERB/ROOT/3/VBN by/by/ADP/agent/3/IN "
        "France/France/PROPN/pobj/4/NNP ,/,/PUNCT/punct/5/, which/which/PRON/nsubj/8/WDT praised/praise/VERB/relcl/5/VBD the/the/DET/det/10/DT "
        "leaders/leader/NOUN/dobj/8/NNS ././PUNCT/punct/3/.",
        {5: ("GPE", "geonames:3017382")},
        [("SUPPORT", "statement_support", ("geonames:3017382",), (), "asserted", None, None, "trigger:welcome:verb:statement_support+role:agent"),
         ("SUPPORT", "praise", ("geonames:3017382",), (), "asserted", None, None, "trigger:praise:verb:praise+role:relative_antecedent")],
        {}, id="relative_antecedent"),
    # Azerbaijan, strongly urged by Turkey, rejected the proposal. ("backed by" is a standing relation: gate:participle_modifier)
    pytest.param("role:participle_agent",
        "Azerbaijan/Azerbaijan/PROPN/nsubj/7/NNP ,/,/PUNCT/punct/0/, strongly/strongly/ADV/advmod/3/RB urged/urge/VERB/acl/0/VBN by/by/ADP/agent/3/IN "
        "Turkey/Turkey/PROPN/pobj/4/NNP ,/,/PUNCT/punct/0/, rejected/reject/VERB/ROOT/7/VBD the/the/DET/det/9/DT proposal/proposal/NOUN/dobj/7/NN "
        "././PUNCT/punct/7/.",
        {0: ("GPE", AZERBAIJAN), 5: ("GPE", TURKEY)},
        [("REQUEST", "appeal", (TURKEY,), (AZERBAIJAN,), "asserted", None, None, "trigger:urge:verb:appeal+role:participle_agent"),
         ("REJECT", "rejection", (AZERBAIJAN,), (), "asserted", None, None, "trigger:reject:verb:rejection+role:subject")],
        {}, id="participle_agent"),
    # Russia considers the Georgian plans unacceptable.
    pytest.param("role:small_clause",
        "Russia/Russia/PROPN/nsubj/1/NNP considers/consider/VERB/ROOT/1/VBZ the/the/DET/det/3/DT Georgian/Georgian/PROPN/nsubj/4/NNP plans/plan/VERB/nsubj/5/VBZ "
        "unacceptable/unacceptable/ADJ/ccomp/1/JJ ././PUNCT/punct/1/.",
        {0: ("GPE", RUSSIA), 3: ("NORP", None)},
        [("ACCUSE", "criticism", (RUSSIA,), (GEORGIA,), "asserted", None, None, "trigger:consider:verb:criticism+role:subject+role:small_clause")],
        {}, id="small_clause"),
    # Ilham Aliyev spoke in Baku. He welcomed the agreement.
    pytest.param("role:referred", (
        "Ilham/Ilham/PROPN/compound/1/NNP Aliyev/Aliyev/PROPN/nsubj/2/NNP spoke/speak/VERB/ROOT/2/VBD in/in/ADP/prep/2/IN Baku/Baku/PROPN/pobj/3/NNP "
        "././PUNCT/punct/2/.",
        "He/he/PRON/nsubj/1/PRP welcomed/welcome/VERB/ROOT/1/VBD the/the/DET/det/3/DT agreement/agreement/NOUN/dobj/1/NN ././PUNCT/punct/1/.",
    ),
        {(0, 2): ("PERSON", "person:ilham-aliyev"), 4: ("GPE", "geonames:587084")},
        [("SUPPORT", "statement_support", ("person:ilham-aliyev",), (), "asserted", "geonames:587084", None, "trigger:welcome:verb:statement_support+role:subject+role:referred+attribute:lead_place")],
        {}, id="referred"),
    # The Armenian president met the delegation.
    pytest.param("role:office_holder",
        "The/the/DET/det/2/DT Armenian/armenian/ADJ/amod/2/JJ president/president/NOUN/nsubj/3/NN met/meet/VERB/ROOT/3/VBD the/the/DET/det/5/DT "
        "delegation/delegation/NOUN/dobj/3/NN ././PUNCT/punct/3/.",
        {1: ("NORP", None)},
        [("CONSULT", "meeting", ("person:serzh-sargsyan", ARMENIA), (), "asserted", None, None, "trigger:meet:verb:meeting+role:subject+role:office_holder+attribute:published_date")],
        {'published': '2015-05-01'}, id="office_holder"),
    # The Armenian president met the delegation.
    pytest.param("role:office_holder",
        "The/the/DET/det/2/DT Armenian/armenian/ADJ/amod/2/JJ president/president/NOUN/nsubj/3/NN met/meet/VERB/ROOT/3/VBD the/the/DET/det/5/DT "
        "delegation/delegation/NOUN/dobj/3/NN ././PUNCT/punct/3/.",
        {1: ("NORP", None)},
        [("CONSULT", "meeting", ("person:vahagn-khachaturyan", ARMENIA), (), "asserted", None, None, "trigger:meet:verb:meeting+role:subject+role:office_holder+attribute:published_date")],
        {'published': '2023-12-08'}, id="office_holder_of_the_day"),
    # Georgia and Russia set up two working groups on border issues. The Georgian group is headed by Ilia
    # Darchiashvili, Foreign Minister of Georgia. The head of the Georgian group called for talks on the border.
    pytest.param("role:group_leader", (
        "Georgia/Georgia/PROPN/nsubj/3/NNP and/and/CCONJ/cc/0/CC Russia/Russia/PROPN/conj/0/NNP set/set/VERB/ROOT/3/VBD up/up/ADP/prt/3/RP "
        "two/two/NUM/nummod/7/CD working/work/VERB/amod/7/VBG groups/group/NOUN/dobj/3/NNS on/on/ADP/prep/7/IN border/border/NOUN/compound/10/NN "
        "issues/issue/NOUN/pobj/8/NNS ././PUNCT/punct/3/.",
        "The/the/DET/det/2/DT Georgian/georgian/ADJ/amod/2/JJ group/group/NOUN/nsubjpass/4/NN is/be/AUX/auxpass/4/VBZ headed/head/VERB/ROOT/4/VBN "
        "by/by/ADP/agent/4/IN Ilia/Ilia/PROPN/compound/7/NNP Darchiashvili/Darchiashvili/PROPN/pobj/5/NNP ,/,/PUNCT/punct/7/, Foreign/Foreign/PROPN/compound/10/NNP "
        "Minister/Minister/PROPN/appos/7/NNP of/of/ADP/prep/10/IN Georgia/Georgia/PROPN/pobj/11/NNP ././PUNCT/punct/4/.",
        "The/the/DET/det/1/DT head/head/NOUN/nsubj/6/NN of/of/ADP/prep/1/IN the/the/DET/det/5/DT Georgian/georgian/ADJ/amod/5/JJ "
        "group/group/NOUN/pobj/2/NN called/call/VERB/ROOT/6/VBD for/for/ADP/prep/6/IN talks/talk/NOUN/pobj/7/NNS on/on/ADP/prep/8/IN "
        "the/the/DET/det/11/DT border/border/NOUN/pobj/9/NN ././PUNCT/punct/6/.",
    ),
        {0: ("GPE", GEORGIA), 2: ("GPE", RUSSIA), 13: ("NORP", None), (18, 20): ("PERSON", "person:ilia-darchiashvili"), 24: ("GPE", GEORGIA), 30: ("NORP", None)},
        [("REQUEST", "appeal", ("person:ilia-darchiashvili", GEORGIA), (), "asserted", None, None, "trigger:call:verb:appeal+role:subject+role:group_leader")],
        {}, id="group_leader"),
    # Unidentified gunmen killed two civilians in Gyumri.
    pytest.param("role:generic_actor",
        "Unidentified/unidentified/ADJ/amod/1/JJ gunmen/gunman/NOUN/nsubj/2/NNS killed/kill/VERB/ROOT/2/VBD two/two/NUM/nummod/4/CD civilians/civilian/NOUN/dobj/2/NNS "
        "in/in/ADP/prep/2/IN Gyumri/Gyumri/PROPN/pobj/5/NNP ././PUNCT/punct/2/.",
        {6: ("GPE", "geonames:616635")},
        [("ASSAULT", "killing", ("actor:REB:AM",), ("actor:CIV:AM",), "asserted", "geonames:616635", 2, "trigger:kill:verb:killing+role:subject+role:generic_actor+role:object+attribute:place+attribute:quantity")],
        {}, id="generic_actor_and_target"),
    # The body of a man was found in Gyumri. (a body found reports a killing; no one named: an armed group of the place's country)
    pytest.param("role:observed_noun",
        "The/the/DET/det/1/DT body/body/NOUN/nsubjpass/6/NN of/of/ADP/prep/1/IN a/a/DET/det/4/DT man/man/NOUN/pobj/2/NN was/be/AUX/auxpass/6/VBD "
        "found/find/VERB/ROOT/6/VBN in/in/ADP/prep/6/IN Gyumri/Gyumri/PROPN/pobj/7/NNP ././PUNCT/punct/6/.",
        {8: ("GPE", "geonames:616635")},
        [("ASSAULT", "killing", ("actor:REB:AM",), (), "asserted", "geonames:616635", None,
          "trigger:body:noun:killing+role:observed_noun+role:violence_default+attribute:place")],
        {}, id="observed_found_body"),
    # Media reported the arrest of Bako Sahakyan. (an event noun reported is reported, not recalled)
    pytest.param("role:observed_noun",
        "Media/media/NOUN/nsubj/1/NNS reported/report/VERB/ROOT/1/VBD the/the/DET/det/3/DT arrest/arrest/NOUN/dobj/1/NN of/of/ADP/prep/3/IN "
        "Bako/Bako/PROPN/compound/6/NNP Sahakyan/Sahakyan/PROPN/pobj/4/NNP ././PUNCT/punct/1/.",
        {(5, 7): ("PERSON", "person:bako-sahakyan")},
        [("COERCE", "detention", (), ("person:bako-sahakyan",), "asserted", None, None, "trigger:arrest:noun:detention+role:noun_owner+role:observed_noun")],
        {}, id="reported_arrest"),
    # Police found weapons in Gyumri. (what is found that is no event noun reports nothing)
    pytest.param("role:observed_noun",
        "Police/police/NOUN/nsubj/1/NNS found/find/VERB/ROOT/1/VBD weapons/weapon/NOUN/dobj/1/NNS in/in/ADP/prep/1/IN Gyumri/Gyumri/PROPN/pobj/3/NNP ././PUNCT/punct/1/.",
        {4: ("GPE", "geonames:616635")},
        [],
        {}, id="found_no_event"),
    # A truce was signed between Georgia and Turkey. (a passive clause with no agent is done by its parties)
    pytest.param("role:between",
        "A/a/DET/det/1/DT truce/truce/NOUN/nsubjpass/3/NN was/be/AUX/auxpass/3/VBD signed/sign/VERB/ROOT/3/VBN between/between/ADP/prep/3/IN "
        "Georgia/Georgia/PROPN/pobj/4/NNP and/and/CCONJ/cc/5/CC Turkey/Turkey/PROPN/conj/5/NNP ././PUNCT/punct/3/.",
        {5: ("GPE", GEORGIA), 7: ("GPE", TURKEY)},
        [("AGREE", "agreement_signed", (GEORGIA, TURKEY), (), "asserted", None, None, "trigger:sign:verb:agreement_signed+role:between")],
        {}, id="between_passive"),
    # They listed the issues being discussed between Georgia and Turkey. (a clause describing a noun reports no talks)
    pytest.param("role:between",
        "They/they/PRON/nsubj/1/PRP listed/list/VERB/ROOT/1/VBD the/the/DET/det/3/DT issues/issue/NOUN/dobj/1/NNS being/be/AUX/auxpass/5/VBG "
        "discussed/discuss/VERB/acl/3/VBN between/between/ADP/prep/5/IN Georgia/Georgia/PROPN/pobj/6/NNP and/and/CCONJ/cc/7/CC "
        "Turkey/Turkey/PROPN/conj/7/NNP ././PUNCT/punct/1/.",
        {7: ("GPE", GEORGIA), 9: ("GPE", TURKEY)},
        [("dropped", "gate:no_participant", "discussed")],
        {}, id="between_passive_describing_a_noun"),
    # Erdogan's government sent mercenaries. (a state body a named person owns: the person's state)
    pytest.param("role:owner_state",
        "Erdogan/Erdogan/PROPN/poss/2/NNP 's/'s/PART/case/0/POS government/government/NOUN/nsubj/3/NN sent/send/VERB/ROOT/3/VBD "
        "mercenaries/mercenary/NOUN/dobj/3/NNS ././PUNCT/punct/3/.",
        {0: ("PERSON", "person:recep-tayyip-erdogan")},
        [("AID", "military_aid", (TURKEY,), (), "asserted", None, None, "trigger:send:verb:military_aid+role:subject+role:owner_state")],
        {}, id="owner_state"),
    # Erdogan's envoy sent mercenaries. (an envoy is no state body: the person named acts)
    pytest.param("role:owner_state",
        "Erdogan/Erdogan/PROPN/poss/2/NNP 's/'s/PART/case/0/POS envoy/envoy/NOUN/nsubj/3/NN sent/send/VERB/ROOT/3/VBD "
        "mercenaries/mercenary/NOUN/dobj/3/NNS ././PUNCT/punct/3/.",
        {0: ("PERSON", "person:recep-tayyip-erdogan")},
        [("AID", "military_aid", ("person:recep-tayyip-erdogan",), (), "asserted", None, None, "trigger:send:verb:military_aid+role:subject")],
        {}, id="owner_state_not_a_body"),
    # Armed men killed two civilians in Gyumri. (an adjective and its noun before the noun alone: armed men are no civilians)
    pytest.param("role:generic_actor",
        "Armed/armed/ADJ/amod/1/JJ men/man/NOUN/nsubj/2/NNS killed/kill/VERB/ROOT/2/VBD two/two/NUM/nummod/4/CD civilians/civilian/NOUN/dobj/2/NNS "
        "in/in/ADP/prep/2/IN Gyumri/Gyumri/PROPN/pobj/5/NNP ././PUNCT/punct/2/.",
        {6: ("GPE", "geonames:616635")},
        [("ASSAULT", "killing", ("actor:REB:AM",), ("actor:CIV:AM",), "asserted", "geonames:616635", 2, "trigger:kill:verb:killing+role:subject+role:generic_actor+role:object+attribute:place+attribute:quantity")],
        {}, id="generic_actor_adjective_pair"),
    # Two men killed two civilians in Gyumri. (men alone are civilians, so the civilians killed are no other party)
    pytest.param("role:generic_actor",
        "Two/two/NUM/nummod/1/CD men/man/NOUN/nsubj/2/NNS killed/kill/VERB/ROOT/2/VBD two/two/NUM/nummod/4/CD civilians/civilian/NOUN/dobj/2/NNS "
        "in/in/ADP/prep/2/IN Gyumri/Gyumri/PROPN/pobj/5/NNP ././PUNCT/punct/2/.",
        {6: ("GPE", "geonames:616635")},
        [("ASSAULT", "killing", ("actor:CIV:AM",), (), "asserted", "geonames:616635", 2, "trigger:kill:verb:killing+role:subject+role:generic_actor+attribute:place+attribute:quantity")],
        {}, id="generic_actor_noun_alone"),
    # Hundreds of workers rallied in Kutaisi against unpaid wages.
    pytest.param("role:generic_actor",
        "Hundreds/hundred/NOUN/nsubj/3/NNS of/of/ADP/prep/0/IN workers/worker/NOUN/pobj/1/NNS rallied/rally/VERB/ROOT/3/VBD in/in/ADP/prep/3/IN "
        "Kutaisi/Kutaisi/PROPN/pobj/4/NNP against/against/ADP/prep/3/IN unpaid/unpaid/ADJ/amod/8/JJ wages/wage/NOUN/pobj/6/NNS ././PUNCT/punct/3/.",
        {5: ("GPE", "geonames:613607")},
        [("PROTEST", "protest", ("actor:PRO:GE",), (), "asserted", "geonames:613607", None, "trigger:rally:verb:protest+role:subject+role:generic_actor+attribute:place")],
        {}, id="civilians_who_protest_are_protesters"),
    # Azerbaijani forces shelled the village.
    pytest.param("role:generic_actor",
        "Azerbaijani/azerbaijani/ADJ/amod/1/JJ forces/force/NOUN/nsubj/2/NNS shelled/shell/VERB/ROOT/2/VBD the/the/DET/det/4/DT village/village/NOUN/dobj/2/NN "
        "././PUNCT/punct/2/.",
        {0: ("NORP", None)},
        [("ASSAULT", "shelling", (AZERBAIJAN,), (), "asserted", None, None, "trigger:shell:verb:shelling+role:subject")],
        {}, id="a_demonym_names_the_country"),
    # A protest was held in Mogilev.
    pytest.param("role:protest_default",
        "A/a/DET/det/1/DT protest/protest/NOUN/nsubjpass/3/NN was/be/AUX/auxpass/3/VBD held/hold/VERB/ROOT/3/VBN in/in/ADP/prep/3/IN "
        "Mogilev/Mogilev/PROPN/pobj/4/NNP ././PUNCT/punct/3/.",
        {5: ("GPE", "geonames:625665")},
        [("PROTEST", "protest", ("actor:PRO:BY",), (), "asserted", "geonames:625665", None, "trigger:protest:any:protest+role:protest_default+attribute:place")],
        {}, id="protest_default"),
    # Talks were held in Mogilev.
    pytest.param("role:protest_default",
        "Talks/talk/NOUN/nsubjpass/2/NNS were/be/AUX/auxpass/2/VBD held/hold/VERB/ROOT/2/VBN in/in/ADP/prep/2/IN Mogilev/Mogilev/PROPN/pobj/3/NNP "
        "././PUNCT/punct/2/.",
        {4: ("GPE", "geonames:625665")},
        [("dropped", "gate:background_noun", "Talks")],
        {}, id="not_a_protest"),
    # Armenia and Azerbaijan are neighbours. Russia called on both sides to stop the fighting. (the object of "on" is to do it)
    pytest.param("role:xcomp_controller", (
        "Armenia/Armenia/PROPN/nsubj/3/NNP and/and/CCONJ/cc/0/CC Azerbaijan/Azerbaijan/PROPN/conj/0/NNP are/be/AUX/ROOT/3/VBP neighbours/neighbour/NOUN/attr/3/NNS ././PUNCT/punct/3/.",
        "Russia/Russia/PROPN/nsubj/1/NNP called/call/VERB/ROOT/1/VBD on/on/ADP/prep/1/IN both/both/DET/det/4/DT sides/side/NOUN/pobj/2/NNS to/to/PART/aux/6/TO "
        "stop/stop/VERB/xcomp/1/VB the/the/DET/det/8/DT fighting/fighting/NOUN/dobj/6/NN ././PUNCT/punct/1/.",
    ),
        {0: ("GPE", ARMENIA), 2: ("GPE", AZERBAIJAN), 6: ("GPE", RUSSIA)},
        [("REQUEST", "appeal", (RUSSIA,), (), "asserted", None, None, "trigger:call:verb:appeal+role:subject"),
         ("ASSAULT", "clash", (ARMENIA, AZERBAIJAN), (), "proposed", None, None,
          "trigger:fighting:noun:clash+role:light_verb+role:xcomp_controller+role:referred+modality:proposed")],
        {}, id="xcomp_controller_after_on"),
    # Azerbaijan, on the other hand, continues arresting journalists. (an "on" before the verb is no one asked)
    pytest.param("role:xcomp_controller",
        "Azerbaijan/Azerbaijan/PROPN/nsubj/7/NNP ,/,/PUNCT/punct/0/, on/on/ADP/prep/7/IN the/the/DET/det/5/DT other/other/ADJ/amod/5/JJ hand/hand/NOUN/pobj/2/NN "
        ",/,/PUNCT/punct/0/, continues/continue/VERB/ROOT/7/VBZ arresting/arrest/VERB/xcomp/7/VBG journalists/journalist/NOUN/dobj/8/NNS ././PUNCT/punct/7/.",
        {0: ("GPE", AZERBAIJAN)},
        [("COERCE", "detention", (AZERBAIJAN,), ("actor:MED",), "asserted", None, None, "trigger:arrest:verb:detention+role:climb+role:subject+role:object+role:generic_actor")],
        {}, id="xcomp_controller_not_an_adverbial_on"),
    # Armenia and Azerbaijan are neighbours. Clashes continued. (a reciprocal event naming no side: the story's two countries)
    pytest.param("role:reciprocal_default", (
        "Armenia/Armenia/PROPN/nsubj/3/NNP and/and/CCONJ/cc/0/CC Azerbaijan/Azerbaijan/PROPN/conj/0/NNP are/be/AUX/ROOT/3/VBP neighbours/neighbour/NOUN/attr/3/NNS ././PUNCT/punct/3/.",
        "Clashes/clash/NOUN/nsubj/1/NNS continued/continue/VERB/ROOT/1/VBD ././PUNCT/punct/1/.",
    ),
        {0: ("GPE", ARMENIA), 2: ("GPE", AZERBAIJAN)},
        [("ASSAULT", "clash", (ARMENIA, AZERBAIJAN), (), "asserted", None, None, "trigger:clash:any:clash+role:occurring_noun+role:reciprocal_default")],
        {}, id="reciprocal_between_the_story_countries"),
    # Armenia and Azerbaijan are neighbours. Talks began after the ceasefire was reached. (a clause of time recalls)
    pytest.param("role:reciprocal_default", (
        "Armenia/Armenia/PROPN/nsubj/3/NNP and/and/CCONJ/cc/0/CC Azerbaijan/Azerbaijan/PROPN/conj/0/NNP are/be/AUX/ROOT/3/VBP neighbours/neighbour/NOUN/attr/3/NNS ././PUNCT/punct/3/.",
        "Talks/talk/NOUN/nsubj/1/NNS began/begin/VERB/ROOT/1/VBD after/after/SCONJ/mark/6/IN the/the/DET/det/4/DT ceasefire/ceasefire/NOUN/nsubjpass/6/NN "
        "was/be/AUX/auxpass/6/VBD reached/reach/VERB/advcl/1/VBN ././PUNCT/punct/1/.",
    ),
        {0: ("GPE", ARMENIA), 2: ("GPE", AZERBAIJAN)},
        [("CONSULT", "negotiation", (ARMENIA, AZERBAIJAN), (), "asserted", None, None, "trigger:talk:noun:negotiation+role:occurring_noun+role:reciprocal_default"),
         ("dropped", "gate:background_noun", "ceasefire")],
        {}, id="reciprocal_not_in_a_clause_of_time"),
    # Armenia and Azerbaijan are neighbours. Fighting ended. (what ends is no occasion of the fighting)
    pytest.param("role:reciprocal_default", (
        "Armenia/Armenia/PROPN/nsubj/3/NNP and/and/CCONJ/cc/0/CC Azerbaijan/Azerbaijan/PROPN/conj/0/NNP are/be/AUX/ROOT/3/VBP neighbours/neighbour/NOUN/attr/3/NNS ././PUNCT/punct/3/.",
        "Fighting/fighting/NOUN/nsubj/1/NN ended/end/VERB/ROOT/1/VBD ././PUNCT/punct/1/.",
    ),
        {0: ("GPE", ARMENIA), 2: ("GPE", AZERBAIJAN)},
        [("dropped", "gate:background_noun", "Fighting")],
        {}, id="reciprocal_not_what_ends"),
    # Azerbaijan is a neighbour. Clashes continued. (one country named: no pair to give)
    pytest.param("role:reciprocal_default", (
        "Azerbaijan/Azerbaijan/PROPN/nsubj/1/NNP is/be/AUX/ROOT/1/VBZ a/a/DET/det/3/DT neighbour/neighbour/NOUN/attr/1/NN ././PUNCT/punct/1/.",
        "Clashes/clash/NOUN/nsubj/1/NNS continued/continue/VERB/ROOT/1/VBD ././PUNCT/punct/1/.",
    ),
        {0: ("GPE", AZERBAIJAN)},
        [("dropped", "gate:no_participant", "Clashes")],
        {}, id="reciprocal_needs_two_countries"),
    # Two explosions were heard in Gyumri.
    pytest.param("role:violence_default",
        "Two/two/NUM/nummod/1/CD explosions/explosion/NOUN/nsubjpass/3/NNS were/be/AUX/auxpass/3/VBD heard/hear/VERB/ROOT/3/VBN in/in/ADP/prep/3/IN "
        "Gyumri/Gyumri/PROPN/pobj/4/NNP ././PUNCT/punct/3/.",
        {5: ("GPE", "geonames:616635")},
        [("ASSAULT", "explosion", ("actor:REB:AM",), (), "asserted", "geonames:616635", None, "trigger:explosion:noun:explosion+role:observed_noun+role:violence_default+attribute:place")],
        {}, id="counted_explosions_by_an_unidentified_group"),
    # Shots were fired at a checkpoint in Gyumri.
    pytest.param("role:violence_default",
        "Shots/shot/NOUN/nsubjpass/2/NNS were/be/AUX/auxpass/2/VBD fired/fire/VERB/ROOT/2/VBN at/at/ADP/prep/2/IN a/a/DET/det/5/DT checkpoint/checkpoint/NOUN/pobj/3/NN "
        "in/in/ADP/prep/5/IN Gyumri/Gyumri/PROPN/pobj/6/NNP ././PUNCT/punct/2/.",
        {7: ("GPE", "geonames:616635")},
        [("ASSAULT", "shelling", ("actor:REB:AM",), (), "asserted", "geonames:616635", None, "trigger:fire:verb:shelling+role:violence_default+attribute:place"),
         ("dropped", "gate:background_noun", "Shots")],  # the shots are the firing's, not an event of their own
        {}, id="a_passive_verb_of_violence"),
    # The suspect was charged with murdering a guard in Gyumri.
    pytest.param("role:violence_default",
        "The/the/DET/det/1/DT suspect/suspect/NOUN/nsubjpass/3/NN was/be/AUX/auxpass/3/VBD charged/charge/VERB/ROOT/3/VBN with/with/ADP/prep/3/IN "
        "murdering/murder/VERB/pcomp/4/VBG a/a/DET/det/7/DT guard/guard/NOUN/dobj/5/NN in/in/ADP/prep/5/IN Gyumri/Gyumri/PROPN/pobj/8/NNP ././PUNCT/punct/3/.",
        {9: ("GPE", "geonames:616635")},
        [("dropped", "gate:passive_speech", "charged"), ("dropped", "gate:no_participant", "murdering")],
        {}, id="a_charge_reports_no_violence"),
    # Explosions were heard in the area.
    pytest.param("role:violence_default",
        "Explosions/explosion/NOUN/nsubjpass/2/NNS were/be/AUX/auxpass/2/VBD heard/hear/VERB/ROOT/2/VBN in/in/ADP/prep/2/IN the/the/DET/det/5/DT "
        "area/area/NOUN/pobj/3/NN ././PUNCT/punct/2/.",
        {},
        [("dropped", "gate:no_participant", "Explosions")],  # heard, so reported (role:observed_noun), but by no one anywhere known
        {}, id="no_place_no_country"),
    # The monitors observed a total of 56 explosions near Gyumri. (counted and observed: reported, by an unidentified group)
    pytest.param("role:observed_noun",
        "The/the/DET/det/1/DT monitors/monitor/NOUN/nsubj/2/NNS observed/observe/VERB/ROOT/2/VBD a/a/DET/det/4/DT total/total/NOUN/dobj/2/NN "
        "of/of/ADP/prep/4/IN 56/56/NUM/nummod/7/CD explosions/explosion/NOUN/pobj/5/NNS near/near/ADP/prep/7/IN Gyumri/Gyumri/PROPN/pobj/8/NNP ././PUNCT/punct/2/.",
        {9: ("GPE", "geonames:616635")},
        [("ASSAULT", "explosion", ("actor:REB:AM",), (), "asserted", "geonames:616635", None,
          "trigger:explosion:noun:explosion+role:observed_noun+role:violence_default+attribute:place")],
        {}, id="observed_explosions"),
    # The monitors observed 5 explosions near Zzyzxville. (a village no gazetteer knows: an unidentified group of no known country)
    pytest.param("role:violence_default",
        "The/the/DET/det/1/DT monitors/monitor/NOUN/nsubj/2/NNS observed/observe/VERB/ROOT/2/VBD 5/5/NUM/nummod/4/CD explosions/explosion/NOUN/dobj/2/NNS "
        "near/near/ADP/prep/4/IN Zzyzxville/Zzyzxville/PROPN/pobj/5/NNP ././PUNCT/punct/2/.",
        {6: ("GPE", None)},
        [("ASSAULT", "explosion", ("actor:REB",), (), "asserted", None, None, "trigger:explosion:noun:explosion+role:observed_noun+role:violence_default")],
        {}, id="observed_near_an_unknown_village"),
    # The monitors observed 5 explosions. (no place named at all: no event an analyst can code)
    pytest.param("role:violence_default",
        "The/the/DET/det/1/DT monitors/monitor/NOUN/nsubj/2/NNS observed/observe/VERB/ROOT/2/VBD 5/5/NUM/nummod/4/CD explosions/explosion/NOUN/dobj/2/NNS ././PUNCT/punct/2/.",
        {},
        [("dropped", "gate:no_participant", "explosions")],
        {}, id="observed_nowhere"),
    # The report discussed the explosions. (discussed, not observed: a background mention)
    pytest.param("role:observed_noun",
        "The/the/DET/det/1/DT report/report/NOUN/nsubj/2/NN discussed/discuss/VERB/ROOT/2/VBD the/the/DET/det/4/DT explosions/explosion/NOUN/dobj/2/NNS ././PUNCT/punct/2/.",
        {},
        [("dropped", "gate:no_participant", "discussed"), ("dropped", "gate:background_noun", "explosions")],
        {}, id="discussed_explosions"),
    # Rebel forces attacked the village.
    pytest.param("role:generic_actor",
        "Rebel/rebel/NOUN/compound/1/NN forces/force/NOUN/nsubj/2/NNS attacked/attack/VERB/ROOT/2/VBD the/the/DET/det/4/DT village/village/NOUN/dobj/2/NN "
        "././PUNCT/punct/2/.",
        {},
        [("ASSAULT", "attack", ("actor:REB",), (), "asserted", None, None, "trigger:attack:any:attack+role:subject+role:generic_actor")],
        {}, id="a_modifier_names_the_sector"),
    # Five Armenian soldiers were killed in clashes with Azerbaijan.
    pytest.param("role:casualty_cause",
        "Five/five/NUM/nummod/2/CD Armenian/Armenian/ADJ/amod/2/JJ soldiers/soldier/NOUN/nsubjpass/4/NNS were/be/AUX/auxpass/4/VBD "
        "killed/kill/VERB/ROOT/4/VBN in/in/ADP/prep/4/IN clashes/clash/NOUN/pobj/5/NNS with/with/ADP/prep/6/IN Azerbaijan/Azerbaijan/PROPN/pobj/7/NNP ././PUNCT/punct/4/.",
        {1: ("NORP", None), 8: ("GPE", AZERBAIJAN)},
        [("ASSAULT", "killing", (AZERBAIJAN,), (ARMENIA,), "asserted", None, None, "trigger:kill:verb:killing+role:casualty_cause+role:subject"),
         ("ASSAULT", "clash", (ARMENIA,), (AZERBAIJAN,), "asserted", None, None, "trigger:clash:any:clash+role:occasion+role:subject+role:target_prep")],
        {}, id="casualty_cause"),
    # Two soldiers were killed by Russia in clashes with Georgia: the agent, not the cause's with-phrase.
    pytest.param("role:casualty_cause",
        "Two/two/NUM/nummod/1/CD soldiers/soldier/NOUN/nsubjpass/3/NNS were/be/AUX/auxpass/3/VBD killed/kill/VERB/ROOT/3/VBN "
        "by/by/ADP/agent/3/IN Russia/Russia/PROPN/pobj/4/NNP in/in/ADP/prep/3/IN clashes/clash/NOUN/pobj/6/NNS with/with/ADP/prep/7/IN "
        "Georgia/Georgia/PROPN/pobj/8/NNP ././PUNCT/punct/3/.",
        {5: ("GPE", RUSSIA), 9: ("GPE", GEORGIA)},
        [("ASSAULT", "killing", (RUSSIA,), ("actor:MIL",), "asserted", GEORGIA, None, "trigger:kill:verb:killing+role:agent+role:subject+role:generic_actor+attribute:place"),
         ("ASSAULT", "clash", ("actor:MIL",), (GEORGIA,), "asserted", None, None, "trigger:clash:any:clash+role:occasion+role:subject+role:generic_actor+role:target_prep")],
        {}, id="casualty_with_agent"),
    # The Ministry of Foreign Affairs spoke. The ministry thanked Georgia: "the ministry" is the last organisation named with that word.
    pytest.param("role:referred", (
        "The/the/DET/det/1/DT Ministry/Ministry/PROPN/nsubj/5/NNP of/of/ADP/prep/1/IN Foreign/Foreign/PROPN/compound/4/NNP Affairs/Affairs/PROPN/pobj/2/NNPS "
        "spoke/speak/VERB/ROOT/5/VBD ././PUNCT/punct/5/.",
        "The/the/DET/det/1/DT ministry/ministry/NOUN/nsubj/2/NN thanked/thank/VERB/ROOT/2/VBD Georgia/Georgia/PROPN/dobj/2/NNP ././PUNCT/punct/2/.",
    ),
        {(1, 5): ("ORG", "org:ministry-of-foreign-affairs"), 10: ("GPE", GEORGIA)},
        [("SUPPORT", "gratitude", ("org:ministry-of-foreign-affairs",), (GEORGIA,), "asserted", None, None,
          "trigger:thank:verb:gratitude+role:subject+role:referred+role:object")],
        {}, id="the_ministry_of_a_longer_name"),
    # Aliyev arrived. He declared his readiness to sign: "his" owns the readiness, and is Aliyev.
    pytest.param("role:referred", (
        "Aliyev/Aliyev/PROPN/nsubj/1/NNP arrived/arrive/VERB/ROOT/1/VBD ././PUNCT/punct/1/.",
        "He/he/PRON/nsubj/1/PRP declared/declare/VERB/ROOT/1/VBD his/his/PRON/poss/3/PRP$ readiness/readiness/NOUN/dobj/1/NN to/to/PART/aux/5/TO "
        "sign/sign/VERB/acl/3/VB ././PUNCT/punct/1/.",
    ),
        {0: ("PERSON", "person:ilham-aliyev")},
        [("AGREE", "agreement_signed", ("person:ilham-aliyev",), (), "asserted", None, None, "trigger:sign:verb:agreement_signed+role:acl_owner+role:referred")],
        {}, id="his_readiness"),
]


@pytest.mark.parametrize("rule_id, sentences, names, expected, context", CASES)
def test_role(rule_id, sentences, names, expected, context):
    check_row(rule_id, sentences, names, expected, **context)
