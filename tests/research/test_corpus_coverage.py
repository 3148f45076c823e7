"""Coverage over a corpus: `interorg coverage CASE|DIR ... --by ... --threshold ...`."""

import json
import re

import pytest

import interorg
from conftest import CASES
from interorg.cli import main
from interorg.research.coverage import case_files, corpus_coverage

QUADRANT_III = CASES / "kenis_quadrant_iii.yaml"


def test_test_corpus_reaches_every_alternative(capsys):
    """The scenario cases and the bundled examples (tests/cases/examples) reach every `any` alternative."""
    code = main(["coverage", str(CASES), "--by", "alternative", "--threshold", "100"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "overall: 100.0%" in out and "[ ]" not in out


def test_directories_are_read_recursively():
    """A directory gives its case files and those of its sub-directories, sorted; a file is taken as given."""
    files = case_files([CASES, QUADRANT_III])
    assert files[-1] == QUADRANT_III
    names = [f.name for f in files]
    assert "municipal_youth_care.yaml" in names and "trust_signals_every_way.yaml" in names


def test_below_threshold_exits_1(capsys):
    """One case reaches few rules: below the threshold the command exits 1 and says so."""
    assert main(["coverage", str(QUADRANT_III), "--threshold", "50"]) == 1
    out = capsys.readouterr().out
    assert "  kenis.need: " in out and "[ ] kenis.need.quadrant-iv" in out
    assert "below the threshold of 50%" in out


def test_levels_count_different_items():
    """By rule a rule counts once; by condition each condition, reached when it held, fired or not."""
    by_rule = corpus_coverage([QUADRANT_III], by="rule")
    kenis = {m.id: m for m in by_rule.models}["kenis.need"]
    assert "kenis.need.quadrant-iii" in kenis.reached and "kenis.need.quadrant-i" in kenis.missed
    by_condition = corpus_coverage([QUADRANT_III], by="condition")
    reasons = {m.id: m for m in by_condition.models}["kenis.need"]
    assert "kenis.need.quadrant-iii#when[0]" in reasons.reached
    by_alternative = corpus_coverage([QUADRANT_III], by="alternative")
    trust = {m.id: m for m in by_alternative.models}["trust.quadrants"]
    assert "trust.quadrants.trust-low#when[0].any[1]" in trust.items
    assert 0 <= by_alternative.percent < 100


def test_json_and_markdown(capsys):
    """The JSON gives per model the counts and what is missed; Markdown a table."""
    assert main(["coverage", str(QUADRANT_III), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["by"] == "rule" and data["cases"] == [str(QUADRANT_III)]
    assert {"id", "items", "reached", "percent", "missed"} <= set(data["models"][0])
    assert main(["coverage", str(QUADRANT_III), "--format", "markdown"]) == 0
    assert "| model | reached | not reached |" in capsys.readouterr().out


def test_errors():
    """An unknown level, no case at all, or --threshold without cases are errors with a message."""
    with pytest.raises(interorg.InterorgError, match="expected one of rule, alternative, condition"):
        corpus_coverage([QUADRANT_III], by="model")
    with pytest.raises(interorg.InterorgError, match="no case files"):
        corpus_coverage([])
    assert main(["coverage", "--threshold", "100"]) == 2


def test_json_below_threshold_stays_json(capsys):
    """Below the threshold the JSON stays valid, says the threshold and passed false; the sentence goes to stderr."""
    assert main(["coverage", str(QUADRANT_III), "--threshold", "50", "--format", "json"]) == 1
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert data["threshold"] == 50 and data["passed"] is False
    assert "below the threshold of 50%" in captured.err
    assert main(["coverage", str(QUADRANT_III), "--threshold", "0.5", "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["passed"] is True and captured.err == ""


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_dutch(capsys, fmt):
    """Under --lang nl the corpus coverage, its table and the threshold sentence are Dutch, numbers too."""
    assert main(["coverage", str(QUADRANT_III), "--by", "condition", "--threshold", "50", "--format", fmt,
                 "--lang", "nl"]) == 1
    out = capsys.readouterr().out
    english = main(["coverage", str(QUADRANT_III), "--by", "condition", "--threshold", "50", "--format", fmt])
    assert english == 1 and out != capsys.readouterr().out
    assert "dekking" in out.lower() and "per voorwaarde over 1 casus" in out and "ligt onder de drempel van 50%" in out
    words = re.sub(r"[^\s`|]*[.#][^\s`|]*", " ", out)  # the ids of models, rules and conditions are no words
    assert not re.search(r"\b(coverage|by|case|of|overall|below|reached)\b", words), words
    assert re.search(r"\d,\d%", out)


def test_sources_table_in_dutch(capsys):
    """`interorg coverage --lang nl` (the sources' table) is Dutch; the English table is the one in the README."""
    assert main(["coverage", "--lang", "nl"]) == 0
    out = capsys.readouterr().out
    assert "aangeslagen op het voorbeeld" in out and "fired" not in out and "extern (" in out
    assert main(["coverage", "--lang", "nl", "--format", "markdown"]) == 0
    assert capsys.readouterr().out.startswith("| bron | model | regels | aangeslagen op het voorbeeld |")


def test_folder_links_are_walked_once(tmp_path):
    """A link back to a folder above is not walked again: each real case file is listed once, and two such links end."""
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.yaml").write_text(QUADRANT_III.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "sub" / "b.yaml").write_text(QUADRANT_III.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "self").symlink_to(".")
    (folder / "sub" / "up").symlink_to("..")
    (folder / "again").symlink_to("sub")  # the same folder under a second name
    (folder / "c.yaml").symlink_to("a.yaml")  # the same file under a second name
    files = case_files([folder])
    # listed under the first path that reaches them, in sorted order ('again' before 'sub')
    assert [f.relative_to(folder).as_posix() for f in files] == ["a.yaml", "again/b.yaml"]
    assert case_files([folder, folder]) == files


def test_coverage_counts_a_linked_folder_once(tmp_path, capsys):
    """`interorg coverage DIR` over a folder with a link to itself counts its one case once."""
    (tmp_path / "a.yaml").write_text(QUADRANT_III.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "self").symlink_to(".")
    (tmp_path / "loop").symlink_to("self")
    main(["coverage", str(tmp_path)])
    out = capsys.readouterr().out
    assert "over 1 case" in out, out
