"""A cache of objects the process computed itself, in a directory only the user can write.

The checked knowledge base costs about half a second to read and check,
and the same files always give the same result, so it is kept between
processes.  The format is pickle: it keeps the frozen attrs records as they
are, with nothing to map back, and it is read only from files this user's
processes wrote, under the checks below; a cache file is never user input.
A file that fails any check, or cannot be read back, is ignored (and
rebuilt by the caller); so is a cache directory that another user could
write into.

* The directory is created with mode 0700 and must be owned by the user and
  not writable by group or others; a file must be a regular file (not a
  symbolic link) owned by the user and not writable by group or others.
* A file is written to a temporary name in the same directory and renamed
  into place, so two processes writing at once leave one complete file and
  a reader never sees half of one.
* Entries are named by a key the caller derives from everything the result
  depends on (a hash of the inputs and the code), so a stale entry is never
  found; older entries of the same name prefix are removed when a new one
  is written.
"""

import os
import pickle
import stat
import tempfile

__all__ = ["load", "store"]

_SUFFIX = ".pickle"


def _private(status, uid):
    """Whether a stat result is owned by ``uid`` and writable by nobody else."""
    return status.st_uid == uid and not status.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _checked_directory(directory, create):
    """``directory`` as a str when it is safe to use (created if asked), else None."""
    if not hasattr(os, "getuid"):  # no owner to check (Windows): no cache rather than an unchecked one
        return None
    directory = os.fspath(directory)
    if create:
        try:
            os.makedirs(directory, mode=0o700, exist_ok=True)
        except OSError:
            return None
    try:
        status = os.lstat(directory)
    except OSError:
        return None
    if not stat.S_ISDIR(status.st_mode) or not _private(status, os.getuid()):
        return None
    return directory


def load(directory, prefix, key):
    """The object stored under ``prefix`` and ``key`` in ``directory``, or None.

    None when there is no such entry, when the directory or the file could
    be written by another user, or when the file cannot be read back.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     written = store(folder, "numbers", "k1", [1, 2])
    ...     load(folder, "numbers", "k1"), load(folder, "numbers", "k2")
    ([1, 2], None)
    """
    directory = _checked_directory(directory, create=False)
    if directory is None:
        return None
    path = os.path.join(directory, f"{prefix}-{key}{_SUFFIX}")
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    with os.fdopen(descriptor, "rb") as file:
        status = os.fstat(file.fileno())
        if not stat.S_ISREG(status.st_mode) or not _private(status, os.getuid()):
            return None
        try:
            return pickle.load(file)
        # A truncated, corrupt or outdated file fails in many ways (EOFError,
        # UnpicklingError, AttributeError or ImportError for a class that
        # moved...); each only means the entry is rebuilt.
        except Exception:  # noqa: BLE001
            return None


def store(directory, prefix, key, value):
    """Store ``value`` under ``prefix`` and ``key`` in ``directory``; return whether it was written.

    Writing is best effort: a cache that cannot be written (a read-only home,
    a full disk, an unsafe directory) leaves the caller to compute again
    next time, and raises nothing.
    """
    directory = _checked_directory(directory, create=True)
    if directory is None:
        return False
    name = f"{prefix}-{key}{_SUFFIX}"
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=f".{prefix}-", suffix=".tmp", dir=directory)
    except OSError:
        return False
    try:
        with os.fdopen(descriptor, "wb") as file:
            pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, os.path.join(directory, name))
    except (OSError, pickle.PicklingError, TypeError, AttributeError):  # unwritable, or not picklable
        try:
            os.unlink(temporary)
        except OSError:
            pass
        return False
    for entry in os.listdir(directory):
        if entry.startswith(f"{prefix}-") and entry.endswith(_SUFFIX) and entry != name:
            try:
                os.unlink(os.path.join(directory, entry))
            except OSError:  # another process removed it first
                pass
    return True
