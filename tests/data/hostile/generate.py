"""Write the hostile case files too large to keep in the repository.

``python tests/data/hostile/generate.py FOLDER`` writes them into FOLDER;
the tests call :func:`generate` on a temporary folder.  Each file is named
for what it tries: nesting without end, numbers and texts beyond every
bound, more partners than are advised on, and more problems than are shown.
"""

import json
import pathlib
import sys


def _files():
    yield "deep_lists.yaml", "a: " + "[" * 10_000 + "]" * 10_000 + "\n"
    yield "deep_lists_1000.yaml", "a: " + "[" * 1_000 + "]" * 1_000 + "\n"
    yield "deep_mappings.yaml", "".join("  " * level + f"k{level}:\n" for level in range(1_000)) + "  " * 1_000 + "x: 1\n"
    yield "deep_flow_mappings.yaml", "a: " + "{b: " * 5_000 + "1" + "}" * 5_000 + "\n"
    yield "deep.json", "[" * 10_000 + "]" * 10_000
    yield "deep_objects.json", '{"a": ' * 10_000 + "1" + "}" * 10_000
    yield "huge_int.yaml", "governance:\n  participants: " + "9" * 5_000 + "\n"
    yield "huge_int.json", '{"governance": {"participants": ' + "9" * 5_000 + "}}"
    yield "huge_scalar.yaml", "name: " + "x" * (50 * 1024 * 1024) + "\n"
    yield "long_text.yaml", "name: " + "x" * 20_000 + "\n"
    yield "many_partners.yaml", "partners:\n" + "".join(f"  - id: p{i}\n" for i in range(300_000))
    yield "more_partners.yaml", "partners:\n" + "".join(f"  - id: p{i}\n" for i in range(1_000))
    yield "many_values.json", json.dumps({"partners": [0] * 240_000})
    yield "many_problems.json", json.dumps({"care": {f"unknown_{i}": i for i in range(20_000)}})


def generate(folder):
    """Write every generated hostile file into ``folder``; return their paths by name."""
    folder = pathlib.Path(folder)
    paths = {}
    for name, text in _files():
        paths[name] = folder / name
        paths[name].write_text(text, encoding="utf-8")
    return paths


if __name__ == "__main__":
    for path in generate(sys.argv[1]).values():
        print(path)
