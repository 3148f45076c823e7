"""How to move the counts of a partner's position criteria: criteria answered, or answered otherwise.

A partner's ``partner_position`` fact counts, per position, the workbook's
criteria known to be met and known not to be met (``core_met``,
``core_margin`` = met minus not met, and so for ``ring`` and ``free``; see
:mod:`interorg.facts.network`).  A criterion is met, not met or unknown,
and the case says which in ``partners[i].criteria``: most as a key of its
own, a few through another (``mutual_added_value`` is met when either
kind of added value is, ``strategy_consensus`` is ``strategy_agreement:
consensus``, ``no_long_term_obligations`` is ``long_term_obligations:
false``).  To give a count a value wanted, the fewest criteria of its
position are changed; of changes as few, those that answer a criterion
left unknown come before those that turn an answer the case gives, and
then the criteria in the workbook's order.
"""

import itertools
import types

import attrs

from ..case.positions import PositionCriteria
from ..utils.casepaths import value_at
from .changing import one_of
from .network import POSITION_CRITERIA, count, criteria

__all__ = ["POSITION_FIELDS", "position_mover"]

_MET, _UNMET, _UNKNOWN = True, False, None
#: What the case writes in a partner's ``criteria`` for a criterion to be met, not met or unknown (None: left out).
_WRITES = {
    # not consensus, but consent: the ring's criterion, which consensus includes, stays met
    "strategy_consensus": {_MET: {"strategy_agreement": "consensus"}, _UNMET: {"strategy_agreement": "consent"},
                           _UNKNOWN: {"strategy_agreement": None}},
    "strategy_consent": {_MET: {"strategy_agreement": "consent"}, _UNMET: {"strategy_agreement": "none"},
                         _UNKNOWN: {"strategy_agreement": None}},
    "no_long_term_obligations": {_MET: {"long_term_obligations": False}, _UNMET: {"long_term_obligations": True},
                                 _UNKNOWN: {"long_term_obligations": None}},
}
#: The two kinds of added value of which either one meets "mutual added value".
_ADDED_VALUE = ("added_value_core_processes", "added_value_target_groups")
_COMBINED = ("mutual_added_value", *_WRITES)
#: The fields of ``partner_position`` moved here: the counts, and the criteria the case gives through others.
POSITION_FIELDS = tuple(f"{prefix}_{kind}" for prefix in POSITION_CRITERIA for kind in ("met", "margin")) + _COMBINED
_KEYS = tuple(field.name for field in attrs.fields(PositionCriteria))


def _added_value(given, state):
    """The kinds of added value to write for mutual added value to be ``state``: one left unknown answered first."""
    now = {key: given.get(key) for key in _ADDED_VALUE}
    if state is _MET:
        return {next((key for key in _ADDED_VALUE if now[key] is None), _ADDED_VALUE[0]): True}
    if state is _UNMET:
        return dict.fromkeys(_ADDED_VALUE, False)
    # unknown: neither is true, and not both are false
    after = {key: None if value is True else value for key, value in now.items()}
    if all(value is False for value in after.values()):
        after[_ADDED_VALUE[0]] = None
    return after


def _writes(name, state, given):
    """The keys of ``given`` (a partner's criteria) to write for the criterion ``name`` to be ``state``."""
    if name == "mutual_added_value":
        return _added_value(given, state)
    return _WRITES[name][state] if name in _WRITES else {name: state}


def _given(data, path):
    """The criteria the case gives at ``path``, as a mapping (empty where it gives none)."""
    given = value_at(data, path)
    return given if isinstance(given, dict) else {}


def _states(given):
    """The criteria of ``given`` as met (True), not met (False) or unknown (None)."""
    return criteria(types.SimpleNamespace(**{key: given.get(key) for key in _KEYS}))


def _changes(path, given, now, assignment):
    """The writes that give the criteria at ``path`` the states of ``assignment``; none of a key already so."""
    changes = {}
    for name, state in assignment.items():
        if state != now[name]:
            changes.update(_writes(name, state, given))
    return [(f"{path}.{key}", value) for key, value in changes.items() if not one_of(given.get(key), (value,))]


def position_mover(field, ways=5):
    """The mover (see :class:`~.derived.Derived`) of the field ``field`` of a ``partner_position`` fact.

    It offers at most ``ways`` ways, the fewest changes first.

    Examples
    --------
    >>> data = {"partners": [{"id": "a", "criteria": {"collective_vision": True, "shares_risk": False}}]}
    >>> move = position_mover("core_met")
    >>> move(data, "partners[0].criteria", {"core_met": 1}, (3, 4))[0]
    [('partners[0].criteria.added_value_core_processes', True), ('partners[0].criteria.exclusivity', True)]
    >>> position_mover("core_margin")(data, "partners[0].criteria", {}, (0,))
    [[]]
    >>> position_mover("strategy_consensus")(data, "partners[0].criteria", {}, (True,))
    [[('partners[0].criteria.strategy_agreement', 'consensus')]]
    """
    if field in _COMBINED:
        def move(data, path, _values, wanted):
            given = _given(data, path)
            now = _states(given)
            return [_changes(path, given, now, {field: state}) for state in dict.fromkeys(wanted)
                    if state is None or isinstance(state, bool)]
        return move

    prefix, kind = field.rsplit("_", 1)
    names = POSITION_CRITERIA[prefix]

    def move(data, path, _values, wanted):
        goals = {value for value in wanted if isinstance(value, int) and not isinstance(value, bool)}
        given = _given(data, path)
        now = _states(given)
        met, unmet = count(now, names)
        if (met if kind == "met" else met - unmet) in goals:
            return [[]]  # as it is
        ranked = []
        for states in itertools.product((_MET, _UNMET, _UNKNOWN), repeat=len(names)):
            assignment = dict(zip(names, states))
            met, unmet = count(assignment, names)
            if (met if kind == "met" else met - unmet) not in goals:
                continue
            changed = [index for index, name in enumerate(names) if assignment[name] != now[name]]
            answered = sum(1 for index in changed if now[names[index]] is not None)
            ranked.append(((len(changed), answered, changed), assignment))
        ranked.sort(key=lambda item: item[0])
        return [_changes(path, given, now, assignment) for _rank, assignment in ranked[:ways]]
    return move
