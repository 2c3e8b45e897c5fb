"""Hand-built parses for the event stage tables: a Doc from word/lemma/POS/dep/head[/tag] tokens, and
names on it as the entity components would leave them. No statistical model is loaded."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from caucasus_nlp.extract.entities import EntityMention
from caucasus_nlp.parse_repairs import ParseRepairs

RUSSIA, ARMENIA, AZERBAIJAN, TURKEY, GEORGIA = "geonames:2017370", "geonames:174982", "geonames:587116", "geonames:298795", "geonames:614540"
VOCAB = spacy.blank("en").vocab


def parsed(conll: str) -> Doc:
    """A Doc from space-separated word/lemma/POS/dep/head[/tag] tokens (head: a token index)."""
    rows = [token.split("/") for token in conll.split()]
    return Doc(VOCAB, words=[r[0] for r in rows], lemmas=[r[1] for r in rows], pos=[r[2] for r in rows],
               deps=[r[3] for r in rows], heads=[int(r[4]) for r in rows], tags=[r[5] if len(r) > 5 else "" for r in rows])


def named(doc: Doc, names: dict[int | tuple[int, int], tuple[str, str | None]]) -> list[EntityMention]:
    """Entity mentions, one per name: token index (or (start, end)) → (label, entity id). The names are
    also set as the Doc's entities, and caucasus_parse_repairs runs on it, as in the pipeline."""
    spans = {(k, k + 1) if isinstance(k, int) else k: v for k, v in names.items()}
    doc.ents = [Span(doc, start, end, label=label) for (start, end), (label, _) in sorted(spans.items())]
    ParseRepairs()(doc)
    return [EntityMention(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), doc[start:end].text, label, entity_id, "test",
                          0, start, end) for (start, end), (label, entity_id) in sorted(spans.items())]
