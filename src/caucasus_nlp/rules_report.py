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
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from caucasus_nlp.evaluate import _read, align, by_article, entity_index, match_events, predicted_events, read_articles, read_gold


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


@dataclass
class RulesReport:
    records: list[dict]
    rows: int  # event-mention rows in the folder
    scored_rows: int | None = None  # with gold: those in articles aligned to it
    aligned: int | None = None  # with gold: gold articles aligned to an article of the folder
    gold_articles: int | None = None


def rules_report(folder: str | Path, gold_path: str | Path | None = None) -> RulesReport:
    """The report of an output folder of `caucasus-nlp run`, scored against gold when given one.
    Raises RulesReportError when the folder has no event_mentions table or the gold is unreadable."""
    folder = Path(folder)
    if not (folder / "event_mentions.csv").is_file():
        raise RulesReportError(f"{folder} has no event_mentions table (event_mentions.csv): give an output folder of `caucasus-nlp run`")
    mentions = _read(folder, "event_mentions")
    if not mentions.empty and not {"article_id", "rule_id", "event_type", "actors"} <= set(mentions.columns):
        raise RulesReportError(f"{folder / 'event_mentions.csv'} lacks the columns article_id, rule_id, event_type and actors")
    if gold_path is None:
        return RulesReport(rule_counts(mentions), len(mentions))
    try:
        gold = read_gold(gold_path)
        articles = read_articles(folder)
    except (ValueError, FileNotFoundError) as exc:
        raise RulesReportError(str(exc)) from None
    rows_by = by_article(mentions)
    pairs = _aligned(gold, articles)
    scored = sum(len(rows_by.get(a["article_id"], [])) for _, a in pairs)
    records = _scores(rows_by, pairs, entity_index(_read(folder, "entities")))
    return RulesReport(records, len(mentions), scored, len(pairs), len(gold))
