"""Answers from a form export: read row by row, every problem with its line, then written into the case."""

import csv
import pathlib

import pytest

import interorg
from interorg.case import load_case
from interorg.case.answers import merge_answers, read_answers
from interorg.cli import main

DATA = pathlib.Path(__file__).resolve().parents[1] / "data"
EXAMPLE = (pathlib.Path(__file__).resolve().parents[2] / "knowledge" / "examples" / "municipal_youth_care.yaml"
           ).read_text(encoding="utf-8")
PARTNERS = ["Gemeente Eersel", "bergeijk", "Gemeente Bladel", "reusel", "jeugdzorg-kempen", "GGZ Kempen"]


def _form_export(path, lang="nl"):
    """A CSV as a form tool writes it: a timestamp, the statements' texts as headers, semicolons."""
    statements = interorg.load_knowledge().statements
    with open(path, "w", newline="", encoding="utf-8-sig") as stream:
        writer = csv.writer(stream, delimiter=";")
        writer.writerow(["Tijdstempel", "Respondent", "Organisatie"]
                        + [f"Stellingen [{getattr(s.text, lang)}]" for s in statements])
        for number, partner in enumerate(PARTNERS):
            writer.writerow(["2026-09-01 10:00", f"form-{number}", partner]
                            + [f"{(number + index) % 5 + 1}" if index % 7 else "" for index in range(len(statements))])
    return path


def test_bad_rows_report_every_problem_with_its_line():
    """Unknown column, unknown partner, bad id, out-of-range answer and a repeated respondent, all at once."""
    found = read_answers(DATA / "bad_answers.csv", interorg.example_case())
    messages = [str(problem) for problem in found.problems]
    assert any("Wat vindt u ervan (line 1, column 4): unknown column" in m for m in messages)
    assert any("partner (line 2, column 2): unknown partner 'nobody'" in m for m in messages)
    assert any("respondent (line 2, column 1): expected an id" in m for m in messages)
    assert any("felt_urgency_1 (line 2, column 3): expected 1 to 5" in m for m in messages)
    assert any("respondent (line 4, column 1): respondent 'r2' is already given on line 3" in m for m in messages)
    assert all(m.startswith("bad_answers.csv: ") for m in messages)


def test_words_of_the_scale_and_leading_digits_are_answers(tmp_path):
    """'Helemaal eens' is 5, '2 - oneens' is 2, and an empty cell is a skipped statement."""
    path = tmp_path / "a.csv"
    path.write_text("partner,felt_urgency_1,felt_urgency_2,equality_1\neersel,Helemaal eens,2 - oneens,\n")
    (respondent,) = read_answers(path, interorg.example_case()).respondents
    assert respondent.answers == {"felt_urgency_1": 5, "felt_urgency_2": 2, "equality_1": None}
    assert respondent.id == "form-1"


def test_a_respondent_already_in_the_case_gets_the_new_answers():
    """Importing an export again updates the respondents it already added."""
    case = interorg.example_case()
    first = case.scan.respondents[0]
    updated = merge_answers(case, [interorg.Respondent(first.id, first.partner, {"equality_1": 1})])
    assert len(updated.scan.respondents) == len(case.scan.respondents)
    assert updated.scan.respondents[0].answers["equality_1"] == 1


def test_import_six_respondents_into_the_example(tmp_path, capsys):
    """`interorg scan CASE --import form.csv` adds six respondents, keeps a .bak and changes the scan."""
    case_path = tmp_path / "case.yaml"
    case_path.write_text(EXAMPLE, encoding="utf-8")
    before = len(load_case(case_path).scan.respondents)
    assert main(["scan", str(case_path), "--import", str(_form_export(tmp_path / "form.csv"))]) == 0
    assert "imported 6 respondents, " in capsys.readouterr().out
    assert len(load_case(case_path).scan.respondents) == before + 6
    assert (tmp_path / "case.yaml.bak").read_text(encoding="utf-8") == EXAMPLE


def test_import_says_what_it_did_in_dutch_with_plural_forms(tmp_path, capsys):
    """Under --lang nl the import says in Dutch what it added: '1 respondent met 1 antwoord', '6 respondenten'."""
    case_path = tmp_path / "case.yaml"
    case_path.write_text(EXAMPLE, encoding="utf-8")
    one = tmp_path / "een.csv"
    one.write_text("partner,respondent,equality_1\neersel,nieuw-1,4\n", encoding="utf-8")
    assert main(["scan", str(case_path), "--import", str(one), "--lang", "nl"]) == 0
    assert capsys.readouterr().out == (f"1 respondent met 1 antwoord uit {one} geïmporteerd in {case_path};"
                                       f" het bestand zoals het was staat in {case_path}.bak\n")
    form = _form_export(tmp_path / "form.csv")
    assert main(["scan", str(case_path), "--import", str(form), "--lang", "nl"]) == 0
    out = capsys.readouterr().out
    answers = sum(1 for line in list(csv.reader(form.open(encoding="utf-8-sig"), delimiter=";"))[1:]
                  for cell in line[3:] if cell)
    assert out.startswith(f"6 respondenten met {answers} antwoorden uit {form} geïmporteerd in ")
    assert not {"imported", "respondent(s)", "answer(s)", "file", "into"} & set(out.replace(";", " ").split())


def test_import_keeps_the_case_files_comments_and_every_earlier_version(tmp_path, capsys):
    """The case file keeps its comments and layout; each import keeps the file as it was in a new backup."""
    case_path = tmp_path / "case.yaml"
    case_path.write_text(EXAMPLE, encoding="utf-8")
    comments = [line for line in EXAMPLE.splitlines() if line.lstrip().startswith("#")]
    assert comments
    form = _form_export(tmp_path / "form.csv")
    assert main(["scan", str(case_path), "--import", str(form)]) == 0
    first = case_path.read_text(encoding="utf-8")
    assert [line for line in first.splitlines() if line.lstrip().startswith("#")] == comments
    assert first.startswith(EXAMPLE.split("\nscan:")[0])  # everything before the scan as it was
    assert main(["scan", str(case_path), "--import", str(form)]) == 0  # the same answers again
    assert "case.yaml.bak.1" in capsys.readouterr().out
    assert (tmp_path / "case.yaml.bak").read_text(encoding="utf-8") == EXAMPLE
    assert (tmp_path / "case.yaml.bak.1").read_text(encoding="utf-8") == first


def test_import_with_problems_exits_2_and_leaves_the_case(tmp_path, capsys):
    """A bad export is refused as a whole: exit 2, every problem printed, the case file untouched."""
    case_path = tmp_path / "case.yaml"
    case_path.write_text(EXAMPLE, encoding="utf-8")
    assert main(["scan", str(case_path), "--import", str(DATA / "bad_answers.csv")]) == 2
    assert capsys.readouterr().err.count("bad_answers.csv: ") == 5
    assert case_path.read_text(encoding="utf-8") == EXAMPLE
    assert not (tmp_path / "case.yaml.bak").exists()


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_headers_in_either_language(tmp_path, lang):
    """The statements' texts are recognised in English and in Dutch."""
    texts = {getattr(s.text, lang): s.id for s in interorg.load_knowledge().statements}
    found = read_answers(_form_export(tmp_path / "form.csv", lang), interorg.example_case(), texts)
    assert not found.problems and len(found.respondents) == 6
