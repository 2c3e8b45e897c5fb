"""Events: PLOVER events from trigger rows and the dependency parse, in stages.

triggers → gates (candidate) → rewrites (before roles) → roles → rewrites (after roles) → attributes →
rewrites (on the event) → gates (event) → merge. Each stage is a module of pure functions; the rules
they run are rows of resources/events/ (see its README.md), and every rule that fires on an event
leaves its id in the event's rule_id. What a gate drops leaves no event; a caller that passes a list
as `dropped` gets a DroppedCandidate for each, with the gate's id.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Token

from caucasus_nlp.extract.dates import DateMention
from caucasus_nlp.extract.entities import EntityMention, sentence_index
from caucasus_nlp.extract.events.attributes import LEVELS, adjuncts, event_date, event_place, modality, quantity
from caucasus_nlp.extract.events.gates import candidate_gate, event_gate
from caucasus_nlp.extract.events.mention import DroppedCandidate, EventMention
from caucasus_nlp.extract.events.merge import article_events
from caucasus_nlp.extract.events.resolve import ArticleContext
from caucasus_nlp.extract.events.rewrite import AFTER_ROLES, BEFORE_ROLES, ON_EVENT, Draft
from caucasus_nlp.extract.events.roles import arguments
from caucasus_nlp.extract.events.states import acting_state
from caucasus_nlp.extract.events.triggers import (
    Candidate,
    choose_trigger,
    classifier_trigger,
    match_trigger,
    trigger_lexicon,
    trigger_tokens,
)
from caucasus_nlp.rulebook import Trigger, enabled, rule, stage_rules

__all__ = ["DroppedCandidate", "EventMention", "acting_state", "article_events", "event_mentions", "match_trigger", "modality", "trigger_lexicon"]


def event_mentions(
    doc: Doc, mentions: Iterable[EntityMention], dates: Iterable[DateMention], published: str | None = None, outlet: str | None = None,
    dropped: list[DroppedCandidate] | None = None, dateline: str | None = None,
) -> Iterator[EventMention]:
    """Every event a sentence of the article expresses, with its arguments. With a `dropped` list,
    each candidate a gate drops is appended to it as the events are yielded; the events are the same."""
    context = ArticleContext.of(doc, mentions, published, outlet, dateline)
    dates = list(dates)
    dates_by_sent: dict[int, list[DateMention]] = {}
    for d in dates:
        if d.resolved:
            dates_by_sent.setdefault(d.sent_idx, []).append(d)
    lead = context.lead
    lead_dates = sorted((d for d in dates if d.resolved and lead.start <= d.start < lead.end), key=lambda d: d.start)
    sentence_scores = doc._.sent_event_scores if doc.has_extension("sent_event_scores") else None
    sents = sentence_index(doc)
    gates = [r.id for r in stage_rules("gate", applies_to="candidate")]
    event_gates = [r.id for r in stage_rules("gate", applies_to="event")]
    before = [r.id for r in stage_rules("rewrite", when="before_roles")]
    after = [r.id for r in stage_rules("rewrite", when="after_roles")]
    on_event = [r.id for r in stage_rules("rewrite", when="event")]
    for token, chosen in candidates(doc, sentence_scores, sents):
        scores = sentence_scores[sents[token.i]] if sentence_scores else None
        if gate_id := candidate_gate(token, context.by_token, gates):
            if dropped is not None:
                dropped.append(dropped_candidate(token, sents[token.i], chosen[0], list(chosen[1]), gate_id))
            continue
        candidate = Candidate(token, chosen[0], sents[token.i], list(chosen[1]))
        candidate.fired.extend(rule_id for rule_id in before if BEFORE_ROLES[rule_id](candidate, scores))
        event = build(candidate, context, dates_by_sent.get(candidate.sent_idx, []), lead_dates, scores, after)
        for rule_id in on_event:
            if (rewritten := ON_EVENT[rule_id](event, context)) is not None:
                events = rewritten
                break
        else:
            events = [event]
        for one in events:
            if not (gate_id := event_gate(one, token, event_gates)):
                yield one
            elif dropped is not None:
                dropped.append(DroppedCandidate(
                    sent_idx=one.sent_idx, event_type=one.event_type, subtype=one.subtype, trigger=one.trigger,
                    trigger_start=one.trigger_start, trigger_lemma=one.trigger_lemma, rule_id=one.rule_id, gate_id=gate_id,
                    sentence=one.sentence, actors=one.actors, targets=one.targets))


def candidates(doc: Doc, sentence_scores: list[dict[str, float]] | None, sents: list[int]) -> list[tuple[Token, tuple[Trigger, list[str]]]]:
    """The trigger candidates of the lexicon with the rows they take, and, with the classifier's
    scores, the event it alone finds in a sentence (rewrite:classifier_event), in text order."""
    found = []
    by_sentence: dict[int, list[tuple[Token, Trigger]]] = {}
    for token in trigger_tokens(doc):
        if (chosen := choose_trigger(token, sentence_scores[sents[token.i]] if sentence_scores else None)) is not None:
            found.append((token, chosen))
            by_sentence.setdefault(sents[token.i], []).append((token, chosen[0]))
    if not sentence_scores:
        return found
    for idx, sent in enumerate(doc.sents):
        in_sentence = by_sentence.get(idx, [])
        anchored = classifier_trigger(sent, sentence_scores[idx], {t.event_type for _, t in in_sentence}, {token.i for token, _ in in_sentence})
        if anchored is not None:
            found.append((anchored[0], (anchored[1], [])))
    return sorted(found, key=lambda c: c[0].i)


def dropped_candidate(token: Token, sent_idx: int, trigger: Trigger, fired: list[str], gate_id: str) -> DroppedCandidate:
    """What a candidate gate drops: the token with the trigger row it took (and the rules that chose it)."""
    return DroppedCandidate(
        sent_idx=sent_idx, event_type=trigger.event_type, subtype=trigger.subtype, trigger=token.text, trigger_start=token.idx,
        trigger_lemma=token.lemma_.lower(), rule_id="+".join([trigger.id, *fired]), gate_id=gate_id, sentence=token.sent.text.strip())


def additive(token: Token) -> bool:
    """Whether a focus word on the trigger's clause says the event is a further one of its kind ("the
    two leaders also signed economic agreements", "fighting broke out again"): discourse:additive words,
    on the trigger or on the verb a noun trigger is the object or subject of."""
    verb = token.head if token.pos_ == "NOUN" and token.dep_ in ("dobj", "nsubj", "nsubjpass") else token
    return any(c.dep_ == "advmod" and c.lower_ in rule("discourse:additive").words for c in verb.children)


def build(candidate: Candidate, context: ArticleContext, sent_dates: list[DateMention], lead_dates: list[DateMention],
          scores: dict[str, float] | None, after_roles: list[str]) -> EventMention:
    """The event of a candidate: its roles, the after-roles rewrites in file order (`after_roles`, their
    ids, looked up once per article as the other stages' rules are), its attributes."""
    token, trigger = candidate.token, candidate.trigger
    roles = arguments(token, trigger.event_type, context)
    mood, mood_rule = modality(token)
    draft = Draft(token, trigger.event_type, trigger.subtype, roles.actors, roles.targets, roles.represented, mood, mood_rule,
                  [*candidate.fired, *roles.paths])
    for rule_id in after_roles:
        if AFTER_ROLES[rule_id](draft, context, trigger.spoken_accusation):
            draft.fired.append(rule_id)
    if enabled("discourse:additive") and additive(token):
        draft.fired.append("discourse:additive")
    phrases = adjuncts(token)
    date, date_rule = event_date(token, phrases, sent_dates, context.lead, lead_dates, draft.mood)
    place, place_rule = event_place(token, phrases, context.by_token, context.lead, set(draft.actors) | set(draft.targets),
                                    draft.event_type, draft.targets)
    count = quantity(token) if enabled("attribute:quantity") else None
    attributes = [r for r in (place_rule, "attribute:quantity" if count is not None else None, date_rule) if r]
    return EventMention(
        sent_idx=candidate.sent_idx,
        event_type=draft.event_type,
        subtype=draft.subtype,
        trigger=token.text,
        trigger_start=token.idx,
        trigger_lemma=token.lemma_.lower(),
        actors=draft.actors,
        targets=draft.targets,
        location_id=place,
        location_precision=LEVELS.get(place_rule.split("+")[0]) if place else None,
        date=date.value if date else None,
        date_precision=date.granularity if date else None,
        date_source=(LEVELS.get(date_rule) or "sentence") if date else None,
        modality=draft.mood,
        quantity=count,
        sentence=token.sent.text.strip(),
        rule_id="+".join([trigger.id, *draft.fired, *([draft.mood_rule] if draft.mood_rule else []), *attributes]),
        type_confidence=round(scores.get(draft.event_type, 0.0), 4) if scores else None,
        represented=draft.represented,
    )
