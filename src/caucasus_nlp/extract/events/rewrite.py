"""Rewrites: rules that change what an event is or who does it (resources/events/rewrites.jsonl).

"before_roles" rewrites give a candidate its subtype from a phrase it governs (an accusation of a
violation, an agreement on a prisoner exchange); "after_roles" rewrites change a draft event once its
arguments are known (a negated agreement is a refusal, "must be released" is a demand, a passive
sentencing is the state's); "event" rewrites turn one built event into others (each side's captor).
Each returns whether it fired; the runner adds the ids of those that did to the event's rule_id.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from caucasus_nlp.extract.entities import EntityMention
from caucasus_nlp.extract.events.actors import only_generic
from caucasus_nlp.extract.events.mention import EventMention
from caucasus_nlp.extract.events.resolve import ArticleContext
from caucasus_nlp.extract.events.states import country_ids, country_of, entity_ids, home_state, metonyms
from caucasus_nlp.extract.events.triggers import Candidate, choose_trigger, classifier_trigger
from caucasus_nlp.kb import geonames
from caucasus_nlp.rulebook import check_implemented, rule
from caucasus_nlp.vocabulary import PLACE_LABELS


@dataclass
class Draft:
    """An event while the after_roles rewrites work on it."""

    token: Token
    event_type: str
    subtype: str
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    represented: tuple[str, ...]
    mood: str
    mood_rule: str | None
    fired: list[str] = field(default_factory=list)


def alleged(candidate: Candidate, scores: dict[str, float] | None) -> bool:
    """An accusation takes the subtype of the act it alleges ("accused Azerbaijan of violating the
    ceasefire": ceasefire_violation)."""
    if candidate.trigger.event_type not in rule("rewrite:alleged").types:
        return False
    token = candidate.token
    for act in token.subtree:
        if act.i != token.i and (head := of_or_for_head(act)) is not None and head.i == token.i and (
            chosen := choose_trigger(act, scores)) is not None:
            candidate.trigger = replace(candidate.trigger, subtype=chosen[0].subtype)
            return True
    return False


def of_or_for_head(token: Token) -> Token | None:
    """The word an "of"/"for" phrase holding the token hangs on ("accused X of violating", "blamed X
    for the attack"), past a date the parser hung it on ("accused X on 12 December of blockading")."""
    prep = token.head
    if token.dep_ not in ("pcomp", "pobj") or prep.dep_ != "prep" or prep.lower_ not in rule("rewrite:alleged").words:
        return None
    head = prep.head
    return head.head.head if head.ent_type_ == "DATE" and head.dep_ == "pobj" else head


def agreed_on(candidate: Candidate, scores: dict[str, float] | None) -> bool:
    """What an agreement is to or on, when that is a kind of agreement of its own ("agreed to a prisoner
    exchange"), names its subtype."""
    found = rule("rewrite:agreed_on")
    if candidate.trigger.event_type not in found.types:
        return False
    for prep in candidate.token.children:
        if prep.dep_ == "prep" and prep.lower_ in found.words:
            for thing in prep.children:
                if thing.dep_ == "pobj" and (chosen := choose_trigger(thing, scores)) is not None and chosen[0].event_type in found.types:
                    candidate.trigger = replace(candidate.trigger, subtype=chosen[0].subtype)
                    return True
    return False


def spoken_accusation(draft: Draft, context: ArticleContext, spoken: bool) -> bool:
    """"Mirzoyan stressed that the latter's provocations ...": the speaker accuses the noun's owner; with
    no speaker or no owner named ("mutual provocations") no one is accused."""
    if not spoken:
        return False
    speaker = context.speaker(draft.token)
    accusers, added = context.with_states([speaker] if speaker and draft.actors else [])
    draft.targets = tuple(t for t in draft.actors if t not in accusers)
    draft.actors, draft.represented = (tuple(accusers), tuple(added)) if draft.targets else ((), ())
    return bool(draft.targets)


def negated(draft: Draft, context: ArticleContext, spoken: bool) -> bool:
    """"Azerbaijan has not agreed to these measures": a refusal that happened (CAMEO codes "not agree" as a rejection)."""
    as_reject = rule("rewrite:negated").map
    if draft.mood != "negated" or draft.event_type not in as_reject:
        return False
    draft.event_type, draft.subtype, draft.mood, draft.mood_rule = "REJECT", as_reject[draft.event_type], "asserted", None
    return True


def civil_obstruction(draft: Draft, context: ArticleContext, spoken: bool) -> bool:
    """"Residents blocked the road", "workers blocked the highway": a blockade by civilians or protesters
    is a protest (CAMEO 144, obstruct passage), not a state's coercion; the map gives the type and
    subtype each subtype becomes, the words the actor sectors."""
    found = rule("rewrite:civil_obstruction")
    if draft.subtype not in found.map or not only_generic(draft.actors, found.words):
        return False
    draft.event_type, draft.subtype = found.map[draft.subtype]
    # civilians who protest are protesters (role:generic_actor's map, which ran when this was a blockade)
    draft.actors = tuple(a.replace("actor:CIV", "actor:PRO", 1) for a in draft.actors)
    return True


def demanded(draft: Draft, context: ArticleContext, spoken: bool) -> bool:
    """"All arrested Armenians must be released": a demand the speaker makes, not a release; the subtype
    says what is demanded ("demand_withdrawal"), so each demand of a list is its own event."""
    found = rule("rewrite:demanded")
    token = draft.token
    if not any(c.dep_ == "aux" and c.lower_ in found.words for c in token.children) or draft.event_type in found.types:
        return False
    speaker = context.speaker(token)
    if not _demand(token, speaker, draft.actors):
        return False
    demanders, added = context.with_states([speaker] if speaker else context.authors)
    draft.targets = tuple(t for t in (*draft.actors, *draft.targets) if t not in demanders)
    draft.event_type, draft.subtype = "REQUEST", f"demand_{draft.subtype}"
    draft.actors, draft.represented, draft.mood, draft.mood_rule = tuple(demanders), tuple(added), "asserted", None
    return True


def _demand(token: Token, speaker: str | None, actors: tuple[str, ...]) -> bool:
    """Whether a must/should is a demand: no one named as doing it ("the prisoners must be freed",
    "troops must be withdrawn"), or what someone said another must do ("Pashinyan said Azerbaijan must
    withdraw its troops"; not "... Armenia should sign": what one's own side should do is an intention)."""
    if any(c.dep_ == "auxpass" for c in token.children):
        return not any(c.dep_ == "agent" for c in token.children)
    if speaker is None or token.dep_ != "ccomp" or token.head.lemma_.lower() not in rule("discourse:reporting_verbs").words:
        return False
    return bool(actors) and not {speaker, home_state(speaker)} & set(actors)


def jurisdiction(draft: Draft, context: ArticleContext, spoken: bool) -> bool:
    """"was sentenced ... in Azerbaijan", "were detained in Baku": only a state detains or sentences, so
    the country of the place is the actor of a passive judicial act."""
    found = rule("rewrite:jurisdiction")
    if draft.actors or draft.subtype not in found.subtypes:
        return False
    state = _jurisdiction_state(draft.token, context.by_token, found.words)
    draft.actors = (state,) if state and state not in draft.targets else ()
    return bool(draft.actors)


def _jurisdiction_state(token: Token, by_token: dict[int, EntityMention], preps: frozenset[str]) -> str | None:
    if not any(c.dep_ == "nsubjpass" for c in token.children) or any(c.dep_ == "agent" for c in token.children):
        return None
    for child in token.children:
        if child.dep_ != "prep" or child.lower_ not in preps:
            continue
        for tok in child.subtree:
            mention = by_token.get(tok.i)
            if mention is None or mention.label not in PLACE_LABELS:
                continue
            code = country_of(mention) or metonyms().get(mention.text.lower())
            place = geonames().get(mention.entity_id)
            code = code or (place.country_code if place else None)
            if code in country_ids():
                return country_ids()[code]
    return None


def summoner(draft: Draft, context: ArticleContext, spoken: bool) -> bool:
    """"the ambassador was invited to the Dutch foreign ministry": a ministry summons for its state."""
    found = rule("rewrite:summoner")
    if draft.actors or draft.subtype not in found.subtypes:
        return False
    token = draft.token
    named: list[str] = []
    if not any(c.dep_ == "agent" for c in token.children):
        preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ in found.words]
        named = entity_ids(preps[0].subtree, context.by_token) if preps else []
    summoners, added = context.with_states(named)
    draft.actors, draft.represented = tuple(summoners), tuple(added)
    draft.targets = tuple(t for t in draft.targets if t not in draft.actors)
    return bool(draft.actors)


def acts_for(draft: Draft, context: ArticleContext, spoken: bool) -> bool:
    """Marks an event whose actors include a state brought in by its state body."""
    return bool(draft.represented)


def captor(event: EventMention, context: ArticleContext) -> list[EventMention] | None:
    """A release of prisoners that names no one releasing them ("the release of two Azerbaijani and
    thirty-two Armenian detainees"): between the article's two main countries, each side's prisoners
    are released by the other, one event per side. None when the rule does not apply."""
    if event.actors or event.subtype not in rule("rewrite:captor").subtypes or len(context.main_countries) != 2:
        return None
    sides = [t for t in event.targets if t in context.main_countries]
    if not sides:
        return None
    one, other = context.main_countries
    captors = {one: other, other: one}
    return [replace(event, actors=(captors[side],), targets=(side,), rule_id=f"{event.rule_id}+rewrite:captor") for side in sides]


BEFORE_ROLES: dict[str, Callable[[Candidate, dict[str, float] | None], bool]] = {
    "rewrite:alleged": alleged,
    "rewrite:agreed_on": agreed_on,
}
AFTER_ROLES: dict[str, Callable[[Draft, ArticleContext, bool], bool]] = {
    "rewrite:spoken_accusation": spoken_accusation,
    "rewrite:negated": negated,
    "rewrite:civil_obstruction": civil_obstruction,
    "rewrite:demanded": demanded,
    "rewrite:jurisdiction": jurisdiction,
    "rewrite:summoner": summoner,
    "rewrite:acts_for": acts_for,
}
ON_EVENT: dict[str, Callable[[EventMention, ArticleContext], list[EventMention] | None]] = {"rewrite:captor": captor}
# rewrite:event_typer and rewrite:classifier_event are the trigger stage's (triggers.choose_trigger, triggers.classifier_trigger)
check_implemented("rewrite", {**BEFORE_ROLES, **AFTER_ROLES, **ON_EVENT, "rewrite:event_typer": choose_trigger,
                              "rewrite:classifier_event": classifier_trigger})
