"""The tables of one run as the report and `show` read them, and the cell formatting they share."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, fields
from pathlib import Path

import pandas as pd

from caucasus_nlp.extract.dates import start_of
from caucasus_nlp.tables import TABLES, read_manifest
from caucasus_nlp.vocabulary import PLOVER_TYPES

# One colour per PLOVER type: cooperative types in blues and greens, conflictual ones in oranges and reds.
TYPE_COLOURS = dict(zip(PLOVER_TYPES, ("#1f77b4", "#4c9be8", "#17becf", "#2ca02c", "#98df8a", "#7fbf7b", "#bcbd22", "#9467bd",
                                       "#c5b0d5", "#8c564b", "#e377c2", "#ff9896", "#ff7f0e", "#d6a100", "#d62728", "#7f0000"), strict=True))
# An empty cell printed as a visible dash, not a blank that reads as a gap in a table.
EMPTY = "—"
# The news window: the articles' publication dates, from this many days before the first (older
# dates are history the articles recall) to this many after the last (later ones are deadlines and
# plans they announce).
WINDOW_BEFORE_DAYS = 365
WINDOW_AFTER_DAYS = 180


@dataclass
class Run:
    """The tables of one run, read from its Parquet files."""

    articles: pd.DataFrame
    mentions: pd.DataFrame
    entities: pd.DataFrame
    agreements: pd.DataFrame
    agreement_mentions: pd.DataFrame
    event_mentions: pd.DataFrame
    events: pd.DataFrame
    manifest: dict

    @classmethod
    def read(cls, folder: Path) -> Run:
        """Raises FileNotFoundError or SchemaError (see tables.read_manifest)."""
        manifest = read_manifest(folder)
        # the tables the report draws on, not every table of the run (dates, dropped_event_candidates)
        frames = {f.name: pd.read_parquet(folder / f"{f.name}.parquet") for f in fields(cls) if f.name in TABLES}
        return cls(**frames, manifest=manifest)

    def name(self, entity_id: str) -> str:
        return self._names.get(entity_id, entity_id)

    def __post_init__(self):
        self._names = dict(zip(self.entities["entity_id"], self.entities["name"], strict=True))
        # a repeat shares its first copy's article_id, and its own dump's date would overwrite that copy's
        firsts = self.articles[self.articles["duplicate_of"].isna()]
        # each article's publication day, read once (None where it has none)
        days = pd.Series([start_of(p) for p in firsts["published"]], index=firsts.index, dtype=object)
        self.first_copies = firsts.assign(day=days)
        published = [d for d in days if d is not None]
        self.published_range = (min(published), max(published)) if published else None

    def when(self, date: str | None) -> str:
        """Where an event's date lies against the news window: `window`, `history` (recalled, before
        it), `ahead` (a deadline or plan after it) or `undated`. Without publication dates every
        dated event is in the window."""
        day = start_of(date)
        if day is None:
            return "undated"
        if self.published_range is None:
            return "window"
        first, last = self.published_range
        if day < first - dt.timedelta(days=WINDOW_BEFORE_DAYS):
            return "history"
        if day > last + dt.timedelta(days=WINDOW_AFTER_DAYS):
            return "ahead"
        return "window"


def types_in(events: pd.DataFrame) -> list[str]:
    """The PLOVER types the events have, in PLOVER's order."""
    present = set(events["event_type"])
    return [t for t in PLOVER_TYPES if t in present]


def cell(value) -> str:
    """A cell's text: empty for a missing value (None or pandas' NA/NaN)."""
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else html.escape(str(value))


def names_of(run: Run, ids) -> str:
    """The names of the entities of a list column (actors, targets), or EMPTY for none."""
    return ", ".join(run.name(i) for i in (ids if ids is not None else [])) or EMPTY
