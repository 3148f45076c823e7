"""A diagnosis of a collaboration, over the conclusions of an advice: from the answers to a named problem to what to do.

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
    "diagnose",
    "summary_lines",
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


def _paths(explanation, found):
    for support in explanation.supports:
        for evidence in support.evidence:
            if evidence.type == "input":
                if evidence.path not in found:
                    found.append(evidence.path)
            elif evidence.explanation is not None:
                _paths(evidence.explanation, found)
    return found


def _recommendations(advice, knowledge):
    """For each intervention type recommended: the recommendations' keys, the problems they answer, the caveats.

    A recommendation answers a problem when its rule chains on the rule that
    suspects it; a caveat is any other conclusion whose rule chains on a
    recommendation (such as the condition of the reflective intervention).
    """
    intervention_of = {rule: item.id for item in knowledge.interventions for rule in item.recommended_by}
    archetype_of = {archetype.suspected_by: archetype.id for archetype in knowledge.archetypes}
    recommended, answers, caveats = {}, {}, {}
    for conclusion in advice.conclusions:
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


def _archetype_result(archetype, advice, by_rule, indications, answers, knowledge):
    """One problem: the indicators its suspicion rests on (in the advice's order), the evidence against, its answers."""
    position = {conclusion.key: index for index, conclusion in enumerate(advice.conclusions)}
    suspicion = by_rule.get(archetype.suspected_by, ())
    keys = []
    for conclusion in suspicion:
        for support in conclusion.explanation.supports:
            for evidence in support.evidence:
                key = evidence.rule if evidence.subject is None else f"{evidence.rule}[{evidence.subject}]"
                if key not in keys:
                    keys.append(key)
    evidence_for = tuple(_indication(advice[key]) for key in sorted(keys, key=position.__getitem__))
    return ArchetypeResult(
        archetype.id, archetype.title.get(advice.lang), bool(suspicion), evidence_for,
        indications(*archetype.against),
        tuple(item.id for item in knowledge.interventions if archetype.id in answers.get(item.id, ())))


def _indication(conclusion):
    return Indication(conclusion.key, conclusion.id, conclusion.subject, conclusion.title,
                      tuple(_paths(conclusion.explanation, [])))


def diagnose(advice, knowledge=None):
    """Gather the diagnosis of a collaboration from its advice.

    Parameters
    ----------
    advice : Advice, or a case
        An :class:`~interorg.Advice`, or anything :func:`interorg.advise`
        accepts (it is then advised on in English).
    knowledge : KnowledgeBase, optional
        The knowledge the advice was drawn from; by default the shipped one.

    Returns
    -------
    Diagnosis

    Examples
    --------
    >>> import interorg
    >>> result = diagnose(interorg.example_case())
    >>> result.suspected[0].id, result.suspected[0].balance
    ('power-play', 4)
    >>> [i.id for i in result.interventions][:2]
    ['visioning', 'convening']
    """
    from .advice import Advice  # here, not at the top: advice imports render, which imports this module
    from ._loading import load_knowledge

    if not isinstance(advice, Advice):
        from .engine import advise

        advice = advise(advice, knowledge=knowledge)
    knowledge = knowledge or load_knowledge()
    by_rule = {}
    for conclusion in advice.conclusions:
        by_rule.setdefault(conclusion.id, []).append(conclusion)

    def indications(*rules):
        return tuple(_indication(c) for rule in rules for c in by_rule.get(rule, ()))

    recommended, answers, caveats = _recommendations(advice, knowledge)
    results = [_archetype_result(archetype, advice, by_rule, indications, answers, knowledge)
               for archetype in knowledge.archetypes]
    order = {archetype.id: index for index, archetype in enumerate(knowledge.archetypes)}
    suspected = sorted((r for r in results if r.suspected),
                       key=lambda r: (-r.balance, -r.signs_for, -len(r.evidence_for), order[r.id]))
    interventions = tuple(
        InterventionAdvice(item.id, item.title.get(advice.lang), item.description.get(advice.lang),
                           tuple(t.get(advice.lang) for t in item.techniques), tuple(recommended[item.id]),
                           tuple(answers.get(item.id, ())), tuple(caveats.get(item.id, ())))
        for item in knowledge.interventions if item.id in recommended)
    phase = indications(*_PHASES)
    return Diagnosis(
        lang=advice.lang,
        scan={name: indications(rule) for rule, name in _SCAN},
        phase=phase[0] if phase else None,
        next_steps=indications(*_NEXT),
        skipped=indications(*_SKIPPED),
        suspected=tuple(suspected),
        not_suspected=tuple(r for r in results if not r.suspected),
        interventions=interventions,
    )


def summary_lines(advice, explain=True):
    """The diagnosis of ``advice`` as lines of text (Markdown lists), in its language; [] when there is none.

    There is a diagnosis when the advice has a conclusion of the scan, the
    phases, the archetypes or the interventions.  Without ``explain``, the
    places in the case behind each piece of evidence, the descriptions of
    the interventions and the keys of the recommendations are left out.
    """
    result = diagnose(advice)
    labels = advice.labels
    has_scan = any(result.scan.values())
    if not (has_scan or result.phase or result.suspected or result.interventions
            or any(r.evidence_against for r in result.not_suspected)):
        return []
    lines = []
    if has_scan:
        lines.append(f"{labels['diagnosis_scan']}:")
        for name in ("strengths", "concerns", "disagreements"):
            found = [_scan_item(advice[i.key]) for i in result.scan[name]]
            lines.append(f"- {labels['scan_' + name]}: {'; '.join(found) if found else labels['none']}")
        lines.append("")
    if result.phase:
        lines.append(f"{labels['diagnosis_phase']}: {result.phase.title}")
        before = sum(1 for i in result.skipped if i.rule == "phases.skipped-before-switch")
        lines.append("- " + labels["phase_counts"].replace("{next}", str(len(result.next_steps)))
                     .replace("{skipped}", str(len(result.skipped))).replace("{before}", str(before)))
        lines.append("")
    titles = {item.id: item.title for item in result.interventions}
    lines.append(f"{labels['suspected_problems']}:")
    if not result.suspected:
        lines.append(f"- {labels['none']}")
    for rank, archetype in enumerate(result.suspected, start=1):
        counts = (labels["for_against"].replace("{for}", str(archetype.signs_for))
                  .replace("{pieces}", str(len(archetype.evidence_for)))
                  .replace("{against}", str(archetype.signs_against)))
        lines.append(f"{rank}. {archetype.title} — {counts}")
        lines += [f"   - {labels['evidence_for']}: {_evidence(i, explain)}" for i in archetype.evidence_for]
        lines += [f"   - {labels['evidence_against']}: {_evidence(i, explain)}" for i in archetype.evidence_against]
        if archetype.interventions:
            lines.append(f"   - {labels['interventions']}: "
                         + ", ".join(titles[item] for item in archetype.interventions))
    against = [r for r in result.not_suspected if r.evidence_against]
    quiet = [r for r in result.not_suspected if not r.evidence_against]
    if result.not_suspected:
        lines += ["", f"{labels['not_suspected']}:"]
        for archetype in against:
            lines.append(f"- {archetype.title}")
            lines += [f"   - {labels['evidence_against']}: {_evidence(i, explain)}"
                      for i in archetype.evidence_against]
        if quiet:
            lines.append(f"- {labels['no_evidence']}: " + ", ".join(r.title for r in quiet))
    if result.interventions:
        problem_titles = {r.id: r.title for r in result.suspected}
        lines += ["", f"{labels['interventions']}:"]
        for item in result.interventions:
            lines.append(f"- {item.title}")
            if explain:
                lines.append(f"   {item.description}")
            lines.append(f"   - {labels['techniques']}: " + "; ".join(item.techniques))
            if item.answers:
                lines.append(f"   - {labels['answers_problems']}: "
                             + ", ".join(problem_titles.get(a, a) for a in item.answers))
            if explain:
                lines.append(f"   - {labels['recommended_by']}: " + ", ".join(item.recommended_by))
            lines += [f"   - {labels['caveat']}: {advice[key].title}" for key in item.caveats]
    return lines


def _scan_item(conclusion):
    """A scan conclusion in a few words: the factor and its score, or the partners' scores."""
    values = conclusion.explanation.supports[0].evidence[0].values
    if conclusion.id == "scan.disagreement":
        return (f"{conclusion.subject_label} ({values['lowest_partner']} {values['lowest_score']}, "
                f"{values['highest_partner']} {values['highest_score']})")
    return f"{conclusion.subject_label} ({values['score']})"


def _evidence(indication, explain=True):
    paths = f" [{', '.join(indication.paths)}]" if indication.paths and explain else ""
    return f"{indication.title}{paths}"
