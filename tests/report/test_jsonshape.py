"""The advice's JSON writes each explanation once, in a table keyed by the conclusion's key."""

import json

import pytest

import interorg
from interorg.cli import main
from interorg.engine.results import plain
from interorg.report.advice import SCHEMA_VERSION


@pytest.fixture(scope="module")
def advice():
    return interorg.advise(interorg.example_case())


def _expand(table, key):
    """The nested explanation tree of schema 1, rebuilt from the table."""
    explanation = json.loads(json.dumps(table[key]))
    for support in explanation["supports"]:
        for evidence in support["evidence"]:
            if evidence["explanation"] is not None:
                evidence["explanation"] = _expand(table, evidence["explanation"])
    return explanation


def test_one_explanation_per_conclusion(advice):
    """The table holds one entry per conclusion, under its key, and every conclusion refers to its own."""
    data = advice.to_dict()
    conclusions = data["conclusions"]
    assert list(data["explanations"]) == [c.key for c in advice.conclusions]
    assert sorted(c["explanation"] for c in conclusions) == sorted(data["explanations"])


def test_references_rebuild_the_full_trees(advice):
    """Following the keys gives back exactly each conclusion's whole derivation tree."""
    table = advice.to_dict()["explanations"]
    for conclusion in advice.conclusions:
        assert _expand(table, conclusion.key) == json.loads(json.dumps(plain(conclusion.explanation)))


def test_schema_version_is_raised(advice):
    """The changed shape has its own schema version."""
    assert advice.to_dict()["schema_version"] == SCHEMA_VERSION == 2


def test_without_explanations(advice):
    """Without explanations there is no table, and conclusions name none."""
    data = advice.to_dict(explanations=False)
    assert "explanations" not in data
    assert all(c["explanation"] is None for c in data["conclusions"])


def test_cli_no_explanations(capsys):
    """`interorg advise --format json --no-explanations` leaves the explanations out."""
    assert main(["advise", "--example", "--format", "json", "--no-explanations"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert "explanations" not in data and data["conclusions"] and data["plan"]
