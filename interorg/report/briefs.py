"""The short sections of a rendering: the diagnosis in brief, what was set aside, inconsistencies, models.

Each returns lines of text in the advice's language (Markdown lists that the
plain-text writer wraps), or [] when there is nothing to say.
"""

from ..analysis.fingerprint import BUNDLED
from ..engine.wording import counted, fill
from .hints import with_hint

__all__ = ["diagnosis_brief", "drawn_from", "inconsistency_lines", "model_lines", "phase_brief", "scan_brief",
           "set_aside_lines", "weighed", "worth_checking"]


def weighed(labels, lang, pieces_for, pieces_against, net):
    """A problem's weighing in words, the one wording of every rendering: signs for, against, net score.

    The numbers are those of an :class:`~interorg.analysis.evidence.Weighing`
    (or of a comparison's round); the message ``briefs.weighed`` says them
    in ``lang``, the text, the brief, the report and a comparison alike.

    Examples
    --------
    >>> import interorg
    >>> advice = interorg.advise(interorg.example_case())
    >>> w = advice.diagnosis.suspected[0].weighing
    >>> weighed(advice.labels, advice.lang, w.pieces_for, w.pieces_against, w.net)
    '4 independent signs for, 0 against, net score 7'
    """
    return counted(labels, "briefs.weighed", pieces_for, lang, against=pieces_against, net=net)


def drawn_from(advice):
    """By which interorg and from which knowledge base the advice was drawn up, in its language.

    The last line of a full rendering and of the report, so that a reader
    who holds two of them can tell whether they came from the same rules:
    the knowledge base's fingerprint (:attr:`~interorg.KnowledgeBase.fingerprint`)
    is what the JSON's ``knowledge`` holds.

    Examples
    --------
    >>> import interorg
    >>> advice = interorg.advise(interorg.example_case(), lang="nl")
    >>> drawn_from(advice) == (f"Opgesteld door interorg {interorg.__version__} uit de meegeleverde "
    ...                        f"kennisbank (vingerafdruk {advice.knowledge['fingerprint']}).")
    True
    """
    labels, knowledge = advice.labels, advice.knowledge
    if knowledge is None:  # built in Python: it has no files to take a fingerprint of
        return fill(labels["drawn_from_unknown"], version=advice.interorg_version)
    if knowledge["name"] == BUNDLED:
        return fill(labels["drawn_from_bundled"], version=advice.interorg_version,
                    fingerprint=knowledge["fingerprint"])
    return fill(labels["drawn_from_named"], version=advice.interorg_version, name=knowledge["name"],
                fingerprint=knowledge["fingerprint"])


def diagnosis_brief(advice):
    """The diagnosis in a few lines: problems suspected and worth checking, interventions, scan, phase."""
    result, labels = advice.diagnosis, advice.labels
    lines = []
    if result.suspected:
        ranked = "; ".join(f"{n}. {r.title} ({_weighing(r, labels, advice.lang)})"
                           for n, r in enumerate(result.suspected, start=1))
        lines.append(f"- {labels['diagnosis_suspected']}: {ranked}")
    checking = []
    for title, sign, then in worth_checking(advice):
        notes = [f"{labels['would_confirm']}: {sign}"] if sign else []
        if then:
            notes.append(f"{labels['then']}: {', '.join(then)}")
        checking.append(title + (f" ({'; '.join(notes)})" if notes else ""))
    if checking:
        lines.append(f"- {labels['worth_checking']}: " + "; ".join(checking))
    # the interventions that answer suspected problems are in the action plan: not said again here
    parts = [f"{heading}: {', '.join(factors)}" for heading, factors in scan_brief(advice)]
    if parts:
        lines.append(f"- {labels['diagnosis_scan_short']}: " + "; ".join(parts))
    if result.phase:
        lines.append(f"- {result.phase.title}: {phase_brief(advice)}")
    return lines


def _weighing(problem, labels, lang):
    w = problem.weighing
    return weighed(labels, lang, w.pieces_for, w.pieces_against, w.net)


def phase_brief(advice):
    """What is still to do in the phase and what was skipped before it, in one line (None without a phase)."""
    result = advice.diagnosis
    if not result.phase:
        return None
    before = sum(1 for i in result.skipped if i.rule == "phases.skipped-before-switch")
    return counted(advice.labels, "phase_counts", len(result.next_steps), advice.lang, next=len(result.next_steps),
                   skipped=len(result.skipped), before=before)


def scan_brief(advice):
    """The scan in brief, as ``(heading, factors)`` for the strengths, concerns and disagreements found."""
    scan = advice.diagnosis.scan
    return [(advice.labels["scan_" + name], [advice[i.key].subject_label or i.title for i in scan[name]])
            for name in ("strengths", "concerns", "disagreements") if scan.get(name)]


def worth_checking(advice):
    """The problems worth checking, as ``(title, sign, then)``.

    ``sign`` is the first sign that would confirm the problem (None when the
    sources name none), ``then`` the titles of the interventions for it if
    it is confirmed.
    """
    result = advice.diagnosis
    then = {}
    for item in result.interventions:
        for problem in item.if_confirmed:
            then.setdefault(problem, []).append(item.title)
    found = []
    for item in result.worth_checking:
        # a sign's title names its problem first ("Sign of X: ..."); the line names the problem already
        signs = [title.split(": ", 1)[-1] for title in item.confirm]
        found.append((item.title, signs[0] if signs else None, tuple(then.get(item.id, ()))))
    return found


def set_aside_lines(advice, full=False, hints="neutral"):
    """What conflicts set aside: in brief a count, in full each conclusion with the one that set it aside and why.

    In brief the count ends with how to see them, in the words of ``hints``
    (``python``, ``cli``; ``neutral`` tells none, see :mod:`.hints`).
    """
    labels, counsel = advice.labels, advice.counsel
    items = [item for item in counsel.set_aside.values() if item.relation != "inconsistent"]
    if not items:
        return []
    if not full:
        return [with_hint(counted(labels, "set_aside_count", len(items), advice.lang), labels, "set_aside", hints)]
    return [f"- {advice[item.key].title} [{item.key}] — {labels['set_aside_by']}: {advice[item.by].title}"
            f" [{item.by}]: {item.reason}" for item in items]


def inconsistency_lines(advice):
    """Conclusions of one exclusive group drawn for one subject: always shown, with both derivations' keys."""
    labels = advice.labels
    return [fill(labels["inconsistency"], group=item.title, subject=item.subject or "—", keys=", ".join(item.keys))
            for item in advice.counsel.inconsistencies]


def model_lines(advice, full=False, hints="neutral"):
    """Models the case gives too little for: in brief one line (with how to see more, as ``hints``), in full what to add for each."""
    labels = advice.labels
    missing = [model for model in advice.models if model.status != "applied"]
    if not missing:
        return []
    if not full:
        return [with_hint(counted(labels, "models_count", len(missing), advice.lang), labels, "models", hints)]
    lines = []
    for model in missing:
        lines.append(f"- {model.title} ({labels[model.status]})")
        lines.append(f"  {labels['add']}: " + ", ".join(f"{m.path} ({m.label})" for m in model.missing))
        if model.to_apply:
            lines.append(f"  {model.to_apply}")
    return lines
