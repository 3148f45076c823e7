"""Where a fact's fields are written in a case: the case path of each field, or the inputs it is derived from.

The producers of :mod:`interorg.facts.sections`, :mod:`.network` and
:mod:`.diagnosis` name the fields of a fact for the rules, which is not
always how a user writes them: a reason's ``kind`` is the case's
``reason``, a boundary is a key of ``boundaries`` whose value is its
``clarity``, a partner's ``strong_dependents`` is counted from the
dependencies.  :data:`FORMS` says, per fact type, how each field is written,
and :func:`field_path` and :func:`apply_changes` read it to turn a change of
a fact into a change of the case file (why-not and the verifier's
witnesses).  A test checks :data:`FORMS` against the producers on every
shipped and test case.
"""

import copy
import re

import attrs

from ..case.casefile import case_from_dict, case_to_dict
from ..engine.edits import GIVEN, Change, Realised, Unwritable
from ..engine.symbolic import OTHER
from ..errors import CaseError, Problem
from .sections import case_facts

__all__ = ["FORMS", "CaseEditor", "Form", "apply_changes", "field_path", "new_path", "witness_path"]


@attrs.frozen
class Form:
    """How the facts of one type are written in a case.

    Attributes
    ----------
    kind : {'mapping', 'list', 'cells', 'nested', 'derived'}
        ``mapping``: one fact, the section at ``section``; ``list``: one fact
        per item of the list at ``section``; ``cells``: one fact per key of
        the mapping at ``section``, the key given by the fields ``cell``
        names; ``nested``: items that stand inside another item (a new one
        cannot be placed without it); ``derived``: computed from ``inputs``.
    section : str
    keys : dict
        Field -> key inside the fact's item: ``''`` the item itself (a list of
        plain values, or a cell's value), ``'../x'`` the key ``x`` of the
        item that holds it, ``'between[0]'`` an item of a list.  A field not
        listed is derived from ``inputs``.
    inputs : str
        What the other fields are computed from, as case paths.
    cell : tuple of str
        For ``cells``: the fields that give the key (joined by ``.``).
    """

    kind: str
    section: str
    keys: dict = attrs.field(factory=dict)
    inputs: str = ""
    cell: tuple = ()


def _same(*names):
    return {name: name for name in names}


_RELATIONSHIP = _same("trust", "vigilance", "self_awareness", "sincere_interest", "transparency", "reliability",
                      "fear", "scepticism", "cynicism", "need_for_control", "information_asymmetry", "lock_in",
                      "contact", "answers_to_both_sides")
_CRITERIA = _same("collective_vision", "shares_risk", "exclusivity", "sets_rules_together", "easy_to_work_with",
                  "fills_gaps", "invests_on_specific_terrains", "competitor", "market_transactions",
                  "operational_need")

#: Per fact type, how its fields are written in a case (see :class:`Form`).
FORMS = {
    "partner": Form("list", "partners", _same("id", "kind")),
    "care": Form("mapping", "care", _same("demand", "supply_in_municipality", "leading", "providers_regional",
                                          "origin", "region_basis")),
    "municipal_care": Form("list", "care.municipalities",
                           _same("municipality", "care_type", "demand", "supply_in_municipality"),
                           "care.municipalities[].municipality, care_type"),
    "reason": Form("list", "reasons", {"kind": "reason", "cost_benefit_analysis": "cost_benefit_analysis"}),
    "coordination": Form("cells", "coordination", {"status": ""}, "coordination", ("element", "aspect")),
    "cooperation": Form("mapping", "coordination", _same("will_to_collaborate", "common_approach")),
    "relationship": Form("list", "relationships",
                         {"partner_a": "between[0]", "partner_b": "between[1]", **_RELATIONSHIP},
                         "relationships[].between"),
    "partner_position": Form("nested", "partners[].criteria", {**_CRITERIA, "declared": "../position"},
                             "partners[].criteria, partners[].position"),
    "partner_fit": Form("nested", "partners[].fit",
                        {**_same("strategic", "cultural", "organisational", "operational"),
                         "declared": "../position"}, "partners[].fit.weak_criteria, partners[].id"),
    "network": Form("derived", "partners", {}, "partners, relationships, dependencies"),
    "network_partner": Form("nested", "partners", {"declared": "position"},
                            "partners, relationships, dependencies"),
    "dependence": Form("list", "dependencies", _same("partner", "on", "strength"), "dependencies"),
    "form": Form("mapping", "form", _same(
        "claimed", "business_function", "exclusive", "offer_to_third_parties", "shared_risk",
        "transaction_agreements", "chain_improvement", "knowledge_sharing", "open_network", "shares_organising",
        "exchanges")),
    "arrangement": Form("mapping", "arrangement", _same(
        "clear_objectives", "formal_agreements", "trust_building", "compatible_systems", "effective_coordination")),
    "mechanism": Form("list", "arrangement.mechanisms", {"kind": ""}),
    "governance_structure": Form("list", "arrangement.structures", {"kind": ""}),
    "benefit": Form("list", "arrangement.benefits", {"kind": ""}),
    "challenge": Form("list", "challenges", {"kind": "challenge"}),
    "governance": Form("mapping", "governance",
                       _same("mode", "trust", "participants", "goal_consensus", "competencies_need"),
                       "governance.participants, partners"),
    "motive": Form("nested", "motives[].motives", {"motive": "", "partner": "../partner"}, "motives[].motives"),
    "framing": Form("list", "motives", _same("partner", "starting_point", "definition")),
    "motives_spread": Form("derived", "motives", {}, "motives"),
    "interests": Form("mapping", "interests", _same("shared_ambition"), "interests.collective, interests.partners"),
    "interest": Form("list", "interests.partners",
                     _same("partner", "organisational", "individual", "brings", "gets", "outcome")),
    "complexity_factor": Form("list", "complexity.factors", _same("factor")),
    "tension": Form("list", "complexity.tensions", _same("tension")),
    "network_logic": Form("mapping", "network_logic", _same(
        "one_party_decides", "problem", "goal", "information", "decision", "implementation", "norm")),
    "game_rules": Form("mapping", "game_rules", _same("agreed"), "game_rules.breaches"),
    "game_rule_breach": Form("list", "game_rules.breaches", _same("rule", "by")),
    "boundary": Form("cells", "boundaries", {"clarity": ""}, "boundaries", ("boundary",)),
    "self_organisation": Form("mapping", "self_organisation", _same("status")),
    "self_organisation_trait": Form("list", "self_organisation.characteristics", {"characteristic": ""}),
    "self_organisation_principle": Form("cells", "self_organisation.principles", {"status": ""},
                                        "self_organisation.principles", ("principle",)),
    "leader": Form("list", "leadership", _same("name", "partner"), "leadership[].signatures"),
    "signature": Form("nested", "leadership[].signatures", {"signature": "", "leader": "../name"},
                      "leadership[].signatures"),
    "board_member": Form("list", "board_members", _same(
        "name", "partner", "drivers", "dilemmas", "self_interest_known", "self_interest_brought_in",
        "personally_engaged")),
    "board_emotion": Form("nested", "board_members[].emotions", {"emotion": "", "member": "../name"},
                          "board_members[].emotions"),
    "scan_factor": Form("derived", "scan.respondents", {}, "scan.respondents[].answers"),
    "phase": Form("mapping", "phase", _same("current"), "phase.current, phase.done"),
    "phase_change": Form("list", "phase.changes", {"kind": ""}),
    "phase_activity": Form("nested", "phase.done", {}, "phase.done, phase.current"),
    "phase_domain": Form("derived", "phase.done", {}, "phase.done, phase.current"),
    "observation": Form("list", "observations", {"kind": "observation", "seen": "seen"}),
}

_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def _join(path, key):
    if key == "":
        return path
    if key.startswith("../"):
        # the item that holds this one: ``motives[0]`` for ``motives[0].motives[1]``
        return _join(re.sub(r"\.[^.\[\]]+(\[\d+\])?$", "", path), key[3:])
    return f"{path}{key}" if key.startswith("[") else f"{path}.{key}"


def field_path(fact_type, fact_path, field):
    """The case path of ``field`` of a fact at ``fact_path``, or None when the field is derived.

    Examples
    --------
    >>> field_path("reason", "reasons[1]", "kind")
    'reasons[1].reason'
    >>> field_path("boundary", "boundaries.authority", "clarity")
    'boundaries.authority'
    >>> field_path("network_partner", "partners[0]", "strong_dependents") is None
    True
    """
    form = FORMS.get(fact_type)
    if form is None or field not in form.keys:
        return None
    return _join(fact_path, form.keys[field])


def new_path(fact_type, values, number=0, data=None):
    """Where a new fact of ``fact_type`` with ``values`` would stand, or None where none can be added.

    ``number`` counts the new facts of the type; ``data`` is the case as
    plain data (a list's next index follows its items).

    Examples
    --------
    >>> new_path("reason", {}, 0, {"reasons": [{"reason": "power"}]})
    'reasons[1]'
    >>> new_path("boundary", {"boundary": "task"})
    'boundaries.task'
    """
    form = FORMS.get(fact_type)
    if form is None or form.kind in ("nested", "derived"):
        return None
    if form.kind == "mapping":
        return form.section
    if form.kind == "cells":
        parts = [values.get(name) for name in form.cell]
        if form.cell == ("element", "aspect") and values.get("cell"):
            parts = str(values["cell"]).split(".")
        if any(not isinstance(part, str) for part in parts):
            return None
        parts = [part for part in parts if part != "all"]
        return ".".join([form.section, *parts])
    items = _get(data or {}, form.section)
    return f"{form.section}[{(len(items) if isinstance(items, list) else 0) + number}]"


def _steps(path):
    return [int(index) if index else name for name, index in _STEP.findall(path)]


def _get(data, path):
    for step in _steps(path):
        try:
            data = data[step]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _set(data, path, value):
    """Set ``path`` in ``data`` to ``value``, making the mappings and list items on the way."""
    steps = _steps(path)
    for step, following in zip(steps, steps[1:]):
        empty = [] if isinstance(following, int) else {}
        if isinstance(step, int):
            while len(data) <= step:
                data.append(copy.copy(empty))
            if data[step] is None:
                data[step] = empty
        elif data.get(step) is None:
            data[step] = empty
        data = data[step]
    last = steps[-1]
    if isinstance(last, int):
        while len(data) <= last:
            data.append(None)
        data[last] = value
    elif value is None:
        data.pop(last, None)
    else:
        data[last] = value


def _remove(data, path):
    steps = _steps(path)
    parent = data
    for step in steps[:-1]:
        try:
            parent = parent[step]
        except (KeyError, IndexError, TypeError):
            return
    if isinstance(parent, list) and isinstance(steps[-1], int) and steps[-1] < len(parent):
        parent[steps[-1]] = _REMOVED
    elif isinstance(parent, dict):
        parent.pop(steps[-1], None)


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
                _set(data, path, value)
    except (TypeError, AttributeError) as exc:  # a path through a value that is not a mapping or list
        raise CaseError([Problem("", f"cannot set {path} in this case")]) from exc
    for path in removals:
        _remove(data, path)
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
        changes, new, counts = [], {}, {}
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
            if edit.index is None and edit.field in form.cell + (("cell",) if form.cell else ()):
                continue  # it names the cell's place
            path = field_path(edit.fact, at, edit.field)
            if path is None or (edit.index is not None and edit.field in form.cell):
                return Realised(problem=Unwritable("derived", f"{edit.fact}.{edit.field}", form.inputs or form.section))
            changes.append((Change(path, _get(self.data, path), edit.to), edit.field))
        paths = [change.path for change, _ in changes]
        if len(paths) != len(set(paths)):
            return Realised(problem=Unwritable("invalid", paths[0], "one key set twice"))
        written = [(c.path, {} if c.to == (GIVEN,) else self._value(field, c.to)) for c, field in changes]
        # "any other value" is shown as the value written, so that the user can write it too
        changes = [(attrs.evolve(c, to=(value,)) if OTHER in c.to else c, field)
                   for (c, field), (_path, value) in zip(changes, written)]
        try:
            _case, facts = apply_changes(self.case, written)
        except CaseError as exc:
            return Realised(problem=Unwritable("invalid", paths[0] if paths else "", str(exc)))
        return Realised(tuple(change for change, _ in changes), tuple(facts))


def witness_path(fact_type, number, field, values):
    """The case path of ``field`` of the ``number``-th fact of ``fact_type`` in a witness of the verifier.

    ``field`` None is the whole fact; ``values`` are the witness's values of
    the fact (a cell's key comes from them).  A derived field is named with
    what it comes from; a field that is the cell's key gives "" (it is in
    the path already); None for a fact type without a form.

    Examples
    --------
    >>> witness_path("reason", 0, "kind", {})
    'reasons[0].reason'
    >>> witness_path("partner_position", 1, "shares_risk", {})
    'partners[1].criteria.shares_risk'
    >>> witness_path("network_partner", 0, "strong_dependents", {})
    'network_partner.strong_dependents (derived from partners, relationships, dependencies)'
    """
    form = FORMS.get(fact_type)
    if form is None:
        return None
    if form.kind == "cells":
        item = new_path(fact_type, values) or f"{form.section}.<{'.'.join(form.cell)}>"
        if field in form.cell or (field == "cell" and form.cell):
            return ""
    elif form.kind == "mapping":
        item = form.section
    elif "[]" in form.section:
        item = form.section.replace("[]", f"[{number}]", 1) + ("[0]" if "" in form.keys.values() else "")
    else:
        item = f"{form.section}[{number}]"
    if field is None:
        return item
    if field not in form.keys:
        return f"{fact_type}.{field} (derived from {form.inputs or form.section})"
    return _join(item, form.keys[field])
