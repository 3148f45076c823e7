"""Changes made to a case's plain data, as why-not writes them: paths set, items removed, indices kept.

Every path of one set of changes names a place in the case as it was: an
item removed from a list is only marked until all the changes are made,
so that the indices of the others still hold.  :class:`Places` goes
between those indices and the changed data's, for what is worked out on
the changed data and written with the changes (a derived field moved after
them).  :func:`one_of` is how the changed case's facts are then checked
against the values a change wanted.
"""

import copy

from ..engine.edits import Wanted
from ..errors import CaseError, Problem
from ..utils.casepaths import joined, set_value, steps

__all__ = ["Places", "changed_data", "one_of"]


def _remove(data, path):
    """Remove what is at ``path``; a list item is only marked, so that the other changes' indices still hold."""
    parts = steps(path)
    if parts is None:
        raise ValueError(path)
    *parents, last = parts
    parent = data
    for step in parents:
        try:
            parent = parent[step]
        except (KeyError, IndexError, TypeError):
            return
    if isinstance(parent, list) and isinstance(last, int) and last < len(parent):
        parent[last] = _REMOVED
    elif isinstance(parent, dict):
        parent.pop(last, None)


_REMOVED = object()


def _prune(data):
    """Drop the list items marked removed (after every change, so that indices stay those of the case)."""
    if isinstance(data, dict):
        return {key: _prune(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_prune(item) for item in data if item is not _REMOVED]
    return data


def changed_data(data, changes):
    """A copy of plain case data with ``changes`` made, not yet checked.

    Parameters
    ----------
    data : dict
        Plain case data; not changed.
    changes : iterable of (str, object)
        Case paths of ``data`` and the values to set there; None removes
        the key, or the list item, at the path.

    Raises
    ------
    CaseError
        If a path has no place in the data (a key through a value that is
        no mapping, an index through one that is no list).

    Examples
    --------
    >>> data = {"relationships": [{"between": ["a", "b"]}, {"between": ["b", "c"]}]}
    >>> changed_data(data, [("relationships[0]", None), ("relationships[1].trust", "high")])
    {'relationships': [{'between': ['b', 'c'], 'trust': 'high'}]}
    >>> len(data["relationships"][1])
    1
    """
    return _prune(_marked(data, changes))


def _marked(data, changes):
    """A copy of ``data`` with ``changes`` made, the list items removed only marked."""
    data = copy.deepcopy(data)
    removals = []
    try:
        for path, value in changes:
            if value is None:
                removals.append(path)
            else:
                set_value(data, path, value)
        for path in removals:
            _remove(data, path)
    except (TypeError, ValueError) as exc:  # no path, or one through a value that is not a mapping or list
        raise CaseError([Problem("", f"cannot set {path} in this case")]) from exc
    return data


class Places:
    """The data with some changes made, and the way between its paths and those of the case as it was.

    ``data`` is what :func:`changed_data` makes: a list item removed is
    gone, so the items after it stand one place up.  A change worked out
    on ``data`` (what a derived field's mover writes after the other
    changes) is written together with those changes, whose paths name the
    case as it was: :meth:`back` takes a path of ``data`` there, and
    :meth:`ahead` a path of the case to ``data`` (None for an item removed).

    Examples
    --------
    >>> places = Places({"done": ["a", "b", "c"]}, [("done[0]", None)])
    >>> places.data, places.back("done[0]"), places.back("done[2]"), places.ahead("done[2]"), places.ahead("done[0]")
    ({'done': ['b', 'c']}, 'done[1]', 'done[3]', 'done[1]', None)
    """

    def __init__(self, data, changes):
        self._marked = _marked(data, changes)
        self.data = _prune(self._marked)

    def back(self, path):
        """The path of the case that ``path`` of :attr:`data` names."""
        return self._walk(path, _back)

    def ahead(self, path):
        """The path of :attr:`data` that names what ``path`` names in the case; None where it was removed."""
        return self._walk(path, _ahead)

    def _walk(self, path, along):
        """``path`` walked through the marked data, ``along(items, index)`` giving each list index's
        ``(place among the marked items, index written)``, or None for an item removed."""
        parts = steps(path)
        if parts is None:
            return path
        out, node = [], self._marked
        for step in parts:
            if isinstance(step, int) and isinstance(node, list):
                found = along(node, step)
                if found is None:
                    return None
                place, step = found
                node = node[place] if place < len(node) else None
            else:
                node = node.get(step) if isinstance(node, dict) else None
            out.append(step)
        return joined(out)


def _back(items, index):
    """The item at ``index`` among those kept is at the place returned among the marked; past them, past all."""
    kept = [place for place, item in enumerate(items) if item is not _REMOVED]
    place = kept[index] if index < len(kept) else len(items) + index - len(kept)
    return place, place


def _ahead(items, index):
    if index < len(items) and items[index] is _REMOVED:
        return None
    return index, index - sum(1 for item in items[:index] if item is _REMOVED)


def one_of(value, wanted):
    """Whether ``value`` is one of the values ``wanted``, True and 1 (and False and 0) told apart.

    How a changed case's fact is checked against what a change wanted: a
    count of 1 does not meet a test for true.  Where ``wanted`` is a
    :class:`~interorg.engine.edits.Wanted` with the numbers the rules
    compare the field with, a number will do when it lies where one of the
    values wanted lies among them.

    Examples
    --------
    >>> one_of(1, (True,)), one_of(True, (True, 2)), one_of(2, (2.0,))
    (False, True, True)
    >>> one_of(5, (1, 2)), one_of(5, Wanted((1, 2), points=(1,)))
    (False, True)
    """
    return (wanted if isinstance(wanted, Wanted) else Wanted(wanted)).allows(value)
