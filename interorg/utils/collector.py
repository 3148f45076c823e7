"""Pausing Python's cyclic garbage collector while a large, acyclic result is built.

An advice on thousands of partners allocates millions of small objects
(facts, conclusions, explanations, their JSON), all reachable and none in a
reference cycle: reference counting frees what is dropped.  The cyclic
collector still walks them again and again as they survive, which made
``advise`` and ``to_dict`` grow faster than the case.  While one of them
runs, the collector is paused, and it is resumed afterwards (unless it was
off before); nothing it would have freed is lost, only collected later.
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
        gc.disable()
    try:
        yield
    finally:
        if running:
            gc.enable()
