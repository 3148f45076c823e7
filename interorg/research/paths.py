"""Case paths as a sweep varies them: ``relationships[0].trust``, checked against the case model.

A path is written as the user writes a case: keys joined by dots, an item
of a list by its index (split and set by :mod:`interorg.utils.casepaths`).  Its values are found from the case model itself
(the JSON Schema of :mod:`interorg.case.schema`, generated from the attrs
classes that :func:`interorg.load_case` checks against), so every key a case
file takes can be varied, whatever the fact type or field the rules read it
as (``partners[0].fit.strategic``, ``coordination.resources.completeness``).
"""

import difflib
import functools

from ..case.schema import case_schema
from ..errors import CaseError, Problem
from ..utils.arguments import items
from ..utils.casepaths import steps
from ..utils.structure import join_path

__all__ = ["check_paths", "path_values"]

@functools.lru_cache(maxsize=1)
def _schema():
    return case_schema()


def _resolve(node):
    """The schema ``node`` stands for: a ``$ref`` followed, the null of an optional value dropped."""
    while True:
        if "$ref" in node:
            node = _schema()["$defs"][node["$ref"].rpartition("/")[2]]
        elif "anyOf" in node:
            node = next(option for option in node["anyOf"] if option.get("type") != "null")
        else:
            return node


def _leaf(path):
    """The schema of the value at ``path`` and whether a case must give it; ValueError says what is wrong."""
    parts = steps(path)
    if parts is None:
        raise ValueError(f"expected a case path such as care.demand or relationships[0].trust; got '{path}'")
    node, where, required = _resolve(_schema()), "", False
    for part in parts:
        required = isinstance(part, str) and part in node.get("required", ())
        if isinstance(part, int):
            if node.get("type") != "array":
                raise ValueError(f"{where} is not a list: leave out the index [{part}]")
            node = _resolve(node["items"])
        elif node.get("type") == "array":
            raise ValueError(f"{where} is a list: give the index of an item, as {where}[0].{part}")
        elif node.get("type") != "object":
            raise ValueError(f"{where} holds a value, not keys: end the path there")
        elif "properties" in node:
            allowed = list(node["properties"])
            if part not in allowed:
                close = difflib.get_close_matches(part, allowed, n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                raise ValueError(f"unknown key '{part}'{hint}; expected one of {', '.join(allowed)}")
            node = _resolve(node["properties"][part])
        else:  # a mapping whose keys are values (the scan's statements)
            allowed = node.get("propertyNames", {}).get("enum")
            if allowed is not None and part not in allowed:
                raise ValueError(f"unknown key '{part}'; expected one of {', '.join(allowed)}")
            node = _resolve(node["additionalProperties"])
        where = join_path(where, part)
    return node, required


def path_values(path):
    """The values the case model allows at ``path``, then None (unknown: the key left out).

    Parameters
    ----------
    path : str
        A case path, as a case file writes it.

    Returns
    -------
    tuple
        An enum's values in the model's order, or ``(True, False)``, then
        None, unless the case must give the key (``reasons[0].reason``).

    Raises
    ------
    CaseError
        If the path is not in the case model, or its values are not finite
        (a number, a text): then they must be given.

    Examples
    --------
    >>> path_values("care.demand")
    ('standard', 'complex', None)
    >>> path_values("partners[0].fit.strategic")
    ('strong', 'moderate', 'weak', None)
    >>> path_values("relationships.trust")
    Traceback (most recent call last):
    ...
    interorg.errors.CaseError: vary: relationships.trust: relationships is a list: give the index of an item, as relationships[0].trust
    """
    try:
        return _finite(path, *_leaf(path))
    except ValueError as exc:
        raise CaseError([Problem(path, str(exc))], "vary") from exc


def _finite(path, node, required):
    unknown = () if required else (None,)  # a key the case must give is never left out
    if "enum" in node:
        return tuple(node["enum"]) + unknown
    if node.get("type") == "boolean":
        return (True, False) + unknown
    raise ValueError(f"the case model gives no finite values for it; give them as {path}=A,B,...")


def check_paths(data, vary):
    """The values of every varied path (the given ones, or the model's), after checking all paths at once.

    Parameters
    ----------
    data : dict
        The plain data of the base case.
    vary : dict of str to sequence or None
        A text, number or boolean alone is one value (``"standard"``, not
        its letters).

    Returns
    -------
    list of tuple
        The values of each path, in the order of ``vary``.

    Raises
    ------
    CaseError
        With a problem for every path that is not in the case model, has
        no finite values and none given, or names an item the base case
        does not have.

    Examples
    --------
    >>> check_paths({"reasons": [{"reason": "power"}]}, {"reasons[0].reason": None, "care.origin": ["top_down"]})[1]
    ('top_down',)
    """
    values, problems = [], []
    for path, given in vary.items():
        try:
            node, required = _leaf(path)
            values.append(items(given, "", "a value", single=(str, bool, int, float)) if given is not None
                          else _finite(path, node, required))
            _item_problem(data, path)
        except ValueError as exc:
            problems.append(Problem(path, str(exc)))
    if problems:
        raise CaseError(problems, "vary")
    return values


def _item_problem(data, path):
    """Raise ValueError when ``path`` runs through an item of a list the base case does not have."""
    node, where = data, ""
    for part in steps(path)[:-1]:
        if isinstance(part, int):
            items = node if isinstance(node, list) else []
            if part >= len(items):
                raise ValueError(f"the base case has no item [{part}] of {where}: it has {len(items)}")
            node = items[part]
        else:
            # a key the base case does not give is added as the path is set (a list of none)
            node = node.get(part) if isinstance(node, dict) else None
        where = join_path(where, part)
