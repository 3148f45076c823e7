"""Why-not on the counts of a partner's position criteria: the criteria answered, or answered otherwise."""

import pytest

import interorg
from conftest import confirmed_change, written
from interorg.case import case_to_dict
from interorg.case.examples import example_case
from interorg.facts.derived import DERIVED, derived_inputs
from interorg.facts.derived_positions import POSITION_FIELDS
from interorg.facts.editing import apply_changes
from interorg.facts.network import POSITION_CRITERIA

YOUTH = example_case("municipal_youth_care")
COUNTS = [field for field in POSITION_FIELDS if field.endswith(("_met", "_margin"))]


def _position(facts, path):
    return next(f.values for f in facts if f.type == "partner_position" and f.path == path)


def test_a_municipality_placed_in_the_strategic_core_by_its_criteria():
    """Reusel meets none of the core's criteria and fits the ring: criteria are changed, and with them it is core."""
    answer = interorg.advise(YOUTH).why_not("network.position.core", subject="reusel")
    assert not answer.fired
    changes = confirmed_change(answer, "partner_position.core_margin")
    assert changes and all(c.path.startswith("partners[3].criteria.") for c in changes)
    changed, facts = apply_changes(YOUTH, written(changes))
    position = _position(facts, "partners[3].criteria")
    assert position["core_met"] >= 3 and position["core_margin"] > 0
    assert not (position["ring_met"] >= 2 and position["ring_margin"] > 0)
    assert "network.position.core[reusel]" in {c.key for c in interorg.advise(changed).conclusions}


@pytest.mark.parametrize("field", COUNTS)
def test_every_count_takes_every_value_it_can_and_no_other(field):
    """For each partner of the example with criteria, each way gives the count the value wanted; none for one out of reach."""
    data = case_to_dict(YOUTH)
    move = DERIVED[("partner_position", field)].move
    size = len(POSITION_CRITERIA[field.rsplit("_", 1)[0]])
    reachable = range(0, size + 1) if field.endswith("_met") else range(-size, size + 1)
    paths = [f"partners[{i}].criteria" for i, p in enumerate(YOUTH.partners) if p.criteria is not None]
    assert len(paths) >= 3
    for path in paths:
        for goal in range(-size - 1, size + 2):
            ways = move(data, path, {}, (goal,))
            assert bool(ways) == (goal in reachable), (path, goal)
            for way in ways:
                _changed, facts = apply_changes(YOUTH, way)
                assert _position(facts, path)[field] == goal, (path, goal, way)


def test_the_fewest_criteria_change_and_an_unknown_one_is_answered_before_an_answer_is_turned():
    """From one core criterion met: two more are met by answering the two left unknown, not by turning an answer."""
    data = {"partners": [{"id": "a", "criteria": {"collective_vision": True, "shares_risk": False,
                                                    "sets_rules_together": False, "strategy_agreement": "none"}}]}
    (first, *others) = DERIVED[("partner_position", "core_met")].move(data, "partners[0].criteria", {}, (3,))
    assert first == [("partners[0].criteria.added_value_core_processes", True),
                     ("partners[0].criteria.exclusivity", True)]
    assert others and all(len(way) >= 2 for way in others)


def test_a_count_that_has_a_value_wanted_is_left_as_it_is():
    data = {"partners": [{"id": "a", "criteria": {"market_transactions": True, "operational_need": True}}]}
    assert DERIVED[("partner_position", "free_met")].move(data, "partners[0].criteria", {}, (2, 3)) == [[]]


@pytest.mark.parametrize("field, state, keys", [
    ("strategy_consensus", True, {"strategy_agreement": "consensus"}),
    ("strategy_consensus", False, {"strategy_agreement": "consent"}),
    ("strategy_consent", False, {"strategy_agreement": "none"}),
    ("no_long_term_obligations", True, {"long_term_obligations": False}),
    ("mutual_added_value", False, {"added_value_core_processes": False, "added_value_target_groups": False}),
    ("mutual_added_value", None, {"added_value_target_groups": None}),
])
def test_a_criterion_the_case_gives_through_another_is_written_there(field, state, keys):
    """The criteria counted that are no key of their own are written at the key they come from."""
    data = {"partners": [{"id": "a", "criteria": {"added_value_target_groups": True, "long_term_obligations": True}}]}
    case = interorg.case_from_dict(data)
    (way,) = DERIVED[("partner_position", field)].move(data, "partners[0].criteria", {}, (state,))
    assert dict(way) == {f"partners[0].criteria.{key}": value for key, value in keys.items()}
    _changed, facts = apply_changes(case, way)
    assert _position(facts, "partners[0].criteria")[field] is state


def test_a_position_count_is_said_to_come_from_the_partners_criteria():
    assert derived_inputs("partner_position", "core_met", "partners[3].criteria") == "partners[3].criteria"


@pytest.mark.parametrize("given, state, keys", [
    ({"added_value_core_processes": False}, True, {"added_value_target_groups": True}),
    ({"added_value_core_processes": False}, False, {"added_value_target_groups": False}),
    ({"added_value_core_processes": False, "added_value_target_groups": True}, None,
     {"added_value_target_groups": None}),
    ({"added_value_core_processes": False, "added_value_target_groups": False}, None,
     {"added_value_core_processes": None}),
])
def test_of_the_two_kinds_of_added_value_only_what_must_change_is_written(given, state, keys):
    """A kind left unknown is answered before a given one is turned, and a key already as wanted is not written."""
    data = {"partners": [{"id": "a", "criteria": given}]}
    (way,) = DERIVED[("partner_position", "mutual_added_value")].move(data, "partners[0].criteria", {}, (state,))
    assert dict(way) == {f"partners[0].criteria.{key}": value for key, value in keys.items()}
    _changed, facts = apply_changes(interorg.case_from_dict(data), way)
    assert _position(facts, "partners[0].criteria")["mutual_added_value"] is state


def test_no_way_writes_a_key_the_case_already_has():
    """Over the partners of the example and every reachable count, no change sets a criterion to what it is."""
    data = case_to_dict(YOUTH)
    for index, partner in enumerate(data["partners"]):
        given = partner.get("criteria")
        if given is None:
            continue
        for field in COUNTS:
            for goal in range(-6, 7):
                for way in DERIVED[("partner_position", field)].move(data, f"partners[{index}].criteria", {}, (goal,)):
                    assert all(given.get(path.rsplit(".", 1)[1]) != value for path, value in way), (
                        index, field, goal, way)


def test_what_a_way_shows_is_what_the_case_gets_where_two_moves_write_one_key():
    """One move takes strategy_agreement out, the next sets it: the case keeps it out, so the way shows it out."""
    from interorg.engine.edits import Edit
    from interorg.facts.editing import CaseEditor

    data = {"partners": [{"id": "a", "criteria": {"strategy_agreement": "consensus", "fills_gaps": True,
                                                    "easy_to_work_with": False}}]}
    case = interorg.case_from_dict(data)
    editor = CaseEditor(case)
    index = next(i for i, fact in enumerate(editor.facts) if fact.type == "partner_position")
    done = editor.realise([Edit(index, "p", "partner_position", "strategy_consensus", True, (None,)),
                           Edit(index, "p", "partner_position", "ring_met", 2, (0,))])
    ways = [done, *done.alternatives]
    assert len(ways) >= 2
    for way in ways:
        _changed, facts = apply_changes(case, written(way.changes))
        assert _position(facts, "partners[0].criteria") == _position(way.facts, "partners[0].criteria"), way.changes
