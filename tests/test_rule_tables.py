"""Every rule of resources/events has a row in its stage's table test, so that the fast suite covers it."""

import importlib

import pytest

from caucasus_nlp.rulebook import rules

# stage of a rule id → the table test modules whose CASES hold its rows
TABLES = {
    "gate": ["test_event_gates"],
    "modality": ["test_event_attributes"],
    "attribute": ["test_event_attributes"],
    "rewrite": ["test_event_rewrites"],
    "role": ["test_event_roles"],
    "discourse": ["test_event_discourse"],
    "repair": ["test_parse_repairs"],
    "link": ["test_entity_linking"],
}


@pytest.mark.parametrize("stage", sorted(TABLES))
def test_every_rule_of_a_stage_has_a_table_row(stage):
    covered = {case.values[0] for name in TABLES[stage] for case in importlib.import_module(name).CASES}
    ids = {r.id for r in rules().values() if r.stage == stage}
    assert sorted(ids - covered) == []


def test_every_stage_has_a_table():
    assert {r.stage for r in rules().values()} == set(TABLES)
