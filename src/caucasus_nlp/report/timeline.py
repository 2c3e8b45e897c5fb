"""The event timeline: one row per PLOVER type, a dot per dated event in the news window, and a
band below it that counts what is not drawn (undated events, history recalled, deadlines ahead),
each count a link that filters the events table to those events."""

from __future__ import annotations

import datetime as dt
import html
import math

from caucasus_nlp.extract.dates import start_of
from caucasus_nlp.report.run import TYPE_COLOURS, WINDOW_AFTER_DAYS, WINDOW_BEFORE_DAYS, Run, names_of, types_in

WIDTH = 1000
# what the band says of the events each `Run.when` value leaves off the timeline
OFF_TIMELINE = {
    "undated": "undated",
    "history": f"history recalled (dated over {WINDOW_BEFORE_DAYS} days before the first article)",
    "ahead": f"deadlines and plans (dated over {WINDOW_AFTER_DAYS} days after the last article)",
}


def timeline_svg(run: Run) -> tuple[str, int, dict[str, int]]:
    """The timeline's HTML, the events drawn, and the number of events of each OFF_TIMELINE group."""
    when = run.events["date"].map(run.when)
    events = run.events[when == "window"].assign(day=lambda e: e["date"].map(start_of))
    off = {key: int((when == key).sum()) for key in OFF_TIMELINE}
    band = _band(off)
    if events.empty:
        return f"<p>No event is dated within the news window.</p>{band}", 0, off
    types = types_in(events)
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
    for tick in month_ticks(first, first + dt.timedelta(days=days)):
        tx = x(tick)
        parts.append(f'<line x1="{tx:.1f}" x2="{tx:.1f}" y1="{top}" y2="{height - 30}" class="tick"/>'
                     f'<text x="{tx:.1f}" y="{height - 14}" text-anchor="middle" class="tick-label">{tick.isoformat()[:7]}</text>')
    for event in events.sort_values("n_mentions").itertuples():
        y = top + row_h * types.index(event.event_type) + row_h / 2
        radius = 3 + 2 * math.log2(event.n_mentions)
        label = f"{event.date} {event.event_type} ({event.subtype if isinstance(event.subtype, str) else ''}): {names_of(run, event.actors)} → {names_of(run, event.targets)}; {event.n_mentions} reports"
        parts.append(f'<a href="#event-{event.event_id}"><circle class="timeline-point" data-type="{event.event_type}" cx="{x(event.day):.1f}" cy="{y}" '
                     f'r="{radius:.1f}" fill="{TYPE_COLOURS.get(event.event_type, "#555")}"><title>{html.escape(label)}</title></circle></a>')
    parts.append("</svg>")
    legend = "".join(f'<label><input type="checkbox" class="type-toggle" value="{t}" checked> '
                     f'<span class="swatch" style="background:{TYPE_COLOURS[t]}"></span>{t} ({(events["event_type"] == t).sum()})</label>' for t in types)
    note = f"<p>{len(events)} events dated within the news window are drawn; a dot's size grows with its reports. Click a dot for its row in the events table.</p>"
    return f'<div class="legend">{legend}</div>{"".join(parts)}{note}{band}', len(events), off


def _band(off: dict[str, int]) -> str:
    """The events the timeline leaves off, by group: each count filters the events table to them."""
    links = [f'<a class="when-link" data-when="{key}" href="?when={key}#events">{n} {html.escape(OFF_TIMELINE[key])}</a>'
             for key, n in off.items() if n]
    return f'<p class="off-timeline">Not on the timeline: {" · ".join(links)}.</p>' if links else ""


def month_ticks(first: dt.date, last: dt.date, most: int = 10) -> list[dt.date]:
    """Month starts from `first` to `last`, thinned to at most about `most` ticks."""
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    step = max(1, math.ceil(months / most))
    ticks, year, month = [], first.year, first.month
    for i in range(months + 1):
        day = dt.date(year, month, 1)
        if first <= day <= last and i % step == 0:
            ticks.append(day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return ticks
