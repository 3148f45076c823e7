"""The partners of a collaboration."""

from typing import Literal

import attrs

from ._types import ID_META

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
    """

    id: str = attrs.field(metadata=ID_META)
    name: str | None = None
    kind: Literal["municipality", "care_provider", "other"] | None = None
    description: str | None = None
