"""Agreement mentions: named agreements from the resource, generic ones linked by kind and date."""

from __future__ import annotations

import datetime as dt
import re
import re._constants as re_constants
import re._parser as re_parser
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from caucasus_nlp.ids import slug
from caucasus_nlp.kb import read_jsonl
from caucasus_nlp.syntax import doc_text

# A generic mention ("the joint statement") means the agreement of its kind issued this many days before.
GENERIC_LINK_DAYS = 45
STATUSES = ("violated", "signed", "implemented", "negotiated", "proposed", "referenced")
# Statuses that say an act was done; a cue of them that is only hoped for or planned is a proposal.
UNREALIZABLE_STATUSES = frozenset({"signed", "implemented"})


@dataclass(frozen=True)
class StatusRule:
    id: str
    words: frozenset[str]
    deps: frozenset[str]
    number: int | None


@lru_cache(maxsize=1)
def status_rules() -> dict[str, StatusRule]:
    """The rows of resources/agreement_status.jsonl by id."""
    return {rec["id"]: StatusRule(rec["id"], frozenset(rec.get("words", ())), frozenset(rec.get("deps", ())), rec.get("number"))
            for rec in read_jsonl(None, "agreement_status.jsonl")}


@dataclass(frozen=True)
class Agreement:
    id: str
    name: str
    kind: str
    date: str | None
    parties: tuple[str, ...] = ()
    generic: bool = False
    patterns: tuple[re.Pattern, ...] = field(default=(), compare=False)
    # per pattern, words one of which every match contains (lower case); empty: no such words known
    needs: tuple[frozenset[str], ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class AgreementMention:
    agreement: Agreement
    start: int
    end: int
    text: str
    sent_idx: int
    status: str
    rule_id: str


@lru_cache(maxsize=4)
def agreement_catalogue(path: str | None = None) -> tuple[Agreement, ...]:
    out = []
    for rec in read_jsonl(path, "agreements.jsonl"):
        out.append(
            Agreement(
                id=rec["id"],
                name=rec["name"],
                kind=rec["kind"],
                date=rec.get("date"),
                parties=tuple(rec.get("parties", [])),
                generic=bool(rec.get("generic")),
                patterns=tuple(re.compile(rf"\b(?:{p})\b", re.IGNORECASE if not rec.get("generic") or "[A-Z]" not in p else 0) for p in rec["patterns"]),
                needs=tuple(needed_words(p) for p in rec["patterns"]),
            )
        )
    return tuple(out)


def agreement_mentions(doc: Doc, published: str | None) -> Iterator[AgreementMention]:
    """Named agreements first, then generic phrases not inside a named mention. The Doc's text is read
    once: spaCy joins it from the tokens on every read."""
    catalogue = agreement_catalogue()
    taken: list[tuple[int, int]] = []
    named_here: dict[str, set[Agreement]] = {}
    sents = list(doc.sents)
    text = doc_text(doc)
    lowered = text.lower()
    for agreement in sorted(catalogue, key=lambda a: a.generic):
        for pattern, needs in zip(agreement.patterns, agreement.needs, strict=True):
            if needs and not any(word in lowered for word in needs):
                continue  # a scan costs a millisecond per page; most patterns' key words are absent
            for match in pattern.finditer(text):
                start, end = match.span()
                if any(s < end and start < e for s, e in taken):
                    continue
                taken.append((start, end))
                if agreement.generic:
                    target = _link_generic(agreement, match.group(0), published, catalogue, named_here.get(agreement.kind, set()))
                else:
                    target = agreement
                    named_here.setdefault(agreement.kind, set()).add(agreement)
                sent_idx, sent = next(((i, s) for i, s in enumerate(sents) if s.start_char <= start < s.end_char), (0, sents[0]))
                status, rules = mention_status(sent, doc.char_span(start, end, alignment_mode="expand"))
                yield AgreementMention(
                    agreement=target,
                    start=start,
                    end=end,
                    text=match.group(0),
                    sent_idx=sent_idx,
                    status=status,
                    rule_id="+".join((f"{agreement.id}#{agreement.patterns.index(pattern)}", *rules)),
                )


def needed_words(pattern: str) -> frozenset[str]:
    """Words (3+ letters, lower case) one of which every match of the pattern contains, read from its
    parsed form: the most selective such set, or an empty one when the pattern has none."""
    try:
        parsed = re_parser.parse(pattern)
    except (re.error, AttributeError):
        return frozenset()
    sets = _literal_sets(list(parsed))
    return max(sets, key=lambda words: min(map(len, words)), default=frozenset())


def _literal_sets(items: list) -> list[frozenset[str]]:
    """Any-of sets of literal strings a match of this parsed sequence must contain, all of them."""
    out: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) >= 3:
            out.append(frozenset({"".join(run).lower()}))
        run.clear()

    for op, arg in items:
        if op is re_constants.LITERAL:
            run.append(chr(arg))
            continue
        flush()
        if op is re_constants.SUBPATTERN:
            out.extend(_literal_sets(list(arg[-1])))
        elif op in (re_constants.MAX_REPEAT, re_constants.MIN_REPEAT) and arg[0] >= 1:
            out.extend(_literal_sets(list(arg[2])))
        elif op is re_constants.BRANCH:
            branches = [_literal_sets(list(b)) for b in arg[1]]
            if all(branches):
                out.append(frozenset().union(*(b[0] for b in branches)))
    flush()
    return out


def _link_generic(generic: Agreement, text: str, published: str | None, catalogue, named_here: set[Agreement]) -> Agreement:
    """The agreement a generic phrase ("the ceasefire", "the joint statement") means: the one
    agreement of its kind the article names, else the one of its kind issued in the weeks before
    publication, else a row of its own named by the phrase."""
    if len(named_here) == 1:
        return next(iter(named_here))
    if published and len(published) == 10:
        day = dt.date.fromisoformat(published)
        for candidate in catalogue:
            if candidate.generic or candidate.kind != generic.kind or not candidate.date:
                continue
            delta = (day - dt.date.fromisoformat(candidate.date)).days
            if 0 <= delta <= GENERIC_LINK_DAYS:
                return candidate
    name = " ".join(text.split())
    return Agreement(id=f"agreement:{slug(name)}", name=name, kind=generic.kind, date=None)


def mention_status(sent: Span, mention: Span | None = None) -> tuple[str, tuple[str, ...]]:
    """The status a sentence gives an agreement, and the ids of the rules that decided it: the
    strongest cue it has, and of a status's cues those tied to the mention in the parse where there
    are any ("the possible signing of a peace agreement" is not done because another agreement in the
    sentence "is signed"). A signing or an implementation that is only hoped for, planned, possible
    or called for ("hope to sign", "the possible signing", "will sign", "the intention to reach") has
    not happened: it counts as a proposal (or a negotiation, where the sentence also speaks of one),
    never as done."""
    rules = status_rules()
    unrealized_by: tuple[str, ...] = ()
    for status in STATUSES[:-1]:
        cues = rules[f"status:{status}"].words
        tokens = [t for t in sent if t.lemma_.lower() in cues]
        tokens = [t for t in tokens if mention is not None and tied(t, mention)] or tokens
        if status in UNREALIZABLE_STATUSES and tokens and all(why := [unrealized(t) for t in tokens]):
            unrealized_by = unrealized_by or (f"status:{status}", *dict.fromkeys(why))
            continue
        if tokens:
            return status, (*unrealized_by, f"status:{status}")
    return ("proposed", unrealized_by) if unrealized_by else ("referenced", ("status:referenced",))


def tied(cue: Token, mention: Span) -> bool:
    """Whether a cue and a mention are at most status:tied_cue dependency steps apart, one above the other."""
    reach, root = status_rules()["status:tied_cue"].number, mention.root
    return cue in list(root.ancestors)[:reach] or root in list(cue.ancestors)[:reach]


def unrealized(token: Token) -> str | None:
    """The id of the rule by which the act a cue names is hoped for, planned, possible or demanded
    rather than done, or None when it is done: a modal or future auxiliary on it or on the verbs it
    complements ("will sign", "could be signed": unrealized:auxiliary), a word of intention or
    possibility over it ("hope to sign", "readiness to sign", "urged the signing") or on it ("the
    possible signing": unrealized:intention), or a to-infinitive ("agreed to sign") unless its verb
    says it was done ("managed to sign": unrealized:infinitive). A coordinated verb is another act:
    "accused ... and insisted that it was observing the ceasefire" is not governed by the first verb,
    but a verb coordinated with a complement shares its governor ("the intention to normalize
    relations and to reach a treaty")."""
    rules = status_rules()
    auxiliaries, intention, infinitive = rules["unrealized:auxiliary"], rules["unrealized:intention"], rules["unrealized:infinitive"]
    if any(c.dep_ in ("amod", "advmod") and c.lemma_.lower() in intention.words for c in token.children):
        return intention.id
    if token.tag_ == "VB" and any(c.tag_ == "TO" for c in token.children) and token.head.lemma_.lower() not in infinitive.words:
        return infinitive.id
    for verb in (token, *token.ancestors):
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in auxiliaries.words for c in verb.children):
            return auxiliaries.id
        if verb is not token and verb.lemma_.lower() in intention.words:
            return intention.id
        if verb.dep_ == "conj" and verb.head.dep_ in intention.deps:
            continue
        if verb.dep_ not in intention.deps or (verb.dep_ == "acl" and verb.tag_ == "VBN"):
            return None  # "urged them to respect the agreement signed in 2020": the participle's signing was done
    return None
