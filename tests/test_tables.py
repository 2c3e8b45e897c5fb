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


def test_empty_tables_are_written_with_their_header(tmp_path):
    for name in TABLES:
        assert write_table(name, [], tmp_path) == 0
        assert pq.read_table(tmp_path / f"{name}.parquet").column_names == TABLES[name].column_names
