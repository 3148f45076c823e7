"""The command line: advice in three formats, the rule list, and exit code 2 for bad input."""

import json
import subprocess
import sys

import pytest

from conftest import DATA
from interorg.cli import main


def run(*args):
    return subprocess.run([sys.executable, "-m", "interorg", *args], capture_output=True, text=True)


def test_example_as_json_is_valid():
    """`interorg advise --example --format json` is valid JSON with ids, explanations and sources."""
    result = run("advise", "--example", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    conclusions = data["conclusions"]
    assert conclusions and all(c["id"] and data["explanations"][c["key"]] and data["rules"][c["id"]]["sources"]
                               for c in conclusions)
    assert 1 <= len(data["plan"]) <= 7


@pytest.mark.parametrize("fmt, marker", [("text", "Findings\n--------"), ("markdown", "## Findings")])
def test_example_text_and_markdown(capsys, fmt, marker):
    """Text and Markdown renderings of the example."""
    assert main(["advise", "--example", "--format", fmt]) == 0
    assert marker in capsys.readouterr().out


def test_dutch(capsys):
    """--lang nl gives the advice in Dutch."""
    assert main(["advise", "--example", "--lang", "nl", "--brief"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Advies voor") and "Omdat" not in out


def test_named_example(capsys):
    """--example NAME advises on that bundled example; an unknown name exits 2 listing the names."""
    assert main(["advise", "--example", "regional_innovation_alliance", "--brief"]) == 0
    assert capsys.readouterr().out.startswith("Advice for Innovatiealliantie Slimme Akkerbouw Oost")
    assert main(["advise", "--example", "nope"]) == 2
    assert ("expected one of municipal_youth_care, municipal_youth_care_round2, regional_innovation_alliance"
            in capsys.readouterr().err)


def test_case_file(capsys, tmp_path):
    """A case file on the command line is advised on."""
    path = tmp_path / "case.yaml"
    path.write_text("care: {demand: standard, supply_in_municipality: false}\n", encoding="utf-8")
    assert main(["advise", str(path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["advice"]["findings"] == ["kenis.need.quadrant-iii"]


def test_malformed_case_exits_2_without_traceback():
    """A malformed case exits 2 with path-qualified messages and no traceback."""
    result = run("advise", str(DATA / "bad_types.yaml"))
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert "bad_types.yaml: care.demand (line 9, column 11): expected one of standard, complex; got 'compelx'" in result.stderr
    assert "partners[2].id" in result.stderr


@pytest.mark.parametrize("name", ["bad_syntax.yaml", "bad_syntax.json", "missing.yaml"])
def test_unreadable_case_exits_2(name):
    """Syntax errors and missing files also exit 2 without a traceback."""
    result = run("advise", str(DATA / name))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert name in result.stderr


@pytest.mark.parametrize("args", [["advise"], ["advise", "--example", "x.yaml"], ["advise", "--format", "pdf"], []])
def test_usage_errors_exit_2(capsys, args):
    """Wrong arguments exit 2 with a message, not a traceback."""
    assert main(args) == 2
    assert "interorg: error:" in capsys.readouterr().err


def test_rules_json_lists_every_rule(knowledge, capsys):
    """`interorg rules --format json` lists every rule with id, title, source and basis."""
    assert main(["rules", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in rows] == [rule.id for rule in knowledge.rules]
    assert all(r["title"] and r["basis"] in ("source", "derived") and r["sources"] for r in rows)
    assert all(r["sources"][0]["document"] for r in rows if r["sources"][0]["source"] == "kenis-2011")
    # each passage once: an entry per quote, none repeated
    assert all(len({json.dumps(e, sort_keys=True) for e in r["sources"]}) == len(r["sources"]) for r in rows)
    quadrant = next(r for r in rows if r["id"] == "kenis.need.quadrant-iv")
    assert quadrant["priority"] == "high" and quadrant["sources"][0]["quote"].startswith("IV Nood aan")


def test_rules_text(capsys):
    """The text listing shows each rule's kind, priority (none for a step), basis and where it comes from."""
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert "kenis.need.quadrant-i  [finding, medium, source]" in out
    assert "kenis.need.municipal.supply-present  [step, derived]" in out
    assert "derived: " in out


def test_rules_text_in_dutch_names_each_place_once(capsys):
    """--lang nl gives kind and basis in Dutch; a rule quoting one place twice names it once."""
    assert main(["rules", "--lang", "nl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    at = lines.index(next(line for line in lines if line.startswith("kenis.need.collaboration-without-need  ")))
    assert lines[at].startswith("kenis.need.collaboration-without-need  [waarschuwing, hoog, afgeleid]  Samenwerking")
    place = "kenis-2011 “Gemeentelijke samenwerking als een resultante van de bestaande zorgvraag en het bestaande zorgaanbod”"
    assert lines[at + 1] == f"    {place}; kenis-2011 “5 redenen voor organisaties om samen te werken”"
    assert not any(f"[{kind}," in line for line in lines for kind in ("finding", "warning", "recommendation", "step"))
    assert not any(", source]" in line or ", derived]" in line for line in lines)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_rules_show_the_action_of_an_urgent_warning(knowledge, capsys, lang):
    """A rule's ``action`` is listed in the language asked for, in the JSON and on a line of its own in the text."""
    assert main(["rules", "--format", "json", "--lang", lang]) == 0
    rows = {row["id"]: row for row in json.loads(capsys.readouterr().out)}
    with_action = [rule for rule in knowledge.rules if rule.action is not None]
    assert with_action and len(with_action) < len(knowledge.rules)
    assert {rule.id: rows[rule.id]["action"] for rule in with_action} == {
        rule.id: rule.action.get(lang) for rule in with_action}
    assert all(row["action"] is None for key, row in rows.items() if key not in {r.id for r in with_action})
    assert main(["rules", "--lang", lang]) == 0
    lines = capsys.readouterr().out.splitlines()
    rule = knowledge.rule("kenis.need.collaboration-without-need")
    at = lines.index(next(line for line in lines if line.startswith(f"{rule.id}  ")))
    assert lines[at + 2] == f"    {'action' if lang == 'en' else 'actie'}: {rule.action.get(lang)}"
    assert sum(line.startswith(("    action: ", "    actie: ")) for line in lines) == len(with_action)


def test_case_from_standard_input():
    """`interorg advise -` reads a JSON (or YAML) case from standard input, for other programs."""
    case = json.dumps({"care": {"demand": "complex", "supply_in_municipality": True}})
    result = subprocess.run([sys.executable, "-m", "interorg", "advise", "-", "--format", "json"],
                            input=case, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["advice"]["findings"][0] == "kenis.need.quadrant-ii"


def test_bad_standard_input_exits_2():
    """Invalid input on standard input is reported as <stdin> with its path."""
    result = subprocess.run([sys.executable, "-m", "interorg", "advise", "-"],
                            input='{"care": {"demand": 3}}', capture_output=True, text=True)
    assert result.returncode == 2
    assert "<stdin>: care.demand (line 1, column 21): expected one of standard, complex; got 3" in result.stderr


def test_explain_one_conclusion_in_full(capsys):
    """--explain KEY prints that conclusion as --full does, in the language asked for."""
    assert main(["advise", "--example", "--explain", "kenis.reasons.efficiency", "--lang", "nl"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("[kenis.reasons.efficiency] Efficiëntie komt de klant indirect ten goede [laag]")
    assert "Grondslag: overgenomen uit de bron" in out and "Omdat:" in out


@pytest.mark.parametrize("lang, expected", [
    ("en", "'kenis.need.quadrant-i' is not a conclusion of this advice"),
    ("nl", "'kenis.need.quadrant-i' is geen conclusie van dit advies"),
])
def test_explain_of_what_was_not_concluded_exits_2(capsys, lang, expected):
    """--explain of a key the advice does not hold is a usage error (exit 2, no traceback), in the user's language."""
    assert main(["advise", "--example", "--explain", "kenis.need.quadrant-i", "--lang", lang]) == 2
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err


def test_explain_of_a_rule_with_several_subjects_names_the_keys(capsys):
    """--explain of a rule id drawn for several subjects exits 2 and names the keys to use, in Dutch under nl."""
    assert main(["advise", "--example", "--explain", "trust.opportunism.lock-in", "--lang", "nl"]) == 2
    err = capsys.readouterr().err
    assert "is voor 4 onderwerpen geconcludeerd; gebruik een van: trust.opportunism.lock-in[bladel~" in err


def test_unknown_partner_filter_exits_2_in_dutch(capsys):
    """--partner naming no partner of the case exits 2 with the partners to choose from, in Dutch under nl."""
    assert main(["advise", "--example", "--partner", "nobody", "--lang", "nl"]) == 2
    assert "onbekende partner 'nobody'; verwacht een van eersel, bergeijk" in capsys.readouterr().err
