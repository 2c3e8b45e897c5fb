"""caucasus_parse_repairs: the small model's known parse mistakes that cost an event its actor, found once
per Doc after the entity components (resources/events/repairs.jsonl).

The parse is left as the model made it; the component records the arcs it should have had:
`doc._.subject_repairs` maps a verb to (repair id, the tokens that are its subject).
The role stage of event extraction uses them where the parse gives no subject, and puts the repair's
id into the event's rule_id. Each repair can be switched off in the component's config.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from caucasus_nlp.components import NESTED
from caucasus_nlp.rulebook import RuleError, rule, rules
from caucasus_nlp.vocabulary import MENTION_LABELS

if not Doc.has_extension("subject_repairs"):
    Doc.set_extension("subject_repairs", default=None)


def repair_ids() -> list[str]:
    """Every repair of resources/events/repairs.jsonl that is enabled there, in file order."""
    return [r.id for r in rules().values() if r.stage == "repair" and r.enabled]


@Language.factory("caucasus_parse_repairs", default_config={"repairs": None},
                  assigns=["doc._.subject_repairs"])
def make_parse_repairs(nlp: Language, name: str, repairs: list[str] | None) -> ParseRepairs:
    return ParseRepairs(repairs)


class ParseRepairs:
    """Records the repaired subject of every verb.
    `repairs`: the ids to run (default: all enabled in the data)."""

    def __init__(self, repairs: list[str] | None = None):
        known = {r.id for r in rules().values() if r.stage == "repair"}
        if repairs is not None and (unknown := set(repairs) - known):
            raise RuleError(f"caucasus_parse_repairs: unknown repair id(s) {sorted(unknown)}; known: {sorted(known)}")
        self.repairs = frozenset(repair_ids() if repairs is None else repairs)

    def __call__(self, doc: Doc) -> Doc:
        names = mention_spans(doc)
        # sentence by sentence, so that each token's sentence start is known without a Token.sent, which
        # scans the sentence anew on every call
        doc._.subject_repairs = {token.i: found for sent in doc.sents for token in sent
                                 if (found := self.stray_subject(token, names, sent.start) or self.located_subject(token, names)) is not None}
        return doc

    def located_subject(self, verb: Token, names: dict[int, Span]) -> tuple[str, tuple[int, ...]] | None:
        """The subject the small model folded into a place phrase that opens the clause: in "in Temuco,
        Araucania, members of the military forces of Chile opened fire" it makes "members" the object of
        "in". An active verb without a subject whose locative phrase before it runs up to the verb, and
        names a place, a comma and then a noun that is no place, has that noun and what it governs
        after the comma as its subject."""
        if "repair:located_subject" not in self.repairs or not verb.tag_.startswith("VB"):
            return None
        if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "auxpass") for c in verb.children):
            return None
        repair = rule("repair:located_subject")
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.i < verb.i and c.lower_ in repair.words):
            noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if noun is None or noun.right_edge.i != verb.i - 1 or noun.i in names:
                continue
            commas = [t.i for t in noun.subtree if t.text == "," and t.i < noun.i]
            place = commas and any((name := names.get(t.i)) is not None and name.label_ in repair.labels
                                   for t in noun.subtree if t.i < commas[-1])
            if place:
                return "repair:located_subject", tuple(range(commas[-1] + 1, noun.right_edge.i + 1))
        return None

    def stray_subject(self, verb: Token, names: dict[int, Span], sent_start: int) -> tuple[str, tuple[int, ...]] | None:
        """The subject of a verb the small model left without one: in "Azerbaijan will release 32
        servicemen and Armenia will release two soldiers" it reads "Armenia" as a second object, and in
        "On Thursday Azerbaijan released" as part of the date. A name right before the verb's
        auxiliaries ("Armenia will"), or right after a date before the verb, is taken as its subject.
        `sent_start`: the index of the first token of the verb's sentence."""
        if "repair:stray_subject" not in self.repairs:
            return None
        repair = rule("repair:stray_subject")
        doc = verb.doc
        i = verb.i - 1
        skipped = 0
        while i >= sent_start and doc[i].head.i == verb.i and doc[i].dep_ in repair.deps:
            skipped += doc[i].dep_ in ("aux", "auxpass")
            i -= 1
        name = names.get(i) if i >= sent_start else None
        if name is None or name.label_ not in repair.labels:
            return None
        # a name the parse already hangs on the verb is its argument, unless it is a subject read as its
        # npadvmod before a parenthesis and the auxiliaries ("Turkey, meanwhile, has exhorted")
        if doc[i].head.i == verb.i and not (skipped and doc[i].dep_ in repair.map["misread_subject_deps"]):
            return None
        after_date = name.start > sent_start and doc[name.start - 1].ent_type_ in ("DATE", "TIME")
        if not skipped and not after_date:
            return None
        tokens = list(name)
        first = tokens[0]
        while first.dep_ == "conj" and (before := names.get(first.head.i)) is not None:  # "Azerbaijan and Armenia have"
            tokens[:0] = before
            first = tokens[0]
        return "repair:stray_subject", tuple(t.i for t in tokens)


def mention_spans(doc: Doc) -> dict[int, Span]:
    """Token → the name covering it: the entities and the names nested in them, as the extractors read them."""
    spans = sorted((s for s in [*doc.ents, *doc.spans.get(NESTED, [])] if s.label_ in MENTION_LABELS), key=lambda s: s.start)
    return {i: span for span in spans for i in range(span.start, span.end)}
