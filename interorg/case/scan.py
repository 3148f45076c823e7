"""The answers to the scan of the sixteen success factors (BINT, "Zestien succesfactoren")."""

from typing import Literal

import attrs

from ._types import ID_META

__all__ = ["FACTORS", "PERSPECTIVES", "STATEMENTS", "Respondent", "Scan"]

#: The four perspectives (invalshoeken), in the source's order.
PERSPECTIVES = ("motivation", "organisation", "interaction", "realisation")

#: The sixteen success factors, in the source's order, with their perspective.
#: Their names in English and Dutch are in the vocabulary (fact ``scan_factor``).
FACTORS = {
    "felt_urgency": "motivation",
    "shared_ambition": "motivation",
    "directional_goals": "motivation",
    "mutual_dependence": "motivation",
    "strategy": "organisation",
    "structure": "organisation",
    "resources": "organisation",
    "parent_commitment": "organisation",
    "interests_spoken": "interaction",
    "valued_differences": "interaction",
    "equality": "interaction",
    "strong_team": "interaction",
    "monitoring": "realisation",
    "adaptive_capacity": "realisation",
    "meaningful_results": "realisation",
    "added_value": "realisation",
}

#: The ids of the statements, two per factor: ``felt_urgency_1``, ``felt_urgency_2``, ...
#: Their texts are in ``knowledge/scan.yaml``.
STATEMENTS = tuple(f"{factor}_{number}" for factor in FACTORS for number in (1, 2))

Statement = Literal[STATEMENTS]

#: The lowest and highest answer: 1 (strongly disagree) to 5 (strongly agree).
ANSWER_RANGE = {"min": 1, "max": 5}


@attrs.frozen
class Respondent:
    """One person who answered the scan, on behalf of one partner.

    Attributes
    ----------
    id : str
        Unique within the scan: initials, a number, a role.
    partner : str
        The id of the partner the respondent belongs to.
    answers : dict of str to int or None
        Statement id to answer, from 1 (strongly disagree, helemaal oneens) to
        5 (strongly agree, helemaal eens).  None (``null`` in a file) means
        the respondent skipped the statement; a statement left out has not
        been asked yet.
    note : str, optional
        Free text, kept with the case.

    Examples
    --------
    >>> Respondent("r1", "eersel", {"felt_urgency_1": 4}).answers["felt_urgency_1"]
    4
    """

    id: str = attrs.field(metadata=ID_META)
    partner: str = attrs.field(metadata=ID_META)
    answers: dict[Statement, int | None] = attrs.field(factory=dict, metadata=ANSWER_RANGE)
    note: str | None = None


@attrs.frozen
class Scan:
    """The scan of the sixteen success factors for an equal collaboration.

    BINT de verbindingsdienst distinguishes sixteen factors in four
    perspectives (motivatie, organisatie, interactie, realisatie) and
    translates each into two statements, "om dit kijkglas ook als scan in te
    kunnen zetten".  The source does not give the statements; interorg's
    (``knowledge/scan.yaml``) are written by the project.  Several
    respondents of each partner answer them; ``interorg scan CASE`` asks them
    in the terminal.

    Attributes
    ----------
    respondents : tuple of Respondent
        Each id once.
    """

    respondents: tuple[Respondent, ...] = attrs.field(default=(), converter=tuple)
