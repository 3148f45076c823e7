"""Exceptions raised by interorg."""

import attrs

__all__ = [
    "CaseError",
    "InterorgError",
    "KnowledgeError",
    "MissingDependency",
    "Problem",
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
    """

    path: str
    message: str
    line: int | None = None
    column: int | None = None
    file: str | None = None

    def __str__(self):
        text = self._located()
        return f"{self.file}: {text}" if self.file else text

    def _located(self):
        where = self.path
        if self.line is not None:
            position = f"line {self.line}" + (
                f", column {self.column}" if self.column is not None else ""
            )
            where = f"{where} ({position})" if where else position
        return f"{where}: {self.message}" if where else self.message


class InterorgError(Exception):
    """Base class of every error interorg raises on purpose."""


class _ProblemsError(InterorgError):
    """An input with one or more problems, all reported at once."""

    def __init__(self, problems, source=None):
        self.problems = tuple(problems)
        self.source = source
        super().__init__(str(self))

    def __str__(self):
        prefix = f"{self.source}: " if self.source else ""
        return "\n".join((prefix if problem.file is None else "") + str(problem)
                         for problem in self.problems)


class CaseError(_ProblemsError, ValueError):
    """A case (file, mapping or object) that does not describe a valid collaboration.

    Attributes
    ----------
    problems : tuple of Problem
        Every problem found, in document order.
    source : str or None
        The file name, when the case came from a file.
    """


class KnowledgeError(_ProblemsError, ValueError):
    """A knowledge base file that is malformed or inconsistent.

    Attributes
    ----------
    problems : tuple of Problem
        Every problem found; each path starts with the record's id where it
        has one.
    source : str or None
        The knowledge file (or ``knowledge`` for cross-file checks).
    """


class MissingDependency(InterorgError, ImportError):
    """An optional dependency (such as matplotlib for drawing) is not installed."""


class UnknownRule(InterorgError, KeyError):
    """A rule id that the knowledge base does not hold."""

    def __str__(self):
        return str(self.args[0]) if self.args else ""
