"""The relationships of a collaboration on the trust × vigilance grid of the Common Eye workbook (after Lewicki)."""

from ...analysis.labels import message
from ._common import axes, label, plain, wrap

__all__ = ["trust_grid"]

#: Each quadrant's cell: (trust, vigilance) as 0 (low) or 1 (high), and its colour (as on the map).
CELLS = {
    "trust.quadrants.exploratory-exchange": (0, 0, "#d69e2e"),
    "trust.quadrants.vigilant-contracting": (0, 1, "#e53e3e"),
    "trust.quadrants.unhindered-collaboration": (1, 0, "#38a169"),
    "trust.quadrants.calculated-connection": (1, 1, "#3182ce"),
}


def _pair(result, names):
    return " – ".join(plain(names.get(p, p)) for p in result.partners)


def trust_grid(advice, ax=None):
    """Draw every relationship in its trust × vigilance quadrant.

    Each quadrant lists its relationships by the partners' names; a risky
    one (a trigger of opportunism, a blind spot, the trust paradox or split
    loyalties) is marked ⚠ and written in dark red.  Relationships without a
    quadrant (trust or vigilance unknown) are listed under the grid.

    Parameters
    ----------
    advice : Advice
        Its relationship summary, case (for the names) and language are used.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import interorg
    >>> from interorg.report.plots import trust_grid
    >>> ax = trust_grid(interorg.advise(interorg.example_case(), lang="nl"))
    >>> ax.get_xlabel()
    'persoonlijk vertrouwen'
    """
    lang = advice.lang
    summary = advice.relationships
    names = {p.id: p.name or p.id for p in advice.case.partners} if advice.case is not None else {}
    ax = axes(ax, (9, 7.5))
    per_cell = {rule: [r for r in summary.relationships if r.quadrant == rule] for rule in CELLS}
    most = max((len(found) for found in per_cell.values()), default=0)
    size = 9 if most <= 8 else 7 if most <= 16 else 6
    for rule, (trust, vigilance, colour) in CELLS.items():
        ax.add_patch(_rectangle(trust, vigilance, colour))
        title = wrap(plain(message(rule, lang).split(" (")[0]), 42)
        ax.text(trust + 0.04, vigilance + 0.96, title, fontsize=9, fontweight="bold", color=colour, va="top")
        found = per_cell[rule]
        columns = 1 if len(found) <= 12 else 2
        width = 46 if columns == 1 else 22
        per_column = -(-len(found) // columns) if found else 1
        step = min(0.055, 0.72 / max(per_column * 1.3, 1))
        top = vigilance + 0.96 - 0.07 * (title.count("\n") + 1) - 0.03
        for column in range(columns):
            y = top
            for result in found[column * per_column:(column + 1) * per_column]:
                # the ⚠ marks a risky relationship; the names wrap so that they stay inside the cell
                text = wrap(("⚠ " if result.risky else "") + _pair(result, names), width)
                ax.text(trust + 0.05 + column * 0.47, y, text, fontsize=size, va="top", linespacing=1.1,
                        color="#9b2c2c" if result.risky else "#1a202c")
                y -= step * (text.count("\n") + 1) + step * 0.3
    ax.set_xlim(0, 2)
    ax.set_ylim(0, 2)
    ax.set_xticks([0.5, 1.5])
    ax.set_xticklabels([label("grid_low", lang), label("grid_high", lang)])
    ax.set_yticks([0.5, 1.5])
    ax.set_yticklabels([label("grid_low", lang), label("grid_high", lang)], rotation=90, va="center")
    ax.set_xlabel(label("grid_trust", lang))
    ax.set_ylabel(label("grid_vigilance", lang))
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    notes = [f"⚠ {label('grid_risky', lang)}"]
    unknown = [r for r in summary.relationships if r.quadrant is None]
    if unknown:
        notes.append(f"{label('grid_unknown', lang)}: " + ", ".join(_pair(r, names) for r in unknown))
    ax.text(0, -0.16, "\n".join(notes), fontsize=8, va="top", transform=ax.transData, wrap=True)
    ax.set_title(label("grid_title", lang), fontsize=10)
    return ax


def _rectangle(trust, vigilance, colour):
    from matplotlib.patches import Rectangle

    return Rectangle((trust + 0.01, vigilance + 0.01), 0.98, 0.98, facecolor=colour, alpha=0.12,
                     edgecolor=colour, linewidth=1.5)
