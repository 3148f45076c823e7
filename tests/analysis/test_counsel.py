"""The counsel: the action plan, conflicts resolved between conclusions, and what is advice."""

import pytest

import interorg
from conftest import said
from interorg.analysis.counsel import PLAN_SIZE
from interorg.engine.results import PRIORITIES

RANK = {priority: index for index, priority in enumerate(PRIORITIES)}


@pytest.fixture(scope="module")
def example():
    return interorg.advise(interorg.example_case())


def test_plan_is_short_and_ranked(example):
    """The plan has at most seven actions, by priority, then by the weight of their evidence."""
    plan = example.plan
    assert 1 <= len(plan) <= PLAN_SIZE
    assert [action.rank for action in plan] == list(range(1, len(plan) + 1))
    order = [(RANK[a.priority], -a.weight) for a in plan]
    assert order == sorted(order)
    for action in plan:
        assert action.title and action.because and action.rules
        kinds = {example[key].kind for key in action.keys}
        assert kinds in ({"recommendation"}, {"warning"})
        own = min((example[key].priority for key in action.keys), key=RANK.__getitem__)
        answered = [example[key].priority for key in action.answers]
        assert action.priority == min([own] + answered, key=RANK.__getitem__)
        if kinds == {"warning"}:  # an urgent warning no recommendation answers
            assert RANK[action.priority] <= RANK["high"]


def test_one_action_for_the_dependence_on_the_hub(example):
    """The recommendations about the one-sided dependence on the hub partner are one action, not many."""
    actions = [a for a in example.plan if "trust.opportunism.balance-dependence" in a.rules]
    assert len(actions) == 1
    (action,) = actions
    assert {"interventions.brokering.power-bridging", "trust.opportunism.balance-dependence"} <= set(action.rules)
    assert any("Stichting Jeugdzorg Kempen" in subject for subject in action.subjects)


def test_nothing_in_the_plan_is_listed_again(example):
    """A recommendation in the plan is not listed again beyond it."""
    text = example.to_text()
    lists = text.split("\nWarnings\n")[1].split("\nDiagnosis\n")[0]
    for action in example.plan + example.counsel.more:
        for key in action.keys:
            assert f"] {example[key].title}" not in lists, key


def test_steps_are_not_advice(example):
    """A step is shown only inside explanations, never as advice of its own."""
    steps = {c.key for c in example.steps}
    assert steps and not steps & set(example.counsel.advice)
    assert "Personal trust is high" not in example.to_text()
    assert "Personal trust is high" in example.to_text(full=True)


def _with_conflicts(knowledge_copy, text):
    (knowledge_copy / "conflicts.yaml").write_text(text, encoding="utf-8")
    return interorg.load_knowledge(knowledge_copy)


_SOURCE = "sources: [{source: kenis-2011, where: 5 redenen voor organisaties om samen te werken}]"


def test_a_defeat_sets_the_loser_aside_and_the_winner_says_so(knowledge_copy):
    """A declared defeat removes the loser from the advice; the winner's explanation names it and why."""
    knowledge = _with_conflicts(knowledge_copy, f"""
about: test
defeats:
  - id: test.counterweight
    winner: kenis.conclusions.top-down-support
    loser: kenis.conclusions.supply-led
    relation: undercuts
    scope: any
    basis: derived
    {_SOURCE}
    reason: {{en: "Test reason in English.", nl: "Testreden in het Nederlands."}}
""")
    advice = interorg.advise(interorg.example_case(), knowledge=knowledge)
    loser, winner = "kenis.conclusions.supply-led", "kenis.conclusions.top-down-support"
    assert advice.counsel.status(loser) == "set-aside"
    assert loser not in advice.counsel.advice
    assert "Supply-led care risks" not in advice.to_text().split("\nSet aside\n")[0]
    explained = " ".join(advice.explain(winner).split())  # as one line, whatever the wrapping
    assert "Sets aside: Supply-led care risks" in explained and "Test reason in English." in explained
    data = advice.to_dict()
    item = next(c for c in data["conclusions"] if c["key"] == loser)
    assert item["set_aside_by"]["by"] == winner
    assert item["set_aside_by"]["relation"] == "undercuts"
    dutch = interorg.advise(interorg.example_case(), lang="nl", knowledge=knowledge)
    assert "Testreden in het Nederlands." in " ".join(dutch.explain(winner).split())


def test_what_rests_on_a_set_aside_conclusion_is_set_aside_too(knowledge_copy):
    """A conclusion whose every support uses a set-aside conclusion is set aside, naming it."""
    knowledge = _with_conflicts(knowledge_copy, f"""
about: test
defeats:
  - id: test.b1
    winner: kenis.need.municipal.quadrant-iv
    loser: kenis.coordination.b1
    relation: defeats
    scope: any
    basis: derived
    {_SOURCE}
    reason: {{en: "Test.", nl: "Test."}}
""")
    advice = interorg.advise(interorg.example_case(), knowledge=knowledge)
    dependent = advice.counsel.set_aside["kenis.conclusions.region-all-products"]
    assert dependent.relation == "rests-on" and dependent.by == "kenis.coordination.b1"


def test_two_exclusive_conclusions_are_an_inconsistency_not_advice(knowledge_copy):
    """Two conclusions of one exclusive group about one subject are reported, with both keys, and neither shown."""
    knowledge = _with_conflicts(knowledge_copy, f"""
about: test
exclusive:
  - id: test.group
    title: {{en: "a test group", nl: "een testgroep"}}
    rules: [kenis.conclusions.supply-led, kenis.need.multi-organisation-network]
    basis: derived
    {_SOURCE}
    reason: {{en: "Test.", nl: "Test."}}
""")
    advice = interorg.advise(interorg.example_case(), knowledge=knowledge)
    (item,) = advice.counsel.inconsistencies
    assert set(item.keys) == {"kenis.conclusions.supply-led", "kenis.need.multi-organisation-network"}
    assert not set(item.keys) & set(advice.counsel.advice)
    assert "Inconsistent knowledge: a test group" in advice.to_text()


@pytest.mark.parametrize("conflicts, message", [
    ("defeats: [{id: x, winner: no.such, loser: kenis.need.quadrant-iv, relation: defeats, scope: any,"
     f" basis: derived, {_SOURCE}, reason: {{en: a, nl: b}}}}]", "defeats[0].winner: unknown rule 'no.such'"),
    ("defeats: [{id: x, winner: kenis.need.quadrant-iv, loser: kenis.need.quadrant-iv, relation: defeats,"
     f" scope: any, basis: derived, {_SOURCE}, reason: {{en: a, nl: b}}}}]", "cannot defeat itself"),
    ("defeats: [{id: x, winner: kenis.conclusions.region-all-products, loser: kenis.coordination.b1,"
     f" relation: defeats, scope: any, basis: derived, {_SOURCE}, reason: {{en: a, nl: b}}}}]",
     "defeats and chaining form a cycle"),
    (f"exclusive: [{{id: x, title: {{en: a, nl: b}}, rules: [kenis.need.quadrant-i], basis: source, {_SOURCE}}}]",
     "expected at least 2 item(s); got 1"),
    (f"exclusive: [{{id: x, title: {{en: a, nl: b}}, rules: [kenis.need.quadrant-i, kenis.need.quadrant-ii],"
     f" basis: derived, {_SOURCE}}}]", "is derived and needs a 'reason'"),
])
def test_bad_conflicts_are_load_errors(knowledge_copy, conflicts, message):
    """conflicts.yaml is checked at load: unknown rules, self-defeat, cycles, small groups, missing reasons."""
    (knowledge_copy / "conflicts.yaml").write_text(f"about: test\n{conflicts}\n", encoding="utf-8")
    with pytest.raises(interorg.KnowledgeError, match="conflicts.yaml") as info:
        interorg.load_knowledge(knowledge_copy)
    assert message in said(info.value)


@pytest.mark.parametrize("change, message", [
    (("    kind: finding\n    priority: low\n", "    kind: finding\n"), "needs a 'priority'"),
    (("    kind: finding\n    priority: low\n", "    kind: step\n    priority: low\n"), "a step has no priority"),
    (("    kind: finding\n    priority: low\n", "    kind: finding\n    priority: critical\n"),
     "is critical and needs a 'priority_reason'"),
])
def test_priorities_are_checked_at_load(knowledge_copy, change, message):
    """Advice needs a priority, a step has none, and a critical one says why."""
    path = knowledge_copy / "rules" / "kenis_need.yaml"
    text = path.read_text(encoding="utf-8")
    assert change[0] in text
    path.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    with pytest.raises(interorg.KnowledgeError, match=message):
        interorg.load_knowledge(knowledge_copy)


def test_plan_is_the_same_every_run():
    """The same case gives the same plan, in the same order."""
    plans = {tuple((a.title, a.keys) for a in interorg.advise(interorg.example_case()).plan) for _ in range(3)}
    assert len(plans) == 1


def test_actions_file_names_only_recommendations(knowledge_copy):
    """plan.yaml may only group existing recommendations, each in one action."""
    path = knowledge_copy / "plan.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("rules: [phases.catch-up, phases.next]",
                                 "rules: [phases.catch-up, phases.next, kenis.need.quadrant-iv, no.such]"),
                    encoding="utf-8")
    with pytest.raises(interorg.KnowledgeError) as info:
        interorg.load_knowledge(knowledge_copy)
    assert "an action groups recommendations" in str(info.value) and "unknown rule 'no.such'" in str(info.value)


def test_no_two_exclusive_conclusions_are_both_advice():
    """Over generated cases, two conclusions of one exclusive group about one subject never both reach the user."""
    from hypothesis import HealthCheck, given, settings

    from generated_cases import cases

    knowledge = interorg.load_knowledge()
    groups = [set(group.rules) for group in knowledge.exclusions]
    assert groups, "the shipped knowledge declares exclusive groups"

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(cases())
    def check(case):
        advice = interorg.advise(case)
        shown = [advice[key] for key in advice.counsel.advice]
        for group in groups:
            seen = {}
            for conclusion in shown:
                if conclusion.id in group:
                    assert conclusion.subject not in seen, (conclusion.key, seen[conclusion.subject])
                    seen[conclusion.subject] = conclusion.key

    check()


def test_a_suspicion_is_advice_only_when_the_diagnosis_suspects_the_problem(example):
    """A suspicion rule fires on one indicator; its conclusion is advice only for a problem the diagnosis suspects."""
    suspected = {result.id for result in example.diagnosis.suspected}
    suspicions = {archetype.suspected_by: archetype.id for archetype in interorg.load_knowledge().archetypes}
    fired = [c for c in example.conclusions if c.id in suspicions]
    assert {suspicions[c.id] for c in fired} - suspected  # some fired without being suspected
    for conclusion in fired:
        expected = "advice" if suspicions[conclusion.id] in suspected else "held-back"
        assert example.counsel.status(conclusion.key) == expected
    warnings = example.to_dict()["advice"]["warnings"]
    assert {suspicions[key] for key in warnings if key in suspicions} == suspected


def test_one_weak_indicator_is_not_a_suspicion_in_the_advice():
    """A collaboration imposed from above is one sign of sham collaboration: worth checking, not advice."""
    advice = interorg.advise({"care": {"origin": "top_down"}})
    assert advice.counsel.status("archetypes.sham-collaboration") == "held-back"
    assert not advice.diagnosis.suspected
    assert [r.id for r in advice.diagnosis.worth_checking] == ["sham-collaboration"]
    full = advice.to_text(full=True)
    assert "[archetypes.sham-collaboration]" not in full
    assert "Worth checking:\n- Sham collaboration" in full


def test_an_action_resting_on_the_case_alone_says_what_the_case_says():
    """An action with no earlier conclusion behind it says, in words and in the advice's language, what the case gives."""
    for lang, expected in (("en", "as the case says: origin of the inter-municipal collaboration"),
                           ("nl", "zoals de casus zegt: ontstaan van de intergemeentelijke samenwerking = van"
                                  " bovenop opgelegd")):
        advice = interorg.advise({"care": {"origin": "top_down"}}, lang=lang)
        (action,) = [a for a in advice.plan if a.keys == ("kenis.conclusions.top-down-alderman-control",)]
        assert action.because.startswith(expected) and "care" not in action.because.split(": ", 1)[1]


def test_an_action_of_one_rule_names_all_its_subjects_in_its_title(example):
    """A rule whose title names its subject, drawn for two partners, gives an action whose title names both."""
    (action,) = [a for a in example.plan + example.counsel.more if a.rules == ("network.fit.weak-criteria-unknown",)]
    assert action.title == "Stichting Jeugdzorg Kempen and GGZ Kempen: name the criteria behind the weak fit"
    assert action.subjects == ()  # not said again after the title


def test_activities_skipped_before_the_switch_point_are_one_action():
    """However many activities were skipped before the switch point, going back to them is one action, not one each."""
    advice = interorg.advise({"phase": {"current": "implementing", "done": []}})
    actions = [a for a in advice.plan + advice.counsel.more if "phases.skipped-before-switch" in a.rules]
    skipped = [c.key for c in advice.conclusions if c.id == "phases.skipped-before-switch"]
    assert len(skipped) == 30
    (action,) = actions
    assert action.priority == "high" and sorted(action.keys) == sorted(skipped)
    assert action.title == "Go back to the activities skipped before the switch point (sharing) and do them"
    assert len(advice.plan) < 7  # the other activities no longer crowd the plan


def test_the_need_for_municipal_collaboration_leads_over_no_need(example):
    """Kenis's quadrant IV (a municipality lacks the supply) comes before quadrant II (no need), in the brief too."""
    advice = example
    findings = advice.to_text().split("\nFindings\n")[1].split("\nDiagnosis\n")[0]
    assert "[high] Quadrant IV" in findings and findings.index("Quadrant IV") < findings.index("Quadrant II:")
    (action,) = [a for a in advice.counsel.plan if "kenis.need.municipal.need-differs" in a.rules]
    assert action.priority == "high"
    # what it rests on, the finding that matters most first, before the intermediate steps
    assert action.because.startswith(advice["kenis.need.municipal.quadrant-iv[bladel]"].title.split(":")[0])
    # and says which municipalities are in it
    assert "collaboration (Gemeente Bladel and Gemeente Reusel-De Mierden)" in action.because


def test_because_does_not_name_again_what_the_action_names(example):
    """A premise about the subject the action's title names is said without it (nothing said twice)."""
    (action,) = [a for a in example.counsel.plan if a.rules == ("trust.blind-spot",)]
    assert action.subjects == ("Gemeente Bladel – Stichting Jeugdzorg Kempen",)
    assert "Lock-in" in action.because and "Gemeente Bladel" not in action.because


def test_an_action_about_one_subject_names_it():
    """An action drawn for one relationship says which, as an action about several does."""
    advice = interorg.advise(interorg.example_case())
    for action in advice.counsel.plan + advice.counsel.more:
        about = {advice[key].subject_label for key in action.keys if advice[key].subject is not None}
        if len(about) == 1 and not any(label in action.title for label in about):
            assert action.subjects == tuple(about), action.title


def test_the_because_tells_apart_the_people_it_rests_on():
    """'signatures given = 2; signatures given = 1' names the leaders it is about."""
    advice = interorg.advise(interorg.example_case("regional_innovation_alliance"))
    (action,) = [a for a in advice.counsel.plan + advice.counsel.more
                 if "workbook.signatures.champion-missing" in a.keys]
    names = [leader.name for leader in advice.case.leadership]
    assert all(f"{name}: " in action.because for name in names[:2]), action.because
