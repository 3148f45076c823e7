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

from collections import defaultdict

from ._experta import experta
from .compiling import dispatch_kind

__all__ = ["DepthStrategy", "DispatchMatcher"]

_Activation = experta.activation.Activation


class DepthStrategy(experta.strategies.DepthStrategy):
    """experta's depth strategy with its key computed directly instead of through an LRU cache.

    The key is experta's own: the rule's salience, then the activation's
    fact ids from the newest, so the agenda fires in the same order.
    experta caches it in a 128-entry ``functools.lru_cache`` keyed on the
    activation, which hashes the activation's rule, facts and context on
    every call and misses on a run of a few hundred activations anyway.
    """

    def get_key(self, activation):
        return (activation.rule.salience,
                sorted((fact["__factid__"] for fact in activation.facts), reverse=True))


class DispatchMatcher(experta.abstract.Matcher):
    """Activations of single-pattern trigger rules, found by a dictionary lookup per fact.

    Every rule the engine gives must be a trigger made by
    :func:`interorg.engine.compiling.compile_rules`: it carries the ``kind``
    of fact it is about and a ``test`` of the fact's values.
    """

    def __init__(self, engine):
        super().__init__(engine)
        self._triggers = defaultdict(list)
        for rule in engine.get_rules():
            self._triggers[rule.kind].append(rule)

    def _activations(self, fact):
        return [_Activation(rule, (fact,), {"trigger": fact})
                for rule in self._triggers.get(dispatch_kind(fact), ()) if rule.test(fact)]

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
