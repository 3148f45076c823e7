"""Why-not on what the phase facts compute from the current phase: an activity's timing, the switch point."""

import pytest

import interorg
from conftest import CASES, confirmed_change, written
from interorg.case import case_to_dict
from interorg.case.examples import example_case
from interorg.case.phase import ACTIVITIES, PHASES
from interorg.engine.edits import Wanted
from interorg.facts.derived import DERIVED
from interorg.facts.editing import apply_changes

YOUTH = example_case("municipal_youth_care")


@pytest.fixture(scope="module")
def youth():
    return interorg.advise(YOUTH)


def _activity(facts, activity):
    return next(f.values for f in facts if f.type == "phase_activity" and f.values["id"] == activity)


def _keys(changes):
    changed, _facts = apply_changes(YOUTH, written(changes))
    return {c.key for c in interorg.advise(changed).conclusions}


def test_an_activity_of_an_earlier_phase_made_one_of_the_current_phase(youth):
    """The mandate belongs to exploring, and the case is agreeing: the current phase goes back to exploring."""
    answer = youth.why_not("phases.next", subject="exploring.interests.mandate")
    changes = confirmed_change(answer, "phase_activity.timing")
    assert [(c.path, c.to) for c in changes] == [("phase.current", ("exploring",))]
    assert "phases.next[exploring.interests.mandate]" in _keys(changes)


def test_one_write_that_moves_two_derived_fields_is_said_once(youth):
    """Ahead of the switch needs a later activity and a phase not past sharing: phase.current = sharing, said once."""
    answer = youth.why_not("phases.ahead-of-switch", subject="agreeing.ambition.starting_point")
    changes = confirmed_change(answer, "phase_activity.timing")
    paths = [c.path for c in changes]
    assert paths.count("phase.current") == 1 and len(paths) == len(set(paths))
    assert "phases.ahead-of-switch[agreeing.ambition.starting_point]" in _keys(changes)


def test_what_an_activity_is_does_not_move(youth):
    """An activity of exploring comes before the switch point, whatever the case says: no change is proposed."""
    answer = youth.why_not("phases.ahead-of-switch", subject="exploring.interests.mandate")
    assert answer.changes == ()
    assert [(u.reason, u.path) for u in answer.result.unwritable] == [("unreached", "phase_activity.before_switch")]


@pytest.mark.parametrize("phase", PHASES)
def test_every_timing_an_activity_can_have_is_reached_from_every_current_phase(phase):
    """For each current phase and each activity's phase, a way gives the timing wanted; none where there is none."""
    move = DERIVED[("phase_activity", "timing")].move
    for current in PHASES:
        case = interorg.case_from_dict({**case_to_dict(YOUTH), "phase": {"current": current, "done": []}})
        activity = next(a for a in ACTIVITIES if a.startswith(phase + "."))
        for wanted in ("earlier", "current", "later"):
            ways = move(case_to_dict(case), "phase.done", {"phase": phase}, (wanted,))
            possible = {"earlier": phase != PHASES[-1], "current": True, "later": phase != PHASES[0]}[wanted]
            assert len(ways) == possible, (current, phase, wanted)
            for way in ways:
                _changed, facts = apply_changes(case, way)
                assert _activity(facts, activity)["timing"] == wanted
                # the phase nearest the current one that gives it: the current one itself, written as no change
                (_path, to), = way or [("phase.current", current)]
                assert (to == current) == (way == [])
                nearest = min(abs(PHASES.index(p) - PHASES.index(current)) for p in PHASES
                              if _activity(apply_changes(case, [("phase.current", p)])[1], activity)["timing"] == wanted)
                assert abs(PHASES.index(to) - PHASES.index(current)) == nearest


def test_a_domain_made_neglected_by_taking_its_earlier_activities_off_the_checklist(youth):
    """Every earlier activity of ambition is done: the ones ticked off are taken off, and the domain is neglected."""
    answer = youth.why_not("phases.domain-neglected", subject="ambition")
    changes = confirmed_change(answer, "phase_domain.earlier_done")
    assert changes and all(c.path.startswith("phase.done[") and c.to == (None,) for c in changes)
    assert "phases.domain-neglected[ambition]" in _keys(changes)


def test_a_count_that_jumps_is_reached_past_the_stand_in_the_rule_test_names():
    """From exploring no activity of ambition is earlier; the rule asks >= 1, and the nearest phase gives 5, not 1 or 2."""
    case = interorg.case_from_dict({**case_to_dict(YOUTH), "phase": {"current": "exploring", "done": []}})
    answer = interorg.advise(case).why_not("phases.domain-neglected", subject="ambition")
    changes = confirmed_change(answer, "phase_domain.earlier")
    assert [(c.path, c.to) for c in changes] == [("phase.current", ("sharing",))]
    changed, facts = apply_changes(case, written(changes))
    assert _domain(facts, "ambition")["earlier"] not in (1, 2)
    assert "phases.domain-neglected[ambition]" in {c.key for c in interorg.advise(changed).conclusions}


def test_a_count_that_holds_is_kept_holding_when_a_move_would_change_it():
    """From exploring with one ambition activity done: sharing gives ambition earlier activities, and makes that one
    one of them, done; the rule wants none done, so the way also takes it off the checklist."""
    case = interorg.case_from_dict({**case_to_dict(YOUTH),
                                    "phase": {"current": "exploring", "done": ["exploring.ambition.core_issue"]}})
    answer = interorg.advise(case).why_not("phases.domain-neglected", subject="ambition")
    changes = confirmed_change(answer, "phase_domain.earlier")
    assert [(c.path, c.to, c.derived) for c in changes] == [
        ("phase.current", ("sharing",), "phase_domain.earlier"),
        ("phase.done[0]", (None,), "phase_domain.earlier_done")]
    changed, _facts = apply_changes(case, written(changes))
    assert "phases.domain-neglected[ambition]" in {c.key for c in interorg.advise(changed).conclusions}


def test_an_activity_ticked_off_is_found_by_its_id_once_a_move_takes_it_off():
    """Catch-up wants a done activity not done, before the switch: off the checklist, the activity stands at
    phase.done and is found by its id, so what the rule wants of it as it is (its domain, its timing) still holds."""
    case = interorg.load_case(CASES / "diagnosis_healthy.yaml")
    answer = interorg.advise(case).why_not("phases.catch-up")
    assert answer.result.verified[0]
    changes = answer.changes[0]
    assert {(c.path, c.to) for c in changes} == {("phase.done[0]", (None,)), ("phase.current", ("sharing",))}
    changed, _facts = apply_changes(case, written(changes))
    assert "phases.catch-up" in {c.id for c in interorg.advise(changed).conclusions}


def test_a_count_wanted_in_a_range_takes_the_nearest_phase_that_gives_one_in_it():
    """With the rules' bounds, each stand-in wanted is a range: the way is to the nearest phase whose count is in it."""
    move = DERIVED[("phase_domain", "earlier")].move
    data = {"phase": {"current": "exploring", "done": []}}
    counts = {phase: _domain(apply_changes(interorg.case_from_dict({"phase": {"current": phase, "done": []}}), [])[1],
                             "ambition")["earlier"] for phase in PHASES}
    assert move(data, "phase.done", {"domain": "ambition"}, (1, 2)) == []  # no phase gives exactly 1 or 2
    (way,) = move(data, "phase.done", {"domain": "ambition"}, Wanted((1, 2), points=(1,)))
    (phase,) = [value for path, value in way if path == "phase.current"]
    assert counts[phase] >= 1
    nearer = PHASES[:PHASES.index(phase)]
    assert all(counts[p] < 1 for p in nearer)


def _domain(facts, domain):
    return next(f.values for f in facts if f.type == "phase_domain" and f.values["domain"] == domain)


@pytest.mark.parametrize("field", ["earlier", "earlier_done", "open"])
def test_every_count_of_a_domain_takes_every_value_it_can_and_no_other(field):
    """From each current phase, with half the checklist done, each way gives the domain's count the value wanted."""
    move = DERIVED[("phase_domain", field)].move
    for current in PHASES:
        done = list(ACTIVITIES[::2])
        case = interorg.case_from_dict({**case_to_dict(YOUTH), "phase": {"current": current, "done": done}})
        data = case_to_dict(case)
        for domain in ("ambition", "interests", "relationship", "organisation"):
            if field == "earlier":  # what the count is with each current phase
                possible = {_domain(apply_changes(case, [("phase.current", phase)])[1], domain)[field]
                            for phase in PHASES}
            else:  # any number of the domain's activities of earlier phases (or of this one) done
                place = PHASES.index(current)
                mine = [a for a in ACTIVITIES if a.split(".")[1] == domain and (
                    PHASES.index(a.split(".")[0]) < place if field == "earlier_done" else a.split(".")[0] == current)]
                possible = set(range(len(mine) + 1))
            for goal in range(0, 12):
                ways = move(data, "phase.done", {"domain": domain}, (goal,))
                assert bool(ways) == (goal in possible), (current, domain, goal)
                for way in ways:
                    assert _domain(apply_changes(case, way)[1], domain)[field] == goal, (current, domain, goal, way)


def test_an_activity_named_twice_on_the_checklist_is_counted_and_taken_off_once():
    """The case may tick an activity off twice; the facts count it once, and taking it off takes both."""
    data = {"phase": {"current": "sharing", "done": ["exploring.ambition.core_issue", "exploring.ambition.core_issue",
                                                      "exploring.interests.stakeholders"]}}
    case = interorg.case_from_dict(data)
    move = DERIVED[("phase_domain", "earlier_done")].move
    assert move(data, "phase.done", {"domain": "ambition"}, (1,)) == [[]]
    (way,) = move(data, "phase.done", {"domain": "ambition"}, (0,))
    assert way == [("phase.done[0]", None), ("phase.done[1]", None)]
    (added,) = move(data, "phase.done", {"domain": "ambition"}, (2,))
    assert [path for path, _value in added] == ["phase.done[3]"]
    for way, goal in ((way, 0), (added, 2)):
        assert _domain(apply_changes(case, way)[1], "ambition")["earlier_done"] == goal
        assert _domain(apply_changes(case, way)[1], "interests")["earlier_done"] == 1
