"""A copy of a knowledge folder to edit: the shipped knowledge, or a folder of one's own, written into a new folder.

The copy holds every file of the folder it is made from (the rules, the
vocabulary, the messages, the source texts, the examples and the README
that documents the format), without Python's files (``__init__.py``,
``__pycache__``), which no knowledge base is read from, and without hidden
folders (a ``.git``), which are the folder's tools', not its knowledge.  A
link to a folder that holds it is not followed.  Unedited, it loads
as the same knowledge (:attr:`~interorg.KnowledgeBase.fingerprint` is a hash
of the files, not of their place), under the copy's own name.
"""

import importlib.resources
import os
import pathlib

from ..analysis.fingerprint import BUNDLED, folder_files
from ..analysis.knowledge import knowledge_base
from ..errors import UsageError, WriteError
from ..utils.writing import write_bytes

__all__ = ["copy_knowledge"]

#: What a knowledge folder holds that is Python's, not knowledge.
_PYTHON = (".py", ".pyc", ".pyo")


def _origin(knowledge):
    """The folder ``knowledge`` was read from: its own, or the shipped package's."""
    if knowledge.folder is not None:
        return pathlib.Path(knowledge.folder)
    if knowledge.name == BUNDLED:
        return importlib.resources.files("interorg.knowledge")
    raise UsageError("knowledge: a knowledge base built or changed in Python has no folder to copy;"
                     " give the path of its folder, or none for the shipped knowledge")


def _check_target(target, origin):
    """Refuse a target that is a file, a folder with something in it, or inside the folder copied."""
    if target.exists() and not target.is_dir():
        raise UsageError(f"{target} is a file; expected a new or empty folder to copy the knowledge into")
    if target.is_dir() and any(target.iterdir()):
        raise UsageError(f"{target} is a folder with files in it; expected a new or empty folder to copy the"
                         " knowledge into (nothing is overwritten)")
    if isinstance(origin, pathlib.Path):
        inside, of = os.path.realpath(target), os.path.realpath(origin)
        if os.path.commonpath([inside, of]) == of:
            raise UsageError(f"{target} is inside the knowledge folder {origin}; choose a folder outside it")
    if not target.parent.is_dir():
        raise WriteError(f"cannot write {target}: the folder {target.parent} does not exist")


def copy_knowledge(folder, knowledge=None):
    """Write a copy of a knowledge folder into ``folder``, to edit and load with :func:`~interorg.load_knowledge`.

    Parameters
    ----------
    folder : str or os.PathLike
        A folder that does not exist yet (its parent does) or is empty.
    knowledge : KnowledgeBase, str or os.PathLike, optional
        The knowledge to copy, or the path of its folder; by default the
        knowledge shipped with interorg.  It is loaded, and so checked,
        first: only a knowledge base that loads is copied.

    Returns
    -------
    tuple of str
        The files written, by their paths inside ``folder``, in path order.

    Raises
    ------
    UsageError
        If ``folder`` is a file, a folder with files in it or inside the
        folder copied, or if ``knowledge`` was built in Python and has no
        folder.
    KnowledgeError
        If the knowledge does not load.
    WriteError
        If the parent of ``folder`` does not exist, or a file cannot be written.

    Examples
    --------
    >>> import pathlib, tempfile, interorg
    >>> with tempfile.TemporaryDirectory() as where:
    ...     written = copy_knowledge(pathlib.Path(where, "my_rules"))
    ...     copied = interorg.load_knowledge(pathlib.Path(where, "my_rules"))
    >>> "rules/kenis_need.yaml" in written, "__init__.py" in written
    (True, False)
    >>> copied.name, copied.fingerprint == interorg.load_knowledge().fingerprint
    ('my_rules', True)
    """
    knowledge = knowledge_base(knowledge)
    origin = _origin(knowledge)
    target = pathlib.Path(folder)
    _check_target(target, origin)
    written = []
    for path, entry in folder_files(origin, _PYTHON, descend=_not_hidden):
        destination = target.joinpath(*path.split("/"))
        destination.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(destination, entry.read_bytes())
        written.append(path)
    return tuple(written)


def _not_hidden(path):
    return not path.rpartition("/")[2].startswith(".")
