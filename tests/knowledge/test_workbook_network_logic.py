"""Common Eye workbook: the logic of hierarchy versus the logic of the network (De Bruijn & Ten Heuvelhof)."""

import pytest

import interorg
from conftest import scenario

ASPECTS = ["problem", "goal", "information", "decision", "implementation", "norm"]


@pytest.mark.parametrize("aspect", ASPECTS)
@pytest.mark.parametrize("decides, logic, fires", [
    (False, "hierarchy", True), (False, "network", False), (True, "hierarchy", False), (None, "hierarchy", False),
])
def test_hierarchy_logic_in_a_network(aspect, decides, logic, fires):
    """An aspect run by the logic of hierarchy is flagged only where the case says no party can decide."""
    section = {aspect: logic} if decides is None else {"one_party_decides": decides, aspect: logic}
    advice = interorg.advise({"network_logic": section})
    rule_id = f"workbook.network-logic.{aspect}"
    assert (rule_id in advice) is fires
    if fires:
        conclusion = advice[rule_id]
        assert conclusion.kind == "warning" and conclusion.basis == "derived"
        assert conclusion.explanation.supports[0].evidence[0].path == "network_logic"
        assert [s.where for s in conclusion.sources[:2]] == ["Logica van hiërarchie:", "Logica van Netwerk:"]


def test_all_aspects_flagged_in_order():
    """All six aspects by hierarchy in a network: the network finding and six warnings, in the source's order."""
    advice = scenario("workbook_network_all_hierarchy")
    assert advice.ids() == ["workbook.network-logic.network"] + [f"workbook.network-logic.{a}" for a in ASPECTS]


def test_one_party_decides_is_hierarchy():
    """One party can decide: the hierarchy finding, and no network warnings."""
    advice = scenario("workbook_network_hierarchy")
    assert "workbook.network-logic.hierarchy" in advice
    assert "workbook.network-logic.network" not in advice
    assert "Een partij kan bepalen" in advice["workbook.network-logic.hierarchy"].sources[0].quote


def test_from_complexity_stops_once_the_logic_is_known():
    """Once the case says whether one party decides, complexity no longer asks for the logic."""
    case = {"complexity": {"factors": [{"factor": "interdependence"}]}}
    assert "workbook.network-logic.from-complexity[interdependence]" in interorg.advise(case)
    case["network_logic"] = {"one_party_decides": False}
    assert "workbook.network-logic.from-complexity" not in interorg.advise(case)


def test_network_logic_model_status():
    """With only who decides known, the model is partly applied and lists the aspects to add."""
    advice = interorg.advise({"network_logic": {"one_party_decides": False}})
    status = {m.id: m for m in advice.models}["workbook.network-logic"]
    assert status.status == "partial"
    assert [m.path for m in status.missing][:2] == ["network_logic.problem", "network_logic.goal"]
