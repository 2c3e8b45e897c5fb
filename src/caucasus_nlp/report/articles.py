"""One collapsible page per article, its entities and event triggers highlighted in displaCy's
style, under filters by outlet, publication date and text (applied by the page's script and read
from the query string like the events table's)."""

from __future__ import annotations

import html

from caucasus_nlp.report.run import EMPTY, Run, cell, names_of
from caucasus_nlp.vocabulary import PLOVER_TYPES

ENTITY_COLOURS = {"PERSON": "#fde2a7", "ORG": "#c7e0f4", "GPE": "#d4edc9", "LOC": "#d4edc9", "FAC": "#d4edc9",
                  "NORP": "#eadcf5", "DATE": "#f0f0f0"}


def shown_articles(run: Run, max_articles: int):
    """The articles the report prints, newest first, at most `max_articles`, with their day."""
    return run.first_copies.sort_values(["day", "dump", "seq"], ascending=[False, True, True], na_position="last").head(max_articles)


def article_pages(run: Run, max_articles: int) -> tuple[str, int]:
    firsts = run.first_copies
    shown = shown_articles(run, max_articles)
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
        rows = "".join(f'<tr><td><a href="#event-{e.event_id}">{e.event_type}</a></td><td>{html.escape(e.trigger)}</td>'
                       f"<td>{html.escape(names_of(run, e.actors))}</td><td>{html.escape(names_of(run, e.targets))}</td>"
                       f"<td>{cell(e.date) or EMPTY}</td><td>{e.modality}</td></tr>" for e in own_events.itertuples())
        table = (f"<table><thead><tr><th>type</th><th>trigger</th><th>actors</th><th>targets</th><th>date</th><th>modality</th></tr></thead>"
                 f"<tbody>{rows}</tbody></table>") if rows else "<p>No events.</p>"
        meta = " · ".join(html.escape(str(v)) for v in (article.outlet, article.published, article.dump) if isinstance(v, str) and v)
        pages.append(f'<details class="article" id="article-{article.article_id}" data-outlet="{cell(article.outlet)}" '
                     f'data-day="{article.day.isoformat() if article.day else ""}"><summary><b>{html.escape(article.title)}</b> '
                     f"<span class=\"meta\">{meta} · {len(own_mentions)} mentions · {len(own_events)} events</span></summary>"
                     f'<div class="article-body">{markup}</div>{table}</details>')
    note = f"<p>{len(shown)} of {len(firsts)} articles, newest first. Highlighted: entities by type, and event triggers (EV).</p>"
    return note + _controls(shown) + "".join(pages), len(shown)


def _controls(shown) -> str:
    outlets = sorted({o for o in shown["outlet"] if isinstance(o, str) and o})
    options = "".join(f'<option value="{html.escape(o)}">{html.escape(o)}</option>' for o in outlets)
    return ('<form class="filters" id="article-filters" onsubmit="return false">'
            f'<label>outlet <select name="outlet"><option value="">all</option>{options}</select></label>'
            '<label>published from <input type="date" name="article_from"></label><label>to <input type="date" name="article_to"></label>'
            '<label>search <input type="search" name="article_q" placeholder="words in the title or text"></label>'
            '<button type="reset">clear</button> <span class="shown-count" id="articles-shown"></span></form>')


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
