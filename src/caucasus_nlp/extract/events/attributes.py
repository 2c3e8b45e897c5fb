"""Attributes of an event: its modality, quantity, place and date (resources/events/attributes.jsonl).

Modality follows FactBank's factuality values, read from the trigger's syntax: negation, the verb that
governs it ("refused to go", "plans to hold", "urged Yerevan to sign") and its auxiliaries ("could
attack", "will meet"). The modality rules are tried in file order; the first that holds names the
modality, and its id goes into rule_id.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from caucasus_nlp.date_grammar import DATE_WORD
from caucasus_nlp.extract.dates import DateMention, DateValue, end_of, parse_anchor
from caucasus_nlp.extract.entities import EntityMention, place_containers
from caucasus_nlp.extract.events.states import country_codes
from caucasus_nlp.kb import geonames
from caucasus_nlp.rulebook import check_implemented, enabled, rule, rules
from caucasus_nlp.syntax import climb, doc_text, governor
from caucasus_nlp.vocabulary import PLACE_LABELS


@dataclass(frozen=True)
class _Clause:
    """What the modality rules read: the trigger (for a noun object, its verb), the verb governing it,
    the lemmas of the verbs above it, and the auxiliaries and conjunctions on the two."""

    token: Token
    governor: Token
    chain: frozenset[Token]
    lemmas: frozenset[str]
    aux: frozenset[str]
    marks: frozenset[str]

    @classmethod
    def of(cls, token: Token) -> _Clause:
        if token.pos_ == "NOUN" and token.dep_ == "dobj":
            token = token.head
        ruler = governor(token)
        chain = frozenset({token, ruler, token.head})
        return cls(token, ruler, chain, frozenset(t.lemma_.lower() for t in chain if t.i != token.i),
                   frozenset(c.lower_ for t in (token, ruler) for c in t.children if c.dep_ in ("aux", "auxpass")),
                   frozenset(c.lower_ for t in (token, ruler) for c in t.children if c.dep_ == "mark"))


def negated(clause: _Clause) -> bool:
    """A negation in the chain, except on a verb of preventing ("did not prevent the attack": it happened)."""
    deps, preventing = rule("modality:negated").deps, rule("gate:prevented").words
    return any(c.dep_ in deps for t in clause.chain if t.lemma_.lower() not in preventing for c in t.children)


def refused(clause: _Clause) -> bool:
    return bool(clause.lemmas & rule("modality:refused").words)


def hypothetical(clause: _Clause) -> bool:
    found = rule("modality:hypothetical")
    return bool(clause.marks & found.words or clause.aux & found.aux)


def proposed(clause: _Clause) -> bool:
    words = rule("modality:proposed").words
    return bool(clause.lemmas & words or {c.lemma_.lower() for c in clause.governor.children} & {"ready", "willing"})


def planned(clause: _Clause) -> bool:
    found = rule("modality:planned")
    return bool(clause.aux & found.aux or clause.lemmas & found.words)


MODALITIES: dict[str, Callable[[_Clause], bool]] = {
    "modality:negated": negated,
    "modality:refused": refused,
    "modality:hypothetical": hypothetical,
    "modality:proposed": proposed,
    "modality:planned": planned,
}
check_implemented("modality", MODALITIES)


def modality(token: Token) -> tuple[str, str | None]:
    """asserted, planned, proposed, refused, negated or hypothetical, and the rule that said so (None
    for asserted)."""
    clause = _Clause.of(token)
    for rule_id in (r.id for r in rules().values() if r.stage == "modality" and r.enabled):
        if MODALITIES[rule_id](clause):
            return rule_id.split(":", 1)[1], rule_id
    return "asserted", None


def quantity(token: Token) -> int | None:
    """The first number among the trigger's objects: "released 32 servicemen", "freed two soldiers"."""
    number_words = rule("attribute:quantity").map
    for child in token.children:
        if child.dep_ not in rule("role:object").deps:
            continue
        for tok in child.subtree:
            if tok.dep_ == "nummod" or tok.like_num:
                text = tok.text.lower().replace(",", "")
                if text.isdigit():
                    return int(text)
                if text in number_words:
                    return number_words[text]
    return None


def adjuncts(token: Token) -> list[Token]:
    """The phrases that can say where and when the trigger's event is: the prepositional and bare noun
    phrases hung on it, and for a noun that is the subject of a verb, those of the verb ("a meeting
    ... was planned to be held in Moscow later this month")."""
    verbs = [token]
    if token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass"):
        verbs.append(token.head)
        verbs.extend(c for c in token.head.children if c.dep_ == "xcomp")
    return [c for verb in verbs for c in verb.children if c.dep_ in ("prep", "npadvmod")]


def location(token: Token, phrases: list[Token], by_token: dict[int, EntityMention], arguments: set[str]) -> str | None:
    """The first place a "in/at/near ..." phrase of the event names ("the meeting of the leaders of the
    two countries in Brussels": the noun's whole phrase), other than one of its participants. The object
    of the trigger's own locative preposition is its place even where it also names a participant, unless
    it is a country ("a car of a Reni councillor was set on fire in Reni": in Reni)."""
    place_preps = rule("attribute:place").words
    own = [t for t in token.subtree if t.head.i != token.i] if token.pos_ == "NOUN" else []
    for child in [*phrases, *own]:
        if child.dep_ == "prep" and child.lower_ in place_preps:
            for tok in child.subtree:
                mention = by_token.get(tok.i)
                if mention is None or mention.label not in PLACE_LABELS or not mention.entity_id:
                    continue
                named_object = tok.head.i == child.i and tok.dep_ == "pobj" and mention.entity_id not in country_codes()
                if mention.entity_id not in arguments or named_object:
                    return mention.entity_id
    return None


# The dependencies of a clause inside an event's phrase, whose dates are its own events'.
CLAUSE_DEPS = frozenset({"acl", "advcl", "ccomp", "relcl", "xcomp"})


def own_date(token: Token, phrases: list[Token], sent_dates: list[DateMention]) -> DateValue | None:
    """The date of the trigger's own phrase ("the meetings in Chisinau in June"), else the sentence's first:
    a sentence listing several meetings gives each its own date. A date of a clause inside the phrase is
    that clause's ("a protest against the decision to hold a parade on 9 May" was not on 9 May)."""
    if not sent_dates:
        return None
    roots = ([token] if token.pos_ == "NOUN" else []) + phrases
    clauses = {t.i for root in roots for c in root.subtree if c.i != root.i and c.dep_ in CLAUSE_DEPS for t in c.subtree}
    spans = [(t.idx, t.idx + len(t)) for root in roots for t in root.subtree if t.i not in clauses]
    own = next((d for d in sent_dates if any(start <= d.start < end for start, end in spans)), None)
    return (own or sent_dates[0]).resolved


def lead_span(text: str) -> tuple[int, int]:
    """The character span of an article's lead: its first paragraph after the headline (the whole text
    when it has no blank line)."""
    if "\n\n" not in text:
        return 0, len(text)
    start = text.index("\n\n") + 2
    end = text.find("\n\n", start)
    return start, end if end >= 0 else len(text)


@dataclass(frozen=True)
class Lead:
    """An article's lead paragraph: its span, the places it names as where something happens, in
    order, and the place its dateline names ("YEREVAN, March 3 -"), which segment lifted off the text."""

    start: int
    end: int
    places: tuple[EntityMention, ...]
    dateline_place: str | None = None
    # the starts of the lead's places that only a locative chain of words gave (attribute:locative_chain)
    chained: frozenset[int] = frozenset()
    # the article's publication date (YYYY-MM-DD, or coarser): the date of last resort of what it reports
    published: str | None = None
    # the towns and regions the lead names in any role ("Israeli forces stormed the town of Kafr Qaddum"):
    # where a short report's events happen when no phrase says where (attribute:lead_named_place)
    named: tuple[EntityMention, ...] = ()

    @classmethod
    def of(cls, doc: Doc, ordered: list[EntityMention], by_token: dict[int, EntityMention], dateline: str | None = None,
           published: str | None = None) -> Lead:
        start, end = lead_span(doc_text(doc))
        places = tuple(m for m in ordered if start <= m.start < end and locative_place(doc[m.token_end - 1], by_token))
        chained = frozenset(m.start for m in places if not locative_place(doc[m.token_end - 1], by_token, chain=False))
        named = tuple(m for m in ordered if start <= m.start < end and m.label in PLACE_LABELS and m.entity_id
                      and m.entity_id not in country_codes())
        return cls(start, end, places, dateline_place(dateline, ordered), chained, published, named)

    def before(self, token: Token) -> int:
        """Where the part of the lead an event may borrow from ends: a sentence of the lead borrows from the
        lead's sentences before it; the headline and the body, from the whole lead."""
        return min(self.end, token.sent.start_char) if self.start <= token.idx < self.end else self.end


def dateline_place(dateline: str | None, ordered: list[EntityMention]) -> str | None:
    """The GeoNames place of a dateline ("YEREVAN", "BAKU, Azerbaijan", "BAKU/YEREVAN": the first that
    links), with the countries the article's places name as evidence, as for its place names."""
    if not dateline:
        return None
    geo = geonames()
    countries = frozenset(p.country_code for m in ordered if (p := geo.get(m.entity_id)) is not None and p.country_code)
    for part in re.split(r"[,/]", dateline):
        if part.strip() and (place := geo.link(part.strip(), countries)) is not None:
            return place.id
    return None


def locative_place(tok: Token, by_token: dict[int, EntityMention], chain: bool = True, linked: bool = True) -> EntityMention | None:
    """The place a token ends the name of, when the name is where something happens: the object of a
    locative preposition (attribute:place words: "in Gyumri", "in Chaki Wardak district, Wardak"), or
    with `chain`, the end of a chain of names such a preposition opens (attribute:locative_chain).
    With `linked`, only a place GeoNames or the knowledge base knows."""
    if (named := _place_name(tok, by_token, linked)) is None:
        return None
    mention, phrase = named
    if phrase.dep_ == "pobj" and phrase.head.lower_ in rule("attribute:place").words:
        return mention
    name = tok.doc[mention.token_start : tok.i + 1]
    return mention if chain and enabled("attribute:locative_chain") and _after_locative_chain(name, by_token) else None


def _place_name(tok: Token, by_token: dict[int, EntityMention], linked: bool = True) -> tuple[EntityMention, Token] | None:
    """The place mention a token ends (with `linked`, one GeoNames or the knowledge base knows), and the
    token that stands for the whole name in the parse: the head of the compounds, appositions and
    conjuncts it is part of ("Chaki Wardak district, Wardak")."""
    mention = by_token.get(tok.i)
    if mention is None or mention.label not in PLACE_LABELS or (linked and not mention.entity_id) or tok.i != mention.token_end - 1:
        return None
    return mention, climb(tok, ("compound", "appos", "conj"))


def _after_locative_chain(name, by_token: dict[int, EntityMention]) -> bool:
    """Whether a place name ends a chain of names that a locative preposition opens, read on the words
    where the parse lost it: "in Balcova, Izmir", "in Tuzlucayir neighborhood of Mamak, Ankara", "in
    central Tunceli" (attribute:locative_chain: at most `number` tokens of names, commas, brackets,
    of/the and its area words). A date or a known name that is no place breaks the chain: "on Monday,
    Azerbaijan said", "at the OSCE, Armenia said" say nothing of where."""
    chain = rule("attribute:locative_chain")
    in_aside = False  # inside a bracketed aside, read from its ")" back to its "(": "in Cemce area (unknown location) of Kagizman"
    for tok in reversed(name.doc[max(name.sent.start, name.start - chain.number) : name.start]):
        if in_aside or tok.text == ")":
            in_aside = tok.text != "("
            continue
        if tok.lower_ in rule("attribute:place").words:
            return True
        mention = by_token.get(tok.i)
        if mention is not None and mention.label not in PLACE_LABELS and "gazetteer" in mention.source:
            return False  # a person or body the knowledge base knows ("at the OSCE, Armenia said"); the model's labels of unknown names are not to be trusted here
        if not (tok.is_title or tok.lower_ in chain.words) or DATE_WORD.fullmatch(tok.text):
            return False
    return False


def home_place(tok: Token, by_token: dict[int, EntityMention]) -> EntityMention | None:
    """The town or region a token ends the name of, when the name says where a group of people is from
    ("residents of Taloqan city", "workers from Shush", "villagers of Mitsobi": attribute:sentence_named_place
    words after a plural noun): the people act where they live. Not a country, which says little of where."""
    if (named := _place_name(tok, by_token)) is None or named[0].entity_id in country_codes():
        return None
    mention, phrase = named
    preposition = phrase.head
    people = preposition.head
    ok = phrase.dep_ == "pobj" and preposition.lower_ in rule("attribute:sentence_named_place").words and people.tag_ == "NNS"
    return mention if ok else None


# the level each place and date rule gives, as ACLED's geo_precision and time_precision say how a value was coded
LEVELS = {"attribute:place": "phrase", "attribute:target_place": "phrase", "attribute:sentence_place": "sentence", "attribute:sentence_named_place": "mentioned", "attribute:lead_place": "lead",
          "attribute:lead_named_place": "lead", "attribute:dateline_place": "dateline", "attribute:lead_date": "lead", "attribute:published_date": "publication"}
# levels at which the article lends an event a value rather than its own sentence giving it
LENT_LEVELS = frozenset({"lead", "dateline", "publication"})
# levels that say nothing of which event a mention tells: lent ones, and a place the sentence only names
NO_EVIDENCE_LEVELS = LENT_LEVELS | {"mentioned"}
# the levels that give an event its place and date, finest first
LEVEL_ORDER = ("phrase", "sentence", "mentioned", "lead", "dateline", "publication")


def level_rank(level: str | None) -> int:
    """Where a level stands in LEVEL_ORDER (no level: after all)."""
    return LEVEL_ORDER.index(level) if level in LEVEL_ORDER else len(LEVEL_ORDER)


# the granularity of a publication date by its length: 2020-03-01, 2020-03, 2020
PUBLISHED_GRANULARITY = {10: "day", 7: "month", 4: "year"}


def event_place(token: Token, phrases: list[Token], by_token: dict[int, EntityMention], lead: Lead,
                arguments: set[str], event_type: str, targets: tuple[str, ...]) -> tuple[str | None, str | None]:
    """The event's place and the rules that gave it ('+'-joined): the trigger's own phrase (attribute:place),
    else the town or region an attack or seizure is done to ("stormed the town of Kafr Qaddum", "shelled
    Tartar": attribute:target_place), else the place the sentence says something happens in
    (attribute:sentence_place, by the parse, else by a locative chain of words: +attribute:locative_chain),
    else the home of a group of people the sentence names ("residents of Taloqan city protested":
    attribute:sentence_named_place), else the one the article's lead gives before the event's sentence
    (attribute:lead_place: "On 9 March, in Rustavi, ..."), else the dateline's (attribute:dateline_place:
    "YEREVAN, March 3 -"). A country the own phrase names yields to a town or region of the sentence, as
    ACLED codes the most precise place ("threw a grenade at a Kenya police patrol, leaving some injured in
    Mandera town")."""
    own = location(token, phrases, by_token, arguments) if enabled("attribute:place") else None
    if own is not None and own not in country_codes():
        return own, "attribute:place"
    if enabled("attribute:target_place") and event_type in rule("attribute:target_place").types:
        named = {m.entity_id for t in token.sent if (m := by_token.get(t.i)) is not None and m.label in PLACE_LABELS}
        found = next((t for t in targets if t in named and t not in country_codes()), None)
        if found is not None:
            inner = innermost(token.sent, found, by_token) if enabled("attribute:innermost_place") else found
            return inner, "attribute:target_place" + ("+attribute:innermost_place" if inner != found else "")
    in_sentence = sentence_place(token, by_token, arguments)
    if own is not None:
        finer = in_sentence is not None and in_sentence[0] not in country_codes()
        return in_sentence if finer else (own, "attribute:place")
    if in_sentence is not None:
        return in_sentence
    if enabled("attribute:lead_place"):
        end = lead.before(token)
        found = next((m for m in lead.places if m.start < end and m.entity_id not in arguments), None)
        if found is not None:
            return found.entity_id, "attribute:lead_place" + ("+attribute:locative_chain" if found.start in lead.chained else "")
    if enabled("attribute:dateline_place") and lead.dateline_place and lead.dateline_place not in arguments:
        return lead.dateline_place, "attribute:dateline_place"
    if enabled("attribute:lead_named_place") and event_type in rule("attribute:lead_named_place").types:
        found = next((m for m in lead.named if m.start < lead.before(token) and m.entity_id not in arguments), None)
        if found is not None:
            return found.entity_id, "attribute:lead_named_place"
    return None, None


def innermost(sent, place: str, by_token: dict[int, EntityMention]) -> str:
    """The place the sentence puts inside `place`, and the one it puts inside that, as a target's phrase
    names a district and then its province ("from the Maden district of Elazig": Maden): the most
    precise place, as ACLED codes (attribute:innermost_place); else `place`. The chains are those
    link:within judged (entities.place_containers): not a list, a subject or a possessor."""
    inside = {outer: inner for inner, outer in place_containers(sent.doc).items() if sent.start <= inner[0] < sent.end}
    seen = {place}
    for outer, inner in sorted(inside.items(), reverse=True):  # a chain from its end: "Bamba (Koro, Mopti)"
        outer_mention, inner_mention = by_token.get(outer[0]), by_token.get(inner[0])
        if (outer_mention is not None and outer_mention.entity_id == place and inner_mention is not None and inner_mention.entity_id
                and inner_mention.label in PLACE_LABELS and inner_mention.entity_id not in country_codes() and inner_mention.entity_id not in seen):
            place = inner_mention.entity_id
            seen.add(place)
    return place


def sentence_place(token: Token, by_token: dict[int, EntityMention], arguments: set[str]) -> tuple[str, str] | None:
    """The place the event's sentence says something happens in, not one of its participants, and the
    rule that found it: attribute:sentence_place (by the parse, else by a locative chain of words:
    +attribute:locative_chain), else attribute:sentence_named_place (the home of a group of people).
    At each level a town or region comes before a country, the most precise place ACLED would code."""
    # not a place of a clause the trigger governs: "refused to meet in Baku" did not refuse in Baku,
    # "condemned the attack which killed two in Stepanakert" was not condemned there; an adverbial
    # clause says where: "injured when an IED went off in Nairobi"
    # A participle describing a noun event is no clause of its own: "a bombardment targeting militants
    # west of Rafah" was west of Rafah
    governed = {t.i for c in token.children if c.dep_ in ("xcomp", "ccomp", "acl", "relcl")
                and not (c.dep_ == "acl" and token.pos_ == "NOUN" and c.tag_ in ("VBG", "VBN")) for t in c.subtree}
    sent = token.sent
    named = [sent.doc[i] for i in range(sent.start, sent.end) if i in by_token and i not in governed]  # words of the mentions
    if enabled("attribute:sentence_place"):
        for chain, rule_id in ((False, "attribute:sentence_place"), (True, "attribute:sentence_place+attribute:locative_chain")):
            found = [m.entity_id for tok in named if (m := locative_place(tok, by_token, chain)) and m.entity_id not in arguments]
            if found:
                return _most_precise(found), rule_id
    if enabled("attribute:sentence_named_place"):
        found = [m.entity_id for tok in named if (m := home_place(tok, by_token)) and m.entity_id not in arguments]
        if found:
            return _most_precise(found), "attribute:sentence_named_place"
    return None


def _most_precise(places: list[str]) -> str:
    """The first of the places that is no country, else the first."""
    return next((p for p in places if p not in country_codes()), places[0])


def long_before(value: str, published: str | None, days: int | None) -> bool:
    """Whether a date (YYYY, YYYY-MM or YYYY-MM-DD) ends more than `days` days before the publication date:
    a lead's background date ("the worst fighting since 1994") is no date of the news it leads."""
    anchor, end = parse_anchor((published or "")[:10]), end_of(value)
    return anchor is not None and end is not None and days is not None and (anchor - end).days > days


def event_date(token: Token, phrases: list[Token], sent_dates: list[DateMention], lead: Lead,
               lead_dates: list[DateMention], mood: str = "asserted") -> tuple[DateValue | None, str | None]:
    """The event's date and the rule that gave it: its phrase's, else its sentence's (no rule id: the
    sentence's own date), else the first date the article's lead gives before the event's sentence
    (attribute:lead_date), as a short report's events take the date its lead gives, else, for an event
    that happened, the article's publication date (attribute:published_date: GDELT's convention; a
    report that dates nothing tells the news of its day)."""
    if (own := own_date(token, phrases, sent_dates)) is not None:
        return own, None
    end = lead.before(token)
    earlier = [d for d in lead_dates if d.start < end and not long_before(d.resolved.value, lead.published, rule("attribute:lead_date").number)]
    if enabled("attribute:lead_date") and earlier:
        return earlier[0].resolved, "attribute:lead_date"
    published = (lead.published or "")[:10]
    if enabled("attribute:published_date") and mood == "asserted" and len(published) in PUBLISHED_GRANULARITY:
        return DateValue(published, PUBLISHED_GRANULARITY[len(published)], True, "published"), "attribute:published_date"
    return None, None
