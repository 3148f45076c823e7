"""Why a rule did not fire on a run: each condition's status, and the smallest input changes that make it fire.

:func:`why_not` reads the input facts of a run and what it concluded.  For
every condition of the rule it says whether it *held* (and on which fact),
*failed* (the value seen and the test it failed) or is *unknown* (the case
does not give the field: its path); for a condition on an earlier
conclusion that is missing, it says recursively why that one is missing.

The smallest sets of changes come from the rule's conditions as sets of
inputs (:mod:`.symbolic`), searched in :mod:`.proposals`: for every
alternative way the rule can hold, the fields whose values the input would
have to change, and to what; those with the fewest changes are kept.  An
editor (:mod:`.edits`) writes each into the input (the domain's writes it
into the case file and checks it); what cannot be written is not proposed
and says why (``unwritable``), and what can is run (``verified``).  A field
the input does not give as such, but from which it is computed, is
*derived*: an editor that can say what from (``derived_inputs``) names it
on the condition (``ConditionStatus.derived``) and on the check, and one
that can move it writes the changes of its inputs (``Change.derived``).  The
search is exact over the finite values of the vocabulary for the subject's
facts; where a rule's alternatives pass the limit it is *bounded* and says
so.

Only the subject's own facts are matched when a subject is given; the
equality of variables across conditions is otherwise not checked here (the
run itself did that), so a condition can be reported as held on a fact of
another subject.
"""

import attrs

from . import proposals
from .conditions import AnyOf, ConclusionPattern, FactPattern, Negation
from .edits import Change, FactEditor
from .facts import InputFact
from .facts import key_text as text  # a subject as the keys of conclusions write it
from .saying import Sayer
from .symbolic import Space

__all__ = ["Change", "Check", "ConditionStatus", "DerivedField", "WhyNot", "condition_statuses", "why_not"]


@attrs.frozen
class Check:
    """One test of a condition that did not pass: where, the value seen (None: not given) and the test.

    ``path`` is where the input gives the value; for a field derived from
    others (``derived``), the fact's path and the field, and ``inputs``
    what the editor says it is computed from.  ``shown`` is the value seen
    in the answer's words (the vocabulary's label), as ``test`` is.
    """

    path: str
    seen: object
    test: str
    derived: bool = False
    shown: str | None = None
    inputs: str = ""


@attrs.frozen
class DerivedField:
    """A field a condition tests that the input does not give as such: ``fact.field``, and what it comes from."""

    field: str
    inputs: str


@attrs.frozen
class ConditionStatus:
    """The status of one condition of a rule on one case.

    Attributes
    ----------
    index : int
        Its position in the rule's ``when``.
    condition : str
        The condition in words, in the answer's language (``zorgvraag: type zorgvraag = standaard``).
    status : {'held', 'failed', 'unknown'}
    path : str or None
        Where it held (the fact's path or the conclusion's key), or, for a
        missing fact type, where the case would give it.
    checks : tuple of Check
        The tests that did not pass, on the nearest fact.
    because : WhyNot or None
        For a condition on an earlier conclusion that is missing: why.
    alternatives : tuple of ConditionStatus
        For an ``any``: the status of each alternative.
    about : str or None
        For a fact type the case gives, but for no fact of which is about
        the subject asked about: that subject.
    derived : tuple of DerivedField
        The fields the condition tests that are derived from the input (a
        count, a score), with what each comes from; empty when it tests
        the input's own values only.
    """

    index: int
    condition: str
    status: str
    path: str | None = None
    checks: tuple = ()
    because: "WhyNot | None" = None
    alternatives: tuple = ()
    about: str | None = None
    derived: tuple = ()


@attrs.frozen
class WhyNot:
    """Why a rule fired or did not fire on one case.

    Attributes
    ----------
    rule, title : str
    subject : str or None
    fired : bool
    explanation : Explanation or None
        When it fired: its explanation, as in the advice.
    conditions : tuple of ConditionStatus
        When it did not fire: every condition's status, in order.
    changes : tuple of tuple of Change
        The smallest sets of input changes that make it fire (fewest
        changes first); empty when none exists within the vocabulary.
    verified : tuple of bool
        For each set of changes, whether a run on the changed facts fired
        the rule.  The fewest changes that a run confirms are given; when
        no run confirms any (within a dozen runs), the smallest proposals
        are given as unconfirmed (False).
    bounded : str or None
        Why the search for changes was cut short, if it was.
    unwritable : tuple of Unwritable
        When no change is given: why the ways the rule could hold cannot be
        written into the input (a field derived from others, a changed case
        that breaks its checks).
    set_aside : tuple or None
        When it fired but a conflict set it aside: ``(key, title, reason)``
        of the conclusion that did.
    """

    rule: str
    title: str
    subject: str | None
    fired: bool
    explanation: object = None
    conditions: tuple = ()
    changes: tuple = ()
    verified: tuple = ()
    bounded: str | None = None
    unwritable: tuple = ()
    set_aside: tuple | None = None


class _Analyst:
    def __init__(self, knowledge, facts, concluded, lang, singletons, limit, editor=None, names=None):
        self.knowledge = knowledge
        self.facts = list(facts)
        self.concluded = {(rule, text(subject)) for rule, subject in concluded}
        self.lang = lang
        self.space = Space(knowledge, singletons, limit)
        self.editor = editor or FactEditor(self.facts, knowledge, singletons)
        # conditions and their tests in the reader's words (the rule's field names are not the case file's)
        self.sayer = Sayer(knowledge, lang, partners=names)
        self.words = self.sayer.words
        self.memo = {}

    def shown(self, fact, field):
        """The value of ``field`` of ``fact`` in the answer's words; None where the fact does not give it."""
        value = fact.values.get(field)
        return None if value is None else self.sayer.label(fact.type, field, value)

    def fired(self, rule_id, subject):
        if subject is None:
            return any(rule == rule_id for rule, _ in self.concluded)
        return (rule_id, subject) in self.concluded

    def subject_field(self, rule, pattern):
        """The field of ``pattern`` that binds the rule's subject, if it does."""
        if rule.subject is None or not isinstance(pattern, FactPattern):
            return None
        return next((t.field for t in pattern.tests if t.var == rule.subject), None)

    def section(self, fact_type):
        """Where the input would give a fact of ``fact_type``: the editor's word, else the vocabulary's."""
        section = getattr(self.editor, "section", None)
        return (section(fact_type) if section else None) or self.knowledge.facts[fact_type].case_path

    def path(self, fact, field):
        """Where the input gives ``field`` of ``fact``, and whether it is derived (then: the fact's path)."""
        path = self.editor.field_path(fact, field)
        return (f"{fact.path}.{field}", True) if path is None else (path, False)

    def inputs(self, fact_type, field, fact=None):
        """What a derived field comes from, in the editor's words ('' where it does not say)."""
        said = getattr(self.editor, "derived_inputs", None)
        return (said(fact_type, field, fact) if said else None) or ""

    def check(self, fact, test, described):
        """The :class:`Check` of ``test`` on ``fact``: where, the value seen, and the test in words."""
        path, derived = self.path(fact, test.field)
        return Check(path, fact.values.get(test.field), described, derived, self.shown(fact, test.field),
                     self.inputs(fact.type, test.field, fact) if derived else "")

    def derived(self, pattern):
        """The fields ``pattern`` tests (not only binds) that the input does not give as such."""
        said = getattr(self.editor, "derived_inputs", None)
        if said is None or not isinstance(pattern, FactPattern):
            return ()
        tested = (t.field for t in pattern.tests if t.equals is not None or t.one_of or t.none_of
                  or t.not_equal is not None or t.compare or t.known is not None)
        return tuple(DerivedField(f"{pattern.fact}.{field}", inputs)
                     for field in tested if (inputs := said(pattern.fact, field)) is not None)

    # -- the status of each condition --------------------------------------------------

    def matching(self, rule, pattern, subject):
        field = self.subject_field(rule, pattern) if subject is not None else None
        return [f for f in self.facts if f.type == pattern.fact
                and (field is None or text(f.values.get(field)) == subject)]

    def fact_status(self, rule, index, pattern, subject, described):
        candidates = self.matching(rule, pattern, subject)
        if not candidates:
            # a subject asked about: the case may give such facts, about other subjects only
            about = subject if subject is not None and any(f.type == pattern.fact for f in self.facts) else None
            return ConditionStatus(index, described, "unknown", self.section(pattern.fact), about=about)
        best = None
        for fact in candidates:
            checks = tuple(self.check(fact, t, self.sayer.test(pattern.fact, t))
                           for t in pattern.tests if not t.predicate()(fact.values.get(t.field)))
            if not checks:
                return ConditionStatus(index, described, "held", fact.path)
            if best is None or len(checks) < len(best[1]):
                best = (fact, checks)
        status = "failed" if any(check.seen is not None for check in best[1]) else "unknown"
        return ConditionStatus(index, described, status, best[0].path, best[1])

    def held_conclusion(self, rule, pattern, subject):
        """The key of a conclusion that ``pattern`` matches, or None."""
        chained = subject if (pattern.subject is not None and pattern.subject.var == rule.subject
                              and subject is not None) else None
        predicate = pattern.subject.predicate() if pattern.subject is not None else (lambda value: True)
        for rule_id, concluded_subject in sorted(self.concluded, key=lambda key: (key[0], key[1] or "")):
            if rule_id == pattern.rule and (chained is None or concluded_subject == chained) \
                    and (pattern.subject is None or pattern.subject.var or predicate(concluded_subject)):
                return rule_id if concluded_subject is None else f"{rule_id}[{concluded_subject}]"
        return None

    def conclusion_status(self, rule, index, pattern, subject, described):
        key = self.held_conclusion(rule, pattern, subject)
        if key is not None:
            return ConditionStatus(index, described, "held", key)
        chained = subject if (pattern.subject is not None and pattern.subject.var == rule.subject) else None
        because = self.analyse(pattern.rule, chained, search=False)
        unknown = all(c.status != "failed" for c in because.conditions)
        return ConditionStatus(index, described, "unknown" if unknown else "failed", because=because)

    @staticmethod
    def given(rule, subject):
        """What the question gives of the rule's variables: its subject variable's value, the subject asked about."""
        return {rule.subject: subject} if subject is not None and rule.subject is not None else {}

    def pattern_status(self, rule, index, pattern, subject):
        described = self.sayer.condition(pattern, self.given(rule, subject))
        if isinstance(pattern, FactPattern):
            return self.fact_status(rule, index, pattern, subject, described)
        return self.conclusion_status(rule, index, pattern, subject, described)

    def negation_status(self, rule, index, condition, subject):
        """A 'not' fails on the first fact (or conclusion) that matches it: name its tested fields and values."""
        described = self.sayer.condition(condition, self.given(rule, subject))
        pattern = condition.pattern
        if isinstance(pattern, ConclusionPattern):
            key = self.held_conclusion(rule, pattern, subject)
            if key is None:
                return ConditionStatus(index, described, "held")
            return ConditionStatus(index, described, "failed", key, (Check(key, self.words["given"], described),))
        for fact in self.matching(rule, pattern, subject):
            if all(t.predicate()(fact.values.get(t.field)) for t in pattern.tests):
                checks = tuple(self.check(fact, t, described) for t in pattern.tests)
                return ConditionStatus(index, described, "failed", fact.path,
                                       checks or (Check(fact.path, self.words["given"], described),))
        return ConditionStatus(index, described, "held")

    def condition_status(self, rule, index, condition, subject):
        status = self._status(rule, index, condition, subject)
        if isinstance(condition, AnyOf):
            derived = tuple(dict.fromkeys(d for a in status.alternatives for d in a.derived))
        else:
            derived = self.derived(condition.pattern if isinstance(condition, Negation) else condition)
        return attrs.evolve(status, derived=derived) if derived else status

    def _status(self, rule, index, condition, subject):
        if isinstance(condition, Negation):
            return self.negation_status(rule, index, condition, subject)
        if isinstance(condition, AnyOf):
            described = self.sayer.condition(condition, self.given(rule, subject))
            alternatives = tuple(attrs.evolve(self.pattern_status(rule, index, a, subject), derived=self.derived(a))
                                 for a in condition.alternatives)
            held = next((a for a in alternatives if a.status == "held"), None)
            if held is not None:
                return ConditionStatus(index, described, "held", held.path, alternatives=alternatives)
            status = "failed" if any(a.status == "failed" for a in alternatives) else "unknown"
            return ConditionStatus(index, described, status, alternatives=alternatives)
        return self.pattern_status(rule, index, condition, subject)

    def analyse(self, rule_id, subject, search=True):
        key = (rule_id, subject, search)
        if key in self.memo:
            return self.memo[key]
        rule = self.knowledge.rule(rule_id)
        title = self.sayer.title(rule, subject)
        if self.fired(rule_id, subject):
            result = WhyNot(rule_id, title, subject, True)
        else:
            conditions = tuple(self.condition_status(rule, i, c, subject) for i, c in enumerate(rule.when))
            changes, verified, bounded, unwritable = (
                proposals.search(self.knowledge, self.space, self.facts, self.editor, rule, subject)
                if search else ((), (), None, ()))
            result = WhyNot(rule_id, title, subject, False, None, conditions, changes, verified, bounded,
                            unwritable)
        self.memo[key] = result
        return result


def why_not(knowledge, facts, concluded, rule_id, subject=None, lang="en", singletons=(), limit=400,
            editor=None, names=None):
    """Say why ``rule_id`` did (not) fire on a run over ``facts`` that concluded ``concluded``.

    Parameters
    ----------
    knowledge : KnowledgeBase
    facts : sequence of InputFact
        The input facts of the run.
    concluded : iterable of (str, object)
        The ``(rule id, subject)`` of every conclusion of the run.
    rule_id : str
    subject : str, optional
        For a rule that concludes per subject: the one to ask about.
    lang : {'en', 'nl'}
        The language of the titles.
    singletons : iterable of str
        Fact types a case gives at most once.
    limit : int
        The largest union of alternatives searched.
    editor : optional
        How a change of the facts is written into the input and run again
        (see :mod:`.edits`); by default the facts are changed as they are.
    names : mapping of str to str, optional
        The partners' names by id: a title or condition about the subject
        asked about names it so, as the run's conclusions do.

    Returns
    -------
    WhyNot

    Raises
    ------
    KeyError
        If there is no rule ``rule_id``.

    Examples
    --------
    >>> import interorg
    >>> facts = [InputFact("care", {"demand": "complex", "supply_in_municipality": True}, "care")]
    >>> result = why_not(interorg.load_knowledge(), facts, set(), "kenis.need.quadrant-i")
    >>> result.conditions[0].checks[0].path, result.conditions[0].checks[0].seen
    ('care.demand', 'complex')
    >>> [(c.path, c.to) for c in result.changes[0]]
    [('care.demand', ('standard',))]
    """
    knowledge.rule(rule_id)
    analyst = _Analyst(knowledge, facts, concluded, lang, singletons, limit, editor, names)
    return analyst.analyse(rule_id, text(subject))


def condition_statuses(knowledge, facts, concluded, rule_ids=None):
    """The status of each condition of each rule on a run, without searching for changes.

    Returns ``{rule id: tuple of ConditionStatus}`` for ``rule_ids`` (by
    default every rule); used to count which conditions a corpus reaches.

    Examples
    --------
    >>> import interorg
    >>> facts = [InputFact("care", {"demand": "complex"}, "care")]
    >>> statuses = condition_statuses(interorg.load_knowledge(), facts, set(), ["kenis.need.quadrant-iv"])
    >>> [s.status for s in statuses["kenis.need.quadrant-iv"]]
    ['unknown']
    """
    analyst = _Analyst(knowledge, facts, concluded, "en", (), 0)
    out = {}
    for rule_id in rule_ids if rule_ids is not None else [rule.id for rule in knowledge.rules]:
        rule = knowledge.rule(rule_id)
        out[rule_id] = tuple(analyst.condition_status(rule, index, condition, None)
                             for index, condition in enumerate(rule.when))
    return out
