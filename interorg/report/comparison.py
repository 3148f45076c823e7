"""Two assessments side by side: what moved, as text, Markdown, HTML and JSON.

A :class:`Comparison` is passive data, built by :func:`interorg.compare`
from two advices; its renderings show only what changed (a factor's score
by 0.01 or more, a relationship's quadrant, a partner's position, a
problem suspected or no longer suspected), every value by its label in the
comparison's language, and :meth:`Comparison.to_dict` gives everything.
Two assessments that may not be of one collaboration (other names, few
partners in common) are compared all the same, under a warning.
"""

import json

import attrs

from ..analysis.knowledge import load_knowledge
from ..analysis.labels import factor_label, message, value_label
from ..engine.wording import format_number, partner_names
from ..utils.display import escape, frame, html_table
from .briefs import weighed
from .escape import markdown_line, one_line, terminal

__all__ = ["Comparison"]


@attrs.frozen(repr=False)
class Comparison:
    """What moved between an earlier and a later assessment of one collaboration.

    Attributes
    ----------
    lang : {'en', 'nl'}
    before, after : str
        What the two assessments are called (round and date where given).
    factors : tuple of FactorChange
    quadrants : tuple of QuadrantChange
    positions : tuple of PositionChange
    problems : tuple of ProblemChange
    names : dict
        The partners' names by id, from both assessments: the renderings
        name partners and relationships by them.
    in_reverse : bool
        Whether the "earlier" assessment is later than the "later" one (by
        round, else by date): compared as given, which reads as time running
        backwards.
    relatedness : Relatedness or None
        The cases' names and the partners they share: when
        ``relatedness.doubtful``, the renderings open with a warning that
        the two may not be of one collaboration.
    """

    lang: str
    before: str
    after: str
    factors: tuple
    quadrants: tuple
    positions: tuple
    problems: tuple
    names: dict = attrs.field(factory=dict, eq=False)
    in_reverse: bool = False
    relatedness: object = None

    def moved_factors(self):
        """The factor scores that changed by 0.01 or more, largest change first."""
        moved = [f for f in self.factors if f.change is None and (f.before, f.after) != (None, None)
                 or (f.change is not None and abs(f.change) >= 0.01)]
        return tuple(sorted(moved, key=lambda f: -abs(f.change or 0)))

    def moved_quadrants(self):
        """The relationships whose quadrant changed."""
        return tuple(q for q in self.quadrants if q.before != q.after)

    def moved_positions(self):
        """The partners whose believed position or placement changed."""
        return tuple(p for p in self.positions
                     if (p.believed_before, p.placed_before) != (p.believed_after, p.placed_after))

    def changed_problems(self):
        """The problems that appeared, were resolved, or are still suspected."""
        return tuple(p for p in self.problems if p.status)

    def warnings(self):
        """Why the two assessments may not be of one collaboration, in the comparison's language (empty: no doubt).

        Examples
        --------
        >>> import attrs, interorg
        >>> case = interorg.example_case()
        >>> later = attrs.evolve(case, name="Other", round=2)
        >>> print(*interorg.compare(case, later, lang="nl").warnings())  # doctest: +NORMALIZE_WHITESPACE
        de twee casussen hebben verschillende namen, 'Jeugdhulp regio Kempenland' en 'Other':
        het zijn misschien geen metingen van één samenwerking
        """
        found = self.relatedness
        if found is None:
            return ()
        texts = load_knowledge().messages
        out = []
        if found.names_differ:
            out.append(texts["compare_names_differ"].fill(self.lang, {"before": found.name_before,
                                                                       "after": found.name_after}))
        if found.few_shared:
            out.append(texts["compare_few_shared"].fill(self.lang, {"shared": str(len(found.shared)),
                                                                     "partners": str(found.partners)}))
        return tuple(out)

    def __repr__(self):
        appeared = sum(1 for p in self.problems if p.status == "appeared")
        resolved = sum(1 for p in self.problems if p.status == "resolved")
        return (f"<Comparison {self.before} → {self.after}: {len(self.moved_factors())} factor scores moved,"
                f" {len(self.moved_quadrants())} quadrants, {len(self.moved_positions())} positions;"
                f" {appeared} problems appeared, {resolved} resolved>")

    def to_dict(self):
        """Everything compared, as JSON-ready data."""
        def rows(items, *extra):
            return [{**attrs.asdict(item), **{name: getattr(item, name) for name in extra}} for item in items]

        found = self.relatedness
        related = None if found is None else {
            "name_before": found.name_before, "name_after": found.name_after, "names_differ": found.names_differ,
            "shared_partners": list(found.shared), "partners": found.partners, "few_shared": found.few_shared,
            "doubtful": found.doubtful, "warnings": list(self.warnings())}
        return {"before": self.before, "after": self.after, "lang": self.lang, "in_reverse": self.in_reverse,
                "relatedness": related,
                "factors": rows(self.factors, "change"), "quadrants": rows(self.quadrants),
                "positions": rows(self.positions), "problems": rows(self.problems, "status")}

    def to_json(self, indent=2):
        """:meth:`to_dict` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def to_frame(self):
        """The factor scores before and after as a pandas DataFrame (partner None: all respondents)."""
        records = [{**attrs.asdict(f), "change": f.change} for f in self.factors]
        return frame(records, ["factor", "partner", "before", "after", "change", "band_before", "band_after"])

    def _sections(self):
        """(heading, column headings, rows of text) for each kind of change, in the comparison's language."""
        lang = self.lang

        def word(key):
            return message(key, lang)

        def number(value):
            return word("compare_absent") if value is None else format_number(round(value, 2), lang)

        def change(value):
            return "" if value is None else ("+" if value > 0 else "−" if value < 0 else "") + number(abs(value))

        def quadrant(rule):
            return word(rule) if rule else word("compare_absent")

        def position(value):
            if not value:
                return word("compare_absent")
            if value in ("several", "none"):  # the rules' placements that are no position of the vocabulary
                return word(f"compare_placed_{value}")
            return value_label("partner_position", "declared", value, lang)

        def named(value):
            return partner_names(value, self.names)

        def level(problem, which):
            found = getattr(problem, f"level_{which}")
            if not found:
                return word("compare_absent")
            numbers = (getattr(problem, f"{name}_{which}") for name in ("signs", "against", "net"))
            return f"{word('compare_level_' + found)} ({weighed(_labels(lang), lang, *numbers)})"

        factors = [[factor_label(f.factor, lang), named(f.partner) if f.partner else word("scan_all_partners"),
                    number(f.before), number(f.after), change(f.change)] for f in self.moved_factors()]
        quadrants = [[named(q.relationship), quadrant(q.before), quadrant(q.after)] for q in self.moved_quadrants()]
        positions = [[named(p.partner), position(p.believed_before), position(p.placed_before),
                      position(p.believed_after), position(p.placed_after)] for p in self.moved_positions()]
        problems = [[p.title, level(p, "before"), level(p, "after"), word(f"compare_{p.status}")]
                    for p in self.changed_problems()]
        before, after = word("col_before"), word("col_after")
        return [
            (word("compare_scan"), [word("col_factor"), word("col_partner"), before, after, word("col_change")],
             factors),
            (word("compare_quadrants"), [word("col_relationship"), before, after], quadrants),
            (word("compare_positions"), [word("col_partner"), word("col_believed_before"), word("col_placed_before"),
                                         word("col_believed_after"), word("col_placed_after")], positions),
            (word("compare_problems"), [word("col_problem"), before, after, word("col_change")], problems),
        ]

    def _title(self):
        return f"{message('compare_title', self.lang)}: {self.before} → {self.after}"

    def to_text(self):
        """What moved, as plain text."""
        out = [self._title(), "=" * len(self._title())]
        # the cases' names are the user's: on one line, and no control character reaches the terminal
        out += [terminal(one_line(f"{message('compare_warning', self.lang)}: {text}")) for text in self.warnings()]
        for heading, columns, rows in self._sections():
            out += ["", heading, "-" * len(heading)]
            # a row names partners and relationships as the cases do: one line, no control character
            out += [" | ".join(columns)] + [terminal(one_line(" | ".join(row))) for row in rows] if rows else [
                message("compare_nothing", self.lang)]
        return "\n".join(out) + "\n"

    def to_markdown(self):
        """What moved, as Markdown tables."""
        def cell(text):
            return markdown_line(str(text))  # the cases' names: one line, no HTML, no cell of their own

        out = [f"# {self._title()}"]
        out += [f"\n> **{message('compare_warning', self.lang)}:** {markdown_line(text)}" for text in self.warnings()]
        for heading, columns, rows in self._sections():
            out += ["", f"## {heading}", ""]
            if rows:
                out += ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
                out += ["| " + " | ".join(cell(value) for value in row) + " |" for row in rows]
            else:
                out.append(message("compare_nothing", self.lang))
        return "\n".join(out) + "\n"

    def to_html(self):
        """What moved, as an HTML fragment with a table per kind of change (every text escaped)."""
        out = ['<div class="interorg-comparison">', f"<h3>{escape(self._title())}</h3>"]
        out += [f'<p class="interorg-warning"><strong>{escape(message("compare_warning", self.lang))}:</strong>'
                f" {escape(text)}</p>" for text in self.warnings()]
        for heading, columns, rows in self._sections():
            out.append(f"<h4>{escape(heading)}</h4>")
            out.append(html_table(columns, rows) if rows else f"<p>{escape(message('compare_nothing', self.lang))}</p>")
        out.append("</div>")
        return "\n".join(out)

    def _repr_html_(self):
        return self.to_html()


def _labels(lang):
    """The messages in ``lang``, for :func:`.briefs.weighed`."""
    return load_knowledge().labels(lang)
