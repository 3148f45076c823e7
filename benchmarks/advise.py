"""Measure how long advising takes and how much memory it uses.

Run with ``make benchmark``. Timings are printed, not asserted: the test
suite checks behaviour, this script measures speed.
"""

import statistics
import time
import tracemalloc

import interorg


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


if __name__ == "__main__":
    main()
