"""The nine archetypical collaboration problems: suspected from evidence across the case, and not without it."""

import pytest

import interorg
from conftest import scenario
from interorg import diagnose

ARCHETYPES = ["lack-of-shared-ambition", "dilution-of-perspective", "personnel-instability", "sham-collaboration",
              "under-organisation", "enemy-image", "dual-loyalties", "unbridgeable-diversity", "power-play"]


@pytest.fixture(scope="module")
def troubled():
    return scenario("diagnosis_troubled")


@pytest.fixture(scope="module")
def healthy():
    return scenario("diagnosis_healthy")


def indicators(advice, archetype):
    """The keys of the indicators the suspicion of ``archetype`` rests on."""
    suspicion = advice[f"archetypes.{archetype}"]
    return sorted({(e.rule, e.subject) for s in suspicion.explanation.supports for e in s.evidence})


def test_knowledge_names_the_nine(knowledge):
    """The workbook's nine problems, in its order, each with the rule that suspects it and its Dutch name verbatim."""
    assert [a.id for a in knowledge.archetypes] == ARCHETYPES
    assert [a.title.nl for a in knowledge.archetypes][-1] == "Sluimerend machtsspel"
    for archetype in knowledge.archetypes:
        assert archetype.suspected_by == f"archetypes.{archetype.id}"
        assert knowledge.rule(archetype.suspected_by).kind == "warning"
        assert archetype.against and all(knowledge.rule(r).model == "diagnosis.archetypes" for r in archetype.against)


def test_every_indicator_is_derived_with_a_reason(knowledge):
    """The source names the problems, not their signs: every rule of the model is derived and says why."""
    rules = [r for r in knowledge.rules if r.model == "diagnosis.archetypes"]
    assert len(rules) > 40
    assert all(r.basis == "derived" and r.reason for r in rules)


def test_every_rule_is_an_indicator_a_suspicion_or_against(knowledge):
    """Each rule of the model is the suspicion of a problem, one of its indicators, or evidence against it."""
    suspected = {a.suspected_by for a in knowledge.archetypes}
    against = {r for a in knowledge.archetypes for r in a.against}
    indicators_ = {dep for rule in suspected for dep, _ in knowledge.rule(rule).depends_on()}
    rules = {r.id for r in knowledge.rules if r.model == "diagnosis.archetypes"}
    assert rules == suspected | against | indicators_
    assert not (suspected & against) and not (indicators_ & against)


@pytest.mark.parametrize("archetype", ARCHETYPES)
def test_suspected_in_the_troubled_case(troubled, archetype):
    """Each problem is suspected in the troubled scenario, on more than one indicator."""
    assert f"archetypes.{archetype}" in troubled
    assert len(indicators(troubled, archetype)) >= 2


@pytest.mark.parametrize("archetype", ARCHETYPES)
def test_not_suspected_in_the_healthy_case(healthy, archetype):
    """No problem is suspected in the healthy scenario, and none of their indicators holds."""
    assert f"archetypes.{archetype}" not in healthy
    assert not [c for c in healthy.conclusions if c.id.startswith(f"archetypes.{archetype}.")
                and ".against-" not in c.id]


def test_healthy_case_has_evidence_against_every_problem(healthy, knowledge):
    """The healthy scenario concludes every piece of evidence against the problems."""
    against = {r for a in knowledge.archetypes for r in a.against}
    assert against <= set(healthy.ids())


@pytest.mark.parametrize("archetype, expected", [
    ("lack-of-shared-ambition", {("archetypes.lack-of-shared-ambition.scan-concern", None),
                                 ("archetypes.lack-of-shared-ambition.scan-disagreement", None),
                                 ("archetypes.lack-of-shared-ambition.goals-concern", None),
                                 ("archetypes.lack-of-shared-ambition.core-not-connected", None),
                                 ("archetypes.lack-of-shared-ambition.weak-strategic-fit", "b"),
                                 ("archetypes.lack-of-shared-ambition.skipped", "sharing.ambition.shared_ambition"),
                                 ("archetypes.lack-of-shared-ambition.skipped", "agreeing.ambition.workable_agreement")}),
    ("dual-loyalties", {("archetypes.dual-loyalties.split-loyalties", "a~b"),
                        ("archetypes.dual-loyalties.parent-concern", None),
                        ("archetypes.dual-loyalties.observed", None),
                        ("archetypes.dual-loyalties.skipped", "exploring.interests.mandate"),
                        ("archetypes.dual-loyalties.skipped", "agreeing.interests.constituency_consent")}),
    ("power-play", {("archetypes.power-play.power-imbalance", "a>b"), ("archetypes.power-play.power-imbalance", "c>b"),
                    ("archetypes.power-play.equality", None), ("archetypes.power-play.power-reason", None),
                    ("archetypes.power-play.observed", None), ("archetypes.power-play.no-rules", None)}),
])
def test_evidence_across_the_case(troubled, archetype, expected):
    """A suspicion rests on scan, trust, network, reasons, phase and observations alike, each a support of its own."""
    assert set(indicators(troubled, archetype)) == expected


def test_explained_down_to_the_answers(troubled):
    """A suspicion from the scan is explained through the scan's concern down to the answers behind it."""
    suspicion = troubled["archetypes.lack-of-shared-ambition"]
    support = next(s for s in suspicion.explanation.supports
                   if s.evidence[0].rule == "archetypes.lack-of-shared-ambition.scan-concern")
    concern = support.evidence[0].explanation.supports[0].evidence[0]
    assert concern.rule == "scan.concern" and concern.subject == "shared_ambition"
    answers = concern.explanation.supports[0].evidence[0]
    assert answers.path == "scan.respondents[0,1].answers.{shared_ambition_1,shared_ambition_2}"
    assert answers.values["answers"] == "a1 (a): 1, 1; b1 (b): 3, 3"


def test_explained_down_to_the_relationship_and_the_dependency(troubled):
    """Dual loyalties rest on split loyalties in a relationship; power play on a dependency, both with their paths."""
    loyalty = troubled["archetypes.dual-loyalties.split-loyalties[a~b]"]
    split = loyalty.explanation.supports[0].evidence[0]
    assert split.rule == "trust.split-loyalties" and split.explanation.supports[0].evidence[0].path == "relationships[0]"
    power = troubled["archetypes.power-play.power-imbalance[a>b]"]
    assert power.title == "Sign of smouldering power play: a depends strongly on b, not the other way round"
    assert [e.path for e in power.explanation.supports[0].evidence][1] == "dependencies[0]"


def test_observation_and_its_absence():
    """An observation seen is evidence for its problem; the same observation seen absent is evidence against."""
    seen = interorg.advise({"observations": [{"observation": "staff_turnover", "note": "drie projectleiders"}]})
    assert "archetypes.personnel-instability" in seen
    evidence = seen["archetypes.personnel-instability.observed"].explanation.supports[0].evidence[0]
    assert evidence.path == "observations[0]"
    absent = interorg.advise({"observations": [{"observation": "staff_turnover", "seen": False}]})
    assert "archetypes.personnel-instability" not in absent
    assert "archetypes.personnel-instability.against-not-observed" in absent


def test_observation_given_twice_is_an_error():
    """Each kind of observation is given once; a second one is reported with its path."""
    with pytest.raises(interorg.CaseError, match=r"observations\[1\].observation: observation 'culture_clash'"
                                                 r" is already given at observations\[0\]"):
        interorg.case_from_dict({"observations": [{"observation": "culture_clash"},
                                                  {"observation": "culture_clash", "seen": False}]})


def test_fading_urgency_needs_a_later_phase():
    """Low felt urgency is a sign of a fading perspective only once the collaboration is shaping or implementing."""
    assert "archetypes.dilution-of-perspective.urgency-fading" in scenario("diagnosis_phase_shaping")
    early = interorg.advise({"partners": [{"id": "a"}], "phase": {"current": "sharing"}, "scan": {"respondents": [
        {"id": "r", "partner": "a", "answers": {"felt_urgency_1": 2, "felt_urgency_2": 2}}]}})
    assert "scan.concern[felt_urgency]" in early
    assert "archetypes.dilution-of-perspective" not in early


def test_ranking_in_the_example():
    """In the example, power play ranks first; every problem is graded by its independent evidence."""
    result = diagnose(interorg.example_case())
    assert [r.id for r in result.suspected] == ["lack-of-shared-ambition", "power-play", "dual-loyalties"]
    assert all(r.weighing.pieces_against == 0 for r in result.suspected)
    nets = [r.weighing.net for r in result.suspected]
    assert nets == sorted(nets, reverse=True)
    # the enemy image has one sign for and as much against: not suspected, not worth checking either
    assert [r.id for r in result.not_suspected] == ["dilution-of-perspective", "enemy-image"]
    enemy = next(r for r in result.not_suspected if r.id == "enemy-image")
    assert enemy.evidence_for and enemy.weighing.net <= 0 and enemy.level is None
    assert [i.key for i in enemy.evidence_against] == ["archetypes.enemy-image.against-no-conflict-history"]
    assert enemy.evidence_against[0].paths == ("observations[3]",)


def test_a_sign_counts_once_however_often_it_shows():
    """Three partners depending on one hub are one independent piece of evidence for power play, not three."""
    result = diagnose(interorg.example_case())
    power = next(r for r in result.suspected if r.id == "power-play")
    imbalance = [i for i in power.evidence_for if i.rule == "archetypes.power-play.power-imbalance"]
    assert len(imbalance) == 4  # three on Stichting Jeugdzorg Kempen, one on GGZ Kempen
    others = {i.rule for i in power.evidence_for} - {"archetypes.power-play.power-imbalance"}
    assert power.weighing.pieces_for == 2 + len(others)


def test_one_sign_is_never_a_suspicion():
    """A single indicator makes a problem worth checking, never suspected, with what would confirm it."""
    advice = interorg.advise({"observations": [{"observation": "staff_turnover"}]})
    result = advice.diagnosis
    assert [r.id for r in result.worth_checking] == ["personnel-instability"] and result.suspected == ()
    assert result.worth_checking[0].confirm
    assert not [a for a in advice.plan if any("personnel-instability" in k for k in a.keys)]

WEAK_SIGNS = {
    "archetypes.sham-collaboration.legitimacy": "legitimacy is not sham",
    "archetypes.sham-collaboration.imposed": "a top-down origin alone",
    "archetypes.sham-collaboration.form-not-shown": "a real collaboration may be misnamed",
    "archetypes.enemy-image.vigilant-contracting": "waakzaam contracteren is a workable way of relating",
    "archetypes.unbridgeable-diversity.weak-cultural-fit": "one weak fit is not onoverbrugbaar",
    "archetypes.unbridgeable-diversity.trust-culture": "a challenge of every arrangement",
    "archetypes.lack-of-shared-ambition.core-not-connected": "missing ties look the same",
    "archetypes.power-play.power-imbalance": "dependence makes power play possible, not shown",
}


@pytest.mark.parametrize("rule_id", sorted(WEAK_SIGNS))
def test_weak_signs_are_weak_and_say_why(knowledge, rule_id):
    """A sign the sources do not carry as evidence of its problem is weak, and its reason says so."""
    rule = knowledge.rule(rule_id)
    assert rule.is_step and rule.weight == "weak"
    assert "weak evidence" in rule.reason.en and "zwak bewijs" in rule.reason.nl


def test_only_the_reviewed_signs_are_weak(knowledge):
    """Every other rule counts as strong evidence: weak is the exception, declared sign by sign."""
    assert {r.id for r in knowledge.rules if r.weight == "weak"} == set(WEAK_SIGNS)


@pytest.mark.parametrize("archetype", ARCHETYPES)
def test_every_problem_can_rest_on_strong_evidence(knowledge, archetype):
    """Each suspicion has at least two strong signs, so no problem depends on weak evidence to be suspected."""
    signs = [dep for dep, _ in knowledge.rule(f"archetypes.{archetype}").depends_on()]
    assert len([s for s in signs if knowledge.rule(s).weight == "strong"]) >= 2


def test_imposed_origin_and_legitimacy_alone_are_weak_evidence_only():
    """A case whose only signs of sham collaboration are a top-down origin and legitimacy rests on weak evidence."""
    case = {"care": {"origin": "top_down"}, "reasons": [{"reason": "legitimacy"}]}
    advice = interorg.advise(case)
    knowledge = interorg.load_knowledge()
    used = {e.rule for s in advice["archetypes.sham-collaboration"].explanation.supports for e in s.evidence}
    assert used == {"archetypes.sham-collaboration.imposed", "archetypes.sham-collaboration.legitimacy"}
    assert all(knowledge.rule(rule_id).weight == "weak" for rule_id in used)
    (checking,) = [r for r in advice.diagnosis.worth_checking if r.id == "sham-collaboration"]
    assert checking.weighing.score_for == 2 and not advice.diagnosis.suspected


def test_example_evidence_carries_three_problems(knowledge):
    """On the example, only three problems have a strong sign and another independent one; the rest rest on less."""
    from interorg.engine.conflicts import resolve
    advice = interorg.advise(interorg.example_case())
    result = resolve(advice.conclusions, knowledge)
    carried = set()
    for archetype in knowledge.archetypes:
        if archetype.suspected_by not in advice:
            continue
        assert (archetype.id in {r.id for r in advice.diagnosis.suspected}) == (archetype.id in
                                                                                {"lack-of-shared-ambition",
                                                                                 "dual-loyalties", "power-play"})
        signs = {e.rule for s in advice[archetype.suspected_by].explanation.supports for e in s.evidence
                 if not result.is_set_aside(e.rule if e.subject is None else f"{e.rule}[{e.subject}]")}
        if any(knowledge.rule(rule).weight == "strong" for rule in signs) and len(signs) >= 2:
            carried.add(archetype.id)
    assert carried == {"lack-of-shared-ambition", "dual-loyalties", "power-play"}
