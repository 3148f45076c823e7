"""The intervention types a set of conclusions recommends: by which recommendations, answering what, with which caveats.

What each rule is to this (the intervention it recommends, the problems
whose suspicion it chains on, the interventions it cautions about) is the
same for every conclusion of the rule in every run, so it is worked out once
per rule and kept with the knowledge.
"""

__all__ = ["recommendations"]


def recommendations(conclusions, knowledge):
    """For each intervention type recommended: the recommendations' keys, the problems they answer, the caveats.

    A recommendation answers a problem when its rule chains on the rule that
    suspects it; a caveat is any other conclusion whose rule chains on a
    recommendation (such as the condition of the reflective intervention).

    Parameters
    ----------
    conclusions : sequence of Conclusion
        The conclusions that count (those not set aside), in the advice's order.
    knowledge : KnowledgeBase
        Its interventions and archetypes.

    Returns
    -------
    tuple of dict
        ``(recommended, answers, caveats)``, each by intervention id: the
        keys of the recommendations naming it, the ids of the problems they
        answer, the keys of the caveats about it.

    Examples
    --------
    >>> import interorg
    >>> advice = interorg.advise(interorg.example_case())
    >>> recommended, answers, caveats = recommendations(advice.conclusions, interorg.load_knowledge())
    >>> answers["visioning"]
    ['lack-of-shared-ambition']
    """
    recommended, answers, caveats = {}, {}, {}  # caveats: dicts as ordered sets (no quadratic 'in' on lists)
    roles = knowledge._cache.setdefault("diagnosis_roles", {})  # looked up once, not once per conclusion
    for conclusion in conclusions:
        role = roles.get(conclusion.id)
        item, problems, cautioned = role if role is not None else _role(knowledge, conclusion.id)
        if item is not None:
            recommended.setdefault(item, []).append(conclusion.key)
            found = answers.setdefault(item, [])
            found += [problem for problem in problems if problem not in found]
            continue
        for cautioned_item in cautioned:
            caveats.setdefault(cautioned_item, {}).setdefault(conclusion.key)
    return recommended, answers, {item: list(keys) for item, keys in caveats.items()}


def _role(knowledge, rule_id):
    """The intervention a rule recommends (or None), the problems it chains on, the interventions it cautions.

    The same for every conclusion of the rule in every run: kept with the knowledge.
    """
    roles = knowledge._cache.setdefault("diagnosis_roles", {})
    if rule_id not in roles:
        intervention_of = {rule: item.id for item in knowledge.interventions for rule in item.recommended_by}
        archetype_of = {archetype.suspected_by: archetype.id for archetype in knowledge.archetypes}
        dependencies = [dependency for dependency, _negated in knowledge.rule(rule_id).depends_on()]
        roles[rule_id] = (intervention_of.get(rule_id), [archetype_of[d] for d in dependencies if d in archetype_of],
                          [intervention_of[d] for d in dependencies if d in intervention_of])
    return roles[rule_id]
