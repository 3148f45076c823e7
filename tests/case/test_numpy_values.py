"""A case built from a DataFrame: numpy scalars are read as the Python values they stand for, missing values refused."""

import json
import subprocess
import sys

import pytest

import interorg
from interorg.utils.scalars import plain_values

np = pytest.importorskip("numpy")
pd = pytest.importorskip("pandas")


def _numpy(data):
    """``data`` with every key and value a numpy scalar of the same meaning, as a DataFrame gives them."""
    if isinstance(data, dict):
        return {np.str_(key): _numpy(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_numpy(value) for value in data]
    if isinstance(data, bool):
        return np.bool_(data)
    if isinstance(data, int):
        return np.int64(data)
    if isinstance(data, float):
        return np.float64(data)
    if isinstance(data, str):
        return np.str_(data)
    return data


def test_numpy_scalars_are_read_as_python_values():
    """np.int64, np.float64, np.bool_ and np.str_ become int, float, bool and str in the case."""
    case = interorg.case_from_dict({
        "name": np.str_("Kempen"),
        "care": {"demand": np.str_("complex"), "supply_in_municipality": np.bool_(False)},
        "governance": {"participants": np.int64(12)},
    })
    assert (case.name, case.care.demand, case.care.supply_in_municipality) == ("Kempen", "complex", False)
    assert type(case.name) is str and type(case.care.supply_in_municipality) is bool
    assert case.governance.participants == 12 and type(case.governance.participants) is int


def test_the_example_in_numpy_values_is_advised_on_as_the_example():
    """The bundled example with every value and key a numpy scalar gives the same advice as the example."""
    data = interorg.case_to_dict(interorg.example_case())
    numpy_data = _numpy(data)
    assert all(type(key) is np.str_ for key in numpy_data)
    assert interorg.case_from_dict(numpy_data) == interorg.case_from_dict(data)
    assert interorg.advise(numpy_data).to_dict() == interorg.advise(data).to_dict()


def test_partners_from_a_dataframe():
    """Partners given as the rows of a DataFrame (``iterrows``: numpy values) are the partners of the case."""
    frame = pd.DataFrame({"id": ["a", "b"], "name": ["A", "B"], "kind": ["municipality", "care_provider"]})
    rows = [dict(row) for _, row in frame.iterrows()]
    case = interorg.case_from_dict({"partners": rows})
    assert [(partner.id, partner.kind) for partner in case.partners] == [("a", "municipality"), ("b", "care_provider")]


@pytest.mark.parametrize("value, shown", [
    (float("nan"), "NaN"), (np.float64("nan"), "NaN"), (np.float32("nan"), "NaN"),
    (pd.NA, "NA"), (pd.NaT, "NaT"), (np.datetime64("NaT"), "NaT"),
], ids=["nan", "np.float64-nan", "np.float32-nan", "pd.NA", "pd.NaT", "np.datetime64-NaT"])
def test_a_missing_value_is_an_error_at_its_path(value, shown):
    """NaN, pandas.NA and NaT are refused at the field's path as a missing value, not as a wrong type."""
    with pytest.raises(interorg.CaseError) as caught:
        interorg.case_from_dict({"governance": {"participants": value}})
    assert [str(problem) for problem in caught.value.problems] == [
        f"governance.participants: expected a value; got {shown} (a missing value)"]


def test_every_missing_value_is_reported_at_once_also_unbounded():
    """All missing values of a case are reported together, with their paths, whether the case is bounded or not."""
    data = {"care": {"demand": np.nan, "supply_in_municipality": pd.NA},
            "partners": [{"id": "a", "name": pd.NaT, "kind": "municipality"}]}
    for bounded in (True, False):
        with pytest.raises(interorg.CaseError) as caught:
            interorg.case_from_dict(data, bounded=bounded)
        assert [problem.path for problem in caught.value.problems] == [
            "care.demand", "care.supply_in_municipality", "partners[0].name"]


def test_a_missing_value_is_reported_with_the_cases_other_problems():
    """A missing value does not hide the case's other problems, and is not refused twice at its path."""
    data = {"care": {"demand": np.nan}, "partners": [{"id": "a", "trust": "hgih"}]}
    for bounded in (True, False):
        with pytest.raises(interorg.CaseError) as caught:
            interorg.case_from_dict(data, bounded=bounded)
        paths = [problem.path for problem in caught.value.problems]
        assert paths[0] == "care.demand" and "partners[0].trust" in paths
        assert paths.count("care.demand") == 1


def test_numpy_values_without_meaning_are_named():
    """A numpy.datetime64 or an array is refused with the numpy type named, at its path."""
    data = {"name": np.datetime64("2024-01-01"), "care": {"municipalities": np.array(["eersel"])}}
    with pytest.raises(interorg.CaseError) as caught:
        interorg.case_from_dict(data)
    assert [str(problem) for problem in caught.value.problems] == [
        "name: expected text, a number, true, false, null, a list or a mapping; got a value of type numpy.datetime64",
        "care.municipalities: expected text, a number, true, false, null, a list or a mapping; got a value of type"
        " numpy.ndarray",
    ]


def test_a_missing_value_is_refused_in_dutch():
    """``advise(..., lang="nl")`` refuses a missing value in Dutch; the problem stays English."""
    with pytest.raises(interorg.CaseError) as caught:
        interorg.advise({"governance": {"participants": np.nan}}, lang="nl")
    assert str(caught.value) == "governance.participants: verwacht een waarde; gekregen: NaN (een ontbrekende waarde)"
    assert caught.value.problems[0].message == "expected a value; got NaN (a missing value)"


def test_infinity_stays_a_number_that_is_not_finite():
    """An infinite number is not a missing value: it keeps its own message."""
    with pytest.raises(interorg.CaseError) as caught:
        interorg.case_from_dict({"governance": {"participants": np.float64("inf")}})
    assert [problem.message for problem in caught.value.problems] == ["expected a finite number; got inf"]


def test_plain_data_is_left_as_it_is():
    """Data with nothing to convert is returned itself, not a copy; only what changed is copied."""
    shared = {"id": "a", "name": "A"}
    data = {"partners": [shared], "care": {"demand": np.str_("complex")}}
    converted, problems = plain_values(data)
    assert problems == [] and converted is not data
    assert converted["partners"] is data["partners"] and type(converted["care"]["demand"]) is str
    plain = {"partners": [shared]}
    assert plain_values(plain) == (plain, []) and plain_values(plain)[0] is plain


def test_data_that_contains_itself_is_still_refused():
    """A list that contains itself is walked once, and refused by the bounds as before."""
    looped = [np.int64(1)]
    looped.append(looped)
    with pytest.raises(interorg.CaseError, match="nested more than 16 levels deep"):
        interorg.case_from_dict({"care": {"municipalities": looped}})


def test_reading_a_case_does_not_import_numpy():
    """numpy is optional: reading and advising on a case never imports it."""
    probe = ("import json, sys, interorg\n"
             "interorg.advise({'care': {'demand': 'complex', 'supply_in_municipality': False}})\n"
             "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('numpy', 'pandas'))))")
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True)
    assert json.loads(out.stdout.splitlines()[-1]) == []
