"""Common Eye workbook: motives for collaborating and the confusion of tongues."""

import pytest

import interorg
from conftest import scenario

EXAMPLE = "regional_innovation_alliance"


@pytest.fixture(scope="module")
def example():
    return interorg.advise(interorg.example_case(EXAMPLE))


@pytest.mark.parametrize("motive, rule_id", [
    ("joint_marketing", "workbook.motives.market"),
    ("chain_rationalisation", "workbook.motives.cost"),
    ("patents", "workbook.motives.knowledge"),
    ("moral_appeal", "workbook.motives.external-pressure"),
])
def test_each_motive_falls_in_its_category(motive, rule_id):
    """A motive gives the finding of its own category, resting on the motive's line in the case."""
    advice = interorg.advise({"partners": [{"id": "a"}], "motives": [{"partner": "a", "motives": [motive]}]})
    categories = [cid for cid in advice.ids() if cid.count(".") == 2 and cid.split(".")[2] in
                  ("market", "cost", "knowledge", "external-pressure")]
    assert categories == [rule_id]
    evidence = advice[rule_id].explanation.supports[0].evidence[0]
    assert evidence.path == "motives[0].motives[0]"
    assert evidence.values == {"partner": "a", "motive": motive, "category": rule_id.split(".")[2].replace("-", "_")}


def test_category_finding_lists_every_partner_with_such_a_motive(example):
    """One finding per category, supported once by each motive of that category."""
    supports = example["workbook.motives.knowledge"].explanation.supports
    paths = sorted(s.evidence[0].path for s in supports)
    assert paths == ["motives[0].motives[1]", "motives[1].motives[0]", "motives[1].motives[1]",
                     "motives[2].motives[2]"]


def test_external_pressure_only_names_the_partner():
    """A partner with only motives of external pressure is warned about (its id the subject, its name in the title)."""
    advice = scenario("workbook_motives_under_pressure")
    found = [c for c in advice.conclusions if c.id == "workbook.motives.external-pressure-only"]
    assert [c.subject for c in found] == ["bernheze"]
    assert found[0].basis == "derived"
    assert "market" not in found[0].explanation.supports[0].absent[0]
    assert found[0].title.startswith("Gemeente Bernheze ")


def test_different_categories_ask_for_the_definitions(example):
    """Motives in several categories ask how each partner defines the collaboration."""
    conclusion = example["workbook.motives.different-motives"]
    assert "4 of the 4 categories" in conclusion.title
    assert conclusion.explanation.supports[0].evidence[0].path == "motives"


def test_different_starting_points_are_a_confusion_of_tongues(example):
    """Partners starting from question, opportunity and solution: a warning counting three starting points."""
    conclusion = example["workbook.motives.confusion-of-tongues"]
    assert conclusion.kind == "warning"
    assert "3 different points" in conclusion.title
    assert "temporarily workable" in conclusion.text
    assert conclusion.explanation.supports[0].evidence[0].values["starting_points"] == 3


def test_same_starting_point_still_warns_of_ambiguity():
    """All partners starting from the form: no confusion-of-tongues warning, but the 'always ambiguity' finding."""
    advice = scenario("workbook_motives_under_pressure")
    assert "workbook.motives.same-starting-point" in advice
    assert "workbook.motives.confusion-of-tongues" not in advice


def test_missing_starting_point_is_asked_for(example):
    """A partner without a starting point gets a recommendation with its id as subject."""
    found = [c for c in example.conclusions if c.id == "workbook.motives.starting-point-unknown"]
    assert [c.subject for c in found] == ["akkerland"]
    assert found[0].explanation.supports[0].evidence[0].path == "motives[3]"


def test_motives_in_dutch():
    """The Dutch advice uses the source's terms."""
    advice = interorg.advise(interorg.example_case(EXAMPLE), lang="nl")
    assert advice["workbook.motives.confusion-of-tongues"].title.startswith("Spraakverwarring")
    assert "kennisontwikkeling" in advice["workbook.motives.knowledge"].title


@pytest.mark.parametrize("data, message", [
    ({"motives": [{"partner": "x"}]}, "motives[0].partner: unknown partner 'x'; the case lists no partners"),
    ({"partners": [{"id": "a"}], "motives": [{"partner": "a"}, {"partner": "a"}]},
     "motives[1].partner: partner 'a' is already given at motives[0]; give each partner once"),
    ({"partners": [{"id": "a"}], "motives": [{"partner": "a", "motives": ["patents", "patents"]}]},
     "motives[0].motives[1]: motive 'patents' is already given at motives[0].motives[0]; list each motive once"),
    ({"partners": [{"id": "a"}], "motives": [{"partner": "a", "starting_point": "vraag"}]},
     "motives[0].starting_point: expected one of question, solution, opportunity, form; got 'vraag'"),
])
def test_motive_mistakes_are_reported(data, message):
    """Unknown partners, repeats and unknown starting points are errors with their path."""
    with pytest.raises(interorg.CaseError) as info:
        interorg.case_from_dict(data)
    assert message in [str(p) for p in info.value.problems]
