"""`interorg report` and `interorg advise --format html`: the report written to a file or the screen."""

import sys

import pytest

from conftest import DATA
from interorg.cli import main


def test_report_writes_the_file(capsys, tmp_path):
    """`interorg report --example -o FILE` exits 0, writes the document with its figures and says where."""
    path = tmp_path / "report.html"
    assert main(["report", "--example", "-o", str(path)]) == 0
    out = capsys.readouterr()
    assert out.out == f"wrote {path}\n" and out.err == ""
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.count('<img src="data:image/png;base64,') == 4


def test_report_of_a_named_example_in_dutch_without_figures(capsys, tmp_path):
    """--example NAME, --lang nl and --no-figures: that case, in Dutch, without images and without a warning."""
    path = tmp_path / "rapport.html"
    assert main(["report", "--example", "regional_innovation_alliance", "--lang", "nl", "--no-figures",
                 "-o", str(path)]) == 0
    assert capsys.readouterr().err == ""
    page = path.read_text(encoding="utf-8")
    assert "<h1>Advies voor Innovatiealliantie Slimme Akkerbouw Oost</h1>" in page and "<img" not in page


def test_advise_format_html_goes_to_stdout(capsys):
    """`interorg advise --format html` prints the same document to standard output."""
    assert main(["advise", "--example", "--format", "html", "--lang", "nl"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("<!DOCTYPE html>\n<html lang=\"nl\">") and out.endswith("</html>\n")
    assert "<h2>Actieplan</h2>" in out


def test_advise_format_html_to_a_file_keeps_the_filters(capsys, tmp_path):
    """`advise --format html -o FILE --kind warning` writes the report of the warnings only."""
    path = tmp_path / "warnings.html"
    assert main(["advise", "--example", "--format", "html", "--kind", "warning", "-o", str(path)]) == 0
    assert capsys.readouterr().out == f"wrote {path}\n"
    page = path.read_text(encoding="utf-8")
    assert 'id="warnings"' in page and 'id="findings"' not in page


def test_report_on_a_bad_case_exits_2_and_writes_nothing(capsys, tmp_path):
    """A case with problems gives exit 2, the problems on standard error, and no file."""
    bad = sorted(DATA.glob("bad_*.yaml"))[0]
    path = tmp_path / "report.html"
    assert main(["report", str(bad), "-o", str(path)]) == 2
    assert capsys.readouterr().err.startswith("interorg: error")
    assert not path.exists()


def test_report_needs_a_case(capsys):
    """Neither a case nor --example is a usage error (exit 2)."""
    assert main(["report"]) == 2
    assert "give a CASE file or --example" in capsys.readouterr().err


def test_report_into_a_missing_folder_exits_1(capsys, tmp_path):
    """A file that cannot be written is a failure of the environment (exit 1), said plainly."""
    assert main(["report", "--example", "--no-figures", "-o", str(tmp_path / "no" / "report.html")]) == 1
    assert "does not exist" in capsys.readouterr().err


@pytest.mark.parametrize("command", [["report"], ["advise", "--format", "html"]])
def test_without_matplotlib_the_report_is_written_with_a_warning(capsys, monkeypatch, tmp_path, command):
    """Without matplotlib the report is still written (exit 0), and standard error says the figures are left out."""
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    path = tmp_path / "report.html"
    assert main([*command, "--example", "-o", str(path)]) == 0
    err = capsys.readouterr().err
    assert err == "interorg: warning: The figures are left out: drawing them needs matplotlib" \
                  " (pip install 'interorg[plot]').\n"
    page = path.read_text(encoding="utf-8")
    assert 'id="no-figures"' in page and "<img" not in page


def test_the_warning_is_in_the_language_asked_for(capsys, monkeypatch, tmp_path):
    """Under --lang nl the warning about the missing figures is Dutch."""
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    assert main(["report", "--example", "--lang", "nl", "-o", str(tmp_path / "rapport.html")]) == 0
    assert capsys.readouterr().err.startswith("interorg: waarschuwing: De figuren ontbreken: om ze te tekenen")
