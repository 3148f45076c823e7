"""The example cases shipped with the knowledge base."""

import importlib.resources

from ..utils import documents
from .casefile import case_from_dict
from ..errors import CaseError, Problem

__all__ = ["example_case", "example_path", "example_names"]

DEFAULT = "municipal_youth_care"


def example_names():
    """Return the names of the bundled example cases, sorted."""
    folder = importlib.resources.files("interorg.knowledge") / "examples"
    return sorted(entry.name.rsplit(".", 1)[0] for entry in folder.iterdir() if entry.name.endswith(".yaml"))


def _resource(name):
    resource = importlib.resources.files("interorg.knowledge") / "examples" / f"{name}.yaml"
    if not resource.is_file():
        raise CaseError([Problem("", f"no bundled example '{name}'; expected one of {', '.join(example_names())}")])
    return resource


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
    document = documents.parse_document(resource.read_text(encoding="utf-8"), f"{name}.yaml", CaseError)
    return case_from_dict(document.data, document.name, _document=document)
