"""The case: what a user knows about one collaboration.

Every section is optional.  A case built in Python uses these frozen attrs
classes directly; a case file (YAML or JSON) has the same shape, and
:func:`interorg.load_case` turns it into them, reporting every problem with
its path.  The Dutch terms of the sources are given next to each field.
"""

import re
from typing import Literal

import attrs

__all__ = [
    "Care",
    "Case",
    "Coordination",
    "CoordinationElement",
    "Partner",
    "Relationship",
    "StatedReason",
]

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
_ID_META = {"pattern": _ID, "pattern_hint": "an id of letters, digits, '_', '.' or '-'"}

Check = Literal["yes", "partly", "no"]
Level = Literal["high", "low"]


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

    id: str = attrs.field(metadata=_ID_META)
    name: str | None = None
    kind: Literal["municipality", "care_provider", "other"] | None = None
    description: str | None = None


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


@attrs.frozen
class StatedReason:
    """A reason the partners give for collaborating (reden om samen te werken).

    Attributes
    ----------
    reason : {'power', 'uncertainty', 'legitimacy', 'efficiency', 'effectiveness'}
        Versterken van eigen machtspositie, reduceren van onzekerheid,
        legitimiteitsoverwegingen, efficiëntieoverwegingen or
        effectiviteitsoverwegingen (Kenis).
    cost_benefit_analysis : bool, optional
        Is the reason backed by a cost-benefit analysis (kosten-batenanalyse)?
    note : str, optional
        How the partners put it, in their own words.
    """

    reason: Literal["power", "uncertainty", "legitimacy", "efficiency", "effectiveness"]
    cost_benefit_analysis: bool | None = None
    note: str | None = None


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
    """

    resources: CoordinationElement | None = None
    providers: CoordinationElement | None = None
    clients: CoordinationElement | None = None
    internal_information: Check | None = None
    external_information: Check | None = None


@attrs.frozen
class Relationship:
    """The relationship between two partners, as far as the user knows it (relatie).

    Everything but ``between`` is optional: give the levels of trust and
    vigilance if you know them, the signals behind them if you see them, or
    both (the rules then check that they agree).  A signal is ``True`` when
    it is seen, ``False`` when it is seen *not* to be there, and left out
    when unknown.  After the Common Eye workbook *Leren samenwerken tussen
    organisaties* (trust × vigilance after Lewicki; opportunism after Wathne
    & Heide; the trust paradox and split loyalties after Krackhardt).

    Attributes
    ----------
    between : tuple of two str
        The ids of the two partners (see :class:`Partner`), in any order; the
        relationship's id is ``'a~b'`` in the order given.  A pair may be
        described once.
    trust : {'high', 'low'}, optional
        Persoonlijk vertrouwen: how much personal trust there is.
    vigilance : {'high', 'low'}, optional
        Waakzaamheid in de relatie: how vigilant the partners are of each
        other.
    self_awareness, sincere_interest, transparency, reliability : bool, optional
        The four trust-building elements (vertrouwen bouwen): zelfbewustzijn,
        oprechte interesse in de belangen (van de ander), transparantie,
        betrouwbaar.  ``transparency=False`` is also the opportunism trigger
        lack of transparency (gebrek aan transparantie).
    fear, scepticism, cynicism, need_for_control : bool, optional
        Signs of high vigilance: angst, scepsis, cynisme, behoefte aan
        controle.  All four seen to be absent is the sign of low vigilance
        (geen angst, geen scepsis, geen cynisme, op afstand).
    information_asymmetry : bool, optional
        Informatie-asymmetrie: one partner knows much more than the other
        about what matters in the relationship.
    lock_in : {'none', 'specific_investments', 'single_partner', 'both'}, optional
        Lock-in situatie: a partner has made investments that are worth
        little outside this relationship, depends on this one partner, both,
        or neither.
    contact : {'high', 'low'}, optional
        How much time, interaction and personal contact (tijd, interactie en
        affectie) the relationship gets.
    answers_to_both_sides : bool, optional
        Do people in the relationship answer to both sides, for example a
        director who sits on the board of the collaboration and leads one of
        its partners (gespleten of dubbele loyaliteiten)?
    note : str, optional
        Free text, kept with the case.

    Examples
    --------
    >>> Relationship(between=("eersel", "ggz"), trust="high", fear=True).vigilance is None
    True
    """

    between: tuple[str, ...] = attrs.field(converter=tuple)
    trust: Level | None = None
    vigilance: Level | None = None
    self_awareness: bool | None = None
    sincere_interest: bool | None = None
    transparency: bool | None = None
    reliability: bool | None = None
    fear: bool | None = None
    scepticism: bool | None = None
    cynicism: bool | None = None
    need_for_control: bool | None = None
    information_asymmetry: bool | None = None
    lock_in: Literal["none", "specific_investments", "single_partner", "both"] | None = None
    contact: Level | None = None
    answers_to_both_sides: bool | None = None
    note: str | None = None

    @property
    def id(self):
        """``'a~b'``: the two partner ids in the order given."""
        return "~".join(self.between)


@attrs.frozen
class Case:
    """One collaboration (samenwerkingsverband), as far as the user knows it.

    Attributes
    ----------
    name : str, optional
        What the collaboration is called.
    description : str, optional
        Free text.
    partners : tuple of Partner
        The organisations taking part; ids must be unique.
    care : Care, optional
        The care context (Kenis's quadrants and conclusions).
    reasons : tuple of StatedReason
        The reasons the partners give for collaborating.
    coordination : Coordination, optional
        The coordination checks of a multi-organisation network.
    relationships : tuple of Relationship
        The relationships between pairs of partners (trust, vigilance,
        opportunism); each pair once, between partners listed in
        ``partners``.

    Examples
    --------
    >>> from interorg import Case, Care
    >>> Case(name="Jeugdhulp", care=Care(demand="complex", supply_in_municipality=False)).care.demand
    'complex'
    """

    name: str | None = None
    description: str | None = None
    partners: tuple[Partner, ...] = attrs.field(default=(), converter=tuple)
    care: Care | None = None
    reasons: tuple[StatedReason, ...] = attrs.field(default=(), converter=tuple)
    coordination: Coordination | None = None
    relationships: tuple[Relationship, ...] = attrs.field(default=(), converter=tuple)
