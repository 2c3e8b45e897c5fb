"""Gates of event extraction: one table row per rule id of resources/events/gates.jsonl, on hand-built parses of what the
small model makes of each sentence (no statistical model is loaded). A row states what the sentence
codes as: per event (type, subtype, actors, targets, modality, place, quantity, rule_id), and
("dropped", gate id, trigger) per candidate a gate dropped. Where the row's rule fires, the sentence
codes otherwise with the rule switched off; rows where it does not fire are the negative cases."""

import pytest

from parses import ARMENIA, AZERBAIJAN, GEORGIA, RUSSIA, TURKEY, check_row

CASES = [
    # Workers held a protest, demanding higher wages. (the demand hangs on the protest: its claim)
    pytest.param("gate:protesters_claim",
        "Workers/worker/NOUN/nsubj/1/NNS held/hold/VERB/ROOT/1/VBD a/a/DET/det/3/DT protest/protest/NOUN/dobj/1/NN ,/,/PUNCT/punct/1/, "
        "demanding/demand/VERB/advcl/1/VBG higher/high/ADJ/amod/7/JJR wages/wage/NOUN/dobj/5/NNS ././PUNCT/punct/1/.",
        {},
        [("PROTEST", "protest", ("actor:PRO",), (), "asserted", None, None, "trigger:protest:any:protest+role:light_verb+role:subject+role:generic_actor"),
         ("dropped", "gate:protesters_claim", "demanding")],
        {}, id="claim_hung_on_the_protest"),
    # Workers held a protest. Pashinyan demanded higher wages. (a named speaker's demand in its own clause stays)
    pytest.param("gate:protesters_claim", (
        "Workers/worker/NOUN/nsubj/1/NNS held/hold/VERB/ROOT/1/VBD a/a/DET/det/3/DT protest/protest/NOUN/dobj/1/NN ././PUNCT/punct/1/.",
        "Pashinyan/Pashinyan/PROPN/nsubj/1/NNP demanded/demand/VERB/ROOT/1/VBD higher/high/ADJ/amod/3/JJR wages/wage/NOUN/dobj/1/NNS ././PUNCT/punct/1/."),
        {5: ("PERSON", "person:nikol-pashinyan")},
        [("PROTEST", "protest", ("actor:PRO",), (), "asserted", None, None, "trigger:protest:any:protest+role:light_verb+role:subject+role:generic_actor"),
         ("REQUEST", "demand", ("person:nikol-pashinyan",), (), "asserted", None, None, "trigger:demand:verb:demand+role:subject")],
        {}, id="named_demand_of_its_own"),
    # Forces backed by Armenia held the town. (a standing relation described, even with its agent)
    pytest.param("gate:participle_modifier",
        "Forces/force/NOUN/nsubj/4/NNS backed/back/VERB/acl/0/VBN by/by/ADP/agent/1/IN Armenia/Armenia/PROPN/pobj/2/NNP held/hold/VERB/ROOT/4/VBD "
        "the/the/DET/det/6/DT town/town/NOUN/dobj/4/NN ././PUNCT/punct/4/.",
        {3: ("GPE", ARMENIA)},
        [("dropped", "gate:participle_modifier", "backed")],
        {}, id="standing_relation_described"),
    # The deal mediated by Georgia held. (an act described with its agent stays: Georgia mediated)
    pytest.param("gate:participle_modifier",
        "The/the/DET/det/1/DT deal/deal/NOUN/nsubj/5/NN mediated/mediate/VERB/acl/1/VBN by/by/ADP/agent/2/IN Georgia/Georgia/PROPN/pobj/3/NNP "
        "held/hold/VERB/ROOT/5/VBD ././PUNCT/punct/5/.",
        {4: ("GPE", GEORGIA)},
        [("CONSULT", "mediation", (GEORGIA,), (), "asserted", None, None, "trigger:mediate:verb:mediation+role:participle_agent")],
        {}, id="act_described_with_its_agent"),
    # All jailed and already convicted Georgians in Russia must be freed now.
    pytest.param("gate:participle_modifier",
        "All/all/PRON/npadvmod/1/DT jailed/jail/VERB/nsubjpass/10/VBN and/and/CCONJ/cc/1/CC already/already/ADV/advmod/4/RB convicted/convict/VERB/conj/1/VBN "
        "Georgians/Georgians/PROPN/dobj/4/NNP in/in/ADP/prep/5/IN Russia/Russia/PROPN/pobj/6/NNP must/must/AUX/aux/10/MD be/be/AUX/auxpass/10/VB "
        "freed/free/VERB/ROOT/10/VBN now/now/ADV/advmod/10/RB ././PUNCT/punct/10/.",
        {5: ("NORP", None), 7: ("GPE", RUSSIA)},
        [("dropped", "gate:participle_modifier", "jailed"), ("dropped", "gate:participle_modifier", "convicted")],
        {}, id="participle_modifier"),
    # Welcoming the Georgian delegation, Nikol Pashinyan praised the new trade deal.
    pytest.param("gate:scene_participle",
        "Welcoming/welcome/VERB/advcl/7/VBG the/the/DET/det/3/DT Georgian/georgian/ADJ/amod/3/JJ delegation/delegation/NOUN/dobj/0/NN ,/,/PUNCT/punct/7/, "
        "Nikol/Nikol/PROPN/compound/6/NNP Pashinyan/Pashinyan/PROPN/nsubj/7/NNP praised/praise/VERB/ROOT/7/VBD the/the/DET/det/11/DT new/new/ADJ/amod/11/JJ "
        "trade/trade/NOUN/compound/11/NN deal/deal/NOUN/dobj/7/NN ././PUNCT/punct/7/.",
        {2: ("NORP", None), (5, 7): ("PERSON", "person:nikol-pashinyan")},
        [("SUPPORT", "praise", ("person:nikol-pashinyan",), (), "asserted", None, None, "trigger:praise:verb:praise+role:subject"),
         ("dropped", "gate:scene_participle", "Welcoming")],
        {}, id="scene_participle"),
    # Georgia moved troops to the border to prevent an attack by Russia.
    pytest.param("gate:prevented",
        "Georgia/Georgia/PROPN/nsubj/1/NNP moved/move/VERB/ROOT/1/VBD troops/troop/NOUN/dobj/1/NNS to/to/ADP/prep/1/IN the/the/DET/det/5/DT "
        "border/border/NOUN/pobj/3/NN to/to/PART/aux/7/TO prevent/prevent/VERB/advcl/1/VB an/an/DET/det/9/DT attack/attack/NOUN/dobj/7/NN "
        "by/by/ADP/prep/9/IN Russia/Russia/PROPN/pobj/10/NNP ././PUNCT/punct/1/.",
        {0: ("GPE", GEORGIA), 11: ("GPE", RUSSIA)},
        [("dropped", "gate:prevented", "attack")],
        {}, id="prevented"),
    # Georgia did not prevent the attack by Russia on Gori.
    pytest.param("gate:prevented",
        "Georgia/Georgia/PROPN/nsubj/3/NNP did/do/AUX/aux/3/VBD not/not/PART/neg/3/RB prevent/prevent/VERB/ROOT/3/VB the/the/DET/det/5/DT "
        "attack/attack/NOUN/dobj/3/NN by/by/ADP/prep/5/IN Russia/Russia/PROPN/pobj/6/NNP on/on/ADP/prep/5/IN Gori/Gori/PROPN/pobj/8/NNP "
        "././PUNCT/punct/3/.",
        {0: ("GPE", GEORGIA), 7: ("GPE", RUSSIA), 9: ("GPE", "geonames:614455")},
        [("ASSAULT", "attack", (RUSSIA,), ("geonames:614455",), "asserted", "geonames:614455", None,
          "trigger:attack:any:attack+role:noun_owner+role:target_prep+attribute:place")],
        {}, id="prevented_negated"),
    # Turkey regularly accuses Greece of provocations.
    pytest.param("gate:habitual",
        "Turkey/Turkey/PROPN/nsubj/2/NNP regularly/regularly/ADV/advmod/2/RB accuses/accuse/VERB/ROOT/2/VBZ Greece/Greece/PROPN/dobj/2/NNP of/of/ADP/prep/3/IN "
        "provocations/provocation/NOUN/pobj/4/NNS ././PUNCT/punct/2/.",
        {0: ("GPE", TURKEY), 3: ("GPE", "geonames:390903")},
        [("dropped", "gate:habitual", "accuses"),
         ("dropped", "gate:background_noun", "provocations")],
        {}, id="habitual"),
    # Turkey accused Greece of provocations.
    pytest.param("gate:habitual",
        "Turkey/Turkey/PROPN/nsubj/1/NNP accused/accuse/VERB/ROOT/1/VBD Greece/Greece/PROPN/dobj/1/NNP of/of/ADP/prep/1/IN provocations/provocation/NOUN/pobj/3/NNS "
        "././PUNCT/punct/1/.",
        {0: ("GPE", TURKEY), 2: ("GPE", "geonames:390903")},
        [("ACCUSE", "criticism", (TURKEY,), ("geonames:390903",), "asserted", None, None, "trigger:accuse:verb:accusation+rewrite:alleged+role:subject+role:object"),
         ("dropped", "gate:background_noun", "provocations")],
        {}, id="not_habitual"),
    # Will Georgia, urged by Turkey, sign the treaty?
    pytest.param("gate:question",
        "Will/will/AUX/aux/7/MD Georgia/Georgia/PROPN/nsubj/0/NNP ,/,/PUNCT/punct/1/, urged/urge/VERB/acl/1/VBN by/by/ADP/agent/3/IN "
        "Turkey/Turkey/PROPN/pobj/4/NNP ,/,/PUNCT/punct/1/, sign/sign/VERB/ROOT/7/VB the/the/DET/det/9/DT treaty/treaty/NOUN/dobj/7/NN "
        "?/?/PUNCT/punct/7/.",
        {1: ("GPE", GEORGIA), 5: ("GPE", TURKEY)},
        [("dropped", "gate:question", "urged"),
         ("dropped", "gate:question", "sign"),
         ("dropped", "gate:question", "treaty")],
        {}, id="question"),
    # Armenia will sign the treaty if Azerbaijan withdraws its troops.
    pytest.param("gate:condition",
        "Armenia/Armenia/PROPN/nsubj/2/NNP will/will/AUX/aux/2/MD sign/sign/VERB/ROOT/2/VB the/the/DET/det/4/DT treaty/treaty/NOUN/dobj/2/NN "
        "if/if/SCONJ/mark/7/IN Azerbaijan/Azerbaijan/PROPN/nsubj/7/NNP withdraws/withdraw/VERB/advcl/2/VBZ its/its/PRON/poss/9/PRP$ troops/troop/NOUN/dobj/7/NNS "
        "././PUNCT/punct/2/.",
        {0: ("GPE", ARMENIA), 6: ("GPE", AZERBAIJAN)},
        [("AGREE", "peace_treaty", (ARMENIA,), (), "planned", None, None, "trigger:sign:verb:peace_treaty+role:subject+modality:planned"),
         ("dropped", "gate:background_noun", "treaty"),
         ("dropped", "gate:condition", "withdraws")],
        {}, id="condition"),
    # If Russia leaves the process, it must urge Armenia to act alone.
    pytest.param("gate:condition",
        "If/if/SCONJ/mark/2/IN Russia/Russia/PROPN/nsubj/2/NNP leaves/leave/VERB/advcl/8/VBZ the/the/DET/det/4/DT process/process/NOUN/dobj/2/NN "
        ",/,/PUNCT/punct/8/, it/it/PRON/nsubj/8/PRP must/must/AUX/aux/8/MD urge/urge/VERB/ROOT/8/VB Armenia/Armenia/PROPN/dobj/8/NNP "
        "to/to/PART/aux/11/TO act/act/VERB/xcomp/8/VB alone/alone/ADV/advmod/11/RB ././PUNCT/punct/8/.",
        {1: ("GPE", RUSSIA), 9: ("GPE", ARMENIA)},
        [("dropped", "gate:condition", "urge")],
        {}, id="condition_before"),
    # The joint statement was mentioned.
    pytest.param("gate:background_noun",
        "The/the/DET/det/2/DT joint/joint/ADJ/amod/2/JJ statement/statement/NOUN/nsubjpass/4/NN was/be/AUX/auxpass/4/VBD mentioned/mention/VERB/ROOT/4/VBN "
        "././PUNCT/punct/4/.",
        {},
        [("dropped", "gate:background_noun", "statement")],
        {}, id="background_noun"),
    # Turkey's blockade was mentioned.
    pytest.param("gate:background_noun",
        "Turkey/Turkey/PROPN/poss/2/NNP 's/'s/PART/case/0/POS blockade/blockade/NOUN/nsubjpass/4/NN was/be/AUX/auxpass/4/VBD mentioned/mention/VERB/ROOT/4/VBN "
        "././PUNCT/punct/4/.",
        {0: ("GPE", TURKEY)},
        [("COERCE", "blockade", (TURKEY,), (), "asserted", None, None, "trigger:blockade:any:blockade+role:noun_owner")],
        {}, id="noun_with_owner"),
    # An explosion occurred in Gori. (no one named: an unidentified armed group of the place's country)
    pytest.param("gate:background_noun",
        "An/an/DET/det/1/DT explosion/explosion/NOUN/nsubj/2/NN occurred/occur/VERB/ROOT/2/VBD in/in/ADP/prep/2/IN Gori/Gori/PROPN/pobj/3/NNP "
        "././PUNCT/punct/2/.",
        {4: ("GPE", "geonames:614455")},
        [("ASSAULT", "explosion", ("actor:REB:GE",), (), "asserted", "geonames:614455", None,
          "trigger:explosion:noun:explosion+role:occurring_noun+role:violence_default+attribute:place")],
        {}, id="occurring_noun_alone"),
    # The Protest Coordination Council met in Tbilisi. ("Protest" a noun, as the model tags it in lower case)
    pytest.param("gate:inside_name",
        "The/the/DET/det/3/DT Protest/protest/NOUN/compound/2/NN Coordination/Coordination/PROPN/compound/3/NNP Council/Council/PROPN/nsubj/4/NNP met/meet/VERB/ROOT/4/VBD "
        "in/in/ADP/prep/4/IN Tbilisi/Tbilisi/PROPN/pobj/5/NNP ././PUNCT/punct/4/.",
        {(1, 4): ("ORG", "org:protest-coordination-council"), 6: ("GPE", "geonames:611717")},
        [("CONSULT", "meeting", ("org:protest-coordination-council",), (), "asserted", "geonames:611717", None, "trigger:meet:verb:meeting+role:subject+attribute:place"),
         ("dropped", "gate:inside_name", "Protest")],
        {}, id="inside_name"),
    # Two Georgian officials are accused of espionage.
    pytest.param("gate:passive_speech",
        "Two/two/NUM/nummod/2/CD Georgian/georgian/ADJ/amod/2/JJ officials/official/NOUN/nsubjpass/4/NNS are/be/AUX/auxpass/4/VBP accused/accuse/VERB/ROOT/4/VBN "
        "of/of/ADP/prep/4/IN espionage/espionage/NOUN/pobj/5/NN ././PUNCT/punct/4/.",
        {1: ("NORP", None)},
        [("dropped", "gate:passive_speech", "accused")],
        {}, id="passive_speech"),
    # Two Georgian soldiers must be released.
    pytest.param("gate:passive_speech",
        "Two/two/NUM/nummod/2/CD Georgian/georgian/ADJ/amod/2/JJ soldiers/soldier/NOUN/nsubjpass/5/NNS must/must/AUX/aux/5/MD be/be/AUX/auxpass/5/VB "
        "released/release/VERB/ROOT/5/VBN ././PUNCT/punct/5/.",
        {1: ("NORP", None)},
        [("REQUEST", "demand_prisoner_release", (), (GEORGIA,), "asserted", None, None, "trigger:release:verb:prisoner_release+role:subject+rewrite:demanded")],
        {}, id="passive_demand_stays"),
    # Prisoners were released.
    pytest.param("gate:no_participant",
        "Prisoners/prisoner/NOUN/nsubjpass/2/NNS were/be/AUX/auxpass/2/VBD released/release/VERB/ROOT/2/VBN ././PUNCT/punct/2/.",
        {},
        [("dropped", "gate:no_participant", "released")],
        {}, id="no_participant"),
    # Workers protested in Kutaisi to demand their wages.
    pytest.param("gate:protest_claim",
        "Workers/worker/NOUN/nsubj/1/NNS protested/protest/VERB/ROOT/1/VBD in/in/ADP/prep/1/IN Kutaisi/Kutaisi/PROPN/pobj/2/NNP to/to/PART/aux/5/TO "
        "demand/demand/VERB/advcl/1/VB their/their/PRON/poss/7/PRP$ wages/wage/NOUN/dobj/5/NNS ././PUNCT/punct/1/.",
        {3: ("GPE", "geonames:613607")},
        [("PROTEST", "protest", ("actor:PRO:GE",), (), "asserted", "geonames:613607", None, "trigger:protest:any:protest+role:subject+role:generic_actor+attribute:place"),
         ("dropped", "gate:protest_claim", "demand")],
        {}, id="protest_claim"),
    # Workers in Kutaisi demanded their wages.
    pytest.param("gate:protest_claim",
        "Workers/worker/NOUN/nsubj/3/NNS in/in/ADP/prep/0/IN Kutaisi/Kutaisi/PROPN/pobj/1/NNP demanded/demand/VERB/ROOT/3/VBD their/their/PRON/poss/5/PRP$ "
        "wages/wage/NOUN/dobj/3/NNS ././PUNCT/punct/3/.",
        {2: ("GPE", "geonames:613607")},
        [("REQUEST", "demand", ("actor:CIV:GE",), (), "asserted", "geonames:613607", None, "trigger:demand:verb:demand+role:subject+role:generic_actor+attribute:sentence_place")],
        {}, id="a_demand_of_its_own"),
    # Workers protested in Kutaisi. Residents demanded higher wages. (the protest's claim)
    pytest.param("gate:protesters_claim", (
        "Workers/worker/NOUN/nsubj/1/NNS protested/protest/VERB/ROOT/1/VBD in/in/ADP/prep/1/IN Kutaisi/Kutaisi/PROPN/pobj/2/NNP ././PUNCT/punct/1/.",
        "Residents/resident/NOUN/nsubj/1/NNS demanded/demand/VERB/ROOT/1/VBD higher/high/ADJ/amod/3/JJR wages/wage/NOUN/dobj/1/NNS ././PUNCT/punct/1/.",
    ),
        {3: ("GPE", "geonames:613607")},
        [("PROTEST", "protest", ("actor:PRO:GE",), (), "asserted", "geonames:613607", None, "trigger:protest:any:protest+role:subject+role:generic_actor+attribute:place"),
         ("dropped", "gate:protesters_claim", "demanded")],
        {}, id="a_protests_claim"),
    # Residents demanded higher wages. (no protest reported: the demand is the event)
    pytest.param("gate:protesters_claim",
        "Residents/resident/NOUN/nsubj/1/NNS demanded/demand/VERB/ROOT/1/VBD higher/high/ADJ/amod/3/JJR wages/wage/NOUN/dobj/1/NNS ././PUNCT/punct/1/.",
        {},
        [("REQUEST", "demand", ("actor:CIV",), (), "asserted", None, None, "trigger:demand:verb:demand+role:subject+role:generic_actor")],
        {}, id="a_demand_without_a_protest"),
    # Workers protested in Kutaisi. Georgia demanded higher wages. (a named speaker's demand stays)
    pytest.param("gate:protesters_claim", (
        "Workers/worker/NOUN/nsubj/1/NNS protested/protest/VERB/ROOT/1/VBD in/in/ADP/prep/1/IN Kutaisi/Kutaisi/PROPN/pobj/2/NNP ././PUNCT/punct/1/.",
        "Georgia/Georgia/PROPN/nsubj/1/NNP demanded/demand/VERB/ROOT/1/VBD higher/high/ADJ/amod/3/JJR wages/wage/NOUN/dobj/1/NNS ././PUNCT/punct/1/.",
    ),
        {3: ("GPE", "geonames:613607"), 5: ("GPE", GEORGIA)},
        [("PROTEST", "protest", ("actor:PRO:GE",), (), "asserted", "geonames:613607", None, "trigger:protest:any:protest+role:subject+role:generic_actor+attribute:place"),
         ("REQUEST", "demand", (GEORGIA,), (), "asserted", "geonames:613607", None, "trigger:demand:verb:demand+role:subject+attribute:lead_place")],
        {}, id="a_named_speakers_demand_stays"),
    # Armenia called for the withdrawal of Azerbaijani troops.
    pytest.param("gate:requested_act",
        "Armenia/Armenia/PROPN/nsubj/1/NNP called/call/VERB/ROOT/1/VBD for/for/ADP/prep/1/IN the/the/DET/det/4/DT withdrawal/withdrawal/NOUN/pobj/2/NN "
        "of/of/ADP/prep/4/IN Azerbaijani/Azerbaijani/ADJ/amod/7/JJ troops/troop/NOUN/pobj/5/NNS ././PUNCT/punct/1/.",
        {0: ("GPE", ARMENIA), 6: ("NORP", None)},
        [("REQUEST", "appeal", (ARMENIA,), (AZERBAIJAN,), "asserted", None, None, "trigger:call:verb:appeal+role:subject+role:target_prep"),
         ("dropped", "gate:requested_act", "withdrawal")],
        {}, id="requested_act"),
    # Russia called on Armenia to sign the treaty. (the signing is what is asked: the request is the event)
    pytest.param("gate:requested_act",
        "Russia/Russia/PROPN/nsubj/1/NNP called/call/VERB/ROOT/1/VBD on/on/ADP/prep/1/IN Armenia/Armenia/PROPN/pobj/2/NNP to/to/PART/aux/5/TO "
        "sign/sign/VERB/xcomp/1/VB the/the/DET/det/7/DT treaty/treaty/NOUN/dobj/5/NN ././PUNCT/punct/1/.",
        {0: ("GPE", RUSSIA), 3: ("GPE", ARMENIA)},
        [("REQUEST", "appeal", (RUSSIA,), (ARMENIA,), "asserted", None, None, "trigger:call:verb:appeal+role:subject+role:target_prep"),
         ("dropped", "gate:requested_act", "sign"), ("dropped", "gate:background_noun", "treaty")],
        {}, id="requested_infinitive"),
    # Hoekstra agrees with Armenia that Azerbaijan erred. (an opinion shared, no accord)
    pytest.param("gate:opinion",
        "Hoekstra/Hoekstra/PROPN/nsubj/1/NNP agrees/agree/VERB/ROOT/1/VBZ with/with/ADP/prep/1/IN Armenia/Armenia/PROPN/pobj/2/NNP that/that/SCONJ/mark/6/IN "
        "Azerbaijan/Azerbaijan/PROPN/nsubj/6/NNP erred/err/VERB/ccomp/1/VBD ././PUNCT/punct/1/.",
        {0: ("PERSON", "person:wopke-hoekstra"), 3: ("GPE", ARMENIA), 5: ("GPE", AZERBAIJAN)},
        [("dropped", "gate:opinion", "agrees")],
        {}, id="opinion"),
    # Armenia agreed with Azerbaijan on a truce. (agreeing on something with someone is an accord)
    pytest.param("gate:opinion",
        "Armenia/Armenia/PROPN/nsubj/1/NNP agreed/agree/VERB/ROOT/1/VBD with/with/ADP/prep/1/IN Azerbaijan/Azerbaijan/PROPN/pobj/2/NNP on/on/ADP/prep/1/IN "
        "a/a/DET/det/6/DT truce/truce/NOUN/pobj/4/NN ././PUNCT/punct/1/.",
        {0: ("GPE", ARMENIA), 3: ("GPE", AZERBAIJAN)},
        [("AGREE", "ceasefire", (ARMENIA,), (AZERBAIJAN,), "asserted", None, None, "trigger:agree:verb:agreement+rewrite:agreed_on+role:subject+role:target_prep"),
         ("dropped", "gate:background_noun", "truce")],
        {}, id="accord_not_opinion"),
    # Georgia welcomed the withdrawal of Russian troops.
    pytest.param("gate:requested_act",
        "Georgia/Georgia/PROPN/nsubj/1/NNP welcomed/welcome/VERB/ROOT/1/VBD the/the/DET/det/3/DT withdrawal/withdrawal/NOUN/dobj/1/NN "
        "of/of/ADP/prep/3/IN Russian/russian/ADJ/amod/6/JJ troops/troop/NOUN/pobj/4/NNS ././PUNCT/punct/1/.",
        {0: ("GPE", GEORGIA), 5: ("NORP", None)},
        [("SUPPORT", "statement_support", (GEORGIA,), (RUSSIA,), "asserted", None, None, "trigger:welcome:verb:statement_support+role:subject+role:object"),
         ("RETREAT", "withdrawal", (RUSSIA,), (), "asserted", None, None, "trigger:withdrawal:noun:withdrawal+role:noun_owner")],
        {}, id="welcomed_act_happened"),
    # Russia could attack Georgia.
    pytest.param("gate:unasserted",
        "Russia/Russia/PROPN/nsubj/2/NNP could/could/AUX/aux/2/MD attack/attack/VERB/ROOT/2/VB Georgia/Georgia/PROPN/dobj/2/NNP ././PUNCT/punct/2/.",
        {0: ("GPE", RUSSIA), 3: ("GPE", GEORGIA)},
        [("dropped", "gate:unasserted", "attack")],
        {}, id="unasserted"),
]


@pytest.mark.parametrize("rule_id, sentences, names, expected, context", CASES)
def test_gate(rule_id, sentences, names, expected, context):
    check_row(rule_id, sentences, names, expected, **context)
