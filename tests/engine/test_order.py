"""Where a conclusion stands: the first input any of its supports rests on, whatever the firing order."""

import bisect

import pytest

import interorg
from interorg.engine import session as engine_session
from interorg.engine._experta import experta
from interorg.facts import case_facts


class _OldestFirst(experta.abstract.Strategy):
    """Salience first, as experta's own strategy, but then the oldest fact first instead of the newest."""

    def _update_agenda(self, agenda, added, removed):
        for activation in added:
            activation.key = (activation.rule.salience, sorted((-f["__factid__"] for f in activation.facts)))
            bisect.insort(agenda.activations, activation)


def _session(case, knowledge, strategy=None):
    facts = case_facts(case)
    if strategy is None:
        return engine_session.run(knowledge, facts)
    cls = type("_Engine", (engine_session._Engine,), {"__strategy__": strategy})
    engine = cls(engine_session._compiled(knowledge))
    return engine_session._run_on(engine, engine_session.Session(knowledge, facts))


@pytest.mark.parametrize("name", ["municipal_youth_care", "regional_innovation_alliance"])
def test_order_is_the_minimum_over_every_support(name, knowledge):
    """A conclusion's order is the smallest position of any fact in any of its supports."""
    session = _session(interorg.example_case(name), knowledge)
    for record in session.records.values():
        positions = [session.position(ref) for refs in record.supports for ref in refs]
        assert record.order == min(positions, default=len(session.inputs))


@pytest.mark.parametrize("name", ["municipal_youth_care", "regional_innovation_alliance"])
def test_another_firing_order_gives_the_same_records(name, knowledge):
    """Firing the oldest facts first instead of the newest changes no conclusion, support or order."""
    case = interorg.example_case(name)
    usual, other = _session(case, knowledge), _session(case, knowledge, _OldestFirst)
    assert usual.records.keys() == other.records.keys()
    for key, record in usual.records.items():
        assert (record.order, record.supports) == (other.records[key].order, other.records[key].supports)
