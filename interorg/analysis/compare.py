"""What moved between two assessments of one collaboration: scan factors, quadrants, positions, suspected problems.

Plain comparisons of what two advices hold (their cases, relationship
summaries, diagnoses and the network placements of their conclusions); no
knowledge is added.  Partners, relationships and problems are matched by
their ids, so a partner that joined or left shows with one side empty;
:func:`relatedness` says when the two may not be of one collaboration at all.
"""

import attrs

from .network import partner_graph
from .scan import _band, scan_scores

__all__ = ["FactorChange", "assessment_label", "PositionChange", "ProblemChange", "QuadrantChange", "Relatedness",
           "factor_changes", "position_changes", "problem_changes", "quadrant_changes", "relatedness"]


@attrs.frozen
class FactorChange:
    """One scan factor's score for one partner (None: over all respondents), before and after."""

    factor: str
    partner: str | None
    before: float | None
    after: float | None
    band_before: str | None
    band_after: str | None

    @property
    def change(self):
        """After minus before, rounded to two decimals; None when one side has no score."""
        return None if self.before is None or self.after is None else round(self.after - self.before, 2)


@attrs.frozen
class QuadrantChange:
    """The quadrant rule of one relationship before and after (None: no quadrant, or not there)."""

    relationship: str
    before: str | None
    after: str | None


@attrs.frozen
class PositionChange:
    """A partner's believed position and the rules' placement, before and after."""

    partner: str
    believed_before: str | None
    believed_after: str | None
    placed_before: str | None
    placed_after: str | None


@attrs.frozen
class ProblemChange:
    """An archetypical problem before and after: its level (suspected, worth checking, none) and its evidence.

    ``signs_before`` and ``signs_after`` count the independent signs for it
    (its weighing's ``pieces_for``), ``against_before`` and ``against_after``
    those against it (``pieces_against``); ``net_before`` and ``net_after``
    are its weighing's ``net``: the score for less the score against, as
    every rendering of the diagnosis gives them.
    """

    problem: str
    title: str
    suspected_before: bool
    suspected_after: bool
    net_before: int
    net_after: int
    level_before: str | None = None
    level_after: str | None = None
    signs_before: int = 0
    signs_after: int = 0
    against_before: int = 0
    against_after: int = 0

    @property
    def status(self):
        """``appeared``, ``resolved``, ``still`` (some evidence in both) or None (in neither).

        A problem counts when it is suspected or worth checking: one that was
        worth checking and has no evidence left is resolved too.
        """
        if self.level_after and not self.level_before:
            return "appeared"
        if self.level_before and not self.level_after:
            return "resolved"
        return "still" if self.level_after else None


@attrs.frozen
class Relatedness:
    """Whether two assessments look like one collaboration: the cases' names and the partners they share.

    ``shared`` holds the ids of the partners in both assessments (in the
    earlier one's order), ``partners`` counts the ids in either.
    """

    name_before: str | None
    name_after: str | None
    shared: tuple
    partners: int

    @property
    def names_differ(self):
        """Whether both cases are named and the names differ (case and surrounding spaces aside)."""
        if not self.name_before or not self.name_after:
            return False
        return self.name_before.strip().casefold() != self.name_after.strip().casefold()

    @property
    def few_shared(self):
        """Whether fewer than half of the partners in either assessment are in both.

        A round in which a partner or two joined or left shares most of its
        partners with the one before; two collaborations that merely look
        alike share few, and their moves compare different partners.
        """
        return 2 * len(self.shared) < self.partners

    @property
    def doubtful(self):
        """Whether the two may not be of one collaboration: the names differ, or few partners are shared."""
        return self.names_differ or self.few_shared


def relatedness(old_case, new_case):
    """How far two cases look like two assessments of one collaboration.

    Examples
    --------
    >>> import attrs, interorg
    >>> case = interorg.example_case()
    >>> relatedness(case, attrs.evolve(case, round=2)).doubtful
    False
    >>> other = relatedness(case, attrs.evolve(case, name="Another", partners=case.partners[:2]))
    >>> other.names_differ, len(other.shared), other.partners, other.few_shared
    (True, 2, 6, True)
    """
    before = [partner.id for partner in old_case.partners]
    after = {partner.id for partner in new_case.partners}
    shared = tuple(partner for partner in before if partner in after)
    return Relatedness(old_case.name, new_case.name, shared, len(after.union(before)))


def in_reverse(old_case, new_case):
    """Whether the earlier assessment given is later than the later one: by round, else by date.

    Examples
    --------
    >>> from interorg import Case
    >>> in_reverse(Case(round=2), Case(round=1)), in_reverse(Case(assessed="2026-03-01"), Case())
    (True, False)
    """
    if old_case.round is not None and new_case.round is not None:
        return old_case.round > new_case.round
    return bool(old_case.assessed and new_case.assessed and old_case.assessed > new_case.assessed)


def assessment_label(case, number):
    """What an assessment is called on an axis: its round and date where the case gives them.

    Examples
    --------
    >>> from interorg import Case
    >>> assessment_label(Case(round=2, assessed="2026-09-01"), 1)
    '2 (2026-09-01)'
    >>> assessment_label(Case(), 3)
    '3'
    """
    name = str(case.round) if case.round is not None else str(number)
    return f"{name} ({case.assessed})" if case.assessed else name


def factor_changes(old_case, new_case):
    """Every factor's score over all respondents and per partner, before and after.

    Examples
    --------
    >>> import interorg
    >>> case = interorg.example_case()
    >>> changes = factor_changes(case, case)
    >>> {change.change for change in changes} - {None}
    {0.0}
    """
    old, new = scan_scores(old_case), scan_scores(new_case)
    before = {score.factor: score for score in old}
    partners = list(dict.fromkeys(old.partners + new.partners))
    out = []
    for score in new or old:
        previous = before.get(score.factor) if new else score
        current = score if new else None
        for partner in [None, *partners]:
            def value(found):
                if found is None:
                    return None
                return found.score if partner is None else found.partner_score(partner)
            a, b = value(previous), value(current)
            if a is None and b is None:
                continue
            out.append(FactorChange(score.factor, partner, a, b, a and _band(a), b and _band(b)))
    return tuple(out)


def quadrant_changes(old_summary, new_summary):
    """The quadrant of every relationship in either summary, in the order first met."""
    before = {r.id: r.quadrant for r in old_summary.relationships}
    after = {r.id: r.quadrant for r in new_summary.relationships}
    return tuple(QuadrantChange(rid, before.get(rid), after.get(rid)) for rid in dict.fromkeys([*before, *after]))


def position_changes(old_advice, new_advice):
    """Believed and placed position of every partner in either assessment."""
    def nodes(advice):
        graph = partner_graph(advice.case, advice.conclusions, advice.counsel.set_aside)
        return {node: (data.get("position") or None, data.get("placed") or None)
                for node, data in graph.nodes(data=True)}

    before, after = nodes(old_advice), nodes(new_advice)
    empty = (None, None)
    return tuple(PositionChange(p, before.get(p, empty)[0], after.get(p, empty)[0], before.get(p, empty)[1],
                                after.get(p, empty)[1]) for p in dict.fromkeys([*before, *after]))


def _weighed(result, name):
    """One number of a problem's weighing (``pieces_for``, ``pieces_against``, ``net``); 0 without one."""
    return getattr(result.weighing, name) if result is not None and result.weighing is not None else 0


def problem_changes(old_diagnosis, new_diagnosis):
    """Every archetypical problem, before and after: the ones suspected now first, in their rank."""
    def table(diagnosis):
        return {r.id: r for r in (*diagnosis.suspected, *diagnosis.worth_checking, *diagnosis.not_suspected)}

    before, after = table(old_diagnosis), table(new_diagnosis)
    # suspected now (ranked) first, then those suspected before only, then the rest
    ids = [r.id for r in new_diagnosis.suspected] + [r.id for r in old_diagnosis.suspected] + [*after, *before]
    out = []
    for problem in dict.fromkeys(ids):
        old, new = before.get(problem), after.get(problem)
        title = (new or old).title
        out.append(ProblemChange(problem, title, bool(old and old.suspected), bool(new and new.suspected),
                                 _weighed(old, "net"), _weighed(new, "net"),
                                 old.level if old else None, new.level if new else None,
                                 _weighed(old, "pieces_for"), _weighed(new, "pieces_for"),
                                 _weighed(old, "pieces_against"), _weighed(new, "pieces_against")))
    return tuple(out)
