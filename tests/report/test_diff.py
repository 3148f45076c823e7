"""What-if: `Advice.diff` and `interorg diff A B`."""

import json
import re

import pytest

import interorg
from interorg.cli import main

A = {"name": "A", "care": {"demand": "complex", "supply_in_municipality": False}, "reasons": [{"reason": "power"}]}
B = {"name": "B", "care": {"demand": "standard", "supply_in_municipality": False},
     "reasons": [{"reason": "power"}, {"reason": "legitimacy"}]}


@pytest.fixture(scope="module")
def change():
    """The difference from case A to case B."""
    return interorg.advise(A).diff(interorg.advise(B))


def test_gained_and_lost(change):
    """Quadrant IV is lost and quadrant III gained when the demand becomes standard."""
    assert "kenis.need.quadrant-iii" in change.gained and "kenis.need.quadrant-iv" in change.lost
    assert "kenis.reasons.organisation-serving[legitimacy]" in change.gained


def test_changed_supports(change):
    """A conclusion drawn in both whose supports differ is changed, with both sets of supports."""
    changed = {c.key: c for c in change.changed}
    assert "supports" in changed["kenis.reasons.no-client-reason"].what
    assert len(changed["kenis.reasons.no-client-reason"].after["supports"]) == 2


def test_inputs_that_differ(change):
    """The inputs that differ are listed by path, with the value before and after."""
    assert [(i.path, i.before, i.after) for i in change.inputs] == [
        ("name", "A", "B"), ("care.demand", "complex", "standard"), ("reasons[1].reason", None, "legitimacy")]


def test_same_case_has_no_difference():
    """An advice compared with itself has no difference."""
    advice = interorg.advise(A)
    assert advice.diff(advice).empty and "no difference" in advice.diff(advice).to_text()


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_command(tmp_path, capsys, fmt):
    """`interorg diff A B` prints the difference in each format."""
    import yaml

    for name, data in (("a", A), ("b", B)):
        (tmp_path / f"{name}.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    assert main(["diff", str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml"), "--format", fmt]) == 0
    out = capsys.readouterr().out
    if fmt == "json":
        assert json.loads(out)["lost"][0] == "kenis.need.quadrant-iv"
    else:
        assert "care.demand" in out and "kenis.need.quadrant-iii" in out


@pytest.fixture(scope="module")
def reliable_pair():
    """The example, and a copy where Bergeijk and Jeugdzorg Kempen prove reliable and are no longer cynical."""
    case = interorg.case_to_dict(interorg.example_case())
    case["relationships"][4].update(reliability=True, cynicism=False)
    return interorg.advise(interorg.example_case()), interorg.advise(case)


@pytest.fixture(scope="module")
def reliable(reliable_pair):
    """The difference from the example to its reliable copy."""
    return reliable_pair[0].diff(reliable_pair[1])


def test_status_changes_are_compared(reliable):
    """A conclusion drawn in both that goes from set aside to advice (or to a step) is changed, by its status."""
    changed = {c.key: c for c in reliable.changed}
    quadrant = changed["trust.quadrants.unhindered-collaboration[bergeijk~jeugdzorg-kempen]"]
    assert quadrant.what == ("status",) and (quadrant.before, quadrant.after) == (
        {"status": "set-aside"}, {"status": "advice"})
    assert changed["trust.quadrants.trust-high[bergeijk~jeugdzorg-kempen]"].after == {"status": "step"}
    assert reliable.status["trust.building.reliability[bergeijk~jeugdzorg-kempen]"] == "advice"
    assert "status set aside -> advice" in reliable.to_text()


def test_plans_are_compared(reliable_pair, reliable):
    """The actions are compared whole: gained, lost, and moved or about other subjects, each action once."""
    counsel = reliable_pair[0].counsel
    keys_a = {key for action in counsel.plan + counsel.more for key in action.keys}
    assert [a.title for a in reliable.plan_lost] == ["Check the stated trust and vigilance of a relationship "
                                                     "against the signs the case gives"]
    # one title, two actions in B: the blind spot of another relationship is gained, the first stays as it was
    assert reliable.plan_gained and all(not set(a.keys) & keys_a for a in reliable.plan_gained)
    moved = {c.key: c for c in reliable.plan_changed}
    assert any(c.what[0] == "rank" and c.after["rank"] == c.before["rank"] + 1 for c in moved.values())
    data = json.loads(reliable.to_json())
    assert [a["title"] for a in data["plan"]["lost"]] == [a.title for a in reliable.plan_lost]
    assert data["plan"]["changed"]
    assert "Actions lost (from the plan or after it)" in reliable.to_text()


def test_dutch(tmp_path, capsys):
    """`interorg diff --lang nl` writes its headings, facets and statuses in Dutch."""
    import yaml

    case = interorg.case_to_dict(interorg.example_case())
    case["relationships"][4].update(reliability=True, cynicism=False)
    (tmp_path / "b.yaml").write_text(yaml.safe_dump(case, allow_unicode=True), encoding="utf-8")
    with interorg.example_path() as a:
        for fmt in ("text", "markdown"):
            assert main(["diff", str(a), str(tmp_path / "b.yaml"), "--lang", "nl", "--format", fmt]) == 0
            out = capsys.readouterr().out
            assert "Van Jeugdhulp regio Kempenland naar" in out and "Invoer die verschilt" in out
            assert "status opzijgezet -> advies" in out and "Acties die vervallen (uit het actieplan of erna)" in out
            words = re.sub(r"`[^`]*`|\S*[.\[]\S*", " ", out)
            assert not re.search(r"\b(From|Inputs|Conclusions|gained|lost|changed|set aside|advice|differs)\b",
                                 words), words


NAMES = {"escape": "Regio\x1b[2J", "markdown": "A `x` | <b>", "newline": "Regio\n# kop"}


@pytest.mark.parametrize("name", NAMES.values(), ids=NAMES.keys())
def test_case_text_is_escaped(name):
    """A case name with control characters, Markdown or a line break stays text on the heading's one line."""
    change = interorg.advise({**A, "name": name}).diff(interorg.advise({**B, "name": "B"}))
    text, markdown = change.to_text(), change.to_markdown()
    assert "\x1b" not in text and "\x1b" not in markdown
    assert text.splitlines()[0].startswith("From Regio") or text.splitlines()[0].startswith("From A `x`")
    heading = markdown.splitlines()[0]
    assert heading.startswith("## From ") and heading.endswith(" to B") and "<b>" not in heading
    assert "|" not in heading.replace("\\|", "")
    name_input = next(line for line in markdown.splitlines() if line.startswith("- `name`"))
    assert name_input.replace("\\`", "").count("`") == 2 and "<b>" not in name_input


def test_rich_display_and_table(change):
    """A diff shows as HTML in Jupyter (case text escaped) and as a table, one row per difference."""
    hostile = interorg.advise({**A, "name": "<script>x</script>"}).diff(interorg.advise(B))
    page = hostile._repr_html_()
    assert "<script>" not in page and "&lt;script&gt;" in page and "<ul>" in page
    table = change.to_frame()
    assert list(table.columns) == ["section", "difference"]
    assert set(table["section"]) >= {"inputs", "gained", "lost"}
    assert len(table) == len(change.inputs) + len(change.gained) + len(change.lost) + len(change.changed) + len(
        change.plan_gained) + len(change.plan_lost) + len(change.plan_changed)
