"""Why a rule did (not) fire on a case, as the user receives it: text, Markdown, JSON.

:class:`WhyNotReport` holds the engine's
:class:`~interorg.engine.whynot.WhyNot` and the phrases of the advice's
language; it only reads them.
"""

import json

import attrs

from ..engine.results import plain
from . import render

__all__ = ["WhyNotReport"]


def _show(value, labels):
    if value is None:
        return labels["leave_out"]
    if isinstance(value, bool):
        return "true" if value else "false"
    if value == "<other>":
        return labels["any_other_value"]
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
        The phrases of the advice's language.
    """

    result: object
    labels: dict = attrs.field(eq=False)

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

    def to_dict(self):
        """JSON-ready data: the rule, whether it fired, each condition, the changes."""
        return plain(self.result)

    def to_json(self, indent=2):
        """Return :meth:`to_dict` as a JSON string."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False, default=str)

    def _lines(self, result, depth, markdown):
        labels = self.labels
        pad = "  " * depth
        bullet = "- " if markdown else ""
        subject = f" [{result.subject}]" if result.subject else ""
        heading = labels["why" if result.fired else "why_not"]
        out = [f"{pad}{bullet}{heading} {result.rule}{subject}: {result.title}"]
        if result.fired:
            out.append(f"{pad}  {labels['why_fired']}")
            if result.explanation is not None:
                out += [f"{pad}  {line}" for line in render._derivation_lines(result.explanation, labels)]
            return out
        if depth == 0:
            out.append(f"{pad}  {labels['why_not_fired']}")
        for condition in result.conditions:
            out += self._condition_lines(condition, depth + 1, markdown)
        if depth == 0:
            out += self._change_lines(result, markdown)
        return out

    def _condition_lines(self, condition, depth, markdown):
        labels = self.labels
        pad = "  " * depth
        bullet = "- " if markdown else ""
        where = f" ({condition.path})" if condition.path and condition.status == "held" else ""
        out = [f"{pad}{bullet}[{labels['status_' + condition.status]}] {condition.condition}{where}"]
        if condition.status != "held" and not condition.checks and not condition.because \
                and not condition.alternatives and condition.path:
            out.append(f"{pad}    {labels['why_not_no_fact'].format(path=condition.path)}")
        for check in condition.checks:
            key = "why_not_missing" if check.seen is None else "why_not_seen"
            out.append(f"{pad}    " + labels[key].format(path=check.path, seen=_show(check.seen, labels),
                                                       test=check.test))
        for alternative in condition.alternatives:
            out += self._condition_lines(alternative, depth + 1, markdown)
        if condition.because is not None:
            out.append(f"{pad}    {labels['why_not_earlier']}")
            out += self._lines(condition.because, depth + 2, markdown)
        return out

    def _change_lines(self, result, markdown):
        labels = self.labels
        if result.bounded:
            return [labels["why_not_bounded"].format(reason=result.bounded)]
        if not result.changes:
            return [labels["why_not_no_change"]]
        out = [labels["why_not_changes"]]
        for number, (changes, verified) in enumerate(zip(result.changes, result.verified), start=1):
            shown = "; ".join(f"{c.path} = " + f" {labels['or']} ".join(_show(v, labels) for v in c.to)
                              for c in changes)
            state = {True: labels["why_not_verified"], False: labels["why_not_failed_check"]}.get(verified)
            out.append(f"{'- ' if markdown else '  '}{number}. {shown}" + (f" ({state})" if state else ""))
        return out

    def to_text(self):
        """The answer as indented plain text."""
        return "\n".join(self._lines(self.result, 0, False)) + "\n"

    def to_markdown(self):
        """The answer as a Markdown list."""
        lines = self._lines(self.result, 0, True)
        return f"### {lines[0].lstrip('- ')}\n\n" + "\n".join(lines[1:]) + "\n"

    def __str__(self):
        return self.to_text()

    def __repr__(self):
        state = "fired" if self.result.fired else f"not fired, {len(self.result.changes)} change set(s)"
        return f"<WhyNotReport {self.result.rule}: {state}>"

    def _repr_html_(self):
        from html import escape

        return f"<pre>{escape(self.to_text())}</pre>"
