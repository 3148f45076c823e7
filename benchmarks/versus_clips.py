"""interorg against CLIPS 6.4 (through clipspy) running the same rules on the same facts.

The rules are the ones :func:`interorg.engine.clips.clips_rules` exports,
the facts each example's input facts.  Three things are timed per round,
interleaved so that a busy machine slows them alike, as the CPU time of
this process (``time.process_time``: on a machine whose cores are shared,
wall-clock time also counts the other programs; CLIPS runs in this process
too): ``interorg.advise`` end
to end (from the checked case to the Advice), interorg's engine part
(``interorg.engine.run``: reset, declare, run, record supports) and CLIPS's
reset, assert of the same facts from Python, and run.  CLIPS with the facts
as a ``deffacts`` (reset and run only, nothing crossing from Python per
fact) is shown as well, and so is interorg's engine with experta taken out
of the loop (``no experta``): the same triggers, joins and records, fired
from a plain heap in experta's order.  The difference between ``engine``
and ``no experta`` is what experta's fact list, agenda and rule firing cost.
"""

import heapq
import itertools
import statistics
import time

import clips

import interorg
from interorg.engine import run
from interorg.engine import session as engine_session
from interorg.engine.compiling import dispatch_kind
from interorg.engine.clips import clips_facts, clips_rules
from interorg.facts import case_facts

__all__ = ["compare"]


def _environment(program):
    env = clips.Environment()
    for construct in program.split("\n\n"):
        if not construct.startswith(";;"):
            env.build(construct)
    return env


def _slot_value(value):
    if isinstance(value, bool):
        return clips.Symbol("TRUE" if value else "FALSE")
    return value


def _asserts(env, facts):
    """``(template, slots)`` per input fact, ready to assert from Python."""
    out = []
    for fact in facts:
        slots = {name: _slot_value(value) for name, value in fact.values.items() if value is not None}
        out.append((env.find_template(fact.type), slots))
    return out


class _Heap:
    """Stands in for experta's engine: a heap by salience, then newest fact first."""

    #: As experta's engine between runs: the session declares a conclusion through
    #: ``declare``, not straight into a fact list (see Session.conclude).
    running = False

    def __init__(self, triggers, session):
        self.triggers = triggers
        self.listened = frozenset(triggers)
        self.session = session
        self.queue = []
        self.ids = itertools.count()

    def declare(self, *facts):
        for fact in facts:
            number = next(self.ids)
            dict.__setitem__(fact, "__factid__", number)
            for trigger in self.triggers.get(dispatch_kind(fact), ()):
                if trigger.test(fact):
                    heapq.heappush(self.queue, (-trigger.salience, -number, id(trigger), trigger, fact))

    def run(self):
        while self.queue:
            *_, trigger, fact = heapq.heappop(self.queue)
            trigger(self, trigger=fact)


def _without_experta(knowledge, facts):
    """interorg's run with experta's fact list, agenda and firing replaced by :class:`_Heap`."""
    triggers = {}
    for group in engine_session._compiled(knowledge):
        for trigger in group.members:
            triggers.setdefault(trigger.kind, []).append(trigger)
    session = engine_session.Session(knowledge, facts)
    engine = _Heap(triggers, session)
    for trigger in triggers.get(("initial",), ()):
        heapq.heappush(engine.queue, (-trigger.salience, 1, id(trigger), trigger, None))
    session.declare_inputs(engine)
    engine.run()
    session.finish()
    return session


def _conclusions(env):
    return sum(1 for fact in env.facts() if fact.template.name == "conclusion")


def compare(knowledge, names, rounds=40):
    """Print the medians per example and their ratios to CLIPS; return them as a dict."""
    program = clips_rules(knowledge)
    results = {}
    print(f"{'example':30} {'facts':>5} {'concl':>5}  {'advise':>9} {'engine':>9} {'CLIPS':>9}"
          f" {'CLIPS df':>9} {'no experta':>10}  {'advise/CLIPS':>12} {'engine/CLIPS':>12}")
    for name in names:
        case = interorg.example_case(name)
        facts = case_facts(case)
        asserting = _environment(program)
        asserts = _asserts(asserting, facts)
        deffacts = _environment(program)
        deffacts.build(clips_facts(knowledge, facts))
        interorg.advise(case)
        concluded = len(run(knowledge, facts).records)
        assert set(_without_experta(knowledge, facts).records) == set(run(knowledge, facts).records)
        samples = {"advise": [], "engine": [], "clips": [], "deffacts": [], "plain": []}

        def clips_assert():
            asserting.reset()
            for template, slots in asserts:
                template.assert_fact(**slots)
            asserting.run()

        def clips_deffacts():
            deffacts.reset()
            deffacts.run()

        steps = {"advise": lambda: interorg.advise(case), "engine": lambda: run(knowledge, facts),
                 "clips": clips_assert, "deffacts": clips_deffacts,
                 "plain": lambda: _without_experta(knowledge, facts)}
        for _ in range(rounds):
            for label, step in steps.items():
                start = time.process_time()
                step()
                samples[label].append(time.process_time() - start)
        assert _conclusions(asserting) == _conclusions(deffacts) == concluded, "CLIPS concluded otherwise"
        median = {label: statistics.median(values) for label, values in samples.items()}
        results[name] = median
        print(f"{name:30} {len(facts):5d} {concluded:5d}  {median['advise'] * 1000:7.2f}ms"
              f" {median['engine'] * 1000:7.2f}ms {median['clips'] * 1000:7.2f}ms {median['deffacts'] * 1000:7.2f}ms"
              f" {median['plain'] * 1000:8.2f}ms"
              f"  {median['advise'] / median['clips']:11.1f}x {median['engine'] / median['clips']:11.1f}x")
    return results
