"""Events: trigger lemmas from resources/event_triggers.tsv, arguments from the dependency parse.

For each trigger the actors come from its subject (or the agent of a passive, or the subject of
the verb it complements: "agreed to exchange"), the targets from its objects and prepositional
complements; demonyms ("the Azerbaijani side") and capitals acting as governments ("Baku
accused Yerevan") stand for their country. Modality comes from negation, auxiliaries and the verb
that governs the trigger ("refused to go", "plans to hold", "could attack").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from caucasus_nlp.extract.dates import DateMention
from caucasus_nlp.extract.entities import PLACE_LABELS, EntityMention
from caucasus_nlp.kb import demonyms, geonames, resource_lines

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
OBJECTS = {"dobj", "dative", "attr", "oprd"}
TARGET_PREPS = {"with", "to", "on", "against", "upon", "for", "from"}
PLACE_PREPS = {"in", "at", "near", "on", "along", "inside"}
REFUSAL = {"refuse", "reject", "decline"}
SPEECH_ACTS = {"REQUEST", "REJECT"}
PLANNING = {"plan", "intend", "expect", "set", "aim", "prepare", "schedule", "go", "agree", "decide", "hope", "want"}
PROPOSING = {"propose", "offer", "suggest", "ready", "willing", "proposal"}
HYPOTHETICAL_AUX = {"could", "would", "might", "may", "should", "can"}
NUMBER_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str
    event_type: str
    subtype: str
    cue: re.Pattern | None
    rule_id: str


@dataclass(frozen=True)
class EventMention:
    sent_idx: int
    event_type: str
    subtype: str
    trigger: str
    trigger_start: int
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    location_id: str | None
    date: str | None
    date_precision: str | None
    modality: str
    quantity: int | None
    sentence: str
    rule_id: str


@lru_cache(maxsize=1)
def trigger_lexicon() -> dict[str, list[Trigger]]:
    lexicon: dict[str, list[Trigger]] = {}
    for n, line in enumerate(resource_lines("event_triggers.tsv")):
        lemma, pos, event_type, subtype, cue = (c.strip() for c in line.split("\t"))
        trigger = Trigger(lemma, pos, event_type, subtype, None if cue == "-" else re.compile(rf"^(?:{cue})$"), f"trigger:{lemma}:{n}")
        lexicon.setdefault(lemma, []).append(trigger)
    return lexicon


@lru_cache(maxsize=1)
def country_ids() -> dict[str, str]:
    """ISO code → GeoNames entity id of the country."""
    return {iso: f"geonames:{gid}" for iso, gid in geonames().country_ids.items()}


@lru_cache(maxsize=1)
def metonyms() -> dict[str, str]:
    out = {}
    for line in resource_lines("metonyms.tsv"):
        name, _, code = line.partition("\t")
        if code.strip():
            out[name.strip().lower()] = code.strip()
    return out


def match_trigger(token: Token) -> Trigger | None:
    candidates = trigger_lexicon().get(token.lemma_.lower())
    if not candidates:
        return None
    context = _context_lemmas(token)
    for trigger in candidates:
        if trigger.pos == "VERB" and token.pos_ != "VERB":
            continue
        if trigger.pos == "NOUN" and token.pos_ not in ("NOUN", "PROPN"):
            continue
        if trigger.cue is None or any(trigger.cue.match(lemma) for lemma in context):
            return trigger
    return None


def _context_lemmas(token: Token) -> set[str]:
    """Lemmas a cue may name: the trigger's non-subject dependents, its head, and the head's objects."""
    lemmas = {t.lemma_.lower() for child in token.children if child.dep_ not in SUBJECTS for t in child.subtree}
    lemmas.add(token.head.lemma_.lower())
    if token.pos_ == "NOUN":
        lemmas |= {t.lemma_.lower() for t in token.head.subtree}
    return lemmas


def event_mentions(doc: Doc, mentions: Iterable[EntityMention], dates: Iterable[DateMention]) -> Iterator[EventMention]:
    """Every event a sentence of the article expresses, with its arguments."""
    by_token: dict[int, EntityMention] = {}
    for m in mentions:
        for i in range(m.token_start, m.token_end):
            by_token[i] = m
    dates_by_sent: dict[int, list[DateMention]] = {}
    for d in dates:
        if d.resolved:
            dates_by_sent.setdefault(d.sent_idx, []).append(d)
    for sent_idx, sent in enumerate(doc.sents):
        for token in sent:
            if token.i in by_token and by_token[token.i].label != "NORP":
                continue
            trigger = match_trigger(token)
            if trigger is None or _yields_to_complement(token):
                continue
            yield _build(token, trigger, sent_idx, sent, by_token, dates_by_sent.get(sent_idx, []))


def _yields_to_complement(token: Token) -> bool:
    """"agreed to exchange prisoners" is one event, the complement's. A request or a refusal is an
    event of its own ("urged Yerevan to sign"); the complement then carries the modality."""
    own = match_trigger(token)
    if own is not None and own.event_type in SPEECH_ACTS:
        return False
    return any(child.dep_ == "xcomp" and match_trigger(child) for child in token.children)


def _governor(token: Token) -> Token:
    """The verb that governs a complement ("refused" for "go" in "refused to go")."""
    while token.dep_ in ("xcomp", "ccomp", "conj") and token.head is not token:
        token = token.head
    return token


def _build(token, trigger, sent_idx, sent, by_token, sent_dates) -> EventMention:
    actors, targets = _arguments(token, by_token)
    quantity = _quantity(token)
    location = _location(token, by_token, set(actors) | set(targets))
    date = sent_dates[0].resolved if sent_dates else None
    return EventMention(
        sent_idx=sent_idx,
        event_type=trigger.event_type,
        subtype=trigger.subtype,
        trigger=token.text,
        trigger_start=token.idx,
        actors=actors,
        targets=targets,
        location_id=location,
        date=date.value if date else None,
        date_precision=date.granularity if date else None,
        modality=modality(token),
        quantity=quantity,
        sentence=sent.text.strip(),
        rule_id=trigger.rule_id,
    )


def _entity_ids(tokens: Iterable[Token], by_token: dict[int, EntityMention], as_government: bool) -> list[str]:
    ids: list[str] = []
    codes = demonyms()
    for tok in tokens:
        mention = by_token.get(tok.i)
        entity_id = None
        if mention is not None and mention.label == "NORP":
            code = codes.get(mention.text) or codes.get(mention.text.title())
            entity_id = country_ids().get(code) if code else None
        elif mention is not None and mention.label in PLACE_LABELS and as_government:
            code = metonyms().get(mention.text.lower())
            entity_id = country_ids().get(code) if code else mention.entity_id
        elif mention is not None and mention.label not in ("DATE",):
            entity_id = mention.entity_id
        if entity_id and entity_id not in ids:
            ids.append(entity_id)
    return ids


def _arguments(token: Token, by_token) -> tuple[tuple[str, ...], tuple[str, ...]]:
    subject_tokens: list[Token] = []
    object_tokens: list[Token] = []
    head = token
    for _ in range(4):
        subjects = [c for c in head.children if c.dep_ in SUBJECTS]
        if subjects:
            break
        if head.dep_ in ("xcomp", "ccomp", "conj", "advcl", "acl", "relcl") and head.head is not head:
            head = head.head
            if token.pos_ == "NOUN" and head.pos_ != "VERB":
                break
        else:
            break
    passive = any(c.dep_ == "nsubjpass" for c in head.children)
    for child in head.children:
        if child.dep_ in SUBJECTS:
            (object_tokens if passive else subject_tokens).extend(child.subtree)
        if child.dep_ == "agent" and passive:
            subject_tokens.extend(child.subtree)
    if token.pos_ == "NOUN":
        for child in token.children:
            if child.dep_ in ("poss", "compound", "amod"):
                subject_tokens.extend(child.subtree)
            if child.dep_ == "prep" and child.lower_ in ("between", "of", "by"):
                subject_tokens.extend(child.subtree)
    for child in token.children:
        if child.dep_ in OBJECTS:
            object_tokens.extend(child.subtree)
        elif child.dep_ in ("prep", "prt") and child.lower_ in TARGET_PREPS | {"over"}:
            object_tokens.extend(child.subtree)
    actors = _entity_ids(subject_tokens, by_token, as_government=True)
    targets = [t for t in _entity_ids(object_tokens, by_token, as_government=True) if t not in actors]
    return tuple(actors), tuple(targets)


def _quantity(token: Token) -> int | None:
    for child in token.children:
        if child.dep_ not in OBJECTS:
            continue
        for tok in child.subtree:
            if tok.dep_ == "nummod" or tok.like_num:
                text = tok.text.lower().replace(",", "")
                if text.isdigit():
                    return int(text)
                if text in NUMBER_WORDS:
                    return NUMBER_WORDS[text]
    return None


def _location(token: Token, by_token, arguments: set[str]) -> str | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in PLACE_PREPS:
            for tok in child.subtree:
                mention = by_token.get(tok.i)
                if mention and mention.label in PLACE_LABELS and mention.entity_id and mention.entity_id not in arguments:
                    return mention.entity_id
    return None


def modality(token: Token) -> str:
    """asserted, planned, proposed, refused, negated or hypothetical, from the trigger's syntax."""
    governor = _governor(token)
    chain = {token, governor, token.head}
    if any(c.dep_ == "neg" for t in chain for c in t.children):
        return "negated"
    lemmas = {t.lemma_.lower() for t in chain if t is not token}
    if lemmas & REFUSAL:
        return "refused"
    aux = {c.lower_ for t in (token, governor) for c in t.children if c.dep_ in ("aux", "auxpass")}
    marks = {c.lower_ for t in (token, governor) for c in t.children if c.dep_ == "mark"}
    if "if" in marks or aux & HYPOTHETICAL_AUX:
        return "hypothetical"
    if lemmas & PROPOSING or {c.lemma_.lower() for c in governor.children} & {"ready", "willing"}:
        return "proposed"
    if aux & {"will", "shall", "'ll"} or lemmas & PLANNING - {"agree"}:
        return "planned"
    return "asserted"
