"""How advice grows with the case: advise, ``to_dict`` and peak memory on generated partner networks.

Each size runs in a process of its own, so that its peak resident memory
(``ru_maxrss``) is its own, and twice, the sizes taking turns.  Times are the CPU time of the process
(``time.process_time``; the machine's cores are shared), the least of
several runs after one warm-up run (as ``timeit`` advises: what else the
machine does only ever adds time, and at 25 partners a run takes a few
milliseconds, so a median still moved the ratios by tens between runs).  ``advise`` and
``to_dict`` pause Python's cyclic garbage collector themselves while they
build their (acyclic) results (:mod:`interorg.utils.collector`): before they
did, the collector walking the ever larger heap made both grow faster than
the case.

Beside ``to_dict`` runs a control that has nothing of interorg in it:
``json.loads`` of the same advice's JSON, with the collector paused in the
same way.  CPython's C parser then makes the same dicts, lists and texts
as ``to_dict`` does, so its growth is what building that much data costs
on this machine and this Python alone: the time per object grows once the
data no longer fits the processor's caches, in C as in interorg.  The
JSON's size is printed too, as the measure of how much data that is.
"""

import gc
import json
import pathlib
import resource
import subprocess
import sys
import time

HERE = pathlib.Path(__file__).parent
sys.path.insert(0, str(HERE))
from network import network_case  # noqa: E402  (a sibling script, not a package)

__all__ = ["compare"]

SIZES = (25, 100, 500, 2000)


def _least(function, repeat):
    samples = []
    for _ in range(repeat):
        start = time.process_time()
        function()
        samples.append(time.process_time() - start)
    return min(samples)


def _paused(function):
    """``function`` called with the cyclic collector paused, as ``to_dict`` pauses it itself."""
    def call():
        gc.disable()
        try:
            function()
        finally:
            gc.enable()
    return call


def measure(size):
    """Measure one size in this process; return a dict of figures."""
    import interorg

    interorg.advise(interorg.example_case())  # load the knowledge and build the engine first
    data = network_case(size)
    case = interorg.case_from_dict(data, bounded=False)  # beyond the bounds of a case file, on purpose
    # at least five runs of each, fifteen where a run is short; to_dict is cheap, so
    # it gets seven even at 2,000 partners, where one run's noise was a fifth of it
    repeat = 15 if size <= 100 else 5
    advice = interorg.advise(case, bounded=False)
    advice.to_dict()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux: one advice and its dict
    advise = _least(lambda: interorg.advise(case, bounded=False), repeat)
    to_dict = _least(advice.to_dict, max(repeat, 7))
    text = advice.to_json()
    loads = _least(_paused(lambda: json.loads(text)), max(repeat, 7))
    return {"size": size, "relationships": len(data["relationships"]), "conclusions": len(advice.conclusions),
            "advise": advise, "to_dict": to_dict, "loads": loads, "json": len(text.encode()), "rss": rss}


def compare(sizes=SIZES, rounds=2):
    """Print a row per size with the ratios to the previous size and to the first; return the rows.

    The sizes run one after the other ``rounds`` times, each time in a new
    process, and each time of a size is the least of its rounds: the
    machine's speed between processes moves a ratio of two processes more
    than the noise within one does.
    """
    runs = {size: [] for size in sizes}
    for _ in range(rounds):
        for size in sizes:
            out = subprocess.run([sys.executable, __file__, str(size)], check=True, capture_output=True, text=True)
            runs[size].append(json.loads(out.stdout))
    rows = []
    for size, measured in runs.items():
        row = dict(measured[0])
        row.update({name: min(run[name] for run in measured) for name in ("advise", "to_dict", "loads")})
        row["rss"] = max(run["rss"] for run in measured)
        rows.append(row)
    print(f"{'partners':>8} {'relations':>9} {'concl':>6} {'JSON MB':>7} {'advise s':>9} {'to_dict s':>9}"
          f" {'loads s':>8} {'peak MiB':>8}  {'advise x':>8} {'to_dict x':>9} {'loads x':>7} {'size x':>6}")
    first = rows[0]
    for previous, row in zip([None] + rows, rows):
        ratio = "" if previous is None else (
            f"  {row['advise'] / previous['advise']:8.1f} {row['to_dict'] / previous['to_dict']:9.1f}"
            f" {row['loads'] / previous['loads']:7.1f} {row['size'] / previous['size']:6.0f}")
        print(f"{row['size']:8d} {row['relationships']:9d} {row['conclusions']:6d} {row['json'] / 1e6:7.2f}"
              f" {row['advise']:9.3f} {row['to_dict']:9.3f} {row['loads']:8.3f} {row['rss']:8.0f}{ratio}")
    last = rows[-1]

    def grown(name):
        return f"{last[name] / first[name]:.0f}x"

    print(f"from {first['size']} to {last['size']} partners ({last['size'] / first['size']:.0f}x;"
          f" conclusions {grown('conclusions')}, JSON {grown('json')}): advise {grown('advise')},"
          f" to_dict {grown('to_dict')}, peak RSS at {last['size']}: {last['rss']:.0f} MiB")
    print(f"control, json.loads of the same JSON (CPython's C parser making the same objects): {grown('loads')}")
    return rows


if __name__ == "__main__":
    print(json.dumps(measure(int(sys.argv[1]))))
