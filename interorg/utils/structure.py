"""Turn plain data (from YAML or JSON) into attrs objects, collecting every problem.

The structurer walks the type annotations of frozen attrs classes.  It
understands ``str``, ``int``, ``float``, ``bool``, ``Literal[...]``,
``X | None``, ``tuple[X, ...]``, ``dict[str, X]`` and nested attrs classes; a class may take
over its own parsing with a ``_structure_(cls, data, path, problems)``
classmethod.  It never stops at the first problem: each one is recorded with
its path (``partners[2].trust``) and the walk goes on, so a user sees all of
them at once.

Field metadata understood: ``internal`` (set by the program, never read
from data), ``min`` and ``max`` (a number, or each number of a mapping
such as a scan's answers), ``min_length`` (tuples) and ``pattern`` (a
compiled regular expression for strings, with ``pattern_hint`` saying in
words what is expected).  The keys of a ``dict[Literal[...], X]`` must be
among the literal's values.
"""

import difflib
import functools
import json
import re
import types
import typing

import attrs

from ..errors import Problem

__all__ = ["INVALID", "describe", "join_path", "structure", "unstructure"]

INVALID = object()  # returned for data that could not be structured

# A key that is empty, or holds spaces, quotes, brackets or characters that do
# not print, is shown quoted, so that the path stays readable and one line.
_PLAIN_KEY = re.compile(r"[^\s\[\]\"'\x00-\x1f\x7f-\x9f]+")

#: How much of a long text an error message shows.
_SHOWN = 60

#: Past this many problems, unknown keys get no "did you mean": nobody reads that
#: far, and comparing every key of a huge input would take seconds.
_SUGGESTED = 200


def join_path(path, key):
    """Return the path of ``key`` (a str key or an int index) below ``path``.

    Examples
    --------
    >>> join_path("partners", 2), join_path("care", "demand"), join_path("care", "")
    ('partners[2]', 'care.demand', 'care[""]')
    """
    if isinstance(key, int):
        return f"{path}[{key}]"
    key = str(key)
    if not _PLAIN_KEY.fullmatch(key):
        return f"{path}[{json.dumps(key[:_SHOWN])}]"
    return f"{path}.{key}" if path else key


def describe(value):
    r"""Show a value the way a user wrote it, for an error message: short, on one line.

    Examples
    --------
    >>> describe(None), describe("a\x1b[2J"), describe(10 ** 5000)
    ('nothing (null)', "'a\\x1b[2J'", 'a number of about 5,000 digits')
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "nothing (null)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, tuple):  # only data given in Python holds one: say what it is
        return "a tuple"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int) and abs(value) >= 10 ** 30:
        # str() of a very long int is refused by Python (and slow): count its digits instead
        return f"a number of about {int(value.bit_length() * 0.30103):,} digits"
    if isinstance(value, str) and len(value) > _SHOWN:
        return f"{value[:_SHOWN]!r}... ({len(value):,} characters)"
    return repr(value)


@functools.lru_cache(maxsize=None)
def _hints(cls):
    # resolving the annotations is the costliest step of structuring, and a class's never change
    return typing.get_type_hints(cls)


def _expected_keys_message(key, allowed, problems):
    # a long key is no typo of a short one, and comparing it would only cost time
    suggest = len(str(key)) <= _SHOWN and len(problems) < _SUGGESTED
    close = difflib.get_close_matches(str(key), allowed, n=1) if suggest else []
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"unknown key {describe(key)}{hint}; expected one of {', '.join(allowed)}"


def _structure_attrs(cls, data, path, problems):
    if not isinstance(data, dict):
        problems.append(Problem(path, f"expected a mapping (key: value); got {describe(data)}"))
        return INVALID
    hints = _hints(cls)
    fields = [field for field in attrs.fields(cls) if not field.metadata.get("internal")]
    allowed = [field.name for field in fields]
    for key in data:
        if key not in allowed:
            problems.append(Problem(join_path(path, key), _expected_keys_message(key, allowed, problems)))
    values = {}
    ok = True
    for field in fields:
        if field.name not in data:
            if field.default is attrs.NOTHING:
                problems.append(Problem(path, f"missing required key '{field.name}'"))
                ok = False
            continue
        value = structure(hints[field.name], data[field.name], join_path(path, field.name),
                          problems, field.metadata)
        if value is INVALID:
            ok = False
        else:
            values[field.name] = value
    if not ok:
        return INVALID
    try:
        return cls(**values)
    except (TypeError, ValueError) as exc:
        problems.append(Problem(path, str(exc)))
        return INVALID


def _check_range(value, path, problems, metadata):
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        low, high = metadata.get("min"), metadata.get("max")
        if (low is not None and value < low) or (high is not None and value > high):
            problems.append(Problem(path, f"expected a number from {low} to {high}; got {describe(value)}"))
            return False
    return True


def _check_metadata(value, path, problems, metadata):
    if isinstance(value, dict):
        # every value is checked, so that all out-of-range answers are reported at once
        checked = [_check_range(item, join_path(path, key), problems, metadata) for key, item in value.items()]
        if not all(checked):
            return False
    elif not _check_range(value, path, problems, metadata):
        return False
    if isinstance(value, str) and "pattern" in metadata:
        if not metadata["pattern"].fullmatch(value):
            problems.append(Problem(path, f"expected {metadata['pattern_hint']}; got {describe(value)}"))
            return False
    if isinstance(value, tuple) and len(value) < metadata.get("min_length", 0):
        problems.append(Problem(path, f"expected at least {metadata['min_length']} item(s); got {len(value)}"))
        return False
    return True


def structure(tp, data, path, problems, metadata=None):
    """Structure ``data`` as type ``tp``; append problems; return the value or a sentinel.

    Parameters
    ----------
    tp : type
        The target type annotation.
    data : object
        Plain data, as read from YAML or JSON.
    path : str
        Where ``data`` sits in the document, for messages.
    problems : list of Problem
        Problems are appended here.
    metadata : mapping, optional
        The attrs field metadata (see the module docstring).

    Returns
    -------
    object
        The structured value, or :data:`INVALID` when ``data`` was invalid
        (the reasons are then in ``problems``).
    """
    metadata = metadata or {}
    value = _structure_type(tp, data, path, problems)
    if value is INVALID:
        if isinstance(data, dict):  # a mapping with one bad key still has its values checked
            _check_metadata(data, path, problems, metadata)
        return INVALID
    if not _check_metadata(value, path, problems, metadata):
        return INVALID
    return value


def _structure_type(tp, data, path, problems):
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        if data is None and type(None) in args:
            return None
        inner = [arg for arg in args if arg is not type(None)]
        if len(inner) != 1:
            raise TypeError(f"unsupported union {tp!r}")
        return _structure_type(inner[0], data, path, problems)
    if origin is typing.Literal:
        allowed = typing.get_args(tp)
        if data in allowed and type(data) is type(allowed[0]):
            return data
        problems.append(Problem(path, f"expected one of {', '.join(map(str, allowed))}; got {describe(data)}"))
        return INVALID
    if origin is dict:
        (key_type, item_type) = typing.get_args(tp)
        if not isinstance(data, dict):
            problems.append(Problem(path, f"expected a mapping (key: value); got {describe(data)}"))
            return INVALID
        allowed = typing.get_args(key_type) if typing.get_origin(key_type) is typing.Literal else None
        items = {}
        for key, item in data.items():
            if not isinstance(key, str):
                problems.append(Problem(path, f"expected text keys; got {describe(key)}"))
                items[key] = INVALID
            elif allowed is not None and key not in allowed:
                problems.append(Problem(join_path(path, key), _expected_keys_message(key, allowed, problems)))
                items[key] = INVALID
            else:
                items[key] = _structure_type(item_type, item, join_path(path, key), problems)
        if any(item is INVALID for item in items.values()):
            return INVALID
        return items
    if origin is tuple:
        (item_type, _ellipsis) = typing.get_args(tp)
        if not isinstance(data, list):
            problems.append(Problem(path, f"expected a list; got {describe(data)}"))
            return INVALID
        items = [_structure_type(item_type, item, join_path(path, index), problems)
                 for index, item in enumerate(data)]
        if any(item is INVALID for item in items):
            return INVALID
        return tuple(items)
    if hasattr(tp, "_structure_"):
        return tp._structure_(data, path, problems)
    if attrs.has(tp):
        return _structure_attrs(tp, data, path, problems)
    if tp is bool:
        if isinstance(data, bool):
            return data
        problems.append(Problem(path, f"expected true or false; got {describe(data)}"))
        return INVALID
    if tp is int:
        if isinstance(data, int) and not isinstance(data, bool):
            return data
        problems.append(Problem(path, f"expected a whole number; got {describe(data)}"))
        return INVALID
    if tp is float:
        if isinstance(data, (int, float)) and not isinstance(data, bool):
            return float(data)
        problems.append(Problem(path, f"expected a number; got {describe(data)}"))
        return INVALID
    if tp is str:
        if isinstance(data, str) and data.strip():
            return data
        problems.append(Problem(path, f"expected non-empty text; got {describe(data)}"))
        return INVALID
    raise TypeError(f"unsupported type {tp!r}")


def unstructure(obj):
    """Return plain data for an attrs object, leaving out unset optional fields.

    A field is unset when it is None, or an empty tuple where that is its
    default; an empty tuple given for a field whose default is None (an
    empty checklist, say) is kept, because it says something.
    """
    if attrs.has(type(obj)):
        out = {}
        for field in attrs.fields(type(obj)):
            value = getattr(obj, field.name)
            # an empty tuple, asked by its type: a numpy scalar compared with () is an empty array, not a bool
            if value is None or (type(value) is tuple and not value and field.default is not None):
                continue
            out[field.name] = unstructure(value)
        return out
    if isinstance(obj, tuple):
        return [unstructure(item) for item in obj]
    return obj
