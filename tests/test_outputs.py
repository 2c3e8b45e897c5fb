"""What users do with a finished run: the Data Package, DuckDB and SQLite exports, the HTML report
(also in headless Chromium), and `show`."""

from __future__ import annotations

import csv
import json
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from caucasus_nlp.export import VIEWS, ExportError, export
from caucasus_nlp.report import write_report
from caucasus_nlp.tables import TABLES

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "raw" / "sample_digest.txt"
CLI = [sys.executable, "-m", "caucasus_nlp.cli"]
# Two short items of our own whose events have a place, so the map has events to draw.
PLACED_EVENTS = [
    {"title": "Protest in Yerevan over border deal", "date": "2024-05-06", "outlet": "Test Wire",
     "text": "Thousands of Armenians rallied in Yerevan on 5 May 2024 against the border deal."},
    {"title": "Leaders meet in Prague", "date": "2022-10-07", "outlet": "Test Wire",
     "text": "Pashinyan met Aliyev in Prague on 6 October 2022."},
]


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory, nlp):
    from caucasus_nlp.pipeline import run

    inputs = tmp_path_factory.mktemp("inputs")
    shutil.copy(SAMPLE, inputs)
    (inputs / "placed.jsonl").write_text("".join(json.dumps(item) + "\n" for item in PLACED_EVENTS), "utf-8")
    out = tmp_path_factory.mktemp("out")
    run([inputs], out, nlp=nlp)
    return out


def _frame(folder: Path, name: str) -> pd.DataFrame:
    return pd.read_parquet(folder / f"{name}.parquet")


@pytest.mark.slow
def test_datapackage_describes_every_csv_and_validates(run_dir):
    package = json.loads((run_dir / "datapackage.json").read_text())
    assert [r["name"] for r in package["resources"]] == list(TABLES)
    for resource in package["resources"]:
        with open(run_dir / resource["path"], newline="", encoding="utf-8") as f:
            header = next(csv.reader(f))
        assert [field["name"] for field in resource["schema"]["fields"]] == header
        assert resource["schema"]["primaryKey"] == list(TABLES[resource["name"]].key)
        assert all(field["description"] for field in resource["schema"]["fields"])
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(run_dir / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]


@pytest.mark.slow
def test_duckdb_export_has_typed_keyed_documented_tables_and_views(run_dir, tmp_path):
    duckdb = pytest.importorskip("duckdb")
    file = tmp_path / "run.duckdb"
    counts = export(run_dir, "duckdb", file)
    con = duckdb.connect(str(file), read_only=True)
    for name in TABLES:
        assert counts[name] == len(_frame(run_dir, name)) == con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
    assert set(VIEWS) <= {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
    keys = {(r[0], r[1]) for r in con.execute("SELECT table_name, constraint_type FROM duckdb_constraints()").fetchall()}
    assert ("events", "PRIMARY KEY") in keys and ("event_mentions", "FOREIGN KEY") in keys
    types = dict(con.execute("SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'events'").fetchall())
    assert types["actors"] == "VARCHAR[]" and types["n_mentions"] == "BIGINT" and types["latitude"] == "DOUBLE"
    comment = con.execute("SELECT comment FROM duckdb_columns() WHERE table_name = 'mentions' AND column_name = 'start'").fetchone()[0]
    assert comment == "Char offset into articles.text."
    # the timeline names the actors; the Prague meeting is placed and dated
    prague = con.execute("SELECT date, actor_names, place FROM event_timeline WHERE place = 'Prague'").fetchall()
    assert prague == [("2022-10-06", "Nikol Pashinyan", "Prague")]
    # names come in the order of the events' lists, on every run and in SQLite too
    names = dict(zip(_frame(run_dir, "entities")["entity_id"], _frame(run_dir, "entities")["name"], strict=True))
    expected_names = {e.event_id: "; ".join(names.get(a, a) for a in e.actors) or None for e in _frame(run_dir, "events").itertuples()}
    timeline = dict(con.execute("SELECT event_id, actor_names FROM event_timeline").fetchall())
    assert timeline == expected_names
    export(run_dir, "sqlite", tmp_path / "run.sqlite")
    assert dict(sqlite3.connect(tmp_path / "run.sqlite").execute("SELECT event_id, actor_names FROM event_timeline").fetchall()) == timeline
    # co-occurrence counts the articles that name both entities, each pair once
    pairs = con.execute("SELECT entity_a, entity_b, n_articles FROM entity_cooccurrence").fetchall()
    mentions = _frame(run_dir, "mentions").dropna(subset=["entity_id"])
    by_article = mentions.groupby("article_id")["entity_id"].apply(set)
    expected = {}
    for ids in by_article:
        for a in ids:
            for b in ids:
                if a < b:
                    expected[a, b] = expected.get((a, b), 0) + 1
    assert {(a, b): n for a, b, n in pairs} == expected


@pytest.mark.slow
def test_sqlite_export_matches_and_keeps_lists_as_json(run_dir, tmp_path):
    file = tmp_path / "run.sqlite"
    counts = export(run_dir, "sqlite", file)
    con = sqlite3.connect(file)
    assert counts["events"] == con.execute("SELECT count(*) FROM events").fetchone()[0] == len(_frame(run_dir, "events"))
    actors = [json.loads(v) for (v,) in con.execute("SELECT actors FROM events")]
    assert all(isinstance(a, list) for a in actors) and any(actors)
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    assert con.execute("SELECT count(*) FROM event_timeline").fetchone()[0] == counts["events"]
    described = con.execute("SELECT count(*) FROM column_descriptions").fetchone()[0]
    assert described == sum(len(t.columns) for t in TABLES.values())


def test_export_refuses_a_folder_that_is_not_a_run_and_unknown_formats(tmp_path):
    with pytest.raises(ExportError, match="not an output folder"):
        export(tmp_path, "duckdb", tmp_path / "x.duckdb")
    assert not (tmp_path / "x.duckdb").exists()
    result = subprocess.run([*CLI, "export", str(tmp_path), str(tmp_path / "x.db"), "--to", "excel"], capture_output=True, text=True)
    assert result.returncode == 2 and "unknown format 'excel'" in result.stderr and "Traceback" not in result.stderr
    shown = subprocess.run([*CLI, "show", str(tmp_path)], capture_output=True, text=True)
    assert shown.returncode == 2 and "not an output folder" in shown.stderr


@pytest.mark.slow
def test_tables_of_another_schema_version_are_refused_with_what_to_do(run_dir, tmp_path):
    old = tmp_path / "old"
    shutil.copytree(run_dir, old)
    manifest = json.loads((old / "manifest.json").read_text())
    (old / "manifest.json").write_text(json.dumps(manifest | {"schema_version": "1.0"}))
    for command in (["export", str(old), str(tmp_path / "x.duckdb"), "--to", "duckdb"], ["report", str(old), "-o", str(tmp_path / "r.html")],
                    ["show", str(old)]):
        result = subprocess.run([*CLI, *command], capture_output=True, text=True)
        assert result.returncode == 2 and "have schema 1.0" in result.stderr and "run `caucasus-nlp run`" in result.stderr, command


@pytest.mark.slow
def test_report_is_self_contained_and_draws_every_dated_event_and_placed_point(run_dir, tmp_path):
    out = tmp_path / "report.html"
    summary = write_report(run_dir, out)
    events, entities = _frame(run_dir, "events"), _frame(run_dir, "entities")
    off = summary.off_timeline
    assert summary.timeline_points + off["history"] + off["ahead"] == events["date"].notna().sum() and summary.timeline_points > 0
    assert off["undated"] == events["date"].isna().sum()
    page = out.read_text()
    # the map is fitted to where most events are; the events elsewhere are listed under it by place
    outside = sum(int(n) for n in re.findall(r"(\d+) events?\b", re.search(r'class="outside-map">([^<]*)', page).group(1)))
    assert summary.event_points + outside == events["latitude"].notna().sum() and summary.event_points >= 2
    assert 0 < summary.place_points <= entities["latitude"].notna().sum()
    assert not re.search(r"""(src|href)\s*=\s*["']?https?:|url\(\s*["']?https?:|@import""", page)
    assert page.count('class="timeline-point"') == summary.timeline_points
    # every event has its row, anchored by its id
    assert sorted(re.findall(r'<tr id="event-(\w+)" class="event-row"', page)) == sorted(events["event_id"]) and summary.event_rows == len(events)
    assert page.count('class="article"') == summary.articles == len(_frame(run_dir, "articles"))
    assert "Pashinyan" in page and 'class="entity"' in page  # displaCy markup of the article pages


def test_a_report_that_cannot_be_written_keeps_the_old_one_whole(run_dir, tmp_path, monkeypatch):
    out = tmp_path / "report.html"
    write_report(run_dir, out)
    good = out.read_bytes()

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("caucasus_nlp.files.os.fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        write_report(run_dir, out)
    assert out.read_bytes() == good and sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


def _chromium() -> str | None:
    return next((path for name in ("chromium", "chromium-browser", "google-chrome") if (path := shutil.which(name))), None)


def _browse(browser: str, profile: Path, url: str) -> tuple[dict[str, str], str]:
    """The page as headless Chromium leaves it after its script ran: the body's data attributes and the DOM."""
    flags = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--enable-logging=stderr", "--v=0",
             "--host-resolver-rules=MAP * ~NOTFOUND", f"--user-data-dir={profile}"]
    dom = subprocess.run([*flags, "--dump-dom", url], capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert [line for line in dom.stderr.splitlines() if ":CONSOLE" in line] == []
    body = re.search(r"<body([^>]*)>", dom.stdout).group(1)
    return dict(re.findall(r'data-([\w-]+)="([^"]*)"', body)), dom.stdout


def _shown(dom: str, element: str, prefix: str) -> set[str]:
    """The ids of the rows (or article pages) the filters leave shown."""
    rows = re.findall(rf"<{element}\b([^>]*)>", dom)
    return {m.group(1) for attributes in rows if (m := re.search(rf'\bid="{prefix}-(\w+)"', attributes)) and "hidden" not in attributes}


@pytest.mark.slow
def test_report_renders_in_headless_chromium_and_its_filters_change_what_is_shown(run_dir, tmp_path):
    browser = _chromium()
    if browser is None:
        pytest.skip("no Chromium here (.ci/run installs Debian's chromium)")
    out = tmp_path / "report.html"
    summary = write_report(run_dir, out)
    profile = tmp_path / "profile"
    attributes, dom = _browse(browser, profile, out.as_uri())
    assert attributes["ready"] == "1" and "errors" not in attributes
    assert int(attributes["drawn-timeline"]) == summary.timeline_points
    assert int(attributes["drawn-events"]) == summary.event_points
    assert int(attributes["drawn-places"]) == summary.place_points
    events, articles = _frame(run_dir, "events"), _frame(run_dir, "articles")
    assert _shown(dom, "tr", "event") == set(events["event_id"]) and int(attributes["shown-events"]) == len(events)

    # a filter in the query string shows exactly the events it selects
    event_type = events["event_type"].value_counts().index[-1]
    actor = events["actors"].explode().dropna().value_counts().index[0]
    involving = {e.event_id for e in events.itertuples() if actor in [*e.actors, *e.targets]}
    dated = events.dropna(subset=["date"]).sort_values("date")
    first_day = dated["date"].iloc[len(dated) // 2][:10]
    since = {e.event_id for e in dated.itertuples() if e.date[:10] >= first_day}
    for query, expected in ((f"type={event_type}", set(events.loc[events["event_type"] == event_type, "event_id"])),
                            (f"actor={actor}", involving),
                            (f"from={first_day}", since),
                            ("when=undated", set(events.loc[events["date"].isna(), "event_id"]))):
        attributes, dom = _browse(browser, profile, f"{out.as_uri()}?{query}#events")
        assert "errors" not in attributes and _shown(dom, "tr", "event") == expected, query
        assert int(attributes["shown-events"]) == len(expected) < len(events), query
    # sorting by a column, asked for in the query string as a header click would
    names = dict(zip(_frame(run_dir, "entities")["entity_id"], _frame(run_dir, "entities")["name"], strict=True))
    place = {e.event_id: names.get(e.location_id, "") for e in events.itertuples()}
    _, dom = _browse(browser, profile, f"{out.as_uri()}?sort=place&order=desc#events")
    shown = [place[i] for i in re.findall(r'<tr id="event-(\w+)"', dom)]
    named = sorted((p for p in place.values() if p), key=str.casefold, reverse=True)
    assert shown == named + [""] * (len(place) - len(named)) and len(set(named)) > 2  # descending, events with no place last
    _, dom = _browse(browser, profile, f"{out.as_uri()}?sort=date#events")
    days = [d for d in (dict(zip(events["event_id"], events["date"], strict=True))[i] for i in re.findall(r'<tr id="event-(\w+)"', dom))]
    assert days == sorted(days, key=lambda d: (d is None, d or ""))
    outlet = articles["outlet"].value_counts().index[-1]
    attributes, dom = _browse(browser, profile, f"{out.as_uri()}?outlet={outlet.replace(' ', '+')}#articles")
    assert _shown(dom, "details", "article") == set(articles.loc[articles["outlet"] == outlet, "article_id"]) != set(articles["article_id"])

    shot = tmp_path / "report.png"
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", f"--user-data-dir={profile}",
                    f"--screenshot={shot}", "--window-size=1200,2400", out.as_uri()], capture_output=True, timeout=120)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


@pytest.mark.slow
def test_show_prints_counts_and_the_top_entities_and_events(run_dir, tmp_path):
    # a name that looks like terminal markup is printed as it is
    shown = tmp_path / "shown"
    shutil.copytree(run_dir, shown)
    entities = _frame(shown, "entities").sort_values(["n_articles", "n_mentions"], ascending=False)
    entities.loc[entities.index[0], "name"] = "[/b] Court [x]"
    entities.to_parquet(shown / "entities.parquet", index=False)
    result = subprocess.run([*CLI, "show", str(shown), "--top", "3"], capture_output=True, text=True, env={"COLUMNS": "200", "PATH": ""})
    assert result.returncode == 0, result.stderr
    events = len(_frame(run_dir, "events"))
    assert re.search(rf"events\s*│\s*{events}", result.stdout)
    assert "[/b] Court [x]" in result.stdout and "events by type:" in result.stdout


@pytest.mark.slow
def test_show_prints_a_dash_for_an_undated_event(run_dir, tmp_path):
    shown = tmp_path / "shown"
    shutil.copytree(run_dir, shown)
    events = _frame(shown, "events").sort_values(["n_mentions", "n_outlets"], ascending=False)
    events.loc[events.index[0], "date"] = None
    events.to_parquet(shown / "events.parquet", index=False)
    result = subprocess.run([*CLI, "show", str(shown), "--top", "1"], capture_output=True, text=True, env={"COLUMNS": "200", "PATH": ""})
    assert result.returncode == 0, result.stderr
    top_event = next(line for line in result.stdout.splitlines() if events.iloc[0]["event_type"] in line and "│" in line)
    assert top_event.split("│")[1].strip() == "—"
