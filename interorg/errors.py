"""Exceptions raised by interorg.

An error is told in the language of the call that raised it (``lang``):
``str(error)`` is in that language, while its ``problems`` keep their
English messages and paths for a program to read.  The translation is not
done here (this module imports nothing of interorg): the package gives it
with :func:`_use_translator` when it is imported.
"""

import copy

import attrs

__all__ = [
    "AmbiguousKey",
    "CaseError",
    "InterorgError",
    "KnowledgeError",
    "MAX_PROBLEMS_KEPT",
    "MissingDependency",
    "NotConcluded",
    "Problem",
    "UsageError",
    "WriteError",
    "UnknownRule",
]


@attrs.frozen
class Problem:
    """One thing wrong with an input, at one place in it.

    Attributes
    ----------
    path : str
        Where in the input, as ``partners[2].trust``; empty for the whole
        document.
    message : str
        What was expected and what was found.
    line, column : int or None
        1-based position in the file, where the reader knows it.
    file : str or None
        The file, where problems of several files are reported together.

    The message is in English, as a program reads it; :meth:`message_in`
    gives it in another language.
    """

    path: str
    message: str
    line: int | None = None
    column: int | None = None
    file: str | None = None

    def __str__(self):
        text = self._located()
        return f"{self.file}: {text}" if self.file else text

    def message_in(self, lang):
        """The message in ``lang``; the English :attr:`message` where it has no translation.

        Examples
        --------
        >>> import interorg
        >>> problem = interorg.Problem("care.demand", "expected a number; got 'veel'")
        >>> problem.message_in("nl")
        "verwacht een getal; gekregen: 'veel'"
        >>> problem.message_in("en") == problem.message
        True
        """
        return _told(self.message, lambda: self.message, lang)

    def _located(self):
        where = self.path
        if self.line is not None:
            position = f"line {self.line}" + (
                f", column {self.column}" if self.column is not None else ""
            )
            where = f"{where} ({position})" if where else position
        return f"{where}: {self.message}" if where else self.message


#: ``translator(subject, lang)``: an error, or a problem's English message, told in ``lang``;
#: set by the package (interorg/__init__.py), None until then.
_translator = None


def _use_translator(translator):
    """Tell errors and problems in other languages with ``translator(subject, lang)``."""
    global _translator
    _translator = translator


def _told(subject, english, lang):
    """``subject`` in ``lang``; ``english()`` gives its English (built only when it is the one told)."""
    if lang == "en" or _translator is None:
        return english()
    try:
        return _translator(subject, lang)
    except InterorgError:
        # the bundled knowledge that holds the translations cannot be read: str() of an error
        # must not fail, so the error is told in English (its own problem shows elsewhere)
        return english()


class InterorgError(Exception):
    """Base class of every error interorg raises on purpose.

    Attributes
    ----------
    lang : str
        The language ``str(error)`` is told in: that of the call that raised
        it, ``'en'`` by default.
    """

    lang = "en"

    def in_language(self, lang):
        """The same error, told in ``lang``.

        Parameters
        ----------
        lang : {'en', 'nl'}

        Returns
        -------
        InterorgError
            A copy of the error of the same type, with the same problems (or
            message), cause and traceback, whose ``str()`` is in ``lang``.

        Examples
        --------
        >>> import interorg
        >>> error = interorg.CaseError([interorg.Problem("care.demand", "expected a number; got 'veel'")])
        >>> str(error.in_language("nl"))
        "care.demand: verwacht een getal; gekregen: 'veel'"
        >>> str(error.in_language("nl").in_language("en")) == str(error)
        True
        """
        told = copy.copy(self)
        told.lang = lang
        told.__cause__, told.__context__ = self.__cause__, self.__context__
        told.__suppress_context__ = self.__suppress_context__
        return told.with_traceback(self.__traceback__)

    def __str__(self):
        return _told(self, self._english, self.lang)

    def _english(self):
        return super().__str__()


#: The most problems an error keeps; the rest are only counted (``more``), so that an input
#: with a hundred thousand mistakes costs no more to report than one with a thousand.
MAX_PROBLEMS_KEPT = 1000


class _ProblemsError(InterorgError):
    """An input with one or more problems, all reported at once (up to :data:`MAX_PROBLEMS_KEPT`)."""

    def __init__(self, problems, source=None, more=0, lang="en"):
        kept = []
        for problem in problems:  # an iterator is read no further than what is kept, and counted
            if len(kept) < MAX_PROBLEMS_KEPT:
                kept.append(problem)
            else:
                more += 1
        self.problems = tuple(kept)
        self.source = source
        self.more = more
        self.lang = lang
        # the text is built when it is asked for (str()), not here: a caller that only
        # reads the problems never pays for a text of thousands of lines
        super().__init__()

    def __reduce__(self):
        return type(self), (self.problems, self.source, self.more, self.lang)

    def __repr__(self):
        return f"{type(self).__name__}({len(self.problems) + self.more} problem(s), source={self.source!r})"

    def _english(self):
        prefix = f"{self.source}: " if self.source else ""
        lines = [(prefix if problem.file is None else "") + str(problem) for problem in self.problems]
        if self.more:
            lines.append(f"... and {self.more:,} more problems")
        return "\n".join(lines)


class CaseError(_ProblemsError, ValueError):
    """A case (file, mapping or object) that does not describe a valid collaboration.

    Attributes
    ----------
    problems : tuple of Problem
        Every problem found, in document order (the first
        :data:`MAX_PROBLEMS_KEPT` of them).
    source : str or None
        The file name, when the case came from a file.
    more : int
        How many more problems were found and not kept.
    lang : str
        The language ``str(error)`` is told in (see
        :meth:`InterorgError.in_language`); the problems stay in English.
    """


class KnowledgeError(_ProblemsError, ValueError):
    """A knowledge base file that is malformed or inconsistent.

    Attributes
    ----------
    problems : tuple of Problem
        Every problem found; each path starts with the record's id where it
        has one (the first :data:`MAX_PROBLEMS_KEPT` of them).
    source : str or None
        The knowledge file (or ``knowledge`` for cross-file checks).
    more : int
        How many more problems were found and not kept.
    lang : str
        The language ``str(error)`` is told in (see
        :meth:`InterorgError.in_language`); the problems stay in English.
    """


class MissingDependency(InterorgError, ImportError):
    """An optional dependency (such as matplotlib for drawing) is not installed."""


class AmbiguousKey(InterorgError, KeyError):
    """A conclusion looked up by a rule id that was drawn for several subjects.

    ``keys`` lists the unique keys (``id[subject]``) to use instead.
    """

    def __init__(self, key, keys):
        self.key = key
        self.keys = tuple(keys)
        super().__init__(f"'{key}' was concluded for {len(self.keys)} subjects; use one of: {', '.join(self.keys)}")

    def __reduce__(self):
        return type(self), (self.key, self.keys), self.__dict__

    def _english(self):
        return self.args[0]


class UsageError(InterorgError, ValueError):
    """A command asked for in a way that cannot work (a wrong file suffix, too few cases); exit code 2."""


class WriteError(InterorgError, OSError):
    """A file interorg was asked to write that cannot be written; what was there is left untouched."""


class NotConcluded(InterorgError, KeyError):
    """A key that names no conclusion of an advice: a rule that did not fire on the case, or no rule at all."""

    def _english(self):
        return str(self.args[0]) if self.args else ""


class UnknownRule(InterorgError, KeyError):
    """A rule id that the knowledge base does not hold."""

    def _english(self):
        return str(self.args[0]) if self.args else ""
