"""What ``plan.yaml`` declares, and its checks: the groups of the action plan, and the warnings it lists on their own.

The action plan (:mod:`.counsel`) lists each recommendation that is advice,
and each urgent warning that no recommendation answers, as an action.  A
group of ``plan.yaml`` gives several of them one action and one title; an
urgent warning in no group is an action of its own, titled by its rule's
``action`` (what to do about it, in the imperative), so that the plan reads
as a list of things to do.  Which warnings are urgent is declared in
``plan.yaml`` too (``urgent``), and checked here when the knowledge is
loaded: such a warning needs an ``action``, and no other rule takes one.
"""

from typing import Literal

import attrs

from ..engine.loading import duplicates
from .instruments import ActionGroup

__all__ = ["PlanFile", "Urgent", "check_plan"]


@attrs.frozen
class Urgent:
    """The warnings the plan lists as actions of their own where no recommendation answers them.

    Attributes
    ----------
    priorities : tuple of str
        The priorities of such a warning (``critical`` and ``high``).
    answered_by_diagnosis : tuple of str
        The models whose warnings the diagnosis answers with its
        interventions (the suspicion of an archetypical problem): never an
        action of their own.
    """

    priorities: tuple[Literal["critical", "high", "medium", "low"], ...] = attrs.field(metadata={"min_length": 1})
    answered_by_diagnosis: tuple[str, ...]

    def lists(self, kind, priority, model):
        """Whether a conclusion of this kind, priority and model is an urgent warning, an action if unanswered.

        Examples
        --------
        >>> urgent = Urgent(("critical", "high"), ("diagnosis.archetypes",))
        >>> urgent.lists("warning", "high", "trust.building"), urgent.lists("warning", "high", "diagnosis.archetypes")
        (True, False)
        """
        return kind == "warning" and priority in self.priorities and model not in self.answered_by_diagnosis


@attrs.frozen
class PlanFile:
    """``plan.yaml`` as read: which warnings are urgent, and the groups of the plan."""

    about: str
    urgent: Urgent
    actions: tuple[ActionGroup, ...]


def check_plan(record, checker, file):
    """The groups name recommendations or warnings that exist, and each urgent warning in none has its ``action``."""
    _check_actions(record, checker, file)
    for index, model in enumerate(record.urgent.answered_by_diagnosis):
        if "models" in checker.complete and model not in {m.id for m in checker.models}:
            checker.problem(file, f"urgent.answered_by_diagnosis[{index}]",
                            f"unknown model '{model}'; add it to models.yaml")
    _check_action_titles(record, checker)


def _check_actions(record, checker, file):
    """Every action groups recommendations (or urgent warnings) that exist, one kind each, a rule in one action."""
    duplicates(record.actions, "action", file, checker.problems, "actions")
    first = {}
    for index, action in enumerate(record.actions):
        kinds = set()
        for number, rule_id in enumerate(action.rules):
            path = f"actions[{index}].rules[{number}]"
            rule = checker.rules.get(rule_id)
            if rule is None:
                checker.known_rule(rule_id, file, path)
            elif rule.kind not in ("recommendation", "warning"):
                checker.problem(file, path, f"rule '{rule_id}' is a {rule.kind}; an action groups recommendations"
                                            " or warnings")
            else:
                kinds.add(rule.kind)
            if rule_id in first:
                checker.problem(file, path, f"rule '{rule_id}' is already in action '{first[rule_id]}'")
            first.setdefault(rule_id, action.id)
        if len(kinds) > 1:
            checker.problem(file, f"actions[{index}].rules", "an action groups recommendations or warnings, not both")


def _check_action_titles(record, checker):
    """An urgent warning in no group has an ``action``; a rule the plan does not list on its own has none.

    Without it the plan would have to make a title of the warning's own
    ("Address the warning ..."), which says what is wrong, not what to do.
    The problem is said at the rule, where the ``action`` is written: a
    rule that takes its wording through ``like`` from a rule that lacks it
    too would take the action written there, so the problem is said once,
    at that rule, naming the rules that share it.
    """
    urgent = record.urgent
    group_of = {rule_id: action.id for action in record.actions for rule_id in action.rules}
    wanted = ", ".join(urgent.priorities)
    lacking = {rule.id for rule in checker.rules.values() if rule.action is None and rule.id not in group_of
               and urgent.lists(rule.kind, rule.priority, rule.model)}
    sharing = {}  # a rule lacking it, and the rules that take their wording from it and lack it too, in order
    for rule_id in checker.rules:
        if rule_id in lacking and checker.likes.get(rule_id) in lacking:
            sharing.setdefault(checker.likes[rule_id], []).append(rule_id)
    for rule in checker.rules.values():
        listed = urgent.lists(rule.kind, rule.priority, rule.model)
        if rule.id in lacking and checker.likes.get(rule.id) not in lacking:
            needed = (f"rule '{rule.id}' is a {rule.priority} warning in no action of plan.yaml, so the plan lists it"
                      " on its own: it needs an 'action', the title of that action, in the imperative")
            copies = sharing.get(rule.id)
            checker.problem(rule.file, _path(checker, rule), needed if not copies else
                            f"{needed}; the rules that take its wording through 'like' would take it from here"
                            f" too: {', '.join(copies)}")
        elif rule.id in lacking:  # said at the rule it takes its wording from
            continue
        elif rule.action is not None and rule.kind != "warning":
            checker.problem(rule.file, _path(checker, rule, ".action"),
                            f"rule '{rule.id}' is a {rule.kind}: only a warning the plan lists on its own takes"
                            " an 'action'")
        elif rule.action is not None and rule.id in group_of:
            checker.problem(rule.file, _path(checker, rule, ".action"),
                            f"rule '{rule.id}' is in action '{group_of[rule.id]}' of plan.yaml, whose title the plan"
                            " shows: it takes no 'action'")
        elif rule.action is not None and not listed and rule.model in urgent.answered_by_diagnosis:
            checker.problem(rule.file, _path(checker, rule, ".action"),
                            f"rule '{rule.id}' is of model '{rule.model}', whose warnings the diagnosis answers"
                            " (plan.yaml urgent.answered_by_diagnosis): it takes no 'action'")
        elif rule.action is not None and not listed and rule.priority is not None:
            checker.problem(rule.file, _path(checker, rule, ".action"),
                            f"rule '{rule.id}' is a {rule.priority} warning: only a warning of a priority of"
                            f" plan.yaml urgent.priorities ({wanted}) takes an 'action'")


def _path(checker, rule, field=""):
    """The path of ``rule`` in its file (``rules[3]``), and of its ``field``, for a problem said there."""
    document = checker.documents.get(rule.file)
    items = document.data.get("rules") if document is not None and isinstance(document.data, dict) else None
    for index, item in enumerate(items if isinstance(items, list) else ()):
        if isinstance(item, dict) and item.get("id") == rule.id:
            return f"rules[{index}]{field}"
    return f"rules{field}"
