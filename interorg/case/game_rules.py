"""The rules of the game in a network and observed breaches (De Bruijn & Ten Heuvelhof)."""

from typing import Literal

import attrs

from ._types import ID_META

__all__ = ["GameRule", "GameRuleBreach", "GameRules"]

#: A rule of the game in a network (spelregels in een netwerk).
GameRule = Literal[
    "no_display_of_power",        # macht wordt niet geëtaleerd
    "no_open_enjoyment_of_gains",  # winst mag niet openlijk worden genoten
    "substantive_justification",  # resultaten moeten inhoudelijk worden gerechtvaardigd
    "one_board_at_a_time",        # niet op twee borden tegelijk schaken
    "no_change_of_rules",         # geen tussentijdse wijziging van de spelregels
    "extra_mile",                 # bereidheid om een extra mijl te gaan
    "give_and_take",              # voor wat hoort wat
    "proportionality",            # proportionaliteit van acties en reacties
    "respect_core_values",        # geen aantasting van kernwaarden van leden van de groep
    "loyalty_to_decisions",       # loyaliteit aan de besluitvorming
]


@attrs.frozen
class GameRuleBreach:
    """An observed breach of a rule of the game.

    Attributes
    ----------
    rule : str
        The rule broken: ``no_display_of_power`` (macht wordt niet
        geëtaleerd), ``no_open_enjoyment_of_gains`` (winst mag niet
        openlijk worden genoten), ``substantive_justification`` (resultaten
        moeten inhoudelijk worden gerechtvaardigd), ``one_board_at_a_time``
        (niet op twee borden tegelijk schaken), ``no_change_of_rules`` (geen
        tussentijdse wijziging van de spelregels), ``extra_mile``
        (bereidheid om een extra mijl te gaan), ``give_and_take`` (voor wat
        hoort wat), ``proportionality`` (proportionaliteit van acties en
        reacties), ``respect_core_values`` (geen aantasting van kernwaarden
        van leden van de groep) or ``loyalty_to_decisions`` (loyaliteit aan
        de besluitvorming).
    by : str, optional
        The partner that broke it (its id, as in ``partners``).
    note : str, optional
        What happened.
    """

    rule: GameRule
    by: str | None = attrs.field(default=None, metadata=ID_META)
    note: str | None = None


@attrs.frozen
class GameRules:
    """The rules of the game of the collaboration (spelregels).

    Attributes
    ----------
    agreed : bool, optional
        Have the partners made their rules of the game explicit
        (spelregels geëxpliciteerd)?
    breaches : tuple of GameRuleBreach
        The breaches observed.
    """

    agreed: bool | None = None
    breaches: tuple[GameRuleBreach, ...] = attrs.field(default=(), converter=tuple)
