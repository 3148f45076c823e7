"""Strategic core, complementary ring and free space: one position per partner, and a competitor in the core."""

import itertools

import pytest

import interorg
from conftest import scenario

POSITIONS = ("network.position.core", "network.position.ring", "network.position.free-space",
             "network.position.none")


def positions(criteria):
    """The placements drawn for one partner with ``criteria``."""
    advice = interorg.advise({"partners": [{"id": "p", "criteria": criteria}]})
    return [c.id for c in advice.conclusions if c.id in POSITIONS]


CRITERIA = {
    "collective_vision": (True, False), "shares_risk": (True, False), "exclusivity": (True, None),
    "easy_to_work_with": (True, None), "fills_gaps": (True, False), "market_transactions": (True, None),
    "operational_need": (True, None), "long_term_obligations": (False, True),
}


@pytest.mark.parametrize("values", list(itertools.product(*CRITERIA.values()))[::7])
def test_a_partner_is_placed_in_one_position_at_most(values):
    """Whatever the criteria, core, ring, free space and none never hold together for one partner."""
    criteria = {name: value for name, value in zip(CRITERIA, values) if value is not None}
    assert len(positions(criteria)) <= 1


def test_fitting_two_positions_places_in_neither():
    """A partner meeting the criteria of the core and of the ring gets the warning to decide, no placement."""
    advice = scenario("network_positions")
    found = {c.id for c in advice.conclusions if c.subject == "both-core-ring"}
    assert found == {"network.position.core-and-ring"}
    assert "places it in neither" in advice["network.position.core-and-ring"].text


def test_competitor_in_core_without_exclusivity():
    """A core partner that is also a competitor, with no exclusivity agreed, is told to make exclusivity explicit."""
    warning = scenario("network_positions")["network.position.competitor-in-core[competitor-core]"]
    assert "make exclusivity agreements explicit" in warning.text


def test_competitor_in_core_with_exclusivity_agreed():
    """Where exclusivity is already agreed, a competitor in the core is not asked to agree it (the example's foundation)."""
    advice = interorg.advise(interorg.example_case())
    assert "network.position.core[jeugdzorg-kempen]" in advice
    assert "network.position.competitor-in-core" not in advice


DOUMA = {  # the end of each dimension's cell in the workbook, which a shortened list would drop
    "strategic": "Complementaire bijdrage Strategie en resources Motivatie",
    "cultural": "Bereidheid tot delen kennis Cultuurwaarde oriëntatie",
    "organisational": "Complementaire vaardigheden Marketing vaardigheden Alliantievaardigheden",
    "operational": "Toegang tot markt / marktkennis Klantreferenties Beheersing van technologie",
}


@pytest.mark.parametrize("dimension", sorted(DOUMA))
def test_weak_fit_quotes_all_of_douma(knowledge, dimension):
    """A weak dimension quotes Douma's full cell from the workbook and does not ask to find out what the case says."""
    rule = knowledge.rule(f"network.fit.weak-{dimension}")
    assert rule.sources[0].quote.endswith(DOUMA[dimension])
    assert "find out which" not in rule.text.en.lower()


def test_strategic_fit_names_government_and_local_identity(knowledge):
    """The criteria most relevant for municipalities are in the strategic list, in English and in Dutch."""
    rule = knowledge.rule("network.fit.weak-strategic")
    assert "relations with government" in rule.text.en and "local identity" in rule.text.en
    assert "relaties met overheid" in rule.text.nl and "lokale identiteit partner" in rule.text.nl


def test_weak_fit_with_criteria_named_does_not_ask_for_them():
    """Where the case names the weak criteria, only the dimension's advice is given; where not, a question asks."""
    advice = interorg.advise(interorg.example_case())
    assert "network.fit.weak-strategic[reusel]" in advice
    assert "network.fit.weak-criteria-unknown[reusel]" not in advice
    assert "network.fit.weak-criteria-unknown[jeugdzorg-kempen]" in advice
