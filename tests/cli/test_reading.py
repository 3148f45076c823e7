"""The command line refuses what it cannot read with exit 2 and a clear message, in bounded work."""

import os

import pytest

from conftest import DATA
from interorg.cli import main
from interorg.cli.main import MAX_PROBLEMS_SHOWN


@pytest.mark.parametrize("name", ["/etc/passwd", "../README"])
def test_example_takes_only_bundled_names(capsys, name):
    """--example with a path is refused with the list of bundled names, exit 2."""
    assert main(["validate", "--example", name]) == 2
    assert "expected one of municipal_youth_care" in capsys.readouterr().err


def test_fifo_case_is_refused_at_once(capsys, tmp_path):
    """A named pipe given as the case exits 2 at once instead of waiting for a writer."""
    pipe = tmp_path / "case.yaml"
    os.mkfifo(pipe)
    assert main(["validate", str(pipe)]) == 2
    assert "expected a regular file; got a named pipe" in capsys.readouterr().err


def test_empty_json_allowed_when_asked(tmp_path, capsys):
    """--allow-empty reads an empty .json case as it reads an empty YAML one."""
    path = tmp_path / "case.json"
    path.write_text("  \n")
    assert main(["validate", str(path)]) == 2
    assert "the case file is empty" in capsys.readouterr().err
    assert main(["validate", "--allow-empty", str(path)]) == 0


def test_error_that_kept_few_problems_tells_how_many_more(capsys, tmp_path):
    """The terminal shows 200 problems and the count of all the others, kept or not."""
    path = tmp_path / "case.yaml"
    path.write_text("care: {" + ", ".join(f"k{i}: 1" for i in range(5000)) + "}\n")
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("unknown key") == MAX_PROBLEMS_SHOWN
    assert err.rstrip().endswith("... and 4,800 more problems")


@pytest.mark.parametrize("answers, expected", [
    ("missing.csv", "cannot read the file"),
    ("bad_answers_encoding.csv", "not UTF-8 text"),
])
def test_answers_that_cannot_be_read_exit_2(capsys, tmp_path, answers, expected):
    """scan --import of a missing or non-UTF-8 export exits 2 with the file named, the case untouched."""
    case = tmp_path / "case.yaml"
    case.write_text("partners:\n  - id: a\n")
    before = case.read_bytes()
    assert main(["scan", str(case), "--import", str(DATA / answers)]) == 2
    err = capsys.readouterr().err
    assert f"{answers}: " in err and expected in err
    assert case.read_bytes() == before
