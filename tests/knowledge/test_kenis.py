"""Kenis (2011): the quadrants, the five reasons, the coordination checks and the conclusions."""

import pytest

import interorg
from conftest import scenario

QUADRANTS = [
    ("standard", True, "kenis.need.quadrant-i"),
    ("complex", True, "kenis.need.quadrant-ii"),
    ("standard", False, "kenis.need.quadrant-iii"),
    ("complex", False, "kenis.need.quadrant-iv"),
]


@pytest.mark.parametrize("demand, supply, expected", QUADRANTS)
def test_quadrant(demand, supply, expected):
    """Each combination of care demand and supply falls in exactly its own quadrant."""
    advice = interorg.advise(interorg.Case(care=interorg.Care(demand=demand, supply_in_municipality=supply)))
    quadrants = [cid for cid in advice.ids() if cid.startswith("kenis.need.quadrant-")]
    assert quadrants == [expected]
    evidence = advice[expected].explanation.supports[0].evidence[0]
    assert evidence.path == "care"
    assert evidence.values == {"demand": demand, "supply_in_municipality": supply}


def test_quadrant_needs_both_dimensions():
    """With only the type of demand known, no quadrant is guessed and the model says what is missing."""
    advice = interorg.advise(interorg.Case(care=interorg.Care(demand="complex")))
    assert not [cid for cid in advice.ids() if "quadrant" in cid]
    status = {m.id: m for m in advice.models}["kenis.need"]
    assert status.status == "partial"
    assert [m.path for m in status.missing] == ["care.supply_in_municipality"]


def test_organisation_serving_reasons_once_per_reason():
    """Reasons 1–3 each give their own finding, with the reason as subject, in the case's order."""
    advice = scenario("kenis_quadrant_i_power")
    found = [c for c in advice.conclusions if c.id == "kenis.reasons.organisation-serving"]
    assert [c.subject for c in found] == ["power", "legitimacy"]
    assert found[0].explanation.supports[0].evidence[0].path == "reasons[0]"
    assert "versterken van eigen machtspositie" in found[0].title


def test_no_client_reason_chains_on_organisation_serving():
    """Only organisation-serving reasons: a warning resting on both findings and an absent client reason."""
    advice = scenario("kenis_quadrant_i_power")
    warning = advice["kenis.reasons.no-client-reason"]
    assert warning.kind == "warning"
    subjects = sorted(s.evidence[0].subject for s in warning.explanation.supports)
    assert subjects == ["legitimacy", "power"]
    assert "efficiency" in warning.explanation.supports[0].absent[0]


def test_client_reason_blocks_no_client_warning():
    """Efficiency or effectiveness among the reasons means no 'no client reason' warning."""
    advice = interorg.advise({"reasons": [{"reason": "power"}, {"reason": "effectiveness"}]})
    assert "kenis.reasons.no-client-reason" not in advice
    assert "kenis.reasons.effectiveness" in advice


def test_collaboration_without_need_is_a_two_conclusion_chain():
    """Quadrant I plus an organisation-serving reason is explained down to both inputs."""
    advice = scenario("kenis_quadrant_i_power")
    conclusion = advice["kenis.need.collaboration-without-need[power]"]
    assert conclusion.basis == "derived" and conclusion.reason
    first, second = conclusion.explanation.supports[0].evidence
    assert first.rule == "kenis.need.quadrant-i"
    assert first.explanation.supports[0].evidence[0].path == "care"
    assert second.rule == "kenis.reasons.organisation-serving"
    assert second.explanation.supports[0].evidence[0].path == "reasons[0]"
    assert "versterken van eigen machtspositie" in conclusion.text


@pytest.mark.parametrize("backing, expected, absent", [
    (False, "kenis.reasons.efficiency-without-analysis", "kenis.reasons.efficiency-analysis-unknown"),
    (None, "kenis.reasons.efficiency-analysis-unknown", "kenis.reasons.efficiency-without-analysis"),
    (True, None, None),
])
def test_efficiency_cost_benefit_analysis(backing, expected, absent):
    """An efficiency claim without (or with unknown) cost-benefit analysis is flagged; a backed one is not."""
    advice = interorg.advise(interorg.Case(reasons=[interorg.StatedReason("efficiency", backing)]))
    assert "kenis.reasons.efficiency" in advice
    flagged = {cid for cid in advice.ids() if cid.startswith("kenis.reasons.efficiency-")}
    assert flagged == ({expected} if expected else set())
    if absent:
        assert absent not in advice


CELLS = {
    "a1": ("resources", "completeness"), "a2": ("resources", "task_integration"),
    "a3": ("resources", "cooperation"), "b1": ("providers", "completeness"),
    "b2": ("providers", "task_integration"), "b3": ("providers", "cooperation"),
    "c1": ("clients", "completeness"), "c2": ("clients", "task_integration"),
    "c3": ("clients", "cooperation"),
}


@pytest.mark.parametrize("cell", sorted(CELLS))
@pytest.mark.parametrize("answer, fires", [("no", True), ("partly", True), ("yes", False)])
def test_coordination_cell(cell, answer, fires):
    """A check answered no or partly is a finding naming the cell; yes is not."""
    element, aspect = CELLS[cell]
    advice = interorg.advise({"coordination": {element: {aspect: answer}}})
    rule_id = f"kenis.coordination.{cell}"
    assert (rule_id in advice) is fires
    if fires:
        conclusion = advice[rule_id]
        assert conclusion.explanation.supports[0].evidence[0].path == f"coordination.{element}.{aspect}"
        assert cell.upper() in conclusion.text


@pytest.mark.parametrize("element, rule_id", [("internal_information", "kenis.coordination.d"),
                                              ("external_information", "kenis.coordination.e")])
def test_information_elements(element, rule_id):
    """Elements D and E span all three aspects and are checked as one answer each."""
    assert rule_id in interorg.advise({"coordination": {element: "no"}})
    assert rule_id not in interorg.advise({"coordination": {element: "yes"}})


def test_presence_is_not_coordination():
    """All products present but transitions lacking: the source's 'not automatically coordinated'."""
    advice = scenario("kenis_coordination_all_gaps")
    conclusion = advice["kenis.coordination.integration-not-automatic"]
    evidence = conclusion.explanation.supports[0].evidence
    assert evidence[0].path == "coordination.providers.completeness"
    assert evidence[1].rule == "kenis.coordination.b2"
    assert "kenis.coordination.b1" not in advice


def test_complex_demand_without_coordination_data_asks_for_the_matrix():
    """Complex demand and no coordination answers: recommend assessing the conditions (a chain)."""
    advice = scenario("kenis_quadrant_ii_demand_led")
    assert advice["kenis.coordination.assess"].explanation.supports[0].evidence[0].rule == (
        "kenis.need.multi-organisation-network")
    assert "kenis.coordination.assess" not in scenario("kenis_coordination_all_gaps")


@pytest.mark.parametrize("care, expected, not_expected", [
    ({"leading": "supply"}, "kenis.conclusions.supply-led", None),
    ({"providers_regional": True}, "kenis.conclusions.counterweight", None),
    ({"providers_regional": False}, None, "kenis.conclusions.counterweight"),
    ({"origin": "bottom_up"}, "kenis.conclusions.bottom-up", "kenis.conclusions.top-down-support"),
    ({"origin": "top_down"}, "kenis.conclusions.top-down-support", "kenis.conclusions.bottom-up"),
    ({"origin": "top_down"}, "kenis.conclusions.top-down-alderman-control", None),
    ({"leading": "demand"}, "kenis.conclusions.region-per-demand", None),
    ({"leading": "demand", "region_basis": "administrative"}, "kenis.conclusions.region-per-demand", None),
    ({"leading": "demand", "region_basis": "per_demand_type"}, None, "kenis.conclusions.region-per-demand"),
    ({"leading": "demand", "region_basis": "all_products"}, None, "kenis.conclusions.region-per-demand"),
    ({"leading": "supply"}, None, "kenis.conclusions.region-per-demand"),
])
def test_conclusions_of_may_2011(care, expected, not_expected):
    """Each of the six conclusions fires on its condition and not otherwise."""
    advice = interorg.advise({"care": care})
    if expected:
        assert expected in advice
    if not_expected:
        assert not_expected not in advice


def test_power_reason_as_counterweight_chains_on_subject():
    """The power reason and regional providers join through the reason conclusion's subject."""
    with_power = interorg.advise({"care": {"providers_regional": True}, "reasons": [{"reason": "power"}]})
    chained = with_power["kenis.conclusions.power-reason-as-counterweight"]
    assert [e.rule for e in chained.explanation.supports[0].evidence] == [
        "kenis.conclusions.counterweight", "kenis.reasons.organisation-serving"]
    only_legitimacy = interorg.advise({"care": {"providers_regional": True}, "reasons": [{"reason": "legitimacy"}]})
    assert "kenis.conclusions.power-reason-as-counterweight" not in only_legitimacy


def test_region_with_all_products_follows_b1():
    """B1 unmet leads to regions holding all products, unless the region is already drawn so."""
    advice = interorg.advise({"coordination": {"providers": {"completeness": "no"}}})
    assert advice["kenis.conclusions.region-all-products"].explanation.supports[0].evidence[0].rule == (
        "kenis.coordination.b1")
    drawn = interorg.advise({"care": {"region_basis": "all_products"},
                             "coordination": {"providers": {"completeness": "no"}}})
    assert "kenis.conclusions.region-all-products" not in drawn


def test_region_all_products_is_the_projects_link(knowledge):
    """Kenis gives regions holding all products as an alternative; tying it to an unmet B1 is marked derived."""
    rule = knowledge.rule("kenis.conclusions.region-all-products")
    assert rule.basis == "derived" and "B1" in rule.reason.en and "B1" in rule.reason.nl


def test_region_drawn_by_kenis_alternative_is_not_undone():
    """With demand leading and the region drawn to hold all products, the advice does not ask to redraw it."""
    advice = interorg.advise({"care": {"leading": "demand", "region_basis": "all_products"},
                              "coordination": {"providers": {"completeness": "no"}}})
    assert "kenis.conclusions.region-per-demand" not in advice
    assert "kenis.conclusions.region-all-products" not in advice


@pytest.mark.parametrize("demand, quadrant", [("standard", "kenis.need.quadrant-i"),
                                              ("complex", "kenis.need.quadrant-ii")], ids=["quadrant-i", "quadrant-ii"])
def test_collaboration_without_need_in_both_quadrants_without_need(demand, quadrant):
    """Quadrants I and II both say geen nood aan gemeentelijke samenwerking: both give the warning."""
    advice = interorg.advise({"care": {"demand": demand, "supply_in_municipality": True},
                              "reasons": [{"reason": "uncertainty"}]})
    warning = advice["kenis.need.collaboration-without-need[uncertainty]"]
    assert warning.explanation.supports[0].evidence[0].rule == quadrant
    assert "geen nood aan gemeentelijke samenwerking" in warning.text


@pytest.mark.parametrize("demand", ["standard", "complex"])
def test_no_warning_where_there_is_need(demand):
    """Quadrants III and IV, where there is a need, give no warning of collaboration without need."""
    advice = interorg.advise({"care": {"demand": demand, "supply_in_municipality": False},
                              "reasons": [{"reason": "power"}]})
    assert "kenis.need.collaboration-without-need" not in advice


def test_dutch_advice_keeps_ids_and_translates_text():
    """The same conclusions in Dutch: ids and order equal, texts in Dutch."""
    english, dutch = scenario("kenis_quadrant_i_power"), scenario("kenis_quadrant_i_power", lang="nl")
    assert english.ids() == dutch.ids()
    assert dutch["kenis.need.quadrant-i"].title.startswith("Kwadrant I")
