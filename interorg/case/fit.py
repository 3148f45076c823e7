"""A partner's fit with the collaboration over Douma's four dimensions."""

from typing import Literal

import attrs

__all__ = ["Fit"]

Strength = Literal["strong", "moderate", "weak"]

#: Douma's criteria per dimension, as ids (the workbook's Dutch terms are quoted in the rules of network.fit).
CRITERIA = {
    "strategic": (
        "shared_vision", "strategic_importance", "commitment", "compatible_goals", "resource_dependence",
        "added_value_for_partners", "government_relations", "strategic_position", "local_identity",
        "status_reputation", "unique_skills", "relational_history", "international_experience",
        "complementary_contribution", "strategy_and_resources", "motivation",
    ),
    "cultural": ("presence_of_trust", "reliability", "shared_values_and_norms", "willingness_to_share_knowledge",
                 "cultural_value_orientation"),
    "organisational": (
        "relative_size", "organisation_structure", "relative_bargaining_power", "quality_of_management",
        "collaboration_track_record", "management_skills", "organisational_skills", "complementary_skills",
        "marketing_skills", "alliance_skills",
    ),
    "operational": (
        "development_speed", "alliance_implementation_costs", "financial_resources", "financial_stability",
        "economic_performance", "security_of_property_rights", "production_resources", "customer_service",
        "rd_technical_resources", "marketing_resources", "marketing_and_distribution", "delivery_quality",
        "sales_force", "market_access", "customer_references", "technology_control",
    ),
}

Criterion = Literal[tuple(name for names in CRITERIA.values() for name in names)]


@attrs.frozen
class Fit:
    """How well a partner fits, after Douma (1997) *Strategic Alliances: Fit or Failure?*

    Give each dimension as ``strong``, ``moderate`` or ``weak`` where you can
    judge it, and name the criteria behind a weak judgement in ``weak_criteria``
    (see :data:`CRITERIA` for their ids, per dimension).

    Attributes
    ----------
    strategic : {'strong', 'moderate', 'weak'}, optional
        Strategische fit (shared vision, strategic importance, commitment, ...).
    cultural : {'strong', 'moderate', 'weak'}, optional
        Culturele fit (trust, reliability, shared values and norms, ...).
    organisational : {'strong', 'moderate', 'weak'}, optional
        Organisatorische fit (relative size, structure, bargaining power, ...).
    operational : {'strong', 'moderate', 'weak'}, optional
        Operationele fit (development speed, costs, financial resources, ...).
    weak_criteria : tuple of str
        Douma criteria that are weak for this partner, e.g. ``commitment``.
    """

    strategic: Strength | None = None
    cultural: Strength | None = None
    organisational: Strength | None = None
    operational: Strength | None = None
    weak_criteria: tuple[Criterion, ...] = attrs.field(default=(), converter=tuple)
