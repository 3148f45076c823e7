"""A command's output is never one of its inputs: `-o CASE` (or --out, --plot) is refused before anything runs."""

import pytest

from conftest import CASES
from interorg.cli import main

CASE = CASES / "kenis_quadrant_iii.yaml"

#: Each command that reads a case and writes a file, with the case named as its output too.
COMMANDS = {
    "advise": ["advise", "{case}", "-o", "{out}"],
    "advise json": ["advise", "{case}", "--format", "json", "-o", "{out}"],
    "advise html": ["advise", "{case}", "--format", "html", "-o", "{out}"],
    "report": ["report", "{case}", "-o", "{out}"],
    "export": ["export", "--case", "{case}", "-o", "{out}"],
    "sweep": ["sweep", "{case}", "--vary", "care.demand", "--workers", "0", "--no-progress", "--out", "{out}"],
    "map": ["map", "{case}", "-o", "{out}"],
    "graph": ["graph", "{case}", "-o", "{out}"],
    "plot": ["plot", "heatmap", "{case}", "-o", "{out}"],
    "compare": ["compare", "{case}", "{other}", "--plot", "{out}"],
}


def _command(name, case, out, other):
    return [part.format(case=case, out=out, other=other) for part in COMMANDS[name]]


@pytest.fixture
def case(tmp_path):
    path = tmp_path / "case.yaml"
    path.write_text(CASE.read_text(encoding="utf-8"), encoding="utf-8")
    return path


@pytest.mark.parametrize("name", list(COMMANDS))
def test_output_that_is_the_case_is_refused(name, case, capsys):
    """Each command refuses to write over its case with exit 2, and the case is left as it was."""
    before = case.read_bytes()
    other = case.with_name("other.yaml")
    other.write_bytes(before)
    assert main(_command(name, case, case, other)) == 2
    err = capsys.readouterr().err
    assert f"the output {case} is the same file as the input {case}" in err, err
    assert case.read_bytes() == before


@pytest.mark.parametrize("name", ["advise", "sweep", "export"])
def test_the_same_file_under_another_name_is_refused(name, case, tmp_path, monkeypatch, capsys):
    """A link to the case, or a relative path to it, is the same file: refused too."""
    before = case.read_bytes()
    link = tmp_path / "link.yaml"
    link.symlink_to(case)
    monkeypatch.chdir(tmp_path)
    for out in (link, "./case.yaml", "sub/../case.yaml"):
        (tmp_path / "sub").mkdir(exist_ok=True)
        assert main(_command(name, case, out, case)) == 2, out
        assert "is the same file as the input" in capsys.readouterr().err
    assert case.read_bytes() == before


def test_an_output_not_yet_written_that_resolves_to_an_input_is_refused(tmp_path, monkeypatch, capsys):
    """An output that does not exist yet is compared by where it leads: `x/../new.yaml` is `new.yaml`."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x").mkdir()
    assert main(["advise", "new.yaml", "-o", "x/../new.yaml"]) == 2
    assert "is the same file as the input new.yaml" in capsys.readouterr().err
    assert not (tmp_path / "new.yaml").exists()


def test_refused_in_dutch(case, capsys):
    """Under --lang nl the refusal is Dutch."""
    before = case.read_bytes()
    assert main(["advise", str(case), "--lang", "nl", "-o", str(case)]) == 2
    err = capsys.readouterr().err
    assert err == (f"interorg: fout: de uitvoer {case} is hetzelfde bestand als de invoer {case};"
                   " schrijf naar een ander bestand\n")
    assert case.read_bytes() == before


def test_another_output_is_written(case, tmp_path, capsys):
    """An output beside the case is written as before."""
    out = tmp_path / "advice.md"
    assert main(["advise", str(case), "--format", "markdown", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("# ")
