"""``interorg export --format clips``: a CLIPS program that draws the case's conclusions."""

import pytest

import interorg
from interorg.cli import main

clips = pytest.importorskip("clips")


def test_exported_program_runs_in_clips(tmp_path):
    """The written program loads in CLIPS, and (reset) (run) draws the example's conclusions."""
    target = tmp_path / "youth.clp"
    with interorg.example_path("municipal_youth_care") as case:
        assert main(["export", "--format", "clips", "--case", str(case), "-o", str(target)]) == 0
        expected = set(interorg.advise(case).ids())
    env = clips.Environment()
    env.load(str(target))
    env.reset()
    env.run()
    drawn = {str(f["rule"]) for f in env.facts() if f.template.name == "conclusion"}
    assert drawn == expected


def test_rules_only_to_standard_output(capsys):
    """Without --case the program has templates and rules and no deffacts."""
    assert main(["export"]) == 0
    out = capsys.readouterr().out
    assert "(defrule kenis.need.quadrant-iv" in out and "(deffacts" not in out


def test_unreadable_case_is_an_input_error(capsys, tmp_path):
    """A case file that does not exist exits with 2 and a message."""
    assert main(["export", "--case", str(tmp_path / "missing.yaml")]) == 2
    assert "cannot read" in capsys.readouterr().err
