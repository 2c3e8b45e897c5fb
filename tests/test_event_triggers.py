"""The trigger tables (resources/events/triggers.tsv, accusing_nouns.tsv), one generated case per row: a
hand-built sentence with the row's lemma in its part of speech and, where the row has a cue, the cue's
first word as the trigger's object. The row must be the one chosen. A row that can never be chosen
(an earlier row of the same lemma and part of speech without a cue always wins) fails here."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from caucasus_nlp.extract.events import triggers as trigger_stage
from caucasus_nlp.extract.events.triggers import choose_trigger, condemning_adjectives
from caucasus_nlp.rulebook import Trigger, triggers
from parses import parsed

# a cue's placeholder → the word, part of speech, tag and entity label that stand for it
PLACEHOLDERS = {"@person": ("Aliyev", "PROPN", "NNP", "PERSON"), "@people": ("Armenians", "PROPN", "NNPS", "NORP")}


def cue_word(trigger: Trigger) -> str | None:
    """The first alternative of the row's cue (its lemmas are written as words, alternatives by "|")."""
    return trigger.cue.pattern.removeprefix("^(?:").removesuffix(")$").split("|")[0] if trigger.cue else None


def sentence_for(trigger: Trigger):
    """"Georgia <lemma> <cue>." for a verb row, "Georgia saw <lemma> <cue>." for a noun row; the Doc and the trigger token."""
    if trigger.pos == "NOUN":
        tokens, at = ["Georgia/Georgia/PROPN/nsubj/1/NNP", "saw/see/VERB/ROOT/1/VBD", f"{trigger.lemma}/{trigger.lemma}/NOUN/dobj/1/NN"], 2
    else:
        tokens, at = ["Georgia/Georgia/PROPN/nsubj/1/NNP", f"{trigger.lemma}/{trigger.lemma}/VERB/ROOT/1/VBD"], 1
    label = None
    if (cue := cue_word(trigger)) is not None:
        if cue == "@condemning":
            word, pos, tag = sorted(condemning_adjectives())[0], "ADJ", "JJ"
        else:
            word, pos, tag, label = PLACEHOLDERS.get(cue, (cue, "NOUN", "NN", None))
        tokens.append(f"{word}/{word}/{pos}/{'dobj' if at == 1 else 'prep'}/{at}/{tag}")
    doc = parsed(" ".join([*tokens, "././PUNCT/punct/1/."]))
    if label:
        doc.ents = [Span(doc, len(tokens) - 1, len(tokens), label=label)]
    return doc, doc[at]


@pytest.mark.parametrize("trigger", triggers(), ids=lambda t: t.id)
def test_every_trigger_row_is_chosen_in_a_sentence_of_its_own(trigger):
    doc, token = sentence_for(trigger)
    chosen = choose_trigger(token, None)
    assert chosen is not None and chosen[0].id == trigger.id, doc.text


def test_an_earlier_row_without_a_cue_would_shadow_a_later_row_of_its_lemma(monkeypatch):
    # what the check above catches: with the bare "invite" first, "invite" + "ambassador" is never a summons
    lexicon = dict(trigger_stage.trigger_lexicon())
    summons, bare = lexicon["invite"]
    assert (summons.id, bare.id, bare.cue) == ("trigger:invite:verb:ambassador_summoned", "trigger:invite:verb:invitation", None)
    doc, token = sentence_for(summons)
    monkeypatch.setattr(trigger_stage, "trigger_lexicon", lambda: {**lexicon, "invite": [bare, summons]})
    assert choose_trigger(token, None)[0].id == bare.id


def test_a_token_is_a_candidate_where_a_row_of_its_lemma_admits_its_part_of_speech():
    # "accuse" has verb rows only, "aggression" noun rows only (a proper noun too), "attack" an ANY row,
    # "release" both; a word of no row is never a candidate, nor a lemma in a part of speech no row admits
    doc = parsed("Georgia/Georgia/PROPN/nsubj/1/NNP accused/accuse/VERB/ROOT/1/VBD accuse/accuse/NOUN/dobj/1/NN "
                 "Aggression/aggression/PROPN/conj/1/NNP aggression/aggression/VERB/conj/1/VB attack/attack/ADJ/amod/1/JJ "
                 "release/release/NOUN/conj/1/NN release/release/ADJ/amod/1/JJ ././PUNCT/punct/1/.")
    assert [t.i for t in trigger_stage.trigger_tokens(doc)] == [1, 3, 5, 6]
