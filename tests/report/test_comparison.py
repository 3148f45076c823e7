"""interorg.compare and `interorg compare`: what moved between two rounds of the example."""

import json
import pathlib

import attrs
import pytest

import interorg
from interorg.analysis.labels import message, value_label
from interorg.cli import main

EXAMPLES = pathlib.Path(__file__).resolve().parents[2] / "knowledge" / "examples"
ROUND1 = EXAMPLES / "municipal_youth_care.yaml"
ROUND2 = EXAMPLES / "municipal_youth_care_round2.yaml"
ALLIANCE = EXAMPLES / "regional_innovation_alliance.yaml"  # another collaboration


@pytest.fixture(scope="module")
def comparison():
    return interorg.compare(ROUND1, ROUND2)


def test_rounds_are_named_by_round_and_date(comparison):
    """The two assessments are called by their round and date."""
    assert (comparison.before, comparison.after) == ("1 (2026-03-02)", "2 (2026-09-07)")


def test_scan_factor_moves_per_partner(comparison):
    """Monitoring rose for every partner and overall; equality rose for Eersel."""
    moved = {(f.factor, f.partner): f.change for f in comparison.moved_factors()}
    assert moved[("monitoring", None)] == 1.5 and moved[("equality", "eersel")] == 1.5
    assert ("felt_urgency", None) not in moved


def test_quadrant_and_problem_changes(comparison):
    """Eersel and the foundation moved out of vigilant contracting; personnel instability is resolved."""
    (quadrant,) = comparison.moved_quadrants()
    assert quadrant.relationship == "eersel~jeugdzorg-kempen"
    assert (quadrant.before, quadrant.after) == ("trust.quadrants.vigilant-contracting",
                                                 "trust.quadrants.calculated-connection")
    status = {p.problem: p.status for p in comparison.problems}
    assert status["personnel-instability"] == "resolved" and status["power-play"] == "still"


def test_renderings(comparison):
    """Text, Markdown, HTML and JSON all show the move; the repr is one line."""
    text = comparison.to_text()
    assert "relationship | before | after\nGemeente Eersel – Stichting Jeugdzorg Kempen | vigilant" in text
    assert "eersel~jeugdzorg-kempen" not in text  # partners are named by name, not id
    assert "| Gemeente Eersel – Stichting Jeugdzorg Kempen |" in comparison.to_markdown()
    assert ("Unbridgeable diversity (onoverbrugbare diversiteit) | worth checking (2 independent signs for,"
            " 0 against, net score 2) | worth checking (2 independent signs for, 0 against, net score 2) |"
            " still there") in text
    html = comparison._repr_html_()
    assert "<table" in html and "<pre" not in html
    assert json.loads(comparison.to_json())["quadrants"]
    assert "\n" not in repr(comparison)
    assert len(comparison.to_frame()) == len(comparison.factors)


def test_dutch_comparison():
    """Under lang='nl' the headings are Dutch."""
    dutch = interorg.compare(ROUND1, ROUND2, lang="nl").to_text()
    assert "Kwadranten van de relaties" in dutch
    assert "een gevoel van gelijkwaardigheid | Gemeente Eersel | 2,25 | 3,75 | +1,5" in dutch  # Dutch decimals


@pytest.mark.parametrize("fmt, expected", [("text", "What moved"), ("markdown", "# What moved"),
                                           ("html", "<h3>"), ("json", '"before"')])
def test_compare_command(capsys, fmt, expected):
    """`interorg compare OLD NEW --format F` prints the comparison and exits 0."""
    assert main(["compare", str(ROUND1), str(ROUND2), "--format", fmt]) == 0
    assert expected in capsys.readouterr().out


def test_compare_command_draws_the_rounds(tmp_path, capsys):
    """--plot writes the scan factors over the two rounds."""
    path = tmp_path / "rounds.png"
    assert main(["compare", str(ROUND1), str(ROUND2), "--plot", str(path)]) == 0
    assert path.stat().st_size > 1000


def test_command_writes_to_a_file_and_warns_of_rounds_in_reverse(tmp_path, capsys):
    """compare -o writes the file; rounds given latest first are compared as asked, with a warning in the language."""
    out = tmp_path / "moved.md"
    assert main(["compare", str(ROUND2), str(ROUND1), "--format", "markdown", "--lang", "nl", "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert "interorg: waarschuwing: de eerste meting is later dan de tweede" in captured.err
    assert captured.out == f"{out} geschreven\n"
    assert out.read_text(encoding="utf-8").startswith("# Wat er veranderde tussen twee metingen: 2 (2026-09-07)")
    assert main(["compare", str(ROUND1), str(ROUND2)]) == 0
    assert capsys.readouterr().err == ""


def test_a_comparison_says_when_its_rounds_are_in_reverse():
    """The API says when the later round was given first; the JSON carries it too."""
    backwards = interorg.compare(ROUND2, ROUND1)
    assert backwards.in_reverse and json.loads(backwards.to_json())["in_reverse"] is True
    assert not interorg.compare(ROUND1, ROUND2).in_reverse


def _believed_ring(partner_id="reusel"):
    """Round 2 with one partner's believed position moved to the ring."""
    case = interorg.load_case(ROUND2)
    partners = tuple(attrs.evolve(p, position="ring") if p.id == partner_id else p for p in case.partners)
    return attrs.evolve(case, partners=partners)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_positions_are_shown_by_their_labels_in_columns_that_say_what_they_hold(lang):
    """A moved position shows the vocabulary's labels, believed and placed each in a column of its own."""
    comparison = interorg.compare(ROUND1, _believed_ring(), lang=lang)
    (moved,) = comparison.moved_positions()
    assert (moved.partner, moved.believed_before, moved.believed_after) == ("reusel", "core", "ring")
    core, ring = (value_label("partner_position", "declared", value, lang) for value in ("core", "ring"))
    placed = [value_label("partner_position", "declared", p, lang) for p in (moved.placed_before, moved.placed_after)]
    columns = [message(key, lang) for key in ("col_partner", "col_believed_before", "col_placed_before",
                                              "col_believed_after", "col_placed_after")]
    row = ["Gemeente Reusel-De Mierden", core, placed[0], ring, placed[1]]
    text = comparison.to_text()
    assert " | ".join(columns) + "\n" + " | ".join(row) + "\n" in text
    assert "| " + " | ".join(row) + " |" in comparison.to_markdown()
    html = comparison.to_html()
    assert all(f">{column}</th>" in html for column in columns) and f">{core}</td>" in html
    cells = text.split(message("compare_positions", lang))[1].split("\n\n")[0].splitlines()[-1].split(" | ")
    assert not {"core", "ring", "free_space"} & set(cells) and not any("/" in cell for cell in cells)


def test_placements_without_a_position_of_their_own_are_worded():
    """A partner the rules place in several positions or none is said so in words, not as a raw value."""
    from interorg.analysis.compare import PositionChange

    comparison = attrs.evolve(interorg.compare(ROUND1, ROUND2, lang="nl"),
                              positions=(PositionChange("reusel", None, "core", "several", "none"),))
    text = comparison.to_text()
    assert (f"Gemeente Reusel-De Mierden | — | {message('compare_placed_several', 'nl')} | strategische kern"
            f" | {message('compare_placed_none', 'nl')}") in text
    assert "several" not in text and "none" not in text


def test_one_collaboration_compared_warns_of_nothing():
    """Two rounds of one collaboration give no warning; the JSON says they share every partner."""
    comparison = interorg.compare(ROUND1, ROUND2)
    assert comparison.warnings() == ()
    related = json.loads(comparison.to_json())["relatedness"]
    assert related["doubtful"] is False and related["warnings"] == []
    assert related["shared_partners"] == [p.id for p in interorg.load_case(ROUND1).partners]
    assert "Warning" not in comparison.to_text() and "interorg-warning" not in comparison.to_html()


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_two_unrelated_cases_are_compared_under_a_warning_at_the_top(lang):
    """Cases of other names and no partner in common are compared, each rendering opening with the warning."""
    comparison = interorg.compare(ROUND1, ALLIANCE, lang=lang)
    names = interorg.load_case(ROUND1).name, interorg.load_case(ALLIANCE).name
    warnings = comparison.warnings()
    assert len(warnings) == 2 and all(name in warnings[0] for name in names) and " 0 " in warnings[1]
    word = message("compare_warning", lang)
    assert comparison.to_text().splitlines()[2:4] == [f"{word}: {text}" for text in warnings]
    markdown = comparison.to_markdown().split("\n\n")
    assert markdown[1:3] == [f"> **{word}:** {text}" for text in warnings]
    assert comparison.to_html().split("\n")[2].startswith(f'<p class="interorg-warning"><strong>{word}:</strong>')
    related = comparison.to_dict()["relatedness"]
    assert (related["names_differ"], related["few_shared"], related["doubtful"]) == (True, True, True)
    assert related["shared_partners"] == [] and related["warnings"] == list(warnings)
    assert comparison.moved_factors()  # compared all the same


def test_the_command_warns_of_unrelated_cases_in_the_language(capsys):
    """`interorg compare` of two unrelated cases exits 0 and warns on stderr, in Dutch under --lang nl."""
    assert main(["compare", str(ROUND1), str(ALLIANCE), "--format", "json", "--lang", "nl"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["relatedness"]["doubtful"] is True
    assert captured.err.count("interorg: waarschuwing: de twee") == 2 and "different" not in captured.err


def test_a_renamed_case_is_warned_of_with_its_names_kept_on_one_line():
    """A name of several lines, or with control characters, stays one harmless line of the warning."""
    case = interorg.load_case(ROUND2)
    comparison = interorg.compare(ROUND1, attrs.evolve(case, name="Other\n# \x1b[2J <b>x</b> | y"))
    (warning,) = comparison.warnings()
    text = comparison.to_text().splitlines()
    assert text[2].startswith("Warning: ") and "\\x1b[2J" in text[2] and text[3] == ""
    assert "&lt;b>x&lt;/b> \\| y" in comparison.to_markdown() and "&lt;b&gt;" in comparison.to_html()


def test_a_warning_on_the_screen_is_said_once(capsys):
    """On the screen the text opens with the warnings; stderr repeats them only where the output goes elsewhere."""
    assert main(["compare", str(ROUND1), str(ALLIANCE)]) == 0
    captured = capsys.readouterr()
    assert captured.out.count("Warning: ") == 2 and captured.err == ""


def test_the_names_of_the_cases_reach_no_terminal_or_table_as_they_are():
    """A partner named with a control sequence or a '|' is shown escaped in every row of text and Markdown."""
    from interorg.case import case_to_dict

    cases = []
    for path in (ROUND1, ROUND2):
        data = case_to_dict(interorg.load_case(path))
        for partner in data["partners"]:
            partner["name"] += "\x1b[31m|x"
        cases.append(interorg.case_from_dict(data))
    comparison = interorg.compare(*cases)
    text, markdown = comparison.to_text(), comparison.to_markdown()
    assert "\\x1b[31m" in text and "\x1b" not in text and "\x1b" not in markdown
    rows = [line for line in markdown.splitlines() if "\\x1b" in line]
    assert rows and all(line.count(" | ") == line.count("|") - line.count("\\|") - 2 for line in rows)
