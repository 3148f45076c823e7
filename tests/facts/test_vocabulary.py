"""The case model, the fact producers and the vocabulary agree with each other."""

import typing

import attrs
import pytest

import interorg
from interorg.case.motives import MOTIVE_CATEGORIES
from interorg.case import example_names
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
    (interorg.MunicipalCare, "demand", "municipal_care", "demand"),
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
    (interorg.PartnerMotives, "motives", "motive", "motive"),
    (interorg.PartnerMotives, "starting_point", "framing", "starting_point"),
    (interorg.PartnerInterests, "outcome", "interest", "outcome"),
    (interorg.ComplexityFactor, "factor", "complexity_factor", "factor"),
    (interorg.Tension, "tension", "tension", "tension"),
    *[(interorg.NetworkLogic, aspect, "network_logic", aspect)
      for aspect in ("problem", "goal", "information", "decision", "implementation", "norm")],
    (interorg.GameRuleBreach, "rule", "game_rule_breach", "rule"),
    (interorg.Boundaries, "authority", "boundary", "clarity"),
    (interorg.SelfOrganisation, "status", "self_organisation", "status"),
    (interorg.SelfOrganisation, "characteristics", "self_organisation_trait", "characteristic"),
    (interorg.SelfOrganisationPrinciples, "meaningful_issue", "self_organisation_principle", "status"),
    (interorg.Leader, "signatures", "signature", "signature"),
    (interorg.BoardMember, "emotions", "board_emotion", "emotion"),
    (interorg.Phase, "current", "phase", "current"),
    (interorg.Phase, "done", "phase_activity", "id"),
    (interorg.Observation, "observation", "observation", "kind"),
]


@pytest.mark.parametrize("cls, attribute, fact, field", ENUMS, ids=[f"{e[2]}.{e[3]}" for e in ENUMS])
def test_enum_values_agree(knowledge, cls, attribute, fact, field):
    """The values a case may give are exactly the values the vocabulary labels."""
    assert _literal_values(cls, attribute) == set(knowledge.facts[fact].fields[field].values)


def test_care_fields_are_the_vocabulary(knowledge):
    """Every field of Care but its list of municipalities is a field of the care fact, and the other way round."""
    fields = [f.name for f in attrs.fields(interorg.Care) if f.name != "municipalities"]
    assert fields == list(knowledge.facts["care"].fields)


def test_municipal_care_fields_are_the_vocabulary(knowledge):
    """A municipality's entry gives the municipal_care fact its fields, with the subject id besides."""
    fields = [f.name for f in attrs.fields(interorg.MunicipalCare)]
    assert ["id", *fields] == list(knowledge.facts["municipal_care"].fields)


def test_form_fields_are_the_vocabulary(knowledge):
    """Every field of CollaborationForm is a field of the form fact, and the other way round."""
    assert [f.name for f in attrs.fields(interorg.CollaborationForm)] == list(knowledge.facts["form"].fields)


def test_governance_fields_are_the_vocabulary(knowledge):
    """The governance fact has the fields of Governance, plus whether the participants were counted."""
    fields = [f.name for f in attrs.fields(interorg.Governance)] + ["participants_counted"]
    assert sorted(fields) == sorted(knowledge.facts["governance"].fields)


def test_network_logic_fields_are_the_vocabulary(knowledge):
    """Every field of NetworkLogic is a field of the network_logic fact, and the other way round."""
    assert [f.name for f in attrs.fields(interorg.NetworkLogic)] == list(knowledge.facts["network_logic"].fields)


@pytest.mark.parametrize("cls, fact, field", [
    (interorg.Boundaries, "boundary", "boundary"),
    (interorg.SelfOrganisationPrinciples, "self_organisation_principle", "principle"),
])
def test_section_fields_are_vocabulary_values(knowledge, cls, fact, field):
    """The fields of a section that become one fact each are exactly the values the vocabulary labels."""
    assert [f.name for f in attrs.fields(cls)] == list(knowledge.facts[fact].fields[field].values)


def test_every_motive_has_a_category(knowledge):
    """Each motive of the case model falls in one of the four categories the vocabulary labels."""
    assert set(MOTIVE_CATEGORIES) == _literal_values(interorg.PartnerMotives, "motives")
    assert set(MOTIVE_CATEGORIES.values()) == set(knowledge.facts["motive"].fields["category"].values)


@pytest.mark.parametrize("name", example_names())
def test_example_facts_use_only_declared_fields(knowledge, name):
    """The facts of each bundled example stay inside the vocabulary, with declared values."""
    for fact in case_facts(interorg.example_case(name)):
        fields = knowledge.facts[fact.type].fields
        assert set(fact.values) <= set(fields), fact
        for field, value in fact.given().items():
            if fields[field].type == "enum":
                assert value in fields[field].values, (fact.path, field, value)


def test_every_fact_type_has_a_producer(knowledge):
    """Every fact type in the vocabulary is produced by one of the bundled examples."""
    produced = {fact.type for name in example_names() for fact in case_facts(interorg.example_case(name))}
    assert produced == set(knowledge.facts)
