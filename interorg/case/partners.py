"""The partners of a collaboration."""

from typing import Literal

import attrs

from ._types import ID_META
from .fit import Fit
from .positions import Position, PositionCriteria

__all__ = ["Partner"]


@attrs.frozen
class Partner:
    """An organisation taking part in the collaboration (partner, deelnemer).

    Attributes
    ----------
    id : str
        Short, unique reference used elsewhere in the case.
    name : str, optional
        Full name.
    kind : {'municipality', 'care_provider', 'other'}, optional
        Gemeente, zorgaanbieder or another kind of organisation.
    description : str, optional
        Free text, kept with the case and shown in reports.
    position : {'core', 'ring', 'free_space'}, optional
        Where the partners believe this partner stands: strategische kern,
        complementaire ring or vrije ruimte.  The rules place the partner
        from ``criteria`` and the network's structure, and say where that
        contradicts this belief.
    criteria : PositionCriteria, optional
        What is known of the criteria for each position.
    fit : Fit, optional
        The partner's fit over Douma's four dimensions.
    """

    id: str = attrs.field(metadata=ID_META)
    name: str | None = None
    kind: Literal["municipality", "care_provider", "other"] | None = None
    description: str | None = None
    position: Position | None = None
    criteria: PositionCriteria | None = None
    fit: Fit | None = None
