import csv

import pandas as pd
import pyarrow.parquet as pq
import pytest

from caucasus_nlp.tables import TABLES, SchemaError, enforce_schema, write_table


def _agreement(**over):
    row = {"agreement_id": "a1", "name": "Prague statement", "kind": "joint_statement", "date": None,
           "parties": ["geonames:174982", "geonames:587116"], "n_mentions": 2, "n_articles": 1}
    row.update(over)
    return row


def test_missing_or_extra_column_fails_loudly():
    row = _agreement()
    del row["kind"]
    with pytest.raises(SchemaError, match="missing columns \\['kind'\\]"):
        enforce_schema("agreements", pd.DataFrame([row]))
    with pytest.raises(SchemaError, match="unexpected columns \\['colour'\\]"):
        enforce_schema("agreements", pd.DataFrame([_agreement(colour="red")]))


def test_required_column_may_not_hold_nulls():
    with pytest.raises(SchemaError, match="name holds nulls"):
        enforce_schema("agreements", pd.DataFrame([_agreement(name=None)]))


def test_csv_joins_lists_and_leaves_nulls_empty(tmp_path):
    write_table("agreements", [_agreement(), _agreement(agreement_id="a2", parties=[])], tmp_path)
    csv = (tmp_path / "agreements.csv").read_text("utf-8").splitlines()
    assert csv[0] == ",".join(TABLES["agreements"].column_names)
    assert csv[1] == "a1,Prague statement,joint_statement,,geonames:174982|geonames:587116,2,1"
    assert "None" not in csv[2] and "nan" not in csv[2]
    table = pq.read_table(tmp_path / "agreements.parquet")
    assert table.column("parties").to_pylist() == [["geonames:174982", "geonames:587116"], []]


@pytest.mark.parametrize(
    "name, in_csv",
    [
        ('=HYPERLINK("http://x.example","click")', '\'=HYPERLINK("http://x.example","click")'),
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("+1 talks", "'+1 talks"),
        ("-2 villages", "'-2 villages"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTabbed", "'\tTabbed"),
        ("\rReturn", "'\nReturn"),  # and the carriage return a line break, quoted: the row stays one row
        ("Two\r\nlines", "Two\nlines"),
        ("Prague statement", "Prague statement"),  # no formula: as it was
        ("Sochi = talks", "Sochi = talks"),  # a sign inside the text starts nothing
    ],
)
def test_csv_cells_that_would_start_a_formula_are_neutralised_but_parquet_keeps_them(tmp_path, name, in_csv):
    write_table("agreements", [_agreement(name=name, parties=["=evil", "geonames:174982"])], tmp_path)
    with (tmp_path / "agreements.csv").open(encoding="utf-8", newline="") as f:
        (row,) = list(csv.DictReader(f))
    assert (row["name"], row["parties"], row["kind"]) == (in_csv, "'=evil|geonames:174982", "joint_statement")
    assert pq.read_table(tmp_path / "agreements.parquet").column("name").to_pylist() == [name]


def test_empty_tables_are_written_with_their_header(tmp_path):
    for name in TABLES:
        assert write_table(name, [], tmp_path) == 0
        assert pq.read_table(tmp_path / f"{name}.parquet").column_names == TABLES[name].column_names


def _row(name: str, **values) -> dict:
    """A row of table `name` with a plain value in every column, then `values`."""
    plain = {"str": "x", "int": 0, "float": 0.0, "bool": False, "list": []}
    return {c.name: plain[c.type] for c in TABLES[name].columns} | values


def test_unresolved_references_names_every_id_without_its_row_and_nothing_else(tmp_path):
    from caucasus_nlp.tables import unresolved_references

    rows = {name: [] for name in TABLES}
    rows["articles"] = [_row("articles", article_id="a1")]
    rows["entities"] = [_row("entities", entity_id="geonames:174982")]
    rows["events"] = [_row("events", event_id="e1", actors=["geonames:174982", "geonames:2017370"], targets=[], location_id=None)]
    rows["event_mentions"] = [_row("event_mentions", event_id="e1", article_id="a1", actors=["geonames:174982"],
                                   targets=["geonames:2017370"], location_id="geonames:174982")]
    rows["mentions"] = [_row("mentions", mention_id="m1", article_id="a2", entity_id=None)]
    for name, table_rows in rows.items():
        write_table(name, table_rows, tmp_path)
    assert unresolved_references(tmp_path) == [
        "mentions.article_id: 'a2' has no row in articles (1 rows)",
        "event_mentions.targets: 'geonames:2017370' has no row in entities (1 rows)",
        "events.actors: 'geonames:2017370' has no row in entities (1 rows)",
    ]
