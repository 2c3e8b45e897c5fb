"""What the event gates drop, over hand-built parses: the DroppedCandidate records event_mentions hands
a caller, and the dropped_event_candidates rows an article contributes. No statistical model is loaded."""

from __future__ import annotations

import pandas as pd
import pyarrow.parquet as pq

from caucasus_nlp.analysis import article_rows
from caucasus_nlp.extract.events import DroppedCandidate, event_mentions
from caucasus_nlp.records import Article
from caucasus_nlp.tables import TABLES, enforce_schema, write_table
from parses import ARMENIA, AZERBAIJAN, named, parsed

# "Will Armenia sign ...?" with a trigger of its own only: "meet"
QUESTION = ("Will/will/AUX/aux/2 Armenia/Armenia/PROPN/nsubj/2 meet/meet/VERB/ROOT/2 Azerbaijan/Azerbaijan/PROPN/dobj/2 "
            "?/?/PUNCT/punct/2")
MET = "Armenia/Armenia/PROPN/nsubj/1 met/meet/VERB/ROOT/1 Azerbaijan/Azerbaijan/PROPN/dobj/1 ././PUNCT/punct/1"
TALKS = "Talks/talk/NOUN/nsubjpass/2/NNS were/be/AUX/auxpass/2 held/hold/VERB/ROOT/2/VBN ././PUNCT/punct/2"
RELEASED = "Prisoners/prisoner/NOUN/nsubjpass/2/NNS were/be/AUX/auxpass/2 released/release/VERB/ROOT/2/VBN ././PUNCT/punct/2"


def _shift(conll: str, by: int) -> str:
    """The tokens of a sentence placed after `by` tokens of others (their heads shifted with them)."""
    rows = [token.split("/") for token in conll.split()]
    return " ".join("/".join([*r[:4], str(int(r[4]) + by), *r[5:]]) for r in rows)


def _article(*sentences: str):
    """A Doc of the sentences, its names, and an Article of its text."""
    tokens, start = [], 0
    for sentence in sentences:
        tokens.append(_shift(sentence, start))
        start += len(sentence.split())
    doc = parsed(" ".join(tokens))
    names = {t.i: ("GPE", {"Armenia": ARMENIA, "Azerbaijan": AZERBAIJAN}[t.text]) for t in doc if t.text in ("Armenia", "Azerbaijan")}
    mentions = named(doc, names)
    return doc, mentions, Article(dump="d.txt", seq=0, title="Talks", text=doc.text, raw_start=0, raw_end=len(doc.text))


def test_a_question_dropped_by_a_candidate_gate_is_one_record_of_the_chosen_trigger_row():
    doc, mentions, _ = _article(QUESTION)
    dropped: list[DroppedCandidate] = []
    assert list(event_mentions(doc, mentions, [], dropped=dropped)) == []
    assert dropped == [DroppedCandidate(sent_idx=0, event_type="CONSULT", subtype="meeting", trigger="meet", trigger_start=13,
                                        trigger_lemma="meet", rule_id="trigger:meet:verb:meeting", gate_id="gate:question",
                                        sentence="Will Armenia meet Azerbaijan ?")]


def test_event_gates_leave_the_built_events_type_and_their_gate():
    doc, mentions, _ = _article(TALKS, RELEASED)
    dropped: list[DroppedCandidate] = []
    assert list(event_mentions(doc, mentions, [], dropped=dropped)) == []
    assert [(d.sent_idx, d.trigger, d.event_type, d.subtype, d.gate_id, d.trigger_row, d.actors, d.targets) for d in dropped] == [
        (0, "Talks", "CONSULT", "negotiation", "gate:background_noun", "trigger:talk:noun:negotiation", (), ()),
        (1, "released", "CONCEDE", "prisoner_release", "gate:no_participant", "trigger:release:verb:prisoner_release", (), ()),
    ]


def test_collecting_what_the_gates_drop_changes_no_event():
    doc, mentions, _ = _article(MET, QUESTION, TALKS)
    dropped: list[DroppedCandidate] = []
    kept = list(event_mentions(doc, mentions, []))
    assert list(event_mentions(doc, mentions, [], dropped=dropped)) == kept
    # "Talks were held" in a story of Armenia and Azerbaijan: between the two (role:reciprocal_default)
    assert [(e.sent_idx, e.trigger, e.actors) for e in kept] == [(0, "met", (ARMENIA,)), (2, "Talks", (ARMENIA, AZERBAIJAN))]
    assert [(d.sent_idx, d.gate_id) for d in dropped] == [(1, "gate:question")]


def test_an_article_contributes_one_dropped_event_candidates_row_per_drop_in_the_declared_columns(tmp_path):
    doc, _, article = _article(MET, QUESTION)
    rows = article_rows(article, doc, None)
    assert [(r["sent_idx"], r["trigger"]) for r in rows["event_mentions"]] == [(0, "met")]
    (row,) = rows["dropped_event_candidates"]
    assert list(row) == TABLES["dropped_event_candidates"].column_names
    assert (row["article_id"], row["gate_id"], row["event_type"], row["trigger"], row["trigger_start"], row["sentence"]) == (
        article.article_id, "gate:question", "CONSULT", "meet", doc[6].idx, "Will Armenia meet Azerbaijan ?")
    assert row["actors"] == row["targets"] == [] and row["rule_id"] == "trigger:meet:verb:meeting"
    # a stable id: the same article gives the same one
    assert article_rows(article, doc, None)["dropped_event_candidates"][0]["dropped_candidate_id"] == row["dropped_candidate_id"]
    frame = enforce_schema("dropped_event_candidates", pd.DataFrame(rows["dropped_event_candidates"]))
    assert frame["gate_id"].tolist() == ["gate:question"]
    assert write_table("dropped_event_candidates", rows["dropped_event_candidates"], tmp_path) == 1
    assert pq.read_table(tmp_path / "dropped_event_candidates.parquet").column("gate_id").to_pylist() == ["gate:question"]


def test_the_table_is_declared_like_event_mentions():
    table = TABLES["dropped_event_candidates"]
    assert table.key == ("dropped_candidate_id",)
    assert all(c.description for c in table.columns)
    shared = ("article_id", "sent_idx", "event_type", "subtype", "trigger", "trigger_start", "actors", "targets", "sentence", "rule_id")
    events = {c.name: c for c in TABLES["event_mentions"].columns}
    assert all(table.columns[table.column_names.index(n)].type == events[n].type for n in shared)
