"""Why-not on conditions of fields derived from the case: changes of their inputs, each run, or why none."""

import json

import pytest

import interorg
from conftest import confirmed_change
from interorg.analysis.scan import factor_score
from interorg.case import case_to_dict
from interorg.case.examples import example_case
from interorg.facts import case_facts
from interorg.facts.derived import DERIVED, derived_inputs
from interorg.facts.editing import apply_changes
from interorg.facts.paths import FORMS

YOUTH = example_case("municipal_youth_care")
ALLIANCE = example_case("regional_innovation_alliance")


@pytest.fixture(scope="module")
def youth():
    return interorg.advise(YOUTH)


@pytest.fixture(scope="module")
def alliance():
    return interorg.advise(ALLIANCE)


def _written(change):
    """A change as the value a user writes (None leaves the key out)."""
    return change.path, None if change.to == (None,) else change.to[0]


def _draws(case, changes, key):
    """The case with ``changes`` applied, and whether advising on it draws the conclusion ``key``."""
    changed, _facts = apply_changes(case, [_written(c) for c in changes])
    rule, _, subject = key.partition("[")
    subject = subject[:-1] or None
    drawn = any(c.id == rule and subject in (None, str(c.subject)) for c in interorg.advise(changed).conclusions)
    return changed, drawn


def test_count_of_partners_with_interests(youth):
    """No interests on the youth example: the partners' interests are added, and where-you-sit is then drawn."""
    answer = youth.why_not("workbook.interests.where-you-sit")
    assert not answer.fired
    changes = confirmed_change(answer, "interests.partners")
    assert {c.path for c in changes} >= {"interests.partners[0].partner", "interests.partners[1].partner"}
    changed, drawn = _draws(YOUTH, changes, "workbook.interests.where-you-sit")
    assert drawn and len(changed.interests.partners) >= 2


def test_count_with_every_item_as_the_rule_wants(youth):
    """Win-win wants every partner's outcome given and a win: the partners added take the outcome too."""
    answer = youth.why_not("workbook.interests.win-win")
    changes = confirmed_change(answer, "interests.partners")
    changed, drawn = _draws(YOUTH, changes, "workbook.interests.win-win")
    assert drawn and {p.outcome for p in changed.interests.partners} == {"win"}


def test_leader_signatures(youth):
    """No leadership on the youth example: a leader with a signature other than the designer is proposed."""
    answer = youth.why_not("workbook.signatures.designer-missing")
    changes = confirmed_change(answer, "leader.signatures")
    changed, drawn = _draws(YOUTH, changes, "workbook.signatures.designer-missing")
    assert drawn and changed.leadership[0].signatures and "designer" not in changed.leadership[0].signatures


def test_scan_band_moved_by_the_answers(youth):
    """A concern on the shared ambition: the answers to its two statements change until its score is one."""
    key = "scan.concern[shared_ambition]"
    answer = youth.why_not(key)
    changes = confirmed_change(answer, "scan_factor.band")
    assert all(c.path.startswith("scan.respondents[") and c.path.split(".")[-1].startswith("shared_ambition_")
               for c in changes)
    changed, drawn = _draws(YOUTH, changes, key)
    assert drawn and interorg.scan_scores(changed)["shared_ambition"].band == "concern"
    # the same scoring as the scan's
    answers = [(r.answers.get("shared_ambition_1"), r.answers.get("shared_ambition_2"))
               for r in changed.scan.respondents]
    assert factor_score(answers) == (interorg.scan_scores(changed)["shared_ambition"].score, "concern")


def test_scan_band_towards_strength_changes_few_answers(youth):
    """A strength on the shared ambition takes the fewest answers, each no further than needed."""
    answer = youth.why_not("scan.strength[shared_ambition]")
    changes = confirmed_change(answer, "scan_factor.band")
    changed, drawn = _draws(YOUTH, changes, "scan.strength[shared_ambition]")
    assert drawn and len(changes) <= 3
    assert interorg.scan_scores(changed)["shared_ambition"].band == "strength"


def test_a_factor_nobody_answered(alliance):
    """The alliance has no scan: a concern on the shared ambition is a first respondent's answer in that band."""
    key = "archetypes.lack-of-shared-ambition.scan-concern"
    changes = confirmed_change(alliance.why_not(key), "scan_factor.band")
    assert [c.path for c in changes] == ["scan.respondents[0].id", "scan.respondents[0].partner",
                                         "scan.respondents[0].answers.shared_ambition_1"]
    changed, drawn = _draws(ALLIANCE, changes, key)
    assert drawn and interorg.scan_scores(changed)["shared_ambition"].band == "concern"


def test_starting_points_made_one(alliance):
    """Three starting points on the alliance: making them one draws 'the same starting point'."""
    answer = alliance.why_not("workbook.motives.same-starting-point")
    changes = confirmed_change(answer, "motives_spread.starting_points")
    changed, drawn = _draws(ALLIANCE, changes, "workbook.motives.same-starting-point")
    assert drawn and len({m.starting_point for m in changed.motives if m.starting_point}) == 1


def test_motive_category(alliance):
    """A motive's category comes from the motive: another motive, of the category wanted, takes its place."""
    answer = alliance.why_not("workbook.motives.external-pressure-only")
    (change,) = confirmed_change(answer, "motive.category")
    assert change.path == "motives[0].motives[1]" and change.was == "joint_innovation"
    _changed, drawn = _draws(ALLIANCE, [change], "workbook.motives.external-pressure-only")
    assert drawn


def test_past_the_switch_point(youth):
    """Whether the phase is past the switch point comes from the current phase: the nearest one on the other side."""
    answer = youth.why_not("phases.ahead-of-switch")
    changes = confirmed_change(answer, "phase.past_switch")
    assert [(c.path, c.was, c.to) for c in changes if c.derived] == [("phase.current", "agreeing", ("sharing",))]
    _changed, drawn = _draws(YOUTH, changes, "phases.ahead-of-switch")
    assert drawn


def test_new_relationship_takes_its_id_from_two_partners(alliance):
    """No relationships on the alliance: a new one between two of its partners, so that trust is high on it."""
    answer = alliance.why_not("trust.quadrants.trust-high")
    changes = confirmed_change(answer, "relationship.id")
    assert {c.path: c.to for c in changes if c.derived} == {
        "relationships[0].between[0]": ("provincie",), "relationships[0].between[1]": ("hogeschool",)}
    changed, drawn = _draws(ALLIANCE, changes, "trust.quadrants.trust-high[provincie~hogeschool]")
    assert drawn and changed.relationships[0].trust == "high"


def test_game_rule_breaches_counted_from_the_list():
    """The count of breaches is moved by dropping the last ones, or adding breaches of rules of the game."""
    move = DERIVED[("game_rules", "breaches")].move
    data = case_to_dict(ALLIANCE)
    for wanted in (1, 5):
        (way, *_rest) = move(data, "game_rules", {}, (wanted,))
        _case, facts = apply_changes(ALLIANCE, way)
        assert next(f for f in facts if f.type == "game_rules").values["breaches"] == wanted


def test_several_signatures_added_each_way_another_first():
    """A leader's count of signatures raised by two: two new signatures, each way starting with another one."""
    ways = DERIVED[("leader", "signatures")].move(case_to_dict(ALLIANCE), "leadership[1]", {}, (3,))
    assert len({way[0][1] for way in ways}) == len(ways) == 4
    changed, _facts = apply_changes(ALLIANCE, ways[0])
    assert len(set(changed.leadership[1].signatures)) == 3


def test_unreached_says_so_in_both_languages():
    """With one partner, no change counts two partners' interests: 'unreached', in English and Dutch."""
    case = {"name": "One", "partners": [{"id": "a"}],
            "interests": {"partners": [{"partner": "a", "outcome": "win"}]}}
    answer = interorg.why_not(case, "workbook.interests.where-you-sit")
    assert not answer.changes
    assert [(u.reason, u.path, u.detail) for u in answer.result.unwritable] == [
        ("unreached", "interests.partners", "interests.partners[]")]
    assert ("interests.partners is derived from interests.partners[]; no change of these within the bounds of"
            " the case gives it a value the rule tests") in answer.to_text()
    dutch = interorg.advise(case, lang="nl").why_not("workbook.interests.where-you-sit").to_text()
    assert "interests.partners wordt afgeleid uit interests.partners[]; geen wijziging daarvan" in dutch


def test_conditions_say_they_are_on_a_derived_field(youth):
    """ConditionStatus.derived names the derived field and its inputs, in the JSON, text and Markdown."""
    answer = youth.why_not("workbook.signatures.designer-missing")
    first = answer.conditions[0]
    assert [(d.field, d.inputs) for d in first.derived] == [("leader.signatures", "leadership[].signatures[]")]
    data = json.loads(answer.to_json())
    assert data["conditions"][0]["derived"] == [{"field": "leader.signatures", "inputs": "leadership[].signatures[]"}]
    assert any(c["derived"] == "leader.signatures" for c in data["changes"][0])
    line = "tests leader.signatures, derived from leadership[].signatures[]"
    assert line in answer.to_text() and line in answer.to_markdown()
    assert "(moves leader.signatures, derived)" in answer.to_text()
    # a condition on the case's own values names no derived field
    assert interorg.why_not(YOUTH, "kenis.need.quadrant-i").conditions[0].derived == ()


def test_a_failed_check_on_a_derived_field_names_its_inputs(alliance):
    """The value seen of a derived field is said with what it is derived from, never from itself."""
    answer = alliance.why_not("workbook.motives.same-starting-point")
    (check,) = [c for c in answer.conditions[0].checks if c.derived]
    assert check.inputs == "motives[].starting_point"
    assert "motives.starting_points (derived from motives[].starting_point) is 3" in answer.to_text()


def test_no_derived_field_is_said_to_come_from_itself():
    """For every field a case does not give as such, what it comes from never names the field's own path."""
    for fact_type, form in FORMS.items():
        knowledge = interorg.load_knowledge().facts
        for field in knowledge[fact_type].fields if fact_type in knowledge else ():
            inputs = derived_inputs(fact_type, field)
            if inputs is not None:
                assert f"{form.section}.{field}" not in [item.strip() for item in inputs.split(",")], (
                    fact_type, field, inputs)


def test_every_mover_keeps_the_case_valid():
    """Each way of each mover, on the example cases, gives a case that the case file's checks accept."""
    moved = 0
    for case in (YOUTH, ALLIANCE):
        data = case_to_dict(case)
        for fact in case_facts(case):
            for (fact_type, field), entry in DERIVED.items():
                if fact_type != fact.type or entry.move is None or field not in fact.values:
                    continue
                wanted = {"band": ("concern", "strength"), "category": ("cost",)}.get(field, (True, False, 0, 1, 3))
                for way in entry.move(data, fact.path, fact.values, wanted):
                    apply_changes(case, way)  # raises CaseError when the changed case is invalid
                    moved += 1
    assert moved > 10
