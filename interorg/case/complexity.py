"""Sources of complexity (Gomes-Casseres) and tensions of collaborating (Common Eye workbook)."""

from typing import Literal

import attrs

__all__ = ["Complexity", "ComplexityFactor", "Tension"]


@attrs.frozen
class ComplexityFactor:
    """A source of complexity the collaboration shows (naar Gomes-Casseres).

    Attributes
    ----------
    factor : {'unclear_power_centre', 'interdependence', 'new_reality', 'heterogeneity', 'context'}
        Onduidelijk machtscentrum, interdependentie, nieuwe werkelijkheid,
        heterogeniteit or context.
    note : str, optional
        What was observed.
    """

    factor: Literal["unclear_power_centre", "interdependence", "new_reality", "heterogeneity", "context"]
    note: str | None = None


@attrs.frozen
class Tension:
    """A tension of collaborating the partners feel ('samenwerken is niet vanzelfsprekend').

    Attributes
    ----------
    tension : str
        ``slow_decision_making`` (trage besluitvorming), ``trust``
        (vertrouwen), ``giving_up_autonomy`` (opgeven deel autonomie),
        ``own_control`` (eigen controle), ``sharing`` (delen), ``domains``
        (domeinen), ``giving_away_knowledge`` (kennis weggeven) or
        ``alignment``.
    note : str, optional
        What was observed.
    """

    tension: Literal["slow_decision_making", "trust", "giving_up_autonomy", "own_control",
                     "sharing", "domains", "giving_away_knowledge", "alignment"]
    note: str | None = None


@attrs.frozen
class Complexity:
    """What makes this collaboration complex (complexiteit in samenwerkingsrelaties).

    Attributes
    ----------
    factors : tuple of ComplexityFactor
        The sources of complexity observed, each once.
    tensions : tuple of Tension
        The tensions of collaborating observed, each once.
    """

    factors: tuple[ComplexityFactor, ...] = attrs.field(default=(), converter=tuple)
    tensions: tuple[Tension, ...] = attrs.field(default=(), converter=tuple)
