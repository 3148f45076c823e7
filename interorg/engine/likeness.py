"""A rule that says what another says, about other facts: ``like: RULE_ID`` takes that rule's wording.

The quadrants of Kenis's matrix are placed for the whole case and per
municipality; the rules per municipality name the case's rules with
``like`` rather than copying their texts, priorities and provenance, so
that what a rule says is written in one place.
"""

__all__ = ["LIKE_FIELDS", "said_once", "take_wording", "wording_from"]


#: What a rule with ``like`` takes from the rule it names, unless it gives its own.
LIKE_FIELDS = ("kind", "priority", "priority_reason", "weight", "title", "text", "action", "basis", "reason",
               "sources")


def take_wording(rule_documents, problems, unread=()):
    """Fill in each rule with ``like: RULE_ID`` from that rule: its wording, priority and provenance.

    A rule that says the same as another about other facts (a quadrant
    placed per municipality rather than for the whole case) names it with
    ``like`` instead of copying its texts; it keeps its own ``id``,
    ``subject`` and ``when``, and any of the fields of ``LIKE_FIELDS`` it gives.  The
    rule named must exist and must not itself be ``like`` another, so that
    what a rule says is written in one place.  The documents are changed
    in place, before they are read into rules.  ``unread`` names the rules
    files whose rules could not be told (a file that does not parse, or
    has no list of rules): a rule named that no file read holds may be in
    one of them, and the fields it would give are not missed again.

    Returns
    -------
    list of tuple
        ``(document, index, original's document, original's index, named,
        fields)`` for each rule that took fields from another, for
        :func:`said_once`.
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
    copies = []
    for rule, document, index, named in likes:
        path = f"rules[{index}].like"
        original = by_id[named][0] if isinstance(named, str) and named in by_id else None
        if original is None and unread and isinstance(named, str):
            problems.append(document.problem(path, f"unknown rule '{named}': no rule read has that id; it may be"
                                                     f" in a file refused above ({', '.join(unread)})"))
        elif original is None:
            problems.append(document.problem(path,
                                     f"unknown rule {named!r}: expected the id of a rule to take the wording of"))
        elif id(original) in alike:
            problems.append(document.problem(path,
                                     f"rule '{named}' is itself 'like' another; name the rule whose wording it takes"))
        if original is None or id(original) in alike:
            # the fields it would have taken are missed because of this 'like': that is said once, here
            copies.append((document, index, None, None, named, LIKE_FIELDS))
        else:
            fields = [field for field in LIKE_FIELDS if field in original and field not in rule]
            for field in fields:
                rule[field] = original[field]
            _, original_document, original_index = by_id[named]
            copies.append((document, index, original_document, original_index, named, tuple(fields)))
    return copies


def said_once(problems, copies):
    """Say a fault of a field that rules share through ``like`` once: where it is written.

    A field taken from another rule is read again with the rule that takes
    it, and fails the same way; the problems of the taking rule that its
    original has too (the same message at the same field) are replaced, in
    place, by one problem at the taking rule's ``like`` naming the fields.
    A problem the taking rule has on its own (its variables do not fill a
    copied title, say) stays.
    """
    said = {(problem.file, problem.path, problem.message) for problem in problems}
    for document, index, original_document, original_index, named, fields in copies:
        own, theirs = f"rules[{index}]", f"rules[{original_index}]"
        if original_document is None:  # no wording was taken: what it would give is not missed again
            missed = {f"missing required key '{field}'" for field in fields}
            problems[:] = [problem for problem in problems if not (
                problem.file == document.name and problem.path == own and problem.message in missed)]
            continue
        repeated = {}
        for position, problem in enumerate(problems):
            field = _field(problem, document.name, own)
            if field in fields and (original_document.name, theirs + problem.path[len(own):], problem.message) in said:
                repeated[position] = field
        if repeated:
            first = min(repeated)
            names = ", ".join(dict.fromkeys(repeated.values()))
            replacement = document.problem(f"{own}.like", f"rule '{named}', whose wording it takes, is refused for"
                                                          f" its {names}")
            problems[:] = [replacement if position == first else problem
                           for position, problem in enumerate(problems)
                           if position == first or position not in repeated]


def wording_from(copies):
    """The rule each rule with ``like`` took its wording from, by the taking rule's id (as :func:`take_wording` gave).

    A check of a field the rules share (a missing ``action``, say) uses it
    to say the fault once, at the rule where the field is written, naming
    the rules that take it.  A ``like`` that named no rule it could take
    from is left out.

    Examples
    --------
    >>> class Document:
    ...     data = {"rules": [{"id": "a"}, {"id": "a.per-partner"}]}
    >>> wording_from([(Document, 1, Document, 0, "a", ("title",))])
    {'a.per-partner': 'a'}
    """
    return {document.data["rules"][index]["id"]: named
            for document, index, original_document, _, named, _ in copies if original_document is not None}


def _field(problem, file, rule_path):
    """The field of the rule at ``rule_path`` in ``file`` that ``problem`` is about (None for another place)."""
    if problem.file != file or not problem.path.startswith(rule_path + "."):
        return None
    return problem.path[len(rule_path) + 1:].split(".", 1)[0].split("[", 1)[0]
