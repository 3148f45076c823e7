"""The advice's JSON writes everything shared once: rules, sources, cited inputs and explanations."""

import json

import pytest

import interorg
from interorg.cli import main
from interorg.engine.results import Evidence, plain
from interorg.report.advice import SCHEMA_VERSION
from interorg.report.jsonshape import _Inputs


@pytest.fixture(scope="module")
def advice():
    return interorg.advise(interorg.example_case())


@pytest.fixture(scope="module")
def data(advice):
    return json.loads(advice.to_json())


def _cited_as(cited, summary):
    """The summary of a conclusion's evidence, checked against what the JSON gives: its title, or title and subject."""
    assert summary in (cited["title"], f"{cited['title']}: {cited['subject_label']}")
    return summary


def _tree(data, key, original):
    """A conclusion's whole derivation tree, as ``plain(conclusion.explanation)`` gives it, rebuilt from the tables.

    ``original`` is that tree: a conclusion's evidence in the JSON is its key
    alone, so its summary is taken from there once checked against the cited
    conclusion's title and subject.
    """
    conclusion = next(c for c in data["conclusions"] if c["key"] == key)
    blank = {"fact": None, "path": None, "values": None, "rule": None, "subject": None, "explanation": None,
             "fields": [], "parts": []}
    supports = []
    for support, was in zip(data["explanations"][key], original["supports"], strict=True):
        evidence = []
        for item, old in zip(support["evidence"], was["evidence"], strict=True):
            if "input" in item:
                cited = data["inputs"][str(item["input"])]
                parts = [cited["shown"][name] for name in item["fields"]]
                evidence.append({**blank, "type": "input", "summary": f"{cited['path']}: " + "; ".join(parts),
                                 "fact": cited["fact"], "path": cited["path"], "values": cited["values"],
                                 "fields": item["fields"], "parts": parts})
            else:
                cited = next(c for c in data["conclusions"] if c["key"] == item["conclusion"])
                evidence.append({**blank, "type": "conclusion", "summary": _cited_as(cited, old["summary"]),
                                 "rule": cited["id"], "subject": cited["subject"],
                                 "explanation": _tree(data, item["conclusion"], old["explanation"])})
        supports.append({"evidence": evidence, "absent": support["absent"]})
    return {"rule": conclusion["id"], "title": conclusion["title"], "basis": conclusion["basis"],
            "reason": data["rules"][conclusion["id"]]["reason"], "supports": supports}


def test_one_explanation_per_conclusion(advice, data):
    """The table holds one entry per conclusion, under its key, in the advice's order."""
    assert list(data["explanations"]) == [c.key for c in advice.conclusions]


def test_references_rebuild_the_full_trees(advice, data):
    """Following the keys and positions gives back exactly each conclusion's whole derivation tree."""
    for conclusion in advice.conclusions:
        original = json.loads(json.dumps(plain(conclusion.explanation)))
        assert _tree(data, conclusion.key, original) == original


def test_evidence_says_each_field_once(advice, data):
    """An input's evidence names the fields its condition tested; the words for each are in the input, once."""
    named = 0
    for conclusion in advice.conclusions:
        for support, written in zip(conclusion.explanation.supports, data["explanations"][conclusion.key]):
            for evidence, item in zip(support.evidence, written["evidence"]):
                if evidence.type == "input":
                    assert item == {"input": item["input"], "fields": list(evidence.fields)}
                    assert evidence.summary == f"{evidence.path}: " + "; ".join(evidence.parts)
                    named += len(evidence.fields)
                else:
                    assert item == {"conclusion": evidence.key}
    shown = sum(len(entry["shown"]) for entry in data["inputs"].values())
    assert 0 < shown < named  # a field named by several explanations is shown once
    demand = [entry["shown"]["demand"] for entry in data["inputs"].values() if entry["fact"] == "municipal_care"]
    assert demand and all(text.startswith("type of care demand (type zorgvraag) = ") for text in demand)


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
    assert advice.to_dict()["schema_version"] == SCHEMA_VERSION == 6


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


def test_inputs_keyed_by_fact_path_and_values_however_the_evidence_shares_them():
    """An input cited with equal values is one entry, and values shared by another path are another entry."""
    shared = {"name": "A", "trust": "high"}
    cited = [Evidence("input", "s", "partner", "partners[0]", shared, fields=("name",), parts=("name = A",)),
             Evidence("input", "s", "partner", "partners[0]", dict(shared), fields=("trust",), parts=("trust = high",)),
             Evidence("input", "s", "partner", "partners[1]", shared, fields=("name",), parts=("name = A",)),
             Evidence("input", "s", "partner", "partners[0]", shared, fields=("trust",), parts=("trust = high",))]
    inputs = _Inputs()
    assert [inputs.position(evidence) for evidence in cited] == [0, 0, 1, 0]
    assert inputs.table[0]["shown"] == {"name": "name = A", "trust": "trust = high"}
    assert inputs.table[1]["path"] == "partners[1]"


def test_one_path_with_other_values_is_another_input_even_where_only_their_types_differ():
    """The values of a path tell inputs apart by their text, so True and 1 stay two inputs."""
    cited = [Evidence("input", "s", "partner", "partners[0]", {"core": True}, fields=("core",), parts=("core = yes",)),
             Evidence("input", "s", "partner", "partners[0]", {"core": 1}, fields=("core",), parts=("core = 1",)),
             Evidence("input", "s", "partner", "partners[0]", {"core": False}, fields=("core",), parts=("core = no",)),
             Evidence("input", "s", "partner", "partners[0]", {"core": 1}, fields=("core",), parts=("core = 1",)),
             Evidence("input", "s", "partner", "partners[0]", {"core": True}, fields=("core",), parts=("core = yes",))]
    inputs = _Inputs()
    assert [inputs.position(evidence) for evidence in cited] == [0, 1, 2, 1, 0]
    assert [entry["values"]["core"] for entry in inputs.table.values()] == [True, 1, False]
    assert type(inputs.table[1]["values"]["core"]) is int
