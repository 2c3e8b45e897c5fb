"""Score an output folder against gold annotations (../shared/gold/FORMAT.md).

Articles are aligned per dump by headline similarity; each layer is then compared as article-level
sets, micro-averaged: entities by label and any shared name or GeoNames id, dates by ISO value,
agreements by name, alias, (date, kind) or token overlap, events by PLOVER type and a shared actor.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

import pandas as pd

from caucasus_nlp.kb import jsonl_records

PLACE = {"GPE", "LOC", "FAC", "PLACE"}
SCORED = ("PERSON", "ORG", "PLACE")
TITLE_MATCH = 0.85


def norm(value) -> str:
    """Case, diacritics, a leading 'the', a trailing possessive and punctuation do not count."""
    text = unicodedata.normalize("NFKD", str(value or "")).lower().replace("’", "'").replace("‘", "'")
    text = "".join(c for c in text if not unicodedata.combining(c)).strip()
    text = re.sub(r"'s$", "", re.sub(r"^the\s+", "", text))
    return re.sub(r"[^\w]+", " ", text).strip()


@dataclass
class Score:
    tp: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, tp: int, pred: int, gold: int) -> None:
        self.tp, self.pred, self.gold = self.tp + tp, self.pred + pred, self.gold + gold

    def as_dict(self) -> dict:
        p = self.tp / self.pred if self.pred else float(not self.gold)
        r = self.tp / self.gold if self.gold else float(not self.pred)
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": self.tp, "pred": self.pred, "gold": self.gold}


def _matches(golds: list, preds: list, same) -> list[tuple[int, int]]:
    """Greedy one-to-one matching in gold order."""
    used, pairs = set(), []
    for gi, g in enumerate(golds):
        pi = next((i for i, p in enumerate(preds) if i not in used and same(g, p)), None)
        if pi is not None:
            used.add(pi)
            pairs.append((gi, pi))
    return pairs


class GoldError(ValueError):
    """A gold file that is missing or not gold JSONL."""


def read_gold(path: str | Path) -> list[dict]:
    """The gold articles of a JSONL file (gold/FORMAT.md); GoldError when it cannot be read."""
    path = Path(path)
    gold = []
    for n, article in jsonl_records(path, GoldError, "gold file"):
        if not isinstance(article, dict) or not isinstance(article.get("dump"), str) or not isinstance(article.get("title"), str):
            raise GoldError(f"{path}:{n} is not a gold article (an object with a dump and a title)")
        gold.append(article)
    return gold


def _read(folder: Path, name: str) -> pd.DataFrame:
    path = folder / f"{name}.csv"
    if not path.exists():
        return pd.DataFrame()
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def _split(value) -> list[str]:
    """The ids of a list cell: "|"-joined in the CSV tables, a list in Parquet or in memory."""
    if value is None or isinstance(value, str):
        return [v for v in (value or "").split("|") if v]
    return [str(v) for v in value if v]


def by_article(frame: pd.DataFrame) -> dict[str, list]:
    """The rows (itertuples) of a table, by article_id."""
    out = defaultdict(list)
    for row in frame.itertuples() if not frame.empty else []:
        out[row.article_id].append(row)
    return out


def entity_index(frame: pd.DataFrame) -> dict:
    """The rows (itertuples) of an entities table, by entity_id."""
    return {r.entity_id: r for r in frame.itertuples()}


def predicted_events(rows: list, entities: dict) -> list[tuple[str, set[str]]]:
    """Event-mention rows as evaluation sees them: (PLOVER type, the names of their actors)."""
    return [(e.event_type, _actor_names(_split(e.actors), entities)) for e in rows]


def match_events(gold_article: dict, predicted: list[tuple[str, set[str]]]) -> list[tuple[int, int]]:
    """One-to-one matching of a gold article's events to its predicted_events: (gold index,
    predicted index) pairs. They match on PLOVER type and a shared actor name, the gold actor's
    alternative names in the article included (or both without actors)."""
    alt_names = {norm(e["name"]): {norm(e["name"]), *map(norm, e.get("alt", []))} for e in gold_article.get("entities", [])}

    def event_same(ge, pe):
        names = set().union(*(alt_names.get(norm(a), {norm(a)}) for a in ge.get("actors", []))) if ge.get("actors") else set()
        return ge["type"] == pe[0] and (bool(names & pe[1]) or (not names and not pe[1]))

    return _matches(gold_article.get("events", []), predicted, event_same)


def evaluate(gold_path: str | Path, pred_dir: str | Path) -> dict:
    """P/R/F1 per layer, as a dict (see the module docstring for the matching rules)."""
    folder = Path(pred_dir)
    gold = read_gold(gold_path)
    articles = read_articles(folder)
    mentions = _read(folder, "mentions")
    entities = entity_index(_read(folder, "entities"))
    dates = _read(folder, "dates")
    agreements = {r.agreement_id: r for r in _read(folder, "agreements").itertuples()}
    agr_mentions = _read(folder, "agreement_mentions")
    ev_mentions = _read(folder, "event_mentions")

    m_by, d_by, a_by, e_by = map(by_article, (mentions, dates, agr_mentions, ev_mentions))
    pairs = align(gold, articles)
    result = {"articles": Score(len(pairs), sum(a["dump"] in {g["dump"] for g in gold} for _, a in articles.iterrows()), len(gold)).as_dict()}
    meta = {k: sum(norm(g.get(k)) == norm(p.get(k)) for g, p in pairs) for k in ("outlet", "published", "url", "dateline")}
    result["metadata_accuracy"] = {k: round(v / len(pairs), 4) if pairs else 0.0 for k, v in meta.items()}

    ent = {lbl: Score() for lbl in SCORED}
    geo_hit = geo_total = 0
    date_s, agr_s, ev_s, ev_type_s = Score(), Score(), Score(), Score()
    for g, p in pairs:
        aid = p["article_id"]
        groups = _entity_groups(m_by.get(aid, []), entities)
        for lbl in SCORED:
            gl = [e for e in g.get("entities", []) if e["label"] == lbl]
            pl = [e for e in groups if e["label"] == lbl]
            matched = _matches(gl, pl, _entity_same)
            ent[lbl].add(len(matched), len(pl), len(gl))
            hits = {gi: pl[pi] for gi, pi in matched}
            for gi, e in enumerate(gl):
                if e.get("geonameid"):
                    geo_total += 1
                    geo_hit += gi in hits and hits[gi]["geonameid"] == str(e["geonameid"])
        gold_dates = {d["value"] for d in g.get("dates", [])}
        pred_dates = {d.value for d in d_by.get(aid, []) if d.value}
        date_s.add(len(gold_dates & pred_dates), len(pred_dates), len(gold_dates))
        pa_names = defaultdict(set)
        for am in a_by.get(aid, []):
            names = pa_names[am.agreement_id]
            names.add(norm(am.text))
            if am.agreement_id in agreements:
                agr = agreements[am.agreement_id]
                names |= {norm(agr.name), f"date:{agr.date}:{agr.kind}"}
        agr_s.add(len(_matches(g.get("agreements", []), list(pa_names.values()), _agreement_same)), len(pa_names), len(g.get("agreements", [])))
        pev = predicted_events(e_by.get(aid, []), entities)
        gev = g.get("events", [])
        ev_s.add(len(match_events(g, pev)), len(pev), len(gev))
        ev_type_s.add(len(_matches(gev, pev, lambda ge, pe: ge["type"] == pe[0])), len(pev), len(gev))
    result["entities"] = {lbl: s.as_dict() for lbl, s in ent.items()}
    total = Score()
    for s in ent.values():
        total.add(s.tp, s.pred, s.gold)
    result["entities"]["ALL"] = total.as_dict()
    result["entities_per_dump"] = _dump_level_entities(gold, articles, m_by, entities)
    result["place_linking_accuracy"] = round(geo_hit / geo_total, 4) if geo_total else None
    result["dates"] = date_s.as_dict()
    result["agreements"] = agr_s.as_dict()
    result["events"] = ev_s.as_dict()
    result["events_type_only"] = ev_type_s.as_dict()
    return result


def read_articles(folder: Path) -> pd.DataFrame:
    """The articles table of an output folder (CSV, all strings); FileNotFoundError without one."""
    articles = _read(folder, "articles")
    if articles.empty:
        raise FileNotFoundError(f"no articles.csv in {folder}")
    return articles


def align(gold: list[dict], articles: pd.DataFrame) -> list[tuple[dict, dict]]:
    """(gold article, predicted article row as a dict) pairs: within each dump, each gold article in
    order takes the most similar remaining headline, when it is at least TITLE_MATCH similar."""
    pairs = []
    for dump in dict.fromkeys(g["dump"] for g in gold):
        preds = [r for _, r in articles[articles["dump"] == dump].iterrows()]
        used: set[int] = set()
        for g in (g for g in gold if g["dump"] == dump):
            scored = [(SequenceMatcher(None, norm(g["title"]), norm(p["title"])).ratio(), i) for i, p in enumerate(preds) if i not in used]
            # the first of equally similar titles, as the referee takes it (a dump may repeat a headline)
            if scored and (best := max(scored, key=lambda s: s[0]))[0] >= TITLE_MATCH:
                used.add(best[1])
                pairs.append((g, preds[best[1]].to_dict()))
    return pairs


def _entity_groups(rows: list, entities: dict, with_aliases: bool = True) -> list[dict]:
    """Predicted entities of some mentions, grouped by entity id (by text when unresolved). Names are
    the surface forms and canonical name, plus the known aliases unless with_aliases is False (the
    referee's per-dump score leaves them out)."""
    groups: dict[str, dict] = {}
    for m in rows:
        label = "PLACE" if m.label in PLACE else m.label
        if label not in SCORED:
            continue
        key = m.entity_id or f"text:{label}:{norm(m.text)}"
        grp = groups.setdefault(key, {"labels": defaultdict(int), "names": set(), "geonameid": None})
        grp["labels"][label] += 1
        grp["names"].add(norm(m.text))
        ent = entities.get(m.entity_id)
        if ent is not None:
            grp["names"] |= {norm(ent.name), *(map(norm, _split(ent.aliases)) if with_aliases else ())}
            if ent.geonameid:
                grp["geonameid"] = str(int(float(ent.geonameid)))
    return [dict(g, label=max(g["labels"], key=g["labels"].get)) for g in groups.values()]


def _dump_level_entities(gold: list[dict], articles: pd.DataFrame, m_by: dict, entities: dict) -> dict:
    """Entity P/R/F1 over each dump as a whole (all its articles pooled), so that segmentation
    errors do not move it. Names are mention texts and canonical names, as in the referee."""
    score = Score()
    for dump in dict.fromkeys(g["dump"] for g in gold):
        merged: dict = {}
        for g in (g for g in gold if g["dump"] == dump):
            for e in g.get("entities", []):
                m = merged.setdefault((e["label"], norm(e["name"])), {"label": e["label"], "names": set(), "geonameid": e.get("geonameid")})
                m["names"] |= {norm(e["name"]), *map(norm, e.get("alt", []))}
        rows = [m for aid in articles.loc[articles["dump"] == dump, "article_id"] for m in m_by.get(aid, [])]
        preds = _entity_groups(rows, entities, with_aliases=False)
        golds = list(merged.values())

        def same(g, p):
            if g["label"] != p["label"]:
                return False
            if g.get("geonameid") and p["geonameid"] == str(g["geonameid"]):
                return True
            return bool(g["names"] & p["names"])

        score.add(len(_matches(golds, preds, same)), len(preds), len(golds))
    return score.as_dict()


def _entity_same(g: dict, p: dict) -> bool:
    if g.get("geonameid") and p["geonameid"] == str(g["geonameid"]):
        return True
    return bool({norm(g["name"]), *map(norm, g.get("alt", []))} & p["names"])


def _agreement_same(g: dict, names: set[str]) -> bool:
    gold_names = {norm(g["name"]), *map(norm, g.get("alt", []))}
    if gold_names & names or (g.get("date") and f"date:{g['date']}:{g.get('kind') or ''}" in names):
        return True
    tokens = set(norm(g["name"]).split())
    return any(len(tokens & set(n.split())) / max(1, len(tokens | set(n.split()))) >= 0.5 for n in names)


def _actor_names(ids: list[str], entities: dict) -> set[str]:
    names = set()
    for i in ids:
        names.add(norm(i))
        if i in entities:
            names |= {norm(entities[i].name), *map(norm, _split(entities[i].aliases))}
    return names


def _main_event(rows: list[dict], article_id: str, event_type: str) -> str | None:
    own = [r for r in rows if r["article_id"] == article_id and r["event_type"] == event_type]
    return min(own, key=lambda r: r["sent_idx"])["event_id"] if own else None


def dedup_pair_scores(pairs_path: str | Path, nlp) -> dict:
    """How well cross-article deduplication tells one event from two, on labelled pairs of short
    reports (models/dedup/pairs.jsonl: {"id", "same", "type", "a": {...}, "b": {...}}).

    Both reports of a pair are analysed by `nlp` and their event mentions clustered together. Each
    report is about the event of the pair's type it names first (its headline or lead); the pair is
    judged "same" when those two mentions got the same event id. (A report that recalls the other's
    event in passing, "a week after the Sochi talks", rightly shares that event without being about it.) Scores
    are precision and recall of "same", over all pairs and over the pairs where both reports yield
    an event of the type (`found_pairs`: deduplication proper, without extraction's misses); the
    others are listed under `not_found`.
    """
    from caucasus_nlp.analysis import article_rows
    from caucasus_nlp.extract.dedup import cluster_events
    from caucasus_nlp.records import Article

    score, found_score = Score(), Score()
    not_found, wrong = [], []
    pairs = [json.loads(line) for line in Path(pairs_path).read_text("utf-8").splitlines() if line.strip()]
    for pair in pairs:
        rows, meta, ids = [], {}, []
        for side in ("a", "b"):
            item = pair[side]
            text = f"{item['title']}\n\n{item['text']}"
            article = Article(f"{pair['id']}{side}", 0, item["title"], text, 0, len(text), outlet=item["outlet"], published=item["published"])
            analysed = article_rows(article, nlp(text), None)
            rows.extend(analysed["event_mentions"])
            meta[article.article_id] = {"outlet": item["outlet"], "published": item["published"], "dump": article.dump}
            ids.append(article.article_id)
        cluster_events(rows, meta)
        events = [_main_event(rows, aid, pair["type"]) for aid in ids]
        same = events[0] is not None and events[0] == events[1]
        score.add(int(same and pair["same"]), int(same), int(pair["same"]))
        if all(e is not None for e in events):
            found_score.add(int(same and pair["same"]), int(same), int(pair["same"]))
        else:
            not_found.append(pair["id"])
        if same != pair["same"]:
            wrong.append(pair["id"])
    return {"all_pairs": score.as_dict(), "found_pairs": found_score.as_dict(), "n_pairs": len(pairs), "not_found": not_found, "wrong": wrong}
