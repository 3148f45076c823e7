"""A command's output file is never one of its input files.

``interorg advise case.yaml -o case.yaml`` would replace the case with the
advice on it, and ``sweep case.yaml --out case.yaml`` would empty it before
it is read; both would end with exit 0 and the case lost.  Before a command
runs, every file it writes is compared with every file it reads, whatever
the commands call them.
"""

import os

from ..errors import UsageError

__all__ = ["INPUTS", "OUTPUTS", "check_outputs"]

#: The arguments that name files a command reads (``scan`` writes its case on
#: purpose and names no output, so it is not concerned).
INPUTS = ("case", "cases", "base", "a", "b", "old", "new", "answers")

#: The arguments that name files a command writes.
OUTPUTS = ("output", "out", "plot")

#: What names standard input or output rather than a file.
_STREAM = "-"


def _paths(args, names):
    """The file paths the arguments ``names`` of ``args`` give (one, or a list of them), in order."""
    paths = []
    for name in names:
        value = getattr(args, name, None)
        for path in value if isinstance(value, (list, tuple)) else [value]:
            if isinstance(path, (str, os.PathLike)) and os.fspath(path) not in ("", _STREAM):
                paths.append(os.fspath(path))
    return paths


def _same(output, given):
    """Whether the paths ``output`` and ``given`` are one file, or would be once ``output`` is written."""
    try:
        if os.path.samefile(output, given):
            return True
    except OSError:  # one of them does not exist (yet): compare where they lead
        pass
    return os.path.realpath(output) == os.path.realpath(given)


def check_outputs(args):
    """Raise :class:`~interorg.UsageError` when a file ``args`` writes is a file it reads.

    Parameters
    ----------
    args : argparse.Namespace
        The parsed command line; only the attributes of :data:`INPUTS` and
        :data:`OUTPUTS` that it has are looked at.

    Raises
    ------
    UsageError
        Naming the output and the input it is the same file as (the command
        line writes it in the user's language).

    Examples
    --------
    >>> import argparse
    >>> check_outputs(argparse.Namespace(case="case.yaml", output="advice.md"))
    >>> check_outputs(argparse.Namespace(case="case.yaml", output="./case.yaml"))
    Traceback (most recent call last):
    ...
    interorg.errors.UsageError: the output ./case.yaml is the same file as the input case.yaml; write to another file
    """
    inputs = _paths(args, INPUTS)
    for output in _paths(args, OUTPUTS):
        for given in inputs:
            if _same(output, given):
                raise UsageError(f"the output {output} is the same file as the input {given}; write to another file")
