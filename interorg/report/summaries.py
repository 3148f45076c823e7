"""The summaries of an advice as lines of text: the relationships and the diagnosis.

Each function reads what :func:`interorg.advise` computed (``advice.relationships``,
``advice.diagnosis``) and writes it in the advice's language, as Markdown
lists that the plain-text renderer wraps.
"""

from ..engine.wording import counted, format_number, partner_names
from .briefs import weighed, worth_checking

__all__ = ["diagnosis_lines", "relationship_lines"]


def relationship_lines(advice):
    """The summary of ``advice`` as lines of text (Markdown lists), in its language; [] without relationships.

    The headings come from the advice's labels, so the renderers of
    :mod:`.render` can put them under a heading of their own.
    """
    summary = advice.relationships
    if not summary.relationships:
        return []
    labels = advice.labels
    names = _names(advice)

    def name(rule):
        return labels[rule if rule is not None else "no_quadrant"]

    def listed(ids):
        return f"{len(ids)}" + (f": {', '.join(partner_names(i, names) for i in ids)}" if ids else "")

    lines = [f"{labels['per_quadrant']}:"]
    lines += [f"- {name(rule)} — {listed(ids)}" for rule, ids in summary.quadrants.items()
              if rule is not None or ids]
    lines += ["", f"{labels['triggers_of_opportunism']}:"]
    for rule, ids in summary.triggers.items():
        recurring = f" ({labels['recurring']})" if len(ids) > 1 else ""
        lines.append(f"- {name(rule)}{recurring} — {listed(ids)}")
    lines += ["", f"{labels['risky_partners']}:"]
    risky = [(p, n, total) for p, n, total in summary.partners if n]
    lines += [f"- {partner_names(p, names)}: " + counted(labels, "risky_of", total, advice.lang, risky=n, total=total)
              for p, n, total in risky]
    lines += [] if risky else [f"- {labels['none']}"]
    lines += ["", f"{labels['per_relationship']}:"]
    for result in summary.relationships:
        parts = [name(result.quadrant)]
        if result.risks:
            parts.append(f"{labels['risks']}: {', '.join(name(rule) for rule in result.risks)}")
        lines.append(f"- {partner_names(result.id, names)}: {'; '.join(parts)}")
    return lines


def _names(advice):
    """The partners' names by id (the advice shows partners by name where the case gives one)."""
    case = advice.case
    return case.partner_names() if case is not None else {}


def diagnosis_lines(advice, explain=True):
    """The diagnosis of ``advice`` as lines of text (Markdown lists), in its language; [] when there is none.

    There is a diagnosis when the advice has a conclusion of the scan, the
    phases, the archetypes or the interventions.  Without ``explain``, the
    places in the case behind each piece of evidence, the descriptions of
    the interventions and the keys of the recommendations are left out.
    """
    result = advice.diagnosis
    labels = advice.labels
    has_scan = any(result.scan.values())
    if not (has_scan or result.phase or result.suspected or result.interventions
            or any(r.evidence_against for r in result.not_suspected)):
        return []
    lines = []
    if has_scan:
        lines.append(f"{labels['diagnosis_scan']}:")
        for name in ("strengths", "concerns", "disagreements"):
            found = [_scan_item(advice[i.key], advice.lang, _names(advice)) for i in result.scan[name]]
            lines.append(f"- {labels['scan_' + name]}: {'; '.join(found) if found else labels['none']}")
        lines.append("")
    if result.phase:
        lines.append(f"{labels['diagnosis_phase']}: {result.phase.title}")
        before = sum(1 for i in result.skipped if i.rule == "phases.skipped-before-switch")
        lines.append("- " + counted(labels, "phase_counts", len(result.next_steps), advice.lang,
                                    next=len(result.next_steps), skipped=len(result.skipped), before=before))
        lines.append("")
    titles = {item.id: item.title for item in result.interventions}
    lines.append(f"{labels['suspected_problems']}:")
    if not result.suspected:
        lines.append(f"- {labels['none']}")
    for rank, archetype in enumerate(result.suspected, start=1):
        lines.append(f"{rank}. {archetype.title} — {_weighed(archetype, labels, advice.lang)}")
        lines += _evidence_lines(archetype, labels, explain)
        if archetype.interventions:
            lines.append(f"   - {labels['interventions']}: "
                         + ", ".join(titles[item] for item in archetype.interventions))
    if result.worth_checking:
        lines += ["", f"{labels['worth_checking']}:"]
        for archetype, (_, sign, then) in zip(result.worth_checking, worth_checking(advice)):
            lines.append(f"- {archetype.title} — {_weighed(archetype, labels, advice.lang)}")
            lines += _evidence_lines(archetype, labels, explain)
            if sign:
                lines.append(f"   - {labels['would_confirm']}: {sign}")
            if then:
                lines.append(f"   - {labels['then']}: {', '.join(then)}")
    against = [r for r in result.not_suspected if r.evidence_against]
    quiet = [r for r in result.not_suspected if not r.evidence_against]
    if result.not_suspected:
        lines += ["", f"{labels['not_suspected']}:"]
        for archetype in against:
            lines.append(f"- {archetype.title} — {_weighed(archetype, labels, advice.lang)}")
            lines += _evidence_lines(archetype, labels, explain)
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
            # a recommendation held back answers only a problem the diagnosis does not suspect
            recommending = [key for key in item.recommended_by if advice.counsel.status(key) != "held-back"]
            if explain and recommending:
                lines.append(f"   - {labels['recommended_by']}: " + ", ".join(recommending))
            lines += [f"   - {labels['caveat']}: {advice[key].title}" for key in item.caveats]
    return lines


def _weighed(archetype, labels, lang):
    """A problem's weighing as every rendering gives it (:func:`.briefs.weighed`)."""
    w = archetype.weighing
    return weighed(labels, lang, w.pieces_for, w.pieces_against, w.net)


def _evidence_lines(archetype, labels, explain):
    return ([f"   - {labels['evidence_for']}: {_evidence(i, explain)}" for i in archetype.evidence_for]
            + [f"   - {labels['evidence_against']}: {_evidence(i, explain)}" for i in archetype.evidence_against])


def _scan_item(conclusion, lang, names):
    """A scan conclusion in a few words: the factor and its score, or the partners' scores."""
    values = conclusion.explanation.supports[0].evidence[0].values
    if conclusion.id == "scan.disagreement":
        low, high = (names.get(values[key], values[key]) for key in ("lowest_partner", "highest_partner"))
        return (f"{conclusion.subject_label} ({low} {format_number(values['lowest_score'], lang)}, "
                f"{high} {format_number(values['highest_score'], lang)})")
    return f"{conclusion.subject_label} ({format_number(values['score'], lang)})"


def _evidence(indication, explain=True):
    paths = f" [{', '.join(indication.paths)}]" if indication.paths and explain else ""
    return f"{indication.title}{paths}"
