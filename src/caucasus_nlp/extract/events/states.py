"""Who acts for a country: demonyms, capitals as metonyms, state bodies and the home state of a person.

CAMEO codes an actor by its country and role; these helpers turn the mentions a phrase holds into the
entity ids an event names as actors or targets ("the Azerbaijani side" → Azerbaijan, "Baku accused
Yerevan" → the two states).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from spacy.tokens import Token

from caucasus_nlp.extract.entities import EntityMention
from caucasus_nlp.kb import Entity, demonyms, geonames, knowledge_base, resource_lines
from caucasus_nlp.vocabulary import PLACE_LABELS


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
        return acts_for(known)
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


@lru_cache(maxsize=1)
def polities() -> frozenset[str]:
    """The entity ids that state bodies act for: the countries, and the de-facto states the knowledge
    base gives bodies of their own (Nagorno-Karabakh)."""
    return frozenset(country_codes()) | frozenset(state for e in knowledge_base().values() if (state := acts_for(e)))


def acts_for(entity: Entity) -> str | None:
    """The entity id of the state a knowledge-base state body acts for (acts_for: an ISO code or an id)."""
    if entity.acts_for is None:
        return None
    return entity.acts_for if ":" in entity.acts_for else country_ids().get(entity.acts_for)


@lru_cache(maxsize=1)
def metonyms() -> dict[str, str]:
    """A capital or seat of government, lower-cased → the ISO code of the state it stands for."""
    out = {}
    for line in resource_lines("metonyms.tsv"):
        name, _, code = line.partition("\t")
        if code.strip():
            out[name.strip().lower()] = code.strip()
    return out


def home_state(person_id: str | None) -> str | None:
    """The country a knowledge-base person belongs to (country_code), as an entity id."""
    person = knowledge_base().get(person_id or "")
    return country_ids().get(person.country_code) if person is not None and person.country_code else None


def entity_ids(tokens: Iterable[Token], by_token: dict[int, EntityMention]) -> list[str]:
    """The actors the tokens name, each once: people and organisations; a demonym's or a capital's
    country; a country or city itself. A region, a road or a building ("the Caucasus", "the Lachin
    corridor"), a war or a convention acts for no one."""
    ids: list[str] = []
    for tok in tokens:
        mention = by_token.get(tok.i)
        entity_id = None
        if mention is not None and mention.label == "NORP":
            code = country_of(mention)
            entity_id = country_ids()[code] if code else None
        elif mention is not None and mention.label in PLACE_LABELS:
            code = metonyms().get(mention.text.lower())
            entity_id = country_ids().get(code) if code else mention.entity_id if mention.label == "GPE" else None
        elif mention is not None and mention.label in ("PERSON", "ORG"):
            entity_id = mention.entity_id
        if entity_id and entity_id not in ids:
            ids.append(entity_id)
    return ids
