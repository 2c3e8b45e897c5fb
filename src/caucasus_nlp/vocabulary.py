"""Label sets that several stages speak: the PLOVER event types and the spaCy labels that name a place.

The nlp stage (the gazetteer and entity fixer, the event-type classifier), the extractors and the
report all use these sets; they are defined once here, at the bottom of the layers, so that none of
them imports another stage only for its vocabulary.
"""

from __future__ import annotations

# The PLOVER event types (../shared/SCHEMA.md), from cooperative to conflictual.
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
# spaCy entity labels of a place: a country or city, another location, a building or site.
PLACE_LABELS = ("GPE", "LOC", "FAC")
# spaCy entity labels that are mentions to the extractors: people, organisations, places, groups, named events and laws.
MENTION_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "LAW")
