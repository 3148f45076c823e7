"""Kenis's coöperatie: the will to collaborate is not enough without a common approach."""

import pytest

import interorg
from conftest import scenario

RULE = "kenis.coordination.will-without-approach"


def test_will_without_a_common_approach():
    """The will without a common approach is a warning in the source's words, resting on the coordination section."""
    advice = scenario("kenis_cooperation_without_approach")
    warning = advice[RULE]
    assert warning.kind == "warning" and warning.basis == "source"
    assert "gemeenschappelijke aanpak" in warning.sources[0].quote
    assert [e.path for e in warning.explanation.supports[0].evidence] == ["coordination"]
    assert "niet alleen een wil" in scenario("kenis_cooperation_without_approach", lang="nl")[RULE].sources[0].quote


@pytest.mark.parametrize("given", [{"will_to_collaborate": True, "common_approach": True},
                                   {"will_to_collaborate": False, "common_approach": False},
                                   {"will_to_collaborate": True}, {}])
def test_nothing_said_unless_the_will_lacks_an_approach(given):
    """A common approach, no will, or an approach not stated: no warning."""
    advice = interorg.advise({"coordination": {"internal_information": "yes", **given}})
    assert RULE not in advice


def test_cooperation_values_are_checked():
    """A value that is not a boolean is a CaseError with its path."""
    with pytest.raises(interorg.CaseError, match=r"coordination\.common_approach"):
        interorg.case_from_dict({"coordination": {"common_approach": "sometimes"}})
