"""Pausing Python's cyclic garbage collector while a large, acyclic result is built.

An advice on thousands of partners allocates millions of small objects
(facts, conclusions, explanations, their JSON), all reachable and none in a
reference cycle: reference counting frees what is dropped (a test checks
that advising leaves no cyclic garbage).  The cyclic collector still walks
them again and again as they survive, which made ``advise`` and ``to_dict``
grow faster than the case.  While one of them runs, the collector is
paused, and it is resumed afterwards (unless it was off before); nothing it
would have freed is lost, only collected later.

When it is resumed, what was allocated in the pause is moved to the
collector's oldest generation at once (``gc.freeze()`` then
``gc.unfreeze()``, which moves lists, not objects).  Otherwise the first
collection after the pause would walk every object of the result, which
took a sixth of ``advise`` at 2,000 partners, only to find, as it must,
that all of them are alive.  A result is long-lived, which is what the
oldest generation is for; a full collection walks it like any other old
object, when the collector's own schedule calls for one.  So that only what
the pause allocated is moved, the young generations are collected as the
pause begins (quick: they hold a few thousand objects at most), and the
program's young objects take the collector's usual way.  If the program has
frozen objects itself (``gc.freeze()`` before a fork, say), nothing is
moved: unfreezing would undo that.
"""

import contextlib
import gc

__all__ = ["collector_paused"]


@contextlib.contextmanager
def collector_paused():
    """Pause the cyclic garbage collector in the block, and resume it after if it was running.

    Examples
    --------
    >>> import gc
    >>> with collector_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    running = gc.isenabled()
    if running:
        if _can_move():
            gc.collect(1)
        gc.disable()
    try:
        yield
    finally:
        if running:
            if _can_move():
                # freeze() moves every tracked object to the permanent generation and
                # unfreeze() back into the oldest one: two list splices, whatever their number
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def _can_move():
    return hasattr(gc, "get_freeze_count") and gc.get_freeze_count() == 0
