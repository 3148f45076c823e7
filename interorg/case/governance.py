"""The governance of a network of organisations (Provan & Kenis 2008)."""

from typing import Literal

import attrs

__all__ = ["Governance"]


@attrs.frozen
class Governance:
    """How the network is governed, and the contingencies that favour a mode.

    Provan & Kenis (2008) distinguish three modes of network governance and
    four contingencies that predict which of them is effective.

    Attributes
    ----------
    mode : {'shared', 'lead_organisation', 'nao'}, optional
        The current mode: shared participant governance (gedeelde sturing
        door de deelnemers), a lead organisation (leidende organisatie), or
        a network administrative organisation (NAO, netwerkorganisatie).
    trust : {'high_density', 'moderate_density', 'low_density'}, optional
        How trust is distributed among the participants (spreiding van
        vertrouwen): widely shared, moderately, or low and centred on a few.
    participants : int, optional
        The number of participants.  When left out, the partners listed in
        the case are counted.
    goal_consensus : {'high', 'moderately_high', 'moderately_low', 'low'}, optional
        How far the participants agree on the network's goals
        (overeenstemming over de doelen).
    competencies_need : {'low', 'moderate', 'high'}, optional
        The need for network-level competencies (behoefte aan competenties
        op netwerkniveau), which follows from the network's task.
    """

    mode: Literal["shared", "lead_organisation", "nao"] | None = None
    trust: Literal["high_density", "moderate_density", "low_density"] | None = None
    participants: int | None = None
    goal_consensus: Literal["high", "moderately_high", "moderately_low", "low"] | None = None
    competencies_need: Literal["low", "moderate", "high"] | None = None
