"""Common Eye workbook: the rules of the game in a network and their breaches."""

import pytest

import interorg
from conftest import scenario

BREACHES = {
    "no_display_of_power": "power-displayed",
    "no_open_enjoyment_of_gains": "gains-enjoyed-openly",
    "substantive_justification": "results-not-justified",
    "one_board_at_a_time": "two-boards",
    "no_change_of_rules": "rules-changed",
    "extra_mile": "no-extra-mile",
    "give_and_take": "no-give-and-take",
    "proportionality": "disproportionate",
    "respect_core_values": "core-values-harmed",
    "loyalty_to_decisions": "decision-not-supported",
}


@pytest.fixture(scope="module")
def example_advice():
    return interorg.advise(interorg.example_case("regional_innovation_alliance"))


@pytest.mark.parametrize("rule", sorted(BREACHES))
def test_each_breach_is_a_warning_with_its_consequence(rule):
    """Each breach gives its own derived warning, citing the rule of the game and the next round."""
    advice = interorg.advise({"game_rules": {"breaches": [{"rule": rule}]}})
    rule_id = f"workbook.game-rules.{BREACHES[rule]}"
    assert advice.ids() == [rule_id]
    conclusion = advice[rule_id]
    assert conclusion.kind == "warning" and conclusion.basis == "derived"
    assert conclusion.sources[0].where == "Spelregels in een netwerk"
    assert conclusion.explanation.supports[0].evidence[0].path == "game_rules.breaches[0]"


def test_breaches_by_two_partners_are_one_warning_with_two_supports():
    """The same rule broken twice is one warning, explained by both breaches."""
    advice = interorg.advise({"partners": [{"id": "a"}, {"id": "b"}], "game_rules": {"breaches": [
        {"rule": "proportionality", "by": "a"}, {"rule": "proportionality", "by": "b"}]}})
    supports = advice["workbook.game-rules.disproportionate"].explanation.supports
    assert sorted(s.evidence[0].values["by"] for s in supports) == ["a", "b"]


def test_rules_not_made_explicit(example_advice):
    """Rules of the game not made explicit: a recommendation; made explicit: none."""
    assert "workbook.game-rules.make-explicit" in example_advice
    assert "workbook.game-rules.make-explicit" not in scenario("workbook_game_rules_breaches")


def test_breach_by_an_unknown_partner_is_an_error():
    """A breach 'by' a partner the case does not list is an error with its path."""
    with pytest.raises(interorg.CaseError) as info:
        interorg.case_from_dict({"game_rules": {"breaches": [{"rule": "extra_mile", "by": "x"}]}})
    assert str(info.value) == "game_rules.breaches[0].by: unknown partner 'x'; the case lists no partners"
