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
"""

from collections import defaultdict

from .conditions import AnyOf, FactPattern, Negation

__all__ = ["CompiledRule", "WorkingMemory", "indexed_fields"]


class WorkingMemory:
    """Facts and conclusions by reference, indexed by kind and by field value.

    A kind is ``("fact", fact_type)`` or ``("conclusion", rule_id)``; the
    values of a conclusion are ``{"subject": subject}``.
    """

    def __init__(self, indexed=None):
        self._values = {}
        self._by_kind = defaultdict(list)
        self._index = defaultdict(list)
        # only the fields a join looks candidates up by need an index (see indexed_fields)
        self._indexed = indexed

    def add(self, ref, kind, values):
        """Add a fact or conclusion under ``ref``."""
        self._values[ref] = values
        self._by_kind[kind].append(ref)
        fields = values if self._indexed is None else self._indexed.get(kind, ())
        for field in fields:
            value = values.get(field)
            if value is not None:
                self._index[(kind, field, value)].append(ref)

    def values(self, ref):
        """The field values of ``ref``."""
        return self._values[ref]

    def of_kind(self, kind):
        """Every reference of ``kind``, in the order they were added."""
        return self._by_kind.get(kind, ())

    def lookup(self, kind, field, value):
        """The references of ``kind`` whose ``field`` equals ``value``."""
        return self._index.get((kind, field, value), ())


def indexed_fields(compiled_rules):
    """``{kind: fields}``: the fields of each kind that patterns bind a variable on.

    :meth:`_Pattern.candidates` looks references up by such a field only, so
    the working memory of a run needs no index of the others.
    """
    fields = defaultdict(list)
    for compiled in compiled_rules:
        for pattern in [p for alternatives in compiled.positives for p in alternatives] + compiled.negatives:
            for field, _predicate, var in pattern.tests:
                if var is not None and field not in fields[pattern.kind]:
                    fields[pattern.kind].append(field)
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
        # a variable bound by two fields of one pattern must be checked for equal values
        self._plain_binds = len({var for _field, var in self._binds}) == len(self._binds)
        # most patterns bind one variable or none: read off without a comprehension
        self._one_bind = self._binds[0] if self._plain_binds and len(self._binds) == 1 else None

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
        """Return ``bindings`` extended by this match, or None if ``values`` do not match."""
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

    def bind_passed(self, values):
        """The bindings of ``values`` that already passed :meth:`test`: its variables' values, read off."""
        one = self._one_bind
        if one is not None:
            return {one[1]: values.get(one[0])}
        if self._plain_binds:
            return {var: values.get(field) for field, var in self._binds}
        return self.bind(values, {})

    def candidates(self, memory, bindings):
        """The references that could match, found through a bound variable where there is one."""
        for field, _predicate, var in self.tests:
            if var is not None and var in bindings:
                return memory.lookup(self.kind, field, bindings[var])
        return memory.of_kind(self.kind)

    def present(self, memory, bindings):
        """Whether anything in memory matches, given ``bindings``."""
        return any(self.bind(memory.values(ref), bindings) is not None
                   for ref in self.candidates(memory, bindings))


class CompiledRule:
    """A rule's conditions, split into triggers and joined through the working memory.

    Attributes
    ----------
    rule : Rule
    positives : list of list of _Pattern
        Per positive condition, its alternatives (one unless it is ``any``).
    negatives : list of _Pattern
    """

    def __init__(self, rule):
        self.rule = rule
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

    def matches(self, memory, position, pattern, trigger):
        """Every complete match that includes ``trigger`` as condition ``position``.

        Returns a list of ``(refs, bindings)``: the references matched by the
        positive conditions in order, and the variables' values.  With no
        positive conditions (``position`` None), the negations alone decide.
        ``trigger`` has passed ``pattern.test`` (the matcher activates only
        such triggers).
        """
        if position is None:
            bindings = {}
        else:
            bindings = pattern.bind_passed(memory.values(trigger))
            if bindings is None:
                return []
            if self.single:
                return [((trigger,), bindings)]
            if self._pair:  # the join below, for one other condition, without its recursion
                other, = self.positives[1 - position]
                found = []
                for ref in other.candidates(memory, bindings):
                    extended = other.bind(memory.values(ref), bindings)
                    if extended is not None:
                        found.append(((trigger, ref) if position == 0 else (ref, trigger), extended))
                return found
        found = []
        refs = [None] * len(self.positives)
        order = self._join_order(position)

        def extend(step, bindings):
            if step == len(order):
                if not any(negative.present(memory, bindings) for negative in self.negatives):
                    found.append((tuple(refs), bindings))
                return
            index = order[step]
            if index == position:
                refs[index] = trigger
                extend(step + 1, bindings)
                return
            for alternative in self.positives[index]:
                for ref in alternative.candidates(memory, bindings):
                    extended = alternative.bind(memory.values(ref), bindings)
                    if extended is not None:
                        refs[index] = ref
                        extend(step + 1, extended)

        try:
            extend(0, bindings)
        finally:
            # extend refers to itself through its closure: without this, each call would leave
            # a reference cycle holding the working memory until the cyclic collector ran
            del extend
        return found
