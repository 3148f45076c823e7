"""Common Eye workbook: the four boundaries (Hirschhorn & Gilmore)."""

import pytest

import interorg

QUESTIONS = {
    "authority": "who’s in charge of what?",
    "task": "who does what?",
    "political": "what’s in it for us?",
    "identity": "who is – and isn’t – ‘us’?",
}


@pytest.mark.parametrize("boundary", sorted(QUESTIONS))
@pytest.mark.parametrize("clarity, fires", [("unclear", True), ("clear", False)])
def test_unclear_boundary_is_a_question_to_settle(boundary, clarity, fires):
    """Each unclear boundary is a recommendation quoting its question; a clear one is not."""
    advice = interorg.advise({"boundaries": {boundary: clarity}})
    rule_id = f"workbook.boundaries.{boundary}"
    assert (rule_id in advice) is fires
    if fires:
        conclusion = advice[rule_id]
        assert conclusion.sources[1].quote == QUESTIONS[boundary]
        assert conclusion.explanation.supports[0].evidence[0].path == f"boundaries.{boundary}"


@pytest.mark.parametrize("status, expected", [
    ("is", "workbook.boundaries.identity-open"),
    ("wants_to_be", "workbook.boundaries.identity-open"),
    ("not", "workbook.boundaries.identity"),
    (None, "workbook.boundaries.identity"),
])
def test_open_identity_suits_a_self_organising_network(status, expected):
    """An unclear identity boundary is a question to settle, unless the network is or wants to be self-organising."""
    case = {"boundaries": {"identity": "unclear"}}
    if status:
        case["self_organisation"] = {"status": status}
    ids = [cid for cid in interorg.advise(case).ids() if cid.startswith("workbook.boundaries.")]
    assert ids == [expected]


def test_open_identity_is_explained_by_both_models():
    """The open-identity finding rests on the boundary and on the self-organisation status."""
    conclusion = interorg.advise({"boundaries": {"identity": "unclear"},
                                  "self_organisation": {"status": "is"}})["workbook.boundaries.identity-open"]
    assert [e.path for e in conclusion.explanation.supports[0].evidence] == ["boundaries.identity",
                                                                            "self_organisation"]
    assert conclusion.basis == "derived"


def test_power_centre_asks_for_the_authority_boundary_until_it_is_given():
    """An unclear power centre asks who's in charge of what, until the authority boundary is recorded."""
    case = {"complexity": {"factors": [{"factor": "unclear_power_centre"}]}}
    assert "workbook.boundaries.power-centre" in interorg.advise(case)
    case["boundaries"] = {"authority": "clear"}
    assert "workbook.boundaries.power-centre" not in interorg.advise(case)


def test_boundary_values_are_checked():
    """A boundary must be clear or unclear."""
    with pytest.raises(interorg.CaseError) as info:
        interorg.case_from_dict({"boundaries": {"task": "vague"}})
    assert str(info.value) == "boundaries.task: expected one of clear, unclear; got 'vague'"
