"""The care context of a municipal collaboration (Kenis 2011)."""

from typing import Literal

import attrs

__all__ = ["Care"]


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
        bestaande in gemeente)?
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
    """

    demand: Literal["standard", "complex"] | None = None
    supply_in_municipality: bool | None = None
    leading: Literal["demand", "supply"] | None = None
    providers_regional: bool | None = None
    origin: Literal["bottom_up", "top_down"] | None = None
    region_basis: Literal["per_demand_type", "all_products", "administrative"] | None = None
