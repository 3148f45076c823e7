"""The report to hand over: the advice as one self-contained HTML file, to read in a browser or print to PDF.

:func:`report_html` writes what the text output shows, in the order a
reader who must act needs it: the action plan first, then the diagnosis
(problems suspected and worth checking, the scan, the phase), the figures
the case has data for (the partner map, the scan as a heat map, the
agreement per factor, the relationships on the trust × vigilance grid),
then the warnings, findings and recommendations as the text output groups
them, each with its explanation and sources folded in a ``<details>``.

The document needs nothing from outside: the style is inline, the figures
are PNG images in ``data:`` URIs, and there is no script.  It is a Jinja2
template shipped with the package (``templates/report.html.j2``), with
autoescape on and every value first passed through
:func:`.escape.terminal`, so that a partner named
``</details><script>`` or ``{{7*7}}`` shows as written and does nothing.
Without matplotlib the report is written without its figures and says so.
"""

import base64
import datetime
import functools
import importlib.resources
import io
import pathlib

from ..analysis.network import partner_graph
from ..analysis.scan import scan_scores
from ..engine.results import PRIORITIES
from ..engine.wording import counted, fill
from ..errors import MissingDependency, UsageError
from ..utils.writing import write_text
from . import briefs, escape
from .render import _basis, _citation, _conflict_lines, _listed, _priority, derivation
from .view import DRAWN_PARTNERS, Selection, advice_entries, plan_entries

__all__ = ["DRAWN_PARTNERS", "figures_available", "report_html", "save_report"]

_TEMPLATE = "templates/report.html.j2"
_KINDS = (("warning", "warnings"), ("finding", "findings"), ("recommendation", "recommendations"))
#: Resolution of the figures: sharp enough on paper, small enough to mail the file.
_DPI = 130


def figures_available():
    """Whether the figures can be drawn (matplotlib is installed).

    Examples
    --------
    >>> figures_available()
    True
    """
    from . import plots

    try:
        plots.pyplot()
    except MissingDependency:
        return False
    return True


def report_html(advice, figures=True, selection=Selection()):
    """Return the advice as one self-contained HTML document, to hand over or print to PDF.

    Parameters
    ----------
    advice : Advice
        As returned by :func:`interorg.advise`; its language is the report's.
    figures : bool
        Draw the figures the case has data for (needs matplotlib; without
        it the document says that the figures are left out).
    selection : Selection
        Which conclusions to show (as ``interorg advise --kind``...); a
        narrowed selection leaves out the diagnosis and what was set aside,
        as the text output does.

    Returns
    -------
    str
        The HTML document.

    Examples
    --------
    >>> import interorg
    >>> from interorg.report.html import report_html
    >>> page = report_html(interorg.advise(interorg.example_case(), lang="nl"), figures=False)
    >>> page.startswith("<!DOCTYPE html>"), "<h2>Actieplan</h2>" in page
    (True, True)
    """
    labels = advice.labels
    everything = selection == Selection()
    drawn, note = _figures(advice) if figures else ([], None)
    page = {
        "lang": advice.lang,
        "labels": labels,
        "title": labels["advice_for"] + (f" {advice.case_name}" if advice.case_name else ""),
        "meta": " · ".join(_meta(advice)),
        "nothing": labels["nothing_concluded"] if not advice.conclusions else None,
        "plan": [_action(advice, action) for action in plan_entries(advice, selection)],
        "more": [_action(advice, action) for action in plan_entries(advice, selection, more=True)],
        "diagnosis": _diagnosis(advice) if everything else None,
        "figures": drawn,
        "figures_note": note,
        "kinds": _kinds(advice, selection),
        "other": _other(advice) if everything else [],
        "sources": _sources(advice),
        "made": f"{briefs.drawn_from(advice)} {labels['report_made']}",
    }
    return _template().render(page=page)


def save_report(advice, path, figures=True, selection=Selection()):
    """Write :func:`report_html` to ``path`` (atomically: a failed write leaves what was there).

    Parameters
    ----------
    advice : Advice
    path : str or os.PathLike
        The file to write, usually ending in ``.html``.
    figures, selection
        As for :func:`report_html`.

    Returns
    -------
    pathlib.Path
        ``path``.

    Raises
    ------
    WriteError
        If the file cannot be written (no such folder, read-only).
    UsageError
        If ``path`` ends in a suffix of another kind of file (``.pdf``): the
        report is HTML, printed to PDF from the browser.

    Examples
    --------
    >>> import interorg, pathlib, tempfile
    >>> folder = tempfile.mkdtemp()
    >>> path = save_report(interorg.advise(interorg.example_case()), pathlib.Path(folder) / "report.html",
    ...                    figures=False)
    >>> path.read_text(encoding="utf-8").count("<h2>Action plan</h2>")
    1
    """
    suffix = pathlib.Path(path).suffix.lower()
    if suffix and suffix not in (".html", ".htm"):
        raise UsageError(f"{path}: the report is an HTML file; expected a name ending in .html (got {suffix!r});"
                         f" a browser prints it to PDF")
    write_text(path, report_html(advice, figures, selection))
    return pathlib.Path(path)


@functools.cache
def _template():
    import jinja2
    from markupsafe import Markup

    def finalize(value):
        # every value, the case's text above all, is shown as text: control characters and
        # bidirectional overrides as escapes, then autoescape makes <, &, " and ' entities
        return escape.terminal(value) if isinstance(value, str) and not isinstance(value, Markup) else value

    source = importlib.resources.files("interorg.report").joinpath(_TEMPLATE).read_text(encoding="utf-8")
    environment = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, finalize=finalize,
                                     trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    return environment.from_string(source)


def _meta(advice):
    """When the case was assessed and its round, in the advice's language."""
    case, labels, out = advice.case, advice.labels, []
    if case is None:
        return out
    if case.assessed:
        from babel.dates import format_date

        day = format_date(datetime.date.fromisoformat(case.assessed), format="long", locale=advice.lang)
        out.append(fill(labels["report_assessed"], date=day))
    if case.round is not None:
        out.append(fill(labels["report_round"], round=case.round))
    return out


def _conclusion(advice, conclusion, previous=None):
    """A conclusion for the template; ``repeat`` when it follows one of the same rule, whose title, basis
    and sources it shares (they are shown once, and the conclusion by what it is about)."""
    labels = advice.labels
    about = conclusion.subject_label or conclusion.subject
    return {"title": conclusion.title, "key": conclusion.key, "text": conclusion.text,
            # what it is about; under its title, only where the title does not say it
            "about": about, "about_untitled": about if about and about not in conclusion.title else None,
            "repeat": previous is not None and previous.id == conclusion.id,
            "basis": f"{labels['basis']}: {_basis(conclusion, labels)}",
            "sources": [_citation(c) for c in conclusion.sources],
            "conflicts": _conflict_lines(advice, conclusion),
            "derivation": derivation(conclusion, labels, advice.counsel.set_aside, head=False)}


def _conclusions(advice, conclusions):
    """:func:`_conclusion` for each, in order, noting which follow one of the same rule."""
    return [_conclusion(advice, c, previous) for previous, c in zip([None, *conclusions], conclusions)]


def _priority_of(priority):
    """The CSS class of a priority: one of the known words, never text of the case."""
    return priority if priority in PRIORITIES else "step"


def _action(advice, action):
    labels = advice.labels
    answered = [key for key in action.answers if key not in action.keys]
    answers = f" ({counted(labels, 'answers_warnings', len(answered), advice.lang)})" if answered else ""
    return {"rank": action.rank, "title": action.title, "subjects": _listed(action.subjects, labels),
            "priority": _priority_of(action.priority), "priority_label": _priority(labels, action.priority),
            "because": f"{labels['plan_because']}: {action.because}{answers}",
            "conclusions": _conclusions(advice, [advice[key] for key in action.keys]),
            # the warnings it answers, in full: a reader of the plan sees why without the text output
            "answered": _conclusions(advice, [advice[key] for key in answered])}


def _diagnosis(advice):
    """The diagnosis as the text output gives it in brief, with the signs of each suspected problem; None if empty."""
    result, labels, lang = advice.diagnosis, advice.labels, advice.lang
    titles = {item.id: item.title for item in result.interventions}
    suspected = [{"title": problem.title,
                  "signs": briefs.weighed(labels, lang, problem.weighing.pieces_for,
                                          problem.weighing.pieces_against, problem.weighing.net),
                  "interventions": ", ".join(titles[i] for i in problem.interventions if i in titles),
                  "evidence": [(labels["evidence_for"], [i.title for i in problem.evidence_for]),
                               (labels["evidence_against"], [i.title for i in problem.evidence_against])]}
                 for problem in result.suspected]
    checking = [{"title": title, "sign": sign, "then": ", ".join(then)}
                for title, sign, then in briefs.worth_checking(advice)]
    scan = [(heading, ", ".join(factors)) for heading, factors in briefs.scan_brief(advice)]
    phase = (result.phase.title, briefs.phase_brief(advice)) if result.phase else None
    if not (suspected or checking or scan or phase):
        return None
    return {"suspected": suspected, "checking": checking, "scan": scan, "phase": phase}


def _kinds(advice, selection):
    """The warnings, findings and recommendations not in the plan, grouped by kind as the text output groups them."""
    labels, out = advice.labels, []
    entries = advice_entries(advice, selection)
    for kind, heading in _KINDS:
        found = []
        for entry in entries[kind]:
            parts = [entry.about] if entry.about else []
            if entry.subjects:
                parts.append(f"{labels['also']}: {_listed(entry.subjects, labels)}")
            found.append({"title": entry.title, "about": "; ".join(parts),
                          "priority": _priority_of(entry.priority),
                          "priority_label": _priority(labels, entry.priority),
                          "conclusions": _conclusions(advice, list(entry.conclusions))})
        if found:
            out.append({"kind": kind, "heading": labels[heading], "entries": found})
    return out


def _other(advice):
    """What was set aside, inconsistent knowledge and the models the case gives too little for, in full."""
    labels, out = advice.labels, []
    set_aside = briefs.set_aside_lines(advice, full=True) + briefs.inconsistency_lines(advice)
    models = briefs.model_lines(advice, full=True)
    for heading, lines in ((labels["set_aside"], set_aside), (labels["models_not_applied"], models)):
        items = []
        for line in lines:  # "- first line", then its continuation lines indented
            if line.startswith("  ") and items:
                items[-1].append(line.strip())
            else:
                items.append([line.removeprefix("- ")])
        if items:
            out.append({"heading": heading, "points": items})
    return out


def _sources(advice):
    """Every document the shown advice rests on, once, by author, year and title."""
    keys = [key for action in advice.counsel.plan + advice.counsel.more for key in action.keys]
    keys += list(advice.counsel.advice)
    found = {}
    for key in keys:
        for citation in advice[key].sources:
            found.setdefault(citation.source, _citation(citation, where=False))
    return sorted(found.values(), key=str.casefold)


def _figures(advice):
    """The figures the case has data for, as dicts of caption and PNG ``data:`` URI, and a note when left out."""
    from . import plots

    try:
        plt = plots.pyplot()
    except MissingDependency:
        return [], advice.labels["report_no_figures"]

    case, labels, lang = advice.case, advice.labels, advice.lang
    drawings, note = [], None
    # beyond a few dozen partners a map or a column per partner cannot be read, and drawing it
    # takes minutes: the report says so, and `interorg plot` still draws each on request
    legible = case is None or len(case.partners) <= DRAWN_PARTNERS
    if not legible:
        note = fill(labels["report_too_many_partners"], count=len(case.partners))
    graph = partner_graph(case, advice.conclusions, advice.counsel.set_aside) if legible and case is not None and case.partners else None
    if graph is not None and _has_map(graph):
        drawings.append(("map", labels["report_map"], lambda: plots.draw_map(graph, lang=lang)))
    if legible and case is not None and any(score.score is not None for score in scan_scores(case)):
        drawings.append(("heatmap", labels["scan_title"], lambda: plots.scan_heatmap(advice)))
        drawings.append(("agreement", labels["agreement_title"], lambda: plots.scan_agreement(advice)))
    if advice.relationships is not None and advice.relationships.relationships:
        drawings.append(("grid", labels["grid_title"], lambda: plots.trust_grid(advice)))
    out = []
    for name, caption, draw in drawings:
        figure = draw().figure
        try:
            buffer = io.BytesIO()
            # no "Software" stamp, so that the same advice gives the same bytes
            figure.savefig(buffer, format="png", dpi=_DPI, bbox_inches="tight", metadata={"Software": None})
        finally:
            plt.close(figure)
        data = base64.b64encode(buffer.getvalue()).decode("ascii")
        out.append({"name": name, "caption": caption, "uri": f"data:image/png;base64,{data}"})
    return out, note


def _has_map(graph):
    """Whether the partner map would show something: a partner's position, or a tie between partners."""
    from .plots.network import BANDS

    bands = {name for name, *_rest in BANDS}
    return graph.number_of_edges() > 0 or any(data.get("position") in bands or data.get("placed") in bands
                                              for _node, data in graph.nodes(data=True))
