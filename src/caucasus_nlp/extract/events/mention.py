"""The record an event extractor yields: one event mention, as the event_mentions table has it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EventMention:
    sent_idx: int
    event_type: str
    subtype: str
    trigger: str
    trigger_start: int
    trigger_lemma: str
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    location_id: str | None
    date: str | None
    date_precision: str | None
    modality: str
    quantity: int | None
    sentence: str
    # the trigger row, then every rule that fired on the mention, joined by "+"
    rule_id: str
    # the event-type classifier's probability for this type in this sentence (accurate profile only)
    type_confidence: float | None = None
    # the states among the actors that are there because a state body of theirs acted (acts_for)
    represented: tuple[str, ...] = ()
    # which level gave the place (phrase, sentence, lead) and the date (sentence, lead), as ACLED's
    # geo_precision and time_precision say how a value was coded
    location_precision: str | None = None
    date_source: str | None = None

    @property
    def own_actors(self) -> set[str]:
        """The actors the sentence itself names, without the states their bodies act for."""
        return set(self.actors) - set(self.represented)

    @property
    def rules(self) -> list[str]:
        return self.rule_id.split("+")


@dataclass(frozen=True)
class DroppedCandidate:
    """A trigger candidate a gate dropped, as the dropped_event_candidates table has it: what the
    event would have been, and the gate that stopped it. A candidate gate drops it before roles are
    found, so it has the chosen trigger row's type and no actors; an event gate drops the built event,
    with its type, subtype, participants and rules."""

    sent_idx: int
    event_type: str
    subtype: str
    trigger: str
    trigger_start: int
    trigger_lemma: str
    # the trigger row, then (event gates) every rule that fired on the event before the gate, joined by "+"
    rule_id: str
    gate_id: str
    sentence: str
    actors: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()

    @property
    def trigger_row(self) -> str:
        """The id of the trigger row that proposed the candidate."""
        return self.rule_id.split("+")[0]
