"""Result objects show themselves: one-line repr, HTML tables with escaped text, pandas frames."""

import pathlib
import re
import sys

import attrs
import pytest

import interorg
from interorg.errors import MissingDependency


@pytest.fixture(scope="module")
def advice():
    return interorg.advise(interorg.example_case())


@pytest.fixture(scope="module")
def objects(advice):
    diagnosis = advice.diagnosis
    scores = interorg.scan_scores(advice.case)
    return {
        "diagnosis": diagnosis,
        "archetype": diagnosis.suspected[0],
        "indication": diagnosis.suspected[0].evidence_for[0],
        "intervention": diagnosis.interventions[0],
        "scores": scores,
        "factor": scores[0],
        "partner_score": scores[0].by_partner[0],
        "summary": advice.relationships,
        "relationship": advice.relationships.relationships[0],
        "knowledge": interorg.load_knowledge(),
        "verification": interorg.verify(),
        "corpus": interorg.corpus_coverage([str(pathlib.Path(__file__).parents[1] / "cases")]),
    }


@pytest.mark.parametrize("name", ["diagnosis", "archetype", "indication", "intervention", "scores", "factor",
                                  "partner_score", "summary", "relationship", "knowledge", "verification",
                                  "corpus"])
def test_repr_is_one_short_line(objects, name):
    """Every public result has a repr of one line that a reader can take in (not 21,880 characters)."""
    text = repr(objects[name])
    assert "\n" not in text and len(text) < 200 and text.startswith("<")


@pytest.mark.parametrize("name", ["diagnosis", "scores", "factor", "summary"])
def test_html_has_tables_and_no_pre(objects, name):
    """The rich display is HTML tables, never a <pre> block that breaks words."""
    html = objects[name]._repr_html_()
    assert "<table" in html and "<pre" not in html


def test_diagnosis_html_folds_evidence(objects):
    """The evidence of each suspected problem is folded in <details>."""
    assert "<details>" in objects["diagnosis"]._repr_html_()


def test_diagnosis_html_is_dutch_under_nl():
    """Under lang='nl' the headings of the diagnosis are Dutch."""
    html = interorg.diagnose(interorg.advise(interorg.example_case(), lang="nl"))._repr_html_()
    assert "Vermoede archetypische problemen" in html and "Suspected" not in html


def test_user_text_is_escaped():
    """A partner name or id with markup shows as text in the scan table."""
    case = interorg.Case(partners=[interorg.Partner("a", name="<b>A&B</b>"), interorg.Partner("b")],
                         scan=interorg.Scan([interorg.Respondent("r1", "a", {"equality_1": 4})]))
    scores = interorg.scan_scores(case)
    evil = attrs.evolve(scores["equality"], by_partner=(attrs.evolve(scores["equality"].by_partner[0],
                                                                     partner="<script>"),))
    html = interorg.analysis.scan.ScanScores((evil,))._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_scan_scores_stay_a_tuple(objects):
    """scan_scores still iterates, indexes and compares like the tuple it was."""
    scores = objects["scores"]
    assert isinstance(scores, tuple) and len(scores) == 16
    assert scores[0].factor == "felt_urgency" and scores["equality"].factor == "equality"
    assert interorg.scan_scores(interorg.Case()) == ()


def test_frames(advice, objects):
    """advice, scan, relationships and diagnosis each give a DataFrame with one row per item."""
    assert len(advice.to_frame()) == len([c for c in advice.conclusions if c.kind != "step"])
    table = objects["scores"].to_frame(lang="nl")
    assert table.shape[0] == 16 and "eersel" in table.columns
    assert table.loc["equality", "label"] == "een gevoel van gelijkwaardigheid"
    assert len(objects["summary"].to_frame()) == len(objects["summary"].relationships)
    assert objects["diagnosis"].to_frame().index[0] == objects["diagnosis"].suspected[0].id
    assert not objects["diagnosis"].evidence_frame().empty
    assert "techniques" in objects["diagnosis"].interventions_frame().columns


def test_missing_pandas_is_a_clear_error(monkeypatch, objects):
    """Without pandas, to_frame raises MissingDependency naming the extra to install."""
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingDependency, match=r"interorg\[table\]"):
        objects["scores"].to_frame()


def test_diagnosis_html_counts_as_the_report_does():
    """In Jupyter a problem's counts are the diagnosis's weighing (independent signs, net score), as in the report."""
    import re

    diagnosis = interorg.diagnose(interorg.example_case())
    page = diagnosis._repr_html_()
    assert "Worth checking" in page
    for result in diagnosis.suspected + diagnosis.worth_checking:
        row = page[page.index(f"<b>{result.title}</b>"):]
        row = row[:row.index("</tr>")]
        cells = re.findall(r">([^<>]*)</td>", row)
        weighing = result.weighing
        assert cells[-4:-1] == [str(weighing.pieces_for), str(weighing.pieces_against), str(weighing.net)]


def test_advice_frame_has_priority_and_status(advice):
    """The advice's table says each conclusion's priority and whether it is advice, set aside or held back."""
    table = advice.to_frame()
    assert {"priority", "status"} <= set(table.columns)
    statuses = table["status"].to_dict()
    assert statuses == {key: advice.counsel.status(key) for key in table.index}
    assert {"advice", "set-aside", "held-back"} <= set(statuses.values())
    assert table.loc[advice.plan[0].keys[0], "priority"] == advice[advice.plan[0].keys[0]].priority


def test_results_have_one_line_reprs(advice):
    """A conclusion, its explanation, support and evidence, an action and the counsel each repr in one short line."""
    conclusion = advice["trust.opportunism.lock-in[eersel~jeugdzorg-kempen]"]
    support = conclusion.explanation.supports[0]
    for obj in (conclusion, conclusion.explanation, support, support.evidence[0], advice.plan[0], advice.counsel):
        text = repr(obj)
        assert "\n" not in text and len(text) < 300 and text.startswith(f"<{type(obj).__name__} ")
    assert repr(conclusion) == f"<Conclusion {conclusion.key} (warning, {conclusion.priority}): {conclusion.title}>"


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_key_is_never_broken_across_lines(lang):
    """The text breaks lines only at spaces: every key stays whole, to be copied into interorg explain."""
    advice = interorg.advise(interorg.example_case(), lang)
    text = advice.to_text(full=True)
    rejoined = re.sub(r"-\n\s+", "-", text)  # what a break after a hyphen would have cut
    keys = {conclusion.key for conclusion in advice.conclusions} | {c.id for c in advice.conclusions}
    assert [key for key in sorted(keys) if rejoined.count(key) != text.count(key)] == []


def test_an_explanation_tells_each_premise_once():
    """Alternatives that hold together are many ways in the data, and one in the words: each premise told once."""
    advice = interorg.advise(interorg.example_case())
    conclusion = advice["provan-kenis.governance.mostly-fits-lead-organisation"]
    premises = {evidence.key for support in conclusion.explanation.supports for evidence in support.evidence}
    assert len(conclusion.explanation.supports) > 1 and len(premises) == 3
    text = advice.explain(conclusion.key)
    for key in premises:
        assert text.count(f"rule {key.split('[')[0]}:") == 1, key
    # the data keeps every way, each evidence in the place of its condition (the coverage of alternatives reads it)
    assert all(len(support.evidence) == 6 for support in conclusion.explanation.supports)
