"""Conditions of rules, as data: fact patterns, conclusion patterns and negation.

A rule's ``when`` is a list of conditions that must all hold.  Each
condition is one of::

    {fact: TYPE, FIELD: TEST, ...}        a fact of TYPE whose fields pass the tests
    {conclusion: RULE_ID}                 an earlier conclusion of rule RULE_ID
    {conclusion: RULE_ID, subject: TEST}  ... about a subject passing TEST
    {not: CONDITION}                      no fact or conclusion matches CONDITION
    {any: [CONDITION, CONDITION, ...]}    at least one of the fact or conclusion
                                          conditions matches

A TEST is either a plain value (the field equals it) or a mapping of one or
more of ``in``, ``not_in``, ``not``, ``lt``, ``le``, ``gt``, ``ge``,
``known`` and ``var``, which must all hold.  ``var: NAME`` binds the value
to a variable the first time it appears and requires equality with it after
that; bound variables can be used as the rule's subject and in its texts.
Every test but ``known: false`` fails on a value the case does not give.
The alternatives of an ``any`` must bind the same variables, so that what
follows them can rely on those variables whichever alternative matched.
"""

import functools
import operator
import re

import attrs

from ..utils.structure import INVALID, describe, join_path
from ..errors import Problem

__all__ = ["AnyOf", "Condition", "ConclusionPattern", "FactPattern", "FieldTest", "Negation"]

_VAR = re.compile(r"[a-z_][a-z0-9_]*")
_COMPARISONS = {"lt": operator.lt, "le": operator.le, "gt": operator.gt, "ge": operator.ge}
_TEST_KEYS = ("in", "not_in", "not", "lt", "le", "gt", "ge", "known", "var")
_SCALAR = (str, bool, int, float)


@attrs.frozen
class FieldTest:
    """Tests on one field of a fact (all must hold).

    ``equals`` holds the value of a plain test; ``one_of`` and ``none_of``
    the lists of ``in`` and ``not_in``; ``not_equal`` the value of ``not``;
    ``compare`` the ``(operator name, number)`` pairs; ``known`` whether the
    value must be given (True) or absent (False); ``var`` a variable name.
    """

    field: str
    equals: object = None
    one_of: tuple = ()
    none_of: tuple = ()
    not_equal: object = None
    compare: tuple = ()
    known: bool | None = None
    var: str | None = None

    def literal_values(self):
        """Every value this test names, for checks against the vocabulary."""
        values = list(self.one_of) + list(self.none_of)
        values += [v for v in (self.equals, self.not_equal) if v is not None]
        return values

    def only_given(self):
        """Whether the tests ask no more of the value than that it is given (a ``var`` alone, ``known: true``).

        Examples
        --------
        >>> FieldTest("partner", var="p").only_given(), FieldTest("trust", equals="low").only_given()
        (True, False)
        """
        return (self.known is not False and self.equals is None and not self.one_of and not self.none_of
                and self.not_equal is None and not self.compare)

    def predicate(self):
        """Return a function of the field's value that applies every test but ``var``.

        The tests are combined into one closure without a loop: a run calls
        predicates more often than anything else.
        """
        if self.known is False:
            return _is_none
        checks = []
        if self.equals is not None:
            expected, expected_bool = self.equals, isinstance(self.equals, bool)
            checks.append(lambda value: value == expected and isinstance(value, bool) == expected_bool)
        if self.one_of:
            allowed = frozenset(self.one_of)
            checks.append(lambda value: value in allowed)
        if self.none_of:
            excluded = frozenset(self.none_of)
            checks.append(lambda value: value not in excluded)
        if self.not_equal is not None:
            excluded_value = self.not_equal
            checks.append(lambda value: value != excluded_value)
        for name, bound in self.compare:
            compare = _COMPARISONS[name]
            checks.append(lambda value, compare=compare, bound=bound:
                          isinstance(value, (int, float)) and compare(value, bound))
        if not checks:
            return _is_given
        only = {name for name, value in (("equals", self.equals is not None), ("one_of", self.one_of),
                                         ("none_of", self.none_of), ("not_equal", self.not_equal is not None),
                                         ("compare", self.compare)) if value}
        if only == {"equals"} and type(expected) in (str, bool):
            # a value equal to a text is a text; the only value equal to True that is a bool is True
            # itself: the test in C, without a call of Python (a run calls this more than anything)
            return functools.partial(operator.eq if type(expected) is str else operator.is_, expected)
        if only in ({"equals"}, {"one_of"}):
            # these refuse a missing value (None) by themselves: one call per test, not two
            return checks[0] if only == {"equals"} else allowed.__contains__
        if len(checks) == 1:
            check = checks[0]
            return lambda value: value is not None and check(value)
        if len(checks) == 2:
            first, second = checks
            return lambda value: value is not None and first(value) and second(value)
        return lambda value: value is not None and all(check(value) for check in checks)

    def describe(self):
        """The test as the rule file writes it, for its author: ``kind in [power, legitimacy]``.

        The keys are the rule file's own (``not_in``, ``known: false``), in
        no language, so that the verifier's findings can quote them in a
        Dutch sentence; a reader of the advice gets the test in words
        (:class:`interorg.engine.saying.Sayer`).

        Examples
        --------
        >>> FieldTest("demand", none_of=("standard", "complex"), known=True).describe()
        'demand not_in [standard, complex], demand known: true'
        """
        parts = []
        if self.equals is not None:
            parts.append(f"{self.field} = {_show(self.equals)}")
        if self.one_of:
            parts.append(f"{self.field} in [{', '.join(map(_show, self.one_of))}]")
        if self.none_of:
            parts.append(f"{self.field} not_in [{', '.join(map(_show, self.none_of))}]")
        if self.not_equal is not None:
            parts.append(f"{self.field} != {_show(self.not_equal)}")
        parts += [f"{self.field} {name} {bound}" for name, bound in self.compare]
        if self.known is not None:
            parts.append(f"{self.field} known: {_show(self.known)}")
        if self.var and not parts:
            parts.append(f"{self.field} = ?{self.var}")
        return ", ".join(parts)

    @classmethod
    def parse(cls, field, data, path, problems):
        """Parse one TEST written for ``field``; append problems."""
        if isinstance(data, _SCALAR):
            return cls(field, equals=data)
        if not isinstance(data, dict):
            problems.append(Problem(path, f"expected a value or a mapping of tests; got {describe(data)}"))
            return INVALID
        ok = True
        for key in data:
            if key not in _TEST_KEYS:
                problems.append(Problem(join_path(path, key),
                                        f"unknown test '{key}'; expected one of {', '.join(_TEST_KEYS)}"))
                ok = False
        if not data:
            problems.append(Problem(path, "expected at least one test"))
            ok = False
        values = {}
        for key in ("in", "not_in"):
            if key in data:
                items = data[key]
                if not isinstance(items, list) or not items or not all(isinstance(i, _SCALAR) for i in items):
                    problems.append(Problem(join_path(path, key), f"expected a non-empty list of values; got {describe(items)}"))
                    ok = False
                else:
                    values["one_of" if key == "in" else "none_of"] = tuple(items)
        if "not" in data:
            if not isinstance(data["not"], _SCALAR):
                problems.append(Problem(join_path(path, "not"), f"expected a value; got {describe(data['not'])}"))
                ok = False
            else:
                values["not_equal"] = data["not"]
        compare = []
        for key in _COMPARISONS:
            if key in data:
                bound = data[key]
                if isinstance(bound, bool) or not isinstance(bound, (int, float)):
                    problems.append(Problem(join_path(path, key), f"expected a number; got {describe(bound)}"))
                    ok = False
                else:
                    compare.append((key, bound))
        values["compare"] = tuple(compare)
        if "known" in data:
            if not isinstance(data["known"], bool):
                problems.append(Problem(join_path(path, "known"), f"expected true or false; got {describe(data['known'])}"))
                ok = False
            elif len(data) > 1 and data["known"] is False:
                problems.append(Problem(join_path(path, "known"), "'known: false' cannot be combined with other tests"))
                ok = False
            else:
                values["known"] = data["known"]
        if "var" in data:
            if not isinstance(data["var"], str) or not _VAR.fullmatch(data["var"]):
                problems.append(Problem(join_path(path, "var"),
                                        f"expected a variable name of lower-case letters, digits and '_'; got {describe(data['var'])}"))
                ok = False
            else:
                values["var"] = data["var"]
        return cls(field, **values) if ok else INVALID


#: Whether a value is missing, and whether it is given: ``is_(None, value)``, in C (see predicate).
_is_none = functools.partial(operator.is_, None)
_is_given = functools.partial(operator.is_not, None)


def _show(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@attrs.frozen
class FactPattern:
    """Match a fact of type ``fact`` whose fields pass ``tests``."""

    fact: str
    tests: tuple[FieldTest, ...] = ()

    def variables(self):
        return [test.var for test in self.tests if test.var]

    def describe(self):
        inside = "; ".join(test.describe() for test in self.tests)
        return f"{self.fact}({inside})" if inside else self.fact


@attrs.frozen
class ConclusionPattern:
    """Match an earlier conclusion of rule ``rule`` (about a subject passing ``subject``)."""

    rule: str
    subject: FieldTest | None = None

    def variables(self):
        return [self.subject.var] if self.subject and self.subject.var else []

    def describe(self):
        subject = f" ({self.subject.describe()})" if self.subject else ""
        return f"conclusion {self.rule}{subject}"


@attrs.frozen
class Negation:
    """Hold when nothing matches ``pattern``."""

    pattern: FactPattern | ConclusionPattern

    def variables(self):
        return []

    def describe(self):
        return f"no {self.pattern.describe()}"


@attrs.frozen
class AnyOf:
    """Hold when at least one of ``alternatives`` (fact or conclusion patterns) matches."""

    alternatives: tuple

    def variables(self):
        return self.alternatives[0].variables()

    def describe(self):
        return " or ".join(alternative.describe() for alternative in self.alternatives)

    def matcher(self, fact_type):
        """A function of a fact's values: the fact alternatives of ``fact_type`` they satisfy, as one pattern.

        For explanations: a fact that satisfies several alternatives (fear
        and scepticism both signs of vigilance) is evidence by all of them,
        so the pattern holds the tests of each, in the rule's order.  The
        tests' predicates are made once, here, and so is the pattern of each
        combination: an explanation asks for every fact it cites.  Without a
        satisfied alternative it gives the first of ``fact_type``.
        """
        candidates = [(alternative, [(test.field, test.predicate()) for test in alternative.tests])
                      for alternative in self.alternatives
                      if isinstance(alternative, FactPattern) and alternative.fact == fact_type]
        fallback = candidates[0][0] if candidates else FactPattern(fact_type)
        combined = {}

        def matching(values):
            satisfied = tuple(index for index, (_, checks) in enumerate(candidates)
                              if all(predicate(values.get(field)) for field, predicate in checks))
            if not satisfied:
                return fallback
            if len(satisfied) == 1:
                return candidates[satisfied[0]][0]
            found = combined.get(satisfied)
            if found is None:
                found = combined[satisfied] = FactPattern(
                    fact_type, tuple(test for index in satisfied for test in candidates[index][0].tests))
            return found

        return matching


class Condition:
    """Parser of one entry of a rule's ``when`` (see the module docstring)."""

    @classmethod
    def _structure_(cls, data, path, problems):
        if not isinstance(data, dict):
            problems.append(Problem(path, f"expected a condition mapping (fact:, conclusion:, not: or any:); got {describe(data)}"))
            return INVALID
        heads = [key for key in ("fact", "conclusion", "not", "any") if key in data]
        if len(heads) != 1:
            problems.append(Problem(path, "expected exactly one of 'fact', 'conclusion', 'not' or 'any'"))
            return INVALID
        head = heads[0]
        if head == "any":
            return cls._any(data, path, problems)
        if head == "not":
            if len(data) != 1:
                extra = ", ".join(key for key in data if key != "not")
                problems.append(Problem(path, f"a 'not' condition takes nothing beside it; got {extra}"))
                return INVALID
            inner = cls._structure_(data["not"], join_path(path, "not"), problems)
            if inner is INVALID:
                return INVALID
            if isinstance(inner, Negation):
                problems.append(Problem(join_path(path, "not"), "a 'not' inside a 'not' is not allowed; state the condition itself"))
                return INVALID
            if isinstance(inner, AnyOf):
                problems.append(Problem(join_path(path, "not"), "a 'not' of an 'any' is not allowed; give one 'not' per alternative"))
                return INVALID
            return Negation(inner)
        name = data[head]
        if not isinstance(name, str) or not name:
            problems.append(Problem(join_path(path, head), f"expected a name; got {describe(name)}"))
            return INVALID
        if head == "conclusion":
            extra = [key for key in data if key not in ("conclusion", "subject")]
            for key in extra:
                problems.append(Problem(join_path(path, key), f"unknown key '{key}'; expected one of conclusion, subject"))
            subject = None
            if "subject" in data:
                subject = FieldTest.parse("subject", data["subject"], join_path(path, "subject"), problems)
            if extra or subject is INVALID:
                return INVALID
            return ConclusionPattern(name, subject)
        tests = [FieldTest.parse(field, value, join_path(path, field), problems)
                 for field, value in data.items() if field != "fact"]
        if any(test is INVALID for test in tests):
            return INVALID
        return FactPattern(name, tuple(tests))

    @classmethod
    def _any(cls, data, path, problems):
        if len(data) != 1:
            extra = ", ".join(key for key in data if key != "any")
            problems.append(Problem(path, f"an 'any' condition takes nothing beside it; got {extra}"))
            return INVALID
        items = data["any"]
        where = join_path(path, "any")
        if not isinstance(items, list) or len(items) < 2:
            problems.append(Problem(where, f"expected a list of at least two conditions; got {describe(items)}"))
            return INVALID
        alternatives = []
        for index, item in enumerate(items):
            inner = cls._structure_(item, join_path(where, index), problems)
            if isinstance(inner, (Negation, AnyOf)):
                problems.append(Problem(join_path(where, index),
                                        "an alternative of 'any' must be a fact or conclusion condition"))
                inner = INVALID
            alternatives.append(inner)
        if any(alternative is INVALID for alternative in alternatives):
            return INVALID
        first = sorted(alternatives[0].variables())
        for index, alternative in enumerate(alternatives[1:], start=1):
            if sorted(alternative.variables()) != first:
                problems.append(Problem(join_path(where, index),
                                        f"every alternative of 'any' must bind the same variables; "
                                        f"the first binds [{', '.join(first)}], this one "
                                        f"[{', '.join(sorted(alternative.variables()))}]"))
                return INVALID
        return AnyOf(tuple(alternatives))
