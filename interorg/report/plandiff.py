"""The actions of two advice objects compared: gained, lost, moved, or about other subjects or conclusions.

An advice's actions are its plan and the actions after it
(:attr:`Counsel.plan <interorg.analysis.counsel.Counsel.plan>` and
:attr:`~interorg.analysis.counsel.Counsel.more`), ranked on from the plan
into the rest; :func:`compare_actions` reads both rankings whole, so that an
action that moves out of the plan, or changes after it, is seen.

An action is the same in the two advice objects when its title is (a group
of ``knowledge/plan.yaml`` keeps its title whatever it is drawn for), or
when it rests on the same rule (a rule's title may name its subjects).
Where one title holds several actions (a warning addressed on its own, once
per subject: "Keep the trust of unhindered collaboration..." for two relationships), the actions
are paired by the conclusions they share; an action that addresses a
warning of its own is the same only where it addresses the same warning.
"""

import attrs

from ..analysis.counsel import PLAN_SIZE, subject_words

__all__ = ["ActionChange", "compare_actions", "in_plan"]

#: What is compared of an action in both, in this order.
FACETS = ("rank", "title", "priority", "subjects", "keys", "because")
#: The facets compared as sets: which ones are gained and lost is said, not their order.
LISTS = ("subjects", "keys")


@attrs.frozen
class ActionChange:
    """An action of both advice objects, with what differs.

    Attributes
    ----------
    key : str
        Its title (in the second advice).
    what : tuple of str
        The facets that differ, among ``rank`` (it moved), ``title``,
        ``priority``, ``subjects`` (what its conclusions are about, in words,
        whether the title names them or not), ``keys`` (the conclusions
        behind it) and ``because``.
    before, after : dict
        The value of each facet in ``what``, in the first and second advice.
    ranks : tuple of int
        Its rank in the first and in the second advice, moved or not.
    gained, lost : dict of str to tuple
        For ``subjects`` and ``keys``, when they differ: those only the
        second advice has, and only the first, each in its action's order.
    """

    key: str
    what: tuple[str, ...]
    before: dict
    after: dict
    ranks: tuple[int, int]
    gained: dict = attrs.field(factory=dict)
    lost: dict = attrs.field(factory=dict)


def in_plan(rank):
    """Whether the action of ``rank`` is in the plan, not among the actions after it.

    Examples
    --------
    >>> in_plan(1), in_plan(PLAN_SIZE + 1)
    (True, False)
    """
    return rank <= PLAN_SIZE


def _actions(advice):
    counsel = advice.counsel
    return tuple(counsel.plan) + tuple(counsel.more) if counsel is not None else ()


def _subjects(action, conclusions, names):
    """What the conclusions of ``action`` are about, in words, each once, in the action's order."""
    words = {}
    for key in action.keys:
        conclusion = conclusions.get(key)
        if conclusion is not None and conclusion.subject is not None:
            words[subject_words(conclusion.subject, conclusion.subject_label, names)] = None
    return tuple(words)


def _addresses(action):
    # a warning addressed as it is: the action's conclusions are the warnings it answers
    return action.keys == action.answers


def _pairs(old, new, titled):
    """Pair actions by the conclusions, then the rules, they share; each action once.

    An action addressing a warning of its own pairs only with one that
    shares a warning.  Of one title (``titled``), one action on each side is
    otherwise the same action, whatever it is drawn for: a group whose
    rules all changed.
    """
    scored = []
    for i, x in enumerate(old):
        for j, y in enumerate(new):
            keys, rules = len(set(x.keys) & set(y.keys)), len(set(x.rules) & set(y.rules))
            if keys or (not _addresses(x) and (rules or titled and len(old) == len(new) == 1)):
                scored.append((-keys, -rules, i, j))
    pairs, used_old, used_new = [], set(), set()
    for *_, i, j in sorted(scored):
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs.append((old[i], new[j]))
    return pairs


def _facets(advice):
    """What is compared of an action of ``advice``: a function of the action."""
    conclusions = {c.key: c for c in advice.conclusions}
    # in the words of its own case: a partner renamed is said as renamed
    names = advice.case.partner_names() if advice.case is not None else {}
    return lambda action: {"rank": action.rank, "title": action.title, "priority": action.priority,
                           "subjects": list(_subjects(action, conclusions, names)), "keys": list(action.keys),
                           "because": action.because}


def _change(old, new, facets=FACETS):
    what = tuple(name for name in facets
                 if (set(old[name]) != set(new[name]) if name in LISTS else old[name] != new[name]))
    if not what:
        return None
    gained = {name: tuple(v for v in new[name] if v not in old[name]) for name in LISTS if name in what}
    lost = {name: tuple(v for v in old[name] if v not in new[name]) for name in LISTS if name in what}
    # named in the words of the rendering, the first advice's, where titles are not compared (two languages)
    key = new["title"] if "title" in facets else old["title"]
    return ActionChange(key, what, {w: old[w] for w in what}, {w: new[w] for w in what}, (old["rank"], new["rank"]),
                        {k: v for k, v in gained.items() if v}, {k: v for k, v in lost.items() if v})


def compare_actions(a, b, facets=FACETS):
    """The actions only ``b`` has, those only ``a`` has, and those of both that differ.

    Parameters
    ----------
    a, b : Advice
    facets : tuple of str
        What is compared, of :data:`FACETS`.  Without ``title`` (two advice
        in different languages, whose titles differ though the actions do
        not) actions are paired by the conclusions and rules they share only.

    Returns
    -------
    gained : tuple of Action
        In ``b``'s ranking.
    lost : tuple of Action
        In ``a``'s ranking.
    changed : tuple of ActionChange
        In ``a``'s ranking.

    Examples
    --------
    >>> import interorg
    >>> advice = interorg.advise(interorg.example_case())
    >>> compare_actions(advice, advice)
    ((), (), ())
    """
    old, new = _actions(a), _actions(b)
    by_title = {}
    for side, actions in enumerate((old, new) if "title" in facets else ()):
        for action in actions:
            by_title.setdefault((_addresses(action), action.title), ([], []))[side].append(action)
    paired = {}
    for group_old, group_new in by_title.values():
        paired.update({id(x): y for x, y in _pairs(group_old, group_new, True)})
    matched = {id(y) for y in paired.values()}
    # a rule's title that names its subjects changes with them: the same rule is the same action
    paired.update({id(x): y for x, y in _pairs([x for x in old if id(x) not in paired],
                                                [y for y in new if id(y) not in matched], False)})
    matched = {id(y) for y in paired.values()}
    compared = _facets(a), _facets(b)
    changed = (_change(compared[0](x), compared[1](paired[id(x)]), facets) for x in old if id(x) in paired)
    return (tuple(y for y in new if id(y) not in matched), tuple(x for x in old if id(x) not in paired),
            tuple(c for c in changed if c is not None))
