"""The most active actors: a table, and a force-directed network of who acts on whom, laid out by
networkx when the report is built (the page runs no layout code). Clicking an actor filters the
events table to its events."""

from __future__ import annotations

import html
import math
from collections import Counter
from urllib.parse import quote

from caucasus_nlp.report.geography import CHAR_WIDTH, Box, place_labels
from caucasus_nlp.report.run import Run

TOP_ACTORS = 15
NETWORK_NODES = 16
# the layout's square, in SVG units, before the margins that labels need
SIDE = 600
LAYOUT_SEED = 7  # a fixed seed: the same run draws the same picture
LABEL_ROOM = 260  # how far outside the layout's square a label may reach
LABEL_CHAR_WIDTH = CHAR_WIDTH * 1.2  # the labels' 12px font


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
        f'<tr><td><a class="actor-link" data-actor="{html.escape(a)}" href="?actor={html.escape(quote(a))}#events">{html.escape(run.name(a))}</a></td>'
        f"<td>{n}</td><td>{targeted.get(a, 0)}</td><td>{', '.join(f'{t} {k}' for t, k in types[a].most_common(3))}</td></tr>"
        for a, n in acts.most_common(TOP_ACTORS)
    )
    table = f"<table><thead><tr><th>actor</th><th>acts in</th><th>target of</th><th>most frequent types</th></tr></thead><tbody>{rows}</tbody></table>"
    return table + network_svg(run, acts + targeted)


def layout(nodes: list[str], edges: Counter) -> dict[str, tuple[float, float]]:
    """Force-directed positions in [0, SIDE]²: actors that act on each other often are drawn close."""
    import networkx as nx  # here, not above: `show` reads runs through this package and draws no network

    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    for (a, t), n in edges.items():
        weight = graph.edges[a, t]["weight"] + n if graph.has_edge(a, t) else n
        graph.add_edge(a, t, weight=weight)
    positions = nx.spring_layout(graph, k=2.5 / math.sqrt(len(nodes)), seed=LAYOUT_SEED, weight="weight", iterations=200)
    xs, ys = [p[0] for p in positions.values()], [p[1] for p in positions.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    return {n: ((x - min(xs)) / span_x * SIDE, (y - min(ys)) / span_y * SIDE) for n, (x, y) in positions.items()}


def network_svg(run: Run, weight: Counter) -> str:
    nodes = [n for n, _ in weight.most_common(NETWORK_NODES)]
    if len(nodes) < 2:
        return ""
    edges = Counter()
    for row in run.events.itertuples():
        for a in row.actors:
            for t in row.targets:
                if a in nodes and t in nodes and a != t:
                    edges[a, t] += 1
    position = layout(nodes, edges)
    radius = {n: 4 + 2 * math.log2(weight[n]) for n in nodes}
    # markers in user units: a thick edge keeps a small arrowhead
    parts = ['<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" '
             'orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#888"/></marker></defs>']
    for (a, t), n in edges.items():
        (x1, y1), (x2, y2) = position[a], position[t]
        length = math.hypot(x2 - x1, y2 - y1) or 1.0
        # end the arrow at the target's rim, not its centre
        x2, y2 = x2 - (x2 - x1) * radius[t] / length, y2 - (y2 - y1) * radius[t] / length
        parts.append(f'<line class="edge" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke-width="{1 + math.log2(n):.1f}" '
                     f'marker-end="url(#arrow)"><title>{html.escape(run.name(a))} → {html.escape(run.name(t))}: {n} events</title></line>')
    # labels beside their nodes where they overlap no other label or node, in a frame wide enough for
    # long names; the picture is then cropped to what was drawn
    named = [(run.name(n), *position[n], radius[n]) for n in nodes]
    labels = {nodes[label.index]: label for label in place_labels(named, [], Box(-LABEL_ROOM, -LABEL_ROOM, SIDE + LABEL_ROOM, SIDE + LABEL_ROOM),
                                                            char_width=LABEL_CHAR_WIDTH)}
    boxes = [Box(x - r, y - r, x + r, y + r) for _, x, y, r in named] + [label.box for label in labels.values()]
    for n in nodes:
        x, y = position[n]
        name = run.name(n)
        text = (f'<text class="node-label" x="{labels[n].x:.1f}" y="{labels[n].y:.1f}" text-anchor="{labels[n].anchor}">{html.escape(name)}</text>'
                if n in labels else "")
        parts.append(f'<g class="node" data-actor="{html.escape(n)}" tabindex="0" role="button">'
                     f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius[n]:.1f}"><title>{html.escape(name)}: {weight[n]} events; click to list them</title></circle>'
                     f"{text}</g>")
    pad = 8
    left, top = min(b.left for b in boxes) - pad, min(b.top for b in boxes) - pad
    width, height = max(b.right for b in boxes) + pad - left, max(b.bottom for b in boxes) + pad - top
    return (f"<p>Arrows go from actor to target; thicker means more events. The {len(nodes)} most involved actors; click one to list its events.</p>"
            f'<svg class="network" viewBox="{left:.0f} {top:.0f} {width:.0f} {height:.0f}" width="100%" role="img" aria-label="actor network">'
            f'{"".join(parts)}</svg>')
