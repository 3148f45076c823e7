"""Scores of the sixteen success factors, computed from the answers of a scan.

Aggregation is arithmetic, not rule logic, so it is done here, once per
case; the rules reason over the result (one ``scan_factor`` fact per factor,
see :mod:`interorg.facts.diagnosis`).  For each factor:

* a respondent's score is the mean of their answers to the factor's two
  statements (a skipped statement does not count; a respondent who skipped
  both is left out);
* the factor's score is the mean over the respondents, and each partner's
  score the mean over its own respondents;
* the band is ``strength`` at :data:`STRENGTH` or more, ``concern`` at
  :data:`CONCERN` or less, ``middle`` in between;
* the spread is the difference between the highest and the lowest partner
  score (with two or more partners), and a spread of :data:`DISAGREEMENT` or
  more is a disagreement between the partners, a signal of its own.

Scores are rounded to two decimals, and bands and disagreement are read from
the rounded numbers, so that what the explanation shows is what was tested.
The thresholds are the project's choice on the source's five-point scale,
not the source's: BINT gives the factors and says each is translated into two
statements, but gives neither the statements nor a way to score them.
"""

from fractions import Fraction

import attrs

from ..case import Case
from ..case.scan import FACTORS

__all__ = ["CONCERN", "DISAGREEMENT", "STRENGTH", "FactorScore", "PartnerScore", "scan_scores"]

#: A factor scoring at least this is a strength: on average the respondents agree (4 on the scale).
STRENGTH = 4.0
#: A factor scoring at most this is a concern: on average closer to disagreeing (2) than to neutral (3).
CONCERN = 2.5
#: Partner scores this far apart or more are a disagreement: one and a half steps of the scale.
DISAGREEMENT = 1.5


@attrs.frozen
class PartnerScore:
    """One partner's score on one factor: the mean over its respondents."""

    partner: str
    score: float
    respondents: int


@attrs.frozen
class FactorScore:
    """The scores of one success factor.

    Attributes
    ----------
    factor : str
        The factor's id (see :data:`interorg.case.scan.FACTORS`).
    perspective : str
        Its perspective: motivation, organisation, interaction or realisation.
    statements : tuple of str
        The ids of its two statements.
    score : float or None
        The mean over the respondents; None when nobody answered.
    band : {'strength', 'middle', 'concern'} or None
    respondents : tuple of int
        The indices, under ``scan.respondents``, of the respondents counted.
    answers : tuple of (str, str, tuple)
        ``(respondent, partner, answers)`` for each respondent counted, the
        answers to the two statements in order (None where skipped or not
        asked).
    by_partner : tuple of PartnerScore
        In the order of the case's partners, for partners with respondents.
    spread : float or None
        Highest minus lowest partner score; None with fewer than two partners.
    disagreement : bool or None
        Whether the spread reaches :data:`DISAGREEMENT`; None without a spread.
    """

    factor: str
    perspective: str
    statements: tuple
    score: float | None
    band: str | None
    respondents: tuple
    answers: tuple
    by_partner: tuple
    spread: float | None
    disagreement: bool | None

    @property
    def path(self):
        """Where the answers behind the score are in the case, as one path.

        ``scan.respondents[0,2].answers.{felt_urgency_1,felt_urgency_2}``:
        the respondents counted (by index) and the factor's statements.
        """
        indices = ",".join(str(index) for index in self.respondents)
        return f"scan.respondents[{indices}].answers.{{{','.join(self.statements)}}}"


def _round(value):
    return round(float(value), 2)


def _band(score):
    if score >= STRENGTH:
        return "strength"
    if score <= CONCERN:
        return "concern"
    return "middle"


def _mean(values):
    return sum(values, Fraction(0)) / len(values)


def scan_scores(case):
    """Return the score of every success factor in ``case``'s scan.

    Parameters
    ----------
    case : Case

    Returns
    -------
    tuple of FactorScore
        All sixteen factors in the source's order (empty without a scan);
        a factor nobody answered has score None.

    Examples
    --------
    >>> from interorg import Case, Partner, Respondent, Scan
    >>> case = Case(partners=[Partner("a"), Partner("b")], scan=Scan([
    ...     Respondent("r1", "a", {"equality_1": 5, "equality_2": 4}),
    ...     Respondent("r2", "b", {"equality_1": 2, "equality_2": 3})]))
    >>> equality = {f.factor: f for f in scan_scores(case)}["equality"]
    >>> equality.score, equality.band, equality.spread, equality.disagreement
    (3.5, 'middle', 2.0, True)
    >>> equality.path
    'scan.respondents[0,1].answers.{equality_1,equality_2}'
    """
    if not isinstance(case, Case):
        raise TypeError(f"expected an interorg.Case; got {type(case).__name__}")
    if case.scan is None:
        return ()
    partner_order = {partner.id: index for index, partner in enumerate(case.partners)}
    out = []
    for factor, perspective in FACTORS.items():
        statements = (f"{factor}_1", f"{factor}_2")
        counted, answers, per_partner = [], [], {}
        for index, respondent in enumerate(case.scan.respondents):
            given = tuple(respondent.answers.get(statement) for statement in statements)
            numbers = [Fraction(answer) for answer in given if answer is not None]
            if not numbers:
                continue
            score = _mean(numbers)
            counted.append((index, score))
            answers.append((respondent.id, respondent.partner, given))
            per_partner.setdefault(respondent.partner, []).append(score)
        if not counted:
            out.append(FactorScore(factor, perspective, statements, None, None, (), (), (), None, None))
            continue
        score = _round(_mean([score for _, score in counted]))
        by_partner = tuple(
            PartnerScore(partner, _round(_mean(scores)), len(scores))
            for partner, scores in sorted(per_partner.items(), key=lambda item: partner_order.get(item[0], 0)))
        spread = disagreement = None
        if len(by_partner) >= 2:
            spread = _round(max(p.score for p in by_partner) - min(p.score for p in by_partner))
            disagreement = spread >= DISAGREEMENT
        out.append(FactorScore(factor, perspective, statements, score, _band(score),
                               tuple(index for index, _ in counted), tuple(answers), by_partner,
                               spread, disagreement))
    return tuple(out)
