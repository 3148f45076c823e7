"""Measure interorg's speed, side by side with CLIPS and with importing networkx.

Run with ``make benchmark`` (which installs clipspy, the ``benchmark``
extra).  Timings are printed, not asserted: the test suite checks
behaviour, this script measures speed.  In one run it prints:

1. advise end to end and the engine part on both bundled examples against
   CLIPS 6.4 running the same rules on the same facts (:mod:`versus_clips`);
2. the cold start of ``interorg advise --example --brief`` against
   ``python -c "import networkx"`` as whole processes, with a warm and a
   cold cache (:mod:`cold_start`);
3. advise, ``to_dict`` and peak memory at 25, 100, 500 and 2,000 partners,
   with the ratios between sizes (:mod:`scaling`);
4. a sweep's cases per second with 1 and 2 processes (:mod:`sweep`);
5. the size of the example's JSON, with and without explanations.

``python benchmarks/advise.py --quick`` runs smaller versions of each.
The README (Development) reports a run with the machine it ran on, what
made it faster, and for each target not met, what is left and why.
"""

import json
import os
import pathlib
import platform
import sys

HERE = pathlib.Path(__file__).parent
sys.path.insert(0, str(HERE))

import cold_start  # noqa: E402  (sibling scripts, not a package)
import scaling  # noqa: E402
import sweep  # noqa: E402
import versus_clips  # noqa: E402

import interorg  # noqa: E402

EXAMPLES = ("municipal_youth_care", "regional_innovation_alliance")


def _machine():
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    load = " (load average %.1f %.1f %.1f)" % os.getloadavg() if hasattr(os, "getloadavg") else ""
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}{load}"


def _heading(text):
    print()
    print(text)
    print("-" * len(text))


def _json_sizes():
    advice = interorg.advise(interorg.example_case())
    data = advice.to_dict()

    def size(value, indent=None):
        separators = (",", ":") if indent is None else None
        return len(json.dumps(value, indent=indent, separators=separators, ensure_ascii=False).encode())

    full, bare = len(advice.to_json().encode()), len(advice.to_json(explanations=False).encode())
    parts = ", ".join(f"{name} {size(data[name]) / 1000:.0f}" for name in
                      ("conclusions", "explanations", "rules", "inputs", "summaries"))
    print(f"municipal_youth_care JSON: {full / 1000:.0f} KB with explanations (compact; {parts} KB),"
          f" {size(data, 2) / 1000:.0f} KB indented, {bare / 1000:.0f} KB with --no-explanations"
          f" ({len(advice.conclusions)} conclusions)")


def main(quick=False):
    print(f"interorg {interorg.__version__} on {_machine()}")
    knowledge = interorg.load_knowledge()
    _heading("1. advise and the engine part against CLIPS on the same rules and facts (medians)")
    versus_clips.compare(knowledge, EXAMPLES, rounds=10 if quick else 40)
    _heading("2. cold start as whole processes (medians)")
    cold_start.compare(rounds=3 if quick else 9)
    _heading("3. scaling with the number of partners (each size in its own process)")
    scaling.compare((25, 100) if quick else scaling.SIZES, rounds=1 if quick else 2)
    _heading("4. a sweep on a process pool")
    sweep.compare(cases=40 if quick else 200)
    _heading("5. the advice as JSON")
    _json_sizes()


if __name__ == "__main__":
    main(quick="--quick" in sys.argv[1:])
