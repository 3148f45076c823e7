"""The inter-organisational arrangement: mechanisms, benefits and challenges.

After the encyclopedia entry "interorganisationeel" (seed document 000).
"""

from typing import Literal

import attrs

__all__ = ["Arrangement", "Challenge"]

Mechanism = Literal["shared_services", "joint_planning", "data_exchange", "interoperable_systems",
                    "coordinated_decisions"]
Structure = Literal["steering_committee", "liaison_roles", "accountability_rules"]
Benefit = Literal["efficiency", "learning", "resource_pooling", "capability_development", "economies_of_scale",
                  "faster_innovation", "risk_sharing", "complementary_access"]


@attrs.frozen
class Arrangement:
    """How the partners work across their boundaries, and what they have in place.

    Each list names each value once.

    Attributes
    ----------
    mechanisms : tuple of str
        The mechanisms the partners use: ``shared_services``,
        ``joint_planning``, ``data_exchange`` (data and knowledge exchange),
        ``interoperable_systems`` and ``coordinated_decisions``
        (coordinated decision-making).
    structures : tuple of str
        The governance structures in place: ``steering_committee``,
        ``liaison_roles`` and ``accountability_rules`` (negotiated rules for
        accountability).
    benefits : tuple of str
        The benefits the partners expect: ``efficiency``, ``learning``,
        ``resource_pooling``, ``capability_development``,
        ``economies_of_scale``, ``faster_innovation``, ``risk_sharing`` and
        ``complementary_access`` (access to complementary capabilities or
        markets).
    clear_objectives : bool, optional
        Are there clear objectives?
    formal_agreements : bool, optional
        Are there formal agreements (memoranda of understanding, contracts)?
    trust_building : bool, optional
        Do the partners work on building trust?
    compatible_systems : bool, optional
        Are the partners' information systems compatible?
    effective_coordination : bool, optional
        Is the coordination between the partners effective?
    """

    mechanisms: tuple[Mechanism, ...] = attrs.field(default=(), converter=tuple)
    structures: tuple[Structure, ...] = attrs.field(default=(), converter=tuple)
    benefits: tuple[Benefit, ...] = attrs.field(default=(), converter=tuple)
    clear_objectives: bool | None = None
    formal_agreements: bool | None = None
    trust_building: bool | None = None
    compatible_systems: bool | None = None
    effective_coordination: bool | None = None


@attrs.frozen
class Challenge:
    """A challenge the partners meet in working together.

    Attributes
    ----------
    challenge : {'incentives', 'trust_culture', 'legal', 'data', 'coordination_costs'}
        Alignment of incentives, trust and cultural differences, legal and
        regulatory constraints, data privacy and interoperability, or the
        coordination costs of managing many actors with varying priorities.
    note : str, optional
        How the partners put it, in their own words.
    """

    challenge: Literal["incentives", "trust_culture", "legal", "data", "coordination_costs"]
    note: str | None = None
