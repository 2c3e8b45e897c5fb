"""The engine's promise without a model: one article's failure is that article's alone."""

import pytest
import spacy
from spacy.language import Language

from caucasus_nlp import engine
from caucasus_nlp.engine import Batch, analyze_batch
from caucasus_nlp.records import Article

MARK = "BOOM"


@Language.component("test_fails_on_mark")
def _fails_on_mark(doc):
    if MARK in doc.text:
        raise RuntimeError("component broke")
    return doc


def _article(seq: int, text: str) -> Article:
    return Article(dump="d.txt", seq=seq, title=f"t{seq}", text=text, raw_start=0, raw_end=len(text))


@pytest.fixture
def rows_of_tokens(monkeypatch):
    """article_rows reduced to what these tests look at: an article's id and its token count."""
    def rows(article, doc, _year_hint):
        if "extractor" in doc.text:
            raise KeyError("extractor broke")
        return {"article_id": article.article_id, "n_tokens": len(doc)}

    monkeypatch.setattr(engine, "article_rows", rows)


@pytest.mark.parametrize(
    "texts, failed",
    [
        (["one two", "three"], {}),
        (["one two", f"{MARK} here", "three four five"], {1: "RuntimeError: component broke"}),
        ([f"{MARK} first", "two words", f"{MARK} again", "last"], {0: "RuntimeError: component broke", 2: "RuntimeError: component broke"}),
        (["one", "the extractor fails", "three"], {1: "KeyError: 'extractor broke'"}),
    ],
)
def test_an_article_that_fails_gives_a_failure_record_and_the_others_their_rows(rows_of_tokens, texts, failed):
    nlp = spacy.blank("en")
    nlp.add_pipe("test_fails_on_mark")
    articles = tuple(_article(i, t) for i, t in enumerate(texts))
    out = analyze_batch(Batch(None, None, articles, "key", 0), nlp)
    assert [r["article_id"] for r in out] == [a.article_id for a in articles]
    assert {i: r["failed"]["error"] for i, r in enumerate(out) if "failed" in r} == failed
    assert [r["n_tokens"] for i, r in enumerate(out) if i not in failed] == [len(t.split()) for i, t in enumerate(texts) if i not in failed]
    for i in failed:
        assert (out[i]["failed"]["dump"], out[i]["failed"]["seq"]) == ("d.txt", i) and "Traceback" not in out[i]["failed"]["error"]


def test_rows_whose_keys_clash_fail_their_article(monkeypatch):
    mention = {"mention_id": "m1", "article_id": "a"}
    monkeypatch.setattr(engine, "article_rows", lambda article, doc, _y: {"article_id": article.article_id, "n_tokens": 1,
                                                                           "mentions": [mention, dict(mention)], "entities": {}})
    (out,) = analyze_batch(Batch(None, None, (_article(0, "text"),), "key", 0), spacy.blank("en"))
    assert out["failed"]["error"] == "SchemaError: table mentions: key ('mention_id',) is not unique (e.g. ['m1'])"
