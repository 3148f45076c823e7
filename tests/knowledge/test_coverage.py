"""Every rule fires in at least one test or example case."""

import pytest

import interorg
from conftest import scenario_paths
from interorg.case import example_names


def _fired():
    fired = set()
    for path in scenario_paths():
        fired.update(interorg.advise(path).ids())
    for name in example_names():
        fired.update(interorg.advise(interorg.example_case(name)).ids())
    return fired


def test_every_rule_fires_somewhere(knowledge):
    """The scenario cases in tests/cases and the bundled examples together fire every rule."""
    never = sorted({rule.id for rule in knowledge.rules} - _fired())
    assert never == []


def test_examples_show_every_model(knowledge):
    """Every model fires at least one rule in a bundled example, so the examples show all knowledge at work."""
    fired = set()
    for name in example_names():
        fired.update(interorg.advise(interorg.example_case(name)).ids())
    silent = [model.id for model in knowledge.models
              if not any(rule.model == model.id and rule.id in fired for rule in knowledge.rules)]
    assert silent == []
@pytest.mark.parametrize("name", example_names())
def test_example_exercises_most_rules(knowledge, name):
    """Each bundled example alone fires well over half of the rules of the models it applies."""
    advice = interorg.advise(interorg.example_case(name))
    models = {model.id for model in advice.models if model.status != "not_applied"}
    rules = {rule.id for rule in knowledge.rules if rule.model in models}
    assert rules and len(set(advice.ids()) & rules) > len(rules) / 2
