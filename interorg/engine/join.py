"""Joins between the conditions of a rule, through a hash index of working memory.

experta 1.9.4 joins two patterns by scanning every pair of facts that pass
them, which is quadratic in the number of facts: a rule on two conclusions
about the same relationship would compare every relationship with every
other.  interorg therefore lets experta do what it does well, matching
single patterns (its alpha network) and keeping the agenda, and does the
joins itself:

* every positive condition of a rule (each alternative of an ``any``) is
  compiled into its own experta rule with that condition alone, its
  *trigger*;
* when a trigger fires, the other conditions are matched against the facts
  and conclusions present, looking candidates up by the value of an already
  bound variable (a hash index) instead of scanning them;
* negated conditions are checked at the same moment.  This is sound because
  rules are stratified (see :func:`interorg.engine.compiling.strata`): a rule that
  needs something to be absent fires only after every rule that could
  conclude it has fired, and input facts are all declared before the run.

Because conclusions are never retracted, a combination of matches is found
when its last member arrives, whichever that is; earlier triggers simply
find nothing yet.  A combination found twice is one support, not two.

What a join does for a trigger is fixed when the rule is compiled, once per
knowledge base (:class:`_Join`): the order of the conditions, and so which
variables are bound before each, the field each condition's candidates are
looked up by, the tests a candidate must pass and the variables it binds or
must agree with.  A run only follows that plan.
"""

from collections import defaultdict

from .conditions import AnyOf, FactPattern, Negation

__all__ = ["CompiledRule", "indexed_fields"]


def indexed_fields(compiled_rules):
    """``{kind: fields}``: the fields of each kind that some join looks candidates up by.

    A join looks references up by the first field of a condition whose
    variable is bound already (see :func:`_step`), and by no other, so the
    working memory of a run needs no index of the others: a field a pattern
    only reads a variable from is never looked up.  The plans are those
    :meth:`CompiledRule.join` made for each rule.
    """
    fields = defaultdict(list)
    for compiled in compiled_rules:
        for plan in compiled.plans:
            steps = [step for _index, alternatives in plan.steps for step in alternatives]
            for kind, field, *_rest in steps + list(plan.negatives):
                if field is not None and field not in fields[kind]:
                    fields[kind].append(field)
    return dict(fields)


class _Pattern:
    """One fact or conclusion pattern, ready to test values and bind variables."""

    def __init__(self, pattern):
        if isinstance(pattern, FactPattern):
            self.kind = ("fact", pattern.fact)
            tests = pattern.tests
        else:
            self.kind = ("conclusion", pattern.rule)
            tests = (pattern.subject,) if pattern.subject is not None else ()
        self.source = pattern
        self.field_tests = tuple(tests)
        self.tests = [(test.field, test.predicate(), test.var) for test in tests]
        self._checks = [(field, predicate) for field, predicate, _var in self.tests]
        self._binds = [(field, var) for field, _predicate, var in self.tests if var is not None]

    def test(self, values):
        """Whether ``values`` (a mapping) pass every test of the pattern, leaving variables aside."""
        for field, predicate in self._checks:
            if not predicate(values.get(field)):
                return False
        return True

    def tester(self):
        """:meth:`test` as one closure: the matcher calls it for every fact of the pattern's kind."""
        checks = self._checks
        if not checks:
            return lambda values: True
        if len(checks) == 1:
            (field, predicate), = checks
            return lambda values: predicate(values.get(field))
        if len(checks) == 2:
            (field_1, predicate_1), (field_2, predicate_2) = checks
            return lambda values: predicate_1(values.get(field_1)) and predicate_2(values.get(field_2))
        return self.test

    def bind(self, values, bindings):
        """Return ``bindings`` extended by this match, or None if ``values`` do not match.

        The definition of a match, test by test; a join follows the plan
        of :func:`_step`, which finds the same matches (a test compares them).
        """
        extended = bindings
        for field, predicate, var in self.tests:
            value = values.get(field)
            if not predicate(value):
                return None
            if var is None:
                continue
            if var in extended:
                if extended[var] != value:
                    return None
            else:
                extended = {**extended, var: value}
        return extended


def _step(pattern, bound, slots):
    """A condition alternative as a join follows it, the variables ``bound`` before it known.

    Returns ``(kind, field, slot, checks, agree, binds, same)``.  The
    candidates are the references of ``kind`` whose ``field`` equals the
    value in ``slot`` (every reference of the kind if ``field`` is None:
    no variable of the pattern is bound yet).  A candidate matches if each
    ``(field, predicate)`` of ``checks`` holds of its value, its value of
    each ``(field, slot)`` of ``agree`` equals the slot's, and the two
    fields of each pair of ``same`` (a variable the pattern names twice)
    are equal; then it writes each ``(field, slot)`` of ``binds``.  What
    :meth:`_Pattern.bind` tests, test by test, is all tested, in another
    order: a value that must equal a bound one, which is given, need not
    be tested for being given as well.  ``slots`` maps the rule's
    variables to their slots; a variable only a negation names has none.
    """
    field = slot = None
    checks, agree, binds, same, first = [], [], [], [], {}
    for test, (name, predicate, var) in zip(pattern.field_tests, pattern.tests):
        if var is not None and var in bound:
            if field is None:
                field, slot = name, slots[var]
            agree.append((name, slots[var]))
            if test.only_given():
                continue
        elif var is not None and var in first:
            same.append((first[var], name))
        elif var is not None:
            first[var] = name
            if var in slots:
                binds.append((name, slots[var]))
        checks.append((name, predicate))
    return pattern.kind, field, slot, tuple(checks), tuple(agree), tuple(binds), tuple(same)


def _accepts(values, checks, agree, same, slots):
    """Whether a candidate's ``values`` match a step of :func:`_step`, given the variables in ``slots``."""
    for field, predicate in checks:
        if not predicate(values.get(field)):
            return False
    for field, slot in agree:
        if slots[slot] != values.get(field):
            return False
    for field, other in same:
        if values.get(field) != values.get(other):
            return False
    return True


def _present(negative, memory, slots):
    """Whether anything in ``memory`` matches the negated pattern ``negative`` (a step), given ``slots``."""
    kind, field, slot, checks, agree, _binds, same = negative
    candidates = memory.by_kind.get(kind, ()) if field is None else memory.index.get((kind, field, slots[slot]), ())
    by_ref = memory.by_ref
    for ref in candidates:
        if _accepts(by_ref[ref], checks, agree, same, slots):
            return True
    return False


class _Join:
    """How a rule's conditions are joined when one trigger matches: a plan made once per knowledge base.

    The variables of a match are held in slots, one per variable of the
    rule in the order of its names (the order of the variables a
    conclusion records).  Which slots each condition reads and writes, the
    order of the conditions (:meth:`CompiledRule._join_order`) and the
    field each looks its candidates up by are fixed here, for every run.
    """

    def __init__(self, compiled, position, pattern):
        self.compiled, self.position, self.pattern = compiled, position, pattern
        self.names = compiled.names
        slots = {name: index for index, name in enumerate(self.names)}
        if pattern is None:  # no positive condition: the negations alone decide
            self.reads = self.same = ()
            bound = set()
        else:
            # the trigger has passed its pattern's tests (the matcher activates only such triggers)
            _kind, _field, _slot, _checks, _agree, self.reads, self.same = _step(pattern, set(), slots)
            bound = {var for _field, var in pattern._binds}
        steps = []
        for index in compiled._join_order(position):
            if index != position:
                steps.append((index, tuple(_step(alternative, bound, slots) for alternative in compiled.positives[index])))
                bound |= {var for alternative in compiled.positives[index] for _field, var in alternative._binds}
        self.steps = tuple(steps)
        self.negatives = tuple(_step(negative, bound, slots) for negative in compiled.negatives)

    def _start(self, memory, trigger):
        """The slots with the trigger's variables, or None if a variable it names twice differs."""
        slots = [None] * len(self.names)
        if self.position is not None:
            values = memory.by_ref[trigger]
            for field, other in self.same:
                if values.get(field) != values.get(other):
                    return None
            for field, slot in self.reads:
                slots[slot] = values.get(field)
        return slots

    def matches(self, memory, trigger):
        """Every complete match that includes ``trigger``: a list of ``(refs, variables)``.

        ``refs`` are the references matched by the positive conditions in
        order, ``variables`` the values of the rule's variables by name.
        """
        slots = self._start(memory, trigger)
        if slots is None:
            return []
        refs = [None] * len(self.compiled.positives)
        if self.position is not None:
            refs[self.position] = trigger
        found = []
        self._extend(0, memory, slots, refs, found)
        return found

    def _extend(self, depth, memory, slots, refs, found):
        # a method, not a closure over the run's memory: a closure that calls itself is a
        # reference cycle, which would keep each run's working memory until the collector ran
        if depth == len(self.steps):
            for negative in self.negatives:
                if _present(negative, memory, slots):
                    return
            found.append((tuple(refs), dict(zip(self.names, slots))))
            return
        index, alternatives = self.steps[depth]
        by_ref = memory.by_ref
        for kind, field, slot, checks, agree, binds, same in alternatives:
            if field is None:
                candidates = memory.by_kind.get(kind, ())
            else:
                candidates = memory.index.get((kind, field, slots[slot]), ())
            for ref in candidates:
                values = by_ref[ref]
                if _accepts(values, checks, agree, same, slots):
                    for bound, bound_slot in binds:
                        slots[bound_slot] = values.get(bound)
                    refs[index] = ref
                    self._extend(depth + 1, memory, slots, refs, found)


class _Single(_Join):
    """The plan of a rule of one positive condition and nothing absent: the trigger's match is the rule's."""

    def __init__(self, compiled, position, pattern):
        super().__init__(compiled, position, pattern)
        # its variables in the order its pattern binds them (an alternative of an any may bind
        # them in another order than the rule's names), as a conclusion records them
        seen = {}
        for field, var in pattern._binds:
            seen.setdefault(var, field)
        self.named = tuple((field, var) for var, field in seen.items())

    def matches(self, memory, trigger):
        values = memory.by_ref[trigger]
        for field, other in self.same:
            if values.get(field) != values.get(other):
                return []
        return [((trigger,), {var: values.get(field) for field, var in self.named})]


class _Pair(_Join):
    """The plan of the most common join: two conditions, neither an ``any``, nothing absent, without recursion."""

    def matches(self, memory, trigger):
        slots = self._start(memory, trigger)
        if slots is None:
            return []
        (_index, ((kind, field, slot, checks, agree, binds, same),)), = self.steps
        if field is None:
            candidates = memory.by_kind.get(kind, ())
        else:
            candidates = memory.index.get((kind, field, slots[slot]), ())
        by_ref, names, first, found = memory.by_ref, self.names, self.position == 0, []
        for ref in candidates:
            values = by_ref[ref]
            if _accepts(values, checks, agree, same, slots):
                for bound, bound_slot in binds:
                    slots[bound_slot] = values.get(bound)
                found.append(((trigger, ref) if first else (ref, trigger), dict(zip(names, slots))))
        return found


class CompiledRule:
    """A rule's conditions, split into triggers and joined through the working memory.

    Attributes
    ----------
    rule : Rule
    positives : list of list of _Pattern
        Per positive condition, its alternatives (one unless it is ``any``).
    negatives : list of _Pattern
    kind : tuple
        The kind of its conclusions, ``("conclusion", rule id)``.
    indexed, declared : bool
        Whether some join looks its conclusions up by subject, and whether
        some trigger is about them (so that they are declared to experta);
        set by :func:`~interorg.engine.compiling.compile_rules`, which
        knows every rule.
    """

    def __init__(self, rule):
        self.rule = rule
        self.id, self.subject, self.kind = rule.id, rule.subject, ("conclusion", rule.id)
        self.indexed = self.declared = True
        self.names = tuple(rule.variables())
        self.positives = []
        self.negatives = []
        for condition in rule.when:
            if isinstance(condition, Negation):
                self.negatives.append(_Pattern(condition.pattern))
            elif isinstance(condition, AnyOf):
                self.positives.append([_Pattern(a) for a in condition.alternatives])
            else:
                self.positives.append([_Pattern(condition)])
        #: The most common rule: one condition and nothing to be absent, whose trigger's match is the match.
        self.single = len(self.positives) == 1 and not self.negatives
        #: The most common join: two conditions, neither an ``any``, nothing to be absent.
        self._pair = (len(self.positives) == 2 and not self.negatives
                      and all(len(alternatives) == 1 for alternatives in self.positives))
        self._orders = {}
        #: The plans :meth:`join` made, which say what the working memory must index.
        self.plans = []

    def _join_order(self, position):
        """The order in which to join the conditions when condition ``position`` triggers, found once.

        The trigger first, then each time a condition that can look its
        candidates up by a variable bound already (every alternative, if it
        is an ``any``; else some), in the rule's order among equals: a
        condition whose variables are not yet bound would be scanned whole
        for every trigger, which grows with the square of the case.  The
        matches found are the same in any order.
        """
        order = self._orders.get(position)
        if order is None:
            bound = set() if position is None else {var for p in self.positives[position] for _f, var in p._binds}
            left = [index for index in range(len(self.positives)) if index != position]
            order = [] if position is None else [position]
            while left:
                def reach(index):
                    lookups = [any(var in bound for _f, var in p._binds) for p in self.positives[index]]
                    return 2 if all(lookups) else 1 if any(lookups) else 0
                best = max(left, key=lambda index: (reach(index), -index))
                left.remove(best)
                order.append(best)
                bound |= {var for p in self.positives[best] for _f, var in p._binds}
            order = self._orders[position] = tuple(order)
        return order

    def triggers(self):
        """``(position, pattern)`` for every condition alternative that can start a match."""
        return [(position, pattern) for position, alternatives in enumerate(self.positives)
                for pattern in alternatives]

    def join(self, position, pattern):
        """The plan of the joins when ``pattern``, an alternative of condition ``position``, triggers.

        Its ``matches(memory, trigger)`` are every complete match that
        includes ``trigger`` (a reference that has passed ``pattern``'s
        tests): ``(refs, variables)``, the references matched by the
        positive conditions in order and the variables' values.  With no
        positive conditions (``position`` and ``pattern`` None), the
        negations alone decide.
        """
        cls = _Single if self.single else _Pair if self._pair else _Join
        plan = cls(self, position, pattern)
        self.plans.append(plan)
        return plan
