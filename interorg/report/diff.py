"""What-if: what changes from one advice to another, as a pure comparison of the two.

:func:`diff` compares two advice objects: the conclusions gained and lost,
those drawn in both whose priority, title, text or supports differ, and the
inputs of the two cases that differ.  Nothing is run: it reads what the two
advice objects hold.
"""

import json

import attrs

from ..case import case_to_dict

__all__ = ["AdviceDiff", "Changed", "InputChange", "diff"]


@attrs.frozen
class InputChange:
    """One input that differs: its path in the case, and the value before and after (None: not given)."""

    path: str
    before: object
    after: object


@attrs.frozen
class Changed:
    """A conclusion drawn in both, with what differs: ``priority``, ``title``, ``text`` or ``supports``."""

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
    inputs : tuple of InputChange
    """

    a: str | None
    b: str | None
    gained: tuple
    lost: tuple
    changed: tuple
    inputs: tuple

    @property
    def empty(self):
        """True when nothing differs."""
        return not (self.gained or self.lost or self.changed or self.inputs)

    def to_dict(self):
        """JSON-ready data."""
        return {"a": self.a, "b": self.b, "gained": list(self.gained), "lost": list(self.lost),
                "changed": [attrs.asdict(c) for c in self.changed],
                "inputs": [attrs.asdict(i) for i in self.inputs]}

    def to_json(self, indent=2):
        """Return :meth:`to_dict` as a JSON string."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False, default=str)

    def _sections(self):
        yield "Inputs that differ", [f"{i.path}: {_show(i.before)} -> {_show(i.after)}" for i in self.inputs]
        yield "Conclusions gained", list(self.gained)
        yield "Conclusions lost", list(self.lost)
        yield "Conclusions changed", [
            f"{c.key}: " + "; ".join(f"{w} {_show(c.before[w])} -> {_show(c.after[w])}" if w == "priority"
                                     else f"{w} differ" for w in c.what) for c in self.changed]

    def to_text(self):
        """The differences as plain text, a section per kind."""
        lines = [f"From {self.a or 'A'} to {self.b or 'B'}"]
        for heading, items in self._sections():
            if items:
                lines += ["", heading] + [f"  {item}" for item in items]
        if self.empty:
            lines.append("no difference")
        return "\n".join(lines) + "\n"

    def to_markdown(self):
        """The differences as Markdown."""
        lines = [f"## From {self.a or 'A'} to {self.b or 'B'}"]
        for heading, items in self._sections():
            if items:
                lines += ["", f"### {heading}", ""] + [f"- `{item}`" for item in items]
        if self.empty:
            lines += ["", "No difference."]
        return "\n".join(lines) + "\n"

    def __repr__(self):
        return (f"<AdviceDiff: {len(self.gained)} gained, {len(self.lost)} lost, {len(self.changed)} changed, "
                f"{len(self.inputs)} inputs differ>")


def _show(value):
    if value is None:
        return "(not given)"
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


def _facets(conclusion):
    return {"priority": getattr(conclusion, "priority", None), "title": conclusion.title,
            "text": conclusion.text, "supports": _supports(conclusion)}


def diff(a, b):
    """Compare two advice objects: conclusions gained, lost and changed, and the inputs that differ.

    Parameters
    ----------
    a, b : Advice
        Best in the same language; the texts of two languages all differ.

    Returns
    -------
    AdviceDiff

    Examples
    --------
    >>> import interorg
    >>> a = interorg.advise({"care": {"demand": "complex", "supply_in_municipality": False}})
    >>> b = interorg.advise({"care": {"demand": "standard", "supply_in_municipality": False}})
    >>> change = a.diff(b)
    >>> change.gained, change.lost[0]
    (('kenis.need.quadrant-iii',), 'kenis.need.quadrant-iv')
    >>> change.inputs[0].path, change.inputs[0].before, change.inputs[0].after
    ('care.demand', 'complex', 'standard')
    """
    before = {c.key: c for c in a.conclusions}
    after = {c.key: c for c in b.conclusions}
    gained = tuple(key for key in after if key not in before)
    lost = tuple(key for key in before if key not in after)
    changed = []
    for key, conclusion in before.items():
        if key in after:
            old, new = _facets(conclusion), _facets(after[key])
            what = tuple(name for name in old if old[name] != new[name])
            if what:
                changed.append(Changed(key, what, {w: old[w] for w in what}, {w: new[w] for w in what}))
    inputs_a = _flatten(case_to_dict(a.case)) if a.case is not None else {}
    inputs_b = _flatten(case_to_dict(b.case)) if b.case is not None else {}
    inputs = tuple(InputChange(path, inputs_a.get(path), inputs_b.get(path))
                   for path in list(inputs_a) + [p for p in inputs_b if p not in inputs_a]
                   if inputs_a.get(path) != inputs_b.get(path))
    return AdviceDiff(a.case_name, b.case_name, gained, lost, tuple(changed), inputs)
