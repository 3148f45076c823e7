"""`interorg plot`, `new`, `validate` and `schema` on the command line."""

import json

import pytest

from interorg.cli import main
from interorg.case import load_case
from interorg.case.schema import case_schema


@pytest.mark.parametrize("kind, suffix", [("heatmap", "png"), ("agreement", "svg"), ("grid", "pdf"), ("map", "png")])
def test_plot_writes_each_kind(tmp_path, kind, suffix):
    """`interorg plot KIND --example -o FILE` writes a non-empty picture and exits 0."""
    path = tmp_path / f"{kind}.{suffix}"
    assert main(["plot", kind, "--example", "-o", str(path), "--lang", "nl"]) == 0
    assert path.stat().st_size > 1000


def test_plot_rounds_needs_two_cases(tmp_path, capsys):
    """`plot rounds` with one case is a usage error (exit 2)."""
    assert main(["plot", "rounds", "--example", "-o", str(tmp_path / "r.png")]) == 2
    assert "two or more" in capsys.readouterr().err


def test_plot_rejects_an_unknown_format(tmp_path, capsys):
    """A picture of another kind than png, svg or pdf is a usage error."""
    assert main(["plot", "map", "--example", "-o", str(tmp_path / "map.gif")]) == 2


def test_new_writes_a_template_that_validates(tmp_path, capsys):
    """`interorg new -o case.yaml` writes a template; `interorg validate` accepts it."""
    path = tmp_path / "case.yaml"
    assert main(["new", "--sections", "relationships,scan", "-o", str(path)]) == 0
    assert main(["validate", str(path)]) == 0
    assert "valid" in capsys.readouterr().out
    assert [p.id for p in load_case(path).partners] == ["partner-a", "partner-b"]


def test_new_does_not_overwrite(tmp_path, capsys):
    """An existing file is kept unless --force."""
    path = tmp_path / "case.yaml"
    path.write_text("name: mine\n")
    assert main(["new", "-o", str(path)]) == 2
    assert path.read_text() == "name: mine\n"


def test_new_rejects_an_unknown_section(capsys):
    """An unknown section is a usage error naming the known ones."""
    assert main(["new", "--sections", "relationship"]) == 2
    assert "expected some of" in capsys.readouterr().err


def test_new_refuses_a_schema_location_that_would_add_lines(capsys):
    """--schema goes on one comment line: a location with a line break is refused, not written into the case."""
    assert main(["new", "--schema", "x\ny: 1"]) == 2
    assert "--schema: expected a location on one line" in capsys.readouterr().err


def test_validate_reports_every_problem(tmp_path, capsys):
    """`interorg validate` exits 2 and prints every problem with its line."""
    path = tmp_path / "bad.yaml"
    path.write_text("partners:\n  - id: a\n    kind: gemeente\nrelationships:\n  - between: [a, b]\n")
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert "partners[0].kind (line 3" in err and "relationships[0].between[1] (line 5" in err


def test_schema_prints_the_schema(capsys):
    """`interorg schema` prints the JSON Schema that case_schema() returns."""
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == case_schema()
