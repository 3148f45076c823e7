"""Why-not on every rule of the shipped knowledge: an answer for each, and only changes a case file can take."""

import pytest

import interorg
from conftest import scenario_paths, written
from interorg.case.examples import example_case
from interorg.facts.editing import apply_changes

MINIMAL = {"name": "Minimal", "care": {"demand": "standard", "supply_in_municipality": True},
           "reasons": [{"reason": "power"}]}




def _answers(advice, knowledge):
    for rule in knowledge.rules:
        try:
            yield rule.id, advice.why_not(rule.id)
        except interorg.AmbiguousKey as exc:  # drawn for several subjects: ask for the first by its key
            yield exc.keys[0], advice.why_not(exc.keys[0])


def _checked(advice, knowledge):
    """Every rule asked about: the number of sets of changes proposed, each checked (see the tests below)."""
    proposals = 0
    for key, answer in _answers(advice, knowledge):
        assert answer.fired or answer.conditions, key
        for changes, verified in zip(answer.changes, answer.result.verified):
            proposals += 1
            assert changes, (key, "an empty set of changes")
            # what one change takes out, another does not write under (the removal would undo it)
            out = [c.path for c in changes if c.to == (None,)]
            assert not [c for c in changes if c.to != (None,) and any(c.path.startswith(p + ".") for p in out)], (
                key, changes)
            # a change that writes the value the case already has changes nothing
            assert not [c for c in changes if c.to != (None,) and c.was == c.to[0]], (key, changes)
            changed, _facts = apply_changes(advice.case, written(changes))  # raises if invalid
            if verified:
                rule, _, subject = key.partition("[")
                subject = subject[:-1] or None
                assert any(c.id == rule and subject in (None, str(c.subject))
                           for c in interorg.advise(changed).conclusions), (key, changes)
    return proposals


@pytest.mark.parametrize("case", ["minimal", "municipal_youth_care", "regional_innovation_alliance"])
def test_every_rule_is_answered_with_changes_a_case_can_take(case, knowledge):
    """For every rule: no exception, and every proposed set of changes applies to the case file, passes
    its checks and changes something; a confirmed set makes the rule fire when the changed case is advised on."""
    assert _checked(interorg.advise(MINIMAL if case == "minimal" else example_case(case)), knowledge) > 50


@pytest.mark.heavy
@pytest.mark.parametrize("path", scenario_paths(), ids=lambda path: path.stem)
def test_every_rule_is_answered_on_every_scenario(path, knowledge):
    """The same on each scenario case of the suite (about two minutes for all: make test-heavy)."""
    _checked(interorg.advise(path), knowledge)
