"""The four boundaries of a collaboration (Hirschhorn & Gilmore)."""

from typing import Literal

import attrs

__all__ = ["Boundaries", "Clarity"]

#: Whether a boundary is settled.
Clarity = Literal["clear", "unclear"]


@attrs.frozen
class Boundaries:
    """The four boundaries, each clear or unclear (Hirschhorn & Gilmore).

    Attributes
    ----------
    authority : {'clear', 'unclear'}, optional
        Authority boundary: "who's in charge of what?"
    task : {'clear', 'unclear'}, optional
        Task boundary: "who does what?"
    political : {'clear', 'unclear'}, optional
        Political boundary: "what's in it for us?"
    identity : {'clear', 'unclear'}, optional
        Identity boundary: "who is – and isn't – 'us'?"
    """

    authority: Clarity | None = None
    task: Clarity | None = None
    political: Clarity | None = None
    identity: Clarity | None = None
