"""`interorg scan`: the statements asked in the terminal, answers checked, stopped, resumed and saved."""

import io
import json
import subprocess
import sys

import attrs
import pytest

import interorg
from interorg.case.scan import STATEMENTS
from interorg.cli import main

CASE = """\
# A comment that the scan keeps.
name: Scan test
partners:
  - id: eersel
    name: Gemeente Eersel
  - id: ggz
care: {demand: complex, origin: top_down}
relationships:
  - {between: [eersel, ggz], trust: low, note: "Lang verhaal"}
"""


@pytest.fixture
def case_file(tmp_path):
    path = tmp_path / "case.yaml"
    path.write_text(CASE, encoding="utf-8")
    return path


def scan(monkeypatch, capsys, path, lines, *args):
    """Run `interorg scan` on ``path`` with ``lines`` as what the user types; return (exit code, output)."""
    monkeypatch.setattr(sys, "stdin", io.StringIO("".join(f"{line}\n" for line in lines)))
    code = main(["scan", str(path), *args])
    return code, capsys.readouterr().out


def test_answers_are_checked_and_saved(monkeypatch, capsys, case_file):
    """Wrong answers are asked again, s skips, q stops; what was answered is in the file, nothing else is lost."""
    code, out = scan(monkeypatch, capsys, case_file, ["r1", "bladel", "eersel", "4", "7", "x", "5", "s", "2", "q"])
    assert code == 0
    assert "Not a partner of this case; expected one of eersel, ggz." in out
    assert out.count("Answer 1, 2, 3, 4 or 5; s to skip; q to stop.") == 2
    assert "[1/32] motivation: why do we work together?" in out
    assert "For my organisation it is urgent that this collaboration succeeds." in out
    assert "Saved to" in out and "3 answers from 1 respondent" in out
    case = interorg.load_case(case_file)
    assert case.scan.respondents[0].answers == {"felt_urgency_1": 4, "felt_urgency_2": 5, "shared_ambition_1": None,
                                                "shared_ambition_2": 2}
    assert case.scan.respondents[0].partner == "eersel"
    assert case.care.origin == "top_down" and case.relationships[0].note == "Lang verhaal"
    assert case.partners[0].name == "Gemeente Eersel"
    backup = case_file.with_name("case.yaml.bak")
    assert backup.read_text(encoding="utf-8") == CASE


def test_resume_skips_what_is_answered(monkeypatch, capsys, case_file):
    """A respondent who comes back is asked only the statements not yet answered or skipped."""
    scan(monkeypatch, capsys, case_file, ["r1", "eersel", "4", "s", "q"])
    code, out = scan(monkeypatch, capsys, case_file, ["r1", "3", "q"])
    assert code == 0
    assert "r1 (eersel) has answered 2 of 32 statements; the others follow." in out
    assert "[3/32]" in out and "[1/32]" not in out and "[2/32]" not in out
    answers = interorg.load_case(case_file).scan.respondents[0].answers
    assert answers == {"felt_urgency_1": 4, "felt_urgency_2": None, "shared_ambition_1": 3}


def test_end_of_input_saves_progress(monkeypatch, capsys, case_file):
    """Input ending halfway (Ctrl-D) stops the scan like q, with the answers so far saved."""
    code, out = scan(monkeypatch, capsys, case_file, ["r1", "ggz", "1", "2"])
    assert code == 0 and "2 answers" in out
    assert interorg.load_case(case_file).scan.respondents[0].answers == {"felt_urgency_1": 1, "felt_urgency_2": 2}


def test_ctrl_c_saves_progress(monkeypatch, capsys, case_file):
    """Ctrl-C while a statement is asked stops the scan, keeping the answers given."""
    class Interrupting(io.StringIO):
        def readline(self, *args):
            line = super().readline(*args)
            if line == "":
                raise KeyboardInterrupt
            return line

    monkeypatch.setattr(sys, "stdin", Interrupting("r1\neersel\n5\n"))
    assert main(["scan", str(case_file)]) == 0
    assert "1 answer from" in capsys.readouterr().out
    assert interorg.load_case(case_file).scan.respondents[0].answers == {"felt_urgency_1": 5}


def test_complete_respondent_and_several_respondents(monkeypatch, capsys, case_file):
    """A respondent who answered everything is told so; the next respondent is asked all statements."""
    code, _ = scan(monkeypatch, capsys, case_file, ["r1", "eersel", *["4"] * len(STATEMENTS), "r2", "ggz", "2", ""])
    assert code == 0
    code, out = scan(monkeypatch, capsys, case_file, ["r1", ""])
    assert "r1 has answered every statement already." in out
    case = interorg.load_case(case_file)
    assert [r.id for r in case.scan.respondents] == ["r1", "r2"]
    assert len(case.scan.respondents[0].answers) == 32 and case.scan.respondents[1].answers == {"felt_urgency_1": 2}
    advice = interorg.advise(case)
    assert "scan.strength[felt_urgency]" not in advice and "scan.disagreement[felt_urgency]" in advice


def test_nothing_answered_leaves_the_file_alone(monkeypatch, capsys, case_file):
    """Stopping before any answer writes nothing and makes no backup."""
    code, out = scan(monkeypatch, capsys, case_file, ["", ""])
    assert code == 0 and "Nothing was answered" in out
    assert case_file.read_text(encoding="utf-8") == CASE
    assert not case_file.with_name("case.yaml.bak").exists()


def test_bad_respondent_id_is_asked_again(monkeypatch, capsys, case_file):
    """An id with spaces is refused, and the question asked again."""
    code, out = scan(monkeypatch, capsys, case_file, ["r 1", "r1", "eersel", "q"])
    assert code == 0 and "An id is letters, digits" in out


def test_dutch_scan(monkeypatch, capsys, case_file):
    """With --lang nl the statements and prompts are Dutch."""
    _, out = scan(monkeypatch, capsys, case_file, ["r1", "eersel", "q"], "--lang", "nl")
    assert "Voor mijn organisatie is het urgent dat deze samenwerking slaagt." in out
    assert "Partner van r1 (eersel, ggz)" in out


def test_json_case_stays_json(monkeypatch, capsys, tmp_path):
    """A JSON case file is written back as JSON."""
    path = tmp_path / "case.json"
    path.write_text(json.dumps({"partners": [{"id": "a"}]}), encoding="utf-8")
    scan(monkeypatch, capsys, path, ["r1", "a", "3", "q"])
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["scan"] == {"respondents": [{"id": "r1", "partner": "a", "answers": {"felt_urgency_1": 3}}]}


def test_case_without_partners_exits_2(monkeypatch, capsys, tmp_path):
    """Without partners to tie respondents to, the scan does not start: exit 2 with the reason."""
    path = tmp_path / "case.yaml"
    path.write_text("name: leeg\n", encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.StringIO("r1\n"))
    assert main(["scan", str(path)]) == 2
    assert "case.yaml: partners: the case lists no partners; add them before the scan" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "name: leeg\n"


def test_invalid_case_exits_2(monkeypatch, capsys, tmp_path):
    """An invalid case file is reported as for advise, with exit code 2."""
    path = tmp_path / "case.yaml"
    path.write_text("partners: [{id: a}]\nscan: {respondents: [{id: r1, partner: b}]}\n", encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main(["scan", str(path)]) == 2
    assert "scan.respondents[0].partner (line 2, column 40): unknown partner 'b'" in capsys.readouterr().err


def test_scan_in_a_subprocess(tmp_path):
    """`interorg scan` driven through a pipe, as a user's terminal would."""
    path = tmp_path / "case.yaml"
    path.write_text(CASE, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "interorg", "scan", str(path)], input="r1\nggz\n5\n4\nq\n",
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "2 answers from 1 respondent" in result.stdout
    assert interorg.load_case(path).scan.respondents[0].answers == {"felt_urgency_1": 5, "felt_urgency_2": 4}


def test_example_keeps_everything_through_a_scan(monkeypatch, capsys, tmp_path):
    """Scanning a copy of the example changes nothing but the answers given: every other section is kept as it was."""
    with interorg.example_path() as example:
        path = tmp_path / "example.yaml"
        path.write_text(example.read_text(encoding="utf-8"), encoding="utf-8")
    before = interorg.load_case(path)
    scan(monkeypatch, capsys, path, ["ggz-manager", "q", ""])
    scan(monkeypatch, capsys, path, ["nieuw", "eersel", "5", "q"])
    after = interorg.load_case(path)
    assert after.scan.respondents[:-1] == before.scan.respondents
    assert after.scan.respondents[-1] == interorg.Respondent("nieuw", "eersel", {"felt_urgency_1": 5})
    assert attrs.evolve(after, scan=before.scan) == before


def test_a_new_template_keeps_every_line_outside_the_scan(monkeypatch, capsys, tmp_path):
    """Answers given in the terminal into a template from `interorg new` leave its empty headers (``care:``) empty."""
    path = tmp_path / "case.yaml"
    assert main(["new", "-o", str(path)]) == 0
    template = path.read_text(encoding="utf-8")
    scan(monkeypatch, capsys, path, ["r1", "partner-a", "4", "s", "q"])
    text = path.read_text(encoding="utf-8")
    scan_start = template.index("\nscan:\n")
    after = template[template.index("\n\n", scan_start):]
    assert text.startswith(template[:scan_start]) and text.endswith(after)
    assert "felt_urgency_1: 4\n" in text and "felt_urgency_2: null\n" in text
    path.write_text(text.replace("\n  # demand:", "\n  demand: complex", 1), encoding="utf-8")
    assert interorg.load_case(path).care.demand == "complex"


def test_scan_keeps_comments_and_backups(monkeypatch, capsys, case_file):
    """A scan writes into the file as it is: every comment stays, and each run keeps its own backup."""
    scan(monkeypatch, capsys, case_file, ["r1", "eersel", "4", "q"])
    scan(monkeypatch, capsys, case_file, ["r2", "ggz", "2", "q"])
    text = case_file.read_text(encoding="utf-8")
    assert text.startswith(CASE)
    assert case_file.with_name("case.yaml.bak").read_text(encoding="utf-8") == CASE
    assert "id: r1" in case_file.with_name("case.yaml.bak.1").read_text(encoding="utf-8")
    assert [r.id for r in interorg.load_case(case_file).scan.respondents] == ["r1", "r2"]


def test_read_only_case_is_refused_before_any_question(monkeypatch, capsys, case_file):
    """A read-only case file exits 1 at once with the reason, and is left as it was."""
    case_file.chmod(0o444)
    monkeypatch.setattr(sys, "stdin", io.StringIO("r1\neersel\n4\n"))
    assert main(["scan", str(case_file)]) == 1
    captured = capsys.readouterr()
    assert "the file is read-only" in captured.err and captured.out == ""
    assert case_file.read_text(encoding="utf-8") == CASE


def test_terminal_controls_in_names_are_shown_as_escapes(monkeypatch, capsys, tmp_path):
    """A partner id cannot hold control characters, but a prompt never passes them on raw either."""
    path = tmp_path / "case.yaml"
    path.write_text('partners: [{id: a, name: "\\e[2J"}]\n', encoding="utf-8")
    code, out = scan(monkeypatch, capsys, path, ["r1", "a", "q"])
    assert code == 0 and "\x1b" not in out


@pytest.mark.parametrize("lang, other", [("en", "nl"), ("nl", "en")])
def test_statements_are_listed_with_why_each_is_asked(capsys, lang, other):
    """`scan --statements` lists every statement under its factor with its reason, in the language asked only."""
    assert main(["scan", "--statements", "--lang", lang]) == 0
    out = capsys.readouterr().out
    knowledge = interorg.load_knowledge()
    derived = knowledge.message("rules_derived", lang)
    lines = out.splitlines()
    for statement in knowledge.statements:
        at = lines.index(f"    {statement.id}  {statement.text.get(lang)}")
        assert lines[at + 1] == f"      {derived}: {statement.reason.get(lang)}"
        factor = knowledge.label("scan_factor", "id", statement.factor, lang)
        assert f"  {factor}" in lines[:at]
        assert statement.reason.get(other) not in out and statement.text.get(other) not in out
    assert len(lines) == 1 + 4 * 2 + 16 + 32 * 2  # heading; per perspective a blank line and its name
    headings = [lines[at + 1] for at, line in enumerate(lines[:-1]) if line == ""]
    assert len(headings) == 4 and all(heading[0].isupper() for heading in headings)


def test_statements_listing_takes_no_case(capsys, case_file):
    """`scan --statements` with a case file, or `scan` with neither, is a usage error (exit 2)."""
    assert main(["scan", str(case_file), "--statements"]) == 2
    assert "--statements lists the statements; it takes no CASE file" in capsys.readouterr().err
    assert main(["scan"]) == 2
    assert "give a CASE file to scan into, or --statements" in capsys.readouterr().err
