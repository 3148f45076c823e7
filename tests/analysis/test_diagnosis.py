"""The diagnosis summary: ranked problems with evidence for and against, interventions, and its renderings."""

import json

import pytest

import interorg
from conftest import scenario
from interorg import diagnose
from interorg.report.summaries import diagnosis_lines as summary_lines


@pytest.fixture(scope="module")
def example():
    return interorg.advise(interorg.example_case())


def test_example_diagnosis(example):
    """The example shows strengths, concerns and disagreements, its phase, and its problems graded and ranked."""
    result = diagnose(example)
    assert [i.subject for i in result.scan["strengths"]] == ["felt_urgency", "mutual_dependence"]
    assert [i.subject for i in result.scan["concerns"]] == ["structure", "monitoring"]
    assert [i.subject for i in result.scan["disagreements"]] == ["shared_ambition", "mutual_dependence",
                                                                  "parent_commitment", "equality"]
    assert result.phase.key == "phases.agreeing"
    assert [i.subject for i in result.skipped] == ["sharing.ambition.shared_ambition", "exploring.interests.mandate"]
    power = next(r for r in result.suspected if r.id == "power-play")
    assert power.interventions == ("brokering", "conflict-handling")
    graded = result.suspected + result.worth_checking + result.not_suspected
    assert sorted(r.id for r in graded) == sorted(a.id for a in interorg.load_knowledge().archetypes)
    for problem in result.suspected:
        assert problem.level == "suspected" and problem.weighing.pieces_for >= 2 and problem.weighing.net >= 3
    for problem in result.worth_checking:
        assert problem.level == "worth-checking" and problem.evidence_for and problem.confirm
        # each sign that would confirm it says something to check, not a bare placeholder
        assert all(sign.split(": ", 1)[-1].strip("… ") for sign in problem.confirm)
    nets = [r.weighing.net for r in result.suspected]
    assert nets == sorted(nets, reverse=True)


def test_an_intervention_only_for_problems_worth_checking_is_conditional(example):
    """An intervention answering only problems worth checking is conditional and kept out of the plan."""
    result = diagnose(example)
    checking = {r.id for r in result.worth_checking}
    suspected = {r.id for r in result.suspected}
    for item in result.interventions:
        assert set(item.answers) <= suspected and set(item.if_confirmed) <= checking
        assert item.conditional == (not item.answers and bool(item.if_confirmed))
    planned = {key for action in example.plan for key in action.keys}
    held = set(example.counsel.held_back)
    assert held and not held & planned
    for item in result.interventions:
        if item.conditional:
            assert set(item.recommended_by) <= held


def test_interventions_carry_the_sources_description_and_techniques(example):
    """Each intervention comes with its description and techniques in the advice's language, and what it answers."""
    brokering = next(i for i in diagnose(example).interventions if i.id == "brokering")
    assert brokering.title == "Brokering (bemiddelen)"
    assert brokering.techniques[2] == "Power bridging (where power differs greatly between the partners)"
    assert "power-play" in brokering.answers
    assert "interventions.brokering.mediator[jeugdzorg-kempen]" in brokering.recommended_by
    dutch = next(i for i in diagnose(interorg.advise(interorg.example_case(), lang="nl")).interventions
                 if i.id == "brokering")
    assert dutch.techniques[2] == "Power bridging (bij grote onderlinge machtsverschillen)"
    assert dutch.description.startswith("Omvat interventies gericht op het creëren van mogelijkheden")


def test_evidence_points_into_the_case(example):
    """Every piece of evidence names the places in the case it rests on."""
    for archetype in diagnose(example).suspected:
        for indication in archetype.evidence_for + archetype.evidence_against:
            assert indication.paths, indication.key
            assert indication.key in example


def test_reflection_is_not_offered_while_power_is_unequal():
    """With a power imbalance the reflective intervention is set aside, and the imbalance's explanation says why."""
    advice = scenario("diagnosis_troubled")
    assert "reflective" not in [i.id for i in advice.diagnosis.interventions]
    reflective = [key for key in advice.counsel.set_aside if key.startswith("interventions.reflective.")]
    assert reflective and all(advice.counsel.set_aside[key].by == "network.structure.power-imbalance[a>b]"
                              for key in reflective if key != "interventions.reflective.power-condition")
    assert "then reflect" in advice.explain("network.structure.power-imbalance[a>b]")


def test_healthy_diagnosis():
    """In the healthy case nothing is suspected; the evidence against every problem is listed with it."""
    result = diagnose(scenario("diagnosis_healthy"))
    assert result.suspected == ()
    assert all(r.evidence_against for r in result.not_suspected) and len(result.not_suspected) == 9
    assert len(result.scan["strengths"]) == 16


def test_to_dict_is_json(example):
    """The diagnosis as a dict survives a JSON round trip, with the weighing of each problem."""
    data = json.loads(json.dumps(diagnose(example).to_dict()))
    first = data["suspected"][0]
    assert first["level"] == "suspected" and first["id"] == diagnose(example).suspected[0].id
    weighing = first["weighing"]
    assert weighing["net"] == weighing["score_for"] - weighing["score_against"] and weighing["pieces_for"] >= 2
    assert first["evidence_for"][0]["paths"] == [
        "scan.respondents[0,1,2,3,4,5,6,7].answers.{shared_ambition_1,shared_ambition_2}"]
    assert data["interventions"][0]["techniques"] == ["Shared strategy mapping",
                                                      "Search conferences (exploratory consultation)"]


def test_rendered_in_text_markdown_and_html(example):
    """The full renderings carry the whole diagnosis; the default one the diagnosis in brief."""
    text = example.to_text(full=True)
    assert "\nDiagnosis\n---------\n" in text and ". Smouldering power play (sluimerend machtsspel)" in text
    assert "Covers interventions aimed at creating opportunities" in text
    markdown = example.to_markdown(full=True)
    assert "\n## Diagnosis\n" in markdown and "- techniques: Mediation; Reframing" in markdown
    assert "Diagnosis" in example._repr_html_()
    brief = example.to_text()
    assert "Covers interventions" not in brief and "[dependencies[0]]" not in brief
    assert "Suspected: 1. Lack of shared ambition" in brief and "2. Smouldering power play" in brief


def test_dutch_rendering():
    """In Dutch the diagnosis has Dutch headings and the source's own names."""
    text = interorg.advise(interorg.example_case(), lang="nl").to_text()
    assert "\nDiagnose\n--------\n" in text and "2. Sluimerend machtsspel" in " ".join(text.split())


def test_no_diagnosis_without_its_models():
    """A case without scan, phase or observations has no diagnosis section."""
    advice = interorg.advise({"care": {"demand": "complex", "supply_in_municipality": False}})
    assert summary_lines(advice) == [] and "Diagnosis" not in advice.to_text()


def test_diagnose_takes_a_case():
    """diagnose accepts a case as advise does, and advises on it in English."""
    assert diagnose(interorg.example_case()).lang == "en"


def test_a_problem_outweighed_by_the_evidence_against_is_not_suspected_and_keeps_its_evidence(example):
    """On the example a persistent enemy image has a sign for it and weightier evidence against: it is listed as
    not suspected, with both, not as worth checking."""
    diagnosis = interorg.diagnose(example)
    (enemy,) = [r for r in diagnosis.not_suspected if r.id == "enemy-image"]
    assert enemy.evidence_for and enemy.evidence_against and enemy.level is None
    assert enemy.weighing.score_against >= enemy.weighing.score_for
    assert "enemy-image" not in {r.id for r in diagnosis.worth_checking + diagnosis.suspected}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_what_would_confirm_a_problem_says_what_to_look_for(lang):
    """A sign worth checking names what its placeholders stand for (‹partner›), never an ellipsis or {name}."""
    from conftest import CASES

    signs = set()
    for path in sorted(CASES.glob("*.yaml")):
        for problem in interorg.advise(path, lang=lang).diagnosis.worth_checking:
            signs.update(problem.confirm)
    assert signs, "no case of the corpus has a problem worth checking"
    assert not [sign for sign in signs if "…" in sign or "{" in sign]
    assert any("‹partner›" in sign for sign in signs)
