"""spaCy components of the caucasus pipeline, registered as factories when this module is imported.

- caucasus_gazetteer: finds the knowledge base's names and aliases and gives them their label and
  canonical id (Span.kb_id_), overriding the statistical NER where the two overlap.
- caucasus_entity_fixer: corrects the stock model's systematic errors on this domain: demonyms
  tagged PERSON or ORG become NORP, titles ("PM", "Deputy Minister", "Mr") and possessives are
  trimmed from names, and determiners are trimmed from entity spans.

Every entity span records what found it in the `source` extension ("ner", "gazetteer", "ner+fix").
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from caucasus_nlp.kb import demonyms, fold, read_jsonl, titles

if not Span.has_extension("source"):
    Span.set_extension("source", default=None)

# NER labels that may keep a longer span around a gazetteer name ("Armenia's Constitutional Court").
NAME_CONTAINERS = {"ORG", "EVENT", "LAW", "WORK_OF_ART"}
# Short upper-case aliases (EU, US, ICC) match case-sensitively so that "us" is never the United States.
CASE_SENSITIVE_MAX_LEN = 5


@Language.factory(
    "caucasus_gazetteer",
    default_config={"entities_path": None},
    assigns=["doc.ents", "token.ent_type", "token.ent_iob", "span._.source"],
)
def make_gazetteer(nlp: Language, name: str, entities_path: str | None) -> GazetteerRuler:
    return GazetteerRuler(nlp, name, entities_path=entities_path)


class GazetteerRuler:
    """Phrase matching of the knowledge base's names; patterns come from JSONL at initialize."""

    def __init__(self, nlp: Language, name: str = "caucasus_gazetteer", entities_path: str | None = None):
        self.nlp = nlp
        self.name = name
        self.entities_path = entities_path
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.n_patterns = 0

    def initialize(self, get_examples=None, *, nlp: Language | None = None, entities: Iterable[dict] | None = None):
        """Load patterns: the given records, else the JSONL at entities_path, else the packaged KB."""
        records = list(entities) if entities is not None else read_jsonl(self.entities_path, "entities.jsonl")
        self.add_entities(records)

    def add_entities(self, records: Iterable[dict]) -> None:
        for rec in records:
            key = f"{rec.get('label', rec['type'])}\x1f{rec['id']}"
            for alias in dict.fromkeys([rec["name"], *rec.get("aliases", [])]):
                pattern = self.nlp.make_doc(alias)
                if alias.isupper() and len(alias.replace(".", "")) <= CASE_SENSITIVE_MAX_LEN:
                    self.exact.add(key, [pattern])
                else:
                    self.folded.add(key, [pattern])
                self.n_patterns += 1

    def __call__(self, doc: Doc) -> Doc:
        found = []
        for matcher in (self.exact, self.folded):
            for match_id, start, end in matcher(doc):
                label, entity_id = self.nlp.vocab.strings[match_id].split("\x1f", 1)
                span = Span(doc, start, end, label=label, kb_id=entity_id)
                found.append(span)
        gazetteer = filter_spans(found)
        kept_ner = [ent for ent in doc.ents if not _loses_to(ent, gazetteer)]
        covered = {i for ent in kept_ner for i in range(ent.start, ent.end)}
        gazetteer = [s for s in gazetteer if not covered.intersection(range(s.start, s.end))]
        for span in gazetteer:
            span._.source = "gazetteer"
        for ent in kept_ner:
            ent._.source = ent._.source or "ner"
        doc.ents = sorted([*kept_ner, *gazetteer], key=lambda s: s.start)
        return doc

    def to_disk(self, path, exclude=()):  # patterns are rebuilt from the KB at initialize
        return None

    def from_disk(self, path, exclude=()):
        return self


def _loses_to(ent: Span, gazetteer: list[Span]) -> bool:
    """An NER entity yields to an overlapping gazetteer span unless it is a longer name containing it."""
    for span in gazetteer:
        if span.end <= ent.start or span.start >= ent.end:
            continue
        contains = ent.start <= span.start and span.end <= ent.end
        if contains and ent.label_ in NAME_CONTAINERS and len(ent) - len(span) >= 2:
            continue
        return True
    return False


@Language.factory("caucasus_entity_fixer", assigns=["doc.ents", "span._.source"])
def make_entity_fixer(nlp: Language, name: str) -> EntityCorrector:
    return EntityCorrector(name)


class EntityCorrector:
    """Rule corrections of the stock NER for this domain (see the module docstring)."""

    def __init__(self, name: str = "caucasus_entity_fixer"):
        self.name = name
        self.demonyms = {fold(d) for d in demonyms()}
        self.titles = titles()

    def __call__(self, doc: Doc) -> Doc:
        fixed = []
        for ent in doc.ents:
            span = self.correct(ent)
            if span is not None:
                fixed.append(span)
        doc.ents = filter_spans(fixed)
        return doc

    def correct(self, ent: Span) -> Span | None:
        if ent._.source == "gazetteer":
            return ent
        start, end, label = ent.start, ent.end, ent.label_
        doc = ent.doc
        while start < end and doc[start].lower_ in ("the", "a", "an"):
            start += 1
        while end > start and doc[end - 1].lower_ in ("'s", "’s", "'", "’"):
            end -= 1
        if label == "PERSON":
            while end - start > 1 and doc[start].lower_.rstrip(".") in {t.rstrip(".") for t in self.titles}:
                start += 1
        if start >= end:
            return None
        text = doc[start:end].text
        if fold(text) in self.demonyms and label in ("PERSON", "ORG", "GPE", "LOC", "NORP"):
            label = "NORP"
        if label == "PERSON" and (any(c.isdigit() for c in text) or text.islower()):
            return None
        if (start, end, label) == (ent.start, ent.end, ent.label_):
            return ent
        span = Span(doc, start, end, label=label, kb_id=ent.kb_id_)
        span._.source = "ner+fix"
        return span
