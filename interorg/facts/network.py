"""Facts about partners' positions, fit and the network's structure, for the rules.

Each producer yields ``(fact type, values, path in the case)``;
:mod:`interorg.facts.sections` turns them into input facts.
"""

from ..analysis import network

__all__ = ["POSITION_CRITERIA", "PRODUCERS", "count", "criteria"]

#: The criteria counted for each position (the prefix of its counts), as :func:`criteria` names them.
POSITION_CRITERIA = {
    "core": ("collective_vision", "mutual_added_value", "shares_risk", "exclusivity", "sets_rules_together",
             "strategy_consensus"),
    "ring": ("easy_to_work_with", "fills_gaps", "invests_on_specific_terrains", "strategy_consent"),
    "free": ("market_transactions", "operational_need", "no_long_term_obligations"),
}


def criteria(given):
    """The criteria of the three positions as True, False or None (unknown), from a partner's ``PositionCriteria``.

    Examples
    --------
    >>> from interorg.case.positions import PositionCriteria
    >>> values = criteria(PositionCriteria(added_value_target_groups=True, strategy_agreement="consent"))
    >>> values["mutual_added_value"], values["strategy_consensus"], values["strategy_consent"], values["exclusivity"]
    (True, False, True, None)
    """
    values = {name: getattr(given, name) for name in (
        "collective_vision", "shares_risk", "exclusivity", "sets_rules_together", "easy_to_work_with",
        "fills_gaps", "invests_on_specific_terrains", "competitor", "market_transactions", "operational_need")}
    core_value, target_value = given.added_value_core_processes, given.added_value_target_groups
    # "Wederzijdse toegevoegde waarde" is one criterion with two kinds of value: either one counts.
    if core_value or target_value:
        values["mutual_added_value"] = True
    elif core_value is False and target_value is False:
        values["mutual_added_value"] = False
    else:
        values["mutual_added_value"] = None
    agreement = given.strategy_agreement
    values["strategy_consensus"] = None if agreement is None else agreement == "consensus"
    # Consent may differ from consensus but is no objection; consensus includes it.
    values["strategy_consent"] = None if agreement is None else agreement in ("consensus", "consent")
    obligations = given.long_term_obligations
    values["no_long_term_obligations"] = None if obligations is None else not obligations
    return values


def count(values, names):
    """How many of the criteria ``names`` are met and how many are not, in ``values`` (of :func:`criteria`).

    Examples
    --------
    >>> count({"fills_gaps": True, "easy_to_work_with": False, "strategy_consent": None}, POSITION_CRITERIA["ring"][:2])
    (1, 1)
    """
    met = sum(1 for name in names if values[name] is True)
    unmet = sum(1 for name in names if values[name] is False)
    return met, unmet


def _position_facts(case):
    for index, partner in enumerate(case.partners):
        if partner.criteria is None:
            continue
        values = criteria(partner.criteria)
        fact = {"id": partner.id, "declared": partner.position, **values}
        for prefix, names in POSITION_CRITERIA.items():
            met, unmet = count(values, names)
            fact[f"{prefix}_met"], fact[f"{prefix}_margin"] = met, met - unmet
        yield ("partner_position", fact, f"partners[{index}].criteria")


def _fit_facts(case):
    for index, partner in enumerate(case.partners):
        fit = partner.fit
        if fit is None:
            continue
        values = {"id": partner.id, "declared": partner.position, "strategic": fit.strategic,
                  "cultural": fit.cultural, "organisational": fit.organisational, "operational": fit.operational,
                  "weak_criteria": len(fit.weak_criteria) or None}
        yield ("partner_fit", values, f"partners[{index}].fit")


def _structure_facts(case):
    if not case.partners:
        return
    facts = network.analyse(case)
    yield ("network", {"partners": facts.partners, "ties": facts.ties, "components": facts.components,
                                "core_members": facts.core_members, "core_connected": facts.core_connected},
                    "partners")
    positions = {p.id: p.position for p in case.partners}
    for index, partner in enumerate(facts.by_partner):
        values = {"id": partner.id, "declared": positions[partner.id], "degree": partner.degree,
                  "dependents": partner.dependents, "strong_dependents": partner.strong_dependents,
                  "broker": partner.broker, "peripheral": partner.peripheral, "core_isolated": partner.core_isolated}
        yield ("network_partner", values, f"partners[{index}]")
    for index, dependence in enumerate(facts.dependences):
        values = {"id": dependence.id, "partner": dependence.partner, "on": dependence.on,
                  "strength": dependence.strength, "reverse": dependence.reverse, "sole": dependence.sole,
                  "relationship": dependence.relationship}
        yield ("dependence", values, f"dependencies[{index}]")


#: Producers of this module, in the order their facts are declared.
PRODUCERS = (_position_facts, _fit_facts, _structure_facts)
