"""Paths into plain data as a case file writes them: ``relationships[0].trust``, split, read and set.

A path is keys joined by dots, an item of a list by its index in brackets.
The sweep varies values at such paths and why-not writes its proposals at
them (the verifier's witnesses are named by :mod:`interorg.facts.paths`,
which reads them here too); this module is the one place that splits,
reads and sets them.  What a path may name in a case is
the case model's (:mod:`interorg.research.paths` checks it against the
schema; :mod:`interorg.facts.paths` says where each fact's fields stand).
"""

import re

__all__ = ["joined", "set_value", "steps", "value_at"]

# a key holds no dot or bracket; its indices follow it
_PART = re.compile(r"([^.\[\]]+)((?:\[\d+\])*)")
_INDEX = re.compile(r"\[(\d+)\]")


def steps(path):
    """The keys and indices of ``path``, or None when it is no path.

    Examples
    --------
    >>> steps("relationships[0].trust"), steps("boundaries.authority")
    (['relationships', 0, 'trust'], ['boundaries', 'authority'])
    >>> steps("care..demand") is None, steps("[0]") is None
    (True, True)
    """
    out = []
    for part in path.split("."):
        match = _PART.fullmatch(part)
        if not match:
            return None
        out.append(match.group(1))
        out.extend(int(index) for index in _INDEX.findall(match.group(2)))
    return out


def joined(parts):
    """The path of keys and indices ``parts``: the inverse of :func:`steps`.

    Examples
    --------
    >>> joined(["relationships", 0, "trust"]), joined(steps("a[1][2].b"))
    ('relationships[0].trust', 'a[1][2].b')
    """
    path = ""
    for step in parts:
        path += f"[{step}]" if isinstance(step, int) else (f".{step}" if path else step)
    return path


def value_at(data, path):
    """The value at ``path`` in plain data, or None where there is none.

    Examples
    --------
    >>> data = {"reasons": [{"reason": "power"}]}
    >>> value_at(data, "reasons[0].reason"), value_at(data, "reasons[3].reason"), value_at(data, "reasons.x")
    ('power', None, None)
    """
    parts = steps(path)
    if parts is None:
        return None
    for step in parts:
        try:
            data = data[step]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def set_value(data, path, value):
    """Set ``path`` in plain data to ``value``, making the mappings and list items on the way.

    None removes what is at ``path``: the key, or the item of a list (the
    items after it move up).

    Parameters
    ----------
    data : dict
        Changed in place.
    path : str
    value : object

    Raises
    ------
    ValueError
        If ``path`` is no path.
    TypeError
        If the path gives a key where the data hold no mapping, or an index
        where they hold no list.

    Examples
    --------
    >>> data = {"care": {"demand": "complex"}, "partners": [{"id": "a"}]}
    >>> set_value(data, "partners[0].fit.strategic", "fits"); set_value(data, "care.demand", None)
    >>> set_value(data, "reasons[0].reason", "power")
    >>> data
    {'care': {}, 'partners': [{'id': 'a', 'fit': {'strategic': 'fits'}}], 'reasons': [{'reason': 'power'}]}
    """
    parts = steps(path)
    if parts is None:
        raise ValueError(f"expected a path such as care.demand or relationships[0].trust; got '{path}'")
    node = data
    for step, following in zip(parts, parts[1:]):
        empty = [] if isinstance(following, int) else {}
        if isinstance(step, int):
            if not isinstance(node, list):
                raise TypeError(f"{path}: [{step}] is an index, but this value is not a list")
            while len(node) <= step:
                node.append(type(empty)())
            if node[step] is None:
                node[step] = empty
        elif not isinstance(node, dict):
            raise TypeError(f"{path}: '{step}' is a key, but this value is not a mapping")
        elif node.get(step) is None:
            node[step] = empty
        node = node[step]
    last = parts[-1]
    if isinstance(last, int):
        if not isinstance(node, list):
            raise TypeError(f"{path}: [{last}] is an index, but this value is not a list")
        if value is not None:
            while len(node) <= last:
                node.append(None)
            node[last] = value
        elif last < len(node):
            del node[last]
    elif not isinstance(node, dict):
        raise TypeError(f"{path}: '{last}' is a key, but this value is not a mapping")
    elif value is None:
        node.pop(last, None)
    else:
        node[last] = value
