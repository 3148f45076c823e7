"""Shared fixtures: the shipped knowledge base, the scenario cases and a runner."""

import importlib.resources
import os
import pathlib
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
    """Write ``new`` for ``old`` (once, and it must be there) in ``file`` of a knowledge folder; the load's error as text."""
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(interorg.KnowledgeError) as caught:
        interorg.load_knowledge(folder)
    return str(caught.value)
