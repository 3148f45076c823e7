"""Why a rule did not fire on a run: each condition's status, and the smallest input changes that make it fire.

:func:`why_not` reads the input facts of a run and what it concluded.  For
every condition of the rule it says whether it *held* (and on which fact),
*failed* (the value seen and the test it failed) or is *unknown* (the case
does not give the field: its path); for a condition on an earlier
conclusion that is missing, it says recursively why that one is missing.

The smallest sets of changes come from the rule's conditions as sets of
inputs (:mod:`.symbolic`): for every alternative way the rule can hold,
the fields whose values the case would have to change, and to what; those
with the fewest changes are kept.  Each proposal is checked by running the
rules on the changed facts (``verified``).  The search is exact over the
finite values of the vocabulary for the subject's facts; where a rule's
alternatives pass the limit it is *bounded* and says so.

Only the subject's own facts are matched when a subject is given; the
equality of variables across conditions is otherwise not checked here (the
run itself did that), so a condition can be reported as held on a fact of
another subject.
"""

import attrs

from .conditions import AnyOf, ConclusionPattern, FactPattern, Negation
from .facts import InputFact
from .session import run
from .symbolic import OTHER, PRESENT, Space, base_type

__all__ = ["Change", "Check", "ConditionStatus", "WhyNot", "condition_statuses", "why_not"]

_MAX_PROPOSALS = 5
#: The most runs made to confirm proposals, per question.
_MAX_RUNS = 12


@attrs.frozen
class Check:
    """One test of a condition that did not pass: where, the value seen (None: not given) and the test."""

    path: str
    seen: object
    test: str


@attrs.frozen
class ConditionStatus:
    """The status of one condition of a rule on one case.

    Attributes
    ----------
    index : int
        Its position in the rule's ``when``.
    condition : str
        The condition in words (``care(demand = standard)``).
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
    """

    index: int
    condition: str
    status: str
    path: str | None = None
    checks: tuple = ()
    because: "WhyNot | None" = None
    alternatives: tuple = ()


@attrs.frozen
class Change:
    """One change of the input: set the field at ``path`` (now ``was``) to one of ``to`` (None: leave it out)."""

    path: str
    was: object
    to: tuple


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


def _text(value):
    if value is None:
        return None
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


class _Analyst:
    def __init__(self, knowledge, facts, concluded, lang, singletons, limit):
        self.knowledge = knowledge
        self.facts = list(facts)
        self.concluded = {(rule, _text(subject)) for rule, subject in concluded}
        self.lang = lang
        self.space = Space(knowledge, singletons, limit)
        self.memo = {}

    def fired(self, rule_id, subject):
        if subject is None:
            return any(rule == rule_id for rule, _ in self.concluded)
        return (rule_id, subject) in self.concluded

    def subject_field(self, rule, pattern):
        """The field of ``pattern`` that binds the rule's subject, if it does."""
        if rule.subject is None or not isinstance(pattern, FactPattern):
            return None
        return next((t.field for t in pattern.tests if t.var == rule.subject), None)

    # -- the status of each condition --------------------------------------------------

    def fact_status(self, rule, index, pattern, subject):
        field = self.subject_field(rule, pattern) if subject is not None else None
        candidates = [f for f in self.facts if f.type == pattern.fact
                      and (field is None or _text(f.values.get(field)) == subject)]
        if not candidates:
            return ConditionStatus(index, pattern.describe(), "unknown", self.knowledge.facts[pattern.fact].case_path)
        best = None
        for fact in candidates:
            checks = tuple(Check(f"{fact.path}.{t.field}", fact.values.get(t.field), t.describe())
                           for t in pattern.tests if not t.predicate()(fact.values.get(t.field)))
            if not checks:
                return ConditionStatus(index, pattern.describe(), "held", fact.path)
            if best is None or len(checks) < len(best[1]):
                best = (fact, checks)
        status = "failed" if any(check.seen is not None for check in best[1]) else "unknown"
        return ConditionStatus(index, pattern.describe(), status, best[0].path, best[1])

    def conclusion_status(self, rule, index, pattern, subject):
        chained = subject if (pattern.subject is not None and pattern.subject.var == rule.subject
                              and subject is not None) else None
        predicate = pattern.subject.predicate() if pattern.subject is not None else (lambda value: True)
        for rule_id, concluded_subject in sorted(self.concluded, key=lambda key: (key[0], key[1] or "")):
            if rule_id == pattern.rule and (chained is None or concluded_subject == chained) \
                    and (pattern.subject is None or pattern.subject.var or predicate(concluded_subject)):
                key = rule_id if concluded_subject is None else f"{rule_id}[{concluded_subject}]"
                return ConditionStatus(index, pattern.describe(), "held", key)
        because = self.analyse(pattern.rule, chained, search=False)
        unknown = all(c.status != "failed" for c in because.conditions)
        return ConditionStatus(index, pattern.describe(), "unknown" if unknown else "failed", because=because)

    def pattern_status(self, rule, index, pattern, subject):
        if isinstance(pattern, FactPattern):
            return self.fact_status(rule, index, pattern, subject)
        return self.conclusion_status(rule, index, pattern, subject)

    def condition_status(self, rule, index, condition, subject):
        if isinstance(condition, Negation):
            inner = self.pattern_status(rule, index, condition.pattern, subject)
            if inner.status == "held":
                return ConditionStatus(index, condition.describe(), "failed", inner.path,
                                       (Check(inner.path, inner.path, condition.describe()),))
            return ConditionStatus(index, condition.describe(), "held")
        if isinstance(condition, AnyOf):
            alternatives = tuple(self.pattern_status(rule, index, a, subject) for a in condition.alternatives)
            held = next((a for a in alternatives if a.status == "held"), None)
            if held is not None:
                return ConditionStatus(index, condition.describe(), "held", held.path, alternatives=alternatives)
            status = "failed" if any(a.status == "failed" for a in alternatives) else "unknown"
            return ConditionStatus(index, condition.describe(), status, alternatives=alternatives)
        return self.pattern_status(rule, index, condition, subject)

    def analyse(self, rule_id, subject, search=True):
        key = (rule_id, subject, search)
        if key in self.memo:
            return self.memo[key]
        rule = self.knowledge.rule(rule_id)
        title = rule.title.get(self.lang)
        if self.fired(rule_id, subject):
            result = WhyNot(rule_id, title, subject, True)
        else:
            conditions = tuple(self.condition_status(rule, i, c, subject) for i, c in enumerate(rule.when))
            changes, verified, bounded = self.search(rule, subject) if search else ((), (), None)
            result = WhyNot(rule_id, title, subject, False, None, conditions, changes, verified, bounded)
        self.memo[key] = result
        return result

    # -- the smallest changes ------------------------------------------------------------

    def satisfies(self, key, value, allowed):
        """Whether a value of the case falls in a cube's allowed set for ``key``."""
        if value is None:
            return None in allowed
        domain = self.space.domain(key)
        field_def = self.knowledge.facts[base_type(key[0])].fields[key[1]]
        if field_def.type == "number" and not isinstance(value, bool):
            points = [v for v in domain if v is not None]

            def same(rep):
                return all((value > p) - (value < p) == (rep > p) - (rep < p) for p in points)
            return any(v is not None and same(v) for v in allowed)
        if field_def.type in ("text", "partner", "partners"):
            value = str(value) if str(value) in domain else OTHER
        return value in allowed

    def instance_options(self, instance, literals, rule, subject):
        """The ways one instance of a cube can be met: ``(cost, changes)`` for each.

        An instance is met by one fact of the case (the subject's, when a
        subject is asked about), by every fact of its type (a negated
        condition must hold on all of them), or by a new fact.
        """
        fact_type = base_type(instance)
        origin = self.space.subject_origin(rule.id) if subject is not None else None
        restricted = origin is not None and origin[0] == fact_type
        candidates = [f for f in self.facts if f.type == fact_type and (
            not restricted or _text(f.values.get(origin[1])) == subject)]
        if literals.get(PRESENT) == frozenset({False}):
            return [(len(candidates), tuple(Change(f.path, "given", (None,)) for f in candidates))]
        each = []
        for fact in candidates:
            each.append(tuple(self.change(fact, field, allowed) for field, allowed in sorted(literals.items())
                              if field != PRESENT and not self.satisfies((instance, field),
                                                                         fact.values.get(field), allowed)))
        options = [(len(changes), changes) for changes in each]
        if len(candidates) > 1:
            every = tuple(change for changes in each for change in changes)
            options.append((len(every), every))
        single = fact_type in self.space.singletons
        if not candidates or not (restricted or single):
            path = self.knowledge.facts[fact_type].case_path
            path = path if single else f"{path}[new]"
            fake = InputFact(fact_type, {}, path)
            changes = tuple(self.change(fake, field, allowed) for field, allowed in sorted(literals.items())
                            if field != PRESENT and None not in allowed)
            options.append((max(1, len(changes)), changes or (Change(path, None, ("given",)),)))
        return options

    def change(self, fact, field, allowed):
        values = tuple(v for v in self.space.domain((fact.type, field)) if v in allowed and v is not None)
        return Change(f"{fact.path}.{field}", fact.values.get(field), values or (None,))

    def proposals(self, formula, rule, subject):
        """Every way a cube of ``formula`` can be met, as ``{changes: cost}``."""
        proposals = {}
        for cube in formula:
            by_instance = {}
            for (instance, field), allowed in cube.items():
                by_instance.setdefault(instance, {})[field] = allowed
            combined = [(0, ())]
            for instance, literals in sorted(by_instance.items()):
                options = self.instance_options(instance, literals, rule, subject)
                combined = sorted(((cost + c, changes + more) for cost, changes in combined
                                   for c, more in options), key=lambda item: item[0])[:_MAX_PROPOSALS * 4]
            for cost, changes in combined:
                changes = tuple(sorted(set(changes), key=lambda c: (c.path, str(c.to))))
                if changes and paths_unique(changes):
                    proposals[changes] = min(cost, proposals.get(changes, cost))
        return proposals

    def search(self, rule, subject):
        formula = self.space.rule(rule.id)
        if formula is None:
            return (), (), self.space.bounded.get(rule.id, "bounded")
        proposals = self.proposals(formula, rule, subject)
        ordered = sorted(proposals, key=lambda changes: (proposals[changes], [(c.path, str(c.to)) for c in changes]))
        # the fewest changes that a run confirms: a cube is about one subject, and a
        # negated condition about every fact, so a proposal is run before it is offered
        runs, unconfirmed = 0, []
        for cost in sorted(set(proposals.values())):
            tier = [changes for changes in ordered if proposals[changes] == cost]
            confirmed = []
            for changes in tier:
                if runs >= _MAX_RUNS:
                    break
                runs += 1
                if self.verify(rule, subject, changes):
                    confirmed.append(changes)
                    if len(confirmed) == _MAX_PROPOSALS:
                        break
                else:
                    unconfirmed.append(changes)
            if confirmed:
                return tuple(confirmed), (True,) * len(confirmed), None
            if runs >= _MAX_RUNS:
                break
        shown = tuple(unconfirmed[:_MAX_PROPOSALS])
        return shown, (False,) * len(shown), None

    def verify(self, rule, subject, changes):
        """Run the rules on the facts with ``changes`` applied; True when the rule then fires."""
        facts = {fact.path: fact for fact in self.facts}
        order = [fact.path for fact in self.facts]
        for change in changes:
            if change.path in facts and change.to == (None,):
                del facts[change.path]
                continue
            path, _, field = change.path.rpartition(".")
            if path not in facts:
                fact_type = next((t for t, ft in self.knowledge.facts.items()
                                  if path in (ft.case_path, f"{ft.case_path}[new]")), None)
                if fact_type is None:
                    return False
                facts[path] = InputFact(fact_type, {}, path)
                order.append(path)
            fact = facts[path]
            value = change.to[0]
            if value == OTHER:
                value = "other"
            facts[path] = InputFact(fact.type, {**fact.values, field: value}, fact.path)
        session = run(self.knowledge, [facts[path] for path in order if path in facts])
        concluded = {(rule_id, _text(s)) for rule_id, s in session.records}
        if subject is None:
            return any(rule_id == rule.id for rule_id, _ in concluded)
        return (rule.id, subject) in concluded


def paths_unique(changes):
    """Whether a set of changes sets each path once (two values for one field cannot both hold)."""
    paths = [change.path for change in changes]
    return len(paths) == len(set(paths))


def why_not(knowledge, facts, concluded, rule_id, subject=None, lang="en", singletons=(), limit=400):
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
    analyst = _Analyst(knowledge, facts, concluded, lang, singletons, limit)
    return analyst.analyse(rule_id, _text(subject))


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
