"""How to move whether the partners disagree on a success factor of the scan: their answers moved apart or together.

A factor's disagreement follows from the partners' scores on it (the
spread between the highest and the lowest, see
:mod:`interorg.analysis.scan`).  To make the partners disagree, the
answers of the partner scoring highest are moved up and those of the
partner scoring lowest down, one step of the scale at a time and in turn;
to make them agree, the other way, the answers furthest out first.  Each
step is scored as the scan scores (:func:`~interorg.analysis.scan.scan_scores`),
and the answers stop moving as soon as the factor's disagreement is the
one wanted.  A skipped statement stays skipped: the respondent did not
answer it.
"""

import attrs

from ..analysis.scan import scan_scores
from ..case.casefile import case_from_dict
from ..errors import CaseError

__all__ = ["disagreement_mover"]

#: The most answers moved one step for one factor: every answer of two partners from one end of the scale to the other.
_STEPS = 80
_LOWEST, _HIGHEST = 1, 5


def disagreement_mover(data, _path, values, wanted):
    """The ways to give the scan factor ``values["id"]`` the disagreement wanted (see :class:`~.derived.Derived`).

    Examples
    --------
    >>> data = {"partners": [{"id": "a"}, {"id": "b"}], "scan": {"respondents": [
    ...     {"id": "r1", "partner": "a", "answers": {"equality_1": 4, "equality_2": 4}},
    ...     {"id": "r2", "partner": "b", "answers": {"equality_1": 3, "equality_2": 3}}]}}
    >>> disagreement_mover(data, "scan", {"id": "equality"}, (True,))
    [[('scan.respondents[0].answers.equality_1', 5)]]
    """
    try:
        case = case_from_dict(data)
    except CaseError:
        return []  # the other changes made a case that is not valid: the editor says why
    if case.scan is None:
        return []
    ways = []
    for goal in (value for value in wanted if isinstance(value, bool)):
        way = _towards(case, values.get("id"), goal)
        if way is not None:
            ways.append(way)
    return ways


def _towards(case, factor, goal):
    """The answers to change for ``factor``'s disagreement to be ``goal``, as (case path, answer); None when none do."""
    statements = (f"{factor}_1", f"{factor}_2")
    respondents = case.scan.respondents
    answers = {index: dict(r.answers) for index, r in enumerate(respondents)}
    for turn in range(_STEPS):
        score = _score(case, answers, factor)
        if score is None or score.spread is None:
            return None  # fewer than two partners answered: they neither agree nor disagree
        if score.disagreement is goal:
            return [(f"scan.respondents[{index}].answers.{statement}", answers[index][statement])
                    for index in sorted(answers) for statement in statements
                    if answers[index].get(statement) != respondents[index].answers.get(statement)]
        low = min(score.by_partner, key=lambda p: p.score).partner
        high = max(score.by_partner, key=lambda p: p.score).partner
        # apart: the highest up and the lowest down; together: the other way; in turn, one step each
        sides = [(high, 1 if goal else -1), (low, -1 if goal else 1)]
        if turn % 2:
            sides.reverse()
        if not any(_step(answers, respondents, statements, partner, direction) for partner, direction in sides):
            return None  # every answer is at the end of the scale already
    return None


def _step(answers, respondents, statements, partner, direction):
    """Move one answer of ``partner``'s respondents one step in ``direction``: the one furthest from where it goes."""
    end = _HIGHEST if direction > 0 else _LOWEST
    movable = [(abs(end - answers[index][statement]), index, statement)
               for index, respondent in enumerate(respondents) if respondent.partner == partner
               for statement in statements
               if isinstance(answers[index].get(statement), int) and answers[index][statement] != end]
    if not movable:
        return False
    _distance, index, statement = max(movable, key=lambda item: (item[0], -item[1], item[2] == statements[0]))
    answers[index][statement] += direction
    return True


def _score(case, answers, factor):
    changed = tuple(attrs.evolve(r, answers=answers[index]) for index, r in enumerate(case.scan.respondents))
    scores = scan_scores(attrs.evolve(case, scan=attrs.evolve(case.scan, respondents=changed)))
    return next((score for score in scores if score.factor == factor), None)
