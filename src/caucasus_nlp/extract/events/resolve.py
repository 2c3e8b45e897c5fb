"""Resolve: who an article means by words that name no one.

This is discourse, so it stays code: the article's context (its main countries and people, state bodies
and the states they act for, who leads what, who "we" are) and the words that refer back into it
("he", "it", "its", "the latter", "the two countries", "the Azerbaijani president", "the head of the
Artsakh group"). The words it turns on are rows of resources/events/discourse.jsonl.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.attrs import LOWER, TAG
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from caucasus_nlp.extract.entities import EntityMention
from caucasus_nlp.extract.events.attributes import Lead
from caucasus_nlp.extract.events.states import (
    acting_state,
    acts_for,
    country_codes,
    country_ids,
    country_of,
    entity_ids,
    home_state,
    state_body_words,
)
from caucasus_nlp.kb import entity_named, office_holder
from caucasus_nlp.rulebook import rule
from caucasus_nlp.syntax import core, prep_phrase, tokens_where
from caucasus_nlp.vocabulary import PLACE_LABELS


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
    # the first person the headline names ("Statement from President Joe Biden on ..."): who "I" is in
    # a text in the first person outside quotation marks, where no one nearer is named
    headline_person: str | None = None
    # the article's lead paragraph and the places it gives (where an event's own sentence names none)
    lead: Lead | None = None

    @classmethod
    def of(cls, doc: Doc, mentions: Iterable[EntityMention], published: str | None = None, outlet: str | None = None,
           dateline: str | None = None) -> ArticleContext:
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
        publisher_state = acts_for(publisher) if publisher is not None else None
        if publisher_state:
            states[publisher.id] = publisher_state
        return cls(by_token, ordered, tuple(c for c, _ in countries.most_common(2)), tuple(p for p, _ in people.most_common(2)),
                   year, states, publisher=publisher.id if publisher_state else None,
                   leaders=leaders_of(doc, by_token), authors=first_person(doc, by_token),
                   headline_person=next((m.entity_id for m in ordered if m.sent_idx == 0 and m.label == "PERSON" and m.entity_id), None),
                   lead=Lead.of(doc, ordered, by_token, dateline, published))

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

    def mainleaders_of(self) -> list[str]:
        """"The two leaders": the article's two main countries, and those of its two main people who
        belong to them (Aliyev and Pashinyan). An analyst codes the leaders' meeting as the people's
        or as their states'; the row carries both."""
        countries = list(self.main_countries) if len(self.main_countries) == 2 else []
        return [person for person in self.main_people if home_state(person) in countries] + countries

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
                named = [i for i in entity_ids(core(child), self.by_token)
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
        if self._in_reach(last, token) or all(any(t.lower_ in rule("discourse:third_person").words for t in sent) for sent in between):
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
        return len(list(token.doc[mention.token_start : token.i + 1].sents)) <= rule("discourse:antecedent_window").number

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
        """The organisation "the group", "the ministry" or "the court" refers back to: the last one
        named before it whose name has that word ("the Ministry of Foreign Affairs", "the
        International Court of Justice")."""
        found = next((m for m in self._named_before(token) if m.label == "ORG" and token.lower_ in m.text.lower().split()), None)
        return found.entity_id if found is not None else None

    def body_before(self, token: Token) -> str | None:
        """The last organisation or country named before a token, in its sentence or the one before ("it")."""
        return self._last_before(token, lambda m: m.label == "ORG" or m.entity_id in country_codes())

    def state_before(self, token: Token) -> str | None:
        """The last country or state body named before a token, in its sentence or the one before ("a
        US State Department release said the country condemns ...")."""
        return self._last_before(token, lambda m: m.entity_id in country_codes() or m.entity_id in self.states)

    def speaker(self, token: Token) -> str | None:
        """Who speaks in the sentence ("'I encourage...', wrote Michel"; "Armenia said it will"): the
        subject of its reporting verb, when that is a named person, body or country, or "he"/"she"
        ("'We urge both sides ...,' he said"): the person last named. A quotation that runs over several
        sentences is said by the speaker of the sentence that opens it ("Steinmeier said: “... I welcome
        ...”") or, else, of the one that closes it."""
        sentences = [token.sent]
        if in_quotation(token):
            opening = quotation_opening(token)
            sentences += [opening.sent] if opening is not None and opening.sent != token.sent else []
            if opening is not None and opening.i == opening.sent.start and (before := sentence_before(opening.sent)) is not None:
                # a quotation that opens its sentence goes on from the one before ("Peskov said Russia was
                # willing to mediate. “We urge both parties ...”"): its speaker's, before any that follows
                sentences.append(before)
            sentences += list(following_sentences(token.sent, rule("discourse:antecedent_window").number))
        return next((found for sent in sentences if (found := self._speaker_in(sent, token))), None)

    def reporters(self, token: Token) -> list[str]:
        """Who say what a plural pronoun stands in ("Aliyev and Pashinian said they agreed"): the
        people, bodies and countries the subject of a reporting verb over the pronoun names."""
        for verb in token.ancestors:
            if verb.lemma_.lower() in rule("discourse:reporting_verbs").words and verb.pos_ == "VERB":
                subjects = [t for c in verb.children if c.dep_ in rule("role:subject").deps for t in c.subtree]
                named = (self.by_token.get(t.i) for t in subjects)
                return list(dict.fromkeys(m.entity_id for m in named
                                          if m and m.entity_id and (m.label in ("PERSON", "ORG") or m.entity_id in country_codes())))
        return []

    def _speaker_in(self, sent: Span, token: Token) -> str | None:
        for tok in sent:
            if tok.lemma_.lower() in rule("discourse:reporting_verbs").words and tok.pos_ == "VERB":
                for child in tok.children:
                    if child.dep_ in rule("role:subject").deps and child.i != token.i:
                        if child.lower_ in rule("discourse:third_person").words and (person := self.person_before(min(child, token))):
                            return person  # the person last named before the quotation
                        named = [m for t in child.subtree if (m := self.by_token.get(t.i)) and m.entity_id
                                 and (m.label in ("PERSON", "ORG") or m.entity_id in country_codes())]
                        # "the OSCE Chairman-in-Office, Frank-Walter Steinmeier, said": the person, not the body
                        if found := next((m for m in named if m.label == "PERSON"), named[0] if named else None):
                            return found.entity_id
        return None


QUOTES_OPEN, QUOTES_CLOSE = "“«", "”»"


def paragraph_before(token: Token) -> Span:
    """The tokens of a token's paragraph before it, read back to the whitespace token that holds a
    line break (the tokenizer never joins whitespace to a word), not cut from Doc.text, which spaCy
    joins from every token of the article on each read."""
    doc = token.doc
    start = token.i
    while start > 0 and "\n" not in doc[start - 1].text:
        start -= 1
    return doc[start : token.i]


def in_quotation(token: Token) -> bool:
    """Whether a token stands inside a quotation opened earlier in its paragraph: an opening curly
    quote not yet closed, or an odd number of straight ones."""
    before = paragraph_before(token).text_with_ws
    curly = sum(before.count(q) for q in QUOTES_OPEN) - sum(before.count(q) for q in QUOTES_CLOSE)
    return curly > 0 or before.count('"') % 2 == 1


def quotation_opening(token: Token) -> Token | None:
    """The opening quote mark of the quotation a token stands in, read back through its paragraph:
    the last curly opening quote not closed before the token, else the last straight one of an odd count."""
    depth, straight = 0, []
    for tok in reversed(paragraph_before(token)):
        if tok.text in QUOTES_CLOSE:
            depth += 1
        elif tok.text in QUOTES_OPEN:
            if depth == 0:
                return tok
            depth -= 1
        elif tok.text == '"':
            straight.append(tok)
    return straight[0] if len(straight) % 2 == 1 else None  # read backwards: the first met is the last opened


def sentence_before(sent: Span) -> Span | None:
    """The sentence before `sent`, over paragraph breaks (a sentence of white space alone is none)."""
    doc = sent.doc
    while sent.start > 0:
        sent = doc[sent.start - 1].sent
        if any(not t.is_space for t in sent):
            return sent
    return None


def following_sentences(sent: Span, n: int) -> Iterator[Span]:
    """Up to n sentences after `sent`, over paragraph breaks: news prints a quotation of several
    paragraphs with the attribution on the last."""
    doc = sent.doc
    for _ in range(n):
        if sent.end >= len(doc):
            return
        sent = doc[sent.end].sent
        yield sent


def referred_actors(subject_tokens: list[Token], context: ArticleContext) -> list[str]:
    """Actors a subject names without a name: "he"/"she" is the person last named (so is "his"/"her" owning
    the event: "his readiness to sign"), "I"/"we" in a
    quotation the speaker ("we" in a state body's own release: the body), "it" the one who said it
    or the topic of the sentence before, "its" the last body or country named, "his administration"
    that person's state, "the group" the last organisation named "... Group", and "the two
    countries", "both sides", "the parties", "they" or "their" the two countries the article is
    mostly about ("the two leaders": its two main people)."""
    heads = [t for t in subject_tokens if t.dep_ in rule("role:subject").deps or t.head not in subject_tokens]
    # "the next meeting of the leaders": "next" names no one, "the leaders" do
    return next((found for head in heads if (found := referred_by(head, context))), [])


def referred_by(head: Token, context: ArticleContext) -> list[str]:
    """The actors one word of a subject refers to (see referred_actors)."""
    if head.dep_ == "prep":  # "talks between the two countries": the phrase the preposition takes
        head = next((c for c in head.children if c.dep_ == "pobj"), head)
    word = head.lower_
    if word in ("he", "she") or (word in ("his", "her") and head.dep_ == "poss"):  # "his readiness to sign": his
        person = context.person_before(head)
        return [person] if person else []
    if word in ("they", "we") and len(reporters := context.reporters(head)) > 1:
        return reporters  # "Aliyev and Pashinian said they agreed": the two who said it
    if word in ("i", "we"):
        # the speaker of a quotation ("I" in a quotation standing alone: the person last named);
        # "we" in a state body's own press release, the body
        speaker = context.speaker(head) or (context.publisher if word == "we" else context.person_before(head))
        if speaker is None and word == "we":
            return list(context.authors)
        if speaker is None and not in_quotation(head):
            speaker = context.headline_person  # "I congratulate the Parties" in a statement its headline says is Biden's
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
    if head.lemma_.lower() in state_body_words() | rule("discourse:state_nouns").words and any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in head.children):
        # "his administration", "her government", "his country": the state of the person last named
        state = home_state(context.person_before(head))
        return [state] if state else []
    if head.lemma_.lower() in rule("discourse:state_nouns").words and head.tag_ == "NN" and any(c.lower_ == "the" for c in head.children):
        # "the country condemns": the last country or state body named
        named = context.state_before(head)
        return [named] if named else []
    if head.pos_ in ("NOUN", "PROPN") and any(c.lower_ == "the" for c in head.children):
        named = context.organisation_before(head)
        if named:
            return [named]
    group = head.lemma_.lower()
    owned = any(c.dep_ == "poss" for c in head.children)  # "their leaders" are someone else's
    if group in rule("discourse:group_nouns").words | rule("discourse:leader_roles").words and any(c.dep_ == "poss" and c.lower_ == "their" for c in head.children):
        people = context.people_before(head)  # "the Armenians in Karabakh ..., their leaders": Karabakh's
        return [people] if people else []
    if any(c.lower_ in rule("discourse:other_groups").words for c in head.lefts):
        return []  # "the other countries within the group": not the parties
    each = any(c.dep_ == "det" and c.lower_ in ("each", "either") for c in head.children)  # "each side blamed the other"
    if word in ("they", "their") or (group in rule("discourse:group_nouns").words and (head.tag_ in ("NNS", "NNPS") or each) and not owned):
        whose = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if whose is not None:  # "the leaders of the two countries", "the presidents of Armenia and Azerbaijan"
            phrase = prep_phrase(whose)
            named = entity_ids(phrase, context.by_token) or referred_actors(phrase, context)
            if named:
                return named
        if group in rule("discourse:leader_nouns").words:
            return context.mainleaders_of()
        return list(context.main_countries) if len(context.main_countries) == 2 else []
    return []




def office_holder_of(subject_tokens: list[Token], context: ArticleContext) -> str | None:
    """"The Azerbaijani president", "Armenia's foreign minister": the person who held the office when
    the article was published (knowledge-base roles), when the subject names no person itself."""
    if not subject_tokens or any((m := context.by_token.get(t.i)) and m.label == "PERSON" for t in subject_tokens):
        return None
    text = " ".join(t.lower_ for t in subject_tokens)
    office = next((key for words, key in rule("discourse:office_words").map.items() if words in text), None)
    if office is None:
        return None
    for tok in subject_tokens:
        mention = context.by_token.get(tok.i)
        code = country_of(mention) if mention is not None else None
        if code:
            return office_holder(office, code, context.year)
    return None


def leaders_of(doc: Doc, by_token: dict[int, EntityMention]) -> list[tuple[str, str]]:
    """Who leads what: each person after "headed by" or "led by", with the country or place named
    nearest to the person in the sentence (or the state of the state body named nearest)."""
    found = []
    for token in tokens_where(doc, TAG, get_string_id("VBN").__eq__):
        if token.lemma_.lower() not in rule("discourse:leading_verbs").words:
            continue
        for agent in (c for c in token.children if c.dep_ == "agent"):
            person = next((by_token[t.i] for t in agent.subtree if t.i in by_token and by_token[t.i].label == "PERSON"), None)
            if person is None or not person.entity_id:
                continue
            places = []
            for mention in {by_token[t.i] for t in token.sent if t.i in by_token}:
                # a place, a nation, or the state a state body acts for ("Secretary of the Security Council of Artsakh")
                state = acting_state(mention)
                named = [state] if state else entity_ids(doc[mention.token_start : mention.token_end], by_token)
                if mention.label in (*PLACE_LABELS, "NORP", "ORG") and named and named[0] != person.entity_id:
                    places.append((abs(mention.token_start - person.token_start), named[0]))
            if places:
                found.append((person.entity_id, min(places)[1]))
    return found


def group_leader(subject_tokens: list[Token], context: ArticleContext) -> str | None:
    """"The head of the Artsakh group": the person the article said leads a group of that place."""
    head = next((t for t in subject_tokens if t.head not in subject_tokens), None)
    if head is None or head.lemma_.lower() not in rule("discourse:leader_roles").words:
        return None
    whose = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    places = entity_ids(prep_phrase(whose), context.by_token) if whose is not None else []
    return next((person for person, place in context.leaders if place in places), None)


def first_person(doc: Doc, by_token: dict[int, EntityMention]) -> list[str]:
    """Who "we" are, where the article names them in apposition: "we, the citizens of Artsakh"."""
    for token in tokens_where(doc, LOWER, get_string_id("we").__eq__):
        for appos in token.children:
            if appos.dep_ == "appos" and (named := entity_ids(core(appos), by_token)):
                return named
    return []
