"""The logic of hierarchy and the logic of the network (De Bruijn & Ten Heuvelhof)."""

from typing import Literal

import attrs

__all__ = ["Logic", "NetworkLogic"]

#: By which logic an aspect of the collaboration is handled.
Logic = Literal["hierarchy", "network"]


@attrs.frozen
class NetworkLogic:
    """How the collaboration is run: by the logic of hierarchy or of the network.

    The workbook sets the two logics side by side (logica van hiërarchie,
    logica van netwerk, after De Bruijn & Ten Heuvelhof).  Say whether one
    party can decide, and for each aspect which logic the partners in fact
    follow.

    Attributes
    ----------
    one_party_decides : bool, optional
        Can one party decide (een partij kan bepalen)?  False when the
        partners depend on and influence each other (wederzijdse
        afhankelijkheid en beïnvloeding).
    problem : {'hierarchy', 'network'}, optional
        Treated as a given problem (er is een probleem) or as a perception
        of it (er is een probleemperceptie).
    goal : {'hierarchy', 'network'}, optional
        The goal as a reference point (referentiepunt) or as a snapshot
        (momentopname).
    information : {'hierarchy', 'network'}, optional
        Information as robust and intersubjective, or as negotiated
        knowledge.
    decision : {'hierarchy', 'network'}, optional
        The decision as following from problem, goal and information, or
        as one round after which a next round brings new chances.
    implementation : {'hierarchy', 'network'}, optional
        Implementation with problem and goal given, or alert to new chances.
    norm : {'hierarchy', 'network'}, optional
        The norm of success: the leading party's goals realised
        (doelrealisatie leidende partij), or the effect achieved and tolerance
        (gesorteerd effect en tolerantie).
    """

    one_party_decides: bool | None = None
    problem: Logic | None = None
    goal: Logic | None = None
    information: Logic | None = None
    decision: Logic | None = None
    implementation: Logic | None = None
    norm: Logic | None = None
