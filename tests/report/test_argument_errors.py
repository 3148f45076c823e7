"""What the report's functions are given that they cannot use is refused with interorg's errors."""

import re

import pytest

import interorg
from interorg.errors import UsageError


@pytest.fixture(scope="module")
def advice():
    return interorg.advise(interorg.example_case())


@pytest.mark.parametrize("other, got", [(None, "nothing (None)"), ("case", "Case")])
def test_diff_refuses_what_is_not_an_advice(advice, other, got):
    """A case or None to diff against says an advice was expected, not which attribute is missing."""
    other = interorg.example_case() if other == "case" else other
    with pytest.raises(UsageError, match=re.escape(f"expected an interorg.Advice to compare; got {got}")):
        advice.diff(other)


def test_scan_rounds_reads_a_case_file_and_refuses_anything_else(advice):
    """A path among the rounds is read as a case file; a number is named with its place."""
    pytest.importorskip("matplotlib")
    from interorg.report.plots import scan_rounds

    with interorg.example_path("municipal_youth_care_round2") as path:
        ax = scan_rounds([advice, str(path)])
    assert [t.get_text() for t in ax.get_xticklabels()][1] != ""
    assert len(ax.get_xticks()) == 2
    with pytest.raises(UsageError, match=r"^assessments\[1\]: expected a case, an advice or the path"):
        scan_rounds([advice, 5])
