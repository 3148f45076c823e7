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
    """The example shows strengths, concerns and disagreements, its phase, eight ranked problems and their interventions."""
    result = diagnose(example)
    assert [i.subject for i in result.scan["strengths"]] == ["felt_urgency", "mutual_dependence"]
    assert [i.subject for i in result.scan["concerns"]] == ["structure", "monitoring"]
    assert [i.subject for i in result.scan["disagreements"]] == ["shared_ambition", "mutual_dependence",
                                                                  "parent_commitment", "equality"]
    assert result.phase.key == "phases.agreeing"
    assert [i.subject for i in result.skipped] == ["sharing.ambition.shared_ambition", "exploring.interests.mandate"]
    assert len(result.suspected) == 8 and result.suspected[0].id == "power-play"
    assert result.suspected[0].interventions == ("brokering", "conflict-handling")
    assert [i.id for i in result.interventions] == ["visioning", "convening", "reflective", "process-managing",
                                                    "problem-structuring", "brokering", "conflict-handling",
                                                    "institutional-entrepreneurship"]


def test_interventions_carry_the_sources_description_and_techniques(example):
    """Each intervention comes with its description and techniques in the advice's language, and what it answers."""
    brokering = next(i for i in diagnose(example).interventions if i.id == "brokering")
    assert brokering.title == "Brokering (bemiddelen)"
    assert brokering.techniques[2] == "Power bridging (where power differs greatly between the partners)"
    assert brokering.answers == ("unbridgeable-diversity", "power-play")
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


def test_caveat_is_attached_to_its_intervention():
    """The warning about reflection and power is shown with the reflective intervention."""
    reflective = next(i for i in diagnose(scenario("diagnosis_troubled")).interventions if i.id == "reflective")
    assert reflective.caveats == ("interventions.reflective.power-condition",)


def test_healthy_diagnosis():
    """In the healthy case nothing is suspected; the evidence against every problem is listed with it."""
    result = diagnose(scenario("diagnosis_healthy"))
    assert result.suspected == ()
    assert all(r.evidence_against for r in result.not_suspected) and len(result.not_suspected) == 9
    assert len(result.scan["strengths"]) == 16


def test_to_dict_is_json(example):
    """The diagnosis as a dict survives a JSON round trip, with the balance of each problem."""
    data = json.loads(json.dumps(diagnose(example).to_dict()))
    first = data["suspected"][0]
    assert (first["id"], first["signs_for"], first["signs_against"], first["balance"]) == ("power-play", 4, 0, 4)
    assert first["evidence_for"][0]["paths"] == ["dependencies[0]"]
    assert data["interventions"][0]["techniques"] == ["Shared strategy mapping",
                                                      "Search conferences (exploratory consultation)"]


def test_rendered_in_text_markdown_and_html(example):
    """Text, Markdown and HTML end with the diagnosis; brief text leaves out descriptions and paths."""
    text = example.to_text()
    assert "\nDiagnosis\n---------\n" in text and "1. Smouldering power play (sluimerend machtspeel)" in text
    assert "Covers interventions aimed at creating opportunities" in text
    markdown = example.to_markdown()
    assert "\n## Diagnosis\n" in markdown and "- techniques: Mediation; Reframing" in markdown
    assert "<h4>Diagnosis</h4>" in example._repr_html_()
    brief = example.to_text(explain=False)
    assert "Covers interventions" not in brief and "[dependencies[0]]" not in brief
    assert "1. Smouldering power play" in brief


def test_dutch_rendering():
    """In Dutch the diagnosis has Dutch headings and the source's own names."""
    text = interorg.advise(interorg.example_case(), lang="nl").to_text()
    assert "\nDiagnose\n--------\n" in text and "1. Sluimerend machtspeel" in text


def test_no_diagnosis_without_its_models():
    """A case without scan, phase or observations has no diagnosis section."""
    advice = interorg.advise({"care": {"demand": "complex", "supply_in_municipality": False}})
    assert summary_lines(advice) == [] and "Diagnosis" not in advice.to_text()


def test_diagnose_takes_a_case():
    """diagnose accepts a case as advise does, and advises on it in English."""
    assert diagnose(interorg.example_case()).lang == "en"
