"""Common Eye workbook: Gomes-Casseres's sources of complexity and the tensions of collaborating."""

import pytest

import interorg
from conftest import scenario

FACTORS = {
    "unclear_power_centre": ("workbook.complexity.unclear-power-centre", "Wie is hier de baas?"),
    "interdependence": ("workbook.complexity.interdependence", "We kunnen niet zonder"),
    "new_reality": ("workbook.complexity.new-reality", "In den beginne"),
    "heterogeneity": ("workbook.complexity.heterogeneity", "aantrekkingskracht"),
    "context": ("workbook.complexity.context", "Omgeving en context"),
}


@pytest.mark.parametrize("factor", sorted(FACTORS))
def test_each_source_of_complexity(factor):
    """Each source of complexity gives its own finding, quoting the workbook's line for it."""
    rule_id, quote = FACTORS[factor]
    advice = interorg.advise({"complexity": {"factors": [{"factor": factor}]}})
    assert advice.ids()[0] == rule_id
    conclusion = advice[rule_id]
    assert quote in conclusion.sources[0].quote
    assert conclusion.explanation.supports[0].evidence[0].path == "complexity.factors[0]"


def test_tensions_are_findings_per_tension():
    """Each tension is a finding with the tension as subject, labelled with the Dutch term."""
    advice = interorg.advise(interorg.example_case("regional_innovation_alliance"))
    found = [c for c in advice.conclusions if c.id == "workbook.complexity.tension"]
    assert [c.subject for c in found] == ["giving_away_knowledge", "slow_decision_making", "own_control"]
    assert "(kennis weggeven)" in found[0].title


@pytest.mark.parametrize("tension, fires", [("giving_up_autonomy", True), ("own_control", True),
                                            ("sharing", False)])
def test_autonomy_recommendation(tension, fires):
    """Giving up autonomy or keeping control: recommend making the value for it explicit; other tensions not."""
    advice = interorg.advise({"complexity": {"tensions": [{"tension": tension}]}})
    assert ("workbook.complexity.autonomy" in advice) is fires
    if fires:
        assert advice["workbook.complexity.autonomy"].basis == "derived"


def test_complexity_points_to_the_other_workbook_models():
    """An unclear power centre, with nothing said of logic or authority, chains to both questions."""
    advice = scenario("workbook_complexity_only")
    found = [c.subject for c in advice.conclusions if c.id == "workbook.network-logic.from-complexity"]
    assert found == ["unclear_power_centre", "interdependence"]
    recommendation = advice["workbook.boundaries.power-centre"]
    assert recommendation.explanation.supports[0].evidence[0].path == "complexity.factors[0]"
    assert "authority boundary" in recommendation.explanation.supports[0].absent[0]


def test_repeated_factor_is_an_error():
    """A source of complexity given twice is reported at the second place."""
    with pytest.raises(interorg.CaseError) as info:
        interorg.case_from_dict({"complexity": {"factors": [{"factor": "context"}, {"factor": "context"}]}})
    assert str(info.value).startswith("complexity.factors[1].factor: source of complexity 'context'")
