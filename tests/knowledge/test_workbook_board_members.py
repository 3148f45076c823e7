"""Common Eye workbook: board members and their personal drivers (Kaats & Opheij)."""

import pytest

import interorg


@pytest.fixture(scope="module")
def example():
    return interorg.advise(interorg.example_case("regional_innovation_alliance"))


def _subjects(advice, rule_id):
    return [c.subject for c in advice.conclusions if c.id == rule_id]


def test_board_members_are_significant(example):
    """Any board member recorded brings the finding that board members are personally significant."""
    conclusion = example["workbook.board-members.significant"]
    assert len(conclusion.explanation.supports) == 3
    assert "podium" in conclusion.text


def test_drivers_recorded_or_asked_for(example):
    """Recorded drivers are quoted back per board member; missing ones are asked for."""
    assert _subjects(example, "workbook.board-members.drivers") == ["Gedeputeerde Van Lier", "Voorzitter De Boer"]
    assert "zichtbaar resultaat" in example["workbook.board-members.drivers[Gedeputeerde Van Lier]"].text
    assert _subjects(example, "workbook.board-members.drivers-unknown") == ["Directeur Bakker"]


@pytest.mark.parametrize("known, brought_in, expected", [
    (False, None, "workbook.board-members.self-interest-unclear"),
    (True, False, "workbook.board-members.self-interest-not-brought-in"),
    (True, True, "workbook.board-members.better-collaborator"),
    (None, True, None),
])
def test_own_interest(known, brought_in, expected):
    """Knowing one's own interest and bringing it in acceptably: advice for each combination the source covers."""
    member = {"name": "Wethouder Smit", "drivers": "Herverkiezing."}
    if known is not None:
        member["self_interest_known"] = known
    if brought_in is not None:
        member["self_interest_brought_in"] = brought_in
    advice = interorg.advise({"board_members": [member]})
    found = [cid for cid in advice.ids() if "self-interest" in cid or "better-collaborator" in cid]
    assert found == ([expected] if expected else [])
    if expected:
        assert advice[expected].subject == "Wethouder Smit"
        assert "betere samenwerkers" in advice[expected].sources[0].quote


def test_not_engaged(example):
    """A board member who is not personally engaged is a derived warning."""
    conclusion = example["workbook.board-members.not-engaged[Voorzitter De Boer]"]
    assert conclusion.basis == "derived"
    assert conclusion.explanation.supports[0].evidence[0].path == "board_members[2]"


def test_emotions_per_board_member(example):
    """Recorded emotions give one finding per board member, supported by each emotion."""
    assert _subjects(example, "workbook.board-members.emotions") == ["Gedeputeerde Van Lier", "Directeur Bakker"]
    supports = example["workbook.board-members.emotions[Gedeputeerde Van Lier]"].explanation.supports
    assert sorted(s.evidence[0].path for s in supports) == ["board_members[0].emotions[0]",
                                                           "board_members[0].emotions[1]"]


def test_board_member_partner_must_be_listed():
    """A board member of a partner the case does not list is an error."""
    with pytest.raises(interorg.CaseError) as info:
        interorg.case_from_dict({"partners": [{"id": "a"}], "board_members": [{"name": "X", "partner": "b"}]})
    assert str(info.value) == "board_members[0].partner: unknown partner 'b'; expected one of a"
