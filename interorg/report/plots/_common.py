"""What every plot shares: importing matplotlib, the words in the user's language, safe text."""

import textwrap

from ...analysis.labels import message
from ...engine.wording import format_number
from ...errors import MissingDependency
from ..escape import terminal

__all__ = ["axes", "decimal", "label", "plain", "pyplot", "save_figure", "wrap"]


def pyplot():
    """Import matplotlib's pyplot, or raise :class:`MissingDependency` saying how to install it."""
    try:
        import matplotlib.pyplot as plt
    except ImportError as exc:
        raise MissingDependency("plots need matplotlib: pip install 'interorg[plot]'") from exc
    return plt


def axes(ax, size):
    """``ax``, or the axes of a new figure of ``size`` inches when it is None."""
    if ax is not None:
        return ax
    _figure, ax = pyplot().subplots(figsize=size)
    return ax


def plain(text):
    r"""``text`` as matplotlib should show it: every ``$`` escaped, so a name never reads as mathtext.

    Control characters are shown as escapes (``\x1b``), as in a terminal
    (:func:`~interorg.report.escape.terminal`): no font has a glyph for them.

    Examples
    --------
    >>> print(plain("Fonds $1M"))
    Fonds \$1M
    >>> print(plain("Stichting\x1b[2J"))
    Stichting\x1b[2J
    """
    return "" if text is None else terminal(str(text)).replace("$", r"\$")


def wrap(text, width=18):
    r"""``text`` wrapped on lines of ``width`` characters, so that a long name is not clipped.

    Examples
    --------
    >>> wrap("Hogeschool Oost, lectoraat Precisielandbouw")
    'Hogeschool Oost,\nlectoraat\nPrecisielandbouw'
    """
    return "\n".join(textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)) or text


def decimal(value, lang, digits=1):
    """``value`` with ``digits`` decimals, as written in ``lang`` (a decimal comma in Dutch).

    Examples
    --------
    >>> decimal(4.25, "nl", 2), decimal(4, "en"), decimal(2.5, "nl")
    ('4,25', '4.0', '2,5')
    """
    return format_number(value, lang, "0." + "0" * digits if digits else "0")


def label(key, lang):
    """The message ``key`` in ``lang``, made plain for matplotlib."""
    return plain(message(key, lang))


def save_figure(ax, path):
    """Save the figure of ``ax`` to ``path`` (its suffix gives the format) and close it.

    The picture is written atomically (:func:`interorg.utils.writing.atomic_write`):
    a failed write leaves what was there untouched.  Saving the same figure
    twice gives the same bytes, in every format.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        As returned by any plot of this package.
    path : str or os.PathLike
        Ends in ``.png``, ``.svg`` or ``.pdf``.
    """
    import pathlib

    from ...utils.writing import atomic_write

    figure = ax.figure
    kind = pathlib.Path(path).suffix.lstrip(".").lower() or "png"
    try:
        # the same case gives the same file: no time of writing, and SVG ids
        # drawn from a fixed salt instead of a random one
        with pyplot().rc_context({"svg.hashsalt": "interorg"}), atomic_write(path, binary=True) as stream:
            figure.savefig(stream, format=kind, bbox_inches="tight", dpi=150, metadata=_NO_DATE.get(kind))
    finally:
        pyplot().close(figure)


#: The metadata entry of each format that holds the time of writing, left out.
_NO_DATE = {"svg": {"Date": None}, "pdf": {"CreationDate": None}}
