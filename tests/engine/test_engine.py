"""The engine: deterministic, explained, stratified negation."""

import os
import subprocess
import sys

import pytest

import interorg
from interorg.engine.compiling import strata

SCRIPT = "import sys, interorg; print(interorg.advise(interorg.example_case(sys.argv[1])).to_json())"


def _run(seed, name):
    env = dict(os.environ, PYTHONHASHSEED=str(seed))
    return subprocess.run([sys.executable, "-c", SCRIPT, name], env=env, capture_output=True, text=True,
                          check=True).stdout


@pytest.mark.parametrize("name, expected", [("municipal_youth_care", "kenis.need.municipal.quadrant-iv"),
                                            ("regional_innovation_alliance", "workbook.motives.market")])
def test_same_advice_in_separate_processes(name, expected):
    """Different hash seeds (different set and dict orders in experta) give identical advice."""
    outputs = {_run(seed, name) for seed in (0, 1, 12345)}
    assert len(outputs) == 1
    assert f'"{expected}"' in outputs.pop()


def test_same_advice_twice_in_one_process():
    """Advising twice on the same case gives equal advice objects."""
    case = interorg.example_case()
    assert interorg.advise(case) == interorg.advise(case)


def test_order_follows_models_then_rules_then_case(knowledge):
    """Conclusions come by model order, then rule order, then the case's own order of subjects."""
    advice = interorg.advise(interorg.example_case())
    ranks = [knowledge.rank(c.id) for c in advice.conclusions]
    assert ranks == sorted(ranks)


def test_negation_waits_for_every_rule_that_could_conclude(knowledge):
    """A rule needing an absent conclusion sits in a later stratum than the rules drawing it."""
    level = strata(knowledge)
    graph = knowledge.dependency_graph()
    for source, target, data in graph.edges(data=True):
        assert level[target] >= level[source] + (1 if data["negated"] else 0)


def test_explanation_reaches_the_input():
    """Every leaf of every derivation tree is an input fact with a path in the case."""
    advice = interorg.advise(interorg.example_case())

    def leaves(explanation):
        for support in explanation.supports:
            for evidence in support.evidence:
                if evidence.type == "conclusion":
                    yield from leaves(evidence.explanation)
                else:
                    yield evidence

    for conclusion in advice.conclusions:
        found = list(leaves(conclusion.explanation))
        assert found and all(e.path and e.values for e in found), conclusion.id


def test_unsupported_language():
    """Asking for a language interorg does not speak is an InterorgError."""
    try:
        interorg.advise({}, lang="fr")
    except interorg.InterorgError as exc:
        assert "language 'fr' is not supported" in str(exc)
    else:
        raise AssertionError("no error")


def test_experta_is_given_no_negation_and_no_join(knowledge):
    """Every compiled experta rule has a single pattern: joins and negations are made through the index.

    With no NOT patterns, experta never retracts an activation, which keeps
    clear of its agenda's trouble removing one among many with equal keys.
    """
    from interorg.engine._experta import experta
    from interorg.engine.session import _compiled

    for rule in _compiled(knowledge):
        (pattern,) = list(rule)
        assert not isinstance(pattern, (experta.NOT, experta.OR, experta.AND))


def test_evidence_names_a_field_required_to_be_missing():
    """A field matched by 'known: false' shows in the evidence as not given, in the advice's language."""
    case = interorg.Case(reasons=[interorg.StatedReason("efficiency")])
    evidence = interorg.advise(case)["kenis.reasons.efficiency-analysis-unknown"].explanation.supports[0].evidence[1]
    assert evidence.summary.endswith("backed by a cost-benefit analysis (onderbouwd met een kosten-batenanalyse): "
                                     "not given")
    dutch = interorg.advise(case, lang="nl")["kenis.reasons.efficiency-analysis-unknown"]
    assert dutch.explanation.supports[0].evidence[1].summary.endswith("kosten-batenanalyse: niet opgegeven")


def test_advice_from_several_threads_is_the_same():
    """Engines are kept per thread and reset between runs: concurrent advice equals sequential advice."""
    import threading

    case = interorg.example_case()
    expected = interorg.advise(case).to_json()
    results = []

    def work():
        results.extend(interorg.advise(case).to_json() == expected for _ in range(2))

    threads = [threading.Thread(target=work) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [True] * 6
