"""Turn a case into the input facts the rules reason over.

Each section of a case gives facts of the types named in
``knowledge/vocabulary/``; each fact remembers the path in the case it
comes from, so an explanation can point back to what the user wrote.
A field the case leaves out is None (unknown), never a guessed default.
"""

import attrs

from ._diagnosis_facts import PRODUCERS as diagnosis_producers
from ._network_facts import PRODUCERS as network_producers
from .case import Case

__all__ = ["InputFact", "case_facts"]


@attrs.frozen
class InputFact:
    """A fact taken from the case.

    Attributes
    ----------
    type : str
        The fact type, as named in the vocabulary.
    values : dict
        Field name to value; None where the case does not say.
    path : str
        Where in the case it comes from, as ``reasons[1]``.
    """

    type: str
    values: dict
    path: str

    def given(self):
        """The fields the case gives (leaving out the unknown ones)."""
        return {name: value for name, value in self.values.items() if value is not None}


_COORDINATION_ELEMENTS = ("resources", "providers", "clients")
_COORDINATION_ASPECTS = ("completeness", "task_integration", "cooperation")
_INFORMATION_ELEMENTS = ("internal_information", "external_information")


def _partner_facts(case):
    for index, partner in enumerate(case.partners):
        yield InputFact("partner", {"id": partner.id, "kind": partner.kind}, f"partners[{index}]")


def _care_facts(case):
    if case.care is not None:
        yield InputFact("care", attrs.asdict(case.care), "care")


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


#: One producer per section of the case, in the order facts are declared.
_PRODUCERS = (_partner_facts, _care_facts, _reason_facts, _coordination_facts, _relationship_facts,
              _network_facts, _form_facts, _arrangement_facts, _challenge_facts, _governance_facts,
              _diagnosis_facts)


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
