"""Compile rule records into experta rules.

Every condition becomes an experta pattern built from closures over the
record's values: nothing read from a file is evaluated.  Each field's tests
become one predicate ``P(...)``, optionally combined once with a variable
``MATCH.v_<name>``; this avoids two traps of experta 1.9.4 (combining two
compound field constraints raises NameError, and field-level ``|`` expands
into one rule per alternative).

Rules are stratified: a rule that needs a conclusion to be *absent* gets a
lower salience than every rule that could draw that conclusion, so it only
fires once they have all had their chance.  Together with the agenda's
salience order this makes negation safe and the result independent of the
order in which experta happens to find matches.

An ``any`` condition becomes experta's ``OR`` of its alternatives, each bound
to the same name, so the rule sees the matched fact whichever alternative
matched.
"""

import networkx as nx

from ._experta import experta
from .conditions import AnyOf, ConclusionPattern, Negation

__all__ = ["compile_rules", "fact_class"]

_FACT_CLASSES = {}


def fact_class(name):
    """Return the experta ``Fact`` subclass for fact type ``name`` (one per name)."""
    if name not in _FACT_CLASSES:
        _FACT_CLASSES[name] = type(name, (experta.Fact,), {"__module__": __name__})
    return _FACT_CLASSES[name]


def _constraint(test):
    predicate = experta.P(test.predicate())
    if test.var:
        return getattr(experta.MATCH, f"v_{test.var}") & predicate
    return predicate


def _pattern(pattern):
    if isinstance(pattern, ConclusionPattern):
        fields = {"rule": pattern.rule}
        if pattern.subject is not None:
            fields["subject"] = _constraint(pattern.subject)
        return fact_class("conclusion")(**fields)
    return fact_class(pattern.fact)(**{test.field: _constraint(test) for test in pattern.tests})


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


def compile_rules(knowledge, on_fire):
    """Compile every rule of ``knowledge`` into an experta ``Rule``.

    Parameters
    ----------
    knowledge : KnowledgeBase
    on_fire : callable
        Called as ``on_fire(engine, rule, matched, variables)`` when a rule
        fires, with the matched facts of its positive conditions in order
        and the values of its variables.

    Returns
    -------
    list of experta.Rule
    """
    level = strata(knowledge)
    compiled = []
    for rule in knowledge.rules:
        patterns, captured = [], []
        for index, condition in enumerate(rule.when):
            if isinstance(condition, Negation):
                patterns.append(experta.NOT(_pattern(condition.pattern)))
            else:
                name = f"f{index}"
                captured.append(name)
                if isinstance(condition, AnyOf):
                    patterns.append(experta.OR(*(getattr(experta.AS, name) << _pattern(alternative)
                                                 for alternative in condition.alternatives)))
                else:
                    patterns.append(getattr(experta.AS, name) << _pattern(condition))
        variables = tuple(rule.variables())

        def fire(engine, rule=rule, captured=tuple(captured), variables=variables, **context):
            matched = [context[name] for name in captured]
            values = {name: context[f"v_{name}"] for name in variables}
            on_fire(engine, rule, matched, values)

        fire.__name__ = rule.id
        compiled.append(experta.Rule(*patterns, salience=-level[rule.id])(fire))
    return compiled
