"""Render an advice as plain text, Markdown or HTML (for Jupyter)."""

import html as _html
import textwrap

from . import escape
from .summaries import diagnosis_lines, relationship_lines

__all__ = ["derivation", "html", "markdown", "text"]

_SECTIONS = (("finding", "findings"), ("warning", "warnings"), ("recommendation", "recommendations"))


def _sections(advice):
    for kind, heading in _SECTIONS:
        items = [c for c in advice.conclusions if c.kind == kind]
        if items:
            yield advice.labels[heading], items


def _citation(citation):
    document = f" ({citation.document})" if citation.document else ""
    year = f" {citation.year}" if citation.year else ""
    return f"{citation.author}{year}{document}, “{citation.where}”"


def _basis(conclusion, labels):
    if conclusion.basis == "derived":
        return f"{labels['basis_derived']}: {conclusion.reason}"
    return labels["basis_source"]


def _derivation_lines(explanation, labels, depth=0):
    pad = "  " * depth
    lines = [f"{pad}{labels['rule']} {explanation.rule}: {escape.one_line(explanation.title)}"]
    for support in explanation.supports:
        for evidence in support.evidence:
            lines.append(f"{pad}  - {escape.one_line(evidence.summary)}")
            if evidence.explanation is not None:
                lines.extend(_derivation_lines(evidence.explanation, labels, depth + 2))
        for absent in support.absent:
            lines.append(f"{pad}  - {labels['absent']}: {escape.one_line(absent)}")
    return lines


def derivation(conclusion, labels):
    """The derivation tree of one conclusion as indented text, down to the case's input."""
    return "\n".join(_derivation_lines(conclusion.explanation, labels))


def _models_lines(advice):
    labels = advice.labels
    lines = []
    for model in advice.models:
        if model.status == "applied":
            continue
        lines.append(f"- {model.title} ({labels[model.status]})")
        missing = ", ".join(f"{m.path} ({m.label})" for m in model.missing)
        lines.append(f"  {labels['add']}: {missing}")
        if model.to_apply:
            lines.append(f"  {model.to_apply}")
    return lines


def text(advice, explain=True):
    """Return the advice as plain text, wrapped at 88 columns."""
    labels = advice.labels
    title = labels["advice_for"] + (f" {advice.case_name}" if advice.case_name else "")
    out = [title, "=" * len(title)]
    if not advice.conclusions:
        out += ["", labels["nothing_concluded"]]
    for heading, items in _sections(advice):
        out += ["", heading, "-" * len(heading)]
        for conclusion in items:
            out.append(f"[{conclusion.key}] {conclusion.title}")
            out += textwrap.wrap(conclusion.text, 88, initial_indent="    ", subsequent_indent="    ")
            if explain:
                out.append(f"    {labels['basis']}: {_basis(conclusion, labels)}")
                for citation in conclusion.sources:
                    out += textwrap.wrap(f"{labels['source']}: {_citation(citation)}", 88,
                                         initial_indent="    ", subsequent_indent="      ")
                out.append(f"    {labels['because']}:")
                for line in _derivation_lines(conclusion.explanation, labels)[1:]:
                    leading = " " * (4 + len(line) - len(line.lstrip()))
                    out += textwrap.wrap(line.strip(), 88, initial_indent=leading,
                                         subsequent_indent=leading + "    ")
            out.append("")
    summary = relationship_lines(advice)
    if summary:
        out += ["", labels["relationships"], "-" * len(labels["relationships"])]
        for line in summary:
            out += textwrap.wrap(line, 88, subsequent_indent="    ") or [""]
        out.append("")
    diagnosis = diagnosis_lines(advice, explain)
    if diagnosis:
        out += ["", labels["diagnosis"], "-" * len(labels["diagnosis"])]
        for line in diagnosis:
            indent = " " * (len(line) - len(line.lstrip()))
            out += textwrap.wrap(line, 88, subsequent_indent=indent + "    ") or [""]
        out.append("")
    models = _models_lines(advice)
    if models:
        out += ["", labels["models_not_applied"], "-" * len(labels["models_not_applied"]), *models]
    return escape.terminal("\n".join(out).rstrip() + "\n")


def markdown(advice, explain=True):
    """Return the advice as Markdown."""
    labels = advice.labels
    out = [f"# {labels['advice_for']}" + (f" {escape.markdown_line(advice.case_name)}" if advice.case_name else "")]
    if not advice.conclusions:
        out += ["", labels["nothing_concluded"]]
    for heading, items in _sections(advice):
        out += ["", f"## {heading}"]
        for conclusion in items:
            out += ["", f"### {escape.markdown_line(conclusion.title)}", "", f"`{conclusion.key}`", "",
                    escape.markdown(conclusion.text)]
            if explain:
                out += ["", f"*{labels['basis']}:* {_basis(conclusion, labels)}  "]
                out += [f"*{labels['source']}:* {_citation(c)}  " for c in conclusion.sources]
                tree = escape.terminal(derivation(conclusion, labels))
                out += ["", f"<details><summary>{labels['because']}</summary>", "", escape.fence(tree) + "text",
                        tree, escape.fence(tree), "", "</details>"]
    summary = relationship_lines(advice)
    if summary:
        out += ["", f"## {labels['relationships']}", "", *map(escape.markdown_line, summary)]
    diagnosis = diagnosis_lines(advice, explain)
    if diagnosis:
        out += ["", f"## {labels['diagnosis']}", "", *map(escape.markdown_line, diagnosis)]
    models = _models_lines(advice)
    if models:
        out += ["", f"## {labels['models_not_applied']}", "", *map(escape.markdown_line, models)]
    return "\n".join(out) + "\n"


_KIND_COLOURS = {"finding": "#2b6cb0", "warning": "#c05621", "recommendation": "#2f855a"}


def html(advice):
    """Return the advice as an HTML fragment, for Jupyter's rich display."""
    esc = _html.escape
    labels = advice.labels
    out = ['<div class="interorg-advice">',
           f"<h3>{esc(labels['advice_for'])} {esc(advice.case_name or '')}</h3>"]
    if not advice.conclusions:
        out.append(f"<p>{esc(labels['nothing_concluded'])}</p>")
    for heading, items in _sections(advice):
        out.append(f"<h4>{esc(heading)}</h4>")
        for conclusion in items:
            colour = _KIND_COLOURS[conclusion.kind]
            sources = "<br>".join(esc(_citation(c)) for c in conclusion.sources)
            out.append(
                f'<div style="border-left:4px solid {colour};padding-left:8px;margin:6px 0">'
                f"<b>{esc(conclusion.title)}</b> <code>{esc(conclusion.key)}</code>"
                f"<p>{esc(conclusion.text)}</p>"
                f"<small>{esc(labels['basis'])}: {esc(_basis(conclusion, labels))}<br>"
                f"{esc(labels['source'])}: {sources}</small>"
                f"<details><summary>{esc(labels['because'])}</summary>"
                f"<pre>{esc(derivation(conclusion, labels))}</pre></details></div>"
            )
    summary = relationship_lines(advice)
    if summary:
        out.append(f"<h4>{esc(labels['relationships'])}</h4><pre>{esc(chr(10).join(summary))}</pre>")
    diagnosis = diagnosis_lines(advice)
    if diagnosis:
        out.append(f"<h4>{esc(labels['diagnosis'])}</h4><pre>{esc(chr(10).join(diagnosis))}</pre>")
    models = _models_lines(advice)
    if models:
        out.append(f"<h4>{esc(labels['models_not_applied'])}</h4><pre>{esc(chr(10).join(models))}</pre>")
    out.append("</div>")
    return "\n".join(out)
