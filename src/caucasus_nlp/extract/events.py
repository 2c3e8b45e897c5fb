"""Events: trigger lemmas from resources/event_triggers.tsv, arguments from the dependency parse.

For each trigger the actors come from its subject (or the agent of a passive, or the subject of
the verb it complements: "agreed to exchange"), the targets from its objects and prepositional
complements; demonyms ("the Azerbaijani side") and capitals acting as governments ("Baku
accused Yerevan") stand for their country. Modality comes from negation, auxiliaries and the verb
that governs the trigger ("refused to go", "plans to hold", "could attack").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.tokens import Doc, Token

from caucasus_nlp.extract.dates import DateMention, DateValue
from caucasus_nlp.extract.dedup import compatible_dates
from caucasus_nlp.extract.entities import PLACE_LABELS, EntityMention
from caucasus_nlp.kb import Entity, demonyms, entity_named, geonames, knowledge_base, office_holder, resource_lines

# The PLOVER event types (../shared/SCHEMA.md), from cooperative to conflictual.
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
# dependents of a trigger whose words say nothing of what it acts on: its doer, clauses of their own, and a
# verb coordinated with it ("agree to a prisoner exchange, work toward a peace treaty": no treaty is agreed)
CUELESS_DEPENDENTS = {"nsubj", "csubj", "ccomp", "advcl", "parataxis", "conj"}
OBJECTS = {"dobj", "dative", "attr", "oprd"}
TARGET_PREPS = {"with", "to", "on", "against", "upon", "for", "from"}
PLACE_PREPS = {"in", "at", "near", "on", "along", "inside"}
# Acts done to someone: in a noun phrase, "of" names the one they are done to ("the seizure of Artsakh")
PATIENT_OF_TYPES = {"COERCE", "ASSAULT", "CONCEDE"}
# "by withdrawing", "after meeting", "steps towards expanding": the subject of the clause does the gerund's act
GERUND_MANNER_PREPS = {"by", "after", "before", "while", "when", "through", "without", "towards", "toward"}
# "said at a meeting with", "during talks with", "conveyed in conversations with": the occasion a clause's subject took part in
OCCASION_PREPS = {"at", "during", "in"}
# "headed by X", "led by X"; "the head of ...", "the leader of ..."
LEADING = {"head", "lead", "chair"}
LEADER_ROLES = {"head", "leader", "chief", "chairman", "chair"}
# "his country": a person's state
STATE_NOUNS = {"country", "nation", "state"}
REFUSAL = {"refuse", "reject", "decline"}
# Not agreeing is refusing, not supporting is opposing (CAMEO codes "not agree" as a rejection): the REJECT subtype
NEGATED_AS_REJECT = {"AGREE": "refusal", "SUPPORT": "opposition"}
# "frequently protest", "regularly accuse": a habit, not an event that happened
HABITUAL = {"frequently", "often", "regularly", "usually", "routinely", "habitually", "constantly", "always"}
SPEECH_ACTS = {"REQUEST", "REJECT"}
# What someone says: an accusation, a demand, a refusal or a threat told in the passive with no one named as
# making it is a status, not an event an analyst can code ("Khachatryan is accused of ...")
SAID_BY_SOMEONE = {"ACCUSE", "REQUEST", "REJECT", "THREATEN"}
PLANNING = {"plan", "intend", "expect", "set", "aim", "prepare", "schedule", "go", "agree", "decide", "hope", "want"}
PROPOSING = {"propose", "offer", "suggest", "ready", "willing", "proposal"}
# "urged Yerevan to sign": what one side asks of another is proposed, not done
REQUESTING = {"urge", "call", "ask", "encourage", "invite", "demand", "request", "press", "push", "appeal"}
CONDITIONS = {"if", "unless"}
# "to avoid sanctions", "to prevent an escalation": what these verbs govern is kept from happening
PREVENTING = {"avoid", "prevent", "avert", "evade", "forestall"}
FINITE = {"VBZ", "VBD", "VBP", "MD"}
HYPOTHETICAL_AUX = {"could", "would", "might", "may", "should", "can"}
DEONTIC_AUX = {"must", "should"}
# A pronoun refers to a name in its own sentence or the one before, never further back.
ANTECEDENT_SENTENCES = 2
RELATIVE_PRONOUNS = {"who", "which", "that"}
THIRD_PERSON = {"he", "she", "his", "her", "him"}
REPORTING = {"say", "write", "state", "tell", "add", "note", "stress", "declare", "announce", "emphasise", "emphasize", "tweet"}
# Plural nouns that name the parties of the story as a group ("the two countries", "both sides").
GROUP_NOUNS = {"country", "side", "party", "leader", "president", "minister", "interlocutor", "government", "state", "neighbour",
               "neighbor", "nation", "republic"}
# "the two leaders": the article's two main people when they lead its two main countries
LEADER_NOUNS = {"leader", "president"}
# Prisoners set free: held by the other side of a two-party conflict
CAPTIVITY_SUBTYPES = {"prisoner_release", "prisoner_return"}
# Acts only a state performs: in the passive without an agent, the country they happened in did them.
JURISDICTION_SUBTYPES = {"detention", "sentencing"}
NUMBER_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str
    event_type: str
    subtype: str
    cue: re.Pattern | None
    rule_id: str
    # a word by which the speaker of its sentence accuses the noun's owner (resources/accusing_nouns.tsv)
    spoken_accusation: bool = False


@dataclass(frozen=True)
class EventMention:
    sent_idx: int
    event_type: str
    subtype: str
    trigger: str
    trigger_start: int
    trigger_lemma: str
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    location_id: str | None
    date: str | None
    date_precision: str | None
    modality: str
    quantity: int | None
    sentence: str
    rule_id: str
    # the event-type classifier's probability for this type in this sentence (accurate profile only)
    type_confidence: float | None = None
    # the states among the actors that are there because a state body of theirs acted (acts_for)
    represented: tuple[str, ...] = ()

    @property
    def own_actors(self) -> set[str]:
        """The actors the sentence itself names, without the states their bodies act for."""
        return set(self.actors) - set(self.represented)


@lru_cache(maxsize=1)
def trigger_lexicon() -> dict[str, list[Trigger]]:
    lexicon: dict[str, list[Trigger]] = {}
    for line in resource_lines("event_triggers.tsv"):
        lemma, pos, event_type, subtype, cue = (c.strip() for c in line.split("\t"))
        rule_id = f"trigger:{lemma}:{pos.lower()}:{subtype}"  # names its row: lemma, pos and subtype are unique together
        trigger = Trigger(lemma, pos, event_type, subtype, None if cue == "-" else re.compile(rf"^(?:{cue})$"), rule_id)
        lexicon.setdefault(lemma, []).append(trigger)
    for line in resource_lines("accusing_nouns.tsv"):
        lemma, subtype = (c.strip() for c in line.split("\t"))
        lexicon.setdefault(lemma, []).append(Trigger(lemma, "NOUN", "ACCUSE", subtype, None, f"accusing_noun:{lemma}", spoken_accusation=True))
    return lexicon


@lru_cache(maxsize=1)
def country_ids() -> dict[str, str]:
    """ISO code → GeoNames entity id of the country."""
    return {iso: f"geonames:{gid}" for iso, gid in geonames().country_ids.items()}


@lru_cache(maxsize=1)
def country_codes() -> dict[str, str]:
    """GeoNames entity id of a country → its ISO code."""
    return {entity_id: iso for iso, entity_id in country_ids().items()}


def country_of(mention: EntityMention) -> str | None:
    """The ISO code of the country a mention stands for: a demonym ("Azerbaijani") or the country itself."""
    if mention.label == "NORP":
        code = demonyms().get(mention.text) or demonyms().get(mention.text.title())
        return code if code in country_ids() else None
    return country_codes().get(mention.entity_id)


@lru_cache(maxsize=1)
def state_body_words() -> frozenset[str]:
    return frozenset(line.strip().lower() for line in resource_lines("state_body_words.txt"))


def acting_state(mention: EntityMention) -> str | None:
    """The entity a state body acts for ("the Azerbaijani Defence Ministry" → Azerbaijan): the knowledge
    base's acts_for, or for an organisation it does not list, the country its name gives when the name
    also has a state-body word ("the Dutch Government")."""
    if mention.label != "ORG" or not mention.entity_id:
        return None
    known = knowledge_base().get(mention.entity_id)
    if known is not None:
        return _acts_for(known)
    words = mention.text.replace("'s", " ").replace("\u2019s", " ").split()
    if not any(word.lower() in state_body_words() for word in words):
        return None
    for word in words:
        code = demonyms().get(word)
        if code is None and word[:1].isupper():
            place = geonames().link(word)
            code = country_codes().get(place.id) if place else None
        if code in country_ids():
            return country_ids()[code]
    return None


def _acts_for(entity: Entity) -> str | None:
    """The entity id of the state a knowledge-base state body acts for (acts_for: an ISO code or an id)."""
    if entity.acts_for is None:
        return None
    return entity.acts_for if ":" in entity.acts_for else country_ids().get(entity.acts_for)


@lru_cache(maxsize=1)
def metonyms() -> dict[str, str]:
    out = {}
    for line in resource_lines("metonyms.tsv"):
        name, _, code = line.partition("\t")
        if code.strip():
            out[name.strip().lower()] = code.strip()
    return out


def match_trigger(token: Token, scores: dict[str, float] | None = None) -> Trigger | None:
    """The lexicon row a token triggers: the first whose part of speech and cue match. With the
    event-type classifier's scores for the sentence (accurate profile), a lemma whose matching rows
    have different types ("withdraw": RETREAT or CONCEDE) takes the row of the type it scores higher."""
    candidates = trigger_lexicon().get(token.lemma_.lower())
    if not candidates:
        return None
    context = _context_lemmas(token)
    matching = [
        trigger for trigger in candidates
        if not (trigger.pos == "VERB" and token.pos_ != "VERB")
        and not (trigger.pos == "NOUN" and token.pos_ not in ("NOUN", "PROPN"))
        and (trigger.cue is None or any(trigger.cue.match(lemma) for lemma in context))
    ]
    if not matching:
        return None
    if scores and len({t.event_type for t in matching}) > 1:
        chosen = max(matching, key=lambda t: scores.get(t.event_type, 0.0))
        if chosen is not matching[0]:
            return replace(chosen, rule_id=f"{chosen.rule_id}+event_typer")
        return chosen
    return matching[0]


def _context_lemmas(token: Token) -> set[str]:
    """Lemmas a cue may name: the trigger's non-subject dependents, its head, and the head's objects.
    The subject of a passive is what the act is done to ("the ambassador was invited"): a cue may name
    it. A clause the trigger governs is another event ("recalled that the envoy met"), and the phrases
    hung on an object are not the object: a cue may not name them. A named person among the trigger's
    own arguments is the word "@person" ("received Lavrov", "hosted Aliyev and Pashinyan"); people named by
    their nation ("32 Armenians") are "@people"; a word of condemnation ("unacceptable") is "@condemning"."""
    words = [t for child in token.children if child.dep_ not in CUELESS_DEPENDENTS and not _time_adjunct(child)
             # an object by its own words: "released rulings on three of the detainees" releases no prisoner
             for t in (_core(child) if child.dep_ in OBJECTS else child.subtree)]
    if (judgement := _small_clause(token)) is not None:
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
    return lemmas


@lru_cache(maxsize=1)
def condemning_adjectives() -> frozenset[str]:
    return frozenset(line.strip() for line in resource_lines("condemning_adjectives.txt"))


def _small_clause(token: Token) -> tuple[Token, Token] | None:
    """What a verb judges and the adjective it judges it by ("considers Armenia's plans unacceptable",
    "called the vote illegal"). The small model reads the adjective as a clause of its own, an object
    predicate beside the object, or an object of a verb inside the judged phrase ("plans to extend
    its waters unacceptable"), so it is looked for in the whole complement."""
    complements = [c for c in token.children if c.dep_ in ("ccomp", "oprd", "dobj")]
    adjective = next((t for c in complements for t in c.subtree if t.pos_ == "ADJ" and t.dep_ in ("ccomp", "oprd", "dobj", "acomp")), None)
    if adjective is None:
        return None
    judged = next((c for c in complements if c.pos_ in ("NOUN", "PROPN")), None) or next(
        (c for c in adjective.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (judged, adjective) if judged is not None else None


def _time_adjunct(child: Token) -> bool:
    """"on Monday", "in March": a date says nothing of what the act is ("called Aliyev on Monday")."""
    objects = [c for c in child.children if c.dep_ == "pobj"]
    return child.dep_ == "prep" and bool(objects) and all(o.ent_type_ in ("DATE", "TIME") for o in objects)


@dataclass
class ArticleContext:
    """What actor resolution needs from the whole article: mentions by token, in order, and the
    countries and people it is mostly about."""

    by_token: dict[int, EntityMention]
    ordered: list[EntityMention]
    main_countries: tuple[str, ...]
    main_people: tuple[str, ...]
    year: int | None = None
    # state body → the country (or entity) it acts for
    states: dict[str, str] = field(default_factory=dict)
    # sentence start → the organisations and countries its main clause has as subject ("it" refers back to them)
    subjects: dict[int, list[str]] = field(default_factory=dict)
    # the state body that published the article (a ministry's press release): "we" in its own voice
    publisher: str | None = None
    # the people the article says lead a group or delegation, with the place or country named nearest
    # ("a working group formed by Azerbaijan, headed by Ramin Mammadov"): "the head of the Azerbaijani group"
    leaders: list[tuple[str, str]] = field(default_factory=list)
    # who "we" are where the article says so ("we, the citizens of the Republic of Artsakh, affirm"):
    # an appeal or statement in the first person; the demands it makes without a speaker are theirs
    authors: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, doc: Doc, mentions: Iterable[EntityMention], published: str | None = None, outlet: str | None = None) -> ArticleContext:
        ordered = sorted(mentions, key=lambda m: m.token_start)
        by_token = {i: m for m in ordered for i in range(m.token_start, m.token_end)}
        countries, people = Counter(), Counter()
        for m in ordered:
            if code := country_of(m):
                countries[country_ids()[code]] += 1
            elif m.label == "PERSON" and m.entity_id:
                people[m.entity_id] += 1
        year = int(published[:4]) if published else None
        states = {m.entity_id: state for m in ordered if (state := acting_state(m)) and state != m.entity_id}
        publisher = entity_named(outlet)
        publisher_state = _acts_for(publisher) if publisher is not None else None
        if publisher_state:
            states[publisher.id] = publisher_state
        return cls(by_token, ordered, tuple(c for c, _ in countries.most_common(2)), tuple(p for p, _ in people.most_common(2)),
                   year, states, publisher=publisher.id if publisher_state else None,
                   leaders=_leaders(doc, by_token), authors=_first_person(doc, by_token))

    def with_states(self, ids: list[str]) -> tuple[list[str], list[str]]:
        """Actors with the countries their state bodies act for added after them ("Russian Defence
        Ministry" → the ministry and Russia), as CAMEO codes an actor's country with its role; and
        which of them were added."""
        out: list[str] = []
        added: list[str] = []
        for entity_id in ids:
            for one in (entity_id, self.states.get(entity_id)):
                if one and one not in out:
                    out.append(one)
                    if one not in ids:
                        added.append(one)
        return out, added

    def main_leaders(self) -> list[str]:
        """"The two leaders": the article's two main people when each belongs to another of its two main
        countries (Aliyev and Pashinyan), else the two countries themselves."""
        states = [_home_state(person) for person in self.main_people]
        if len(self.main_people) == 2 and len(set(states)) == 2 and set(states) == set(self.main_countries):
            return list(self.main_people)
        return list(self.main_countries) if len(self.main_countries) == 2 else []

    def body_subject_before(self, token: Token) -> str | None:
        """The organisation or country the main clause of the sentence before has as subject: "The
        Group reviewed ... It welcomed ..." ("it" continues the topic, not the last name said)."""
        sent = token.sent
        if sent.start == 0:
            return None
        previous = token.doc[sent.start - 1].sent
        if previous.start not in self.subjects:
            self.subjects[previous.start] = self._body_subjects(previous.root)
        found = self.subjects[previous.start]
        return found[0] if found else None

    def _body_subjects(self, root: Token) -> list[str]:
        for child in root.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                core = _core(child)
                named = [i for i in _entity_ids(core, self.by_token, as_government=True)
                         if i in country_codes() or (m := self._mention(i)) is not None and m.label == "ORG"]
                if named:
                    return named
                if child.lower_ == "it":  # "The Group met ... It urged ... It also called": the topic goes on
                    found = self.body_subject_before(child)
                    return [found] if found else []
                if child.pos_ in ("NOUN", "PROPN") and any(c.lower_ == "the" for c in child.children):
                    found = self.organisation_before(child)
                    return [found] if found else []
        return []

    def _mention(self, entity_id: str) -> EntityMention | None:
        return next((m for m in self.ordered if m.entity_id == entity_id), None)

    def person_before(self, token: Token) -> str | None:
        """The last person named before a token, in its sentence or the one before ("he", "she"), or
        further back while every sentence between speaks of him or her ("According to Aliyev, ... He
        recalled ... He also said that his administration ...")."""
        last = next((m for m in self._named_before(token) if m.label == "PERSON"), None)
        if last is None:
            return None
        doc = token.doc
        between = doc[doc[last.token_end - 1].sent.end : token.sent.start].sents
        if self._in_reach(last, token) or all(any(t.lower_ in THIRD_PERSON for t in sent) for sent in between):
            return last.entity_id
        return None

    def _mentions_before(self, token: Token) -> Iterator[EntityMention]:
        """The mentions before a token, the nearest first."""
        return (m for m in reversed(self.ordered) if m.token_start < token.i)

    def _named_before(self, token: Token) -> Iterator[EntityMention]:
        """The mentions with an entity id before a token, the nearest first."""
        return (m for m in self._mentions_before(token) if m.entity_id)

    @staticmethod
    def _in_reach(mention: EntityMention, token: Token) -> bool:
        """Whether a pronoun at the token can refer to the mention: in its sentence or the one before."""
        return len(list(token.doc[mention.token_start : token.i + 1].sents)) <= ANTECEDENT_SENTENCES

    def _last_before(self, token: Token, wanted) -> str | None:
        found = next((m for m in self._named_before(token) if wanted(m)), None)
        return found.entity_id if found is not None and self._in_reach(found, token) else None

    def last_two_before(self, token: Token) -> tuple[str, str] | None:
        """The last two different people, bodies or countries named before a token, in its sentence or
        the one before, in the order named ("the former", "the latter")."""
        named: list[str] = []
        for m in self._named_before(token):
            if not self._in_reach(m, token):
                break
            if m.entity_id not in named and (m.label in ("PERSON", "ORG") or m.entity_id in country_codes()):
                named.append(m.entity_id)
            if len(named) == 2:
                return named[1], named[0]
        return None

    def people_before(self, token: Token) -> str | None:
        """Whose "their leaders" are: the people last named by their nation, in the sentence or the one
        before ("the Armenians in Nagorno-Karabakh, ... their leaders"), as the place the text puts
        them in, else their nation's country."""
        doc = token.doc
        people = next((m for m in self._mentions_before(token) if m.label == "NORP" and doc[m.token_end - 1].tag_ in ("NNS", "NNPS")), None)
        if people is None or not self._in_reach(people, token):
            return None
        after = people.token_end
        if after + 1 < len(doc) and doc[after].lower_ in ("in", "of", "from") and (place := self.by_token.get(after + 1)) is not None:
            if place.label in PLACE_LABELS and place.entity_id:
                return place.entity_id
        code = country_of(people)
        return country_ids()[code] if code else None

    def organisation_before(self, token: Token) -> str | None:
        """The organisation "the group" or "the ministry" refers back to: the last one named
        before it whose name ends in the same word."""
        found = next((m for m in self._named_before(token) if m.label == "ORG" and m.text.split()[-1].lower() == token.lower_), None)
        return found.entity_id if found is not None else None

    def body_before(self, token: Token) -> str | None:
        """The last organisation or country named before a token, in its sentence or the one before ("it")."""
        return self._last_before(token, lambda m: m.label == "ORG" or m.entity_id in country_codes())

    def speaker(self, token: Token) -> str | None:
        """Who speaks in the sentence ("'I encourage...', wrote Michel"; "Armenia said it will"): the
        subject of its reporting verb, when that is a named person, body or country."""
        for tok in token.sent:
            if tok.lemma_.lower() in REPORTING and tok.pos_ == "VERB":
                for child in tok.children:
                    if child.dep_ in SUBJECTS and child.i != token.i:
                        for t in child.subtree:
                            m = self.by_token.get(t.i)
                            if m and m.entity_id and (m.label in ("PERSON", "ORG") or m.entity_id in country_codes()):
                                return m.entity_id
        return None


def event_mentions(
    doc: Doc, mentions: Iterable[EntityMention], dates: Iterable[DateMention], published: str | None = None, outlet: str | None = None
) -> Iterator[EventMention]:
    """Every event a sentence of the article expresses, with its arguments."""
    context = ArticleContext.of(doc, mentions, published, outlet)
    by_token = context.by_token
    dates_by_sent: dict[int, list[DateMention]] = {}
    for d in dates:
        if d.resolved:
            dates_by_sent.setdefault(d.sent_idx, []).append(d)
    sentence_scores = doc._.sent_event_scores if doc.has_extension("sent_event_scores") else None
    for sent_idx, sent in enumerate(doc.sents):
        scores = sentence_scores[sent_idx] if sentence_scores else None
        for token in sent:
            if token.i in by_token and by_token[token.i].label != "NORP":
                continue
            trigger = match_trigger(token, scores)
            if trigger is None or _yields_to_complement(token) or _participle_modifier(token) or _unasserted(token):
                continue
            if _accusation_of(token) is not None:
                continue  # "accused Azerbaijan of violating the ceasefire": an allegation, coded as the accusation's subtype
            if trigger.event_type == "ACCUSE" and (alleged := _alleged_act(token, scores)) is not None:
                trigger = replace(trigger, subtype=alleged.subtype, rule_id=f"{trigger.rule_id}+alleged")
            if trigger.event_type == "AGREE" and (agreed := _agreed_on(token, scores)) is not None:
                trigger = replace(trigger, subtype=agreed.subtype, rule_id=f"{trigger.rule_id}+agreed_on")
            event = _build(token, trigger, sent_idx, sent, context, dates_by_sent.get(sent_idx, []), scores)
            for one in _by_captor(event, context):
                if _codable(one, token):
                    yield one


def _accusation_of(token: Token) -> Token | None:
    """The accusation an act is alleged in ("accused Azerbaijan of violating the ceasefire",
    "accusations of ceasefire violations", "blamed Baku for the attack"): the act is an allegation,
    not an event that is reported to have happened. GDELT counts such acts as events; we do not."""
    accusing = _of_or_for_head(token)
    trigger = match_trigger(accusing) if accusing is not None else None
    return accusing if trigger is not None and trigger.event_type == "ACCUSE" else None


def _of_or_for_head(token: Token) -> Token | None:
    """The word an "of"/"for" phrase holding the token hangs on ("accused X of violating", "blamed X
    for the attack"), past a date the parser hung it on ("accused X on 12 December of blockading")."""
    prep = token.head
    if token.dep_ not in ("pcomp", "pobj") or prep.dep_ != "prep" or prep.lower_ not in ("of", "for"):
        return None
    head = prep.head
    return head.head.head if head.ent_type_ == "DATE" and head.dep_ == "pobj" else head


def _alleged_act(token: Token, scores: dict[str, float] | None) -> Trigger | None:
    """The lexicon row of the act an accusation alleges, which names its subtype ("ceasefire_violation")."""
    for act in token.subtree:
        if act.i != token.i and (head := _of_or_for_head(act)) is not None and head.i == token.i and (
            trigger := match_trigger(act, scores)
        ) is not None:
            return trigger
    return None


def _agreed_on(token: Token, scores: dict[str, float] | None) -> Trigger | None:
    """The lexicon row of what an agreement is to or on, when that is a kind of agreement of its own
    ("agreed to a prisoner exchange"): it names the subtype."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in ("to", "on"):
            for thing in prep.children:
                if thing.dep_ == "pobj" and (trigger := match_trigger(thing, scores)) is not None and trigger.event_type == "AGREE":
                    return trigger
    return None


def _by_captor(event: EventMention, context: ArticleContext) -> list[EventMention]:
    """A release of prisoners that names no one releasing them ("the release of two Azerbaijani and
    thirty-two Armenian detainees"): between the article's two main countries, each side's prisoners
    are released by the other, one event per side."""
    if event.actors or event.subtype not in CAPTIVITY_SUBTYPES or len(context.main_countries) != 2:
        return [event]
    sides = [t for t in event.targets if t in context.main_countries]
    if not sides:
        return [event]
    other = {context.main_countries[0]: context.main_countries[1], context.main_countries[1]: context.main_countries[0]}
    return [replace(event, actors=(other[side],), targets=(side,), rule_id=f"{event.rule_id}+captor") for side in sides]


def _unasserted(token: Token) -> bool:
    """A question or a condition reports no event, not even as a possibility ("But will Azerbaijan,
    backed by Turkey, accept ...?", "unless Washington pressures them to reach an agreement", "if
    Russia intends to withdraw, it must encourage Armenia ..."): the trigger is in a question, in a
    clause under "if"/"unless", or in the clause such a condition comes before. Nor does a participle
    that sets the scene for its clause's event ("Welcoming the delegation, Kostanyan praised ..."),
    nor a habit ("frequently protest against the peacekeepers, accusing them of ..."), nor what is
    kept from happening ("to avoid sanctions")."""
    if token.tag_ == "VBG" and token.dep_ == "advcl" and token.i < token.head.i and not any(
        c.dep_ in ("nsubj", "nsubjpass", "mark") for c in token.children
    ):
        return True
    if _prevented(token):
        return True
    clause = [token, _governor(token)]
    if token.tag_ == "VBG" and token.dep_ == "advcl":
        clause.append(token.head)  # "frequently protest ..., accusing them of": the habit goes on in the participle
    if any(c.dep_ == "advmod" and c.lower_ in HABITUAL for t in clause for c in t.children):
        return True
    sent = token.sent
    if sent.text.strip().rstrip("\"'”’").endswith("?"):
        return True
    for node in (token, *token.ancestors):
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in node.children):
            return True
        if any(c.dep_ == "advcl" and c.i < token.i and any(m.dep_ == "mark" and m.lower_ in CONDITIONS for m in c.children)
               for c in node.children):
            return True  # "If X, Y": not "Y, though it is questionable if X"
    return False


def _prevented(token: Token) -> bool:
    """Whether the trigger is what a verb of preventing governs ("to avoid sanctions", "to prevent
    holding a conference"), not negated ("did not prevent the attacks": they happened)."""
    verb = token.head
    return token.dep_ in ("dobj", "xcomp", "pcomp") and verb.lemma_.lower() in PREVENTING and not any(
        c.dep_ == "neg" for c in verb.children)


def _participle_modifier(token: Token) -> bool:
    """A past participle that describes a noun instead of telling an event: "the convicted men", "all
    arrested and convicted Armenians must be freed" (the small model reads the latter as subjects)."""
    if token.dep_ == "amod":
        return True
    if token.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "agent") for c in token.children):
        return False
    while token.dep_ == "conj" and token.head.tag_ == "VBN":
        token = token.head
    return token.dep_ in ("amod", "nsubj", "nsubjpass", "dobj", "pobj")


def _leaders(doc: Doc, by_token: dict[int, EntityMention]) -> list[tuple[str, str]]:
    """Who leads what: each person after "headed by" or "led by", with the country or place named
    nearest to the person in the sentence (or the state of the state body named nearest)."""
    found = []
    for token in doc:
        if token.lemma_.lower() not in LEADING or token.tag_ != "VBN":
            continue
        for agent in (c for c in token.children if c.dep_ == "agent"):
            person = next((by_token[t.i] for t in agent.subtree if t.i in by_token and by_token[t.i].label == "PERSON"), None)
            if person is None or not person.entity_id:
                continue
            places = []
            for mention in {by_token[t.i] for t in token.sent if t.i in by_token}:
                # a place, a nation, or the state a state body acts for ("Secretary of the Security Council of Artsakh")
                state = acting_state(mention)
                named = [state] if state else _entity_ids(doc[mention.token_start : mention.token_end], by_token, as_government=True)
                if mention.label in (*PLACE_LABELS, "NORP", "ORG") and named and named[0] != person.entity_id:
                    places.append((abs(mention.token_start - person.token_start), named[0]))
            if places:
                found.append((person.entity_id, min(places)[1]))
    return found


def _group_leader(subject_tokens: list[Token], context: ArticleContext) -> str | None:
    """"The head of the Artsakh group": the person the article said leads a group of that place."""
    head = next((t for t in subject_tokens if t.head not in subject_tokens), None)
    if head is None or head.lemma_.lower() not in LEADER_ROLES:
        return None
    whose = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    places = _entity_ids(_prep_phrase(whose), context.by_token, as_government=True) if whose is not None else []
    return next((person for person, place in context.leaders if place in places), None)


def _first_person(doc: Doc, by_token: dict[int, EntityMention]) -> list[str]:
    """Who "we" are, where the article names them in apposition: "we, the citizens of Artsakh"."""
    for token in doc:
        if token.lower_ == "we":
            for appos in token.children:
                if appos.dep_ == "appos" and (named := _entity_ids(_core(appos), by_token, as_government=True)):
                    return named
    return []


def _codable(event: EventMention, token: Token) -> bool:
    if token.pos_ == "NOUN" and not event.actors:
        return False  # a noun with no one doing it is a background mention ("during the consultations")
    if not event.actors and any(c.dep_ == "auxpass" for c in token.children) and (said := match_trigger(token)) and (
        said.event_type in SAID_BY_SOMEONE
    ):
        return False  # "X is accused of ...": no one accuses (a demand made of a passive act, "must be released", stays)
    # no participant named at all ("issues were discussed"): nothing an analyst can code
    return bool(event.actors or event.targets)


def article_events(events: Iterable[EventMention], headline_sents: int = 0) -> list[EventMention]:
    """One mention per event and article: a headline and a body sentence, or two body sentences,
    reporting the same type of event by the same actors (or one of them naming none) are one report
    of it; GDELT counts mentions per article too. The actors compared are those the sentences name:
    two Artsakh bodies both acting for Nagorno-Karabakh are not thereby one report. A headline event
    is also one with the first body event of its type and subtype whoever they name: a headline sums
    up the lead in its own words ("Armenia accuses Azerbaijan ..." over "Armenia's Foreign Ministry
    accused ..."). The first sentence is kept, with the actors, targets, place, date and quantity
    the others add.
    `headline_sents` is how many sentences the headline has (0: no headline)."""
    kept: list[EventMention] = []
    headline_joined: set[int] = set()
    for event in events:
        kind = (event.event_type, event.subtype)
        index = next((i for i, k in enumerate(kept) if (k.event_type, k.subtype) == kind and _compatible(k, event)
                      and (k.own_actors & event.own_actors or not k.actors or not event.actors)), None)
        if index is None and event.sent_idx >= headline_sents:
            index = next((i for i, k in enumerate(kept) if k.sent_idx < headline_sents and (k.event_type, k.subtype) == kind
                          and i not in headline_joined), None)
        if index is None:
            kept.append(event)
            continue
        if kept[index].sent_idx < headline_sents <= event.sent_idx:
            headline_joined.add(index)
        first = kept[index]
        actors = tuple(dict.fromkeys([*first.actors, *event.actors]))
        kept[index] = replace(
            first,
            actors=actors,
            represented=tuple(a for a in actors if a not in first.own_actors | event.own_actors),
            targets=tuple(t for t in dict.fromkeys([*first.targets, *event.targets]) if t not in actors),
            location_id=first.location_id or event.location_id,
            date=first.date or event.date,
            date_precision=first.date_precision if first.date else event.date_precision,
            quantity=first.quantity if first.quantity is not None else event.quantity,
        )
    return kept


def _compatible(one: EventMention, other: EventMention) -> bool:
    """Whether two mentions may tell of one event: not in two different places or at two different
    times ("the meeting in Brussels on 14 May" and "the meetings in Chisinau in June"). A request is
    what it asks: in two sentences, two requests by the same side made with different words ("urged
    the sides to take up the proposals", "calls on all sides to reduce incidents") are two requests."""
    if one.location_id and other.location_id and one.location_id != other.location_id:
        return False
    if one.event_type == "REQUEST" and one.sent_idx != other.sent_idx and one.trigger_lemma[:5] != other.trigger_lemma[:5]:
        return False  # the first letters: "invites" and "the invitation" are one word
    return compatible_dates(one.date, other.date)


def _yields_to_complement(token: Token) -> bool:
    """"agreed to exchange prisoners" is one event, the complement's. A request or a refusal is an
    event of its own ("urged Yerevan to sign"); the complement then carries the modality."""
    own = match_trigger(token)
    if own is not None and own.event_type in SPEECH_ACTS:
        return False
    return any(child.dep_ == "xcomp" and match_trigger(child) for child in token.children)


def _governor(token: Token) -> Token:
    """The verb that governs a complement ("refused" for "go" in "refused to go")."""
    while token.dep_ in ("xcomp", "ccomp", "conj") and token.head.i != token.i:
        token = token.head
    return token


def _build(token, trigger, sent_idx, sent, context: ArticleContext, sent_dates, scores: dict[str, float] | None = None) -> EventMention:
    by_token = context.by_token
    actors, targets, represented = _arguments(token, trigger.event_type, context)
    if trigger.spoken_accusation:
        # "Mirzoyan stressed that the latter's provocations ...": the speaker accuses the owner; with
        # no speaker or no owner named ("mutual provocations") no one is accused
        speaker = context.speaker(token)
        accusers, added = context.with_states([speaker] if speaker and actors else [])
        targets = tuple(t for t in actors if t not in accusers)
        actors, represented = (tuple(accusers), tuple(added)) if targets else ((), ())
    mood = modality(token)
    if mood == "negated" and trigger.event_type in NEGATED_AS_REJECT:
        # "Azerbaijan has not agreed to these measures": a refusal that happened
        trigger = replace(trigger, event_type="REJECT", subtype=NEGATED_AS_REJECT[trigger.event_type], rule_id=f"{trigger.rule_id}+negated")
        mood = "asserted"
    speaker = context.speaker(token) if _deontic(token) else None
    if trigger.event_type not in SPEECH_ACTS and _demanded(token, speaker, actors):
        # "All arrested Armenians must be released": a demand the speaker makes, not a release
        # the subtype says what is demanded ("demand_withdrawal"): each demand of a list is its own event
        trigger = replace(trigger, event_type="REQUEST", subtype=f"demand_{trigger.subtype}", rule_id=f"{trigger.rule_id}+demanded")
        demanders, added = context.with_states([speaker] if speaker else context.authors)
        targets = tuple(t for t in (*actors, *targets) if t not in demanders)
        actors, represented, mood = tuple(demanders), tuple(added), "asserted"
    if not actors and trigger.subtype in JURISDICTION_SUBTYPES:
        state = _jurisdiction(token, by_token)
        actors = (state,) if state and state not in targets else ()
    if not actors and trigger.subtype == "ambassador_summoned":
        summoners, added = context.with_states(_summoner(token, by_token))
        actors, represented = tuple(summoners), tuple(added)
        targets = tuple(t for t in targets if t not in actors)
    if represented:
        trigger = replace(trigger, rule_id=f"{trigger.rule_id}+acts_for")
    quantity = _quantity(token)
    adjuncts = _adjuncts(token)
    location = _location(token, adjuncts, by_token, set(actors) | set(targets))
    date = _own_date(token, adjuncts, sent_dates)
    return EventMention(
        sent_idx=sent_idx,
        event_type=trigger.event_type,
        subtype=trigger.subtype,
        trigger=token.text,
        trigger_start=token.idx,
        trigger_lemma=token.lemma_.lower(),
        actors=actors,
        targets=targets,
        location_id=location,
        date=date.value if date else None,
        date_precision=date.granularity if date else None,
        modality=mood,
        quantity=quantity,
        sentence=sent.text.strip(),
        rule_id=trigger.rule_id,
        type_confidence=round(scores.get(trigger.event_type, 0.0), 4) if scores else None,
        represented=represented,
    )


def _own_date(token: Token, adjuncts: list[Token], sent_dates: list[DateMention]) -> DateValue | None:
    """The date of the trigger's own phrase ("the meetings in Chisinau in June"), else the sentence's first:
    a sentence listing several meetings gives each its own date."""
    if not sent_dates:
        return None
    phrase = [*token.subtree] if token.pos_ == "NOUN" else []
    spans = [(t.idx, t.idx + len(t)) for t in phrase + [t for c in adjuncts for t in c.subtree]]
    own = next((d for d in sent_dates if any(start <= d.start < end for start, end in spans)), None)
    return (own or sent_dates[0]).resolved


def _demanded(token: Token, speaker: str | None, actors: tuple[str, ...]) -> bool:
    """Whether the trigger is something that must or should be done, as a demand: no one named as
    doing it ("the prisoners must be freed", "troops must be withdrawn"), or what someone said
    another must do ("Pashinyan said Azerbaijan must withdraw its troops"; not "... Armenia should
    sign": what one's own side should do is an intention)."""
    if not _deontic(token):
        return False
    if any(c.dep_ == "auxpass" for c in token.children):
        return not any(c.dep_ == "agent" for c in token.children)
    if speaker is None or token.dep_ != "ccomp" or token.head.lemma_.lower() not in REPORTING:
        return False
    return bool(actors) and not {speaker, _home_state(speaker)} & set(actors)


def _deontic(token: Token) -> bool:
    """"must" or "should" among the trigger's auxiliaries."""
    return any(c.dep_ == "aux" and c.lower_ in DEONTIC_AUX for c in token.children)


def _home_state(person_id: str | None) -> str | None:
    """The country a knowledge-base person belongs to (country_code), as an entity id."""
    person = knowledge_base().get(person_id or "")
    return country_ids().get(person.country_code) if person is not None and person.country_code else None


def _summoner(token: Token, by_token: dict[int, EntityMention]) -> list[str]:
    """Who summoned an ambassador named only as the place it was done ("the ambassador was invited
    to the Dutch foreign ministry"): a ministry summons for its state."""
    if any(c.dep_ == "agent" for c in token.children):
        return []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "to":
            return _entity_ids(child.subtree, by_token, as_government=True)
    return []


def _jurisdiction(token: Token, by_token: dict[int, EntityMention]) -> str | None:
    """The state a passive judicial act happened in ("was sentenced ... in Azerbaijan", "were
    detained in Baku"): only a state detains or sentences, so the country of the place is the actor."""
    if not any(c.dep_ == "nsubjpass" for c in token.children) or any(c.dep_ == "agent" for c in token.children):
        return None
    for child in token.children:
        if child.dep_ != "prep" or child.lower_ != "in":
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


def _core(phrase: Token) -> list[Token]:
    """A noun phrase without its appositions, clauses and modifiers other than "of": in "Turkey, as
    Baku's closest ally in the 2020 war, insists", only Turkey acts."""
    out = [phrase]
    for child in phrase.children:
        if child.dep_ in ("appos", "relcl", "acl", "advcl", "punct") or (child.dep_ == "prep" and child.lower_ != "of"):
            continue
        out.extend(_core(child))
    return sorted(out, key=lambda t: t.i)


def _entity_ids(tokens: Iterable[Token], by_token: dict[int, EntityMention], as_government: bool) -> list[str]:
    ids: list[str] = []
    for tok in tokens:
        mention = by_token.get(tok.i)
        entity_id = None
        if mention is not None and mention.label == "NORP":
            code = country_of(mention)
            entity_id = country_ids()[code] if code else None
        elif mention is not None and mention.label in PLACE_LABELS and as_government:
            code = metonyms().get(mention.text.lower())
            # a region, a road or a building ("the Caucasus", "the Lachin corridor") acts for no one
            entity_id = country_ids().get(code) if code else mention.entity_id if mention.label == "GPE" else None
        elif mention is not None and mention.label in ("PERSON", "ORG"):  # a war or a convention acts for no one
            entity_id = mention.entity_id
        if entity_id and entity_id not in ids:
            ids.append(entity_id)
    return ids


def _actor_clause(token: Token, by_token: dict[int, EntityMention]) -> tuple[Token, list[Token] | None]:
    """The clause whose subject does the event, and the actor tokens when the syntax names them
    elsewhere. Climbs from the trigger through complements, coordinations and adjectives ("is ready
    to meet"); a noun event climbs to the verb it is the object of ("refused negotiations", "return
    to the negotiating table"). "accused Azerbaijan of violating": the violator is the object."""
    if token.dep_ == "pcomp" and token.head.dep_ == "prep":
        verb = token.head.head
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if objects and token.head.lower_ in ("of", "for"):  # "blamed Baku for attacking": Baku attacked
            return verb, list(_core(objects[0]))
        if token.head.lower_ in GERUND_MANNER_PREPS and verb.pos_ in ("VERB", "AUX"):
            token = verb  # "supported the bid by withdrawing its own": the supporter withdrew
    if token.pos_ == "NOUN" or token.dep_ == "compound":
        # a noun event is done by the subject of the verb it is the object of ("held talks", "refused
        # negotiation", "return to the negotiating table"); a noun inside any other phrase ("as a
        # result of the blockade") says nothing of who did it
        head = token.head if token.dep_ == "compound" else token
        if head.dep_ == "pobj" and head.head.dep_ == "prep" and token.dep_ == "compound":
            head = head.head.head
        elif head.dep_ == "dobj" and match_trigger(head.head) is None and head.head.lemma_.lower() not in PREVENTING:
            # "held talks": the holder talked; "condemned the attack", "welcomed the agreement": the verb
            # is an event of its own, and its subject did not attack or agree
            head = head.head
        elif head.dep_ == "pobj" and head.head.lower_ in OCCASION_PREPS and (verb := _occasion_verb(head.head)) is not None and any(
            c.dep_ == "prep" and c.lower_ == "with" for c in head.children
        ):
            head = verb  # "Aliyev said at a meeting with Steinmeier": the speaker took part
        else:
            return token, None
    else:
        head = token
    climbs = {"xcomp", "ccomp", "conj", "advcl", "acl", "relcl", "acomp"}
    for _ in range(5):
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
            break
        stray = _stray_subject(head, by_token)
        if stray:  # also before a clause the small model took for the subject ('"driven by ..." Armenia will release')
            return head, stray
        if any(c.dep_ == "csubj" for c in head.children):
            break
        if head.dep_ not in climbs or head.head.i == head.i:
            break
        if head.dep_ == "xcomp" and (controller := next((c for c in head.head.children if c.dep_ == "dobj"), None)) is not None:
            # "urged Yerevan to sign", "offered the community to meet": the one urged would do it
            return head.head, _core(controller)
        if head.dep_ == "acl" and head.head.pos_ == "NOUN":
            # "Armenia's intention to join", "Baku's proposal to start talks": the owner of the intention acts
            owner = next((c for c in head.head.children if c.dep_ == "poss"), None)
            if owner is not None:
                return head.head, list(owner.subtree)
        if head.dep_ == "conj" and head.tag_ in FINITE and head.head.tag_ not in FINITE and (
            head.head.pos_ == "ADJ" or not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.head.children)
        ):
            # "considers Armenia's intention to join the Statute unacceptable and warns Yerevan": the parser
            # joined the finite "warns" to the infinitive or to the adjective; coordinated verbs share their
            # form, so it is "considers" it goes with, whose subject warns (not so when the participle has a
            # subject of its own: "The forces, having taken the height, established control")
            head = next((a for a in head.head.ancestors if a.tag_ in FINITE), head.head)
            continue
        head = head.head
    return head, None


def _occasion_verb(prep: Token) -> Token | None:
    """The verb an occasion phrase belongs to: its head, or the verb whose object the parser hung it on
    ("conveyed these concerns in conversations with the minister")."""
    if prep.head.pos_ == "VERB":
        return prep.head
    if prep.head.dep_ == "dobj" and prep.head.head.pos_ == "VERB":
        return prep.head.head
    return None


def _arguments(token: Token, event_type: str, context: ArticleContext) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Actors, targets, and the states among the actors that their state bodies stand for."""
    by_token = context.by_token
    subject_tokens: list[Token] = []
    object_tokens: list[Token] = []
    between = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "between"), None)
    if token.pos_ == "NOUN" and between is not None:
        # "welcomed the talks between the two countries": the parties the noun names take part, not the welcomer
        head, named = token, [between, *_prep_phrase(between)]
    else:
        head, named = _actor_clause(token, by_token)
    # "Azerbaijan is set to release": the subject of a passive the trigger complements does the trigger's act
    passive = any(c.dep_ == "nsubjpass" for c in head.children) and _same_clause(token, head)
    if named is not None:
        subject_tokens.extend(named)
    for child in head.children:
        if child.dep_ in SUBJECTS and named is None:  # "Russia accused Azerbaijan of violating": not Russia
            if child.lower_ in RELATIVE_PRONOUNS and head.dep_ == "relcl":
                child = head.head  # "the United States, which commended": the antecedent acts
            (object_tokens if passive else subject_tokens).extend(_subject_phrase(child, by_token))
        if child.dep_ == "agent" and passive:  # "killed by Azerbaijani fire near Jermuk": not Jermuk
            subject_tokens.extend(_prep_phrase(child))
    agents = [child for child in token.children if child.dep_ == "agent"]
    if agents and head.i != token.i and named is None:
        # "Azerbaijan, backed by Turkey,": the participle's own agent acts on the phrase it describes
        subject_tokens.extend(t for agent in agents for t in _prep_phrase(agent))
        if token.dep_ == "acl":
            object_tokens.extend(_core(token.head))
    if token.pos_ == "NOUN":
        for child in token.children:
            if child.dep_ in ("poss", "compound", "amod"):
                subject_tokens.extend(child.subtree)
            if child.dep_ == "prep" and child.lower_ in ("of", "by"):
                # "the seizure of Artsakh", "the blockade of the corridor": an act done to someone takes
                # its patient with "of"; "the meeting of the leaders", "the refusal of Baku": its doer
                done_to = child.lower_ == "of" and event_type in PATIENT_OF_TYPES
                # the phrase itself, not the clauses hung on it ("between the two countries held ... in Washington")
                phrase = [child, *_prep_phrase(child)]
                (object_tokens if done_to else subject_tokens).extend(phrase)
    if (judgement := _small_clause(token)) is not None:
        object_tokens.extend(_core(judgement[0]))
    for child in token.children:
        if child.dep_ in OBJECTS:
            object_tokens.extend(_object_phrase(child, by_token))
        elif child.dep_ in ("prep", "prt") and child.lower_ in TARGET_PREPS | {"over"}:
            # "talks on the sidelines of the summit in Granada": the phrase, not the places hung on it
            object_tokens.extend(_prep_phrase(child))
    if token.pos_ == "NOUN" and token.dep_ == "dobj" and match_trigger(token.head) is None:
        # "held talks with Aliyev": the partners the verb a noun event is the object of names
        object_tokens.extend(t for c in token.head.children if c.dep_ == "prep" and c.lower_ == "with" for t in _prep_phrase(c))
    actors = _entity_ids(subject_tokens, by_token, as_government=True) or _referred_actors(subject_tokens, context)
    holder = _office_holder(subject_tokens, context) or _group_leader(subject_tokens, context)
    if holder and holder not in actors:
        actors = [holder, *actors]
    actors, represented = context.with_states(actors)
    # "accused the former": the object names its target by position
    ordinal = [t for tok in object_tokens if tok.lower_ in ("latter", "former") for t in _referred_by(tok, context)]
    targets = [t for t in context.with_states(_entity_ids(object_tokens, by_token, as_government=True) + ordinal)[0] if t not in actors]
    return tuple(actors), tuple(targets), tuple(represented)


def _object_phrase(obj: Token, by_token: dict[int, EntityMention]) -> list[Token]:
    """An object with all it governs, less a name the parser hung on it that is the subject of the
    next clause ("returned four soldiers and Turkey will return two": Turkey returns, is not returned)."""
    tokens = list(obj.subtree)
    claimed: set[int] = set()
    for tok in tokens:
        mention = by_token.get(tok.i)
        if tok.dep_ != "conj" or mention is None or mention.token_end >= len(tok.doc):
            continue
        after = tok.doc[mention.token_end]
        if after.dep_ in ("aux", "auxpass") and any(t.i == tok.i for t in _stray_subject(after.head, by_token)):
            claimed.update(range(mention.token_start, mention.token_end))
    return [t for t in tokens if t.i not in claimed]


def _prep_phrase(prep: Token) -> list[Token]:
    """A preposition's object without the clauses and other prepositions hung on it ("by Azerbaijani
    fire near Jermuk": the fire, not Jermuk)."""
    return [t for pobj in prep.children if pobj.dep_ in ("pobj", "pcomp") for t in _core(pobj)]


def _same_clause(token: Token, head: Token) -> bool:
    """Whether the clause head is the trigger itself or a verb it is coordinated with."""
    while token.i != head.i and token.dep_ == "conj":
        token = token.head
    return token.i == head.i


def _subject_phrase(subject: Token, by_token: dict[int, EntityMention]) -> list[Token]:
    """The words of a subject that can name its actor: its core; for a description, the name an
    apposition gives ("the UN's principal court, the ICJ, ordered": the ICJ, not the UN) or the
    owner the parser cut off."""
    if subject.i not in by_token:
        for appos in subject.children:
            if appos.dep_ == "appos" and appos.i in by_token:
                return _core(appos)
    core = _core(subject)
    return core + _stray_possessor(subject, core, by_token)


def _stray_possessor(subject: Token, core: list[Token], by_token: dict[int, EntityMention]) -> list[Token]:
    """The owner of a subject the small model cut off: in "on March 5 Azerbaijan's envoy met", it
    hangs "Azerbaijan" on the date, so "(March 5) envoy" is the subject; the name before the "'s" owns it."""
    if any(t.i in by_token for t in core) or subject.i < 2 or subject.doc[subject.i - 1].lower_ not in ("'s", "\u2019s"):
        return []
    owner = by_token.get(subject.i - 2)
    return list(subject.doc[owner.token_start : owner.token_end]) if owner is not None else []


def _stray_subject(verb: Token, by_token: dict[int, EntityMention]) -> list[Token]:
    """The subject of a verb the small model left without one: in "Azerbaijan will release 32
    servicemen and Armenia will release two soldiers" it reads "Armenia" as a second object, and in
    "On Thursday Azerbaijan released" as part of the date. A name right before the verb's
    auxiliaries ("Armenia will"), or right after a date before the verb, is taken as its subject."""
    doc = verb.doc
    i = verb.i - 1
    skipped = 0
    while i >= verb.sent.start and doc[i].head.i == verb.i and doc[i].dep_ in ("aux", "auxpass", "neg", "advmod"):
        skipped += doc[i].dep_ in ("aux", "auxpass")
        i -= 1
    if not skipped and (orphan := _orphan_auxiliary(verb)) is not None:
        # "Armenia had, as a gesture of goodwill, supported": "had" read as the main verb, with the subject
        return [t for child in orphan.children if child.dep_ == "nsubj" for t in _core(child)]
    if skipped and (parenthesised := _before_parenthetical(verb, by_token)):
        return parenthesised
    mention = by_token.get(i) if i >= verb.sent.start else None
    if mention is None or mention.label not in ("PERSON", "ORG", "GPE", "NORP") or doc[i].head.i == verb.i:
        return []
    after_date = mention.token_start > verb.sent.start and doc[mention.token_start - 1].ent_type_ in ("DATE", "TIME")
    if not skipped and not after_date:
        return []
    tokens = list(doc[mention.token_start : mention.token_end])
    first = tokens[0]
    while first.dep_ == "conj" and (before := by_token.get(first.head.i)) is not None:  # "Azerbaijan and Armenia have"
        tokens[:0] = doc[before.token_start : before.token_end]
        first = tokens[0]
    return tokens


def _before_parenthetical(verb: Token, by_token: dict[int, EntityMention]) -> list[Token]:
    """A name the small model hung on the verb as a modifier because a parenthetical separates them:
    "But Azerbaijan, in a position of strength, has not agreed" ("Azerbaijan" read as npadvmod)."""
    for child in verb.children:
        if child.i > verb.i:
            break
        mention = by_token.get(child.i)
        if child.dep_ == "npadvmod" and mention is not None and mention.label in ("PERSON", "ORG", "GPE", "NORP") and (
            child.i + 1 < verb.i and child.doc[mention.token_end].text == ","
        ):
            return list(child.doc[mention.token_start : mention.token_end])
    return []


def _orphan_auxiliary(verb: Token) -> Token | None:
    """An auxiliary the small model made a verb of its own, cut off from its participle by a
    parenthetical: the nearest word before the verb outside the verb's own phrases, when it is
    "have", "be" or a modal with a subject and no object or complement."""
    doc = verb.doc
    i = verb.i - 1
    while i >= verb.sent.start and (doc[i].dep_ == "punct" or verb in doc[i].ancestors):
        i -= 1
    if i < verb.sent.start:
        return None
    word = doc[i]
    if word.lemma_.lower() not in ("have", "be", "will", "would"):
        return None
    if [c.dep_ for c in word.children if c.dep_ not in ("punct", "mark", "advmod")] != ["nsubj"]:
        return None
    return word


OFFICE_WORDS = (("prime minister", "prime minister"), ("premier", "prime minister"), ("foreign minister", "foreign minister"),
                ("defence minister", "defence minister"), ("defense minister", "defence minister"), ("president", "president"))


def _office_holder(subject_tokens: list[Token], context: ArticleContext) -> str | None:
    """"The Azerbaijani president", "Armenia's foreign minister": the person who held the office when
    the article was published (knowledge-base roles), when the subject names no person itself."""
    if not subject_tokens or any((m := context.by_token.get(t.i)) and m.label == "PERSON" for t in subject_tokens):
        return None
    text = " ".join(t.lower_ for t in subject_tokens)
    office = next((key for words, key in OFFICE_WORDS if words in text), None)
    if office is None:
        return None
    for tok in subject_tokens:
        mention = context.by_token.get(tok.i)
        code = country_of(mention) if mention is not None else None
        if code:
            return office_holder(office, code, context.year)
    return None


def _referred_actors(subject_tokens: list[Token], context: ArticleContext) -> list[str]:
    """Actors a subject names without a name: "he"/"she" is the person last named, "I"/"we" in a
    quotation the speaker ("we" in a state body's own release: the body), "it" the one who said it
    or the topic of the sentence before, "its" the last body or country named, "his administration"
    that person's state, "the group" the last organisation named "... Group", and "the two
    countries", "both sides", "the parties", "they" or "their" the two countries the article is
    mostly about ("the two leaders": its two main people)."""
    heads = [t for t in subject_tokens if t.dep_ in SUBJECTS or t.head not in subject_tokens]
    # "the next meeting of the leaders": "next" names no one, "the leaders" do
    return next((found for head in heads if (found := _referred_by(head, context))), [])


def _referred_by(head: Token, context: ArticleContext) -> list[str]:
    """The actors one word of a subject refers to (see _referred_actors)."""
    if head.dep_ == "prep":  # "talks between the two countries": the phrase the preposition takes
        head = next((c for c in head.children if c.dep_ == "pobj"), head)
    word = head.lower_
    if word in ("he", "she"):
        person = context.person_before(head)
        return [person] if person else []
    if word in ("i", "we"):
        # the speaker of a quotation ("I" in a quotation standing alone: the person last named);
        # "we" in a state body's own press release, the body
        speaker = context.speaker(head) or (context.publisher if word == "we" else context.person_before(head))
        if speaker is None and word == "we":
            return list(context.authors)
        return [speaker] if speaker else []
    if word in ("latter", "former") and any(c.lower_ == "the" for c in head.children):
        # "Armenia and Azerbaijan ..., the latter": the second or the first of the last two named
        pair = context.last_two_before(head)
        return [pair[1] if word == "latter" else pair[0]] if pair else []
    if word == "its":  # "detained by Azerbaijan following its seizure of Artsakh": the last body or country named
        named = context.body_before(head)
        return [named] if named else []
    if word == "it":  # "Armenia said it will support": the one who said; else the topic, or the last body or country named
        named = context.speaker(head) or context.body_subject_before(head) or context.body_before(head)
        return [named] if named else []
    if head.lemma_.lower() in state_body_words() | STATE_NOUNS and any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in head.children):
        # "his administration", "her government", "his country": the state of the person last named
        state = _home_state(context.person_before(head))
        return [state] if state else []
    if head.pos_ in ("NOUN", "PROPN") and any(c.lower_ == "the" for c in head.children):
        named = context.organisation_before(head)
        if named:
            return [named]
    group = head.lemma_.lower()
    owned = any(c.dep_ == "poss" for c in head.children)  # "their leaders" are someone else's
    if group in GROUP_NOUNS | LEADER_ROLES and any(c.dep_ == "poss" and c.lower_ == "their" for c in head.children):
        people = context.people_before(head)  # "the Armenians in Karabakh ..., their leaders": Karabakh's
        return [people] if people else []
    if word in ("they", "their") or (group in GROUP_NOUNS and head.tag_ in ("NNS", "NNPS") and not owned):
        whose = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if whose is not None:  # "the leaders of the two countries", "the presidents of Armenia and Azerbaijan"
            phrase = _prep_phrase(whose)
            named = _entity_ids(phrase, context.by_token, as_government=True) or _referred_actors(phrase, context)
            if named:
                return named
        if group in LEADER_NOUNS:
            return context.main_leaders()
        return list(context.main_countries) if len(context.main_countries) == 2 else []
    return []


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


def _adjuncts(token: Token) -> list[Token]:
    """The phrases that can say where and when the trigger's event is: the prepositional and bare noun
    phrases hung on it, and for a noun that is the subject of a verb, those of the verb ("a meeting
    ... was planned to be held in Moscow later this month")."""
    verbs = [token]
    if token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass"):
        verbs.append(token.head)
        verbs.extend(c for c in token.head.children if c.dep_ == "xcomp")
    return [c for verb in verbs for c in verb.children if c.dep_ in ("prep", "npadvmod")]


def _location(token: Token, adjuncts: list[Token], by_token, arguments: set[str]) -> str | None:
    """The first place a "in/at/near ..." phrase of the event names ("the meeting of the leaders of the
    two countries in Brussels": the noun's whole phrase), other than one of its participants."""
    own = [t for t in token.subtree if t.head.i != token.i] if token.pos_ == "NOUN" else []
    for child in [*adjuncts, *own]:
        if child.dep_ == "prep" and child.lower_ in PLACE_PREPS:
            for tok in child.subtree:
                mention = by_token.get(tok.i)
                if mention and mention.label in PLACE_LABELS and mention.entity_id and mention.entity_id not in arguments:
                    return mention.entity_id
    return None


def modality(token: Token) -> str:
    """asserted, planned, proposed, refused, negated or hypothetical, from the trigger's syntax (for
    a noun event, the verb it is the object of: "plans to hold talks")."""
    if token.pos_ == "NOUN" and token.dep_ == "dobj":
        token = token.head
    governor = _governor(token)
    chain = {token, governor, token.head}
    if any(c.dep_ == "neg" for t in chain if t.lemma_.lower() not in PREVENTING for c in t.children):
        return "negated"  # not "did not prevent the attack": it happened
    lemmas = {t.lemma_.lower() for t in chain if t.i != token.i}
    if lemmas & REFUSAL:
        return "refused"
    aux = {c.lower_ for t in (token, governor) for c in t.children if c.dep_ in ("aux", "auxpass")}
    marks = {c.lower_ for t in (token, governor) for c in t.children if c.dep_ == "mark"}
    if "if" in marks or aux & HYPOTHETICAL_AUX:
        return "hypothetical"
    if lemmas & (PROPOSING | REQUESTING) or {c.lemma_.lower() for c in governor.children} & {"ready", "willing"}:
        return "proposed"
    if aux & {"will", "shall", "'ll"} or lemmas & PLANNING - {"agree"}:
        return "planned"
    return "asserted"
