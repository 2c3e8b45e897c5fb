"""caucasus_parse_repairs: the small model's known parse mistakes that cost an event its actor, found once
per Doc after the entity components (resources/events/repairs.jsonl).

The parse is left as the model made it; the component records the arcs it should have had:
`doc._.subject_repairs` maps a verb to (repair id, the tokens that are its subject) and
`doc._.owner_repairs` a subject to (repair id, the tokens of the owner the model cut off from it).
The role stage of event extraction uses them where the parse gives no subject, and puts the repair's
id into the event's rule_id. Each repair can be switched off in the component's config.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from caucasus_nlp.components import NESTED
from caucasus_nlp.rulebook import RuleError, rule, rules
from caucasus_nlp.syntax import core
from caucasus_nlp.vocabulary import MENTION_LABELS

for _name in ("subject_repairs", "owner_repairs"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def repair_ids() -> list[str]:
    """Every repair of resources/events/repairs.jsonl that is enabled there, in file order."""
    return [r.id for r in rules().values() if r.stage == "repair" and r.enabled]


@Language.factory("caucasus_parse_repairs", default_config={"repairs": None},
                  assigns=["doc._.subject_repairs", "doc._.owner_repairs"])
def make_parse_repairs(nlp: Language, name: str, repairs: list[str] | None) -> ParseRepairs:
    return ParseRepairs(repairs)


class ParseRepairs:
    """Records the repaired subject of every verb and the repaired owner of every subject.
    `repairs`: the ids to run (default: all enabled in the data)."""

    def __init__(self, repairs: list[str] | None = None):
        known = {r.id for r in rules().values() if r.stage == "repair"}
        if repairs is not None and (unknown := set(repairs) - known):
            raise RuleError(f"caucasus_parse_repairs: unknown repair id(s) {sorted(unknown)}; known: {sorted(known)}")
        self.repairs = frozenset(repair_ids() if repairs is None else repairs)

    def __call__(self, doc: Doc) -> Doc:
        names = mention_spans(doc)
        subjects, owners = {}, {}
        for token in doc:
            if (found := self.stray_subject(token, names)) is not None:
                subjects[token.i] = found
            if "repair:stray_possessor" in self.repairs and (owner := stray_possessor(token, names)):
                owners[token.i] = ("repair:stray_possessor", tuple(t.i for t in owner))
        doc._.subject_repairs, doc._.owner_repairs = subjects, owners
        return doc

    def stray_subject(self, verb: Token, names: dict[int, Span]) -> tuple[str, tuple[int, ...]] | None:
        """The subject of a verb the small model left without one: in "Azerbaijan will release 32
        servicemen and Armenia will release two soldiers" it reads "Armenia" as a second object, and in
        "On Thursday Azerbaijan released" as part of the date. A name right before the verb's
        auxiliaries ("Armenia will"), or right after a date before the verb, is taken as its subject;
        so is the subject of an auxiliary cut off by a parenthetical, and a name the parenthetical
        turned into a modifier."""
        doc = verb.doc
        skips = rule("repair:stray_subject").deps
        i = verb.i - 1
        skipped = 0
        while i >= verb.sent.start and doc[i].head.i == verb.i and doc[i].dep_ in skips:
            skipped += doc[i].dep_ in ("aux", "auxpass")
            i -= 1
        if not skipped and "repair:orphan_auxiliary" in self.repairs and (orphan := orphan_auxiliary(verb)) is not None:
            return "repair:orphan_auxiliary", tuple(t.i for child in orphan.children if child.dep_ == "nsubj" for t in core(child))
        if skipped and "repair:parenthetical_subject" in self.repairs and (parenthesised := before_parenthetical(verb, names)):
            return "repair:parenthetical_subject", tuple(t.i for t in parenthesised)
        if "repair:stray_subject" not in self.repairs:
            return None
        name = names.get(i) if i >= verb.sent.start else None
        if name is None or name.label_ not in rule("repair:stray_subject").labels or doc[i].head.i == verb.i:
            return None
        after_date = name.start > verb.sent.start and doc[name.start - 1].ent_type_ in ("DATE", "TIME")
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


def before_parenthetical(verb: Token, names: dict[int, Span]) -> list[Token]:
    """A name the small model hung on the verb as a modifier because a parenthetical separates them:
    "But Azerbaijan, in a position of strength, has not agreed" ("Azerbaijan" read as npadvmod)."""
    repair = rule("repair:parenthetical_subject")
    for child in verb.children:
        if child.i > verb.i:
            break
        name = names.get(child.i)
        if child.dep_ in repair.deps and name is not None and name.label_ in repair.labels and (
            child.i + 1 < verb.i and child.doc[name.end].text == ","
        ):
            return list(name)
    return []


def orphan_auxiliary(verb: Token) -> Token | None:
    """An auxiliary the small model made a verb of its own, cut off from its participle by a
    parenthetical: the nearest word before the verb outside the verb's own phrases, when it is
    "have", "be" or a modal with a subject and no object or complement."""
    doc = verb.doc
    i = verb.i - 1
    while i >= verb.sent.start and (doc[i].dep_ == "punct" or verb in doc[i].ancestors):
        i -= 1
    if i < verb.sent.start:
        return None
    word = doc[i]
    if word.lemma_.lower() not in rule("repair:orphan_auxiliary").words:
        return None
    if [c.dep_ for c in word.children if c.dep_ not in ("punct", "mark", "advmod")] != ["nsubj"]:
        return None
    return word


def stray_possessor(subject: Token, names: dict[int, Span]) -> list[Token]:
    """The owner of a subject the small model cut off: in "on March 5 Azerbaijan's envoy met", it
    hangs "Azerbaijan" on the date, so "(March 5) envoy" is the subject; the name before the "'s" owns it."""
    if subject.i < 2 or subject.doc[subject.i - 1].lower_ not in ("'s", "\u2019s") or any(t.i in names for t in core(subject)):
        return []
    owner = names.get(subject.i - 2)
    return list(owner) if owner is not None else []
