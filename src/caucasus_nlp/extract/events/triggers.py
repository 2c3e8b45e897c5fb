"""Trigger candidates: the tokens a row of the trigger tables matches.

The tables (resources/events/triggers.tsv, accusing_nouns.tsv) are compiled into the lower-cased
lemmas of their rows, each with the token parts of speech its rows admit; a token of such a lemma and
part of speech is a candidate, and takes the first row of its lemma whose part of speech and cue
match. The cue is a regular expression over the lemmas of the trigger's own arguments (see
`context_lemmas`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.attrs import LEMMA
from spacy.tokens import Doc, Span, Token

from caucasus_nlp.kb import resource_lines
from caucasus_nlp.rulebook import Trigger, enabled, rule, triggers
from caucasus_nlp.syntax import core, tokens_where

# dependents of a trigger whose words say nothing of what it acts on: its doer, clauses of their own, and a
# verb coordinated with it ("agree to a prisoner exchange, work toward a peace treaty": no treaty is agreed)
CUELESS_DEPENDENTS = {"nsubj", "csubj", "ccomp", "advcl", "parataxis", "conj"}
# the token parts of speech a row's pos admits
ADMITTED_POS = {"VERB": ["VERB"], "NOUN": ["NOUN", "PROPN"]}


@dataclass
class Candidate:
    """A token a trigger row matched, with the rules that have fired on it so far."""

    token: Token
    trigger: Trigger
    sent_idx: int
    fired: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def trigger_lexicon() -> dict[str, list[Trigger]]:
    """Lemma → its trigger rows, in table order."""
    lexicon: dict[str, list[Trigger]] = {}
    for trigger in triggers():
        lexicon.setdefault(trigger.lemma, []).append(trigger)
    return lexicon


@lru_cache(maxsize=1)
def trigger_lemmas() -> dict[str, frozenset[str] | None]:
    """Lemma of some trigger row → the token parts of speech its rows admit (None: any)."""
    admitted: dict[str, frozenset[str] | None] = {}
    for trigger in triggers():
        known = admitted.get(trigger.lemma, frozenset())
        if trigger.pos not in ADMITTED_POS or known is None:
            admitted[trigger.lemma] = None
        else:
            admitted[trigger.lemma] = known | frozenset(ADMITTED_POS[trigger.pos])
    return admitted

def trigger_tokens(doc: Doc) -> list[Token]:
    """The tokens whose lemma and part of speech some trigger row has, in text order. A look-up per
    token: a spaCy matcher over a lemma extension cost a Python call per token and pattern, a tenth
    of all event extraction."""
    lemmas, strings = trigger_lemmas(), doc.vocab.strings
    return [token for token in tokens_where(doc, LEMMA, lambda lemma: strings[lemma].lower() in lemmas)
            if (admitted := lemmas[token.lemma_.lower()]) is None or token.pos_ in admitted]


def matching_triggers(token: Token) -> list[Trigger]:
    """The rows of the token's lemma whose part of speech and cue match, in table order. The context
    a cue reads is gathered only where a row of the right part of speech has a cue."""
    candidates = trigger_lexicon().get(token.lemma_.lower())
    if not candidates:
        return []
    fitting = [trigger for trigger in candidates
               if not (trigger.pos == "VERB" and token.pos_ != "VERB") and not (trigger.pos == "NOUN" and token.pos_ not in ("NOUN", "PROPN"))]
    if all(trigger.cue is None for trigger in fitting):
        return fitting
    context = context_lemmas(token)
    return [trigger for trigger in fitting if trigger.cue is None or any(trigger.cue.match(lemma) for lemma in context)]


def match_trigger(token: Token) -> Trigger | None:
    """The row a token triggers: the first whose part of speech and cue match."""
    matching = matching_triggers(token)
    return matching[0] if matching else None


def choose_trigger(token: Token, scores: dict[str, float] | None) -> tuple[Trigger, list[str]] | None:
    """The row a candidate takes, and the rules that chose it: with the event-type classifier's scores
    for the sentence (accurate profile), a lemma whose matching rows have different types ("withdraw":
    RETREAT or CONCEDE) takes the row of the type it scores higher (rewrite:event_typer)."""
    matching = matching_triggers(token)
    if not matching:
        return None
    if scores and enabled("rewrite:event_typer") and len({t.event_type for t in matching}) > 1:
        chosen = max(matching, key=lambda t: scores.get(t.event_type, 0.0))
        return chosen, ["rewrite:event_typer"] if chosen is not matching[0] else []
    return matching[0], []


def occurring_noun(token: Token) -> bool:
    """A noun event reported as happening by a verb of occurring (role:occurring_noun): "clashes
    erupted", "an explosion occurred", "fighting broke out", "a clash ensued between ..."."""
    return occurring_verb(token) is not None


def occurring_verb(token: Token) -> Token | None:
    """The verb of occurring (role:occurring_noun's words) a noun event is the subject of, or that
    describes it as a reduced relative, which the small model makes of "a clash ensued between ..."
    (the noun the root, the verb its acl)."""
    row = rule("role:occurring_noun")
    if not enabled("role:occurring_noun") or token.pos_ != "NOUN":
        return None
    if token.dep_ in row.deps and token.head.lemma_.lower() in row.words:
        return token.head
    return next((c for c in token.children if c.dep_ == "acl" and c.lemma_.lower() in row.words), None)


def observed_noun(token: Token) -> bool:
    """A noun event that is what someone observed, recorded or heard (role:observed_noun), directly or
    counted ("the SMM observed a total of 56 explosions", "residents heard shots"): a monitor's report
    of the event itself, not a recalled one."""
    row = rule("role:observed_noun")
    if not enabled("role:observed_noun") or token.pos_ != "NOUN":
        return False
    tok = token
    if tok.dep_ == "pobj" and tok.head.lower_ in row.map["counting_prepositions"] and tok.head.head.lemma_.lower() in row.map["counting_nouns"]:
        tok = tok.head.head  # "a total of", "a series of", "dozens of"
    return tok.dep_ in row.deps and tok.head.lemma_.lower() in row.words


def reported_noun(token: Token) -> bool:
    """A noun event the sentence reports as happening: it occurs (role:occurring_noun) or was observed
    (role:observed_noun)."""
    return occurring_noun(token) or observed_noun(token)


def classifier_trigger(sent: Span, scores: dict[str, float] | None, lexicon_types: set[str], lexicon_tokens: set[int]) -> tuple[Token, Trigger] | None:
    """The event the classifier alone finds in a sentence (accurate profile, rewrite:classifier_event),
    and its anchor: where the classifier gives one of the rule's types (its `map`) at least the rule's
    `number` percent and the lexicon found no candidate of that type in the sentence, the sentence's
    main predication takes a trigger row of that type, with the map's subtype. The main predication is
    the root ("clashes erupted between ..."), or, where the root is a verb of reporting (the rule's
    `words`: "police reported that gunmen had opened fire"), the clause it reports; a reporting verb
    with no clause of its own anchors nothing. Its arguments, place and date are found as for any
    trigger. An anchor the lexicon already reads as another event keeps the lexicon's reading."""
    if not scores or not enabled("rewrite:classifier_event"):
        return None
    row = rule("rewrite:classifier_event")
    label = max(row.map, key=lambda t: scores.get(t, 0.0))
    if scores.get(label, 0.0) * 100 < (row.number or 0) or label in lexicon_types:
        return None
    anchor: Token | None = sent.root
    if anchor.lemma_.lower() in row.words:
        anchor = next((c for c in anchor.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in row.pos), None)
    if anchor is None or anchor.i in lexicon_tokens or anchor.pos_ not in row.pos:
        return None
    return anchor, Trigger(id=row.id, lemma=anchor.lemma_.lower(), pos="ANY", event_type=label, subtype=row.map[label], cue=None,
                           source=row.source)


def context_lemmas(token: Token) -> set[str]:
    """Lemmas a cue may name: the trigger's non-subject dependents, its head, and the head's objects;
    for a noun in a prepositional phrase, also the word the phrase hangs on.
    The subject of a passive is what the act is done to ("the ambassador was invited"): a cue may name
    it. A clause the trigger governs is another event ("recalled that the envoy met"), and the phrases
    hung on an object are not the object: a cue may not name them. A named person among the trigger's
    own arguments is the word "@person" ("received Lavrov", "hosted Aliyev and Pashinyan"); people named by
    their nation ("32 Armenians") are "@people"; a word of condemnation ("unacceptable") is "@condemning"."""
    objects = rule("role:object").deps
    words = [t for child in token.children if child.dep_ not in CUELESS_DEPENDENTS and not time_adjunct(child)
             # an object by its own words: "released rulings on three of the detainees" releases no prisoner
             for t in (core(child) if child.dep_ in objects else child.subtree)]
    if (judgement := small_clause(token)) is not None:
        words.append(judgement[1])  # "considers the plans unacceptable": the judgement is the verb's own
    lemmas = {t.lemma_.lower() for t in words}
    if any(t.ent_type_ == "PERSON" for t in words):
        lemmas.add("@person")
    if any(t.ent_type_ == "NORP" and t.tag_ in ("NNS", "NNPS") for t in words):
        lemmas.add("@people")  # "released 32 Armenians", "all convicted Azerbaijanis must be freed"
    if lemmas & condemning_adjectives():
        lemmas.add("@condemning")
    lemmas.add(token.head.lemma_.lower())
    if token.pos_ == "NOUN":
        lemmas |= {t.lemma_.lower() for t in token.head.subtree}
        if token.dep_ == "pobj":
            lemmas.add(token.head.head.lemma_.lower())  # the word the noun's phrase hangs on: "engaged in a demonstration"
    return lemmas


@lru_cache(maxsize=1)
def condemning_adjectives() -> frozenset[str]:
    return frozenset(line.strip() for line in resource_lines("condemning_adjectives.txt"))


def small_clause(token: Token) -> tuple[Token, Token] | None:
    """What a verb judges and the adjective it judges it by ("considers Armenia's plans unacceptable",
    "called the vote illegal"). The small model reads the adjective as a clause of its own, an object
    predicate beside the object, or an object of a verb inside the judged phrase ("plans to extend
    its waters unacceptable"), so it is looked for in the whole complement."""
    deps = rule("role:small_clause").deps
    complements = [c for c in token.children if c.dep_ in deps - {"acomp"}]
    adjective = next((t for c in complements for t in c.subtree if t.pos_ == "ADJ" and t.dep_ in deps), None)
    if adjective is None:
        return None
    judged = next((c for c in complements if c.pos_ in ("NOUN", "PROPN")), None) or next(
        (c for c in adjective.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (judged, adjective) if judged is not None else None


def time_adjunct(child: Token) -> bool:
    """"on Monday", "in March": a date says nothing of what the act is ("called Aliyev on Monday")."""
    objects = [c for c in child.children if c.dep_ == "pobj"]
    return child.dep_ == "prep" and bool(objects) and all(o.ent_type_ in ("DATE", "TIME") for o in objects)
