"""Writing a case back: comments, order and layout kept; checked before it is written; concurrent writers merged."""

import json
import threading

import pytest

import interorg
from interorg.case import Respondent
from interorg.case.roundtrip import merge_respondents, set_sections, update_case_file

COMMENTED = """\
# Our collaboration, as we see it today.
name: Jeugdhulp   # the working name
partners:
  # the municipalities first
  - id: eersel
    name: "Gemeente Eersel"
  - {id: ggz, kind: care_provider}
care: {demand: complex}   # from the intake
"""


@pytest.fixture
def case_file(tmp_path):
    path = tmp_path / "case.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    return path


def test_merge_keeps_every_line_of_the_file(case_file):
    """Adding a respondent appends the scan section and leaves every other line as it was."""
    written = merge_respondents(case_file, [Respondent("r1", "eersel", {"felt_urgency_1": 4, "felt_urgency_2": None})])
    text = case_file.read_text(encoding="utf-8")
    assert text.startswith(COMMENTED)
    assert text[len(COMMENTED):] == ("scan:\n  respondents:\n    - id: r1\n      partner: eersel\n      answers:\n"
                                     "        felt_urgency_1: 4\n        felt_urgency_2: null\n")
    assert written.backup.name == "case.yaml.bak" and written.backup.read_text(encoding="utf-8") == COMMENTED
    assert written.case == interorg.load_case(case_file)


def test_merge_into_an_existing_respondent(case_file):
    """Answers given again are merged into the respondent's answers, not added as a second respondent."""
    merge_respondents(case_file, [Respondent("r1", "eersel", {"felt_urgency_1": 4})], backup=False)
    merge_respondents(case_file, [Respondent("r1", "eersel", {"felt_urgency_2": 2})], backup=False)
    (respondent,) = interorg.load_case(case_file).scan.respondents
    assert respondent.answers == {"felt_urgency_1": 4, "felt_urgency_2": 2}


def test_a_change_that_breaks_the_case_is_not_written(case_file):
    """The changed document is checked as a case first; the file stays as it was."""
    def break_it(document):
        document["care"]["demand"] = "compelx"

    with pytest.raises(interorg.CaseError, match="care.demand .*expected one of standard, complex"):
        update_case_file(case_file, break_it)
    assert case_file.read_text(encoding="utf-8") == COMMENTED
    assert not case_file.with_name("case.yaml.bak").exists()


def test_line_separators_in_text_survive(tmp_path):
    """U+0085 and U+2028 in a text are written so that they read back as themselves."""
    path = tmp_path / "case.yaml"
    path.write_text('name: "a\\Nb\\Lc"\n', encoding="utf-8")
    set_sections(path, {"description": "x\x85y"}, backup=False)
    case = interorg.load_case(path)
    assert (case.name, case.description) == ("a\x85b\u2028c", "x\x85y")


def test_set_sections_on_json_keeps_order(tmp_path):
    """A JSON case stays JSON, keys in their order, with the new section at the end."""
    path = tmp_path / "case.json"
    path.write_text(json.dumps({"name": "a", "partners": [{"id": "a"}]}, indent=4), encoding="utf-8")
    set_sections(path, {"care": interorg.Care(demand="standard")}, backup=False)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert list(data) == ["name", "partners", "care"] and data["care"] == {"demand": "standard"}
    assert '\n    "name"' in path.read_text(encoding="utf-8")


def test_two_writers_keep_each_others_answers(case_file):
    """Two scans answering into one file at once lose nothing: each write reads the file under a lock."""
    def answer(respondent, partner):
        for number in (1, 2):
            for factor in ("felt_urgency", "shared_ambition", "strategy"):
                merge_respondents(case_file, [Respondent(respondent, partner, {f"{factor}_{number}": 3})],
                                  backup=False)

    threads = [threading.Thread(target=answer, args=args) for args in (("r1", "eersel"), ("r2", "ggz"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    respondents = {r.id: r.answers for r in interorg.load_case(case_file).scan.respondents}
    assert set(respondents) == {"r1", "r2"} and all(len(answers) == 6 for answers in respondents.values())


def test_example_round_trip_changes_only_the_scan(tmp_path):
    """A respondent merged into a copy of the example leaves every line before the scan section as it was."""
    with interorg.example_path() as example:
        original = example.read_text(encoding="utf-8")
    path = tmp_path / "example.yaml"
    path.write_text(original, encoding="utf-8")
    merge_respondents(path, [Respondent("nieuw", "eersel", {"felt_urgency_1": 5})], backup=False)
    text = path.read_text(encoding="utf-8")
    head = original[:original.index("\nscan:")]
    assert text.startswith(head)
    assert [line for line in original.splitlines() if line.lstrip().startswith("#")] == [
        line for line in text.splitlines() if line.lstrip().startswith("#")]


def test_comments_after_the_scan_stay_after_it(tmp_path):
    """Answers added to the last respondent, or a new respondent, go above the comment lines that follow the scan.

    ruamel.yaml attaches those lines to the last answer; answers appended after it were written below them, so
    the template's hints or the next section's heading ended up between two answers.
    """
    path = tmp_path / "case.yaml"
    path.write_text("partners: [{id: a}, {id: b}]\n"
                    "scan:\n  respondents:\n    - id: r1\n      partner: a\n      answers:\n"
                    "        felt_urgency_1: 5  # sure\n"
                    "  # respondents:\n  #   - id: respondent-1\n"
                    "\n# --- where we stand\nphase:\n  current: agreeing\n", encoding="utf-8")
    merge_respondents(path, [Respondent("r1", "a", {"felt_urgency_2": 3})], backup=False)
    merge_respondents(path, [Respondent("r2", "b", {"felt_urgency_1": 4})], backup=False)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[6:] == ["        felt_urgency_1: 5  # sure", "        felt_urgency_2: 3",
                         "    - id: r2", "      partner: b", "      answers:", "        felt_urgency_1: 4",
                         "  # respondents:", "  #   - id: respondent-1", "", "# --- where we stand", "phase:",
                         "  current: agreeing"]
    assert interorg.load_case(path).scan.respondents[0].answers == {"felt_urgency_1": 5, "felt_urgency_2": 3}


def test_the_scan_of_a_new_template_keeps_its_hints_below_the_answers(tmp_path, capsys):
    """interorg new, then interorg scan: the commented hints of the scan section stay together, after the answers."""
    from interorg.cli.main import main

    path = tmp_path / "case.yaml"
    assert main(["new", "-o", str(path), "--sections", "partners,scan"]) == 0
    merge_respondents(path, [Respondent("r1", "partner-a", {"felt_urgency_1": 4})], backup=False)
    written = merge_respondents(path, [Respondent("r1", "partner-a", {"felt_urgency_2": 2})], backup=False)
    text = path.read_text(encoding="utf-8")
    answers, hints = text.index("felt_urgency_2: 2"), text.index("# respondents:")
    assert text.index("felt_urgency_1: 4") < answers < hints
    assert written.case.scan.respondents[0].answers == {"felt_urgency_1": 4, "felt_urgency_2": 2}


def test_a_mapping_of_one_key_in_a_flow_list_keeps_its_braces(tmp_path):
    """partners: [{id: a}, {id: b}] is written back as it was, not as [id: a, id: b]."""
    path = tmp_path / "case.yaml"
    path.write_text("partners: [{id: a}, {id: b, name: B}]\n", encoding="utf-8")
    merge_respondents(path, [Respondent("r1", "a", {"felt_urgency_1": 4})], backup=False)
    assert path.read_text(encoding="utf-8").splitlines()[0] == "partners: [{id: a}, {id: b, name: B}]"


def _outside_the_scan(text):
    """The text before the ``scan:`` line, and from the first line after it that is not indented."""
    start = text.index("\nscan:\n") + 1
    lines = text[start:].splitlines(keepends=True)
    end = start + sum(len(line) for line in next(
        (lines[:index] for index, line in enumerate(lines[1:], 1) if not line.startswith(" ")), lines))
    return text[:start], text[end:]


def test_an_imported_template_keeps_every_line_outside_the_scan_and_can_still_be_filled_in(tmp_path, capsys):
    """interorg new, then an import: an empty header stays ``care:``, not ``care: null``, and a key uncommented reads.

    Written back as ``care: null`` with the commented keys below it, the
    header made the file unreadable once the template's hint was followed and
    a key uncommented ("mapping values are not allowed here").
    """
    from interorg.cli.main import main

    path = tmp_path / "case.yaml"
    assert main(["new", "-o", str(path)]) == 0
    template = path.read_bytes()
    answers = tmp_path / "answers.csv"
    answers.write_text("partner,respondent,felt_urgency_1,felt_urgency_2\npartner-a,r1,4,2\n", encoding="utf-8")
    assert main(["scan", str(path), "--import", str(answers)]) == 0
    imported = path.read_bytes()
    before, after = _outside_the_scan(template.decode("utf-8"))
    assert imported.startswith(before.encode("utf-8")) and imported.endswith(after.encode("utf-8"))
    assert b": null" not in imported[len(before.encode("utf-8")):]
    text = imported.decode("utf-8")
    assert "\ncare:\n  # demand:" in text
    path.write_text(text.replace("\n  # demand:", "\n  demand: complex", 1), encoding="utf-8")
    capsys.readouterr()
    assert main(["validate", str(path)]) == 0, capsys.readouterr().err
    case = interorg.load_case(path)
    assert case.care.demand == "complex" and case.scan.respondents[0].answers == {"felt_urgency_1": 4,
                                                                                  "felt_urgency_2": 2}


LAYOUTS = """\
name: X
description:
assessed: ~
partners:
  - id: a
    name: A   
  -   id: b
      kind: care_provider
care:
    demand: complex
coordination: {will_to_collaborate: true,
   common_approach: false}
form:
  claimed: Null
boundaries:
  # authority: clear
phase:
  note: |
    hello
     there
"""


def test_sections_left_alone_keep_their_nulls_indentation_and_line_breaks(tmp_path):
    """Empty values, ``~``, ``Null``, odd indentation, a flow mapping on two lines, a space at a line's end: kept."""
    path = tmp_path / "case.yaml"
    path.write_text(LAYOUTS, encoding="utf-8")
    merge_respondents(path, [Respondent("r1", "a", {"felt_urgency_1": 4, "felt_urgency_2": None})], backup=False)
    text = path.read_text(encoding="utf-8")
    assert text.startswith(LAYOUTS)
    assert text[len(LAYOUTS):].startswith("scan:\n") and text.endswith("felt_urgency_2: null\n")
    set_sections(path, {"care": {"demand": "standard"}}, backup=False)
    changed = path.read_text(encoding="utf-8")
    assert changed == text.replace("care:\n    demand: complex\n", "care:\n    demand: standard\n")


def test_a_section_that_is_changed_keeps_the_spelling_of_its_nulls(tmp_path):
    """Answers merged into a respondent leave its empty note empty and its ``~`` answer ``~``; a new skip is null."""
    path = tmp_path / "case.yaml"
    original = ("partners: [{id: a}]\nscan:\n  respondents:\n    - id: r1\n      partner: a\n      note:\n"
                "      answers:\n        felt_urgency_1: ~\n")
    path.write_text(original, encoding="utf-8")
    merge_respondents(path, [Respondent("r1", "a", {"felt_urgency_2": 3, "strategy_1": None})], backup=False)
    assert path.read_text(encoding="utf-8") == original + "        felt_urgency_2: 3\n        strategy_1: null\n"


def test_a_file_without_a_last_line_break_or_with_crlf_keeps_its_lines(tmp_path):
    """The last line, without its line break, is kept and the new section starts on a line of its own; CRLF stays."""
    path = tmp_path / "case.yaml"
    path.write_bytes(b"partners: [{id: a}]\r\ncare:\r\n  # demand: complex\r\nname: X")
    merge_respondents(path, [Respondent("r1", "a", {"felt_urgency_1": 4})], backup=False)
    written = path.read_bytes()
    assert written.startswith(b"partners: [{id: a}]\r\ncare:\r\n  # demand: complex\r\nname: X\r\nscan:\r\n")
    assert b"\n" not in written.replace(b"\r\n", b"")
    assert interorg.load_case(path).scan.respondents[0].answers == {"felt_urgency_1": 4}


def test_a_write_that_changes_nothing_leaves_the_file_as_it_was(tmp_path):
    """The same answers merged again give the same bytes."""
    path = tmp_path / "case.yaml"
    scan = "scan:\n  respondents:\n  -   id: r1\n      partner: a\n      answers: {felt_urgency_1: 4}\n"
    path.write_text(LAYOUTS + scan, encoding="utf-8")
    before = path.read_bytes()
    merge_respondents(path, [Respondent("r1", "a", {"felt_urgency_1": 4})], backup=False)
    assert path.read_bytes() == before


def test_a_section_replaced_keeps_the_heading_of_the_next_and_a_new_one_goes_after_the_closing_comments(tmp_path):
    """set_sections: the comment lines between a replaced section and the next, and those ending the file, stay put."""
    path = tmp_path / "case.yaml"
    original = ("partners:\n  - id: a  # the first\n\n# --- the care context\ncare:\n  # demand: complex\n"
                "phase:\n  # current: agreeing\n\n# observations:\n#   - observation: staff_turnover\n")
    path.write_text(original, encoding="utf-8")
    set_sections(path, {"partners": [{"id": "b"}], "description": "new"}, backup=False)
    assert path.read_text(encoding="utf-8") == original.replace("  - id: a  # the first\n", "  - id: b\n") + (
        "description: new\n")
