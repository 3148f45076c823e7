"""Changes written into a case file's data: checked as a case file is, and turned into facts again.

:class:`CaseEditor` is why-not's editor (see :mod:`interorg.engine.edits`):
it writes the engine's edits of the facts at the case paths of
:mod:`.paths`, refuses those that have no place in a case, and checks the
changed case with the case file's own checks.  An edit of a field derived
from the case (a count, a scan factor's band) is written as changes of what
it is computed from (:mod:`.derived`), and kept only when the changed
case's facts give the field the value wanted; a derived field that
:mod:`.derived` cannot move is refused, with what it comes from.  A new
fact goes where :mod:`.newitems` places it, with the keys its item must
have besides what the rule sets.
"""

import attrs

from ..case.casefile import case_from_dict, case_to_dict
from ..engine.edits import GIVEN, Change, Realised, Unwritable, first_value
from ..engine.symbolic import OTHER
from ..errors import CaseError, Problem
from ..utils.casepaths import value_at
from .changing import Places, changed_data, one_of
from .derived import DERIVED, derived_inputs
from .newitems import OTHER_TEXT, PARTNER_FIELDS, NewItems, empty_at, new_place, plain_value
from .paths import FORMS, field_path, new_path
from .sections import case_facts

__all__ = ["CaseEditor", "apply_changes"]


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
    changed = case_from_dict(changed_data(case_to_dict(case), changes))
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
    >>> editor.realise([Edit(0, "scan_factor", "scan_factor", "spread", 0, (2,))]).problem.reason
    'derived'
    """

    def __init__(self, case, facts=None):
        self.case = case
        self.data = case_to_dict(case)
        self.facts = list(case_facts(case) if facts is None else facts)
        self.partners = [partner.id for partner in case.partners]

    def field_path(self, fact, field):
        return field_path(fact.type, fact.path, field)

    def derived_inputs(self, fact_type, field, fact=None):
        """What ``field`` of a fact of ``fact_type`` is computed from, as case paths; None when given as such."""
        if fact is None:
            return derived_inputs(fact_type, field)
        return derived_inputs(fact_type, field, fact.path, fact.values)

    def section(self, fact_type):
        """Where the facts of ``fact_type`` stand in a case (``board_members[].emotions``)."""
        form = FORMS.get(fact_type)
        return None if form is None else form.section

    def _value(self, field, values):
        value = values[0] if values else None
        if value == OTHER:
            # "any other value" of a text or partner field: a partner's id where one will do
            return next((p for p in self.partners if p not in values), OTHER_TEXT) \
                if field in PARTNER_FIELDS else OTHER_TEXT
        return value

    def realise(self, edits):
        """The case changes for ``edits`` and the facts of the changed case (see :class:`~interorg.engine.edits.Realised`)."""
        changes, new, listed = [], {}, 0
        unknown = next((edit.fact for edit in edits if edit.fact not in FORMS), None)
        if unknown is not None:  # a fact type of another knowledge base, that no producer gives
            return Realised(problem=Unwritable("no_place", unknown, "?"))
        items = NewItems(self.data, [(p.id, p.kind) for p in self.case.partners], self._value)
        given = {}  # a new fact's values, as its edits want them and where its place gives them (an activity)
        # where the new facts go, their key fields naming their place: the items of lists first, so that a
        # fact to stand inside one of them (a motive inside its partner's entry) finds it
        for edit in sorted(edits, key=lambda edit: FORMS[edit.fact].kind == "nested"):
            if edit.index is None and edit.instance not in new:
                mine = [e for e in edits if e.instance == edit.instance and e.index is None]
                values = given[edit.instance] = {e.field: e.to[0] for e in mine if e.field and e.to}
                opened = items.checklist(edit.fact, mine)
                if opened is not None:
                    path, own, opening = opened
                    values.update(own)
                    changes += [(Change(key, None, (value,)), None) for key, value in opening]
                elif FORMS[edit.fact].kind == "list":
                    path = items.next_item(FORMS[edit.fact].section, _case_keys(edit.fact, values))
                else:  # a mapping or a cell (one place), a fact computed from a section, one inside an item
                    path = new_path(edit.fact, values) or new_place(edit.fact, values) or items.nested(edit.fact, values)
                if path is None:
                    form = FORMS[edit.fact]
                    return Realised(problem=Unwritable("no_place", edit.fact, form.inputs or form.section))
                new[edit.instance] = path
        moved = []  # edits of derived fields: written once the others are
        for edit in edits:
            form = FORMS.get(edit.fact)
            at = new[edit.instance] if edit.index is None else self.facts[edit.index].path
            entry = DERIVED.get((edit.fact, edit.field))
            if entry is not None and entry.move is not None and not (edit.index is None and edit.field in form.cell):
                values = self.facts[edit.index].values if edit.index is not None else given[edit.instance]
                moved.append((edit, at, entry, values))
                continue
            if edit.kept:
                continue  # it holds, and no mover can keep it holding: nothing to write
            if edit.index is None and edit.field in items.held(edit.fact):
                continue  # it names the item the new fact stands in, chosen by its place
            if edit.field is None:
                if edit.to == (None,) and form.kind not in ("list", "mapping", "cells") \
                        and not (form.kind == "nested" and at.endswith("]")):  # an item of a list inside another
                    return Realised(problem=Unwritable("derived", edit.fact, form.inputs or form.section))
                if edit.to == (None,):  # what is taken out, as the case says it (an item: 'given')
                    changes.append((Change(at, _was(value_at(self.data, at)) if at.endswith("]") else GIVEN,
                                           (None,)), None))
                elif not any(e.instance == edit.instance and e.field for e in edits):
                    if "" in form.keys.values():  # an item that is a plain value needs one: any its list lacks
                        # not a value another new item of the list is to have, whichever comes first
                        taken = [c.to[0] for c, _ in changes if c.path.startswith(form.section + "[")] + [
                            e.to[0] for e in edits if e.fact == edit.fact and e.index is None and e.field
                            and len(e.to) == 1]
                        value = plain_value(self.data, form.section, taken) if form.kind == "list" else None
                        if value is None:
                            return Realised(problem=Unwritable("no_place", edit.fact, form.inputs or form.section))
                        changes.append((Change(at, None, (value,)), None))
                        continue
                    changes.append((Change(at, None, (GIVEN,)), None))
                continue
            if form.member and edit.field == form.member[0] and (edit.index is not None or edit.instance in given):
                # listed or not: add the fact's id to the list, or take its item out (a new one is not listed)
                flag, name = form.member
                fact = self.facts[edit.index] if edit.index is not None else None
                listed_now = fact is not None and fact.values.get(flag)
                if first_value(edit.to) is True and not listed_now:
                    at = f"{form.section}[{len(value_at(self.data, form.section) or ()) + listed}]"
                    listed += 1
                    identity = (fact.values if fact is not None else given[edit.instance])[name]
                    changes.append((Change(at, None, (identity,)), None))
                elif first_value(edit.to) is not True and listed_now:
                    changes.append((Change(fact.path, fact.values[name], (None,)), None))
                continue
            if edit.index is None and edit.field in form.cell + (("cell",) if form.cell else ()):
                continue  # it names the cell's place
            path = field_path(edit.fact, at, edit.field)
            if path is None and edit.index is None and edit.field == "id" and edit.to == (OTHER,):
                continue  # any id will do: a new item's follows from its keys (a municipality's from its partner)
            if path is None or (edit.index is not None and edit.field in form.cell):
                return Realised(problem=Unwritable("derived", f"{edit.fact}.{edit.field}",
                                                   derived_inputs(edit.fact, edit.field, at)))
            was = value_at(self.data, path)
            if edit.index is None and was is not None and OTHER not in edit.to and one_of(was, edit.wanted):
                continue  # a new fact in an item that has the value already (a partner's position, for its criteria)
            changes.append((Change(path, was, _unlisted(self.data, path, edit.to)), edit.field))
        for edit in edits:  # a new fact inside another item, of which the rule sets nothing: the item, given
            at = new.get(edit.instance) if edit.index is None and FORMS[edit.fact].kind == "nested" else None
            if at is None or any(c.path == at or c.path.startswith(at + ".") for c, _ in changes) \
                    or any(place == at for _edit, place, _entry, _values in moved):
                continue
            if "" in FORMS[edit.fact].keys.values():  # an item that is a plain value needs one
                return Realised(problem=Unwritable("no_place", edit.fact, FORMS[edit.fact].section))
            changes.append((Change(at, None, (GIVEN,)), None))
        completed = self._completed(items, new, changes, edits)
        if completed:
            changes = _merged(changes, completed)
        changes = _kept_under(self.data, changes)
        paths = [change.path for change, _ in changes]
        if len(paths) != len(set(paths)):
            return Realised(problem=Unwritable("invalid", paths[0], "one key set twice",
                                               (Problem("", "one key set twice"),)))
        written = [(c.path, empty_at(c.path) if c.to == (GIVEN,) else self._value(field, c.to)) for c, field in changes]
        # "any other value" is shown as the value written, so that the user can write it too
        changes = [(attrs.evolve(c, to=(value,)) if OTHER in c.to else c, field)
                   for (c, field), (_path, value) in zip(changes, written)]
        changes = tuple(change for change, _ in changes)
        if moved:
            # what only follows from the others (a factor that is there, its perspective) comes last
            # and what is only to go on holding comes after every move that may change it
            moved.sort(key=lambda item: (item[0].kept, item[0].field in ("id", "perspective", "score")))
            return self._moved(changes, written, moved, paths[0] if paths else "")
        try:
            _case, facts = apply_changes(self.case, written)
        except CaseError as exc:
            return Realised(problem=Unwritable("invalid", paths[0] if paths else "", str(exc), exc.problems))
        return Realised(changes, tuple(facts))

    def _completed(self, items, new, changes, edits):
        """What the new items need besides what the rule sets: the keys of the items that hold new facts, and the required ones."""
        out = [(Change(f"{path}.{key}", None, (value,)), None)
               for path, keys in items.new_holders().items() for key, value in keys.items()]
        facts = {edit.instance: edit.fact for edit in edits}
        for change, field in changes + out:  # as written: "any other" partner is the one chosen for it
            items.claim(change.path, self._value(field, change.to))
        paths = [path for path in items.new_holders()]
        paths += [path for instance, path in new.items() if FORMS[facts[instance]].kind == "list"]
        for path in paths:
            given = {change.path[len(path) + 1:].split(".")[0].split("[")[0]
                     for change, _ in changes + out if change.path.startswith(path + ".")}
            out += [(Change(key, None, (value,)), None) for key, value in items.required(path, given)]
        return out

    def _moved(self, changes, written, moved, first):
        """The edits of derived fields written as changes of their inputs, each way checked (see :mod:`.derived`)."""
        plans = [[]]
        for edit, at, entry, values in moved:
            grown = []
            for plan in plans:
                try:
                    places = Places(self.data, written + [(p, v) for p, v, _ in plan])
                except CaseError:
                    continue
                # the mover sees the case with the changes before it made, where an item taken
                # out moves those after it up; its writes go with theirs, at the case's indices
                # a fact found by what names it (an activity ticked off stands at its item of
                # phase.done, one not done at phase.done) is moved by its values, not its place
                here = at if edit.fact in _IDENTIFIED_BY else places.ahead(at)
                if here is None:
                    continue  # the fact's own item is taken out by a change before it
                if edit.kept and _holds(places.data, edit, here, values):
                    grown.append(plan)  # still as the rule wants it after the moves before it
                    continue
                for way in entry.move(places.data, here, values, edit.wanted):
                    grown.append(plan + [(places.back(path), value, edit)
                                         for step in way for path, value in _keys(*step)])
            plans = grown[:5]
        ways, problem = [], None
        for plan in plans:
            # what a way to move a derived field writes, it writes instead of the other changes
            mine = {path for path, _value, _edit in plan}
            kept = [(path, value) for path, value in written if path not in mine]
            try:
                # as apply_changes makes the case, with the way to where each fact now stands
                places = Places(self.data, kept + [(path, value) for path, value, _ in plan])
                facts = case_facts(case_from_dict(places.data))
            except CaseError as exc:
                problem = problem or Unwritable("invalid", first or (plan[0][0] if plan else ""), str(exc),
                                                exc.problems)
                continue
            if all(_reached(facts, edit, places.ahead(at), values)
                   for edit, at, entry, values in moved if entry.checked):
                shown = tuple(Change(path, _was(value_at(self.data, path)), (value,), f"{edit.fact}.{edit.field}")
                              for path, value, edit in _once(plan))
                ways.append(Realised(tuple(c for c in changes if c.path not in mine) + shown, tuple(facts)))
        if ways:
            return attrs.evolve(ways[0], alternatives=tuple(ways[1:]))
        if problem is not None:
            return Realised(problem=problem)
        edit, at, _entry, _values = next((item for item in moved if not item[0].kept), moved[0])
        fact = self.facts[edit.index] if edit.index is not None else None
        return Realised(problem=Unwritable("unreached", f"{edit.fact}.{edit.field}",
                                           self.derived_inputs(edit.fact, edit.field, fact)))


def _case_keys(fact_type, values):
    """The keys of its item that a new fact's ``values`` give, as the case writes them (a framing's ``partner``)."""
    keys = FORMS[fact_type].keys
    return {keys[field]: value for field, value in values.items() if field in keys and value != OTHER
            and keys[field] and not any(sign in keys[field] for sign in ".[/")}


def _kept_under(data, changes):
    """``changes`` where a mapping taken out holds what another change writes: its other keys taken out instead.

    Removals are made last (:func:`~.changing.changed_data`), so taking out
    ``care`` would undo a municipality written under it: a fact is taken
    out by leaving out what it says, and the run then checks that this is
    enough.
    """
    writes = [change.path for change, _ in changes if change.to != (None,)]
    out = []
    for change, field in changes:
        under = [path for path in writes if path.startswith(change.path + ".")]
        current = value_at(data, change.path)
        # an item of a list is a fact of its own: taken out and changed at once, the set contradicts itself
        if change.to != (None,) or not under or not isinstance(current, dict) or change.path.endswith("]"):
            out.append((change, field))
            continue
        out += [(Change(f"{change.path}.{key}", _was(value), (None,)), field) for key, value in current.items()
                if not any(path == f"{change.path}.{key}" or path.startswith((f"{change.path}.{key}.",
                                                                             f"{change.path}.{key}["))
                           for path in under)]
    return out


def _unlisted(data, path, values):
    """Of the values an item of a list of plain values may take, those its list does not have (each is listed once)."""
    if not path.endswith("]") or len(values) < 2:
        return values
    others = value_at(data, path.rpartition("[")[0])
    others = [item for n, item in enumerate(others) if f"[{n}]" != path[path.rindex("["):]] \
        if isinstance(others, list) else []
    if any(isinstance(item, (dict, list)) for item in others):
        return values  # a list of items with keys of their own
    return tuple(value for value in values if value not in others) or values


def _merged(changes, completed):
    """``changes`` with the keys ``completed`` adds to new items, each item's before its other keys (a name first).

    An item that now has keys of its own is no longer written as an empty one.
    """
    items = {}
    for change, field in completed:
        items.setdefault(change.path.rpartition(".")[0], []).append((change, field))
    made = {change.path for change, _ in completed}
    out = []
    for change, field in changes:
        for item in [item for item in items if change.path == item or change.path.startswith(item + ".")]:
            out += items.pop(item)
        if change.to != (GIVEN,) or not any(path.startswith(change.path + ".") for path in made):
            out.append((change, field))
    return [change for keys in items.values() for change in keys] + out


def _holds(data, edit, at, values):
    """Whether the field of ``edit`` has a value it wants in the case ``data`` makes (False for no valid case)."""
    try:
        facts = case_facts(case_from_dict(data))
    except CaseError:
        return False
    return _reached(facts, edit, at, values)


def _once(plan):
    """A plan's writes with each path once: two derived fields moved by one write (the current phase) say it once.

    Where two writes of one path differ, the one shown is the one the case
    gets from :func:`~.changing.changed_data`: a removal, which it makes
    after every value set, or else the last value.
    """
    last = {}
    for path, value, edit in plan:
        if path in last and (last[path][0] is None or last[path][0] == value):
            continue
        last[path] = (value, edit)
    return [(path, value, edit) for path, (value, edit) in last.items()]


def _was(value):
    """What a change replaces, as a change shows it: an item of the case (a mapping, a list) is 'given'."""
    return GIVEN if isinstance(value, (dict, list)) else value


def _keys(path, value):
    """A new item given as a mapping, as one change per key: each is shown, and set, as the case writes it."""
    if isinstance(value, dict):
        return [(f"{path}.{key}", item) for key, item in value.items()]
    return [(path, value)]


#: The fact types whose fact in a changed case is found by a field, not by its path.
_IDENTIFIED_BY = {"scan_factor": "id", "dependence": "id", "phase_activity": "id", "phase_domain": "domain"}


def _reached(facts, edit, at, values):
    """Whether the fact of ``edit`` (at ``at``, or with its ``id``) in the changed case has a value the edit wants.

    A scan factor's path names the respondents who answered, a dependence's
    index moves when another is taken out, and the activities not done and
    the domains all stand at ``phase.done``, so each is found by the field
    that names it (:data:`_IDENTIFIED_BY`).
    """
    name = _IDENTIFIED_BY.get(edit.fact)
    key = None if name is None else values.get(name)
    fact = next((f for f in facts if f.type == edit.fact and (
        f.path == at if key is None else f.values.get(name) == key)), None)
    if fact is None:
        return False
    value = fact.values.get(edit.field)
    if OTHER in edit.to and value is not None:
        return True  # "any other value": the mover chose one the case does not have yet
    return one_of(value, edit.wanted)
