"""The values of numpy and pandas in plain data, as the Python values they stand for.

Data built from a DataFrame (``frame.iloc[0].to_dict()``, a column's
``.tolist()`` aside) holds numpy scalars where YAML or JSON would give
Python ones: ``numpy.int64`` for a whole number, ``numpy.float64`` for a
number, ``numpy.bool_`` for true or false, ``numpy.str_`` for a text.
:func:`plain_values` turns each into its Python value, so that the readers
of plain data see what a case file would give them.  It also finds what has
no value at all: a missing value of a DataFrame (``NaN``, ``pandas.NA``,
``NaT``), which a case cannot hold and a user must fill or leave out, and
values of numpy or pandas that stand for nothing a case holds (a
``numpy.datetime64``, an array); each is a problem at its path.

numpy and pandas are optional: they are never imported here.  A value can
only be one of theirs if they are imported already, so the checks look
them up in :data:`sys.modules`.
"""

import sys

from ..errors import Problem
from .structure import join_path

__all__ = ["plain_value", "plain_values"]

#: The Python types a numpy scalar may stand for.
_PLAIN = (bool, int, float, str)
#: What a missing value is called, by the kind of numpy scalar (``dtype.kind``) that holds it.
_MISSING_NAMES = {"M": "NaT", "m": "NaT"}
_CONTAINERS = (dict, list, tuple)
#: The values that are their own Python value: most of any case, taken without a call.
_SELF = frozenset({str, int, bool, type(None)})


def _foreign(value):
    """The qualified name of a numpy or pandas type (``numpy.datetime64``); None for any other value."""
    kind = type(value)
    library = kind.__module__.partition(".")[0]
    return f"{library}.{kind.__name__}" if library in ("numpy", "pandas") else None


def _missing(name):
    return f"expected a value; got {name} (a missing value)"


def _unmeant(name):
    return f"expected text, a number, true, false, null, a list or a mapping; got a value of type {name}"


def plain_value(value):
    """A value of plain data as Python's own, and what is wrong with it (None if nothing).

    Returns
    -------
    tuple
        ``(value, message)``: the Python value a numpy scalar stands for
        (any other value as it is), and the message of a problem for a
        missing value or one that means nothing in plain data.

    Examples
    --------
    >>> plain_value(3), plain_value(float("nan"))
    ((3, None), (nan, 'expected a value; got NaN (a missing value)'))
    """
    kind = type(value)
    if kind is float:
        return value, (_missing("NaN") if value != value else None)
    if kind in _PLAIN or value is None:
        return value, None
    numpy = sys.modules.get("numpy")
    if numpy is not None and isinstance(value, numpy.generic):
        if value != value:  # NaN and NaT are the values unequal to themselves
            return value, _missing(_MISSING_NAMES.get(value.dtype.kind, "NaN"))
        item = value.item()
        return (item, None) if type(item) in _PLAIN else (value, _unmeant(_foreign(value)))
    pandas = sys.modules.get("pandas")
    if pandas is not None and (value is pandas.NA or value is pandas.NaT):
        return value, _missing("NA" if value is pandas.NA else "NaT")
    name = _foreign(value)
    return value, (_unmeant(name) if name else None)


def _key(key):
    # a numpy.str_ key (from a frame's column names) is the text it holds
    return str(key) if type(key) is not str and isinstance(key, str) else key


class _Frame:
    """A list or mapping being walked: its entries, what they became, and whether any changed."""

    __slots__ = ("container", "path", "entries", "position", "values", "changed")

    def __init__(self, container, path):
        self.container = container
        self.path = path
        self.entries = list(container.items()) if isinstance(container, dict) else list(enumerate(container))
        self.position = 0
        self.values = []
        self.changed = False

    def take(self, key, original, value):
        new_key = key if type(key) is str else _key(key)
        self.values.append((new_key, value))
        if value is not original or new_key is not key:
            self.changed = True

    def result(self):
        if not self.changed:
            return self.container
        if isinstance(self.container, dict):
            return dict(self.values)
        values = [value for _, value in self.values]
        return tuple(values) if isinstance(self.container, tuple) else values


def plain_values(data, max_nodes=None, max_depth=None):
    """Return ``data`` with numpy scalars turned into Python values, and the problems of its values.

    Lists and mappings are copied only where a value in them changed; the
    walk keeps its own stack and takes each list or mapping once, so deep
    nesting and data that contains itself cannot exhaust Python's.

    Parameters
    ----------
    data : object
        Plain data (dicts, lists, tuples, texts, numbers, booleans, None),
        perhaps with numpy and pandas values in it.
    max_nodes, max_depth : int, optional
        Where to stop: past this many values, or this deep, ``data`` is
        returned as it is, with no problems, for the bounds to refuse.

    Returns
    -------
    tuple
        ``(data, problems)``: the data with Python values, and a
        :class:`~interorg.Problem` at the path of each missing value (NaN,
        ``pandas.NA``, NaT) or value of numpy or pandas that stands for
        nothing plain data holds, in document order.

    Examples
    --------
    >>> plain_values({"care": {"demand": "complex"}})
    ({'care': {'demand': 'complex'}}, [])
    >>> data, problems = plain_values({"partners": [{"id": "a", "size": float("nan")}]})
    >>> [str(problem) for problem in problems]
    ['partners[0].size: expected a value; got NaN (a missing value)']
    """
    if not isinstance(data, _CONTAINERS):
        value, message = plain_value(data)
        return value, ([Problem("", message)] if message else [])
    problems = []
    done = {id(data): data}  # what each list or mapping became; one being walked is itself until then
    stack = [_Frame(data, "")]
    nodes = 0
    while True:
        frame = stack[-1]
        if frame.position == len(frame.entries):
            stack.pop()
            result = frame.result()
            done[id(frame.container)] = result
            if not stack:
                return result, problems
            parent = stack[-1]
            key, original = parent.entries[parent.position - 1]
            parent.take(key, original, result)
            continue
        key, value = frame.entries[frame.position]
        frame.position += 1
        nodes += 1
        if max_nodes is not None and nodes > max_nodes:
            return data, []
        if type(value) in _SELF:
            frame.take(key, value, value)
            continue
        if isinstance(value, _CONTAINERS):
            if id(value) in done:
                frame.take(key, value, done[id(value)])
            elif max_depth is not None and len(stack) >= max_depth:
                return data, []
            else:
                done[id(value)] = value
                stack.append(_Frame(value, join_path(frame.path, _key(key))))
            continue
        new, message = plain_value(value)
        if message:
            problems.append(Problem(join_path(frame.path, _key(key)), message))
        frame.take(key, value, new)
