"""The care context of a municipal collaboration (Kenis 2011), for the whole case or per municipality."""

from typing import Literal

import attrs

from ._types import ID_META

__all__ = ["Care", "MunicipalCare", "municipality_id"]

#: The type of care demand in Kenis's matrix: standard (one provider) or complex.
Demand = Literal["standard", "complex"]


@attrs.frozen
class MunicipalCare:
    """The care demand and supply in one municipality, for one type of care (Kenis 2011).

    Kenis places the need for municipal collaboration within a municipality
    ("binnen een gemeente"), and with the demand leading each type of care
    demand has its own best region: so a case may give the demand and the
    supply municipality by municipality, and per type of care.

    Attributes
    ----------
    municipality : str
        The municipality: the id or the name of a partner in ``partners``
        (of kind ``municipality``, where its kind is given).
    care_type : str, optional
        The type of care this entry is about (jeugd-ggz, pleegzorg, ...), as
        a short id of your own; give a municipality once per type of care.
    demand : {'standard', 'complex'}, optional
        Type of care demand (type zorgvraag) in this municipality: standard,
        served by one provider, or complex, needing a multi-organisation
        approach.
    supply_in_municipality : bool, optional
        Does the care supply exist within this municipality (zorgaanbod
        bestaande in gemeente)?

    Examples
    --------
    >>> MunicipalCare("eersel", demand="complex", supply_in_municipality=True).demand
    'complex'
    """

    municipality: str
    care_type: str | None = attrs.field(default=None, metadata=ID_META)
    demand: Demand | None = None
    supply_in_municipality: bool | None = None


@attrs.frozen
class Care:
    """The care context of a municipal collaboration (Kenis 2011).

    Attributes
    ----------
    demand : {'standard', 'complex'}, optional
        Type of care demand (type zorgvraag): standard, served by one
        provider, or complex, needing a multi-organisation approach.
    supply_in_municipality : bool, optional
        Does the care supply exist within the municipality (zorgaanbod
        bestaande in gemeente)?  For the whole case; where it differs from
        one municipality to another, give it under ``municipalities``
        instead.
    leading : {'demand', 'supply'}, optional
        What determines how care is organised: the care demand (zorgvraag)
        or the existing supply (zorgaanbod).
    providers_regional : bool, optional
        Are the care providers themselves organised regionally?
    origin : {'bottom_up', 'top_down'}, optional
        How the inter-municipal collaboration came about: grown from below
        (van onderop ontstaan) or imposed from above (van bovenop opgelegd).
    region_basis : {'per_demand_type', 'all_products', 'administrative'}, optional
        How the region was drawn: per type of care demand, so that it holds
        at least one of every necessary product, or along existing
        administrative borders.
    municipalities : tuple of MunicipalCare
        The care demand and supply per municipality (and per type of care):
        each municipality is placed in its own quadrant, and the region is
        advised on from the mix.
    """

    demand: Demand | None = None
    supply_in_municipality: bool | None = None
    leading: Literal["demand", "supply"] | None = None
    providers_regional: bool | None = None
    origin: Literal["bottom_up", "top_down"] | None = None
    region_basis: Literal["per_demand_type", "all_products", "administrative"] | None = None
    municipalities: tuple[MunicipalCare, ...] = attrs.field(default=(), converter=tuple)


def municipality_id(partners, reference):
    """The id of the partner a municipality entry refers to, by id or by name; None if none.

    Parameters
    ----------
    partners : iterable of Partner
    reference : str
        What ``care.municipalities[].municipality`` says.

    Examples
    --------
    >>> from interorg.case.partners import Partner
    >>> partners = [Partner("eersel", name="Gemeente Eersel"), Partner("bladel")]
    >>> municipality_id(partners, "Gemeente Eersel"), municipality_id(partners, "bladel")
    ('eersel', 'bladel')
    >>> municipality_id(partners, "Veldhoven") is None
    True
    """
    partners = tuple(partners)
    for partner in partners:
        if partner.id == reference:
            return partner.id
    return next((partner.id for partner in partners if partner.name == reference), None)
