"""The ``interorg`` command line: it parses arguments and calls the public API.

:mod:`.main` holds the commands; :mod:`.survey` asks the scan's statements
in a terminal.
"""

from .main import main

__all__ = ["main"]
