"""A diagnosis of a collaboration, over the conclusions of a run: from the answers to a named problem to what to do.

The rules conclude piece by piece: scan factors that are strengths or
concerns, the phase and what was skipped in it, indicators of each of the
workbook's nine archetypical collaboration problems and the evidence against
them, and the intervention types that answer each.  This module gathers them
into what a practitioner asks for: which problems are suspected, ranked by
the evidence for and against each, and which interventions, with their
descriptions and techniques, answer them.

The ranking is plain arithmetic over the conclusions, not knowledge.  A
*sign* is one indicator rule: it counts once, however many relationships,
dependencies or activities show it, so that one kind of evidence repeated
does not outweigh several kinds.  A suspected problem's *balance* is its
signs for minus its signs against; problems are ranked by balance, then by
the signs for, then by the pieces of evidence for, then in the source's
order.  Every piece of evidence keeps the key of its conclusion and the
places in the case it rests on, so that the explanation of any line can be
looked up in the advice.
"""

import attrs

__all__ = [
    "ArchetypeResult",
    "Diagnosis",
    "Indication",
    "InterventionAdvice",
    "build_diagnosis",
]

_SCAN = (("scan.strength", "strengths"), ("scan.concern", "concerns"), ("scan.disagreement", "disagreements"))
_PHASES = ("phases.exploring", "phases.sharing", "phases.agreeing", "phases.shaping", "phases.implementing")
_SKIPPED = ("phases.skipped-before-switch", "phases.skipped")
_NEXT = ("phases.next", "phases.catch-up")


@attrs.frozen
class Indication:
    """One conclusion used as evidence, with the places in the case it rests on.

    Attributes
    ----------
    key : str
        The conclusion's key in the advice (``id`` or ``id[subject]``).
    rule : str
    subject : str or None
    title : str
        The conclusion's title, in the advice's language.
    paths : tuple of str
        The paths of the case's input facts it rests on, down the whole
        derivation, in the order first met.
    """

    key: str
    rule: str
    subject: str | None
    title: str
    paths: tuple


@attrs.frozen
class InterventionAdvice:
    """An intervention type the rules recommend, with the source's description and techniques.

    ``recommended_by`` holds the keys of the recommendations that name it,
    ``answers`` the ids of the suspected problems those recommendations answer
    (empty when it is recommended straight from the network or the phase), and
    ``caveats`` the keys of warnings about it.
    """

    id: str
    title: str
    description: str
    techniques: tuple
    recommended_by: tuple
    answers: tuple
    caveats: tuple = ()


@attrs.frozen
class ArchetypeResult:
    """One of the nine archetypical problems: the evidence for and against it, and what answers it.

    Attributes
    ----------
    id : str
    title : str
    suspected : bool
        Whether the rule that suspects it concluded.
    evidence_for : tuple of Indication
        The indicators that hold (the supports of the suspicion).
    evidence_against : tuple of Indication
    interventions : tuple of str
        The ids of the intervention types recommended for it.
    """

    id: str
    title: str
    suspected: bool
    evidence_for: tuple
    evidence_against: tuple
    interventions: tuple

    @property
    def signs_for(self):
        """The number of different indicator rules among the evidence for."""
        return len({indication.rule for indication in self.evidence_for})

    @property
    def signs_against(self):
        """The number of different rules among the evidence against."""
        return len({indication.rule for indication in self.evidence_against})

    @property
    def balance(self):
        """Signs for minus signs against."""
        return self.signs_for - self.signs_against


@attrs.frozen
class Diagnosis:
    """The diagnosis of one collaboration.

    Attributes
    ----------
    lang : {'en', 'nl'}
    scan : dict
        ``strengths``, ``concerns`` and ``disagreements``: tuples of
        Indication, one per factor, in the source's order.
    phase : Indication or None
        Where the collaboration stands.
    next_steps, skipped : tuple of Indication
        Activities of the current phase still to do (or to catch up before
        the switch point), and activities of earlier phases skipped.
    suspected : tuple of ArchetypeResult
        The suspected problems, ranked (see the module docstring).
    not_suspected : tuple of ArchetypeResult
        The others, in the source's order, with any evidence against them.
    interventions : tuple of InterventionAdvice
        Every intervention type recommended, in the source's order.
    """

    lang: str
    scan: dict
    phase: Indication | None
    next_steps: tuple
    skipped: tuple
    suspected: tuple
    not_suspected: tuple
    interventions: tuple

    def to_dict(self):
        """The diagnosis as JSON-ready data (lists and dicts of text and numbers)."""
        def plain(obj):
            if attrs.has(type(obj)):
                data = {field.name: plain(getattr(obj, field.name)) for field in attrs.fields(type(obj))}
                if isinstance(obj, ArchetypeResult):
                    data.update(signs_for=obj.signs_for, signs_against=obj.signs_against, balance=obj.balance)
                return data
            if isinstance(obj, (tuple, list)):
                return [plain(item) for item in obj]
            if isinstance(obj, dict):
                return {key: plain(value) for key, value in obj.items()}
            return obj

        return plain(self)


def _paths(explanation, memo):
    """The input paths a derivation rests on, in the order first met, as a dict used as an ordered set.

    Sub-explanations are shared between conclusions; ``memo`` (by identity)
    computes each one once, so gathering the paths of every indication stays
    linear in the size of the advice.  Merging a sub-explanation's paths in
    its own first-met order gives the same order as walking it again.
    """
    found = memo.get(id(explanation))
    if found is not None:
        return found
    found = {}
    for support in explanation.supports:
        for evidence in support.evidence:
            if evidence.type == "input":
                found.setdefault(evidence.path)
            elif evidence.explanation is not None:
                for path in _paths(evidence.explanation, memo):
                    found.setdefault(path)
    memo[id(explanation)] = found
    return found


def _recommendations(conclusions, knowledge):
    """For each intervention type recommended: the recommendations' keys, the problems they answer, the caveats.

    A recommendation answers a problem when its rule chains on the rule that
    suspects it; a caveat is any other conclusion whose rule chains on a
    recommendation (such as the condition of the reflective intervention).
    """
    intervention_of = {rule: item.id for item in knowledge.interventions for rule in item.recommended_by}
    archetype_of = {archetype.suspected_by: archetype.id for archetype in knowledge.archetypes}
    recommended, answers, caveats = {}, {}, {}  # caveats: dicts as ordered sets (no quadratic 'in' on lists)
    for conclusion in conclusions:
        dependencies = [dependency for dependency, _negated in knowledge.rule(conclusion.id).depends_on()]
        item = intervention_of.get(conclusion.id)
        if item is not None:
            recommended.setdefault(item, []).append(conclusion.key)
            found = answers.setdefault(item, [])
            found += [archetype_of[d] for d in dependencies if d in archetype_of and archetype_of[d] not in found]
            continue
        for dependency in dependencies:
            if dependency in intervention_of:
                caveats.setdefault(intervention_of[dependency], {}).setdefault(conclusion.key)
    return recommended, answers, {item: list(keys) for item, keys in caveats.items()}


def _archetype_result(archetype, lang, by_key, position, by_rule, indications, indication, answers, knowledge):
    """One problem: the indicators its suspicion rests on (in the advice's order), the evidence against, its answers."""
    suspicion = by_rule.get(archetype.suspected_by, ())
    keys = {}
    for conclusion in suspicion:
        for support in conclusion.explanation.supports:
            for evidence in support.evidence:
                keys.setdefault(evidence.rule if evidence.subject is None else f"{evidence.rule}[{evidence.subject}]")
    evidence_for = tuple(indication(by_key[key]) for key in sorted(keys, key=position.__getitem__))
    return ArchetypeResult(
        archetype.id, archetype.title.get(lang), bool(suspicion), evidence_for,
        indications(*archetype.against),
        tuple(item.id for item in knowledge.interventions if archetype.id in answers.get(item.id, ())))


def _indication(conclusion, memo):
    return Indication(conclusion.key, conclusion.id, conclusion.subject, conclusion.title,
                      tuple(_paths(conclusion.explanation, memo)))


def build_diagnosis(conclusions, knowledge, lang):
    """Gather the diagnosis of a collaboration from the conclusions of its advice.

    Parameters
    ----------
    conclusions : sequence of Conclusion
        The conclusions of one advice, in its order.
    knowledge : KnowledgeBase
        The knowledge they were drawn from (its archetypes and interventions).
    lang : {'en', 'nl'}
        The language of the conclusions.

    Returns
    -------
    Diagnosis

    Examples
    --------
    >>> import interorg
    >>> advice = interorg.advise(interorg.example_case())
    >>> result = build_diagnosis(advice.conclusions, interorg.load_knowledge(), "en")
    >>> result.suspected[0].id, result.suspected[0].balance
    ('power-play', 4)
    >>> [i.id for i in result.interventions][:2]
    ['visioning', 'convening']
    """
    by_key = {conclusion.key: conclusion for conclusion in conclusions}
    position = {key: index for index, key in enumerate(by_key)}
    by_rule = {}
    for conclusion in conclusions:
        by_rule.setdefault(conclusion.id, []).append(conclusion)
    memo = {}

    def indication(conclusion):
        return _indication(conclusion, memo)

    def indications(*rules):
        return tuple(indication(c) for rule in rules for c in by_rule.get(rule, ()))

    recommended, answers, caveats = _recommendations(conclusions, knowledge)
    results = [_archetype_result(archetype, lang, by_key, position, by_rule, indications, indication, answers,
                                 knowledge)
               for archetype in knowledge.archetypes]
    order = {archetype.id: index for index, archetype in enumerate(knowledge.archetypes)}
    suspected = sorted((r for r in results if r.suspected),
                       key=lambda r: (-r.balance, -r.signs_for, -len(r.evidence_for), order[r.id]))
    interventions = tuple(
        InterventionAdvice(item.id, item.title.get(lang), item.description.get(lang),
                           tuple(t.get(lang) for t in item.techniques), tuple(recommended[item.id]),
                           tuple(answers.get(item.id, ())), tuple(caveats.get(item.id, ())))
        for item in knowledge.interventions if item.id in recommended)
    phase = indications(*_PHASES)
    return Diagnosis(
        lang=lang,
        scan={name: indications(rule) for rule, name in _SCAN},
        phase=phase[0] if phase else None,
        next_steps=indications(*_NEXT),
        skipped=indications(*_SKIPPED),
        suspected=tuple(suspected),
        not_suspected=tuple(r for r in results if not r.suspected),
        interventions=interventions,
    )
