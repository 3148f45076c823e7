"""Why-not: `interorg.why_not`, `Advice.why_not` and `interorg explain`."""

import json

import pytest

import interorg
from conftest import CASES
from interorg.cli import main
from interorg.engine.wording import partner_names
from interorg.errors import UsageError

COMPLEX_IN_MUNICIPALITY = {"name": "Test", "care": {"demand": "complex", "supply_in_municipality": True}}
LOCKED_IN = CASES / "trust_locked_in_provider.yaml"


def test_failed_condition_names_the_value_and_proposes_the_change():
    """Quadrant I on a complex demand: the condition failed on care.demand = complex; set it to standard."""
    answer = interorg.why_not(COMPLEX_IN_MUNICIPALITY, "kenis.need.quadrant-i")
    assert not answer.fired
    (condition,) = answer.conditions
    assert condition.status == "failed"
    assert [(c.path, c.seen, c.test) for c in condition.checks] == [
        ("care.demand", "complex", "type of care demand (type zorgvraag) = standard, one provider (standaard, één aanbieder)")]
    assert [[(c.path, c.was, c.to) for c in changes] for changes in answer.changes] == [
        [("care.demand", "complex", ("standard",))]]
    assert answer.result.verified == (True,)
    # the value seen in words, as the test is
    assert condition.checks[0].shown.startswith("complex, multi-organisation approach")
    assert ("care.demand is complex, multi-organisation approach by several providers (complex: multi-organisatie"
            " aanpak door meerdere aanbieders); the rule tests type of care demand (type zorgvraag) = standard"
            in answer.to_text())
    dutch = interorg.advise(COMPLEX_IN_MUNICIPALITY, lang="nl").why_not("kenis.need.quadrant-i").to_text()
    assert "care.demand is complex: multi-organisatie aanpak door meerdere aanbieders; de regel test" in dutch


def test_unknown_input_names_the_missing_path():
    """A rule on a field the case leaves out is unknown, with the field's path, and the change gives it."""
    answer = interorg.why_not(COMPLEX_IN_MUNICIPALITY, "kenis.conclusions.bottom-up")
    assert answer.conditions[0].status == "unknown"
    assert answer.conditions[0].checks[0].path == "care.origin"
    assert answer.changes[0][0].path == "care.origin" and answer.changes[0][0].to == ("bottom_up",)
    assert "care.origin: not given" in answer.to_text()


def test_missing_section_names_where_to_add_it():
    """Without the section at all, the condition is unknown with the section's path."""
    answer = interorg.why_not({"name": "Leeg"}, "kenis.need.quadrant-iv")
    assert answer.conditions[0].status == "unknown" and answer.conditions[0].path == "care"
    assert {c.path for c in answer.changes[0]} == {"care.demand", "care.supply_in_municipality"}


def test_chained_condition_says_why_the_earlier_conclusion_is_missing():
    """Regions with every product chain on B1: the nested answer says why B1 is missing, and what would change it."""
    case = {"care": {"demand": "complex", "supply_in_municipality": False, "region_basis": "administrative"},
            "coordination": {"providers": {"completeness": "yes"}}}
    answer = interorg.why_not(case, "kenis.conclusions.region-all-products")
    first, second = answer.conditions
    assert first.status == "failed" and first.because.rule == "kenis.coordination.b1"
    assert first.because.conditions[0].checks[0].seen == "yes"
    assert second.status == "held"
    assert [c.path for c in answer.changes[0]] == ["coordination.providers.completeness"]
    assert "the earlier conclusion is missing:" in answer.to_text()


def test_fired_rule_gives_its_explanation():
    """For a rule that fired, the answer is its explanation as in the advice."""
    advice = interorg.advise(COMPLEX_IN_MUNICIPALITY)
    answer = advice.why_not("kenis.need.quadrant-ii")
    assert answer.fired and answer.result.explanation == advice["kenis.need.quadrant-ii"].explanation
    assert "Fired on this case, because:" in answer.to_text()


def test_subject_of_a_relationship():
    """Asked about one relationship, only its facts count, and the change is on its path."""
    answer = interorg.why_not(LOCKED_IN, "trust.quadrants.vigilant-contracting", subject="wijk~thuiszorg")
    assert not answer.fired
    assert answer.conditions[0].because.rule == "trust.quadrants.trust-low"
    assert all(c.path.startswith("relationships[0].") for changes in answer.changes for c in changes)
    assert interorg.why_not(LOCKED_IN, "trust.quadrants.vigilant-contracting", subject="wijk~woningcorporatie").fired


def test_negated_condition_that_failed():
    """A 'not' condition fails when something matches it; the answer names the matched field and its value."""
    answer = interorg.why_not(COMPLEX_IN_MUNICIPALITY | {"reasons": [{"reason": "power"}, {"reason": "efficiency"}]},
                              "kenis.reasons.no-client-reason")
    failed = [c for c in answer.conditions if c.status == "failed"]
    assert failed and [(c.path, c.seen) for c in failed[0].checks] == [("reasons[1].reason", "efficiency")]
    # the condition in the reader's words, the value as the case file writes it
    assert ("reasons[1].reason is efficiency considerations (efficiëntieoverwegingen); the rule tests no stated reason to collaborate (genoemde reden om samen"
            " te werken): reason (reden) = efficiency considerations (efficiëntieoverwegingen) / effectiveness"
            " considerations (effectiviteitsoverwegingen)") in answer.to_text()
    assert answer.changes and answer.result.verified[0] is True


def test_dutch_and_json():
    """The text follows the advice's language; the JSON holds every condition and change."""
    advice = interorg.advise(COMPLEX_IN_MUNICIPALITY, lang="nl")
    text = advice.why_not("kenis.need.quadrant-i").to_text()
    assert text.startswith("Waarom niet kenis.need.quadrant-i") and "niet voldaan" in text
    data = json.loads(interorg.why_not(COMPLEX_IN_MUNICIPALITY, "kenis.need.quadrant-i").to_json())
    assert data["fired"] is False and data["conditions"][0]["checks"][0]["path"] == "care.demand"
    assert data["changes"][0][0]["to"] == ["standard"]


def test_unknown_rule_and_passive_advice():
    """An unknown rule id is an error that names it; an advice not made by advise() says what to use."""
    with pytest.raises(interorg.UnknownRule, match="unknown rule 'kenis.need.quadrant-v'"):
        interorg.why_not(COMPLEX_IN_MUNICIPALITY, "kenis.need.quadrant-v")
    advice = interorg.advise(COMPLEX_IN_MUNICIPALITY)
    bare = interorg.Advice(advice.case_name, advice.lang, advice.conclusions, advice.models, "x", advice.labels)
    with pytest.raises(interorg.InterorgError, match="use interorg.why_not"):
        bare.why_not("kenis.need.quadrant-i")


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_command(tmp_path, capsys, fmt):
    """`interorg explain CASE RULE_ID` prints the answer in each format; an unknown rule exits 2."""
    case = tmp_path / "case.yaml"
    case.write_text("care:\n  demand: complex\n  supply_in_municipality: true\n", encoding="utf-8")
    assert main(["explain", str(case), "kenis.need.quadrant-i", "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert "care.demand" in out
    if fmt == "json":
        assert json.loads(out)["rule"] == "kenis.need.quadrant-i"
    assert main(["explain", str(case), "no.such.rule"]) == 2
    assert "unknown rule 'no.such.rule'" in capsys.readouterr().err


def test_advice_stays_picklable():
    """An advice on the shipped knowledge pickles, and answers why-not after unpickling."""
    import pickle

    advice = pickle.loads(pickle.dumps(interorg.advise(COMPLEX_IN_MUNICIPALITY)))
    assert not advice.why_not("kenis.need.quadrant-i").fired


EXAMPLE = interorg.example_case()
BASE = {"name": "Base", "care": {"demand": "standard", "supply_in_municipality": True}, "reasons": [{"reason": "power"}]}


def test_rules_on_facts_that_share_a_case_path():
    """Facts of several types stand at partners[i] (partner, network_partner): why-not answers, no crash."""
    answer = interorg.why_not(BASE, "network.structure.hub-lock-in")
    assert not answer.fired and not answer.changes
    assert "it comes from partners, relationships, dependencies" in answer.to_text()


def test_proposals_are_written_as_case_keys():
    """A new reason is proposed under the case's key `reason`, a boundary as its own key, never a derived field."""
    answer = interorg.why_not(BASE | {"reasons": []}, "kenis.reasons.organisation-serving")
    paths = {c.path for changes in answer.changes for c in changes}
    assert paths and all(path.startswith("reasons[0].reason") for path in paths)
    boundary = next(r.id for r in interorg.load_knowledge().rules
                    if any(getattr(c, "fact", None) == "boundary" for c in r.when))
    paths = {c.path for changes in interorg.why_not(BASE, boundary).changes for c in changes}
    assert paths and all(path.startswith("boundaries.") and path.count(".") == 1 for path in paths)


def test_a_proposal_that_makes_the_case_invalid_is_dropped():
    """On the example the supply is given per municipality: care.supply_in_municipality is not proposed."""
    answer = interorg.why_not(EXAMPLE, "kenis.need.quadrant-i")
    assert not answer.changes
    assert answer.result.unwritable[0].reason == "invalid"
    assert "makes the case invalid" in answer.to_text()


def test_subject_for_a_rule_without_subject_is_an_error(tmp_path, capsys):
    """--subject on a rule that has none is the project's error, exit 2, not a false 'did not fire'."""
    with pytest.raises(UsageError, match="not concluded per subject"):
        interorg.why_not(BASE, "kenis.need.quadrant-i", subject="x")
    case = tmp_path / "case.yaml"
    case.write_text("care:\n  demand: standard\n  supply_in_municipality: true\n", encoding="utf-8")
    assert main(["explain", str(case), "kenis.need.quadrant-i", "--subject", "x"]) == 2
    assert "not concluded per subject" in capsys.readouterr().err


def test_fired_but_set_aside_says_by_what():
    """A conclusion set aside by a conflict: why-not says so, as advice.explain does."""
    advice = interorg.advise(EXAMPLE)
    key = "trust.quadrants.trust-high[bergeijk~jeugdzorg-kempen]"
    assert "Set aside by:" in advice.explain(key)
    answer = advice.why_not("trust.quadrants.trust-high", "bergeijk~jeugdzorg-kempen")
    assert answer.fired and answer.result.set_aside[0] == advice.counsel.set_aside[key].by
    assert "Set aside by: " in answer.to_text() and "Set aside by: " in answer.to_markdown()


def test_a_conclusions_key_is_accepted(capsys):
    """The keys the ambiguity message offers, id[subject], are accepted by why_not and explain."""
    advice = interorg.advise(EXAMPLE)
    with pytest.raises(interorg.AmbiguousKey) as caught:
        advice.why_not("trust.opportunism.lock-in")
    answer = advice.why_not(caught.value.keys[0])
    assert answer.fired and answer.result.subject == caught.value.keys[0].partition("[")[2][:-1]
    with interorg.example_path() as path:
        assert main(["explain", str(path), caught.value.keys[0]]) == 0
    assert capsys.readouterr().out.startswith("Why trust.opportunism.lock-in [")


def test_a_subject_no_fact_has_is_an_error():
    """A subject that matches no fact is an error; one whose facts give no such item says so for it."""
    with pytest.raises(UsageError, match="no relationship of the case has the subject 'nobody'"):
        interorg.why_not(EXAMPLE, "trust.opportunism.lock-in", subject="nobody")
    text = interorg.why_not(EXAMPLE, "trust.opportunism.lock-in", subject="eersel~bergeijk").to_text()
    assert "the case gives no dependencies about eersel~bergeijk" in text
    assert "the case gives no dependencies\n" not in text


def test_titles_show_placeholders_as_what_they_stand_for():
    """A title with a placeholder, for a rule that did not fire, shows what it stands for, not {reason}."""
    answer = interorg.why_not(BASE | {"reasons": []}, "kenis.reasons.organisation-serving")
    assert answer.result.title.endswith("clients: ‹reason›")
    assert "{" not in answer.to_text()
    dutch = interorg.advise(BASE | {"reasons": []}, lang="nl").why_not("network.position.core", subject=None)
    assert dutch.result.title == "‹partner› hoort bij de strategische kern"


def test_markdown_is_a_list_and_the_changes_a_numbered_list():
    """Parsed as Markdown, the conditions are list items and each change set an item of an ordered list."""
    mistune = pytest.importorskip("mistune")
    answer = interorg.why_not(COMPLEX_IN_MUNICIPALITY, "kenis.need.quadrant-i")
    tokens = mistune.create_markdown(renderer="ast")(answer.to_markdown())
    kinds = [(t["type"], t.get("attrs", {}).get("ordered")) for t in tokens if t["type"] != "blank_line"]
    assert kinds == [("heading", None), ("paragraph", None), ("list", False), ("paragraph", None),
                     ("list", True)]
    (item,) = tokens[-1]["children"] if tokens[-1]["type"] == "list" else [t for t in tokens if t.get(
        "attrs", {}).get("ordered")][0]["children"]
    assert all(child["type"] != "list" for child in item["children"])


def test_user_text_is_escaped():
    """A value of the case with an escape character or Markdown stays text in the text and Markdown output."""
    case = BASE | {"partners": [{"id": "a", "name": "x"}, {"id": "b"}],
                   "board_members": [{"name": "m", "partner": "a", "drivers": "\x1b[2J<b>|"}]}
    answer = interorg.why_not(case, "workbook.board-members.drivers-unknown")
    assert not answer.fired and "\\x1b[2J<b>|" in answer.to_text()
    markdown = answer.to_markdown()
    assert "\x1b" not in answer.to_text() and "\x1b" not in markdown
    assert "\\x1b[2J&lt;b>\\|" in markdown and "<b>" not in markdown


def test_dutch_throughout(capsys):
    """Under Dutch every text of the answer is Dutch: the condition's words and the errors too."""
    advice = interorg.advise(COMPLEX_IN_MUNICIPALITY | {"reasons": [{"reason": "efficiency"}]}, lang="nl")
    text = advice.why_not("kenis.reasons.no-client-reason").to_text()
    assert "geen genoemde reden om samen te werken: reden = efficiëntieoverwegingen / effectiviteitsoverwegingen" in text
    assert " no " not in text and "kind in" not in text and "de regel test reden = " in text
    with interorg.example_path() as path:
        assert main(["explain", str(path), "no.such.rule", "--lang", "nl"]) == 2
        assert "onbekende regel 'no.such.rule'" in capsys.readouterr().err
        assert main(["explain", str(path), "trust.opportunism.lock-in", "--subject", "nobody", "--lang", "nl"]) == 2
        assert "geen relationship van de casus heeft het onderwerp 'nobody'" in capsys.readouterr().err


def test_an_activity_is_proposed_as_an_item_of_phase_done():
    """An activity's 'done' is written as its id added to phase.done (or its item taken out), not as a field."""
    case = {"name": "Fasen", "phase": {"current": "sharing", "done": ["exploring.ambition.core_issue"]}}
    answer = interorg.why_not(case, "phases.next", subject="sharing.ambition.learn_ambitions")
    assert answer.fired or all(c.path.startswith("phase.") and ".done." not in c.path
                               for changes in answer.changes for c in changes)
    knowledge = interorg.load_knowledge()
    advice = interorg.advise(case)
    paths = {c.path for rule in knowledge.rules if rule.id.startswith("phases.")
             for c in _first_changes(advice, rule.id)}
    assert any(path.startswith("phase.done[") for path in paths)


def _first_changes(advice, rule_id):
    try:
        answer = advice.why_not(rule_id)
    except interorg.AmbiguousKey:
        return ()
    return answer.changes[0] if answer.changes else ()


def test_an_invalid_change_says_why_in_every_format():
    """A change the case's checks refuse is given with the checks' reason in text and Markdown, as in the JSON."""
    answer = interorg.why_not(EXAMPLE, "kenis.need.quadrant-i")
    (problem,) = answer.result.unwritable[0].problems
    reason = f"{problem.path}: {problem.message}"
    assert reason in answer.to_dict()["unwritable"][0]["detail"]
    lines = answer.to_text().splitlines()
    at = next(i for i, line in enumerate(lines) if "makes the case invalid" in line)
    assert lines[at + 1] == f"    {reason}"
    markdown = answer.to_markdown().splitlines()
    at = next(i for i, line in enumerate(markdown) if "makes the case invalid" in line)
    assert markdown[at].startswith("- ") and markdown[at + 1] == f"  - {reason}"


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_an_invalid_change_says_why_in_dutch(capsys, fmt):
    """Under --lang nl the checks' reason for refusing a change is Dutch in every format."""
    messages = interorg.load_knowledge().messages
    with interorg.example_path() as path:
        assert main(["explain", str(path), "kenis.need.quadrant-i", "--lang", "nl", "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert messages["problem.supply_twice"].nl in out
    assert messages["problem.supply_twice"].en not in out
    if fmt == "json":
        (item,) = json.loads(out)["unwritable"]
        assert item["problems"][0]["message"] == messages["problem.supply_twice"].nl
        assert item["detail"] == f"{item['problems'][0]['path']}: {messages['problem.supply_twice'].nl}"
    else:
        assert "care.demand zo wijzigen maakt de casus ongeldig:" in out


def test_titles_name_the_subject_asked_about():
    """For a rule that did not fire, the subject's placeholder is the subject's label; the others stay ‹label›."""
    names = partner_names("eersel~bergeijk", EXAMPLE.partner_names())
    assert names == "Gemeente Eersel – Gemeente Bergeijk"
    for lang, hub_lock_in in [("en", "locked in on a partner many depend on"),
                              ("nl", "vast aan een partner van wie velen afhankelijk zijn")]:
        answer = interorg.advise(EXAMPLE, lang=lang).why_not("trust.opportunism.lock-in", "eersel~bergeijk")
        (chained,) = [c for c in answer.conditions[0].alternatives if c.because is not None]
        assert chained.because.rule == "network.structure.hub-lock-in"
        assert chained.because.title == f"{names}: {hub_lock_in}"
        assert chained.condition == f"{names}: {hub_lock_in}"
        text = answer.to_text()
        assert "‹relat" not in text and "{" not in text
        # the hub is no subject asked about: it stays what it stands for
        assert "‹partner›" in chained.because.conditions[0].condition


def test_a_variable_that_joins_two_conditions_reads_as_a_sentence():
    """The dependence's 'on' that joins the hub is said as the same partner, in both languages, not 'the same depends on'."""
    for lang, expected, garbled in [("en", "depends on (is afhankelijk van) = the same partner", "the same depends"),
                                    ("nl", "is afhankelijk van = dezelfde partner", "dezelfde is")]:
        text = interorg.advise(EXAMPLE, lang=lang).why_not("trust.opportunism.lock-in", "eersel~bergeijk").to_text()
        assert expected in text and garbled not in text
