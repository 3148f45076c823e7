"""How to move what the phase facts compute from the current phase: past the switch point, an activity's timing.

Whether the collaboration is past the switch point (schakelpunt) and
whether an activity of the checklist belongs to an earlier, the current or
a later phase both follow from ``phase.current``: each is moved by the
phase nearest the current one that gives the value wanted.  What an
activity is (its phase, its domain, whether it comes before the switch
point) is read from its id and does not move: it is met as it is, or not
at all.
"""

from ..case.phase import PHASES
from ..utils.casepaths import value_at
from .changing import one_of
from .diagnosis import SWITCH

__all__ = ["activity_as_it_is", "past_switch", "timing"]


def _nearest(data, phases):
    """The phase of ``phases`` nearest the current one (the switch point where none is given), the earlier first."""
    current = value_at(data, "phase.current")
    here = PHASES.index(current) if current in PHASES else PHASES.index(SWITCH)
    return min(phases, key=lambda phase: (abs(PHASES.index(phase) - here), PHASES.index(phase)))


def past_switch(data, _path, _values, wanted):
    """The phase nearest the current one on the side of the switch point wanted.

    Examples
    --------
    >>> past_switch({"phase": {"current": "exploring"}}, "phase", {}, (True,))
    [[('phase.current', 'agreeing')]]
    """
    ways = []
    for past in (value for value in wanted if isinstance(value, bool)):
        sides = [phase for index, phase in enumerate(PHASES) if (index > PHASES.index(SWITCH)) == past]
        ways.append([("phase.current", _nearest(data, sides))])
    return ways


def timing(data, _path, values, wanted):
    """The phase nearest the current one in which the activity (of phase ``values["phase"]``) has the timing wanted.

    Examples
    --------
    >>> data = {"phase": {"current": "agreeing"}}
    >>> sharing = {"phase": "sharing"}
    >>> timing(data, "phase.done", sharing, ("current",)), timing(data, "phase.done", sharing, ("later",))
    ([[('phase.current', 'sharing')]], [[('phase.current', 'exploring')]])
    >>> timing(data, "phase.done", {"phase": "exploring"}, ("later",))
    []
    """
    own = values.get("phase")
    if own not in PHASES:
        return []
    place = PHASES.index(own)
    sides = {"earlier": PHASES[place + 1:], "current": (own,), "later": PHASES[:place]}
    return [[("phase.current", _nearest(data, sides[value]))] for value in dict.fromkeys(wanted)
            if isinstance(value, str) and sides.get(value)]


def activity_as_it_is(field):
    """The mover of a field an activity's id gives (its phase, its domain, whether before the switch): none needed, or none.

    Examples
    --------
    >>> before = activity_as_it_is("before_switch")
    >>> before({}, "phase.done", {"before_switch": True}, (True,)), before({}, "phase.done", {"before_switch": True}, (0,))
    ([[]], [])
    """
    def move(_data, _path, values, wanted):
        return [[]] if one_of(values.get(field), wanted) else []
    return move
