"""The advice's JSON Schema: valid itself, strict, and met by the advice on every case of the corpus."""

import copy
import json

import jsonschema
import pytest

import interorg
from conftest import scenario_paths
from interorg.cli import main
from interorg.report.advice import SCHEMA_VERSION


@pytest.fixture(scope="module")
def validator():
    schema = interorg.Advice.json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="module")
def example():
    return json.loads(interorg.advise(interorg.example_case()).to_json())


def _errors(validator, data):
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in validator.iter_errors(data)]


def test_schema_names_the_current_version(validator):
    """The schema accepts the version the advice writes, and only that one."""
    assert validator.schema["properties"]["schema_version"] == {"const": SCHEMA_VERSION}


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("path", scenario_paths(), ids=lambda path: path.stem)
def test_every_scenario_meets_the_schema(validator, path, lang):
    """The advice on each scenario case, in both languages, with and without explanations, meets the schema."""
    advice = interorg.advise(path, lang)
    assert _errors(validator, json.loads(advice.to_json())) == []
    assert _errors(validator, json.loads(advice.to_json(explanations=False))) == []


@pytest.mark.parametrize("name", ["municipal_youth_care", "regional_innovation_alliance"])
def test_examples_meet_the_schema(validator, name):
    data = json.loads(interorg.advise(interorg.example_case(name)).to_json())
    assert _errors(validator, data) == []
    assert data["explanations"] and data["inputs"]  # the parts only a full JSON has were checked too


def test_generated_cases_meet_the_schema(validator):
    """Over generated cases (any sections, partners and answers), the advice meets the schema."""
    from hypothesis import HealthCheck, given, settings

    from generated_cases import cases

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(cases())
    def check(case):
        assert _errors(validator, json.loads(interorg.advise(case).to_json())) == []

    check()


@pytest.mark.parametrize("change, where", [
    (lambda d: d.update(schema_version=3), "schema_version"),
    (lambda d: d["knowledge"].update(fingerprint="/home/me/rules"), "knowledge/fingerprint"),
    (lambda d: d.pop("knowledge"), ""),
    (lambda d: d["conclusions"][0].update(status="shown"), "conclusions/0/status"),
    (lambda d: d["conclusions"][0].update(colour="red"), "conclusions/0"),
    (lambda d: d["conclusions"][0].pop("title"), "conclusions/0"),
    (lambda d: d["plan"][0].update(priority="urgent"), "plan/0/priority"),
    (lambda d: next(iter(d["explanations"].values()))[0]["evidence"][0].update(summary="words"),
     "explanations/kenis.need.multi-organisation-network/0/evidence/0"),
    (lambda d: d["inputs"].update({"first": d["inputs"]["0"]}), "inputs"),
    (lambda d: d.pop("inputs"), ""),
    (lambda d: d["summaries"]["diagnosis"].update(phase="early"), "summaries/diagnosis/phase"),
])
def test_the_schema_is_strict(validator, example, change, where):
    """A wrong value, an unknown or missing field, a half of the explanations: each is found, at its place."""
    assert _errors(validator, example) == []
    data = copy.deepcopy(example)
    change(data)
    errors = _errors(validator, data)
    assert errors and all(error.startswith(f"{where}:") for error in errors), errors


def test_cli_prints_the_advice_schema(capsys, tmp_path):
    """`interorg schema --advice` prints the same schema, or writes it to a file."""
    assert main(["schema", "--advice"]) == 0
    assert json.loads(capsys.readouterr().out) == interorg.Advice.json_schema()
    target = tmp_path / "advice.schema.json"
    assert main(["schema", "--advice", "-o", str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8")) == interorg.Advice.json_schema()
    assert capsys.readouterr().out == f"wrote {target}\n"
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "interorg case"  # without --advice: the case's
