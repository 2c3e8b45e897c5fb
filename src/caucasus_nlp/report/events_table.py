"""The events table: one row per deduplicated event with its date, type, parties, place, modality,
reports and the sentences behind it. The page's script sorts it by any column and filters it by
type, actor, date range, window and text; each row is the anchor `#event-<event_id>`, and the
filters are read from the page's query string (`?type=ASSAULT&actor=...#events`), so a filtered
view is a link an analyst can send."""

from __future__ import annotations

import html

from caucasus_nlp.extract.dates import start_of
from caucasus_nlp.report.run import EMPTY, TYPE_COLOURS, Run, cell, names_of, types_in
from caucasus_nlp.report.timeline import OFF_TIMELINE

# the sentences printed under an event; the rest are counted
SENTENCES_SHOWN = 5
COLUMNS = (("date", "text"), ("type", "text"), ("subtype", "text"), ("actors", "text"), ("targets", "text"), ("place", "text"),
           ("modality", "text"), ("reports", "number"), ("outlets", "number"), ("sentences", "none"))


def events_section(run: Run, printed: set[str]) -> tuple[str, int]:
    """The section's HTML and the number of event rows in it (every event of the run); `printed`:
    the articles the report prints, which a sentence links to."""
    events = run.events
    if events.empty:
        return "<p>No events.</p>", 0
    mentions = run.event_mentions.merge(run.first_copies[["article_id", "outlet", "published"]], on="article_id", how="left")
    behind = {event_id: group for event_id, group in mentions.groupby("event_id", sort=False)}
    # the news window's events first, newest first; then deadlines ahead, history recalled and the undated
    ranks = {"window": 0, "ahead": 1, "history": 2, "undated": 3}
    order = events.assign(day=events["date"].map(start_of), rank=events["date"].map(lambda d: ranks[run.when(d)]))
    order = order.sort_values(["rank", "day", "n_mentions"], ascending=[True, False, False], na_position="last")
    rows = [_row(run, event, behind.get(event.event_id), printed) for event in order.itertuples()]
    header = "".join(f'<th data-sort="{kind}" tabindex="0">{name}</th>' if kind != "none" else f"<th>{name}</th>" for name, kind in COLUMNS)
    table = (f'<div class="table-scroll"><table id="events-table" class="sortable"><thead><tr>{header}</tr></thead>'
             f'<tbody>{"".join(rows)}</tbody></table></div>')
    return _controls(run) + table, len(rows)


def _row(run: Run, event, mentions, printed: set[str]) -> str:
    involved = " ".join(dict.fromkeys([*event.actors, *event.targets]))
    day = start_of(event.date)
    place = run.name(event.location_id) if isinstance(event.location_id, str) else EMPTY
    colour = TYPE_COLOURS.get(event.event_type, "#555")
    cells = [
        f'<td data-key="{day.isoformat() if day else ""}">{cell(event.date) or EMPTY}</td>',
        f'<td><span class="swatch" style="background:{colour}"></span>{event.event_type}</td>',
        f"<td>{cell(event.subtype) or EMPTY}</td>",
        f"<td>{html.escape(names_of(run, event.actors))}</td>",
        f"<td>{html.escape(names_of(run, event.targets))}</td>",
        f"<td>{html.escape(place)}</td>",
        f"<td>{event.modality}</td>",
        f"<td>{event.n_mentions}</td>",
        f"<td>{event.n_outlets}</td>",
        f"<td>{_sentences(mentions, printed)}</td>",
    ]
    return (f'<tr id="event-{event.event_id}" class="event-row" data-type="{event.event_type}" data-involved="{html.escape(involved)}" '
            f'data-day="{day.isoformat() if day else ""}" data-when="{run.when(event.date)}">{"".join(cells)}</tr>')


def _sentences(mentions, printed: set[str]) -> str:
    """The sentences that report the event, each with a link to its article's page where the report
    prints it (--max-articles)."""
    if mentions is None or mentions.empty:
        return EMPTY
    items = []
    for m in mentions.head(SENTENCES_SHOWN).itertuples():
        source = " ".join(v for v in (cell(m.outlet), cell(m.published)) if v) or "article"
        where = f'<a href="#article-{m.article_id}">({source})</a>' if m.article_id in printed else f"({source})"
        items.append(f"<li>{html.escape(m.sentence)} {where}</li>")
    more = f"<li>and {len(mentions) - SENTENCES_SHOWN} more</li>" if len(mentions) > SENTENCES_SHOWN else ""
    return f'<details><summary>{len(mentions)}</summary><ul class="sentences">{"".join(items)}{more}</ul></details>'


def _controls(run: Run) -> str:
    """The filters: type, an actor or target, date range, where the date lies, and text search."""
    types = types_in(run.events)
    counts: dict[str, int] = {}
    for ids in (*run.events["actors"], *run.events["targets"]):
        for i in dict.fromkeys(ids):
            counts[i] = counts.get(i, 0) + 1
    involved = sorted(counts, key=lambda i: (-counts[i], run.name(i)))
    type_options = "".join(f'<option value="{t}">{t}</option>' for t in types)
    actor_options = "".join(f'<option value="{html.escape(i)}">{html.escape(run.name(i))} ({counts[i]})</option>' for i in involved)
    when_options = '<option value="window">in the news window</option>' + "".join(
        f'<option value="{key}">{html.escape(label)}</option>' for key, label in OFF_TIMELINE.items())
    return (
        '<form class="filters" id="event-filters" onsubmit="return false">'
        f'<label>type <select name="type"><option value="">all</option>{type_options}</select></label>'
        f'<label>actor or target <select name="actor"><option value="">anyone</option>{actor_options}</select></label>'
        '<label>from <input type="date" name="from"></label><label>to <input type="date" name="to"></label>'
        f'<label>date <select name="when"><option value="">any</option>{when_options}</select></label>'
        '<label>search <input type="search" name="q" placeholder="words in any column or sentence"></label>'
        '<button type="reset">clear</button> <span class="shown-count" id="events-shown"></span> '
        '<a id="events-link" href="#events">link to this view</a></form>'
    )
