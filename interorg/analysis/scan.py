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
from ..utils.display import escape, frame, html_table

__all__ = ["CONCERN", "DISAGREEMENT", "STRENGTH", "FactorScore", "PartnerScore", "ScanScores", "factor_score",
           "scan_scores"]

#: A factor scoring at least this is a strength: on average the respondents agree (4 on the scale).
STRENGTH = 4.0
#: A factor scoring at most this is a concern: on average closer to disagreeing (2) than to neutral (3).
CONCERN = 2.5
#: Partner scores this far apart or more are a disagreement: one and a half steps of the scale.
DISAGREEMENT = 1.5


@attrs.frozen(repr=False)
class PartnerScore:
    """One partner's score on one factor: the mean over its respondents."""

    def __repr__(self):
        return f"<PartnerScore {self.partner}: {self.score} ({self.respondents} respondents)>"

    partner: str
    score: float
    respondents: int


@attrs.frozen(repr=False)
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
        return f"scan.respondents[{','.join(map(str, self.respondents))}].answers.{{{','.join(self.statements)}}}"

    def partner_score(self, partner):
        """The score of ``partner`` on this factor, or None when none of its respondents answered."""
        return next((p.score for p in self.by_partner if p.partner == partner), None)

    def __repr__(self):
        if self.score is None:
            return f"<FactorScore {self.factor}: not answered>"
        spread = "" if self.spread is None else f", spread {self.spread}"
        flag = ", disagreement" if self.disagreement else ""
        return (f"<FactorScore {self.factor}: {self.score} ({self.band}){spread}{flag},"
                f" {len(self.respondents)} respondents>")

    def _repr_html_(self):
        return ScanScores((self,))._repr_html_()


class ScanScores(tuple):
    """The scores of the sixteen success factors: a tuple of :class:`FactorScore` that shows itself.

    It is a tuple (iterate, index, ``len``, compare with a tuple), with a
    one-line ``repr``, a table for Jupyter and :meth:`to_frame`.

    Examples
    --------
    >>> import interorg
    >>> scores = interorg.scan_scores(interorg.example_case())
    >>> scores
    <ScanScores: 16 factors, 6 partners: 2 strengths, 2 concerns, 4 disagreements>
    >>> scores[0].factor, scores["equality"].band
    ('felt_urgency', 'middle')
    """

    __slots__ = ()

    def __getitem__(self, key):
        """A factor score by position (or slice), or by the factor's id."""
        if isinstance(key, str):
            for score in self:
                if score.factor == key:
                    return score
            raise KeyError(key)
        found = tuple.__getitem__(self, key)
        return ScanScores(found) if isinstance(key, slice) else found

    @property
    def partners(self):
        """The partners with at least one answer, in the case's order."""
        seen = {}
        for score in self:
            for partner in score.by_partner:
                seen.setdefault(partner.partner, None)
        return tuple(seen)

    def _count(self, band=None, disagreement=False):
        return sum(1 for s in self if (s.disagreement if disagreement else s.band == band))

    def __repr__(self):
        if not self:
            return "<ScanScores: no scan>"
        return (f"<ScanScores: {len(self)} factors, {len(self.partners)} partners:"
                f" {self._count('strength')} strengths, {self._count('concern')} concerns,"
                f" {self._count(disagreement=True)} disagreements>")

    def to_frame(self, lang="en"):
        """The scores as a pandas DataFrame: one row per factor, one score column per partner.

        The index is the factor's id; the columns are ``label`` (the
        factor's name in ``lang``), ``perspective``, ``score``, ``band``,
        ``spread``, ``disagreement``, ``respondents`` and one column per
        partner id with that partner's score (NaN where it did not answer).

        Raises
        ------
        MissingDependency
            If pandas is not installed.

        Examples
        --------
        >>> import interorg
        >>> table = interorg.scan_scores(interorg.example_case()).to_frame()
        >>> float(table.loc["equality", "score"]), table.loc["equality", "band"]
        (2.94, 'middle')
        """
        from .labels import factor_label

        partners = self.partners
        records = []
        for s in self:
            record = {"factor": s.factor, "label": factor_label(s.factor, lang), "perspective": s.perspective,
                      "score": s.score, "band": s.band, "spread": s.spread, "disagreement": s.disagreement,
                      "respondents": len(s.respondents)}
            record.update({partner: s.partner_score(partner) for partner in partners})
            records.append(record)
        columns = ["factor", "label", "perspective", "score", "band", "spread", "disagreement", "respondents"]
        return frame(records, columns + list(partners), index="factor")

    def to_dict(self):
        """The scores as JSON-ready data: one dict per factor."""
        return [{**{key: list(value) if isinstance(value, tuple) else value
                    for key, value in attrs.asdict(score, recurse=False).items()
                    if key not in ("by_partner", "answers")},
                 "by_partner": [attrs.asdict(p) for p in score.by_partner]} for score in self]

    def to_html(self, lang="en"):
        """The scores as an HTML table (escaped), the partners' scores coloured by band."""
        from .labels import factor_label, message

        if not self:
            return f"<p>{escape(message('scan_not_answered', lang))}</p>"
        partners = self.partners
        headers = [message(key, lang) for key in ("col_factor", "col_score", "col_band", "col_spread")]
        rows = []
        for s in self:
            cells = [_cell(s.partner_score(partner), lang) for partner in partners]
            band = message(f"band_{s.band}", lang) if s.band else ""
            spread = "" if s.spread is None else _decimal(s.spread, lang) + (" ⚠" if s.disagreement else "")
            rows.append([factor_label(s.factor, lang), _cell(s.score, lang), escape(band), escape(spread), *cells])
        title = escape(message("scan_title", lang))
        return (f"<div class=\"interorg-scan\"><b>{title}</b>"
                + html_table(headers + list(partners), rows, raw=set(range(1, 4 + len(partners))))
                + "</div>")

    def _repr_html_(self):
        return self.to_html()


#: The ids of each factor's two statements.
_STATEMENTS = {factor: (f"{factor}_1", f"{factor}_2") for factor in FACTORS}

#: Background colours of the bands in tables and plots: strength, middle, concern.
BAND_COLOURS = {"strength": "#c6f6d5", "middle": "#fefcbf", "concern": "#fed7d7"}


def _cell(score, lang):
    if score is None:
        return ""
    band = _band(score)
    return f'<span style="background:{BAND_COLOURS[band]};padding:0 4px">{_decimal(score, lang)}</span>'


def _decimal(number, lang):
    """A score with two decimals, as the language writes it: 4.50 in English, 4,50 in Dutch."""
    import babel.numbers

    return babel.numbers.format_decimal(number, format="0.00", locale=lang)


def _round(value):
    return round(float(value), 2)


def _band(score):
    if score >= STRENGTH:
        return "strength"
    if score <= CONCERN:
        return "concern"
    return "middle"


def _exact(answer):
    # a whole answer as it is (the scan's own); any other (a Case built in Python) as an exact Fraction
    return answer if isinstance(answer, int) else Fraction(answer)


def _mean(halves):
    # A respondent's score is the mean of one or two whole answers, so twice it is
    # a whole number, and the mean of such scores is one division of whole numbers,
    # which Python rounds correctly: the float of the exact fraction, without making
    # one.  An answer that is not whole (in a Case built in Python) was made an
    # exact Fraction, and the division keeps it exact.
    return sum(halves) / (2 * len(halves))


def _halves(given):
    """Twice a respondent's score from its two answers (None: skipped); None when both are skipped."""
    first, second = given
    if second is None:
        return None if first is None else 2 * _exact(first)
    return 2 * _exact(second) if first is None else _exact(first) + _exact(second)


def factor_score(answers):
    """The score and band of one factor from its respondents' answers to the factor's two statements.

    The scoring of :func:`scan_scores`, for one factor: why-not uses it to
    find answers that move a factor into a band.

    Parameters
    ----------
    answers : iterable of (int or None, int or None)
        Each respondent's answers to the two statements (None where skipped).

    Returns
    -------
    (float, str) or (None, None)
        The score, rounded to two decimals, and its band; None and None
        when no respondent answered.

    Examples
    --------
    >>> factor_score([(5, 4), (2, None)])
    (3.25, 'middle')
    >>> factor_score([(1, 2), (None, None)]), factor_score([])
    ((1.5, 'concern'), (None, None))
    """
    halves = [h for h in (_halves(tuple(pair)) for pair in answers) if h is not None]
    if not halves:
        return None, None
    score = _round(_mean(halves))
    return score, _band(score)


def scan_scores(case):
    """Return the score of every success factor in ``case``'s scan.

    Parameters
    ----------
    case : Case

    Returns
    -------
    ScanScores
        A tuple of :class:`FactorScore`: all sixteen factors in the source's
        order (empty without a scan); a factor nobody answered has score
        None.  It shows as a table in Jupyter and has ``to_frame()``.

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
        return ScanScores()
    partner_order = {partner.id: index for index, partner in enumerate(case.partners)}
    out = []
    respondents = [(index, r.id, r.partner, r.answers) for index, r in enumerate(case.scan.respondents)]
    # where each respondent's partner sorts, looked up by a bound method rather than a key function per partner
    place = {partner: partner_order.get(partner, 0) for _index, _id, partner, _given in respondents}.__getitem__
    for factor, perspective in FACTORS.items():
        statements = first, second = _STATEMENTS[factor]
        counted, all_halves, answers, per_partner = [], [], [], {}
        for index, respondent, partner, given in respondents:
            one, two = given.get(first), given.get(second)
            # two whole answers (the scan's own) are twice the score as they are; any other pair as _halves says
            halves = one + two if type(one) is int and type(two) is int else _halves((one, two))
            if halves is None:
                continue
            counted.append(index)
            all_halves.append(halves)
            answers.append((respondent, partner, (one, two)))
            per_partner.setdefault(partner, []).append(halves)
        if not counted:
            out.append(FactorScore(factor, perspective, statements, None, None, (), (), (), None, None))
            continue
        # factor_score's arithmetic on the halves counted already, rather than made again from the answers;
        # _round and _mean written out, as they run for every partner of every factor
        score = round(float(sum(all_halves) / (2 * len(all_halves))), 2)
        band = _band(score)
        partners = [(partner, per_partner[partner]) for partner in sorted(per_partner, key=place)]
        partner_scores = [round(float(sum(halves) / (2 * len(halves))), 2) for _partner, halves in partners]
        by_partner = tuple([PartnerScore(partner, partner_score, len(halves))
                            for (partner, halves), partner_score in zip(partners, partner_scores)])
        spread = disagreement = None
        if len(by_partner) >= 2:
            spread = round(float(max(partner_scores) - min(partner_scores)), 2)
            disagreement = spread >= DISAGREEMENT
        out.append(FactorScore(factor, perspective, statements, score, band, tuple(counted), tuple(answers),
                               by_partner, spread, disagreement))
    return ScanScores(out)
