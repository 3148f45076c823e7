"""The conditions for effective coordination in a multi-organisation network (Kenis 2011)."""

import attrs

from ._types import Check

__all__ = ["Coordination", "CoordinationElement"]


@attrs.frozen
class CoordinationElement:
    """One system element checked on the three coordination aspects.

    Each answer is ``yes``, ``partly`` or ``no``; leave it out when unknown.

    Attributes
    ----------
    completeness : {'yes', 'partly', 'no'}, optional
        Volledigheid.
    task_integration : {'yes', 'partly', 'no'}, optional
        Taakintegratie.
    cooperation : {'yes', 'partly', 'no'}, optional
        Coöperatie.
    """

    completeness: Check | None = None
    task_integration: Check | None = None
    cooperation: Check | None = None


@attrs.frozen
class Coordination:
    """Conditions for effective coordination in a multi-organisation network (Kenis).

    Attributes
    ----------
    resources : CoordinationElement, optional
        A. Beleid/regie/middelen (policy, direction, resources).
    providers : CoordinationElement, optional
        B. Uitvoeringsorganisaties (the providing organisations).
    clients : CoordinationElement, optional
        C. Klanten (clients).
    internal_information : {'yes', 'partly', 'no'}, optional
        D. Interne informatie: does the model generate adequate internal
        information on resources, products and clients?
    external_information : {'yes', 'partly', 'no'}, optional
        E. Externe informatie: do clients know when, where and how to get
        access, and are they convinced of the approach?
    will_to_collaborate : bool, optional
        Do the partners want to work together (een wil om samen te werken)?
    common_approach : bool, optional
        Is there actually a common approach (daadwerkelijk sprake van een
        gemeenschappelijke aanpak)?  Coöperatie asks for both.
    """

    resources: CoordinationElement | None = None
    providers: CoordinationElement | None = None
    clients: CoordinationElement | None = None
    internal_information: Check | None = None
    external_information: Check | None = None
    will_to_collaborate: bool | None = None
    common_approach: bool | None = None
