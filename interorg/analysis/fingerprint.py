"""What identifies a knowledge base: a hash of the files it is read from, and the key of its cache.

An advice says which knowledge base drew it (:attr:`KnowledgeBase.fingerprint
<interorg.KnowledgeBase.fingerprint>`), so that two advice drawn from
different rules are not compared as if they were drawn alike.  The
fingerprint is a hash of the knowledge files alone: their paths inside the
folder, their sizes and their bytes, in path order.  No absolute path, no
time of change and no hash seed enters it, so the same files give the same
fingerprint on every machine and in every process, whether they are the
shipped package's files or a copy of them in a folder of one's own.

The knowledge files are the files a knowledge base is read from: the YAML
files at the top of the folder and in its folders of knowledge
(:data:`KNOWLEDGE_FOLDERS`: the vocabulary, the rules, the messages) and
the source texts (``sources/``).  The example cases (``examples/``) are
cases, not knowledge; the README and the package's ``__init__.py`` say
nothing the rules read; any other folder (a ``.git``, a virtual
environment, a folder that is not a knowledge folder at all) is not read,
so it is not walked either.  A change to any of those leaves the
fingerprint as it was; a change to one rule, message or source text
changes it.

The shipped knowledge is kept, checked, in the user's cache directory
(:mod:`interorg.utils.cache`) under :func:`cache_key`: the fingerprint with
interorg's code, version and Python's, so that one hash of the knowledge
files serves both.
"""

import hashlib
import importlib.resources
import sys

from ..engine.explaining import version
from ..engine.folders import read_folder, real_folder

__all__ = ["BUNDLED", "KNOWLEDGE_FOLDERS", "cache_key", "fingerprint", "folder_files", "hash_files"]

#: The name of the knowledge shipped with interorg; a folder's is its own name.
BUNDLED = "bundled"
#: How many hexadecimal digits of the hash a fingerprint keeps: 64 bits, short enough to read.
DIGITS = 16
#: The folders of a knowledge folder that knowledge files are read from (the loader's, and the source texts).
KNOWLEDGE_FOLDERS = ("messages", "rules", "sources", "vocabulary")


def folder_files(folder, skip=(".pyc", ".pyo"), relative="", descend=None):
    """``(relative path, traversable)`` of every file under ``folder``, in path order.

    ``__pycache__`` folders and files whose names end in one of ``skip``
    are left out, and so are the folders ``descend(path)`` refuses (None:
    none), and what is not a regular file (a pipe, a link to nothing).  A
    link to a folder that holds it is not followed: it would give the same
    files again, without end.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     written = pathlib.Path(folder, "rules").mkdir(), pathlib.Path(folder, "rules", "a.yaml").write_text("")
    ...     pathlib.Path(folder, "rules", "loop").symlink_to(folder)
    ...     [path for path, _entry in folder_files(pathlib.Path(folder))]
    ['rules/a.yaml']
    """
    yield from _files(folder, skip, relative, descend, (real_folder(folder),))


def _files(folder, skip, relative, descend, within):
    for entry in sorted(folder.iterdir(), key=lambda entry: entry.name):
        path = f"{relative}/{entry.name}" if relative else entry.name
        if entry.is_dir():
            real = real_folder(entry)
            if entry.name != "__pycache__" and (real is None or real not in within) and (
                    descend is None or descend(path)):
                yield from _files(entry, skip, path, descend, within + (real,))
        elif entry.is_file() and not entry.name.endswith(skip):
            # a regular file: a pipe would never end, a dangling link has nothing to read (the loader says so)
            yield path, entry


def hash_files(digest, folder, label, keep=None, descend=None):
    """Feed ``digest`` every file under ``folder`` that ``keep(path)`` keeps (all by default): path, size, bytes.

    The path is the file's path inside ``folder`` with ``/`` between its
    parts, after ``label``; the files come in the order of their paths.
    ``descend`` is that of :func:`folder_files`.

    Examples
    --------
    >>> import hashlib, pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     written = pathlib.Path(folder, "a.yaml").write_bytes(b"about: a\\n")
    ...     digest = hashlib.sha256()
    ...     hash_files(digest, pathlib.Path(folder), "knowledge")
    >>> digest.hexdigest() == hashlib.sha256(b"knowledge/a.yaml 9\\nabout: a\\n").hexdigest()
    True
    """
    for path, entry in folder_files(folder, descend=descend):
        if keep is None or keep(path):
            content = entry.read_bytes()
            digest.update(f"{label}/{path} {len(content)}\n".encode())
            digest.update(content)


def _knowledge_file(path):
    """Whether the file at ``path`` (inside a knowledge folder) is one a knowledge base is read from or cites."""
    return path.endswith((".yaml", ".yml", ".txt"))


def _knowledge_folder(path):
    """Whether the folder at ``path`` (inside a knowledge folder) holds knowledge files: the loader reads it.

    The folders of :data:`KNOWLEDGE_FOLDERS` and those in them that the
    loader reads (:func:`~interorg.engine.folders.read_folder`).
    """
    top, _, rest = path.partition("/")
    return top in KNOWLEDGE_FOLDERS and (not rest or read_folder(path.rpartition("/")[2]))


def fingerprint(folder):
    """The fingerprint of the knowledge files under ``folder``: 16 hexadecimal digits.

    Parameters
    ----------
    folder : pathlib.Path or importlib.resources.abc.Traversable
        A knowledge folder, or the shipped one
        (``importlib.resources.files("interorg.knowledge")``).

    Examples
    --------
    >>> import importlib.resources
    >>> found = fingerprint(importlib.resources.files("interorg.knowledge"))
    >>> len(found), found == fingerprint(importlib.resources.files("interorg.knowledge"))
    (16, True)
    """
    digest = hashlib.sha256()
    hash_files(digest, folder, "knowledge", _knowledge_file, _knowledge_folder)
    return digest.hexdigest()[:DIGITS]


def cache_key(knowledge_fingerprint):
    """A hash of everything the checked knowledge depends on: its files' fingerprint, interorg's code and version, Python.

    The code is part of the key (not only the version number) so that an
    edited source tree never reads records pickled by other code.
    """
    digest = hashlib.sha256()
    digest.update(f"{version()} {sys.version_info[:2]} {knowledge_fingerprint}".encode())
    hash_files(digest, importlib.resources.files("interorg"), "code", lambda path: path.endswith(".py"))
    return digest.hexdigest()[:32]
