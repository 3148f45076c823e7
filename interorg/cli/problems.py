"""The problems of an input in the language of the command line.

A problem carries its message in English (the library's language for
errors, and what a program that catches :class:`interorg.CaseError` reads).
The command line writes it in the user's language: each message of
``knowledge/messages.yaml`` whose key starts with ``problem.`` is an English
pattern with ``{name}`` placeholders and its rendering; the first pattern
that matches the whole English message gives the translation, and what the
placeholders matched is translated the same way where a pattern matches it
(a description such as "a mapping", a hint such as "did you mean ...").
A message that no pattern matches stays in English.  A number the message
grouped in thousands the English way (``2,097,152``) is grouped the Dutch
way (``2.097.152``), where a comma would read as a decimal comma.
"""

import functools
import re

from ..engine.texts import PLACEHOLDER
from ..engine.wording import fill

__all__ = ["describe_error", "pattern", "translate"]

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
    problem by problem, each translated; any other error by its message.

    Examples
    --------
    >>> import interorg
    >>> error = interorg.CaseError([interorg.Problem("partners[0].size", "expected a number; got 'big'", 3, 9)], "case.yaml")
    >>> print(describe_error(error, interorg.load_knowledge().messages, "nl"))
    case.yaml: partners[0].size (regel 3, kolom 9): verwacht een getal; gekregen: 'big'
    """
    problems = getattr(error, "problems", None)
    if not problems:  # an error of several lines says one problem a line
        return "\n".join(translate(line, messages, lang) for line in str(error).split("\n"))
    prefix = f"{error.source}: " if getattr(error, "source", None) else ""
    return "\n".join((prefix if problem.file is None else "") + _located(problem, messages, lang)
                     for problem in problems)
