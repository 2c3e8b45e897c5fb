"""`caucasus-nlp report`: one self-contained HTML page for looking at a run.

Everything is drawn here as inline SVG and styled by inline CSS, so the page opens from a file or a
mail attachment with no network at all: no tiles, fonts or scripts are fetched. The sections:

- an event timeline, one row per PLOVER type, and a band counting the events it leaves off
  (undated, history recalled, deadlines ahead) (timeline.py);
- the events table: sortable, filtered by type, actor, date and text, one anchor per event
  (events_table.py);
- a map fitted to where most events are, with what lies outside listed (geography.py);
- the most active actors and a force-directed network of who acts on whom (network.py);
- agreements with the status of every mention on a date axis (agreements.py);
- one collapsible page per article, filtered by outlet, date and text (articles.py).

The script (assets/report.js) sorts and filters the tables, reads filters from the query string,
and marks the page ready (`body[data-ready]`), recording any error in `body[data-errors]` and the
rows its filters leave shown in `body[data-shown-events]` and `body[data-shown-articles]`: the
browser test reads them.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from caucasus_nlp import __version__
from caucasus_nlp.files import write_atomically
from caucasus_nlp.report.agreements import agreements_section
from caucasus_nlp.report.articles import article_pages, shown_articles
from caucasus_nlp.report.events_table import events_section
from caucasus_nlp.report.geography import map_section
from caucasus_nlp.report.network import actors_section
from caucasus_nlp.report.run import EMPTY, Run, cell, names_of
from caucasus_nlp.report.timeline import timeline_svg

__all__ = ["EMPTY", "ReportSummary", "Run", "cell", "names_of", "write_report"]


@dataclass
class ReportSummary:
    timeline_points: int
    off_timeline: dict[str, int]  # events not on the timeline: undated, history, ahead
    event_rows: int
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
    timeline, n_timeline, off = timeline_svg(run)
    events, n_rows = events_section(run, set(shown_articles(run, max_articles)["article_id"]))
    map_html, n_events, n_places = map_section(run)
    articles, n_articles = article_pages(run, max_articles)
    sections = [
        ("timeline", "Event timeline", timeline),
        ("events", "Events", events),
        ("map", "Map of events and places", map_html),
        ("actors", "Actors and who acts on whom", actors_section(run)),
        ("agreements", "Agreements and their status over time", agreements_section(run)),
        ("articles", "Articles", articles),
    ]
    nav = " · ".join(f'<a href="#{key}">{title}</a>' for key, title, _ in sections)
    parts = [f"<nav>{nav}</nav>"] + [f'<section id="{key}"><h2>{title}</h2>{content}</section>' for key, title, content in sections]
    return "\n".join(parts), ReportSummary(n_timeline, off, n_rows, n_events, n_places, n_articles)


def header_line(run: Run, summary: ReportSummary) -> str:
    """The run in one line, the news window (publication dates) kept apart from the events dated
    outside it: history the articles recall, deadlines they announce."""
    m = run.manifest
    window = (f"articles published {run.published_range[0]} to {run.published_range[1]}" if run.published_range
              else "no article has a publication date")
    off = summary.off_timeline
    dated = [f"{summary.timeline_points} dated in the news window"]
    dated += [f"{off[key]} {label}" for key, label in (("history", "recalled history"), ("ahead", "deadlines and plans ahead"),
                                                     ("undated", "undated")) if off.get(key)]
    return (f"{m['n_articles']} articles from {len(m['inputs'])} inputs, {window} · {len(run.events)} events: {', '.join(dated)} · "
            f"{len(run.entities)} entities · {m.get('profile', 'fast')} profile · run finished {m['finished']}")


def _page(run: Run, body: str, summary: ReportSummary) -> str:
    assets = files("caucasus_nlp.report") / "assets"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>caucasus-nlp report</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>{(assets / "report.css").read_text("utf-8")}</style></head>
<body data-timeline-points="{summary.timeline_points}" data-event-points="{summary.event_points}" data-place-points="{summary.place_points}">
<header><h1>caucasus-nlp report</h1><p>{html.escape(header_line(run, summary))}</p></header>
{body}
<footer>Generated {dt.datetime.now(dt.UTC).isoformat(timespec="seconds")} by caucasus-nlp {__version__}. Map outlines: Natural Earth (public domain).</footer>
<script>{(assets / "report.js").read_text("utf-8")}</script>
</body></html>
"""
