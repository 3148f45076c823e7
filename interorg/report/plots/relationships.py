"""The relationships of a collaboration on the trust × vigilance grid of the Common Eye workbook (after Lewicki)."""

from ...analysis.labels import message
from ...engine.wording import fill
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
    # points per unit of the y axis (the grid is 2 units high): font sizes follow the space the axes have
    points = ax.get_position().height * ax.figure.get_figheight() * 72 / 2
    per_cell = {rule: [r for r in summary.relationships if r.quadrant == rule] for rule in CELLS}
    for rule, (trust, vigilance, colour) in CELLS.items():
        ax.add_patch(_rectangle(trust, vigilance, colour))
        title = wrap(plain(message(rule, lang).split(" (")[0]), 42)
        ax.text(trust + 0.04, vigilance + 0.96, title, fontsize=9, fontweight="bold", color=colour, va="top")
        top = vigilance + 0.96 - 0.07 * (title.count("\n") + 1) - 0.03
        _list_in_cell(ax, per_cell[rule], names, trust, top, top - (vigilance + 0.03), points, lang)
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


#: The largest and smallest font of a cell's list (points): below the smallest, the rest is counted instead.
_LARGEST, _SMALLEST = 9, 5.5


def _list_in_cell(ax, found, names, left, top, height, points, lang):
    """Write the relationships ``found`` from ``top`` down within ``height``, in one or two columns.

    The spacing comes from the lines the wrapped names really take; when
    even the smallest font cannot hold them all, the last line says how
    many more there are, so that nothing is drawn outside the cell.
    """
    if not found:
        return
    columns = 1 if len(found) <= 12 else 2
    width = 46 if columns == 1 else 22
    # the ⚠ marks a risky relationship; the names wrap so that they stay inside the cell
    items = [(wrap(("⚠ " if r.risky else "") + _pair(r, names), width), r.risky) for r in found]
    per_column = -(-len(items) // columns)
    chunks = [items[c * per_column:(c + 1) * per_column] for c in range(columns)]

    def lines(chunk):  # a name's lines, and a third of a line between two names
        return sum(text.count("\n") + 1.3 for text, _ in chunk)

    step = min(0.055, height / max(lines(chunk) for chunk in chunks))
    smallest = _SMALLEST * 1.25 / points  # the step of the smallest font, in axis units
    if step < smallest:  # keep what fits at the smallest font, and count the rest
        step = smallest
        kept = []
        for chunk in chunks:
            while chunk and lines(chunk) + 1.3 > height / step:
                chunk = chunk[:-1]
            kept.append(chunk)
        hidden = len(items) - sum(len(chunk) for chunk in kept)
        kept[-1] = kept[-1] + [(fill(message("and_more", lang), count=hidden), False)]
        chunks = kept
    size = max(_SMALLEST, min(_LARGEST, step * points / 1.25))
    for column, chunk in enumerate(chunks):
        y = top
        for text, risky in chunk:
            ax.text(left + 0.05 + column * 0.47, y, text, fontsize=size, va="top", linespacing=1.1,
                    color="#9b2c2c" if risky else "#1a202c")
            y -= step * (text.count("\n") + 1.3)


def _rectangle(trust, vigilance, colour):
    from matplotlib.patches import Rectangle

    return Rectangle((trust + 0.01, vigilance + 0.01), 0.98, 0.98, facecolor=colour, alpha=0.12,
                     edgecolor=colour, linewidth=1.5)
