"""The coverage of the sources: the `interorg coverage` command and the generated table in knowledge/README.md."""

import json

import pytest

import interorg
from conftest import HERE
from interorg.research import coverage
from interorg.cli import main

README = HERE.parent / "knowledge" / "README.md"


def _table_in_readme():
    text = README.read_text(encoding="utf-8")
    return text[text.index(coverage.START) + len(coverage.START):text.index(coverage.END)].strip("\n")


def test_readme_table_is_up_to_date():
    """The table in knowledge/README.md is what the knowledge base and the example give now."""
    expected = coverage.to_markdown(coverage.coverage()).strip("\n")
    assert _table_in_readme() == expected, (
        "knowledge/README.md: the coverage table is out of date; regenerate it with `make coverage-table`, "
        "or run `python -m interorg coverage --format markdown` and put its output between "
        f"{coverage.START} and {coverage.END}")


def test_every_model_and_rule_is_listed(knowledge):
    """Every model appears under each source it cites, and every rule under its model."""
    sources = coverage.coverage()
    listed = {(source.id, model.id) for source in sources for model in source.models}
    cited = {(ref.source, model.id) for model in knowledge.models for ref in model.sources}
    assert listed == cited
    rules = [rule for source in sources for model in source.models for rule in model.rules
             if source.id == next(ref.source for ref in knowledge.model(model.id).sources)]
    assert sorted(rules) == sorted(rule.id for rule in knowledge.rules)


def test_every_seed_is_listed(knowledge):
    """Every seed document has its row, with its models or as having none yet."""
    table = coverage.to_markdown(coverage.coverage())
    for source in knowledge.sources.values():
        if source.kind == "seed":
            assert f"| {source.file}" in table


def test_fired_counts_come_from_the_example():
    """The rules counted as fired are exactly those of the model that fire on the bundled example."""
    fired = set(interorg.advise(interorg.example_case()).ids())
    for source in coverage.coverage():
        for model in source.models:
            assert set(model.fired) == set(model.rules) & fired


def test_forms_row():
    """The Kaats & Opheij row names the forms model with all its rules and the count fired on the example."""
    forms = {s.id: s for s in coverage.coverage()}["common-eye-forms"]
    assert [m.id for m in forms.models] == ["common-eye.forms"]
    table = coverage.to_markdown((forms,))
    assert "| 002_aa2a29011c386e2a.txt (Kaats & Opheij (Common Eye)): Herken de 4 grondvormen van samenwerken |" in table
    assert "`common-eye.forms.claimed-learning-not-shown`" in table
    assert "| 4 of 18 |" in table


def test_source_without_model_is_marked():
    """A source with no model yet is a row of its own, so the gap is visible."""
    empty = coverage.SourceCoverage("x", "seed", "Een tekst", "Iemand", None, "005_x.txt", None, ())
    assert "| 005_x.txt (Iemand): Een tekst | *no model yet* | | |" in coverage.to_markdown((empty,))
    assert "  no model yet" in coverage.to_text((empty,))


def test_external_source_label():
    """An external source is labelled as such, with its authors and year."""
    governance = {s.id: s for s in coverage.coverage()}["provan-kenis-2008"]
    assert governance.label().startswith("external (Keith G. Provan & Patrick Kenis, 2008): Modes of network governance")


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_command(capsys, fmt):
    """`interorg coverage` prints the coverage in each format."""
    assert main(["coverage", "--format", fmt]) == 0
    out = capsys.readouterr().out
    if fmt == "json":
        data = json.loads(out)
        assert {s["id"] for s in data} >= {"kenis-2011", "common-eye-forms", "interorganisational", "provan-kenis-2008"}
        assert data[0]["models"][0]["rules"]
    elif fmt == "markdown":
        assert out == coverage.to_markdown(coverage.coverage())
    else:
        assert "[x] kenis.need.municipal.quadrant-iv" in out and "[ ] kenis.need.quadrant-iv\n" in out


def test_dutch_titles(capsys):
    """With --lang nl the model titles are Dutch."""
    assert main(["coverage", "--lang", "nl"]) == 0
    assert "De vier grondvormen van samenwerken" in capsys.readouterr().out


def test_update_readme(tmp_path):
    """update_readme rewrites only what stands between the markers, and reports whether anything changed."""
    path = tmp_path / "README.md"
    path.write_text(f"intro\n{coverage.START}\nold\n{coverage.END}\nafter\n", encoding="utf-8")
    assert coverage.update_readme(path) is True
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"intro\n{coverage.START}\n| source | model |") and text.endswith(f"{coverage.END}\nafter\n")
    assert coverage.update_readme(path) is False


def test_missing_markers_are_an_error():
    """Without the markers there is nothing to replace: a clear error, not a silent append."""
    with pytest.raises(interorg.InterorgError, match="expected the markers <!-- coverage:start -->"):
        coverage.replace_table("no markers here", "| table |\n", "README.md")
