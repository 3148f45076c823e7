"""How a rendering tells its reader to see more: in the words of Python, of the command line, or not at all.

A brief rendering says what it leaves out ("27 findings of low priority")
and, for a reader who can ask for more, how: a user in Python or Jupyter
calls ``advice.to_text(full=True)`` or ``advice.explain("KEY")``, a user of
the command line types ``interorg advise --full`` or ``--explain KEY``, and
a document handed over (the HTML report) tells no how-to at all.  The
audience is chosen once, here; each hint is a message ``hint_<what>_<where>``
of ``knowledge/messages.yaml`` (``where`` is ``python`` or ``cli``), in
English and Dutch.
"""

from ..errors import UsageError
from .view import DRAWN_PARTNERS

__all__ = ["AUDIENCES", "HINTS", "audience", "hint", "report_hints", "with_hint"]

#: Who reads a rendering: a user of the Python API (the default), of the command line, or nobody who can ask more.
AUDIENCES = ("python", "cli", "neutral")

#: What a hint can tell: each has a message ``hint_<what>_python`` and ``hint_<what>_cli``.
HINTS = ("findings", "set_aside", "models", "explain", "plot")


def audience(hints):
    """``hints`` checked: one of :data:`AUDIENCES`.

    Raises
    ------
    UsageError
        For anything else, naming what is expected.

    Examples
    --------
    >>> audience("cli")
    'cli'
    >>> audience("shell")
    Traceback (most recent call last):
    ...
    interorg.errors.UsageError: unknown hints 'shell'; expected one of python, cli, neutral
    """
    if not isinstance(hints, str) or hints not in AUDIENCES:
        raise UsageError(f"unknown hints {hints!r}; expected one of {', '.join(AUDIENCES)}")
    return hints


def hint(labels, what, hints):
    """The hint on ``what`` for the audience ``hints``, in the language of ``labels``; None when ``neutral``.

    Parameters
    ----------
    labels : mapping of str to str
        The messages in the advice's language (``advice.labels``).
    what : str
        One of :data:`HINTS`.
    hints : {'python', 'cli', 'neutral'}

    Examples
    --------
    >>> import interorg
    >>> labels = interorg.load_knowledge().labels("en")
    >>> hint(labels, "set_aside", "python")
    'advice.to_text(full=True) shows which and why.'
    >>> hint(labels, "set_aside", "cli")
    'interorg advise --full shows which and why.'
    >>> hint(labels, "set_aside", "neutral") is None
    True
    """
    if what not in HINTS:
        raise ValueError(f"no hint {what!r}; expected one of {', '.join(HINTS)}")
    if audience(hints) == "neutral":
        return None
    return labels[f"hint_{what}_{hints}"]


def with_hint(line, labels, what, hints):
    """``line`` followed by the hint on ``what`` for ``hints``, or alone when there is none."""
    told = hint(labels, what, hints)
    return f"{line} {told}" if told else line


def report_hints(advice, hints="cli", figures=True):
    """What the HTML report of ``advice`` leaves out that a reader could still get, as hints for ``hints``.

    The report is a document to hand over: its file tells no how-to (it is
    written ``neutral``); the command that writes it tells these on standard
    error instead.  Today: the figures left out for a case with too many
    partners, which ``interorg plot`` still draws one by one.

    Examples
    --------
    >>> import interorg
    >>> report_hints(interorg.advise(interorg.example_case()))
    []
    """
    case = advice.case
    told = []
    if figures and case is not None and len(case.partners) > DRAWN_PARTNERS:
        told.append(hint(advice.labels, "plot", hints))
    return [line for line in told if line]
