"""Measure a sweep of 648 cases on a process pool of one worker and of two.

Run with ``make benchmark-sweep``.  Timings are printed, not asserted: the
test suite checks that every executor gives the serial results, this script
measures what a second worker gains.  The speed-up is near 2 only on a
machine with two idle cores.
"""

import time

import interorg

#: 4 × 3 × 3 × 3 × 3 × 2 = 648 combinations of the care context.
VARY = {
    "care.region_basis": None,
    "care.demand": None,
    "care.supply_in_municipality": None,
    "care.leading": None,
    "care.origin": None,
    "care.providers_regional": [True, False],
}
BASE = {"name": "Sweep benchmark", "reasons": [{"reason": "power"}, {"reason": "efficiency"}]}


def _run(workers):
    start = time.perf_counter()
    result = interorg.sweep(BASE, VARY, progress=False, workers=workers)
    return time.perf_counter() - start, result


def main():
    one, serial = _run(1)
    two, pooled = _run(2)
    assert pooled.results == serial.results, "two workers must give the results of one"
    print(f"{len(serial)} cases: 1 worker {one:.1f} s, 2 workers {two:.1f} s, speed-up {one / two:.2f}x")


if __name__ == "__main__":
    main()
