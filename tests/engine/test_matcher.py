"""The dictionary matcher finds what experta's own Rete network finds on the same triggers."""

import inspect

import pytest

import interorg
from interorg.engine import compiling
from interorg.engine import session as engine_session
from interorg.engine._experta import experta
from interorg.facts import case_facts


def test_every_trigger_declares_the_arguments_of_its_right_hand_side(knowledge):
    """The argument names given to experta for each trigger are those of its function."""
    for trigger in engine_session._compiled(knowledge):
        assert set(inspect.signature(trigger._wrapped).parameters) == trigger._wrapped_args


@pytest.mark.parametrize("name", ["municipal_youth_care", "regional_innovation_alliance"])
def test_same_records_as_with_the_rete_network(name, knowledge):
    """Run on experta's ReteMatcher, the triggers' own patterns give the same conclusions and supports."""
    facts = case_facts(interorg.example_case(name))
    cls = type("_ReteEngine", (engine_session._Engine,), {"__matcher__": experta.matchers.ReteMatcher})
    session = engine_session.Session(knowledge, facts)
    session.declare_unknown = True
    rete = engine_session._run_on(cls(engine_session._compiled(knowledge)), session)
    ours = engine_session.run(knowledge, facts)
    assert rete.records.keys() == ours.records.keys()
    assert all(rete.records[key].supports == record.supports for key, record in ours.records.items())


def test_dispatch_kind_of_the_initial_fact():
    """experta's initial fact is dispatched to the rules that have negated conditions only."""
    assert compiling.dispatch_kind(experta.InitialFact()) == ("initial",)
