"""From conclusions to counsel: what is advice, what was set aside, and the action plan.

The rules conclude piece by piece; a practitioner wants to know what to do
first.  :func:`build_counsel` takes the conclusions of one advice, the
conflicts resolved between them (:func:`interorg.engine.conflicts.resolve`)
and the diagnosis, and decides:

- which conclusions are **advice**: not a step, not set aside by another
  conclusion, and neither the suspicion of an archetypical problem the
  diagnosis does not suspect (one indicator is not enough) nor an
  intervention that answers only such problems (both are *held back*: the
  diagnosis shows the problem as worth checking, its interventions "if
  confirmed");
- the **action plan**: the recommendations that are advice, grouped where
  several lead to the same action (the groups of ``knowledge/plan.yaml``;
  otherwise one action per rule, whatever the number of subjects), and the
  warnings of high or critical priority that no recommendation answers
  (the ``urgent`` warnings of ``plan.yaml``, each an action titled by its
  rule's ``action``: see :mod:`.actions`); ranked by priority (an action is as
  urgent as the most urgent warning it answers), then by the weight of
  their evidence (the number of different places in the case they rest on),
  then in the knowledge's order; at most :data:`PLAN_SIZE` actions.

It is plain Python over the conclusions: it adds no knowledge and gives the
same counsel for the same conclusions.
"""

import attrs

from ..engine.results import PRIORITIES
from ..engine.wording import counted
from ..errors import NotConcluded
from .actions import NamedIn, action_title, member_subjects, names_as_whole, subject_words, together
from .evidence import add_input_paths, premise_set
from .evidence import premises as rests_on
from .planning import Urgent

__all__ = ["PLAN_SIZE", "Action", "Counsel", "build_counsel", "subject_words"]

#: The most actions an action plan holds: what a meeting can take on.
PLAN_SIZE = 7

_RANK = {priority: index for index, priority in enumerate(PRIORITIES)}

#: The urgent warnings of a knowledge base without ``plan.yaml`` (a rule base built in Python).
_URGENT = Urgent(("critical", "high"), ("diagnosis.archetypes",))


@attrs.frozen(repr=False)
class Action:
    """One action of the plan.

    Attributes
    ----------
    rank : int
        1 for the first action.
    title : str
        What to do, in one line, in the advice's language.
    because : str
        Why, in one line: what the conclusions behind it rest on.
    priority : {'critical', 'high', 'medium', 'low'}
        The highest priority among its conclusions.
    weight : int
        The number of different places in the case its conclusions rest on.
    keys : tuple of str
        The keys of the recommendations behind it, in the advice's order.
    rules : tuple of str
        Their rule ids, each once.
    subjects : tuple of str
        What it is about, in words (partners, relationships...), each once.
    answers : tuple of str
        The keys of the warnings the action answers (found in the
        derivations of its recommendations); its priority is at least theirs.
    """

    rank: int
    title: str
    because: str
    priority: str
    weight: int
    keys: tuple
    rules: tuple
    subjects: tuple = ()
    answers: tuple = ()

    def __repr__(self):
        return f"<Action {self.rank} ({self.priority}): {self.title}>"


@attrs.frozen(repr=False)
class Counsel:
    """What of an advice is counsel: the plan, and why the rest is not shown as advice.

    Attributes
    ----------
    plan : tuple of Action
        The first :data:`PLAN_SIZE` actions.
    more : tuple of Action
        The other actions, in the same ranking (ranks go on after the plan).
    advice : tuple of str
        The keys of the conclusions that are advice, most important first
        (priority, then the advice's order).
    set_aside : dict of str to SetAside
        The conclusions a conflict set aside, by key.
    held_back : tuple of str
        The suspicions of archetypical problems the diagnosis does not
        suspect, and the interventions that answer only such problems.
    inconsistencies : tuple of Inconsistency
        Conclusions of one exclusive group drawn for one subject: a fault of
        the knowledge base, withheld from the advice.
    concluded : frozenset of str
        The key of every conclusion, so that :meth:`status` refuses a key
        that names none.
    """

    plan: tuple
    more: tuple
    advice: tuple
    set_aside: dict
    held_back: tuple
    inconsistencies: tuple
    concluded: frozenset = attrs.field(default=frozenset(), repr=False, eq=False)
    _advice_keys: frozenset = attrs.field(init=False, repr=False, eq=False)
    _held_keys: frozenset = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self):
        object.__setattr__(self, "_advice_keys", frozenset(self.advice))
        object.__setattr__(self, "_held_keys", frozenset(self.held_back))

    def __repr__(self):
        return (f"<Counsel of {len(self.plan)} actions in the plan, {len(self.more)} more; {len(self.advice)} advice,"
                f" {len(self.set_aside)} set aside, {len(self.held_back)} held back>")

    def status(self, key):
        """``advice``, ``step``, ``set-aside`` or ``held-back`` for the conclusion with ``key``.

        Raises :class:`~interorg.errors.NotConcluded` for a key that names no
        conclusion (where the counsel knows them all, as an advice's does).
        """
        if self.concluded and key not in self.concluded:
            raise NotConcluded(f"no conclusion {key!r} in this advice")
        if key in self.set_aside:
            return "set-aside"
        if key in self._held_keys:
            return "held-back"
        return "advice" if key in self._advice_keys else "step"


def _held_back(conclusions, knowledge, diagnosis):
    """The suspicions of problems the diagnosis does not suspect, and the interventions answering only those.

    A suspicion rule holds on a single indicator; whether the problem is
    suspected is the diagnosis's weighing of all the evidence, so the rule's
    conclusion is advice only when the diagnosis agrees.
    """
    suspicion_of, answering = _suspicions(knowledge)
    suspected = {result.id for result in diagnosis.suspected} if diagnosis is not None else set(suspicion_of.values())
    held = []
    for conclusion in conclusions:
        if conclusion.id in suspicion_of:
            if suspicion_of[conclusion.id] not in suspected:
                held.append(conclusion.key)
            continue
        if conclusion.kind != "recommendation":
            continue
        problems = answering.get(conclusion.id)
        if problems is None:
            problems = answering[conclusion.id] = [suspicion_of[rule] for rule, negated
                                                   in knowledge.rule(conclusion.id).depends_on()
                                                   if not negated and rule in suspicion_of]
        if problems and not any(problem in suspected for problem in problems):
            held.append(conclusion.key)
    return tuple(held)


def _suspicions(knowledge):
    """``({suspicion rule: problem}, {recommendation rule: problems it answers})``: the knowledge's, kept with it.

    The second is filled as the rules are met.
    """
    found = knowledge._cache.get("counsel_suspicions")
    if found is None:
        found = knowledge._cache["counsel_suspicions"] = (
            {archetype.suspected_by: archetype.id for archetype in getattr(knowledge, "archetypes", ())}, {})
    return found


def _groups(knowledge):
    """``{rule: the group of plan.yaml it belongs to}``: the knowledge's, kept with it."""
    found = knowledge._cache.get("counsel_groups")
    if found is None:
        found = knowledge._cache["counsel_groups"] = {
            rule: group for group in getattr(knowledge, "actions", ()) for rule in group.rules}
    return found


def _because(conclusions, lang_labels, lang, shown=None, names=None, named=(), memo=None):
    """One line: what the action rests on, the warnings it answers first (most urgent first), else the case.

    After the warnings come the findings it rests on, by priority, then the
    intermediate steps; among equals, the first met.

    Each premise is named once, by its rule's title, with the subjects it
    was drawn for that the action does not name already (``named``: its
    title and subjects), so that "Quadrant IV" says which municipalities;
    where no earlier conclusion is, what the case gives is said in words
    (``field = value``, in the advice's language), each place once.
    """
    shown = shown or {}
    memo = {} if memo is None else memo
    premises, paths, walked = [], {}, {}
    for conclusion in conclusions:
        for support in conclusion.explanation.supports:
            for evidence in support.evidence:
                if evidence.type == "input":
                    paths.setdefault(evidence.path, evidence)
                    continue
                explanation = evidence.explanation
                premises.append((evidence.key, explanation.title))
                # one walk for all: a tree met again adds nothing new (its first meeting keeps its place);
                # premises' walk written out here, as it runs for every earlier conclusion of every action
                for deeper in premise_set(explanation, memo):
                    if deeper not in walked:
                        walked[deeper] = None
                        if deeper in shown:
                            premises.append((deeper, shown[deeper].title))
    titles = {}
    for key, title in premises:
        # the warnings it answers first, then the findings, each by priority, then the steps
        conclusion = shown.get(key)
        if conclusion is None or conclusion.priority is None:
            rank = (2, 0)
        else:
            rank = (0 if conclusion.kind == "warning" else 1, _RANK[conclusion.priority])
        if title not in titles or rank < titles[title]:
            titles[title] = rank
    if titles:
        ordered = sorted(titles, key=lambda title: titles[title])  # stable: first met among equals
        # whom the two premises said are about, where the action does not name it
        about, named_in, first_two = {}, NamedIn(named), ordered[:2]
        for key, title in premises:
            conclusion = shown.get(key)
            if title in first_two and conclusion is not None and conclusion.subject is not None:
                words = subject_words(conclusion.subject, conclusion.subject_label, names or {})
                if not names_as_whole(title, words) and not named_in(words):
                    about.setdefault(title, {})[words] = None
        more = "; " + counted(lang_labels, "more_premises", len(ordered) - 2, lang) if len(ordered) > 2 else ""
        return "; ".join(f"{title} ({together(list(about[title]), lang_labels)})" if title in about else title
                         for title in ordered[:2]) + more
    said = list(dict.fromkeys(_in_words(paths.values())))  # the same words at two places are said once
    more = "; " + counted(lang_labels, "more_places", len(said) - 2, lang) if len(said) > 2 else ""
    return f"{lang_labels['plan_case']}: {'; '.join(said[:2])}{more}"


def _in_words(inputs):
    """What each input says (``field = value``...); people of one kind that say it differently are named.

    "signatures given = 2; signatures given = 1" says two leaders, but not
    which: where inputs of one kind say different things, each that has a
    ``name`` the rule did not test is named by it.
    """
    inputs = list(inputs)
    words = ["; ".join(evidence.parts) or evidence.path for evidence in inputs]
    kinds = {}
    for evidence, said in zip(inputs, words):
        kinds.setdefault((evidence.fact, evidence.fields), set()).add(said)
    for evidence, said in zip(inputs, words):
        name = (evidence.values or {}).get("name")
        if len(kinds[(evidence.fact, evidence.fields)]) > 1 and isinstance(name, str) and "name" not in evidence.fields:
            said = f"{name}: {said}"
        yield said


def build_counsel(conclusions, knowledge, lang, resolution, diagnosis=None, names=None):
    """Decide what of the conclusions is advice, and build the action plan.

    Parameters
    ----------
    conclusions : sequence of Conclusion
        In the advice's order.
    knowledge : KnowledgeBase
        Its ``actions`` (from ``plan.yaml``) group recommendations into one
        action; its rules give the chains to the archetypical problems.
    lang : {'en', 'nl'}
    resolution : Resolution
        The conflicts resolved between the conclusions.
    diagnosis : Diagnosis, optional
        Which problems are suspected; without it nothing is held back.
    names : dict, optional
        Partner ids to names, to say what an action is about.

    Returns
    -------
    Counsel

    Examples
    --------
    >>> import interorg
    >>> advice = interorg.advise(interorg.example_case())
    >>> 1 <= len(advice.counsel.plan) <= PLAN_SIZE
    True
    """
    names = names or {}
    labels = knowledge.labels(lang)
    set_aside = resolution.set_aside
    # each made once, here, and written out (Conclusion.key) rather than a property call per conclusion
    keys = [c.id if c.subject is None else f"{c.id}[{c.subject}]" for c in conclusions]
    order = {key: index for index, key in enumerate(keys)}
    standing = [(key, c) for key, c in zip(keys, conclusions) if key not in set_aside]
    held_back = _held_back([c for _, c in standing], knowledge, diagnosis)
    held = set(held_back)
    # by priority, then in the advice's order (each position is a conclusion's own)
    by_priority = sorted((_RANK[c.priority], order[key], key, c) for key, c in standing
                         if c.kind != "step" and key not in held)
    advice = [c for *_, c in by_priority]
    group_of = _groups(knowledge)
    shown = {key: c for _, _, key, c in by_priority}
    memo, premise_memo = {}, {}  # input paths and premises per explanation, shared between the actions
    grouped = {}
    for conclusion in advice:
        if conclusion.kind != "recommendation":
            continue
        group = group_of.get(conclusion.id)
        grouped.setdefault(group.id if group else conclusion.id, (group, []))[1].append(conclusion)
    actions, answered = [], set()
    for group, members in grouped.values():
        members.sort(key=lambda c: order[c.key])
        paths, premises = {}, {}
        for member in members:
            add_input_paths(member.explanation, paths, memo)
            rests_on(member.explanation, premises, memo=premise_memo)
        warnings = tuple(key for key in premises if key in shown and shown[key].kind == "warning")
        answered.update(warnings)
        subjects = member_subjects(members, group, knowledge, lang, names)
        title = action_title(group, members, lang, labels)
        subjects = tuple(s for s in subjects if s not in title)  # what the title names is not said again
        # an action's fields but its rank, in their order: each Action is made once it is ranked
        actions.append((
            title,
            _because(members, labels, lang, shown, names, (title, *subjects), premise_memo),
            min([m.priority for m in members] + [shown[k].priority for k in warnings], key=_RANK.__getitem__),
            len(paths),
            tuple(m.key for m in members),
            tuple(dict.fromkeys(m.id for m in members)),
            subjects,
            warnings,
        ))
    urgent, lists = {}, (getattr(knowledge, "urgent", None) or _URGENT).lists
    for warning in advice:  # the urgent warnings no recommendation answers: actions of their own, grouped as declared
        if warning.key not in answered and lists(warning.kind, warning.priority, warning.model):
            group = group_of.get(warning.id)
            urgent.setdefault(group.id if group else warning.key, (group, []))[1].append(warning)
    for group, members in urgent.values():
        paths = {}
        for member in members:
            add_input_paths(member.explanation, paths, memo)
        subjects = member_subjects(members, group, knowledge, lang, names)
        title = action_title(group, members, lang, labels)
        subjects = tuple(s for s in subjects if s not in title)
        actions.append((title, _because(members, labels, lang, shown, names, (title, *subjects), premise_memo),
                        min((m.priority for m in members), key=_RANK.__getitem__), len(paths),
                        tuple(m.key for m in members), tuple(dict.fromkeys(m.id for m in members)),
                        subjects, tuple(m.key for m in members)))
    # by priority, weight, then the first key's place (title, because, priority, weight, keys...)
    actions.sort(key=lambda a: (_RANK[a[2]], -a[3], order[a[4][0]]))
    ranked = [Action(index, *fields) for index, fields in enumerate(actions, start=1)]
    return Counsel(tuple(ranked[:PLAN_SIZE]), tuple(ranked[PLAN_SIZE:]), tuple(shown),
                   dict(set_aside), held_back, resolution.inconsistencies, frozenset(keys))
