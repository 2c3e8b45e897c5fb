"""Phrases of the dependency parse that every stage reads: a noun phrase's core, a preposition's object,
a clause's governing verb."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the report reads dates, which read the Doc's text through here, without importing spaCy
    from spacy.tokens import Doc, Span, Token

DOC_TEXT_KEY = "caucasus_nlp.text"


def core(phrase: Token) -> list[Token]:
    """A noun phrase without its appositions, clauses and modifiers other than "of": in "Turkey, as
    Baku's closest ally in the 2020 war, insists", only Turkey acts."""
    out = [phrase]
    for child in phrase.children:
        if child.dep_ in ("appos", "relcl", "acl", "advcl", "punct") or (child.dep_ == "prep" and child.lower_ != "of"):
            continue
        out.extend(core(child))
    return sorted(out, key=lambda t: t.i)


def prep_phrase(prep: Token) -> list[Token]:
    """A preposition's object without the clauses and other prepositions hung on it ("by Azerbaijani
    fire near Jermuk": the fire, not Jermuk)."""
    return [t for pobj in prep.children if pobj.dep_ in ("pobj", "pcomp") for t in core(pobj)]


def same_clause(token: Token, head: Token) -> bool:
    """Whether the clause head is the trigger itself or a verb it is coordinated with."""
    while token.i != head.i and token.dep_ == "conj":
        token = token.head
    return token.i == head.i


def climb(token: Token, deps: tuple[str, ...]) -> Token:
    """The token a chain of these dependencies leads up to: the head of the compounds, appositions and
    conjuncts a name is part of, or the verb that governs a complement."""
    while token.dep_ in deps and token.head.i != token.i:
        token = token.head
    return token


def governor(token: Token) -> Token:
    """The verb that governs a complement ("refused" for "go" in "refused to go")."""
    return climb(token, ("xcomp", "ccomp", "conj"))


def token_indices(spans: Iterable[Span]) -> set[int]:
    """The indices of the tokens the spans cover."""
    return {i for span in spans for i in range(span.start, span.end)}


def tokens_where(doc: Doc, attr: int, keep: Callable[[int], bool]) -> Iterator[Token]:
    """The tokens whose value of `attr` (a spacy.attrs id: a string id, or 0/1 for a flag) passes
    `keep`, in text order. The values are read for the whole Doc as one array, and a Token is made
    only of the words kept: iterating the Doc makes one of every word, which costs more than the test."""
    for i, value in enumerate(doc.to_array(attr).tolist()):
        if keep(value):
            yield doc[i]


def doc_text(doc: Doc) -> str:
    """Doc.text, joined once per Doc and kept with it: spaCy joins it from every token on each read,
    and several extractors read it. The text kept is used only while its length is the Doc's: a Doc
    made of a Span with its user data (Span.as_doc) inherits the whole text's."""
    n_chars = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    kept = doc.user_data.get(DOC_TEXT_KEY)
    if kept is None or len(kept) != n_chars:
        kept = doc.user_data[DOC_TEXT_KEY] = doc.text
    return kept
