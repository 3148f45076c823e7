"""Joins look candidates up by a bound variable: the work of a run grows with the case, not its square."""

import collections
import sys

import pytest

import interorg
from interorg.engine import join, memory, run
from interorg.facts import case_facts

sys.path.insert(0, str(__import__("pathlib").Path(__file__).parents[2] / "benchmarks"))
from network import network_case  # noqa: E402  (the generator of the scaling benchmark)


class _Counted(collections.defaultdict):
    """A working memory's index that counts the references each lookup gives."""

    seen = None

    def get(self, key, default=None):
        found = super().get(key, default)
        self.seen[0] += len(found or ())
        return found


def _candidates_looked_at(size, monkeypatch):
    """How many references the joins of one run on a generated network of ``size`` partners look at."""
    seen = [0]
    original = memory.WorkingMemory.__init__

    def counted(self, indexed=None):
        original(self, indexed)
        self.by_kind, self.index = _Counted(list), _Counted(list)
        self.by_kind.seen = self.index.seen = seen

    monkeypatch.setattr(memory.WorkingMemory, "__init__", counted)
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
    """The plan for two plain conditions gives the same matches, in the same order, as the general join."""
    case = interorg.case_from_dict(network_case(12), bounded=False)
    facts = list(case_facts(case))
    calls = []
    original = join._Pair.matches

    def both_ways(self, memory, trigger):
        found = original(self, memory, trigger)
        general = join._Join(self.compiled, self.position, self.pattern)
        calls.append((found == general.matches(memory, trigger), bool(found)))
        return found

    monkeypatch.setattr(join._Pair, "matches", both_ways)
    run(interorg.load_knowledge(), facts)
    assert all(same for same, _ in calls)
    assert sum(found for _, found in calls) > 20  # many with matches, not only empty joins


def _every_match(rule, memory, position, pattern, trigger):
    """The matches of ``rule`` with ``trigger`` at ``position``, by trying every combination (for comparison)."""
    bindings = {} if position is None else pattern.bind(memory.values(trigger), {})
    partial = [((), bindings)]
    for index, alternatives in enumerate(rule.positives):
        options = [(pattern, trigger)] if index == position else [
            (alternative, ref) for alternative in alternatives for ref in memory.of_kind(alternative.kind)]
        partial = [(refs + (ref,), extended) for refs, bound in partial for alternative, ref in options
                   if (extended := alternative.bind(memory.values(ref), bound)) is not None]
    return {(refs, tuple(sorted(bound.items()))) for refs, bound in partial
            if not any(negative.bind(memory.values(ref), bound) is not None
                       for negative in rule.negatives for ref in memory.of_kind(negative.kind))}


def test_the_join_finds_every_combination_and_nothing_else(monkeypatch):
    """Each trigger's matches are those that trying every combination of facts finds, each once."""
    case = interorg.case_from_dict(network_case(12), bounded=False)
    compared = {}

    def checking(cls):
        original = cls.matches

        def checked(self, memory, trigger):
            found = original(self, memory, trigger)
            shown = [(refs, tuple(sorted(bound.items()))) for refs, bound in found]
            expected = _every_match(self.compiled, memory, self.position, self.pattern, trigger)
            assert len(shown) == len(set(shown)) and set(shown) == expected
            compared.setdefault(cls, []).append(len(found))
            return found

        return checked

    for cls in (join._Join, join._Pair, join._Single):
        monkeypatch.setattr(cls, "matches", checking(cls))
    run(interorg.load_knowledge(), list(case_facts(case)))
    assert len(compared[join._Join]) > 50 and sum(compared[join._Join]) > 20  # many joins, many with matches
    assert len(compared[join._Pair]) > 50 and sum(compared[join._Pair]) > 20
    assert sum(compared[join._Single]) > 100

