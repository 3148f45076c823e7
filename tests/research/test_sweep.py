"""Sweeps: every combination of some inputs, on a process pool and on Dask, with the serial results."""

import io
import json

import pytest

import interorg
from interorg.research.sweep import vocabulary_values

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
    """kenis.need says nothing on 4 of the 9 demand × supply pairs (a complex demand alone still concludes)."""
    silent = serial.summary()["no_conclusion"]["kenis.need"]
    assert len(silent) == 12
    assert all(None in (serial.results[i]["inputs"]["care.demand"],
                        serial.results[i]["inputs"]["care.supply_in_municipality"]) for i in silent)
    assert serial.summary()["invalid"] == []


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
    """Values come from the vocabulary; a field without finite values needs them; a bad value is recorded."""
    assert vocabulary_values("relationships[0].lock_in")[-1] is None
    with pytest.raises(interorg.InterorgError, match="give them as governance.participants=A,B"):
        interorg.sweep(BASE, {"governance.participants": None}, progress=False, workers=0)
    result = interorg.sweep(BASE, {"care.demand": ["complex", "compelx"]}, progress=False, workers=0)
    assert result.results[1]["error"] and result.summary()["invalid"] == [1]


def test_command(tmp_path, capsys):
    """`interorg sweep BASE --vary PATH=VALUES --workers N --out FILE` writes JSON lines and a summary."""
    from interorg.cli import main

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
