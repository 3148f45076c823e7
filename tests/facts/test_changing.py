"""Changes made to a case's data at the case's own indices, and the way between those and the changed data's."""

import pytest

import interorg
from interorg.engine.edits import Edit
from interorg.facts.changing import Places, changed_data
from interorg.facts.editing import CaseEditor, apply_changes

DONE = ["exploring.ambition.core_issue", "exploring.interests.stakeholders", "exploring.relationship.key_players"]


def test_places_agree_with_the_changed_data_both_ways():
    """Every item that stays is found again at its place in the changed data, and taken back to its own."""
    data = {"phase": {"done": list(DONE)}, "reasons": [{"reason": "power"}, {"reason": "efficiency"}]}
    places = Places(data, [("phase.done[0]", None), ("reasons[0]", None), ("phase.done[3]", "sharing.ambition.x")])
    assert places.data == changed_data(data, [("phase.done[0]", None), ("reasons[0]", None),
                                              ("phase.done[3]", "sharing.ambition.x")])
    for index, item in enumerate(DONE + ["sharing.ambition.x"]):
        here = places.ahead(f"phase.done[{index}]")
        if index == 0:
            assert here is None
            continue
        assert places.data["phase"]["done"][int(here[len("phase.done["):-1])] == item
        assert places.back(here) == f"phase.done[{index}]"
    assert places.ahead("reasons[1].reason") == "reasons[0].reason"
    assert places.back("reasons[0].reason") == "reasons[1].reason"


def test_an_item_added_after_the_changes_goes_after_all_the_case_had():
    """A place past the end of the changed list is past the end of the case's list too, the removed ones counted."""
    places = Places({"phase": {"done": list(DONE)}}, [("phase.done[1]", None)])
    assert places.back("phase.done[2]") == "phase.done[3]"
    added = changed_data({"phase": {"done": list(DONE)}}, [("phase.done[1]", None), (places.back("phase.done[2]"), "x")])
    assert added["phase"]["done"] == [DONE[0], DONE[2], "x"]


def test_a_path_without_lists_is_the_same_both_ways():
    places = Places({"care": {"demand": "complex"}}, [("care.demand", "standard")])
    assert places.ahead("care.demand") == places.back("care.demand") == "care.demand"


@pytest.mark.parametrize("domains", [("ambition", "interests"), ("interests", "ambition"),
                                     ("ambition", "interests", "relationship")])
def test_two_counts_moved_in_one_set_of_edits_take_off_each_its_own_activity(domains):
    """The second mover sees the first one's item taken out; its own is still written at the case's index."""
    case = interorg.case_from_dict({"phase": {"current": "sharing", "done": list(DONE)}})
    editor = CaseEditor(case)
    index = {f.values["domain"]: i for i, f in enumerate(editor.facts) if f.type == "phase_domain"}
    done = editor.realise([Edit(index[d], "phase_domain", "phase_domain", "earlier_done", 1, (0,), (0,))
                           for d in domains])
    assert done.problem is None
    taken = sorted(c.path for c in done.changes)
    assert taken == sorted(f"phase.done[{DONE.index(a)}]" for a in DONE if a.split(".")[1] in domains)
    _case, facts = apply_changes(case, [(c.path, None) for c in done.changes])
    counts = {f.values["domain"]: f.values["earlier_done"] for f in facts if f.type == "phase_domain"}
    assert all(counts[d] == 0 for d in domains)
    assert all(counts[d] == 1 for d in ("ambition", "interests", "relationship") if d not in domains)


def test_a_fact_moved_up_by_a_removal_is_read_and_written_where_it_stands():
    """Ann's item is taken out, so Bob's moves up: his count is read from his own item and grows past what he has."""
    data = {"leadership": [{"name": "Ann", "signatures": ["relationship_builder"]},
                           {"name": "Bob", "signatures": ["designer"]}]}
    case = interorg.case_from_dict(data)
    editor = CaseEditor(case)
    ann, bob = [i for i, f in enumerate(editor.facts) if f.type == "leader"]
    done = editor.realise([Edit(ann, "leader", "leader", None, "given", (None,)),
                           Edit(bob, "leader", "leader", "signatures", 1, (3,), (2,))])
    assert done.problem is None
    for way in (done,) + done.alternatives:
        added = [c.path for c in way.changes if c.derived == "leader.signatures"]
        assert added == ["leadership[1].signatures[1]", "leadership[1].signatures[2]"]
        changed, _facts = apply_changes(case, [(c.path, None if c.to == (None,) else c.to[0]) for c in way.changes])
        (leader,) = changed.leadership
        assert leader.name == "Bob" and len(leader.signatures) == 3 and leader.signatures[0] == "designer"
