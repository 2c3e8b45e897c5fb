"""Discourse parameters of event extraction (pronouns, groups, offices): one table row per rule id of resources/events/discourse.jsonl, on hand-built parses of what the
small model makes of each sentence (no statistical model is loaded). A row states what the sentence
codes as: per event (type, subtype, actors, targets, modality, place, quantity, rule_id), and
("dropped", gate id, trigger) per candidate a gate dropped. Where the row's rule fires, the sentence
codes otherwise with the rule switched off; rows where it does not fire are the negative cases. Discourse rows are parameters that leave no id: each is shown with a row where its words are missing."""

import pytest
import spacy

from caucasus_nlp.extract.events.resolve import in_quotation, quotation_opening
from parses import ARMENIA, AZERBAIJAN, GEORGIA, PARAGRAPH, RUSSIA, check_row

CASES = [
    # Armenia signed a declaration. Armenia also signed agreements. (a focus word: a further signing, not the same one)
    pytest.param("discourse:additive", (
        "Armenia/Armenia/PROPN/nsubj/1/NNP signed/sign/VERB/ROOT/1/VBD a/a/DET/det/3/DT declaration/declaration/NOUN/dobj/1/NN ././PUNCT/punct/1/.",
        "Armenia/Armenia/PROPN/nsubj/2/NNP also/also/ADV/advmod/2/RB signed/sign/VERB/ROOT/2/VBD agreements/agreement/NOUN/dobj/2/NNS ././PUNCT/punct/2/.",
    ),
        {0: ("GPE", ARMENIA), 5: ("GPE", ARMENIA)},
        [("AGREE", "agreement_signed", (ARMENIA,), (), "asserted", None, None, "trigger:sign:verb:agreement_signed+role:subject"),
         ("AGREE", "agreement_signed", (ARMENIA,), (), "asserted", None, None, "trigger:sign:verb:agreement_signed+role:subject+discourse:additive"),
         ("dropped", "gate:background_noun", "agreements")],
        {}, id="also_signed"),
    # negative: Armenia signed a declaration. Armenia signed agreements. (no focus word)
    pytest.param("discourse:additive", (
        "Armenia/Armenia/PROPN/nsubj/1/NNP signed/sign/VERB/ROOT/1/VBD a/a/DET/det/3/DT declaration/declaration/NOUN/dobj/1/NN ././PUNCT/punct/1/.",
        "Armenia/Armenia/PROPN/nsubj/1/NNP signed/sign/VERB/ROOT/1/VBD agreements/agreement/NOUN/dobj/1/NNS ././PUNCT/punct/1/.",
    ),
        {0: ("GPE", ARMENIA), 5: ("GPE", ARMENIA)},
        [("AGREE", "agreement_signed", (ARMENIA,), (), "asserted", None, None, "trigger:sign:verb:agreement_signed+role:subject"),
         ("AGREE", "agreement_signed", (ARMENIA,), (), "asserted", None, None, "trigger:sign:verb:agreement_signed+role:subject"),
         ("dropped", "gate:background_noun", "agreements")],
        {}, id="signed_without_a_focus_word"),
    # Ilham Aliyev spoke in Baku. He welcomed the agreement.
    pytest.param("discourse:antecedent_window", (
        "Ilham/Ilham/PROPN/compound/1/NNP Aliyev/Aliyev/PROPN/nsubj/2/NNP spoke/speak/VERB/ROOT/2/VBD in/in/ADP/prep/2/IN Baku/Baku/PROPN/pobj/3/NNP "
        "././PUNCT/punct/2/.",
        "He/he/PRON/nsubj/1/PRP welcomed/welcome/VERB/ROOT/1/VBD the/the/DET/det/3/DT agreement/agreement/NOUN/dobj/1/NN ././PUNCT/punct/1/.",
    ),
        {(0, 2): ("PERSON", "person:ilham-aliyev"), 4: ("GPE", "geonames:587084")},
        [("SUPPORT", "statement_support", ("person:ilham-aliyev",), (), "asserted", "geonames:587084", None, "trigger:welcome:verb:statement_support+role:subject+role:referred+attribute:lead_place")],
        {}, id="pronoun_in_window"),
    # Nikol Pashinyan spoke in Paris. The hall was full. Officials of the city were present. He said that his
    # government had invited Azerbaijani officials to Yerevan.
    pytest.param("discourse:antecedent_window", (
        "Nikol/Nikol/PROPN/compound/1/NNP Pashinyan/Pashinyan/PROPN/nsubj/2/NNP spoke/speak/VERB/ROOT/2/VBD in/in/ADP/prep/2/IN Paris/Paris/PROPN/pobj/3/NNP "
        "././PUNCT/punct/2/.",
        "The/the/DET/det/1/DT hall/hall/NOUN/nsubj/2/NN was/be/AUX/ROOT/2/VBD full/full/ADJ/acomp/2/JJ ././PUNCT/punct/2/.",
        "Officials/official/NOUN/nsubj/4/NNS of/of/ADP/prep/0/IN the/the/DET/det/3/DT city/city/NOUN/pobj/1/NN were/be/AUX/ROOT/4/VBD "
        "present/present/ADJ/acomp/4/JJ ././PUNCT/punct/4/.",
        "He/he/PRON/nsubj/1/PRP said/say/VERB/ROOT/1/VBD that/that/SCONJ/mark/6/IN his/his/PRON/poss/4/PRP$ government/government/NOUN/nsubj/6/NN "
        "had/have/AUX/aux/6/VBD invited/invite/VERB/ccomp/1/VBN Azerbaijani/Azerbaijani/PROPN/compound/8/NNP officials/official/NOUN/dobj/6/NNS to/to/ADP/prep/6/IN "
        "Yerevan/Yerevan/PROPN/pobj/9/NNP ././PUNCT/punct/1/.",
    ),
        {(0, 2): ("PERSON", "person:nikol-pashinyan"), 4: ("GPE", "geonames:2988507"), 25: ("NORP", None), 28: ("GPE", "geonames:616052")},
        [("REQUEST", "invitation", ("actor:GOV",), (AZERBAIJAN, ARMENIA), "asserted", "geonames:2988507", None, "trigger:invite:verb:invitation+role:subject+role:generic_actor+role:object+role:target_prep+attribute:lead_place")],
        {}, id="pronoun_past_window"),
    # Nikol Pashinyan spoke in Paris. He praised the hosts. He thanked the audience. He said that his government had
    # invited Azerbaijani officials to Yerevan.
    pytest.param("discourse:third_person", (
        "Nikol/Nikol/PROPN/compound/1/NNP Pashinyan/Pashinyan/PROPN/nsubj/2/NNP spoke/speak/VERB/ROOT/2/VBD in/in/ADP/prep/2/IN Paris/Paris/PROPN/pobj/3/NNP "
        "././PUNCT/punct/2/.",
        "He/he/PRON/nsubj/1/PRP praised/praise/VERB/ROOT/1/VBD the/the/DET/det/3/DT hosts/host/NOUN/dobj/1/NNS ././PUNCT/punct/1/.",
        "He/he/PRON/nsubj/1/PRP thanked/thank/VERB/ROOT/1/VBD the/the/DET/det/3/DT audience/audience/NOUN/dobj/1/NN ././PUNCT/punct/1/.",
        "He/he/PRON/nsubj/1/PRP said/say/VERB/ROOT/1/VBD that/that/SCONJ/mark/6/IN his/his/PRON/poss/4/PRP$ government/government/NOUN/nsubj/6/NN "
        "had/have/AUX/aux/6/VBD invited/invite/VERB/ccomp/1/VBN Azerbaijani/Azerbaijani/PROPN/compound/8/NNP officials/official/NOUN/dobj/6/NNS to/to/ADP/prep/6/IN "
        "Yerevan/Yerevan/PROPN/pobj/9/NNP ././PUNCT/punct/1/.",
    ),
        {(0, 2): ("PERSON", "person:nikol-pashinyan"), 4: ("GPE", "geonames:2988507"), 23: ("NORP", None), 26: ("GPE", "geonames:616052")},
        [("SUPPORT", "praise", ("person:nikol-pashinyan",), (), "asserted", "geonames:2988507", None, "trigger:praise:verb:praise+role:subject+role:referred+attribute:lead_place"),
         ("SUPPORT", "gratitude", ("person:nikol-pashinyan",), (), "asserted", "geonames:2988507", None, "trigger:thank:verb:gratitude+role:subject+role:referred+attribute:lead_place"),
         ("REQUEST", "invitation", (ARMENIA,), (AZERBAIJAN,), "asserted", "geonames:2988507", None, "trigger:invite:verb:invitation+role:subject+role:referred+role:object+attribute:lead_place")],
        {}, id="third_person_keeps_the_topic"),
    # Armenia said it will support the bid of Azerbaijan.
    pytest.param("discourse:reporting_verbs",
        "Armenia/Armenia/PROPN/nsubj/1/NNP said/say/VERB/ROOT/1/VBD it/it/PRON/nsubj/4/PRP will/will/AUX/aux/4/MD support/support/VERB/ccomp/1/VB "
        "the/the/DET/det/6/DT bid/bid/NOUN/dobj/4/NN of/of/ADP/prep/6/IN Azerbaijan/Azerbaijan/PROPN/pobj/7/NNP ././PUNCT/punct/1/.",
        {0: ("GPE", ARMENIA), 8: ("GPE", AZERBAIJAN)},
        [("SUPPORT", "bid_support", (ARMENIA,), (AZERBAIJAN,), "planned", None, None, "trigger:support:verb:bid_support+role:subject+role:referred+role:object+modality:planned")],
        {}, id="reporting_verb"),
    # Dmitry Peskov said Russia was concerned. ¶ “We urge both parties.” (a quotation opening its paragraph goes on from the one before)
    pytest.param("discourse:reporting_verbs", (
        "Dmitry/Dmitry/PROPN/compound/1/NNP Peskov/Peskov/PROPN/nsubj/2/NNP said/say/VERB/ROOT/2/VBD Russia/Russia/PROPN/nsubj/4/NNP was/be/AUX/ccomp/2/VBD "
        "concerned/concerned/ADJ/acomp/4/JJ ././PUNCT/punct/2/.",
        PARAGRAPH,
        "“/“/PUNCT/punct/2/`` We/we/PRON/nsubj/2/PRP urge/urge/VERB/ROOT/2/VBP both/both/DET/det/4/DT parties/party/NOUN/dobj/2/NNS ././PUNCT/punct/2/. "
        "”/”/PUNCT/punct/2/''",
    ),
        {(0, 2): ("PERSON", "person:dmitry-peskov"), 3: ("GPE", RUSSIA)},
        [("REQUEST", "appeal", ("person:dmitry-peskov",), (), "asserted", None, None, "trigger:urge:verb:appeal+role:subject+role:referred")],
        {}, id="quotation_after_its_speaker"),
    # Dmitry Peskov said Russia was concerned. ¶ We urge both parties. (no quotation: the writer's own "we", no one named)
    pytest.param("discourse:reporting_verbs", (
        "Dmitry/Dmitry/PROPN/compound/1/NNP Peskov/Peskov/PROPN/nsubj/2/NNP said/say/VERB/ROOT/2/VBD Russia/Russia/PROPN/nsubj/4/NNP was/be/AUX/ccomp/2/VBD "
        "concerned/concerned/ADJ/acomp/4/JJ ././PUNCT/punct/2/.",
        PARAGRAPH,
        "We/we/PRON/nsubj/1/PRP urge/urge/VERB/ROOT/1/VBP both/both/DET/det/3/DT parties/party/NOUN/dobj/1/NNS ././PUNCT/punct/1/.",
    ),
        {(0, 2): ("PERSON", "person:dmitry-peskov"), 3: ("GPE", RUSSIA)},
        [("dropped", "gate:no_participant", "urge")],
        {}, id="no_quotation_no_speaker"),
    # Nikol Pashinyan said that Azerbaijan spreads disinformation about the talks.
    pytest.param("discourse:reporting_verbs",
        "Nikol/Nikol/PROPN/compound/1/NNP Pashinyan/Pashinyan/PROPN/nsubj/2/NNP said/say/VERB/ROOT/2/VBD that/that/SCONJ/mark/5/IN Azerbaijan/Azerbaijan/PROPN/nsubj/5/NNP "
        "spreads/spread/VERB/ccomp/2/VBZ disinformation/disinformation/NOUN/dobj/5/NN about/about/ADP/prep/6/IN the/the/DET/det/9/DT talks/talk/NOUN/pobj/7/NNS "
        "././PUNCT/punct/2/.",
        {(0, 2): ("PERSON", "person:nikol-pashinyan"), 4: ("GPE", AZERBAIJAN)},
        [("ACCUSE", "disinformation", ("person:nikol-pashinyan",), (AZERBAIJAN,), "asserted", None, None, "accusing_noun:disinformation+role:light_verb+role:subject+rewrite:spoken_accusation")],
        {}, id="speaker_accuses"),
    # Nikol Pashinyan knew that Azerbaijan spreads disinformation about the talks.
    pytest.param("discourse:reporting_verbs",
        "Nikol/Nikol/PROPN/compound/1/NNP Pashinyan/Pashinyan/PROPN/nsubj/2/NNP knew/know/VERB/ROOT/2/VBD that/that/SCONJ/mark/5/IN Azerbaijan/Azerbaijan/PROPN/nsubj/5/NNP "
        "spreads/spread/VERB/ccomp/2/VBZ disinformation/disinformation/NOUN/dobj/5/NN about/about/ADP/prep/6/IN the/the/DET/det/9/DT talks/talk/NOUN/pobj/7/NNS "
        "././PUNCT/punct/2/.",
        {(0, 2): ("PERSON", "person:nikol-pashinyan"), 4: ("GPE", AZERBAIJAN)},
        [("dropped", "gate:background_noun", "disinformation")],
        {}, id="no_speaker"),
    # Armenia and Azerbaijan issued a statement. Both countries agreed to exchange detainees.
    pytest.param("discourse:group_nouns", (
        "Armenia/Armenia/PROPN/nsubj/3/NNP and/and/CCONJ/cc/0/CC Azerbaijan/Azerbaijan/PROPN/conj/0/NNP issued/issue/VERB/ROOT/3/VBD a/a/DET/det/5/DT "
        "statement/statement/NOUN/dobj/3/NN ././PUNCT/punct/3/.",
        "Both/both/DET/det/1/DT countries/country/NOUN/nsubj/2/NNS agreed/agree/VERB/ROOT/2/VBD to/to/PART/aux/4/TO exchange/exchange/VERB/xcomp/2/VB "
        "detainees/detainee/NOUN/dobj/4/NNS ././PUNCT/punct/2/.",
    ),
        {0: ("GPE", ARMENIA), 2: ("GPE", AZERBAIJAN)},
        [("AGREE", "agreement", (ARMENIA, AZERBAIJAN), (), "asserted", None, None, "trigger:agree:verb:agreement+role:subject+role:referred"),
         ("AGREE", "prisoner_exchange", (ARMENIA, AZERBAIJAN), (), "asserted", None, None, "trigger:exchange:any:prisoner_exchange+role:climb+role:subject+role:referred")],
        {}, id="group_noun"),
    # Armenia and Azerbaijan issued a statement. The other countries agreed to exchange detainees. (others than the parties)
    pytest.param("discourse:other_groups", (
        "Armenia/Armenia/PROPN/nsubj/3/NNP and/and/CCONJ/cc/0/CC Azerbaijan/Azerbaijan/PROPN/conj/0/NNP issued/issue/VERB/ROOT/3/VBD a/a/DET/det/5/DT "
        "statement/statement/NOUN/dobj/3/NN ././PUNCT/punct/3/.",
        "The/the/DET/det/2/DT other/other/ADJ/amod/2/JJ countries/country/NOUN/nsubj/3/NNS agreed/agree/VERB/ROOT/3/VBD to/to/PART/aux/5/TO "
        "exchange/exchange/VERB/xcomp/3/VB detainees/detainee/NOUN/dobj/5/NNS ././PUNCT/punct/3/.",
    ),
        {0: ("GPE", ARMENIA), 2: ("GPE", AZERBAIJAN)},
        [("dropped", "gate:no_participant", "agreed"),
         ("dropped", "gate:no_participant", "exchange")],
        {}, id="other_countries"),
    # Armenia and Azerbaijan issued a statement. Both cities agreed to exchange detainees.
    pytest.param("discourse:group_nouns", (
        "Armenia/Armenia/PROPN/nsubj/3/NNP and/and/CCONJ/cc/0/CC Azerbaijan/Azerbaijan/PROPN/conj/0/NNP issued/issue/VERB/ROOT/3/VBD a/a/DET/det/5/DT "
        "statement/statement/NOUN/dobj/3/NN ././PUNCT/punct/3/.",
        "Both/both/DET/det/1/DT cities/city/NOUN/nsubj/2/NNS agreed/agree/VERB/ROOT/2/VBD to/to/PART/aux/4/TO exchange/exchange/VERB/xcomp/2/VB "
        "detainees/detainee/NOUN/dobj/4/NNS ././PUNCT/punct/2/.",
    ),
        {0: ("GPE", ARMENIA), 2: ("GPE", AZERBAIJAN)},
        [("dropped", "gate:no_participant", "agreed"),
         ("dropped", "gate:no_participant", "exchange")],
        {}, id="not_a_group_noun"),
    # Ilham Aliyev of Azerbaijan and Nikol Pashinyan of Armenia spoke by phone. Aliyev and Pashinyan discussed the
    # border. The two leaders will meet in Prague.
    pytest.param("discourse:leader_nouns", (
        "Ilham/Ilham/PROPN/compound/1/NNP Aliyev/Aliyev/PROPN/nsubj/9/NNP of/of/ADP/prep/1/IN Azerbaijan/Azerbaijan/PROPN/pobj/2/NNP and/and/CCONJ/cc/1/CC "
        "Nikol/Nikol/PROPN/compound/6/NNP Pashinyan/Pashinyan/PROPN/conj/1/NNP of/of/ADP/prep/6/IN Armenia/Armenia/PROPN/pobj/7/NNP spoke/speak/VERB/ROOT/9/VBD "
        "by/by/ADP/prep/9/IN phone/phone/NOUN/pobj/10/NN ././PUNCT/punct/9/.",
        "Aliyev/Aliyev/PROPN/nsubj/3/NNP and/and/CCONJ/cc/0/CC Pashinyan/Pashinyan/PROPN/conj/0/NNP discussed/discuss/VERB/ROOT/3/VBD the/the/DET/det/5/DT "
        "border/border/NOUN/dobj/3/NN ././PUNCT/punct/3/.",
        "The/the/DET/det/2/DT two/two/NUM/nummod/2/CD leaders/leader/NOUN/nsubj/4/NNS will/will/AUX/aux/4/MD meet/meet/VERB/ROOT/4/VB "
        "in/in/ADP/prep/4/IN Prague/Prague/PROPN/pobj/5/NNP ././PUNCT/punct/4/.",
    ),
        {(0, 2): ("PERSON", "person:ilham-aliyev"), 3: ("GPE", AZERBAIJAN), (5, 7): ("PERSON", "person:nikol-pashinyan"), 8: ("GPE", ARMENIA), 13: ("PERSON", "person:ilham-aliyev"), 15: ("PERSON", "person:nikol-pashinyan"), 26: ("GPE", "geonames:3067696")},
        [("CONSULT", "phone_call", ("person:ilham-aliyev", AZERBAIJAN, "person:nikol-pashinyan", ARMENIA), (), "asserted", None, None, "trigger:speak:verb:phone_call+role:subject"),
         ("CONSULT", "discussion", ("person:ilham-aliyev", "person:nikol-pashinyan"), (), "asserted", None, None, "trigger:discuss:verb:discussion+role:subject"),
         ("CONSULT", "meeting", ("person:ilham-aliyev", "person:nikol-pashinyan", AZERBAIJAN, ARMENIA), (), "planned", "geonames:3067696", None,
          "trigger:meet:verb:meeting+role:subject+role:referred+modality:planned+attribute:place")],
        {}, id="two_leaders"),
    # Ilham Aliyev of Azerbaijan and Nikol Pashinyan of Armenia spoke by phone. Aliyev and Pashinyan discussed the
    # border. The two envoys will meet in Prague.
    pytest.param("discourse:leader_nouns", (
        "Ilham/Ilham/PROPN/compound/1/NNP Aliyev/Aliyev/PROPN/nsubj/9/NNP of/of/ADP/prep/1/IN Azerbaijan/Azerbaijan/PROPN/pobj/2/NNP and/and/CCONJ/cc/1/CC "
        "Nikol/Nikol/PROPN/compound/6/NNP Pashinyan/Pashinyan/PROPN/conj/1/NNP of/of/ADP/prep/6/IN Armenia/Armenia/PROPN/pobj/7/NNP spoke/speak/VERB/ROOT/9/VBD "
        "by/by/ADP/prep/9/IN phone/phone/NOUN/pobj/10/NN ././PUNCT/punct/9/.",
        "Aliyev/Aliyev/PROPN/nsubj/3/NNP and/and/CCONJ/cc/0/CC Pashinyan/Pashinyan/PROPN/conj/0/NNP discussed/discuss/VERB/ROOT/3/VBD the/the/DET/det/5/DT "
        "border/border/NOUN/dobj/3/NN ././PUNCT/punct/3/.",
        "The/the/DET/det/2/DT two/two/NUM/nummod/2/CD envoys/envoy/NOUN/nsubj/4/NNS will/will/AUX/aux/4/MD meet/meet/VERB/ROOT/4/VB "
        "in/in/ADP/prep/4/IN Prague/Prague/PROPN/pobj/5/NNP ././PUNCT/punct/4/.",
    ),
        {(0, 2): ("PERSON", "person:ilham-aliyev"), 3: ("GPE", AZERBAIJAN), (5, 7): ("PERSON", "person:nikol-pashinyan"), 8: ("GPE", ARMENIA), 13: ("PERSON", "person:ilham-aliyev"), 15: ("PERSON", "person:nikol-pashinyan"), 26: ("GPE", "geonames:3067696")},
        [("CONSULT", "phone_call", ("person:ilham-aliyev", AZERBAIJAN, "person:nikol-pashinyan", ARMENIA), (), "asserted", None, None, "trigger:speak:verb:phone_call+role:subject"),
         ("CONSULT", "discussion", ("person:ilham-aliyev", "person:nikol-pashinyan"), (), "asserted", None, None, "trigger:discuss:verb:discussion+role:subject"),
         ("dropped", "gate:no_participant", "meet")],
        {}, id="not_leaders"),
    # Georgia and Russia set up two working groups on border issues. The Georgian group is headed by Ilia
    # Darchiashvili, Foreign Minister of Georgia. The head of the Georgian group called for talks on the border.
    pytest.param("discourse:leader_roles", (
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
        {}, id="head_of_group"),
    # Georgia and Russia set up two working groups on border issues. The Georgian group is headed by Ilia
    # Darchiashvili, Foreign Minister of Georgia. The spokesman of the Georgian group called for talks on the
    # border.
    pytest.param("discourse:leader_roles", (
        "Georgia/Georgia/PROPN/nsubj/3/NNP and/and/CCONJ/cc/0/CC Russia/Russia/PROPN/conj/0/NNP set/set/VERB/ROOT/3/VBD up/up/ADP/prt/3/RP "
        "two/two/NUM/nummod/7/CD working/work/VERB/amod/7/VBG groups/group/NOUN/dobj/3/NNS on/on/ADP/prep/7/IN border/border/NOUN/compound/10/NN "
        "issues/issue/NOUN/pobj/8/NNS ././PUNCT/punct/3/.",
        "The/the/DET/det/2/DT Georgian/georgian/ADJ/amod/2/JJ group/group/NOUN/nsubjpass/4/NN is/be/AUX/auxpass/4/VBZ headed/head/VERB/ROOT/4/VBN "
        "by/by/ADP/agent/4/IN Ilia/Ilia/PROPN/compound/7/NNP Darchiashvili/Darchiashvili/PROPN/pobj/5/NNP ,/,/PUNCT/punct/7/, Foreign/Foreign/PROPN/compound/10/NNP "
        "Minister/Minister/PROPN/appos/7/NNP of/of/ADP/prep/10/IN Georgia/Georgia/PROPN/pobj/11/NNP ././PUNCT/punct/4/.",
        "The/the/DET/det/1/DT spokesman/spokesman/NOUN/nsubj/6/NN of/of/ADP/prep/1/IN the/the/DET/det/5/DT Georgian/georgian/ADJ/amod/5/JJ "
        "group/group/NOUN/pobj/2/NN called/call/VERB/ROOT/6/VBD for/for/ADP/prep/6/IN talks/talk/NOUN/pobj/7/NNS on/on/ADP/prep/8/IN "
        "the/the/DET/det/11/DT border/border/NOUN/pobj/9/NN ././PUNCT/punct/6/.",
    ),
        {0: ("GPE", GEORGIA), 2: ("GPE", RUSSIA), 13: ("NORP", None), (18, 20): ("PERSON", "person:ilia-darchiashvili"), 24: ("GPE", GEORGIA), 30: ("NORP", None)},
        [("REQUEST", "appeal", (GEORGIA,), (), "asserted", None, None, "trigger:call:verb:appeal+role:subject")],
        {}, id="not_a_leader_role"),
    # Georgia and Russia set up two working groups on border issues. The Georgian group is advised by Ilia
    # Darchiashvili, Foreign Minister of Georgia. The head of the Georgian group called for talks on the border.
    pytest.param("discourse:leading_verbs", (
        "Georgia/Georgia/PROPN/nsubj/3/NNP and/and/CCONJ/cc/0/CC Russia/Russia/PROPN/conj/0/NNP set/set/VERB/ROOT/3/VBD up/up/ADP/prt/3/RP "
        "two/two/NUM/nummod/7/CD working/work/VERB/amod/7/VBG groups/group/NOUN/dobj/3/NNS on/on/ADP/prep/7/IN border/border/NOUN/compound/10/NN "
        "issues/issue/NOUN/pobj/8/NNS ././PUNCT/punct/3/.",
        "The/the/DET/det/2/DT Georgian/georgian/ADJ/amod/2/JJ group/group/NOUN/nsubjpass/4/NN is/be/AUX/auxpass/4/VBZ advised/advise/VERB/ROOT/4/VBN "
        "by/by/ADP/agent/4/IN Ilia/Ilia/PROPN/compound/7/NNP Darchiashvili/Darchiashvili/PROPN/pobj/5/NNP ,/,/PUNCT/punct/7/, Foreign/Foreign/PROPN/compound/10/NNP "
        "Minister/Minister/PROPN/appos/7/NNP of/of/ADP/prep/10/IN Georgia/Georgia/PROPN/pobj/11/NNP ././PUNCT/punct/4/.",
        "The/the/DET/det/1/DT head/head/NOUN/nsubj/6/NN of/of/ADP/prep/1/IN the/the/DET/det/5/DT Georgian/georgian/ADJ/amod/5/JJ "
        "group/group/NOUN/pobj/2/NN called/call/VERB/ROOT/6/VBD for/for/ADP/prep/6/IN talks/talk/NOUN/pobj/7/NNS on/on/ADP/prep/8/IN "
        "the/the/DET/det/11/DT border/border/NOUN/pobj/9/NN ././PUNCT/punct/6/.",
    ),
        {0: ("GPE", GEORGIA), 2: ("GPE", RUSSIA), 13: ("NORP", None), (18, 20): ("PERSON", "person:ilia-darchiashvili"), 24: ("GPE", GEORGIA), 30: ("NORP", None)},
        [("REQUEST", "appeal", (GEORGIA,), (), "asserted", None, None, "trigger:call:verb:appeal+role:subject")],
        {}, id="not_a_leading_verb"),
    # Antony Blinken phoned Ilham Aliyev to get his country to agree to the talks.
    pytest.param("discourse:state_nouns",
        "Antony/Antony/PROPN/compound/1/NNP Blinken/Blinken/PROPN/nsubj/2/NNP phoned/phone/VERB/ROOT/2/VBD Ilham/Ilham/PROPN/compound/4/NNP Aliyev/Aliyev/PROPN/dobj/2/NNP "
        "to/to/PART/aux/6/TO get/get/VERB/advcl/2/VB his/his/PRON/poss/8/PRP$ country/country/NOUN/nsubj/10/NN to/to/PART/aux/10/TO "
        "agree/agree/VERB/ccomp/6/VB to/to/ADP/prep/10/IN the/the/DET/det/13/DT talks/talk/NOUN/pobj/11/NNS ././PUNCT/punct/2/.",
        {(0, 2): ("PERSON", "person:antony-blinken"), (3, 5): ("PERSON", "person:ilham-aliyev")},
        [("CONSULT", "phone_call", ("person:antony-blinken",), ("person:ilham-aliyev",), "asserted", None, None, "trigger:phone:verb:phone_call+role:subject+role:object"),
         ("AGREE", "agreement", (AZERBAIJAN,), (), "asserted", None, None, "trigger:agree:verb:agreement+role:subject+role:referred")],
        {}, id="his_country"),
    # The US State Department issued a release. The country condemns the violence. (the last country or state body named)
    pytest.param("discourse:state_nouns", (
        "The/the/DET/det/3/DT US/US/PROPN/compound/3/NNP State/State/PROPN/compound/3/NNP Department/Department/PROPN/nsubj/4/NNP issued/issue/VERB/ROOT/4/VBD "
        "a/a/DET/det/6/DT release/release/NOUN/dobj/4/NN ././PUNCT/punct/4/.",
        "The/the/DET/det/1/DT country/country/NOUN/nsubj/2/NN condemns/condemn/VERB/ROOT/2/VBZ the/the/DET/det/4/DT violence/violence/NOUN/dobj/2/NN ././PUNCT/punct/2/.",
    ),
        {(1, 4): ("ORG", "org:us-department-of-state")},
        [("ACCUSE", "criticism", ("org:us-department-of-state", "geonames:6252001"), (), "asserted", None, None,
          "trigger:condemn:verb:criticism+role:subject+role:referred+rewrite:acts_for")],
        {}, id="the_country"),
    # The report appeared. The country condemns the violence. (no country named before: no one)
    pytest.param("discourse:state_nouns", (
        "The/the/DET/det/1/DT report/report/NOUN/nsubj/2/NN appeared/appear/VERB/ROOT/2/VBD ././PUNCT/punct/2/.",
        "The/the/DET/det/1/DT country/country/NOUN/nsubj/2/NN condemns/condemn/VERB/ROOT/2/VBZ the/the/DET/det/4/DT violence/violence/NOUN/dobj/2/NN ././PUNCT/punct/2/.",
    ),
        {},
        [("dropped", "gate:no_participant", "condemns")],
        {}, id="the_country_unnamed"),
    # Antony Blinken phoned Ilham Aliyev to get his party to agree to the talks.
    pytest.param("discourse:state_nouns",
        "Antony/Antony/PROPN/compound/1/NNP Blinken/Blinken/PROPN/nsubj/2/NNP phoned/phone/VERB/ROOT/2/VBD Ilham/Ilham/PROPN/compound/4/NNP Aliyev/Aliyev/PROPN/dobj/2/NNP "
        "to/to/PART/aux/6/TO get/get/VERB/advcl/2/VB his/his/PRON/poss/8/PRP$ party/party/NOUN/nsubj/10/NN to/to/PART/aux/10/TO "
        "agree/agree/VERB/ccomp/6/VB to/to/ADP/prep/10/IN the/the/DET/det/13/DT talks/talk/NOUN/pobj/11/NNS ././PUNCT/punct/2/.",
        {(0, 2): ("PERSON", "person:antony-blinken"), (3, 5): ("PERSON", "person:ilham-aliyev")},
        [("CONSULT", "phone_call", ("person:antony-blinken",), ("person:ilham-aliyev",), "asserted", None, None, "trigger:phone:verb:phone_call+role:subject+role:object"),
         ("dropped", "gate:no_participant", "agree")],
        {}, id="his_party"),
    # Armenia's foreign minister met his Czech counterpart.
    pytest.param("discourse:office_words",
        "Armenia/Armenia/PROPN/poss/3/NNP 's/'s/PART/case/0/POS foreign/foreign/ADJ/amod/3/JJ minister/minister/NOUN/nsubj/4/NN met/meet/VERB/ROOT/4/VBD "
        "his/his/PRON/poss/7/PRP$ Czech/Czech/PROPN/compound/7/NNP counterpart/counterpart/NOUN/dobj/4/NN ././PUNCT/punct/4/.",
        {0: ("GPE", ARMENIA), 6: ("NORP", None)},
        [("CONSULT", "meeting", ("person:ararat-mirzoyan", ARMENIA), ("geonames:3077311",), "asserted", None, None, "trigger:meet:verb:meeting+role:subject+role:office_holder+role:object+attribute:published_date")],
        {'published': '2023-03-27'}, id="office_words"),
    # Antony Blinken phoned Ilham Aliyev to get his party to agree to the talks.
    pytest.param("discourse:state_nouns",
        "Antony/Antony/PROPN/compound/1/NNP Blinken/Blinken/PROPN/nsubj/2/NNP phoned/phone/VERB/ROOT/2/VBD Ilham/Ilham/PROPN/compound/4/NNP Aliyev/Aliyev/PROPN/dobj/2/NNP "
        "to/to/PART/aux/6/TO get/get/VERB/advcl/2/VB his/his/PRON/poss/8/PRP$ party/party/NOUN/nsubj/10/NN to/to/PART/aux/10/TO "
        "agree/agree/VERB/ccomp/6/VB to/to/ADP/prep/10/IN the/the/DET/det/13/DT talks/talk/NOUN/pobj/11/NNS ././PUNCT/punct/2/.",
        {(0, 2): ("PERSON", "person:antony-blinken"), (3, 5): ("PERSON", "person:ilham-aliyev")},
        [("CONSULT", "phone_call", ("person:antony-blinken",), ("person:ilham-aliyev",), "asserted", None, None, "trigger:phone:verb:phone_call+role:subject+role:object"),
         ("dropped", "gate:no_participant", "agree")],
        {}, id="his_party"),
    # Armenia's chief negotiator met his Czech counterpart.
    pytest.param("discourse:office_words",
        "Armenia/Armenia/PROPN/poss/3/NNP 's/'s/PART/case/0/POS chief/chief/ADJ/amod/3/JJ negotiator/negotiator/NOUN/nsubj/4/NN met/meet/VERB/ROOT/4/VBD "
        "his/his/PRON/poss/7/PRP$ Czech/Czech/PROPN/compound/7/NNP counterpart/counterpart/NOUN/dobj/4/NN ././PUNCT/punct/4/.",
        {0: ("GPE", ARMENIA), 6: ("NORP", None)},
        [("CONSULT", "meeting", (ARMENIA,), ("geonames:3077311",), "asserted", None, None, "trigger:meet:verb:meeting+role:subject+role:object+attribute:published_date")],
        {'published': '2023-03-27'}, id="not_an_office"),
]


@pytest.mark.parametrize("rule_id, sentences, names, expected, context", CASES)
def test_discourse(rule_id, sentences, names, expected, context):
    check_row(rule_id, sentences, names, expected, **context)



def test_a_quotation_is_read_within_its_paragraph():
    # the first "We" is quoted; after the blank line the paragraph starts anew, so its "We" is not, and its
    # odd straight quote leaves "she" quoted; a curly quote closed again ends the quotation ("and")
    doc = spacy.blank("en")('He said: "We will sign it.\n\nWe met," she said.\n\n«They left» and “we stayed')
    expected = {4: True, 10: False, 14: True, 19: True, 22: False, 24: True}  # We, We, she, They, and, we
    assert {i: in_quotation(doc[i]) for i in expected} == expected


@pytest.mark.parametrize("text, opening", [
    ('He said "no". Then she said "we agree on it', 9),  # two straight quotes closed before: the third opens it
    ('He said: \u201cIt ended. \u201cA\u201d was said. We agree on it', 3),  # a quotation inside it closed again
    ('He said "no". We agree on it', None),  # not in a quotation
])
def test_the_opening_of_a_quotation_is_the_mark_still_open(text, opening):
    doc = spacy.blank("en")(text)
    found = quotation_opening(doc[len(doc) - 1])
    assert (found.i if found is not None else None) == opening


@pytest.mark.parametrize("second_rules, kept", [
    ("trigger:sign:verb:agreement_signed+role:subject+discourse:additive", 2),  # "also signed": two signings
    ("trigger:sign:verb:agreement_signed+role:subject", 1),  # one signing told twice
])
def test_a_further_event_of_its_kind_is_not_merged_with_the_one_before(second_rules, kept):
    from caucasus_nlp.extract.events.mention import EventMention
    from caucasus_nlp.extract.events.merge import article_events

    def signing(sent_idx, rule_id):
        return EventMention(sent_idx=sent_idx, event_type="AGREE", subtype="agreement_signed", trigger="signed", trigger_start=sent_idx * 100,
                            trigger_lemma="sign", actors=(ARMENIA,), targets=(), location_id=None, date=None, date_precision=None,
                            modality="asserted", quantity=None, sentence="", rule_id=rule_id)

    assert len(article_events([signing(1, "trigger:sign:verb:agreement_signed+role:subject"), signing(2, second_rules)])) == kept

