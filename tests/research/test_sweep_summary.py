"""A sweep's summary and its per-combination results: the same words for whether a model applies, and the first combination named by its inputs."""

import json

import pytest

import interorg
from interorg.cli import main

from conftest import CASES

BASE = CASES / "kenis_quadrant_ii_power.yaml"
QUOTE = "\""
VARY = {"care.demand": None, "care.supply_in_municipality": None}


@pytest.fixture(scope="module")
def result():
    """Demand × supply on a case that gives a reason and no scan, observations or phase."""
    return interorg.sweep(BASE, VARY, progress=False, workers=0)


def _combination(inputs, unknown="unknown"):
    """The inputs of a combination as the text writes them: ``path = value``, true and false as in a case file."""
    return ", ".join(f"{path} = {unknown if value is None else json.dumps(value).strip(QUOTE)}"
                     for path, value in inputs.items())


def test_each_result_gives_every_model_its_status_and_conclusions(result):
    """Per combination, each model of the knowledge has the advice's status and the number of its conclusions."""
    advice = interorg.advise(BASE)
    models = [model.id for model in advice.models]
    for record in result.results:
        assert list(record["models"]) == models
        assert "applied" not in record
        for entry in record["models"].values():
            assert set(entry) == {"status", "conclusions"}
            assert entry["status"] in ("applied", "partial", "not_applied")
        assert sum(entry["conclusions"] for entry in record["models"].values()) == len(record["conclusions"])
    # the base case itself is one of the combinations (complex, true): its statuses are the advice's
    same = next(r for r in result.results if r["inputs"] == {"care.demand": "complex",
                                                            "care.supply_in_municipality": True})
    assert same["models"] == {m.id: {"status": m.status, "conclusions": m.conclusions} for m in advice.models}


def test_summary_and_results_agree_on_what_applies(result):
    """A model the summary lists as not applied is not applied on every combination; a silent one applies there."""
    summary = result.summary()
    assert summary["not_applied"]
    for model in summary["not_applied"]:
        assert {r["models"][model]["status"] for r in result.results} == {"not_applied"}
    for model, indices in summary["no_conclusion"].items():
        for index in indices:
            entry = result.results[index]["models"][model]
            assert entry["status"] != "not_applied" and entry["conclusions"] == 0
    applying = {m for r in result.results for m, entry in r["models"].items() if entry["status"] != "not_applied"}
    assert set(summary["not_applied"]) == set(result.models) - applying


def test_a_model_that_applies_nowhere_but_concludes_is_named(result):
    """diagnosis.interventions applies on no combination (no scan, observations, phase) yet concludes on some."""
    summary = result.summary()
    assert "diagnosis.interventions" in summary["not_applied"]
    concluding = summary["not_applied_concluding"]
    expected = {model: [r["index"] for r in result.results if r["models"][model]["conclusions"]]
                for model in summary["not_applied"]}
    assert concluding == {model: indices for model, indices in expected.items() if indices}
    assert concluding["diagnosis.interventions"]
    first = concluding["diagnosis.interventions"][0]
    text = result.to_text()
    assert (f"conclusions of diagnosis.interventions, which applies on no combination: "
            f"{len(concluding['diagnosis.interventions'])} combinations, the first with "
            f"{_combination(result.results[first]['inputs'])} (index {first})") in text


def test_the_first_silent_combination_is_named_by_its_inputs(result):
    """"the first 2" read as two combinations: the text names the first by its varied inputs and its index."""
    silent = result.summary()["no_conclusion"]["kenis.need"]
    assert silent[0] != 0  # else the old wording could not be told from the new
    text = result.to_text()
    assert f"the first {silent[0]}" not in text
    assert (f"no conclusion of kenis.need: {len(silent)} combinations, the first with "
            f"{_combination(result.results[silent[0]]['inputs'])} (index {silent[0]})") in text
    assert "care.supply_in_municipality = unknown" in text


def test_one_combination_is_named_without_first():
    """A single silent combination is named by its inputs, not as the first of one."""
    one = interorg.sweep({"care": {"supply_in_municipality": True}}, {"care.demand": None}, progress=False, workers=0)
    assert "no conclusion of kenis.need: 1 combination, with care.demand = unknown (index 2)" in one.to_text()


def test_an_invalid_combination_is_named_by_its_inputs():
    """The invalid combination is named by the value the case model refused, and has no models."""
    result = interorg.sweep({"care": {"supply_in_municipality": True}}, {"care.demand": ["complex", "compelx"]},
                            progress=False, workers=0)
    assert result.results[1]["models"] == {}
    assert "invalid case: 1 combination, with care.demand = compelx (index 1)" in result.to_text()


def test_dutch_summary_uses_the_same_words(tmp_path, capsys):
    """Under --lang nl the summary names the first combination and the concluding model in Dutch."""
    out = tmp_path / "results.jsonl"
    assert main(["sweep", str(BASE), "--vary", "care.demand", "--vary", "care.supply_in_municipality",
                 "--workers", "0", "--no-progress", "--out", str(out), "--lang", "nl"]) == 0
    text = capsys.readouterr().out
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    need = [(r["index"], r["models"]["kenis.need"]) for r in lines]
    silent = [index for index, entry in need if entry["status"] != "not_applied" and not entry["conclusions"]]
    assert (f"geen conclusie van kenis.need: {len(silent)} combinaties, de eerste met "
            f"{_combination(lines[silent[0]]['inputs'], 'onbekend')} (index {silent[0]})") in text
    assert "conclusies van diagnosis.interventions, dat op geen enkele combinatie van toepassing is: " in text
    assert "de eerste 2" not in text and "unknown" not in text


def test_json_summary_lists_the_concluding_models(tmp_path, capsys):
    """--format json gives the summary's not_applied_concluding, the indices of the JSON lines."""
    assert main(["sweep", str(BASE), "--vary", "care.demand", "--workers", "0", "--no-progress",
                 "--format", "json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert "diagnosis.interventions" in summary["not_applied"]
    assert summary["not_applied_concluding"]["diagnosis.interventions"] == [0, 1, 2]
