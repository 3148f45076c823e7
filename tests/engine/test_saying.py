"""Conditions in the reader's words: `interorg.engine.saying.Sayer`."""

import pytest

import interorg
from interorg.engine.conditions import AnyOf, ConclusionPattern, FactPattern, Negation
from interorg.engine.saying import Sayer

KNOWLEDGE = interorg.load_knowledge()


def _joins():
    """Every field test of the rule base that only ties a field to what another condition matched."""
    for rule in KNOWLEDGE.rules:
        for condition in rule.when:
            patterns = (condition.alternatives if isinstance(condition, AnyOf)
                        else (condition.pattern,) if isinstance(condition, Negation) else (condition,))
            for pattern in patterns:
                if isinstance(pattern, FactPattern):
                    yield from ((pattern.fact, test) for test in pattern.tests
                                if test.var and test == type(test)(test.field, var=test.var))


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_join_names_the_field_then_what_is_the_same(lang):
    """A field tied to another condition reads 'label = the same partner/value', whatever its label; 'the same partner' of a partner."""
    sayer = Sayer(KNOWLEDGE, lang)
    same = {"en": ("the same partner", "the same value"), "nl": ("dezelfde partner", "dezelfde waarde")}[lang]
    joins = list(_joins())
    assert joins
    for fact, test in joins:
        label = KNOWLEDGE.label(fact, test.field, lang=lang)
        said = sayer.test(fact, test)
        assert said == same[0] if label == "partner" else said in (f"{label} = {same[0]}", f"{label} = {same[1]}")


def test_a_join_on_a_verb_or_a_het_word():
    """'depends on' and the Dutch 'het voordeel' read as sentences: no 'the same depends on', no 'dezelfde voordeel'."""
    on = next(test for fact, test in _joins() if fact == "dependence" and test.field == "on")
    kind = next(test for fact, test in _joins() if fact == "benefit" and test.field == "kind")
    assert Sayer(KNOWLEDGE, "en").test("dependence", on) == "depends on (is afhankelijk van) = the same partner"
    assert Sayer(KNOWLEDGE, "nl").test("dependence", on) == "is afhankelijk van = dezelfde partner"
    assert Sayer(KNOWLEDGE, "nl").test("benefit", kind) == "voordeel = dezelfde waarde"


def test_a_title_for_a_subject_fills_its_placeholder_only():
    """The subject's placeholder is its label (the partners' names); the other placeholders stay ‹label›."""
    sayer = Sayer(KNOWLEDGE, "nl", partners={"a": "Gemeente A", "b": "Stichting B"})
    rule = KNOWLEDGE.rule("network.structure.hub-lock-in")
    assert sayer.title(rule, "a~b") == "Gemeente A – Stichting B: vast aan een partner van wie velen afhankelijk zijn"
    assert sayer.title(rule) == "‹relatie tussen beide›: vast aan een partner van wie velen afhankelijk zijn"
    hub = KNOWLEDGE.rule("network.structure.hub")
    assert sayer.title(hub, "b") == "‹partners die er sterk van afhankelijk zijn› partners zijn sterk afhankelijk van Stichting B"


@pytest.mark.parametrize(("lang", "word"), [("en", "not"), ("nl", "niet")])
def test_an_absent_conclusion_reads_not_before_its_title(lang, word):
    """A negated earlier conclusion reads 'niet: <title>' ('not: ...'), never 'geen' or 'no' before a sentence."""
    negated = [c for rule in KNOWLEDGE.rules for c in rule.when
               if isinstance(c, Negation) and isinstance(c.pattern, ConclusionPattern)]
    assert negated
    sayer = Sayer(KNOWLEDGE, lang)
    for condition in negated:
        said = sayer.condition(condition)
        assert said.startswith(f"{word}: ") and said == f"{word}: {sayer.pattern(condition.pattern)}"
