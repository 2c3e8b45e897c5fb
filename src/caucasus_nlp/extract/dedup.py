"""Group event mentions that report the same real-world event, GDELT-style (events vs mentions)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from caucasus_nlp.extract.dates import compatible_dates, start_of
from caucasus_nlp.extract.events.actors import generic_name
from caucasus_nlp.extract.events.attributes import LEVEL_ORDER
from caucasus_nlp.ids import stable_id

# Reports of one event are published within this many days of each other.
REPORTING_WINDOW_DAYS = 14
# Events whose sides are told either way round: a meeting, an agreement, a cooperation.
SYMMETRIC_TYPES = {"CONSULT", "AGREE", "COOPERATE"}


@dataclass
class _Cluster:
    event_type: str
    subtype: str | None
    actors: set[str]
    targets: set[str]
    dates: list[tuple[str, str]] = field(default_factory=list)
    published: dt.date | None = None
    members: list[dict] = field(default_factory=list)


def _text_date(row: dict) -> str | None:
    """The date a mention's text gives; a publication date lent to an undated mention says nothing
    about which event it is (two reports of one event appear on different days)."""
    return row["date"] if row.get("date_source") != "publication" else None


def _same_event(cluster: _Cluster, row: dict, published: dt.date | None) -> bool:
    if (cluster.event_type, cluster.subtype) != (row["event_type"], row["subtype"]):
        return False
    actors = set(row["actors"])
    # a mention that names no actor joins a reported event of its kind; one that names actors must share one
    # with it. Who meets whom, or agrees with whom, is told either way round ("Michel hosted Aliyev" and
    # "Aliyev met Michel"): for those, the other side counts too.
    if row["event_type"] in SYMMETRIC_TYPES:
        shared = (actors | set(row["targets"])) & (cluster.actors | cluster.targets)
    else:
        shared = cluster.actors & actors
    if actors and not shared:
        return False
    # a generic actor ("Protesters (Armenia)", "Military Forces of Azerbaijan") is a kind, not one body: two
    # reports that share only generic actors tell one event only when both date it
    date = _text_date(row)
    if shared and all(generic_name(a) is not None for a in shared) and not (date and cluster.dates):
        return False
    if not actors and not cluster.actors and not (cluster.published and published):
        return False
    if cluster.dates and not all(compatible_dates(d, date) for d, _ in cluster.dates):
        return False
    if cluster.published and published and abs((cluster.published - published).days) > REPORTING_WINDOW_DAYS:
        return bool(date and cluster.dates)  # dated reports of a dated event may come later
    return True


def cluster_events(mention_rows: list[dict], articles: dict[str, dict]) -> list[dict]:
    """Assign event_id to every mention row (in place) and return one row per event.

    Mentions join an event when type and subtype agree, actors overlap (a mention naming no actor
    may join; for a meeting, an agreement or a cooperation the other side counts too), dates are
    compatible (equal, one refining the other, or a day apart), and their articles appeared within
    the reporting window unless both are dated. Mentions are visited in publication order so ids
    are stable.
    """
    order = sorted(
        mention_rows,
        key=lambda r: (articles[r["article_id"]].get("published") or "9999", r["article_id"], r["sent_idx"], r["event_mention_id"]),
    )
    clusters: list[_Cluster] = []
    for row in order:
        published = start_of(articles[row["article_id"]].get("published"))
        target = next((c for c in clusters if _same_event(c, row, published)), None)
        if target is None:
            target = _Cluster(row["event_type"], row["subtype"], set(), set(), published=published)
            clusters.append(target)
        target.actors |= set(row["actors"])
        target.targets |= set(row["targets"])
        if _text_date(row):
            target.dates.append((row["date"], row["date_precision"]))
        target.members.append(row)
    events = []
    for cluster in clusters:
        first = cluster.members[0]
        event_id = stable_id("event", first["event_mention_id"])
        for row in cluster.members:
            row["event_id"] = event_id
        # the text's best date, else the first report's publication date that an undated mention was lent
        lent = next(((r["date"], r["date_precision"]) for r in cluster.members if r["date"]), (None, None))
        best_date = max(cluster.dates, key=lambda d: (len(d[0]), Counter(x for x, _ in cluster.dates)[d[0]]), default=lent)
        locations = Counter(r["location_id"] for r in cluster.members if r["location_id"])
        location = locations.most_common(1)[0][0] if locations else None
        article_ids = {r["article_id"] for r in cluster.members}
        outlets = {articles[a].get("outlet") or articles[a]["dump"] for a in article_ids}
        events.append(
            {
                "event_id": event_id,
                "event_type": cluster.event_type,
                "subtype": cluster.subtype,
                "actors": sorted(cluster.actors),
                "targets": sorted(cluster.targets - cluster.actors),
                "location_id": location,
                "location_precision": _finest(r.get("location_precision") for r in cluster.members if location and r["location_id"] == location),
                "date": best_date[0],
                "date_precision": best_date[1],
                "date_source": _finest(r.get("date_source") for r in cluster.members if best_date[0] and r["date"] == best_date[0]),
                "modality": Counter(r["modality"] for r in cluster.members).most_common(1)[0][0],
                "n_mentions": len(cluster.members),
                "n_articles": len(article_ids),
                "n_outlets": len(outlets),
                "first_article_id": first["article_id"],
            }
        )
    return events


def _finest(levels) -> str | None:
    """The finest level among the mentions that gave an event its place or date: a place one report
    names in the event's own phrase beats the same place another report only had in its lead."""
    found = {level for level in levels if level}
    return next((level for level in LEVEL_ORDER if level in found), None)

