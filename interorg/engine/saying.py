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
_WORDS = {"no": "no", "not": "not", "or": "or", "given": "given", "not_given": "not given",
          "absent_other_than": "{field} other than {values}", "absent_same": "the same {field}",
          "absent_same_partner": "{field} = the same partner", "absent_same_value": "{field} = the same value",
          "absent_same_subject": "about the same subject"}
_MESSAGES = {"no": "why_not_word_no", "not": "why_not_word_not", "or": "why_not_word_or"}


def _same(kind, label):
    """The message that says a field of type ``kind``, labelled ``label``, has the value it has elsewhere."""
    if kind != "partner":
        return "absent_same_value"
    # the word partner is the same in both languages, as in a title's ‹partner›
    return "absent_same" if label == "partner" else "absent_same_partner"


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
    partners : mapping of str to str, optional
        The partners' names by id, for the default ``label``: a partner (or
        a relationship) a title or condition names is shown by its name.

    Examples
    --------
    >>> import interorg
    >>> from interorg.engine.conditions import ConclusionPattern, FieldTest, FactPattern, Negation
    >>> sayer = Sayer(interorg.load_knowledge(), "nl")
    >>> sayer.test("partner_position", FieldTest("core_met", compare=(("ge", 3),)))
    'kerncriteria vervuld ≥ 3'
    >>> sayer.condition(Negation(FactPattern("reason", (FieldTest("kind", none_of=("power",)),))))
    'geen genoemde reden om samen te werken: reden anders dan versterken van eigen machtspositie'
    >>> sayer.condition(Negation(ConclusionPattern("network.position.core")))
    'niet: ‹partner› hoort bij de strategische kern'
    """

    def __init__(self, knowledge, lang, label=None, partners=None):
        self.knowledge = knowledge
        self.lang = lang
        names = dict(partners or {})
        self.label = label or (lambda *args: knowledge.label(*args, lang=lang, partners=names))
        messages = knowledge.messages
        self.words = {name: messages[_MESSAGES.get(name, name)].get(lang)
                      if _MESSAGES.get(name, name) in messages else word for name, word in _WORDS.items()}

    def test(self, fact, test, given=None):
        """One field test of a pattern on ``fact`` (a fact type), as the reader says it.

        ``given`` maps a variable of the rule to its value where the question
        gives it (the subject asked about): a test that only binds it says
        that value.
        """
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
        if test.var and not parts and test.var in (given or {}):
            parts.append(f"{field} = {self.label(fact, test.field, given[test.var])}")
        elif test.var and not parts:
            # a variable ties the fact to one another condition matched.  A field's label is not
            # always a noun ("depends on", "its score") nor, in Dutch, a de-word ("het voordeel"):
            # the same partner, or the same value, is said of it; "the same partner" of a partner
            parts.append(fill(self.words[_same(self.knowledge.facts[fact].fields[test.field].type, field)],
                              field=field))
        return ", ".join(parts)

    def pattern(self, pattern, given=None):
        """A fact pattern (the fact type's label, then its tests) or an earlier conclusion (its rule's title).

        ``given`` as for :meth:`test`: an earlier conclusion about the
        subject asked about is titled for it.
        """
        given = given or {}
        if isinstance(pattern, ConclusionPattern):
            subject = pattern.subject
            bare = subject is not None and subject.var and subject == type(subject)(subject.field, var=subject.var)
            if bare and subject.var in given:
                return self.title(self.knowledge.rule(pattern.rule), given[subject.var])
            title = self.title(self.knowledge.rule(pattern.rule))
            if subject is None:
                return title
            if bare:
                # the subject an earlier condition bound: the same partner or relationship
                return f"{title} ({self.words['absent_same_subject']})"
            return f"{title} ({subject.describe()})"
        tests = [self.test(pattern.fact, test, given) for test in pattern.tests]
        label = self.label(pattern.fact)
        return f"{label}: {'; '.join(tests)}" if tests else label

    def title(self, rule, subject=None):
        """``rule``'s title before it is drawn (for ``subject``): each placeholder as what it stands for.

        ``{partner} depends strongly on {on}`` reads ``‹partner› depends
        strongly on ‹partner›``: the label of the field the variable takes
        its values from, in the reader's language (for a partner, the word
        partner, the same in Dutch); an ellipsis where there is none.  The
        placeholder of the rule's subject, when ``subject`` is given, is
        that subject's label (a partner's or a relationship's names), as
        the title of a conclusion about it reads.

        Examples
        --------
        >>> import interorg
        >>> knowledge = interorg.load_knowledge()
        >>> Sayer(knowledge, "nl").title(knowledge.rule("network.position.core"))
        '‹partner› hoort bij de strategische kern'
        >>> Sayer(knowledge, "nl", partners={"a": "Gemeente A"}).title(knowledge.rule("network.position.core"), "a")
        'Gemeente A hoort bij de strategische kern'
        """
        values = {}
        for name in rule.title.placeholders():
            origin = self.knowledge.variable_origin(rule, name) if name in rule.variables() else None
            if origin is None:
                values[name] = "…"
            elif subject is not None and name == rule.subject:
                values[name] = self.label(*origin, subject)
            else:
                definition = self.knowledge.facts[origin[0]].fields[origin[1]]
                # a partner is a partner, whichever side of a dependence the field names
                word = "partner" if definition.type == "partner" else definition.label.get(self.lang)
                values[name] = f"‹{word}›"
        return rule.title.fill(self.lang, values)

    def condition(self, condition, given=None):
        """A condition of a rule: a pattern, ``geen ...`` for a negation, the alternatives of an ``any``.

        An earlier conclusion that must be absent reads ``niet: <its title>``:
        ``geen`` (``no``) before a title that is a sentence does not read.

        ``given`` as for :meth:`test`: ``{variable: value}`` of what the
        question gives (the rule's subject variable and the subject asked about).
        """
        if isinstance(condition, Negation):
            if isinstance(condition.pattern, ConclusionPattern):
                return f"{self.words['not']}: {self.pattern(condition.pattern, given)}"
            return f"{self.words['no']} {self.pattern(condition.pattern, given)}"
        if isinstance(condition, AnyOf):
            return f" {self.words['or']} ".join(self.pattern(alternative, given)
                                                for alternative in condition.alternatives)
        return self.pattern(condition, given)
