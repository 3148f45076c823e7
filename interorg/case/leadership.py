"""Who leads the collaboration and their collaborator signatures (De Jong)."""

from typing import Literal

import attrs

from ._types import ID_META

__all__ = ["Leader", "Signature"]

#: A collaborator signature (De Jong, Twynstra Guddé).
Signature = Literal["relationship_builder", "designer", "champion", "shaper", "negotiator"]


@attrs.frozen
class Leader:
    """A person who leads the collaboration, with the signatures they show.

    Attributes
    ----------
    name : str
        Who it is (a name or a role); unique among the leaders.
    partner : str, optional
        The partner they come from (its id, as in ``partners``).
    role : str, optional
        Their role in the collaboration.
    signatures : tuple of str
        The collaborator signatures they show (De Jong):
        ``relationship_builder`` (de betrokken relatiebouwer), ``designer``
        (de grondige ontwerper), ``champion`` (de gedreven voorvechter),
        ``shaper`` (de vindingrijke vormer), ``negotiator`` (de
        gezaghebbende onderhandelaar).
    """

    name: str
    partner: str | None = attrs.field(default=None, metadata=ID_META)
    role: str | None = None
    signatures: tuple[Signature, ...] = attrs.field(default=(), converter=tuple)
