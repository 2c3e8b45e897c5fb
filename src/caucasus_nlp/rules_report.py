"""Per-rule report of the event extractor: what each rule id in event_mentions.rule_id produces and,
against gold, how much of it is right, so that every rule can earn its place by numbers.

A row's rule_id is a "+"-joined list of ids: the trigger row that proposed the event, then each rule
that fired on it (alleged, acts_for, role:..., repair:...). The ids are taken from the data as they
come; a row carrying an id twice counts once for it.

With gold, articles are aligned and events matched exactly as `caucasus-nlp evaluate` does
(caucasus_nlp.evaluate.align and match_events), and only the rows of aligned articles are scored,
as there: `matched` is how many of a rule's rows the one-to-one matching pairs with a gold event,
`precision` is matched / rows, and `only` is how many gold events the matching loses when every row
carrying the rule is left out, that is how much evaluate's events tp would drop had the rule never
fired. A gold event that a row without the rule could match as well is not the rule's "only".

Gates (resources/events/gates.jsonl) drop candidates, so they leave no event_mentions rows; the
dropped_event_candidates table has a row for each candidate a gate dropped, with the gate's id. Per
gate id, `dropped` counts its rows and `articles` the articles they occur in. With gold, over the
aligned articles: `lost` is how many gold events of the article that no kept row matches (in
evaluate's one-to-one matching) the gate's dropped candidates would have matched, one to one, and
`precision` is 1 - lost / dropped, the share of its drops that cost no gold event. A dropped
candidate has no actors when a candidate gate dropped it (roles are found after those gates), so
evaluate's criterion cannot be used: a dropped candidate "would have matched" a gold event when it
has the gold event's PLOVER type and the gold event's `evidence` text occurs in its sentence (as
words: case, diacritics and punctuation do not count, see evaluate.norm). A gold event without
evidence is never lost. `lost` is an estimate of what evaluate's events tp would gain without the
gate, not its measure: a kept candidate's actors might still not match, and an evidence text that
spans two sentences is in neither.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from caucasus_nlp.evaluate import (
    _matches,
    _read,
    align,
    by_article,
    entity_index,
    match_events,
    norm,
    predicted_events,
    read_articles,
    read_gold,
)

DROPPED = "dropped_event_candidates"


class RulesReportError(ValueError):
    """The folder has no event_mentions table, or the gold cannot be read or aligned."""


def rule_ids(value) -> list[str]:
    """The distinct ids of a "+"-joined rule_id, in order."""
    return list(dict.fromkeys(part.strip() for part in str(value or "").split("+") if part.strip()))


def rule_counts(mentions: pd.DataFrame) -> list[dict]:
    """Per rule id: event-mention rows carrying it and the articles they occur in, most rows first."""
    rows: dict[str, int] = defaultdict(int)
    articles: dict[str, set] = defaultdict(set)
    for row in mentions.itertuples() if not mentions.empty else []:
        for rid in rule_ids(row.rule_id):
            rows[rid] += 1
            articles[rid].add(row.article_id)
    records = [{"rule_id": rid, "rows": n, "articles": len(articles[rid])} for rid, n in rows.items()]
    return sorted(records, key=lambda r: (-r["rows"], r["rule_id"]))


def rule_scores(mentions: pd.DataFrame, articles: pd.DataFrame, entities: pd.DataFrame, gold: list[dict]) -> list[dict]:
    """Per rule id, over the articles aligned to gold: rows, articles, matched, precision and only
    (see the module docstring); best precision first, then most rows. `mentions` holds event_mentions
    rows (article_id, event_type, actors, rule_id), `articles` the articles table (article_id, dump,
    title), `entities` the entities table (entity_id, name, aliases)."""
    return _scores(by_article(mentions), _aligned(gold, articles), entity_index(entities))


def _aligned(gold: list[dict], articles: pd.DataFrame) -> list[tuple[dict, dict]]:
    return align(gold, articles) if not articles.empty else []


def _scores(rows_by: dict[str, list], aligned: list[tuple[dict, dict]], index: dict) -> list[dict]:
    stats: dict[str, dict] = {}
    for g, article in aligned:
        rows = rows_by.get(article["article_id"], [])
        if not rows:
            continue
        ids = [rule_ids(r.rule_id) for r in rows]
        predicted = predicted_events(rows, index)
        pairs = match_events(g, predicted)
        matched_rows = {pi for _, pi in pairs}
        for rid in dict.fromkeys(rid for row_ids in ids for rid in row_ids):
            carrying = [i for i, s in enumerate(ids) if rid in s]
            without = [predicted[i] for i, s in enumerate(ids) if rid not in s]
            st = stats.setdefault(rid, {"rule_id": rid, "rows": 0, "articles": 0, "matched": 0, "only": 0})
            st["rows"] += len(carrying)
            st["articles"] += 1
            st["matched"] += len(matched_rows.intersection(carrying))
            st["only"] += len(pairs) - len(match_events(g, without))
    records = [{"rule_id": s["rule_id"], "rows": s["rows"], "articles": s["articles"], "matched": s["matched"],
                "precision": round(s["matched"] / s["rows"], 4), "only": s["only"]} for s in stats.values()]
    return sorted(records, key=lambda r: (-r["precision"], -r["rows"], r["rule_id"]))


def gate_counts(dropped: pd.DataFrame) -> list[dict]:
    """Per gate id: the candidates it dropped and the articles they occur in, most dropped first.
    `dropped` holds dropped_event_candidates rows (article_id, gate_id)."""
    counts: dict[str, int] = defaultdict(int)
    articles: dict[str, set] = defaultdict(set)
    for row in dropped.itertuples() if not dropped.empty else []:
        counts[row.gate_id] += 1
        articles[row.gate_id].add(row.article_id)
    records = [{"kind": "gate", "gate_id": gid, "dropped": n, "articles": len(articles[gid])} for gid, n in counts.items()]
    return sorted(records, key=lambda r: (-r["dropped"], r["gate_id"]))


def gate_scores(dropped: pd.DataFrame, mentions: pd.DataFrame, articles: pd.DataFrame, entities: pd.DataFrame, gold: list[dict]) -> list[dict]:
    """Per gate id, over the articles aligned to gold: dropped, articles, lost and precision (see the
    module docstring); best precision first, then most dropped. `dropped` holds dropped_event_candidates
    rows (article_id, gate_id, event_type, sentence), the other frames are as for rule_scores."""
    return _gate_scores(by_article(dropped), by_article(mentions), _aligned(gold, articles), entity_index(entities))


def would_match(gold_event: dict, candidate) -> bool:
    """Whether a dropped candidate would have matched a gold event: the same PLOVER type, and the gold
    event's evidence among the words of the candidate's sentence."""
    evidence = norm(gold_event.get("evidence"))
    return bool(evidence) and gold_event.get("type") == candidate.event_type and f" {evidence} " in f" {norm(candidate.sentence)} "


def _gate_scores(dropped_by: dict[str, list], rows_by: dict[str, list], aligned: list[tuple[dict, dict]], index: dict) -> list[dict]:
    stats: dict[str, dict] = {}
    for g, article in aligned:
        drops = dropped_by.get(article["article_id"], [])
        if not drops:
            continue
        kept = {gi for gi, _ in match_events(g, predicted_events(rows_by.get(article["article_id"], []), index))}
        missed = [e for gi, e in enumerate(g.get("events", [])) if gi not in kept]
        by_gate: dict[str, list] = defaultdict(list)
        for d in drops:
            by_gate[d.gate_id].append(d)
        for gid, candidates in by_gate.items():
            st = stats.setdefault(gid, {"gate_id": gid, "dropped": 0, "articles": 0, "lost": 0})
            st["dropped"] += len(candidates)
            st["articles"] += 1
            st["lost"] += len(_matches(missed, candidates, would_match))
    records = [{"kind": "gate", "gate_id": s["gate_id"], "dropped": s["dropped"], "articles": s["articles"], "lost": s["lost"],
                "precision": round(1 - s["lost"] / s["dropped"], 4)} for s in stats.values()]
    return sorted(records, key=lambda r: (-r["precision"], -r["dropped"], r["gate_id"]))


@dataclass
class RulesReport:
    records: list[dict]
    rows: int  # event-mention rows in the folder
    scored_rows: int | None = None  # with gold: those in articles aligned to it
    aligned: int | None = None  # with gold: gold articles aligned to an article of the folder
    gold_articles: int | None = None
    # per gate id (records with "kind": "gate"); None for a folder without the dropped_event_candidates table
    gates: list[dict] | None = None
    dropped: int | None = None  # dropped-candidate rows in the folder
    scored_dropped: int | None = None  # with gold: those in articles aligned to it


def rules_report(folder: str | Path, gold_path: str | Path | None = None) -> RulesReport:
    """The report of an output folder of `caucasus-nlp run`, scored against gold when given one.
    Raises RulesReportError when the folder has no event_mentions table or the gold is unreadable.
    A folder of an older run, without the dropped_event_candidates table, has no gate records."""
    folder = Path(folder)
    if not (folder / "event_mentions.csv").is_file():
        raise RulesReportError(f"{folder} has no event_mentions table (event_mentions.csv): give an output folder of `caucasus-nlp run`")
    mentions = _read(folder, "event_mentions")
    if not mentions.empty and not {"article_id", "rule_id", "event_type", "actors"} <= set(mentions.columns):
        raise RulesReportError(f"{folder / 'event_mentions.csv'} lacks the columns article_id, rule_id, event_type and actors")
    has_gates = (folder / f"{DROPPED}.csv").is_file()
    dropped = _read(folder, DROPPED)
    if not dropped.empty and not {"article_id", "gate_id", "event_type", "sentence"} <= set(dropped.columns):
        raise RulesReportError(f"{folder / (DROPPED + '.csv')} lacks the columns article_id, gate_id, event_type and sentence")
    n_dropped = len(dropped) if has_gates else None
    if gold_path is None:
        return RulesReport(rule_counts(mentions), len(mentions), gates=gate_counts(dropped) if has_gates else None, dropped=n_dropped)
    try:
        gold = read_gold(gold_path)
        articles = read_articles(folder)
    except (ValueError, FileNotFoundError) as exc:
        raise RulesReportError(str(exc)) from None
    rows_by, dropped_by = by_article(mentions), by_article(dropped)
    pairs = _aligned(gold, articles)
    scored = sum(len(rows_by.get(a["article_id"], [])) for _, a in pairs)
    index = entity_index(_read(folder, "entities"))
    records = _scores(rows_by, pairs, index)
    if not has_gates:
        return RulesReport(records, len(mentions), scored, len(pairs), len(gold))
    scored_dropped = sum(len(dropped_by.get(a["article_id"], [])) for _, a in pairs)
    return RulesReport(records, len(mentions), scored, len(pairs), len(gold), _gate_scores(dropped_by, rows_by, pairs, index),
                       n_dropped, scored_dropped)
