"""A problem's numbers are its weighing's, under the same names, in every rendering of the diagnosis."""

import json
import pathlib
import re

import pytest

import interorg
from interorg.report.summaries import diagnosis_lines

EXAMPLES = pathlib.Path(__file__).resolve().parents[2] / "knowledge" / "examples"
NOTEBOOK = pathlib.Path(__file__).resolve().parents[2] / "notebooks" / "01_municipal_care.ipynb"
WEIGHED = ["pieces_for", "pieces_against", "score_for", "score_against", "net"]


@pytest.fixture(scope="module", params=["en", "nl"])
def advice(request):
    return interorg.advise(interorg.example_case(), lang=request.param)


def _problems(diagnosis):
    return diagnosis.suspected + diagnosis.worth_checking + diagnosis.not_suspected


def test_power_play_is_counted_alike_everywhere(advice):
    """On the example, power play has 4 independent signs for and a net score of 6, whichever rendering is read."""
    diagnosis = advice.diagnosis
    power = next(r for r in diagnosis.suspected if r.id == "power-play")
    assert (power.weighing.pieces_for, power.weighing.score_for, power.weighing.net) == (4, 6, 6)
    assert len(power.evidence_for) == 6  # six signs, three of them about one hub partner: one piece
    entry = next(p for p in diagnosis.to_dict()["suspected"] if p["id"] == "power-play")
    assert [entry["weighing"][name] for name in WEIGHED] == [4, 0, 6, 0, 6]
    assert diagnosis.to_frame().loc["power-play", WEIGHED].tolist() == [4, 0, 6, 0, 6]


def test_json_and_frame_give_the_weighing(advice):
    """to_dict, the advice's JSON and to_frame give each problem the weighing's numbers and no other counts."""
    pytest.importorskip("pandas")
    diagnosis = advice.diagnosis
    data = diagnosis.to_dict()
    in_json = json.loads(advice.to_json())["summaries"]["diagnosis"]
    table = diagnosis.to_frame()
    entries = [e for group in ("suspected", "worth_checking", "not_suspected") for e in data[group]]
    assert [e["id"] for e in entries] == [r.id for r in _problems(diagnosis)] == list(table.index)
    for result, entry in zip(_problems(diagnosis), entries):
        expected = [getattr(result.weighing, name) for name in WEIGHED]
        assert [entry["weighing"][name] for name in WEIGHED] == expected
        assert table.loc[result.id, WEIGHED].tolist() == expected
        assert table.loc[result.id, "evidence_for"] == len(entry["evidence_for"]) == len(result.evidence_for)
        assert not {"signs_for", "signs_against", "balance"} & set(entry)
    assert in_json["suspected"] == json.loads(json.dumps(data["suspected"]))
    assert not {"signs_for", "signs_against", "balance", "independent_for"} & set(table.columns)


def test_jupyter_table_shows_the_weighing(advice):
    """The diagnosis's HTML for Jupyter shows pieces_for, pieces_against and net under their report names."""
    diagnosis = advice.diagnosis
    page = diagnosis._repr_html_()
    labels = advice.labels
    for key in ("col_signs_for", "col_signs_against", "col_net"):
        assert labels[key] in page
    for result in diagnosis.suspected + diagnosis.worth_checking:
        row = page[page.index(f"<b>{result.title}</b>"):]
        cells = re.findall(r">([^<>]*)</td>", row[:row.index("</tr>")])
        assert cells[-4:-1] == [str(result.weighing.pieces_for), str(result.weighing.pieces_against),
                                str(result.weighing.net)]


def _said(advice, w):
    """A weighing in the one wording of the renderings, message briefs.weighed."""
    if advice.lang == "en":
        return f"{w.pieces_for} independent signs for, {w.pieces_against} against, net score {w.net}"
    return f"{w.pieces_for} onafhankelijke aanwijzingen voor, {w.pieces_against} tegen, nettoscore {w.net}"


def test_text_says_the_same_numbers(advice):
    """The full text, Markdown, the brief and the report each say a problem's numbers in the one wording."""
    diagnosis = advice.diagnosis
    full = "\n".join(diagnosis_lines(advice))
    against, net = ("against", "net score") if advice.lang == "en" else ("tegen", "nettoscore")
    weighed = diagnosis.suspected + diagnosis.worth_checking + tuple(
        r for r in diagnosis.not_suspected if r.evidence_against)
    for result in weighed:
        w = result.weighing
        line = next(line for line in full.splitlines() if line.endswith(f"{net} {w.net}") and result.title in line)
        assert re.search(rf"— {w.pieces_for} \S+ \S+ \S+, {w.pieces_against} {against}, ", line), line
    brief = re.sub(r"\s+", " ", advice.to_text())
    report = advice.to_html(figures=False)
    for result in diagnosis.suspected:
        assert result.weighing.pieces_for > 1  # the plural message, as every suspected problem needs
        assert f"{result.title} ({_said(advice, result.weighing)})" in brief
        assert f"({_said(advice, result.weighing)})" in report
        assert f"— {_said(advice, result.weighing)}" in full
    markdown = advice.to_markdown(full=True)
    assert all(f"{net} {r.weighing.net}" in markdown for r in diagnosis.suspected)


def test_old_wordings_are_gone(knowledge):
    """The messages of the earlier wordings are no longer in the catalogue: briefs.weighed says the numbers."""
    assert {"briefs.weighed_one", "briefs.weighed_other"} <= set(knowledge.messages)
    assert not {"for_against_one", "for_against_other", "independent_signs_one", "independent_signs_other"} & set(
        knowledge.messages)


def test_comparison_nets_are_the_weighings():
    """A comparison's net, signs and against before and after are the problem's net, pieces_for and pieces_against."""
    before, after = (interorg.advise(EXAMPLES / name) for name in
                     ("municipal_youth_care.yaml", "municipal_youth_care_round2.yaml"))
    comparison = interorg.compare(before, after)
    old = {r.id: r.weighing for r in _problems(before.diagnosis)}
    new = {r.id: r.weighing for r in _problems(after.diagnosis)}
    assert comparison.problems
    for change in comparison.problems:
        assert (change.net_before, change.net_after) == (old[change.problem].net, new[change.problem].net)
        assert (change.signs_before, change.signs_after) == (old[change.problem].pieces_for,
                                                             new[change.problem].pieces_for)
        assert (change.against_before, change.against_after) == (old[change.problem].pieces_against,
                                                                 new[change.problem].pieces_against)
    assert any(change.against_before for change in comparison.problems)  # some evidence against is compared
    rows = {row["problem"]: row for row in comparison.to_dict()["problems"]}
    assert all(rows[c.problem]["against_after"] == c.against_after for c in comparison.problems)


def test_notebook_selects_columns_the_frame_has():
    """The notebook's table of problems selects columns that to_frame gives, the weighing's among them."""
    pytest.importorskip("pandas")
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    sources = ["".join(cell["source"]) for cell in cells if cell["cell_type"] == "code"]
    selected = [re.search(r"diagnosis\.to_frame\(\)\[(\[.*\])\]", s) for s in sources]
    columns = [json.loads(match.group(1)) for match in selected if match]
    assert len(columns) == 1 and "net" in columns[0] and "pieces_for" in columns[0]
    table = interorg.diagnose(interorg.example_case()).to_frame()
    assert set(columns[0]) <= set(table.columns)
