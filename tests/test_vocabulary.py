"""The case model, the fact producers and the vocabulary agree with each other."""

import typing

import attrs
import pytest

import interorg
from interorg.facts import case_facts


def _literal_values(cls, name):
    pending = [typing.get_type_hints(cls)[name]]
    while pending:  # breadth first, through X | None and tuple[X, ...]
        arg = pending.pop(0)
        if typing.get_origin(arg) is typing.Literal:
            return set(typing.get_args(arg))
        pending.extend(inner for inner in typing.get_args(arg) if inner is not Ellipsis)
    raise AssertionError(f"{cls.__name__}.{name} is not a Literal")


# (case class, attribute, fact type, field): the enum values must be the same.
ENUMS = [
    (interorg.Partner, "kind", "partner", "kind"),
    (interorg.Care, "demand", "care", "demand"),
    (interorg.Care, "leading", "care", "leading"),
    (interorg.Care, "origin", "care", "origin"),
    (interorg.Care, "region_basis", "care", "region_basis"),
    (interorg.StatedReason, "reason", "reason", "kind"),
    (interorg.CoordinationElement, "completeness", "coordination", "status"),
    (interorg.Coordination, "internal_information", "coordination", "status"),
    (interorg.CollaborationForm, "claimed", "form", "claimed"),
    (interorg.Arrangement, "mechanisms", "mechanism", "kind"),
    (interorg.Arrangement, "structures", "governance_structure", "kind"),
    (interorg.Arrangement, "benefits", "benefit", "kind"),
    (interorg.Challenge, "challenge", "challenge", "kind"),
    (interorg.Governance, "mode", "governance", "mode"),
    (interorg.Governance, "trust", "governance", "trust"),
    (interorg.Governance, "goal_consensus", "governance", "goal_consensus"),
    (interorg.Governance, "competencies_need", "governance", "competencies_need"),
    (interorg.Phase, "current", "phase", "current"),
    (interorg.Phase, "done", "phase_activity", "id"),
    (interorg.Observation, "observation", "observation", "kind"),
]


@pytest.mark.parametrize("cls, attribute, fact, field", ENUMS, ids=[f"{e[2]}.{e[3]}" for e in ENUMS])
def test_enum_values_agree(knowledge, cls, attribute, fact, field):
    """The values a case may give are exactly the values the vocabulary labels."""
    assert _literal_values(cls, attribute) == set(knowledge.facts[fact].fields[field].values)


def test_care_fields_are_the_vocabulary(knowledge):
    """Every field of Care is a field of the care fact, and the other way round."""
    assert [f.name for f in attrs.fields(interorg.Care)] == list(knowledge.facts["care"].fields)


def test_form_fields_are_the_vocabulary(knowledge):
    """Every field of CollaborationForm is a field of the form fact, and the other way round."""
    assert [f.name for f in attrs.fields(interorg.CollaborationForm)] == list(knowledge.facts["form"].fields)


def test_governance_fields_are_the_vocabulary(knowledge):
    """The governance fact has the fields of Governance, plus whether the participants were counted."""
    fields = [f.name for f in attrs.fields(interorg.Governance)] + ["participants_counted"]
    assert sorted(fields) == sorted(knowledge.facts["governance"].fields)


def test_example_facts_use_only_declared_fields(knowledge):
    """The facts of the example case stay inside the vocabulary, with declared values."""
    for fact in case_facts(interorg.example_case()):
        fields = knowledge.facts[fact.type].fields
        assert set(fact.values) <= set(fields), fact
        for name, value in fact.given().items():
            if fields[name].type == "enum":
                assert value in fields[name].values, (fact.path, name, value)


def test_every_fact_type_has_a_producer(knowledge):
    """Every fact type in the vocabulary is produced by the example case."""
    produced = {fact.type for fact in case_facts(interorg.example_case())}
    assert produced == set(knowledge.facts)
