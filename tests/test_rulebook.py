"""The rule language of resources/events: what the loader accepts and the errors, naming file:line, it gives."""

import pytest

from caucasus_nlp.rulebook import RuleError, check_unique, parse_rule, parse_trigger, rules, triggers
from caucasus_nlp.vocabulary import PLOVER_TYPES

SOURCE = "events/gates.jsonl:7"


@pytest.mark.parametrize("line, message", [
    ('{"id": "gate:x", "description": "d", "wordz": ["a"]}', "events/gates.jsonl:7: unknown key(s) ['wordz']"),
    ('{"id": "gate:x"}', "events/gates.jsonl:7: missing key(s) ['description']"),
    ('{"id": "gate:x", "description": "d", "deps": ["nsubj", "subj"]}', "events/gates.jsonl:7: unknown dependency label(s) ['subj'] in 'deps'"),
    ('{"id": "gate:x", "description": "d", "tags": ["VBX"]}', "events/gates.jsonl:7: unknown tag(s) ['VBX'] in 'tags'"),
    ('{"id": "gate:x", "description": "d", "pos": ["VERBS"]}', "events/gates.jsonl:7: unknown part of speech(s) ['VERBS'] in 'pos'"),
    ('{"id": "gate:x", "description": "d", "types": ["ATTACK"]}', "events/gates.jsonl:7: unknown PLOVER type(s) ['ATTACK'] in 'types'"),
    ('{"id": "gate:x", "description": "d",}', "events/gates.jsonl:7: not a JSON object"),
    ('["gate:x"]', "events/gates.jsonl:7: not a JSON object"),
])
def test_a_rule_row_that_breaks_the_language_is_an_error_naming_its_line(line, message):
    with pytest.raises(RuleError) as raised:
        parse_rule(SOURCE, line)
    assert str(raised.value).startswith(message)


def test_a_valid_rule_row_keeps_its_fields():
    rule = parse_rule(SOURCE, '{"id": "gate:x", "description": "d", "words": ["if", "unless"], "deps": ["mark"], "enabled": false}')
    assert (rule.id, rule.stage, rule.words, rule.deps, rule.enabled, rule.source) == (
        "gate:x", "gate", frozenset({"if", "unless"}), frozenset({"mark"}), False, SOURCE)


@pytest.mark.parametrize("line, message", [
    ("trigger:meet:verb:meeting\tmeet\tVERB\tCONSULT\tmeeting", "expected 6 tab-separated columns"),
    ("trigger:meet:verb:meeting\tmeet\tADJ\tCONSULT\tmeeting\t-", "unknown part of speech 'ADJ'"),
    ("trigger:meet:verb:meeting\tmeet\tVERB\tTALK\tmeeting\t-", "unknown PLOVER type 'TALK'"),
    ("trigger:meet:verb:meeting\tmeet\tVERB\tCONSULT\tmeeting\tleader|(", "cue 'leader|(' is not a regular expression"),
])
def test_a_broken_trigger_row_is_an_error_naming_its_line(line, message):
    with pytest.raises(RuleError) as raised:
        parse_trigger("events/triggers.tsv:12", line, spoken_accusation=False)
    assert str(raised.value).startswith(f"events/triggers.tsv:12: {message}")


def test_an_id_used_twice_is_an_error_naming_both_lines():
    one, two = parse_rule("events/gates.jsonl:3", '{"id": "gate:x", "description": "a"}'), parse_rule("events/roles.jsonl:9", '{"id": "gate:x", "description": "b"}')
    with pytest.raises(RuleError) as raised:
        check_unique([one, two])
    assert str(raised.value) == "events/roles.jsonl:9: duplicate id 'gate:x' (first at events/gates.jsonl:3)"


def test_the_packaged_rules_load_with_unique_ids_and_known_stages():
    ids = [r.id for r in rules().values()] + [t.id for t in triggers()]
    assert len(ids) == len(set(ids))
    assert {r.stage for r in rules().values()} == {"gate", "rewrite", "role", "modality", "attribute", "discourse", "repair", "link"}
    assert {t.event_type for t in triggers()} <= set(PLOVER_TYPES)
    assert [t.id for t in triggers()][:2] == ["trigger:release:verb:prisoner_release", "trigger:release:noun:prisoner_release"]
