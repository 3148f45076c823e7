"""What-if: `Advice.diff` and `interorg diff A B`."""

import json

import pytest

import interorg
from interorg.cli import main

A = {"name": "A", "care": {"demand": "complex", "supply_in_municipality": False}, "reasons": [{"reason": "power"}]}
B = {"name": "B", "care": {"demand": "standard", "supply_in_municipality": False},
     "reasons": [{"reason": "power"}, {"reason": "legitimacy"}]}


@pytest.fixture(scope="module")
def change():
    """The difference from case A to case B."""
    return interorg.advise(A).diff(interorg.advise(B))


def test_gained_and_lost(change):
    """Quadrant IV is lost and quadrant III gained when the demand becomes standard."""
    assert "kenis.need.quadrant-iii" in change.gained and "kenis.need.quadrant-iv" in change.lost
    assert "kenis.reasons.organisation-serving[legitimacy]" in change.gained


def test_changed_supports(change):
    """A conclusion drawn in both whose supports differ is changed, with both sets of supports."""
    changed = {c.key: c for c in change.changed}
    assert "supports" in changed["kenis.reasons.no-client-reason"].what
    assert len(changed["kenis.reasons.no-client-reason"].after["supports"]) == 2


def test_inputs_that_differ(change):
    """The inputs that differ are listed by path, with the value before and after."""
    assert [(i.path, i.before, i.after) for i in change.inputs] == [
        ("name", "A", "B"), ("care.demand", "complex", "standard"), ("reasons[1].reason", None, "legitimacy")]


def test_same_case_has_no_difference():
    """An advice compared with itself has no difference."""
    advice = interorg.advise(A)
    assert advice.diff(advice).empty and "no difference" in advice.diff(advice).to_text()


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_command(tmp_path, capsys, fmt):
    """`interorg diff A B` prints the difference in each format."""
    import yaml

    for name, data in (("a", A), ("b", B)):
        (tmp_path / f"{name}.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    assert main(["diff", str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml"), "--format", fmt]) == 0
    out = capsys.readouterr().out
    if fmt == "json":
        assert json.loads(out)["lost"][0] == "kenis.need.quadrant-iv"
    else:
        assert "care.demand" in out and "kenis.need.quadrant-iii" in out
