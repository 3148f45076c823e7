"""Paths into a case's plain data: one grammar for the sweep, why-not and the verifier."""

import pytest

from interorg.utils.casepaths import set_value, steps, value_at


@pytest.mark.parametrize("path", ["", "care..demand", ".care", "care.", "[0]", "care[x]", "care[0", "care]"])
def test_what_is_no_path(path):
    assert steps(path) is None
    assert value_at({"care": {"demand": "complex"}}, path) is None
    with pytest.raises(ValueError, match="expected a path"):
        set_value({}, path, 1)


def test_keys_may_hold_what_a_case_key_holds():
    # a boundary, a cell of the coordination, a scan statement: keys with hyphens and digits
    assert steps("coordination.care-plan.completeness") == ["coordination", "care-plan", "completeness"]
    assert steps("a[0][2].b") == ["a", 0, 2, "b"]


def test_setting_makes_what_is_on_the_way():
    data = {}
    set_value(data, "relationships[1].between[0]", "bladel")
    assert data == {"relationships": [{}, {"between": ["bladel"]}]}
    set_value(data, "care.demand", "complex")
    assert value_at(data, "care.demand") == "complex"


def test_none_removes_the_key_or_the_item():
    data = {"phase": {"done": ["a", "b", "c"]}, "care": {"demand": "complex"}}
    set_value(data, "phase.done[1]", None)
    set_value(data, "care.demand", None)
    set_value(data, "care.origin", None)  # nothing there: nothing to remove
    set_value(data, "phase.done[7]", None)
    assert data == {"phase": {"done": ["a", "c"]}, "care": {}}


@pytest.mark.parametrize("path", ["care.demand.level", "care[0]", "partners.id"])
def test_a_path_through_a_value_of_another_shape_is_refused(path):
    data = {"care": {"demand": "complex"}, "partners": [{"id": "a"}]}
    with pytest.raises(TypeError, match="not a"):
        set_value(data, path, 1)
    assert data == {"care": {"demand": "complex"}, "partners": [{"id": "a"}]}
