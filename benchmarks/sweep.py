"""A sweep's throughput: generated cases advised on a process pool of 1 and of 2 workers.

The time runs from creating the pool to the last result, so each worker's
start (importing interorg, reading the cached knowledge, building the
engine on its first case) is part of it, as it is for a user's sweep.
"""

import concurrent.futures
import pathlib
import sys
import time

HERE = pathlib.Path(__file__).parent
sys.path.insert(0, str(HERE))
from network import network_case  # noqa: E402  (a sibling script, not a package)

__all__ = ["compare"]


def _start():
    import interorg

    interorg.load_knowledge()


def _advise(data):
    import interorg

    return len(interorg.advise(interorg.case_from_dict(data)).conclusions)


def compare(cases=200, size=8, workers=(1, 2)):
    """Print the cases per second per pool size; return them as a dict."""
    generated = [network_case(size, seed=seed) for seed in range(cases)]
    rates = {}
    for count in workers:
        start = time.perf_counter()
        with concurrent.futures.ProcessPoolExecutor(max_workers=count, initializer=_start) as pool:
            concluded = sum(pool.map(_advise, generated, chunksize=max(1, cases // (8 * count))))
        seconds = time.perf_counter() - start
        rates[count] = cases / seconds
        print(f"{cases} cases of {size} partners, {count} process{'es' if count > 1 else ''}:"
              f" {seconds:6.2f} s, {rates[count]:6.1f} cases/s ({concluded} conclusions)")
    if 1 in rates and 2 in rates:
        print(f"2 processes / 1 process: {rates[2] / rates[1]:.2f}x")
    return rates
