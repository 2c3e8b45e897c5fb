"""Entity mentions of an article with canonical ids: knowledge base, GeoNames, within-article names."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.attrs import IS_TITLE
from spacy.tokens import Doc, Span

from caucasus_nlp.components import NESTED
from caucasus_nlp.ids import slug
from caucasus_nlp.kb import (
    FAR_PLACE_MIN_POPULATION,
    STORY_REGION,
    Entity,
    demonyms,
    fold,
    geonames,
    km,
    knowledge_base,
    place_noun_rows,
    resource_lines,
    subdivision_countries,
    titles,
)
from caucasus_nlp.rulebook import enabled, rule
from caucasus_nlp.syntax import token_indices, tokens_where
from caucasus_nlp.vocabulary import MENTION_LABELS, PLACE_LABELS


@dataclass(frozen=True)
class EntityMention:
    start: int
    end: int
    text: str
    label: str
    entity_id: str | None
    source: str
    sent_idx: int
    token_start: int
    token_end: int


def sentence_index(doc: Doc) -> list[int]:
    """Sentence number of every token."""
    index = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            index[i] = n
    return index


def entity_mentions(doc: Doc) -> Iterator[EntityMention]:
    """Mentions of people, organisations, places, groups and laws, each linked when it can be.

    PERSON: knowledge-base id; else a full name gets a name-derived id and a lone surname takes the
    id of the full name it shortens in the same article ("Mirzoyan" → Ararat Mirzoyan). A one-word
    ORG or GPE that is such a surname is a person the model mislabelled. A generic word tagged ORG
    ("the Group") takes the id of the one organisation of the article whose name ends in it, or is
    no entity. Places: knowledge base, then GeoNames with the article's countries as context
    (link_places); unknown places stay unlinked. Places named inside a compound name are mentions too.
    """
    kb = knowledge_base()
    sents = sentence_index(doc)
    ents = [e for e in [*doc.ents, *doc.spans.get(NESTED, [])] if e.label_ in MENTION_LABELS]
    org_heads = _organisation_heads(ents)
    surnames: dict[str, set[str]] = {}
    for ent in ents:
        if ent.label_ == "PERSON" and len(ent) >= 2:
            pid = ent.kb_id_ or f"person:{slug(ent.text)}"
            surnames.setdefault(fold(ent[-1].text), set()).add(pid)
    for entity_id in {e.kb_id_ for e in ents if e.kb_id_ in kb}:  # the linked entries, not a scan of the knowledge base
        if kb[entity_id].type == "PERSON":
            surnames.setdefault(_surname(kb[entity_id]), set()).add(entity_id)
    places = link_places([e for e in ents if e.label_ in PLACE_LABELS and not e.kb_id_], ents, kb)
    ents += _unlabelled_surnames(doc, ents, surnames)
    ents.sort(key=lambda e: e.start)
    for ent in ents:
        label, entity_id = ent.label_, ent.kb_id_ or None
        source = ent._.source or "ner"
        surname_ids = surnames.get(fold(ent.text), set()) if len(ent) == 1 else set()
        if entity_id is None and label == "ORG" and len(ent) <= 2 and (longer := _longer_forms(ent, ents, kb)):
            entity_id, source = longer, f"{source}+short"
        elif entity_id is None and label == "ORG" and len(ent) == 1 and ent.text.lower() in generic_org_words():
            heads = org_heads.get(ent.text.lower(), set())
            if len(heads) != 1:
                continue
            entity_id, source = next(iter(heads)), f"{source}+head"
        elif entity_id is None and len(surname_ids) == 1 and label in ("PERSON", "ORG", "GPE", "NORP"):
            label, entity_id, source = "PERSON", next(iter(surname_ids)), f"{source}+surname"
        elif entity_id is None and label == "PERSON" and len(ent) == 1 and not surname_ids and len(known := kb_surnames().get(fold(ent.text), ())) == 1:
            # a lone surname the article gives no full name for, which one person of the knowledge base has ("Michel")
            entity_id, source = next(iter(known)), f"{source}+kb_surname"
        elif entity_id is None and label == "PERSON" and (len(ent) >= 2 or (not surname_ids and _named_as_a_person(ent, ents))):
            # a full name, or a lone surname the article gives no full name for, where a title or a
            # person coordinated with it says it is one ("Putin and Aliyev held a telephone call",
            # the knowledge base having more than one Aliyev; not the model's "Genocide"): its own id
            entity_id = f"person:{slug(ent.text)}"
        elif entity_id is None and label == "ORG" and (len(ent) >= 2 or is_acronym(ent.text)):
            entity_id = f"org:{slug(ent.text)}"
        elif entity_id is None and label in PLACE_LABELS and (place := places.get((ent.start, ent.end))):
            entity_id, source = place[0].id if place[0] else None, f"{source}+{place[1]}"
        yield _mention(ent, label, entity_id, source, sents)


@lru_cache(maxsize=1)
def kb_surnames() -> dict[str, frozenset[str]]:
    """The last word of each knowledge-base person's name → the people who have it."""
    found: dict[str, set[str]] = {}
    for entity in knowledge_base().values():
        if entity.type == "PERSON":
            found.setdefault(_surname(entity), set()).add(entity.id)
    return {name: frozenset(ids) for name, ids in found.items()}


def _surname(entity: Entity) -> str:
    """A knowledge-base person's surname, folded for look-up: the last word of the name."""
    return fold(entity.name.split()[-1])


def _named_as_a_person(ent: Span, ents: list[Span]) -> bool:
    """Whether a one-word PERSON mention is shown to be a person by a title before it ("Ambassador
    Kasprzyk", titles.txt) or by a person it is coordinated with ("Putin and Aliyev")."""
    token = ent[0]
    if token.i > 0 and token.doc[token.i - 1].lower_ in titles():
        return True
    people = {i for e in ents if e.label_ == "PERSON" and e.start != ent.start for i in range(e.start, e.end)}
    return (token.dep_ == "conj" and token.head.i in people) or any(c.dep_ == "conj" and c.i in people for c in token.children)


# A place name is evidence of its country when that country has a place of the name this large.
EVIDENCE_MIN_POPULATION = 1_000


def link_places(unlinked: list[Span], ents: list[Span], kb: dict) -> dict[tuple[int, int], tuple[Entity | None, str]]:
    """GeoNames places of the unlinked place names, by (start, end), with how each was linked
    ("geonames", "seat" for an area placed at the town it is named after, "within" for a namesake where
    the text puts it), in two passes; (None, "not_within") for a name link:within unlinked.

    The countries of the article are the evidence that lets a small place far from the story region
    be linked (kb.GeoNames.link): those of its known entities, then also those of the places the first
    pass linked. A story whose known entities name no country of the story region may be set
    anywhere: its demonyms ("Afghan forces") and its names (country votes) say where, and without the
    story region's preference ("Herat" is the Afghan city, not the Iranian village). An incident
    report names no country but a town and its province ("in Taloqan city, Takhar"): a name that only
    one country has (a town of at least EVIDENCE_MIN_POPULATION, or an ISO 3166-2 province: "Wardak")
    says which country the report is in, and so does a country that two of its names share. A name
    ending in a settlement noun ("Taloqan city", "Mankwi village") is the settlement, and one ending in
    a seat noun ("Murghab district") is placed at the town it is named after: the bare name is looked
    up when the whole is not a GeoNames name.
    """
    geo = geonames()
    countries = frozenset(kb[e.kb_id_].country_code for e in ents if e.kb_id_ in kb and kb[e.kb_id_].country_code)
    region = STORY_REGION
    if not countries & set(STORY_REGION):
        evidence = {code for e in ents if e.label_ == "NORP" and (code := demonyms().get(e.text))}
        evidence |= _voted_countries(unlinked)
        if evidence:
            countries, region = countries | evidence, ()

    # the first-level areas each place name of the article may be, known ones too ("Syunik", "Jalisco",
    # "Donetsk region"): the others' are evidence of where a name lies
    areas_of = {fold(form): geo.areas_named(form) for e in ents if e.label_ in PLACE_LABELS for form in _name_forms(e)}

    def link(ent: Span, context: frozenset[str], near: tuple[tuple[float, float], ...] = (),
             within: Callable[[Entity], bool] | None = None) -> tuple[Entity, str] | None:
        own = {fold(form) for form in _name_forms(ent)}
        areas = frozenset().union(*(found for form, found in areas_of.items() if form not in own))
        if (place := geo.link(ent.text, context, region, near, areas, within)) is not None:
            return place, "geonames"
        kind = place_noun_kinds().get(ent[-1].lower_) if len(ent) > 1 else None
        bare = _name_forms(ent)[-1]
        if kind == "seat" and (place := geo.seat_of(bare, context, region)) is not None and (within is None or within(place)):
            return place, "seat"  # "Anbar province": the province's seat, Ramadi
        if kind in ("yes", "seat") and (place := geo.link(bare, context, region, near, areas, within)) is not None:
            return place, "geonames" if kind == "yes" else "seat"
        if kind is None and (place := geo.seat_of(ent.text, context, region)) is not None and (within is None or within(place)):
            return place, "seat"  # "in Helmand": a province no town is named after
        return None

    first = {(e.start, e.end): link(e, countries) for e in unlinked}
    found = countries | {p.country_code for p, _ in filter(None, first.values()) if p.country_code}
    towns = {fold(e.text): (p.latitude, p.longitude) for e in unlinked if (linked := first[(e.start, e.end)])
             for p in (linked[0],) if p.latitude is not None and p.geonameid not in geo.country_geonameids}
    if found == countries and not towns:
        second = first
    else:  # again, with the countries the first pass found and beside the towns it placed (each name beside the others')
        second = {(e.start, e.end): link(e, found, tuple(point for name, point in towns.items() if name != fold(e.text))) or first[(e.start, e.end)]
                  for e in unlinked}
    linked = {(e.start, e.end): place for e in ents if (place := kb.get(e.kb_id_) or (second.get((e.start, e.end)) or (None,))[0])}
    if not enabled("link:within"):
        return {key: place for key, place in second.items() if place is not None}
    # from the last of a chain to the first: "Bamba (Koro, Mopti)" is judged by Koro as Mopti left it
    for ent, container in reversed(_containers([e for e in ents if e.label_ in PLACE_LABELS]).items()):
        key = (ent.start, ent.end)
        place, outer = second.get(key), linked.get((container.start, container.end))
        if place is None or outer is None:
            continue
        lies_in = _lying_in(outer, frozenset().union(*(areas_of.get(fold(form), frozenset()) for form in _name_forms(container))))
        if lies_in is not None and not lies_in(place[0]):
            # "Kelly Village, Tunapuna": not Kelly in North Carolina; a namesake where the text says, else none but a large place
            inside = link(ent, found, within=lies_in)
            keep = (place[0].population or 0) >= FAR_PLACE_MIN_POPULATION
            second[key] = (inside[0], "within") if inside else place if keep else (None, "not_within")
            linked[key] = second[key][0]
    return {key: place for key, place in second.items() if place is not None}


def place_containers(doc: Doc) -> dict[tuple[int, int], tuple[int, int]]:
    """The (start, end) of each place name of the Doc's own entities that the text says lies in the next
    one → that one's (link:within's chains: "the Maden district of Elazig"); none with the rule off."""
    if not enabled("link:within"):
        return {}
    return {(inner.start, inner.end): (outer.start, outer.end) for inner, outer in _containers([e for e in doc.ents if e.label_ in PLACE_LABELS]).items()}


def _containers(places: list[Span]) -> dict[Span, Span]:
    """Each place name the text says lies in the next one (link:within), in order. Not one of a list
    ("Ganja, Barda and Tartar", "Yerevan, Armenia, and Baku"), not a subject or a possessor ("conflicts in
    the Middle East, Armenia cannot count on ...", "in Kamyanka, Russia's army"), and only names of their
    own, not one inside a longer name ("Yerevan" of "Yerevan State University")."""
    own = {(e.start, e.end) for e in places[0].doc.ents} if places else set()
    places = sorted((e for e in places if (e.start, e.end) in own), key=lambda e: e.start)
    found = {}
    within = rule("link:within")
    for n, (inner, outer) in enumerate(zip(places, places[1:], strict=False)):
        between = inner.doc[inner.end : outer.start]
        possessor = outer.end < len(outer.doc) and outer.doc[outer.end].tag_ == "POS"
        if (len(between) == 1 and between[0].lower_ in within.words and not _ends_a_list(places, n + 1)
                and outer.root.dep_ not in within.deps and not possessor):
            found[inner] = outer
    return found


def _ends_a_list(places: list[Span], n: int) -> bool:
    """Whether the place name at n, with the names after it that commas join, is followed by "and" or "or"
    (link:list_end)."""
    if not enabled("link:list_end"):
        return False
    list_words = rule("link:list_end").words
    doc = places[n].doc
    while n + 1 < len(places) and doc[places[n].end : places[n + 1].start].text == ",":
        n += 1
    after = [t.lower_ for t in doc[places[n].end : places[n].end + 2]]
    return bool(after) and (after[0] in list_words or after[:1] == [","] and after[1:] and after[1] in list_words)


def _lying_in(outer: Entity, areas: frozenset[tuple[str, str]]) -> Callable[[Entity], bool] | None:
    """Whether a place lies in `outer`: in one of the first-level areas its name names ("Valdosta,
    Georgia": the US state, not only the country), in its country when it is a country or a region the
    knowledge base places in one, else within link:within's `number` km of the town. None when nothing can be
    told (a region of no country: "South Caucasus")."""
    if outer.geonameid in geonames().country_geonameids or outer.geonameid is None:
        if not outer.country_code:
            return None
        return lambda place: (place.country_code, place.admin1) in areas or place.country_code == outer.country_code
    if outer.latitude is None:
        return None
    point = (outer.latitude, outer.longitude)

    def lies_in(place: Entity) -> bool:
        if (place.country_code, place.admin1) in areas:
            return True
        return place.latitude is not None and km((place.latitude, place.longitude), point) <= rule("link:within").number

    return lies_in


def _voted_countries(unlinked: list[Span]) -> frozenset[str]:
    """The countries the article's unlinked place names point to: each distinct name (and its bare
    form before a place noun) votes for the countries that have a town of that name of at least
    EVIDENCE_MIN_POPULATION or a province of that name. A country wins with the votes of two names, or
    as the only country of one name when no country has two."""
    geo, provinces = geonames(), subdivision_countries()
    votes: dict[str, set[str]] = {}
    for ent in unlinked:
        # "Gomel" and "Gomel region" are one name: its bare form (before a settlement or seat noun) votes once
        names = _name_forms(ent)
        codes = frozenset().union(*(geo.countries_of(n, EVIDENCE_MIN_POPULATION) | provinces.get(fold(n), frozenset()) for n in names))
        if codes:
            votes[fold(names[-1])] = set(codes)
    tally = Counter(code for codes in votes.values() for code in codes)
    shared = {code for code, n in tally.items() if n >= 2}
    if shared:
        return frozenset(shared)
    return frozenset(next(iter(codes)) for codes in votes.values() if len(codes) == 1)


def _name_forms(ent: Span) -> list[str]:
    """A place name as written, then its bare form before a settlement or seat noun ("Gomel region": Gomel
    region, Gomel), the name it is looked up by when the whole is no GeoNames name."""
    if len(ent) > 1 and place_noun_kinds().get(ent[-1].lower_) in ("yes", "seat"):
        return [ent.text, ent[:-1].text]
    return [ent.text]


def is_acronym(text: str) -> bool:
    """An organisation's initials ("CNL", "FARDC", "HBDH"): three to six capitals, a name as sure as a
    two-word one (a lone capitalised word tagged ORG is often a place or a person the model mislabelled)."""
    return 3 <= len(text) <= 6 and text.isalpha() and text.isupper()


@lru_cache(maxsize=1)
def place_noun_kinds() -> dict[str, str]:
    """Place noun → what the name before it is (place_nouns.tsv): yes (the settlement itself), seat (an
    area named after its seat town), no (another place or a facility)."""
    return {noun: kind for noun, _, kind in place_noun_rows()}


@lru_cache(maxsize=1)
def generic_org_words() -> frozenset[str]:
    return frozenset(resource_lines("generic_org_words.txt"))


def _organisation_heads(ents: list[Span]) -> dict[str, set[str]]:
    """Last word of each multi-word organisation name of the article → the ids it may stand for."""
    heads: dict[str, set[str]] = {}
    for ent in ents:
        if ent.label_ == "ORG" and len(ent) >= 2:
            heads.setdefault(ent[-1].text.lower(), set()).add(ent.kb_id_ or f"org:{slug(ent.text)}")
    return heads


def _longer_forms(ent: Span, ents: list[Span], kb: dict) -> str | None:
    """The id of the one longer organisation name of the article that contains this short form as
    whole words ("Security Council" → Security Council of the Republic of Artsakh), else None."""
    short = f" {fold(ent.text)} "
    found = set()
    for other in ents:
        if other.label_ != "ORG" or len(other) <= len(ent):
            continue
        known = kb.get(other.kb_id_)
        names = [other.text, *(known.aliases if known else []), *([known.name] if known else [])]
        if any(short in f" {fold(name)} " for name in names):
            found.add(other.kb_id_ or f"org:{slug(other.text)}")
    return next(iter(found)) if len(found) == 1 else None


def _unlabelled_surnames(doc: Doc, ents: list[Span], surnames: dict[str, set[str]]) -> list[Span]:
    """Mentions of a surname the model missed ("Later Nersesyan left"), in an article that names the
    person in full somewhere (a headline often says "Aliyev" before the body says "Ilham Aliyev")."""
    if not surnames:  # no full name, no surname to find: the scan of every token is spared
        return []
    covered = token_indices(ents)
    found = []
    for token in tokens_where(doc, IS_TITLE, bool):
        if token.i not in covered and len(surnames.get(fold(token.text), ())) == 1:
            span = Span(doc, token.i, token.i + 1, label="PERSON")
            span._.source = "rule"
            found.append(span)
    return found


def _mention(ent: Span, label: str, entity_id: str | None, source: str, sents: list[int]) -> EntityMention:
    return EntityMention(
        start=ent.start_char,
        end=ent.end_char,
        text=ent.text,
        label=label,
        entity_id=entity_id,
        source=source,
        sent_idx=sents[ent.start],
        token_start=ent.start,
        token_end=ent.end,
    )
