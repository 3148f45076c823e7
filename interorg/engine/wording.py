"""Values in words: numbers and plural forms by Babel's locale data, partners by their names.

The engine shows the values of number fields, and the reports count things
("1 van 3 relaties"); both follow the language's own rules through Babel
rather than rules written by hand: a decimal comma in Dutch, and the
plural form that the language's CLDR rules give for a count.
"""

import functools

import babel
import babel.numbers

from .texts import PLACEHOLDER

__all__ = ["counted", "fill", "format_number", "partner_names", "plural_form"]


def fill(label, **values):
    """A label with its ``{name}`` placeholders replaced: plain substitution, nothing evaluated.

    One pass over the label, so that a value holding braces (a partner
    named ``{total}``) is shown as it is; a placeholder without a value
    stays.

    Examples
    --------
    >>> fill("{risky} of {total}", risky=1, total=3)
    '1 of 3'
    >>> fill("{a} and {b}", a="{b}")
    '{b} and {b}'
    """
    if "{" not in label:
        return label
    pieces = _pieces(label)
    filled = list(pieces)
    filled[1::2] = [str(values[name]) if name in values else f"{{{name}}}" for name in pieces[1::2]]
    return "".join(filled)


@functools.lru_cache(maxsize=1024)
def _pieces(label):
    # text, placeholder, text, ...: a label is split once, not searched with a callback per placeholder each call
    return tuple(PLACEHOLDER.split(label))


def format_number(value, lang, pattern=None):
    """Return the number ``value`` as written in ``lang``.

    Parameters
    ----------
    value : int or float
    lang : {'en', 'nl'}
    pattern : str, optional
        A CLDR number pattern for the digits shown (``'0.0'``: one
        decimal, ``'0.###'``: at most three); by default the language's
        own.

    Returns
    -------
    str

    Examples
    --------
    >>> format_number(4.44, "nl")
    '4,44'
    >>> format_number(4.44, "en")
    '4.44'
    >>> format_number(12, "nl")
    '12'
    >>> format_number(4, "nl", "0.0"), format_number(2.25, "en", "0.0")
    ('4,0', '2.2')
    """
    return _formatted(type(value), value, lang, pattern)


@functools.lru_cache(maxsize=4096)
def _formatted(_type, value, lang, pattern):
    # Babel parses the locale and the number pattern on every call; the same
    # scores and counts come back in every run (the type keeps 1 and 1.0 apart)
    return babel.numbers.format_decimal(value, format=pattern, locale=lang)


def plural_form(count, lang):
    """Return the CLDR plural category of ``count`` in ``lang``: ``'one'``, ``'other'``...

    Examples
    --------
    >>> plural_form(1, "nl"), plural_form(3, "nl"), plural_form(0, "en")
    ('one', 'other', 'other')
    """
    return _plural_form(count, lang)


@functools.lru_cache(maxsize=4096, typed=True)
def _plural_form(count, lang):
    # the same few counts in every advice (the plan's "and 3 more"): babel parses the locale each call
    return babel.Locale.parse(lang).plural_form(count)


def counted(messages, key, count, lang, **values):
    """Return the message for ``count`` things: ``key_one``, ``key_other``..., placeholders filled.

    ``messages`` maps a key to its text in ``lang``; a language whose
    plural category has no message of its own takes ``key_other``.
    ``{count}`` and every value that is a number are written as numbers
    of ``lang``.  Plain substitution, as for rule texts: nothing in a
    message is evaluated.

    Parameters
    ----------
    messages : mapping of str to str
    key : str
        The message key without its plural suffix.
    count : int
        What decides the plural form.
    lang : {'en', 'nl'}
    **values
        The other placeholders of the message.

    Examples
    --------
    >>> messages = {"risky_one": "{risky} van {total} relatie",
    ...             "risky_other": "{risky} van de {total} relaties"}
    >>> counted(messages, "risky", 1, "nl", risky=1, total=1)
    '1 van 1 relatie'
    >>> counted(messages, "risky", 3, "nl", risky=2, total=3)
    '2 van de 3 relaties'
    """
    form = plural_form(count, lang)
    text = messages.get(f"{key}_{form}", messages[f"{key}_other"])
    values = {"count": count, **values}
    return fill(text, **{name: format_number(value, lang) if isinstance(value, (int, float))
                         and not isinstance(value, bool) else value for name, value in values.items()})


#: How the ids of a ``partners`` value are joined, and how the names are joined in words.
_JOINS = (("~", " – "), (">", " → "))


def partner_names(value, names):
    """A value of ids joined by ``~`` (a relationship) or ``>`` (a dependence), in the partners' names.

    An id without a name is shown as it is.

    Examples
    --------
    >>> partner_names("a~b", {"a": "Gemeente A", "b": "Stichting B"})
    'Gemeente A – Stichting B'
    >>> partner_names("a>b", {"a": "Gemeente A"})
    'Gemeente A → b'
    >>> partner_names("a", {"a": "Gemeente A"})
    'Gemeente A'
    """
    for mark, shown in _JOINS:
        if mark in value:
            return shown.join(names.get(part) or part for part in value.split(mark))
    return names.get(value) or value
