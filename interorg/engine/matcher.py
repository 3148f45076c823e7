"""A matcher for experta that dispatches each fact to the triggers of its kind, through a dictionary.

experta lets an engine choose its matcher (``KnowledgeEngine.__matcher__``,
any subclass of ``experta.abstract.Matcher``).  Its own, the Rete network,
tests every fact against a node per fact type and every conclusion against
a node per rule id, and spends most of a run propagating tokens through
them, although interorg's rules give it single patterns only: the joins,
negations and strata are done by :mod:`interorg.engine.join`.  This
matcher does what the network did for such rules and nothing more: it looks
up the triggers of a fact's kind in a dictionary (fact type, or conclusion
and rule id), tests each trigger's pattern, and hands experta one
activation per match.  experta's agenda, its strategy (salience, then the
newest fact first) and its firing of rules are kept as they are.
"""

import bisect
import logging
import operator
from collections import defaultdict

from ._experta import experta
from .compiling import dispatch_kind

__all__ = ["DepthStrategy", "DispatchMatcher", "FactList"]


class _Activation(experta.activation.Activation):
    """experta's activation of a dispatch rule by one fact, with its facts kept as a tuple.

    experta's own makes a set of the facts, hashing each; every reader of
    ``facts`` (the strategy's key, experta's log line, equality and hash)
    only iterates over them, and a dispatch rule's activation has one fact.
    """

    def __init__(self, rule, fact, context):  # all that experta's sets, with a tuple for the set
        self.rule = rule
        self.facts = (fact,)
        self.key = None
        self.context = context


_KEY = operator.attrgetter("key")
_FACTS = experta.watchers.FACTS
#: Up to how many activations are inserted one by one rather than sorted in.
_FEW = 8


class FactList(experta.factlist.FactList):
    """experta's fact list, identifying a fact the session declared by its reference.

    experta's fact list refuses a fact equal to one already present, and
    tells them apart by a frozenset of every item of the fact, built for
    each fact declared.  A fact the session declares carries a reference
    unique to its input or conclusion (:meth:`_Fact.identity
    <interorg.engine.compiling._Fact.identity>`), which identifies it as well.
    """

    @staticmethod
    def _get_fact_id(fact):
        if "_ref" in fact:  # declared by the session (see _Fact.declared)
            return fact.identity()
        return experta.factlist.FactList._get_fact_id(fact)

    def __init__(self):
        super().__init__()
        # asked once, not for every fact: a fact list is made anew for each run (the engine's reset)
        self._watched = _FACTS.isEnabledFor(logging.INFO)

    def declare(self, fact):
        """experta's ``FactList.declare``, with what a declared fact makes needless left out.

        Such a fact is an interorg fact whose values the vocabulary checked
        (experta's ``validate`` does nothing for it) and whose identity is
        its reference; experta's own method is used for any other fact, and
        whenever experta's ``FACTS`` watcher was on when the fact list was
        made (the engine's ``reset``), so that it logs.
        """
        if "_ref" not in fact or self._watched:
            return super().declare(fact)
        fact_id = (type(fact), fact["_ref"])  # fact.identity(), inline: this runs for every fact
        if fact_id in self.reference_counter and not self.duplication:
            return None
        index = self.last_index
        dict.__setitem__(fact, "__factid__", index)  # what experta's Fact.__factid__ setter does
        self[index] = fact
        self.last_index = index + 1
        self.added.append(fact)
        # experta's Counter would call its Python-level __missing__ for every new fact
        counter = self.reference_counter
        counter[fact_id] = counter.get(fact_id, 0) + 1
        return fact


class DepthStrategy(experta.strategies.DepthStrategy):
    """experta's depth strategy, with its key computed directly and compared in C.

    The order is experta's own: the rule's salience, then the activation's
    fact ids from the newest, so the agenda fires in the same order.
    experta caches the key in a 128-entry ``functools.lru_cache`` keyed on
    the activation, which hashes the activation's rule, facts and context
    on every call and misses on a run of a few hundred activations anyway,
    and it inserts each activation with ``bisect.insort`` through the
    activation's Python-level ``__lt__``.  Here the key is a tuple of
    integers, and the insertion compares keys (``bisect``'s ``key``).
    """

    def get_key(self, activation):
        facts = activation.facts
        if len(facts) == 1:  # every activation of the dispatch rules
            for fact in facts:
                return (activation.rule.salience, fact["__factid__"])
        return (activation.rule.salience, *sorted((fact["__factid__"] for fact in facts), reverse=True))

    def _update_agenda(self, agenda, added, removed):
        if removed:
            super()._update_agenda(agenda, (), removed)
        activations = agenda.activations
        get_key = self.get_key
        for activation in added:
            facts = activation.facts
            if facts.__class__ is tuple:  # an _Activation's one fact: get_key, inline
                activation.key = (activation.rule.salience, facts[0]["__factid__"])
            else:
                activation.key = get_key(activation)
        if len(added) > _FEW:
            # Many at once (the input facts): inserting each would move the list's tail
            # every time, which grows with the square of the case.  A stable sort leaves
            # equal keys as the insertions would have, the agenda's first, then in order.
            activations.extend(added)
            activations.sort(key=_KEY)
        else:
            for activation in added:
                bisect.insort(activations, activation, key=_KEY)


class DispatchMatcher(experta.abstract.Matcher):
    """Activations of the dispatch rules of :func:`~interorg.engine.compiling.compile_rules`, by dictionary lookup.

    Every rule the engine gives must be made by
    :func:`interorg.engine.compiling.compile_rules`: one per kind of fact and
    stratum, whose ``members`` are single-pattern triggers, each with the
    ``kind`` of fact it is about and a ``test`` of the fact's values.  For a
    fact, the members that match are found through an index of the
    triggers of its kind, and each rule with a matching member gets one
    activation that names them.
    """

    def __init__(self, engine):
        super().__init__(engine)
        triggers = defaultdict(list)
        for group in engine.get_rules():
            for member in group.members:
                triggers[member.kind].append(member)
        self._triggers = {kind: _Index(rules) for kind, rules in triggers.items()}

    def _activations(self, fact):
        # dispatch_kind(fact) for a fact of a fact type, inline: this runs for every fact
        kind = getattr(fact.__class__, "_kind", None)
        index = self._triggers.get(kind if kind is not None else dispatch_kind(fact))
        if index is None:
            return []
        if index.field is None:  # index.candidates(fact), inline: this runs for every fact
            candidates = index.rules
        else:
            value = fact.get(index.field)
            try:
                candidates = index.by_value.get((value, value.__class__ is bool), index.rest)  # _value_key
            except TypeError:  # an unhashable value cannot equal a scalar
                candidates = index.rest
        if index.group is not None:  # most kinds: all their triggers in one stratum
            members = [member for member in candidates if member.test(fact)]
            if not members:
                return []
            return [_Activation(index.group, fact, {"trigger": fact, "members": tuple(members)})]
        matching = {}
        for member in candidates:
            if member.test(fact):
                matching.setdefault(member.group, []).append(member)
        # one activation per kind and stratum: experta fires each in its order, with the members found
        return [_Activation(group, fact, {"trigger": fact, "members": tuple(members)})
                for group, members in matching.items()]

    def changes(self, adding=None, deleting=None):
        """Return the activations the added facts create, and those the deleted ones end.

        Nothing is kept per fact: a retracted fact's activations are made
        again, and experta's strategy removes the agenda's equal ones (those
        that already fired are gone from it).
        """
        added, removed = [], []
        for fact in adding or ():
            added.extend(self._activations(fact))
        for fact in deleting or ():
            removed.extend(self._activations(fact))
        return added, removed

    def reset(self):
        """Nothing to forget: the matcher keeps no state between changes."""


class _Index:
    """The triggers of one kind of fact, narrowed by the value of one field before they are tested.

    A trigger that tests a field for one value (``field: value``) or for
    one of a list (``in: [...]``) can only match a fact whose value there
    is one of those.  Of such fields, the key is the one that leaves the
    fewest triggers to test on average: a fact is tested only against the
    triggers that want its value there and those that do not test that
    field so, in the triggers' own order.  What a trigger's test would
    refuse anyway is all that is left out.
    """

    def __init__(self, rules):
        self.rules = rules
        #: The one dispatch rule of all the triggers, if they have one (a single stratum).
        self.group = rules[0].group if len({id(rule.group) for rule in rules}) == 1 else None
        self.field, self.by_value, self.rest = None, {}, rules
        wanted = [_wanted(rule) for rule in rules]
        best = len(rules)
        for field in sorted({field for tests in wanted for field in tests}):
            keys = sorted({key for tests in wanted for key in tests.get(field, ())}, key=repr)
            rest = [rule for rule, tests in zip(rules, wanted) if field not in tests]
            by_value = {key: [rule for rule, tests in zip(rules, wanted) if key in tests.get(field, (key,))]
                        for key in keys}
            # a fact's value is one of the keys or another one (which leaves the rest to test)
            average = (len(rest) + sum(map(len, by_value.values()))) / (len(by_value) + 1)
            if average < best:
                best, self.field, self.by_value, self.rest = average, field, by_value, rest

    def candidates(self, fact):
        """The triggers that may match ``fact``, in order (each still to be tested)."""
        if self.field is None:
            return self.rules
        try:
            return self.by_value.get(_value_key(fact.get(self.field)), self.rest)
        except TypeError:  # an unhashable value cannot equal a scalar
            return self.rest


def _value_key(value):
    # the tests tell True from 1 (see FieldTest.predicate): so does the key (bool has no subclasses)
    return (value, value.__class__ is bool)


def _wanted(rule):
    """``{field: keys}``: the values ``rule``'s pattern requires of a field, where it names them."""
    wanted = {}
    for test in rule.field_tests:
        if test.known is False:
            continue  # the value must be absent: no value key
        if test.equals is not None:
            wanted[test.field] = {_value_key(test.equals)}
        elif test.one_of:
            wanted[test.field] = {key for value in test.one_of for key in _set_keys(value)}
    return wanted


def _set_keys(value):
    # "in" looks the value up in a set, where True and 1 (and 1.0) are one member
    keys = {_value_key(value)}
    if isinstance(value, bool):
        keys.add(_value_key(int(value)))
    elif isinstance(value, (int, float)) and value in (0, 1):
        keys.add(_value_key(bool(value)))
    return keys
