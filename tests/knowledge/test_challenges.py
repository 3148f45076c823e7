"""The encyclopedia entry (seed 000): mechanisms, governance structures, benefits and challenges, with what helps."""

import pytest

import interorg
from conftest import scenario

REMEDIES = [
    ("incentives", "clear_objectives", "interorganisational.challenges.incentives-clear-objectives"),
    ("trust_culture", "trust_building", "interorganisational.challenges.trust-culture-trust-building"),
    ("legal", "formal_agreements", "interorganisational.challenges.legal-formal-agreements"),
    ("data", "compatible_systems", "interorganisational.challenges.data-compatible-systems"),
    ("coordination_costs", "effective_coordination",
     "interorganisational.challenges.coordination-costs-effective-coordination"),
]


def test_each_challenge_is_a_finding_with_its_path():
    """Every challenge the case names is a finding about it, pointing to its line in the case."""
    advice = interorg.advise(interorg.example_case())
    found = [c for c in advice.conclusions if c.id == "interorganisational.challenges.challenge"]
    assert [c.subject for c in found] == ["incentives", "trust_culture", "data", "coordination_costs"]
    assert found[2].explanation.supports[0].evidence[0].path == "challenges[2]"
    assert "privacy van gegevens en interoperabiliteit" in found[2].title


@pytest.mark.parametrize("challenge, enabler, rule", REMEDIES)
@pytest.mark.parametrize("in_place", [False, None])
def test_what_helps_is_recommended_unless_in_place(challenge, enabler, rule, in_place):
    """A challenge brings the entry's remedy for it when the case does not show the remedy in place."""
    arrangement = {} if in_place is None else {enabler: in_place}
    advice = interorg.advise({"challenges": [{"challenge": challenge}], "arrangement": arrangement})
    recommendation = advice[rule]
    assert recommendation.kind == "recommendation" and recommendation.basis == "derived"
    assert recommendation.explanation.supports[0].evidence[0].path == "challenges[0]"
    assert len(recommendation.explanation.supports[0].absent) == 1


@pytest.mark.parametrize("challenge, enabler, rule", REMEDIES)
def test_remedy_in_place_is_not_recommended(challenge, enabler, rule):
    """When the case shows the remedy in place, it is not recommended again."""
    advice = interorg.advise({"challenges": [{"challenge": challenge}], "arrangement": {enabler: True}})
    assert rule not in advice
    assert "interorganisational.challenges.challenge[" + challenge + "]" in advice


def test_legal_scenario():
    """Legal constraints without formal agreements, and joint decisions without any governance structure."""
    advice = scenario("interorganisational_legal")
    assert "interorganisational.challenges.legal-formal-agreements" in advice
    joint = advice["interorganisational.mechanisms.joint-work-without-structures"]
    assert joint.explanation.supports[0].evidence[0].path == "arrangement.mechanisms[0]"
    assert "interorganisational.mechanisms.data-exchange-without-interoperable-systems" not in advice


def test_data_exchange_without_interoperable_systems():
    """The example exchanges data with neither interoperable systems nor compatible systems: a warning with both absent."""
    advice = interorg.advise(interorg.example_case())
    warning = advice["interorganisational.mechanisms.data-exchange-without-interoperable-systems"]
    support = warning.explanation.supports[0]
    assert support.evidence[0].path == "arrangement.mechanisms[2]"
    assert len(support.absent) == 2


def test_compatible_systems_block_the_data_exchange_warning():
    """Data exchange with compatible systems in place gives no interoperability warning."""
    advice = interorg.advise({"arrangement": {"mechanisms": ["data_exchange"], "compatible_systems": True}})
    assert "interorganisational.mechanisms.data-exchange-without-interoperable-systems" not in advice


def test_structures_block_the_joint_work_recommendation():
    """A governance structure listed means no recommendation to set one up; the structure is a finding."""
    advice = interorg.advise(interorg.example_case())
    assert "interorganisational.mechanisms.joint-work-without-structures" not in advice
    structure = advice["interorganisational.mechanisms.structure[steering_committee]"]
    assert structure.subject_label == "steering committee (stuurgroep)"


def test_benefits_without_challenges():
    """Benefits but no challenges: the entry's 'benefits and challenges accompany' asks for the challenges."""
    advice = scenario("interorganisational_benefits_only")
    recommendation = advice["interorganisational.challenges.benefits-without-challenges"]
    assert [s.evidence[0].path for s in recommendation.explanation.supports] == [
        "arrangement.benefits[0]", "arrangement.benefits[1]"]
    assert [c.subject for c in advice.conclusions if c.id == "interorganisational.challenges.benefit"] == [
        "economies_of_scale", "risk_sharing"]
    assert "interorganisational.challenges.benefits-without-challenges" not in interorg.advise(interorg.example_case())


def test_quotes_come_from_the_one_word_per_line_text():
    """The entry's second half is one word per line; the citations still quote it as running text."""
    advice = interorg.advise(interorg.example_case())
    quote = advice["interorganisational.challenges.challenge[data]"].sources[0].quote
    assert quote.startswith("Challenges involve alignment of incentives, trust and cultural differences")
    assert advice["interorganisational.challenges.challenge[data]"].sources[0].document == "000_6b7b491f8d9f9526.txt"


@pytest.mark.parametrize("data, message", [
    ({"challenges": [{"challenge": "legal"}, {"challenge": "legal"}]},
     "challenges[1].challenge: challenge 'legal' is already given at challenges[0]; give each challenge once"),
    ({"arrangement": {"benefits": ["learning", "learning"]}},
     "arrangement.benefits[1]: 'learning' is already given at arrangement.benefits[0]; give each once"),
    ({"arrangement": {"mechanisms": ["meetings"]}},
     "arrangement.mechanisms[0]: expected one of shared_services, joint_planning"),
    ({"challenges": [{"challenge": "money"}]}, "challenges[0].challenge: expected one of incentives"),
])
def test_bad_arrangement_input(data, message):
    """Repeated and unknown values are reported with their path."""
    with pytest.raises(interorg.CaseError) as info:
        interorg.advise(data)
    assert message in str(info.value)
