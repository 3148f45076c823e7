"""Turn a case into the input facts the rules reason over.

Each section of a case gives facts of the types named in
``knowledge/vocabulary/``; each fact remembers the path in the case it
comes from, so an explanation can point back to what the user wrote.
A field the case leaves out is None (unknown), never a guessed default.
"""

import attrs

from ..case import Case
from ..case.care import municipality_id
from ..case.motives import MOTIVE_CATEGORIES
from ..case.self_organisation import SelfOrganisationPrinciples as _PRINCIPLES
from ..engine.facts import InputFact
from .diagnosis import PRODUCERS as diagnosis_producers
from .network import PRODUCERS as network_producers

__all__ = ["case_facts"]


_COORDINATION_ELEMENTS = ("resources", "providers", "clients")
_COORDINATION_ASPECTS = ("completeness", "task_integration", "cooperation")
_INFORMATION_ELEMENTS = ("internal_information", "external_information")


def _partner_facts(case):
    for index, partner in enumerate(case.partners):
        yield InputFact("partner", {"id": partner.id, "kind": partner.kind}, f"partners[{index}]")


def _care_facts(case):
    care = case.care
    if care is None:
        return
    values = attrs.asdict(care, filter=lambda attribute, _value: attribute.name != "municipalities")
    yield InputFact("care", values, "care")
    for index, entry in enumerate(care.municipalities):
        # the subject of a municipality's conclusions: the partner, and the type of care where one is given
        municipality = municipality_id(case.partners, entry.municipality)
        subject = municipality if entry.care_type is None else f"{municipality}~{entry.care_type}"
        values = {"id": subject, "municipality": municipality, "care_type": entry.care_type,
                  "demand": entry.demand, "supply_in_municipality": entry.supply_in_municipality}
        yield InputFact("municipal_care", values, f"care.municipalities[{index}]")


def _reason_facts(case):
    for index, stated in enumerate(case.reasons):
        values = {"kind": stated.reason, "cost_benefit_analysis": stated.cost_benefit_analysis}
        yield InputFact("reason", values, f"reasons[{index}]")


def _coordination_facts(case):
    coordination = case.coordination
    if coordination is None:
        return
    for element in _COORDINATION_ELEMENTS:
        checks = getattr(coordination, element)
        if checks is None:
            continue
        for aspect in _COORDINATION_ASPECTS:
            status = getattr(checks, aspect)
            if status is not None:
                values = {"cell": f"{element}.{aspect}", "element": element, "aspect": aspect, "status": status}
                yield InputFact("coordination", values, f"coordination.{element}.{aspect}")
    for element in _INFORMATION_ELEMENTS:
        status = getattr(coordination, element)
        if status is not None:
            values = {"cell": element, "element": element, "aspect": "all", "status": status}
            yield InputFact("coordination", values, f"coordination.{element}")
    cooperation = {"will_to_collaborate": coordination.will_to_collaborate,
                   "common_approach": coordination.common_approach}
    if any(value is not None for value in cooperation.values()):
        yield InputFact("cooperation", cooperation, "coordination")


#: The fields of a relationship fact taken as they are from the case.
_RELATIONSHIP_FIELDS = (
    "trust", "vigilance",
    "self_awareness", "sincere_interest", "transparency", "reliability",
    "fear", "scepticism", "cynicism", "need_for_control",
    "information_asymmetry", "lock_in", "contact", "answers_to_both_sides",
)


def _relationship_facts(case):
    # Levels are passed on as stated, never derived here: the rules of
    # trust.quadrants derive them from the signals, so that the derivation is
    # explained and sourced like any other conclusion.
    for index, relationship in enumerate(case.relationships):
        partner_a, partner_b = relationship.between
        values = {"id": relationship.id, "partner_a": partner_a, "partner_b": partner_b}
        values.update({name: getattr(relationship, name) for name in _RELATIONSHIP_FIELDS})
        yield InputFact("relationship", values, f"relationships[{index}]")


def _network_facts(case):
    for produce in network_producers:
        for fact_type, values, path in produce(case):
            yield InputFact(fact_type, values, path)


def _diagnosis_facts(case):
    for produce in diagnosis_producers:
        for fact_type, values, path in produce(case):
            yield InputFact(fact_type, values, path)


def _form_facts(case):
    if case.form is not None:
        yield InputFact("form", attrs.asdict(case.form), "form")


_ARRANGEMENT_LISTS = (("mechanisms", "mechanism"), ("structures", "governance_structure"), ("benefits", "benefit"))
_ENABLERS = ("clear_objectives", "formal_agreements", "trust_building", "compatible_systems", "effective_coordination")


def _arrangement_facts(case):
    arrangement = case.arrangement
    if arrangement is None:
        return
    yield InputFact("arrangement", {name: getattr(arrangement, name) for name in _ENABLERS}, "arrangement")
    for attribute, fact_type in _ARRANGEMENT_LISTS:
        for index, kind in enumerate(getattr(arrangement, attribute)):
            yield InputFact(fact_type, {"kind": kind}, f"arrangement.{attribute}[{index}]")


def _challenge_facts(case):
    for index, challenge in enumerate(case.challenges):
        yield InputFact("challenge", {"kind": challenge.challenge}, f"challenges[{index}]")


def _governance_facts(case):
    """The governance fact; without a number of participants, the partners listed are counted."""
    governance = case.governance
    if governance is None:
        return
    values = attrs.asdict(governance)
    counted = None
    if governance.participants is not None:
        counted = False
    elif case.partners:
        values["participants"], counted = len(case.partners), True
    values["participants_counted"] = counted
    yield InputFact("governance", values, "governance")


def _motive_facts(case):
    for index, entry in enumerate(case.motives):
        for number, motive in enumerate(entry.motives):
            values = {"partner": entry.partner, "motive": motive, "category": MOTIVE_CATEGORIES[motive]}
            yield InputFact("motive", values, f"motives[{index}].motives[{number}]")
        values = {"partner": entry.partner, "starting_point": entry.starting_point, "definition": entry.definition}
        yield InputFact("framing", values, f"motives[{index}]")
    if case.motives:
        # Spread over the partners, on one fact: rules compare partners without joins.
        values = {
            "partners": len(case.motives),
            "partners_with_motives": sum(1 for entry in case.motives if entry.motives),
            "categories": len({MOTIVE_CATEGORIES[m] for entry in case.motives for m in entry.motives}),
            "partners_with_starting_point": sum(1 for entry in case.motives if entry.starting_point),
            "starting_points": len({entry.starting_point for entry in case.motives if entry.starting_point}),
        }
        yield InputFact("motives_spread", values, "motives")


def _interest_facts(case):
    interests = case.interests
    if interests is None:
        return
    values = {
        "shared_ambition": interests.shared_ambition,
        "collective": "; ".join(interests.collective) or None,
        "partners": len(interests.partners),
    }
    yield InputFact("interests", values, "interests")
    for index, entry in enumerate(interests.partners):
        yield InputFact("interest", attrs.asdict(entry), f"interests.partners[{index}]")


def _complexity_facts(case):
    complexity = case.complexity
    if complexity is None:
        return
    for index, factor in enumerate(complexity.factors):
        yield InputFact("complexity_factor", {"factor": factor.factor}, f"complexity.factors[{index}]")
    for index, tension in enumerate(complexity.tensions):
        yield InputFact("tension", {"tension": tension.tension}, f"complexity.tensions[{index}]")


def _network_logic_facts(case):
    if case.network_logic is not None:
        yield InputFact("network_logic", attrs.asdict(case.network_logic), "network_logic")


def _game_rule_facts(case):
    game_rules = case.game_rules
    if game_rules is None:
        return
    yield InputFact("game_rules", {"agreed": game_rules.agreed, "breaches": len(game_rules.breaches)}, "game_rules")
    for index, breach in enumerate(game_rules.breaches):
        yield InputFact("game_rule_breach", {"rule": breach.rule, "by": breach.by},
                        f"game_rules.breaches[{index}]")


_BOUNDARIES = ("authority", "task", "political", "identity")


def _boundary_facts(case):
    boundaries = case.boundaries
    if boundaries is None:
        return
    for boundary in _BOUNDARIES:
        clarity = getattr(boundaries, boundary)
        if clarity is not None:
            yield InputFact("boundary", {"boundary": boundary, "clarity": clarity}, f"boundaries.{boundary}")


def _self_organisation_facts(case):
    network = case.self_organisation
    if network is None:
        return
    # All nine principles, the unknown ones too, so that a rule may ask for
    # what is missing; declared first, so that advice per principle follows
    # the source's numbering rather than the alphabet.
    principles = network.principles or _PRINCIPLES()
    for field in attrs.fields(_PRINCIPLES):
        status = getattr(principles, field.name)
        yield InputFact("self_organisation_principle", {"principle": field.name, "status": status},
                        f"self_organisation.principles.{field.name}")
    yield InputFact("self_organisation", {"status": network.status}, "self_organisation")
    for index, characteristic in enumerate(network.characteristics):
        yield InputFact("self_organisation_trait", {"characteristic": characteristic},
                        f"self_organisation.characteristics[{index}]")


def _leadership_facts(case):
    for index, leader in enumerate(case.leadership):
        values = {"name": leader.name, "partner": leader.partner, "signatures": len(leader.signatures)}
        yield InputFact("leader", values, f"leadership[{index}]")
        for number, signature in enumerate(leader.signatures):
            yield InputFact("signature", {"leader": leader.name, "signature": signature},
                            f"leadership[{index}].signatures[{number}]")


def _board_member_facts(case):
    for index, member in enumerate(case.board_members):
        values = attrs.asdict(member)
        del values["emotions"]
        yield InputFact("board_member", values, f"board_members[{index}]")
        for number, emotion in enumerate(member.emotions):
            yield InputFact("board_emotion", {"member": member.name, "emotion": emotion},
                            f"board_members[{index}].emotions[{number}]")


#: One producer per section of the case, in the order facts are declared.
_PRODUCERS = (_partner_facts, _care_facts, _reason_facts, _coordination_facts, _relationship_facts,
              _network_facts, _form_facts, _arrangement_facts, _challenge_facts, _governance_facts,
              _motive_facts, _interest_facts, _complexity_facts, _network_logic_facts,
              _game_rule_facts, _boundary_facts, _self_organisation_facts, _leadership_facts,
              _board_member_facts, _diagnosis_facts)


def case_facts(case):
    """Return the input facts of ``case``, in a fixed order.

    Parameters
    ----------
    case : Case

    Returns
    -------
    list of InputFact

    Examples
    --------
    >>> from interorg import Case, Care
    >>> [f.path for f in case_facts(Case(care=Care(demand="complex")))]
    ['care']
    """
    if not isinstance(case, Case):
        raise TypeError(f"expected an interorg.Case; got {type(case).__name__}")
    return [fact for produce in _PRODUCERS for fact in produce(case)]
