"""Compile rule records into experta rules.

Every condition becomes an experta pattern built from closures over the
record's values: nothing read from a file is evaluated.  Each field's tests
become one predicate ``P(...)``; no variables are given to experta, whose
joins are quadratic: each positive condition becomes a rule of its own (a
trigger), and the joins between conditions are made through a hash index
(see :mod:`interorg.engine.join`).  This also keeps clear of two traps of experta
1.9.4: combining two compound field constraints raises NameError, and
field-level ``|`` expands into one rule per alternative.

Rules are stratified: a rule that needs a conclusion to be *absent* gets a
lower salience than every rule that could draw that conclusion, so it only
fires once they have all had their chance.  Together with the agenda's
salience order this makes negation safe and the result independent of the
order in which experta happens to find matches.
"""

import networkx as nx

from ._experta import experta
from .join import CompiledRule
from .conditions import ConclusionPattern

__all__ = ["compile_rules", "fact_class"]

_FACT_CLASSES = {}


def fact_class(name):
    """Return the experta ``Fact`` subclass for fact type ``name`` (one per name)."""
    if name not in _FACT_CLASSES:
        _FACT_CLASSES[name] = type(name, (experta.Fact,), {"__module__": __name__})
    return _FACT_CLASSES[name]


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
    more than that of every conclusion it needs to be absent.
    """
    graph = knowledge.dependency_graph()
    level = {}
    for rule_id in nx.topological_sort(graph):
        level[rule_id] = max(
            (level[dep] + (1 if graph.edges[dep, rule_id]["negated"] else 0)
             for dep in graph.predecessors(rule_id)),
            default=0,
        )
    return level


def compile_rules(knowledge, on_trigger):
    """Compile every rule of ``knowledge`` into experta rules, one per trigger.

    Parameters
    ----------
    knowledge : KnowledgeBase
    on_trigger : callable
        Called as ``on_trigger(engine, compiled, position, pattern, ref)``
        when the trigger for condition ``position`` of a rule matches the
        fact or conclusion ``ref``; ``compiled`` is the rule's
        :class:`~interorg.engine.join.CompiledRule`.  A rule with negated conditions
        only is triggered once, by experta's initial fact, with ``position``
        None.

    Returns
    -------
    list of experta.Rule
    """
    level = strata(knowledge)
    rules = []
    for rule in knowledge.rules:
        compiled = CompiledRule(rule)
        triggers = compiled.triggers() or [(None, None)]
        for position, pattern in triggers:
            def fire(engine, compiled=compiled, position=position, pattern=pattern, trigger=None):
                ref = trigger["_ref"] if position is not None else None
                on_trigger(engine, compiled, position, pattern, ref)

            fire.__name__ = f"{rule.id}#{position}"
            condition = (experta.AS.trigger << _pattern(pattern.source)) if pattern else experta.InitialFact()
            rules.append(experta.Rule(condition, salience=-level[rule.id])(fire))
    return rules
