"""Why-not on measures computed from the case: the partner network's, changed by ties and positions, and the scan's disagreement."""

import pytest

import interorg
from conftest import confirmed_change, written
from interorg.case import case_to_dict
from interorg.case.examples import example_case
from interorg.facts import derived_network
from interorg.facts.derived import DERIVED
from interorg.facts.editing import apply_changes

YOUTH = example_case("municipal_youth_care")


@pytest.fixture(scope="module")
def youth():
    return interorg.advise(YOUTH)


def _advised(changes):
    changed, _facts = apply_changes(YOUTH, written(changes))
    return changed, {c.key for c in interorg.advise(changed).conclusions}


def test_a_partner_made_a_broker_by_a_new_relationship(youth):
    """Bladel bridges no groups: a relationship of Bladel's own is proposed, and with it the broker rule fires."""
    answer = youth.why_not("network.structure.broker", subject="bladel")
    assert not answer.fired
    changes = confirmed_change(answer, "network_partner.broker")
    changed, keys = _advised(changes)
    added = changed.relationships[len(YOUTH.relationships):]
    assert added and all("bladel" in r.between for r in added)
    assert "network.structure.broker[bladel]" in keys


def test_no_ties_takes_out_everything_that_ties_the_partners(youth):
    """No-ties wants 0 ties: every relationship and dependence is taken out, and the partners are left as they are."""
    answer = youth.why_not("network.structure.no-ties")
    changes = confirmed_change(answer, "network.ties")
    assert {c.path for c in changes} == ({f"relationships[{i}]" for i in range(len(YOUTH.relationships))}
                                         | {f"dependencies[{i}]" for i in range(len(YOUTH.dependencies))})
    changed, keys = _advised(changes)
    assert changed.partners == YOUTH.partners and "network.structure.no-ties" in keys


def test_a_count_approached_one_change_at_a_time(youth):
    """A hub needs two strong dependents: two strong dependences on Bladel are added, one change each."""
    answer = youth.why_not("network.structure.hub", subject="bladel")
    changes = confirmed_change(answer, "network_partner.strong_dependents")
    changed, keys = _advised(changes)
    added = changed.dependencies[len(YOUTH.dependencies):]
    assert [(d.on, d.strength) for d in added] == [("bladel", "high"), ("bladel", "high")]
    assert "network.structure.hub[bladel]" in keys


def test_a_dependence_found_by_its_id_when_another_is_taken_out(youth):
    """Making a dependence the only strong one takes another out: the fact is found again by its id, not its index."""
    answer = youth.why_not("network.structure.sole-dependence", subject="jeugdzorg-kempen>eersel")
    changes = confirmed_change(answer, "dependence.sole")
    assert any(c.to == (None,) for c in changes)
    _changed, keys = _advised(changes)
    assert "network.structure.sole-dependence[jeugdzorg-kempen>eersel]" in keys


def test_a_value_beyond_the_numbers_the_rules_compare_with_is_met():
    """Six partners meet 'partners ≥ 2': no change of the partners is proposed (6 stands where the stand-in 3 does)."""
    answer = interorg.why_not(YOUTH, "network.structure.no-ties")
    assert answer.changes and not any(c.path.startswith("partners") for way in answer.changes for c in way)


def test_the_dutch_says_what_is_moved():
    """Under Dutch the proposal says which derived measure it moves, in Dutch."""
    text = interorg.advise(YOUTH, lang="nl").why_not("network.structure.broker", subject="bladel").to_text()
    assert "(verandert het afgeleide network_partner.broker)" in text
    assert "(gecontroleerd door de regels te draaien)" in text


def test_every_way_is_measured_to_reach_a_value_wanted():
    """Each way a network mover offers gives its fact a value wanted, measured on the changed case."""
    data = case_to_dict(YOUTH)
    move = DERIVED[("network_partner", "degree")].move
    ways = move(data, "partners[2]", {"id": "bladel"}, (3,))
    assert ways
    for way in ways:
        changed, facts = apply_changes(YOUTH, way)
        (fact,) = [f for f in facts if f.type == "network_partner" and f.values["id"] == "bladel"]
        assert fact.values["degree"] == 3


def test_the_changes_tried_are_bounded(monkeypatch):
    """On a large network the measure is analysed a bounded number of times, whether a way is found or not."""
    partners = [{"id": f"p{n}"} for n in range(120)]
    data = {"partners": partners, "relationships": [{"between": [f"p{n}", f"p{n + 1}"]} for n in range(119)]}
    calls = []
    real = derived_network.analyse
    monkeypatch.setattr(derived_network, "analyse", lambda case: calls.append(1) or real(case))
    move = DERIVED[("network", "components")].move
    (way,) = move(data, "partners", {}, (7,))  # a path cut in six places: six relationships taken out
    assert [value for _path, value in way] == [None] * 6
    calls.clear()
    assert move(data, "partners", {}, (100,)) == []  # beyond what six changes can do
    assert len(calls) <= derived_network._TRIED + 1


def test_the_partners_made_to_disagree_by_their_answers(youth):
    """No disagreement on felt urgency: the answers of the highest and lowest partners move apart until there is one."""
    answer = youth.why_not("scan.disagreement", subject="felt_urgency")
    changes = confirmed_change(answer, "scan_factor.disagreement")
    assert all(".answers.felt_urgency_" in c.path for c in changes)
    _changed, keys = _advised(changes)
    assert "scan.disagreement[felt_urgency]" in keys


def test_the_partners_made_to_agree_by_their_answers():
    """Moved the other way, the answers of the partners furthest out come together until there is no disagreement."""
    from interorg.analysis.scan import scan_scores

    before = {s.factor: s for s in scan_scores(YOUTH)}["shared_ambition"]
    (way,) = DERIVED[("scan_factor", "disagreement")].move(case_to_dict(YOUTH), "scan", {"id": "shared_ambition"},
                                                          (False,))
    changed, _facts = apply_changes(YOUTH, way)
    after = {s.factor: s for s in scan_scores(changed)}["shared_ambition"]
    assert before.disagreement and after.disagreement is False
    assert all(1 <= value <= 5 for _path, value in way)
