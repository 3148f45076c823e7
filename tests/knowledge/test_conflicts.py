"""Conflicts between conclusions: every exclusive group and every defeat of knowledge/conflicts.yaml, driven by a case."""

import itertools

import pytest

import interorg
from conftest import scenario, scenario_paths
from interorg.case import example_names
from interorg.engine.conflicts import resolve

KNOWLEDGE = interorg.load_knowledge()
REL = "a~b"


def advise(case):
    return interorg.advise(case)


def pair(**relationship):
    """A case with partners a and b and the one relationship a~b."""
    return {"partners": [{"id": "a"}, {"id": "b"}], "relationships": [{"between": ["a", "b"], **relationship}]}


def settled(advice):
    return resolve(advice.conclusions, KNOWLEDGE)


# --- Every case of the suite --------------------------------------------------------------------

def _all_advice():
    out = [(path.stem, interorg.advise(path)) for path in scenario_paths()]
    out += [(name, interorg.advise(interorg.example_case(name))) for name in example_names()]
    return out


ALL = _all_advice()


@pytest.mark.parametrize("name, advice", ALL, ids=[name for name, _ in ALL])
def test_no_inconsistency_in_any_case(name, advice):
    """No scenario or example draws two conclusions of one exclusive group about one subject."""
    assert settled(advice).inconsistencies == ()


@pytest.mark.parametrize("group", KNOWLEDGE.exclusions, ids=[g.id for g in KNOWLEDGE.exclusions])
def test_every_exclusive_group_is_driven(group):
    """Every member of every exclusive group is drawn by some case, and never next to another member."""
    drawn = set()
    for _name, advice in ALL:
        by_subject = {}
        for conclusion in advice.conclusions:
            if conclusion.id in group.rules:
                by_subject.setdefault(conclusion.subject, []).append(conclusion.id)
                drawn.add(conclusion.id)
        assert all(len(ids) == 1 for ids in by_subject.values()), by_subject
    assert drawn == set(group.rules)


def test_exclusive_groups_hold_under_generated_relationships():
    """Over every combination of stated levels and signs, one relationship gets one level of each and one quadrant."""
    groups = [g for g in KNOWLEDGE.exclusions if g.id.startswith("trust.quadrants.")]
    values = {"trust": ("high", "low", None), "vigilance": ("high", "low", None),
              "reliability": (True, False, None), "fear": (True, False, None), "cynicism": (False, None)}
    for combination in itertools.product(*values.values()):
        relationship = {k: v for k, v in zip(values, combination) if v is not None}
        advice = advise(pair(**relationship))
        assert settled(advice).inconsistencies == ()
        for group in groups:
            assert len([c for c in advice.conclusions if c.id in group.rules]) <= 1, (group.id, relationship)


def test_an_inconsistency_is_reported_and_withheld(knowledge_copy):
    """Should two members of a group still be drawn, both are withheld and reported as a fault of the knowledge."""
    path = knowledge_copy / "conflicts.yaml"
    text = path.read_text(encoding="utf-8")
    group = """  - id: test.bottom-up-and-alderman
    title: {en: test, nl: test}
    rules: [kenis.conclusions.top-down-support, kenis.conclusions.top-down-alderman-control]
    basis: derived
    reason: {en: a group that does not hold, nl: een groep die niet klopt}
    sources: [{source: kenis-2011, where: "Conclusies Patrick Kenis, mei 2011"}]
"""
    path.write_text(text.replace("exclusive:\n", "exclusive:\n" + group, 1), encoding="utf-8")
    knowledge = interorg.load_knowledge(knowledge_copy)
    advice = interorg.advise({"care": {"origin": "top_down"}}, knowledge=knowledge)
    result = resolve(advice.conclusions, knowledge)
    (found,) = result.inconsistencies
    assert found.group == "test.bottom-up-and-alderman"
    assert set(found.keys) == {"kenis.conclusions.top-down-support", "kenis.conclusions.top-down-alderman-control"}
    assert all(result.is_set_aside(key) for key in found.keys)


# --- Every defeat ---------------------------------------------------------------------------------

#: A scan in which one respondent of partner a scores monitoring and reflection low.
_LOW_MONITORING = {"respondents": [{"id": "r", "partner": "a", "answers": {"monitoring_1": 1, "monitoring_2": 1}}]}

DEFEAT_CASES = {
    "power-reason.counterweight-over-power-play": (
        {"care": {"providers_regional": True}, "reasons": [{"reason": "power"}]},
        "kenis.conclusions.power-reason-as-counterweight", "archetypes.power-play.power-reason"),
    "trust.contradicted-undercuts-stated-trust": (
        pair(trust="high", vigilance="low", reliability=False),
        f"trust.quadrants.trust-contradicted[{REL}]", f"trust.quadrants.trust-high[{REL}]"),
    "trust.contradicted-undercuts-stated-low-vigilance": (
        pair(trust="high", vigilance="low", cynicism=True),
        f"trust.quadrants.vigilance-contradicted[{REL}]", f"trust.quadrants.vigilance-low[{REL}]"),
    "trust.contradicted-undercuts-stated-high-vigilance": (
        pair(trust="low", vigilance="high", fear=False, scepticism=False, cynicism=False, need_for_control=False),
        f"trust.quadrants.vigilance-contradicted[{REL}]", f"trust.quadrants.vigilance-high[{REL}]"),
    "trust.blind-spot-over-informal-working": (
        pair(trust="high", vigilance="low", lock_in="both"),
        f"trust.blind-spot[{REL}]", f"trust.quadrants.work-unhindered[{REL}]"),
    "network.hub-over-more-say": (
        interorg.example_case(),
        "network.structure.hub[jeugdzorg-kempen]", "network.position.believed-elsewhere-core[jeugdzorg-kempen]"),
    "interventions.power-imbalance-undercuts-reflection-on-perspective": (
        {"partners": [{"id": "a"}, {"id": "b"}], "dependencies": [{"partner": "a", "on": "b", "strength": "high"}],
         "observations": [{"observation": "fading_ambition"}]},
        "network.structure.power-imbalance[a>b]", "interventions.reflective.dilution-of-perspective"),
    "interventions.power-imbalance-undercuts-reflection-on-sham": (
        {"partners": [{"id": "a"}, {"id": "b"}], "dependencies": [{"partner": "a", "on": "b", "strength": "high"}],
         "observations": [{"observation": "symbolic_participation"}]},
        "network.structure.power-imbalance[a>b]", "interventions.reflective.sham-collaboration"),
    "interventions.power-play-undercuts-reflection-on-perspective": (
        {"observations": [{"observation": "fading_ambition"}, {"observation": "power_games"}]},
        "archetypes.power-play", "interventions.reflective.dilution-of-perspective"),
    "interventions.power-play-undercuts-reflection-on-sham": (
        {"observations": [{"observation": "symbolic_participation"}, {"observation": "power_games"}]},
        "archetypes.power-play", "interventions.reflective.sham-collaboration"),
    "interventions.power-imbalance-undercuts-reflection-on-monitoring": (
        {"partners": [{"id": "a"}, {"id": "b"}], "dependencies": [{"partner": "a", "on": "b", "strength": "high"}],
         "scan": _LOW_MONITORING},
        "network.structure.power-imbalance[a>b]", "interventions.reflective.monitoring"),
    "interventions.power-play-undercuts-reflection-on-monitoring": (
        {"partners": [{"id": "a"}], "observations": [{"observation": "power_games"}], "scan": _LOW_MONITORING},
        "archetypes.power-play", "interventions.reflective.monitoring"),
    "interventions.closed-undercuts-reflection-on-perspective": (
        {"observations": [{"observation": "fading_ambition"}, {"observation": "closed_to_reflection"}]},
        "interventions.reflective.openness-condition", "interventions.reflective.dilution-of-perspective"),
    "interventions.closed-undercuts-reflection-on-sham": (
        {"observations": [{"observation": "symbolic_participation"}, {"observation": "closed_to_reflection"}]},
        "interventions.reflective.openness-condition", "interventions.reflective.sham-collaboration"),
    "interventions.closed-undercuts-reflection-on-monitoring": (
        {"partners": [{"id": "a"}], "observations": [{"observation": "closed_to_reflection"}],
         "scan": _LOW_MONITORING},
        "interventions.reflective.openness-condition", "interventions.reflective.monitoring"),
}


def test_every_defeat_has_a_case():
    """Each defeat declared in knowledge/conflicts.yaml is pinned by a case below."""
    assert set(DEFEAT_CASES) == {d.id for d in KNOWLEDGE.defeats}


@pytest.mark.parametrize("defeat", KNOWLEDGE.defeats, ids=[d.id for d in KNOWLEDGE.defeats])
def test_defeat_sets_the_loser_aside(defeat):
    """Where winner and loser are both drawn, the loser is set aside by the winner, with the declared relation and reason."""
    case, winner, loser = DEFEAT_CASES[defeat.id]
    advice = advise(case)
    assert winner in advice and loser in advice
    result = settled(advice)
    assert not result.is_set_aside(winner)
    record = result.set_aside[loser]
    assert (record.by, record.relation, record.rule) == (winner, defeat.relation, defeat.id)
    assert record.reason == defeat.reason.en
    assert loser in {item.key for item in result.set_aside_by(winner)}


@pytest.mark.parametrize("defeat", KNOWLEDGE.defeats, ids=[d.id for d in KNOWLEDGE.defeats])
def test_defeat_is_derived_with_a_reason_in_both_languages(defeat):
    """The sources make none of these links: each is derived, and says why in English and Dutch."""
    assert defeat.basis == "derived"
    assert defeat.reason.en and defeat.reason.nl and defeat.reason.en != defeat.reason.nl


def test_loser_stands_without_its_winner():
    """Without the winner the loser is advice: power play with the power reason but no regional providers."""
    advice = advise({"reasons": [{"reason": "power"}], "observations": [{"observation": "power_games"}]})
    assert "archetypes.power-play.power-reason" in advice
    assert not settled(advice).is_set_aside("archetypes.power-play.power-reason")


# --- The contradictions of the example -------------------------------------------------------------

@pytest.fixture(scope="module")
def example():
    advice = interorg.advise(interorg.example_case())
    return advice, settled(advice)


def test_example_power_reason_is_a_counterweight_not_power_play(example):
    """On the example, the power reason is read as a counterweight, and power play rests on its other signs."""
    advice, result = example
    assert result.set_aside["archetypes.power-play.power-reason"].by == "kenis.conclusions.power-reason-as-counterweight"
    assert not result.is_set_aside("archetypes.power-play")


def test_example_foundation_gets_no_more_say_while_others_depend_on_it(example):
    """Jeugdzorg Kempen: no 'give it more say' next to the dependence on it, and no exclusivity question."""
    advice, result = example
    assert result.set_aside["network.position.believed-elsewhere-core[jeugdzorg-kempen]"].by == (
        "network.structure.hub[jeugdzorg-kempen]")
    assert "network.position.competitor-in-core" not in advice
    assert not result.is_set_aside("network.structure.hub[jeugdzorg-kempen]")


def test_example_contradicted_relationship_gets_no_informal_advice(example):
    """Bergeijk and the foundation: the contradicted levels withhold the quadrant and 'settle things informally'."""
    advice, result = example
    key = "bergeijk~jeugdzorg-kempen"
    for rule in ("trust.quadrants.unhindered-collaboration", "trust.quadrants.work-unhindered", "trust.blind-spot"):
        assert result.set_aside[f"{rule}[{key}]"].relation == "rests-on"
    for rule in ("trust.quadrants.trust-contradicted", "trust.quadrants.vigilance-contradicted",
                 "trust.opportunism.information-asymmetry", "trust.building.reliability"):
        assert not result.is_set_aside(f"{rule}[{key}]")


def test_example_reflection_waits_for_power_to_be_bridged(example):
    """Reflective intervention is not advised while its condition, an acceptable distribution of power, fails."""
    advice, result = example
    assert result.set_aside["interventions.reflective.sham-collaboration"].relation == "undercuts"
    assert result.set_aside["interventions.reflective.power-condition"].relation == "rests-on"
    assert not result.is_set_aside("interventions.brokering.power-bridging[eersel>jeugdzorg-kempen]")


def test_example_informal_working_with_a_lock_in(example):
    """Bladel and the foundation: the blind spot of the lock-in sets aside settling things informally."""
    advice, result = example
    assert result.set_aside["trust.quadrants.work-unhindered[bladel~jeugdzorg-kempen]"].by == (
        "trust.blind-spot[bladel~jeugdzorg-kempen]")


def test_rests_on_set_aside_has_a_message_in_both_languages(knowledge):
    """The reason shown for a conclusion set aside with what it rests on reads well in English and Dutch."""
    assert knowledge.message("rests_on_set_aside", "en") == "It rests on a conclusion that was set aside."
    assert knowledge.message("rests_on_set_aside", "nl") == "Dit berust op een conclusie die is opzijgezet."


# --- Winners found by subject, as a scan would find them ---------------------------------------

def test_winners_are_found_by_subject_as_a_scan_finds_them():
    """The index of a defeat's winners gives, in order, exactly the winners a scan with subjects_meet gives."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from interorg.engine.conflicts import _Winners, subjects_meet

    class Stub:
        def __init__(self, subject):
            self.subject = subject

    parts = st.sampled_from(["a", "b", "c", "d"])
    subjects = st.one_of(st.none(), parts, st.builds(lambda x, y, sep: f"{x}{sep}{y}", parts, parts,
                                                      st.sampled_from("~>")))

    @settings(max_examples=300, deadline=None)
    @given(st.lists(subjects, max_size=12), subjects, st.sampled_from(["any", "same", "overlapping"]))
    def check(winner_subjects, loser, scope):
        winners = [Stub(subject) for subject in winner_subjects]
        found = list(_Winners(winners).meeting(scope, loser))
        assert found == [w for w in winners if subjects_meet(scope, w.subject, loser)]

    check()
