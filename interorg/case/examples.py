"""The example cases shipped with the knowledge base."""

import importlib.resources

from ..errors import CaseError, Problem
from ..utils.structure import describe
from .casefile import case_from_text

__all__ = ["example_case", "example_path", "example_names"]

DEFAULT = "municipal_youth_care"


def example_names():
    """Return the names of the bundled example cases, sorted."""
    folder = importlib.resources.files("interorg.knowledge") / "examples"
    return sorted(entry.name.rsplit(".", 1)[0] for entry in folder.iterdir() if entry.name.endswith(".yaml"))


def _resource(name):
    # only a name from the list: a name is never joined into a path unchecked ('../x', '/etc/passwd')
    names = example_names()
    if not isinstance(name, str) or name not in names:
        raise CaseError([Problem("", f"no bundled example {describe(name)}; expected one of {', '.join(names)}")])
    return importlib.resources.files("interorg.knowledge") / "examples" / f"{name}.yaml"


def example_path(name=DEFAULT):
    """Return a context manager giving a real file path of the bundled example ``name``.

    Examples
    --------
    >>> with example_path() as path:
    ...     path.name
    'municipal_youth_care.yaml'
    """
    return importlib.resources.as_file(_resource(name))


def example_case(name=DEFAULT):
    """Return the bundled example case ``name`` (a :class:`~interorg.Case`).

    Examples
    --------
    >>> example_case().name
    'Jeugdhulp regio Kempenland'
    """
    resource = _resource(name)
    # read as any case is, within the bounds: the examples are the user's to change
    return case_from_text(resource.read_bytes(), f"{name}.yaml")
