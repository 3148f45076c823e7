"""The titles of the action plan: instructions, from the rules' 'action', and what a grouped action covers."""

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import interorg
from conftest import refused_after
from interorg.analysis.actions import NamedIn, action_title, member_subjects, names_as_whole

#: The action titles the sources can be checked against word for word: each keeps the seed's Dutch term.
SEED_TERMS = {
    "trust.blind-spot": ("opportunistisch gedrag", "onbelemmerd samenwerken"),
    "workbook.interests.win-lose": ("win-winoplossingen", "winst-verliessituatie"),
    "workbook.interests.lose-lose": ("verlies-verliessituatie",),
    "workbook.interests.partner-loses": ("win-winoplossingen",),
    "workbook.game-rules.core-values-harmed": ("geen aantasting van kernwaarden van leden van de groep",),
    "workbook.board-members.not-engaged": ("leuke dingen",),
    "workbook.motives.external-pressure-only": ("externe druk",),
    "network.fit.core-without-strategic-fit": ("strategische fit", "complementaire ring", "strategische kern"),
    "network.structure.hub": ("lock-in situatie", "opportunistisch gedrag"),
    "kenis.need.collaboration-without-need": ("geen nood aan gemeentelijke samenwerking",),
    "kenis.reasons.no-client-reason": ("klanten/burgers",),
    "kenis.conclusions.top-down-alderman-control": ("wethouder", "van bovenop opgelegd"),
}


@pytest.fixture(scope="module")
def knowledge():
    return interorg.load_knowledge()


@pytest.fixture(scope="module")
def example():
    return interorg.advise(interorg.example_case())


@pytest.fixture(scope="module")
def alliance():
    return interorg.advise(interorg.example_case("regional_innovation_alliance"))


def _listed_on_their_own(knowledge):
    grouped = {rule for group in knowledge.actions for rule in group.rules}
    return [rule for rule in knowledge.rules
            if knowledge.urgent.lists(rule.kind, rule.priority, rule.model) and rule.id not in grouped]


def test_every_urgent_warning_in_no_group_has_an_action_and_no_other_rule_has_one(knowledge):
    """The warnings the plan lists on their own each give an action's title; no other rule gives one."""
    listed = _listed_on_their_own(knowledge)
    assert len(listed) == 17
    assert all(rule.action is not None for rule in listed)
    assert {rule.id for rule in knowledge.rules if rule.action is not None} == {rule.id for rule in listed}


def test_an_action_uses_the_placeholders_of_its_title(knowledge):
    """An action names what its warning's title names: the same placeholders, in both languages."""
    for rule in _listed_on_their_own(knowledge):
        assert rule.action.placeholders("en") == rule.action.placeholders("nl") == rule.title.placeholders("en")
        assert rule.action.en != rule.title.en and not rule.action.en.startswith("Address")


def test_the_actions_keep_the_dutch_terms_of_the_seeds(knowledge):
    """Each title checked against its seed keeps the seed's Dutch terms: in brackets in English, as is in Dutch."""
    for rule_id, terms in SEED_TERMS.items():
        action = knowledge.rule(rule_id).action
        for term in terms:
            assert f"({term}" in action.en or f"'{term}" in action.en, (rule_id, term)
            assert term.lower() in action.nl.lower(), (rule_id, term)


def test_a_rule_like_another_takes_its_action(knowledge):
    """A rule that says what another says (like:) takes its action with its title."""
    municipal = knowledge.rule("kenis.need.municipal.collaboration-without-need")
    assert municipal.action == knowledge.rule("kenis.need.collaboration-without-need").action
    assert municipal.title == knowledge.rule("kenis.need.collaboration-without-need").title


def test_an_urgent_warning_is_an_instruction_in_the_plan(example):
    """The blind spot's action is titled by its rule's action, in English and in Dutch, with its subject."""
    (action,) = [a for a in example.plan if a.rules == ("trust.blind-spot",)]
    assert action.title == ("Keep the trust of unhindered collaboration (onbelemmerd samenwerken), and put safeguards"
                            " against opportunistic behaviour (opportunistisch gedrag) in place while relations are good")
    assert action.subjects == ("Gemeente Bladel – Stichting Jeugdzorg Kempen",)
    dutch = interorg.advise(interorg.example_case(), lang="nl")
    (action,) = [a for a in dutch.plan if a.rules == ("trust.blind-spot",)]
    assert action.title == ("Houd het vertrouwen van onbelemmerd samenwerken vast, en tref waarborgen tegen"
                            " opportunistisch gedrag nu de verhoudingen goed zijn")


def test_no_action_of_the_examples_is_titled_address(example, alliance):
    """No action of either example, in either language, reads "Address: ..." or "Pak aan: ..."."""
    advices = [example, alliance, interorg.advise(interorg.example_case(), lang="nl"),
               interorg.advise(interorg.example_case("regional_innovation_alliance"), lang="nl")]
    titles = [action.title for advice in advices for action in advice.plan + advice.counsel.more]
    assert len(titles) > 20
    assert not [title for title in titles if title.startswith(("Address", "Pak aan", "Pak de waarschuwing"))]


def test_an_action_fills_its_placeholders_as_the_title(example):
    """The action of a warning about a partner names the partner, as its title does."""
    (action,) = [a for a in example.plan + example.counsel.more
                 if a.rules == ("network.fit.core-without-strategic-fit",)]
    assert action.title.startswith("Restore the strategic fit (strategische fit) of Gemeente Reusel-De Mierden,")
    assert "{" not in action.title and action.subjects == ()


def test_a_warning_without_an_action_is_still_an_instruction(example, knowledge):
    """Where a rule gives no action (a rule base built otherwise), the title asks to address the warning."""
    warning = example.get_all("trust.blind-spot")[0]
    bare = attrs.evolve(warning, action=None)
    assert action_title(None, [bare], "en", knowledge.labels("en")) == (
        "Address the warning ‘A blind spot: unhindered collaboration with a trigger for opportunism’")
    dutch = interorg.advise(interorg.example_case(), lang="nl").get_all("trust.blind-spot")[0]
    assert action_title(None, [attrs.evolve(dutch, action=None)], "nl", knowledge.labels("nl")) == (
        "Pak de waarschuwing ‘Een blinde vlek: onbelemmerd samenwerken met een aanleiding voor opportunisme’ aan")


def test_a_grouped_action_lists_every_principle_it_covers(alliance, knowledge):
    """The self-organisation action lists each principle its members are about, not one member's subject only."""
    (action,) = [a for a in alliance.plan if "workbook.self-organisation.no-boundaries" in a.rules]
    numbers = [subject.split(" ")[0] for subject in action.subjects]
    assert numbers == ["2", "4", "7", "8", "9"]
    assert len(action.subjects) == len(action.keys)
    assert action.subjects[0] == knowledge.label("self_organisation_principle", "principle", "no_boundaries")
    assert "2 set no boundaries" in alliance.to_text()


def test_grouped_actions_name_the_boundaries_and_signatures_they_cover(alliance):
    """The boundaries action says which boundaries are unclear, the leadership action which signatures lack."""
    by_rule = {rule: action for action in alliance.plan for rule in action.rules}
    boundaries = by_rule["workbook.boundaries.authority"].subjects
    assert [subject.split(":")[0] for subject in boundaries] == ["authority boundary", "political boundary"]
    signatures = by_rule["workbook.signatures.champion-missing"].subjects
    assert signatures == ("the committed relationship builder (de betrokken relatiebouwer)",
                          "the driven champion (de gedreven voorvechter)")


def test_a_value_several_members_fix_alike_names_nothing(example, knowledge):
    """The members of the reflection action fix the same scan factor: it tells them not apart, so it names nothing."""
    group = next(group for group in knowledge.actions if group.id == "reflection")
    members = [c for c in example.conclusions if c.id in group.rules]
    assert len({c.id for c in members}) > 1
    assert member_subjects(members, group, knowledge, "en", {}) == ()


def test_a_warning_in_no_group_without_an_action_is_refused(knowledge_copy):
    """Loading refuses an urgent warning in no action of plan.yaml that gives no action, at the rule."""
    problems = refused_after(knowledge_copy, "rules/trust_building.yaml",
                             '    action:\n      en: "Keep the trust of unhindered collaboration (onbelemmerd'
                             ' samenwerken), and put safeguards against opportunistic behaviour (opportunistisch'
                             ' gedrag) in place while relations are good"\n'
                             '      nl: "Houd het vertrouwen van onbelemmerd samenwerken vast, en tref waarborgen tegen'
                             ' opportunistisch gedrag nu de verhoudingen goed zijn"\n', "")
    assert problems == ("rules/trust_building.yaml: rules[6]: rule 'trust.blind-spot' is a high warning in no action"
                        " of plan.yaml, so the plan lists it on its own: it needs an 'action', the title of that"
                        " action, in the imperative")


def test_an_action_elsewhere_is_refused(knowledge_copy):
    """An action on a grouped warning is refused at the field, naming the group whose title the plan shows."""
    problems = refused_after(knowledge_copy, "rules/trust_quadrants.yaml",
                             "  - id: trust.quadrants.trust-contradicted\n",
                             "  - id: trust.quadrants.trust-contradicted\n    action: {en: Talk, nl: Praat}\n")
    assert problems == ("rules/trust_quadrants.yaml: rules[12].action: rule 'trust.quadrants.trust-contradicted' is in"
                        " action 'stated-levels' of plan.yaml, whose title the plan shows: it takes no 'action'")


def test_an_action_is_checked_as_a_title(knowledge_copy):
    """An action's placeholder that 'when' does not bind, and a Dutch that fills other ones, are refused."""
    problems = refused_after(knowledge_copy, "rules/network_fit.yaml",
                             'nl: "Herstel de strategische fit van {partner},', 'nl: "Herstel de strategische fit,')
    assert problems == ("rules/network_fit.yaml: rules[4].action.nl: expected the placeholders {partner} of the"
                        " English text")


def test_what_is_urgent_is_declared_by_the_plan(knowledge_copy):
    """With medium warnings urgent too (plan.yaml), a medium warning in no group needs an action of its own."""
    problems = refused_after(knowledge_copy, "plan.yaml", "priorities: [critical, high]",
                             "priorities: [critical, high, medium]").splitlines()
    assert problems and all("is a medium warning in no action of plan.yaml" in problem for problem in problems)
    assert any(problem.startswith("rules/kenis_reasons.yaml: rules[2]: rule 'kenis.reasons.efficiency-without-analysis'")
               for problem in problems)


def test_an_action_names_only_what_when_binds(knowledge_copy):
    """An action's placeholder that no condition binds is refused at the action, as a title's is."""
    problems = refused_after(knowledge_copy, "rules/workbook_interests.yaml",
                             'en: "Look for win-win solutions (win-winoplossingen) for all partners:',
                             'en: "Look for win-win solutions (win-winoplossingen) for {partner}:')
    assert problems.splitlines() == [
        "rules/workbook_interests.yaml: rules[8].action: placeholder '{partner}' names no variable bound in 'when'",
        "rules/workbook_interests.yaml: rules[8].action.nl: expected the placeholders {partner} of the English text"]


#: The action of the whole-case rule that the rule per municipality takes through 'like'.
WITHOUT_NEED_ACTION = (
    '    action:\n      en: "Check what the collaboration between municipalities adds for the clients, where there is'
    ' no need for municipal collaboration (geen nood aan gemeentelijke samenwerking)"\n'
    '      nl: "Ga na wat de samenwerking tussen gemeenten de klanten oplevert, nu er geen nood aan gemeentelijke'
    ' samenwerking is"\n')


def test_an_action_missing_from_a_rule_and_its_copy_is_refused_once(knowledge_copy):
    """A rule and the rule 'like' it both lacking the action: one problem, at the rule written, naming the copy."""
    problems = refused_after(knowledge_copy, "rules/kenis_need.yaml", WITHOUT_NEED_ACTION, "")
    assert problems == (
        "rules/kenis_need.yaml: rules[5]: rule 'kenis.need.collaboration-without-need' is a high warning in no action"
        " of plan.yaml, so the plan lists it on its own: it needs an 'action', the title of that action, in the"
        " imperative; the rules that take its wording through 'like' would take it from here too:"
        " kenis.need.municipal.collaboration-without-need")
    with pytest.raises(interorg.KnowledgeError) as caught:
        interorg.load_knowledge(knowledge_copy)
    assert str(caught.value.in_language("nl")).endswith(
        "in de gebiedende wijs; de regels die via 'like' haar formulering overnemen, zouden die ook van hier"
        " overnemen: kenis.need.municipal.collaboration-without-need")


def test_a_copy_with_an_action_of_its_own_is_not_named(knowledge_copy):
    """A rule 'like' another that gives its own action lacks nothing: the problem at the original names no copy."""
    copy = knowledge_copy / "rules" / "kenis_need_municipalities.yaml"
    like = "    like: kenis.need.collaboration-without-need\n"
    copy.write_text(copy.read_text(encoding="utf-8").replace(like, like + "    action: {en: Check it, nl: Ga het na}\n"),
                    encoding="utf-8")
    problems = refused_after(knowledge_copy, "rules/kenis_need.yaml", WITHOUT_NEED_ACTION, "")
    assert problems == (
        "rules/kenis_need.yaml: rules[5]: rule 'kenis.need.collaboration-without-need' is a high warning in no action"
        " of plan.yaml, so the plan lists it on its own: it needs an 'action', the title of that action, in the"
        " imperative")


_PIECES = st.sampled_from(["Gemeente", "Bergeijk", "Noord", "GGZ", "p0001", "p0012", "Één", "-", " ", " – ", ": ", "(", ")", "→", "_"])
_TEXT = st.lists(_PIECES, max_size=6).map("".join)


@settings(max_examples=300, deadline=None)
@given(texts=st.lists(_TEXT, max_size=14), asked=st.lists(_TEXT, min_size=1, max_size=14))
def test_named_in_answers_as_each_text_asked(texts, asked):
    """NamedIn, which looks many texts up by their runs of word characters, says what asking each text says."""
    named_in = NamedIn(texts)
    for name in asked + asked:  # the first few asked of each text, the others of the index; each asked again
        assert named_in(name) == any(names_as_whole(text, name) for text in texts), name


def test_named_in_a_group_of_many_partners():
    """A name among two thousand texts is found as a whole, and not within a longer name."""
    texts = [f"p{i:04d} – p{i + 1:04d}" for i in range(2000)] + ["Gemeente Bergeijk-Noord"]
    named_in = NamedIn(texts)
    for i in range(10):  # past the names asked of each text
        assert named_in(f"p{i:04d}")
    assert named_in._at is not None
    assert named_in("p1999 – p2000") and named_in("p0017") and named_in("Gemeente")
    assert not named_in("p2001") and not named_in("Gemeente Bergeijk") and not named_in("p0017 – p0019")
