"""A single text or path where a sequence is expected is one item: a case path, a model prefix, a kind, a value."""

import pathlib

import pytest

import interorg
from interorg.errors import UsageError

CARE = {"care": {"supply_in_municipality": True}}


def test_corpus_coverage_takes_one_file_or_one_folder():
    """A str or Path alone is one case file or one folder, not its characters."""
    with interorg.example_path() as path:
        path = pathlib.Path(path)
        assert interorg.corpus_coverage(path).cases == (str(path),)
        assert interorg.corpus_coverage(str(path)).cases == (str(path),)
        from_folder = interorg.corpus_coverage(str(path.parent)).cases
    assert str(path) in from_folder and all(case.startswith(str(path.parent)) for case in from_folder)


def test_corpus_coverage_refuses_what_is_not_a_path():
    """A number among the cases is named, with its place."""
    with pytest.raises(UsageError, match=r"^cases: .* got int at \[0\]$"):
        interorg.corpus_coverage([5])


def test_a_single_value_of_vary_is_one_combination():
    """vary={'care.demand': 'standard'} tries the one value, not its eight letters."""
    result = interorg.sweep(CARE, {"care.demand": "standard", "care.supply_in_municipality": False},
                            workers=0, progress=False)
    assert [r["inputs"] for r in result.results] == [{"care.demand": "standard", "care.supply_in_municipality": False}]


def test_a_single_model_prefix_or_kind_filters_the_advice():
    """models='trust' and kinds='warning' are one prefix and one kind."""
    advice = interorg.advise(interorg.example_case())
    assert advice.to_text(models="trust") == advice.to_text(models=["trust"])
    assert advice.to_markdown(kinds="warning") == advice.to_markdown(kinds=("warning",))
    with pytest.raises(UsageError, match="^models: .*got int"):
        advice.to_text(models=5)
