"""The scan as pictures: a partner × factor heat map with the bands, and the agreement between partners per factor."""

from ...analysis.labels import factor_label
from ...analysis.scan import CONCERN, STRENGTH, ScanScores, scan_scores
from ...case import Case
from ._common import axes, decimal, label, plain, pyplot, wrap

__all__ = ["scan_agreement", "scan_heatmap"]

#: The bands' colours on the score axis: concern, middle, strength.
_BAND_FILL = (("concern", 1.0, CONCERN, "#fed7d7"), ("middle", CONCERN, STRENGTH, "#fefcbf"),
              ("strength", STRENGTH, 5.0, "#c6f6d5"))


def _scores(source, lang):
    """The scores, the partner names and the language of an Advice, a Case or ScanScores."""
    case = getattr(source, "case", None) if not isinstance(source, (Case, ScanScores, tuple)) else None
    lang = lang or getattr(source, "lang", None) or "en"
    if isinstance(source, Case):
        case = source
    scores = source if isinstance(source, tuple) else scan_scores(case)
    names = {p.id: p.name or p.id for p in case.partners} if case is not None else {}
    return ScanScores(scores), names, lang


def scan_heatmap(source, ax=None, lang=None):
    """Draw the scan as a heat map: factors down, partners across, each cell a score coloured by band.

    The last column is the score over all respondents; a factor on which
    the partners disagree is marked ⚠ in its row label.  The colour bar
    shows the bands (concern at 2.5 or less, strength at 4 or more).

    Parameters
    ----------
    source : Advice, Case or ScanScores
        What to draw; an Advice or Case also gives the partners' names.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure by default.
    lang : {'en', 'nl'}, optional
        The language of the labels; by default the advice's, else English.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    MissingDependency
        If matplotlib is not installed.

    Examples
    --------
    >>> import interorg
    >>> from interorg.report.plots import scan_heatmap
    >>> ax = scan_heatmap(interorg.example_case())
    >>> len(ax.get_yticklabels())
    16
    """
    plt = pyplot()  # first: without matplotlib, the error that says how to install it
    import matplotlib.colors as mcolors

    scores, names, lang = _scores(source, lang)
    answered = [s for s in scores if s.score is not None]
    partners = scores.partners
    ax = axes(ax, (3.2 + 0.9 * (len(partners) + 1), 1.2 + 0.42 * max(len(answered), 1)))
    if not answered:
        ax.text(0.5, 0.5, label("scan_not_answered", lang), ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return ax
    columns = list(partners) + [None]
    values = [[s.partner_score(p) if p is not None else s.score for p in columns] for s in answered]
    masked = [[float("nan") if v is None else v for v in row] for row in values]
    colours = mcolors.LinearSegmentedColormap.from_list(
        "bands", [(0.0, "#c53030"), ((CONCERN - 1) / 4, "#feb2b2"), ((CONCERN - 1) / 4 + 0.01, "#fefcbf"),
                  ((STRENGTH - 1) / 4 - 0.01, "#fefcbf"), ((STRENGTH - 1) / 4, "#9ae6b4"), (1.0, "#276749")])
    colours = colours.with_extremes(bad="#edf2f7")
    image = ax.imshow(masked, cmap=colours, vmin=1, vmax=5, aspect="auto")
    for row, line in enumerate(values):
        for column, value in enumerate(line):
            if value is not None:
                dark = value <= 1.6 or value >= 4.6
                ax.text(column, row, decimal(value, lang), ha="center", va="center", fontsize=8,
                        color="white" if dark else "#1a202c",
                        fontweight="bold" if columns[column] is None else "normal")
    ax.axvline(len(partners) - 0.5, color="#1a202c", linewidth=1.5)
    ax.set_xticks(range(len(columns)))
    ax.set_xticklabels([wrap(plain(names.get(p, p)), 16) if p is not None else label("scan_all_partners", lang)
                        for p in columns], rotation=35, ha="right", fontsize=8)
    ax.set_yticks(range(len(answered)))
    ax.set_yticklabels([("⚠ " if s.disagreement else "") + plain(factor_label(s.factor, lang))
                        for s in answered], fontsize=8)
    # a line between perspectives, so the four groups of the source show
    for row in range(1, len(answered)):
        if answered[row].perspective != answered[row - 1].perspective:
            ax.axhline(row - 0.5, color="white", linewidth=3)
    ax.tick_params(length=0)
    bar = plt.colorbar(image, ax=ax, fraction=0.04, pad=0.02, ticks=[1, CONCERN, STRENGTH, 5])
    bar.ax.set_yticklabels(["1", f"{decimal(CONCERN, lang)} {label('band_concern', lang)}",
                            f"{STRENGTH:g} {label('band_strength', lang)}", "5"], fontsize=7)
    ax.set_title(label("scan_title", lang), fontsize=10)
    return ax


def scan_agreement(source, ax=None, lang=None):
    """Draw the agreement between partners per factor: each partner's score on one line per factor.

    Like an agreement graph: the line spans the partners' lowest to highest
    score, a dot is one partner, the black diamond the mean over all
    respondents; the bands are shaded behind, and a disagreement (partners
    1.5 or more apart) is marked ⚠.

    Parameters
    ----------
    source : Advice, Case or ScanScores
    ax : matplotlib.axes.Axes, optional
    lang : {'en', 'nl'}, optional

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import interorg
    >>> from interorg.report.plots import scan_agreement
    >>> ax = scan_agreement(interorg.example_case(), lang="nl")
    >>> ax.get_xlabel().startswith("score")
    True
    """
    plt = pyplot()
    scores, names, lang = _scores(source, lang)
    answered = [s for s in scores if s.score is not None]
    partners = scores.partners
    ax = axes(ax, (10, 1.4 + 0.42 * max(len(answered), 1)))
    if not answered:  # as the heat map: say so, rather than draw an empty chart
        ax.text(0.5, 0.5, label("scan_not_answered", lang), ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return ax
    for band, low, high, colour in _BAND_FILL:
        ax.axvspan(low, high, color=colour, zorder=0)
    marks = plt.get_cmap("tab10" if len(partners) <= 10 else "tab20")
    for row, s in enumerate(answered):
        partner_scores = [p.score for p in s.by_partner]
        if len(partner_scores) > 1:
            ax.plot([min(partner_scores), max(partner_scores)], [row, row], color="#e53e3e" if s.disagreement
                    else "#4a5568", linewidth=3 if s.disagreement else 1.5, zorder=1, solid_capstyle="round")
        # partners with the same score are set side by side, a little above and below the line,
        # so that no dot hides another
        same = {}
        for p in s.by_partner:
            same.setdefault(p.score, []).append(p)
        for score, group in same.items():
            for offset, p in enumerate(group):
                y = row + (offset - (len(group) - 1) / 2) * min(0.16, 0.6 / len(group))
                ax.scatter(score, y, color=marks(partners.index(p.partner) % marks.N), s=45, zorder=2,
                           edgecolors="white", linewidths=0.8)
        ax.scatter(s.score, row, marker="D", color="#1a202c", s=30, zorder=3)
    for index, partner in enumerate(partners):
        ax.scatter([], [], color=marks(index % marks.N), s=45, label=plain(names.get(partner, partner)))
    ax.scatter([], [], marker="D", color="#1a202c", s=30, label=label("agreement_mean", lang))
    ax.plot([], [], color="#4a5568", linewidth=1.5, label=label("agreement_range", lang))
    ax.plot([], [], color="#e53e3e", linewidth=3, label=label("agreement_disagreement", lang))
    ax.set_yticks(range(len(answered)))
    ax.set_yticklabels([("⚠ " if s.disagreement else "") + plain(factor_label(s.factor, lang))
                        for s in answered], fontsize=8)
    ax.set_ylim(len(answered) - 0.5, -0.5)
    ax.set_xlim(0.9, 5.1)
    ax.set_xticks([1, 2, CONCERN, 3, 4, 5])
    ax.set_xticklabels([f"{tick:g}".replace(".", "," if lang == "nl" else ".") for tick in (1, 2, CONCERN, 3, 4, 5)])
    ax.set_xlabel(label("agreement_axis", lang), fontsize=8)
    ax.grid(axis="y", color="white", linewidth=0.5)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=7, frameon=False)
    ax.set_title(label("agreement_title", lang), fontsize=10)
    return ax
