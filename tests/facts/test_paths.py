"""The case path of each fact field (interorg/facts/paths.py) agrees with the fact producers."""

import pytest

import interorg
from conftest import scenario_paths
from interorg.case.casefile import case_to_dict
from interorg.case.examples import example_names
from interorg.facts import case_facts
from interorg.facts.editing import apply_changes
from interorg.facts.paths import FORMS, field_path, value_at


def _cases():
    yield from ((name, interorg.example_case(name)) for name in example_names())
    yield from ((path.stem, interorg.load_case(path)) for path in scenario_paths())


def test_every_fact_type_has_a_form(knowledge):
    """Every fact type of the vocabulary says how a case writes it, and names only its own fields."""
    assert set(FORMS) == set(knowledge.facts) - {"conclusion"}
    for fact_type, form in FORMS.items():
        assert set(form.keys) <= set(knowledge.facts[fact_type].fields), fact_type
        assert set(form.cell) <= set(knowledge.facts[fact_type].fields), fact_type


def test_field_paths_hold_the_facts_values():
    """On every shipped and test case, the case path of a fact's field holds the value the producer gave."""
    for name, case in _cases():
        _check_paths(name, case)


def _check_paths(name, case):
    data = case_to_dict(case)
    ids = {p.id for p in case.partners}
    for fact in case_facts(case):
        for field, value in fact.values.items():
            path = field_path(fact.type, fact.path, field)
            if path is None or value is None or (field == "participants" and fact.values["participants_counted"]):
                continue  # derived, unknown, or counted from the partners
            given = value_at(data, path)
            if field in ("municipality", "partner", "by", "on") and given not in ids:
                continue  # a partner named by its name in the case: the fact holds its id
            assert given == value, (name, fact.type, field, path)


def test_apply_changes_checks_the_changed_case():
    """A change is written into the case and checked as a case file: an invalid one is refused."""
    case = interorg.example_case()
    changed, facts = apply_changes(case, [("relationships[0].lock_in", "both")])
    assert changed.relationships[0].lock_in == "both"
    assert any(f.type == "relationship" and f.values["lock_in"] == "both" for f in facts)
    with pytest.raises(interorg.CaseError, match="given per municipality"):
        apply_changes(case, [("care.supply_in_municipality", True)])  # the example gives it per municipality
    with pytest.raises(interorg.CaseError, match="unknown key 'kind'"):
        apply_changes(case, [("reasons[0].kind", "power")])
