"""Render an advice as plain text, Markdown or HTML (for Jupyter).

By default a rendering is counsel a reader can take in: the action plan
first, then the rest of the advice one line per rule, the diagnosis in
brief, and one line each for what was set aside and which models could not
be applied.  ``full=True`` gives everything: each conclusion with its text,
basis, sources and derivation, what it set aside, what was set aside and
why, the summaries in full and what each model still needs.
"""

import html as _html
import textwrap

import attrs

from ..engine.wording import counted, fill
from . import briefs, escape
from .hints import audience, hint, with_hint
from .summaries import diagnosis_lines, relationship_lines
from .view import Selection, advice_entries, listed_entries, plan_entries

__all__ = ["conclusion_text", "derivation", "html", "markdown", "text"]

_WIDTH = 88
_HEADINGS = (("warning", "warnings"), ("finding", "findings"), ("recommendation", "recommendations"))
_SPECIAL_WHITESPACE = frozenset("\t\n\r\x0b\x0c")


def _citation(citation, where=True):
    """A source as a reader knows it: author (year), title, and the place in it; the file name is for the JSON.

    Without ``where``, the document alone (for a list of the sources).
    """
    year = f" ({citation.year})" if citation.year else ""
    by = f"{citation.author}{year}, " if citation.author else ""
    return f"{by}{citation.title}" + (f", “{citation.where}”" if where else "")


def _basis(conclusion, labels):
    if conclusion.basis == "derived":
        return f"{labels['basis_derived']}: {conclusion.reason}"
    return labels["basis_source"]


def _derivation_lines(explanation, labels, depth=0, set_aside=()):
    pad = "  " * depth
    lines = [f"{pad}{labels['rule']} {explanation.rule}: {escape.one_line(explanation.title)}"]
    for support in said_once(explanation.supports):
        for evidence in support.evidence:
            # a premise a conflict set aside is still how the rule fired, but the reader must see it is
            mark = f" ({labels['set_aside_mark']})" if evidence.type == "conclusion" and evidence.key in set_aside else ""
            lines.append(f"{pad}  - {escape.one_line(evidence.summary)}{mark}")
            if evidence.explanation is not None:
                lines.extend(_derivation_lines(evidence.explanation, labels, depth + 2, set_aside))
        for absent in support.absent:
            lines.append(f"{pad}  - {labels['absent']}: {escape.one_line(absent)}")
    return lines


def said_once(supports):
    """The supports of an explanation as a reader is told them: each evidence once, each support once.

    Alternatives (``any``) that hold together give one way per combination
    in the explanation, each evidence in the place of its condition: "three
    of four" written as a pair of alternatives per pair of contingencies is
    met eight ways by the same three conclusions, each cited up to three
    times.  Told to a reader, a support is the set of what it rests on, in
    the order first cited; one that rests on what an earlier one rests on
    (with the same absent) adds nothing.

    Examples
    --------
    >>> import interorg
    >>> advice = interorg.advise(interorg.example_case())
    >>> supports = advice["provan-kenis.governance.mostly-fits-lead-organisation"].explanation.supports
    >>> len(supports), [len(support.evidence) for support in said_once(supports)]
    (8, [3])
    """
    kept, seen = [], set()
    for support in supports:
        firsts = {}
        for evidence in support.evidence:
            firsts.setdefault(_said(evidence), evidence)
        said = (frozenset(firsts), support.absent)
        if said not in seen:
            seen.add(said)
            kept.append(support if len(firsts) == len(support.evidence)
                        else attrs.evolve(support, evidence=tuple(firsts.values())))
    return kept


def _said(evidence):
    # what an evidence tells: an earlier conclusion, or the tested fields of one input
    return evidence.key if evidence.type == "conclusion" else (evidence.path, evidence.fields)


def derivation(conclusion, labels, set_aside=(), head=True):
    """The derivation tree of one conclusion as indented text, down to the case's input.

    A premise whose key is in ``set_aside`` (the conclusions a conflict set
    aside) is marked as such.  Without ``head`` the first line (the rule and
    the conclusion's title) is left out, for a page that shows them above.
    """
    lines = _derivation_lines(conclusion.explanation, labels, set_aside=set_aside)
    return "\n".join(lines if head else [line[2:] for line in lines[1:]])


def _conflict_lines(advice, conclusion):
    """What the conclusion set aside, or what set it aside, with the reason: one line each."""
    labels, counsel = advice.labels, advice.counsel
    lines = [f"{labels['sets_aside']}: {advice[item.key].title} — {item.reason}"
             for item in counsel.set_aside.values() if item.by == conclusion.key]
    mine = counsel.set_aside.get(conclusion.key)
    if mine is not None:
        lines.append(f"{labels['set_aside_by']}: {advice[mine.by].title} — {mine.reason}")
    if counsel.status(conclusion.key) == "held-back":
        lines.append(labels["held_back_line"])
    return lines


def _wrap(line, indent="", hang="    "):
    """``textwrap.wrap`` at 88 columns, without its cost for a line that already fits.

    Most lines of an advice are short; for them textwrap would only return
    the indented line, so it is called where a line is long or holds
    whitespace it would change (tabs, newlines, trailing blanks).  A line
    breaks only at spaces: a rule id or key (``trust.quadrants.vigilance-
    contradicted[...]``) stays whole, to be copied into ``interorg explain``.
    """
    if (len(indent) + len(line) <= _WIDTH and line.strip() and line[-1] != " "
            and _SPECIAL_WHITESPACE.isdisjoint(line)):
        return [indent + line]
    return textwrap.wrap(line, _WIDTH, initial_indent=indent, subsequent_indent=indent + hang,
                         break_on_hyphens=False, break_long_words=False) or [""]


def _priority(labels, priority):
    return labels[f"priority_{priority}"] if priority else labels["step"]


def _entry_line(entry, labels, full=True):
    parts = [entry.about] if entry.about else []
    if entry.subjects:
        if not full and entry.priority == "low":  # background: the others are counted, --full names them
            parts.append(fill(labels["and_count"], count=len(entry.subjects)))
        else:
            parts.append(f"{labels['also']}: {_listed(entry.subjects, labels)}")
    return f"[{_priority(labels, entry.priority)}] {entry.title}" + (f" ({'; '.join(parts)})" if parts else "")


def _listed(items, labels, most=2):
    shown = ", ".join(items[:most])
    return shown + (" " + fill(labels["and_more"], count=len(items) - most) if len(items) > most else "")


def _action_lines(action, labels, subjects=True, lang="en"):
    about = f" ({_listed(action.subjects, labels)})" if action.subjects and subjects else ""
    answered = [key for key in action.answers if key not in action.keys]
    answers = f" ({counted(labels, 'answers_warnings', len(answered), lang)})" if answered else ""
    return (f"{action.rank}. {action.title}{about} [{_priority(labels, action.priority)}]",
            f"{labels['plan_because']}: {action.because}{answers} [{', '.join(action.rules)}]")


def _full_conclusion_text(advice, conclusion):
    labels = advice.labels
    out = _wrap(f"[{conclusion.key}] {conclusion.title} [{_priority(labels, conclusion.priority)}]", "", "    ")
    out += _wrap(conclusion.text, "    ", "")
    out += _wrap(f"{labels['basis']}: {_basis(conclusion, labels)}", "    ", "  ")
    for citation in conclusion.sources:
        out += _wrap(f"{labels['source']}: {_citation(citation)}", "    ", "  ")
    for line in _conflict_lines(advice, conclusion):
        out += _wrap(line, "    ")
    out.append(f"    {labels['because']}:")
    for line in _derivation_lines(conclusion.explanation, labels, set_aside=advice.counsel.set_aside)[1:]:
        leading = " " * (4 + len(line) - len(line.lstrip()))
        out += _wrap(line.strip(), leading)
    return out


def conclusion_text(advice, conclusion):
    """One conclusion in full as plain text, as ``--full`` lists it (user text made safe for a terminal)."""
    return escape.terminal("\n".join(_full_conclusion_text(advice, conclusion)) + "\n")


def _title(advice, underline):
    title = advice.labels["advice_for"] + (f" {advice.case_name}" if advice.case_name else "")
    return [title, underline * len(title)]


def text(advice, full=False, selection=Selection(), hints="python"):
    """Return the advice as plain text, wrapped at 88 columns.

    Parameters
    ----------
    advice : Advice
    full : bool
        Everything, with explanations and sources; by default the plan and
        the advice in brief.
    selection : Selection
        Which conclusions to show.
    hints : {'python', 'cli', 'neutral'}
        In whose words the brief says how to see more (:mod:`.hints`).
    """
    labels, hints = advice.labels, audience(hints)
    out = _title(advice, "=")
    if not advice.conclusions:
        out += ["", labels["nothing_concluded"]]
    actions = plan_entries(advice, selection)
    if actions:
        out += ["", labels["action_plan"], "-" * len(labels["action_plan"])]
        for action in actions:
            head, because = _action_lines(action, labels, lang=advice.lang)
            pad = " " * (len(str(action.rank)) + 2)  # under the title, past "10. " as past "1. "
            out += _wrap(head, "", pad) + _wrap(because, pad, "  ")
    more = plan_entries(advice, selection, more=True)
    if more:
        out += ["", labels["more_actions"], "-" * len(labels["more_actions"])]
        for action in more:
            head, because = _action_lines(action, labels, subjects=full, lang=advice.lang)
            pad = " " * (len(str(action.rank)) + 2)
            out += _wrap(head, "", pad) + (_wrap(because, pad, "  ") if full else [])
    listed, left_out = listed_entries(advice, selection, full)
    for kind, heading in _HEADINGS:
        entries = listed[kind]
        if not entries:
            continue
        out += ["", labels[heading], "-" * len(labels[heading])]
        for entry in entries:
            if full:
                for conclusion in entry.conclusions:
                    out += _full_conclusion_text(advice, conclusion) + [""]
            else:
                out += _wrap("- " + _entry_line(entry, labels, full), "", "  ")
    for heading, lines, _items in _summary_sections(advice, full, selection, left_out, hints):
        out += ["", heading, "-" * len(heading)]
        for line in lines:
            indent = " " * (len(line) - len(line.lstrip()))
            out += _wrap(line.strip(), indent, "    ") if line.strip() else [""]
    if full and selection == Selection():  # everything: ends by what it was drawn from
        out += ["", *_wrap(briefs.drawn_from(advice), "", "")]
    return escape.terminal("\n".join(out).rstrip() + "\n")


def _summary_sections(advice, full, selection, left_out=0, hints="neutral"):
    """The sections after the lists, as (heading, lines, items): diagnosis, relationships, set aside, models.

    ``left_out`` is the number of low-priority findings the brief lists left
    out; in brief, what is not shown ends with how to see it, in the words
    of ``hints``.  ``items`` is True for a section each of whose lines not
    indented is a point of its own (what is not shown, what is set aside):
    Markdown lists them, where it would join the lines into one paragraph.
    """
    labels = advice.labels
    if selection != Selection():
        return []
    sections = []
    if full:
        relationships = relationship_lines(advice)
        if relationships:
            sections.append((labels["relationships"], relationships, False))
        diagnosis = diagnosis_lines(advice, explain=True)
    else:
        diagnosis = briefs.diagnosis_brief(advice)
    if diagnosis:
        sections.append((labels["diagnosis"], diagnosis, False))
    inconsistent = briefs.inconsistency_lines(advice)
    if full:
        other = briefs.set_aside_lines(advice, full) + inconsistent
        if other:
            sections.append((labels["set_aside"], other, True))
        models = briefs.model_lines(advice, full)
        if models:
            sections.append((labels["models_not_applied"], models, False))
    else:  # in brief, one short section says what is not shown and where to find it
        low = [with_hint(counted(labels, "low_findings_count", left_out, advice.lang), labels, "findings", hints)
               ] if left_out else []
        other = (inconsistent + low + briefs.set_aside_lines(advice, hints=hints)
                 + briefs.model_lines(advice, hints=hints))
        # the brief names no keys: how to read one conclusion in full, and where its key is
        explain = hint(labels, "explain", hints) if advice.counsel.advice else None
        other += [explain] if explain else []
        if other:
            sections.append((labels["not_shown"], other, True))
    return sections


def _md(value):
    """User and rule text on a line of Markdown that interorg starts: one line, no raw HTML, no table breaks."""
    return escape.markdown_line(str(value))


def markdown(advice, full=False, selection=Selection(), hints="python"):
    """Return the advice as Markdown (same content as :func:`text`, the hints in the words of ``hints``)."""
    labels, hints = advice.labels, audience(hints)
    out = [f"# {_md(labels['advice_for'])}" + (f" {_md(advice.case_name)}" if advice.case_name else "")]
    if not advice.conclusions:
        out += ["", labels["nothing_concluded"]]
    actions = plan_entries(advice, selection)
    if actions:
        out += ["", f"## {labels['action_plan']}", ""]
        for action in actions:
            head, because = _action_lines(action, labels, lang=advice.lang)
            out += [_md(head), f"   *{_md(because)}*"]
    more = plan_entries(advice, selection, more=True)
    if more:
        out += ["", f"## {labels['more_actions']}", ""]
        out += [_md(_action_lines(action, labels, subjects=full, lang=advice.lang)[0]) for action in more]
    listed, left_out = listed_entries(advice, selection, full)
    for kind, heading in _HEADINGS:
        entries = listed[kind]
        if not entries:
            continue
        out += ["", f"## {labels[heading]}", ""]
        for entry in entries:
            if not full:
                out.append(f"- {_md(_entry_line(entry, labels, full))}")
                continue
            for conclusion in entry.conclusions:
                out += ["", f"### {_md(conclusion.title)}", "", f"`{conclusion.key}` · "
                        f"{_priority(labels, conclusion.priority)}", "", escape.markdown(conclusion.text),
                        "", f"*{labels['basis']}:* {_md(_basis(conclusion, labels))}  "]
                out += [f"*{labels['source']}:* {_md(_citation(c))}  " for c in conclusion.sources]
                out += [f"*{_md(line)}*  " for line in _conflict_lines(advice, conclusion)]
                tree = escape.terminal(derivation(conclusion, labels, advice.counsel.set_aside))
                out += ["", f"<details><summary>{labels['because']}</summary>", "", escape.fence(tree) + "text",
                        tree, escape.fence(tree), "", "</details>"]
    for heading, lines, items in _summary_sections(advice, full, selection, left_out, hints):
        out += ["", f"## {heading}", "", *[_md_line(line, items) for line in lines]]
    if full and selection == Selection():
        out += ["", f"*{_md(briefs.drawn_from(advice))}*"]
    return "\n".join(out) + "\n"


def _md_line(line, item=False):
    """A line of a summary section; with ``item``, a line not indented nor listed already is a list item."""
    indent = line[:len(line) - len(line.lstrip())]
    if item and not indent and not line.startswith("- "):
        return f"- {escape.markdown(line)}"
    return indent + _md(line.strip()) if line.strip() else ""


_KIND_COLOURS = {"finding": "#2b6cb0", "warning": "#c05621", "recommendation": "#2f855a"}


def html(advice, selection=Selection()):
    """Return the advice as an HTML fragment for Jupyter: the plan first, everything else folded (no how-to hints)."""
    esc = _html.escape
    labels = advice.labels
    out = ['<div class="interorg-advice">',
           f"<h3>{esc(labels['advice_for'])} {esc(advice.case_name or '')}</h3>"]
    if not advice.conclusions:
        out.append(f"<p>{esc(labels['nothing_concluded'])}</p>")
    actions = plan_entries(advice, selection)
    if actions:
        out.append(f"<h4>{esc(labels['action_plan'])}</h4><ol>")
        for action in actions:
            head, because = _action_lines(action, labels, lang=advice.lang)
            out.append(f"<li><b>{esc(head.split('. ', 1)[1])}</b><br><small>{esc(because)}</small></li>")
        out.append("</ol>")
    more = plan_entries(advice, selection, more=True)
    if more:
        out.append(f"<details><summary><b>{esc(labels['more_actions'])}</b> ({len(more)})</summary><ol start="
                   f'"{more[0].rank}">' + "".join(f"<li>{esc(_action_lines(a, labels, lang=advice.lang)[0].split('. ', 1)[1])}</li>"
                                                  for a in more) + "</ol></details>")
    listed = advice_entries(advice, selection, full=False)
    for kind, heading in _HEADINGS:
        entries = listed[kind]
        if not entries:
            continue
        out.append(f"<details><summary><b>{esc(labels[heading])}</b> ({len(entries)})</summary>")
        for entry in entries:
            for conclusion in entry.conclusions:
                colour = _KIND_COLOURS[conclusion.kind]
                sources = "<br>".join(esc(_citation(c)) for c in conclusion.sources)
                conflicts = "".join(f"<br>{esc(line)}" for line in _conflict_lines(advice, conclusion))
                out.append(
                    f'<div style="border-left:4px solid {colour};padding-left:8px;margin:6px 0">'
                    f"<b>{esc(conclusion.title)}</b> <code>{esc(conclusion.key)}</code> "
                    f"<small>{esc(_priority(labels, conclusion.priority))}</small>"
                    f"<p>{esc(conclusion.text)}</p>"
                    f"<small>{esc(labels['basis'])}: {esc(_basis(conclusion, labels))}<br>"
                    f"{esc(labels['source'])}: {sources}{conflicts}</small>"
                    f"<details><summary>{esc(labels['because'])}</summary>"
                    f'<pre style="white-space:pre-wrap">{esc(derivation(conclusion, labels, advice.counsel.set_aside))}</pre></details></div>')
        out.append("</details>")
    for heading, lines, _items in _summary_sections(advice, True, selection, hints="neutral"):
        body = "<br>".join(esc(line).replace("  ", "&nbsp;&nbsp;") for line in lines)
        out.append(f"<details><summary><b>{esc(heading)}</b></summary><p>{body}</p></details>")
    out.append(f"<p><small>{esc(briefs.drawn_from(advice))}</small></p></div>")
    return "\n".join(out)
