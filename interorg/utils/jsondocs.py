"""Read JSON documents strictly: duplicate keys refused, nesting and numbers bounded before they are built."""

import json
import re

from ..errors import Problem
from .bounds import TooLong
from .marks import Document, Refused
from .structure import describe

__all__ = ["parse_json"]


def _json_object(pairs):
    data = {}
    for key, value in pairs:
        if key in data:
            raise Refused(f"key {describe(key)} is given twice in the same mapping")
        data[key] = value
    return data


def _json_depth_problem(text, limits):
    """A problem when the brackets of JSON ``text`` nest deeper than ``limits.max_depth``."""
    if limits is None or limits.max_depth is None:
        return None
    depth = 0
    for match in re.finditer(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > limits.max_depth:
                line = text.count("\n", 0, match.start()) + 1
                column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
                return Problem("", f"nested more than {limits.max_depth} levels deep; a case needs far fewer",
                               line, column)
        elif token in "]}":
            depth -= 1
    return None


def parse_json(text, name, error, limits):
    problem = _json_depth_problem(text, limits)
    if problem:
        raise error([problem], name)
    digits = limits.max_digits if limits is not None else None

    def number(literal):
        # int() refuses very long literals (and is slow on them): leave a marker for check_data
        return TooLong(len(literal)) if digits is not None and len(literal) > digits + 1 else int(literal)

    try:
        return Document(json.loads(text, object_pairs_hook=_json_object, parse_int=number), name)
    except json.JSONDecodeError as exc:
        raise error([Problem("", f"invalid JSON: {exc.msg}", exc.lineno, exc.colno)], name) from exc
    except Refused as exc:
        raise error([exc.problem()], name) from exc
    except RecursionError as exc:
        raise error([Problem("", "invalid JSON: nested too deeply")], name) from exc
