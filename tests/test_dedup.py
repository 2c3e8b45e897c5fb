"""Deduplication of event mentions across articles, on hand-made mention rows (no model)."""

import pytest

from caucasus_nlp.extract.dedup import cluster_events

ARTICLES = {
    "a1": {"published": "2023-12-07", "outlet": "Wire A", "dump": "d1"},
    "a2": {"published": "2023-12-08", "outlet": "Wire B", "dump": "d1"},
    "a3": {"published": "2023-12-08", "outlet": "Wire C", "dump": "d2"},
    "a4": {"published": "2024-03-01", "outlet": "Wire A", "dump": "d2"},
}


def _row(mid, article, event_type="AGREE", subtype="prisoner_exchange", actors=("geonames:174982",), date=None, targets=()):
    return {"event_mention_id": mid, "article_id": article, "sent_idx": 0, "event_type": event_type, "subtype": subtype,
            "actors": list(actors), "targets": list(targets), "location_id": None, "date": date,
            "date_precision": "day" if date and len(date) == 10 else None, "modality": "asserted"}


def test_one_exchange_reported_by_three_outlets_is_one_event():
    rows = [
        _row("m1", "a1", actors=("geonames:174982", "geonames:587116"), date="2023-12-07"),
        _row("m2", "a2", actors=("geonames:587116",), date="2023-12-08"),  # a day apart: same event
        _row("m3", "a3", actors=(), date=None),  # names no actor: joins the reported event
    ]
    (event,) = cluster_events(rows, ARTICLES)
    assert (event["n_mentions"], event["n_articles"], event["n_outlets"]) == (3, 3, 3)
    assert event["actors"] == ["geonames:174982", "geonames:587116"]
    assert {r["event_id"] for r in rows} == {event["event_id"]}
    assert event["first_article_id"] == "a1"


@pytest.mark.parametrize(
    "second",
    [
        _row("m2", "a2", subtype="prisoner_release", event_type="CONCEDE"),  # another kind of event
        _row("m2", "a2", actors=("geonames:2017370",)),  # other actors
        _row("m2", "a2", date="2023-10-01"),  # incompatible dates
        _row("m2", "a4"),  # undated, reported months later
    ],
)
def test_different_events_stay_apart(second):
    rows = [_row("m1", "a1", date="2023-12-07" if second["date"] else None), second]
    assert len(cluster_events(rows, ARTICLES)) == 2


def test_event_ids_do_not_depend_on_row_order():
    rows = [_row("m1", "a1", date="2023-12-07"), _row("m2", "a2", date="2023-12-07")]
    first = cluster_events([dict(r) for r in rows], ARTICLES)
    second = cluster_events([dict(r) for r in reversed(rows)], ARTICLES)
    assert [e["event_id"] for e in first] == [e["event_id"] for e in second]


@pytest.mark.parametrize(
    "event_type, subtype, n_events",
    [
        ("CONSULT", "meeting", 1),  # "Michel hosted Aliyev" and "Aliyev met Michel": one meeting told either way round
        ("ACCUSE", "accusation", 2),  # "Russia accused Georgia" and "Georgia accused Russia": two accusations
    ],
)
def test_who_meets_whom_is_told_either_way_round_but_who_accuses_whom_is_not(event_type, subtype, n_events):
    michel, aliyev = "person:charles-michel", "person:ilham-aliyev"
    rows = [_row("m1", "a1", event_type, subtype, actors=(michel,), targets=(aliyev,), date="2023-12-07"),
            _row("m2", "a2", event_type, subtype, actors=(aliyev,), targets=(michel,), date="2023-12-07")]
    assert len(cluster_events(rows, ARTICLES)) == n_events


def test_an_event_keeps_the_finest_level_that_gave_its_place_and_date():
    """One report has the town only in its lead, another in the event's own phrase: the event's
    place is that town, given at the phrase level; its date came from a sentence of one report."""
    lead = {**_row("m1", "a1", date="2023-12-07"), "location_id": "geonames:616635", "location_precision": "lead", "date_source": "lead"}
    own = {**_row("m2", "a2", date="2023-12-07"), "location_id": "geonames:616635", "location_precision": "phrase", "date_source": "sentence"}
    elsewhere = {**_row("m3", "a3"), "location_id": None, "location_precision": None, "date_source": None}
    (event,) = cluster_events([lead, own, elsewhere], ARTICLES)
    assert (event["location_id"], event["location_precision"], event["date"], event["date_source"]) == (
        "geonames:616635", "phrase", "2023-12-07", "sentence")


def test_an_event_without_place_or_date_has_no_level():
    (event,) = cluster_events([_row("m1", "a1")], ARTICLES)
    assert (event["location_precision"], event["date_source"]) == (None, None)


@pytest.mark.parametrize(
    "first_date, second_date, n_events",
    [
        ("2023-09-19", None, 2),  # two crowds of "Protesters (Armenia)" a day apart, one undated: two protests
        (None, None, 2),
        ("2023-09-19", "2023-09-19", 1),  # both dated the same day: one protest
        ("2023-09-19", "2023-09-25", 2),
    ],
)
def test_a_generic_actor_alone_joins_reports_only_when_both_date_the_event(first_date, second_date, n_events):
    rows = [_row("m1", "a1", event_type="PROTEST", subtype="protest", actors=("actor:PRO:AM",), date=first_date),
            _row("m2", "a2", event_type="PROTEST", subtype="protest", actors=("actor:PRO:AM",), date=second_date)]
    assert len(cluster_events(rows, ARTICLES)) == n_events
    # a named actor shared beside the generic one is an identity: undated reports a day apart join
    named = [_row("m1", "a1", actors=("actor:PRO:AM", "org:armenian-revolutionary-federation")),
             _row("m2", "a2", actors=("actor:PRO:AM", "org:armenian-revolutionary-federation"))]
    assert len(cluster_events(named, ARTICLES)) == 1


def test_a_lent_publication_date_neither_splits_reports_nor_beats_a_date_of_the_text():
    """Two undated reports of one exchange a day apart are lent their own publication dates: still one
    event, dated by the text's date where a third report gives one."""
    first = {**_row("m1", "a1"), "date": "2023-12-07", "date_precision": "day", "date_source": "publication"}
    second = {**_row("m2", "a2"), "date": "2023-12-08", "date_precision": "day", "date_source": "publication"}
    (event,) = cluster_events([dict(first), dict(second)], ARTICLES)
    assert (event["n_mentions"], event["date"], event["date_source"]) == (2, "2023-12-07", "publication")
    dated = {**_row("m3", "a3", date="2023-12-06"), "date_source": "sentence"}
    (event,) = cluster_events([dict(first), dict(second), dated], ARTICLES)
    assert (event["n_mentions"], event["date"], event["date_source"]) == (3, "2023-12-06", "sentence")
