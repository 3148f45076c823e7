"""The arguments of the public functions: one item, or a sequence of them, where a sequence is expected."""

import os

from ..errors import UsageError

__all__ = ["items"]


def items(value, argument, what, single=(str, os.PathLike), of=None):
    """``value`` as a tuple of items: one item given alone, or each item of a sequence.

    A text is a sequence of characters to Python, so ``cases="cases/"`` or
    ``models="trust"`` would otherwise be taken a character at a time.

    Parameters
    ----------
    value : object
        One item, or an iterable of items.
    argument : str
        The argument's name, for the message of an error; empty to leave it out.
    what : str
        One item in words (``a case file or a folder of them``), for the message.
    single : tuple of type
        The types whose value is one item, never iterated.
    of : tuple of type, optional
        The types every item must have.

    Returns
    -------
    tuple

    Raises
    ------
    UsageError
        If ``value`` is neither an item nor an iterable, or an item is not of ``of``.

    Examples
    --------
    >>> items("trust", "models", "a model id")
    ('trust',)
    >>> items(["trust", "kenis"], "models", "a model id")
    ('trust', 'kenis')
    >>> items(5, "models", "a model id")
    Traceback (most recent call last):
    ...
    interorg.errors.UsageError: models: expected a model id, or a sequence of them; got int
    """
    prefix = f"{argument}: " if argument else ""
    if isinstance(value, single):
        found = (value,)
    else:
        try:
            found = tuple(value)
        except TypeError as exc:
            raise UsageError(f"{prefix}expected {what}, or a sequence of them; got {type(value).__name__}") from exc
    if of is not None:
        wrong = [f"{type(item).__name__} at [{index}]" for index, item in enumerate(found) if not isinstance(item, of)]
        if wrong:
            raise UsageError(f"{prefix}expected {what}, or a sequence of them; got {', '.join(wrong[:5])}")
    return found
