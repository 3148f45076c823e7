"""The reasons partners give for collaborating (Kenis 2011)."""

from typing import Literal

import attrs

__all__ = ["StatedReason"]


@attrs.frozen
class StatedReason:
    """A reason the partners give for collaborating (reden om samen te werken).

    Attributes
    ----------
    reason : {'power', 'uncertainty', 'legitimacy', 'efficiency', 'effectiveness'}
        Versterken van eigen machtspositie, reduceren van onzekerheid,
        legitimiteitsoverwegingen, efficiëntieoverwegingen or
        effectiviteitsoverwegingen (Kenis).
    cost_benefit_analysis : bool, optional
        Is the reason backed by a cost-benefit analysis (kosten-batenanalyse)?
    note : str, optional
        How the partners put it, in their own words.
    """

    reason: Literal["power", "uncertainty", "legitimacy", "efficiency", "effectiveness"]
    cost_benefit_analysis: bool | None = None
    note: str | None = None
