"""Conflicts between conclusions, declared as data and resolved after a run.

Rules are right one by one, but their conclusions can clash.  The knowledge
declares how (``knowledge/conflicts.yaml``):

- a :class:`Defeat` says that a conclusion (the *winner*) sets aside another
  (the *loser*): it ``defeats`` it (says the opposite, with better grounds)
  or ``undercuts`` it (removes a premise the loser relies on, such as stated
  levels that their own signs contradict);
- an :class:`Exclusion` says that the conclusions of a group cannot hold
  together for one subject (the four quadrants of one matrix).

:func:`resolve` applies them to the conclusions of one run.  A defeated
conclusion is not advice; neither is one that rests only on defeated
conclusions.  Two conclusions of one exclusive group about one subject are
an inconsistency of the knowledge base: both are withheld and reported with
their derivations.  Nothing here depends on the order in which rules fired.
"""

import heapq
import re
from typing import Literal

import attrs

from .rulebase import ID_META, SourceRef
from .texts import Text

__all__ = ["Defeat", "Exclusion", "Inconsistency", "Resolution", "SetAside", "resolve", "subject_parts", "subjects_meet"]

_PARTS = re.compile(r"[~>]")


@attrs.frozen
class Exclusion:
    """Conclusions that exclude each other for one subject (without a subject: for the whole case)."""

    id: str = attrs.field(metadata=ID_META)
    title: Text
    rules: tuple[str, ...] = attrs.field(metadata={"min_length": 2})
    basis: Literal["source", "derived"]
    sources: tuple[SourceRef, ...] = attrs.field(metadata={"min_length": 1})
    reason: Text | None = None


@attrs.frozen
class Defeat:
    """A conclusion (``winner``) that sets aside another (``loser``) when both are drawn.

    ``scope`` says which pairs of subjects meet: ``same`` (equal subjects),
    ``overlapping`` (the subjects name a common item: ``a>b`` meets ``b``
    and ``a~b``) or ``any``.  ``reason`` is shown in the winner's
    explanation and beside the loser: why it is set aside.
    """

    id: str = attrs.field(metadata=ID_META)
    winner: str
    loser: str
    relation: Literal["defeats", "undercuts"]
    scope: Literal["same", "overlapping", "any"]
    basis: Literal["source", "derived"]
    sources: tuple[SourceRef, ...] = attrs.field(metadata={"min_length": 1})
    reason: Text


@attrs.frozen
class SetAside:
    """One conclusion set aside: by which conclusion, how, and why (in the advice's language).

    ``relation`` is ``defeats`` or ``undercuts`` (a declared defeat),
    ``rests-on`` (every support of the conclusion uses a conclusion set
    aside, named by ``by``) or ``inconsistent`` (it clashes with ``by`` in
    an exclusive group).
    """

    key: str
    by: str
    relation: str
    rule: str | None
    reason: str


@attrs.frozen
class Inconsistency:
    """Two or more conclusions of one exclusive group about one subject: a fault of the knowledge base."""

    group: str
    title: str
    subject: str | None
    keys: tuple[str, ...]


@attrs.frozen
class Resolution:
    """What :func:`resolve` decided for every conclusion of one run.

    Attributes
    ----------
    set_aside : dict of str to SetAside
        By the key of the conclusion set aside.
    inconsistencies : tuple of Inconsistency
    """

    set_aside: dict
    inconsistencies: tuple

    def is_set_aside(self, key):
        """True when the conclusion with ``key`` is not advice because of a conflict."""
        return key in self.set_aside

    def set_aside_by(self, key):
        """The records of the conclusions that the conclusion with ``key`` set aside directly."""
        return tuple(item for item in self.set_aside.values()
                     if item.by == key and item.relation in ("defeats", "undercuts"))


def subject_parts(subject):
    """The items a subject names: ``'eersel>kempen'`` names ``eersel`` and ``kempen``.

    Examples
    --------
    >>> sorted(subject_parts("eersel>kempen"))
    ['eersel', 'kempen']
    >>> subject_parts(None)
    set()
    """
    return set(_PARTS.split(subject)) if subject is not None else set()


def subjects_meet(scope, a, b):
    """Whether the subjects ``a`` and ``b`` meet under ``scope``.

    Examples
    --------
    >>> subjects_meet("overlapping", "eersel>kempen", "kempen")
    True
    >>> subjects_meet("same", "eersel>kempen", "kempen")
    False
    """
    if scope == "any":
        return True
    if scope == "same":
        return a == b
    return a == b or bool(subject_parts(a) & subject_parts(b))


class _Winners:
    """The conclusions of one winning rule, found by their subject instead of by scanning them all.

    A rule concluded per relationship defeats another one concluded per
    relationship: scanning every winner for every loser was quadratic in
    the size of the network.
    """

    def __init__(self, conclusions):
        self.conclusions = tuple(conclusions)
        self.same, self.by_part = {}, {}
        for index, conclusion in enumerate(self.conclusions):
            self.same.setdefault(conclusion.subject, []).append(index)
            for part in subject_parts(conclusion.subject):
                self.by_part.setdefault(part, []).append(index)

    def meeting(self, scope, subject):
        """The conclusions whose subject meets ``subject`` under ``scope`` (see :func:`subjects_meet`), in order."""
        if scope == "any":
            yield from self.conclusions
            return
        postings = [self.same.get(subject, ())]
        if scope != "same":
            postings += [self.by_part.get(part, ()) for part in sorted(subject_parts(subject))]
        last = None
        for index in heapq.merge(*postings):  # each list is in order: merged lazily, the first that is free wins
            if index != last:
                last = index
                yield self.conclusions[index]


def resolve(conclusions, knowledge, lang="en"):
    """Apply the knowledge's defeats and exclusions to the conclusions of one run.

    Parameters
    ----------
    conclusions : sequence of Conclusion
        In the advice's order.
    knowledge : KnowledgeBase
    lang : {'en', 'nl'}
        The language of the reasons.

    Returns
    -------
    Resolution

    Examples
    --------
    >>> import interorg
    >>> advice = interorg.advise(interorg.example_case())
    >>> result = resolve(advice.conclusions, interorg.load_knowledge())
    >>> result.inconsistencies
    ()
    """
    by_rule = {}
    for conclusion in conclusions:
        by_rule.setdefault(conclusion.id, []).append(conclusion)
    defeats_of = {}
    for defeat in knowledge.defeats:
        defeats_of.setdefault(defeat.loser, []).append(defeat)
    order = knowledge.conflict_order()
    set_aside = {}
    aside_rules = set()  # the rules of the conclusions set aside so far

    def rests_on_set_aside(conclusion):
        # the culprit of the first support, if every support uses a conclusion set aside; the supports
        # are read only as far as the first that uses none (most conclusions: the first, or nothing set aside).
        # An evidence's key is made only where its rule has a conclusion set aside: most have none.
        if not set_aside:
            return None
        culprit = None
        for support in conclusion.explanation.supports:
            found = None
            for evidence in support.evidence:
                if evidence.rule in aside_rules and evidence.type == "conclusion" and evidence.key in set_aside:
                    found = evidence.key
                    break
            if found is None:
                return None
            culprit = culprit or found
        return culprit

    winners = {}

    def settle(conclusion):
        for defeat in defeats_of.get(conclusion.id, ()):
            if defeat.winner not in winners:
                winners[defeat.winner] = _Winners(by_rule.get(defeat.winner, ()))
            for winner in winners[defeat.winner].meeting(defeat.scope, conclusion.subject):
                if winner.key not in set_aside:
                    aside_rules.add(conclusion.id)
                    set_aside[conclusion.key] = SetAside(conclusion.key, winner.key, defeat.relation, defeat.id,
                                                         defeat.reason.get(lang))
                    return
        culprit = rests_on_set_aside(conclusion)
        if culprit is not None:
            aside_rules.add(conclusion.id)
            set_aside[conclusion.key] = SetAside(conclusion.key, culprit, "rests-on", None,
                                                 knowledge.message("rests_on_set_aside", lang))

    ranked = sorted(conclusions, key=lambda c: order[c.id])
    for conclusion in ranked:
        if set_aside or conclusion.id in defeats_of:  # else nothing can set it aside: no call
            settle(conclusion)
    inconsistencies = []
    for group in knowledge.exclusions:
        by_subject = {}
        for rule_id in group.rules:
            for conclusion in by_rule.get(rule_id, ()):
                if conclusion.key not in set_aside:
                    by_subject.setdefault(conclusion.subject, []).append(conclusion.key)
        for subject, keys in by_subject.items():
            if len(keys) > 1:
                inconsistencies.append(Inconsistency(group.id, group.title.get(lang), subject, tuple(keys)))
                aside_rules.update(group.rules)  # more than the rules set aside: a key is looked up all the same
                for key in keys:
                    other = next(k for k in keys if k != key)
                    set_aside[key] = SetAside(key, other, "inconsistent", group.id, group.title.get(lang))
    if inconsistencies:  # what rests on a withheld conclusion is withheld too
        for conclusion in ranked:
            if conclusion.key not in set_aside:
                culprit = rests_on_set_aside(conclusion)
                if culprit is not None:
                    aside_rules.add(conclusion.id)
                    set_aside[conclusion.key] = SetAside(conclusion.key, culprit, "rests-on", None,
                                                         knowledge.message("rests_on_set_aside", lang))
    return Resolution(set_aside, tuple(inconsistencies))
