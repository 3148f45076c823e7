"""How to move what the phase facts compute from the case: past the switch point, an activity's timing, a domain's counts.

Whether the collaboration is past the switch point (schakelpunt) and
whether an activity of the checklist belongs to an earlier, the current or
a later phase both follow from ``phase.current``: each is moved by the
phase nearest the current one that gives the value wanted (nothing, where
the current one gives it), and so is how many activities of a domain
belong to earlier phases.  How many of those
are done, and how many of the current phase's are still open, are moved
by activities ticked off in ``phase.done`` (in the checklist's order) or
taken off it (the last ones first, each wherever the list names it).  What an activity is (its phase, its
domain, whether it comes before the switch point) is read from its id and
does not move: it is met as it is, or not at all.
"""

from ..case.phase import PHASES
from ..utils.casepaths import value_at
from .changing import one_of
from .diagnosis import CHECKLIST, SWITCH

__all__ = ["DOMAIN_COUNTS", "activity_as_it_is", "domain_mover", "past_switch", "timing"]

#: The counts of a ``phase_domain`` fact that :func:`domain_mover` moves.
DOMAIN_COUNTS = ("earlier", "earlier_done", "open")


def _nearest(data, phases):
    """The phase of ``phases`` nearest the current one (the switch point where none is given), the earlier first."""
    current = value_at(data, "phase.current")
    here = PHASES.index(current) if current in PHASES else PHASES.index(SWITCH)
    return min(phases, key=lambda phase: (abs(PHASES.index(phase) - here), PHASES.index(phase)))


def _to_phase(data, phase):
    """The way that makes ``phase`` the current one: nothing where it is already."""
    return [] if value_at(data, "phase.current") == phase else [("phase.current", phase)]


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
        ways.append(_to_phase(data, _nearest(data, sides)))
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
    return [_to_phase(data, _nearest(data, sides[value])) for value in dict.fromkeys(wanted)
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


def _goals(wanted):
    return [value for value in dict.fromkeys(wanted) if isinstance(value, int) and not isinstance(value, bool)
            and value >= 0]


def domain_mover(field):
    """The mover of the count ``field`` (one of :data:`DOMAIN_COUNTS`) of a domain in the phase.

    Examples
    --------
    >>> data = {"phase": {"current": "sharing", "done": ["exploring.ambition.core_issue"]}}
    >>> domain_mover("earlier_done")(data, "phase.done", {"domain": "ambition"}, (0,))
    [[('phase.done[0]', None)]]
    >>> domain_mover("earlier")(data, "phase.done", {"domain": "ambition"}, (0,))
    [[('phase.current', 'exploring')]]
    """
    def move(data, _path, values, wanted):
        current = value_at(data, "phase.current")
        if current not in PHASES:
            return []  # the counts are made for a current phase only
        domain = values.get("domain")
        if field == "earlier":
            # the count follows from the phase alone, and jumps: a test ">= 1" is met by 5
            phases = [p for p in PHASES if one_of(_earlier(domain, p), wanted)]
            return [_to_phase(data, _nearest(data, phases))] if phases else []
        phase_is = (lambda phase: PHASES.index(phase) < PHASES.index(current)) if field == "earlier_done" else (
            lambda phase: phase == current)
        mine = [a for a, phase, its_domain, _before in CHECKLIST if its_domain == domain and phase_is(phase)]
        done = value_at(data, "phase.done") or ()
        # the places of each activity ticked off, in the order first ticked: the list may
        # name one twice, and the facts count it once
        ticked = {}
        for index, item in enumerate(done):
            if item in mine:
                ticked.setdefault(item, []).append(index)
        unticked = [a for a in mine if a not in ticked]
        ways = []
        for goal in _goals(wanted):
            # ticking an activity off adds one to those done and takes one from those open
            ticks = goal - len(ticked) if field == "earlier_done" else len(unticked) - goal
            if 0 <= ticks <= len(unticked):
                ways.append([(f"phase.done[{len(done) + n}]", a) for n, a in enumerate(unticked[:ticks])])
            elif 0 < -ticks <= len(ticked):
                ways.append([(f"phase.done[{index}]", None)
                             for places in list(ticked.values())[ticks:] for index in places])
        return ways
    return move


def _earlier(domain, current):
    return sum(1 for _a, phase, its_domain, _before in CHECKLIST
               if its_domain == domain and PHASES.index(phase) < PHASES.index(current))
