"""Why a rule did (not) fire on a case, as the user receives it: text, Markdown, JSON.

:class:`WhyNotReport` holds the engine's
:class:`~interorg.engine.whynot.WhyNot`, the phrases of its language and
the language itself, in which its renderings say the case's problems; it
only reads them.
"""

import json

import attrs

from ..engine.results import plain
from ..engine.wording import fill
from ..errors import Problem
from . import escape, render

__all__ = ["WhyNotReport"]


def _show(value, labels):
    if value is None:
        return labels["leave_out"]
    if isinstance(value, bool):
        return "true" if value else "false"
    if value == "<other>":
        return labels["any_other_value"]
    if value == "given":
        return labels["why_not_word_given"]
    return str(value)


@attrs.frozen(repr=False)
class WhyNotReport:
    """Why a rule did or did not fire on one case, with its renderings.

    Attributes
    ----------
    result : WhyNot
        Every condition's status and the smallest changes (see
        :func:`interorg.why_not`).
    labels : dict
        The phrases of the answer's language.
    lang : str
        The answer's language: its renderings say the case's problems (why
        a change would make the case invalid) in it unless told otherwise.
    """

    result: object
    labels: dict = attrs.field(eq=False)
    lang: str = "en"

    @property
    def fired(self):
        """True when the rule fired on the case."""
        return self.result.fired

    @property
    def conditions(self):
        """The status of each condition (empty when the rule fired)."""
        return self.result.conditions

    @property
    def changes(self):
        """The smallest sets of input changes that make the rule fire."""
        return self.result.changes

    def _say(self, translate):
        """``translate``, or by default a problem's English message in the answer's language."""
        if translate is not None:
            return translate
        return None if self.lang == "en" else lambda message: Problem("", message).message_in(self.lang)

    def to_dict(self, translate=None):
        """JSON-ready data: the rule, whether it fired, each condition, the changes.

        ``translate`` as for :meth:`to_text`: the case's problems of a change
        that makes it invalid (``unwritable``: each problem's ``message``, and
        the ``detail`` they make) in the answer's language.
        """
        data = plain(self.result)
        translate = self._say(translate)
        if translate is not None:
            for item in data["unwritable"]:
                if item["problems"]:
                    item["problems"] = [dict(p, message=translate(p["message"])) for p in item["problems"]]
                    item["detail"] = "\n".join(_located(p["path"], p["message"]) for p in item["problems"])
        return data

    def to_json(self, indent=2, translate=None):
        """Return :meth:`to_dict` as a JSON string."""
        return json.dumps(self.to_dict(translate), indent=indent, ensure_ascii=False, default=str)

    def _nodes(self, result, depth):
        """The answer as ``(depth, text)`` lines: a tree that text indents and Markdown nests as lists."""
        labels = self.labels
        subject = f" [{result.subject}]" if result.subject else ""
        heading = labels["why" if result.fired else "why_not"]
        out = [(depth, f"{heading} {result.rule}{subject}: {result.title}")]
        if result.fired:
            out.append((depth + 1, labels["why_fired"]))
            if result.set_aside is not None:
                _key, by, reason = result.set_aside
                out.append((depth + 1, f"{labels['set_aside_by']}: {by} — {reason}"))
            return out
        if depth == 0:
            out.append((depth + 1, labels["why_not_fired"]))
        for condition in result.conditions:
            out += self._condition_nodes(condition, depth + 1)
        return out

    def _condition_nodes(self, condition, depth):
        labels = self.labels
        where = f" ({condition.path})" if condition.path and condition.status == "held" else ""
        out = [(depth, f"[{labels['status_' + condition.status]}] {condition.condition}{where}")]
        if condition.status != "held" and not condition.checks and not condition.because \
                and not condition.alternatives and condition.path:
            key = "why_not_no_fact" if condition.about is None else "why_not_no_fact_about"
            out.append((depth + 1, fill(labels[key], path=condition.path, subject=condition.about)))
        if condition.status != "held" and not any(check.derived for check in condition.checks):
            # a condition on a field derived from the case, no test of which is said below: what it comes from
            out += [(depth + 1, fill(labels["why_not_derived_condition"], field=d.field, inputs=d.inputs))
                    for d in condition.derived]
        for check in condition.checks:
            key = "why_not_missing" if check.seen is None else "why_not_seen"
            derived = fill(labels["why_not_derived_from"], inputs=check.inputs) if check.inputs \
                else labels["why_not_derived_field"]
            path = f"{check.path} ({derived})" if check.derived else check.path
            seen = check.shown if check.shown is not None else _show(check.seen, labels)
            out.append((depth + 1, fill(labels[key], path=path, seen=seen, test=check.test)))
        for alternative in condition.alternatives:
            out += self._condition_nodes(alternative, depth + 1)
        if condition.because is not None:
            out.append((depth + 1, labels["why_not_earlier"]))
            out += self._nodes(condition.because, depth + 2)
        return out

    def _change_texts(self, result, translate):
        """The closing part: the numbered sets of changes, or why there are none.

        Each item is ``(text, reasons)``: the reasons (the case's problems
        for a change that makes it invalid) are said under it.
        """
        labels = self.labels
        if result.fired:
            return None, []
        if result.bounded:
            return fill(labels["why_not_bounded"], reason=result.bounded), []
        if not result.changes:
            items = [_unwritable(problem, labels, translate or _as_is) for problem in result.unwritable]
            return labels["why_not_no_change"] + (" " + labels["why_not_cannot"] if items else ""), items
        out = []
        for changes, verified in zip(result.changes, result.verified):
            shown = "; ".join(_change(c, labels, changes[n + 1:]) for n, c in enumerate(changes))
            state = {True: labels["why_not_verified"], False: labels["why_not_failed_check"]}.get(verified)
            out.append((shown + (f" ({state})" if state else ""), ()))
        return labels["why_not_changes"], out

    def to_text(self, translate=None):
        """The answer as indented plain text.

        Parameters
        ----------
        translate : callable, optional
            ``translate(message)``: an English problem of the case's checks
            (why a change would make the case invalid) told another way; by
            default in the answer's language (:attr:`lang`), by the
            ``problem.*`` patterns of the knowledge.
        """
        translate = self._say(translate)
        lines = [f"{'  ' * depth}{escape.one_line(text)}" for depth, text in self._nodes(self.result, 0)]
        if self.result.fired and self.result.explanation is not None:
            lines[2:2] = [f"  {line}" for line in render._derivation_lines(self.result.explanation, self.labels)]
        heading, items = self._change_texts(self.result, translate)
        if heading is not None:
            lines.append(heading)
            numbered = self.result.changes and not self.result.bounded
            for number, (item, reasons) in enumerate(items, start=1):
                lines.append(f"  {number}. {escape.one_line(item)}" if numbered else f"  - {escape.one_line(item)}")
                lines += [f"    {escape.one_line(reason)}" for reason in reasons]
        return escape.terminal("\n".join(lines) + "\n")

    def to_markdown(self, translate=None):
        """The answer as Markdown: a heading, the conditions as a nested list, the changes as a numbered list.

        ``translate`` as for :meth:`to_text`.
        """
        translate = self._say(translate)
        (_, title), *nodes = self._nodes(self.result, 0)
        out = [f"### {escape.markdown(title)}", ""]
        for depth, text in nodes:
            if depth == 1 and not text.startswith("["):
                out += [escape.markdown(text), ""]
            else:
                out.append(f"{'  ' * (depth - 1)}- {escape.markdown_line(text)}")
        if self.result.fired and self.result.explanation is not None:
            tree = escape.terminal("\n".join(render._derivation_lines(self.result.explanation, self.labels)))
            out += ["", escape.fence(tree) + "text", tree, escape.fence(tree)]
        heading, items = self._change_texts(self.result, translate)
        if heading is not None:
            out += ["", escape.markdown(heading), ""]
            numbered = self.result.changes and not self.result.bounded
            for number, (item, reasons) in enumerate(items, start=1):
                out.append(f"{number}. {escape.markdown_line(item)}" if numbered
                           else f"- {escape.markdown_line(item)}")
                out += [f"  - {escape.markdown_line(reason)}" for reason in reasons]
        return "\n".join(out).rstrip("\n") + "\n"

    def __str__(self):
        return self.to_text()

    def __repr__(self):
        state = "fired" if self.result.fired else f"not fired, {len(self.result.changes)} change set(s)"
        return f"<WhyNotReport {self.result.rule}: {state}>"

    def _repr_html_(self):
        import html

        return f"<pre>{html.escape(self.to_text())}</pre>"


def _change(change, labels, after):
    """One change as ``path = value``; the last change that moves a derived field says which it moves."""
    text = f"{change.path} = " + f" {labels['or']} ".join(_show(v, labels) for v in change.to)
    if change.derived is not None and all(c.derived != change.derived for c in after):
        text += f" ({fill(labels['why_not_moves'], field=change.derived)})"
    return text


def _as_is(message):
    return message


def _unwritable(problem, labels, translate):
    """Why one way the rule could hold cannot be written into the case: ``(text, reasons)``.

    For a change that makes the case invalid, the reasons are the case's
    problems, each at its path and said by ``translate``.
    """
    key = {"derived": "why_not_derived", "no_place": "why_not_no_place",
           "unreached": "why_not_unreached"}.get(problem.reason, "why_not_invalid")
    text = fill(labels[key], path=problem.path, inputs=problem.detail)
    if key != "why_not_invalid":
        return text, ()
    if not problem.problems:  # an editor that gives the checks' text only
        return text, tuple(translate(line) for line in problem.detail.split("\n") if line)
    return text, tuple(_located(p.path, translate(p.message)) for p in problem.problems)


def _located(path, message):
    """A problem at its path, as a case's problem is written (``care.demand: expected ...``)."""
    return f"{path}: {message}" if path else message
