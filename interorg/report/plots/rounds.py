"""The scan over several assessments of one collaboration: how each factor moved from round to round."""

from ...analysis.compare import assessment_label
from ...analysis.labels import factor_label
from ...analysis.scan import scan_scores
import os

from ...case import Case, load_case
from ...errors import UsageError
from ...utils.arguments import items
from ._common import axes, decimal, label, plain, pyplot

__all__ = ["scan_rounds"]


def scan_rounds(assessments, ax=None, lang=None, partner=None):
    """Draw each factor's score over assessments: one line per factor, named at its last point.

    Parameters
    ----------
    assessments : sequence of Case, Advice, str or os.PathLike
        In time order, oldest first: cases, advices, or the paths of case
        files (read as :func:`interorg.load_case` reads them).
    ax : matplotlib.axes.Axes, optional
    lang : {'en', 'nl'}, optional
        By default the first advice's language, else English.
    partner : str, optional
        Draw this partner's scores instead of those over all respondents.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    UsageError
        If an assessment is none of these.
    CaseError
        If a case file is not a valid case.

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
    assessments = items(assessments, "assessments", "a case, an advice or the path of a case file",
                        single=(str, os.PathLike, Case))
    cases = [_case(a, index) for index, a in enumerate(assessments)]
    lang = lang or next((a.lang for a in assessments if _is_advice(a)), "en")
    ax = axes(ax, (9, 6.5))
    series = {}
    for number, case in enumerate(cases):
        for score in scan_scores(case):
            value = score.score if partner is None else score.partner_score(partner)
            series.setdefault(score.factor, [None] * len(cases))[number] = value
    colours = plt.get_cmap("tab10")
    ends, moved = [], 0
    for factor, values in series.items():
        points = [(x, y) for x, y in enumerate(values) if y is not None]
        if not points:
            continue
        xs, ys = zip(*points)
        # what moved is drawn in colour and bold; what stayed is grey, so that the eye goes to the change
        changed = max(ys) - min(ys) >= 0.1
        colour = colours(moved % 10) if changed else "#a0aec0"
        moved += changed
        ax.plot(xs, ys, marker="o", color=colour, linewidth=2.2 if changed else 1, zorder=3 if changed else 2)
        ends.append([ys[-1], ys[-1], xs[-1], plain(factor_label(factor, lang)), colour, changed])
    # the names at the right end, pushed apart so that none covers another, each tied to its line
    ends.sort(key=lambda end: end[0])
    gap = 0.13
    for previous, end in zip(ends, ends[1:]):
        end[0] = max(end[0], previous[0] + gap)
    for y, actual, x, name, colour, changed in ends:
        ax.annotate(name, xy=(x, actual), xytext=(len(cases) - 1 + 0.12, y), fontsize=7.5, color=colour if changed
                    else "#4a5568", fontweight="bold" if changed else "normal", va="center", annotation_clip=False,
                    arrowprops=dict(arrowstyle="-", color=colour, linewidth=0.6, shrinkA=0, shrinkB=3))
    ax.axhspan(1, 2.5, color="#fed7d7", zorder=0)
    ax.axhspan(4, 5, color="#c6f6d5", zorder=0)
    ax.set_xticks(range(len(cases)))
    ax.set_xticklabels([plain(assessment_label(case, n)) for n, case in enumerate(cases, start=1)])
    ax.set_xlim(-0.2, len(cases) - 1 + 0.05 if len(cases) > 1 else 0.2)
    ax.set_ylim(1, max([5.0] + [end[0] + 0.1 for end in ends]))
    # the scores on the axis as the advice writes them: 2,5 in Dutch, as on the heat map
    from matplotlib.ticker import FuncFormatter  # matplotlib is there: the axes are its

    ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _position: decimal(value, lang)))
    ax.set_xlabel(label("rounds_axis", lang))
    ax.set_ylabel(label("col_score", lang))
    title = label("rounds_title", lang) + (f" — {plain(partner)}" if partner else "")
    ax.set_title(title, fontsize=10)
    for spine in ("top", "right"):
        ax.spines[spine].set_visible(False)
    return ax


def _case(assessment, index):
    """The case of one assessment: itself, an advice's, or read from its file."""
    if isinstance(assessment, Case):
        return assessment
    if isinstance(assessment, (str, os.PathLike)):
        return load_case(assessment)
    if _is_advice(assessment) and isinstance(assessment.case, Case):
        return assessment.case
    got = "an advice without its case" if _is_advice(assessment) else type(assessment).__name__
    raise UsageError(f"assessments[{index}]: expected a case, an advice or the path of a case file; got {got}")


def _is_advice(value):
    # known by what it holds: importing Advice would close a cycle (the advice's report draws these plots)
    return hasattr(value, "case") and hasattr(value, "conclusions") and isinstance(getattr(value, "lang", None), str)
