"""A rule's conditions in the reader's words: ``kerncriteria vervuld ≥ 3``, not ``core_met ge 3``.

An explanation says what a negated condition required absent, and why-not
says which condition of a rule did not hold and what it tests; both word the
condition here, with the vocabulary's labels in the reader's language, so
that the two say the same condition the same way.  What a test asks is said,
never its opposite: a ``not_in`` is "other than", not "=".
"""

from .conditions import AnyOf, ConclusionPattern, Negation
from .wording import fill

__all__ = ["Sayer"]

#: The comparisons of a field test, as a reader writes them (the same in both languages).
SYMBOLS = {"lt": "<", "le": "≤", "gt": ">", "ge": "≥"}

#: The words of a condition where the knowledge has no message for them (a knowledge base without messages).
_WORDS = {"no": "no", "or": "or", "given": "given", "not_given": "not given",
          "absent_other_than": "{field} other than {values}", "absent_same": "the same {field}",
          "absent_same_subject": "about the same subject"}
_MESSAGES = {"no": "why_not_word_no", "or": "why_not_word_or"}


class Sayer:
    """Word the conditions of ``knowledge``'s rules in ``lang``.

    Parameters
    ----------
    knowledge : KnowledgeBase
    lang : {'en', 'nl'}
    label : callable, optional
        ``label(fact, field=None, value=None)``, the vocabulary's label in
        ``lang``; by default ``knowledge.label``.  The explanations pass
        theirs, which keeps labels between runs.

    Examples
    --------
    >>> import interorg
    >>> from interorg.engine.conditions import FieldTest, FactPattern, Negation
    >>> sayer = Sayer(interorg.load_knowledge(), "nl")
    >>> sayer.test("partner_position", FieldTest("core_met", compare=(("ge", 3),)))
    'kerncriteria vervuld ≥ 3'
    >>> sayer.condition(Negation(FactPattern("reason", (FieldTest("kind", none_of=("power",)),))))
    'geen genoemde reden om samen te werken: reden anders dan versterken van eigen machtspositie'
    """

    def __init__(self, knowledge, lang, label=None):
        self.knowledge = knowledge
        self.lang = lang
        self.label = label or (lambda *args: knowledge.label(*args, lang=lang))
        messages = knowledge.messages
        self.words = {name: messages[_MESSAGES.get(name, name)].get(lang)
                      if _MESSAGES.get(name, name) in messages else word for name, word in _WORDS.items()}

    def test(self, fact, test):
        """One field test of a pattern on ``fact`` (a fact type), as the reader says it."""
        field = self.label(fact, test.field)

        def values(items):
            return " / ".join(self.label(fact, test.field, value) for value in items)

        parts = []
        if test.equals is not None:
            parts.append(f"{field} = {values([test.equals])}")
        if test.one_of:
            parts.append(f"{field} = {values(test.one_of)}")
        excluded = list(test.none_of) + ([test.not_equal] if test.not_equal is not None else [])
        if excluded:
            parts.append(fill(self.words["absent_other_than"], field=field, values=values(excluded)))
        # the bound as the language writes numbers
        parts += [f"{field} {SYMBOLS[name]} {self.label(fact, test.field, bound)}" for name, bound in test.compare]
        if test.known is not None:
            parts.append(f"{field}: {self.words['given' if test.known else 'not_given']}")
        if test.var and not parts:
            # a variable ties the fact to one the rule matched already: the same partner, say
            parts.append(fill(self.words["absent_same"], field=field))
        return ", ".join(parts)

    def pattern(self, pattern):
        """A fact pattern (the fact type's label, then its tests) or an earlier conclusion (its rule's title)."""
        if isinstance(pattern, ConclusionPattern):
            title = self.title(self.knowledge.rule(pattern.rule))
            if pattern.subject is None:
                return title
            subject = pattern.subject
            if subject.var and subject == type(subject)(subject.field, var=subject.var):
                # the subject an earlier condition bound: the same partner or relationship
                return f"{title} ({self.words['absent_same_subject']})"
            return f"{title} ({subject.describe()})"
        tests = [self.test(pattern.fact, test) for test in pattern.tests]
        label = self.label(pattern.fact)
        return f"{label}: {'; '.join(tests)}" if tests else label

    def title(self, rule):
        """``rule``'s title before it is drawn for a subject: each placeholder as what it stands for.

        ``{partner} depends strongly on {on}`` reads ``‹partner› depends
        strongly on ‹partner›``: the label of the field the variable takes
        its values from, in the reader's language (for a partner, the word
        partner, the same in Dutch); an ellipsis where there is none.

        Examples
        --------
        >>> import interorg
        >>> knowledge = interorg.load_knowledge()
        >>> Sayer(knowledge, "nl").title(knowledge.rule("network.position.core"))
        '‹partner› hoort bij de strategische kern'
        """
        values = {}
        for name in rule.title.placeholders():
            origin = self.knowledge.variable_origin(rule, name) if name in rule.variables() else None
            if origin is None:
                values[name] = "…"
            else:
                definition = self.knowledge.facts[origin[0]].fields[origin[1]]
                # a partner is a partner, whichever side of a dependence the field names
                word = "partner" if definition.type == "partner" else definition.label.get(self.lang)
                values[name] = f"‹{word}›"
        return rule.title.fill(self.lang, values)

    def condition(self, condition):
        """A condition of a rule: a pattern, ``geen ...`` for a negation, the alternatives of an ``any``."""
        if isinstance(condition, Negation):
            return f"{self.words['no']} {self.pattern(condition.pattern)}"
        if isinstance(condition, AnyOf):
            return f" {self.words['or']} ".join(self.pattern(alternative) for alternative in condition.alternatives)
        return self.pattern(condition)
