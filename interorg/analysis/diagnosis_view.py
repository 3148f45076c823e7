"""The diagnosis as a reader sees it: tables for pandas and HTML for Jupyter.

:class:`~interorg.Diagnosis` delegates here, so that the module that
gathers the diagnosis stays about gathering.  Headings come from
``knowledge/messages.yaml`` in the diagnosis's language; every text of the
case (titles, paths, keys) is escaped.
"""

from ..utils.display import details, escape, frame, html_table
from ..engine.wording import counted
from .knowledge import load_knowledge
from .labels import message

__all__ = ["diagnosis_html", "evidence_frame", "interventions_frame", "problems_frame"]


def _problems(diagnosis):
    """Every archetype: the suspected ones ranked, then those worth checking, then the others in the source's order."""
    ranked = [(rank, result) for rank, result in enumerate(diagnosis.suspected, start=1)]
    return ranked + [(None, result) for result in diagnosis.worth_checking + diagnosis.not_suspected]


#: The numbers of a problem's weighing, under the names of Diagnosis.to_dict()'s "weighing".
_WEIGHED = ("pieces_for", "pieces_against", "score_for", "score_against", "net")


def problems_frame(diagnosis):
    """One row per archetypical problem, indexed by its id (see :meth:`Diagnosis.to_frame`)."""
    records = [{"problem": r.id, "title": r.title, "level": r.level, "suspected": r.suspected, "rank": rank,
                **{name: getattr(r.weighing, name) if r.weighing else 0 for name in _WEIGHED},
                "evidence_for": len(r.evidence_for), "evidence_against": len(r.evidence_against),
                "interventions": ", ".join(r.interventions)}
               for rank, r in _problems(diagnosis)]
    columns = ["problem", "title", "level", "suspected", "rank", *_WEIGHED, "evidence_for", "evidence_against",
               "interventions"]
    return frame(records, columns, index="problem")


def evidence_frame(diagnosis):
    """One row per piece of evidence for or against a problem, with the places in the case it rests on."""
    records = [{"problem": r.id, "direction": direction, "key": i.key, "rule": i.rule, "subject": i.subject,
                "title": i.title, "paths": ", ".join(i.paths)}
               for _rank, r in _problems(diagnosis)
               for direction, found in (("for", r.evidence_for), ("against", r.evidence_against))
               for i in found]
    return frame(records, ["problem", "direction", "key", "rule", "subject", "title", "paths"])


def interventions_frame(diagnosis):
    """One row per intervention type recommended, indexed by its id."""
    records = [{"intervention": i.id, "title": i.title, "answers": ", ".join(i.answers),
                "techniques": "; ".join(i.techniques), "recommended_by": ", ".join(i.recommended_by),
                "description": i.description} for i in diagnosis.interventions]
    return frame(records, ["intervention", "title", "answers", "techniques", "recommended_by", "description"],
                 index="intervention")


def _evidence_list(indications, heading):
    if not indications:
        return ""
    items = "".join(f"<li>{escape(i.title)} <code>{escape(i.key)}</code>"
                    + (f"<br><small>{', '.join(f'<code>{escape(p)}</code>' for p in i.paths)}</small>"
                       if i.paths else "") + "</li>" for i in indications)
    return f"<p><b>{escape(heading)}</b></p><ul>{items}</ul>"


def _scan_html(diagnosis, lang):
    if not any(diagnosis.scan.values()):
        return ""
    rows = [[message(f"scan_{name}", lang), "; ".join(i.title for i in found) or message("none", lang)]
            for name, found in diagnosis.scan.items()]
    return f"<h4>{escape(message('diagnosis_scan', lang))}</h4>" + html_table(["", ""], rows)


def diagnosis_html(diagnosis):
    """The diagnosis as an HTML fragment: scan, phase, the problems and the interventions as tables."""
    lang = diagnosis.lang
    out = ['<div class="interorg-diagnosis">', f"<h3>{escape(message('diagnosis', lang))}</h3>"]
    out.append(_scan_html(diagnosis, lang))
    if diagnosis.phase is not None:
        messages = load_knowledge().labels(lang)
        counts = counted(messages, "phase_counts", len(diagnosis.next_steps), lang, next=len(diagnosis.next_steps),
                         skipped=len(diagnosis.skipped),
                         before=sum(1 for i in diagnosis.skipped if i.rule == "phases.skipped-before-switch"))
        steps = _evidence_list(diagnosis.next_steps, message("phase_to_do", lang)) if diagnosis.next_steps else ""
        out.append(f"<p><b>{escape(message('diagnosis_phase', lang))}:</b> {escape(diagnosis.phase.title)}"
                   f" — {escape(counts)}</p>" + (details(message("phase_to_do", lang), steps) if steps else ""))
    titles = {item.id: item.title for item in diagnosis.interventions}
    headers = ["#"] + [message(key, lang) for key in
                       ("col_problem", "col_signs_for", "col_signs_against", "col_net", "interventions")]

    def rows(results, ranked):
        # the weighing's pieces_for, pieces_against and net, as the report and to_dict give them
        found = []
        for rank, r in enumerate(results, start=1):
            evidence = (_evidence_list(r.evidence_for, message("evidence_for", lang))
                        + _evidence_list(r.evidence_against, message("evidence_against", lang)))
            found.append([rank if ranked else "", f"<b>{escape(r.title)}</b>" + details(message("col_evidence", lang), evidence),
                          r.weighing.pieces_for, r.weighing.pieces_against, r.weighing.net,
                          escape(", ".join(titles.get(i, i) for i in r.interventions))])
        return found

    out.append(f"<h4>{escape(message('suspected_problems', lang))}</h4>")
    if diagnosis.suspected:
        out.append(html_table(headers, rows(diagnosis.suspected, True), raw={1, 5}))
    else:
        out.append(f"<p>{escape(message('none', lang))}</p>")
    if diagnosis.worth_checking:
        out.append(f"<h4>{escape(message('worth_checking', lang))}</h4>")
        out.append(html_table(headers, rows(diagnosis.worth_checking, False), raw={1, 5}))
    if diagnosis.not_suspected:
        quiet = ", ".join(r.title for r in diagnosis.not_suspected if not r.evidence_against)
        against = "".join(_evidence_list(r.evidence_against, r.title)
                          for r in diagnosis.not_suspected if r.evidence_against)
        body = against + (f"<p>{escape(message('no_evidence', lang))}: {escape(quiet)}</p>" if quiet else "")
        out.append(details(message("not_suspected", lang), body))
    if diagnosis.interventions:
        problems = {r.id: r.title for r in diagnosis.suspected}
        rows = [[f"<b>{escape(i.title)}</b>" + details(message("col_description", lang), f"<p>{escape(i.description)}</p>"),
                 escape("; ".join(i.techniques)), escape(", ".join(problems.get(a, a) for a in i.answers))]
                for i in diagnosis.interventions]
        out.append(f"<h4>{escape(message('interventions', lang))}</h4>")
        out.append(html_table([message("interventions", lang), message("techniques", lang),
                               message("answers_problems", lang)], rows, raw={0, 1, 2}))
    out.append("</div>")
    return "\n".join(part for part in out if part)
