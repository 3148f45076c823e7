"""Instructions, not seconds: what advice costs, counted by valgrind's callgrind.

Run with ``make benchmark-instructions`` (it needs ``valgrind``, Debian's
package; about ten minutes, not part of ``make benchmark``).  An instruction count is
the same for the same program and input whatever else the machine is doing,
with a fixed hash seed (``PYTHONHASHSEED=0`` in every counted process),
so it tells whether a piece of work grows with the case even where the time
per instruction does not stay the same (a heap beyond the processor's
caches).  Each figure is the difference between a process that does the
work ``n`` more times and one that does it no extra time, divided by ``n``:
the start, the loading and the warm-up runs cancel out.  The knowledge cache is filled first, and kept
under a hash of interorg's code as well as the knowledge: a change of the
code while this runs makes a counted process check the knowledge again,
and its count is then that of the check.  It prints:

1. the engine part, the explanations and advise end to end on the example;
2. advise and ``to_dict`` on generated networks of 125 and 500 partners,
   with the ratio between the sizes (linear work gives about 4x).
"""

import os
import pathlib
import re
import shutil
import subprocess
import sys

HERE = pathlib.Path(__file__).parent

_CHILD = """
import sys
sys.path.insert(0, {here!r})
import interorg
from interorg.engine import explain, run
from interorg.facts import case_facts
from network import network_case

what, size, times = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
interorg.advise(interorg.example_case())
case = interorg.example_case() if size == 0 else interorg.case_from_dict(network_case(size), bounded=False)
knowledge = interorg.load_knowledge()
facts = list(case_facts(case))
session = run(knowledge, facts)
advice = interorg.advise(case, bounded=False)
advice.to_dict()
work = {{"engine": lambda: run(knowledge, facts), "explain": lambda: explain(session, "en"),
        "advise": lambda: interorg.advise(case, bounded=False), "to_dict": advice.to_dict}}[what]
for _ in range(times):
    work()
"""


def _count(what, size, times):
    out = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
         sys.executable, "-c", _CHILD.format(here=str(HERE)), what, str(size), str(times)],
        # a fixed hash seed: with a random one, the layout of sets and dicts (and so the
        # count) differs by about 1% between processes, as much as a small change saves
        capture_output=True, text=True, check=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    return int(re.search(r"Collected : (\d+)", out.stderr).group(1))


def per_call(what, size=0, times=5):
    """Instructions of one ``what`` (engine, explain, advise, to_dict) on the example (size 0) or a network."""
    return (_count(what, size, times) - _count(what, size, 0)) / times


def main():
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (Debian: apt-get install valgrind); nothing measured")
        return 1
    # the knowledge cache is filled first, so that no counted process checks the knowledge files
    subprocess.run([sys.executable, "-c", "import interorg; interorg.load_knowledge()"], check=True)
    print("1. on the example municipal_youth_care (millions of instructions per call)")
    for what in ("engine", "explain", "advise"):
        print(f"   {what:8} {per_call(what) / 1e6:8.1f} M")
    print("2. on generated networks (millions of instructions per call)")
    for what in ("advise", "to_dict"):
        small, large = per_call(what, 125, 1), per_call(what, 500, 1)
        print(f"   {what:8} 125 partners {small / 1e6:8.0f} M, 500 partners {large / 1e6:8.0f} M:"
              f" {large / small:.2f}x for 4x the partners")
    return 0


if __name__ == "__main__":
    sys.exit(main())
