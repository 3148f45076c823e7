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
from ..errors import UsageError
from ..utils.arguments import items

__all__ = ["DIAGNOSIS_MODELS", "DRAWN_PARTNERS", "Entry", "Selection", "BRIEF_FINDINGS", "advice_entries", "listed_entries",
           "plan_entries", "selection_for"]

#: Models whose conclusions the diagnosis section shows (so the lists do not).
DIAGNOSIS_MODELS = ("diagnosis.scan", "diagnosis.phases", "diagnosis.archetypes", "diagnosis.interventions")

#: The most partners the report draws a map and per-partner scan figures for: beyond, they cannot be read.
DRAWN_PARTNERS = 40

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


def selection_for(advice, kinds=(), models=(), partner=None, top=None):
    """The :class:`Selection` of these filters, checked against ``advice``: a filter that can match nothing is an error.

    A misspelt partner or model would otherwise show an empty advice, as if
    there were nothing to say about it.  ``kinds`` and ``models`` are each
    one text (``models="trust"``) or a sequence of them.

    Raises
    ------
    UsageError
        Naming every filter that matches nothing, with what it could be; or
        a kind or model that is not a text.

    Examples
    --------
    >>> import interorg
    >>> advice = interorg.advise(interorg.example_case())
    >>> selection_for(advice, models=("trust",), partner="eersel").partner
    'eersel'
    >>> selection_for(advice, partner="nobody")
    Traceback (most recent call last):
    ...
    interorg.errors.UsageError: unknown partner 'nobody'; expected one of eersel, bergeijk, bladel, reusel, jeugdzorg-kempen, ggz-kempen
    """
    kinds = items(kinds, "kinds", f"a kind ({', '.join(_KINDS)})", of=(str,))
    models = items(models, "models", "a model id or the start of one", of=(str,))
    problems = []
    unknown = [kind for kind in kinds if kind not in _KINDS]
    if unknown:
        problems.append(f"unknown kind {', '.join(map(repr, unknown))}; expected one of {', '.join(_KINDS)}")
    ids = [model.id for model in advice.models]
    for model in models:
        if not any(found == model or found.startswith(model + ".") for found in ids):
            problems.append(f"unknown model '{model}'; expected a model id or the start of one, such as"
                            f" {', '.join(dict.fromkeys(found.split('.')[0] for found in ids))}")
    if partner is not None and advice.case is not None:
        partners = [p.id for p in advice.case.partners]
        if partner not in partners:
            problems.append(f"unknown partner '{partner}'; expected one of {', '.join(partners) or '(none)'}")
    if top is not None and (isinstance(top, bool) or not isinstance(top, int) or top < 1):
        problems.append(f"expected a whole number of 1 or more for top; got {top!r}")
    if problems:
        raise UsageError("\n".join(problems))  # one per line, each translated on its own
    return Selection(kinds, models, partner, top)


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

    An action is kept when one of its conclusions is.  ``top`` counts the
    actions of the plan and the others together, in rank order: the others
    are shown only once the plan's kept actions are fewer than ``top``.
    """
    def kept(actions):
        return [a for a in actions if any(selection.takes(advice[key]) for key in a.keys)]

    plan = kept(advice.counsel.plan)
    if not more:
        return selection.cut(plan)
    others = kept(advice.counsel.more)
    return others if selection.top is None else others[:max(0, selection.top - len(plan))]


def advice_entries(advice, selection=Selection(), full=False):
    """The advice not in the plan, by kind: ``{kind: [Entry, ...]}``, most important first.

    Without ``full`` the conclusions of the actions shown, the conclusions
    the diagnosis section shows, and the warnings an action of the plan
    shown answers (its "because") are left out: the plan says them.  With it every
    conclusion that is advice is listed, with its text, sources and
    derivation (see also :func:`listed_entries`).
    """
    counsel = advice.counsel
    in_plan = set()
    if not full:
        # only the actions shown say their conclusions: a selection (--kind warning) may show none of them
        plan = plan_entries(advice, selection)
        in_plan = {key for action in plan + plan_entries(advice, selection, more=True) for key in action.keys}
        in_plan |= {key for action in plan for key in action.answers}
    by_rule = {}
    for key in counsel.advice:
        conclusion = advice[key]
        if key in in_plan or not selection.takes(conclusion):
            continue
        if not full and conclusion.model in DIAGNOSIS_MODELS:
            continue
        by_rule.setdefault(conclusion.id, []).append(conclusion)
    rank = {priority: index for index, priority in enumerate(PRIORITIES)}
    names = advice.case.partner_names() if advice.case is not None else {}
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


def listed_entries(advice, selection=Selection(), full=False):
    """What a text or Markdown rendering lists, by kind, and how many low-priority findings it leaves out.

    ``--full`` and any selection (``--kind finding``, ``--model``...) list
    every entry of :func:`advice_entries`; so does the brief default when
    there are no more than :data:`BRIEF_FINDINGS` findings.  Beyond that, the
    brief leaves out the findings of low priority and counts them, so that
    what decides comes first.

    Returns
    -------
    tuple
        ``({kind: [Entry, ...]}, number of findings left out)``.

    Examples
    --------
    >>> import interorg
    >>> advice = interorg.advise(interorg.example_case())
    >>> listed_entries(advice)[1] > 0, listed_entries(advice, full=True)[1]
    (True, 0)
    >>> listed_entries(interorg.advise({"care": {"demand": "complex", "supply_in_municipality": False}}))[1]
    0
    """
    entries = advice_entries(advice, selection, full)
    findings = entries["finding"]
    if full or selection != Selection() or sum(len(e.conclusions) for e in findings) <= BRIEF_FINDINGS:
        return entries, 0
    low = [entry for entry in findings if entry.priority == "low"]
    entries["finding"] = [entry for entry in findings if entry.priority != "low"]
    return entries, sum(len(entry.conclusions) for entry in low)
