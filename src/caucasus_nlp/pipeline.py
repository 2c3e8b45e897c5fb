"""The batch job: dumps in, every SCHEMA table and a manifest out.

io → segment → nlp → extract → tables. Each article is analysed once (`analyze_doc`), the same
function the `extract` command uses on a single text, so what a user sees there is what a run writes.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from caucasus_nlp import __version__
from caucasus_nlp.extract.agreements import AgreementMention, agreement_mentions
from caucasus_nlp.extract.dates import DateMention, date_mentions
from caucasus_nlp.extract.dedup import cluster_events
from caucasus_nlp.extract.entities import EntityMention, entity_mentions
from caucasus_nlp.extract.events import EventMention, article_events, event_mentions
from caucasus_nlp.ids import stable_id
from caucasus_nlp.io import read_dumps
from caucasus_nlp.kb import geonames, knowledge_base
from caucasus_nlp.language import detect_language
from caucasus_nlp.nlp import DEFAULT_MODEL, load_pipeline, model_version
from caucasus_nlp.records import Article, Dump, Rejection
from caucasus_nlp.segment import segment_dump
from caucasus_nlp.tables import SCHEMA_VERSION, TABLES, write_manifest, write_table

BATCH_SIZE = 32


@dataclass
class ArticleAnalysis:
    """Everything extracted from one article."""

    doc: Doc
    entities: list[EntityMention]
    dates: list[DateMention]
    agreements: list[AgreementMention]
    events: list[EventMention]


def analyze_doc(doc: Doc, published: str | None, year_hint: int | None = None) -> ArticleAnalysis:
    entities = list(entity_mentions(doc))
    dates = list(date_mentions(doc, published, year_hint))
    return ArticleAnalysis(
        doc=doc,
        entities=entities,
        dates=dates,
        agreements=list(agreement_mentions(doc, published)),
        events=article_events(event_mentions(doc, entities, dates, published)),
    )


@dataclass
class RunResult:
    manifest: dict
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.manifest["n_articles"] > 0


def run(inputs: Iterable[str | Path], out_dir: str | Path, model: str = DEFAULT_MODEL, nlp: Language | None = None) -> RunResult:
    """Process every input and write all tables to out_dir; bad inputs are recorded, never fatal."""
    started = dt.datetime.now(dt.UTC)
    clock = time.perf_counter()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    inputs_meta, rejections, articles, skipped = [], [], [], []
    removed_total: Counter = Counter()
    for item in read_dumps(inputs):
        if isinstance(item, Rejection):
            rejections.append(asdict(item))
            continue
        rejections.extend(asdict(r) for r in item.rejected)
        segmentation = segment_dump(item)
        removed_total.update(segmentation.removed)
        english, not_english = split_by_language(segmentation.articles)
        skipped.extend(not_english)
        inputs_meta.append(_input_record(item, len(segmentation.articles), len(not_english), segmentation.removed))
        if not segmentation.articles:
            rejections.append(asdict(Rejection(item.path, "no article found in the dump", stage="segment")))
        articles.extend(english)

    nlp = nlp or load_pipeline(model)
    tables = build_tables(articles, nlp)
    rows = {name: write_table(name, tables[name], out) for name in TABLES}
    manifest = {
        "schema_version": SCHEMA_VERSION,
        "package_version": __version__,
        "model": model_version(nlp),
        "pipeline": nlp.pipe_names,
        "started": started.isoformat(timespec="seconds"),
        "finished": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "seconds": round(time.perf_counter() - clock, 2),
        "inputs": inputs_meta,
        "rejected": rejections,
        "skipped_articles": skipped,
        "furniture_removed": dict(sorted(removed_total.items())),
        "n_articles": len(articles),
        "n_duplicate_articles": sum(1 for r in tables["articles"] if r["duplicate_of"]),
        "row_counts": rows,
    }
    write_manifest(manifest, out)
    return RunResult(manifest, rows)


def _input_record(dump: Dump, n_articles: int, n_skipped: int, removed: dict) -> dict:
    return {
        "path": dump.path,
        "dump": dump.name,
        "sha256": dump.sha256,
        "bytes": dump.n_bytes,
        "format": dump.format,
        "encoding": dump.encoding,
        "mojibake_repairs": list(dump.repaired),
        "n_articles": n_articles,
        "n_skipped_articles": n_skipped,
        "n_rejected_records": len(dump.rejected),
        "furniture_removed": removed,
    }


def split_by_language(articles: list[Article]) -> tuple[list[Article], list[dict]]:
    """English articles, and a manifest record for each other one (it never reaches the pipeline)."""
    english, skipped = [], []
    for article in articles:
        guess = detect_language(article.text)
        article.language = guess.code
        if guess.is_english:
            english.append(article)
            continue
        skipped.append(
            {"dump": article.dump, "seq": article.seq, "title": article.title, "language": guess.code,
             "probability": guess.probability, "raw_start": article.raw_start, "raw_end": article.raw_end,
             "reason": f"not English: detected {guess.code} (p={guess.probability})"}
        )
    return english, skipped


def build_tables(articles: list[Article], nlp: Language) -> dict[str, list[dict]]:
    """Rows of every table for a list of segmented articles."""
    rows: dict[str, list[dict]] = defaultdict(list)
    article_meta: dict[str, dict] = {}
    entity_seen: dict[str, dict] = {}
    agreements_seen: dict[str, dict] = {}
    years = Counter(int(a.published[:4]) for a in articles if a.published)
    year_hint = years.most_common(1)[0][0] if years else None
    first_seen: dict[str, dict] = {}
    unique: list[Article] = []
    for article in articles:
        record = {k: getattr(article, k) for k in TABLES["articles"].column_names if hasattr(article, k)}
        record.update(article_id=article.article_id, duplicate_of=None, n_tokens=None)
        if article.article_id in first_seen:
            record["duplicate_of"] = article.article_id
        else:
            first_seen[article.article_id] = record
            unique.append(article)
        rows["articles"].append(record)
    docs = nlp.pipe((a.text for a in unique), batch_size=BATCH_SIZE)
    for article, doc in zip(unique, docs, strict=True):
        aid = article.article_id
        analysis = analyze_doc(doc, article.published, year_hint)
        first_seen[aid]["n_tokens"] = len(doc)
        article_meta[aid] = first_seen[aid]
        for m in analysis.entities:
            mid = stable_id(aid, m.start, m.end, m.label)
            rows["mentions"].append(
                {"mention_id": mid, "article_id": aid, "sent_idx": m.sent_idx, "start": m.start, "end": m.end,
                 "text": m.text, "label": m.label, "entity_id": m.entity_id, "source": m.source}
            )
            if m.entity_id:
                seen = entity_seen.setdefault(m.entity_id, {"label": m.label, "surfaces": Counter(), "articles": set()})
                seen["surfaces"][m.text] += 1
                seen["articles"].add(aid)
        for d in analysis.dates:
            mid = stable_id(aid, d.start, d.end, "DATE")
            rows["mentions"].append(
                {"mention_id": mid, "article_id": aid, "sent_idx": d.sent_idx, "start": d.start, "end": d.end,
                 "text": d.text, "label": "DATE", "entity_id": None, "source": d.source}
            )
            r = d.resolved
            rows["dates"].append(
                {"mention_id": mid, "article_id": aid, "text": d.text, "value": r.value if r else None,
                 "granularity": r.granularity if r else None, "relative": r.relative if r else None,
                 "rule_id": r.rule if r else None}
            )
        for a in analysis.agreements:
            agr = a.agreement
            seen = agreements_seen.setdefault(agr.id, {"agreement": agr, "n": 0, "articles": set()})
            seen["n"] += 1
            seen["articles"].add(aid)
            rows["agreement_mentions"].append(
                {"agreement_mention_id": stable_id(aid, a.start, a.end, agr.id), "agreement_id": agr.id,
                 "article_id": aid, "sent_idx": a.sent_idx, "start": a.start, "end": a.end, "text": a.text,
                 "status": a.status, "rule_id": a.rule_id}
            )
        for e in analysis.events:
            rows["event_mentions"].append(
                {"event_mention_id": stable_id(aid, e.sent_idx, e.trigger_start, e.event_type), "event_id": None,
                 "article_id": aid, "sent_idx": e.sent_idx, "event_type": e.event_type, "subtype": e.subtype,
                 "trigger": e.trigger, "actors": list(e.actors), "targets": list(e.targets),
                 "location_id": e.location_id, "date": e.date, "date_precision": e.date_precision,
                 "modality": e.modality, "quantity": e.quantity, "sentence": e.sentence, "rule_id": e.rule_id}
            )
    for record in rows["articles"]:
        record["n_tokens"] = first_seen[record["article_id"]]["n_tokens"]
    events = cluster_events(rows["event_mentions"], article_meta)
    entity_rows = entity_table(entity_seen)
    coords = {r["entity_id"]: (r["latitude"], r["longitude"]) for r in entity_rows}
    for event in events:
        event["latitude"], event["longitude"] = coords.get(event["location_id"], (None, None))
    rows["events"] = events
    rows["entities"] = entity_rows
    rows["agreements"] = [
        {"agreement_id": k, "name": v["agreement"].name, "kind": v["agreement"].kind, "date": v["agreement"].date,
         "parties": list(v["agreement"].parties), "n_mentions": v["n"], "n_articles": len(v["articles"])}
        for k, v in sorted(agreements_seen.items())
    ]
    return rows


def entity_table(seen: dict[str, dict]) -> list[dict]:
    """One row per canonical entity: knowledge base or GeoNames facts, else the most used surface form."""
    kb = knowledge_base()
    geo = geonames()
    out = []
    for entity_id, info in sorted(seen.items()):
        surfaces = info["surfaces"]
        known = kb.get(entity_id)
        if known is None and entity_id.startswith("geonames:"):
            known = geo.by_id.get(int(entity_id.split(":", 1)[1]))
        if known is not None:
            name, etype = known.name, known.type
            aliases = list(dict.fromkeys([*known.aliases, *(s for s in surfaces if s != known.name)]))
            geo_id, lat, lon, cc = known.geonameid, known.latitude, known.longitude, known.country_code
        else:
            name = max(surfaces, key=lambda s: (len(s.split()) > 1, surfaces[s], len(s)))
            etype = "PERSON" if info["label"] == "PERSON" else "ORG" if info["label"] == "ORG" else "PLACE"
            aliases = [s for s in surfaces if s != name]
            geo_id = lat = lon = cc = None
        out.append(
            {"entity_id": entity_id, "name": name, "type": etype, "aliases": aliases, "geonameid": geo_id,
             "latitude": lat, "longitude": lon, "country_code": cc, "in_kb": known is not None,
             "n_mentions": sum(surfaces.values()), "n_articles": len(info["articles"])}
        )
    return out
