"""One run of the rule base: declare the input facts, chain forward with experta, record the supports.

The engine is generic: it runs any knowledge base of the grammar in
``knowledge/README.md`` over a sequence of :class:`~interorg.engine.facts.InputFact`,
and records, for every (rule, subject) it concludes, each set of facts and
earlier conclusions that supported it.  :mod:`.explaining` turns that record
into explained conclusions.
"""

import logging
import threading

from ..utils.collector import collector_paused
from ._experta import experta
from .compiling import compile_rules, fact_class
from .join import indexed_fields
from .memory import WorkingMemory
from .matcher import DepthStrategy, DispatchMatcher, FactList

__all__ = ["Session", "run"]


class _Engine(experta.KnowledgeEngine):
    """A KnowledgeEngine whose rules come from the knowledge base, not from methods.

    Its matcher dispatches facts to the triggers of their kind through a
    dictionary (:class:`~interorg.engine.matcher.DispatchMatcher`); one
    engine per knowledge base and thread is kept and ``reset()`` between
    runs, which empties the agenda and the fact list.
    """

    __matcher__ = DispatchMatcher
    __strategy__ = DepthStrategy

    def __init__(self, rules):
        self._compiled = rules
        #: The kinds of fact some trigger is about: a fact of another kind
        #: would activate nothing, so it is not declared (see Session.conclude).
        self.listened = frozenset(rule.kind for rule in rules)
        self.session = None
        super().__init__()

    def get_rules(self):
        return list(self._compiled)

    def declare(self, *facts):
        """experta's ``declare``, without its checks of facts the session declared.

        experta looks through every fact declared for field constraints and
        nested accessors (``__`` in a field name), which a fact made by
        :meth:`~interorg.engine.compiling._Fact.declared` cannot have; any
        other fact goes through experta's own method.
        """
        for fact in facts:  # a loop, not all(): this is called for every conclusion
            if "_ref" not in fact:
                return super().declare(*facts)
        last = None
        for fact in facts:
            last = self.facts.declare(fact)
        if not self.running:  # as experta: while it runs, the agenda is updated before each firing
            added, removed = self.get_activations()
            self.strategy.update_agenda(self.agenda, added, removed)
        return last

    def run(self, steps=float("inf")):
        """experta's ``run``: fire the agenda's next activation until none is left or the engine halts.

        The loop of ``KnowledgeEngine.run``, step for step: the matcher's
        activations for the facts changed since the last firing, the
        strategy's update of the agenda, the agenda's next activation fired
        with its context.  Left out is what every firing pays for experta's
        watchers and its Rete network: the RULES log line, formatted whether
        it is logged or not, the AGENDA watcher's test, and the filtering of
        ``__`` keys out of the context, which the dispatch matcher never puts
        there.  With a watcher on, a limit on the steps or another matcher
        (as a test compares with the Rete network), experta's own loop runs.

        What a step does not need is not called: the matcher and the
        strategy only when facts changed (most firings declare nothing
        new), the strategy's ``_update_agenda`` without experta's wrapper
        that logs for its ACTIVATIONS watcher, and the rule's function as
        ``Rule.__call__`` calls it (a dispatch rule's, whose every argument
        the activation's context gives; see
        :class:`~interorg.engine.compiling._Trigger`).
        """
        if (steps != float("inf") or type(self.matcher) is not DispatchMatcher
                or _RULES.isEnabledFor(logging.INFO) or _AGENDA.isEnabledFor(logging.DEBUG)
                or experta.watchers.worth("ACTIVATIONS", "INFO")):
            return super().run(steps)
        self.running = True
        changes, update, facts = self.matcher.changes, self.strategy._update_agenda, self.facts
        while self.running:
            added, removed = facts.added, facts.removed
            if added or removed:  # experta's FactList.changes, which empties both
                facts.added, facts.removed = [], []
                added, removed = changes(added, removed)
                if added or removed:
                    update(self.agenda, added, removed)
            activations = self.agenda.activations
            if not activations:  # Agenda.get_next, inline
                break
            activation = activations.pop()
            # every activation of the dispatch matcher names its trigger and members
            # (see DispatchMatcher._activations): passed by position, not as **context
            context = activation.context
            activation.rule._wrapped(self, context["trigger"], context["members"])
        self.running = False

    def reset(self):
        """experta's reset, with interorg's fact list (:class:`~interorg.engine.matcher.FactList`).

        An empty agenda and fact list, the matcher reset, and experta's
        initial fact declared, as ``KnowledgeEngine.reset`` does; the engine
        has no ``DefFacts``.
        """
        self.agenda = experta.agenda.Agenda()
        self.facts = FactList()
        self.matcher.reset()
        # experta's own reset declares through the private method, as here:
        # the public one warns about a declaration into an empty fact list
        self._KnowledgeEngine__declare(experta.InitialFact())
        self.running = False

    def release(self):
        """Let go of the last run's facts and activations: the engine is reset before its next run.

        Not a whole ``reset``, whose fact list, agenda and initial fact
        (declared through experta's checks and matched) the next run's reset
        would make again.
        """
        self.agenda = self.facts = None
        self.running = False


#: The class of the conclusion facts a session declares.
_CONCLUSION = fact_class("conclusion")
_RULES = experta.watchers.RULES
_AGENDA = experta.watchers.AGENDA


class _Record:
    """What the engine concluded for one (rule, subject): its supports, as fact refs.

    ``order`` is where the conclusion stands in the case: the first input
    any of its supports rests on (see :meth:`Session.finish`).
    """

    def __init__(self, rule, subject, variables):
        self.rule = rule
        self.subject = subject
        self.variables = variables
        self.order = None
        self.supports = set()


class Session:
    """The facts of one run and the conclusions drawn, by reference."""

    #: Whether input facts reach experta with their unknown fields (as None).
    #: The dispatch matcher reads a missing field as None, so they need not;
    #: experta's Rete network fails every test on a missing field, so a run on
    #: it (as a test does, to compare) needs them.
    declare_unknown = False

    def __init__(self, knowledge, facts):
        self.knowledge = knowledge
        facts = facts if isinstance(facts, (list, tuple)) else list(facts)
        self._positions = _input_refs(len(facts))
        self.inputs = dict(zip(self._positions, facts))
        self.records = {}
        self.memory = WorkingMemory(_indexed(knowledge))
        self.partner_names = {}

    def declare_inputs(self, engine):
        declared = []
        listened = engine.listened
        # the facts of a case come in a few shapes: each is checked against the vocabulary once
        shapes = self.knowledge._cache.setdefault("input_shapes", set())
        # what a fact's type gives its facts, found once per type, not for each of its facts
        types = {}
        # the session's memory indexes the fields joins look facts up by (see _indexed)
        memory = self.memory
        by_ref, by_kind, index, looked_up_by = memory.by_ref, memory.by_kind, memory.index, memory._indexed
        for ref, fact in self.inputs.items():
            name, values = fact.type, fact.values
            of_type = types.get(name)
            if of_type is None:
                kind = ("fact", name)
                of_type = types[name] = (self.knowledge.facts[name].fields, kind, kind in listened, fact_class(name),
                                         looked_up_by.get(kind, ()))
            fields, kind, listens, cls, looked_up = of_type
            shape = (name, *values)
            if shape not in shapes:
                if not values.keys() <= fields.keys():
                    unknown = sorted(set(values) - set(fields))
                    raise AssertionError(f"fact {name} has fields outside the vocabulary: {unknown}")
                if len(shapes) < 10_000:
                    shapes.add(shape)
            # patterns read a missing field as None, so only the given values are kept
            # (fact.given(), inline: this runs for every input)
            given = {field: value for field, value in values.items() if value is not None}
            # memory.add, inline, with the fields a join looks this type up by found once per type
            by_ref[ref] = given
            by_kind[kind].append(ref)
            for field in looked_up:
                value = given.get(field)
                if value is not None:
                    index[(kind, field, value)].append(ref)
            if listens:
                if self.declare_unknown:
                    given = {field: given.get(field) for field in fields}
                # cls.declared(ref, given), inline: this runs for every input
                asserted = dict.__new__(cls)
                dict.update(asserted, given)
                dict.__setitem__(asserted, "_ref", ref)
                declared.append(asserted)
        if declared:  # at once: the agenda orders activations by salience and fact, not by declaration
            engine.declare(*declared)

    def conclude(self, engine, compiled, refs, variables):
        """Record that ``compiled``'s rule holds for the facts ``refs`` with ``variables``."""
        subject = variables[compiled.subject] if compiled.subject else None
        key = (compiled.id, subject)
        record = self.records.get(key)
        if record is None:
            record = self.records[key] = _Record(compiled.rule, subject, variables)
            # memory.add(key, kind, {"subject": subject}), inline: this runs for every conclusion
            # (the session's memory indexes only what the joins look up, see _indexed)
            memory = self.memory
            memory.by_ref[key] = {"subject": subject}
            memory.by_kind[compiled.kind].append(key)
            if subject is not None and compiled.indexed:
                memory.index[(compiled.kind, "subject", subject)].append(key)
            if compiled.declared:  # some trigger is about it (see compile_rules)
                # _CONCLUSION.declared(key, {...}), inline: this runs for every conclusion
                fact = dict.__new__(_CONCLUSION)
                dict.update(fact, rule=compiled.id, subject=subject, _ref=key)
                if engine.running:
                    # what engine.declare does for it while the engine runs: the fact list
                    # alone, the agenda being updated before the next firing
                    engine.facts.declare(fact)
                else:
                    engine.declare(fact)
        record.supports.add(refs)

    def finish(self):
        """Set every record's ``order``: the minimum over all its supports, however they were found.

        The minimum over every support, not the position of the first one
        found, keeps the order of the advice independent of the order in
        which the engine happened to fire its rules.
        """
        for record in self.records.values():
            self._order(record)

    def _order(self, record):
        if record.order is None:
            # a support without positive conditions (negations only) rests on no input
            order = len(self.inputs)
            records, positions = self.records, self._positions
            for refs in record.supports:
                for ref in refs:  # self.position(ref), inline: this runs for every support of every record
                    if type(ref) is str:
                        position = positions[ref]
                    else:  # an earlier conclusion, most often ordered already
                        earlier = records[ref]
                        position = earlier.order if earlier.order is not None else self._order(earlier)
                    if position < order:
                        order = position
            record.order = order
        return record.order

    def position(self, ref):
        """Where in the case a fact or conclusion stands: the first input it rests on."""
        if type(ref) is str:  # an input's reference, i0, i1...; a conclusion's is (rule id, subject)
            return int(ref[1:])
        return self._order(self.records[ref])


#: The references of the inputs, "i0", "i1"..., with their positions (see _input_refs).
_REFS = {}


def _input_refs(count):
    """``{ref: position}`` for at least ``count`` inputs: ``i0``, ``i1``..., the same in every run.

    Made once and grown for a larger case, not formatted anew for every
    input of every run; a new dict replaces the old at once, so that a run
    in another thread sees the one or the other whole.
    """
    global _REFS
    refs = _REFS
    if len(refs) < count:
        refs = _REFS = {f"i{index}": index for index in range(max(count, 2 * len(refs)))}
    return refs


def _on_trigger(join, engine, ref):
    """A trigger matched ``ref``: join the rule's other conditions (by ``join``'s plan) and conclude for each match.

    The plans are the knowledge's, kept between runs; the session is the
    run's, found on the engine.
    """
    session = engine.session
    compiled = join.compiled
    for refs, variables in join.matches(session.memory, ref):
        session.conclude(engine, compiled, refs, variables)


def _compiled(knowledge):
    cache = knowledge._cache
    if "experta" not in cache:
        cache["experta"] = compile_rules(knowledge, _on_trigger)
    return cache["experta"]


def _indexed(knowledge):
    cache = knowledge._cache
    if "indexed" not in cache:
        rules = {id(trigger.compiled): trigger.compiled
                 for group in _compiled(knowledge) for trigger in group.members}
        cache["indexed"] = indexed_fields(rules.values())
    return cache["indexed"]


def _engine(knowledge):
    """The engine of ``knowledge`` for the calling thread, built on first use."""
    local = knowledge._cache.setdefault("engines", threading.local())
    if not hasattr(local, "engine"):
        local.engine = _Engine(_compiled(knowledge))
    return local.engine


def run(knowledge, facts, names=None):
    """Run ``knowledge`` over the input ``facts`` and return the session that recorded it.

    Parameters
    ----------
    knowledge : KnowledgeBase
    facts : iterable of InputFact
        Their order is the order of the case: conclusions are sorted by the
        first input they rest on.
    names : dict, optional
        Display names of the values of ``partner`` fields (id to name).

    Returns
    -------
    Session
        ``records`` maps each ``(rule id, subject)`` concluded to its supports.

    Examples
    --------
    >>> from interorg.engine import InputFact, run
    >>> from interorg import load_knowledge
    >>> facts = [InputFact("care", {"demand": "complex", "supply_in_municipality": False}, "care")]
    >>> ("kenis.need.quadrant-iv", None) in run(load_knowledge(), facts).records
    True
    """
    session = Session(knowledge, facts)
    session.partner_names = dict(names or {})
    # a run allocates thousands of small objects, none in a reference cycle (see
    # interorg.utils.collector): the cyclic collector would only walk them again
    with collector_paused():
        return _run_on(_engine(knowledge), session)


def _run_on(engine, session):
    """Run ``session`` on an experta ``engine`` built from its knowledge's compiled rules."""
    engine.session = session
    try:
        engine.reset()
        session.declare_inputs(engine)
        engine.run()
    finally:
        engine.session = None
        engine.release()  # let go of this run's facts now rather than at the next run
    session.finish()
    return session
