"""Agreements and the status each mention gives them, over the articles' publication dates: one
strip per agreement under a shared date axis."""

from __future__ import annotations

import datetime as dt
import html
from collections import Counter

from caucasus_nlp.report.run import Run, cell
from caucasus_nlp.report.timeline import month_ticks

STATUS_COLOURS = {"signed": "#2ca02c", "implemented": "#1f77b4", "negotiated": "#9467bd", "proposed": "#bcbd22",
                  "violated": "#d62728", "referenced": "#7f7f7f"}
STRIP_WIDTH = 360
STRIP_MARGIN = 6


def agreements_section(run: Run) -> str:
    if run.agreements.empty:
        return "<p>No agreements mentioned.</p>"
    published = dict(zip(run.first_copies["article_id"], run.first_copies["day"], strict=True))
    mentions = run.agreement_mentions.assign(day=run.agreement_mentions["article_id"].map(published))
    days = [d for d in mentions["day"] if isinstance(d, dt.date)]  # a mention of an article not shown has none
    first, last = (min(days), max(days)) if days else (None, None)
    span = max((last - first).days, 30) if days else 1

    def x(day: dt.date) -> float:
        return STRIP_MARGIN + (STRIP_WIDTH - 2 * STRIP_MARGIN) * (day - first).days / span

    ticks = month_ticks(first, first + dt.timedelta(days=span), most=4) if days else []
    grid = "".join(f'<line class="tick" x1="{x(t):.1f}" x2="{x(t):.1f}" y1="0" y2="18"/>' for t in ticks)
    rows = []
    for agreement in run.agreements.sort_values("n_mentions", ascending=False).itertuples():
        own = mentions[mentions["agreement_id"] == agreement.agreement_id]
        dots = "".join(
            f'<circle class="status-point" cx="{x(m.day):.1f}" cy="9" r="4" '
            f'fill="{STATUS_COLOURS.get(m.status, "#555")}"><title>{m.day} {m.status}: {html.escape(m.text)}</title></circle>'
            for m in own.itertuples() if isinstance(m.day, dt.date)
        )
        statuses = ", ".join(f"{s} {n}" for s, n in Counter(own["status"]).most_common())
        rows.append(f"<tr><td>{html.escape(agreement.name)}</td><td>{agreement.kind}</td><td>{cell(agreement.date)}</td>"
                    f"<td>{agreement.n_mentions}</td><td>{statuses}</td>"
                    f'<td><svg class="strip" viewBox="0 0 {STRIP_WIDTH} 18" width="{STRIP_WIDTH}" height="18">{grid}{dots}</svg></td></tr>')
    axis = "".join(f'<text class="tick-label" x="{x(t):.1f}" y="12" text-anchor="{_anchor(x(t))}">{t.isoformat()[:7]}</text>' for t in ticks)
    axis_svg = f'<svg class="strip-axis" viewBox="0 0 {STRIP_WIDTH} 16" width="{STRIP_WIDTH}" height="16">{axis}</svg>' if ticks else "over time"
    legend = "".join(f'<span class="swatch" style="background:{c}"></span>{s} ' for s, c in STATUS_COLOURS.items())
    period = f"from {first} to {last}" if days else ""
    return (f"<p>Each dot is a mention, placed at its article's publication date {period}, coloured by the status the mention gives "
            f"(a signing only hoped for or planned is proposed, not signed): {legend}</p>"
            f"<table><thead><tr><th>agreement</th><th>kind</th><th>date</th><th>mentions</th><th>statuses</th><th>{axis_svg}</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


def _anchor(x: float) -> str:
    """A tick label's anchor that keeps it inside the strip at either end."""
    return "start" if x < 25 else "end" if x > STRIP_WIDTH - 25 else "middle"
