"""Every rule fires in at least one test or example case."""

import interorg
from conftest import scenario_paths
from interorg.examples import example_names


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


def test_example_exercises_most_rules(knowledge):
    """The bundled example alone fires well over half of the rules."""
    fired = set(interorg.advise(interorg.example_case()).ids())
    assert len(fired) > len(knowledge.rules) / 2
