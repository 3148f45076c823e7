"""The advice object: its JSON shape and its renderings."""

import json

import pytest

import interorg


@pytest.fixture(scope="module")
def advice():
    return interorg.advise(interorg.example_case())


def test_to_dict_shape(advice):
    """to_dict has the documented top-level keys and is JSON-serialisable."""
    data = advice.to_dict()
    assert list(data) == ["schema_version", "interorg_version", "lang", "case", "findings",
                          "warnings", "recommendations", "models", "summaries", "explanations"]
    assert list(data["summaries"]) == ["relationships", "diagnosis"]
    assert json.loads(json.dumps(data)) == data


def test_every_conclusion_has_id_explanation_and_sources(advice):
    """Each conclusion in JSON carries its id, kind, explanation with rule, and its sources."""
    data = advice.to_dict()
    conclusions = data["findings"] + data["warnings"] + data["recommendations"]
    assert len(conclusions) == len(advice.conclusions)
    for item in conclusions:
        assert item["id"] and item["kind"] in ("finding", "warning", "recommendation")
        explanation = data["explanations"][item["explanation"]]
        assert explanation["rule"] == item["id"]
        assert explanation["supports"]
        assert item["sources"] and all(s["where"] and s["source"] for s in item["sources"])


def test_kind_properties_partition_the_conclusions(advice):
    """findings, warnings and recommendations together are all conclusions."""
    assert len(advice.findings) + len(advice.warnings) + len(advice.recommendations) == len(advice.conclusions)
    assert all(c.kind == "warning" for c in advice.warnings)


def test_lookup_by_key(advice):
    """An advice can be indexed by id or by id[subject], and says what it contains."""
    assert advice["kenis.reasons.organisation-serving[power]"].subject == "power"
    assert "kenis.need.quadrant-iv" in advice
    with pytest.raises(KeyError):
        advice["no.such.rule"]


def test_text_rendering(advice):
    """The text rendering has the sections, each conclusion's key, its basis and derivation."""
    text = advice.to_text()
    assert text.startswith("Advice for Jeugdhulp regio Kempenland")
    for heading in ("Findings", "Warnings", "Recommendations"):
        assert f"\n{heading}\n" in text
    assert "[kenis.need.quadrant-iv]" in text
    assert "Because:" in text and "coordination.providers.completeness" in text
    assert "derived by interorg" in text


def test_brief_text_has_no_explanations(advice):
    """explain=False leaves sources and derivations out."""
    assert "Because:" not in advice.to_text(explain=False)


def test_markdown_and_html(advice):
    """Markdown has headings per kind; HTML (Jupyter) escapes text and folds the derivation."""
    markdown = advice.to_markdown()
    assert "## Findings" in markdown and "<details>" in markdown
    html = advice._repr_html_()
    assert html.startswith('<div class="interorg-advice">') and "<details>" in html
    assert "Jeugdhulp regio Kempenland" in html


def test_explain_one_conclusion(advice):
    """explain() gives the derivation tree of one conclusion down to the case."""
    tree = advice.explain("kenis.conclusions.region-all-products")
    assert tree.splitlines()[0].startswith("rule kenis.conclusions.region-all-products")
    assert "rule kenis.coordination.b1" in tree
    assert "coordination.providers.completeness" in tree


def test_dutch_rendering():
    """In Dutch the headings and texts are Dutch."""
    text = interorg.advise(interorg.example_case(), lang="nl").to_text()
    assert text.startswith("Advies voor") and "Bevindingen" in text and "Omdat:" in text


def test_models_not_applied_are_listed():
    """Models the case gives nothing for are listed with the paths to add."""
    advice = interorg.advise({"care": {"demand": "standard", "supply_in_municipality": True}})
    text = advice.to_text()
    assert "Models not (fully) applied" in text and "reasons" in text
    statuses = {m.id: m.status for m in advice.models}
    assert statuses.pop("kenis.need") == "applied"
    assert set(statuses.values()) == {"not_applied"}


def test_summaries_in_json_match_the_python_api(advice):
    """The JSON summaries are the relationship summary and the diagnosis, as the Python API gives them."""
    summaries = json.loads(advice.to_json())["summaries"]
    assert summaries["relationships"]["most_risky_partners"] == list(interorg.relationship_summary(advice).most_risky_partners())
    assert summaries["diagnosis"] == json.loads(json.dumps(interorg.diagnose(advice).to_dict()))


def test_repr_is_a_short_summary(advice):
    """The repr counts the conclusions instead of printing all of them."""
    assert repr(advice) == (f"<Advice for 'Jeugdhulp regio Kempenland' (en): {len(advice.findings)} findings, "
                            f"{len(advice.warnings)} warnings, {len(advice.recommendations)} recommendations>")
