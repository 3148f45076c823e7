"""Reading and checking cases: every problem reported at once, with its path."""

import json

import pytest

import interorg
from conftest import DATA


def problems(path):
    with pytest.raises(interorg.CaseError) as info:
        interorg.load_case(path)
    return info.value


def test_yaml_syntax_error_gives_line_and_column():
    """A YAML syntax error names the file, the line and the column."""
    error = problems(DATA / "bad_syntax.yaml")
    (problem,) = error.problems
    assert (problem.line, problem.column) == (4, 26)
    assert "bad_syntax.yaml: line 4, column 26: invalid YAML" in str(error)


def test_json_syntax_error_gives_line_and_column():
    """A JSON syntax error names the line and column too."""
    (problem,) = problems(DATA / "bad_syntax.json").problems
    assert problem.line == 1 and problem.message.startswith("invalid JSON")


def test_all_problems_at_once_with_paths():
    """Every problem of a file is reported, each with its path and what was expected."""
    error = problems(DATA / "bad_types.yaml")
    messages = [f"{p.path}: {p.message}" for p in error.problems]
    assert messages == [
        "partners[1].kind: expected one of municipality, care_provider, other; got 'gemeente'",
        "care.leadng: unknown key 'leadng' (did you mean 'leading'?); expected one of demand, "
        "supply_in_municipality, leading, providers_regional, origin, region_basis, municipalities",
        "care.demand: expected one of standard, complex; got 'compelx'",
        "care.supply_in_municipality: expected true or false; got 'yes'",
        "reasons[1]: missing required key 'reason'",
        "coordination.providers.completeness: expected one of yes, partly, no; got 'maybe'",
        "partners[2].id: partner id 'a' is already used by partners[0]",
        "reasons[2].reason: reason 'power' is already given at reasons[0]; give each reason once",
    ]
    assert all(p.line for p in error.problems)


def test_workbook_sections_all_problems_at_once():
    """Mistakes in the workbook sections, field and cross-reference alike, come together with their lines."""
    error = problems(DATA / "bad_workbook.yaml")
    assert [(str(p).split(" (line")[0], p.line) for p in error.problems] == [
        ("motives[0].motives[1]", 6),
        ("interests.partners[0].outcome", 11),
        ("boundaries.authority", 17),
        ("leadership[0].signatures[1]", 20),
        ("motives[1].partner", 7),
        ("game_rules.breaches[0].by", 15),
    ]
    text = str(error)
    assert "motives[0].motives[1] (line 6, column 24): expected one of joint_marketing" in text
    assert "got 'patent'" in text
    assert "leadership[0].signatures[1] (line 20, column 28): signature 'designer' is already given" in text
    assert "motives[1].partner (line 7, column 14): unknown partner 'c'; expected one of a, b" in text


def test_duplicates_are_errors():
    """Duplicate partner ids and reasons are errors pointing at both places."""
    with pytest.raises(interorg.CaseError) as info:
        interorg.case_from_dict({"partners": [{"id": "a"}, {"id": "a"}],
                                 "reasons": [{"reason": "power"}, {"reason": "power"}]})
    assert [str(p) for p in info.value.problems] == [
        "partners[1].id: partner id 'a' is already used by partners[0]",
        "reasons[1].reason: reason 'power' is already given at reasons[0]; give each reason once",
    ]


def test_duplicate_yaml_key_is_an_error_not_an_overwrite():
    """A key given twice is reported with its line, instead of keeping the last value silently."""
    (problem,) = problems(DATA / "bad_duplicate_key.yaml").problems
    assert problem.message == "key 'demand' is given twice in the same mapping"
    assert problem.line == 3


def test_top_level_must_be_a_mapping():
    """A document that is not a mapping says so."""
    (problem,) = problems(DATA / "bad_not_mapping.yaml").problems
    assert problem.message == "expected a mapping (key: value); got a list"


def test_json_type_error():
    """JSON cases are checked like YAML ones: 1 is not a boolean."""
    (problem,) = problems(DATA / "bad_type.json").problems
    assert str(problem) == "care.supply_in_municipality (line 1, column 58): expected true or false; got 1"


def test_missing_file():
    """A file that does not exist is a CaseError naming it, not an OSError."""
    error = problems(DATA / "does_not_exist.yaml")
    assert "does_not_exist.yaml: cannot read the file" in str(error)


def test_yaml_no_stays_text():
    """Unquoted yes/no stay answers (YAML 1.2 booleans), so coordination answers read naturally."""
    case = interorg.case_from_dict({"coordination": {"internal_information": "no"}})
    assert case.coordination.internal_information == "no"


def test_unquoted_no_in_a_file(tmp_path):
    """In a file, `completeness: no` is the answer 'no', not the boolean false."""
    path = tmp_path / "case.yaml"
    path.write_text("coordination:\n  providers:\n    completeness: no\n", encoding="utf-8")
    assert interorg.load_case(path).coordination.providers.completeness == "no"


def test_case_built_in_python_is_checked():
    """A Case built in Python with a wrong value gets the same error as a file."""
    with pytest.raises(interorg.CaseError, match=r"care.demand: expected one of standard, complex; got 'hgih'"):
        interorg.advise(interorg.Case(care=interorg.Care(demand="hgih")))


def test_case_error_is_a_value_error():
    """CaseError is an InterorgError and a ValueError."""
    assert issubclass(interorg.CaseError, interorg.InterorgError)
    assert issubclass(interorg.CaseError, ValueError)


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_round_trip(tmp_path, suffix):
    """dump_case then load_case gives the same case back, nothing lost."""
    case = interorg.example_case()
    path = tmp_path / f"case{suffix}"
    interorg.dump_case(case, path)
    assert interorg.load_case(path) == case
    if suffix == ".json":
        assert json.loads(path.read_text(encoding="utf-8"))["care"]["municipalities"][0]["demand"] == "complex"


def test_every_section_is_optional():
    """An empty case is valid and every model reports what it would need."""
    advice = interorg.advise({})
    assert advice.conclusions == ()
    assert {m.status for m in advice.models} == {"not_applied"}
    assert all(m.to_apply and m.missing for m in advice.models)


def test_a_checked_case_is_not_checked_again():
    """A case that load_case or case_from_dict made comes back as it is; one built in Python is checked."""
    from interorg.case import case_from_dict, check_case

    loaded = interorg.example_case()
    assert check_case(loaded) is loaded
    built = interorg.Case(care=interorg.Care(demand="complex"))
    checked = check_case(built)
    assert checked is not built and checked == built
    assert check_case(checked) is checked
    with pytest.raises(interorg.CaseError, match="care.demand"):
        interorg.advise(interorg.Case(care=interorg.Care(demand="compelx")))


def test_a_case_checked_without_bounds_is_checked_with_them():
    """A case made with bounded=False is not taken as within the bounds."""
    from interorg.case import case_from_dict, check_case

    large = case_from_dict({"partners": [{"id": f"p{i}"} for i in range(201)]}, bounded=False)
    assert check_case(large, bounded=False) is large
    with pytest.raises(interorg.CaseError, match="at most 200"):
        check_case(large)
