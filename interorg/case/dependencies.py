"""Dependencies between partners: who needs whom."""

from typing import Literal

import attrs

from ._types import ID_META

__all__ = ["Dependency"]


@attrs.frozen
class Dependency:
    """One partner's dependence on another (afhankelijkheid).

    Dependence is directed: ``partner`` needs ``on``.  Give the reverse
    direction as a dependency of its own; where only one direction is given,
    or the two differ in strength, the network rules look at the balance of
    power between the two.

    Attributes
    ----------
    partner : str
        The id of the dependent partner.
    on : str
        The id of the partner it depends on.
    strength : {'high', 'low'}
        How strongly it depends.
    note : str, optional
        What the dependence is about, in the user's words.
    """

    partner: str = attrs.field(metadata=ID_META)
    on: str = attrs.field(metadata=ID_META)
    strength: Literal["high", "low"]
    note: str | None = None
