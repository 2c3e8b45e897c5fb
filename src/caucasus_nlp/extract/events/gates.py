"""Gates: what a trigger candidate must pass to be an event (resources/events/gates.jsonl).

A candidate gate looks at the trigger token before its arguments are found; an event gate at the event
built from it. Each returns True when the candidate is to be dropped. Questions, conditions, habits and
what is prevented are not asserted events (FactBank's factuality); neither is a participle that only
describes a noun.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from caucasus_nlp.extract.entities import EntityMention
from caucasus_nlp.extract.events.actors import only_generic
from caucasus_nlp.extract.events.mention import EventMention
from caucasus_nlp.extract.events.triggers import match_trigger, reported_noun
from caucasus_nlp.rulebook import check_implemented, rule
from caucasus_nlp.syntax import doc_text, governor


def inside_name(token: Token, by_token: dict[int, EntityMention]) -> bool:
    mention = by_token.get(token.i)
    return mention is not None and mention.label not in rule("gate:inside_name").labels


def participle_modifier(token: Token, by_token: dict[int, EntityMention]) -> bool:
    """A past participle that describes a noun instead of telling an event: "the convicted men", "all
    arrested and convicted Armenians must be freed" (the small model reads the latter as subjects)."""
    gate = rule("gate:participle_modifier")
    if token.dep_ == "amod":
        return True
    if token.tag_ in gate.tags and token.dep_ == "acl" and token.lemma_.lower() in gate.words:
        return True  # "ethnic Armenian forces backed by Armenia": a standing relation, even with its agent
    if token.tag_ not in gate.tags or any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "agent") for c in token.children):
        return False
    while token.dep_ == "conj" and token.head.tag_ in gate.tags:
        token = token.head
    return token.dep_ in gate.deps


def scene_participle(token: Token, by_token: dict[int, EntityMention]) -> bool:
    """"Welcoming the delegation, Kostanyan praised ...": a participle before its clause, with no subject
    or conjunction of its own, sets the scene for the clause's event."""
    gate = rule("gate:scene_participle")
    return token.tag_ in gate.tags and token.dep_ in gate.deps and token.i < token.head.i and not any(
        c.dep_ in ("nsubj", "nsubjpass", "mark") for c in token.children)


def prevented(token: Token, by_token: dict[int, EntityMention]) -> bool:
    """Whether the trigger is what a verb of preventing governs ("to avoid sanctions", "to prevent
    holding a conference"), not negated ("did not prevent the attacks": they happened)."""
    gate = rule("gate:prevented")
    verb = token.head
    return token.dep_ in gate.deps and verb.lemma_.lower() in gate.words and not any(c.dep_ == "neg" for c in verb.children)


def requested_act(token: Token, by_token: dict[int, EntityMention]) -> bool:
    """"Called for the withdrawal of the troops", "rejected the deployment of observers": a noun event
    that is what a request or refusal asks for or refuses has not happened; the request or the refusal
    is the event, as the gold codes it."""
    gate = rule("gate:requested_act")
    if token.pos_ == "VERB" and token.dep_ in gate.map["complement_deps"]:
        # "called on the international community to support their efforts", "urged Yerevan to sign"
        asked, types = match_trigger(token.head), gate.map["complement_types"]
    elif token.pos_ == "NOUN" and token.dep_ in gate.deps:
        if token.dep_ == "pobj" and token.head.lower_ not in gate.words:
            return False  # "demanded talks after the withdrawal": no request for the withdrawal
        verb = token.head.head if token.dep_ == "pobj" else token.head  # "called for the withdrawal", "rejected the deployment"
        asked, types = match_trigger(verb), gate.types
    else:
        return False
    if asked is None or asked.event_type not in types:
        return False
    # an anchor the event-type classifier chose has no lexicon row of its own to compare
    own = match_trigger(token)
    return own is None or asked.event_type != own.event_type


def habitual(token: Token, by_token: dict[int, EntityMention]) -> bool:
    """"frequently protest ..., accusing them of": a habit, in the trigger's clause or, for a participle
    hung on a clause, in that clause."""
    clause = [token, governor(token)]
    if token.tag_ == "VBG" and token.dep_ == "advcl":
        clause.append(token.head)
    return any(c.dep_ == "advmod" and c.lower_ in rule("gate:habitual").words for t in clause for c in t.children)


def opinion(token: Token, by_token: dict[int, EntityMention]) -> bool:
    """"Hoekstra agrees with the MPs that there is non-compliance": agreeing with someone that
    something is so shares an opinion, and is no accord."""
    gate = rule("gate:opinion")
    return (token.lemma_.lower() in gate.words and any(c.dep_ == "ccomp" for c in token.children)
            and any(c.dep_ == "prep" and c.lower_ in gate.map["prepositions"] for c in token.children))


def protest_claim(token: Token, by_token: dict[int, EntityMention]) -> bool:
    """"Workers protested in front of the plant to demand their wages", "rallied demanding his
    resignation": a demand or accusation that is the purpose or manner of a protest is the protest's
    claim, not an event of its own, as ACLED codes the protest with its claims."""
    gate = rule("gate:protest_claim")
    own = match_trigger(token)
    if own is None or own.event_type not in gate.types or token.dep_ not in gate.deps:
        return False
    protest = match_trigger(token.head)
    return protest is not None and protest.event_type == "PROTEST"


def question(token: Token, by_token: dict[int, EntityMention]) -> bool:
    sent = token.sent
    return doc_text(token.doc)[sent.start_char : sent.end_char].strip().rstrip("\"'”’").endswith("?")


def condition(token: Token, by_token: dict[int, EntityMention]) -> bool:
    """The trigger is in a clause under "if"/"unless", or in the clause such a condition comes before
    ("If X, Y": not "Y, though it is questionable if X")."""
    words = rule("gate:condition").words
    for node in (token, *token.ancestors):
        if any(c.dep_ == "mark" and c.lower_ in words for c in node.children):
            return True
        if any(c.dep_ == "advcl" and c.i < token.i and any(m.dep_ == "mark" and m.lower_ in words for m in c.children)
               for c in node.children):
            return True
    return False


def background_noun(event: EventMention, token: Token) -> bool:
    return token.pos_ == "NOUN" and not event.actors and not reported_noun(token)


def protesters_claim(event: EventMention, token: Token) -> bool:
    """"A group of people who demanded the release of two men" in a report of a demonstration: what
    protesters or civilians no one names demand or decry is the protest's claim, as ACLED codes it."""
    gate = rule("gate:protesters_claim")
    if event.event_type not in gate.types:
        return False
    if _claim_of_a_protest(token, gate.deps, gate.number):
        return True  # "held a protest, demanding higher salaries", "a protest calling for the release of"
    if not only_generic(event.actors, gate.words):
        return False
    return any(_is_protest(t) for t in token.doc)


def _is_protest(token: Token) -> bool:
    return (found := match_trigger(token)) is not None and found.event_type == "PROTEST"


def _claim_of_a_protest(token: Token, deps: frozenset[str], steps: int) -> bool:
    """Whether a trigger hangs on a protest as its adjunct (the rule's deps, at most `steps` up): on
    the protest verb or noun itself, or on the light verb whose object is one ("held a protest, demanding")."""
    node = token
    for _ in range(steps):
        if node.dep_ not in deps or node.head.i == node.i:
            return False
        node = node.head
        if _is_protest(node) or any(c.dep_ in ("dobj", "nsubj", "nsubjpass") and _is_protest(c) for c in node.children):
            return True
    return False


def passive_speech(event: EventMention, token: Token) -> bool:
    """"X is accused of ...": no one accuses (a demand made of a passive act, "must be released", is the
    speaker's and has its actors by then)."""
    said = match_trigger(token) if not event.actors and any(c.dep_ == "auxpass" for c in token.children) else None
    return said is not None and said.event_type in rule("gate:passive_speech").types


def unasserted(event: EventMention, token: Token) -> bool:
    """"A border deal could facilitate a withdrawal", "Azerbaijan may attack": what only might happen is
    no event an analyst codes (FactBank's possible events). The rule's words are the modalities dropped,
    its aux the modals of possibility: "Armenia should sign" (a modal of obligation, the nearest one to
    the trigger) stays, as what a side says it should do."""
    gate = rule("gate:unasserted")
    if event.modality not in gate.words:
        return False
    for verb in (token, *token.ancestors):
        if modals := [c.lower_ for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD"]:
            return modals[0] in gate.aux
    return True


def no_participant(event: EventMention, token: Token) -> bool:
    return not (event.actors or event.targets)


CANDIDATE_GATES: dict[str, Callable[[Token, dict[int, EntityMention]], bool]] = {
    "gate:inside_name": inside_name,
    "gate:participle_modifier": participle_modifier,
    "gate:scene_participle": scene_participle,
    "gate:requested_act": requested_act,
    "gate:prevented": prevented,
    "gate:habitual": habitual,
    "gate:opinion": opinion,
    "gate:question": question,
    "gate:condition": condition,
    "gate:protest_claim": protest_claim,
}
EVENT_GATES: dict[str, Callable[[EventMention, Token], bool]] = {
    "gate:background_noun": background_noun,
    "gate:protesters_claim": protesters_claim,
    "gate:passive_speech": passive_speech,
    "gate:unasserted": unasserted,
    "gate:no_participant": no_participant,
}
check_implemented("gate", CANDIDATE_GATES | EVENT_GATES)


def candidate_gate(token: Token, by_token: dict[int, EntityMention], gate_ids: list[str]) -> str | None:
    """The first of the enabled candidate gates that drops the token, or None."""
    return next((gate_id for gate_id in gate_ids if CANDIDATE_GATES[gate_id](token, by_token)), None)


def event_gate(event: EventMention, token: Token, gate_ids: list[str]) -> str | None:
    """The first of the enabled event gates that drops the event, or None."""
    return next((gate_id for gate_id in gate_ids if EVENT_GATES[gate_id](event, token)), None)
