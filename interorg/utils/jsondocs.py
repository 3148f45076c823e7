"""Read JSON documents strictly: duplicate keys refused, nesting and numbers bounded before they are built.

Before :func:`json.loads` builds anything, one linear pass over the tokens
(:func:`_scan`) finds how deeply the document nests, counts its values,
finds every key given twice with its path, and notes where each value
starts, so that a problem found later in a value can name its line and
column as in YAML.
"""

import bisect
import json
import re

from ..errors import Problem
from .bounds import TooLong
from .marks import Document, Refused
from .structure import describe, join_path

__all__ = ["parse_json"]

#: One token after optional whitespace: a string's opening quote, a bracket or
#: separator, or a bare literal (number, true, false, null).  Each alternative
#: starts with other characters, so a match never backtracks into the text.
_TOKEN = re.compile(r'[ \t\n\r]*(?:(")|([\[\]{},:])|([^ \t\n\r"\[\]{},:]+))')

#: The C scanner of :mod:`json` for one string: linear in its length, escapes and all.
_scan_string = json.decoder.scanstring

_WHITESPACE = " \t\n\r"


class _Positions:
    """``{path: (line, column)}`` of a JSON text, from the offsets found by the scan, converted when asked for."""

    def __init__(self, text, offsets):
        self.text, self.offsets, self.lines = text, offsets, None

    def __contains__(self, path):
        return path in self.offsets

    def __bool__(self):
        return bool(self.offsets)

    def __getitem__(self, path):
        return _line_column(self, self.offsets[path])


def _line_column(positions, offset):
    if positions.lines is None:  # found once, in one pass: a lookup is then a binary search
        positions.lines = [match.start() for match in re.finditer("\n", positions.text)]
    line = bisect.bisect_left(positions.lines, offset)
    start = positions.lines[line - 1] + 1 if line else 0
    return line + 1, offset - start + 1


class _Open:
    __slots__ = ("path", "is_map", "index", "key", "keys")

    def __init__(self, path, is_map):
        self.path, self.is_map, self.index, self.key, self.keys = path, is_map, 0, None, set() if is_map else None


def _scan(text, limits):
    """One pass over the tokens of ``text``: ``(fatal problem or None, keys given twice, positions)``.

    The pass stops at the first token that is not valid JSON, which
    :func:`json.loads` then reports; what was read up to there counts.
    """
    max_depth = limits.max_depth if limits is not None else None
    max_nodes = limits.max_nodes if limits is not None else None
    offsets, repeated, stack = {}, [], []
    positions = _Positions(text, offsets)
    expect_value, nodes, position, end = True, 0, 0, len(text)

    def problem(path, message, offset):
        return Problem(path, message, *_line_column(positions, offset))

    while position < end:
        match = _TOKEN.match(text, position)
        if match is None:
            break
        quote, mark, literal = match.groups()
        start = match.start(1 if quote else 2 if mark else 3)
        top = stack[-1] if stack else None
        if quote and top is not None and top.is_map and not expect_value:
            try:  # a key
                key, position = _scan_string(text, start + 1)
            except (json.JSONDecodeError, ValueError):
                break
            where = join_path(top.path, key)
            if key in top.keys:
                repeated.append(problem(where, f"key {describe(key)} is given twice in the same mapping", start))
            top.keys.add(key)
            top.key = key
            continue
        position = match.end()
        if mark == ":":
            expect_value = True
            continue
        if mark == ",":
            if top is not None and not top.is_map:
                top.index += 1
                expect_value = True
            continue
        if mark in ("]", "}"):
            stack.pop() if stack else None
            expect_value = False
            continue
        if not expect_value:
            break  # two values in a row: invalid, and json.loads says where
        path = "" if top is None else (join_path(top.path, top.index) if not top.is_map else join_path(top.path, top.key))
        offsets[path] = start
        nodes += 1
        if max_nodes is not None and nodes > max_nodes:
            return problem(path, f"more than {max_nodes:,} values in all; a case needs far fewer", start), repeated, positions
        if quote:
            try:
                _value, position = _scan_string(text, start + 1)
            except (json.JSONDecodeError, ValueError):
                break
            expect_value = False
        elif literal:
            expect_value = False
        else:  # an opening bracket
            if max_depth is not None and len(stack) + 1 > max_depth:
                return (problem("", f"nested more than {max_depth} levels deep; a case needs far fewer", start),
                        repeated, positions)
            stack.append(_Open(path, mark == "{"))
            expect_value = mark == "["
    return None, repeated, positions


def parse_json(text, name, error, limits):
    """Parse the JSON ``text``; raise ``error`` with its problems.

    Keys given twice are not raised but kept in the document's ``problems``
    (the later value kept), for the caller to report with the problems of
    the values.  An empty text (or one of whitespace only) is an empty
    document, as an empty YAML file is.
    """
    if not text.strip(_WHITESPACE):
        return Document(None, name)
    fatal, repeated, positions = _scan(text, limits)
    if fatal:
        raise error([fatal], name)
    digits = limits.max_digits if limits is not None else None

    def number(literal):
        # int() refuses very long literals (and is slow on them): leave a marker for check_data
        return TooLong(len(literal)) if digits is not None and len(literal) > digits + 1 else int(literal)

    def mapping(pairs):
        data = {}
        for key, value in pairs:
            if key in data and not repeated:  # the scan found every repeat where it could read the text
                raise Refused(f"key {describe(key)} is given twice in the same mapping")
            data[key] = value
        return data

    try:
        data = json.loads(text, object_pairs_hook=mapping, parse_int=number)
    except json.JSONDecodeError as exc:
        raise error([Problem("", f"invalid JSON: {exc.msg}", exc.lineno, exc.colno)], name) from exc
    except Refused as exc:
        raise error([exc.problem()], name) from exc
    except RecursionError as exc:
        raise error([Problem("", "invalid JSON: nested too deeply")], name) from exc
    return Document(data, name, positions, repeated)
