"""What the readers of documents share: a document with the positions of its values, and a refusal with its mark."""

import attrs

from ..errors import Problem

__all__ = ["Document", "Refused", "parent_path"]


class Refused(Exception):
    """Something in the document that is read no further, with where it stands."""

    def __init__(self, message, mark=None, path=""):
        super().__init__(message)
        self.message = message
        self.mark = mark
        self.path = path

    def problem(self):
        line, column = (self.mark.line + 1, self.mark.column + 1) if self.mark else (None, None)
        return Problem(self.path, self.message, line, column)


def parent_path(path):
    """Return the path one level up: ``a.b[2]`` -> ``a.b`` -> ``a`` -> ``''``."""
    cut = max(path.rfind("."), path.rfind("["))
    return path[:cut] if cut > 0 else ""


class Document:
    """Data read from a file, with the position of each value by path.

    Attributes
    ----------
    data : object
        The plain data (dicts, lists, str, numbers, bools, None).
    name : str
        The file name, for messages.
    positions : mapping
        ``{path: (line, column)}``, 1-based.
    problems : list of Problem
        What is wrong with the document that did not stop it from being
        read (a key given twice, the later value kept); the reader that
        asked to keep going reports them with the problems of its values.
    """

    def __init__(self, data, name, positions=None, problems=()):
        self.data = data
        self.name = name
        self.positions = positions or {}
        self.problems = list(problems)

    def problem(self, path, message):
        """A problem at ``path`` of this document, naming its file, with its line and column where known."""
        return attrs.evolve(self.locate(Problem(path, message)), file=self.name)

    def locate(self, problem):
        """Return ``problem`` with the line and column of its path, where known."""
        path = problem.path
        while path and path not in self.positions:
            path = parent_path(path)
        if problem.line is None and path in self.positions:
            line, column = self.positions[path]
            return Problem(problem.path, problem.message, line, column)
        return problem
