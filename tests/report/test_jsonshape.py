"""The advice's JSON writes everything shared once: rules, sources, cited inputs and explanations."""

import json

import pytest

import interorg
from interorg.cli import main
from interorg.engine.results import plain
from interorg.report.advice import SCHEMA_VERSION


@pytest.fixture(scope="module")
def advice():
    return interorg.advise(interorg.example_case())


@pytest.fixture(scope="module")
def data(advice):
    return json.loads(advice.to_json())


def _tree(data, key):
    """A conclusion's whole derivation tree, as ``plain(conclusion.explanation)`` gives it, rebuilt from the tables."""
    conclusion = next(c for c in data["conclusions"] if c["key"] == key)
    blank = {"fact": None, "path": None, "values": None, "rule": None, "subject": None, "explanation": None}
    supports = []
    for support in data["explanations"][key]:
        evidence = []
        for item in support["evidence"]:
            if "input" in item:
                evidence.append({**blank, "type": "input", "summary": item["summary"],
                                 **data["inputs"][str(item["input"])]})
            else:
                cited = next(c for c in data["conclusions"] if c["key"] == item["conclusion"])
                evidence.append({**blank, "type": "conclusion", "summary": item["summary"], "rule": cited["id"],
                                 "subject": cited["subject"], "explanation": _tree(data, item["conclusion"])})
        supports.append({"evidence": evidence, "absent": support["absent"]})
    return {"rule": conclusion["id"], "title": conclusion["title"], "basis": conclusion["basis"],
            "reason": data["rules"][conclusion["id"]]["reason"], "supports": supports}


def test_one_explanation_per_conclusion(advice, data):
    """The table holds one entry per conclusion, under its key, in the advice's order."""
    assert list(data["explanations"]) == [c.key for c in advice.conclusions]


def test_references_rebuild_the_full_trees(advice, data):
    """Following the keys and positions gives back exactly each conclusion's whole derivation tree."""
    for conclusion in advice.conclusions:
        assert _tree(data, conclusion.key) == json.loads(json.dumps(plain(conclusion.explanation)))


def test_rules_and_sources_rebuild_every_citation(advice, data):
    """Each conclusion's citations are its rule's entry, each source described once."""
    for conclusion in advice.conclusions:
        rule = data["rules"][conclusion.id]
        rebuilt = [{**data["sources"][c["source"]], **c} for c in rule["sources"]]
        assert rebuilt == [json.loads(json.dumps(plain(c))) for c in conclusion.sources]
        assert rule["reason"] == conclusion.reason
    assert len(data["rules"]) == len({c.id for c in advice.conclusions})


def test_each_input_is_written_once(data):
    """An input cited by several explanations is one entry of ``inputs``."""
    entries = [json.dumps(entry, sort_keys=True) for entry in data["inputs"].values()]
    assert len(entries) == len(set(entries))
    cited = {item["input"] for supports in data["explanations"].values() for support in supports
             for item in support["evidence"] if "input" in item}
    assert cited == {int(position) for position in data["inputs"]}


def test_schema_version_is_raised(advice):
    """The changed shape has its own schema version."""
    assert advice.to_dict()["schema_version"] == SCHEMA_VERSION == 3


def test_compact_unless_indented(advice):
    """to_json is compact by default; an indent lays the same data out."""
    compact, laid_out = advice.to_json(), advice.to_json(indent=2)
    assert "\n" not in compact and "\n  " in laid_out
    assert json.loads(compact) == json.loads(laid_out)
    assert len(compact.encode()) < len(laid_out.encode())


def test_without_explanations(advice):
    """Without explanations there are no explanations and no inputs; the citations stay."""
    data = advice.to_dict(explanations=False)
    assert "explanations" not in data and "inputs" not in data
    assert data["rules"] and data["sources"]


def test_cli_no_explanations(capsys):
    """`interorg advise --format json --no-explanations` leaves the explanations out."""
    assert main(["advise", "--example", "--format", "json", "--no-explanations"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert "explanations" not in data and data["conclusions"] and data["plan"]


def test_cli_indent(capsys):
    """`--indent 2` lays the JSON out; without it the JSON is one line."""
    assert main(["advise", "--example", "--format", "json"]) == 0
    compact = capsys.readouterr().out
    assert main(["advise", "--example", "--format", "json", "--indent", "2"]) == 0
    laid_out = capsys.readouterr().out
    assert compact.count("\n") == 1 and laid_out.count("\n") > 100
    assert json.loads(compact) == json.loads(laid_out)
