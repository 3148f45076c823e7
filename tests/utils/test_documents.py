"""Reading YAML: the same strict rules and positions with libyaml's parser and with PyYAML's own."""

import pytest

from conftest import SHIPPED
from interorg.errors import CaseError
from interorg.utils import documents

LOADERS = [documents._StrictLoader, documents.PURE_LOADER]


@pytest.mark.parametrize("path", sorted(SHIPPED.rglob("*.yaml")), ids=lambda path: path.name)
def test_both_parsers_read_a_shipped_file_alike(path):
    """Each knowledge file gives the same data and the same positions with both parsers."""
    text = path.read_text(encoding="utf-8")
    fast, pure = (documents.parse_document(text, path.name, CaseError, loader=loader) for loader in LOADERS)
    assert fast.data == pure.data
    assert fast.positions == pure.positions


@pytest.mark.parametrize("loader", LOADERS, ids=["default", "pure"])
def test_duplicate_key_is_an_error(loader):
    """A key given twice is reported with its line, whichever parser reads the file."""
    with pytest.raises(CaseError, match="given twice") as info:
        documents.parse_document("a: 1\nb: 2\na: 3\n", "x.yaml", CaseError, loader=loader)
    assert info.value.problems[0].line == 3


@pytest.mark.parametrize("loader", LOADERS, ids=["default", "pure"])
def test_only_true_and_false_are_booleans(loader):
    """``no``, ``yes``, ``on`` and ``off`` stay text (YAML 1.2), with both parsers."""
    document = documents.parse_document("[no, yes, on, off, true, False]", "x.yaml", CaseError, loader=loader)
    assert document.data == ["no", "yes", "on", "off", True, False]


def test_parsed_once_per_document(monkeypatch):
    """A document is composed once: data and positions come from the same node tree."""
    calls = []
    original = documents._StrictLoader.get_single_node
    monkeypatch.setattr(documents._StrictLoader, "get_single_node",
                        lambda self: calls.append(self) or original(self))
    documents.parse_document("a: [1, 2]", "x.yaml", CaseError)
    assert len(calls) == 1
