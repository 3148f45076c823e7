"""Conditions as sets of inputs: the symbolic form the verifier and why-not reason over.

The fields of a vocabulary take finitely many values that matter: an enum
or a bool its values, a number the points around the bounds the rules
compare it with, a text or partner field the values the rules name and one
other; and every field can be unknown (None).  A rule's conditions are
therefore a finite set of inputs, written here as a union of *cubes*: a
cube maps ``(instance, field)`` to the set of values it allows (a key left
out allows every value), and the pseudo-field :data:`PRESENT` says whether
the case gives a fact of that type at all.

The inputs are those of one subject: a case gives at most one fact of each
type (an *instance*), and a conclusion holds when its rule's conditions
hold on it, whatever the subject.  This is exact for the rules about one
subject at a time (one relationship, one partner, the care context), which
is how rules of the grammar are written; where a rule matches two facts of
one type that are not the same (two different interests, say), the second
becomes an instance of its own (``interest#2``).  A union that grows past
``limit`` cubes is not expanded further: the rule is *bounded* and named
in :attr:`Space.bounded`, so that nothing is claimed about it.
"""

from .conditions import AnyOf, ConclusionPattern, FactPattern, Negation

__all__ = ["OTHER", "PRESENT", "Bounded", "Space"]

#: The pseudo-field that says whether an instance of a fact type is given.
PRESENT = "*"
#: The value that stands for every text or partner value the rules do not name.
OTHER = "<other>"


class Bounded(Exception):
    """A union of cubes grew past the limit: the analysis of a rule was cut short."""


def _sort_key(value):
    return (value is None, type(value).__name__, str(value))


def base_type(instance):
    """The fact type of an instance: ``interest#2`` is an instance of ``interest``."""
    return instance.partition("#")[0]


class Space:
    """The finite input space of a knowledge base, and its rules as unions of cubes.

    Parameters
    ----------
    knowledge : KnowledgeBase
    singletons : iterable of str
        Fact types a case gives at most once (such as a section that is a
        mapping): two conditions on one of them are about the same fact.
    limit : int
        The largest union of cubes expanded (see the module docstring).
    """

    def __init__(self, knowledge, singletons=(), limit=400):
        self.knowledge = knowledge
        self.singletons = set(singletons)
        self.limit = limit
        self.bounded = {}
        self._formulas = {}
        self._literals = {}
        for rule in knowledge.rules:
            for pattern in _patterns(rule.when):
                if isinstance(pattern, FactPattern):
                    for test in pattern.tests:
                        self._literals.setdefault((pattern.fact, test.field), set()).update(
                            self._points(test))
                elif pattern.subject is not None:
                    origin = self.subject_origin(pattern.rule)
                    if origin:
                        self._literals.setdefault(origin, set()).update(self._points(pattern.subject))

    # -- the values that matter -------------------------------------------------

    @staticmethod
    def _points(test):
        points = set(test.literal_values()) | {bound for _name, bound in test.compare}
        return {p for p in points if p is not None}

    def subject_origin(self, rule_id):
        """The ``(fact type, field)`` the subject of ``rule_id``'s conclusions comes from, or None."""
        rule = self.knowledge.rule(rule_id)
        if rule.subject is None:
            return None
        return self.knowledge.variable_origin(rule, rule.subject)

    def points(self, key):
        """The numbers the rules compare ``(instance, field)`` with, in order: where a value lies among them is what matters."""
        instance, field = key
        return sorted(p for p in self._literals.get((base_type(instance), field), ())
                      if isinstance(p, (int, float)) and not isinstance(p, bool))

    def domain(self, key):
        """The values that matter for ``(instance, field)``, in a fixed order, None (unknown) last."""
        instance, field = key
        if field == PRESENT:
            return (True, False)
        fact = base_type(instance)
        field_def = self.knowledge.facts[fact].fields[field]
        literals = self._literals.get((fact, field), set())
        if field_def.type == "enum":
            values = list(field_def.values)
        elif field_def.type == "bool":
            values = [True, False]
        elif field_def.type == "number":
            points = self.points(key)
            values = set(points)
            values.update((a + b) / 2 for a, b in zip(points, points[1:]))
            if points:
                values.update((points[0] - 1, points[-1] + 1))
            else:
                values.add(1)
            values = sorted(v if v != int(v) else int(v) for v in values)
        else:
            values = sorted((str(v) for v in literals), key=_sort_key) + [OTHER]
        return tuple(values) + (None,)

    # -- cubes and their unions ---------------------------------------------------

    def meet(self, a, b):
        """The intersection of two cubes, or None when it is empty."""
        out = dict(a)
        for key, allowed in b.items():
            if key in out:
                allowed = out[key] & allowed
                if not allowed:
                    return None
            out[key] = allowed
        for key in [k for k in out if k[1] == PRESENT and out[k] == frozenset({False})]:
            # an instance the case does not give has every field unknown
            for other in [k for k in out if k[0] == key[0] and k[1] != PRESENT]:
                if None not in out[other]:
                    return None
                del out[other]
        return out

    def _simplify(self, cubes):
        unique = {}
        for cube in cubes:
            unique.setdefault(_canonical(cube), cube)
        cubes = sorted(unique.values(), key=lambda c: (len(c), _canonical(c)))
        kept = []
        for cube in cubes:  # absorption: a cube inside a looser one adds nothing
            if not any(_within(cube, looser) for looser in kept):
                kept.append(cube)
        if len(kept) > self.limit:
            raise Bounded(f"more than {self.limit} alternatives")
        return kept

    def conjoin(self, a, b):
        """The intersection of two unions of cubes."""
        return self._simplify([m for x in a for y in b if (m := self.meet(x, y)) is not None])

    def disjoin(self, a, b):
        """The union of two unions of cubes."""
        return self._simplify(list(a) + list(b))

    def negate(self, a):
        """The complement of a union of cubes."""
        result = [{}]
        for cube in a:
            alternatives = []
            for key, allowed in cube.items():
                rest = frozenset(self.domain(key)) - allowed
                if rest:
                    alternatives.append({key: rest})
            result = self.conjoin(result, alternatives)
            if not result:
                break
        return result

    # -- conditions -----------------------------------------------------------------

    def pattern(self, pattern, instance=None):
        """The inputs a fact or conclusion pattern matches (the second form for a conclusion)."""
        if isinstance(pattern, ConclusionPattern):
            formula = self.rule(pattern.rule)
            if formula is None:
                raise Bounded(f"it uses {pattern.rule}, which is bounded")
            origin = self.subject_origin(pattern.rule)
            if pattern.subject is not None and origin is not None:
                predicate = pattern.subject.predicate()
                key = origin
                allowed = frozenset(v for v in self.domain(key) if predicate(v))
                formula = self.conjoin(formula, [{key: allowed}] if allowed else [])
            return formula
        instance = instance or pattern.fact
        cube = {(instance, PRESENT): frozenset({True})}
        for test in pattern.tests:
            key = (instance, test.field)
            predicate = test.predicate()
            allowed = frozenset(v for v in self.domain(key) if predicate(v))
            cube[key] = cube.get(key, allowed) & allowed
            if not cube[key]:
                return []
        return [cube]

    def condition(self, condition, instance=None):
        """The inputs one entry of a rule's ``when`` holds on."""
        if isinstance(condition, Negation):
            return self.negate(self.pattern(condition.pattern))
        if isinstance(condition, AnyOf):
            out = []
            for alternative in condition.alternatives:
                out = self.disjoin(out, self.pattern(alternative, instance))
            return out
        return self.pattern(condition, instance)

    def instances(self, rule):
        """The instance each positive fact condition of ``rule`` is about (see the module docstring)."""
        seen, out = {}, []
        for condition in rule.when:
            fact = _fact_of(condition)
            if fact is None or fact in self.singletons:
                out.append(None)
                continue
            seen[fact] = seen.get(fact, 0) + 1
            out.append(fact if seen[fact] == 1 else f"{fact}#{seen[fact]}")
        return out

    def rule(self, rule_id):
        """The inputs on which ``rule_id`` fires, or None when the analysis was bounded."""
        if rule_id not in self._formulas:
            self._formulas[rule_id] = None  # the chains are acyclic; this only guards re-entry
            rule = self.knowledge.rule(rule_id)
            shared = _shared_variables(rule)
            deferred = []
            try:
                formula = [{}]
                for index, (condition, instance) in enumerate(zip(rule.when, self.instances(rule))):
                    if self._universal(condition):
                        deferred.append(condition.pattern)
                        continue
                    part = self.condition(condition, instance)
                    if _independent(condition, shared):
                        part = self._rename(part, f"{index + 1}")
                    formula = self.conjoin(formula, part)
                    if not formula:
                        break
                for pattern in deferred:
                    formula = self._none_of(formula, pattern)
            except Bounded as exc:
                self.bounded[rule_id] = str(exc)
                formula = None
            self._formulas[rule_id] = formula
        return self._formulas[rule_id]

    def _universal(self, condition):
        """A negated fact condition on a type a case can give several times: it must hold for every one."""
        return (isinstance(condition, Negation) and isinstance(condition.pattern, FactPattern)
                and condition.pattern.fact not in self.singletons)

    def _none_of(self, formula, pattern):
        """``formula`` where no instance of the pattern's type that a cube names matches ``pattern``."""
        out = []
        for cube in formula:
            instances = {key[0] for key in cube if base_type(key[0]) == pattern.fact} | {pattern.fact}
            part = [cube]
            for instance in sorted(instances):
                part = self.conjoin(part, self.negate(self.pattern(pattern, instance)))
            out = self.disjoin(out, part)
        return out

    def _rename(self, formula, tag):
        """The same inputs about other instances: a conclusion about something else than this subject."""
        def renamed(key):
            instance, field = key
            return key if base_type(instance) in self.singletons else (f"{instance}#{tag}", field)
        return [{renamed(key): allowed for key, allowed in cube.items()} for cube in formula]

    def witness(self, cube):
        """One input of a cube: ``{instance: {field: value}}``.

        A field the cube leaves free is left out; one it constrains is given
        its first allowed value, or None (unknown) where unknown is allowed.
        """
        out = {}
        for (instance, field), allowed in sorted(cube.items(), key=lambda item: (item[0][0], item[0][1])):
            if field == PRESENT:
                if True in allowed:
                    out.setdefault(instance, {})
                continue
            if None in allowed:
                out.setdefault(instance, {})[field] = None
                continue
            value = next(v for v in self.domain((instance, field)) if v in allowed)
            out.setdefault(instance, {})[field] = value
        return out


def _shared_variables(rule):
    """The variables that more than one positive condition of ``rule`` uses."""
    counts = {}
    for condition in rule.positive_patterns():
        for name in set(condition.variables()):
            counts[name] = counts.get(name, 0) + 1
    return {name for name, count in counts.items() if count > 1}


def _independent(condition, shared):
    """A positive conclusion condition tied to the rest by no variable: about any subject."""
    patterns = condition.alternatives if isinstance(condition, AnyOf) else (condition,)
    return (all(isinstance(p, ConclusionPattern) for p in patterns)
            and not set(condition.variables()) & shared)


def _fact_of(condition):
    if isinstance(condition, FactPattern):
        return condition.fact
    return None


def _patterns(conditions):
    for condition in conditions:
        if isinstance(condition, Negation):
            yield condition.pattern
        elif isinstance(condition, AnyOf):
            yield from condition.alternatives
        else:
            yield condition


def _canonical(cube):
    return tuple(sorted((key, tuple(sorted(map(_sort_key, allowed)))) for key, allowed in cube.items()))


def _within(cube, looser):
    """Whether every input of ``cube`` is in ``looser``."""
    return all(key in cube and cube[key] <= allowed for key, allowed in looser.items())
