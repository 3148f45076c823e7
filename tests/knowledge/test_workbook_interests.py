"""Common Eye workbook: kinds of interests and the four outcomes of negotiation."""

import pytest

import interorg
from conftest import scenario


@pytest.fixture(scope="module")
def example():
    return interorg.advise(interorg.example_case("regional_innovation_alliance"))


def _subjects(advice, rule_id):
    return [c.subject for c in advice.conclusions if c.id == rule_id]


@pytest.mark.parametrize("rule_id, subjects", [
    ("workbook.interests.organisational-unknown", ["akkerland"]),
    ("workbook.interests.individual-unknown", ["provincie"]),
    ("workbook.interests.brings-unknown", ["akkerland"]),
    ("workbook.interests.gets-unknown", ["hogeschool"]),
])
def test_missing_interests_are_asked_per_partner(example, rule_id, subjects):
    """Each kind of interest, and what a partner brings and gets, is asked for where the case leaves it out."""
    assert _subjects(example, rule_id) == subjects
    path = example[rule_id].explanation.supports[0].evidence[0].path
    assert path.startswith("interests.partners[")


def test_collective_interests_and_ambition(example):
    """No collective interests: a recommendation; a shared ambition given: none asked for."""
    assert "workbook.interests.collective-unknown" in example
    assert "workbook.interests.shared-ambition-unknown" not in example
    advice = scenario("workbook_interests_win_win")
    assert advice["workbook.interests.shared-ambition-unknown"].explanation.supports[0].evidence[0].path == "interests"


def test_where_you_sit_needs_two_partners():
    """'Where you stand depends on where you sit' from two described partners on, not for one."""
    assert "workbook.interests.where-you-sit" in scenario("workbook_interests_win_win")
    one = interorg.advise({"partners": [{"id": "a"}], "interests": {"partners": [{"partner": "a"}]}})
    assert "workbook.interests.where-you-sit" not in one


OUTCOMES = [
    (["win", "win"], "workbook.interests.win-win"),
    (["win", "lose"], "workbook.interests.win-lose"),
    (["lose", "lose"], "workbook.interests.lose-lose"),
    (["even", "even"], "workbook.interests.compromise"),
    (["win", "even"], "workbook.interests.compromise"),
    (["even", "lose"], None),
]


@pytest.mark.parametrize("outcomes, expected", OUTCOMES)
def test_negotiation_outcome(outcomes, expected):
    """The partners' expected outcomes give exactly one of the four outcomes, or none when mixed otherwise."""
    partners = [{"id": f"p{i}"} for i in range(len(outcomes))]
    interests = {"partners": [{"partner": f"p{i}", "outcome": o} for i, o in enumerate(outcomes)]}
    advice = interorg.advise({"partners": partners, "interests": interests})
    found = [cid for cid in advice.ids() if cid in {rule for _, rule in OUTCOMES if rule}]
    assert found == ([expected] if expected else [])


def test_win_win_says_it_lasts():
    """Win-win is a finding citing that a lasting collaboration needs win-win for all."""
    conclusion = scenario("workbook_interests_win_win")["workbook.interests.win-win"]
    assert conclusion.kind == "finding"
    assert any("duurzame samenwerking" in s.quote for s in conclusion.sources)
    assert [e.path for e in conclusion.explanation.supports[0].evidence] == ["interests", "interests.partners[0]"]


def test_win_lose_rests_on_a_winner_and_a_loser(example):
    """Win-lose is explained by a partner expecting to win and one expecting to lose."""
    conclusion = example["workbook.interests.win-lose"]
    assert "one-off negotiation" in conclusion.text
    support = conclusion.explanation.supports[0]
    assert [e.values["outcome"] for e in support.evidence[1:]] == ["win", "lose"]


def test_an_unknown_outcome_blocks_the_verdict():
    """With one partner's outcome unknown no outcome is concluded, and the outcome is asked for."""
    advice = interorg.advise({"partners": [{"id": "a"}, {"id": "b"}],
                              "interests": {"partners": [{"partner": "a", "outcome": "win"}, {"partner": "b"}]}})
    assert not [cid for cid in advice.ids() if cid.endswith(("win-win", "compromise", "lose-lose"))]
    assert _subjects(advice, "workbook.interests.outcome-unknown") == ["b"]


def test_partner_expecting_to_lose(example):
    """A partner expecting to lose gets its own derived warning."""
    conclusion = example["workbook.interests.partner-loses[akkerland]"]
    assert conclusion.basis == "derived" and conclusion.reason
    assert conclusion.explanation.supports[0].evidence[0].path == "interests.partners[3]"


def test_lose_lose_warns_each_partner():
    """Lose-lose: the warning and one partner warning for each."""
    advice = scenario("workbook_interests_lose_lose")
    assert "workbook.interests.lose-lose" in advice
    assert _subjects(advice, "workbook.interests.partner-loses") == ["welzijn-noord", "welzijn-zuid"]


def test_interest_partner_must_be_listed():
    """A partner in interests.partners that the case does not list is an error."""
    with pytest.raises(interorg.CaseError) as info:
        interorg.case_from_dict({"partners": [{"id": "a"}], "interests": {"partners": [{"partner": "b"}]}})
    assert str(info.value) == "interests.partners[0].partner: unknown partner 'b'; expected one of a"


# --- The dialogue on interests needs trust ---------------------------------------------------------

def test_dialogue_on_interests_with_low_or_unknown_trust():
    """In sharing, low trust asks to build trust first, unknown trust to find out; high trust asks neither."""
    advice = scenario("workbook_interests_dialogue_without_trust")
    assert [c.subject for c in advice.conclusions if c.id == "workbook.interests.dialogue-low-trust"] == [
        "woonwest~thuisbasis"]
    assert [c.subject for c in advice.conclusions if c.id == "workbook.interests.dialogue-trust-unknown"] == [
        "lekstede~zorgkring"]
    low = advice["workbook.interests.dialogue-low-trust[woonwest~thuisbasis]"]
    assert any("vertrouwen cruciaal" in s.quote for s in low.sources if s.quote)
    assert {e.path for s in low.explanation.supports for e in s.evidence} >= {"phase"}


@pytest.mark.parametrize("current", ["exploring", "shaping", "implementing"])
def test_dialogue_on_interests_only_in_sharing_and_agreeing(current):
    """Outside the phases of the dialogue on interests, low trust gives no dialogue advice."""
    advice = interorg.advise({"partners": [{"id": "a"}, {"id": "b"}], "phase": {"current": current},
                              "relationships": [{"between": ["a", "b"], "trust": "low"}]})
    assert not [c for c in advice.conclusions if c.id.startswith("workbook.interests.dialogue")]


def test_dialogue_advice_joins_building_trust_in_the_plan():
    """On the example, the low-trust dialogue advice is part of the one action that builds trust."""
    advice = interorg.advise(interorg.example_case())
    actions = [a for a in advice.counsel.plan + advice.counsel.more if "workbook.interests.dialogue-low-trust" in a.rules]
    assert len(actions) == 1 and "trust.building.transparency" in actions[0].rules
