import gc

import pytest

from caucasus_nlp.extract.entities import EntityMention
from caucasus_nlp.extract.events import acting_state, trigger_lexicon
from caucasus_nlp.kb import demonyms, entity_named, fold, gc_paused, geonames, knowledge_base
from caucasus_nlp.vocabulary import PLOVER_TYPES


@pytest.mark.parametrize(
    "name, context, expected",
    [
        ("Goris", frozenset(), 174895),  # Goris in Armenia, not Gori in Georgia
        ("Armenia", frozenset(), 174982),  # the country, not Armenia in Colombia
        ("Georgia", frozenset(), 614540),
        ("Jermuk", frozenset(), 174884),
        ("Granada", frozenset(), 2517117),  # far away, but large
        ("Xankəndi", frozenset(), 146970),
        ("Europe", frozenset(), 6255148),  # the continent
        ("Asia", frozenset({"AM"}), 6255147),
    ],
)
def test_geonames_linking_prefers_the_story_region(name, context, expected):
    assert geonames().link(name, context).geonameid == expected


@pytest.mark.parametrize(
    "name, context, expected",
    [
        # a city of a country the article names outweighs a capital elsewhere...
        ("San Juan", frozenset({"AR"}), 3837213),
        ("San Juan", frozenset(), 4568127),  # without it, Puerto Rico's capital
        # ...but not a capital over a small town of that country (Vienna, Virginia)
        ("Vienna", frozenset({"US"}), 2761369),
    ],
)
def test_a_city_of_the_articles_country_or_a_capital(name, context, expected):
    assert geonames().link(name, context, ()).geonameid == expected


@pytest.mark.parametrize(
    "name, near, expected",
    [
        # beside Ankara, Mamak is Ankara's district, not the village by the Black Sea...
        ("Mamak", ((39.92, 32.85),), 304885),
        # ...and so it is alone: GeoNames gives the district's seat no population, weighed as a town's
        ("Mamak", (), 304885),
        # beside Kazan (Ankara), Saray is the town near it, not Istanbul's quarter
        ("Saray", ((40.13, 32.68),), 740175),
        ("Saray", (), 747538),
        # a far-off point changes nothing
        ("Saray", ((-33.9, 18.4),), 747538),
    ],
)
def test_a_namesake_beside_the_articles_other_places_is_the_one_it_means(name, near, expected):
    assert geonames().link(name, frozenset({"TR"}), (), near).geonameid == expected


@pytest.mark.parametrize(
    "name, context, expected",
    [
        ("Helmand", frozenset(), 1134720),  # Lashkar Gah, the seat of a province no town is named after
        ("Anbar", frozenset({"IQ"}), 98717),  # Ramadi
        ("Syunik", frozenset(), 174875),  # Kapan: "Syunik'i Marz" by its short name, not the village Syunik (645 people)
        ("Mersin", frozenset({"TR"}), 304531),  # the town that bears the province's name, not its most populous in admin_seats.tsv (Tarsus)
        ("Tavush", frozenset(), 616627),  # Ijevan: the village Tavush (1,458 people) is no seat
        ("Central", frozenset(), None),  # an area name of many countries, none of them the article's
        ("Zzyzx", frozenset(), None),
    ],
)
def test_a_province_is_located_at_its_seat(name, context, expected):
    seat = geonames().seat_of(name, context)
    assert (seat.geonameid if seat else None) == expected


@pytest.mark.parametrize(
    "name, area, expected",
    [
        # the El Salto of the state the report names, not the larger one of Durango
        ("El Salto", "Jalisco", 4007684),
        ("El Salto", None, 4007673),
        # of the oblast named: Donetsk's Vasylivka, not Zaporizhzhia's town
        ("Vasylivka", "Donetsk", 690373),
        ("Vasylivka", None, 686729),
        # an area of another country changes nothing
        ("Vasylivka", "Jalisco", 686729),
    ],
)
def test_a_namesake_in_an_area_the_article_names_is_the_one_it_means(name, area, expected):
    areas = geonames().areas_named(area) if area else frozenset()
    country = frozenset({geonames().named(name)[0].country_code})
    assert geonames().link(name, country, (), (), areas).geonameid == expected


@pytest.mark.parametrize(
    "name, country, expected",
    [
        ("Plato", "CO", 3792392),  # Plato has namesakes in three countries: alone, none is linked...
        ("Bamba", "KE", 200666),  # ...and where the text puts it, the small one there over a larger one elsewhere
        ("Bamba", "TT", None),  # none there: nothing
    ],
)
def test_a_place_is_linked_among_those_where_the_text_puts_it(name, country, expected):
    assert geonames().link("Plato") is None
    place = geonames().link(name, within=lambda p: p.country_code == country)
    assert (place.geonameid if place else None) == expected


def test_an_area_is_known_by_the_first_level_code_of_its_seat():
    assert geonames().areas_named("Jalisco") == {("MX", "14")}
    assert geonames().areas_named("Zzyzx") == frozenset()


def test_small_far_away_namesake_is_not_linked_without_evidence():
    assert geonames().link("Kachreti") is None or geonames().link("Kachreti").country_code == "GE"
    assert geonames().link("Nowhereville Xyz") is None


@pytest.mark.parametrize("code, town", [("CSW", "Cabo San Lucas"), ("EVN", "Yerevan"), ("GYD", "Baku")])
def test_airport_codes_among_alternate_names_link_to_nothing(code, town):
    # a wire's initials in a dateline ("..., CSW.") were linked to Cabo San Lucas through its codes
    assert geonames().link(code) is None and geonames().link(town).name == town


def test_knowledge_base_places_have_coordinates_and_unique_aliases():
    kb = knowledge_base()
    seen = {}
    for entity in kb.values():
        if entity.type == "PLACE":
            assert entity.latitude is not None and entity.longitude is not None, entity.id
        for alias in [entity.name, *entity.aliases]:
            assert seen.setdefault(alias, entity.id) == entity.id, f"{alias} names two entities"


@pytest.mark.parametrize(
    "text, label, entity_id, expected",
    [
        ("Azerbaijani Defence Ministry", "ORG", "org:mod-azerbaijan", "geonames:587116"),  # acts_for: an ISO code
        ("Artsakh Defense Army", "ORG", "org:artsakh-defense-army", "place:nagorno-karabakh"),  # acts_for: an entity
        ("ARMENPRESS", "ORG", "org:armenpress", None),  # in the knowledge base without acts_for: a news agency
        ("Dutch Government", "ORG", "org:dutch-government", "geonames:2750405"),  # not listed: demonym + state word
        ("British Embassy", "ORG", "org:british-embassy", "geonames:2635167"),
        ("Government of Norway", "ORG", "org:government-of-norway", "geonames:3144096"),  # country name + state word
        ("Norwegian Refugee Council", "ORG", "org:norwegian-refugee-council", None),  # no state word
        ("Dutch Government", "PERSON", "person:x", None),  # only organisations are state bodies
    ],
)
def test_a_state_body_acts_for_its_state(text, label, entity_id, expected):
    mention = EntityMention(0, len(text), text, label, entity_id, "test", 0, 0, len(text.split()))
    assert acting_state(mention) == expected


def test_knowledge_base_state_bodies_name_a_known_state():
    kb = knowledge_base()
    for entity in kb.values():
        if entity.acts_for:
            assert entity.label == "ORG", entity.id
            assert entity.acts_for in kb or entity.acts_for in geonames().country_ids, entity.id


@pytest.mark.parametrize(
    "name, expected",
    [("U.S. Department of State", "org:us-department-of-state"), ("us department of state", "org:us-department-of-state"),
     ("Armenpress", "org:armenpress"), ("The Daily Planet", None), (None, None)],
)
def test_entity_named_finds_names_and_aliases_folded(name, expected):
    found = entity_named(name)
    assert (found.id if found else None) == expected


@pytest.mark.parametrize("name, expected", [
    ("Kadıköy", "kadikoy"), ("Bağcılar", "bagcilar"), ("İstanbul", "istanbul"), ("Ağdərə", "agdere"), ("Gəncə", "gence"),
    ("Łódź", "lodz"), ("Tromsø", "tromso"), ("Đà Nẵng", "da nang"), ("Şuşa’s  road", "susa's road"),
    ("KADIKÖY", "kadikoy"), ("ƏLİBƏYLİ", "elibeyli"), ("ŁÓDŹ", "lodz"), ("Ħamrun", "hamrun"), ("Þórshöfn", "thorshofn"),
    # negatives: plain and decomposable names keep their letters
    ("Yerevan", "yerevan"), ("Stepanakert", "stepanakert"), ("Khankendi", "khankendi"),
])
def test_fold_writes_undecomposed_letters_as_english_text_does(name, expected):
    assert fold(name) == expected


def test_every_demonym_names_a_known_country_or_none():
    countries = geonames().country_ids
    assert all(code is None or code in countries for code in demonyms().values())


def test_every_trigger_rule_has_its_own_stable_id():
    # a user's filter on rule_id must survive a row added to the lexicon: ids name the row, not its number
    rules = [t for rows in trigger_lexicon().values() for t in rows]
    assert len({t.id for t in rules}) == len(rules)
    assert all(t.id.split(":")[1] == t.lemma and not any(part.isdigit() for part in t.id.split(":")) for t in rules)
    assert {t.event_type for t in rules} <= set(PLOVER_TYPES)


def test_the_built_geonames_index_is_kept_and_read_back(tmp_path, monkeypatch):
    """The index is built once (ten seconds for the full one) and read back from the cache after; a
    cache switched off is never written."""
    import caucasus_nlp.kb as kb

    monkeypatch.setenv("CAUCASUS_NLP_CACHE", str(tmp_path))
    built = kb.GeoNames(min_city_population=15_000)  # the larger cities only: a quicker build
    (cached,) = tmp_path.glob("geonames-*.marshal")

    def no_build(_population):
        raise AssertionError("the index was built again")

    monkeypatch.setattr(kb, "_build_index", no_build)
    again = kb.GeoNames(min_city_population=15_000)
    assert [(e.id, e.latitude, e.country_code) for e in again.named("Yerevan")] == [(e.id, e.latitude, e.country_code) for e in built.named("Yerevan")]
    assert again.country_ids == built.country_ids and again.capitals == built.capitals
    monkeypatch.setenv("CAUCASUS_NLP_CACHE", "off")
    cached.unlink()
    with pytest.raises(AssertionError, match="built again"):
        kb.GeoNames(min_city_population=15_000)
    assert not list(tmp_path.glob("geonames-*.marshal"))


def test_the_collector_is_left_as_it_was_after_an_index_is_built():
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # a caller that had switched it off keeps it off
    finally:
        gc.enable()


def test_the_country_ids_asked_of_every_place_are_those_of_the_countries():
    geo = geonames()
    assert geo.country_geonameids == frozenset(geo.country_ids.values()) and 174982 in geo.country_geonameids


def test_places_are_built_when_asked_for_and_unknown_ids_are_none():
    places = geonames().by_id
    armenia = places[174982]
    assert (armenia.name, armenia.country_code, armenia.id) == ("Armenia", "AM", "geonames:174982")
    assert places[174982] is armenia and places.get(174982) is armenia
    assert (174982 in places, -1 in places, places.get(-1), geonames().get("geonames:-1")) == (True, False, None, None)
    with pytest.raises(KeyError):
        places[-1]
