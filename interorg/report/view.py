"""What a rendering shows, before it is written as text, Markdown or HTML.

The three writers of :mod:`.render` share one reading of the advice: the
action plan, then the advice that is not in the plan (warnings, findings,
recommendations), each rule once with all its subjects, most important
first; the diagnosis in brief; and one line each for what was set aside and
which models could not be applied.  What the diagnosis section shows (the
scan, the phase, the archetypical problems and their interventions) is not
listed again among the findings: nothing is said twice.

A :class:`Selection` narrows what is shown (``--kind``, ``--model``,
``--partner``, ``--top``); it never changes what was concluded.
"""

import attrs

from ..analysis.counsel import subject_words
from ..engine.results import PRIORITIES

__all__ = ["DIAGNOSIS_MODELS", "Entry", "Selection", "BRIEF_FINDINGS", "advice_entries", "brief_lists_low_findings",
           "low_findings_left_out", "plan_entries"]

#: Models whose conclusions the diagnosis section shows (so the lists do not).
DIAGNOSIS_MODELS = ("diagnosis.scan", "diagnosis.phases", "diagnosis.archetypes", "diagnosis.interventions")

_KINDS = ("warning", "finding", "recommendation")  # a recommendation outside every action is listed too


@attrs.frozen
class Selection:
    """Which advice to show: all by default.

    Attributes
    ----------
    kinds : tuple of str
        ``finding``, ``warning``, ``recommendation``; empty for all.
    models : tuple of str
        Model ids or their prefixes (``trust`` takes ``trust.quadrants``...).
    partner : str or None
        A partner id: only conclusions about it (its id in the subject).
    top : int or None
        At most this many actions, and this many entries per list.
    """

    kinds: tuple = ()
    models: tuple = ()
    partner: str | None = None
    top: int | None = None

    def takes(self, conclusion):
        if self.kinds and conclusion.kind not in self.kinds:
            return False
        if self.models and not any(conclusion.model == m or conclusion.model.startswith(m + ".")
                                   for m in self.models):
            return False
        if self.partner is not None:
            subject = conclusion.subject or ""
            if self.partner not in subject.replace(">", "~").split("~"):
                return False
        return True

    def cut(self, items):
        return list(items) if self.top is None else list(items)[:self.top]


@attrs.frozen
class Entry:
    """One line of a list: a rule's conclusion, with all the subjects it was drawn for.

    ``conclusions`` holds them (the first gives the title); ``about`` what
    the first is about, in words, where its title does not say it, and
    ``subjects`` what the others are about.
    """

    kind: str
    priority: str | None
    title: str
    conclusions: tuple
    subjects: tuple
    about: str | None = None

    @property
    def keys(self):
        return tuple(c.key for c in self.conclusions)

    @property
    def rule(self):
        return self.conclusions[0].id


def plan_entries(advice, selection=Selection(), more=False):
    """The actions of the plan (or, with ``more``, the actions after it) that the selection keeps.

    An action is kept when one of its conclusions is.
    """
    actions = advice.counsel.more if more else advice.counsel.plan
    return selection.cut(a for a in actions if any(selection.takes(advice[key]) for key in a.keys))


def advice_entries(advice, selection=Selection(), full=False, low_findings=True):
    """The advice not in the plan, by kind: ``{kind: [Entry, ...]}``, most important first.

    Without ``full`` the conclusions the diagnosis section shows, and the
    warnings an action of the plan answers (its "because"), are left out;
    with it they are listed too.  Without ``low_findings`` the findings of
    low priority are left out as well (the brief text counts them instead,
    see :func:`low_findings_left_out`).
    """
    counsel = advice.counsel
    in_plan = {key for action in counsel.plan + counsel.more for key in action.keys}
    if not full:
        in_plan |= {key for action in counsel.plan for key in action.answers}
    by_rule = {}
    for key in counsel.advice:
        conclusion = advice[key]
        if key in in_plan or not selection.takes(conclusion):
            continue
        if not full and conclusion.model in DIAGNOSIS_MODELS:
            continue
        if not low_findings and conclusion.kind == "finding" and conclusion.priority == "low":
            continue
        by_rule.setdefault(conclusion.id, []).append(conclusion)
    rank = {priority: index for index, priority in enumerate(PRIORITIES)}
    names = {p.id: p.name for p in advice.case.partners if p.name} if advice.case is not None else {}
    out = {kind: [] for kind in _KINDS}
    for members in by_rule.values():
        first = members[0]
        words = [subject_words(m.subject, m.subject_label, names) for m in members if m.subject is not None]
        # the first subject is named with the title when the title does not name it already
        about = words[0] if words and words[0] not in first.title else None
        out[first.kind].append(Entry(first.kind, first.priority, first.title, tuple(members), tuple(words[1:]), about))
    for kind in out:
        # counsel.advice is ordered by priority already; keep that order, stable
        out[kind].sort(key=lambda entry: rank[entry.priority])
        out[kind] = selection.cut(out[kind])
    return out


#: In brief, the most findings listed before those of low priority are counted instead.
BRIEF_FINDINGS = 12


def brief_lists_low_findings(advice, full, selection):
    """Whether a text or Markdown rendering lists the findings of low priority.

    ``--full`` and any selection (``--kind finding``, ``--model``...) list
    them; so does the brief default when there are no more than
    :data:`BRIEF_FINDINGS` findings to list.  Beyond that, the brief counts
    them, so that what decides comes first.
    """
    if full or selection != Selection():
        return True
    return sum(len(entry.conclusions) for entry in advice_entries(advice)["finding"]) <= BRIEF_FINDINGS


def low_findings_left_out(advice, selection=Selection(), full=False):
    """How many findings of low priority a brief rendering leaves out (0 where it lists them).

    Examples
    --------
    >>> import interorg
    >>> advice = interorg.advise(interorg.example_case())
    >>> low_findings_left_out(advice) > 0, low_findings_left_out(advice, full=True)
    (True, 0)
    >>> low_findings_left_out(interorg.advise({"care": {"demand": "complex", "supply_in_municipality": False}}))
    0
    """
    if brief_lists_low_findings(advice, full, selection):
        return 0
    every = advice_entries(advice, selection, full)["finding"]
    return sum(len(entry.conclusions) for entry in every if entry.priority == "low")
