"""The 'any' condition: a rule that holds when one of several alternatives matches."""

import importlib.resources
import pathlib
import shutil

import pytest

import interorg

SHIPPED = pathlib.Path(str(importlib.resources.files("interorg.knowledge")))

RULES = """\
about: rules for the tests of 'any'
model: kenis.reasons
rules:
  - id: test.power-or-unanalysed
    kind: finding
    priority: low
    title: {en: "Power or unanalysed: {reason}", nl: "Macht of niet onderbouwd: {reason}"}
    text: {en: "t {reason}", nl: "t nl {reason}"}
    basis: source
    sources: [{source: kenis-2011, where: x}]
    subject: reason
    when:
      - any:
          - {fact: reason, kind: {in: [power], var: reason}}
          - {fact: reason, kind: {var: reason}, cost_benefit_analysis: false}
  - id: test.client-reason
    kind: finding
    priority: low
    title: {en: A client reason, nl: Een klantreden}
    text: {en: t, nl: t nl}
    basis: source
    sources: [{source: kenis-2011, where: x}]
    when:
      - any:
          - {conclusion: kenis.reasons.efficiency}
          - {conclusion: kenis.reasons.effectiveness}
"""


@pytest.fixture(scope="module")
def knowledge(tmp_path_factory):
    """The shipped knowledge with two rules that use 'any'."""
    target = tmp_path_factory.mktemp("any") / "knowledge"
    shutil.copytree(SHIPPED, target, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    (target / "rules" / "zz_any.yaml").write_text(RULES, encoding="utf-8")
    return interorg.load_knowledge(target)


CASE = {"reasons": [{"reason": "power"}, {"reason": "efficiency", "cost_benefit_analysis": False},
                    {"reason": "uncertainty", "cost_benefit_analysis": True}]}


def test_each_alternative_can_fire(knowledge):
    """A fact matching either alternative concludes; one matching neither does not."""
    advice = interorg.advise(CASE, knowledge=knowledge)
    found = [c.subject for c in advice.conclusions if c.id == "test.power-or-unanalysed"]
    assert found == ["power", "efficiency"]


def test_explanation_shows_the_alternative_that_matched(knowledge):
    """The evidence names the fields of the alternative the fact satisfied."""
    advice = interorg.advise(CASE, knowledge=knowledge)
    power = advice["test.power-or-unanalysed[power]"].explanation.supports[0].evidence[0]
    efficiency = advice["test.power-or-unanalysed[efficiency]"].explanation.supports[0].evidence[0]
    assert power.path == "reasons[0]" and "cost-benefit" not in power.summary
    assert efficiency.path == "reasons[1]"
    assert efficiency.summary.endswith("kosten-batenanalyse) = no")


def test_any_over_conclusions_chains_on_each(knowledge):
    """An 'any' of conclusions depends on every rule it names, and fires on either."""
    graph = knowledge.dependency_graph()
    assert graph.has_edge("kenis.reasons.efficiency", "test.client-reason")
    assert graph.has_edge("kenis.reasons.effectiveness", "test.client-reason")
    advice = interorg.advise({"reasons": [{"reason": "effectiveness"}]}, knowledge=knowledge)
    evidence = advice["test.client-reason"].explanation.supports[0].evidence[0]
    assert evidence.rule == "kenis.reasons.effectiveness"
    assert "test.client-reason" not in interorg.advise({"reasons": [{"reason": "power"}]}, knowledge=knowledge)


def test_matcher_names_every_alternative_a_fact_satisfies():
    """An explanation cites the alternatives the fact met: each that holds, else the first of its type."""
    from interorg.engine.conditions import AnyOf, ConclusionPattern, FactPattern, FieldTest

    power = FactPattern("reason", (FieldTest("kind", one_of=("power",)),))
    unanalysed = FactPattern("reason", (FieldTest("cost_benefit_analysis", equals=False),))
    condition = AnyOf((ConclusionPattern("kenis.reasons.efficiency"), power, unanalysed))
    matched = condition.matcher("reason")
    both = matched({"kind": "power", "cost_benefit_analysis": False})
    assert both.tests == power.tests + unanalysed.tests
    assert matched({"kind": "power", "cost_benefit_analysis": False}) is both  # made once per combination
    assert matched({"kind": "power", "cost_benefit_analysis": True}) is power
    assert matched({"kind": "efficiency", "cost_benefit_analysis": False}) is unanalysed
    assert matched({"kind": "efficiency", "cost_benefit_analysis": True}) is power  # none holds: the first of its type
    assert condition.matcher("care")({}) == FactPattern("care")
