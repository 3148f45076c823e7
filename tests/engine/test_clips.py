"""interorg's engine and CLIPS 6.4, running the exported rules, draw the same conclusions on the same facts."""

import os
import random

import pytest

import interorg
from interorg.engine import InputFact, run
from interorg.engine.clips import clips_facts, clips_rules
from interorg.engine.conditions import AnyOf, FactPattern, Negation
from interorg.facts import case_facts

from conftest import scenario_paths

clips = pytest.importorskip("clips")

#: Generated cases checked in the suite; ``make differential`` runs many more.
GENERATED = int(os.environ.get("INTERORG_DIFFERENTIAL_CASES", "500"))
_SYMBOLS = {"nil": None, "TRUE": True, "FALSE": False}


@pytest.fixture(scope="module")
def environment(knowledge):
    """A CLIPS environment holding the exported knowledge base."""
    env = clips.Environment()
    for construct in clips_rules(knowledge).split("\n\n"):
        if not construct.startswith(";;"):
            env.build(construct)
    return env


def _clips_conclusions(env, knowledge, facts):
    env.build(clips_facts(knowledge, facts))
    env.reset()
    env.run()
    found = set()
    for fact in env.facts():
        if fact.template.name == "conclusion":
            subject = fact["subject"]
            if isinstance(subject, clips.Symbol):
                subject = _SYMBOLS[str(subject)]
            found.add((str(fact["rule"]), subject))
    return found


def _same(env, knowledge, facts):
    ours = set(run(knowledge, facts).records)
    theirs = _clips_conclusions(env, knowledge, facts)
    assert ours == theirs, f"only interorg: {sorted(ours - theirs, key=str)}; only CLIPS: {sorted(theirs - ours, key=str)}"
    return ours


@pytest.mark.parametrize("path", scenario_paths(), ids=lambda path: path.stem)
def test_same_conclusions_on_every_scenario(path, environment, knowledge):
    """Every case of tests/cases/ gives the same (rule id, subject) conclusions in both engines."""
    assert _same(environment, knowledge, case_facts(interorg.load_case(path)))


@pytest.mark.parametrize("name", ["municipal_youth_care", "regional_innovation_alliance"])
def test_same_conclusions_on_the_examples(name, environment, knowledge):
    """Both bundled examples give the same conclusions in both engines."""
    assert len(_same(environment, knowledge, case_facts(interorg.example_case(name)))) > 50


def _literals(knowledge):
    """Every value a rule tests a field against, by (fact type, field), to draw values that matter."""
    found = {}

    def patterns(condition):
        if isinstance(condition, Negation):
            condition = condition.pattern
        return condition.alternatives if isinstance(condition, AnyOf) else (condition,)

    for rule in knowledge.rules:
        for condition in rule.when:
            for pattern in patterns(condition):
                if isinstance(pattern, FactPattern):
                    for test in pattern.tests:
                        values = found.setdefault((pattern.fact, test.field), set())
                        values.update(test.literal_values())
                        for _name, bound in test.compare:
                            values.update({bound, bound - 1, bound + 1, bound + 0.5})
    return {key: sorted(values, key=repr) for key, values in found.items()}


def _value(rnd, field_def, literals):
    if rnd.random() < 0.15:
        return None
    if field_def.type == "enum":
        return rnd.choice(list(field_def.values))
    if field_def.type == "bool":
        return rnd.random() < 0.5
    if field_def.type == "number":
        return rnd.choice(literals or [0, 1, 2, 3, 4.5])
    # text and partner ids from a small pool, so that joins on them find each other
    return rnd.choice((literals or []) + ["p1", "p2", "p3"])


def generated_facts(knowledge, seed):
    """A random set of input facts drawn from the vocabulary (with a seeded generator)."""
    rnd = random.Random(seed)
    literals = _literals(knowledge)
    facts = []
    for name, fact_type in knowledge.facts.items():
        if rnd.random() < 0.4:
            continue
        for index in range(rnd.randint(1, 3)):
            values = {field: _value(rnd, field_def, literals.get((name, field)))
                      for field, field_def in fact_type.fields.items()}
            facts.append(InputFact(name, values, f"{fact_type.case_path}[{index}]"))
    rnd.shuffle(facts)
    return facts


def test_same_conclusions_on_generated_cases(environment, knowledge):
    """Hundreds of random cases over the whole vocabulary give the same conclusions in both engines."""
    concluded = 0
    for seed in range(GENERATED):
        concluded += len(_same(environment, knowledge, generated_facts(knowledge, seed)))
    assert concluded > GENERATED  # the generated cases do make rules fire
