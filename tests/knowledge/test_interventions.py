"""The eight intervention types: the source's texts, and which answers each suspected problem."""

import re

import pytest

import interorg
from conftest import scenario
from test_archetypes import ARCHETYPES
from test_provenance import _seed_text

INTERVENTIONS = ["visioning", "convening", "reflective", "process-managing", "problem-structuring", "brokering",
                 "conflict-handling", "institutional-entrepreneurship"]

#: Which intervention types answer which problem (the source's pairing and the project's).
PAIRINGS = {
    "lack-of-shared-ambition": ["visioning", "convening"],
    "dilution-of-perspective": ["visioning", "reflective"],
    "personnel-instability": ["process-managing", "institutional-entrepreneurship"],
    "sham-collaboration": ["convening", "reflective"],
    "under-organisation": ["process-managing", "institutional-entrepreneurship"],
    "enemy-image": ["conflict-handling"],
    "dual-loyalties": ["process-managing", "problem-structuring"],
    "unbridgeable-diversity": ["problem-structuring", "brokering"],
    "power-play": ["brokering", "conflict-handling"],
}


# texts that write out a letter the source's text dropped, with the source's text as extracted
_DROPPED_LETTERS = {"Procesimplementatie": "Proceimplementatie"}


def test_eight_types_with_the_sources_words(knowledge):
    """The eight types in the source's order; every Dutch title, description and technique is the source's own text.

    Only a dropped letter is written in full, and the source still has the text without it.
    """
    assert [i.id for i in knowledge.interventions] == INTERVENTIONS
    source = _seed_text("common-eye-workbook")
    for item in knowledge.interventions:
        for text in (item.title.nl, item.description.nl, *(t.nl for t in item.techniques)):
            shown = re.sub(r"\s+", " ", text)
            assert _DROPPED_LETTERS.get(shown, shown) in source, (item.id, text)
        assert item.description.en != item.description.nl and item.techniques
    techniques = [t.nl for item in knowledge.interventions for t in item.techniques]
    assert "Procesimplementatie" in techniques and "Proceimplementatie" not in techniques


def test_every_recommendation_names_its_type(knowledge):
    """Every recommendation of the interventions model is listed under exactly one intervention type."""
    listed = [rule for item in knowledge.interventions for rule in item.recommended_by]
    assert len(listed) == len(set(listed))
    recommendations = {r.id for r in knowledge.rules if r.model == "diagnosis.interventions" and r.kind == "recommendation"}
    assert set(listed) == recommendations


def test_pairings(knowledge):
    """Each problem is answered by the intervention types of PAIRINGS, and each pairing has its own rule."""
    found = {archetype: [] for archetype in ARCHETYPES}
    for item in knowledge.interventions:
        for rule_id in item.recommended_by:
            for dependency, _ in knowledge.rule(rule_id).depends_on():
                if dependency.startswith("archetypes."):
                    found[dependency.split(".", 1)[1]].append(item.id)
    assert {a: sorted(found[a]) for a in ARCHETYPES} == {a: sorted(PAIRINGS[a]) for a in ARCHETYPES}


def test_only_under_organisation_is_the_sources_pairing(knowledge):
    """The source ties institutional entrepreneurship to under-organisation, and brokering to a strong change, in so
    many words; every other pairing is derived."""
    rules = [r for r in knowledge.rules if r.model == "diagnosis.interventions"]
    sourced = sorted(r.id for r in rules if r.basis == "source")
    assert sourced == ["interventions.brokering.strong-change",
                       "interventions.institutional-entrepreneurship.under-organisation"]
    rule = knowledge.rule("interventions.institutional-entrepreneurship.under-organisation")
    assert "lijden onder 'onderorganisatie'" in rule.sources[0].quote
    assert all(r.reason for r in rules if r.basis == "derived")


@pytest.mark.parametrize("archetype", ARCHETYPES)
def test_interventions_follow_the_suspicion(archetype):
    """In the troubled case every problem gets its interventions, each explained by the suspicion it answers."""
    advice = scenario("diagnosis_troubled")
    for intervention in PAIRINGS[archetype]:
        recommendation = advice[f"interventions.{intervention}.{archetype}"]
        assert recommendation.kind == "recommendation"
        assert recommendation.explanation.supports[0].evidence[0].rule == f"archetypes.{archetype}"


def test_no_archetype_intervention_in_the_healthy_case():
    """Without a suspected problem no intervention answers one; only the phase's own recommendation remains."""
    advice = scenario("diagnosis_healthy")
    assert [c.id for c in advice.conclusions if c.model == "diagnosis.interventions"] == [
        "interventions.institutional-entrepreneurship.implementing"]


def test_brokering_chains_on_the_network():
    """A broker in the network gets a mediator; one-sided dependence gets power bridging, naming both partners."""
    advice = scenario("diagnosis_troubled")
    mediator = advice["interventions.brokering.mediator[b]"]
    assert mediator.explanation.supports[0].evidence[0].rule == "network.structure.broker"
    bridging = advice["interventions.brokering.power-bridging[a>b]"]
    assert bridging.title == "Brokering (bemiddelen): power bridging between a and b"
    assert bridging.explanation.supports[0].evidence[0].rule == "network.structure.power-imbalance"


def test_reflection_needs_acceptable_power():
    """Where reflection is recommended but power is unequal, the source's condition is a warning."""
    advice = scenario("diagnosis_troubled")
    warning = advice["interventions.reflective.power-condition"]
    assert "acceptabele verdeling van macht" in warning.sources[0].quote
    assert {s.evidence[1].rule for s in warning.explanation.supports} == {"archetypes.power-play",
                                                                          "network.structure.power-imbalance"}
    no_power = interorg.advise({"observations": [{"observation": "symbolic_participation"}]})
    assert "interventions.reflective.sham-collaboration" in no_power
    assert "interventions.reflective.power-condition" not in no_power


def test_institutional_entrepreneurship_in_implementing():
    """In the phase of implementing and renewing, institutional entrepreneurship is recommended, after the source."""
    advice = interorg.advise({"phase": {"current": "implementing"}})
    assert "interventions.institutional-entrepreneurship.implementing" in advice
    assert "interventions.institutional-entrepreneurship.implementing" not in interorg.advise(
        {"phase": {"current": "shaping"}})


def test_phase_mapping_of_institutional_entrepreneurship_is_derived(knowledge):
    """'Operationaliseren en vernieuwen' read as the checklist's 'uitvoeren en vernieuwen' is the project's mapping."""
    rule = knowledge.rule("interventions.institutional-entrepreneurship.implementing")
    assert rule.basis == "derived" and "uitvoeren en vernieuwen" in rule.reason.en
    assert rule.sources[0].quote == "Vooral van belang in de fase van 'operationaliseren en vernieuwen'."


def test_dutch_recommendation():
    """In Dutch a recommendation keeps the source's Dutch terms."""
    advice = interorg.advise({"observations": [{"observation": "conflict_history"}]}, lang="nl")
    recommendation = advice["interventions.conflict-handling.enemy-image"]
    assert recommendation.title == "Bij een hardnekkig vijandbeeld: conflict handling (conflicten hanteren)"
    assert "historisch wantrouwen" in recommendation.text


def test_low_monitoring_leads_to_reflection_and_process_evaluation():
    """Monitoring and reflection scored low: reflective intervention and process evaluation, one action with the scan."""
    advice = scenario("diagnosis_monitoring_low")
    reflective = advice["interventions.reflective.monitoring"]
    process = advice["interventions.process-managing.monitoring"]
    assert "(2)" in reflective.title and "procesevaluatie" in process.text
    assert "interventions.reflective.power-condition" not in advice
    (action,) = [a for a in advice.counsel.plan if "scan.discuss" in a.rules]
    assert set(action.rules) == {"scan.discuss", "interventions.reflective.monitoring",
                                 "interventions.process-managing.monitoring"}
    assert "regelmatig reflecteren" in reflective.sources[0].quote


def test_low_monitoring_on_the_example_waits_for_power_but_evaluation_does_not():
    """On the example (monitoring 2.0, power play suspected): reflection is set aside, process evaluation stays."""
    advice = interorg.advise(interorg.example_case())
    status = advice.counsel.status
    assert status("interventions.reflective.monitoring") == "set-aside"
    assert status("interventions.process-managing.monitoring") == "advice"
    (action,) = [a for a in advice.counsel.plan + advice.counsel.more if "scan.discuss" in a.rules]
    assert "interventions.process-managing.monitoring" in action.rules
    assert "interventions.reflective.monitoring" not in action.rules


def test_reflection_needs_partners_open_to_it():
    """Partners closed to reflection: the condition is warned of, and every reflective recommendation is set aside."""
    advice = scenario("diagnosis_closed_to_reflection")
    warning = advice["interventions.reflective.openness-condition"]
    assert len(warning.explanation.supports) == 3
    assert "open staan voor (gezamenlijke) (zelf)reflectie" in warning.sources[0].quote
    for rule in ("dilution-of-perspective", "sham-collaboration", "monitoring"):
        assert advice.counsel.status(f"interventions.reflective.{rule}") == "set-aside"
    assert advice.counsel.status("interventions.process-managing.monitoring") == "advice"


def test_openness_not_seen_or_not_observed_leaves_reflection_advised():
    """Looked for and not seen, or not observed at all, openness sets nothing aside."""
    for observations in ([{"observation": "fading_ambition"}, {"observation": "closed_to_reflection", "seen": False}],
                         [{"observation": "fading_ambition"}]):
        advice = interorg.advise({"observations": observations})
        assert "interventions.reflective.openness-condition" not in advice
        assert "interventions.reflective.dilution-of-perspective" in advice
        assert advice.counsel.status("interventions.reflective.dilution-of-perspective") != "set-aside"


def test_brokering_for_a_strong_change():
    """Each strong change the case records asks for brokering, in the source's words; none recorded, none asked."""
    advice = scenario("diagnosis_strong_change")
    found = [c for c in advice.conclusions if c.id == "interventions.brokering.strong-change"]
    assert [c.subject for c in found] == ["reorientation", "longer_horizon"]
    assert found[0].basis == "source" and "sterke verandering ondergaat" in found[0].sources[0].quote
    assert found[0].explanation.supports[0].evidence[0].path == "phase.changes[0]"
    assert "interventions.brokering.strong-change" in {r for item in interorg.load_knowledge().interventions
                                                       if item.id == "brokering" for r in item.recommended_by}
    assert "interventions.brokering.strong-change" not in interorg.advise({"phase": {"current": "implementing"}})


def test_changes_are_validated_with_their_path():
    """An unknown change, or one given twice, is a CaseError naming phase.changes[i]."""
    with pytest.raises(interorg.CaseError) as info:
        interorg.case_from_dict({"phase": {"changes": ["growth", "growth", "merger"]}})
    message = str(info.value)
    assert "phase.changes[2]: expected one of reorientation, longer_horizon, growth; got 'merger'" in message
    assert "phase.changes[1]: change 'growth' is already given at phase.changes[0]" in message
