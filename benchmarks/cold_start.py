"""The start of a whole process: ``interorg advise --example --brief`` against ``python -c "import networkx"``.

Warm: the checked knowledge is already in the cache directory.  Cold: each
run gets an empty cache directory, so it reads and checks the knowledge
files and writes the cache.  Runs are interleaved and medians compared, of
the wall-clock time and of the CPU time the process used (user and system,
from ``getrusage``), which other programs on shared cores do not inflate.

interorg's modules are byte-compiled first (``compileall``), as pip does
when it installs a package: networkx's are, in site-packages, and an
environment with ``PYTHONDONTWRITEBYTECODE`` set would otherwise compile
interorg's hundred modules from source in every run of an editable install.
"""

import compileall

import os
import pathlib
import resource
import statistics
import subprocess
import sys
import tempfile
import time

__all__ = ["compare"]


def _time(command, env):
    """``(wall-clock seconds, CPU seconds)`` of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def compare(rounds=9):
    """Print the medians and ratios; return them as a dict."""
    interorg_command = [str(pathlib.Path(sys.executable).parent / "interorg"), "advise", "--example", "--brief"]
    networkx_command = [sys.executable, "-c", "import networkx"]
    samples = {"networkx": [], "warm": [], "cold": []}
    import interorg

    compileall.compile_dir(pathlib.Path(interorg.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory() as folder:
        warm = dict(os.environ, INTERORG_CACHE_DIR=os.path.join(folder, "warm"))
        subprocess.run(interorg_command, env=warm, check=True, stdout=subprocess.DEVNULL)  # fill the cache
        for number in range(rounds):
            cold = dict(os.environ, INTERORG_CACHE_DIR=os.path.join(folder, f"cold{number}"))
            samples["networkx"].append(_time(networkx_command, dict(os.environ)))
            samples["warm"].append(_time(interorg_command, warm))
            samples["cold"].append(_time(interorg_command, cold))
    wall = {label: statistics.median(w for w, _cpu in values) for label, values in samples.items()}
    cpu = {label: statistics.median(c for _wall, c in values) for label, values in samples.items()}
    print(f"{'':46} {'wall s':>7} {'ratio':>6} {'CPU s':>7} {'ratio':>6}")
    for label, text in (("networkx", "python -c 'import networkx'"),
                        ("warm", "interorg advise --example --brief, warm cache"),
                        ("cold", "interorg advise --example --brief, cold cache")):
        print(f"{text:46} {wall[label]:7.3f} {wall[label] / wall['networkx']:5.1f}x"
              f" {cpu[label]:7.3f} {cpu[label] / cpu['networkx']:5.1f}x")
    return wall, cpu
