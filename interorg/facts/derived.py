"""Fields of the facts that a case does not give as such, but that are computed from it: what from, and how to move them.

A rule may test a field that the producers compute from the case: how many
partners describe their interests (``interests.partners``), how many
signatures a leader shows, a factor's band in the scan, a motive's
category, whether the phase is past the switch point.  A user cannot write
such a field; they can write what it is computed from.  :data:`DERIVED`
names, for each field handled, the case inputs it comes from and a *mover*:
given the case as plain data and the values the rule needs, the changes of
those inputs that give the field one of them (the ways to do so, the
likeliest first).  Why-not (:mod:`.editing`) writes them, produces the
facts again and checks that the field then has the value wanted.

The measures of the partner network are moved by :mod:`.derived_network`,
a scan factor's disagreement by :mod:`.derived_scan`, the counts of a
partner's position criteria by :mod:`.derived_positions`, the phase's
switch point, an activity's timing and a domain's counts by
:mod:`.derived_phase`.  A field
computed from the case that is not here (a scan factor's spread, which the
rules only show) is said to be derived from the inputs
:data:`~interorg.facts.paths.FORMS` names for its fact type.
"""

import collections
import typing

import attrs

from ..analysis.scan import factor_score
from ..case.game_rules import GameRule
from ..case.leadership import Signature
from ..case.motives import MOTIVE_CATEGORIES, StartingPoint
from ..utils.casepaths import value_at
from .derived_network import NETWORK_FIELDS, network_mover
from .derived_phase import DOMAIN_COUNTS, activity_as_it_is, domain_mover, past_switch, timing
from .derived_positions import POSITION_FIELDS, position_mover
from .derived_scan import disagreement_mover
from .newitems import OTHER_TEXT  # where the case needs a text and any will do, as for a new item
from .paths import FORMS

__all__ = ["DERIVED", "Derived", "derived_inputs"]

#: The most ways to move one field that are offered to be run.
_WAYS = 5


@attrs.frozen
class Derived:
    """A field of a fact that is computed from the case.

    Attributes
    ----------
    fact, field : str
        The fact type and the field, as the rules name them.
    inputs : str
        The case paths it is computed from; ``{path}`` stands for the fact's
        own path, ``{id}`` for its ``id``.
    checked : bool
        Whether the changed case's fact must then have a value wanted: not
        for a field the rules only bind, which any value meets (a new scan
        factor's score is whatever its answers give).
    move : callable or None
        ``move(data, path, values, wanted)``: the ways (each a list of
        ``(case path, value)``, None removing; a new item of a list as a
        mapping) to change the case's plain
        ``data`` so that the field of the fact at ``path`` (with ``values``)
        takes one of ``wanted``; empty when none does within the case's
        bounds.
    """

    fact: str
    field: str
    inputs: str
    move: typing.Callable | None = None
    checked: bool = True


def _wholes(wanted, now):
    """The whole numbers of ``wanted`` that a count can take, nearest to ``now`` first."""
    counts = {int(value) for value in wanted
              if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0 and value == int(value)}
    return sorted(counts, key=lambda count: (abs(count - now), count))


def _counted(list_path, new_items, key=None, copied=()):
    """A mover for a count of the items at ``list_path``: add items (``new_items``), or drop the last ones.

    With ``key``, an item that the other changes added without it (a new
    partner's interests, without the partner) is given one first.  The
    fields ``copied`` are a second way: the new items take them from the
    last item (a rule may ask that every item has such a value).
    """
    def move(data, path, values, wanted):
        at = list_path.format(path=path)
        items = list(value_at(data, at) or ())
        completed = []
        if key is not None:
            bare = [index for index, item in enumerate(items) if isinstance(item, dict) and item.get(key) is None]
            for index, item in zip(bare, new_items(data, path, items)[0] if bare else ()):
                completed.append((f"{at}[{index}].{key}", item[key]))
                items[index] = {**items[index], **item}
        ways = []
        for goal in _wholes(wanted, len(items)):
            if goal <= len(items):
                ways.append([(f"{at}[{index}]", None) for index in range(goal, len(items))])
                continue
            template = {name: items[-1].get(name) for name in copied
                        if items and isinstance(items[-1], dict) and items[-1].get(name) is not None}
            for added in new_items(data, path, items)[:_WAYS]:
                if len(added) < goal - len(items):
                    continue
                for extra in ({}, template) if template else ({},):
                    ways.append([(f"{at}[{len(items) + n}]", {**item, **extra} if isinstance(item, dict) else item)
                                 for n, item in enumerate(added[:goal - len(items)])])
        return [completed + way for way in ways[:_WAYS]]
    return move


def _partner_ids(data):
    return [partner.get("id") for partner in data.get("partners") or () if isinstance(partner, dict)]


def _unlisted_partners(data, _path, items):
    """New items for a list with one item per partner: the partners it does not list yet, in the case's order."""
    listed = {item.get("partner") for item in items if isinstance(item, dict)}
    return [[{"partner": partner} for partner in _partner_ids(data) if partner not in listed]]


def _signatures(_data, _path, items):
    """New signatures for a leader: each it does not show yet comes first in one way (a rule may want one missing)."""
    unshown = [signature for signature in typing.get_args(Signature) if signature not in items]
    return [[first] + [other for other in unshown if other != first] for first in unshown]


def _breaches(_data, _path, _items):
    """New breaches: of the rules of the game in the workbook's order."""
    return [[{"rule": rule} for rule in typing.get_args(GameRule)]]


def _leader(data, path, values, wanted):
    ways = _counted("{path}.signatures", _signatures)(data, path, values, wanted)
    if value_at(data, f"{path}.name") is None:  # a new leader needs a name: the user writes the real one
        ways = [[(f"{path}.name", OTHER_TEXT), *way] for way in ways]
    return ways


def _entries(data):
    return [entry if isinstance(entry, dict) else {} for entry in data.get("motives") or ()]


def _new_entries(data, entries):
    """The entries of ``motives`` to open for the partners that have none yet, each ``(index, its partner)``."""
    return [(len(entries) + n, item["partner"]) for n, item in enumerate(_unlisted_partners(data, "", entries)[0])]


def _opening(index, partner):
    """The partner of a new entry of ``motives`` (none for one the case has)."""
    return [] if partner is None else [(f"motives[{index}].partner", partner)]


def _with_motives(data, _path, _values, wanted):
    entries = _entries(data)
    given = [index for index, entry in enumerate(entries) if entry.get("motives")]
    bare = [(index, None) for index, entry in enumerate(entries) if not entry.get("motives")]
    bare += _new_entries(data, entries)
    ways = []
    for goal in _wholes(wanted, len(given)):
        if goal <= len(given):
            ways.append([(f"motives[{index}].motives[{number}]", None) for index in given[goal:]
                         for number in range(len(entries[index]["motives"]))])
        elif goal - len(given) <= len(bare):
            ways.append([step for index, partner in bare[:goal - len(given)] for step in
                         [*_opening(index, partner), (f"motives[{index}].motives[0]", next(iter(MOTIVE_CATEGORIES)))]])
    return ways


def _with_starting_point(data, _path, _values, wanted):
    entries = _entries(data)
    given = [index for index, entry in enumerate(entries) if entry.get("starting_point")]
    bare = [(index, None) for index, entry in enumerate(entries) if not entry.get("starting_point")]
    bare += _new_entries(data, entries)
    common = collections.Counter(entries[index]["starting_point"] for index in given).most_common(1)
    value = common[0][0] if common else typing.get_args(StartingPoint)[0]
    ways = []
    for goal in _wholes(wanted, len(given)):
        if goal <= len(given):
            ways.append([(f"motives[{index}].starting_point", None) for index in given[goal:]])
        elif goal - len(given) <= len(bare):
            ways.append([step for index, partner in bare[:goal - len(given)]
                         for step in [*_opening(index, partner), (f"motives[{index}].starting_point", value)]])
    return ways


def _starting_points(data, _path, _values, wanted):
    """Make the starting points given differ in as many values as wanted: merge the rarest, or split the commonest."""
    entries = _entries(data)
    points = {index: entry["starting_point"] for index, entry in enumerate(entries) if entry.get("starting_point")}
    counts = collections.Counter(points.values())
    ways = []
    for goal in _wholes(wanted, len(counts)):
        if goal == 0 or goal > len(typing.get_args(StartingPoint)):
            continue
        if goal <= len(counts):
            keep = {value for value, _ in counts.most_common(goal)}
            common = counts.most_common(1)[0][0]
            ways.append([(f"motives[{index}].starting_point", common)
                         for index, value in points.items() if value not in keep])
            continue
        unused = [value for value in typing.get_args(StartingPoint) if value not in counts]
        # an entry whose starting point another shares, else one without any, takes a new one
        shared = [(index, None) for index, value in points.items() if counts[value] > 1][1:]
        free = shared + [(index, None) for index in range(len(entries)) if index not in points]
        free += _new_entries(data, entries)
        if goal - len(counts) <= len(free):
            ways.append([step for (index, partner), value in zip(free, unused[:goal - len(counts)])
                         for step in [*_opening(index, partner), (f"motives[{index}].starting_point", value)]])
    return ways


def _categories(data, _path, _values, wanted):
    """More categories of motives: the first partner gives a motive of each category no partner names yet."""
    entries = _entries(data)
    named = {MOTIVE_CATEGORIES.get(motive) for entry in entries for motive in entry.get("motives") or ()}
    unused = [next(m for m, c in MOTIVE_CATEGORIES.items() if c == category)
              for category in dict.fromkeys(MOTIVE_CATEGORIES.values()) if category not in named]
    # the first entry, or one opened for the first partner where the case has none
    opening = [] if entries else _opening(0, next(iter(_partner_ids(data)), None))
    ways = []
    for goal in _wholes(wanted, len(named)):
        if (entries or opening) and len(named) < goal <= len(named) + len(unused):
            given = len(entries[0].get("motives") or ()) if entries else 0
            ways.append(opening + [(f"motives[0].motives[{given + n}]", motive)
                                   for n, motive in enumerate(unused[:goal - len(named)])])
    return ways


def _category(data, path, _values, wanted):
    """A motive of another category in its place (one that its partner does not name yet)."""
    listed = value_at(data, path.rsplit("[", 1)[0]) or ()
    return [[(path, next(m for m, c in MOTIVE_CATEGORIES.items() if c == category and m not in listed))]
            for category in wanted if any(c == category and m not in listed for m, c in MOTIVE_CATEGORIES.items())]


#: The answer a statement is moved to for each band: the end of the scale, or its middle.
_BAND_ANSWER = {"concern": 1, "strength": 5, "middle": 3}


def _band(data, _path, values, wanted):
    """The fewest answers to the factor's statements changed, each as little as will do, that put it in a band.

    The answers furthest from the band's end are moved first, one step at a
    time towards it, until the factor's score (:func:`~interorg.analysis.scan.factor_score`) is in the band.
    """
    factor = values.get("id")
    statements = (f"{factor}_1", f"{factor}_2")
    respondents = [r if isinstance(r, dict) else {} for r in value_at(data, "scan.respondents") or ()]
    given = {index: [(r.get("answers") or {}).get(s) for s in statements] for index, r in enumerate(respondents)}
    counted = [index for index, answers in given.items() if any(a is not None for a in answers)]
    opening = []  # a factor nobody answered: the first respondent answers it, or a new one for the first partner
    if not counted and respondents:
        counted = [0]
    elif not counted and _partner_ids(data):
        given, counted = {0: [None, None]}, [0]
        opening = [("scan.respondents[0].id", OTHER_TEXT), ("scan.respondents[0].partner", _partner_ids(data)[0])]
    ways = []
    for band in (value for value in wanted if value in _BAND_ANSWER):
        goal, answers, changed = _BAND_ANSWER[band], {i: list(given[i]) for i in counted}, []

        def start(index, number):  # a skipped statement starts from the respondent's other answer
            return answers[index][number] or answers[index][1 - number] or 3

        slots = sorted(((i, n) for i in counted for n in (0, 1)), key=lambda slot: -abs(start(*slot) - goal))
        for index, number in slots:
            if factor_score(answers.values())[1] == band:
                break
            origin = start(index, number)
            if answers[index] == [None, None] and origin == goal:
                answers[index][number] = goal  # a first answer that is already in the band
            for value in range(origin, goal, 1 if goal > origin else -1):
                answers[index][number] = value + (1 if goal > origin else -1)
                if factor_score(answers.values())[1] == band:
                    break
            if answers[index][number] != given[index][number]:
                changed.append((index, number))
        if changed and factor_score(answers.values())[1] == band:
            ways.append(opening + [(f"scan.respondents[{i}].answers.{statements[n]}", answers[i][n])
                                   for i, n in changed])
    return ways


def _answered(data, path, values, _wanted):
    """A scan factor that is there: answered as it is, or else given a first answer (of any band)."""
    factor = values.get("id")
    if any((respondent.get("answers") or {}).get(f"{factor}_{number}") is not None
           for respondent in value_at(data, "scan.respondents") or () if isinstance(respondent, dict)
           for number in (1, 2)):
        return [[]]
    return _band(data, path, values, ("middle",))


def _as_given(_data, _path, _values, _wanted):
    """A field that follows from the others (a factor's perspective is its own): nothing to change for it."""
    return [[]]


def _participants_counted(data, _path, values, wanted):
    """Counted from the partners (no number given), or given as a number: one the other changes write, else the one counted."""
    given = value_at(data, "governance.participants")  # data holds the other changes: a number one of them wants
    ways = []
    for counted in (value for value in wanted if isinstance(value, bool)):
        if counted and _partner_ids(data):
            ways.append([("governance.participants", None)])
        elif not counted:
            ways.append([("governance.participants", given or values.get("participants")
                          or max(len(_partner_ids(data)), 2))])
    return ways


def _relationship_id(data, path, _values, wanted):
    """A relationship's id is its two partners: a pair asked for, or else a pair no relationship has yet."""
    partners = _partner_ids(data)
    taken = {frozenset(item.get("between") or ()) for item in data.get("relationships") or ()
             if isinstance(item, dict) and value_at(item, "between") != value_at(data, f"{path}.between")}
    pairs = [(a, b) for n, a in enumerate(partners) for b in partners[n + 1:] if frozenset((a, b)) not in taken]
    asked = [tuple(str(value).split("~")) for value in wanted if isinstance(value, str) and "~" in str(value)]
    chosen = [pair for pair in asked if set(pair) <= set(partners) and frozenset(pair) not in taken] \
        if asked else pairs[:1]
    return [[(f"{path}.between[0]", a), (f"{path}.between[1]", b)] for a, b in chosen]


def _collective(_data, _path, _values, wanted):
    return [[("interests.collective", None)]] if None in wanted else [[("interests.collective[0]", OTHER_TEXT)]]


_ENTRIES = [
    Derived("interests", "partners", "interests.partners[]",
            _counted("interests.partners", _unlisted_partners, "partner", ("outcome",))),
    Derived("interests", "collective", "interests.collective[]", _collective),
    Derived("leader", "signatures", "{path}.signatures[]", _leader),
    Derived("game_rules", "breaches", "game_rules.breaches[]", _counted("game_rules.breaches", _breaches)),
    Derived("motives_spread", "partners", "motives[].partner", _counted("motives", _unlisted_partners, "partner")),
    Derived("motives_spread", "partners_with_motives", "motives[].motives", _with_motives),
    Derived("motives_spread", "categories", "motives[].motives", _categories),
    Derived("motives_spread", "partners_with_starting_point", "motives[].starting_point", _with_starting_point),
    Derived("motives_spread", "starting_points", "motives[].starting_point", _starting_points),
    Derived("motive", "category", "{path}", _category),
    Derived("scan_factor", "score", "scan.respondents[].answers.{id}_1, {id}_2", _as_given, checked=False),
    Derived("scan_factor", "perspective", "scan_factor.id", _as_given, checked=False),
    Derived("scan_factor", "id", "scan.respondents[].answers", _answered),
    Derived("scan_factor", "band", "scan.respondents[].answers.{id}_1, {id}_2", _band),
    Derived("scan_factor", "disagreement", "scan.respondents[].answers.{id}_1, {id}_2", disagreement_mover),
    Derived("phase", "past_switch", "phase.current", past_switch),
    Derived("phase_activity", "timing", "phase.current", timing),
    *(Derived("phase_activity", field, "phase_activity.id", activity_as_it_is(field))
      for field in ("phase", "domain", "before_switch")),
    *(Derived("phase_domain", field, "phase.done, phase.current", domain_mover(field)) for field in DOMAIN_COUNTS),
    Derived("relationship", "id", "{path}.between", _relationship_id),
    Derived("governance", "participants_counted", "governance.participants, partners[]", _participants_counted),
]
_ENTRIES += [Derived(fact, field, "partners, relationships, dependencies", network_mover(fact, field, _WAYS))
             for fact, fields in NETWORK_FIELDS.items() for field in fields]
_ENTRIES += [Derived("partner_position", field, "{path}", position_mover(field, _WAYS)) for field in POSITION_FIELDS]
#: The derived fields handled, by ``(fact type, field)``.
DERIVED = {(entry.fact, entry.field): entry for entry in _ENTRIES}


def derived_inputs(fact_type, field, path=None, values=None):
    """What the field ``field`` of a fact is computed from, as case paths; None when the case gives it as such.

    Parameters
    ----------
    fact_type, field : str
    path : str, optional
        The fact's path in the case (a leader's signatures are its own).
    values : mapping, optional
        The fact's values (a scan factor's answers are those of its id).

    Examples
    --------
    >>> derived_inputs("leader", "signatures", "leadership[1]")
    'leadership[1].signatures[]'
    >>> derived_inputs("scan_factor", "band", values={"id": "equality"})
    'scan.respondents[].answers.equality_1, equality_2'
    >>> derived_inputs("network_partner", "broker"), derived_inputs("care", "demand")
    ('partners, relationships, dependencies', None)
    """
    entry = DERIVED.get((fact_type, field))
    if entry is not None:
        values = values or {}
        form = FORMS[fact_type]
        filled = entry.inputs.replace("{path}", path or form.section + ("[]" if form.kind == "list" else ""))
        return filled.replace("{id}", str(values.get("id") or "‹factor›"))
    form = FORMS.get(fact_type)
    if form is None or field in form.keys or field in form.cell or (field == "cell" and form.cell):
        return None  # given as such, or the key a cell stands at
    # what the form names, but never the field itself (a count of a list is computed from its items)
    named = [item.strip() for item in (form.inputs or form.section).split(",")]
    return ", ".join(f"{item}[]" if item == f"{form.section}.{field}" else item for item in named)
