"""Cross-reference checks of a knowledge directory: ids, sources, vocabulary, variables, chaining, conflicts.

:func:`interorg.engine.loading.read_knowledge` reads every file into
records, then a :class:`Checker` holds them against each other and collects
every problem, with its file and path, before any is raised.
"""

import graphlib

from ..errors import Problem
from .conditions import AnyOf, ConclusionPattern, FactPattern, Negation
from .rulebase import LOCATOR_MESSAGE

__all__ = ["RESERVED_FACTS", "Checker"]

#: Fact type names the engine declares itself; the vocabulary may not use them.
RESERVED_FACTS = ("conclusion",)

#: The places named in full that refer to a rule that was refused; the rest are counted.
_PLACES_SHOWN = 5


class Checker:
    """Cross-reference checks: ids, sources, vocabulary, variables and chaining."""

    def __init__(self, sources, facts, models, rules, problems, complete=("sources", "vocabulary", "models"),
                 messages=None, refused=None, unread=(), documents=None, likes=None):
        self.sources = sources
        self.messages = messages  # None: not read, so what needs a message is not checked
        self.facts = facts
        self.models = models
        self.rules = rules
        self.problems = problems
        # A registry that did not load would make every reference to it look
        # unknown; such references are not checked until it loads.
        self.complete = set(complete)
        # Likewise a rule that was refused: what names it is told once, at the rule (``refused``: its file
        # and path by id), and a name that may be in a rules file that could not be read at all says so.
        self.refused = dict(refused or {})
        self.unread = tuple(unread)
        self.naming = {}
        # the parsed files by name, so that a problem says its line and column too
        self.documents = documents or {}
        # the rule each rule with 'like' takes its wording from, by id: a fault of a field they share is said once
        self.likes = dict(likes or {})

    def problem(self, file, path, message):
        document = self.documents.get(file)
        self.problems.append(Problem(path, message, file=file) if document is None else document.problem(path, message))

    def known_rule(self, rule_id, file, path, what="rule"):
        """Whether ``rule_id`` names a rule that was read; a problem of ``file`` at ``path`` if it names none.

        ``what`` is ``rule`` or ``conclusion``: the word of the message.  A
        rule that was refused is not unknown: the places that name it are
        told once, at the rule, by :meth:`check_refused`.
        """
        if rule_id in self.rules:
            return True
        if rule_id in self.refused:
            self.naming.setdefault(rule_id, []).append(f"{file} {path}")
        elif self.unread:
            self.problem(file, path, f"unknown {what} '{rule_id}': no rule read has that id; it may be in a file"
                                     f" refused above ({', '.join(self.unread)})")
        else:
            self.problem(file, path, f"unknown {what} '{rule_id}' (no rule has that id)")
        return False

    def check_refused(self):
        """At each refused rule that other places name: once, which places those are."""
        for rule_id, places in self.naming.items():
            file, path = self.refused[rule_id]
            # one place more is shown rather than counted: "and 1 more places" would not read
            shown = len(places) if len(places) <= _PLACES_SHOWN + 1 else _PLACES_SHOWN
            shown, more = ", ".join(places[:shown]), len(places) - shown
            self.problem(file, path, f"rule '{rule_id}' is refused above, so what names it is not checked yet: {shown}"
                         if more <= 0 else f"rule '{rule_id}' is refused above, so what names it is not checked yet:"
                                           f" {shown} and {more} more places")

    def check_vocabulary(self, defined_in):
        for name, fact_type in self.facts.items():
            file = defined_in[name]
            if name in RESERVED_FACTS:
                self.problem(file, f"facts.{name}", f"'{name}' is reserved for the engine")
            for field, field_def in fact_type.fields.items():
                path = f"facts.{name}.fields.{field}"
                if field_def.type == "enum" and not field_def.values:
                    self.problem(file, path, "an enum field needs its 'values'")
                if field_def.type in ("number", "text", "partner", "partners") and field_def.values:
                    self.problem(file, path, f"a {field_def.type} field takes no 'values'")
                if field.startswith("_"):
                    self.problem(file, path, "field names may not start with '_'")
                elif "__" in field:
                    # experta reads a double underscore in a fact's key as a nested accessor
                    self.problem(file, path, "field names may not hold a double underscore '__'")

    def check_source_refs(self, refs, file, path):
        if "sources" not in self.complete:
            return
        for index, ref in enumerate(refs):
            if ref.source not in self.sources:
                self.problem(file, f"{path}[{index}].source",
                             f"unknown source '{ref.source}'; expected one of {', '.join(sorted(self.sources))}")
            if ref.topic is not None and self.messages is not None and LOCATOR_MESSAGE not in self.messages:
                self.problem(file, f"{path}[{index}].topic", f"'topic' is put after 'where' by the message"
                                                          f" '{LOCATOR_MESSAGE}'; add it to messages.yaml")

    def check_sources(self, file):
        for index, source in enumerate(self.sources.values()):
            if source.kind == "seed" and not source.file:
                self.problem(file, f"sources[{index}]", f"seed source '{source.id}' needs its 'file'")
            if source.kind == "external" and not source.citation:
                self.problem(file, f"sources[{index}]", f"external source '{source.id}' needs its 'citation'")

    def check_models(self, file):
        for index, model in enumerate(self.models):
            self.check_source_refs(model.sources, file, f"models[{index}].sources")
            for n, alternatives in enumerate(model.need_alternatives()):
                for fact, field in alternatives:
                    if fact not in self.facts and "vocabulary" not in self.complete:
                        continue
                    if fact not in self.facts:
                        self.problem(file, f"models[{index}].needs[{n}]", f"unknown fact type '{fact}'")
                    elif field and field not in self.facts[fact].fields:
                        self.problem(file, f"models[{index}].needs[{n}]", f"fact '{fact}' has no field '{field}'")

    def check_reason(self, what, record, file, path):
        """A derived ``record`` says why in one line of English and one of Dutch (its ``reason``, a Text)."""
        reason = record.reason
        if record.basis == "derived" and (reason is None or not reason.en.strip() or not reason.nl.strip()):
            self.problem(file, path, f"{what} is derived and needs a one-line 'reason'"
                                     " in English and Dutch ({en: ..., nl: ...})")
        for lang in ("en", "nl") if reason is not None else ():
            lines = len(getattr(reason, lang).strip().splitlines())
            if lines > 1:  # a reason is shown on one line; `>-` folds a long one into a single line
                self.problem(file, f"{path}.reason.{lang}", f"the reason of {what} is one line; got {lines} lines")

    def check_rule(self, rule, file, path):
        self.check_reason(f"rule '{rule.id}'", rule, file, path)
        if rule.is_step and rule.priority is not None:
            self.problem(file, f"{path}.priority", f"rule '{rule.id}' is a step: a step has no priority")
        if not rule.is_step and rule.priority is None:
            self.problem(file, path, f"rule '{rule.id}' is a {rule.kind} and needs a 'priority'"
                                     " (critical, high, medium or low)")
        if rule.priority == "critical" and rule.priority_reason is None:
            self.problem(file, path, f"rule '{rule.id}' is critical and needs a 'priority_reason'")
        self.check_source_refs(rule.sources, file, f"{path}.sources")
        bound = set()
        for index, condition in enumerate(rule.when):
            negated = isinstance(condition, Negation)
            pattern = condition.pattern if negated else condition
            where = f"{path}.when[{index}]" + (".not" if negated else "")
            if isinstance(pattern, AnyOf):
                for number, alternative in enumerate(pattern.alternatives):
                    self.check_pattern(alternative, file, f"{where}.any[{number}]")
            else:
                self.check_pattern(pattern, file, where)
            if not negated:
                bound.update(pattern.variables())
        # an action's title is filled as the title is: from what 'when' binds, the same in both languages
        for text_name in ("title", "text") + (("action",) if rule.action is not None else ()):
            for name in sorted(getattr(rule, text_name).placeholders() - bound):
                self.problem(file, f"{path}.{text_name}", f"placeholder '{{{name}}}' names no variable bound in 'when'")
            mismatch = getattr(rule, text_name).placeholder_problem()  # the Dutch would leave out what the English says
            if mismatch is not None:
                self.problem(file, f"{path}.{text_name}.nl", mismatch)
        if rule.subject is not None and rule.subject not in bound:
            self.problem(file, f"{path}.subject", f"subject '{rule.subject}' names no variable bound in 'when'")

    def check_pattern(self, pattern, file, where):
        if isinstance(pattern, FactPattern):
            self.check_fact_pattern(pattern, file, where)
        else:
            self.known_rule(pattern.rule, file, f"{where}.conclusion", "conclusion")

    def check_fact_pattern(self, pattern, file, where):
        if "vocabulary" not in self.complete and pattern.fact not in self.facts:
            return
        if pattern.fact not in self.facts:
            self.problem(file, f"{where}.fact",
                         f"unknown fact type '{pattern.fact}'; expected one of {', '.join(sorted(self.facts))}")
            return
        fields = self.facts[pattern.fact].fields
        for test in pattern.tests:
            if test.field not in fields:
                self.problem(file, f"{where}.{test.field}",
                             f"fact '{pattern.fact}' has no field '{test.field}'; expected one of {', '.join(fields)}")
                continue
            self.check_values(test, fields[test.field], file, f"{where}.{test.field}")

    def check_values(self, test, field_def, file, where):
        for value in test.literal_values():
            if field_def.type == "enum" and value not in field_def.values:
                self.problem(file, where, f"value '{value}' is not one of {', '.join(field_def.values)}")
            elif field_def.type == "bool" and not isinstance(value, bool):
                self.problem(file, where, f"expected true or false; got {value!r}")
            elif field_def.type == "number" and (isinstance(value, bool) or not isinstance(value, (int, float))):
                self.problem(file, where, f"expected a number; got {value!r}")
        if test.compare and field_def.type != "number":
            self.problem(file, where, f"comparisons need a number field; this one is {field_def.type}")

    def check_chaining(self):
        edges = [(dependency, rule_id) for rule_id, rule in self.rules.items()
                 for dependency, _negated in rule.depends_on() if dependency in self.rules]
        cycle = _cycle(edges)
        if cycle:
            self.problem("rules", "", f"rules depend on each other in a cycle ({cycle}); none of them could fire")

    def check_conflicts(self, exclusions, defeats, file):
        """Exclusive groups and defeats name rules that exist, and no defeat can undo itself."""
        def check_rule(rule_id, path):
            return self.known_rule(rule_id, file, path)

        for index, group in enumerate(exclusions):
            path = f"exclusive[{index}]"
            self.check_source_refs(group.sources, file, f"{path}.sources")
            if group.basis == "derived" and group.reason is None:
                self.problem(file, path, f"exclusive group '{group.id}' is derived and needs a 'reason'")
            for number, rule_id in enumerate(group.rules):
                check_rule(rule_id, f"{path}.rules[{number}]")
            if len(set(group.rules)) != len(group.rules):
                self.problem(file, f"{path}.rules", "a rule is listed twice")
        edges = [(dependency, rule_id) for rule_id, rule in self.rules.items()
                 for dependency, _negated in rule.depends_on()]
        for index, defeat in enumerate(defeats):
            path = f"defeats[{index}]"
            self.check_source_refs(defeat.sources, file, f"{path}.sources")
            known = check_rule(defeat.winner, f"{path}.winner") & check_rule(defeat.loser, f"{path}.loser")
            if defeat.winner == defeat.loser:
                self.problem(file, path, "a conclusion cannot defeat itself")
            elif known:
                edges.append((defeat.winner, defeat.loser))
        cycle = _cycle(edges) if defeats else None
        if cycle:
            self.problem(file, "defeats", f"defeats and chaining form a cycle ({cycle}): a conclusion would set"
                                          " aside what it rests on, or itself")


def _cycle(edges):
    """A cycle of the directed graph of ``edges``, as ``a -> b -> a``, or None if there is none.

    The standard library's topological sorter, so that checking a knowledge
    base (on a cold cache) need not import networkx.

    Examples
    --------
    >>> _cycle([("a", "b"), ("b", "c"), ("c", "a")])
    'a -> b -> c -> a'
    >>> _cycle([("a", "b")]) is None
    True
    """
    graph = {}
    for before, after in edges:
        graph.setdefault(before, [])
        graph.setdefault(after, []).append(before)
    try:
        graphlib.TopologicalSorter(graph).prepare()
    except graphlib.CycleError as error:
        return " -> ".join(error.args[1])
    return None
