"""A rule that says what another says, about other facts: ``like: RULE_ID`` takes that rule's wording.

The quadrants of Kenis's matrix are placed for the whole case and per
municipality; the rules per municipality name the case's rules with
``like`` rather than copying their texts, priorities and provenance, so
that what a rule says is written in one place.
"""

from ..errors import Problem

__all__ = ["LIKE_FIELDS", "take_wording"]


#: What a rule with ``like`` takes from the rule it names, unless it gives its own.
LIKE_FIELDS = ("kind", "priority", "priority_reason", "weight", "title", "text", "basis", "reason", "sources")


def take_wording(rule_documents, problems):
    """Fill in each rule with ``like: RULE_ID`` from that rule: its wording, priority and provenance.

    A rule that says the same as another about other facts (a quadrant
    placed per municipality rather than for the whole case) names it with
    ``like`` instead of copying its texts; it keeps its own ``id``,
    ``subject`` and ``when``, and any of the fields of ``LIKE_FIELDS`` it gives.  The
    rule named must exist and must not itself be ``like`` another, so that
    what a rule says is written in one place.  The documents are changed
    in place, before they are read into rules.
    """
    by_id = {}
    for document in rule_documents:
        rules = document.data.get("rules") if isinstance(document.data, dict) else None
        for index, rule in enumerate(rules if isinstance(rules, list) else ()):
            if isinstance(rule, dict) and isinstance(rule.get("id"), str):
                by_id.setdefault(rule["id"], (rule, document, index))
    # every 'like' is taken out first, so that whether a rule is itself 'like' another does not hang on the order
    likes = [(rule, document, index, rule.pop("like")) for rule, document, index in by_id.values() if "like" in rule]
    alike = {id(rule) for rule, *_ in likes}
    for rule, document, index, named in likes:
        path = f"rules[{index}].like"
        original = by_id[named][0] if isinstance(named, str) and named in by_id else None
        if original is None:
            problems.append(Problem(path, f"unknown rule {named!r}: expected the id of a rule to take the wording of",
                                    file=document.name))
        elif id(original) in alike:
            problems.append(Problem(path, f"rule '{named}' is itself 'like' another; name the rule whose wording it takes",
                                    file=document.name))
        else:
            for field in LIKE_FIELDS:
                if field in original and field not in rule:
                    rule[field] = original[field]
