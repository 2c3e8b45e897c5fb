"""The output contract (../shared/SCHEMA.md) in one place, and the one writer every table goes through.

Each table declares its columns with a type and a description; enforce_schema fails loudly on a
missing or unexpected column and casts to the declared types, so Parquet, CSV and the manifest can
never drift apart.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

# 1.1: article_id hashes the article's text (repeats share it, see articles.duplicate_of); articles are keyed
# by (dump, seq); event_mentions has one row per event and article; new columns language and duplicate_of.
# 1.2: event_mentions.type_confidence (accurate profile) and trigger_start; datapackage.json.
# 1.3: dropped_event_candidates (what the event gates drop).
# 1.4: actor_countries, actor_sectors, target_countries, target_sectors on event_mentions and events; generic actors (GROUP);
#      location_precision and date_source on event_mentions.
# 1.5: location_precision and date_source on events too.
SCHEMA_VERSION = "1.5"


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # str, int, float, bool, list
    description: str
    nullable: bool = True


@dataclass(frozen=True)
class ForeignKey:
    column: str
    table: str
    target: str  # a column that is the key of `table`


@dataclass(frozen=True)
class Table:
    name: str
    key: tuple[str, ...]  # columns whose values identify a row; enforce_schema checks they are unique
    description: str
    columns: tuple[Column, ...]
    # References to another table's key; exports declare them as constraints. article_id is not one:
    # articles are keyed by (dump, seq), and a repeated article shares its id with the first copy.
    foreign_keys: tuple[ForeignKey, ...] = ()
    # References no export can declare as a constraint, checked by `unresolved_references`: list
    # columns whose every value is a key of `table`, and article_id, which names articles.article_id.
    references: tuple[ForeignKey, ...] = ()

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


def _c(name, type_, description, nullable=True):
    return Column(name, type_, description, nullable)


# the country and sector of each actor and target, on event_mentions and events alike
ACTOR_CODE_COLUMNS = (
    _c("actor_countries", "list", "ISO 3166-1 alpha-2 country of each actor, in the order of actors (an empty string where none is known): "
       "the knowledge base's, a state's own, a place's, a generic actor's."),
    _c("actor_sectors", "list", "Sector of each actor, in the order of actors (an empty string where none is known): GOV, MIL, POL, JUD, LEG, OPP, "
       "REB, PRO (protesters), CIV, IGO, NGO, MED, BUS, REL (resources/events/actor_sectors.tsv, after CAMEO/PLOVER actor sectors "
       "and ACLED); a state is GOV."),
    _c("target_countries", "list", "Country of each target, as actor_countries."),
    _c("target_sectors", "list", "Sector of each target, as actor_sectors."),
)


TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table("articles", ("dump", "seq"), "One row per article found in a dump (a repeat in another dump is a row too, see duplicate_of).", (
            _c("article_id", "str", "Stable id: hash of the article's normalized text, so a repeat in another dump gets the same id.", False),
            _c("dump", "str", "File name of the raw dump.", False),
            _c("seq", "int", "0-based position of the article in its dump.", False),
            _c("title", "str", "Headline.", False),
            _c("outlet", "str", "Publishing outlet as written."),
            _c("published", "str", "Publication date, ISO YYYY-MM-DD, YYYY-MM or YYYY."),
            _c("published_source", "str", "Where the publication date came from (date_line, dateline, text_...)."),
            _c("url", "str", "Source URL when the dump gives one."),
            _c("dateline", "str", "Dateline place (YEREVAN, BAKU)."),
            _c("author", "str", "Byline name when the dump gives one."),
            _c("language", "str", "Detected language (ISO 639-1); non-English articles are skipped and listed in the manifest."),
            _c("duplicate_of", "str", "For a repeat of an article seen earlier in the run: that article's id (then equal to article_id); null for first occurrences, which carry all mentions."),
            _c("text", "str", "Headline, blank line, cleaned body; all char offsets point into it.", False),
            _c("raw_start", "int", "Start of the article in the decoded dump.", False),
            _c("raw_end", "int", "End of the article in the decoded dump.", False),
            _c("n_tokens", "int", "Tokens in text.", False),
        )),
        Table("mentions", ("mention_id",), "One row per entity or date mention in an article.", (
            _c("mention_id", "str", "Stable id.", False),
            _c("article_id", "str", "FK to articles.", False),
            _c("sent_idx", "int", "Sentence index in the article.", False),
            _c("start", "int", "Char offset into articles.text.", False),
            _c("end", "int", "Char end offset into articles.text.", False),
            _c("text", "str", "Surface form.", False),
            _c("label", "str", "PERSON, ORG, GPE, LOC, FAC, NORP, DATE, EVENT, LAW.", False),
            _c("entity_id", "str", "FK to entities; null when unresolved."),
            _c("source", "str", "What found it: ner, gazetteer, rule, with +fix/+surname/+geonames steps; a place linked at the "
               "seat of the area it names says +seat, one linked to a namesake where the text puts it +within, and one left "
               "unlinked because it lies elsewhere +not_within (resources/events/links.jsonl).", False),
        ), (ForeignKey("entity_id", "entities", "entity_id"),), (ForeignKey("article_id", "articles", "article_id"),)),
        Table("entities", ("entity_id",), "One row per canonical entity seen in the run.", (
            _c("entity_id", "str", "Canonical id (person:..., org:..., geonames:..., place:...).", False),
            _c("name", "str", "Canonical name.", False),
            _c("type", "str", "PERSON, ORG, PLACE; EVENT or LAW for named wars, conferences and conventions; GROUP for a generic actor "
               "(actor:SECTOR[:CC], \"Protesters (Armenia)\"), named by its sector and country where no one is named.", False),
            _c("aliases", "list", "Other names known or seen."),
            _c("geonameid", "int", "GeoNames id for places."),
            _c("latitude", "float", "Latitude for places."),
            _c("longitude", "float", "Longitude for places."),
            _c("country_code", "str", "ISO 3166-1 alpha-2."),
            _c("in_kb", "bool", "True when the entity comes from the knowledge base or GeoNames.", False),
            _c("n_mentions", "int", "Mentions over the run (for a generic actor, the event mentions it takes part in).", False),
            _c("n_articles", "int", "Articles mentioning it, or whose events or agreements refer to it.", False),
        )),
        Table("dates", ("mention_id",), "One row per temporal expression.", (
            _c("mention_id", "str", "FK to mentions (label DATE).", False),
            _c("article_id", "str", "FK to articles.", False),
            _c("text", "str", "Surface form.", False),
            _c("value", "str", "Normalized ISO value."),
            _c("granularity", "str", "day, week, month, year."),
            _c("relative", "bool", "Resolved against the publication date."),
            _c("rule_id", "str", "Which resolution rule produced the value."),
        ), (ForeignKey("mention_id", "mentions", "mention_id"),), (ForeignKey("article_id", "articles", "article_id"),)),
        Table("agreements", ("agreement_id",), "One row per canonical agreement.", (
            _c("agreement_id", "str", "Canonical id.", False),
            _c("name", "str", "Canonical name.", False),
            _c("kind", "str", "ceasefire, peace_treaty, joint_statement, declaration, court_order, convention.", False),
            _c("date", "str", "ISO date signed or issued."),
            _c("parties", "list", "Entity ids of the parties."),
            _c("n_mentions", "int", "Mentions over the run.", False),
            _c("n_articles", "int", "Articles mentioning it.", False),
        ), (), (ForeignKey("parties", "entities", "entity_id"),)),
        Table("agreement_mentions", ("agreement_mention_id",), "One row per agreement mention.", (
            _c("agreement_mention_id", "str", "Stable id.", False),
            _c("agreement_id", "str", "FK to agreements.", False),
            _c("article_id", "str", "FK to articles.", False),
            _c("sent_idx", "int", "Sentence index.", False),
            _c("start", "int", "Char offset into articles.text.", False),
            _c("end", "int", "Char end offset.", False),
            _c("text", "str", "Surface form.", False),
            _c("status", "str", "signed, proposed, negotiated, implemented, violated, referenced.", False),
            _c("rule_id", "str", "The rules behind the row, joined by '+': the catalogue pattern that matched (AGREEMENT_ID#N), then the "
               "rows of resources/agreement_status.jsonl that decided the status (status:signed+unrealized:infinitive+status:proposed: "
               "a signing only hoped for is proposed).", False),
        ), (ForeignKey("agreement_id", "agreements", "agreement_id"),), (ForeignKey("article_id", "articles", "article_id"),)),
        Table("event_mentions", ("event_mention_id",), "One row per event an article reports: its first sentence, with what repeats in the same article add.", (
            _c("event_mention_id", "str", "Stable id.", False),
            _c("event_id", "str", "FK to events.", False),
            _c("article_id", "str", "FK to articles.", False),
            _c("sent_idx", "int", "Sentence index.", False),
            _c("event_type", "str", "PLOVER type.", False),
            _c("subtype", "str", "Domain subtype."),
            _c("trigger", "str", "Word that expresses the event.", False),
            _c("trigger_start", "int", "Char offset of the trigger into articles.text.", False),
            _c("actors", "list", "Entity ids of who acts; a state body is followed by the state it acts for."),
            _c("targets", "list", "Entity ids of who it is done to or with."),
            _c("location_id", "str", "Entity id of the place."),
            _c("date", "str", "ISO date of the event."),
            _c("date_precision", "str", "day, week, month, year."),
            _c("modality", "str", "asserted, planned, proposed, refused, negated, hypothetical.", False),
            _c("quantity", "int", "A count the sentence gives."),
            _c("sentence", "str", "Sentence text.", False),
            _c("rule_id", "str", "The rules behind the row, joined by '+': first the trigger row that proposed it (trigger:LEMMA:POS:SUBTYPE, a row of "
               "resources/events/triggers.tsv, or accusing_noun:LEMMA), then every rule of resources/events/ that fired on it: the "
               "rewrites (rewrite:event_typer, rewrite:alleged, rewrite:negated, rewrite:demanded, rewrite:acts_for, rewrite:captor, ...), the role "
               "paths that gave the actors (role:subject, role:xcomp_controller, role:generic_actor, ...), the parse repairs they relied on "
               "(repair:stray_subject, ...), the paths that gave the targets (role:object, role:target_prep, ...), the modality rule "
               "(modality:planned, ...; none for asserted) and attribute:place/attribute:quantity. caucasus-nlp rules counts them.", False),
            _c("type_confidence", "float", "Accurate profile: the event-type classifier's probability that the sentence reports an event of this type (empty in the fast profile). Low values flag likely mistyped or background mentions."),
            *ACTOR_CODE_COLUMNS,
            _c("location_precision", "str", "Which level gave location_id, as ACLED's geo_precision: phrase (the trigger's own phrase), "
               "sentence (the place the sentence says something happens in), mentioned (a town or region the sentence names otherwise: "
               "\"residents of Taloqan city protested\"), lead (the article's lead paragraph's place, or for an event done at a place the "
               "first town the lead names in any role, where no dateline gives a place), dateline (the place of the article's dateline)."),
            _c("date_source", "str", "Which level gave date: sentence (the trigger's phrase or its sentence), lead (the first date of "
               "the article's lead paragraph), publication (no date in the text: the article's publication date, for an event "
               "that happened), as ACLED's time_precision says how a date was coded; date_precision is its granularity."),
        ), (ForeignKey("event_id", "events", "event_id"), ForeignKey("location_id", "entities", "entity_id")),
           (ForeignKey("article_id", "articles", "article_id"), ForeignKey("actors", "entities", "entity_id"), ForeignKey("targets", "entities", "entity_id"))),
        Table("events", ("event_id",), "One row per real-world event, deduplicated across articles.", (
            _c("event_id", "str", "Stable id.", False),
            _c("event_type", "str", "PLOVER type.", False),
            _c("subtype", "str", "Domain subtype."),
            _c("actors", "list", "Union of actors over mentions."),
            _c("targets", "list", "Union of targets over mentions."),
            _c("location_id", "str", "Place of the event."),
            _c("latitude", "float", "Latitude of the place."),
            _c("longitude", "float", "Longitude of the place."),
            _c("date", "str", "Best date over mentions."),
            _c("date_precision", "str", "day, week, month, year."),
            _c("modality", "str", "Most frequent modality over mentions.", False),
            _c("n_mentions", "int", "Mentions.", False),
            _c("n_articles", "int", "Articles.", False),
            _c("n_outlets", "int", "Distinct outlets.", False),
            _c("first_article_id", "str", "Earliest article reporting it.", False),
            *ACTOR_CODE_COLUMNS,
            _c("location_precision", "str", "The finest level (phrase, sentence, mentioned, lead, dateline; see event_mentions) at which a mention of the event gave its location_id."),
            _c("date_source", "str", "The finest level (sentence, lead, publication; see event_mentions) at which a mention of the event gave its date."),
        ), (ForeignKey("location_id", "entities", "entity_id"),), (ForeignKey("actors", "entities", "entity_id"), ForeignKey("targets", "entities", "entity_id"))),
        Table("dropped_event_candidates", ("dropped_candidate_id",),
              "One row per event candidate a gate of resources/events/gates.jsonl dropped: a trigger that proposed an event the "
              "extractor did not keep (a question, a condition, a participle describing a noun, an event with no participant, ...). "
              "Not events: it is there to measure the gates (caucasus-nlp rules).", (
            _c("dropped_candidate_id", "str", "Stable id.", False),
            _c("article_id", "str", "FK to articles.", False),
            _c("sent_idx", "int", "Sentence index.", False),
            _c("gate_id", "str", "The gate that dropped it, a row of resources/events/gates.jsonl (gate:question, gate:no_participant, ...): "
               "the first enabled gate, in file order, that drops it.", False),
            _c("event_type", "str", "PLOVER type it would have had: the trigger row's for a candidate gate (applied before roles), the built "
               "event's for an event gate.", False),
            _c("subtype", "str", "Domain subtype, likewise."),
            _c("trigger", "str", "Word that would have expressed the event.", False),
            _c("trigger_start", "int", "Char offset of the trigger into articles.text.", False),
            _c("trigger_lemma", "str", "Lower-cased lemma of the trigger.", False),
            _c("actors", "list", "Entity ids of who acts in the built event (event gates only: a candidate gate drops it before roles are found)."),
            _c("targets", "list", "Entity ids of who it is done to or with (event gates only)."),
            _c("sentence", "str", "Sentence text.", False),
            _c("rule_id", "str", "The rules behind the candidate, joined by '+' as in event_mentions.rule_id: the trigger row that proposed it "
               "(and rewrite:event_typer when that chose the row) and, for an event gate, every rule that fired on the event before the gate "
               "dropped it. The gate itself is gate_id.", False),
        ), (), (ForeignKey("article_id", "articles", "article_id"), ForeignKey("actors", "entities", "entity_id"), ForeignKey("targets", "entities", "entity_id"))),
    )
}

_ARROW_TYPES = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "list": pa.list_(pa.string())}
_PANDAS_TYPES = {"str": "string", "int": "Int64", "float": "Float64", "bool": "boolean"}


# what a spreadsheet reads as the start of a formula (OWASP, "CSV Injection")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: str) -> str:
    """A text cell as the CSV files hold it. One that would start a formula is led by a single quote:
    "=HYPERLINK(...)" from an article must not run when an analyst opens the CSV in a spreadsheet
    (OWASP's advice on CSV injection). A carriage return becomes a line break, which the CSV quotes; a
    bare one would end the row for most readers. Only the CSV files: Parquet, DuckDB and SQLite keep
    the text as it was."""
    value = "'" + value if value.startswith(FORMULA_STARTS) else value
    return value.replace("\r\n", "\n").replace("\r", "\n")


class SchemaError(ValueError):
    """A table does not have exactly the declared columns, a required column holds nulls, or its key
    is not unique."""


def enforce_schema(name: str, frame: pd.DataFrame, seen_keys: set | None = None) -> pd.DataFrame:
    """The frame with exactly the declared columns, in order, cast to the declared types. A table
    written in chunks passes the keys of its earlier chunks in seen_keys, so a key repeated across
    chunks fails as loudly as one repeated within a chunk."""
    table = TABLES[name]
    missing = [c for c in table.column_names if c not in frame.columns]
    extra = [c for c in frame.columns if c not in table.column_names]
    if missing or extra:
        raise SchemaError(f"table {name}: missing columns {missing}, unexpected columns {extra}")
    out = frame[table.column_names].copy()
    for col in table.columns:
        if col.type == "list":
            values = [list(v) if isinstance(v, list | tuple) else [] for v in out[col.name]]
            out[col.name] = pd.Series(values, index=out.index, dtype=object)
        else:
            out[col.name] = out[col.name].astype(_PANDAS_TYPES[col.type])
        if not col.nullable and out[col.name].isna().any():
            raise SchemaError(f"table {name}: column {col.name} holds nulls")
    _check_unique_keys(name, out[list(table.key)].itertuples(index=False, name=None), set() if seen_keys is None else seen_keys)
    return out.reset_index(drop=True)


def _check_unique_keys(name: str, keys: Iterable[tuple], seen: set) -> None:
    """Raise SchemaError on the first key of table `name` already in `seen` (to which each key is added)."""
    for key in keys:
        if key in seen:
            raise SchemaError(f"table {name}: key {TABLES[name].key} is not unique (e.g. {list(key)})")
        seen.add(key)


def check_article_rows(rows: dict) -> None:
    """The keys of one article's rows are unique within each table: checked where the article is
    analysed, so that a clash fails that article alone (`failed_articles`) and not the writing of a
    whole table at the end of the run."""
    for name, table in TABLES.items():
        if isinstance(rows.get(name), list):  # entities and agreements come as facts by id, unique already
            _check_unique_keys(name, (tuple(row[c] for c in table.key) for row in rows[name]), set())


def empty_frame(name: str) -> pd.DataFrame:
    return pd.DataFrame({c: [] for c in TABLES[name].column_names})


class TableWriter:
    """Writes one table as Parquet and CSV (lists joined with '|') in chunks of CHUNK_ROWS rows: each
    chunk is a Parquet row group and a block of CSV lines, so a table never has to fit in memory.
    Every chunk goes through enforce_schema; the key is checked across chunks."""

    CHUNK_ROWS = 20_000

    def __init__(self, name: str, folder: Path):
        self.name = name
        self.table = TABLES[name]
        self.folder = folder
        self.schema = pa.schema([pa.field(c.name, _ARROW_TYPES[c.type], nullable=c.nullable) for c in self.table.columns])
        self.rows = 0
        self._pending: list[dict] = []
        self._keys: set = set()
        self._parquet: pq.ParquetWriter | None = None
        self._csv = None

    def write(self, rows: list[dict]) -> None:
        self._pending.extend(rows)
        if len(self._pending) >= self.CHUNK_ROWS:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            frame = enforce_schema(self.name, pd.DataFrame(self._pending), self._keys)
            self._pending = []
            self._write_frame(frame)

    def _write_frame(self, frame: pd.DataFrame) -> None:
        if self._parquet is None:
            self._parquet = pq.ParquetWriter(self.folder / f"{self.name}.parquet", self.schema)
            self._csv = open(self.folder / f"{self.name}.csv", "w", encoding="utf-8", newline="")  # noqa: SIM115 closed in close()
            header = True
        else:
            header = False
        self._parquet.write_table(pa.Table.from_pandas(frame, schema=self.schema, preserve_index=False))
        csv = frame.copy()
        for col in self.table.columns:
            if col.type == "list":
                csv[col.name] = csv[col.name].map(lambda v: "|".join(v) if len(v) else None)
            if col.type in ("list", "str"):
                csv[col.name] = csv[col.name].map(csv_cell, na_action="ignore")
        csv.to_csv(self._csv, index=False, header=header, lineterminator="\n")
        self.rows += len(frame)

    def close(self) -> int:
        """Finish both files (an empty table still gets its header and Parquet schema); returns the row count."""
        self._flush()
        if self._parquet is None:
            self._write_frame(enforce_schema(self.name, empty_frame(self.name)))
        self._parquet.close()
        self._csv.close()
        return self.rows


def write_table(name: str, rows: list[dict], folder: Path) -> int:
    """Write one whole table as Parquet and CSV; returns its row count."""
    writer = TableWriter(name, folder)
    writer.write(rows)
    return writer.close()


def unresolved_references(folder: Path) -> list[str]:
    """Every reference in the tables of `folder` that names no row: a declared foreign key or reference
    (an actor id with no entities row, a mention of an article that is not there), one line each,
    with how many rows hold it. Empty for a sound run; the tests check it after every run."""
    frames = {name: pd.read_parquet(folder / f"{name}.parquet") for name in TABLES}
    problems = []
    for table in TABLES.values():
        for ref in (*table.foreign_keys, *table.references):
            known = set(frames[ref.table][ref.target])
            missing: dict[str, int] = {}
            for value in frames[table.name][ref.column]:
                values = [value] if isinstance(value, str) else list(value) if pd.api.types.is_list_like(value) else []
                for v in values:
                    if v not in known:
                        missing[v] = missing.get(v, 0) + 1
            problems.extend(f"{table.name}.{ref.column}: {v!r} has no row in {ref.table} ({n} rows)" for v, n in sorted(missing.items()))
    return problems


def read_manifest(folder: Path) -> dict:
    """The manifest of a finished run in `folder`, checked to be of this schema version and to have
    every table; raises FileNotFoundError or SchemaError saying what to do."""
    missing = [name for name in TABLES if not (folder / f"{name}.parquet").is_file()]
    if not (folder / "manifest.json").is_file():
        absent = ", ".join(f"{m}.parquet" for m in missing) or "manifest.json"
        raise FileNotFoundError(f"{folder} is not an output folder of `caucasus-nlp run` (no {absent})")
    try:
        manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise SchemaError(f"{folder / 'manifest.json'} is not readable JSON ({exc}): run `caucasus-nlp run` into {folder} again") from None
    version = manifest.get("schema_version") if isinstance(manifest, dict) else None
    # checked before the tables: a run of an older schema lacks the tables added since
    if version != SCHEMA_VERSION:
        raise SchemaError(f"the tables in {folder} have schema {version}, this version reads {SCHEMA_VERSION}: "
                          f"run `caucasus-nlp run` into it again")
    if missing:
        raise FileNotFoundError(f"{folder} is not an output folder of `caucasus-nlp run` (no {', '.join(f'{m}.parquet' for m in missing)})")
    return manifest


def write_manifest(manifest: dict, folder: Path) -> None:
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


# Frictionless Table Schema type of each column type. Lists are written to CSV joined with "|"
# (Parquet keeps them as lists), so in the CSV they are strings.
_FRICTIONLESS_TYPES = {"str": "string", "int": "integer", "float": "number", "bool": "boolean", "list": "string"}


def datapackage(name: str = "caucasus-nlp-tables", description: str = "") -> dict:
    """A Frictionless Data Package (https://specs.frictionlessdata.io/data-package/) describing every
    CSV table: its columns with types and descriptions, required columns, key and foreign keys, so
    that pandas, R (frictionless, readr), Excel and BI tools can import them without guessing."""
    resources = []
    for table in TABLES.values():
        fields = []
        for col in table.columns:
            field = {"name": col.name, "type": _FRICTIONLESS_TYPES[col.type], "description": col.description}
            if col.type == "list":
                field["description"] += " Several values are joined with '|' (a list in the Parquet file)."
            if not col.nullable:
                field["constraints"] = {"required": True}
            fields.append(field)
        schema: dict = {"fields": fields, "primaryKey": list(table.key), "missingValues": [""]}
        if table.foreign_keys:
            schema["foreignKeys"] = [{"fields": fk.column, "reference": {"resource": fk.table, "fields": fk.target}} for fk in table.foreign_keys]
        resources.append({
            "name": table.name, "path": f"{table.name}.csv", "profile": "tabular-data-resource", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8", "description": table.description + f" Also as {table.name}.parquet.",
            "schema": schema,
        })
    return {"profile": "tabular-data-package", "name": name, "description": description, "version": SCHEMA_VERSION, "resources": resources}


def write_datapackage(folder: Path, description: str) -> None:
    text = json.dumps(datapackage(description=description), indent=2, ensure_ascii=False) + "\n"
    (folder / "datapackage.json").write_text(text, encoding="utf-8")
