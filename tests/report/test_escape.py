"""Output safe for its medium: user text cannot break Markdown, reach the terminal raw, or make GraphML invalid."""

import json
import re
import warnings
import xml.etree.ElementTree as ElementTree

import pytest

import interorg
from interorg.cli import main

HOSTILE_NAME = "```\n</details><script>alert(1)</script>\n# heading | cell \x1b]0;x\x07\x1b[2J $\\undefinedmacro$"

CASE = {
    "name": "Jeugdhulp\n# injected heading\n```",
    "partners": [{"id": "a", "name": HOSTILE_NAME, "kind": "municipality"},
                 {"id": "b", "name": "| b | c |\u202e", "kind": "care_provider"}],
    "relationships": [{"between": ["a", "b"], "trust": "low", "vigilance": "high", "note": "</details>\n# x"}],
    "dependencies": [{"partner": "a", "on": "b", "strength": "high"}],
}


@pytest.fixture(scope="module")
def advice():
    return interorg.advise(CASE)


def test_the_case_names_reach_the_output(advice):
    """The hostile names are used in conclusions, so the checks below mean something."""
    assert "alert(1)" in advice.to_text()


def _blocks(text):
    """The lengths of the code fences of ``text``, checking that each one opened is closed by the same fence."""
    fences, open_fence = [], None
    for line in text.splitlines():
        if open_fence is None:
            match = re.fullmatch(r"(`{3,})text", line)
            if match:
                open_fence = match.group(1)
                fences.append(len(open_fence))
        elif line == open_fence:
            open_fence = None
    assert open_fence is None
    return fences


def test_markdown_structure_holds(advice):
    """Every <details> is closed once, no heading comes from user text, and no raw HTML is passed on outside code."""
    text = advice.to_markdown(full=True)
    lines = text.splitlines()
    assert lines.count("</details>") == sum(line.startswith("<details>") for line in lines) == len(_blocks(text)) > 0
    headings = [line for line in lines if re.match(r"#{1,6} ", line)]
    assert [line for line in lines if line.startswith("# ")] == headings[:1]
    assert not any(line.startswith(("</details><script>", "# heading")) for line in lines)
    outside = re.sub(r"^(`{3,})text$.*?^\1$", "", text, flags=re.MULTILINE | re.DOTALL)
    assert "<script>" not in outside and "\x1b" not in text
    assert headings[0].startswith("# Advice for Jeugdhulp # injected heading")


def test_markdown_fences_cannot_be_closed_from_inside(advice):
    """A derivation holding a code fence of user text is put in a longer fence."""
    assert max(_blocks(advice.to_markdown(full=True))) == 4


def test_text_output_has_no_control_characters(advice):
    """Terminal control sequences from names are shown as escapes in text output, brief and full."""
    text = advice.to_text(full=True)
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]", text)
    assert "\\x1b]0;x\\x07\\x1b[2J" in text


def test_html_escapes_user_text(advice):
    """The HTML rendering escapes everything the user wrote."""
    html = advice._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_json_keeps_user_text_exactly(advice):
    """JSON is for programs: the name is kept as written."""
    assert json.loads(advice.to_json())["case"]["name"] == CASE["name"]


def test_graphml_is_well_formed(tmp_path, capsys):
    """GraphML of a case whose names hold control characters parses as XML."""
    path = tmp_path / "case.json"
    path.write_text(json.dumps(CASE), encoding="utf-8")
    output = tmp_path / "network.graphml"
    assert main(["graph", str(path), "-o", str(output)]) == 0
    ElementTree.parse(output)


def test_map_does_not_read_names_as_mathtext(tmp_path):
    """A partner named like a formula is drawn as text, not typeset (which would fail)."""
    pytest.importorskip("matplotlib")
    path = tmp_path / "case.json"
    path.write_text(json.dumps(CASE), encoding="utf-8")
    output = tmp_path / "map.png"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert main(["map", str(path), "-o", str(output)]) == 0
    assert output.stat().st_size > 0
    # control characters are drawn as escapes, not as glyphs the font lacks
    assert not [w for w in caught if "missing from font" in str(w.message)]


def test_map_into_a_missing_folder_exits_1(tmp_path, capsys):
    """A picture written to a folder that does not exist is a clear error, exit 1."""
    pytest.importorskip("matplotlib")
    assert main(["map", "--example", "-o", str(tmp_path / "nowhere" / "map.svg")]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_issue_case_renders_in_every_format():
    """The valid case whose lock-in conclusions rest on network facts only advises and renders everywhere."""
    case = {"partners": [{"id": "a"}, {"id": "b"}], "relationships": [{"between": ["a", "b"]}],
            "dependencies": [{"partner": "a", "on": "b", "strength": "high"}]}
    advice = interorg.advise(case)
    assert advice.to_text() and advice.to_markdown() and advice._repr_html_() and advice.to_dict()
    assert interorg.relationship_summary(advice).relationships
