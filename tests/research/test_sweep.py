"""Sweeps: every combination of some inputs, on a process pool and on Dask, with the serial results."""

import io
import json

import pytest

import interorg
from interorg.cli import main
from interorg.research.paths import path_values

BASE = {"name": "Sweep", "care": {"providers_regional": True}, "reasons": [{"reason": "power"}]}
CARE = {"care.demand": None, "care.supply_in_municipality": None, "care.origin": None}


@pytest.fixture(scope="module")
def serial():
    """The 27 combinations of three care inputs, advised in this process."""
    return interorg.sweep(BASE, CARE, progress=False, workers=0)


def test_every_combination_in_order(serial):
    """Every combination of the vocabulary's values plus unknown is advised once, in product order."""
    assert len(serial) == 27
    assert serial.results[0]["inputs"] == {"care.demand": "standard", "care.supply_in_municipality": True,
                                           "care.origin": "bottom_up"}
    assert serial.results[-1]["inputs"] == dict.fromkeys(CARE)
    assert [r["index"] for r in serial.results] == list(range(27))
    first = serial.results[0]["conclusions"]
    assert "kenis.need.quadrant-i" in first and "kenis.conclusions.bottom-up" in first


def test_summary_counts_combinations_without_a_quadrant(serial):
    """kenis.need says nothing on 3 of the 8 demand × supply pairs that give one of them (complex alone concludes)."""
    silent = serial.summary()["no_conclusion"]["kenis.need"]
    assert len(silent) == 9
    pairs = {(serial.results[i]["inputs"]["care.demand"], serial.results[i]["inputs"]["care.supply_in_municipality"])
             for i in silent}
    assert pairs == {("standard", None), (None, True), (None, False)}
    assert serial.summary()["invalid"] == []


def test_summary_leaves_out_models_that_never_apply(serial):
    """A model the base and the varied paths give nothing for is not applied, not silent; the text says so once."""
    summary = serial.summary()
    assert "trust.quadrants" in summary["not_applied"] and "trust.quadrants" not in summary["no_conclusion"]
    assert "kenis.need" not in summary["not_applied"]
    text = serial.to_text()
    assert "trust.quadrants" not in text
    assert f"{len(summary['not_applied'])} models apply on no combination" in text


def test_process_pool_gives_the_serial_results(serial):
    """Two worker processes give exactly the serial results, streamed in order as JSON lines."""
    out = io.StringIO()
    pooled = interorg.sweep(BASE, CARE, progress=False, workers=2, out=out)
    assert pooled.results == serial.results
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [line["index"] for line in lines] == list(range(27))
    assert lines[5]["conclusions"] == serial.results[5]["conclusions"]


def test_dask_executor_gives_the_serial_results(serial):
    """A Dask LocalCluster's executor (2 worker processes) works unchanged and gives the serial results."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) \
            as cluster, distributed.Client(cluster) as client:
        result = interorg.sweep(BASE, CARE, executor=client.get_executor(), progress=False)
    assert result.results == serial.results


def test_frame(serial):
    """The DataFrame has a row per combination, the varied paths and a boolean column per conclusion."""
    frame = serial.to_frame()
    assert frame.shape[0] == 27 and list(frame.columns[:3]) == list(CARE)
    assert bool(frame.loc[0, "kenis.need.quadrant-i"]) and frame["kenis.need.quadrant-iv"].sum() == 3


def test_values_and_errors():
    """Values come from the case model; a field without finite values needs them; a bad value is recorded."""
    assert path_values("relationships[0].lock_in")[-1] is None
    with pytest.raises(interorg.CaseError, match="give them as governance.participants=A,B"):
        interorg.sweep(BASE, {"governance.participants": None}, progress=False, workers=0)
    result = interorg.sweep(BASE, {"care.demand": ["complex", "compelx"]}, progress=False, workers=0)
    assert result.results[1]["error"] and result.summary()["invalid"] == [1]


@pytest.mark.parametrize("path, values", [
    ("reasons[0].reason", ("power", "uncertainty", "legitimacy", "efficiency", "effectiveness")),
    ("partners[0].fit.strategic", ("strong", "moderate", "weak", None)),
    ("boundaries.authority", ("clear", "unclear", None)),
    ("coordination.resources.completeness", ("yes", "partly", "no", None)),
    ("self_organisation.principles.meaningful_issue", ("yes", "partly", "no", None)),
    ("relationships[0].fear", (True, False, None)),
])
def test_values_follow_the_case_path(path, values):
    """A path's values are those the case model allows at the key the user writes; a required key is never left out."""
    assert path_values(path) == values


def test_every_value_of_a_case_path_is_a_valid_case():
    """Varying a key of a list item takes its values from the case model, and every combination is a valid case."""
    base = {"partners": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}], "reasons": [{"reason": "power"}]}
    result = interorg.sweep(base, {"partners[0].fit.strategic": None, "reasons[0].reason": None},
                            progress=False, workers=0)
    assert len(result) == 4 * 5 and result.summary()["invalid"] == []
    assert result.results[0]["inputs"] == {"partners[0].fit.strategic": "strong", "reasons[0].reason": "power"}


def test_bad_paths_are_reported_at_once():
    """Every bad path is a problem of one CaseError, naming what was expected; nothing is advised."""
    base = {"partners": [{"id": "a", "name": "A"}], "reasons": [{"reason": "power"}]}
    vary = {"relationships.trust": None, "reasons[0].kind": None, "partners[3].fit.strategic": None,
            "care.demand[0]": None, "care": None, "care..demand": ["x"]}
    with pytest.raises(interorg.CaseError) as caught:
        interorg.sweep(base, vary, progress=False, workers=0)
    messages = {p.path: p.message for p in caught.value.problems}
    assert list(messages) == list(vary)
    assert messages["relationships.trust"] == ("relationships is a list: give the index of an item, "
                                               "as relationships[0].trust")
    assert messages["reasons[0].kind"].startswith("unknown key 'kind'; expected one of reason")
    assert messages["partners[3].fit.strategic"] == "the base case has no item [3] of partners: it has 1"
    assert messages["care.demand[0]"] == "care.demand is not a list: leave out the index [0]"
    assert "no finite values" in messages["care"] and "expected a case path" in messages["care..demand"]


@pytest.mark.parametrize("arguments, expected", [
    (["--vary", "relationships.trust"], "relationships is a list: give the index of an item"),
    (["--vary", "care.demand", "--workers", "-1"], "workers: expected 0 (advise in this process) or more"),
    (["--vary", "care.demand", "--vary", "care.demand=complex"], "care.demand: is varied twice"),
    (["--vary", "care.demand="], "care.demand: expected values after '='"),
])
def test_command_refuses_bad_input_without_traceback(tmp_path, capsys, arguments, expected):
    """Bad --vary or --workers exit 2 with the problem named on standard error, and no traceback."""
    base = tmp_path / "base.yaml"
    base.write_text("care:\n  supply_in_municipality: false\n", encoding="utf-8")
    assert main(["sweep", str(base), "--no-progress", "--workers", "0", *arguments]) == 2
    captured = capsys.readouterr()
    assert expected in captured.err and "Traceback" not in captured.err and captured.out == ""


def test_a_refused_sweep_leaves_the_output_file_as_it_was(tmp_path, capsys):
    """--out is written in one step at the end: a sweep refused for a bad path does not empty what was there."""
    base = tmp_path / "base.yaml"
    base.write_text("care:\n  supply_in_municipality: false\n", encoding="utf-8")
    out = tmp_path / "results.jsonl"
    out.write_text("earlier results\n", encoding="utf-8")
    assert main(["sweep", str(base), "--vary", "relationships.trust", "--workers", "0", "--no-progress",
                 "--out", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "earlier results\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["base.yaml", "results.jsonl"]


def test_command_in_dutch(tmp_path, capsys):
    """Under --lang nl the summary and the errors of a sweep are Dutch."""
    base = tmp_path / "base.yaml"
    base.write_text("care:\n  supply_in_municipality: false\n", encoding="utf-8")
    out = tmp_path / "results.jsonl"
    assert main(["sweep", str(base), "--vary", "care.demand", "--workers", "0", "--no-progress",
                 "--out", str(out), "--lang", "nl"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("3 combinaties van care.demand\n")
    assert "geen conclusie van kenis.need: 1 combinatie, met care.demand = onbekend (index 2)" in text
    assert f"{out} geschreven" in text
    assert "modellen zijn op geen enkele combinatie van toepassing" in text
    assert main(["sweep", str(base), "--vary", "relationships.trust", "--lang", "nl"]) == 2
    assert "relationships is een lijst: geef de index van een element" in capsys.readouterr().err


class _Recorder(io.StringIO):
    """A stream that records, at each write, how many combinations had been advised."""

    def __init__(self, advised):
        super().__init__()
        self.advised, self.seen = advised, []

    def write(self, text):
        self.seen.append(len(self.advised))
        return super().write(text)


def test_serial_sweep_streams_each_result_as_it_is_computed(monkeypatch):
    """In this process each result is written before the next combination is advised."""
    from interorg.research import sweep as module

    advised, advise_chunk = [], module._advise_chunk

    def counting(chunk, lang, knowledge_path):
        advised.extend(index for index, _, _ in chunk)
        return advise_chunk(chunk, lang, knowledge_path)

    monkeypatch.setattr(module, "_advise_chunk", counting)
    out = _Recorder(advised)
    interorg.sweep(BASE, {"care.demand": None, "care.origin": None}, progress=False, workers=0, out=out)
    assert out.seen == list(range(1, 10))


def test_command(tmp_path, capsys):
    """`interorg sweep BASE --vary PATH=VALUES --workers N --out FILE` writes JSON lines and a summary."""
    base = tmp_path / "base.yaml"
    base.write_text("care:\n  supply_in_municipality: false\n", encoding="utf-8")
    out = tmp_path / "results.jsonl"
    assert main(["sweep", str(base), "--vary", "care.demand", "--vary", "care.origin=bottom_up,top_down,unknown",
                 "--workers", "0", "--out", str(out), "--no-progress"]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 9 and json.loads(lines[-1])["inputs"] == {"care.demand": None, "care.origin": None}
    assert "9 combinations" in capsys.readouterr().out


@pytest.mark.heavy
def test_all_care_combinations_on_two_workers():
    """All 972 combinations of care on two worker processes give the serial results (make test-heavy)."""
    paths = dict.fromkeys(["care.demand", "care.supply_in_municipality", "care.leading", "care.providers_regional",
                           "care.origin", "care.region_basis"])
    serial = interorg.sweep({}, paths, progress=False, workers=0)
    assert interorg.sweep({}, paths, progress=False, workers=2).results == serial.results
