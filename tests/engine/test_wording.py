"""Messages filled in one pass: what a case names is shown as it is, braces included."""

import interorg
from interorg import Case, Care
from interorg.engine.wording import counted, fill
from interorg.report.diff import diff


def test_a_value_with_braces_is_not_filled_again():
    assert fill("From {a} to {b}", a="{b}", b="round 2") == "From {b} to round 2"
    messages = {"risky_other": "{risky} of {total}"}
    assert counted(messages, "risky", 2, "en", risky="{total}", total=3) == "{total} of 3"


def test_a_placeholder_without_a_value_stays():
    assert fill("{count} more", other=1) == "{count} more"


def test_a_case_named_with_braces_keeps_its_name_in_a_diff():
    a = interorg.advise(Case(name="{b}", care=Care(demand="complex")))
    b = interorg.advise(Case(name="after", care=Care(demand="standard")))
    assert diff(a, b).to_text().splitlines()[0] == "From {b} to after"
