"""The scan over several assessments of one collaboration: how each factor moved from round to round."""

from ...analysis.labels import factor_label
from ...analysis.scan import scan_scores
from ...case import Case
from ._common import axes, label, plain, pyplot

__all__ = ["assessment_label", "scan_rounds"]


def assessment_label(case, number):
    """What an assessment is called on an axis: its round and date where the case gives them.

    Examples
    --------
    >>> from interorg import Case
    >>> assessment_label(Case(round=2, assessed="2026-09-01"), 1)
    '2 (2026-09-01)'
    >>> assessment_label(Case(), 3)
    '3'
    """
    name = str(case.round) if case.round is not None else str(number)
    return f"{name} ({case.assessed})" if case.assessed else name


def scan_rounds(assessments, ax=None, lang=None, partner=None):
    """Draw each factor's score over assessments: one line per factor, named at its last point.

    Parameters
    ----------
    assessments : sequence of Case or Advice
        In time order, oldest first.
    ax : matplotlib.axes.Axes, optional
    lang : {'en', 'nl'}, optional
        By default the first advice's language, else English.
    partner : str, optional
        Draw this partner's scores instead of those over all respondents.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import interorg
    >>> from interorg.report.plots import scan_rounds
    >>> case = interorg.example_case()
    >>> ax = scan_rounds([case, case])
    >>> len(ax.get_xticks())
    2
    """
    plt = pyplot()
    cases = [a if isinstance(a, Case) else a.case for a in assessments]
    lang = lang or next((a.lang for a in assessments if not isinstance(a, Case)), "en")
    ax = axes(ax, (9, 6.5))
    series = {}
    for number, case in enumerate(cases):
        for score in scan_scores(case):
            value = score.score if partner is None else score.partner_score(partner)
            series.setdefault(score.factor, [None] * len(cases))[number] = value
    colours = plt.get_cmap("tab20")
    ends = []
    for index, (factor, values) in enumerate(series.items()):
        points = [(x, y) for x, y in enumerate(values) if y is not None]
        if not points:
            continue
        xs, ys = zip(*points)
        ax.plot(xs, ys, marker="o", color=colours(index % 20), linewidth=1.6)
        ends.append([ys[-1], xs[-1], plain(factor_label(factor, lang)), colours(index % 20)])
    # the names at the right end, pushed apart so that none covers another
    ends.sort(key=lambda end: end[0])
    gap = 0.12
    for previous, end in zip(ends, ends[1:]):
        end[0] = max(end[0], previous[0] + gap)
    for y, x, name, colour in ends:
        ax.annotate(name, xy=(x, y), xytext=(len(cases) - 1 + 0.08, y), fontsize=7, color=colour, va="center",
                    annotation_clip=False)
    ax.axhspan(1, 2.5, color="#fed7d7", zorder=0)
    ax.axhspan(4, 5, color="#c6f6d5", zorder=0)
    ax.set_xticks(range(len(cases)))
    ax.set_xticklabels([plain(assessment_label(case, n)) for n, case in enumerate(cases, start=1)])
    ax.set_xlim(-0.2, len(cases) - 1 + 0.05 if len(cases) > 1 else 0.2)
    ax.set_ylim(1, max([5.0] + [end[0] + 0.1 for end in ends]))
    ax.set_xlabel(label("rounds_axis", lang))
    ax.set_ylabel(label("col_score", lang))
    title = label("rounds_title", lang) + (f" — {plain(partner)}" if partner else "")
    ax.set_title(title, fontsize=10)
    for spine in ("top", "right"):
        ax.spines[spine].set_visible(False)
    return ax
