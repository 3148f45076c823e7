"""The interests at stake and the expected outcome of the negotiation (Common Eye workbook)."""

from typing import Literal

import attrs

from ._types import ID_META

__all__ = ["Interests", "Outcome", "PartnerInterests"]

#: What a partner expects to come out of the negotiation for itself: better
#: off than before (win), a fair share that leaves it no better off (even),
#: or worse off, or far behind the others (lose).
Outcome = Literal["win", "even", "lose"]


@attrs.frozen
class PartnerInterests:
    """The interests of one partner and what it brings and gets (belangen, halen en brengen).

    Attributes
    ----------
    partner : str
        The partner's id, as in ``partners``.
    organisational : str, optional
        Its organisational interests (organisatiebelangen), mostly tied to
        the organisation's goals and core values.
    individual : str, optional
        The individual interests of its people at the table (individuele
        belangen): personal beliefs, drivers and interests.
    brings : str, optional
        What it brings to the collaboration (brengen).
    gets : str, optional
        What it gets from it (halen).
    outcome : {'win', 'even', 'lose'}, optional
        The outcome it expects of the negotiation: better off than before
        (winst), a fair share but no better off (compromis), or worse off or
        far behind the others (verlies).
    """

    partner: str = attrs.field(metadata=ID_META)
    organisational: str | None = None
    individual: str | None = None
    brings: str | None = None
    gets: str | None = None
    outcome: Outcome | None = None


@attrs.frozen
class Interests:
    """The interests at stake in the collaboration (soorten belangen).

    Attributes
    ----------
    shared_ambition : str, optional
        The ambition the partners share (gedeelde ambitie).
    collective : tuple of str
        The collective interests at play in this situation (collectieve
        belangen).
    partners : tuple of PartnerInterests
        Per partner: its interests, what it brings and gets, and the outcome
        it expects; each partner once.
    """

    shared_ambition: str | None = None
    collective: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    partners: tuple[PartnerInterests, ...] = attrs.field(default=(), converter=tuple)
