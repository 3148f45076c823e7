"""Common Eye workbook: self-organising networks, their characteristics and nine principles."""

import pytest

import interorg
from conftest import scenario

PRINCIPLES = {
    "meaningful_issue": "meaningful-issue", "no_boundaries": "no-boundaries", "modularity": "modularity",
    "competing_solutions": "competing-solutions", "voting_with_feet": "voting-with-feet",
    "social_media": "social-media", "reputation_mechanism": "reputation-mechanism",
    "lead_by_example": "lead-by-example", "minimal_rules": "minimal-rules",
}


@pytest.mark.parametrize("principle", list(PRINCIPLES))
@pytest.mark.parametrize("status, applied, fires", [
    ("is", "no", True), ("wants_to_be", "partly", True), ("is", "yes", False), ("not", "no", False),
])
def test_principle_not_applied(principle, status, applied, fires):
    """A principle not (fully) applied is advice only where the network is or wants to be self-organising."""
    advice = interorg.advise({"self_organisation": {"status": status, "principles": {principle: applied}}})
    rule_id = f"workbook.self-organisation.{PRINCIPLES[principle]}"
    assert (rule_id in advice) is fires
    if fires:
        conclusion = advice[rule_id]
        assert [e.path for e in conclusion.explanation.supports[0].evidence] == [
            "self_organisation", f"self_organisation.principles.{principle}"]
        assert conclusion.sources[0].where == "Principes voor het creëren van zelforganiserende netwerken"


def test_unknown_principles_are_asked_in_the_source_order():
    """Principles the case leaves out are asked for one by one, numbered as in the source."""
    advice = scenario("workbook_network_hierarchy")
    asked = [c.subject for c in advice.conclusions if c.id == "workbook.self-organisation.principle-unknown"]
    assert asked == list(PRINCIPLES)
    example = interorg.advise(interorg.example_case("regional_innovation_alliance"))
    assert [c.subject for c in example.conclusions
            if c.id == "workbook.self-organisation.principle-unknown"] == ["minimal_rules"]


def test_characteristics_are_explained_findings():
    """Each characteristic shown is a finding with the characteristic as subject, in the case's order."""
    advice = scenario("workbook_self_organising_principles")
    found = [c for c in advice.conclusions if c.id == "workbook.self-organisation.characteristic"]
    assert [c.subject for c in found][:2] == ["no_hierarchical_steering", "no_predefined_course"]
    assert found[0].explanation.supports[0].evidence[0].path == "self_organisation.characteristics[0]"


def test_self_organising_network_in_which_one_party_decides():
    """A self-organising network where one party decides is a warning resting on both sections."""
    conclusion = scenario("workbook_network_hierarchy")["workbook.self-organisation.hierarchical-steering"]
    assert conclusion.kind == "warning"
    assert [e.path for e in conclusion.explanation.supports[0].evidence] == ["self_organisation", "network_logic"]


def test_repeated_characteristic_is_an_error():
    """A characteristic listed twice is reported."""
    with pytest.raises(interorg.CaseError) as info:
        interorg.case_from_dict({"self_organisation": {"characteristics": ["spontaneous", "spontaneous"]}})
    assert "self_organisation.characteristics[1]: characteristic 'spontaneous'" in str(info.value)
