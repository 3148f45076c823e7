"""One item, or a sequence of them, where a public function takes a sequence."""

import pathlib

import pytest

from interorg.errors import UsageError
from interorg.utils.arguments import items


def test_a_text_or_a_path_alone_is_one_item():
    """A str or a Path is one item, never its characters or parts."""
    assert items("cases/", "cases", "a path") == ("cases/",)
    assert items(pathlib.Path("case.yaml"), "cases", "a path") == (pathlib.Path("case.yaml"),)
    assert items(iter(["a", "b"]), "cases", "a path") == ("a", "b")


def test_what_is_no_item_nor_sequence_is_refused_naming_the_argument():
    """A number is neither; an item of the wrong type is named by its index."""
    with pytest.raises(UsageError, match=r"^models: expected a model id, or a sequence of them; got int$"):
        items(5, "models", "a model id")
    with pytest.raises(UsageError, match=r"got int at \[1\]$"):
        items(["trust", 5], "models", "a model id", of=(str,))
