"""Changes written into a case file's data: checked as a case file is, and turned into facts again.

:class:`CaseEditor` is why-not's editor (see :mod:`interorg.engine.edits`):
it writes the engine's edits of the facts at the case paths of
:mod:`.paths`, refuses those that are derived or have no place in a case,
and checks the changed case with the case file's own checks.
"""

import copy

import attrs

from ..case.casefile import case_from_dict, case_to_dict
from ..engine.edits import GIVEN, Change, Realised, Unwritable, first_value
from ..engine.symbolic import OTHER
from ..errors import CaseError, Problem
from ..utils.casepaths import set_value, steps, value_at
from .paths import FORMS, field_path, new_path
from .sections import case_facts

__all__ = ["CaseEditor", "apply_changes"]


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


#: The value a change to "any other value" of a text field is written as.
OTHER_TEXT = "other"
#: The fields that hold a partner's id: "any other value" is another partner of the case.
_PARTNER_FIELDS = ("id", "partner", "by", "on", "municipality", "partner_a", "partner_b")


def apply_changes(case, changes):
    """The case with ``changes`` applied, checked as strictly as a case file, and its facts.

    Parameters
    ----------
    case : Case
    changes : iterable of (str, object)
        Case paths and the values to set; None removes the key (or the list
        item) at the path.

    Returns
    -------
    (Case, list of InputFact)

    Raises
    ------
    CaseError
        If the changed case is not valid.

    Examples
    --------
    >>> from interorg import Case, Care
    >>> changed, facts = apply_changes(Case(care=Care(demand="complex")), [("care.demand", "standard")])
    >>> changed.care.demand, facts[0].values["demand"]
    ('standard', 'standard')
    """
    data = copy.deepcopy(case_to_dict(case))
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
    changed = case_from_dict(_prune(data))
    return changed, case_facts(changed)


class CaseEditor:
    """Why-not's edits of the facts written into a case: each checked as a case file is, and produced again.

    See :mod:`interorg.engine.edits` for the editor's two methods.

    Examples
    --------
    >>> from interorg import Case, Care
    >>> from interorg.engine.edits import Edit
    >>> editor = CaseEditor(case_from_dict({"reasons": [{"reason": "power"}]}))
    >>> done = editor.realise([Edit(None, "reason#1", "reason", "kind", None, ("efficiency",))])
    >>> done.changes
    (Change(path='reasons[1].reason', was=None, to=('efficiency',)),)
    >>> editor.realise([Edit(0, "network_partner", "network_partner", "degree", 0, (2,))]).problem.reason
    'derived'
    """

    def __init__(self, case, facts=None):
        self.case = case
        self.data = case_to_dict(case)
        self.facts = list(case_facts(case) if facts is None else facts)
        self.partners = [partner.id for partner in case.partners]

    def field_path(self, fact, field):
        return field_path(fact.type, fact.path, field)

    def section(self, fact_type):
        """Where the facts of ``fact_type`` stand in a case (``board_members[].emotions``)."""
        form = FORMS.get(fact_type)
        return None if form is None else form.section

    def _value(self, field, values):
        value = values[0] if values else None
        if value == OTHER:
            # "any other value" of a text or partner field: a partner's id where one will do
            return next((p for p in self.partners if p not in values), OTHER_TEXT) \
                if field in _PARTNER_FIELDS else OTHER_TEXT
        return value

    def realise(self, edits):
        """The case changes for ``edits`` and the facts of the changed case (see :class:`~interorg.engine.edits.Realised`)."""
        changes, new, counts, listed = [], {}, {}, 0
        unknown = next((edit.fact for edit in edits if edit.fact not in FORMS), None)
        if unknown is not None:  # a fact type of another knowledge base, that no producer gives
            return Realised(problem=Unwritable("no_place", unknown, "?"))
        for edit in edits:  # where the new facts go: their key fields name their place
            if edit.index is None and edit.instance not in new:
                values = {e.field: e.to[0] for e in edits if e.instance == edit.instance and e.index is None
                          and e.field and e.to}
                path = new_path(edit.fact, values, counts.get(edit.fact, 0), self.data)
                if path is None:
                    form = FORMS[edit.fact]
                    return Realised(problem=Unwritable("no_place", edit.fact, form.inputs or form.section))
                counts[edit.fact] = counts.get(edit.fact, 0) + 1
                new[edit.instance] = path
        for edit in edits:
            form = FORMS.get(edit.fact)
            at = new[edit.instance] if edit.index is None else self.facts[edit.index].path
            if edit.field is None:
                if edit.to == (None,) and form.kind not in ("list", "mapping", "cells"):
                    return Realised(problem=Unwritable("derived", edit.fact, form.inputs or form.section))
                if edit.to == (None,):
                    changes.append((Change(at, GIVEN, (None,)), None))
                elif not any(e.instance == edit.instance and e.field for e in edits):
                    if "" in form.keys.values():  # an item that is a plain value needs one
                        return Realised(problem=Unwritable("no_place", edit.fact, form.inputs or form.section))
                    changes.append((Change(at, None, (GIVEN,)), None))
                continue
            if form.member and edit.field == form.member[0] and edit.index is not None:
                # listed or not: add the fact's id to the list, or take its item out
                flag, name = form.member
                fact = self.facts[edit.index]
                if first_value(edit.to) is True and not fact.values.get(flag):
                    at = f"{form.section}[{len(value_at(self.data, form.section) or ()) + listed}]"
                    listed += 1
                    changes.append((Change(at, None, (fact.values[name],)), None))
                elif first_value(edit.to) is not True and fact.values.get(flag):
                    changes.append((Change(fact.path, fact.values[name], (None,)), None))
                continue
            if edit.index is None and edit.field in form.cell + (("cell",) if form.cell else ()):
                continue  # it names the cell's place
            path = field_path(edit.fact, at, edit.field)
            if path is None or (edit.index is not None and edit.field in form.cell):
                return Realised(problem=Unwritable("derived", f"{edit.fact}.{edit.field}", form.inputs or form.section))
            changes.append((Change(path, value_at(self.data, path), edit.to), edit.field))
        paths = [change.path for change, _ in changes]
        if len(paths) != len(set(paths)):
            return Realised(problem=Unwritable("invalid", paths[0], "one key set twice",
                                               (Problem("", "one key set twice"),)))
        written = [(c.path, {} if c.to == (GIVEN,) else self._value(field, c.to)) for c, field in changes]
        # "any other value" is shown as the value written, so that the user can write it too
        changes = [(attrs.evolve(c, to=(value,)) if OTHER in c.to else c, field)
                   for (c, field), (_path, value) in zip(changes, written)]
        try:
            _case, facts = apply_changes(self.case, written)
        except CaseError as exc:
            return Realised(problem=Unwritable("invalid", paths[0] if paths else "", str(exc), exc.problems))
        return Realised(tuple(change for change, _ in changes), tuple(facts))
