"""Import experta on Python 3.10+ without side effects on the host program.

experta 1.9.4 is the current release of the rule engine interorg runs on.
Two things keep it from being imported as it is:

* it pins ``frozendict==1.2``, whose class is defined as a subclass of
  ``collections.Mapping``, an alias that Python 3.10 removed (it lives in
  ``collections.abc`` since 3.3).  pip installs that exact version, so
  ``import experta`` fails with ``AttributeError`` on every supported Python;
* its ``engine`` and ``watchers`` modules call ``logging.basicConfig()`` at
  import time, which adds a handler to the root logger of whatever program
  imports it.

This module is the only place in interorg that imports experta.  It puts the
``collections.Mapping`` alias back for the duration of the import only (the
alias is removed again afterwards, so no other code sees a changed stdlib),
and restores the root logger's handlers and level to exactly what they were.
Nothing is vendored and nothing asks the user for ``--no-deps``: a plain
``pip install interorg`` resolves experta and its pins as published.

An ``ImportError`` from experta itself is not swallowed: it propagates with
the original exception chained.
"""

import collections
import collections.abc
import contextlib
import logging

__all__ = ["experta"]


@contextlib.contextmanager
def _collections_mapping_alias():
    """Provide ``collections.Mapping`` while frozendict 1.2 defines its class."""
    if hasattr(collections, "Mapping"):
        yield
        return
    collections.Mapping = collections.abc.Mapping
    try:
        yield
    finally:
        del collections.Mapping


@contextlib.contextmanager
def _root_logger_preserved():
    """Undo any handler or level change made to the root logger inside."""
    root = logging.getLogger()
    handlers = list(root.handlers)
    level = root.level
    try:
        yield
    finally:
        for handler in list(root.handlers):
            if handler not in handlers:
                root.removeHandler(handler)
        for handler in handlers:
            if handler not in root.handlers:
                root.addHandler(handler)
        root.setLevel(level)


def _import_experta():
    with _root_logger_preserved(), _collections_mapping_alias():
        import experta as module
    return module


experta = _import_experta()
