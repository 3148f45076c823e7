"""Reading cases within bounds: the work done for a bad input is counted, not timed, and every problem is told."""

import json

import pytest

import interorg
from conftest import DATA
from interorg.case import case_from_text, example_case, load_case
from interorg.case.answers import read_answers
from interorg.errors import MAX_PROBLEMS_KEPT, CaseError
from interorg.utils import jsondocs, structure


def _refusal(text, source="case.json", **kwargs):
    with pytest.raises(CaseError) as caught:
        case_from_text(text, source, **kwargs)
    return caught.value


class _Counting:
    """A wrapper of a function (or a compiled pattern's ``match``) that counts its calls."""

    def __init__(self, function):
        self.function, self.calls = function, 0

    def __call__(self, *args):
        self.calls += 1
        return self.function(*args)


def test_unterminated_string_of_escaped_quotes_is_scanned_once(monkeypatch):
    """A 2 MiB unterminated string of escaped quotes is refused after one scan of it, not one per quote."""
    strings = _Counting(jsondocs._scan_string)
    monkeypatch.setattr(jsondocs, "_scan_string", strings)
    text = '"' + '\\"' * 1_000_000
    error = _refusal(text)
    assert str(error) == "case.json: line 1, column 1: invalid JSON: Unterminated string starting at"
    assert strings.calls == 1


def test_json_duplicate_keys_all_told_with_path_and_line():
    """Every key given twice in JSON is told with its path and line, with the problems of the values."""
    error = _refusal((DATA / "bad_duplicates.json").read_bytes())
    assert [str(problem) for problem in error.problems] == [
        "name (line 2, column 2): key 'name' is given twice in the same mapping",
        "partners[0].id (line 3, column 27): key 'id' is given twice in the same mapping",
        "partners[0].kind (line 3, column 46): expected one of municipality, care_provider, other; got 'gemeente'",
    ]


def test_yaml_duplicate_keys_all_told_with_path_and_line():
    """Every key given twice in YAML is told with its path and line, with the problems of the values."""
    with pytest.raises(CaseError) as caught:
        load_case(DATA / "bad_duplicates.yaml")
    assert [str(problem) for problem in caught.value.problems] == [
        "name (line 2, column 1): key 'name' is given twice in the same mapping",
        "care.demand (line 5, column 3): key 'demand' is given twice in the same mapping",
        "partners[0].kind (line 8, column 11): expected one of municipality, care_provider, other; got 'gemeente'",
    ]


def test_merge_key_is_refused_with_its_line():
    """A YAML merge key, which would replace a value given in the case, is refused with its line."""
    with pytest.raises(CaseError, match=r"<< \(line 2, column 1\): the merge key '<<' is not allowed"):
        load_case(DATA / "bad_merge_key.yaml")


def test_two_merge_keys_are_both_refused():
    """Each merge key is told, not only the one that would win."""
    error = _refusal("<<: {name: A}\n<<: {name: B}\n", "case.yaml")
    assert [problem.line for problem in error.problems] == [1, 2]


@pytest.mark.parametrize("text", ["", "   \n\t\n"])
def test_empty_json_is_an_empty_case(text):
    """An empty .json case is told it is empty, and read as an empty case when asked for."""
    assert "the case file is empty" in str(_refusal(text))
    assert case_from_text(text, "case.json", allow_empty=True) == interorg.Case()


def test_unknown_format_is_refused():
    """A format other than yaml or json is refused, not read as YAML."""
    assert "unknown format 'xml'; expected 'yaml' or 'json'" in str(_refusal("name: x", "case", fmt="xml"))


def test_nul_byte_is_one_line_with_its_place():
    """A NUL in YAML is one line with its line and column, not PyYAML's three."""
    error = _refusal("name: x\ncare: a\x00b\n", "case.yaml")
    assert "\n" not in str(error)
    assert "invalid YAML: the character U+0000 cannot be read:" in str(error)
    assert (error.problems[0].line, error.problems[0].column) == (2, 8)


def test_tuple_is_called_a_tuple():
    """A tuple given in Python where a list is expected is named as what it is."""
    with pytest.raises(CaseError, match="partners: expected a list; got a tuple"):
        interorg.advise({"partners": ({"id": "a"},)})


def test_many_dependencies_checked_no_further_than_the_bound(monkeypatch):
    """66,000 dependencies are refused with their count; only the first 400 are structured."""
    structured = _Counting(structure._structure_attrs)
    monkeypatch.setattr(structure, "_structure_attrs", structured)
    partners = [{"id": f"p{i}"} for i in range(200)]
    data = {"partners": partners, "dependencies": [{"partner": "zz", "on": "yy"}] * 66_000}
    with pytest.raises(CaseError) as caught:
        interorg.advise(json.loads(json.dumps(data)))
    error = caught.value
    assert str(error.problems[0]) == ("dependencies: 66,000 dependencies; at most 400 are advised on"
                                      " (only the first 400 are checked)")
    assert structured.calls <= 1 + 200 + 400  # the case, its partners, the dependencies checked
    unknown = [problem for problem in error.problems if "unknown partner" in problem.message]
    assert unknown[0].message == ("unknown partner 'zz'; expected one of p0, p1, p2, p3, p4, p5, p6, p7, p8, p9"
                                  " and 190 more")


def test_problems_kept_are_bounded_and_the_rest_counted():
    """An input with 90,000 unknown keys keeps a bounded number of problems and counts the others."""
    text = "care: {" + ", ".join(f"k{i}: 1" for i in range(90_000)) + "}\n"
    error = _refusal(text, "case.yaml")
    assert len(error.problems) == MAX_PROBLEMS_KEPT
    assert error.more == 90_000 - MAX_PROBLEMS_KEPT
    assert str(error).endswith(f"... and {90_000 - MAX_PROBLEMS_KEPT:,} more problems")


def test_partners_beyond_the_bound_are_still_known_to_references():
    """A reference to a partner listed beyond the bound is not called unknown: only the count is wrong."""
    data = {"partners": [{"id": f"p{i}"} for i in range(250)], "dependencies": [{"partner": "p240", "on": "p0", "strength": "high"}]}
    with pytest.raises(CaseError) as caught:
        interorg.advise(data)
    assert [str(problem) for problem in caught.value.problems] == [
        "partners: 250 partners; at most 200 are advised on (only the first 200 are checked)"]


@pytest.mark.parametrize("name", ["/etc/passwd", "../examples/municipal_youth_care", "nope"])
def test_example_must_be_a_bundled_name(name):
    """--example takes only the name of a bundled example, never a path."""
    with pytest.raises(CaseError, match="expected one of municipal_youth_care"):
        example_case(name)


def test_answers_not_utf8_is_a_case_error_with_its_line():
    """A form export that is not UTF-8 is a CaseError naming the file and the line of the bad byte."""
    with pytest.raises(CaseError, match=r"bad_answers_encoding.csv: line 2, column 7: not UTF-8 text"):
        read_answers(DATA / "bad_answers_encoding.csv", interorg.Case())


def test_answers_field_too_long_is_a_problem_with_its_line(tmp_path):
    """A field longer than the CSV reader takes is a problem with its line, not a csv.Error."""
    path = tmp_path / "answers.csv"
    path.write_text('respondent,partner\nr1,"' + "x" * 200_000 + '"\n', encoding="utf-8")
    case = interorg.Case(partners=[interorg.Partner("a")])
    found = read_answers(path, case)
    assert any("the CSV cannot be read further: field larger than field limit" in str(p) for p in found.problems)


@pytest.mark.parametrize("source", ["/dev/zero", "missing.csv"])
def test_answers_that_cannot_be_read_are_a_case_error(source, tmp_path):
    """A device or a missing form export is a CaseError, not an OSError or endless reading."""
    with pytest.raises(CaseError, match="expected a regular file|cannot read the file"):
        read_answers(tmp_path / source if source == "missing.csv" else source, interorg.Case())
