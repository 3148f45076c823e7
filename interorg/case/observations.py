"""What the user has seen in the collaboration: turnover of people, a history of conflict, ..."""

from typing import Literal

import attrs

__all__ = ["Observation"]


@attrs.frozen
class Observation:
    """Something the user has observed in the collaboration (waarneming).

    The archetypical collaboration problems of the Common Eye workbook are
    suspected from the scan, the relationships, the network, the stated
    reasons and the phase, and from what a user sees directly.  Each kind is
    given once; ``seen: false`` says it was looked for and is not there, which
    counts against the problem it would point to.

    Attributes
    ----------
    observation : str
        ``staff_turnover``: key people change often (personele wisselingen);
        ``conflict_history``: the partners have a history of conflict
        (historisch wantrouwen); ``stereotyping``: partners speak of each
        other in stereotypes, us against them (vijandbeeld);
        ``fading_ambition``: the original ambition has lost its appeal (het
        wenkend perspectief verwatert); ``symbolic_participation``: partners
        take part in name only, without people, money or decisions;
        ``decisions_not_implemented``: what is decided is not carried out;
        ``unclear_roles``: it is unclear who does what; ``constituency_resistance``:
        the rank and file (achterban) does not back what its representatives
        agreed; ``culture_clash``: ways of working and cultures clash;
        ``power_games``: power is used behind the scenes (vetoes, decisions
        reopened, informal pressure); ``closed_to_reflection``: the partners
        are not open to (joint) self-reflection, the condition of reflective
        intervention.
    seen : bool
        True (the default) when it is seen, False when it was looked for and
        is not there.
    note : str, optional
        What was seen, in the user's words.

    Examples
    --------
    >>> Observation("staff_turnover", note="Drie projectleiders in twee jaar").seen
    True
    """

    observation: Literal[
        "staff_turnover", "conflict_history", "stereotyping", "fading_ambition", "symbolic_participation",
        "decisions_not_implemented", "unclear_roles", "constituency_resistance", "culture_clash", "power_games",
        "closed_to_reflection",
    ]
    seen: bool = True
    note: str | None = None
