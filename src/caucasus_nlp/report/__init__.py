"""`caucasus-nlp report`: one self-contained HTML page for looking at a run.

Everything is drawn here as inline SVG and styled by inline CSS, so the page opens from a file or a
mail attachment with no network at all: no tiles, fonts or scripts are fetched. The sections:

- an event timeline, one row per PLOVER type, a dot per dated event (larger when more reports);
- a map of event locations and mentioned places over Natural Earth country outlines
  (resources/countries_110m.jsonl), in an equirectangular projection fitted to the points;
- the most active actors and who acts on whom, as a table and a circular network;
- agreements with the status of every mention, placed at the mentioning article's date;
- one collapsible page per article, its entities and event triggers highlighted with displaCy.

A small script toggles event types on the timeline and marks the page ready (`body[data-ready]`),
recording any error in `body[data-errors]`: the browser test reads both.
"""

from __future__ import annotations

import datetime as dt
import html
import math
from collections import Counter
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path

import pandas as pd

from caucasus_nlp import __version__
from caucasus_nlp.extract.dates import start_of
from caucasus_nlp.files import write_atomically
from caucasus_nlp.kb import read_jsonl
from caucasus_nlp.tables import TABLES, read_manifest
from caucasus_nlp.vocabulary import PLOVER_TYPES

# One colour per PLOVER type: cooperative types in blues and greens, conflictual ones in oranges and reds.
TYPE_COLOURS = dict(zip(PLOVER_TYPES, ("#1f77b4", "#4c9be8", "#17becf", "#2ca02c", "#98df8a", "#7fbf7b", "#bcbd22", "#9467bd",
                                       "#c5b0d5", "#8c564b", "#e377c2", "#ff9896", "#ff7f0e", "#d6a100", "#d62728", "#7f0000"), strict=True))
STATUS_COLOURS = {"signed": "#2ca02c", "implemented": "#1f77b4", "negotiated": "#9467bd", "proposed": "#bcbd22",
                  "violated": "#d62728", "referenced": "#7f7f7f"}
ENTITY_COLOURS = {"PERSON": "#fde2a7", "ORG": "#c7e0f4", "GPE": "#d4edc9", "LOC": "#d4edc9", "FAC": "#d4edc9",
                  "NORP": "#eadcf5", "DATE": "#f0f0f0"}
WIDTH = 1000
TOP_ACTORS = 15
NETWORK_NODES = 16
MAP_FOCUS_PLACES = 8
MAP_ASPECT = (0.45, 0.8)
ZOOM_ABOVE_DEGREES = 30
ZOOM_RADIUS_DEGREES = 8
# The timeline covers the articles' publication dates, from this many days before the first (the
# background events they recall) to this many after the last (what they announce).
TIMELINE_BEFORE_DAYS = 365
TIMELINE_AFTER_DAYS = 180


@dataclass
class Run:
    """The tables of one run, read from its Parquet files."""

    articles: pd.DataFrame
    mentions: pd.DataFrame
    entities: pd.DataFrame
    agreements: pd.DataFrame
    agreement_mentions: pd.DataFrame
    event_mentions: pd.DataFrame
    events: pd.DataFrame
    manifest: dict

    @classmethod
    def read(cls, folder: Path) -> Run:
        """Raises FileNotFoundError or SchemaError (see tables.read_manifest)."""
        manifest = read_manifest(folder)
        # the tables the report draws on, not every table of the run (dates, dropped_event_candidates)
        frames = {f.name: pd.read_parquet(folder / f"{f.name}.parquet") for f in fields(cls) if f.name in TABLES}
        return cls(**frames, manifest=manifest)

    def name(self, entity_id: str) -> str:
        return self._names.get(entity_id, entity_id)

    def __post_init__(self):
        self._names = dict(zip(self.entities["entity_id"], self.entities["name"], strict=True))
        # a repeat shares its first copy's article_id, and its own dump's date would overwrite that copy's
        self.first_copies = self.articles[self.articles["duplicate_of"].isna()]


@dataclass
class ReportSummary:
    timeline_points: int
    timeline_outside: int  # dated events outside the timeline's window
    event_points: int
    place_points: int
    articles: int


def write_report(folder: str | Path, out: str | Path, max_articles: int = 200) -> ReportSummary:
    """Write the report of the run in `folder` to `out`; returns what it drew (the browser test checks it)."""
    run = Run.read(Path(folder))
    body, summary = _body(run, max_articles)
    write_atomically(out, _page(run, body, summary).encode("utf-8"))  # a failed write keeps the old report whole
    return summary


def _body(run: Run, max_articles: int) -> tuple[str, ReportSummary]:
    timeline, n_timeline, n_outside = timeline_svg(run)
    map_svg, n_events, n_places = map_section(run)
    articles, n_articles = article_pages(run, max_articles)
    sections = [
        ("timeline", "Event timeline", timeline),
        ("map", "Map of events and places", map_svg),
        ("actors", "Actors and who acts on whom", actors_section(run)),
        ("agreements", "Agreements and their status over time", agreements_section(run)),
        ("articles", "Articles", articles),
    ]
    nav = " · ".join(f'<a href="#{key}">{title}</a>' for key, title, _ in sections)
    parts = [f"<nav>{nav}</nav>"] + [f'<section id="{key}"><h2>{title}</h2>{content}</section>' for key, title, content in sections]
    return "\n".join(parts), ReportSummary(n_timeline, n_outside, n_events, n_places, n_articles)


def _page(run: Run, body: str, summary: ReportSummary) -> str:
    m = run.manifest
    dated = run.events["date"].dropna()
    span = f"{dated.min()} to {dated.max()}" if len(dated) else "no dated events"
    header = (f"{m['n_articles']} articles from {len(m['inputs'])} inputs · {len(run.events)} events · {len(run.entities)} entities · "
              f"events {span} · {m.get('profile', 'fast')} profile · run finished {m['finished']}")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>caucasus-nlp report</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>{CSS}</style></head>
<body data-timeline-points="{summary.timeline_points}" data-event-points="{summary.event_points}" data-place-points="{summary.place_points}">
<header><h1>caucasus-nlp report</h1><p>{html.escape(header)}</p></header>
{body}
<footer>Generated {dt.datetime.now(dt.UTC).isoformat(timespec="seconds")} by caucasus-nlp {__version__}. Map outlines: Natural Earth (public domain).</footer>
<script>{SCRIPT}</script>
</body></html>
"""


# --- timeline -------------------------------------------------------------------------------------


def timeline_svg(run: Run) -> tuple[str, int, int]:
    """The timeline's SVG, the events drawn, and the dated events outside its window."""
    dated = run.events.assign(day=run.events["date"].map(start_of)).dropna(subset=["day"])
    published = [d for d in run.first_copies["published"].map(start_of) if d is not None]
    if published:
        start = min(published) - dt.timedelta(days=TIMELINE_BEFORE_DAYS)
        end = max(published) + dt.timedelta(days=TIMELINE_AFTER_DAYS)
        events = dated[(dated["day"] >= start) & (dated["day"] <= end)]
    else:
        events = dated
    outside = len(dated) - len(events)
    if events.empty:
        return "<p>No dated events.</p>", 0, outside
    types = [t for t in PLOVER_TYPES if t in set(events["event_type"])]
    first, last = events["day"].min(), events["day"].max()
    days = max((last - first).days, 30)
    left, row_h, top = 110, 24, 10
    height = top + row_h * len(types) + 40

    def x(day: dt.date) -> float:
        return left + (WIDTH - left - 20) * (day - first).days / days

    parts = [f'<svg class="timeline" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" aria-label="event timeline">']
    for i, event_type in enumerate(types):
        y = top + row_h * i + row_h / 2
        parts.append(f'<g class="timeline-row" data-type="{event_type}"><text x="{left - 8}" y="{y + 4}" text-anchor="end">{event_type}</text>'
                     f'<line x1="{left}" x2="{WIDTH - 20}" y1="{y}" y2="{y}" class="grid"/></g>')
    for tick in _ticks(first, first + dt.timedelta(days=days)):
        tx = x(tick)
        parts.append(f'<line x1="{tx:.1f}" x2="{tx:.1f}" y1="{top}" y2="{height - 30}" class="tick"/>'
                     f'<text x="{tx:.1f}" y="{height - 14}" text-anchor="middle" class="tick-label">{tick.isoformat()[:7]}</text>')
    for event in events.sort_values("n_mentions").itertuples():
        y = top + row_h * types.index(event.event_type) + row_h / 2
        radius = 3 + 2 * math.log2(event.n_mentions)
        label = f"{event.date} {event.event_type} ({cell(event.subtype)}): {names_of(run, event.actors)} → {names_of(run, event.targets)}; {event.n_mentions} reports"
        parts.append(f'<circle class="timeline-point" data-type="{event.event_type}" cx="{x(event.day):.1f}" cy="{y}" r="{radius:.1f}" '
                     f'fill="{TYPE_COLOURS.get(event.event_type, "#555")}"><title>{html.escape(label)}</title></circle>')
    parts.append("</svg>")
    legend = "".join(f'<label><input type="checkbox" class="type-toggle" value="{t}" checked> '
                     f'<span class="swatch" style="background:{TYPE_COLOURS[t]}"></span>{t} ({(events["event_type"] == t).sum()})</label>' for t in types)
    undated = len(run.events) - len(dated)
    away = (f"; {outside} dated more than {TIMELINE_BEFORE_DAYS} days before the first article or {TIMELINE_AFTER_DAYS} after the last "
            f"(history recalled, deadlines announced)" if outside else "")
    note = f"<p>{len(events)} events drawn; {undated} without a date{away} are not. A dot's size grows with its reports.</p>"
    return f'<div class="legend">{legend}</div>{"".join(parts)}{note}', len(events), outside


def _ticks(first: dt.date, last: dt.date) -> list[dt.date]:
    """Month starts, thinned to at most about ten ticks."""
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    step = max(1, math.ceil(months / 10))
    ticks, year, month = [], first.year, first.month
    for i in range(months + 1):
        day = dt.date(year, month, 1)
        if first <= day <= last and i % step == 0:
            ticks.append(day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return ticks


def cell(value) -> str:
    """A cell's text: empty for a missing value (None or pandas' NA/NaN)."""
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else html.escape(str(value))


# An empty cell printed as a visible dash, not a blank that reads as a gap in a table.
EMPTY = "—"


def names_of(run: Run, ids) -> str:
    """The names of the entities of a list column (actors, targets), or EMPTY for none."""
    return ", ".join(run.name(i) for i in (ids if ids is not None else [])) or EMPTY


# --- map ------------------------------------------------------------------------------------------


@dataclass
class _Projection:
    """Equirectangular, fitted to a box of longitude and latitude and corrected for its mean latitude."""

    west: float
    south: float
    east: float
    north: float
    width: float = WIDTH

    @property
    def height(self) -> float:
        return round(self.width * (self.north - self.south) / ((self.east - self.west) * self._shrink))

    @property
    def _shrink(self) -> float:
        """How much shorter a degree of longitude is than one of latitude at the box's middle."""
        return math.cos(math.radians((self.north + self.south) / 2))

    def contains(self, lon: float, lat: float) -> bool:
        return self.west <= lon <= self.east and self.south <= lat <= self.north

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return ((lon - self.west) / (self.east - self.west) * self.width, (self.north - lat) / (self.north - self.south) * self.height)

    @classmethod
    def fitted(cls, lons: list[float], lats: list[float]) -> _Projection:
        """The points' box with a margin, widened in one direction so that the map's height is
        between MAP_ASPECT[0] and MAP_ASPECT[1] of its width without distorting shapes."""
        west, east, south, north = min(lons), max(lons), min(lats), max(lats)
        pad_x, pad_y = max((east - west) * 0.1, 2.0), max((north - south) * 0.1, 1.5)
        box = cls(max(west - pad_x, -180), max(south - pad_y, -80), min(east + pad_x, 180), min(north + pad_y, 80))
        aspect = box.height / box.width
        if aspect < MAP_ASPECT[0]:  # a wide strip: add latitude around its middle
            middle, half = (box.north + box.south) / 2, (box.north - box.south) * MAP_ASPECT[0] / aspect / 2
            box = cls(box.west, max(middle - half, -80), box.east, min(middle + half, 80))
        elif aspect > MAP_ASPECT[1]:  # a tall column: add longitude around its middle
            middle, half = (box.east + box.west) / 2, (box.east - box.west) * aspect / MAP_ASPECT[1] / 2
            box = cls(max(middle - half, -180), box.south, min(middle + half, 180), box.north)
        return box


def map_section(run: Run) -> tuple[str, int, int]:
    """The map of every placed event and place, and a close-up of where most of them are when the
    map spans more than ZOOM_ABOVE_DEGREES of longitude (a capital abroad widens it to a continent)."""
    events = run.events.dropna(subset=["latitude", "longitude"])
    places = run.entities.dropna(subset=["latitude", "longitude"])
    if events.empty and places.empty:
        return "<p>No event or place has coordinates.</p>", 0, 0
    # fit the map to the events and the most mentioned places (a stray far-off namesake, mentioned
    # once, should not shrink the region to a corner of the world)
    focus = pd.concat([events[["longitude", "latitude"]], places.nlargest(MAP_FOCUS_PLACES, "n_mentions")[["longitude", "latitude"]]])
    proj = _Projection.fitted(list(focus["longitude"]), list(focus["latitude"]))
    outside = sum(1 for p in places.itertuples() if not proj.contains(p.longitude, p.latitude))
    note = (f"<p>Squares: {len(events)} events with a place (colour = type). Dots: {len(places)} mentioned places"
            f"{f', {outside} of them outside this frame' if outside else ''}. Hover for names.</p>")
    parts = [_map_svg(run, proj, events, places, "map", ""), note]
    core = _around_the_most_mentioned(places)
    if proj.east - proj.west > ZOOM_ABOVE_DEGREES and len(core) > 1:
        zoom = _Projection.fitted(list(core["longitude"]), list(core["latitude"]))
        if zoom.east - zoom.west < (proj.east - proj.west) / 2:
            parts += [f"<h3>Close-up: {zoom.south:.0f}–{zoom.north:.0f}°N, {zoom.west:.0f}–{zoom.east:.0f}°E</h3>",
                      _map_svg(run, zoom, events, places, "zoom", "zoom-")]
    return "".join(parts), len(events), len(places)


def _around_the_most_mentioned(places: pd.DataFrame) -> pd.DataFrame:
    """The places within ZOOM_RADIUS_DEGREES of the most mentioned one: the story's home region."""
    if places.empty:
        return places
    home = places.loc[places["n_mentions"].idxmax()]
    near = ((places["longitude"] - home.longitude).abs() <= ZOOM_RADIUS_DEGREES) & ((places["latitude"] - home.latitude).abs() <= ZOOM_RADIUS_DEGREES)
    return places[near]


def _map_svg(run: Run, proj: _Projection, events: pd.DataFrame, places: pd.DataFrame, name: str, prefix: str) -> str:
    """One map: country outlines, places as dots, events as squares, the dozen most mentioned places
    named. `prefix` keeps a close-up's points apart from the main map's (`zoom-event-point`)."""
    parts = [f'<svg class="map" viewBox="0 0 {proj.width} {proj.height}" width="100%" role="img" aria-label="{name}">',
             f'<defs><clipPath id="{name}-frame"><rect width="{proj.width}" height="{proj.height}"/></clipPath></defs>',
             f'<rect class="sea" width="{proj.width}" height="{proj.height}"/><g clip-path="url(#{name}-frame)">']
    parts += _countries(proj)
    for place in places.sort_values("n_mentions", ascending=False).itertuples():
        px, py = proj(place.longitude, place.latitude)
        label = f"{place.name}: {place.n_mentions} mentions in {place.n_articles} articles"
        parts.append(f'<circle class="{prefix}place-point" cx="{px:.1f}" cy="{py:.1f}" r="{2.5 + math.log2(max(1, place.n_mentions)):.1f}">'
                     f"<title>{html.escape(label)}</title></circle>")
    for event in events.itertuples():
        px, py = proj(event.longitude, event.latitude)
        label = f"{cell(event.date) or 'undated'} {event.event_type} at {run.name(event.location_id)}: {names_of(run, event.actors)}"
        parts.append(f'<rect class="{prefix}event-point" x="{px - 4:.1f}" y="{py - 4:.1f}" width="8" height="8" '
                     f'fill="{TYPE_COLOURS.get(event.event_type, "#555")}"><title>{html.escape(label)}</title></rect>')
    for place in places.nlargest(12, "n_mentions").itertuples():
        if proj.contains(place.longitude, place.latitude):
            px, py = proj(place.longitude, place.latitude)
            parts.append(f'<text class="place-label" x="{px + 5:.1f}" y="{py - 5:.1f}">{html.escape(place.name)}</text>')
    parts.append("</g></svg>")
    return "".join(parts)


@lru_cache(maxsize=1)
def country_outlines() -> tuple[dict, ...]:
    """The Natural Earth outlines, read once: a report with a close-up draws them twice."""
    return tuple(read_jsonl(None, "countries_110m.jsonl"))


def _countries(proj: _Projection) -> list[str]:
    paths = []
    for feature in country_outlines():
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        d = []
        for polygon in polygons:
            for ring in polygon:
                lons, lats = [p[0] for p in ring], [p[1] for p in ring]
                if max(lons) < proj.west or min(lons) > proj.east or max(lats) < proj.south or min(lats) > proj.north:
                    continue
                points = [proj(lon, lat) for lon, lat in ring]
                d.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in points) + "Z")
        if d:
            paths.append(f'<path class="country" d="{"".join(d)}"><title>{html.escape(feature["properties"]["name"])}</title></path>')
    return paths


# --- actors ----------------------------------------------------------------------------------------


def actors_section(run: Run) -> str:
    events = run.events
    if events.empty:
        return "<p>No events.</p>"
    acts = Counter(a for actors in events["actors"] for a in actors)
    targeted = Counter(t for targets in events["targets"] for t in targets)
    types = {a: Counter() for a in acts}
    for row in events.itertuples():
        for a in row.actors:
            types[a][row.event_type] += 1
    rows = "".join(
        f"<tr><td>{html.escape(run.name(a))}</td><td>{n}</td><td>{targeted.get(a, 0)}</td>"
        f"<td>{', '.join(f'{t} {k}' for t, k in types[a].most_common(3))}</td></tr>"
        for a, n in acts.most_common(TOP_ACTORS)
    )
    table = f"<table><thead><tr><th>actor</th><th>acts in</th><th>target of</th><th>most frequent types</th></tr></thead><tbody>{rows}</tbody></table>"
    return table + _network(run, acts + targeted)


def _network(run: Run, weight: Counter) -> str:
    nodes = [n for n, _ in weight.most_common(NETWORK_NODES)]
    if len(nodes) < 2:
        return ""
    edges = Counter()
    for row in run.events.itertuples():
        for a in row.actors:
            for t in row.targets:
                if a in nodes and t in nodes and a != t:
                    edges[a, t] += 1
    size, radius = 560, 200
    centre = size / 2
    position = {n: (centre + radius * math.cos(2 * math.pi * i / len(nodes) - math.pi / 2),
                    centre + radius * math.sin(2 * math.pi * i / len(nodes) - math.pi / 2)) for i, n in enumerate(nodes)}
    parts = [f'<svg class="network" viewBox="-220 0 {size + 440} {size}" width="100%" role="img" aria-label="actor network">',
             '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">'
             '<path d="M0,0L10,5L0,10z" fill="#888"/></marker></defs>']
    for (a, t), n in edges.items():
        (x1, y1), (x2, y2) = position[a], position[t]
        parts.append(f'<line class="edge" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke-width="{1 + math.log2(n):.1f}" '
                     f'marker-end="url(#arrow)"><title>{html.escape(run.name(a))} → {html.escape(run.name(t))}: {n} events</title></line>')
    for n in nodes:
        x, y = position[n]
        anchor = "start" if x >= centre else "end"
        dx = 10 if x >= centre else -10
        parts.append(f'<circle class="node" cx="{x:.1f}" cy="{y:.1f}" r="{4 + 2 * math.log2(weight[n]):.1f}"><title>{html.escape(run.name(n))}</title></circle>'
                     f'<text x="{x + dx:.1f}" y="{y + 4:.1f}" text-anchor="{anchor}">{html.escape(run.name(n))}</text>')
    parts.append("</svg>")
    return f"<p>Arrows go from actor to target; thicker means more events. The {len(nodes)} most involved actors.</p>" + "".join(parts)


# --- agreements ------------------------------------------------------------------------------------


def agreements_section(run: Run) -> str:
    if run.agreements.empty:
        return "<p>No agreements mentioned.</p>"
    published = dict(zip(run.first_copies["article_id"], run.first_copies["published"].map(start_of), strict=True))
    mentions = run.agreement_mentions.assign(day=run.agreement_mentions["article_id"].map(published))
    days = [d for d in mentions["day"] if d is not None]
    first, last = (min(days), max(days)) if days else (None, None)
    span = max((last - first).days, 30) if days else 1
    strip_w = 360
    rows = []
    for agreement in run.agreements.sort_values("n_mentions", ascending=False).itertuples():
        own = mentions[mentions["agreement_id"] == agreement.agreement_id]
        dots = "".join(
            f'<circle class="status-point" cx="{6 + (strip_w - 12) * (m.day - first).days / span:.1f}" cy="9" r="4" '
            f'fill="{STATUS_COLOURS.get(m.status, "#555")}"><title>{m.day} {m.status}: {html.escape(m.text)}</title></circle>'
            for m in own.itertuples() if m.day is not None
        )
        statuses = ", ".join(f"{s} {n}" for s, n in Counter(own["status"]).most_common())
        rows.append(f"<tr><td>{html.escape(agreement.name)}</td><td>{agreement.kind}</td><td>{cell(agreement.date)}</td>"
                    f"<td>{agreement.n_mentions}</td><td>{statuses}</td>"
                    f'<td><svg class="strip" viewBox="0 0 {strip_w} 18" width="{strip_w}" height="18">{dots}</svg></td></tr>')
    legend = "".join(f'<span class="swatch" style="background:{c}"></span>{s} ' for s, c in STATUS_COLOURS.items())
    period = f"from {first} to {last}" if days else ""
    return (f"<p>Each dot is a mention, placed at its article's publication date {period}, coloured by the status the mention gives: {legend}</p>"
            f"<table><thead><tr><th>agreement</th><th>kind</th><th>date</th><th>mentions</th><th>statuses</th><th>over time</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


# --- articles --------------------------------------------------------------------------------------


def article_pages(run: Run, max_articles: int) -> tuple[str, int]:
    firsts = run.first_copies
    shown = firsts.assign(day=firsts["published"].map(start_of)).sort_values(["day", "dump", "seq"], ascending=[False, True, True],
                                                                               na_position="last").head(max_articles)
    mentions = run.mentions.groupby("article_id")
    events = run.event_mentions.groupby("article_id")
    colours = ENTITY_COLOURS | {f"EV {t}": "#ffd6d6" for t in PLOVER_TYPES}
    pages = []
    for article in shown.itertuples():
        own_mentions = mentions.get_group(article.article_id) if article.article_id in mentions.groups else run.mentions.iloc[0:0]
        own_events = events.get_group(article.article_id) if article.article_id in events.groups else run.event_mentions.iloc[0:0]
        spans = [(m.start, m.end, m.label) for m in own_mentions.itertuples()]
        spans += [(e.trigger_start, e.trigger_start + len(e.trigger), f"EV {e.event_type}") for e in own_events.itertuples()]
        markup = highlighted(article.text, _non_overlapping(spans), colours)
        rows = "".join(f"<tr><td>{e.event_type}</td><td>{html.escape(e.trigger)}</td><td>{html.escape(names_of(run, e.actors))}</td>"
                       f"<td>{html.escape(names_of(run, e.targets))}</td><td>{cell(e.date)}</td><td>{e.modality}</td></tr>" for e in own_events.itertuples())
        table = (f"<table><thead><tr><th>type</th><th>trigger</th><th>actors</th><th>targets</th><th>date</th><th>modality</th></tr></thead>"
                 f"<tbody>{rows}</tbody></table>") if rows else "<p>No events.</p>"
        meta = " · ".join(html.escape(str(v)) for v in (article.outlet, article.published, article.dump) if isinstance(v, str) and v)
        pages.append(f'<details class="article" id="article-{article.article_id}"><summary><b>{html.escape(article.title)}</b> '
                     f"<span class=\"meta\">{meta} · {len(own_mentions)} mentions · {len(own_events)} events</span></summary>"
                     f'<div class="article-body">{markup}</div>{table}</details>')
    note = f"<p>{len(shown)} of {len(firsts)} articles, newest first. Highlighted: entities by type, and event triggers (EV).</p>"
    return note + "".join(pages), len(shown)


def highlighted(text: str, spans: list[tuple[int, int, str]], colours: dict[str, str]) -> str:
    """The text as HTML with each span marked and labelled, in displaCy's entity style (ordered spans
    that do not overlap), without importing spaCy: the report reads tables, it loads no model."""
    parts, at = [], 0
    for start, end, label in spans:
        parts.append(html.escape(text[at:start]).replace("\n", "<br>"))
        colour = colours.get(label, "#ddd")
        parts.append(f'<mark class="entity" style="background: {colour}; padding: 0.1em 0.3em; border-radius: 0.3em">'
                     f'{html.escape(text[start:end])}<span style="font-size: 0.7em; font-weight: bold; margin-left: 0.4em">{html.escape(label)}</span></mark>')
        at = end
    parts.append(html.escape(text[at:]).replace("\n", "<br>"))
    return f'<div class="entities">{"".join(parts)}</div>'


def _non_overlapping(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Ordered spans that do not overlap, as highlighting needs: the earlier, then longer, wins."""
    kept: list[tuple[int, int, str]] = []
    for start, end, label in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end, label))
    return kept


CSS = """
body { font-family: system-ui, -apple-system, Segoe UI, sans-serif; margin: 0 auto; max-width: 1080px; padding: 0 16px 40px; color: #222; }
header h1 { margin-bottom: 0; } header p, .meta, footer { color: #666; font-size: 0.9em; }
nav { position: sticky; top: 0; background: #fff; padding: 8px 0; border-bottom: 1px solid #ddd; z-index: 1; }
section { margin-top: 28px; } h2 { border-bottom: 2px solid #eee; }
table { border-collapse: collapse; width: 100%; font-size: 0.9em; margin: 8px 0; }
th, td { text-align: left; padding: 3px 6px; border-bottom: 1px solid #eee; vertical-align: top; }
svg text { font-size: 11px; fill: #333; }
.grid { stroke: #eee; } .tick { stroke: #f3f3f3; } .tick-label { fill: #888; }
.timeline-point { stroke: #fff; stroke-width: 0.8; opacity: 0.85; } .timeline-point.hidden { display: none; }
.legend label { margin-right: 10px; font-size: 0.85em; white-space: nowrap; }
.swatch { display: inline-block; width: 10px; height: 10px; margin: 0 3px 0 2px; border-radius: 2px; }
.sea { fill: #eef5fb; } .zoom-place-point { fill: #3c78b4; fill-opacity: 0.55; stroke: #fff; stroke-width: 0.6; }
.zoom-event-point { stroke: #222; stroke-width: 0.6; } .country { fill: #f7f4ec; stroke: #b9b2a0; stroke-width: 0.6; }
.place-point { fill: #3c78b4; fill-opacity: 0.55; stroke: #fff; stroke-width: 0.6; }
.event-point { stroke: #222; stroke-width: 0.6; } .place-label { font-size: 10px; fill: #234; }
.edge { stroke: #999; stroke-opacity: 0.7; } .node { fill: #d62728; fill-opacity: 0.8; }
.article { border: 1px solid #eee; border-radius: 4px; margin: 6px 0; padding: 6px 10px; }
.article-body { line-height: 2; margin: 8px 0; }
"""

SCRIPT = """
(function () {
  var errors = [];
  window.addEventListener('error', function (e) { errors.push(String(e.message)); document.body.dataset.errors = errors.join(' | '); });
  try {
    document.querySelectorAll('.type-toggle').forEach(function (box) {
      box.addEventListener('change', function () {
        document.querySelectorAll('.timeline-point[data-type="' + box.value + '"]').forEach(function (dot) {
          dot.classList.toggle('hidden', !box.checked);
        });
      });
    });
    if (location.hash.indexOf('#article-') === 0) {
      var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (target) { target.open = true; }
    }
    document.body.dataset.drawnTimeline = document.querySelectorAll('.timeline-point').length;
    document.body.dataset.drawnEvents = document.querySelectorAll('.event-point').length;
    document.body.dataset.drawnPlaces = document.querySelectorAll('.place-point').length;
    document.body.dataset.ready = '1';
  } catch (e) {
    errors.push(String(e)); document.body.dataset.errors = errors.join(' | ');
  }
})();
"""
