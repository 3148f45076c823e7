"""Problems and errors told in a language other than English.

A problem carries its message in English (the library's language for
errors, and what a program reads from ``error.problems``).  An error is
told in the language of the call that raised it: each message of the
knowledge base whose key starts with ``problem.`` is an English pattern
with ``{name}`` placeholders and its rendering; the first pattern that
matches the whole English message gives the translation, and what the
placeholders matched is translated the same way where a pattern matches it
(a description such as "a mapping", a hint such as "did you mean ...").
A message that no pattern matches stays in English.  A number the message
grouped in thousands the English way (``2,097,152``) is grouped the Dutch
way (``2.097.152``), where a comma would read as a decimal comma.

:func:`problems_in_lang` marks a public function that takes ``lang``: an
error it raises is told in that language (``str(error)``), its
``problems`` left as they were.  The command line writes its errors with
:func:`describe_error`.
"""

import functools
import inspect
import re

import attrs

from ..errors import InterorgError
from .texts import PLACEHOLDER, Text
from .wording import fill

__all__ = ["LANGUAGES", "describe_error", "in_language", "pattern", "problems_in_lang", "translate"]

#: The languages a text of the knowledge base is written in.
LANGUAGES = tuple(field.name for field in attrs.fields(Text))

_PREFIX = "problem."
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+")
#: The thousands separator of each language other than English.
_THOUSANDS = {"nl": "."}


@functools.lru_cache(maxsize=None)
def pattern(english):
    """The regular expression of an English message with ``{name}`` placeholders (to match a whole text)."""
    parts, last = [], 0
    for match in PLACEHOLDER.finditer(english):
        parts.append(re.escape(english[last:match.start()]))
        parts.append(f"(?P<{match.group(1)}>.*?)")
        last = match.end()
    parts.append(re.escape(english[last:]))
    return re.compile("".join(parts), re.DOTALL)


def translate(message, messages, lang):
    """Return the English problem ``message`` in ``lang``, by the ``problem.*`` patterns of ``messages``.

    Parameters
    ----------
    message : str
        The English message of a :class:`interorg.Problem`.
    messages : mapping of str to Text
        The messages of the knowledge base.
    lang : {'en', 'nl'}

    Returns
    -------
    str
        The message in ``lang``; unchanged in English, or where no pattern matches.

    Examples
    --------
    >>> import interorg
    >>> messages = interorg.load_knowledge().messages
    >>> translate("expected a number; got 'veel'", messages, "nl")
    "verwacht een getal; gekregen: 'veel'"
    """
    if lang == "en":
        return message
    for key, text in messages.items():
        if not key.startswith(_PREFIX):
            continue
        match = pattern(text.en).fullmatch(message)
        if match is None:
            continue
        values = {name: _value(value, messages, lang) for name, value in match.groupdict().items()}
        return text.fill(lang, values)
    return message


def _value(value, messages, lang):
    """What a placeholder matched, in ``lang``: a number regrouped, a text translated where a pattern matches it."""
    if not value:
        return value
    if _GROUPED.fullmatch(value):
        return value.replace(",", _THOUSANDS.get(lang, ","))
    return translate(value, messages, lang)


def _located(problem, messages, lang):
    where = problem.path
    if problem.line is not None:
        position = fill(messages["located.line"].get(lang), line=problem.line)
        if problem.column is not None:
            position += fill(messages["located.column"].get(lang), column=problem.column)
        where = f"{where} ({position})" if where else position
    text = translate(problem.message, messages, lang)
    text = f"{where}: {text}" if where else text
    return f"{problem.file}: {text}" if problem.file else text


def describe_error(error, messages, lang):
    """The text of an error for the user, in ``lang``: each problem on a line of its own.

    An error with ``problems`` (a :class:`interorg.CaseError`) is written
    problem by problem, each translated; any other error by its English
    message, translated line by line.

    Examples
    --------
    >>> import interorg
    >>> error = interorg.CaseError([interorg.Problem("partners[0].size", "expected a number; got 'big'", 3, 9)], "case.yaml")
    >>> print(describe_error(error, interorg.load_knowledge().messages, "nl"))
    case.yaml: partners[0].size (regel 3, kolom 9): verwacht een getal; gekregen: 'big'
    """
    problems = getattr(error, "problems", None)
    if not problems:  # an error of several lines says one problem a line
        return "\n".join(translate(line, messages, lang) for line in _english(error).split("\n"))
    prefix = f"{error.source}: " if getattr(error, "source", None) else ""
    return "\n".join((prefix if problem.file is None else "") + _located(problem, messages, lang)
                     for problem in problems)


def _english(error):
    # an error told in another language is translated from its English, not from itself
    return str(error.in_language("en")) if isinstance(error, InterorgError) else str(error)


def in_language(subject, messages, lang):
    """An error, or the English message of a problem, told in ``lang``.

    This is what ``str(error)`` and ``Problem.message_in(lang)`` use (the
    package sets it up with the messages of its knowledge base).  An error
    that kept only some of its problems ends with the count of the others,
    as its English does.

    Parameters
    ----------
    subject : str or Exception
        An English problem message, or an error.
    messages : mapping of str to Text
    lang : {'en', 'nl'}

    Returns
    -------
    str

    Examples
    --------
    >>> import interorg
    >>> messages = interorg.load_knowledge().messages
    >>> in_language("expected a number; got 'veel'", messages, "nl")
    "verwacht een getal; gekregen: 'veel'"
    >>> error = interorg.CaseError([interorg.Problem("care", "expected a mapping (key: value); got 3")], more=1200)
    >>> print(in_language(error, messages, "nl"))
    care: verwacht een mapping (sleutel: waarde); gekregen: 3
    ... en nog 1.200 problemen
    """
    if isinstance(subject, str):
        return translate(subject, messages, lang)
    text = describe_error(subject, messages, lang)
    more = getattr(subject, "more", 0)
    if more and getattr(subject, "problems", None):
        text += "\n" + fill(messages["more_problems"].get(lang), count=_value(f"{more:,}", messages, lang))
    return text


def problems_in_lang(function):
    """Tell the errors ``function`` raises in the language of its ``lang`` argument.

    An :class:`~interorg.InterorgError` raised by the call (a
    ``CaseError``, ``KnowledgeError``, ``UsageError``, ...) is raised on
    with its ``lang`` set, so that ``str(error)`` is in that language; its
    ``problems`` stay the English, structured ones a program reads.  A
    language that is not one of :data:`LANGUAGES` leaves the error in
    English (the function itself says that the language is not supported).

    Parameters
    ----------
    function : callable
        A function with a ``lang`` parameter.

    Returns
    -------
    callable
        The function, its errors in ``lang``.

    Examples
    --------
    >>> from interorg.errors import UsageError
    >>> @problems_in_lang
    ... def check(count, lang="en"):
    ...     raise UsageError(f"expected at least 2 cases; got {count}")
    >>> try:
    ...     check(1, lang="nl")
    ... except UsageError as error:
    ...     error.lang
    'nl'
    """
    signature = inspect.signature(function)
    if "lang" not in signature.parameters:
        raise TypeError(f"{function.__qualname__} takes no lang")
    default = signature.parameters["lang"].default

    @functools.wraps(function)
    def told(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except InterorgError as error:
            lang = _bound_lang(signature, args, kwargs, default)
            if isinstance(lang, str) and lang in LANGUAGES:
                error.lang = lang
            raise

    return told


def _bound_lang(signature, args, kwargs, default):
    try:
        return signature.bind_partial(*args, **kwargs).arguments.get("lang", default)
    except TypeError:  # arguments the function refused: it said so, in English
        return default
