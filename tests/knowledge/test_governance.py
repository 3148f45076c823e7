"""Provan & Kenis (2008): the mode of network governance the contingencies favour, and a mismatch with the current mode."""

import pytest

import interorg
from conftest import scenario

FITS = [
    ("provan_kenis_governance_shared_fits", "fits-shared", "mismatch-shared", "lead organisation"),
    ("provan_kenis_governance_lead_fits", "fits-lead-organisation", "mismatch-lead-organisation", "shared participant governance"),
    ("provan_kenis_governance_nao_fits", "fits-nao", "mismatch-nao", "lead organisation"),
]
PREFIX = "provan-kenis.governance."


def advise_governance(partners=(), **governance):
    case = interorg.Case(partners=[interorg.Partner(p) for p in partners],
                         governance=interorg.Governance(**governance))
    return interorg.advise(case)


def ids(advice):
    return [cid.removeprefix(PREFIX) for cid in advice.ids() if cid.startswith(PREFIX)]


@pytest.mark.parametrize("name, fit, mismatch, current", FITS)
def test_fitting_mode_and_mismatch(name, fit, mismatch, current):
    """All four contingencies favour one mode: that mode fits, and a different current mode is flagged."""
    advice = scenario(name)
    assert fit in ids(advice) and mismatch in ids(advice)
    assert "contingencies-conflict" not in ids(advice)
    assert len(advice[PREFIX + fit].explanation.supports[0].evidence) == 4
    warning = advice[PREFIX + mismatch]
    assert warning.kind == "warning"
    assert warning.title.startswith(f"The current mode is {current}")
    assert warning.explanation.supports[0].evidence[0].rule == PREFIX + fit


def test_fitting_mode_that_is_current_is_not_flagged():
    """When the current mode is the one the contingencies favour, there is no mismatch."""
    advice = advise_governance(mode="shared", trust="high_density", participants=4,
                               goal_consensus="high", competencies_need="low")
    assert "fits-shared" in ids(advice)
    assert not [cid for cid in ids(advice) if cid.startswith("mismatch-")]


def test_fit_without_a_current_mode():
    """Without a current mode the fitting mode is still advised, and nothing is flagged."""
    advice = advise_governance(trust="moderate_density", participants=12,
                               goal_consensus="moderately_high", competencies_need="high")
    assert ids(advice)[-1] == "fits-nao"
    status = {m.id: m for m in advice.models}["provan-kenis.governance"]
    assert status.status == "partial" and [m.path for m in status.missing] == ["governance.mode"]


def test_participants_are_counted_from_the_partners():
    """Without a number, the partners listed are counted, and the explanation says so."""
    advice = scenario("provan_kenis_governance_lead_fits")
    evidence = advice[PREFIX + "more-participants"].explanation.supports[0].evidence[0]
    assert evidence.path == "governance"
    assert evidence.values["participants"] == 10 and evidence.values["participants_counted"] is True
    assert "number counted from the partners listed (aantal geteld uit de genoemde partners) = yes" in evidence.summary


def test_participants_given_are_not_counted():
    """A number of participants given in the case is used as given, not replaced by the partners' count."""
    advice = advise_governance(partners=["a", "b"], participants=9)
    evidence = advice[PREFIX + "more-participants"].explanation.supports[0].evidence[0]
    assert evidence.values["participants"] == 9 and evidence.values["participants_counted"] is False


@pytest.mark.parametrize("number, expected", [(2, "few-participants"), (7, "few-participants"),
                                              (8, "more-participants"), (40, "more-participants")])
def test_size_threshold(number, expected):
    """Fewer than 8 participants favour shared governance; 8 or more a lead organisation or an NAO."""
    advice = advise_governance(participants=number)
    assert ids(advice) == [expected]
    assert advice[PREFIX + expected].basis == "derived"


def test_no_partners_and_no_number_gives_no_size_finding():
    """With neither a number nor partners, nothing is said about size and the model asks for it."""
    advice = advise_governance(trust="high_density")
    assert ids(advice) == ["trust-high-density"]
    missing = [m.path for m in {m.id: m for m in advice.models}["provan-kenis.governance"].missing]
    assert "governance.participants" in missing


def test_best_fit_with_three_of_four_in_the_example():
    """The example: trust, goals and competencies favour a lead organisation, size shared governance: lead fits best."""
    advice = interorg.advise(interorg.example_case())
    assert ids(advice) == ["trust-low-density", "few-participants", "goal-consensus-moderately-low",
                           "competencies-moderate", "mostly-fits-lead-organisation", "mismatch-lead-organisation"]
    best = advice[PREFIX + "mostly-fits-lead-organisation"]
    assert best.kind == "finding" and best.basis == "derived"
    assert best.title == "Three of the four contingencies favour a lead organisation"
    used = {e.rule for s in best.explanation.supports for e in s.evidence}
    assert used == {PREFIX + r for r in ("trust-low-density", "goal-consensus-moderately-low", "competencies-moderate")}
    mismatch = advice[PREFIX + "mismatch-lead-organisation"]
    assert mismatch.explanation.supports[0].evidence[0].rule == PREFIX + "mostly-fits-lead-organisation"
    assert "three of the four" in mismatch.text


@pytest.mark.parametrize("name, best, mismatch", [
    ("provan_kenis_governance_mostly_shared", "mostly-fits-shared", "mismatch-shared"),
    ("provan_kenis_governance_mostly_nao", "mostly-fits-nao", "mismatch-nao"),
])
def test_three_of_four_give_the_best_fit(name, best, mismatch):
    """Three contingencies favouring one mode make it the best fit, not all four; a different current mode is flagged."""
    found = ids(scenario(name))
    assert best in found and mismatch in found
    assert not [i for i in found if i.startswith("fits-") or i == "contingencies-conflict"]


def test_contingencies_pointing_to_different_modes():
    """Two contingencies for shared governance and two for an NAO: no mode fits best, and that is said."""
    advice = scenario("provan_kenis_governance_conflict")
    assert ids(advice)[-1] == "contingencies-conflict"
    assert not [i for i in ids(advice) if "fits-" in i or i.startswith("mismatch-")]
    conflict = advice[PREFIX + "contingencies-conflict"]
    assert conflict.basis == "derived"
    support = conflict.explanation.supports[0]
    assert support.evidence[0].values["participants"] == 5
    assert len(support.absent) == 6 and "All four contingencies favour a lead organisation" in support.absent


def test_contingency_readings_are_steps(knowledge):
    """Each contingency's reading is a step towards the best fit; only low goal consensus is advice of its own."""
    readings = [r for r in knowledge.rules if r.model == "provan-kenis.governance" and "fits-" not in r.id
                and not r.id.endswith(("-conflict",)) and "mismatch" not in r.id]
    assert {r.id for r in readings if not r.is_step} == {PREFIX + "goal-consensus-low"}


def test_every_rule_on_the_external_source_is_derived(knowledge):
    """Provan & Kenis is external and not shipped: every rule resting on it is derived, with a reason."""
    external = {s.id for s in knowledge.sources.values() if s.kind == "external"}
    resting = [r for r in knowledge.rules if any(ref.source in external for ref in r.sources)]
    assert resting and all(r.basis == "derived" and r.reason for r in resting)


def test_partial_contingencies_give_no_fit_and_no_conflict():
    """With two contingencies unknown, each known one is reported, but neither a fit nor a conflict."""
    advice = scenario("provan_kenis_governance_partial")
    assert ids(advice) == ["trust-high-density", "goal-consensus-low"]
    assert advice[PREFIX + "goal-consensus-low"].kind == "warning"
    status = {m.id: m for m in advice.models}["provan-kenis.governance"]
    assert [m.path for m in status.missing] == ["governance.participants", "governance.competencies_need"]


def test_external_source_is_cited_by_section():
    """The rules cite Provan & Kenis as an external source: no document, no quote, a section as 'where'."""
    advice = scenario("provan_kenis_governance_shared_fits")
    citation = advice[PREFIX + "trust-high-density"].sources[0]
    assert (citation.source, citation.document, citation.quote, citation.year) == ("provan-kenis-2008", None, None, 2008)
    assert citation.where.startswith("Network Governance and Effectiveness (section)")


def test_source_registry_entry(knowledge):
    """The registry holds the full citation and says that Kenis wrote one of the seeds."""
    source = knowledge.sources["provan-kenis-2008"]
    assert source.kind == "external"
    assert "Journal of Public Administration Research and Theory 18(2), 229–252" in source.citation
    assert "001_068ce6b626c406ce.txt" in source.description


def test_mode_label_in_dutch():
    """In Dutch the warning names the current mode in Dutch."""
    advice = scenario("provan_kenis_governance_nao_fits", lang="nl")
    assert advice[PREFIX + "mismatch-nao"].title.startswith("De huidige governancevorm is leidende organisatie")


@pytest.mark.parametrize("data, message", [
    ({"governance": {"participants": 1}}, "governance.participants: expected at least 2"),
    ({"partners": [{"id": "a"}, {"id": "b"}, {"id": "c"}], "governance": {"participants": 2}},
     "governance.participants: 2 is fewer than the 3 partners listed"),
    ({"governance": {"participants": "many"}}, "governance.participants: expected a whole number; got 'many'"),
    ({"governance": {"mode": "network"}}, "governance.mode: expected one of shared, lead_organisation, nao"),
])
def test_bad_governance_input(data, message):
    """Impossible numbers and unknown modes are reported with their path."""
    with pytest.raises(interorg.CaseError) as info:
        interorg.advise(data)
    assert message in str(info.value)
