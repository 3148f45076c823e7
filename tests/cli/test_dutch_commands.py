"""verify, validate, new, schema, export and graph under --lang nl: what they say to a person is Dutch, errors too."""

import json
import re

import pytest
import yaml

import interorg
from interorg.cli.main import main


def _english_fragments():
    """The fixed words of verify's English findings (what a pattern does not fill in)."""
    messages = interorg.load_knowledge().messages
    for key, text in messages.items():
        if key.startswith("problem.verify_"):
            for piece in re.split(r"\{[a-z_]+\}", text.en):
                if len(piece.strip(" :;,.()[]")) > 6:
                    yield piece.strip(" :;,.()[]")


def test_verify_in_dutch(capsys):
    """interorg verify --lang nl: each finding, the witness and the counts in Dutch."""
    assert main(["verify", "--lang", "nl"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-1].startswith("0 fouten, ")
    assert "regels en" in out.splitlines()[-1] and "exclusieve groepen gecontroleerd" in out
    assert "waarschuwing: " in out and "; voorbeeld: " in out and "(afgeleid uit " in out
    assert not [piece for piece in _english_fragments() if piece in out]
    assert not re.search(r"\b(warning|witness|given|unknown|derived from)\b", out), out


def test_verify_in_english_is_as_it_was(capsys):
    """Without --lang the report is the library's English."""
    assert main(["verify"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^0 errors, \d+ warnings \(\d+ rules, \d+ exclusive groups checked\)$", out.splitlines()[-1])
    assert "; witness: " in out


def test_verify_markdown_and_json_in_dutch(capsys):
    """The table's header and its findings are Dutch; the JSON keeps its keys and names, its messages Dutch."""
    assert main(["verify", "--lang", "nl", "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("| ernst | controle | bestand | regel | wat | voorbeeld |")
    assert "| waarschuwing | gap |" in out and "witness" not in out
    assert main(["verify", "--lang", "nl", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {f["severity"] for f in data["findings"]} == {"warning"}
    assert all(not [p for p in _english_fragments() if p in f["message"]] for f in data["findings"])
    assert all("derived from" not in path for f in data["findings"] for path, _ in f["witness"])
    assert all(reason.startswith("hiaten niet") for reason in data["bounded"].values())


def test_verify_of_a_broken_folder_in_dutch(knowledge_copy, capsys):
    """The load problems of a knowledge folder verify reads are Dutch too."""
    path = knowledge_copy / "plan.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "bogus: 1\n", encoding="utf-8")
    assert main(["verify", str(knowledge_copy), "--lang", "nl"]) == 1
    out = capsys.readouterr().out
    line = len(text.splitlines()) + 1  # the line of the key added, as the loader's own error says it
    assert f"fout: plan.yaml: bogus (regel {line}, kolom 8): onbekende sleutel 'bogus' (bedoelt u 'about'?)" in out
    assert out.splitlines()[-1].startswith("1 fout, 0 waarschuwingen")


def test_verify_says_contradicting_tests_in_dutch(knowledge_copy, capsys):
    """A rule whose tests contradict each other: a Dutch sentence, the tests quoted in the rule file's own keys."""
    path = knowledge_copy / "rules" / "kenis_need.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["rules"].append(dict(data["rules"][0], id="kenis.need.contradictory", when=[
        {"fact": "care", "demand": {"known": True, "not_in": ["standard", "complex"]}}]))
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    tests = "care(demand not_in [standard, complex], demand known: true)"
    assert main(["verify", str(knowledge_copy), "--lang", "nl"]) == 1
    (line,) = [line for line in capsys.readouterr().out.splitlines() if "kenis.need.contradictory" in line]
    assert line == ("fout: rules/kenis_need.yaml: kenis.need.contradictory: kan nooit aanslaan: de tests van when[0]"
                    f" spreken elkaar tegen: {tests}")
    assert main(["verify", str(knowledge_copy)]) == 1
    assert f"can never fire: the tests of when[0] contradict each other: {tests}" in capsys.readouterr().out


def test_export_comment_in_dutch(capsys):
    """interorg export --lang nl: the program's comment for a person is Dutch, the constructs are the same."""
    assert main(["export", "--lang", "nl"]) == 0
    dutch = capsys.readouterr().out
    assert re.match(r";; \d+ regels over \d+ feittypen, geschreven door interorg\n", dutch)
    assert main(["export"]) == 0
    english = capsys.readouterr().out
    assert english.split("\n", 1)[1] == dutch.split("\n", 1)[1]


def test_validate_in_dutch(capsys):
    """interorg validate --lang nl says in Dutch that the case is valid."""
    assert main(["validate", "--example", "--lang", "nl"]) == 0
    assert re.match(r"voorbeeld municipal_youth_care: geldig; \d+ partners; secties: partners, ",
                    capsys.readouterr().out)


def test_new_and_schema_say_what_they_wrote_in_dutch(tmp_path, capsys):
    """new -o and schema -o say in Dutch what they wrote and what to do next."""
    case = tmp_path / "casus.yaml"
    assert main(["new", "-o", str(case), "--lang", "nl"]) == 0
    assert capsys.readouterr().out == f"{case} geschreven: vul het in en voer dan uit: interorg validate {case}\n"
    schema = tmp_path / "case.schema.json"
    assert main(["schema", "-o", str(schema), "--lang", "nl"]) == 0
    assert capsys.readouterr().out.startswith(f"{schema} geschreven; in een YAML-casus: ")
    assert main(["schema", "--advice", "-o", str(tmp_path / "advice.json"), "--lang", "nl"]) == 0
    assert capsys.readouterr().out == f"{tmp_path / 'advice.json'} geschreven\n"


def test_graph_and_export_say_what_they_wrote_in_dutch(tmp_path, capsys):
    """graph -o and export -o say 'geschreven' under --lang nl."""
    assert main(["graph", "--example", "-o", str(tmp_path / "n.graphml"), "--lang", "nl"]) == 0
    assert capsys.readouterr().out == f"{tmp_path / 'n.graphml'} geschreven\n"
    assert main(["export", "-o", str(tmp_path / "r.clp"), "--lang", "nl"]) == 0
    assert capsys.readouterr().out == f"{tmp_path / 'r.clp'} geschreven\n"
    assert (tmp_path / "r.clp").read_text(encoding="utf-8").startswith(";; ") and \
        "regels over" in (tmp_path / "r.clp").read_text(encoding="utf-8").splitlines()[0]


@pytest.mark.parametrize("argv, dutch", [
    (["new", "--sections", "bogus", "--lang", "nl"], "--sections: onbekende sectie(s) bogus"),
    (["verify", "/nonexistent-knowledge", "--lang", "nl"], "de kennismap bestaat niet"),
    (["export", "--case", "/nonexistent.yaml", "--lang", "nl"], "het bestand of de map bestaat niet"),
])
def test_errors_of_these_commands_in_dutch(argv, dutch, capsys):
    """A refused argument of new, verify or export is said in Dutch (exit 2)."""
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("interorg: fout:") and dutch in err, err
