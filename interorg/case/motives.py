"""The partners' motives for collaborating and where each starts from (Common Eye workbook)."""

from typing import Literal

import attrs

from ._types import ID_META

__all__ = ["MOTIVE_CATEGORIES", "Motive", "PartnerMotives", "StartingPoint"]

#: A motive from the table "Motieven voor samenwerken", by its English id.
Motive = Literal[
    # Marktontwikkeling en -positie
    "joint_marketing", "distribution", "new_markets_and_products", "market_access",
    "protection_from_competition", "chain_binding",
    # Kostenvoordelen
    "economies_of_scale", "investment_barriers", "shared_support_services",
    "production_efficiency", "chain_rationalisation",
    # Kennisontwikkeling
    "joint_innovation", "new_technology", "complementary_competences",
    "learning_skills_and_knowledge", "learning_culture", "patents",
    # Externe druk
    "political_pressure", "legal_obligation", "moral_appeal",
]

#: Where a partner starts: its question (vraagstuk), its solution (oplossing),
#: an opportunity (kans) or a form (vorm).
StartingPoint = Literal["question", "solution", "opportunity", "form"]

#: The category of each motive, as the workbook's table groups them.
MOTIVE_CATEGORIES = {
    **dict.fromkeys(("joint_marketing", "distribution", "new_markets_and_products", "market_access",
                     "protection_from_competition", "chain_binding"), "market"),
    **dict.fromkeys(("economies_of_scale", "investment_barriers", "shared_support_services",
                     "production_efficiency", "chain_rationalisation"), "cost"),
    **dict.fromkeys(("joint_innovation", "new_technology", "complementary_competences",
                     "learning_skills_and_knowledge", "learning_culture", "patents"), "knowledge"),
    **dict.fromkeys(("political_pressure", "legal_obligation", "moral_appeal"), "external_pressure"),
}


@attrs.frozen
class PartnerMotives:
    """Why one partner collaborates and where it starts from (motieven en startpunt).

    Attributes
    ----------
    partner : str
        The partner's id, as in ``partners``.
    motives : tuple of str
        Its motives, from the workbook's table "Motieven voor samenwerken".
        Marktontwikkeling en -positie: ``joint_marketing`` (ontwikkelen van
        gezamenlijke marketingkracht), ``distribution`` (verbeteren en
        vergroten van de distributiekracht), ``new_markets_and_products``
        (ontwikkelen van nieuwe markten en producten), ``market_access``
        (verkrijgen van toegang tot nieuwe markten),
        ``protection_from_competition`` (bescherming tegen concurrentie),
        ``chain_binding`` (binding van afnemers en leveranciers door
        ketenintegratie).  Kostenvoordelen: ``economies_of_scale``
        (schaalvoordelen), ``investment_barriers`` (overwinnen van
        investeringsbelemmeringen), ``shared_support_services``
        (gezamenlijke ondersteunende diensten), ``production_efficiency``
        (efficiency en rationalisatie van de productie),
        ``chain_rationalisation`` (rationalisatie door betere afstemming in
        de keten).  Kennisontwikkeling: ``joint_innovation`` (gezamenlijke
        innovatie), ``new_technology`` (toegang tot nieuwe technologie),
        ``complementary_competences`` (aanvullende competenties van
        partners), ``learning_skills_and_knowledge`` (leren van de
        vaardigheden en kennis van partners), ``learning_culture`` (leren van
        de cultuur van partners), ``patents`` (octrooien).  Externe druk:
        ``political_pressure`` (politieke druk: 'één gezicht' voor de
        burger), ``legal_obligation`` (wettelijke verplichting tot
        samenwerking of consultatie), ``moral_appeal`` (moreel appèl van
        samenleving of politiek).
    starting_point : {'question', 'solution', 'opportunity', 'form'}, optional
        Where the partner starts: it looks for the solution to its question
        (vraagstuk), for the question to its solution (oplossing), or starts
        from an opportunity (kans) or a form (vorm).
    definition : str, optional
        How the partner defines the collaboration, in its own words.
    """

    partner: str = attrs.field(metadata=ID_META)
    motives: tuple[Motive, ...] = attrs.field(default=(), converter=tuple)
    starting_point: StartingPoint | None = None
    definition: str | None = None
