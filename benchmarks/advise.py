"""Measure how long advising takes and how much memory it uses.

Run with ``make benchmark``. Timings are printed, not asserted: the test
suite checks behaviour, this script measures speed.
"""

import pathlib
import statistics
import sys
import time
import tracemalloc

import interorg

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from network import network_case  # noqa: E402  (a sibling script, not a package)

#: Sizes of the generated networks, up to the most partners a case may list
#: (interorg/case/limits.py); cost should grow about linearly with them.
SIZES = (12, 25, 50)


def _time(function, repeat):
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main():
    start = time.perf_counter()
    knowledge = interorg.load_knowledge()
    print(f"load and check the knowledge base ({len(knowledge.rules)} rules): "
          f"{time.perf_counter() - start:.3f} s (once per process)")
    case = interorg.example_case()
    interorg.advise(case)  # compile the rules once
    median = _time(lambda: interorg.advise(case), repeat=20)
    print(f"advise on the example case: median {median * 1000:.1f} ms over 20 runs")
    tracemalloc.start()
    interorg.advise(case)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"advise on the example case: peak memory {peak / 1024:.0f} KiB")
    print()
    print("partners  relationships  conclusions   seconds  ms/partner  ratio to previous (size ratio)")
    previous = None
    for size in SIZES:
        data = network_case(size)
        case = interorg.case_from_dict(data)
        seconds = _time(lambda: interorg.advise(case), repeat=3)
        conclusions = len(interorg.advise(case).conclusions)
        ratio = "" if previous is None else f"{seconds / previous[1]:.2f} ({size / previous[0]:.0f})"
        print(f"{size:8d}  {len(data['relationships']):13d}  {conclusions:11d}  {seconds:8.2f}"
              f"  {1000 * seconds / size:10.1f}  {ratio}")
        previous = (size, seconds)


if __name__ == "__main__":
    main()
