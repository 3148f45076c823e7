"""The advice object: its JSON shape and its renderings."""

import json
import re

import pytest

import interorg


@pytest.fixture(scope="module")
def advice():
    return interorg.advise(interorg.example_case())


def test_to_dict_shape(advice):
    """to_dict has the documented top-level keys and is JSON-serialisable."""
    data = advice.to_dict()
    assert data["schema_version"] == 6
    assert list(data) == ["schema_version", "interorg_version", "lang", "knowledge", "case", "plan", "more_actions",
                          "advice", "conclusions", "held_back", "inconsistencies", "models", "summaries", "rules", "sources", "explanations",
                          "inputs"]
    assert list(data["advice"]) == ["findings", "warnings", "recommendations"]
    assert list(data["summaries"]) == ["relationships", "diagnosis"]
    assert json.loads(json.dumps(data)) == data


def test_every_conclusion_has_key_status_explanation_and_sources(advice):
    """Each conclusion in JSON carries its key, kind, priority and status; its rule, its sources; its key, its explanation."""
    data = advice.to_dict()
    assert len(data["conclusions"]) == len(advice.conclusions)
    for item in data["conclusions"]:
        assert item["key"] == (item["id"] if item["subject"] is None else f"{item['id']}[{item['subject']}]")
        assert item["kind"] in ("step", "finding", "warning", "recommendation")
        assert item["step"] == (item["kind"] == "step") and (item["priority"] is None) == item["step"]
        assert item["status"] in ("advice", "step", "set-aside", "held-back")
        assert data["explanations"][item["key"]]
        rule = data["rules"][item["id"]]
        assert rule["sources"] and all(s["where"] and s["source"] in data["sources"] for s in rule["sources"])
        assert (rule["reason"] is None) == (item["basis"] == "source")
    keys = {item["key"] for item in data["conclusions"]}
    listed = [key for kind in data["advice"].values() for key in kind]
    assert set(listed) <= keys and len(listed) == len(set(listed))
    assert all(key in keys for action in data["plan"] for key in action["keys"])


def test_json_without_explanations_is_smaller_and_keeps_the_plan(advice):
    """to_dict(explanations=False) drops the derivation trees but keeps the plan, every conclusion and its sources."""
    lean = advice.to_dict(explanations=False)
    assert "explanations" not in lean and "inputs" not in lean
    assert lean["conclusions"] == advice.to_dict()["conclusions"] and lean["rules"] and lean["sources"]
    assert lean["plan"] == advice.to_dict()["plan"]
    assert len(json.dumps(lean)) < len(json.dumps(advice.to_dict()))


def test_kind_properties_partition_the_conclusions(advice):
    """findings, warnings and recommendations are the advice; with the steps and what is not advice, all conclusions."""
    counsel = advice.counsel
    advised = advice.findings + advice.warnings + advice.recommendations
    assert sorted(c.key for c in advised) == sorted(counsel.advice)
    assert all(c.kind == "warning" for c in advice.warnings)
    not_advice = [c for c in advice.conclusions if c.kind != "step" and counsel.status(c.key) != "advice"]
    assert not_advice  # the example has conclusions set aside and held back, which are not advice
    assert len(advice.steps) + len(advised) + len(not_advice) == len(advice.conclusions)
    assert not any(c.key in counsel.set_aside for c in advised)


def test_lookup_by_key(advice):
    """An advice is indexed by its unique keys; an id drawn for one subject only also finds it."""
    assert advice["kenis.reasons.organisation-serving[power]"].subject == "power"
    assert "kenis.need.multi-organisation-network" in advice
    assert advice["kenis.need.multi-organisation-network"].subject is None
    assert advice["kenis.need.municipal.quadrant-ii[eersel]"].subject_label == "Gemeente Eersel"  # by its name
    with pytest.raises(KeyError):
        advice["no.such.rule"]


def test_ambiguous_id_names_the_keys(advice):
    """An id drawn for several subjects is ambiguous: the error names the keys to use."""
    with pytest.raises(interorg.AmbiguousKey) as info:
        advice["kenis.reasons.organisation-serving"]
    assert "kenis.reasons.organisation-serving[power]" in str(info.value)
    assert isinstance(info.value, KeyError)
    assert len(advice.get_all("kenis.reasons.organisation-serving")) == 2


def test_default_text_is_the_plan_then_the_advice_in_brief(advice):
    """By default: the action plan first, then one line per rule, no derivations."""
    text = advice.to_text()
    assert text.startswith("Advice for Jeugdhulp regio Kempenland")
    lines = text.splitlines()
    assert lines[3] == "Action plan"
    for heading in ("More actions", "Warnings", "Findings", "Diagnosis"):
        assert f"\n{heading}\n" in text
    assert "Because:" not in text and "Source:" not in text
    assert len(lines) <= 200


def test_full_text_has_keys_basis_and_derivations(advice):
    """full=True gives each conclusion with its key, basis, sources and derivation."""
    text = advice.to_text(full=True)
    assert "[kenis.need.municipal.quadrant-iv[bladel]]" in text
    assert "Because:" in text and "coordination.providers.completeness" in text
    assert "derived by interorg" in text and "Source:" in text
    assert advice.to_text(explain=True) == text


def test_filters_narrow_what_is_shown(advice):
    """--kind, --model, --partner and --top narrow the lists, never the conclusions."""
    only_trust = advice.to_text(models=("trust",))
    assert "Lock-in" in only_trust and "Quadrant IV" not in only_trust
    only_warnings = advice.to_text(kinds=("warning",))
    assert "\nFindings\n" not in only_warnings and "\nWarnings\n" in only_warnings
    top = advice.to_text(top=2)
    assert "\n3. " not in top.split("\nWarnings")[0]
    about = advice.to_text(partner="ggz-kempen")
    assert "GGZ Kempen" in about and "Quadrant IV" not in about


@pytest.mark.parametrize("top", [3, 9])
def test_top_counts_the_actions_of_the_plan_and_after_it_in_rank_order(advice, top):
    """--top N shows actions 1 to N: no action of the plan is skipped for one after it."""
    text = advice.to_text(top=top).split("\nWarnings")[0]
    ranks = [int(line.split(".")[0]) for line in text.splitlines() if re.match(r"\d+\. ", line)]
    assert ranks == list(range(1, top + 1))


def test_full_lists_every_conclusion_that_is_advice(advice):
    """--full lists each conclusion that is advice with its text, those in the plan too; none set aside."""
    text = " ".join(advice.to_text(full=True).split())
    for key in advice.counsel.advice:
        assert f"[{key}]" in text
    for key in advice.counsel.set_aside:
        assert f"\n[{key}]" not in advice.to_text(full=True)
    plan_key = advice.plan[0].keys[0]
    assert " ".join(advice[plan_key].text.split()) in text


def test_a_premise_set_aside_is_marked_in_a_derivation(advice):
    """A derivation that rests on a conclusion a conflict set aside marks that premise as set aside."""
    full = advice.to_text(full=True)
    entry = full[full.index("[archetypes.power-play]"):]
    entry = entry[:entry.index("\n\n")]
    assert "strengthening one's own power position is a reason to collaborate (set aside)" in " ".join(entry.split())


def test_markdown_and_html(advice):
    """Markdown has the plan and headings per kind; HTML (Jupyter) shows the plan first and folds the rest."""
    markdown = advice.to_markdown()
    assert "## Action plan" in markdown and "## Warnings" in markdown
    assert "<details>" in advice.to_markdown(full=True)
    html = advice._repr_html_()
    assert html.startswith('<div class="interorg-advice">') and "<details>" in html
    assert html.index("Action plan") < html.index("<details>")
    assert "Jeugdhulp regio Kempenland" in html


def test_explain_one_conclusion(advice):
    """explain() gives one conclusion as --full does: its text, basis, sources and derivation down to the case."""
    conclusion = advice["kenis.conclusions.region-all-products"]
    tree = advice.explain(conclusion.key)
    assert tree.splitlines()[0].startswith("[kenis.conclusions.region-all-products] Define regions")
    assert " ".join(conclusion.text.split()) in " ".join(tree.split())
    assert "Basis: derived by interorg" in tree and "Source: Patrick Kenis (2011)" in tree
    assert "rule kenis.coordination.b1" in tree
    assert "coordination.providers.completeness" in tree
    assert all(len(line) <= 88 for line in tree.splitlines())
    assert tree in advice.to_text(full=True)


def test_dutch_rendering():
    """In Dutch the headings and texts are Dutch."""
    advice = interorg.advise(interorg.example_case(), lang="nl")
    text = advice.to_text()
    assert text.startswith("Advies voor") and "Actieplan" in text and "Bevindingen" in text
    assert "Omdat:" in advice.to_text(full=True)


def test_models_not_applied_are_listed():
    """Models the case gives nothing for are listed with the paths to add."""
    advice = interorg.advise({"care": {"demand": "standard", "supply_in_municipality": True}})
    assert "could not be applied fully" in advice.to_text()
    text = advice.to_text(full=True)
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


def test_a_filter_that_matches_nothing_is_an_error(advice):
    """An unknown partner or model, or a top below 1, raises UsageError naming each, not an empty advice."""
    with pytest.raises(interorg.errors.UsageError) as raised:
        advice.to_text(partner="nobody", models=("nosuch",), top=0)
    lines = str(raised.value).splitlines()
    assert lines[0].startswith("unknown model 'nosuch'") and "trust" in lines[0]
    assert lines[1].startswith("unknown partner 'nobody'; expected one of eersel,")
    assert "for top; got 0" in lines[2]
    assert advice.to_text(models=("trust.quadrants",), partner="eersel")  # a full id and a partner id are fine


def test_a_selection_without_the_plan_lists_what_the_plan_would_say():
    """--kind warning shows no action: the warnings an action answers are listed, as --full lists them."""
    advice = interorg.advise(interorg.example_case())
    options = dict(kinds=("warning",), models=("trust",), partner="eersel")
    brief, full = advice.to_text(**options), advice.to_text(full=True, **options)
    in_full = [c for c in advice.conclusions if f"[{c.key}]" in full and c.kind == "warning"]
    assert len(in_full) >= 5
    assert [c.key for c in in_full if c.title.split(":")[0] not in brief] == []


def test_an_intervention_is_recommended_only_by_what_is_advice():
    """The diagnosis names no held-back recommendation as recommending an intervention (the example holds one back)."""
    advice = interorg.advise(interorg.example_case())
    held = [key for key in advice.counsel.held_back if advice[key].kind == "recommendation"]
    recommending = [key for item in advice.diagnosis.interventions for key in item.recommended_by]
    assert set(held) & set(recommending)  # the diagnosis's data keeps them all
    named = [line for line in advice.to_text(full=True).splitlines() if "recommended by:" in line]
    assert named and not [key for key in held if any(key in line for line in named)]


def test_a_held_back_conclusion_says_so_where_it_is_explained(advice):
    """As a set-aside one says what set it aside, a held-back suspicion says the diagnosis does not share it."""
    held = [key for key in advice.counsel.held_back]
    assert held
    for key in held:
        assert "Held back: the diagnosis" in advice.explain(key)
    shown = [c.key for c in advice.conclusions if advice.counsel.status(c.key) == "advice"][:5]
    assert not [key for key in shown if "Held back" in advice.explain(key)]


def test_a_wrapped_action_continues_under_its_title():
    """An action numbered 10 or more continues under its title, one column further than one numbered 1 to 9."""
    text = interorg.advise(interorg.example_case()).to_text(full=True)
    lines = text.splitlines()
    starts = [i for i, line in enumerate(lines) if re.match(r"\d\d\. ", line)]
    assert starts
    for i in starts:
        if lines[i + 1].startswith(" ") and not lines[i + 1].lstrip().startswith(("because", "omdat")):
            assert lines[i + 1].startswith("    ") and not lines[i + 1].startswith("     "), lines[i + 1]


def test_a_key_that_names_no_conclusion_is_refused_with_a_way_on(advice):
    """advice[key] and counsel.status(key) refuse a key that names nothing, saying where to look; an advice iterates."""
    with pytest.raises(interorg.NotConcluded, match=r"advice.why_not\('kenis.need.quadrant-i'\)"):
        advice["kenis.need.quadrant-i"]
    with pytest.raises(KeyError):  # a NotConcluded is a KeyError, as a missing key of a mapping is
        advice.counsel.status("no.such-rule")
    assert advice.counsel.status(advice.conclusions[0].key) in ("advice", "step")
    assert list(advice) == list(advice.conclusions) and len(advice) == len(advice.conclusions)
