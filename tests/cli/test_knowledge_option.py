"""--knowledge DIR: every command the knowledge shapes draws on a folder of one's own, copied with export."""

import json

import pytest

import interorg
from conftest import CASES, DATA
from interorg.cli import main
from interorg.cli.helptext import parsers
from interorg.cli.main import _parser

CASE = CASES / "kenis_quadrant_iii.yaml"
RULE = "kenis.need.multi-organisation-network"
#: The rule's priority as shipped, and as the copy below says it.
SHIPPED_PRIORITY, EDITED_PRIORITY = "low", "high"

#: The commands whose output the knowledge shapes; validate checks a case by the case model alone.
TAKES_KNOWLEDGE = {"advise", "compare", "coverage", "diff", "explain", "export", "graph", "map", "new", "plot",
                   "report", "rules", "scan", "schema", "sweep", "verify"}


def _copy(folder, capsys, *options):
    """Copy the shipped knowledge into ``folder`` with ``interorg export``; return what it said."""
    assert main(["export", "--format", "knowledge", "-o", str(folder), *options]) == 0
    return capsys.readouterr()


@pytest.fixture
def edited(tmp_path, capsys):
    """A copy of the shipped knowledge, made by the command line, with one rule's priority changed."""
    folder = tmp_path / "my_rules"
    _copy(folder, capsys)
    path = folder / "rules" / "kenis_need.yaml"
    old = f"  - id: {RULE}\n    kind: finding\n    priority: {SHIPPED_PRIORITY}\n"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, old.replace(SHIPPED_PRIORITY, EDITED_PRIORITY)), encoding="utf-8")
    return folder


@pytest.fixture
def broken(tmp_path, capsys):
    """A copy of the shipped knowledge with two faults in two files."""
    folder = tmp_path / "broken_rules"
    _copy(folder, capsys)
    for relative, old, new in (("rules/kenis_need.yaml", "    kind: finding", "    kind: findng"),
                               ("scan.yaml", "factor: felt_urgency\n", "factor: felt_urgncy\n")):
        path = folder / relative
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def _advice(capsys, *options):
    assert main(["advise", "--example", "--format", "json", *options]) == 0
    return json.loads(capsys.readouterr().out)


def _priority(advice):
    return [c["priority"] for c in advice["conclusions"] if c["id"] == RULE]


def test_the_commands_that_take_the_option():
    """Every command whose output the knowledge shapes takes --knowledge DIR; validate, which it does not, does not."""
    commands = {each.prog.split()[-1]: each for each in parsers(_parser()) if each.prog != "interorg"}
    taking = {name for name, each in commands.items()
              if any("--knowledge" in action.option_strings for action in each._actions)}
    assert taking == TAKES_KNOWLEDGE
    assert set(commands) - taking == {"validate"}


def test_advise_draws_on_an_edited_copy(edited, capsys):
    """advise --knowledge DIR gives the edited rule's priority, and the JSON names the folder and its fingerprint."""
    shipped = _advice(capsys)
    advice = _advice(capsys, "--knowledge", str(edited))
    assert _priority(shipped) == [SHIPPED_PRIORITY] and _priority(advice) == [EDITED_PRIORITY]
    assert shipped["knowledge"] == {"name": "bundled", "fingerprint": interorg.load_knowledge().fingerprint}
    assert advice["knowledge"] == {"name": "my_rules", "fingerprint": interorg.load_knowledge(edited).fingerprint}
    assert advice["knowledge"]["fingerprint"] != shipped["knowledge"]["fingerprint"]


def test_rules_lists_the_edited_copy(edited, capsys):
    """rules --knowledge DIR lists the rules of the folder, as edited."""
    assert main(["rules", "--format", "json", "--knowledge", str(edited)]) == 0
    rows = {row["id"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows[RULE]["priority"] == EDITED_PRIORITY


def test_an_unedited_copy_is_the_shipped_knowledge_under_its_own_name(tmp_path, capsys):
    """export --format knowledge copies every knowledge file and the README, no Python; it loads as the same files."""
    folder = tmp_path / "copy"
    said = _copy(folder, capsys)
    copied = interorg.load_knowledge(folder)
    assert (copied.name, copied.fingerprint) == ("copy", interorg.load_knowledge().fingerprint)
    assert (folder / "README.md").is_file() and (folder / "examples" / "municipal_youth_care.yaml").is_file()
    assert not list(folder.rglob("*.py")) and not list(folder.rglob("__pycache__"))
    count = sum(1 for path in folder.rglob("*") if path.is_file())
    assert said.out == (f"copied the knowledge ({count} files) into {folder}: edit it, then give it to a command"
                        f" with --knowledge {folder}\n")


def test_a_copy_of_a_folder_of_ones_own_is_its_copy(edited, tmp_path, capsys):
    """export --format knowledge --knowledge DIR copies that folder, in Dutch under --lang nl."""
    said = _copy(tmp_path / "again", capsys, "--knowledge", str(edited), "--lang", "nl")
    assert said.out.startswith("de kennis (") and f"--knowledge {tmp_path / 'again'}" in said.out
    assert interorg.load_knowledge(tmp_path / "again").fingerprint == interorg.load_knowledge(edited).fingerprint


@pytest.mark.parametrize("lang, expected", [
    ("en", "is a folder with files in it; expected a new or empty folder to copy the knowledge into"),
    ("nl", "is een map met bestanden erin; verwacht een nieuwe of lege map om de kennis naar te kopiëren"),
])
def test_a_copy_never_overwrites(lang, expected, tmp_path, capsys):
    """export --format knowledge into a folder with files in it exits 2 and leaves the folder as it was."""
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["export", "--format", "knowledge", "-o", str(folder), "--lang", lang]) == 2
    assert f"{folder} {expected}" in capsys.readouterr().err
    assert [path.name for path in folder.iterdir()] == ["notes.txt"]


@pytest.mark.parametrize("argv, expected", [
    (["-o", "{tmp}/kb", "--case", str(CASE)], "--format knowledge takes no --case"),
    ([], "--format knowledge needs --output DIR"),
    (["-o", "{tmp}/no/such/kb"], "cannot write {tmp}/no/such/kb: the folder {tmp}/no/such does not exist"),
    (["-o", "{tmp}/file.txt"], "{tmp}/file.txt is a file; expected a new or empty folder"),
])
def test_a_copy_asked_for_in_a_way_that_cannot_work(argv, expected, tmp_path, capsys):
    """export --format knowledge without a folder to write, with a case, or into a file is refused with why."""
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    code = main(["export", "--format", "knowledge", *[part.format(tmp=tmp_path) for part in argv]])
    assert code in (1, 2)
    assert expected.format(tmp=tmp_path) in capsys.readouterr().err


#: A command line of each command that takes --knowledge, with {case}, {tmp} and {answers} to fill in.
COMMANDS = [
    ["advise", "--example"],
    ["report", "--example", "-o", "{tmp}/report.html"],
    ["map", "--example", "-o", "{tmp}/map.svg"],
    ["graph", "--example", "-o", "{tmp}/network.graphml"],
    ["scan", "--statements"],
    ["scan", "{case}", "--import", "{answers}"],
    ["rules"],
    ["coverage"],
    ["coverage", "{case}"],
    ["export"],
    ["plot", "heatmap", "--example", "-o", "{tmp}/scan.png"],
    ["compare", "{case}", "{case}"],
    ["explain", "{case}", "kenis.need.quadrant-i"],
    ["sweep", "{case}", "--vary", "care.demand=standard", "--workers", "0", "--no-progress"],
    ["diff", "{case}", "{case}"],
    ["verify"],
    ["new"],
    ["schema"],
    ["schema", "--advice"],
]


def test_every_command_that_takes_the_option_is_listed_here():
    """The command lines below cover every command that takes --knowledge."""
    assert {argv[0] for argv in COMMANDS} == TAKES_KNOWLEDGE


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda argv: "-".join(argv)[:40])
def test_each_command_draws_on_the_folder_given(argv, broken, tmp_path, capsys):
    """Given a folder that does not load, each command is refused with its problems: it passes the folder on.

    verify reports them as its findings, with its exit code of errors found (1); the others exit 2.
    """
    answers = tmp_path / "answers.csv"
    answers.write_text("partner,respondent,felt_urgency_1\nbladel,r1,4\n", encoding="utf-8")
    filled = [part.format(case=CASE, tmp=tmp_path, answers=answers) for part in argv]
    assert main([*filled, "--knowledge", str(broken)]) == (1 if argv[0] == "verify" else 2)
    said = capsys.readouterr()
    assert "expected one of step, finding, warning, recommendation; got 'findng'" in said.err + said.out, said
    assert "Traceback" not in said.err


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda argv: "-".join(argv)[:40])
def test_each_command_draws_on_the_programs_folder(argv, broken, tmp_path, capsys):
    """interorg --knowledge DIR COMMAND: the program's folder holds for the command, as the program's --lang does."""
    answers = tmp_path / "answers.csv"
    answers.write_text("partner,respondent,felt_urgency_1\nbladel,r1,4\n", encoding="utf-8")
    filled = [part.format(case=CASE, tmp=tmp_path, answers=answers) for part in argv]
    assert main(["--knowledge", str(broken), *filled]) == (1 if argv[0] == "verify" else 2)
    said = capsys.readouterr()
    assert "expected one of step, finding, warning, recommendation; got 'findng'" in said.err + said.out, said


def test_a_commands_own_folder_comes_before_the_programs(edited, broken, capsys):
    """As with --lang, the command's own --knowledge is the one it draws on; the program's holds where it has none."""
    assert _priority(_advice(capsys, "--knowledge", str(edited))) == [EDITED_PRIORITY]
    assert main(["--knowledge", str(broken), "advise", "--example", "--format", "json",
                 "--knowledge", str(edited)]) == 0
    assert _priority(json.loads(capsys.readouterr().out)) == [EDITED_PRIORITY]
    assert main(["--knowledge", str(edited), "advise", "--example", "--format", "json"]) == 0
    assert _priority(json.loads(capsys.readouterr().out)) == [EDITED_PRIORITY]


@pytest.mark.parametrize("lang, expected", [
    ("en", "interorg: error: validate draws on no knowledge folder (it checks a case by the case model alone):"
           " --knowledge {folder}\n"),
    ("nl", "interorg: fout: validate put niet uit een kennismap (het toetst een casus alleen aan het casusmodel):"
           " --knowledge {folder}\n"),
])
def test_validate_refuses_the_programs_folder_rather_than_pass_it_by(lang, expected, edited, capsys):
    """validate checks a case by the case model alone: a folder given to the program is said to be of no use, exit 2."""
    assert main(["--lang", lang, "--knowledge", str(edited), "validate", "--example"]) == 2
    said = capsys.readouterr()
    assert said.out == "" and said.err == expected.format(folder=edited)
    assert main(["validate", "--example"]) == 0


@pytest.mark.parametrize("lang, lines", [
    ("en", ["interorg: error:",
            "rules/kenis_need.yaml: rules[0].kind (line 10, column 11): expected one of step, finding, warning,"
            " recommendation; got 'findng'",
            "scan.yaml: statements[0].factor (line 16, column 13): unknown factor 'felt_urgncy'; expected one of"]),
    ("nl", ["interorg: fout:",
            "rules/kenis_need.yaml: rules[0].kind (regel 10, kolom 11): verwacht een van step, finding, warning,"
            " recommendation; gekregen: 'findng'",
            "scan.yaml: statements[0].factor (regel 16, kolom 13): onbekende factor 'felt_urgncy'; verwacht een van"]),
])
def test_a_broken_folder_is_refused_with_every_problem(lang, lines, broken, capsys):
    """advise --knowledge BROKEN exits 2 with every problem of every file, in the language asked for."""
    assert main(["advise", "--example", "--knowledge", str(broken), "--lang", lang]) == 2
    err = capsys.readouterr().err
    shown = err.splitlines()
    assert shown[0] == lines[0]
    assert lines[1] in shown
    assert any(line.startswith(lines[2]) for line in shown), err
    assert "Traceback" not in err


@pytest.mark.parametrize("lang, missing, file", [
    ("en", "does not exist; expected a knowledge folder", "is not a folder; expected a knowledge folder"),
    ("nl", "bestaat niet; verwacht een kennismap", "is geen map; verwacht een kennismap"),
])
def test_a_path_that_is_not_a_folder_is_a_usage_error(lang, missing, file, tmp_path, capsys):
    """--knowledge naming nothing, or a file, exits 2 naming the path, before any case is read."""
    for path, expected in ((tmp_path / "nowhere", missing), (CASE, file)):
        assert main(["advise", str(tmp_path / "no-case.yaml"), "--knowledge", str(path), "--lang", lang]) == 2
        err = capsys.readouterr().err
        assert err.endswith(f"advise: argument --knowledge: {path} {expected}\n"), err
        assert "no-case.yaml" not in err


def test_diff_of_two_advice_jsons_still_refuses_a_broken_folder(broken, tmp_path, capsys):
    """diff A.json B.json --knowledge BROKEN is refused though neither side is advised on: the folder is checked."""
    advice = tmp_path / "advice.json"
    assert main(["advise", str(CASE), "--format", "json", "-o", str(advice)]) == 0
    assert main(["diff", str(advice), str(advice)]) == 0
    capsys.readouterr()
    assert main(["diff", str(advice), str(advice), "--knowledge", str(broken)]) == 2
    assert "got 'findng'" in capsys.readouterr().err


def test_verify_takes_the_folder_either_way(edited, tmp_path, capsys):
    """verify DIR and verify --knowledge DIR check the same folder; the two naming one folder are one."""
    outputs = []
    for argv in ([str(edited)], ["--knowledge", str(edited)], [str(edited), "--knowledge", f"{edited}/."]):
        assert main(["verify", *argv]) == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1] == outputs[2]


@pytest.mark.parametrize("lang, expected", [
    ("en", "verify takes one knowledge folder: {a} and --knowledge {b} are two"),
    ("nl", "verify neemt één kennismap: {a} en --knowledge {b} zijn er twee"),
])
def test_verify_given_two_folders_is_refused(lang, expected, edited, capsys):
    """verify DIR --knowledge OTHER, two different folders, is a usage error (exit 2) naming both."""
    other = DATA
    assert main(["verify", str(edited), "--knowledge", str(other), "--lang", lang]) == 2
    assert capsys.readouterr().err == f"interorg: {'error' if lang == 'en' else 'fout'}: " \
                                      f"{expected.format(a=edited, b=other)}\n"


def test_verify_checks_its_own_folder_before_the_programs(edited, broken, capsys):
    """interorg --knowledge A verify B checks B, as the command's own folder comes first; with neither, A."""
    assert main(["--knowledge", str(broken), "verify", str(edited)]) == 0
    assert "0 errors" in capsys.readouterr().out
    assert main(["--knowledge", str(broken), "verify", "--knowledge", str(edited)]) == 0
    assert "0 errors" in capsys.readouterr().out
    assert main(["--knowledge", str(edited), "verify"]) == 0
    assert "0 errors" in capsys.readouterr().out
    assert main(["--knowledge", str(edited), "verify", str(broken)]) == 1
    assert "got 'findng'" in capsys.readouterr().out


def test_compare_draws_on_the_folder_given(broken):
    """interorg.compare(A, B, knowledge=DIR) advises on the cases with that knowledge: a broken one is refused."""
    assert interorg.compare(CASE, CASE).before
    with pytest.raises(interorg.KnowledgeError) as caught:
        interorg.compare(CASE, CASE, knowledge=broken)
    assert "got 'findng'" in str(caught.value)
