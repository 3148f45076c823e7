"""What the brief advice does not show is a Markdown list, one point a line, as the text gives it line by line."""

import re

import pytest

import interorg
from interorg.report.render import _md_line


@pytest.fixture(scope="module", params=[("municipal_youth_care", "en"), ("regional_innovation_alliance", "nl")])
def advice(request):
    name, lang = request.param
    return interorg.advise(interorg.example_case(name), lang=lang)


def _section(text, heading):
    """The lines of one section (of the text or the Markdown) after its heading, up to the next heading or the end."""
    lines = text.splitlines()
    start = lines.index(heading) + 2  # past the text's underline, or the blank line after a Markdown heading
    end = next((i for i in range(start, len(lines)) if lines[i].startswith("## ") or
                (i + 1 < len(lines) and lines[i + 1].startswith("---"))), len(lines))
    return [line for line in lines[start:end] if line]


def test_the_lines_not_shown_are_a_list_in_markdown(advice):
    """Under "Not shown here" (or "Hier niet getoond") every line of the Markdown is a list item."""
    heading = advice.labels["not_shown"]
    items = _section(advice.to_markdown(), f"## {heading}")
    assert len(items) >= 2
    assert all(item.startswith("- ") for item in items), items


def test_the_text_says_the_same_points_unlisted(advice):
    """The text output keeps its lines as they were (no dashes), each point the same words as its list item."""
    heading = advice.labels["not_shown"]
    text = _section(advice.to_text(), heading)
    assert not any(line.startswith("- ") for line in text)
    points = []  # a point's wrapped lines continue indented
    for line in text:
        if line.startswith("    "):
            points[-1] += " " + line.strip()
        else:
            points.append(line)
    items = _section(advice.to_markdown(), f"## {heading}")
    assert [item[2:] for item in items] == points


def test_the_list_renders_as_one_item_a_point(advice):
    """A Markdown renderer makes one list item of each point, not one paragraph of them all."""
    mistune = pytest.importorskip("mistune")
    heading = advice.labels["not_shown"]
    markdown = advice.to_markdown()
    html = mistune.html(markdown[markdown.index(f"## {heading}"):])
    items = _section(markdown, f"## {heading}")
    assert len(re.findall(r"<li>", html)) == len(items)
    assert "<p>" not in html.split("</h2>", 1)[1]


def test_a_line_of_a_listed_section_is_an_item_unless_indented_or_listed():
    """A plain line becomes an item, its block start escaped; a listed or indented line stays as it was."""
    assert _md_line("27 findings of low priority.", item=True) == "- 27 findings of low priority."
    assert _md_line("# not a heading", item=True) == "- \\# not a heading"
    assert _md_line("- Set aside [key]", item=True) == "- Set aside [key]"
    assert _md_line("  add: care.demand", item=True) == "  add: care.demand"
    assert _md_line("27 findings of low priority.") == "27 findings of low priority."
