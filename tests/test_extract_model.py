"""Extractors over the full pipeline (statistical model + caucasus components): end-to-end runs over the model; the
rule-by-rule cases live in the stage tables (tests/test_event_*.py) on hand-built parses."""

import pytest

from caucasus_nlp.analysis import analyze_doc

pytestmark = pytest.mark.slow


def _events(nlp, text, published="2023-12-08"):
    return analyze_doc(nlp(text), published).events


def test_a_headline_event_is_one_with_the_first_body_event_of_its_kind_whoever_they_name(nlp):
    text = ("Armenia accuses Azerbaijan of blockading Lachin corridor\n\n"
            "Armenia's Foreign Ministry accused Azerbaijan on 12 December of blockading the Lachin corridor. "
            "Separately, Russia accused Azerbaijan of violating the ceasefire.")
    accusations = [e for e in analyze_doc(nlp(text), "2022-12-13").events if e.event_type == "ACCUSE"]
    # headline and lead are one report, dated by the lead; Russia's accusation is another, which its own
    # sentence does not date: it borrows the lead's date, and says so (date_source "lead")
    assert [(e.sent_idx, e.date, e.date_source) for e in accusations] == [(0, "2022-12-12", "sentence"), (2, "2022-12-12", "lead")]
    assert {"geonames:174982", "org:mfa-armenia"} <= set(accusations[0].actors)
    assert accusations[1].actors == ("geonames:2017370",)


@pytest.mark.parametrize(
    "text, event_type, subtype, actor",
    [
        ("Azerbaijan released 32 Armenian servicemen.", "CONCEDE", "prisoner_release", "geonames:587116"),
        ("Sergei Lavrov met Ilham Aliyev in Baku.", "CONSULT", "meeting", "person:sergei-lavrov"),
        ("Charles Michel welcomed the agreement.", "SUPPORT", "statement_support", "person:charles-michel"),
        ("Russia accused Azerbaijan of violating the ceasefire.", "ACCUSE", "ceasefire_violation", "geonames:2017370"),
        ("Armenia denied the claims.", "REJECT", "denial", "geonames:174982"),
        ("The Netherlands summoned the Azerbaijani ambassador.", "SANCTION", "ambassador_summoned", None),
        ("Baku urged Yerevan to sign the peace treaty.", "REQUEST", "appeal", "geonames:587116"),
    ],
)
def test_event_types_and_actors(nlp, text, event_type, subtype, actor):
    events = _events(nlp, text)
    match = [e for e in events if (e.event_type, e.subtype) == (event_type, subtype)]
    assert match, events
    if actor:
        assert actor in match[0].actors


@pytest.mark.parametrize(
    "text, modality",
    [
        ("Azerbaijan will release 32 Armenian servicemen.", "planned"),
        ("Armenia did not release the prisoners.", "negated"),
        ("Pashinyan said that Armenia should sign the treaty.", "hypothetical"),
        ("Azerbaijan released 32 Armenian servicemen.", "asserted"),
    ],
)
def test_modality(nlp, text, modality):
    assert _events(nlp, text)[0].modality == modality


def test_what_only_might_happen_is_a_dropped_candidate_not_an_event(nlp):
    analysis = analyze_doc(nlp("Azerbaijan could attack Armenia."), "2023-05-06")
    assert analysis.events == []
    assert [(c.gate_id, c.event_type, c.trigger) for c in analysis.dropped] == [("gate:unasserted", "ASSAULT", "attack")]


def test_quantity_and_sentence_date(nlp):
    (event,) = [e for e in _events(nlp, "Azerbaijan released 32 Armenian servicemen on Thursday.") if e.event_type == "CONCEDE"]
    assert (event.quantity, event.date, event.targets) == (32, "2023-12-07", ("geonames:174982",))


def test_sentence_without_trigger_has_no_event(nlp):
    assert _events(nlp, "The weather in Yerevan was mild.") == []


@pytest.mark.parametrize(
    "text, agreement_id, status",
    [
        ("The sides signed the peace treaty.", "agreement:armenia-azerbaijan-peace-treaty", "signed"),
        ("Azerbaijan violated the trilateral statement.", "agreement:trilateral-statement-2020-11-10", "violated"),
        ("Armenia intends to ratify the Rome Statute.", "agreement:rome-statute", "proposed"),
        ("The joint statement was mentioned.", "agreement:joint-statement-2023-12-07", "referenced"),
        # a signing hoped for, planned, possible or promised has not happened
        ("Armenia and Azerbaijan hope to sign the peace treaty this year.", "agreement:armenia-azerbaijan-peace-treaty", "proposed"),
        ("Pashinyan spoke of the possible signing of the peace treaty.", "agreement:armenia-azerbaijan-peace-treaty", "proposed"),
        ("The leaders will sign the peace treaty in Washington.", "agreement:armenia-azerbaijan-peace-treaty", "proposed"),
        ("Aliyev declared his readiness to sign the peace treaty.", "agreement:armenia-azerbaijan-peace-treaty", "proposed"),
        ("The peace treaty could be signed soon, Mirzoyan said.", "agreement:armenia-azerbaijan-peace-treaty", "proposed"),
        ("The sides are negotiating and hope to sign the peace treaty.", "agreement:armenia-azerbaijan-peace-treaty", "negotiated"),
        ("The peace treaty was signed on Friday.", "agreement:armenia-azerbaijan-peace-treaty", "signed"),
        ("Pashinyan attended the signing of the peace treaty.", "agreement:armenia-azerbaijan-peace-treaty", "signed"),
        # a to-infinitive is not yet done, a verb coordinated under an intention shares it, a subject takes its verb's mood
        ("Washington pressures both sides to reach the peace treaty.", "agreement:armenia-azerbaijan-peace-treaty", "proposed"),
        ("The two countries reconfirmed their intention to normalize relations and to reach the peace treaty.",
         "agreement:armenia-azerbaijan-peace-treaty", "proposed"),
        ("Both sides announced their commitment to signing the peace treaty.", "agreement:armenia-azerbaijan-peace-treaty", "proposed"),
        ("The signing of the peace treaty will take place in Washington.", "agreement:armenia-azerbaijan-peace-treaty", "proposed"),
        ("Armenia managed to sign the peace treaty.", "agreement:armenia-azerbaijan-peace-treaty", "signed"),
        ("The signing of the peace treaty ended the war.", "agreement:armenia-azerbaijan-peace-treaty", "signed"),
        # what a participle says was done stays done, whatever the clause above it wants
        ("Moscow urged both sides to respect the trilateral statement signed in November 2020.",
         "agreement:trilateral-statement-2020-11-10", "signed"),
    ],
)
def test_agreements_with_status(nlp, text, agreement_id, status):
    (mention,) = analyze_doc(nlp(text), "2023-12-10").agreements
    assert (mention.agreement.id, mention.status) == (agreement_id, status)


@pytest.mark.parametrize(
    "text, rules",
    [
        ("The peace treaty was signed on Friday.", "status:signed"),
        ("Armenia and Azerbaijan hope to sign the peace treaty this year.", "status:signed+unrealized:infinitive+status:proposed"),
        ("The leaders will sign the peace treaty in Washington.", "status:signed+unrealized:auxiliary"),
        ("Pashinyan spoke of the possible signing of the peace treaty.", "status:signed+unrealized:intention"),
        ("The sides are negotiating and hope to sign the peace treaty.", "status:signed+unrealized:infinitive+status:negotiated"),
        ("The peace treaty was mentioned.", "status:referenced"),
    ],
)
def test_the_rules_that_decide_a_status_are_in_the_rule_id(nlp, text, rules):
    """resources/agreement_status.jsonl's ids follow the pattern's: what decided the status, in order."""
    (mention,) = analyze_doc(nlp(text), "2023-12-10").agreements
    assert mention.rule_id.split("+", 1)[1] == rules


def test_every_status_has_its_cue_row():
    from caucasus_nlp.extract.agreements import STATUSES, status_rules

    assert [i for i in status_rules() if i.startswith("status:") and i != "status:tied_cue"] == [f"status:{s}" for s in STATUSES]


@pytest.mark.parametrize(
    "text, statuses",
    [
        # each mention takes the cue tied to it, not the sentence's other cue
        ("He spoke of the possible signing of the peace treaty, while the trilateral statement was signed in 2020.",
         {"agreement:armenia-azerbaijan-peace-treaty": "proposed", "agreement:trilateral-statement-2020-11-10": "signed"}),
        ("The trilateral statement was signed in 2020 and the peace treaty was signed on Friday.",
         {"agreement:armenia-azerbaijan-peace-treaty": "signed", "agreement:trilateral-statement-2020-11-10": "signed"}),
    ],
)
def test_two_agreements_of_one_sentence_each_take_their_own_status(nlp, text, statuses):
    mentions = analyze_doc(nlp(text), "2023-12-10").agreements
    assert {m.agreement.id: m.status for m in mentions} == statuses


def test_generic_agreement_without_a_recent_canonical_one_is_its_own_row(nlp):
    (mention,) = analyze_doc(nlp("The joint statement was mentioned."), "2019-01-01").agreements
    assert mention.agreement.id == "agreement:joint-statement"


def test_surname_resolves_to_full_name_in_the_same_article(nlp):
    analysis = analyze_doc(nlp("Gaspar Nersesyan spoke first. Later Nersesyan left."), None)
    ids = [m.entity_id for m in analysis.entities if m.label == "PERSON"]
    assert ids == ["person:gaspar-nersesyan", "person:gaspar-nersesyan"]


def test_stock_ner_baseline_runs_without_the_domain_components():
    from caucasus_nlp.nlp import load_pipeline

    stock = load_pipeline(domain=False)
    assert not any(name.startswith("caucasus_") for name in stock.pipe_names)
    doc = stock("Azerbaijani officials met in Yerevan.")
    assert all(e._.source is None for e in doc.ents)


@pytest.mark.parametrize(
    "text, event_type, actor",
    [
        # "I" in a quotation: the speaker of the sentence
        ("\"I urge the two governments to finish the treaty,\" Charles Michel wrote.", "REQUEST", "person:charles-michel"),
        # "I" in a quotation standing alone: the person last named
        ("Charles Michel welcomed the agreement. \"I urge both governments to conclude the treaty soon.\"", "REQUEST", "person:charles-michel"),
        # a noun event is done by the subject of the verb it is the object of
        ("Armenia and Azerbaijan held talks in Brussels.", "CONSULT", "geonames:174982"),
        # a passive detention or sentence without an agent: the state it happened in
        ("Gagik Voskanyan was sentenced in Azerbaijan to eighteen years.", "COERCE", "geonames:587116"),
    ],
)
def test_actors_named_without_a_name(nlp, text, event_type, actor):
    events = [e for e in _events(nlp, text) if e.event_type == event_type]
    assert events and actor in events[0].actors, _events(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Two activists were detained by the police.",  # the agent names who did it: no guess from a place
        "The court in Yerevan refused to hear the case.",  # not a judicial act of the passive kind
    ],
)
def test_no_state_is_guessed_where_the_sentence_does_not_give_one(nlp, text):
    detentions = [e for e in _events(nlp, text) if e.subtype in ("detention", "sentencing")]
    assert all("geonames:174982" not in e.actors for e in detentions), detentions


def test_noun_event_that_no_one_does_is_background(nlp):
    assert [e.event_type for e in _events(nlp, "During the consultations the weather was mild.")] == []


def test_generic_ceasefire_links_to_the_ceasefire_the_article_names(nlp):
    text = "The trilateral statement of 10 November 2020 ended the war. The ceasefire was violated again."
    ids = {m.text: m.agreement.id for m in analyze_doc(nlp(text), "2023-03-25").agreements}
    assert ids["ceasefire"] == "agreement:trilateral-statement-2020-11-10"


@pytest.mark.parametrize(
    "text, published, actor",
    [
        ("The Azerbaijani president met the delegation in Baku.", "2023-12-08", "person:ilham-aliyev"),
    ],
)
def test_office_names_its_holder_when_the_article_was_written(nlp, text, published, actor):
    events = analyze_doc(nlp(text), published).events
    assert events and actor in events[0].actors, events


def test_same_event_twice_in_an_article_is_one_mention(nlp):
    text = "Azerbaijan released 32 Armenian servicemen.\n\nOn Thursday Azerbaijan released 32 Armenian servicemen at the border."
    releases = [e for e in analyze_doc(nlp(text), "2023-12-08").events if e.subtype == "prisoner_release"]
    assert len(releases) == 1 and releases[0].date == "2023-12-07"


@pytest.mark.parametrize(
    "text, event_type, subtype, actor",
    [
        ("Ilham Aliyev skipped the meeting in Granada.", "REJECT", "meeting_refusal", "person:ilham-aliyev"),
        ("Iran opposes the Zangezur corridor.", "REJECT", "opposition", "geonames:130758"),
        ("Armenia withdrew its bid to host COP29.", "CONCEDE", "candidacy_withdrawal", "geonames:174982"),
        ("Russia withdrew its troops from Stepanakert.", "RETREAT", "withdrawal", "geonames:2017370"),
        ("Armenia and Azerbaijan released a joint statement.", "AGREE", "joint_statement", "geonames:587116"),
        ("The Netherlands invited the Azerbaijani ambassador to the ministry.", "SANCTION", "ambassador_summoned", "geonames:2750405"),
        ("Armenia and Azerbaijan agreed on the peace treaty.", "AGREE", "peace_treaty", "geonames:174982"),
        ("Armenia collaborated with France on the project.", "COOPERATE", "partnership", "geonames:174982"),
        ("Vahan Kostanyan stressed the inadmissibility of such speculation.", "ACCUSE", "criticism", "person:vahan-kostanyan"),
        ("Armenia recalled its ambassador from Moscow.", "SANCTION", "ambassador_recalled", "geonames:174982"),
        ("Azerbaijan expelled two French diplomats.", "SANCTION", "diplomat_expelled", "geonames:587116"),
        ("Azerbaijan expelled the Armenian population of Nagorno-Karabakh.", "COERCE", "forced_displacement", "geonames:587116"),
        ("Azerbaijani troops opened fire on Armenian positions near Sotk.", "ASSAULT", "shelling", "geonames:587116"),
        ("Russia and Armenia held joint military exercises near Gyumri.", "MOBILIZE", "military_exercise", "geonames:2017370"),
        ("Armenia denounced the shelling of Jermuk.", "ACCUSE", "criticism", "geonames:174982"),
        ("The European Union sent humanitarian aid to Armenia.", "AID", "assistance", "org:european-union"),
        # a named person as object: "@person" in a cue
        ("Ilham Aliyev received Sergei Lavrov in Baku.", "CONSULT", "meeting", "person:ilham-aliyev"),
        ("Antony Blinken called Ilham Aliyev on Monday.", "CONSULT", "phone_call", "person:antony-blinken"),
    ],
)
def test_domain_event_subtypes(nlp, text, event_type, subtype, actor):
    events = [e for e in _events(nlp, text) if (e.event_type, e.subtype) == (event_type, subtype)]
    assert events and actor in events[0].actors, _events(nlp, text)


def test_appositions_and_wars_do_not_act(nlp):
    text = "Turkey, as the main ally of Baku in the war of 2020, insists on the route."
    (event,) = [e for e in _events(nlp, text) if e.event_type == "REQUEST"]
    assert event.actors == ("geonames:298795",)


@pytest.mark.parametrize(
    "text, event_types",
    [
        ("Ilham Aliyev recalled that on March 5 the Azerbaijani envoy met Armenians in Khankendi.", ["CONSULT"]),  # a clause
        ("The tribunal released its rulings on three of the detainees.", []),  # a phrase hung on the object
        ("Azerbaijan released two of the prisoners.", ["CONCEDE"]),  # "of" is the object's own
        ("Georgia insisted on a monitoring mission.", ["REQUEST"]),  # insisting on something demands it
        ("Antony Blinken spoke by phone with Ilham Aliyev.", ["CONSULT"]),  # speaking by phone is a call
        ("Ararat Mirzoyan spoke with Jeyhun Bayramov in Geneva.", ["CONSULT"]),  # speaking with a named person
        ("Nikol Pashinyan spoke to reporters in Yerevan.", []),  # speaking to the press consults no one
        ("Georgia insisted that the monitors had seen nothing.", []),  # insisting that something is so demands nothing
    ],
)
def test_a_cue_is_looked_for_in_the_triggers_own_arguments(nlp, text, event_types):
    events = _events(nlp, text)
    assert [e.event_type for e in events] == event_types, events


def test_noun_event_inside_another_phrase_takes_no_actor_from_the_verb(nlp):
    text = "Armenia informed the diplomats about shortages caused by the blockade of the Lachin corridor."
    assert [e for e in _events(nlp, text) if e.subtype == "blockade"] == []


AZERBAIJAN, ARMENIA = "geonames:587116", "geonames:174982"
GEORGIA, TURKEY, GREECE, RUSSIA = "geonames:614540", "geonames:298795", "geonames:390903", "geonames:2017370"


@pytest.mark.parametrize(
    "text, event_type, subtype, actors",
    [
        # a state body acts for its state: the knowledge base's acts_for
        ("The Azerbaijani Defence Ministry said it had taken control of the heights.", "COERCE", "territorial_control",
         ("org:mod-azerbaijan", AZERBAIJAN)),
        # "it" continues the topic of the sentence before, not the last name said
        ("The Joint Armenian-Azerbaijani Liaison Group gathered in Vienna. The Group assessed the border situation. "
         "It welcomed the return to direct talks.", "SUPPORT", "statement_support", ("org:jolig",)),
        # the phrase after "between", not the clauses hung on it
        ("Armenia and Azerbaijan issued a statement. Talks between the two countries held in Washington resumed.", "CONSULT",
         "negotiation", (ARMENIA, AZERBAIJAN)),
        # "his government": the state of the person last named
        ("Nikol Pashinyan spoke in Paris. He said that his government had invited Azerbaijani officials to Yerevan.", "REQUEST",
         "invitation", (ARMENIA,)),
        # "I" in a quotation: the person the sentences before speak of
        ("Charles Michel spoke in Brussels. He said he was pleased. \"I urge the leaders to sign the treaty soon.\"", "REQUEST",
         "appeal", ("person:charles-michel",)),
        # "they" or "we" under a verb of saying whose subject names several: those who said it
        ("Russia hosted the talks. Ilham Aliyev and Nikol Pashinyan said they agreed to refrain from the use of force.", "AGREE", "agreement",
         ("person:ilham-aliyev", "person:nikol-pashinyan")),
        ("Russia hosted the talks. \"We agreed on a joint statement,\" Ilham Aliyev and Nikol Pashinyan said.", "AGREE", "joint_statement",
         ("person:ilham-aliyev", "person:nikol-pashinyan")),
        # "I" outside quotation marks, with no one named nearer: the person the headline names (a statement's author)
        ("Statement from President Joe Biden on the talks in Baku\n\nThe talks ended in Baku on Friday. Many delegations took part "
         "in the work. The sides worked through the night. I congratulate the Parties on the outcome.", "SUPPORT", "greeting",
         ("person:joe-biden",)),
        # "I" in a quotation of several sentences: the speaker of the sentence that opens it, the person of an apposition
        ("In Berlin, the OSCE Chairman-in-Office, Frank-Walter Steinmeier, said: \u201cReports on the ceasefire are encouraging. "
         "Our efforts must now focus on stabilizing it. Hostilities must stop for good. "
         "I welcome the early visit of the Co-Chairs to the region.\u201d", "SUPPORT", "statement_support", ("person:frank-walter-steinmeier",)),
        # "the latter", "the former": by position among the last two named
        ("Georgia and Turkey held talks; the latter accused the former of stalling.", "ACCUSE", "accusation", ("geonames:298795",)),
        # an ambassador summoned "to the ministry": the ministry's state summoned
        ("The Azerbaijani ambassador was summoned to the Armenian Foreign Ministry.", "SANCTION", "ambassador_summoned",
         ("org:mfa-armenia", ARMENIA)),
        # a clause's subject took part in the meeting it spoke at
        ("Ilham Aliyev spoke at a meeting with Frank-Walter Steinmeier in Berlin.", "CONSULT", "meeting", ("person:ilham-aliyev",)),
        ("Georgia and Armenia recognised each other's borders.", "AGREE", "mutual_recognition", ("geonames:614540", ARMENIA)),
        ("Vahan Kostanyan expressed gratitude to Iraq for its position.", "SUPPORT", "gratitude", ("person:vahan-kostanyan",)),
        ("Azerbaijan expelled the Armenian population of Nagorno-Karabakh.", "COERCE", "forced_displacement", (AZERBAIJAN,)),
        ("Armenia and Azerbaijan will continue their discussions on the border.", "CONSULT", "discussion", (ARMENIA, AZERBAIJAN)),
        # the parties "between" names take part in a noun event, not the one who welcomed it
        ("The OSCE said Armenia and Azerbaijan had made progress. It welcomed the face to face negotiations between the two "
         "countries.", "CONSULT", "negotiation", (ARMENIA, AZERBAIJAN)),
        # "the leaders of the two countries": the countries; "the foreign ministers": the two main countries' ministers
        ("Armenia and Azerbaijan exchanged notes. The OSCE welcomed the next meeting of the leaders of the two countries.",
         "CONSULT", "meeting", (ARMENIA, AZERBAIJAN)),
        ("Armenia and Azerbaijan exchanged notes. A meeting of the foreign ministers is planned to be held in Geneva.",
         "CONSULT", "meeting", (ARMENIA, AZERBAIJAN)),
    ],
)
def test_actors_of_state_bodies_pronouns_and_cut_off_subjects(nlp, text, event_type, subtype, actors):
    events = [e for e in _events(nlp, text) if (e.event_type, e.subtype) == (event_type, subtype)]
    assert events and set(actors) <= set(events[0].actors), _events(nlp, text)
    assert not set(events[0].targets) & set(actors)


def test_meetings_in_different_places_in_one_article_are_different_events(nlp):
    text = ("Armenia and Azerbaijan exchanged notes. The EU looked forward to the next meeting of the leaders of the two "
            "countries in Brussels on 14 May. It noted that a meeting of the foreign ministers was planned to be held in Moscow "
            "on 20 May.")
    meetings = [e for e in analyze_doc(nlp(text), "2023-05-12").events if e.subtype == "meeting"]
    assert [(e.location_id, e.date) for e in meetings] == [("geonames:2800866", "2023-05-14"), ("geonames:524901", "2023-05-20")]


def test_the_head_of_a_group_is_the_person_the_article_said_heads_it(nlp):
    text = ("Georgia and Russia set up two working groups on border issues. The Georgian group is headed by Ilia Darchiashvili, "
            "Foreign Minister of Georgia. The Russian group is headed by Sergei Lavrov. The head of the Georgian group called "
            "for talks on the border. The head of the Russian group rejected the proposal.")
    events = {e.event_type: e.actors for e in _events(nlp, text)}
    assert events["REQUEST"][0] == "person:ilia-darchiashvili" and events["REJECT"][0] == "person:sergei-lavrov", events


@pytest.mark.parametrize(
    "text, n_requests",
    [
        # two requests with different words in two sentences ask two things; "it" goes on with the topic
        ("The OSCE met in Vienna. It urged the sides to adopt the proposals. It also called on the sides to investigate "
         "incidents.", 2),
        # the verb and its noun are one request
        ("Azerbaijan invites Armenian officials to Baku. The invitation from Azerbaijan was sent on Monday.", 1),
    ],
)
def test_requests_are_told_apart_by_their_words(nlp, text, n_requests):
    requests = [e for e in _events(nlp, text) if e.event_type == "REQUEST"]
    assert len(requests) == n_requests and all(e.actors for e in requests), requests


@pytest.mark.parametrize(
    "text",
    [
        "Armenia condemned the attack on Stepanakert.",  # the condemner did not attack
        "Charles Michel welcomed the agreement.",  # nor did the welcomer agree
    ],
)
def test_a_noun_event_takes_no_actor_from_a_verb_that_is_an_event_of_its_own(nlp, text):
    governed = [e for e in _events(nlp, text) if e.event_type in ("ASSAULT", "AGREE")]
    assert governed == [], governed


@pytest.mark.parametrize(
    "text, subtype, targets",
    [
        ("UN peacekeepers should be deployed along the border of Armenia.", "demand_deployment", {"org:united-nations"}),
    ],
)
def test_what_must_be_done_is_a_demand_not_the_act(nlp, text, subtype, targets):
    """The subtype says what is demanded; the ones the act is to be done to are its targets; no actor is
    guessed where no one speaks."""
    events = _events(nlp, text)
    assert [(e.event_type, e.subtype, e.modality) for e in events] == [("REQUEST", subtype, "asserted")], events
    assert set(events[0].targets) == targets and events[0].actors == () and "rewrite:demanded" in events[0].rules


def test_a_demand_in_a_quotation_is_the_speakers(nlp):
    (event,) = _events(nlp, '"The Armenian servicemen must be released," Nikol Pashinyan said.')
    assert (event.event_type, event.actors) == ("REQUEST", ("person:nikol-pashinyan",))


def test_what_someone_says_another_must_do_is_their_demand(nlp):
    (event,) = _events(nlp, "Nikol Pashinyan said Azerbaijan must withdraw its troops from the border.")
    assert (event.event_type, event.subtype, event.actors) == ("REQUEST", "demand_withdrawal", ("person:nikol-pashinyan",))
    assert AZERBAIJAN in event.targets


def test_an_appeal_in_the_first_person_makes_each_of_its_demands(nlp):
    text = ("We, the citizens of the Republic of Artsakh, state our position. First, the convicted Armenians held in "
            "Azerbaijan must be freed at once. Second, Azerbaijani troops must be withdrawn from our land.")
    events = _events(nlp, text)
    assert [(e.event_type, e.subtype, e.actors) for e in events] == [
        ("REQUEST", "demand_prisoner_release", ("place:nagorno-karabakh",)),
        ("REQUEST", "demand_withdrawal", ("place:nagorno-karabakh",)),
    ], events


@pytest.mark.parametrize(
    "text, releases",
    [
        # no one named as releasing: each side's prisoners are released by the other
        ("Georgia and Russia announced a deal. The EU welcomed the release of three Georgian and five Russian detainees.",
         [(("geonames:2017370",), ("geonames:614540",), True), (("geonames:614540",), ("geonames:2017370",), True)]),
        # a named releaser is kept
        ("Armenia and Azerbaijan met in Prague. Turkey welcomed the release of Armenian detainees by Russia.",
         [(("geonames:2017370",), (ARMENIA,), False)]),
    ],
)
def test_a_release_that_names_no_releaser_is_by_the_other_side(nlp, text, releases):
    events = [e for e in _events(nlp, text) if e.subtype == "prisoner_release"]
    assert [(e.actors, e.targets) for e in events] == [(a, t) for a, t, _ in releases], events
    assert ["rewrite:captor" in e.rules for e in events] == [inferred for _, _, inferred in releases]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Unless Washington presses Baku to sign a peace treaty, war will follow.", []),
        # "if" meaning "whether", after the main clause, conditions nothing before it
        ("Georgia and Turkey resumed talks, though it is unclear if they will succeed.", [("CONSULT", "asserted")]),
    ],
)
def test_a_question_or_a_condition_reports_no_event(nlp, text, expected):
    assert [(e.event_type, e.modality) for e in _events(nlp, text)] == expected


def test_signing_an_appeal_is_a_request_not_an_agreement(nlp):
    events = _events(nlp, "Sixty parties of Armenia signed an appeal to the United Nations.")
    assert [(e.event_type, e.subtype) for e in events] == [("REQUEST", "appeal")], events


def test_what_someone_says_their_own_side_should_do_stays_the_act(nlp):
    events = _events(nlp, "Nikol Pashinyan said that Armenia should sign the peace treaty this year.")
    assert [(e.event_type, e.modality) for e in events] == [("AGREE", "hypothetical")], events


@pytest.mark.parametrize(
    "outlet, actors",
    [
        ("U.S. Department of State", ("org:us-department-of-state", "geonames:6252001")),  # a state body's press release
        ("Reuters", ()),  # a news agency's "we" is not a party to anything
        (None, ()),
    ],
)
def test_we_in_a_state_bodys_own_release_is_that_body(nlp, outlet, actors):
    text = "We commend Armenia and Azerbaijan for their efforts."
    events = [e for e in analyze_doc(nlp(text), "2023-12-07", outlet=outlet).events if e.event_type == "SUPPORT"]
    assert tuple(events[0].actors if events else ()) == actors


def test_two_bodies_of_one_state_doing_the_same_kind_of_thing_are_two_events(nlp):
    text = ("The Azerbaijani Foreign Ministry accused Armenia of shelling its positions. "
            "Separately, the Azerbaijani Defence Ministry accused Armenia of shelling its positions.")
    accusations = [e for e in _events(nlp, text, "2023-03-27") if e.event_type == "ACCUSE"]
    assert [(e.subtype, e.own_actors) for e in accusations] == [("shelling", {"org:mfa-azerbaijan"}), ("shelling", {"org:mod-azerbaijan"})]
    assert all(e.represented == (AZERBAIJAN,) and "rewrite:acts_for" in e.rules for e in accusations)



@pytest.mark.parametrize(
    "text, event_type, actors",
    [
        # the accuser accuses; the act alleged is no act of the accuser's
        ("Azerbaijan's Foreign Ministry accused Armenia of violating the ceasefire.", "ACCUSE", ("org:mfa-azerbaijan", AZERBAIJAN)),
        # the agent of a passive, not the places hung on it
        ("Three Armenian soldiers were killed by Azerbaijani fire near Jermuk.", "ASSAULT", (AZERBAIJAN,)),
        ("France will supply Armenia with air defence systems.", "AID", ("geonames:3017382",)),
        # a participle's own agent
        ("The talks, hosted by the United States, ended without agreement.", "CONSULT", ("geonames:6252001",)),
        ("Armenia and Azerbaijan traded accusations of ceasefire violations.", "ACCUSE", (ARMENIA, AZERBAIJAN)),
    ],
)
def test_actors_are_exactly_who_did_it(nlp, text, event_type, actors):
    events = [e for e in _events(nlp, text) if e.event_type == event_type]
    assert events and events[0].actors == actors, _events(nlp, text)


def test_a_subject_the_parser_glued_to_a_date_before_it_acts(nlp):
    (event,) = _events(nlp, "On Thursday Azerbaijan released 32 Armenian servicemen at the Margara crossing.")
    assert (event.actors, event.targets, event.quantity, event.date) == ((AZERBAIJAN,), (ARMENIA,), 32, "2023-12-07")


def test_a_noun_event_takes_modality_and_partners_from_its_verb(nlp):
    (event,) = _events(nlp, "Nikol Pashinyan plans to hold talks with Ilham Aliyev in Prague.")
    assert (event.event_type, event.modality) == ("CONSULT", "planned")
    assert (event.actors, event.targets) == (("person:nikol-pashinyan",), ("person:ilham-aliyev",))


def test_what_one_side_urges_another_to_do_is_the_request_alone(nlp):
    # the gold codes the appeal, not the signing asked for (gate:requested_act)
    assert [(e.event_type, e.actors, e.targets) for e in _events(nlp, "Baku urged Yerevan to sign the peace treaty.")] == [
        ("REQUEST", (AZERBAIJAN,), (ARMENIA,))]


def test_a_date_says_nothing_of_what_the_act_is(nlp):
    # "on" in "called ... on Monday" is no "call on" appeal
    assert [e.event_type for e in _events(nlp, "Antony Blinken called Ilham Aliyev on Monday.")] == ["CONSULT"]


def test_a_summons_by_a_ministry_says_its_state_was_added(nlp):
    (event,) = _events(nlp, "The Azerbaijani ambassador was summoned to the Armenian Foreign Ministry.")
    assert event.represented == (ARMENIA,) and "rewrite:acts_for" in event.rules


@pytest.mark.parametrize(
    "text, expected",
    [
        # an act other than agreeing or supporting keeps its type and is marked negated
        ("Georgia did not release the prisoners.", [("CONCEDE", "prisoner_release", "negated", (GEORGIA,))]),
    ],
)
def test_not_agreeing_is_a_refusal(nlp, text, expected):
    events = _events(nlp, text)
    assert [(e.event_type, e.subtype, e.modality, e.actors) for e in events] == expected
    assert all(("rewrite:negated" in e.rules) == (e.event_type == "REJECT") for e in events)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Georgians frequently protest against Russia, accusing it of occupation.", []),
        ("Georgians protested against Russia on Monday.", ["PROTEST"]),
        ("Turkey accused Greece of provocations on Monday.", ["ACCUSE"]),
    ],
)
def test_a_habit_is_no_event(nlp, text, expected):
    assert [e.event_type for e in _events(nlp, text)] == expected


@pytest.mark.parametrize(
    "text, actors, targets",
    [
        ("Turkey considers Greece's plans to extend its waters unacceptable.", (TURKEY,), (GREECE,)),
        ("Russia called the Georgian decision illegal.", (RUSSIA,), (GEORGIA,)),
    ],
)
def test_judging_what_another_does_unacceptable_is_criticism(nlp, text, actors, targets):
    (criticism,) = [e for e in _events(nlp, text) if e.event_type == "ACCUSE"]
    assert (criticism.subtype, criticism.actors, criticism.targets) == ("criticism", actors, targets)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Nikol Pashinyan said that Turkey's provocations undermine regional stability.",
         [("ACCUSE", "criticism", ("person:nikol-pashinyan",), (TURKEY,))]),
        ("Ilham Aliyev stressed that Georgian disinformation was spreading.",
         [("ACCUSE", "disinformation", ("person:ilham-aliyev",), (GEORGIA,))]),
        # no speaker, or no one whose provocations they are: no one accuses anyone
        ("Turkey's provocations undermine regional stability.", []),
        ("Nikol Pashinyan said that mutual provocations undermine regional stability.", []),
    ],
)
def test_a_speaker_who_calls_anothers_acts_provocations_accuses_them(nlp, text, expected):
    events = [e for e in _events(nlp, text) if e.event_type == "ACCUSE"]
    assert [(e.event_type, e.subtype, e.actors, e.targets) for e in events] == expected


def test_a_speaker_charging_something_accuses(nlp):
    events = _events(nlp, '"It was all agreed in secret," Nikol Pashinyan charged.')
    assert [(e.event_type, e.actors) for e in events if e.event_type == "ACCUSE"] == [("ACCUSE", ("person:nikol-pashinyan",))]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the act alleged by a verb is also an event of its own, the accused one's (as the validation gold codes it)
        ("Russia accused Azerbaijan of violating the ceasefire.",
         [("ACCUSE", "ceasefire_violation", (RUSSIA,), (AZERBAIJAN,)), ("ASSAULT", "ceasefire_violation", (AZERBAIJAN,), ())]),
        ("Armenia blamed Azerbaijan for the shelling of Jermuk.", [("ACCUSE", "shelling", (ARMENIA,), (AZERBAIJAN, "geonames:174884"))]),
        ("Armenia and Azerbaijan traded accusations of ceasefire violations.", [("ACCUSE", "ceasefire_violation", (ARMENIA, AZERBAIJAN), ())]),
        # an act the lexicon does not know leaves the accusation a plain one
        ("Turkey accused Greece of smuggling weapons.", [("ACCUSE", "accusation", (TURKEY,), (GREECE,))]),
    ],
)
def test_an_alleged_act_gives_the_accusation_its_subtype(nlp, text, expected):
    events = _events(nlp, text)
    assert [(e.event_type, e.subtype, e.actors, e.targets) for e in events] == expected
    assert all(("rewrite:alleged" in e.rules) == (e.event_type == "ACCUSE" and e.subtype != "accusation") for e in events)


@pytest.mark.parametrize(
    "text, expected",
    [
        # what is agreed to names the agreement; a verb coordinated with "agreed" is no cue of it
        ("Georgia and Turkey agreed to a prisoner exchange and worked toward a peace treaty.",
         [("AGREE", "prisoner_exchange", "+agreed_on")]),
        ("Armenia agreed to the proposals and signed the peace treaty.",
         [("AGREE", "agreement", ""), ("AGREE", "peace_treaty", "")]),
    ],
)
def test_what_is_agreed_to_names_the_agreement(nlp, text, expected):
    events = _events(nlp, text)
    assert [(e.event_type, e.subtype, "+agreed_on" if "rewrite:agreed_on" in e.rules else "") for e in events] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an accusation that names its accuser is an event
        ("Turkey accused two Georgian officials of espionage.", [("ACCUSE", (TURKEY,))]),
        # people the text does not name are generic actors of the place (as ACLED codes them); a demand that is
        # the manner of a protest is the protest's claim (gate:protest_claim), but one of its own is an event
        ("Hundreds of people rallied in Yerevan demanding Nikol Pashinyan's resignation.", [("PROTEST", ("actor:PRO:AM",))]),
        ("Hundreds of people in Yerevan demanded Nikol Pashinyan's resignation.", [("REQUEST", ("actor:CIV:AM",))]),
    ],
)
def test_an_accusation_no_one_is_said_to_make_is_no_event(nlp, text, expected):
    assert [(e.event_type, e.actors) for e in _events(nlp, text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # what is kept from happening did not happen
        ("Turkey reopened its ports to avoid sanctions by the European Union.", []),
        ("The European Union imposed sanctions on Russia.", [("SANCTION", ("org:european-union",), "asserted")]),
    ],
)
def test_what_is_prevented_is_no_event(nlp, text, expected):
    assert [(e.event_type, e.actors, e.modality) for e in _events(nlp, text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "their leaders": of the people last named by their nation, where the text puts them, else their country
        ("The Armenians in Nagorno-Karabakh fear reintegration. Their leaders have started talks with Azerbaijan.",
         [("CONSULT", ("place:nagorno-karabakh",), (AZERBAIJAN,))]),
        ("The Azerbaijanis want peace, and their leaders held talks with Armenia.", [("CONSULT", (AZERBAIJAN,), (ARMENIA,))]),
        # no people named before: no one is guessed
        ("The weather was bad. Their leaders held talks with Armenia.", []),
    ],
)
def test_their_leaders_are_the_leaders_of_the_people_last_named(nlp, text, expected):
    assert [(e.event_type, e.actors, e.targets) for e in _events(nlp, text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Russia warned Georgia against joining the alliance.", [("THREATEN", "warning", (RUSSIA,), (GEORGIA,))]),
        # the sanctions threatened are not imposed
        ("Turkey threatened Greece with sanctions.", [("THREATEN", "threat", (TURKEY,), (GREECE,))]),
        ("Azerbaijan issued an ultimatum to Armenia.", [("THREATEN", "ultimatum", (AZERBAIJAN,), None)]),
    ],
)
def test_threats(nlp, text, expected):
    # None: the targets are not asserted ("to Armenia" hangs on "issued", not on the ultimatum)
    events = _events(nlp, text)
    assert len(events) == len(expected), events
    assert [(e.event_type, e.subtype, e.actors, e.targets if want[3] is not None else None)
            for e, want in zip(events, expected, strict=True)] == expected


def test_we_in_a_quotation_over_sentences_is_the_he_who_said_it(nlp):
    events = _events(nlp, "Talks in Baku\n\nPeskov spoke on Monday. \u201cWe urge both sides to show restraint. We will help,\u201d he said.")
    assert [(e.event_type, e.actors) for e in events if e.trigger == "urge"] == [("REQUEST", ("person:dmitry-peskov",))]


def test_a_title_case_headline_is_parsed_as_a_sentence(nlp):
    doc = nlp("Putin Hosts ‘Useful’ Talks Between Armenian, Azeri Leaders\n\nPutin hosted the leaders in Sochi on Friday.")
    hosts = doc[1]
    assert (hosts.text, hosts.tag_, hosts.dep_, hosts.lemma_, doc[5].dep_, doc[5].head.i) == ("Hosts", "VBZ", "ROOT", "host", "dobj", 1)
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["Putin", "Putin"]


def test_the_headline_reading_leaves_the_body_and_sentence_case_headlines_as_they_were(nlp):
    text = "Putin hosts talks between Armenian and Azeri leaders\n\nPutin hosted the leaders in Sochi on Friday."
    with nlp.select_pipes(disable=["caucasus_headline_case"]):
        before = nlp(text)
    after = nlp(text)
    assert [(t.tag_, t.dep_, t.head.i, t.lemma_) for t in after] == [(t.tag_, t.dep_, t.head.i, t.lemma_) for t in before]
    titled = nlp("Putin Hosts Talks Between Armenian And Azeri Leaders\n\nPutin hosted the leaders in Sochi on Friday.")
    assert [(t.tag_, t.dep_, t.head.i) for t in titled[9:]] == [(t.tag_, t.dep_, t.head.i) for t in after[9:]]  # the body
    assert titled[8].head.dep_ == "ROOT" and titled[8].head.i < 8  # the blank line hangs on the headline's root


@pytest.mark.parametrize("text", [
    "Protesters Block Roads In Yerevan Demanding Resignation\nthousands of people joined them on Friday.",  # one line break: no headline paragraph
    "Protesters Block Roads In Yerevan Demanding The Resignation Of The Government",  # no body
])
def test_a_title_case_line_without_a_blank_line_after_it_is_read_once(nlp, text):
    with nlp.select_pipes(disable=["caucasus_headline_case"]):
        before = nlp(text)
    assert [(t.tag_, t.dep_, t.head.i) for t in nlp(text)] == [(t.tag_, t.dep_, t.head.i) for t in before]


def test_sentence_case_keeps_the_names_the_lemmatizer_tables_also_know(nlp):
    from caucasus_nlp.components import sentence_case

    doc = nlp.make_doc("UN Security Council Meets In Moscow As European Union Urges Talks\n\nIt met.")
    assert sentence_case(doc[:11], doc[12:], nlp.get_pipe("lemmatizer")) == [
        "UN", "Security", "Council", "meets", "in", "Moscow", "as", "European", "Union", "urges", "talks"]
