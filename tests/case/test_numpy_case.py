"""A Case built in Python with numpy scalars in its fields: read as the Python values they stand for, missing values refused."""

import attrs
import pytest

import interorg
from interorg import Care, Case, Governance
from interorg.case import check_case
from interorg.case.casefile import case_text

np = pytest.importorskip("numpy")


def _numpy(value):
    """``value`` with every text, number and boolean in it a numpy scalar of the same meaning, fields of cases too."""
    if attrs.has(type(value)):
        return attrs.evolve(value, **{field.alias: _numpy(getattr(value, field.name))
                                      for field in attrs.fields(type(value)) if field.init})
    if isinstance(value, tuple):
        return tuple(_numpy(item) for item in value)
    if isinstance(value, dict):
        return {key: _numpy(item) for key, item in value.items()}
    if isinstance(value, bool):
        return np.bool_(value)
    if isinstance(value, int):
        return np.int64(value)
    if isinstance(value, float):
        return np.float64(value)
    if isinstance(value, str):
        return np.str_(value)
    return value


def _numpy_scalars(value):
    """How many numpy scalars ``value`` holds, in its fields and items."""
    if attrs.has(type(value)):
        return sum(_numpy_scalars(getattr(value, field.name)) for field in attrs.fields(type(value)))
    if isinstance(value, (tuple, list)):
        return sum(_numpy_scalars(item) for item in value)
    if isinstance(value, dict):
        return sum(_numpy_scalars(item) for item in value.values())
    return int(isinstance(value, np.generic))


@pytest.mark.parametrize("name", ["municipal_youth_care", "regional_innovation_alliance"])
def test_an_example_of_numpy_scalars_is_advised_on_as_the_example(name):
    """A bundled example rebuilt with numpy scalars in every field gives the advice of the example, on its values."""
    example = interorg.example_case(name)
    numpy_case = _numpy(example)
    assert _numpy_scalars(numpy_case) > 20 and _numpy_scalars(example) == 0
    advice = interorg.advise(numpy_case)
    assert advice.to_dict() == interorg.advise(example).to_dict()
    assert advice.case == example and _numpy_scalars(advice.case) == 0


def test_a_case_of_numpy_scalars_is_checked_as_its_values():
    """np.int64, np.bool_ and np.str_ in the fields of a Case are checked as int, bool and str, wrong ones refused."""
    case = check_case(Case(name=np.str_("Kempen"), governance=Governance(participants=np.int64(12)),
                                    care=Care(demand=np.str_("complex"), supply_in_municipality=np.bool_(False))))
    assert (type(case.name), type(case.governance.participants), type(case.care.supply_in_municipality)) == (
        str, int, bool)
    with pytest.raises(interorg.CaseError) as caught:
        interorg.advise(Case(care=Care(demand=np.str_("compelx")), governance=Governance(participants=np.float64(2.5))))
    assert [str(problem) for problem in caught.value.problems] == [
        "care.demand: expected one of standard, complex; got 'compelx'",
        "governance.participants: expected a whole number; got 2.5"]


@pytest.mark.parametrize("value, message", [
    (np.float64("nan"), "expected a value; got NaN (a missing value)"),
    (np.datetime64("2026-01-01"), "expected text, a number, true, false, null, a list or a mapping; got a value of type"
                                  " numpy.datetime64"),
    (np.array([1, 2]), "expected text, a number, true, false, null, a list or a mapping; got a value of type"
                       " numpy.ndarray"),
], ids=["nan", "datetime64", "array"])
def test_a_value_a_case_cannot_hold_is_refused_at_its_path(value, message):
    """A missing value or a numpy value that stands for none is a CaseError at the field, not numpy's own error."""
    case = Case(name="Kempen", governance=Governance(participants=value))
    for call in (interorg.advise, check_case, case_text):
        with pytest.raises(interorg.CaseError) as caught:
            call(case)
        assert [str(problem) for problem in caught.value.problems] == [f"governance.participants: {message}"]


def test_a_missing_value_is_refused_in_dutch():
    """Under lang="nl" the missing value of a Case is refused in Dutch."""
    with pytest.raises(interorg.CaseError) as caught:
        interorg.advise(Case(care=Care(demand="complex", supply_in_municipality=np.float64("nan"))), lang="nl")
    assert str(caught.value) == "care.supply_in_municipality: verwacht een waarde; gekregen: NaN (een ontbrekende waarde)"


def test_a_case_of_numpy_scalars_is_written_as_its_values(tmp_path):
    """case_to_dict gives the Python values, and dump_case writes a file that reads back as the checked case."""
    case = _numpy(interorg.example_case())
    data = interorg.case_to_dict(case)
    assert data == interorg.case_to_dict(interorg.example_case())
    assert _numpy_scalars(data) == 0
    for suffix in ("yaml", "json"):
        path = tmp_path / f"case.{suffix}"
        interorg.dump_case(case, path)
        assert interorg.load_case(path) == interorg.example_case()
