"""Self-organising networks: characteristics and principles (Van Wendel de Joode)."""

from typing import Literal

import attrs

from ._types import Check

__all__ = ["SelfOrganisation", "SelfOrganisationPrinciples"]


@attrs.frozen
class SelfOrganisationPrinciples:
    """The nine principles for creating self-organising networks, each applied yes, partly or no.

    Attributes
    ----------
    meaningful_issue : {'yes', 'partly', 'no'}, optional
        1. Organiseer op basis van een zinvol vraagstuk.
    no_boundaries : {'yes', 'partly', 'no'}, optional
        2. Stel geen grenzen; ze worden bepaald door de waarde die iemand
        toevoegt.
    modularity : {'yes', 'partly', 'no'}, optional
        3. Modulariteit: deel het proces en product op in zinvolle, kleine
        eenheden.
    competing_solutions : {'yes', 'partly', 'no'}, optional
        4. Creëer mogelijkheden voor het maken van concurrerende oplossingen.
    voting_with_feet : {'yes', 'partly', 'no'}, optional
        5. Maak 'stemmen met de voeten' mogelijk.
    social_media : {'yes', 'partly', 'no'}, optional
        6. Maak gebruik van social media voor communicatie.
    reputation_mechanism : {'yes', 'partly', 'no'}, optional
        7. Creëer een reputatiemechanisme waarbij de bijdragen van
        professionals worden beloond.
    lead_by_example : {'yes', 'partly', 'no'}, optional
        8. Stuur niet op het collectief; geef als leider het goede voorbeeld
        en faciliteer.
    minimal_rules : {'yes', 'partly', 'no'}, optional
        9. Stel een minimale set gedragsregels op.
    """

    meaningful_issue: Check | None = None
    no_boundaries: Check | None = None
    modularity: Check | None = None
    competing_solutions: Check | None = None
    voting_with_feet: Check | None = None
    social_media: Check | None = None
    reputation_mechanism: Check | None = None
    lead_by_example: Check | None = None
    minimal_rules: Check | None = None


@attrs.frozen
class SelfOrganisation:
    """Whether the collaboration is, or wants to be, a self-organising network.

    Attributes
    ----------
    status : {'is', 'wants_to_be', 'not'}, optional
        The collaboration is a self-organising network (zelforganiserend
        netwerk), wants to become one, or is not one.
    characteristics : tuple of str
        The characteristics of self-organising networks it shows:
        ``no_hierarchical_steering`` (geen hiërarchische sturing),
        ``no_predefined_course`` (geen vooraf bepaalde, gedeelde koers of
        ambitie), ``emergent_results`` (emergente en onverwachte
        resultaten), ``open_membership`` (niet duidelijk wie erbij hoort en
        wie niet), ``orderly_from_afar`` (in de zwerm lijkt het een chaos;
        van afstand goed georganiseerd), ``spontaneous`` (de netwerken
        ontstaan en verdwijnen spontaan), ``simple_individual_complex_network``
        (op het niveau van het individu simpel, op het niveau van het
        netwerk complex en intelligent).
    principles : SelfOrganisationPrinciples, optional
        How far each of the nine principles is applied.
    """

    status: Literal["is", "wants_to_be", "not"] | None = None
    characteristics: tuple[Literal[
        "no_hierarchical_steering", "no_predefined_course", "emergent_results", "open_membership",
        "orderly_from_afar", "spontaneous", "simple_individual_complex_network",
    ], ...] = attrs.field(default=(), converter=tuple)
    principles: SelfOrganisationPrinciples | None = None
