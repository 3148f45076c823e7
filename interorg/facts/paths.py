"""Where a fact's fields are written in a case: the case path of each field, or the inputs it is derived from.

The producers of :mod:`interorg.facts.sections`, :mod:`.network` and
:mod:`.diagnosis` name the fields of a fact for the rules, which is not
always how a user writes them: a reason's ``kind`` is the case's
``reason``, a boundary is a key of ``boundaries`` whose value is its
``clarity``, a partner's ``strong_dependents`` is counted from the
dependencies.  :data:`FORMS` says, per fact type, how each field is written,
and :func:`field_path`, :func:`new_path` and :func:`witness_path` read it
(why-not, through :mod:`.editing`, and the verifier's witnesses).  A test checks :data:`FORMS` against the producers on every
shipped and test case.
"""

import re

import attrs

from ..utils.casepaths import value_at

__all__ = ["FORMS", "Form", "field_path", "new_path", "witness_path"]


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
    member : tuple of str
        ``(flag, id)``: a fact whose field ``flag`` is true when the list at
        ``section`` holds its field ``id`` (an activity done is listed in
        ``phase.done``).
    """

    kind: str
    section: str
    keys: dict = attrs.field(factory=dict)
    inputs: str = ""
    cell: tuple = ()
    member: tuple = ()


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
    "phase_activity": Form("nested", "phase.done", {}, "phase.done, phase.current", member=("done", "id")),
    "phase_domain": Form("derived", "phase.done", {}, "phase.done, phase.current"),
    "observation": Form("list", "observations", {"kind": "observation", "seen": "seen"}),
}

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
    items = value_at(data or {}, form.section)
    return f"{form.section}[{(len(items) if isinstance(items, list) else 0) + number}]"


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
