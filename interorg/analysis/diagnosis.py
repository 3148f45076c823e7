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

from . import diagnosis_view

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


@attrs.frozen(repr=False)
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

    def __repr__(self):
        return f"<Indication {self.key}: {self.title}>"


@attrs.frozen(repr=False)
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

    def __repr__(self):
        answers = f" answers {', '.join(self.answers)};" if self.answers else ""
        return f"<InterventionAdvice {self.id}:{answers} {len(self.techniques)} techniques>"


@attrs.frozen(repr=False)
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

    def __repr__(self):
        state = "suspected" if self.suspected else "not suspected"
        return (f"<ArchetypeResult {self.id}: {state}, balance {self.balance}"
                f" ({self.signs_for} for, {self.signs_against} against)>")


@attrs.frozen(repr=False)
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

    def __repr__(self):
        first = f", {self.suspected[0].id} first" if self.suspected else ""
        phase = f"; phase {self.phase.rule.rpartition('.')[2]}" if self.phase else ""
        return (f"<Diagnosis ({self.lang}): {len(self.suspected)} suspected problems{first};"
                f" {len(self.interventions)} interventions{phase}>")

    def to_frame(self):
        """The problems as a pandas DataFrame: one row per archetype, the suspected ones first, ranked.

        Indexed by the problem's id, with its ``title``, ``suspected``,
        ``rank`` (None when not suspected), ``signs_for``,
        ``signs_against``, ``balance``, the numbers of pieces of evidence
        and the ids of the ``interventions`` that answer it.  See also
        :meth:`evidence_frame` and :meth:`interventions_frame`.

        Raises
        ------
        MissingDependency
            If pandas is not installed.

        Examples
        --------
        >>> import interorg
        >>> table = interorg.diagnose(interorg.example_case()).to_frame()
        >>> int(table.loc["power-play", "rank"]), int(table.loc["power-play", "balance"])
        (1, 4)
        """
        return diagnosis_view.problems_frame(self)

    def evidence_frame(self):
        """Every piece of evidence for and against each problem, with its places in the case, as a DataFrame."""
        return diagnosis_view.evidence_frame(self)

    def interventions_frame(self):
        """The intervention types recommended, with techniques and the problems they answer, as a DataFrame."""
        return diagnosis_view.interventions_frame(self)

    def _repr_html_(self):
        return diagnosis_view.diagnosis_html(self)


def _paths(explanation, found):
    for support in explanation.supports:
        for evidence in support.evidence:
            if evidence.type == "input":
                if evidence.path not in found:
                    found.append(evidence.path)
            elif evidence.explanation is not None:
                _paths(evidence.explanation, found)
    return found


def _recommendations(conclusions, knowledge):
    """For each intervention type recommended: the recommendations' keys, the problems they answer, the caveats.

    A recommendation answers a problem when its rule chains on the rule that
    suspects it; a caveat is any other conclusion whose rule chains on a
    recommendation (such as the condition of the reflective intervention).
    """
    intervention_of = {rule: item.id for item in knowledge.interventions for rule in item.recommended_by}
    archetype_of = {archetype.suspected_by: archetype.id for archetype in knowledge.archetypes}
    recommended, answers, caveats = {}, {}, {}
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
                noted = caveats.setdefault(intervention_of[dependency], [])
                if conclusion.key not in noted:
                    noted.append(conclusion.key)
    return recommended, answers, caveats


def _archetype_result(archetype, lang, by_key, by_rule, indications, answers, knowledge):
    """One problem: the indicators its suspicion rests on (in the advice's order), the evidence against, its answers."""
    position = {key: index for index, key in enumerate(by_key)}
    suspicion = by_rule.get(archetype.suspected_by, ())
    keys = []
    for conclusion in suspicion:
        for support in conclusion.explanation.supports:
            for evidence in support.evidence:
                key = evidence.rule if evidence.subject is None else f"{evidence.rule}[{evidence.subject}]"
                if key not in keys:
                    keys.append(key)
    evidence_for = tuple(_indication(by_key[key]) for key in sorted(keys, key=position.__getitem__))
    return ArchetypeResult(
        archetype.id, archetype.title.get(lang), bool(suspicion), evidence_for,
        indications(*archetype.against),
        tuple(item.id for item in knowledge.interventions if archetype.id in answers.get(item.id, ())))


def _indication(conclusion):
    return Indication(conclusion.key, conclusion.id, conclusion.subject, conclusion.title,
                      tuple(_paths(conclusion.explanation, [])))


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
    by_rule = {}
    for conclusion in conclusions:
        by_rule.setdefault(conclusion.id, []).append(conclusion)

    def indications(*rules):
        return tuple(_indication(c) for rule in rules for c in by_rule.get(rule, ()))

    recommended, answers, caveats = _recommendations(conclusions, knowledge)
    results = [_archetype_result(archetype, lang, by_key, by_rule, indications, answers, knowledge)
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
