"""Joins look candidates up by a bound variable: the work of a run grows with the case, not its square."""

import sys

import pytest

import interorg
from interorg.engine import join, run
from interorg.facts import case_facts

sys.path.insert(0, str(__import__("pathlib").Path(__file__).parents[2] / "benchmarks"))
from network import network_case  # noqa: E402  (the generator of the scaling benchmark)


def _candidates_looked_at(size, monkeypatch):
    """How many references the joins of one run on a generated network of ``size`` partners look at."""
    seen = [0]
    original = join._Pattern.candidates

    def counted(self, memory, bindings):
        found = original(self, memory, bindings)
        seen[0] += len(found)
        return found

    monkeypatch.setattr(join._Pattern, "candidates", counted)
    case = interorg.case_from_dict(network_case(size), bounded=False)
    run(interorg.load_knowledge(), list(case_facts(case)))
    monkeypatch.undo()
    return seen[0]


def test_the_joins_grow_linearly(monkeypatch):
    """Four times the partners: about four times the candidates, not sixteen."""
    small, large = _candidates_looked_at(30, monkeypatch), _candidates_looked_at(120, monkeypatch)
    assert large <= 6 * small, (small, large)


@pytest.mark.parametrize("position", [0, 1, 2])
def test_a_condition_with_a_bound_variable_is_joined_first(position):
    """Triggered by any of its conditions, a rule joins next a condition it can look up by a bound variable."""
    rule = interorg.load_knowledge().rule("trust.opportunism.socialisation")
    compiled = join.CompiledRule(rule)
    order = compiled._join_order(position)
    assert order[0] == position and sorted(order) == [0, 1, 2]
    bound = {var for p in compiled.positives[position] for _field, var in p._binds}
    for index in order[1:]:
        assert all(any(var in bound for _field, var in p._binds) for p in compiled.positives[index])
        bound |= {var for p in compiled.positives[index] for _field, var in p._binds}


def test_a_join_of_two_conditions_finds_what_the_general_join_finds(monkeypatch):
    """The shortcut for two plain conditions gives the same matches, in the same order, as the recursive join."""
    case = interorg.case_from_dict(network_case(12), bounded=False)
    facts = list(case_facts(case))
    calls = []
    original = join.CompiledRule.matches

    def both_ways(self, memory, position, pattern, trigger):
        found = original(self, memory, position, pattern, trigger)
        if self._pair:
            self._pair = False
            try:
                calls.append((found == original(self, memory, position, pattern, trigger), bool(found)))
            finally:
                self._pair = True
        return found

    monkeypatch.setattr(join.CompiledRule, "matches", both_ways)
    run(interorg.load_knowledge(), facts)
    assert all(same for same, _ in calls)
    assert sum(found for _, found in calls) > 20  # many with matches, not only empty joins
