"""Merge: one mention per event and article, as GDELT counts mentions per article."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from caucasus_nlp.extract.dates import compatible_dates
from caucasus_nlp.extract.events.attributes import LENT_LEVELS, NO_EVIDENCE_LEVELS, level_rank
from caucasus_nlp.extract.events.mention import EventMention

# the rule a mention carries when a focus word says it is a further event of its kind (discourse.jsonl)
ADDITIVE = "discourse:additive"


def article_events(events: Iterable[EventMention], headline_sents: int = 0) -> list[EventMention]:
    """One mention per event and article: a headline and a body sentence, or two body sentences,
    reporting the same type of event by the same actors (or one of them naming none) are one report
    of it; GDELT counts mentions per article too. The actors compared are those the sentences name:
    two Artsakh bodies both acting for Nagorno-Karabakh are not thereby one report. A headline event
    is also one with the first body event of its type and subtype whoever they name: a headline sums
    up the lead in its own words ("Armenia accuses Azerbaijan ..." over "Armenia's Foreign Ministry
    accused ..."). The first sentence is kept, with the actors, targets, place, date and quantity
    the others add.
    `headline_sents` is how many sentences the headline has (0: no headline)."""
    kept: list[EventMention] = []
    headline_joined: set[int] = set()
    for event in events:
        kind = (event.event_type, event.subtype)
        index = next((i for i, k in enumerate(kept) if (k.event_type, k.subtype) == kind and compatible(k, event)
                      and (k.own_actors & event.own_actors or not k.actors or not event.actors)), None)
        if index is None and event.sent_idx >= headline_sents:
            # the headline event of its type and subtype, else of its type: a headline names the type in its
            # own words ("reach deal" over the body's ceasefire)
            headlines = [i for i, k in enumerate(kept) if k.sent_idx < headline_sents and k.event_type == event.event_type
                         and i not in headline_joined]
            index = next((i for i in headlines if kept[i].subtype == event.subtype), headlines[0] if headlines else None)
        if index is None:
            kept.append(event)
            continue
        if kept[index].sent_idx < headline_sents <= event.sent_idx:
            headline_joined.add(index)
        first = kept[index]
        # the finer level's place and date: a mention's own sentence beats what the lead lent, which beats
        # the publication date (the first mention's on a tie)
        place_from = first if first.location_id and (not event.location_id or level_rank(first.location_precision) <= level_rank(event.location_precision)) else event
        date_from = first if first.date and (not event.date or level_rank(first.date_source) <= level_rank(event.date_source)) else event
        actors = tuple(dict.fromkeys([*first.actors, *event.actors]))
        kept[index] = replace(
            first,
            actors=actors,
            represented=tuple(a for a in actors if a not in first.own_actors | event.own_actors),
            targets=tuple(t for t in dict.fromkeys([*first.targets, *event.targets]) if t not in actors),
            location_id=place_from.location_id,
            location_precision=place_from.location_precision,
            date=date_from.date,
            date_precision=date_from.date_precision,
            date_source=date_from.date_source,
            quantity=first.quantity if first.quantity is not None else event.quantity,
        )
    return kept


def compatible(one: EventMention, other: EventMention) -> bool:
    """Whether two mentions may tell of one event: not in two different places or at two different
    times ("the meeting in Brussels on 14 May" and "the meetings in Chisinau in June"), as their own
    sentences give them (a place or date lent by the lead says nothing). A request is
    what it asks: in two sentences, two requests by the same side made with different words ("urged
    the sides to take up the proposals", "calls on all sides to reduce incidents") are two requests."""
    own_place = [m.location_id for m in (one, other) if m.location_precision not in NO_EVIDENCE_LEVELS]
    if len(own_place) == 2 and all(own_place) and own_place[0] != own_place[1]:
        return False
    if one.event_type == "REQUEST" and one.sent_idx != other.sent_idx and one.trigger_lemma[:5] != other.trigger_lemma[:5]:
        return False  # the first letters: "invites" and "the invitation" are one word
    if ADDITIVE in other.rules and one.sent_idx != other.sent_idx:
        return False  # "the two leaders also signed economic agreements": another signing than the one before
    # a place or date the article's lead lent an event is no evidence that it is another event
    own_dates = [m.date if m.date_source not in LENT_LEVELS else None for m in (one, other)]
    return compatible_dates(*own_dates)
