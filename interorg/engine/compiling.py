"""Compile rule records into experta rules: one single-pattern trigger per positive condition.

Every condition becomes an experta pattern built from closures over the
record's values: nothing read from a file is evaluated.  No variables are
given to experta, whose joins are quadratic: each positive condition (each
alternative of an ``any``) becomes a rule of its own, a *trigger*, and the
joins between conditions are made through a hash index (see
:mod:`interorg.engine.join`).  This also keeps clear of two traps of experta
1.9.4: combining two compound field constraints raises NameError, and
field-level ``|`` expands into one rule per alternative.

A trigger keeps its experta pattern, so that it stays a plain experta rule,
and also carries the ``kind`` of fact it is about and a ``test`` of the
fact's values, which :class:`~interorg.engine.matcher.DispatchMatcher` uses
to find its activations with one dictionary lookup per fact.

Rules are stratified: a rule that needs a conclusion to be *absent* gets a
lower salience than every rule that could draw that conclusion, so it only
fires once they have all had their chance.  Together with the agenda's
salience order this makes negation safe and the result independent of the
order in which experta happens to find matches.
"""

import functools
import types

from ._experta import experta
from .conditions import ConclusionPattern
from .join import CompiledRule, indexed_fields

__all__ = ["compile_rules", "dispatch_kind", "fact_class", "strata"]

_FACT_CLASSES = {}


class _Fact(experta.Fact):
    """An experta fact whose values need no freezing, and a declared one whose checks are made once.

    experta's ``Fact.__init__`` passes every value through ``freeze`` (a
    ``functools.singledispatch``) to make lists and dicts immutable; it
    returns the scalars of a declared fact (text, booleans, numbers, None)
    and the field constraints of a pattern as they are.  A run declares
    several thousand values, so they are stored directly.

    A fact made by :meth:`declared` is one the session asserts: its values
    are the scalars of the vocabulary (checked at load: field names are
    identifiers without a double underscore) and its ``_ref`` names it
    uniquely.  experta checks every declared fact for field constraints and
    nested accessors, and its fact list identifies a fact by a frozenset of
    all its items; for such a fact these answers are known without looking.
    A declared fact is told by its ``_ref`` item, so that it needs no
    attributes of its own (a fact without them has no ``__dict__`` to make).
    """

    #: What experta's ``Fact.__init__`` sets on every fact, read only for the
    #: experta ``Field``s a fact class declares, which these have none of.
    _Fact__defaults = types.MappingProxyType({})
    #: The :func:`dispatch_kind` of every fact of the class, when it is the same for all.
    _kind = None

    def __init__(self, **values):
        dict.update(self, values)

    @classmethod
    def declared(cls, ref, values):
        """The fact the session asserts: ``values`` and the reference ``ref`` to its record."""
        fact = dict.__new__(cls)
        dict.update(fact, values)
        dict.__setitem__(fact, "_ref", ref)
        return fact

    @property
    def _declared(self):
        return "_ref" in self

    def has_field_constraints(self):
        return False if self._declared else super().has_field_constraints()

    def validate(self):
        # the fact types have no experta Fields to validate against: the vocabulary checked the values
        if not self._declared:
            super().validate()

    def __str__(self):
        # experta writes this for every rule it fires (its RULES log line), logged or not
        return f"<f-{dict.get(self, '__factid__')}>" if "_ref" in self else super().__str__()

    def has_nested_accessor(self):
        return False if self._declared else super().has_nested_accessor()

    def identity(self):
        """What identifies the fact in experta's fact list (see :class:`~interorg.engine.matcher.FactList`)."""
        return (type(self), self["_ref"]) if "_ref" in self else None  # _declared, inline

    def __hash__(self):
        # equal declared facts have equal references, so this agrees with dict equality
        # (the test of _declared, inline: this is asked for every activation)
        return hash((type(self), self["_ref"])) if "_ref" in self else super().__hash__()


def fact_class(name):
    """Return the experta ``Fact`` subclass for fact type ``name`` (one per name)."""
    if name not in _FACT_CLASSES:
        kind = None if name == "conclusion" else ("fact", name)
        _FACT_CLASSES[name] = type(name, (_Fact,), {"__module__": __name__, "_kind": kind})
    return _FACT_CLASSES[name]


def dispatch_kind(fact):
    """The kind of a declared experta fact: ``("fact", type)``, ``("conclusion", rule id)`` or ``("initial",)``.

    Examples
    --------
    >>> dispatch_kind(fact_class("conclusion")(rule="a.b", subject=None))
    ('conclusion', 'a.b')
    >>> dispatch_kind(fact_class("care")(demand="complex"))
    ('fact', 'care')
    """
    cls = type(fact)
    kind = getattr(cls, "_kind", None)
    if kind is not None:
        return kind
    if cls is experta.InitialFact:
        return ("initial",)
    name = cls.__name__
    if name == "conclusion":
        return ("conclusion", fact.get("rule"))
    return ("fact", name)


class _Trigger(experta.Rule):
    """An experta rule of one pattern that also says which facts it is about and how to test them.

    experta hashes a rule by its whole pattern, every time an activation of
    it is hashed; a trigger is one object per condition, so its identity is
    its hash.
    """

    __hash__ = object.__hash__

    def __eq__(self, other):
        return self is other

    def __call__(self, *args, **kwargs):
        if self._wrapped is None:
            # Registering the right-hand side: experta reads its signature with
            # inspect.signature to know which keyword arguments to pass, which is
            # most of the cost of compiling; every trigger's is the same.
            self._wrapped = args[0]
            self._wrapped_args = _FIRE_ARGUMENTS
            return functools.update_wrapper(self, self._wrapped)
        # Firing: experta's Rule.__call__ would keep the keyword arguments the
        # right-hand side declares; the context of a trigger's activation is
        # {"trigger": fact} (or empty), all of them declared.
        return self._wrapped(*args, **kwargs)


#: The parameters of every trigger's right-hand side (``fire`` in :func:`compile_rules`).
_FIRE_ARGUMENTS = frozenset(("engine", "trigger"))


def _pattern(pattern):
    """The experta pattern of one fact or conclusion pattern: its field tests, no variables."""
    if isinstance(pattern, ConclusionPattern):
        fields = {"rule": pattern.rule}
        if pattern.subject is not None:
            fields["subject"] = experta.P(pattern.subject.predicate())
        return fact_class("conclusion")(**fields)
    return fact_class(pattern.fact)(**{test.field: experta.P(test.predicate()) for test in pattern.tests})


def strata(knowledge):
    """Return ``{rule id: stratum}``: 0 for rules that need no absent conclusion.

    A rule's stratum is at least that of every conclusion it uses, and one
    more than that of every conclusion it needs to be absent.  The loader
    has checked that rules do not depend on each other in a cycle.

    Examples
    --------
    >>> from interorg import load_knowledge
    >>> level = strata(load_knowledge())
    >>> level["kenis.need.quadrant-iv"]
    0
    """
    rules = {rule.id: rule for rule in knowledge.rules}
    level = {}

    def stratum(rule_id):
        if rule_id not in level:
            level[rule_id] = max((stratum(dep) + (1 if negated else 0)
                                  for dep, negated in rules[rule_id].depends_on()), default=0)
        return level[rule_id]

    for rule_id in rules:
        stratum(rule_id)
    return level


def compile_rules(knowledge, on_trigger):
    """Compile every rule of ``knowledge`` into experta rules: one per kind of fact and stratum.

    Parameters
    ----------
    knowledge : KnowledgeBase
    on_trigger : callable
        Called as ``on_trigger(join, engine, ref)`` when a trigger matches
        the fact or conclusion ``ref``; ``join`` is the plan of the rule's
        joins for that trigger (:meth:`CompiledRule.join
        <interorg.engine.join.CompiledRule.join>`), whose ``compiled`` is
        the rule's :class:`~interorg.engine.join.CompiledRule`.  A rule
        with negated conditions only is triggered once, by experta's
        initial fact, with ``ref`` None.

    Returns
    -------
    list of experta.Rule
        One rule per kind of fact (see :func:`dispatch_kind`) and salience:
        its pattern takes any fact of that kind, and its ``members`` are the
        triggers about that kind in that stratum, each with ``kind``,
        ``test`` (whether a fact matches the trigger's pattern),
        ``field_tests`` (the pattern's
        :class:`~interorg.engine.conditions.FieldTest`) and ``compiled``
        (its rule's :class:`~interorg.engine.join.CompiledRule`).  One
        activation of such a rule fires, for one fact, every member that
        matches it: a fact that starts several rules of one stratum goes
        through experta's agenda once, not once per rule.
    """
    level = strata(knowledge)
    groups = {}
    every = [CompiledRule(rule) for rule in knowledge.rules]
    for compiled in every:
        rule = compiled.rule
        triggers = compiled.triggers() or [(None, None)]
        for position, pattern in triggers:
            # what the dispatch rule calls with a matching fact's reference: on_trigger
            # itself, without going through experta's Rule.__call__ and its keyword arguments
            react = functools.partial(on_trigger, compiled.join(position, pattern))

            def fire(engine, trigger=None, react=react):  # the trigger as an experta rule of its own
                react(engine, _ref(trigger))

            fire.__name__ = f"{rule.id}#{position}"
            if pattern is None:
                trigger = _Trigger(experta.InitialFact(), salience=-level[rule.id])(fire)
                trigger.kind, trigger.test, trigger.field_tests = ("initial",), lambda fact: True, ()
            else:
                trigger = _Trigger(experta.AS.trigger << _pattern(pattern.source), salience=-level[rule.id])(fire)
                trigger.kind = pattern.kind
                trigger.test = pattern.tester()  # variables are bound when the rule's conditions are joined
                trigger.field_tests = pattern.field_tests
            trigger.compiled, trigger.react = compiled, react
            groups.setdefault((trigger.kind, trigger.salience), []).append(trigger)
    # what a conclusion of each rule needs when it is drawn, known once every rule is compiled
    indexed, listened = indexed_fields(every), {kind for kind, _salience in groups}
    for compiled in every:
        compiled.indexed = "subject" in indexed.get(compiled.kind, ())
        compiled.declared = compiled.kind in listened
    return [_dispatch(kind, salience, members) for (kind, salience), members in groups.items()]


def _ref(fact):
    # the reference of a declared fact; None for experta's initial fact, which starts
    # the rules with negated conditions only
    return None if fact is None else fact.get("_ref")


def _dispatch(kind, salience, members):
    """The experta rule that fires the ``members`` (triggers of one kind and salience) that match a fact."""
    members = tuple(members)

    def fire(engine, trigger=None, members=None):
        # the matcher hands over the members it found matching; experta's own
        # Rete network (in a test) does not, so they are tested here
        matching = members if members is not None else tuple(m for m in group.members if m.test(trigger or {}))
        ref = None if trigger is None else trigger.get("_ref")  # _ref(trigger), inline: for every firing
        # last first: as experta's agenda fired separate activations of equal key
        for member in reversed(matching):
            member.react(engine, ref)

    fire.__name__ = f"{'/'.join(map(str, kind))}@{salience}"
    if kind == ("initial",):
        pattern = experta.InitialFact()
    elif kind[0] == "conclusion":
        pattern = experta.AS.trigger << fact_class("conclusion")(rule=kind[1])
    else:
        pattern = experta.AS.trigger << fact_class(kind[1])()
    group = _Trigger(pattern, salience=salience)(fire)
    group._wrapped_args = _DISPATCH_ARGUMENTS
    group.kind, group.members = kind, members
    for member in members:
        member.group = group  # the rule whose activation fires it
    return group


#: The parameters of a dispatch rule's right-hand side (``fire`` in :func:`_dispatch`).
_DISPATCH_ARGUMENTS = frozenset(("engine", "trigger", "members"))
