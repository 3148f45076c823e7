"""Generated input: every case file or mapping is advised on or refused with a CaseError, and every valid case renders.

About 1,900 examples in every run (1,250 files, 500 mappings, 150 valid
cases advised on and rendered); ``make fuzz`` runs the same tests eighty
times longer (``INTERORG_FUZZ_SCALE=80``): 100,000 generated files, 40,000
mappings and 1,200 valid cases rendered.
"""

import json
import re

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import interorg
from interorg.case import case_from_text
from strategies import SCALE, case_data, document_bytes

_SETTINGS = dict(database=None, deadline=None, derandomize=SCALE == 1,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                        HealthCheck.data_too_large])


@settings(max_examples=1_250 * SCALE, **_SETTINGS)
@given(document_bytes(), st.booleans())
def test_reader_accepts_or_refuses(document, allow_empty):
    """Any bytes as a case file give a Case or a CaseError with at least one problem, nothing else."""
    raw, is_json = document
    try:
        case = case_from_text(raw, "case.json" if is_json else "case.yaml", allow_empty=allow_empty)
    except interorg.CaseError as exc:
        assert exc.problems and all(isinstance(p.message, str) and p.message for p in exc.problems)
        str(exc).encode("utf-8")  # printable: no lone surrogate reaches a message
    else:
        assert isinstance(case, interorg.Case)


def _deep(levels):
    value = "deep"
    for _ in range(levels):
        value = [value]
    return value


def _poison(data, draw):
    """``data`` with one value replaced by something no reader produces (or a reader refuses)."""
    pieces = draw(st.sampled_from([
        10 ** 400, float("nan"), float("inf"), "\ud800", b"bytes", object(), ("a",), {1: "a"}, {"": 1},
        "x" * 20_000, _deep(40), None, True, -1, "",
    ]))
    if not isinstance(data, dict) or not data:
        return pieces
    key = draw(st.sampled_from(sorted(data)))
    return {**data, key: pieces}


@settings(max_examples=500 * SCALE, **_SETTINGS)
@given(case_data(), st.data())
def test_python_data_accepts_or_refuses(data, more):
    """Plain data given in Python, with values no file could hold, gives a Case or a CaseError."""
    poisoned = _poison(data, more.draw)
    if more.draw(st.booleans()):
        poisoned = dict(poisoned, partners=[poisoned])  # data that contains itself
    try:
        interorg.case_from_dict(poisoned)
    except interorg.CaseError as exc:
        assert exc.problems


@settings(max_examples=150 * max(1, SCALE // 10), **_SETTINGS)
@given(case_data(), st.sampled_from(["en", "nl"]))
def test_valid_cases_render_in_every_format(data, lang):
    """Every valid case advises and renders as text, Markdown, HTML and JSON, each safe for its medium."""
    try:
        case = interorg.case_from_dict(data)
    except interorg.CaseError:
        assume(False)
    advice = interorg.advise(case, lang=lang)
    text = advice.to_text()
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", text)
    markdown = advice.to_markdown()
    lines = markdown.splitlines()
    assert lines.count("</details>") == sum(line.startswith("<details>") for line in lines)
    assert sum(line.startswith("# ") for line in lines) == 1
    assert "<script>" not in advice._repr_html_()
    report = advice.to_html(figures=False)
    assert "<script" not in report and report.count("<details") == report.count("</details>")
    assert json.loads(advice.to_json())["lang"] == lang
    interorg.relationship_summary(advice).to_dict()
