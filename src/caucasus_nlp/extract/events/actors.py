"""Actors as analysts code them: generic actors where no one is named, and every actor's country and sector.

Where an event's subject (or object) names no one but is a noun of resources/events/generic_actors.tsv
("protesters", "residents of the village", "unidentified gunmen"), the actor is a generic one, as ACLED
codes them: its sector (resources/events/actor_sectors.tsv) and its country, from a demonym or place in
the phrase, else (for a sector whose actors are local: protesters, civilians, police, armed groups) the
country of the place the sentence, else the article, first says something happens in. Its id is `actor:SECTOR` or
`actor:SECTOR:CC` (ISO 3166-1 alpha-2), and its name the sector's ("Protesters (Armenia)").

Named actors get a country and a sector too: the knowledge base's `country_code` and `sector`, a
country's own code (and GOV: news speaks of a state's government), a place's country.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from caucasus_nlp.extract.entities import EntityMention
from caucasus_nlp.extract.events.attributes import locative_place
from caucasus_nlp.extract.events.states import country_codes, country_ids, country_of
from caucasus_nlp.extract.events.triggers import match_trigger, observed_noun, reported_noun
from caucasus_nlp.kb import geonames, knowledge_base, resource_lines
from caucasus_nlp.rulebook import rule
from caucasus_nlp.vocabulary import PLACE_LABELS


@dataclass(frozen=True)
class Sector:
    code: str
    name: str  # with "{country}"
    # an actor of the sector named without its country is of the country it acts in
    local: bool
    meaning: str


@lru_cache(maxsize=1)
def sectors() -> dict[str, Sector]:
    rows = (line.split("\t") for line in resource_lines("events/actor_sectors.tsv"))
    return {code: Sector(code, name, local == "yes", meaning) for code, name, local, meaning in rows}


@lru_cache(maxsize=1)
def generic_nouns() -> dict[str, str]:
    """Lemma → sector."""
    return dict(line.split("\t") for line in resource_lines("events/generic_actors.tsv"))


def generic_id(sector: str, country: str | None) -> str:
    return f"actor:{sector}:{country}" if country else f"actor:{sector}"


def only_generic(actors, sector_codes) -> bool:
    """Whether there are actors and each is a generic one of these sectors ("actor:PRO:AM" for PRO):
    civilians or protesters no one names, as the rules of a protest's claims and of civil blockades ask."""
    return bool(actors) and all(a.split(":")[0] == "actor" and a.split(":")[1] in sector_codes for a in actors)


def generic_name(actor_id: str) -> str | None:
    """"actor:PRO:AM" → "Protesters (Armenia)"; None for an id that is not a generic actor's."""
    parts = actor_id.split(":")
    if parts[0] != "actor" or len(parts) not in (2, 3) or parts[1] not in sectors():
        return None
    template = sectors()[parts[1]].name
    country = geonames().get(country_ids().get(parts[2])) if len(parts) == 3 else None
    if country is None:
        return template.replace(" ({country})", "").replace(" of {country}", "")
    return template.format(country=country.name)


def generic_actor(tokens: list[Token], event_type: str, context) -> str | None:
    """The generic actor a phrase names, or None: its head noun is a generic noun and no name is in it."""
    heads = [t for t in tokens if t.head not in tokens or t.head.i == t.i]
    head = next((t for t in heads if t.pos_ in ("NOUN", "PROPN")), None)
    if head is None or ((mention := context.by_token.get(head.i)) is not None and mention.entity_id):
        return None  # a name the linker knows is a named actor; "the Ukrainian Forces", unlinked, is a generic one
    # a modifier that is itself a generic noun says more than the head: "rebel forces", "police officers"
    sector = next((found for c in head.children if c.dep_ in ("amod", "compound") and (found := noun_sector(c))), None) or noun_sector(head)
    if sector is None:
        # a partitive names its people in its of-phrase: "hundreds of workers", "a group of residents"
        of_object = next((o for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"), None)
        if of_object is None or of_object.i in context.by_token or (sector := noun_sector(of_object)) is None:
            return None
        head = of_object
    sector = rule("role:generic_actor").map.get(event_type, {}).get(sector, sector)
    country = phrase_country(head, context)
    if country is None and sectors()[sector].local:
        country = sentence_country(head, context) or lead_country(head, context)
    return generic_id(sector, country)


def default_actor(trigger: Token, event_type: str, context) -> str | None:
    """"A protest was held in Mogilev": a protest no one is named as holding is by protesters of the
    country it happens in (role:protest_default), as ACLED codes it."""
    found = rule("role:protest_default")
    if event_type not in found.types:
        return None
    return generic_id(found.map.get(event_type, "PRO"), sentence_country(trigger, context) or lead_country(trigger, context))


def unidentified_attacker(trigger: Token, event_type: str, context) -> str | None:
    """"5 explosions near Berezivske", "a man was killed in Plato": violence that names no one at all
    is by an unidentified armed group of the country it happens in (role:violence_default), as ACLED
    codes it. Only a verb that is no gerund, a counted noun ("a total of 5 explosions") or a noun that
    occurs or was observed ("an explosion occurred", "heard shots": role:occurring_noun, role:observed_noun):
    "the attacks" alone recalls violence, and
    "charged with murdering a guard" a charge, reporting none; and only where a place says which country,
    or, for violence someone observed, where the sentence names the place at all."""
    found = rule("role:violence_default")
    counted = trigger.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in trigger.children)
    if event_type not in found.types or not ((trigger.pos_ == "VERB" and trigger.tag_ != "VBG") or counted or reported_noun(trigger)):
        return None
    country = sentence_country(trigger, context) or lead_country(trigger, context)
    if country:
        return generic_id(found.map[event_type], country)
    # a monitor's count of explosions "near Travneve", a village no gazetteer knows: located, of no known country
    named_place = any(locative_place(tok, context.by_token, linked=False) for tok in trigger.sent)
    return generic_id(found.map[event_type], None) if observed_noun(trigger) and named_place else None


def story_parties(trigger: Token, context) -> list[str]:
    """"Clashes continued", "the truce came into force", "fighting flared": a reciprocal event (the
    rule's subtypes: a clash, a ceasefire, talks) that names no side is between the two countries the
    article is mostly about (role:reciprocal_default), as an analyst codes it from the story. Only a
    verb, or a noun that is its clause's subject or object, not in a clause of time ("soon after the
    cease-fire was reached") nor the subject of a verb of ending ("fighting ended after ...": the
    rule's map): "after the clashes" recalls, names no occasion of its own."""
    found = rule("role:reciprocal_default")
    row = match_trigger(trigger)
    if row is None or row.subtype not in found.words or len(context.main_countries) != 2:
        return []
    if trigger.pos_ == "NOUN" and (trigger.dep_ not in found.deps or trigger.head.lemma_.lower() in found.map["ending_verbs"]):
        return []
    clause = trigger.head if trigger.pos_ == "NOUN" else trigger
    while clause.dep_ == "conj":  # "once they had surrendered and a cease-fire was in place": coordinated clauses share the mark
        clause = clause.head
    if any(c.dep_ == "mark" and c.lower_ in found.map["time_marks"] for c in clause.children):
        return []
    return list(context.main_countries)


def noun_sector(noun: Token) -> str | None:
    """The sector of a generic noun, by its lemma or its word (a capitalised "Forces" keeps its plural as
    lemma), an adjective and its lemma first where the table has the pair ("armed men" are an armed
    group, "men" civilians)."""
    word = noun.lower_
    forms = (noun.lemma_.lower(), word, word[:-1] if word.endswith("s") else word)
    pairs = [f"{c.lower_} {form}" for c in noun.children if c.dep_ == "amod" for form in forms]
    return next((generic_nouns()[form] for form in (*pairs, *forms) if form in generic_nouns()), None)


def phrase_country(head: Token, context) -> str | None:
    """A demonym, country or place in the noun's phrase: "Azerbaijani forces", "residents of Taloqan"."""
    for tok in own_phrase(head):
        if (mention := context.by_token.get(tok.i)) is not None and (code := mention_country(mention)):
            return code
    return None


def own_phrase(noun: Token) -> list[Token]:
    """The noun with its modifiers and of- or from-phrase ("workers from Shush"), without what the parser
    joined to it ("four soldiers and Turkey"), its clauses and other prepositions."""
    out = [noun]
    for child in noun.children:
        if child.dep_ in ("amod", "compound", "nmod", "nummod", "poss", "det") or (child.dep_ == "prep" and child.lower_ in ("of", "from")):
            out.extend(own_phrase(child))
        elif child.dep_ == "pobj":
            out.extend(own_phrase(child))
    return out


def sentence_country(head: Token, context) -> str | None:
    """The country of the first place the sentence names as where something happens ("in Gyumri")."""
    return next((mention_country(m) for tok in head.sent if (m := locative_place(tok, context.by_token)) and mention_country(m)), None)


def lead_country(head: Token, context) -> str | None:
    """The country of the first place the article's lead (its first paragraph after the headline) names as
    where something happens ("On 9 March, in Rustavi, ..."); a long article's later places say nothing of it."""
    return next((code for m in context.lead.places if (code := mention_country(m))), None)


def mention_country(mention: EntityMention) -> str | None:
    """The ISO code of the country a demonym, a country or a place stands in."""
    if (code := country_of(mention)) is not None:
        return code
    if mention.label in PLACE_LABELS and (place := geonames().get(mention.entity_id) or knowledge_base().get(mention.entity_id or "")):
        return place.country_code
    return None


def actor_country(actor_id: str) -> str | None:
    """The ISO country code of an actor (named or generic)."""
    parts = actor_id.split(":")
    if parts[0] == "actor":
        return parts[2] if len(parts) == 3 else None
    if actor_id in country_codes():
        return country_codes()[actor_id]
    known = knowledge_base().get(actor_id) or geonames().get(actor_id)
    return known.country_code if known else None


def actor_sector(actor_id: str) -> str | None:
    """The sector of an actor: a generic one's, the knowledge base's, GOV for a state."""
    parts = actor_id.split(":")
    if parts[0] == "actor":
        return parts[1]
    if (known := knowledge_base().get(actor_id)) is not None and known.sector:
        return known.sector
    return "GOV" if actor_id in country_codes() else None


def actor_codes(actors, targets) -> dict[str, list]:
    """The country and sector columns of an event's actors and targets, in their order ("" where none is known)."""
    return {"actor_countries": [actor_country(a) or "" for a in actors], "actor_sectors": [actor_sector(a) or "" for a in actors],
            "target_countries": [actor_country(t) or "" for t in targets], "target_sectors": [actor_sector(t) or "" for t in targets]}
