"""How a knowledge folder is walked: which folders in it are read, and when a folder is one met already.

The loader (:mod:`.loading`) reads the YAML files of the vocabulary, the
rules and the messages, in their folders and the folders in them, but not
a folder whose name starts with ``_`` or ``.`` (drafts, a ``.git``).  A
symbolic link to a folder that holds it would give the same files again
without end: a walk compares each folder's real path with those of the
folders it is in.  The fingerprint of a knowledge base
(:mod:`interorg.analysis.fingerprint`) walks by the same two rules, so
that it covers the files the loader reads, and no others.
"""

import os
import pathlib

__all__ = ["read_folder", "real_folder"]


def read_folder(name):
    """Whether the loader reads a folder of this name inside one of its folders: not a ``_drafts`` or a ``.git``.

    Examples
    --------
    >>> read_folder("diagnosis_archetypes"), read_folder("_drafts"), read_folder(".git")
    (True, False, False)
    """
    return not name.startswith(("_", "."))


def real_folder(entry):
    """The folder ``entry`` is, its links followed: None for one inside a package that is no folder on disk.

    Two entries with the same real folder are one folder: a walk that meets
    one inside the other has met a link back, a loop.

    Examples
    --------
    >>> import pathlib
    >>> real_folder(pathlib.Path("/tmp/../tmp")), real_folder(object())
    ('/tmp', None)
    """
    return os.path.realpath(entry) if isinstance(entry, pathlib.PurePath) else None
