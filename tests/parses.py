"""Hand-built parses for the event stage tables: a Doc from word/lemma/POS/dep/head[/tag] tokens, and
names on it as the entity components would leave them. No statistical model is loaded."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

import spacy
from spacy.tokens import Doc, Span

import caucasus_nlp.event_typer  # noqa: F401  registers doc._.sent_event_scores
from caucasus_nlp.extract.dates import DateMention, DateValue
from caucasus_nlp.extract.entities import EntityMention, sentence_index
from caucasus_nlp.extract.events import event_mentions
from caucasus_nlp.parse_repairs import ParseRepairs
from caucasus_nlp.rulebook import rules
from caucasus_nlp.vocabulary import MENTION_LABELS

RUSSIA, ARMENIA, AZERBAIJAN, TURKEY, GEORGIA = "geonames:2017370", "geonames:174982", "geonames:587116", "geonames:298795", "geonames:614540"
VOCAB = spacy.blank("en").vocab


def parsed(conll: str) -> Doc:
    """A Doc from space-separated word/lemma/POS/dep/head[/tag] tokens (head: a token index)."""
    rows = [token.split("/") for token in conll.split()]
    return Doc(VOCAB, words=[r[0] for r in rows], lemmas=[r[1] for r in rows], pos=[r[2] for r in rows],
               deps=[r[3] for r in rows], heads=[int(r[4]) for r in rows], tags=[r[5] if len(r) > 5 else "" for r in rows])


def named(doc: Doc, names: dict[int | tuple[int, int], tuple[str, str | None]]) -> list[EntityMention]:
    """Entity mentions, one per name: token index (or (start, end)) → (label, entity id). The names are
    also set as the Doc's entities, and caucasus_parse_repairs runs on it, as in the pipeline; a DATE
    or TIME name is an entity of the Doc and no mention."""
    spans = {(k, k + 1) if isinstance(k, int) else k: v for k, v in names.items()}
    doc.ents = [Span(doc, start, end, label=label) for (start, end), (label, _) in sorted(spans.items())]
    ParseRepairs()(doc)
    sents = sentence_index(doc)
    return [EntityMention(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), doc[start:end].text, label, entity_id, "test",
                          sents[start], start, end) for (start, end), (label, entity_id) in sorted(spans.items())
            if label in MENTION_LABELS]


def shifted(conll: str, by: int) -> str:
    """The tokens of a sentence placed after `by` tokens of others (their heads shifted with them)."""
    rows = [token.split("/") for token in conll.split()]
    return " ".join("/".join([*r[:4], str(int(r[4]) + by), *r[5:]]) for r in rows)


PARAGRAPH = "¶"  # a sentence of its own in article(): a blank line (headline, lead and body are paragraphs)


def article(sentences: str | tuple[str, ...]) -> Doc:
    """One Doc of one or more hand-built sentences, in order; PARAGRAPH between them is a blank line."""
    sentences = (sentences,) if isinstance(sentences, str) else sentences
    tokens, start = [], 0
    for sentence in sentences:
        sentence = f"{PARAGRAPH}/{PARAGRAPH}/SPACE/dep/0/_SP" if sentence == PARAGRAPH else sentence
        tokens.append(shifted(sentence, start))
        start += len(sentence.split())
    doc = parsed(" ".join(tokens))
    if PARAGRAPH not in doc.text:
        return doc
    words = [t.text for t in doc]
    return Doc(doc.vocab, words=["\n\n" if w == PARAGRAPH else w for w in words], lemmas=[t.lemma_ for t in doc],
               pos=[t.pos_ for t in doc], deps=[t.dep_ for t in doc], heads=[t.head.i for t in doc], tags=[t.tag_ for t in doc])


def coded(sentences: str | tuple[str, ...], names: dict, published: str | None = None, outlet: str | None = None,
          scores: list[dict[str, float]] | None = None, dateline: str | None = None) -> list[tuple]:
    """What event extraction makes of hand-built sentences, as the stage tables state it: per event
    (type, subtype, actors, targets, modality, place, quantity, rule_id), and per candidate a gate
    dropped ("dropped", gate id, trigger word), events first. `scores`: the event-type classifier's
    probabilities per sentence, as caucasus_event_typer leaves them (accurate profile). `dateline`: the
    article's dateline, as segmentation lifts it off the text ("YEREVAN")."""
    doc = article(sentences)
    doc._.sent_event_scores = scores
    dropped: list = []
    mentions = named(doc, names)
    events = [(e.event_type, e.subtype, e.actors, e.targets, e.modality, e.location_id, e.quantity, e.rule_id)
              for e in event_mentions(doc, mentions, dated(doc, names), published, outlet, dropped=dropped, dateline=dateline)]
    return events + [("dropped", d.gate_id, d.trigger) for d in dropped]


def dated(doc: Doc, names: dict) -> list[DateMention]:
    """The DATE names given a value ((start, end): ("DATE", "2020-03-09")) as resolved date mentions, to the day."""
    sents = sentence_index(doc)
    spans = {(k, k + 1) if isinstance(k, int) else k: v for k, v in names.items()}
    return [DateMention(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), doc[start:end].text, sents[start], "test",
                        DateValue(value, "day", False, "test")) for (start, end), (label, value) in sorted(spans.items())
            if label == "DATE" and value]


@contextmanager
def rule_switched(rule_id: str, enabled: bool) -> Iterator[None]:
    """The rule switched on or off (`"enabled"`) for the duration."""
    table = rules()
    kept = table[rule_id]
    table[rule_id] = replace(kept, enabled=enabled)
    try:
        yield
    finally:
        table[rule_id] = kept


def rule_off(rule_id: str):
    return rule_switched(rule_id, False)


def rule_on(rule_id: str):
    """For a rule the data ships off: what it does when on."""
    return rule_switched(rule_id, True)


def check_row(rule_id: str, sentences: str | tuple[str, ...], names: dict, expected: list[tuple], **context) -> None:
    """A stage table's row: the sentences code as expected, and where the rule's id is in what they
    code, they code otherwise with the rule switched off, so the row tests that rule. A rule the data
    ships off (`"enabled": false`) is switched on for its rows: they say what it does when on."""
    with rule_on(rule_id):
        assert coded(sentences, names, **context) == expected
    if any(rule_id in row[-1].split("+") or rule_id == row[1] for row in expected):
        with rule_off(rule_id):
            assert coded(sentences, names, **context) != expected
