"""The report's sections on hand-built runs (no model): the events table and its filter data, the
timeline's band of events it leaves off, the fitted map and its labels, the network and the
agreements' date axis. The browser test of the whole page is in test_outputs.py."""

from __future__ import annotations

import itertools
import re

import pandas as pd
import pytest

from caucasus_nlp.report import Run, header_line
from caucasus_nlp.report.agreements import agreements_section
from caucasus_nlp.report.events_table import events_section
from caucasus_nlp.report.geography import Box, map_section, place_labels
from caucasus_nlp.report.network import network_svg
from caucasus_nlp.report.timeline import timeline_svg
from caucasus_nlp.tables import TABLES, enforce_schema

PLACES = {  # entity_id: (name, longitude, latitude)
    "geonames:616052": ("Yerevan", 44.51, 40.18),
    "geonames:174982": ("Armenia", 44.5, 40.25),
    "geonames:587084": ("Baku", 49.89, 40.38),
    "geonames:616635": ("Gyumri", 43.85, 40.79),
    "geonames:2747373": ("The Hague", 4.3, 52.08),
}
ACTORS = {"person:nikol-pashinyan": "Nikol Pashinyan", "person:ilham-aliyev": "Ilham Aliyev", "org:eu": "European Union",
          "org:un": "United Nations"}


def table(name: str, rows: list[dict], defaults: dict | None = None) -> pd.DataFrame:
    columns = TABLES[name].column_names
    return enforce_schema(name, pd.DataFrame([{c: (defaults or {}).get(c) for c in columns} | row for row in rows], columns=columns))


def event(event_id: str, event_type: str = "CONSULT", date: str | None = "2023-06-01", place: str | None = None,
          actors: tuple[str, ...] = (), targets: tuple[str, ...] = ()) -> dict:
    lon_lat = PLACES[place][1:] if place else (None, None)
    return {"event_id": event_id, "event_type": event_type, "date": date, "location_id": place, "longitude": lon_lat[0], "latitude": lon_lat[1],
            "actors": list(actors), "targets": list(targets), "modality": "asserted", "n_mentions": 1, "n_articles": 1, "n_outlets": 1,
            "first_article_id": "a1"}


def make_run(events: list[dict], published: str | None = "2023-06-15", agreement_mentions: list[dict] = ()) -> Run:
    entities = [{"entity_id": i, "name": name, "type": "GPE", "longitude": lon, "latitude": lat, "in_kb": True, "n_mentions": 1, "n_articles": 1}
                for i, (name, lon, lat) in PLACES.items()]
    entities += [{"entity_id": i, "name": name, "type": "PERSON", "in_kb": True, "n_mentions": 1, "n_articles": 1} for i, name in ACTORS.items()]
    article = {"article_id": "a1", "dump": "d.txt", "seq": 0, "title": "T", "text": "T", "outlet": "Wire", "published": published,
               "raw_start": 0, "raw_end": 1, "n_tokens": 1}
    mentions = [{"event_mention_id": f"m-{e['event_id']}", "event_id": e["event_id"], "article_id": "a1", "sent_idx": 0, "event_type": e["event_type"],
                 "trigger": "met", "trigger_start": 0, "modality": "asserted", "sentence": f"Sentence of {e['event_id']}.", "rule_id": "verb:meet"}
                for e in events]
    agreements = [{"agreement_id": "agreement:peace", "name": "Peace treaty", "kind": "peace_treaty", "n_mentions": len(agreement_mentions),
                   "n_articles": 1}] if agreement_mentions else []
    return Run(articles=table("articles", [article]), mentions=table("mentions", []), entities=table("entities", entities),
               agreements=table("agreements", agreements), agreement_mentions=table("agreement_mentions", list(agreement_mentions)),
               event_mentions=table("event_mentions", mentions), events=table("events", events),
               manifest={"n_articles": 1, "inputs": ["d.txt"], "finished": "2023-06-16T00:00:00"})


def test_every_event_is_a_row_anchored_by_its_id_with_what_the_filters_read():
    run = make_run([event("e1", "ASSAULT", "2023-05-02", "geonames:587084", ("person:ilham-aliyev",), ("geonames:174982",)),
                    event("e2", "CONSULT", None, None, ("person:nikol-pashinyan", "org:eu")),
                    event("e3", "AGREE", "1994-05-12")])
    html, rows = events_section(run, {"a1"})
    found = re.findall(r'<tr id="event-(\w+)" class="event-row" data-type="(\w+)" data-involved="([^"]*)" data-day="([^"]*)" data-when="(\w+)"', html)
    assert rows == 3
    assert sorted(found) == [("e1", "ASSAULT", "person:ilham-aliyev geonames:174982", "2023-05-02", "window"),
                             ("e2", "CONSULT", "person:nikol-pashinyan org:eu", "", "undated"),
                             ("e3", "AGREE", "", "1994-05-12", "history")]
    # newest in the news window first, then history, then the undated
    assert [f[0] for f in found] == ["e1", "e3", "e2"]
    assert "Sentence of e2." in html and 'href="#article-a1"' in html
    # the actor filter offers each party once, most involved first
    assert re.findall(r'<option value="(person:[\w-]+)">', html) == ["person:ilham-aliyev", "person:nikol-pashinyan"]


def test_a_run_without_events_has_an_empty_table_and_says_so():
    assert events_section(make_run([]), set()) == ("<p>No events.</p>", 0)


def test_a_sentence_links_to_its_article_only_where_the_report_prints_it():
    run = make_run([event("e1")])
    assert 'href="#article-a1"' in events_section(run, {"a1"})[0]
    assert 'href="#article-a1"' not in events_section(run, set())[0] and "(Wire 2023-06-15)" in events_section(run, set())[0]


def test_the_timeline_draws_the_news_window_and_counts_what_it_leaves_off():
    run = make_run([event("e1", date="2023-05-02"), event("e2", date="2023-06"), event("e3", date="1990-01-01"),
                    event("e4", date="2030-01-01"), event("e5", date=None), event("e6", date=None)])
    svg, drawn, off = timeline_svg(run)
    assert (drawn, off) == (2, {"undated": 2, "history": 1, "ahead": 1})
    assert svg.count('class="timeline-point"') == 2
    assert re.findall(r'class="when-link" data-when="(\w+)" href="\?when=\1#events">(\d+) ', svg) == [
        ("undated", "2"), ("history", "1"), ("ahead", "1")]


def test_without_publication_dates_every_dated_event_is_on_the_timeline():
    run = make_run([event("e1", date="1990-01-01"), event("e2", date="2030-01-01"), event("e3", date=None)], published=None)
    assert timeline_svg(run)[1:] == (2, {"undated": 1, "history": 0, "ahead": 0})


def test_the_header_keeps_the_news_window_apart_from_history_and_deadlines():
    from caucasus_nlp.report import ReportSummary

    run = make_run([event("e1", date="2023-05-02"), event("e3", date="1990-01-01"), event("e5", date=None)])
    summary = ReportSummary(1, {"undated": 1, "history": 1, "ahead": 0}, 3, 0, 0, 1)
    line = header_line(run, summary)
    assert "articles published 2023-06-15 to 2023-06-15" in line
    assert "3 events: 1 dated in the news window, 1 recalled history, 1 undated" in line


def test_the_map_is_fitted_to_where_most_events_are_and_lists_the_rest():
    run = make_run([event("e1", place="geonames:587084"), event("e2", place="geonames:616052"), event("e3", place="geonames:616635"),
                    event("e4", place="geonames:2747373")])
    html, drawn_events, drawn_places = map_section(run)
    assert (drawn_events, drawn_places) == (3, 4)
    assert "Outside this frame: The Hague (1 event, 1 mention)." in html
    assert html.count('class="event-point"') == 3 and 'href="#event-e4"' not in html


@pytest.mark.parametrize(
    "events, says",
    [
        ([event("e1"), event("e2")], "2 of 2 events are not on the map: 2 name no place."),
        ([event("e1", place="geonames:587084") | {"longitude": None, "latitude": None}, event("e2")],
         "2 of 2 events are not on the map: 1 name no place and 1 name a place with no coordinates."),
        ([event("e1", place="geonames:587084"), event("e2")], "1 of 2 events are not on the map: 1 name no place."),
        ([event("e1", place="geonames:587084")], None),
    ],
)
def test_a_map_says_why_events_are_missing_from_it(events, says):
    html = map_section(make_run(events))[0]
    assert (re.search(r"\d+ of \d+ events are not on the map[^<]*", html) or [None])[0] == says


def test_a_run_with_nothing_placed_says_so_instead_of_drawing_an_empty_map():
    run = make_run([event("e1")])
    run.entities = run.entities.assign(longitude=None, latitude=None)
    assert map_section(run) == ("<p>No event or place has coordinates. 1 of 1 events are not on the map: 1 name no place.</p>", 0, 0)


def _overlapping(labels, markers) -> list:
    boxes = [label.box for label in labels]
    clashes = [(a, b) for a, b in itertools.combinations(boxes, 2) if a.overlaps(b)]
    return clashes + [(box, m) for box in boxes for m in markers if box.overlaps(Box(m[0] - m[2], m[1] - m[2], m[0] + m[2], m[1] + m[2]))]


@pytest.mark.parametrize(
    "named, markers, expected",
    [
        # a country and its capital a few pixels apart: both named, the second below the first's name
        ([("Armenia", 500, 300, 6), ("Yerevan", 503, 306, 4)], [], [("Armenia", "start"), ("Yerevan", "middle")]),
        # a point at the right edge is named on its left
        ([("Baku", 995, 100, 4)], [], [("Baku", "end")]),
        # a marker to the right of a point pushes its name to the left
        ([("Gyumri", 100, 100, 3)], [(112, 100, 4)], [("Gyumri", "end")]),
        # a frame too small for any side: the name is left out, not drawn over the edge
        ([("Nagorno-Karabakh", 10, 6, 3)], [], []),
        # a crowd: each name set is clear of every other name and every marker
        ([(f"Village {i}", 300 + 7 * i, 200 + 5 * (i % 3), 3) for i in range(12)], [(330, 210, 4)], None),
    ],
)
def test_place_labels_collide_with_no_label_no_marker_and_no_edge(named, markers, expected):
    frame = Box(0, 0, 1000, 8) if expected == [] else Box(0, 0, 1000, 600)
    labels = place_labels(named, markers, frame)
    others = [(x, y, r) for _, x, y, r in named] + markers
    own = {label.text: next((x, y, r) for t, x, y, r in named if t == label.text) for label in labels}
    assert all(not label.box.overlaps(other.box) for label in labels for other in labels if other is not label)
    assert all(not label.box.overlaps(Box(x - r, y - r, x + r, y + r)) for label in labels for x, y, r in others if (x, y, r) != own[label.text])
    assert all(frame.left <= lb.box.left and lb.box.right <= frame.right and frame.top <= lb.box.top and lb.box.bottom <= frame.bottom
               for lb in labels)
    if expected is not None:
        assert [(label.text, label.anchor) for label in labels] == expected
    else:
        assert labels[0].text == "Village 0"  # the most important is named first, whatever the crowd


def test_the_network_is_laid_out_the_same_each_time_and_shows_every_name_uncropped():
    events = [event(f"e{i}", actors=(a,), targets=(t,)) for i, (a, t) in enumerate(
        [("person:nikol-pashinyan", "person:ilham-aliyev"), ("person:ilham-aliyev", "person:nikol-pashinyan"),
         ("org:eu", "person:ilham-aliyev"), ("org:un", "person:nikol-pashinyan"), ("org:eu", "person:nikol-pashinyan")])]
    run = make_run(events)
    weight = {"person:nikol-pashinyan": 4, "person:ilham-aliyev": 3, "org:eu": 2, "org:un": 1}
    from collections import Counter

    svg = network_svg(run, Counter(weight))
    assert svg == network_svg(run, Counter(weight))
    left, top, width, height = map(float, re.search(r'class="network" viewBox="([-\d.]+) ([-\d.]+) ([\d.]+) ([\d.]+)"', svg).groups())
    labels = re.findall(r'<text class="node-label" x="([-\d.]+)" y="([-\d.]+)" text-anchor="(\w+)">([^<]+)</text>', svg)
    assert sorted(text for *_, text in labels) == sorted(ACTORS.values())
    for x, y, anchor, text in labels:
        half = 6.72 * len(text) * {"start": 0, "middle": 0.5, "end": 1}[anchor]
        start = float(x) - half
        assert left <= start and start + 6.72 * len(text) <= left + width and top <= float(y) - 11 and float(y) <= top + height, text
    assert re.findall(r'<g class="node" data-actor="([^"]+)"', svg) == list(weight)
    assert svg.count('class="edge"') == 5


def test_a_network_needs_two_actors():
    from collections import Counter

    assert network_svg(make_run([event("e1", actors=("org:eu",))]), Counter({"org:eu": 1})) == ""


def test_agreement_strips_share_a_date_axis():
    mentions = [{"agreement_mention_id": "am1", "agreement_id": "agreement:peace", "article_id": "a1", "sent_idx": 0, "start": 0, "end": 1,
                 "text": "the peace treaty", "status": "proposed", "rule_id": "r"}]
    html = agreements_section(make_run([], agreement_mentions=mentions))
    assert re.findall(r'class="tick-label"[^>]*>([\d-]+)</text>', html) == ["2023-07"]
    assert html.count('class="status-point"') == 1 and 'fill="#bcbd22"' in html


def test_a_mention_of_an_article_the_run_does_not_print_has_no_dot_and_breaks_nothing():
    mentions = [{"agreement_mention_id": f"am{i}", "agreement_id": "agreement:peace", "article_id": article, "sent_idx": 0, "start": 0,
                 "end": 1, "text": "the peace treaty", "status": "signed", "rule_id": "r"} for i, article in enumerate(("a1", "gone"))]
    html = agreements_section(make_run([], agreement_mentions=mentions))
    assert html.count('class="status-point"') == 1 and "signed 2" in html


def test_the_report_and_the_tables_it_reads_import_no_spacy():
    """`report`, `show` and `export` never load a model: their modules (and the date helpers the report
    shares with the extractor) import neither spaCy nor torch, which cost seconds to import."""
    import subprocess
    import sys

    code = ("import sys\nimport caucasus_nlp.report.run, caucasus_nlp.export, caucasus_nlp.store, caucasus_nlp.extract.dates\n"
            "print(sorted(m for m in ('spacy', 'torch') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
