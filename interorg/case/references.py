"""Problems no single field shows: values given twice and references to partners the case does not list.

They are looked for in the raw data (before it is structured), so that they
are reported together with the problems of single fields, each with its path.
"""

from ..errors import Problem
from ..utils.structure import describe

__all__ = ["listing", "semantic_problems"]

#: How many ids a message lists before it only counts the rest: a message per unknown
#: reference that listed every id of a large case would be longer than the case.
LISTED = 10


def listing(ids):
    """``ids`` joined with commas, the first :data:`LISTED` of them and how many more.

    Examples
    --------
    >>> listing(["a", "b"])
    'a, b'
    >>> listing([f"p{i}" for i in range(12)])
    'p0, p1, p2, p3, p4, p5, p6, p7, p8, p9 and 2 more'
    """
    ids = list(ids)
    shown = ", ".join(ids[:LISTED])
    return shown if len(ids) <= LISTED else f"{shown} and {len(ids) - LISTED:,} more"


def _items(data, key):
    """The mappings of list ``key`` in raw case data, with their index; others are skipped."""
    value = data.get(key) if isinstance(data, dict) else None
    if not isinstance(value, list):
        return []
    return [(index, item) for index, item in enumerate(value) if isinstance(item, dict)]


def _section(data, key):
    """The mapping ``key`` of raw case data, or an empty one."""
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, dict) else {}


def _repeats(pairs, what, verb="already used by", hint=""):
    """Problems for ``(path, value, first-use path)`` triples whose value repeats an earlier one."""
    problems, seen = [], {}
    for path, value, where in pairs:
        if not isinstance(value, str):
            continue
        if value in seen:
            problems.append(Problem(path, f"{what} {describe(value)} is {verb} {seen[value]}{hint}"))
        else:
            seen[value] = where
    return problems


def _partner_ids(data):
    """The ids of the partners the raw case lists, in order (a dict, so that looking one up is quick)."""
    return dict.fromkeys(item["id"] for _, item in _items(data, "partners") if isinstance(item.get("id"), str))


def _known_partners(data):
    """The listed partner ids, and the words saying which ids a reference may use."""
    partners = _partner_ids(data)
    return partners, (f"expected one of {listing(partners)}" if partners
                      else "no partners are listed under partners")


def _relationship_problems(data, lookup):
    """Problems of ``relationships``: pairs that are not two known, different partners, or repeat.

    A contradiction between a stated level and the signals behind it is not
    an error: the rules report it as a warning, because a perception that
    differs from what is seen is itself worth discussing.
    """
    problems, seen = [], {}
    partners, known = _known_partners(lookup)
    for index, item in _items(data, "relationships"):
        path = f"relationships[{index}].between"
        pair = item.get("between")
        if not isinstance(pair, list) or not all(isinstance(member, str) for member in pair):
            continue  # the structurer reports it
        if len(pair) != 2:
            problems.append(Problem(path, f"expected the ids of exactly two partners; got {len(pair)}"))
            continue
        for position, member in enumerate(pair):
            if member not in partners:
                problems.append(Problem(f"{path}[{position}]", f"unknown partner {describe(member)}; {known}"))
        if pair[0] == pair[1]:
            problems.append(Problem(path, f"partner {describe(pair[0])} cannot have a relationship with itself;"
                                          " name two different partners"))
            continue
        key = frozenset(pair)
        if key in seen:
            problems.append(Problem(path, f"the relationship between {describe(pair[0])} and {describe(pair[1])} is already"
                                          f" given at relationships[{seen[key]}]; describe each pair once"))
        else:
            seen[key] = index
    return problems


def _dependency_problems(data, lookup):
    """Problems of ``dependencies``: unknown partners, a partner depending on itself, repeats."""
    problems, seen = [], {}
    partners, known = _known_partners(lookup)
    for index, item in _items(data, "dependencies"):
        path = f"dependencies[{index}]"
        pair = (item.get("partner"), item.get("on"))
        if not all(isinstance(member, str) for member in pair):
            continue  # the structurer reports it
        for key, member in zip(("partner", "on"), pair):
            if member not in partners:
                problems.append(Problem(f"{path}.{key}", f"unknown partner {describe(member)}; {known}"))
        if pair[0] == pair[1]:
            problems.append(Problem(f"{path}.on", f"partner {describe(pair[0])} cannot depend on itself"))
        elif pair in seen:
            problems.append(Problem(path, f"the dependence of {describe(pair[0])} on {describe(pair[1])} is already given at"
                                          f" dependencies[{seen[pair]}]; give each direction once"))
        else:
            seen[pair] = index
    return problems


def _repeated_values(data, section, key):
    """Problems for values of the list ``section.key`` that repeat an earlier value."""
    mapping = data.get(section) if isinstance(data, dict) else None
    values = mapping.get(key) if isinstance(mapping, dict) else None
    if not isinstance(values, list):
        return []
    problems, seen = [], {}
    for index, value in enumerate(values):
        if not isinstance(value, str):
            continue
        if value in seen:
            problems.append(Problem(f"{section}.{key}[{index}]",
                                    f"{describe(value)} is already given at {section}.{key}[{seen[value]}]; give each once"))
        else:
            seen[value] = index
    return problems


def _participant_problems(data, lookup):
    """The number of participants is at least two, and not fewer than the partners listed."""
    governance = data.get("governance") if isinstance(data, dict) else None
    number = governance.get("participants") if isinstance(governance, dict) else None
    if not isinstance(number, int) or isinstance(number, bool):
        return []
    if number < 2:
        return [Problem("governance.participants",
                        f"expected at least 2 (a network has 2 or more participants); got {number}")]
    listed = lookup.get("partners")
    if isinstance(listed, list) and number < len(listed):
        return [Problem("governance.participants",
                        f"{number} is fewer than the {len(listed)} partners listed under partners")]
    return []


def _first_use(data, section, key, what, hint="", prefix=""):
    """Problems for values of ``section[i].key`` that repeat an earlier item's value."""
    verb = "already used by" if not hint else "already given at"
    return _repeats(((f"{prefix}{section}[{index}].{key}", item.get(key), f"{prefix}{section}[{index}]")
                     for index, item in _items(data, section)), what, verb, hint)


def _listed_twice(data, section, what, prefix=""):
    """Problems for values of the plain list ``section`` that repeat an earlier value."""
    values = data.get(section) if isinstance(data, dict) else None
    if not isinstance(values, list):
        return []
    path = f"{prefix}{section}"
    return _repeats(((f"{path}[{index}]", value, f"{path}[{index}]") for index, value in enumerate(values)),
                    what, "already given at", f"; list each {what} once")


def _partner_references(data, lookup):
    """Problems for references to partners that the case does not list."""
    ids = _partner_ids(lookup)
    references = [(f"motives[{i}].partner", item.get("partner")) for i, item in _items(data, "motives")]
    references += [(f"interests.partners[{i}].partner", item.get("partner"))
                   for i, item in _items(_section(data, "interests"), "partners")]
    references += [(f"game_rules.breaches[{i}].by", item.get("by"))
                   for i, item in _items(_section(data, "game_rules"), "breaches")]
    references += [(f"leadership[{i}].partner", item.get("partner")) for i, item in _items(data, "leadership")]
    references += [(f"board_members[{i}].partner", item.get("partner"))
                   for i, item in _items(data, "board_members")]
    expected = f"expected one of {listing(ids)}" if ids else "the case lists no partners"
    return [Problem(path, f"unknown partner {describe(value)}; {expected}")
            for path, value in references if isinstance(value, str) and value not in ids]


def _workbook_problems(data, lookup):
    """Repeats and dangling references in the sections of the Common Eye workbook models."""
    problems = _first_use(data, "motives", "partner", "partner", "; give each partner once")
    for index, _item in _items(data, "motives"):
        problems += _listed_twice(data["motives"][index], "motives", "motive", f"motives[{index}].")
    problems += _first_use(_section(data, "interests"), "partners", "partner", "partner",
                           "; give each partner once", "interests.")
    complexity = _section(data, "complexity")
    problems += _first_use(complexity, "factors", "factor", "source of complexity",
                           "; give each once", "complexity.")
    problems += _first_use(complexity, "tensions", "tension", "tension", "; give each once", "complexity.")
    problems += _listed_twice(_section(data, "self_organisation"), "characteristics", "characteristic",
                              "self_organisation.")
    problems += _first_use(data, "leadership", "name", "leader", "; give each leader once")
    for index, _item in _items(data, "leadership"):
        problems += _listed_twice(data["leadership"][index], "signatures", "signature", f"leadership[{index}].")
    problems += _first_use(data, "board_members", "name", "board member", "; give each board member once")
    for index, _item in _items(data, "board_members"):
        problems += _listed_twice(data["board_members"][index], "emotions", "emotion", f"board_members[{index}].")
    return problems + _partner_references(data, lookup)


def _municipality_problems(data, lookup):
    """Problems of ``care.municipalities``: unknown partners, partners that are no municipality, repeats.

    A municipality is named by a partner's id or name.  The supply given
    for the whole case as well would place the case in a quadrant of its
    own beside the municipalities' quadrants: it is given in one place.
    """
    care = _section(data, "care")
    entries = _items(care, "municipalities")
    if not entries:
        return []
    partners = [item for _, item in _items(lookup, "partners") if isinstance(item.get("id"), str)]
    by_reference = {item["id"]: item for item in partners}
    for item in partners:
        if isinstance(item.get("name"), str):
            by_reference.setdefault(item["name"], item)
    names = listing(item["id"] for item in partners)
    known = f"expected the id or name of a partner ({names})" if partners else "the case lists no partners"
    problems, seen = [], {}
    if care.get("supply_in_municipality") is not None:
        problems.append(Problem("care.supply_in_municipality",
                                "the care supply is given per municipality under care.municipalities; give it"
                                " there only, not for the whole case as well"))
    for index, item in entries:
        reference = item.get("municipality")
        if not isinstance(reference, str):
            continue  # the structurer reports it
        path = f"care.municipalities[{index}]"
        partner = by_reference.get(reference)
        if partner is None:
            problems.append(Problem(f"{path}.municipality", f"unknown municipality {describe(reference)}; {known}"))
            continue
        if partner.get("kind") not in (None, "municipality"):
            problems.append(Problem(f"{path}.municipality", f"partner {describe(partner['id'])} is of kind"
                                                            f" {describe(partner['kind'])}; expected a municipality"))
        care_type = item.get("care_type")
        key = (partner["id"], care_type if isinstance(care_type, str) else None)
        if key in seen:
            what = f" for care type {describe(key[1])}" if key[1] else ""
            problems.append(Problem(path, f"municipality {describe(partner['id'])} is already given{what} at"
                                          f" care.municipalities[{seen[key]}]; give each municipality once per type"
                                          " of care"))
        else:
            seen[key] = index
    return problems


def _scan_problems(data, lookup):
    """Problems of ``scan.respondents``: a respondent id given twice, or an unknown partner."""
    scan = data.get("scan") if isinstance(data, dict) else None
    if not isinstance(scan, dict):
        return []
    partners, known = _known_partners(lookup)
    problems, seen = [], {}
    for index, item in _items(scan, "respondents"):
        respondent = item.get("id")
        if isinstance(respondent, str):
            if respondent in seen:
                problems.append(Problem(f"scan.respondents[{index}].id", f"respondent id {describe(respondent)} is already"
                                                                        f" used by scan.respondents[{seen[respondent]}]"))
            else:
                seen[respondent] = index
        partner = item.get("partner")
        if isinstance(partner, str) and partner not in partners:
            problems.append(Problem(f"scan.respondents[{index}].partner", f"unknown partner {describe(partner)}; {known}"))
    return problems


def semantic_problems(data, partners=None):
    """Problems that no single field shows: duplicates and dangling references.

    They are looked for in the raw data, so that they are reported together
    with the problems of single fields.  ``partners``, when given, is the
    whole list of partners that references may name (``data`` may hold only
    the first of them, when the case lists more than are checked).
    """
    lookup = data if partners is None else {"partners": partners}
    return (_first_use(data, "partners", "id", "partner id")
            + _first_use(data, "reasons", "reason", "reason", "; give each reason once")
            + _relationship_problems(data, lookup)
            + _dependency_problems(data, lookup)
            + _first_use(data, "challenges", "challenge", "challenge", "; give each challenge once")
            + [problem for key in ("mechanisms", "structures", "benefits")
               for problem in _repeated_values(data, "arrangement", key)]
            + _participant_problems(data, lookup)
            + _workbook_problems(data, lookup)
            + _scan_problems(data, lookup)
            + _listed_twice(_section(data, "phase"), "changes", "change", "phase.")
            + _municipality_problems(data, lookup)
            + _first_use(data, "observations", "observation", "observation", "; give each observation once"))
