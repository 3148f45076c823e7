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


def _records(session):
    return {key: record.supports for key, record in session.records.items()}


def test_watched_run_goes_through_experta_and_logs_every_firing(knowledge, caplog):
    """With experta's RULES watcher on, experta's own loop runs: it logs each firing, to the same records."""
    facts = case_facts(interorg.example_case("regional_innovation_alliance"))
    quiet = engine_session.run(knowledge, facts)
    with caplog.at_level("INFO", logger="experta.watchers.RULES"):
        watched = engine_session.run(knowledge, facts)
    fired = [record for record in caplog.records if record.name == "experta.watchers.RULES"]
    assert fired and all(record.getMessage().startswith("FIRE ") for record in fired)
    assert _records(watched) == _records(quiet)


def test_run_fires_as_experta_own_loop_does(knowledge, monkeypatch):
    """The engine's loop concludes what KnowledgeEngine.run concludes, from the same matches, in the same order."""
    facts = case_facts(interorg.example_case("municipal_youth_care"))
    original = engine_session.Session.conclude
    concluded = {}
    for label, loop in (("ours", engine_session._Engine.run), ("experta", experta.KnowledgeEngine.run)):
        steps = concluded[label] = []
        monkeypatch.setattr(engine_session._Engine, "run", loop)
        monkeypatch.setattr(engine_session.Session, "conclude", lambda self, engine, compiled, refs, variables, steps=steps:
                            steps.append((compiled.id, refs)) or original(self, engine, compiled, refs, variables))
        engine_session.run(knowledge, facts)
        monkeypatch.undo()
    assert concluded["ours"] == concluded["experta"] and len(concluded["ours"]) > 200


def test_a_limit_on_the_steps_is_experta_own(knowledge):
    """``run(steps)`` fires at most that many activations, as experta's loop does."""
    facts = case_facts(interorg.example_case("regional_innovation_alliance"))
    engine = engine_session._engine(knowledge)
    session = engine_session.Session(knowledge, facts)
    engine.session = session
    try:
        engine.reset()
        session.declare_inputs(engine)
        engine.run(steps=3)
        assert len(engine.agenda.activations) > 0  # more was left to fire
    finally:
        engine.session = None
        engine.reset()


def test_fact_list_refuses_a_declared_fact_twice_and_retracts_it_as_experta_does():
    """A fact the session declares is identified by its reference: a second one is refused, a retract frees it."""
    from interorg.engine.matcher import FactList

    facts = FactList()
    first = compiling.fact_class("care").declared("i0", {"demand": "complex"})
    assert facts.declare(first) is first and first["__factid__"] == 0
    assert facts.declare(compiling.fact_class("care").declared("i0", {"demand": "simple"})) is None
    other = compiling.fact_class("care").declared("i1", {"demand": "complex"})
    assert facts.declare(other)["__factid__"] == 1
    facts.retract(first)  # experta's own retract, through the same reference counter
    assert list(facts) == [1] and facts.declare(compiling.fact_class("care").declared("i0", {})) is not None
