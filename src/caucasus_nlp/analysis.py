"""The analysis of one article: its spaCy Doc in, everything the extractors find and the table rows
it contributes out.

The engine runs it on every article of a batch (in a worker process, or on a Dask worker), the
`extract` command on one text and evaluation on its labelled pairs; so it sits below the engine and
the pipeline, and neither needs the other for it. What spans articles (events deduplicated across
them, the entity and agreement tables) is the pipeline's.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc

from caucasus_nlp.extract.agreements import AgreementMention, agreement_mentions
from caucasus_nlp.extract.dates import DateMention, date_mentions
from caucasus_nlp.extract.entities import EntityMention, entity_mentions
from caucasus_nlp.extract.events import DroppedCandidate, EventMention, article_events, event_mentions
from caucasus_nlp.extract.events.actors import actor_codes, actor_country, generic_name
from caucasus_nlp.ids import stable_id
from caucasus_nlp.kb import geonames, knowledge_base
from caucasus_nlp.records import Article
from caucasus_nlp.syntax import doc_text


@dataclass
class ArticleAnalysis:
    """Everything extracted from one article."""

    doc: Doc
    entities: list[EntityMention]
    dates: list[DateMention]
    agreements: list[AgreementMention]
    events: list[EventMention]
    # the candidates the event gates dropped, in text order
    dropped: list[DroppedCandidate] = field(default_factory=list)


def analyze_doc(doc: Doc, published: str | None, year_hint: int | None = None, outlet: str | None = None,
                dateline: str | None = None) -> ArticleAnalysis:
    entities = list(entity_mentions(doc))
    dates = list(date_mentions(doc, published, year_hint))
    dropped: list[DroppedCandidate] = []
    return ArticleAnalysis(
        doc=doc,
        entities=entities,
        dates=dates,
        agreements=list(agreement_mentions(doc, published)),
        events=article_events(event_mentions(doc, entities, dates, published, outlet, dropped=dropped, dateline=dateline), headline_sentences(doc)),
        dropped=dropped,
    )


def analysis_record(analysis: ArticleAnalysis) -> dict:
    """One text's rows as a JSON-ready record (`extract --batch`): its entities, dates, agreements and
    events with the columns of the tables that hold them, and the rule behind each."""
    return {
        "entities": [{"text": m.text, "label": m.label, "entity_id": m.entity_id, "start": m.start, "end": m.end, "source": m.source}
                     for m in analysis.entities],
        "dates": [{"text": d.text, "value": d.resolved.value if d.resolved else None,
                   "granularity": d.resolved.granularity if d.resolved else None, "start": d.start, "end": d.end} for d in analysis.dates],
        "agreements": [{"text": a.text, "agreement_id": a.agreement.id, "name": a.agreement.name, "status": a.status, "rule_id": a.rule_id}
                       for a in analysis.agreements],
        "events": [{"event_type": e.event_type, "subtype": e.subtype, "trigger": e.trigger, "actors": list(e.actors),
                    "targets": list(e.targets), "location_id": e.location_id, "date": e.date, "modality": e.modality,
                    "quantity": e.quantity, "sentence": e.sentence, "rule_id": e.rule_id} | actor_codes(e.actors, e.targets)
                   for e in analysis.events],
    }


def headline_sentences(doc: Doc) -> int:
    """How many sentences the headline has: an article's text is its headline, a blank line and
    the body (a text with no blank line has no headline of its own)."""
    end = doc_text(doc).find("\n\n")
    return 0 if end < 0 else sum(1 for sent in doc.sents if sent.start_char < end)


def article_rows(article: Article, doc: Doc, year_hint: int | None) -> dict:
    """The rows one analysed article contributes to the mention, date, agreement and event tables, and
    to dropped_event_candidates."""
    aid = article.article_id
    analysis = analyze_doc(doc, article.published, year_hint, article.outlet, article.dateline)
    out: dict = {"article_id": aid, "n_tokens": len(doc), "mentions": [], "dates": [], "agreement_mentions": [],
                 "event_mentions": [], "dropped_event_candidates": [], "agreements": {}, "entities": {}}
    for m in analysis.entities:
        out["mentions"].append(
            {"mention_id": stable_id(aid, m.start, m.end, m.label), "article_id": aid, "sent_idx": m.sent_idx, "start": m.start,
             "end": m.end, "text": m.text, "label": m.label, "entity_id": m.entity_id, "source": m.source}
        )
        if m.entity_id and m.entity_id not in out["entities"]:
            out["entities"][m.entity_id] = entity_facts(m.entity_id)
    for d in analysis.dates:
        mid = stable_id(aid, d.start, d.end, "DATE")
        out["mentions"].append(
            {"mention_id": mid, "article_id": aid, "sent_idx": d.sent_idx, "start": d.start, "end": d.end,
             "text": d.text, "label": "DATE", "entity_id": None, "source": d.source}
        )
        r = d.resolved
        out["dates"].append(
            {"mention_id": mid, "article_id": aid, "text": d.text, "value": r.value if r else None,
             "granularity": r.granularity if r else None, "relative": r.relative if r else None, "rule_id": r.rule if r else None}
        )
    for a in analysis.agreements:
        agr = a.agreement
        out["agreements"][agr.id] = {"agreement_id": agr.id, "name": agr.name, "kind": agr.kind, "date": agr.date, "parties": list(agr.parties)}
        out["agreement_mentions"].append(
            {"agreement_mention_id": stable_id(aid, a.start, a.end, agr.id), "agreement_id": agr.id, "article_id": aid,
             "sent_idx": a.sent_idx, "start": a.start, "end": a.end, "text": a.text, "status": a.status, "rule_id": a.rule_id}
        )
    for e in analysis.events:
        out["event_mentions"].append(
            # the actors tell apart the two sides of one release ("the release of two Azerbaijani and 32 Armenian detainees")
            {"event_mention_id": stable_id(aid, e.sent_idx, e.trigger_start, e.event_type, *e.actors), "event_id": None,
             "article_id": aid, "sent_idx": e.sent_idx, "event_type": e.event_type, "subtype": e.subtype,
             "trigger": e.trigger, "trigger_start": e.trigger_start, "actors": list(e.actors), "targets": list(e.targets),
             "location_id": e.location_id, "location_precision": e.location_precision, "date": e.date,
             "date_precision": e.date_precision, "date_source": e.date_source,
             "modality": e.modality, "quantity": e.quantity, "sentence": e.sentence, "rule_id": e.rule_id,
             "type_confidence": e.type_confidence} | actor_codes(e.actors, e.targets)
        )
    for c in analysis.dropped:
        out["dropped_event_candidates"].append(
            # the participants tell apart the events one rewrite makes of a trigger, as for event mentions
            {"dropped_candidate_id": stable_id(aid, c.sent_idx, c.trigger_start, c.event_type, c.gate_id, "|".join(c.actors), "|".join(c.targets)),
             "article_id": aid, "sent_idx": c.sent_idx, "gate_id": c.gate_id, "event_type": c.event_type, "subtype": c.subtype,
             "trigger": c.trigger, "trigger_start": c.trigger_start, "trigger_lemma": c.trigger_lemma, "actors": list(c.actors),
             "targets": list(c.targets), "sentence": c.sentence, "rule_id": c.rule_id}
        )
    for entity_id in referenced_ids(out):
        if entity_id not in out["entities"]:
            out["entities"][entity_id] = generic_facts(entity_id) or entity_facts(entity_id)
    return out


def referenced_ids(rows: dict) -> Iterator[str]:
    """Every entity id an article's rows refer to besides its mentions: the actors, targets and place of
    its events and dropped candidates, and the parties of its agreements. Most have a mention of their
    own; those that do not (an office's holder, "his administration"'s state, a dateline's place, a
    generic actor) still need their entities row, so that every id in every table resolves."""
    for event in (*rows["event_mentions"], *rows["dropped_event_candidates"]):
        yield from event["actors"]
        yield from event["targets"]
        if event.get("location_id"):
            yield event["location_id"]
    for agreement in rows["agreements"].values():
        yield from agreement["parties"]


def generic_facts(actor_id: str) -> dict | None:
    """The entity row of a generic actor ("actor:PRO:AM" → Protesters (Armenia)); None for a named one."""
    if (name := generic_name(actor_id)) is None:
        return None
    return {"name": name, "type": "GROUP", "aliases": [], "geonameid": None, "latitude": None, "longitude": None,
            "country_code": actor_country(actor_id)}


def entity_facts(entity_id: str) -> dict | None:
    """What the knowledge base or GeoNames says of a linked entity; None for one only the text names.
    Looked up where the article is analysed and cached with its rows, so assembling the tables
    needs neither (nor their seconds of loading)."""
    known = knowledge_base().get(entity_id) or geonames().get(entity_id)
    if known is None:
        return None
    return {"name": known.name, "type": known.type, "aliases": list(known.aliases), "geonameid": known.geonameid,
            "latitude": known.latitude, "longitude": known.longitude, "country_code": known.country_code}
