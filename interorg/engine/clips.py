"""Write a knowledge base and the input facts of a run as CLIPS 6.4 constructs.

CLIPS is the reference forward-chaining engine experta imitates.  The
program written here draws, with ``(reset)`` and ``(run)``, the same
(rule id, subject) conclusions as :func:`interorg.engine.run` on the same
facts, so a researcher can run the knowledge in CLIPS and the test suite
can hold interorg's engine to it:

* one ``deftemplate`` per fact type of the vocabulary, a slot per field
  (a value the case does not give is ``nil``);
* a ``conclusion`` template with the slots ``rule`` and ``subject``;
* one ``defrule`` per rule: its positive conditions as patterns (an
  ``any`` as an ``or`` of them), its negations after them as ``not``, each
  field test as slot constraints, and its stratum (see
  :func:`interorg.engine.compiling.strata`) as a negative salience; the
  right-hand side asserts the conclusion;
* the input facts as one ``deffacts``.

Values are written as CLIPS sees them: text as strings, ``true`` and
``false`` as the symbols ``TRUE`` and ``FALSE``, numbers as numbers.  Tests
keep Python's meaning: a number equals a number of the same value whether
integer or float, a boolean never equals a number, and every test except
``known: false`` fails on ``nil``.
"""

from .compiling import strata
from .conditions import AnyOf, ConclusionPattern, FactPattern, Negation

__all__ = ["clips_facts", "clips_rules", "clips_value"]

_COMPARE = {"lt": "<", "le": "<=", "gt": ">", "ge": ">="}


def clips_value(value):
    """A Python value as a CLIPS literal.

    Examples
    --------
    >>> clips_value('say "hi"'), clips_value(True), clips_value(None), clips_value(2)
    ('"say \\\\"hi\\\\""', 'TRUE', 'nil', '2')
    """
    if value is None:
        return "nil"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        return repr(value)
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'


def _equals(var, value):
    """A CLIPS expression: ``var`` equals ``value`` as Python's ``==`` between case values."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"(and (numberp {var}) (= {var} {clips_value(value)}))"
    return f"(eq {var} {clips_value(value)})"


def _either(expressions):
    """``(or ...)`` of the expressions; CLIPS's ``or`` takes two or more."""
    return expressions[0] if len(expressions) == 1 else "(or " + " ".join(expressions) + ")"


def _variable(name):
    """A rule's variable in CLIPS: a prefix keeps it apart from the fresh ones (and from a leading '_')."""
    return f"?v_{name}"


class _Writer:
    """Writes the patterns of one rule, naming a fresh variable for every unbound slot test."""

    def __init__(self):
        self.count = 0

    def fresh(self):
        self.count += 1
        return f"?g{self.count}"

    def slot(self, test):
        """The slot constraint of one field test: ``(field ?x&~nil&:(...))``."""
        if test.known is False:
            return f"({test.field} nil)"
        var = _variable(test.var) if test.var else self.fresh()
        checks = []
        if test.equals is not None:
            checks.append(_equals(var, test.equals))
        if test.one_of:
            checks.append(_either([_equals(var, v) for v in test.one_of]))
        if test.none_of:
            checks.append(f"(not {_either([_equals(var, v) for v in test.none_of])})")
        if test.not_equal is not None:
            checks.append(f"(not {_equals(var, test.not_equal)})")
        for name, bound in test.compare:
            checks.append(f"(and (numberp {var}) ({_COMPARE[name]} {var} {clips_value(bound)}))")
        return f"({test.field} {var}&~nil" + "".join(f"&:{check}" for check in checks) + ")"

    def pattern(self, pattern):
        if isinstance(pattern, ConclusionPattern):
            subject = f" {self.slot(pattern.subject)}" if pattern.subject is not None else ""
            return f"(conclusion (rule {clips_value(pattern.rule)}){subject})"
        slots = "".join(f" {self.slot(test)}" for test in pattern.tests)
        return f"({pattern.fact}{slots})"


def _defrule(rule, salience):
    writer = _Writer()
    positives, negatives = [], []
    for condition in rule.when:
        if isinstance(condition, Negation):
            negatives.append(f"(not {writer.pattern(condition.pattern)})")
        elif isinstance(condition, AnyOf):
            positives.append("(or " + " ".join(writer.pattern(a) for a in condition.alternatives) + ")")
        else:
            positives.append(writer.pattern(condition))
    # negations come last: a variable they share with a positive pattern is bound by then
    lhs = "\n   ".join(positives + negatives)
    subject = _variable(rule.subject) if rule.subject else "nil"
    return (f"(defrule {rule.id}\n   (declare (salience {-salience}))\n   {lhs}\n   =>\n"
            f"   (assert (conclusion (rule {clips_value(rule.id)}) (subject {subject}))))")


def clips_rules(knowledge, lang="en"):
    """The knowledge base as CLIPS 6.4 constructs: templates and rules.

    Parameters
    ----------
    knowledge : KnowledgeBase
    lang : {'en', 'nl'}
        The language of the comment that says what the program holds.

    Returns
    -------
    str
        ``deftemplate`` and ``defrule`` constructs, one after another.

    Examples
    --------
    >>> from interorg import load_knowledge
    >>> program = clips_rules(load_knowledge())
    >>> "(defrule kenis.need.quadrant-iv" in program
    True
    """
    header = knowledge.messages["clips_header"].fill(lang, {"rules": str(len(knowledge.rules)),
                                                            "facts": str(len(knowledge.facts))})
    out = [f";; {header}",
           "(deftemplate conclusion (slot rule) (slot subject))"]
    for name, fact_type in knowledge.facts.items():
        slots = "".join(f" (slot {field})" for field in fact_type.fields)
        out.append(f"(deftemplate {name}{slots})")
    level = strata(knowledge)
    out += [_defrule(rule, level[rule.id]) for rule in knowledge.rules]
    return "\n\n".join(out) + "\n"


def clips_facts(knowledge, facts, name="case"):
    """The input facts of a run as one CLIPS ``deffacts`` named ``name``.

    Parameters
    ----------
    knowledge : KnowledgeBase
    facts : iterable of InputFact
    name : str

    Returns
    -------
    str

    Examples
    --------
    >>> from interorg import load_knowledge
    >>> from interorg.engine import InputFact
    >>> print(clips_facts(load_knowledge(), [InputFact("care", {"demand": "complex"}, "care")]))
    (deffacts case
       (care (demand "complex")))
    <BLANKLINE>
    """
    lines = []
    for fact in facts:
        fields = knowledge.facts[fact.type].fields
        slots = "".join(f" ({field} {clips_value(fact.values[field])})"
                        for field in fields if fact.values.get(field) is not None)
        lines.append(f"({fact.type}{slots})")
    body = "".join(f"\n   {line}" for line in lines)
    return f"(deffacts {name}{body})\n"
