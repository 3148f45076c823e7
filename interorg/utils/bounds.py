"""Bounds on what a document may hold, checked before the expensive work.

A :class:`Limits` says how large a document may be (bytes, nesting depth,
values, the length of a text and of a number) and whether YAML anchors and
aliases may be used.  :func:`check_data` walks plain data (as read from a
file, or given in Python) without recursion and returns a problem, with its
path, for everything outside them, and for what no reader should pass on:
text with a lone surrogate (not valid Unicode, so it cannot be printed or
written), numbers that are not finite, keys that are not text, and values of
types that YAML or JSON do not have.
"""

import math
import re

import attrs

from ..errors import Problem
from .structure import describe, join_path

__all__ = ["Limits", "TooLong", "check_data"]

_SURROGATE = re.compile("[\ud800-\udfff]")


@attrs.frozen
class Limits:
    """How large a document may be; ``None`` leaves a bound out.

    Attributes
    ----------
    max_bytes : int or None
        The size of the file or text, in bytes (characters for text given
        in Python).
    max_depth : int or None
        How deeply lists and mappings may be nested (the top mapping is 1).
    max_nodes : int or None
        How many values (texts, numbers, lists, mappings) in all.
    max_text : int or None
        The length of one text, in characters.
    max_digits : int or None
        The length of one whole number, in digits.
    aliases : bool
        Whether YAML anchors (``&name``) and aliases (``*name``) are read.
    document, content : str
        What the messages call the file and what it holds: ``'a case file'``
        and ``'a case'`` (the default), ``'a knowledge file'`` for the files
        of a knowledge folder.

    Examples
    --------
    >>> Limits(max_depth=2).max_depth
    2
    """

    max_bytes: int | None = None
    max_depth: int | None = None
    max_nodes: int | None = None
    max_text: int | None = None
    max_digits: int | None = None
    aliases: bool = True
    document: str = "a case file"
    content: str = "a case"


class TooLong:
    """A number too long to be read, as the JSON reader leaves it for :func:`check_data` to report."""

    def __init__(self, digits):
        self.digits = digits


def _text_problems(text, path, limits):
    if limits.max_text is not None and len(text) > limits.max_text:
        return [Problem(path, f"a text of {len(text):,} characters; at most {limits.max_text:,} are allowed")]
    found = _SURROGATE.search(text)
    if found:
        return [Problem(path, f"the text holds a lone surrogate (U+{ord(found.group()):04X}), which is not"
                              " valid Unicode; write the character itself")]
    return []


def _scalar_problems(value, path, limits):
    if isinstance(value, str):
        return _text_problems(value, path, limits)
    if isinstance(value, TooLong):
        return [Problem(path, f"a number of {value.digits:,} digits; at most {limits.max_digits or 0:,} are allowed")]
    if isinstance(value, bool) or value is None:
        return []
    if isinstance(value, int):
        if limits.max_digits is not None and abs(value) >= 10 ** limits.max_digits:
            return [Problem(path, f"a number of more than {limits.max_digits} digits; no value of {limits.content}"
                                  " is that large")]
        return []
    if isinstance(value, float):
        return [] if math.isfinite(value) else [Problem(path, f"expected a finite number; got {value}")]
    return [Problem(path, "expected text, a number, true, false, null, a list or a mapping; got a value of"
                          f" type {type(value).__name__}")]


def check_data(data, limits):
    """Return the problems of ``data`` that fall outside ``limits``, each with its path.

    The walk keeps its own stack, so deep nesting and data that contains
    itself cannot exhaust Python's; it stops at ``limits.max_nodes`` values.

    Parameters
    ----------
    data : object
        Plain data: dicts, lists, texts, numbers, booleans and None.
    limits : Limits

    Returns
    -------
    list of Problem

    Examples
    --------
    >>> [str(p) for p in check_data({"a": [[1]]}, Limits(max_depth=2))]
    ['a[0]: nested more than 2 levels deep; a case needs far fewer']
    >>> check_data({"name": "ok"}, Limits(max_depth=2))
    []
    """
    problems = []
    stack = [(data, "", 1)]
    nodes = 0
    while stack:
        value, path, depth = stack.pop()
        nodes += 1
        if limits.max_nodes is not None and nodes > limits.max_nodes:
            problems.append(Problem("", f"more than {limits.max_nodes:,} values in all; {limits.content} needs far"
                                        " fewer"))
            break
        if isinstance(value, (dict, list, tuple)):
            if limits.max_depth is not None and depth > limits.max_depth:
                problems.append(Problem(path, f"nested more than {limits.max_depth} levels deep; {limits.content}"
                                              " needs far fewer"))
                continue
            if limits.max_nodes is not None and len(value) > limits.max_nodes:
                problems.append(Problem(path, f"{len(value):,} items; at most {limits.max_nodes:,} values are"
                                              " allowed in all"))
                break
            if isinstance(value, dict):
                children = []
                for key, item in value.items():
                    if not isinstance(key, str):
                        problems.append(Problem(path, f"expected text keys; got {describe(key)}"))
                        continue
                    key_problems = _text_problems(key, path, limits)
                    if key_problems:
                        problems.extend(key_problems)
                        continue
                    children.append((item, join_path(path, key), depth + 1))
            else:
                children = [(item, join_path(path, index), depth + 1) for index, item in enumerate(value)]
            stack.extend(reversed(children))  # popped in document order
        else:
            problems.extend(_scalar_problems(value, path, limits))
    return problems
