"""The start of a whole process: ``interorg advise --example --brief`` against ``python -c "import networkx"``.

Warm: the checked knowledge is already in the cache directory.  Cold: each
run gets an empty cache directory, so it reads and checks the knowledge
files and writes the cache.  Runs are interleaved and medians compared.
"""

import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

__all__ = ["compare"]


def _time(command, env):
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def compare(rounds=9):
    """Print the medians and ratios; return them as a dict."""
    interorg_command = [str(pathlib.Path(sys.executable).parent / "interorg"), "advise", "--example", "--brief"]
    networkx_command = [sys.executable, "-c", "import networkx"]
    samples = {"networkx": [], "warm": [], "cold": []}
    with tempfile.TemporaryDirectory() as folder:
        warm = dict(os.environ, INTERORG_CACHE_DIR=os.path.join(folder, "warm"))
        subprocess.run(interorg_command, env=warm, check=True, stdout=subprocess.DEVNULL)  # fill the cache
        for number in range(rounds):
            cold = dict(os.environ, INTERORG_CACHE_DIR=os.path.join(folder, f"cold{number}"))
            samples["networkx"].append(_time(networkx_command, dict(os.environ)))
            samples["warm"].append(_time(interorg_command, warm))
            samples["cold"].append(_time(interorg_command, cold))
    median = {label: statistics.median(values) for label, values in samples.items()}
    print(f"python -c 'import networkx'                 {median['networkx']:6.3f} s")
    print(f"interorg advise --example --brief, warm cache {median['warm']:6.3f} s"
          f"  {median['warm'] / median['networkx']:4.1f}x networkx")
    print(f"interorg advise --example --brief, cold cache {median['cold']:6.3f} s"
          f"  {median['cold'] / median['networkx']:4.1f}x networkx")
    return median
