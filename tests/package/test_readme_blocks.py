"""Every YAML and JSON block of README.md and knowledge/README.md is a valid case, or is marked as something else.

A block is a case unless the line before its fence says otherwise:
``<!-- interorg: fragment -->`` (sections of a case that refer to partners
listed elsewhere: valid once those partners are added) or
``<!-- interorg: knowledge file -->`` (an excerpt of a knowledge file: it
must parse).
"""

import pathlib
import re

import pytest
import yaml

from interorg.case import case_from_dict, case_from_text
from interorg.errors import CaseError

ROOT = pathlib.Path(__file__).resolve().parents[2]
_BLOCK = re.compile(r"^(?P<before>[^\n]*)\n```(?P<lang>yaml|json)\n(?P<body>.*?)^```", re.M | re.S)
_MARK = re.compile(r"<!-- interorg: (?P<kind>fragment|knowledge file) -->")
_UNKNOWN_PARTNER = re.compile(r"unknown partner '([^']+)'")


def _blocks():
    for name in ("README.md", "knowledge/README.md"):
        text = (ROOT / name).read_text(encoding="utf-8")
        for match in _BLOCK.finditer(text):
            line = text[:match.start("body")].count("\n") + 1
            mark = _MARK.search(match["before"])
            yield pytest.param(name, line, mark["kind"] if mark else "case", match["body"], id=f"{name}:{line}")


BLOCKS = list(_blocks())


def test_the_readmes_have_case_blocks():
    """The blocks are found (so the test below cannot pass vacuously)."""
    assert sum(1 for block in BLOCKS if block.values[2] == "case") >= 3


@pytest.mark.parametrize("name, line, kind, body", BLOCKS)
def test_block_validates(name, line, kind, body):
    """A case block validates as it is; a fragment once its partners are listed; a knowledge excerpt parses."""
    source = f"{name}:{line}"
    if kind == "knowledge file":
        assert yaml.safe_load(body) is not None
        return
    if kind == "case":
        case_from_text(body, source)
        return
    try:
        case_from_text(body, source)
    except CaseError as exc:
        missing = sorted({m.group(1) for p in exc.problems for m in [_UNKNOWN_PARTNER.search(p.message)] if m})
        others = [p for p in exc.problems if not _UNKNOWN_PARTNER.search(p.message)]
        assert not others, "\n".join(map(str, others))
        data = yaml.safe_load(body)
        case_from_dict({"partners": [{"id": partner} for partner in missing], **data}, source)
