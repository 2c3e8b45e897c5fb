"""spaCy components of the caucasus pipeline, registered as factories when this module is imported.

- caucasus_gazetteer: finds the knowledge base's names and aliases and gives them their label and
  canonical id (Span.kb_id_), overriding the statistical NER where the two overlap, unless the NER
  span is a longer name that adds capitalised words of its own ("Armenia's Constitutional Court"
  keeps its name; "Armenia-Azerbaijan" tagged ORG becomes two places). NER spans never cross a
  paragraph break. Places named inside a compound name ("Stepanakert-Goris highway") are kept in
  the span group `doc.spans["nested_ents"]` (a span group, not a Doc extension holding Spans: Spans
  stored on their own Doc make a reference cycle, and each Doc's native memory then waits for
  Python's cyclic collector; over a long batch job that reads as a leak).
- caucasus_entity_fixer: corrects the stock model's systematic errors on this domain: common
  abbreviations tagged as names ("ASAP", "NFT") are dropped; a one-word PERSON or ORG that
  GeoNames knows as a place of the region (or as a large place) is a place; demonyms
  tagged PERSON or ORG become NORP, and so do groups named by a plural demonym ("Karabakh
  Armenians"); titles ("PM", "Deputy Minister", "Mr"), possessives and determiners are trimmed;
  a name with an Armenian, Azerbaijani or Russian surname ending that the model tagged ORG/GPE, or
  missed, is a PERSON; a name before a place noun ("Kashen mine", "Tegh village") is a place; in a
  headline or heading written in Title Case or capitals, where capitals say nothing, a name the
  model found only there and the knowledge base does not know is dropped; a capitalised name
  GeoNames knows right after a locative preposition ("in Goma", "the village of Gubden") is a place.

- caucasus_headline_case: a headline in Title Case is tagged and parsed again in sentence case, its
  English words lower-cased and its names kept ("Putin Hosts 'Useful' Talks": "hosts" a verb), so
  that its events are read as a sentence's are.

Every entity span records what found it in the `source` extension ("ner", "gazetteer", "ner+fix",
"rule").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy
from spacy.attrs import DEP, HEAD, IS_ALPHA, IS_LOWER, IS_SPACE, IS_TITLE, IS_UPPER, LEMMA, LIKE_NUM, LOWER, MORPH, POS, SENT_START, TAG
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from caucasus_nlp.date_grammar import DATE_WORD
from caucasus_nlp.kb import (
    FAR_PLACE_MIN_POPULATION,
    admin_seats,
    demonym_keys,
    entity_named,
    fold,
    geonames,
    place_noun_rows,
    read_jsonl,
    resource_lines,
    titles,
)
from caucasus_nlp.syntax import token_indices, tokens_where
from caucasus_nlp.vocabulary import PLACE_LABELS

if not Span.has_extension("source"):
    Span.set_extension("source", default=None)
NESTED = "nested_ents"

# NER labels that may keep a longer span around a gazetteer name ("Armenia's Constitutional Court").
NAME_CONTAINERS = {"ORG", "EVENT", "LAW", "WORK_OF_ART"}
NAME_LABELS = ("PERSON", "ORG", "NORP", *PLACE_LABELS)
# A headline is in Title Case when at least this share of its words of four letters or more are capitalised.
TITLE_CASE_SHARE = 0.6
TITLE_CASE_MIN_WORDS = 4
# Longer lines are paragraphs, whatever their case.
HEADING_MAX_TOKENS = 40
# The labels the model gives a town it has not seen, read again as a place after a locative preposition
# ("in Montes Claros" ORG, "near Hnutove" WORK_OF_ART, "in Halba" NORP).
REREADABLE_LABELS = ("PERSON", "ORG", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT")
# A place name the model missed after a locative preposition has at most this many capitalised words ("Montes Claros": 2).
LOCATIVE_NAME_MAX_TOKENS = 4

# a Roman numeral in capitals ("III", "XIV"): a number, not initials
ROMAN = re.compile(r"[IVXLCDM]+")


@Language.factory(
    "caucasus_gazetteer",
    default_config={"entities_path": None},
    assigns=["doc.ents", "token.ent_type", "token.ent_iob", "doc.spans", "span._.source"],
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
        self.demonyms = demonym_keys()
        self.n_patterns = 0

    def initialize(self, get_examples=None, *, nlp: Language | None = None, entities: Iterable[dict] | None = None):
        """Load patterns: the given records, else the JSONL at entities_path, else the packaged KB."""
        records = list(entities) if entities is not None else read_jsonl(self.entities_path, "entities.jsonl")
        self.add_entities(records)

    def add_entities(self, records: Iterable[dict]) -> None:
        """Patterns for every name and alias. One-word names match as written (and in capitals, as in
        datelines), so that the agency "Trend" or the outlet "BLiTZ" is never the common word; longer
        names match in any case. Apostrophes match in both their straight and curly forms."""
        for rec in records:
            key = f"{rec.get('label', rec['type'])}\x1f{rec['id']}"
            names = [rec["name"]] if rec.get("match_name", True) else []
            for alias in dict.fromkeys([*names, *rec.get("aliases", [])]):
                for variant in dict.fromkeys([alias, alias.replace("'", "’"), alias.replace("’", "'")]):
                    pattern = self.nlp.make_doc(variant)
                    if len(pattern) == 1:
                        self.exact.add(key, [pattern, self.nlp.make_doc(variant.upper())])
                    else:
                        self.folded.add(key, [pattern])
                    self.n_patterns += 1

    def __call__(self, doc: Doc) -> Doc:
        found = []
        for matcher in (self.exact, self.folded):
            for match_id, start, end in matcher(doc):
                label, entity_id = self.nlp.vocab.strings[match_id].split("\x1f", 1)
                found.append(Span(doc, start, end, label=label, kb_id=entity_id))
        gazetteer = filter_spans(found)
        ner = [piece for ent in doc.ents if (piece := _within_paragraph(ent)) is not None]
        kept_ner = [ent for ent in ner if not _loses_to(ent, gazetteer, self.demonyms)]
        covered = {i for ent in kept_ner for i in range(ent.start, ent.end)}
        gazetteer = [s for s in gazetteer if not covered.intersection(range(s.start, s.end))]
        for span in gazetteer:
            span._.source = "gazetteer"
        for ent in kept_ner:
            ent._.source = ent._.source or "ner"
        doc.ents = sorted([*kept_ner, *gazetteer], key=lambda s: s.start)
        doc.spans[NESTED] = _nested_names(doc.ents, found)
        return doc

    def to_disk(self, path, exclude=()):  # patterns are rebuilt from the KB at initialize
        return None

    def from_disk(self, path, exclude=()):
        return self


def _within_paragraph(ent: Span) -> Span | None:
    """The part of an NER span before the first paragraph break in it (the model sometimes runs a
    name on into the next paragraph: "...Republic of Armenia\\n\\nBaku"); None if nothing is left."""
    end = next((t.i for t in ent if t.is_space and "\n" in t.text), ent.end)
    while end > ent.start and ent.doc[end - 1].is_space:
        end -= 1
    if end <= ent.start:
        return None
    return ent if end == ent.end else Span(ent.doc, ent.start, end, label=ent.label_, kb_id=ent.kb_id_)


def _loses_to(ent: Span, gazetteer: list[Span], demonym_words: set[str]) -> bool:
    """An NER entity yields to overlapping gazetteer names unless it is a longer name (ORG, EVENT,
    LAW) containing them and adding capitalised words of its own: "Armenia's Constitutional Court"
    stays, "Armenia-Azerbaijan" or "Karabakh/Nagorno-Karabakh" tagged ORG gives way to its parts."""
    overlapping = [s for s in gazetteer if s.start < ent.end and s.end > ent.start]
    if not overlapping:
        return False
    for span in overlapping:
        contains = ent.start <= span.start and span.end <= ent.end
        if not (contains and ent.label_ in NAME_CONTAINERS and len(ent) - len(span) >= 2):
            return True
    inside = {i for s in overlapping for i in range(s.start, s.end)}
    # a possessor before the known name is not part of it: "Harutyunyan's Free Homeland Party"
    possessive = [t.i for t in ent if t.lower_ in ("'s", "’s") and t.i + 1 in inside]
    first_own = possessive[-1] + 1 if possessive else ent.start
    own = [t for t in ent if t.i >= first_own and t.i not in inside and t.is_alpha and fold(t.text) not in demonym_words]
    return not any(t.is_title or t.is_upper for t in own)


def _nested_names(ents, found: list[Span]) -> list[Span]:
    """Known names inside a longer name are mentions too: inside a name the model found ("Committee
    of Ministers of the Council of Europe"), and inside a knowledge-base name built from several
    places ("Stepanakert-Goris highway"). A known name built on one place ("Lachin corridor") is
    not split."""
    nested = []
    for ent in ents:
        inner = [s for s in found if ent.start <= s.start and s.end <= ent.end and (s.start, s.end) != (ent.start, ent.end)
                 and s.kb_id_ != ent.kb_id_]
        inner = filter_spans(inner)
        places = {s.kb_id_ for s in inner if s.label_ in PLACE_LABELS}
        if ent._.source == "gazetteer" and len(places) < 2:
            continue
        for span in inner:
            span._.source = "gazetteer+nested"
            nested.append(span)
    return nested


def _unparsed_head(span: Span):
    """The head noun of a name without a parse: the word before its first "of", "on" or "for"
    ("Judgment of the ICJ"), else its last word ("Alma-Ata Declaration")."""
    cut = next((t.i for t in span[1:] if t.lower_ in ("of", "on", "for")), span.end)
    return span.doc[cut - 1]


@Language.factory("caucasus_entity_fixer", assigns=["doc.ents", "span._.source"])
def make_entity_fixer(nlp: Language, name: str) -> EntityCorrector:
    return EntityCorrector(name)


class EntityCorrector:
    """Rule corrections of the stock NER for this domain (see the module docstring)."""

    def __init__(self, name: str = "caucasus_entity_fixer"):
        self.name = name
        self.demonyms = demonym_keys()
        self.titles = {t.rstrip(".") for t in titles()}
        self.surname_endings = tuple(resource_lines("surname_endings.txt"))
        self.place_nouns = {noun: label for noun, label, _ in place_noun_rows()}
        # "the village of Gubden", "Akdeniz district of Mersin": after these, "of" opens a place name
        self.area_nouns = {noun for noun, _, kind in place_noun_rows() if kind in ("yes", "seat")}
        self.locatives = frozenset(resource_lines("locative_prepositions.txt"))
        # the words that may open a place name (the last word of a locative, "of", a bracket or comma),
        # by string id: the scan for them reads one array, not a Token per word
        self.opener_ids = frozenset(get_string_id(w.split()[-1]) for w in [*self.locatives, "of", "(", ","])
        self.directions = frozenset(resource_lines("direction_words.txt"))
        self.document_nouns = frozenset(resource_lines("document_nouns.txt"))
        self.not_names = frozenset(resource_lines("not_names.txt"))
        generic = resource_lines("generic_org_words.txt")
        self.generic_plurals = {w[:-1] + "ies" if w.endswith("y") else w + "s" for w in generic} | {w for w in generic if w.endswith("s")}

    def __call__(self, doc: Doc) -> Doc:
        fixed = [span for ent in doc.ents if (span := self.correct(ent)) is not None]
        headings = self._title_case_lines(doc)
        fixed = self._drop_names_from_capitalised_lines(fixed, headings)
        fixed = self._join_coordinated_organisations(doc, fixed)
        fixed = self._place_noun_names(doc, fixed)
        fixed += self._untagged_surnames(doc, fixed)
        fixed += self._untagged_acronym_subjects(doc, fixed)
        fixed = self._comma_joined_place_names(doc, self._organisations_in_a_town(doc, fixed))
        fixed = self._locative_place_names(doc, self._hyphenated_place_names(doc, fixed), headings)
        doc.ents = filter_spans(fixed)
        return doc

    def correct(self, ent: Span) -> Span | None:
        if ent._.source == "gazetteer":
            return ent
        start, end, label = ent.start, ent.end, ent.label_
        doc = ent.doc
        while start < end and doc[start].lower_ in ("the", "a", "an"):
            start += 1
        while end > start and doc[end - 1].lower_ in ("'s", "’s", "'", "’", ","):  # "Oshimili North," cut after its comma
            end -= 1
        if label == "PERSON":
            while end - start > 1 and doc[start].lower_.rstrip(".") in self.titles:
                start += 1
        if start >= end:
            return None
        text = doc[start:end].text
        if label in NAME_LABELS and fold(text) in self.not_names:
            return None
        if label == "ORG" and self.names_no_organisation(doc[start:end]):
            return None
        head = doc[start:end].root if doc.has_annotation("DEP") else _unparsed_head(doc[start:end])
        if label in ("ORG", "FAC", "LOC", "GPE") and (label == "ORG" or end - start > 1) and head.lower_ in self.document_nouns:
            label = "LAW"  # "Judgment of the ICJ", "Alma-Ata Declaration": a document, not its author or a place
        if label in ("PERSON", "ORG", "GPE", "LOC", "NORP") and (
            fold(text) in self.demonyms or (end - start > 1 and fold(doc[end - 1].text) in self.demonyms and doc[end - 1].text.endswith("s"))
        ):
            label = "NORP"
        elif label in ("ORG", "GPE", "LOC", "NORP") and self.is_person_name(doc[start:end]):
            label = "PERSON"
        elif label == "NORP" and self._is_country_name(text):
            label = "GPE"  # "Tajikistan" tagged NORP: a country's name, not its people
        elif label in ("PERSON", "ORG") and end - start == 1 and doc[start].is_alpha and geonames().link(text) is not None:
            label = "GPE"  # "Yevlakh" tagged PERSON, a dateline's "GRANADA" tagged ORG: a known place of the region, or a large one
        if label == "PERSON" and (any(c.isdigit() for c in text) or text.islower() or fold(text).rstrip(".") in self.titles):
            return None  # "Spokesperson", "Minister": a title alone names no one
        if text.endswith(("-", "(")) or text.count("(") != text.count(")"):
            return None  # a span cut inside a word or a bracket ("Russian- brokered", "Nagorno-Karabakh (Updated")
        if (start, end, label) == (ent.start, ent.end, ent.label_):
            return ent
        span = Span(doc, start, end, label=label, kb_id=ent.kb_id_)
        span._.source = "ner+fix"
        return span

    def _is_country_name(self, text: str) -> bool:
        geo = geonames()
        return fold(text) not in self.demonyms and any(
            e.geonameid in geo.country_geonameids and fold(e.name) == fold(text) for e in geo.named(text))

    def names_no_organisation(self, span: Span) -> bool:
        """An ORG span headed by a lower-case word, or by a common noun capitalised only because it
        starts the sentence, is a description ("international community", "Continuation of the
        Russification of Azerbaijan through education is..."); one headed by a title ("Minister of
        Foreign Affairs") names a post; one headed by a plural institution word ("Ministries of
        Foreign Affairs", "co-chairs") names several bodies. None is one organisation."""
        root = span.root
        head = root.lower_
        if root.is_alpha and (root.is_lower or (root.is_sent_start and root.tag_ in ("NN", "NNS"))):
            return True
        if head in self.titles and head not in ("state", "general"):
            return True
        return head in self.generic_plurals or span[-1].lower_ in self.generic_plurals

    def is_person_name(self, span: Span) -> bool:
        """One to three capitalised words ending in a surname ending of the region (-yan, -ov, -zade,
        ...), none of them a title, a demonym or a known place: "Gagik Voskanyan", "Mammadov"."""
        last = span[-1].text
        return (
            1 <= len(span) <= 3
            and all(t.is_alpha and t.is_title for t in span)
            and len(last) >= 5
            and last.lower().endswith(self.surname_endings)
            and not any(fold(t.text) in self.demonyms or t.lower_ in self.titles for t in span)
            and not geonames().knows(span.text)
        )

    def _untagged_surnames(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """Names the model missed altogether ("Political scientist Arastun Orujlu He said"): a
        capitalised word with a surname ending, with the capitalised first name before it (a lone
        capitalised word with such an ending is too often an adjective: "Eurasian")."""
        covered = token_indices(ents)
        found = []
        for token in tokens_where(doc, IS_TITLE, bool):
            if token.i in covered or token.is_sent_start or not token.is_alpha:
                continue
            before = doc[token.i - 1] if token.i > 0 else None
            # a first name is capitalised and, at the start of a sentence, tagged a proper noun ("Later" is not one)
            first_name = before is not None and before.is_title and before.is_alpha and (not before.is_sent_start or before.pos_ == "PROPN")
            first = token.i - 1 if first_name else token.i
            lone_first_name = any(e.label_ == "PERSON" and (e.start, e.end) == (first, token.i) for e in ents)
            if (first in covered and not lone_first_name) or (first < token.i and doc[first].lower_ in self.titles):
                first = token.i
            span = doc[first : token.i + 1]
            if len(span) == 2 and self.is_person_name(span):
                name = Span(doc, span.start, span.end, label="PERSON")
                name._.source = "rule"
                found.append(name)
                covered.update(range(span.start, span.end))
        return found

    def _untagged_acronym_subjects(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """Initials the model missed that do something: an organisation ("HBDH carried out an attack",
        where the model tags HBDH a verb; "TIKKO claimed"). Three to six capitals, the subject of a verb,
        between words that are not capitals themselves (a headline in capitals names no organisation
        thereby); no pronoun ("THEY attacked"), no Roman numeral ("World War III looms") and no initials
        that name nothing (not_names.txt: "an IED exploded", "HIMARS struck")."""
        covered = token_indices(ents)
        found = []
        for token in tokens_where(doc, IS_UPPER, bool):
            neighbours = [doc[j] for j in (token.i - 1, token.i + 1) if 0 <= j < len(doc)]
            if (token.i in covered or not (token.is_alpha and 3 <= len(token) <= 6) or token.lower_ in self.not_names
                    or token.pos_ in ("PRON", "DET", "NUM") or ROMAN.fullmatch(token.text)
                    or token.dep_ not in ("nsubj", "nsubjpass") or token.head.pos_ not in ("VERB", "AUX")
                    or any(n.is_upper for n in neighbours)):
                continue
            span = Span(doc, token.i, token.i + 1, label="ORG")
            span._.source = "rule"
            found.append(span)
        return found

    def _locative_place_names(self, doc: Doc, ents: list[Span], headings: list[tuple[int, int]]) -> list[Span]:
        """The entities with the places the model missed or mislabelled where the words say a place
        follows: a capitalised name that GeoNames knows right after a locative preposition ("in Goma",
        "near Rafah", "outside Shush"), after "the village/town of" ("the village of Gubden") or after
        a place and a bracket or comma ("in Kapsabet (Emgwen, Nandi)": the places that hold it), also
        where the model tagged it a person or an organisation ("in Montes Claros" ORG). Incident reports
        name towns the model has not seen; the preposition and the gazetteer together are the evidence.
        Month and weekday names, demonyms, titles and words that name nothing (not_names.txt) are not
        places, and neither is a name the knowledge base knows."""
        mislabelled = [e for e in ents if e.label_ in REREADABLE_LABELS and not e.kb_id_ and e._.source in ("ner", "ner+fix")]
        nested = token_indices(doc.spans.get(NESTED, []))
        covered = nested | token_indices(ents)
        # a mislabelled name may be read again from its first word, when the preposition is no part of a name
        # ("in Montes Claros" ORG; not "Organisation for Security and Cooperation in Europe")
        free_starts = {e.start for e in mislabelled}
        free = token_indices(mislabelled) - nested
        covered.update(i for a, b in headings for i in range(a, b))  # "Genocide in Progress"
        geo = geonames()
        found = []
        # the last tokens of place names: "in Kapsabet (Emgwen, Nandi)" names the places that hold Kapsabet after it
        place_ends = {e.end - 1 for e in ents if e.label_ in PLACE_LABELS}
        for tok in tokens_where(doc, LOWER, self.opener_ids.__contains__):
            if tok.i == len(doc) - 1:
                break  # nothing after it to name
            after_place = tok.text in ("(", ",") and tok.i - 1 in place_ends
            if not (tok.is_lower or tok.is_sent_start or after_place):
                continue  # "In" inside a Title Case headline says nothing
            opens = tok.lower_ in self.locatives or (tok.i > 0 and f"{doc[tok.i - 1].lower_} {tok.lower_}" in self.locatives) or after_place or (
                tok.lower_ == "of" and tok.i > 0 and doc[tok.i - 1].lower_ in self.area_nouns)
            # a name the model labelled is read again only after a preposition ("Moscow, Ivan Grantovsky said" keeps the person)
            rereadable = free if not after_place else set()
            if not opens or tok.i in covered or (tok.i + 1 in covered and tok.i + 1 not in (free_starts & rereadable)):
                continue
            # "in central Van": one word of direction may stand before the name
            direction = doc[tok.i + 1] if tok.i + 2 < len(doc) else None  # lower case: "in Central Asia" is the region's name
            first = tok.i + 2 if not after_place and direction is not None and direction.is_lower and direction.text in self.directions else tok.i + 1
            if first != tok.i + 1 and first in covered and first not in (free_starts & rereadable):
                continue
            end = first
            while (end < len(doc) and end - first < LOCATIVE_NAME_MAX_TOKENS and (end not in covered or end in rereadable)
                   and doc[end].is_title and doc[end].is_alpha):
                # a hyphen inside the name joins the next word, of either case ("Pul-e Khumri", "Kut-e Abdollah")
                joined = end + 2 < len(doc) and doc[end + 1].text == "-" and not doc[end].whitespace_ and not doc[end + 1].whitespace_
                end += 3 if joined and doc[end + 2].is_alpha else 1
            for stop in range(end, first, -1):  # the longest name GeoNames knows
                name = doc[first:stop]
                key = fold(name.text)
                if geo.knows(key) and not self._names_no_place(key):
                    span = Span(doc, name.start, name.end, label="GPE")
                    span._.source = "rule"
                    found.append(span)
                    covered.update(range(name.start, name.end))
                    place_ends.add(name.end - 1)
                    break
        # a town replaces the name the model gave it only where it is all of that name: "at Yerevan State
        # University" stays one organisation (filter_spans then keeps the longer span)
        replaced = {(e.start, e.end) for e in mislabelled if any(f.start <= e.start and e.end <= f.end for f in found)}
        return [e for e in ents if (e.start, e.end) not in replaced] + found

    def _organisations_in_a_town(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """An organisation the model ran on into the town it sits in ("the Cabinet of Ministers in Kyiv"
        ORG) is the organisation and the town, where the words after "in" are all a GeoNames town's name.
        Not a country or a continent, which may end a name ("Organisation for Security and Cooperation in
        Europe")."""
        geo = geonames()
        out = []
        for ent in ents:
            cut = next((t.i for t in ent if t.lower_ == "in" and t.i > ent.start), None) if ent.label_ == "ORG" and not ent.kb_id_ else None
            town = doc[cut + 1 : ent.end] if cut is not None else None
            place = geo.link(town.text) if town and all(t.is_title for t in town) and not self._names_no_place(fold(town.text)) else None
            if place is None or place.geonameid in geo.country_geonameids or place.label != "GPE":
                out.append(ent)
                continue
            organisation = Span(doc, ent.start, cut, label="ORG")
            located = Span(doc, cut + 1, ent.end, label="GPE")
            organisation._.source = located._.source = "ner+fix"
            out += [organisation, located]
        return out

    def _comma_joined_place_names(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """A town and the area that holds it, which the model read as one name ("in Santa Fe, Ocotepeque"
        ORG, "Khairpur, Sindh"), are two places where the name after the last comma is a GeoNames name or a province's:
        incident reports and datelines locate a town by its province this way. The province may be one
        only resources/admin_seats.tsv names ("Sindh")."""
        geo = geonames()
        out = []
        for ent in ents:
            commas = [t.i for t in ent if t.text == ","]
            parts = [doc[a + 1 : b] for a, b in zip([ent.start - 1, *commas], [*commas, ent.end], strict=True)]
            area = fold(parts[-1].text)
            names_places = (ent.label_ in ("ORG", "GPE", "LOC", "FAC") and not ent.kb_id_ and commas
                            and all(part and all(t.is_title for t in part) for part in parts)
                            and (geo.knows(area) or area in admin_seats()) and not self._names_no_place(area))
            if not names_places:
                out.append(ent)
                continue
            for part in parts:
                span = Span(doc, part.start, part.end, label="GPE")
                span._.source = "ner+fix"
                out.append(span)
        return out

    @staticmethod
    def _hyphenated_place_names(doc: Doc, ents: list[Span]) -> list[Span]:
        """A place the model cut at a hyphen ("Ivano" of "Ivano-Frankivsk") runs on to the end of the
        hyphenated word where GeoNames knows the whole."""
        geo = geonames()
        out = []
        for ent in ents:
            end = ent.end
            while (end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_
                   and doc[end + 1].is_title):
                end += 2
            if ent.label_ in PLACE_LABELS and end > ent.end and geo.knows(doc[ent.start : end].text):
                longer = Span(doc, ent.start, end, label=ent.label_)
                longer._.source = "ner+fix"
                out.append(longer)
            else:
                out.append(ent)
        return out

    def _names_no_place(self, key: str) -> bool:
        return key in self.demonyms or key in self.not_names or key.rstrip(".") in self.titles or DATE_WORD.fullmatch(key) is not None

    @staticmethod
    def _join_coordinated_organisations(doc: Doc, ents: list[Span]) -> list[Span]:
        """One organisation whose name coordinates two modifiers of its head, which the model cuts
        at "and": "Bureau of European | and | Eurasian Affairs", "Ministry of Economy | and |
        Trade". The first part has "of" and the second part no head of its own ("of", a second
        institution word) and follows "and" or "&" directly."""
        out: list[Span] = []
        for ent in ents:
            prev = out[-1] if out else None
            if (
                prev is not None and prev.label_ == "ORG" and ent.label_ == "ORG" and ent.start == prev.end + 1
                and doc[prev.end].lower_ in ("and", "&") and any(t.lower_ == "of" for t in prev[1:])
                and not any(t.lower_ in ("of", "the") for t in ent) and len(ent) <= 3 and not prev.kb_id_ and not ent.kb_id_
            ):
                joined = Span(doc, prev.start, ent.end, label="ORG")
                joined._.source = "ner+fix"
                out[-1] = joined
                continue
            out.append(ent)
        return out

    def _place_noun_names(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """A capitalised name right before a place noun is a place, whatever the model called it:
        "Kashen mine", "the Tegh village", "Hakari bridge". A known place before a facility noun
        names a facility, not the place ("Zangezur copper-molybdenum mine")."""
        out = []
        for ent in ents:
            noun = self._place_noun_after(doc, ent.end)
            after = doc[noun] if noun is not None else None
            label = self.place_nouns.get(after.lower_) if after is not None else None
            known_place = ent._.source == "gazetteer" and ent.label_ in PLACE_LABELS
            if label and (
                (not known_place and ent._.source != "gazetteer" and ent.label_ in ("PERSON", "ORG", "GPE", "LOC")
                 and ent[-1].is_title and fold(ent.text) not in self.demonyms)
                # a facility named after a known place is another entity: "Zangezur copper-molybdenum mine"
                or (known_place and label == "FAC")
            ):
                start = self._hyphenated_start(doc, ent.start)
                span = Span(doc, start, noun + 1, label=label, kb_id="" if known_place or start < ent.start else ent.kb_id_)
                span._.source = f"{ent._.source}+fix"
                out.append(span)
            else:
                out.append(ent)
        return out

    @staticmethod
    def _hyphenated_start(doc: Doc, start: int) -> int:
        """The first word of a hyphenated chain of names ending at `start`: a road named by the
        places it joins ("Ahmedbeyli-Fuzuli-Shusha highway") starts at its first place."""
        while start >= 2 and doc[start - 1].text in ("-", "–") and doc[start - 2].is_title and not doc[start - 1].whitespace_:
            start -= 2
        return start

    def _place_noun_after(self, doc: Doc, i: int) -> int | None:
        """Index of a place noun at i, or after up to three lower-case modifier tokens
        ("Zangezur copper-molybdenum mine")."""
        for j in range(i, min(i + 4, len(doc))):
            if doc[j].lower_ in self.place_nouns:
                return j
            if not (doc[j].text == "-" or (doc[j].is_lower and doc[j].is_alpha)) or doc[j].is_stop:
                return None  # a modifier, not a function word: "Lachin Corridor as the only road" is no road's name
        return None

    def _drop_names_from_capitalised_lines(self, ents: list[Span], unreliable: list[tuple[int, int]]) -> list[Span]:
        """In a headline or heading written in Title Case or in capitals (`unreliable`, from
        _title_case_lines), capitals say nothing, and the model tags half the words as names. A name
        found only in such a line is kept when the knowledge base knows it or the article's ordinary
        sentences name it too."""
        if not unreliable:
            return ents

        def in_unreliable(ent: Span) -> bool:
            return any(a <= ent.start < b for a, b in unreliable)

        ordinary_names = {fold(e.text) for e in ents if not in_unreliable(e)}
        return [e for e in ents if e.label_ not in NAME_LABELS or not in_unreliable(e) or e._.source == "gazetteer" or e.kb_id_
                or fold(e.text) in ordinary_names]

    def _title_case_lines(self, doc: Doc) -> list[tuple[int, int]]:
        """The token ranges of the lines written in Title Case or capitals (capitals_say_nothing)."""
        breaks = [t.i for t in tokens_where(doc, IS_SPACE, bool) if "\n" in t.text]
        if not breaks:  # a text without a headline paragraph
            return []
        starts = [0, *(b + 1 for b in breaks)]
        ends = [*breaks, len(doc)]
        return [(a, b) for a, b in zip(starts, ends, strict=True) if capitals_say_nothing(doc[a:b])]



def capitals_say_nothing(line: Span) -> bool:
    """A heading in Title Case or capitals. A sentence dense with names ("The statement was made
    at the Meeting of the OSCE Ministerial Council ... in Vienna, Austria.") is none: it ends with
    a full stop and still has lower-case words, and its names are real."""
    words = [t for t in line if t.is_alpha and len(t) >= 4]
    if len(words) < TITLE_CASE_MIN_WORDS or len(line) > HEADING_MAX_TOKENS:
        return False
    if line[-1].text == "." and any(t.is_lower for t in words):  # words is not empty, nor is line
        return False
    capitalised = sum(t.is_title or t.is_upper for t in words)
    return capitalised >= TITLE_CASE_SHARE * len(words)


@Language.factory("caucasus_headline_case", assigns=["token.tag", "token.pos", "token.morph", "token.lemma", "token.dep", "token.head"])
def make_headline_case(nlp: Language, name: str) -> HeadlineCase:
    return HeadlineCase(nlp, name)


class HeadlineCase:
    """A headline in Title Case is tagged and parsed again as a sentence would be written, in sentence
    case: capitals tell the model a word is a name, and it reads "Assistant Secretary-General Urges Both
    Parties Commit to Lasting Ceasefire" as a string of names with no verb, and "Putin Hosts 'Useful'
    Talks" with "Hosts" a noun. The headline's English words are lower-cased for the second reading
    only (the text is unchanged), its names keep their capitals (sentence_case). The model's pipes
    before this one (not those that only find names) read the sentence-cased headline alone, and its
    tags, parts of speech, morphology, lemmas, dependencies and heads replace the first reading's; the
    names stay those of the first reading, which capitals helped. Only a headline paragraph, ended by a
    blank line (as caucasus_paragraph_breaks ends a sentence there), whose first reading hangs no body
    word on it: a headline that runs on into the body after one line break is left as it is, and so are
    headlines in sentence case and texts without a headline paragraph."""

    def __init__(self, nlp: Language, name: str = "caucasus_headline_case"):
        self.nlp = nlp
        self.name = name
        self.lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None

    def __call__(self, doc: Doc) -> Doc:
        # a headline longer than a heading is none (capitals_say_nothing): its blank line is looked for no further
        end = next((t.i for t in doc[: HEADING_MAX_TOKENS + 1] if is_blank_line(t)), None)
        if not end or not capitals_say_nothing(doc[:end]):
            return doc
        line = doc[:end]
        if any(t.right_edge.i > end for t in line):  # a body word hangs on the headline
            return doc
        words = sentence_case(line, doc[end:], self.lemmatizer)
        if words == [t.text for t in line]:
            return doc
        again = Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in line])
        for name, pipe in self.nlp.pipeline:
            if name == self.name:
                break
            if "doc.ents" not in self.nlp.get_pipe_meta(name).assigns:  # names stay the first reading's
                again = pipe(again)
        roots = [t.i for t in again if t.dep_ == "ROOT"]
        if not roots:  # a pipe before this one switched off: no second reading to take
            return doc
        attrs = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
        table = doc.to_array(attrs)
        table[:end] = again.to_array(attrs)
        # the blank line hangs on the headline's last root, as it hung on the first reading's (HEAD is relative, unsigned)
        table[end, attrs.index(HEAD)] = numpy.int64(roots[-1] - end).astype(table.dtype)
        doc.from_array(attrs, table)
        return doc


def sentence_case(line: Span, body: Span, lemmatizer=None) -> list[str]:
    """The headline's words as a sentence would write them (HeadlineCase): a capitalised word is lower-cased
    when it is an English word (a stop word, or a form the lemmatizer's tables know: "Hosts", "Talks",
    "Parties") and no name. Names are the line's first word, demonyms, words the body writes
    capitalised inside a sentence ("Putin", "Turkey"), and runs of capitalised words that name a
    country, a GeoNames place of FAR_PLACE_MIN_POPULATION people or more, or an entity of the knowledge
    base ("Moscow", "European Union", "UN Security Council"): the lemmatizer's tables know many names
    too ("baku", "moscow")."""
    body_names = {t.text for t in body if t.is_title and not t.is_sent_start}
    demonyms = demonym_keys()
    named = _known_names(line)

    def lowered(token) -> bool:
        if token.i == line.start or not token.is_title or token.i in named or token.text in body_names or fold(token.text) in demonyms:
            return False
        return english_word(token.lower_, lemmatizer)

    return [t.lower_ if lowered(t) else t.text for t in line]


# the most words of a run of capitalised words looked up as one name ("United Nations Security Council")
NAME_RUN_MAX_WORDS = 4


def _known_names(line: Span) -> set[int]:
    """The tokens of the runs of capitalised words (or capitals) of a line that name a country, a GeoNames
    place of FAR_PLACE_MIN_POPULATION people or more, or a knowledge-base entity, longest runs first."""
    geo = geonames()
    found: set[int] = set()
    capitalised = [t.is_title or t.is_upper for t in line]
    for size in range(NAME_RUN_MAX_WORDS, 0, -1):
        for start in range(len(line) - size + 1):
            run = line[start : start + size]
            if not all(capitalised[start : start + size]) or any(t.i in found for t in run):
                continue
            places = geo.named(run.text)
            if entity_named(run.text) is not None or any(p.geonameid in geo.country_geonameids or (p.population or 0) >= FAR_PLACE_MIN_POPULATION
                                                         for p in places):
                found.update(t.i for t in run)
    return found


def english_word(word: str, lemmatizer=None) -> bool:
    """Whether a lower-case word is an English word: a stop word, or a form the rule lemmatizer's tables
    know for some part of speech (an exception, or a suffix rule that gives an indexed lemma). Without a
    rule lemmatizer, stop words only."""
    if word in STOP_WORDS:
        return True
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return False
    index, exceptions, rules = (lookups.get_table(name, {}) for name in ("lemma_index", "lemma_exc", "lemma_rules"))
    for pos in ("noun", "verb", "adj", "adv"):
        forms = index.get(pos, ())
        if word in forms or word in exceptions.get(pos, {}):
            return True
        if any(word.endswith(old) and word[: len(word) - len(old)] + new in forms for old, new in rules.get(pos, ())):
            return True
    return False


def is_blank_line(token) -> bool:
    """Whether a whitespace token holds a blank line, which ends a paragraph (caucasus_paragraph_breaks)."""
    return token.is_space and token.text.count("\n") >= 2


@Language.factory("caucasus_paragraph_breaks", assigns=["token.is_sent_start"])
def make_paragraph_breaks(nlp: Language, name: str) -> ParagraphBreaks:
    return ParagraphBreaks()


class ParagraphBreaks:
    """A blank line ends a sentence: the headline, a dateline paragraph or a list item never runs into
    the next paragraph. The parser keeps boundaries set before it, and without this it read "Leaders
    meet in Prague / Pashinyan met Aliyev in Prague" as one sentence and lost the meeting. Inside a
    line, a lowercase word right after a word is no sentence start: the small parser cut "Russia |
    considers Armenia's intention ..." in two and lost who considers."""

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) and doc.has_annotation("DEP"):  # as Token.is_sent_start would: boundaries set after a parse contradict it
            raise ValueError("caucasus_paragraph_breaks must run before the parser: this Doc is already parsed")
        # read and written as one array: each Token.is_sent_start assignment scans the whole Doc for a parse
        starts = doc.to_array([SENT_START]).view("int64")  # 1 starts a sentence, -1 does not, 0 undecided
        flags = doc.to_array([IS_SPACE, IS_LOWER, IS_ALPHA, LIKE_NUM]).tolist()
        for i, (space, _, _, _) in enumerate(flags[:-1]):
            if space and is_blank_line(doc[i]):
                starts[i + 1] = 1
        for i in range(1, len(flags)):
            _, lower, alpha, _ = flags[i]
            _, _, alpha_before, num_before = flags[i - 1]
            if lower and alpha and starts[i] != 1 and (alpha_before or num_before):
                starts[i] = -1
        doc.from_array([SENT_START], starts.view("uint64"))
        return doc
