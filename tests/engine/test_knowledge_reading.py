"""A knowledge folder is read as strictly and within bounds as a case: every fault a KnowledgeError naming the file."""

import importlib.resources
import shutil

import pytest

from interorg import load_knowledge
from interorg.errors import KnowledgeError


@pytest.fixture(scope="module")
def shipped(tmp_path_factory):
    """A copy of the shipped knowledge, to break one file of at a time."""
    folder = tmp_path_factory.mktemp("knowledge") / "knowledge"
    with importlib.resources.as_file(importlib.resources.files("interorg.knowledge")) as source:
        shutil.copytree(source, folder, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return folder


def _refusal(folder):
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(folder)
    return caught.value


def _refusal_with(folder, relative, content):
    """The refusal of ``folder`` with ``relative`` written as ``content``; the file is put back as it was after."""
    path = folder / relative
    original = path.read_bytes() if path.exists() else None
    path.write_bytes(content)
    try:
        return _refusal(folder)
    finally:
        if original is None:
            path.unlink()
        else:
            path.write_bytes(original)


def test_alias_bomb_in_a_rule_file_is_refused_on_its_count(shipped):
    """Aliases each counting what they name: a billion-laughs rule file is refused before it is built."""
    layers = "".join(f"  {child}: &{child} [{', '.join(['*' + parent] * 10)}]\n"
                     for parent, child in zip("abcdefgh", "bcdefghi"))
    error = _refusal_with(shipped, "rules/zz_bomb.yaml",
                          ("about: x\nmodel: m\nrules:\n- a: &a [x, x, x, x, x, x, x, x, x, x]\n" + layers).encode())
    assert any(p.file == "rules/zz_bomb.yaml" and "more than 400,000 values in all" in p.message
               for p in error.problems)


def test_messages_not_utf8_is_named(shipped):
    """Bytes that are not UTF-8 in messages.yaml are a problem of that file with the offset."""
    error = _refusal_with(shipped, "messages.yaml", b"\xff\xfe" + (shipped / "messages.yaml").read_bytes())
    assert "messages.yaml: line 1, column 1: not UTF-8 text: the byte 0xff at offset 0" in str(error)


def test_deep_list_is_refused_without_recursion(shipped):
    """A list nested 990 deep is refused on its depth, not with a RecursionError."""
    error = _refusal_with(shipped, "rules/zz_deep.yaml", ("x: " + "[" * 990 + "]" * 990 + "\n").encode())
    assert any(p.file == "rules/zz_deep.yaml" and "nested more than 40 levels deep" in p.message
               for p in error.problems)


@pytest.mark.parametrize("where, expected", [
    ("missing", "the knowledge folder does not exist"),
    ("file", "the knowledge folder is a file, not a folder"),
])
def test_folder_that_is_not_one_is_a_knowledge_error(tmp_path, where, expected):
    """load_knowledge of a missing folder or of a file is a KnowledgeError, not an OSError."""
    target = tmp_path / where
    if where == "file":
        target.write_text("x")
    assert expected in str(_refusal(target))


def test_missing_rules_folder_is_a_problem(tmp_path, shipped):
    """A knowledge folder without its rules folder is told so, with the other problems."""
    folder = tmp_path / "kb"
    shutil.copytree(shipped, folder, ignore=shutil.ignore_patterns("rules"))
    assert "rules: the folder 'rules' is missing" in str(_refusal(folder))


def test_the_shipped_knowledge_is_within_the_bounds_of_any_folder():
    """The shipped files, read without the bounds at start-up, are within KNOWLEDGE_LIMITS all the same."""
    from interorg.analysis.knowledge import EXTENSIONS, KnowledgeBase
    from interorg.engine.loading import KNOWLEDGE_LIMITS, read_knowledge

    root = importlib.resources.files("interorg.knowledge")
    bounded = read_knowledge(root, EXTENSIONS, KnowledgeBase, limits=KNOWLEDGE_LIMITS)
    assert [r.id for r in bounded.rules] == [r.id for r in load_knowledge().rules]
