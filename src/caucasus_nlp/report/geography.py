"""The map of event locations and mentioned places over Natural Earth country outlines
(resources/countries_110m.jsonl), in an equirectangular projection.

The frame is fitted to where most events are, not to every point: one event in The Hague would
otherwise shrink the Caucasus to a speck. What lies outside the frame is listed under the map.
Place names are set where they collide with no other name and no marker, or left to the hover
title; a map with no placed event says why."""

from __future__ import annotations

import html
import math
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from caucasus_nlp.kb import read_jsonl
from caucasus_nlp.report.run import TYPE_COLOURS, Run, names_of

WIDTH = 1000
MAP_ASPECT = (0.45, 0.8)
# the frame holds the points within this many degrees (each way) of the densest point
FOCUS_RADIUS_DEGREES = 10
LABELLED_PLACES = 20
OUTSIDE_LISTED = 15
# label metrics of the CSS (.place-label, 10px system-ui): a character's mean width and the line height
CHAR_WIDTH, LINE_HEIGHT = 5.6, 11


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: Box) -> bool:
        return self.left < other.right and other.left < self.right and self.top < other.bottom and other.top < self.bottom


@dataclass(frozen=True)
class Label:
    text: str
    x: float
    y: float
    anchor: str  # SVG text-anchor: start, end or middle
    box: Box
    index: int  # of its point among those named


def place_labels(named: list[tuple[str, float, float, float]], markers: list[tuple[float, float, float]], frame: Box,
                 char_width: float = CHAR_WIDTH) -> list[Label]:
    """Labels for the named points (text, x, y, marker radius), most important first: each goes
    right, left, above or below its point, whichever first overlaps no label already set, no other
    marker (of `named` or `markers`: x, y, radius) and stays inside `frame`. A label with no such
    place is left out; its point keeps its hover title. `char_width` is the font's mean character width."""
    circles = [(x, y, r) for _, x, y, r in named] + list(markers)
    taken = [Box(x - r, y - r, x + r, y + r) for x, y, r in circles]
    labels: list[Label] = []
    for i, (text, x, y, r) in enumerate(named):
        w = char_width * len(text)
        candidates = (
            (x + r + 3, y + 4, "start", Box(x + r + 2, y - LINE_HEIGHT / 2, x + r + 3 + w, y + LINE_HEIGHT / 2)),
            (x - r - 3, y + 4, "end", Box(x - r - 3 - w, y - LINE_HEIGHT / 2, x - r - 2, y + LINE_HEIGHT / 2)),
            (x, y - r - 4, "middle", Box(x - w / 2, y - r - 3 - LINE_HEIGHT, x + w / 2, y - r - 3)),
            (x, y + r + 12, "middle", Box(x - w / 2, y + r + 3, x + w / 2, y + r + 3 + LINE_HEIGHT)),
        )
        others = taken[:i] + taken[i + 1 :]  # its own marker does not block it
        for lx, ly, anchor, box in candidates:
            inside = box.left >= frame.left and box.top >= frame.top and box.right <= frame.right and box.bottom <= frame.bottom
            if inside and not any(box.overlaps(t) for t in others):
                labels.append(Label(text, lx, ly, anchor, box, i))
                taken.append(box)
                break
    return labels


@dataclass
class Projection:
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

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return ((lon - self.west) / (self.east - self.west) * self.width, (self.north - lat) / (self.north - self.south) * self.height)

    @classmethod
    def fitted(cls, lons: list[float], lats: list[float]) -> Projection:
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


def focus(points: pd.DataFrame) -> pd.DataFrame:
    """The points (longitude, latitude, weight) within FOCUS_RADIUS_DEGREES of the point with the most
    weight that near it: where most of the story happens."""
    lon, lat, weight = points["longitude"].to_numpy(), points["latitude"].to_numpy(), points["weight"].to_numpy()

    def near(i: int):
        return (abs(lon - lon[i]) <= FOCUS_RADIUS_DEGREES) & (abs(lat - lat[i]) <= FOCUS_RADIUS_DEGREES)

    densest = max(range(len(points)), key=lambda i: (weight[near(i)].sum(), weight[i]))
    return points[near(densest)]


def map_section(run: Run) -> tuple[str, int, int]:
    """The map's HTML, the events drawn on it and the places drawn on it."""
    events = run.events.dropna(subset=["latitude", "longitude"])
    places = run.entities.dropna(subset=["latitude", "longitude"])
    why = _unplaced_events(run, len(events))
    if events.empty and places.empty:
        return f"<p>No event or place has coordinates. {why}</p>", 0, 0
    # fit to the events where there are some, else to the mentioned places
    points = (events.assign(weight=1.0) if not events.empty else places.assign(weight=places["n_mentions"].astype(float)))
    core = focus(points[["longitude", "latitude", "weight"]])
    proj = Projection.fitted(list(core["longitude"]), list(core["latitude"]))
    shown_events, shown_places = events[_inside(events, proj)], places[_inside(places, proj)]
    note = (f"<p>Squares: {len(shown_events)} events with a place (colour = type; click for the event). "
            f"Dots: {len(shown_places)} mentioned places. Hover for names. {why}</p>")
    return _svg(run, proj, shown_events, shown_places) + note + _outside(run, events, places, proj), len(shown_events), len(shown_places)


def _inside(points: pd.DataFrame, proj: Projection) -> pd.Series:
    """Which points the frame holds, as a mask (an empty frame's mask is an empty Series, not `[]`)."""
    return points["longitude"].between(proj.west, proj.east) & points["latitude"].between(proj.south, proj.north)


def _unplaced_events(run: Run, placed: int) -> str:
    """Why events are missing from the map: how many name no place and how many a place without coordinates."""
    unplaced = len(run.events) - placed
    if not unplaced:
        return ""
    no_place = int(run.events["location_id"].isna().sum())
    parts = [f"{no_place} name no place" if no_place else "", f"{unplaced - no_place} name a place with no coordinates" if unplaced - no_place else ""]
    return f"{unplaced} of {len(run.events)} events are not on the map: {' and '.join(p for p in parts if p)}."


def _outside(run: Run, events: pd.DataFrame, places: pd.DataFrame, proj: Projection) -> str:
    """The places outside the frame, most mentioned first, with their events."""
    outside_events, outside = events[~_inside(events, proj)], places[~_inside(places, proj)]
    if outside.empty and outside_events.empty:
        return ""
    n_events = outside_events.groupby("location_id").size()
    ids = list(dict.fromkeys([*n_events.sort_values(ascending=False).index, *outside.sort_values("n_mentions", ascending=False)["entity_id"]]))
    mentions = dict(zip(places["entity_id"], places["n_mentions"], strict=True))
    items = []
    for i in ids[:OUTSIDE_LISTED]:
        counts = ", ".join(c for c in (_count(n_events.get(i, 0), "event"), _count(mentions.get(i, 0), "mention")) if c)
        items.append(f"{html.escape(run.name(i))} ({counts})" if counts else html.escape(run.name(i)))
    more = f" and {len(ids) - OUTSIDE_LISTED} more" if len(ids) > OUTSIDE_LISTED else ""
    return f'<p class="outside-map">Outside this frame: {"; ".join(items)}{more}.</p>'


def _count(n: int, noun: str) -> str:
    return "" if not n else f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _svg(run: Run, proj: Projection, events: pd.DataFrame, places: pd.DataFrame) -> str:
    """Country outlines, places as dots, events as squares linked to their rows, and place names."""
    parts = [f'<svg class="map" viewBox="0 0 {proj.width} {proj.height}" width="100%" role="img" aria-label="map">',
             f'<defs><clipPath id="map-frame"><rect width="{proj.width}" height="{proj.height}"/></clipPath></defs>',
             f'<rect class="sea" width="{proj.width}" height="{proj.height}"/><g clip-path="url(#map-frame)">']
    parts += _countries(proj)
    named, markers = [], []
    for place in places.sort_values("n_mentions", ascending=False).itertuples():
        px, py = proj(place.longitude, place.latitude)
        radius = 2.5 + math.log2(max(1, place.n_mentions))
        label = f"{place.name}: {place.n_mentions} mentions in {place.n_articles} articles"
        parts.append(f'<circle class="place-point" cx="{px:.1f}" cy="{py:.1f}" r="{radius:.1f}"><title>{html.escape(label)}</title></circle>')
        if len(named) < LABELLED_PLACES:
            named.append((place.name, px, py, radius))
        else:
            markers.append((px, py, radius))
    for event in events.itertuples():
        px, py = proj(event.longitude, event.latitude)
        label = f"{event.date if isinstance(event.date, str) else 'undated'} {event.event_type} at {run.name(event.location_id)}: {names_of(run, event.actors)}"
        parts.append(f'<a href="#event-{event.event_id}"><rect class="event-point" x="{px - 4:.1f}" y="{py - 4:.1f}" width="8" height="8" '
                     f'fill="{TYPE_COLOURS.get(event.event_type, "#555")}"><title>{html.escape(label)}</title></rect></a>')
        markers.append((px, py, 4))
    for label in place_labels(named, markers, Box(0, 0, proj.width, proj.height)):
        parts.append(f'<text class="place-label" x="{label.x:.1f}" y="{label.y:.1f}" text-anchor="{label.anchor}">{html.escape(label.text)}</text>')
    parts.append("</g></svg>")
    return "".join(parts)


@lru_cache(maxsize=1)
def country_outlines() -> tuple[dict, ...]:
    """The Natural Earth outlines, read once per process."""
    return tuple(read_jsonl(None, "countries_110m.jsonl"))


def _countries(proj: Projection) -> list[str]:
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
