"""What-if: what changes from one advice to another, as a pure comparison of the two.

:func:`diff` compares two advice objects: the conclusions gained and lost,
those drawn in both whose status (advice, step, set aside, held back),
priority, title, text or supports differ, the actions gained, lost, moved or
about other subjects or conclusions (the plan and the actions after it, see
:mod:`interorg.report.plandiff`), and the inputs of the two cases that
differ.  Nothing is run: it reads what the two advice objects hold.  The renderings are in the
language of the advice, and every text from the case (a name, a value) is
escaped for where it is shown.  Two advice made in different languages,
by different versions of interorg or from different knowledge bases, or
read back from their JSON, are compared by key, under a warning
(:mod:`interorg.report.conclusiondiff`).
"""

import json
import re

import attrs

from ..analysis.knowledge import load_knowledge
from ..case import case_to_dict
from ..engine.results import plain as as_data
from ..engine.wording import fill
from ..utils.display import escape as html_escape
from ..utils.display import frame
from . import escape
from .conclusiondiff import KEY_ACTION_FACETS, KEY_FACETS, differ_in, key_supports, provenance, read_advice
from .conclusiondiff import warnings as provenance_warnings
from .plandiff import FACETS as ACTION_FACETS
from .plandiff import compare_actions, in_plan

__all__ = ["AdviceDiff", "Changed", "InputChange", "diff"]

#: What is compared of a conclusion drawn in both.
_FACETS = ("status", "priority", "title", "text", "supports")
#: Facets shown with their values; the others (long texts) only as changed.
_SHOWN = ("status", "priority")


@attrs.frozen
class InputChange:
    """One input that differs: its path in the case, and the value before and after (None: not given)."""

    path: str
    before: object
    after: object


@attrs.frozen
class Changed:
    """A conclusion in both, with what differs: its ``status``, ``priority``, ``title``... as named."""

    key: str
    what: tuple[str, ...]
    before: dict
    after: dict


@attrs.frozen(repr=False)
class AdviceDiff:
    """What changes from advice ``a`` to advice ``b``.

    Attributes
    ----------
    gained, lost : tuple of str
        The keys of the conclusions only ``b`` draws, and only ``a`` draws.
    changed : tuple of Changed
        Conclusions drawn in both whose ``status`` (``advice``, ``step``,
        ``set-aside``, ``held-back``), ``priority``, ``title``, ``text`` or
        ``supports`` differ.
    inputs : tuple of InputChange
    plan_gained, plan_lost : tuple of Action
        The actions only ``b`` has, in its ranking, and only ``a`` has, in
        its ranking: in the plan or after it.
    plan_changed : tuple of ActionChange
        Actions of both (in ``a``'s ranking) that moved (``rank``), or whose
        ``title``, ``priority``, ``subjects``, ``keys`` or ``because``
        differ, with the subjects and conclusions gained and lost
        (:class:`~interorg.report.plandiff.ActionChange`).
    status : dict of str to str
        The status of every conclusion gained (in ``b``) and lost (in ``a``).
    lang : {'en', 'nl'}
        The language of the renderings: that of advice ``a``.
    provenance : dict
        ``{"a": ..., "b": ...}``: each side's ``lang``, ``interorg_version``,
        ``schema_version`` and ``knowledge`` (its ``name`` and
        ``fingerprint``, or None when not known).
    differ_in : tuple of str
        Those of the four in which the sides differ (``knowledge`` when
        both are known and their fingerprints differ); when any does, the
        texts are not compared (see :attr:`compared`).
    compared : dict
        What was compared: ``conclusions`` and ``actions`` (the facets), and
        ``inputs`` (False when a side was read from JSON, which holds no case).
    """

    a: str | None
    b: str | None
    gained: tuple
    lost: tuple
    changed: tuple
    inputs: tuple
    plan_gained: tuple = ()
    plan_lost: tuple = ()
    plan_changed: tuple = ()
    status: dict = attrs.field(factory=dict)
    lang: str = "en"
    provenance: dict = attrs.field(factory=dict)
    differ_in: tuple = ()
    compared: dict = attrs.field(factory=lambda: {"conclusions": list(_FACETS), "actions": list(ACTION_FACETS),
                                                  "inputs": True})

    @property
    def empty(self):
        """True when nothing differs."""
        return not (self.gained or self.lost or self.changed or self.inputs or self.plan_gained
                    or self.plan_lost or self.plan_changed)

    def to_dict(self):
        """JSON-ready data."""
        return {"a": self.a, "b": self.b, "gained": list(self.gained), "lost": list(self.lost),
                "changed": [attrs.asdict(c) for c in self.changed],
                "inputs": [attrs.asdict(i) for i in self.inputs],
                "plan": {"gained": [as_data(a) for a in self.plan_gained],
                         "lost": [as_data(a) for a in self.plan_lost],
                         "changed": [attrs.asdict(c) for c in self.plan_changed]},
                "status": dict(self.status), "provenance": dict(self.provenance),
                "differ_in": list(self.differ_in), "compared": dict(self.compared)}

    def to_json(self, indent=2):
        """Return :meth:`to_dict` as a JSON string."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False, default=str)

    def _word(self, key):
        return _labels(self.lang)[key]

    def _value(self, facet, value):
        if value is None:
            return f"({self._word('not_given')})"
        if facet == "status":
            return self._word(f"diff_status_{value}")
        if facet == "priority":
            return self._word(f"priority_{value}")
        if facet == "subjects":
            return ", ".join(value) if value else "—"
        return _show(value)

    def _sections(self, code, plain):
        """Each section's heading and items; ``code`` shows a key or path, ``plain`` a text from the case."""
        def changes(items, label):
            return [f"{label(c.key)}: " + "; ".join(
                f"{self._word('diff_facet_' + w)} {plain(self._value(w, c.before[w]))} -> "
                f"{plain(self._value(w, c.after[w]))}" if w in _SHOWN
                else fill(self._word("diff_differs"), what=self._word("diff_facet_" + w))
                for w in c.what) for c in items]

        def with_status(keys):
            return [f"{code(key)} ({self._value('status', self.status[key])})" if key in self.status else code(key)
                    for key in keys]

        yield "diff_inputs", [f"{code(i.path)}: {plain(self._value(None, i.before))} -> "
                              f"{plain(self._value(None, i.after))}" for i in self.inputs]
        yield "diff_gained", with_status(self.gained)
        yield "diff_lost", with_status(self.lost)
        yield "diff_changed", changes(self.changed, code)
        # an action gained or lost says whom it is about: one title may be addressed once per subject
        for heading, actions in (("diff_plan_gained", self.plan_gained), ("diff_plan_lost", self.plan_lost)):
            yield heading, [self._placed(plain(a.title), a.rank) + (
                ": " + ", ".join(plain(s) for s in a.subjects) if a.subjects else "") for a in actions]
        yield "diff_plan_changed", [self._action_change(c, code, plain) for c in self.plan_changed]

    def _placed(self, title, rank):
        return f"{title} ({self._word('diff_facet_rank')} {rank})"

    def _action_change(self, change, code, plain):
        """One action that moved or changed: its move first (into or out of the plan), then what differs."""
        parts = []
        for w in change.what:
            facet = self._word("diff_facet_" + w)
            before, after = change.before[w], change.after[w]
            if w == "rank":
                crossed = in_plan(before) != in_plan(after)
                parts.append(f"{facet} {before} -> {after}" + (
                    f" ({self._word('diff_into_plan' if in_plan(after) else 'diff_out_of_plan')})" if crossed else ""))
            elif w in ("subjects", "keys"):
                show = plain if w == "subjects" else code
                parts.append(f"{facet} " + ", ".join(
                    fill(self._word(word), items=", ".join(show(item) for item in items.get(w, ())))
                    for word, items in (("diff_with", change.gained), ("diff_without", change.lost))
                    if items.get(w)))
            elif w in ("title", "priority"):
                parts.append(f"{facet} {plain(self._value(w, before))} -> {plain(self._value(w, after))}")
            else:
                parts.append(fill(self._word("diff_differs"), what=facet))
        moved = "rank" in change.what
        label = plain(change.key) if moved else self._placed(plain(change.key), change.ranks[1])
        return f"{label}: " + "; ".join(parts)

    def _title(self, plain):
        return fill(self._word("diff_from_to"), a=plain(self.a or "A"), b=plain(self.b or "B"))

    def warnings(self):
        """What the reader must know before the differences, in :attr:`lang`: what was not compared, and why.

        See :func:`~interorg.report.conclusiondiff.warnings`.
        """
        return provenance_warnings(self.provenance, self.differ_in, self.compared, self._word)

    def to_text(self):
        """The differences as plain text, a section per kind, in :attr:`lang`."""
        lines = [self._title(_terminal)]
        # a warning names what the sides say of themselves: a JSON's version or its knowledge's folder
        lines += [f"{self._word('compare_warning')}: {_terminal(text)}" for text in self.warnings()]
        for heading, items in self._sections(_terminal, _terminal):
            if items:
                lines += ["", self._word(heading)] + [f"  {item}" for item in items]
        if self.empty:
            lines.append(self._word("diff_none"))
        return "\n".join(lines) + "\n"

    def to_markdown(self):
        """The differences as Markdown, in :attr:`lang`; keys and paths in code spans, case text escaped."""
        lines = [f"## {self._title(_markdown)}"]
        lines += [f"\n> **{self._word('compare_warning')}:** {_markdown(text)}" for text in self.warnings()]
        for heading, items in self._sections(_code, _markdown):
            if items:
                lines += ["", f"### {self._word(heading)}", ""] + [f"- {item}" for item in items]
        if self.empty:
            lines += ["", self._word("diff_none").capitalize() + "."]
        return "\n".join(lines) + "\n"

    def to_frame(self):
        """The differences as a pandas DataFrame: one row per difference, with its section and what it says.

        Raises
        ------
        MissingDependency
            If pandas is not installed.
        """
        records = [{"section": "warning", "difference": text} for text in self.warnings()]
        records += [{"section": heading.removeprefix("diff_"), "difference": item}
                    for heading, items in self._sections(str, str) for item in items]
        return frame(records, ["section", "difference"])

    def _repr_html_(self):
        """The differences for Jupyter: a heading and a list per section, every text escaped."""
        out = [f"<h4>{html_escape(self._title(str))}</h4>"]
        out += [f'<p class="interorg-warning"><b>{html_escape(self._word("compare_warning"))}:</b>'
                f" {html_escape(text)}</p>" for text in self.warnings()]
        for heading, items in self._sections(lambda text: f"<code>{html_escape(text)}</code>", html_escape):
            if items:
                out.append(f"<p><b>{html_escape(self._word(heading))}</b></p><ul>"
                           + "".join(f"<li>{item}</li>" for item in items) + "</ul>")
        if self.empty:
            out.append(f"<p>{html_escape(self._word('diff_none'))}</p>")
        return '<div class="interorg-diff">' + "".join(out) + "</div>"

    def __repr__(self):
        moved = sum("rank" in c.what for c in self.plan_changed)
        return (f"<AdviceDiff: {len(self.gained)} gained, {len(self.lost)} lost, {len(self.changed)} changed, "
                f"{len(self.inputs)} inputs differ; actions {len(self.plan_gained)} gained, {len(self.plan_lost)} "
                f"lost, {len(self.plan_changed)} changed ({moved} moved)>")


def _terminal(text):
    return escape.terminal(escape.one_line(str(text)))


def _markdown(text):
    # a backtick would open a code span that the case's text, not interorg, closes
    return escape.markdown_line(str(text)).replace("`", "\\`")


def _code(text):
    """``text`` as a Markdown code span that nothing inside can close, on one line."""
    text = _terminal(text)
    ticks = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{padding}{text}{padding}{ticks}"


def _show(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _flatten(data, prefix=""):
    if isinstance(data, dict):
        out = {}
        for key, value in data.items():
            out.update(_flatten(value, f"{prefix}.{key}" if prefix else str(key)))
        return out
    if isinstance(data, list) and data and all(isinstance(item, dict) for item in data):
        out = {}
        for index, item in enumerate(data):
            out.update(_flatten(item, f"{prefix}[{index}]"))
        return out
    return {prefix: data}


def _supports(conclusion):
    return sorted(tuple(e.summary for e in support.evidence) + support.absent
                  for support in conclusion.explanation.supports)


def _status(advice, key):
    return advice.counsel.status(key) if advice.counsel is not None else None


def _facets(advice, conclusion, by_key=False):
    return {"status": _status(advice, conclusion.key), "priority": getattr(conclusion, "priority", None),
            "title": conclusion.title, "text": conclusion.text,
            "supports": key_supports(conclusion) if by_key else _supports(conclusion)}


def _compare(before, after, facets):
    """The items of ``before`` also in ``after`` (both keyed alike) whose ``facets`` differ, as Changed."""
    changed = []
    for key, old in before.items():
        if key in after:
            new = after[key]
            what = tuple(name for name in facets if old[name] != new[name])
            if what:
                changed.append(Changed(key, what, {w: old[w] for w in what}, {w: new[w] for w in what}))
    return tuple(changed)


def _labels(lang):
    return load_knowledge().labels(lang)


def diff(a, b):
    """Compare two advice objects: conclusions gained, lost and changed, the actions, and the inputs that differ.

    Parameters
    ----------
    a, b : Advice, dict, str or os.PathLike
        Two advice, or their JSON (:meth:`~interorg.Advice.to_dict`, or the
        path of a file of ``interorg advise --format json``).  When they
        differ in language, version or knowledge base they are compared by
        key, under a warning (:mod:`~interorg.report.conclusiondiff`).

    Returns
    -------
    AdviceDiff

    Raises
    ------
    UsageError
        If ``a`` or ``b`` is not an advice (a case is advised on first).
    CaseError
        If a JSON given is not an advice's, with every problem.

    Examples
    --------
    >>> import interorg
    >>> a = interorg.advise({"care": {"demand": "complex", "supply_in_municipality": False}})
    >>> b = interorg.advise({"care": {"demand": "standard", "supply_in_municipality": False}})
    >>> change = a.diff(b)
    >>> change.gained, change.lost[0], change.status["kenis.need.quadrant-iii"]
    (('kenis.need.quadrant-iii',), 'kenis.need.quadrant-iv', 'advice')
    >>> change.inputs[0].path, change.inputs[0].before, change.inputs[0].after
    ('care.demand', 'complex', 'standard')
    >>> across = interorg.diff(a, interorg.advise(a.case, lang="nl"))
    >>> across.differ_in, across.changed, across.compared["conclusions"]
    (('lang',), (), ['status', 'priority', 'supports'])
    """
    a, b = read_advice(a), read_advice(b)
    differ = differ_in(a, b)
    facets, action_facets = (KEY_FACETS, KEY_ACTION_FACETS) if differ else (_FACETS, ACTION_FACETS)
    before = {c.key: c for c in a.conclusions}
    after = {c.key: c for c in b.conclusions}
    # a side read from JSON has its supports by key alone: both are compared so, or not at all
    by_key = bool(differ) or a.case is None or b.case is None
    supports = [key_supports(c) for c in (*a.conclusions[:1], *b.conclusions[:1])] if by_key else []
    if any(found is None for found in supports):
        facets = tuple(f for f in facets if f != "supports")
    gained = tuple(key for key in after if key not in before)
    lost = tuple(key for key in before if key not in after)
    changed = _compare({k: _facets(a, c, by_key) for k, c in before.items() if k in after},
                       {k: _facets(b, c, by_key) for k, c in after.items() if k in before}, facets)
    status = {**{key: _status(a, key) for key in lost}, **{key: _status(b, key) for key in gained}}
    plan_gained, plan_lost, plan_changed = compare_actions(a, b, action_facets)
    with_cases = a.case is not None and b.case is not None
    inputs_a = _flatten(case_to_dict(a.case)) if with_cases else {}
    inputs_b = _flatten(case_to_dict(b.case)) if with_cases else {}
    inputs = tuple(InputChange(path, inputs_a.get(path), inputs_b.get(path))
                   for path in list(inputs_a) + [p for p in inputs_b if p not in inputs_a]
                   if inputs_a.get(path) != inputs_b.get(path))
    compared = {"conclusions": list(facets), "actions": list(action_facets), "inputs": with_cases}
    return AdviceDiff(a.case_name, b.case_name, gained, lost, changed, inputs,
                      plan_gained=plan_gained, plan_lost=plan_lost, plan_changed=plan_changed,
                      status={k: v for k, v in status.items() if v is not None}, lang=a.lang,
                      provenance={"a": provenance(a), "b": provenance(b)}, differ_in=differ, compared=compared)
