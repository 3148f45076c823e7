"""A why-not question: the rule and subject asked about, read from a key and checked against a case's facts."""

from ..errors import UsageError

__all__ = ["checked_subject", "rule_and_subject"]


def rule_and_subject(rule_id, subject=None):
    """A rule id and subject, also from a conclusion's key ``id[subject]``.

    Examples
    --------
    >>> rule_and_subject("trust.blind-spot[bladel--jeugdzorg]")
    ('trust.blind-spot', 'bladel--jeugdzorg')
    >>> rule_and_subject("trust.blind-spot", "bladel--jeugdzorg")
    ('trust.blind-spot', 'bladel--jeugdzorg')
    """
    if isinstance(rule_id, str) and rule_id.endswith("]") and "[" in rule_id:
        rule_id, _, keyed = rule_id[:-1].partition("[")
        if subject is not None and subject != keyed:
            raise UsageError(f"two subjects asked for: '{keyed}' in the key and '{subject}' as the subject")
        subject = keyed
    return rule_id, subject


def checked_subject(space, rule, subject, facts):
    """``subject``, if the rule is concluded per subject and some fact of the case gives it.

    Parameters
    ----------
    space : Space
        The rule base's symbolic space, which knows where a rule's subject comes from.
    rule : Rule
    subject : str or None
    facts : sequence of Fact
        The facts of the case.

    Raises
    ------
    UsageError
        For a subject of a rule concluded once, or one no fact of the case gives.
    """
    if subject is None:
        return None
    if rule.subject is None:
        raise UsageError(f"rule '{rule.id}' is not concluded per subject; ask without a subject")
    origin = space.subject_origin(rule.id)
    given = {str(fact.values.get(origin[1])) for fact in facts
             if fact.type == origin[0] and fact.values.get(origin[1]) is not None} if origin else None
    if given is not None and str(subject) not in given:
        shown = ", ".join(sorted(given)[:8]) + (", ..." if len(given) > 8 else "")
        expected = f"; the case gives: {shown}" if given else "; the case gives none"
        # the wording is that of the messages problem.unknown_subject and problem.no_subjects
        raise UsageError(f"no {origin[0]} of the case has the subject '{subject}' of rule '{rule.id}'{expected}")
    return subject
