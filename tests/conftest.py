"""Shared fixtures: the shipped knowledge base, the scenario cases and a runner."""

import ast
import importlib.resources
import os
import pathlib
import re
import shutil
import tempfile

import pytest

# Draw maps without a screen.
os.environ.setdefault("MPLBACKEND", "Agg")
# Keep the checked knowledge of test runs (and of the processes they start) out of the user's cache.
os.environ.setdefault("INTERORG_CACHE_DIR", tempfile.mkdtemp(prefix="interorg-test-cache-"))

import interorg

HERE = pathlib.Path(__file__).parent
CASES = HERE / "cases"
DATA = HERE / "data"
SHIPPED = pathlib.Path(str(importlib.resources.files("interorg.knowledge")))


@pytest.fixture(scope="session")
def knowledge():
    """The knowledge base shipped with interorg."""
    return interorg.load_knowledge()


def scenario(name, lang="en"):
    """Advise on the scenario case ``tests/cases/<name>.yaml``."""
    return interorg.advise(CASES / f"{name}.yaml", lang=lang)


def scenario_paths():
    """Every scenario case, sorted."""
    return sorted(CASES.glob("*.yaml"))


@pytest.fixture
def knowledge_copy(tmp_path):
    """A writable copy of the shipped knowledge directory."""
    target = tmp_path / "knowledge"
    shutil.copytree(SHIPPED, target, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    return target


def refused_after(folder, file, old, new):
    """Write ``new`` for ``old`` (once, and it must be there) in ``file`` of a knowledge folder; the load's problems.

    Each problem as ``file: path: message``, one per line (its line and
    column left out: a test of what is said need not count lines).
    """
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(interorg.KnowledgeError) as caught:
        interorg.load_knowledge(folder)
    return said(caught.value)


def said(error):
    """The problems of an error as ``file: path: message``, one per line, without their lines and columns."""
    return "\n".join(f"{p.file}: {p.path}: {p.message}" if p.path else f"{p.file}: {p.message}"
                     for p in error.problems)


def confirmed_change(answer, field):
    """The first set of changes of a why-not ``answer`` that a run confirmed and that moves the derived ``field``."""
    for changes, verified in zip(answer.changes, answer.result.verified):
        if verified and any(c.derived == field for c in changes):
            return changes
    raise AssertionError(f"no confirmed change moves {field}: {answer.changes}")


def written(changes):
    """A why-not answer's ``changes`` as the ``(case path, value)`` pairs ``apply_changes`` takes.

    None takes out; 'given' is an empty item as a user writes it (``[]``
    for a list such as ``phase.done``, else ``{}``).
    """
    from interorg.facts.newitems import empty_at

    return [(c.path, None if c.to == (None,) else empty_at(c.path) if c.to == ("given",) else c.to[0])
            for c in changes]


def message_regex(argument):
    """A regular expression for the messages a message argument of the source can give, or None.

    ``argument`` is an ``ast`` node: a string, or an f-string whose
    placeholders match any text.
    """
    if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
        return re.escape(argument.value)
    if isinstance(argument, ast.JoinedStr):
        return "".join(re.escape(part.value) if isinstance(part, ast.Constant) else ".*?"
                       for part in argument.values)
    return None
