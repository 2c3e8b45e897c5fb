"""One database file with every table of a run: DuckDB or SQLite, typed, keyed, documented, with views.

The tables, their column types and descriptions, keys and foreign keys all come from `tables.py`,
so the database says what the CSV and Parquet files say. In DuckDB, list columns (actors, aliases)
are VARCHAR[]; in SQLite, they are JSON arrays. Both get the same views:

- `event_timeline`: one row per event in date order, with actor, target and place names and the
  first report's headline and outlet;
- `entity_cooccurrence`: pairs of entities named in the same articles, with how many;
- `actor_interactions`: who did what to whom: actor, target and event type, with how many events.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from pathlib import Path

import pandas as pd

from caucasus_nlp.tables import TABLES, SchemaError, Table, read_manifest

FORMATS = ("duckdb", "sqlite")
_DUCKDB_TYPES = {"str": "VARCHAR", "int": "BIGINT", "float": "DOUBLE", "bool": "BOOLEAN", "list": "VARCHAR[]"}
_SQLITE_TYPES = {"str": "TEXT", "int": "INTEGER", "float": "REAL", "bool": "INTEGER", "list": "TEXT"}

# The views, written once for both databases. {each:COLUMN:ALIAS} turns a list column into rows
# ALIAS.value (DuckDB: unnest; SQLite: json_each over the JSON array), {pos:ALIAS} is the element's
# place in its list, and {concat:EXPR:ORDER} joins values with "; " in that order, so that names
# come out in the order of the list, the same in both databases and on every run.
_NAMES = """SELECT event_id, {concat:name:pos} AS names FROM (
                SELECT e.event_id, coalesce(n.name, x.value) AS name, {pos:x} AS pos
                FROM events e, {each:e.LIST:x} LEFT JOIN entities n ON n.entity_id = x.value
                ORDER BY e.event_id, pos) AS listed GROUP BY event_id"""
VIEWS = {
    "event_timeline": f"""
        WITH actor_names AS ({_NAMES.replace("LIST", "actors")}),
        target_names AS ({_NAMES.replace("LIST", "targets")}),
        first_copies AS (SELECT article_id, title, outlet, published FROM articles WHERE duplicate_of IS NULL)
        SELECT e.event_id, e.date, e.date_precision, e.event_type, e.subtype, e.modality,
               an.names AS actor_names, tn.names AS target_names, p.name AS place, e.latitude, e.longitude,
               e.n_mentions, e.n_articles, e.n_outlets, f.title AS first_title, f.outlet AS first_outlet,
               f.published AS first_published
        FROM events e
        LEFT JOIN actor_names an ON an.event_id = e.event_id
        LEFT JOIN target_names tn ON tn.event_id = e.event_id
        LEFT JOIN entities p ON p.entity_id = e.location_id
        LEFT JOIN first_copies f ON f.article_id = e.first_article_id
        ORDER BY e.date IS NULL, e.date, e.event_type, e.event_id""",
    "entity_cooccurrence": """
        WITH named AS (SELECT DISTINCT article_id, entity_id FROM mentions WHERE entity_id IS NOT NULL)
        SELECT a.entity_id AS entity_a, ea.name AS name_a, ea.type AS type_a,
               b.entity_id AS entity_b, eb.name AS name_b, eb.type AS type_b, count(*) AS n_articles
        FROM named a
        JOIN named b ON a.article_id = b.article_id AND a.entity_id < b.entity_id
        JOIN entities ea ON ea.entity_id = a.entity_id
        JOIN entities eb ON eb.entity_id = b.entity_id
        GROUP BY a.entity_id, ea.name, ea.type, b.entity_id, eb.name, eb.type
        ORDER BY n_articles DESC, name_a, name_b, entity_a, entity_b""",
    "actor_interactions": """
        SELECT a.value AS actor, na.name AS actor_name, t.value AS target, nt.name AS target_name,
               e.event_type, count(*) AS n_events, sum(e.n_mentions) AS n_mentions
        FROM events e, {each:e.actors:a}, {each:e.targets:t}
        LEFT JOIN entities na ON na.entity_id = a.value
        LEFT JOIN entities nt ON nt.entity_id = t.value
        GROUP BY a.value, na.name, t.value, nt.name, e.event_type
        ORDER BY n_events DESC, actor, target, e.event_type""",
}
_DIALECTS = {
    "duckdb": {"each": lambda col, alias: f"unnest({col}) WITH ORDINALITY AS {alias}(value, pos)",
               "pos": lambda alias: f"{alias}.pos",
               "concat": lambda expr, order: f"string_agg({expr}, '; ' ORDER BY {order})"},
    # SQLite before 3.44 has no ORDER BY inside an aggregate: group_concat follows the ordered subquery
    "sqlite": {"each": lambda col, alias: f"json_each({col}) AS {alias}",
               "pos": lambda alias: f"{alias}.key",
               "concat": lambda expr, order: f"group_concat({expr}, '; ')"},
}


class ExportError(RuntimeError):
    """The folder holds no complete run, or the database cannot be written."""


def export(folder: str | Path, to: str, file: str | Path) -> dict[str, int]:
    """Write every table of the run in `folder` into a new database `file` (replacing it only once
    the new one is complete); returns the row count of each table and view."""
    folder, file = Path(folder), Path(file)
    if to not in FORMATS:
        raise ExportError(f"unknown format {to!r} (choose from {', '.join(FORMATS)})")
    try:
        read_manifest(folder)
    except (FileNotFoundError, SchemaError) as exc:
        raise ExportError(str(exc)) from None
    partial = file.with_name(f".{file.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        counts = (_to_duckdb if to == "duckdb" else _to_sqlite)(folder, partial)
        os.replace(partial, file)
    except (OSError, sqlite3.Error, *_duckdb_errors()) as exc:
        partial.unlink(missing_ok=True)
        raise ExportError(f"cannot write {file}: {getattr(exc, 'strerror', None) or exc}") from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return counts


def _duckdb_errors() -> tuple[type[BaseException], ...]:
    try:
        import duckdb
    except ImportError:
        return ()
    return (duckdb.Error,)


def creation_order() -> list[Table]:
    """Tables before the tables whose foreign keys point at them."""
    ordered: list[Table] = []
    pending = list(TABLES.values())
    while pending:
        table = next(t for t in pending if all(fk.table in {o.name for o in ordered} for fk in t.foreign_keys))
        ordered.append(table)
        pending.remove(table)
    return ordered


def _create_table(table: Table, types: dict[str, str]) -> str:
    lines = [f'"{c.name}" {types[c.type]}{"" if c.nullable else " NOT NULL"}' for c in table.columns]
    lines.append(f"PRIMARY KEY ({', '.join(table.key)})")
    lines += [f"FOREIGN KEY ({fk.column}) REFERENCES {fk.table} ({fk.target})" for fk in table.foreign_keys]
    return f"CREATE TABLE {table.name} (\n  " + ",\n  ".join(lines) + "\n)"


def _view_sql(template: str, dialect: str) -> str:
    """A view's SQL for one database: each {name:arg:...} placeholder filled by the dialect."""
    forms = _DIALECTS[dialect]
    return re.sub(r"\{(each|pos|concat):([^{}]*)\}", lambda m: forms[m.group(1)](*m.group(2).split(":")), template)


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _to_duckdb(folder: Path, file: Path) -> dict[str, int]:
    try:
        import duckdb
    except ImportError:
        raise ExportError("--to duckdb needs the duckdb package: pip install duckdb") from None
    counts = {}
    with duckdb.connect(str(file)) as con:
        for table in creation_order():
            con.execute(_create_table(table, _DUCKDB_TYPES))
            columns = ", ".join(f'"{c.name}"' for c in table.columns)
            con.execute(f"INSERT INTO {table.name} SELECT {columns} FROM read_parquet(?)", [str(folder / f"{table.name}.parquet")])
            con.execute(f"COMMENT ON TABLE {table.name} IS {_quote(_table_comment(table))}")
            for c in table.columns:
                con.execute(f'COMMENT ON COLUMN {table.name}."{c.name}" IS {_quote(c.description)}')
            counts[table.name] = con.execute(f"SELECT count(*) FROM {table.name}").fetchone()[0]
        for name, template in VIEWS.items():
            con.execute(f"CREATE VIEW {name} AS {_view_sql(template, 'duckdb')}")
            counts[name] = con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
    return counts


def _table_comment(table: Table) -> str:
    keys = f" Key: {', '.join(table.key)}."
    refs = "".join(f" {fk.column} references {fk.table}.{fk.target}." for fk in table.foreign_keys)
    return table.description + keys + refs


def _to_sqlite(folder: Path, file: Path) -> dict[str, int]:
    counts = {}
    con = sqlite3.connect(file)
    try:
        for table in creation_order():
            con.execute(_create_table(table, _SQLITE_TYPES))
            frame = pd.read_parquet(folder / f"{table.name}.parquet")
            for c in table.columns:
                if c.type == "list":
                    frame[c.name] = frame[c.name].map(lambda v: json.dumps(list(v), ensure_ascii=False) if v is not None else None)
            rows = frame.astype(object).where(frame.notna(), None).itertuples(index=False, name=None)
            placeholders = ", ".join("?" for _ in table.columns)
            con.executemany(f"INSERT INTO {table.name} VALUES ({placeholders})", rows)
            counts[table.name] = len(frame)
        # SQLite has no column comments: the descriptions go into a table of their own
        con.execute("CREATE TABLE column_descriptions (table_name TEXT, column_name TEXT, type TEXT, description TEXT, PRIMARY KEY (table_name, column_name))")
        con.executemany("INSERT INTO column_descriptions VALUES (?, ?, ?, ?)",
                        [(t.name, c.name, c.type, c.description) for t in TABLES.values() for c in t.columns])
        for name, template in VIEWS.items():
            con.execute(f"CREATE VIEW {name} AS {_view_sql(template, 'sqlite')}")
            counts[name] = con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
        violations = con.execute("PRAGMA foreign_key_check").fetchall()
        if violations:
            raise ExportError(f"{len(violations)} rows reference a missing key (first: {violations[0]})")
        con.commit()
    finally:
        con.close()
    return counts
