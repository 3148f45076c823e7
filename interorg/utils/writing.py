"""Write files so that nothing is lost: atomically, keeping permissions, under a lock, with numbered backups.

Every file interorg writes (a case the scan answers into, a map, GraphML, a
report) goes through :func:`atomic_write`: the new content goes to a
temporary file in the same folder, is flushed to disk (``fsync``), and then
renamed over the file in one step, so a reader sees either the old file or
the new one, never half of it, and a failed or interrupted write leaves the
old one as it was.  Writing

* follows a symbolic link and writes the file it points to;
* keeps the file's permissions (a private ``0600`` case stays private);
* refuses a read-only file, and a folder that does not exist, with a
  :class:`~interorg.errors.WriteError` that says so;
* removes its temporary file when the process is stopped by SIGTERM, SIGHUP
  or Ctrl-C during the write (and then stops as the signal asked); only a
  SIGKILL can leave one behind, named ``.NAME.*.tmp``.

A file with several hard links is replaced by a new file under its name, as
every rename-based write does: the other names keep the earlier content.

:func:`locked` holds an exclusive lock on a file for a read-modify-write,
so that two programs updating one file (two scans of one case) cannot lose
each other's changes; :func:`backup` copies a file to the first free
numbered name (``case.yaml.bak``, ``case.yaml.bak.1``, ...), never over an
earlier backup.
"""

import contextlib
import itertools
import os
import pathlib
import signal
import stat
import tempfile
import threading

from ..errors import WriteError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory locks, writes stay atomic
    fcntl = None

__all__ = ["atomic_write", "backup", "check_writable", "locked", "write_bytes", "write_text"]


class _Interrupted(BaseException):
    """A signal arrived during a write; raised so that the temporary file is removed."""

    def __init__(self, signum):
        super().__init__(signum)
        self.signum = signum


def check_writable(path):
    """Return the file a write to ``path`` changes (a link's target); raise WriteError if it cannot be written.

    Examples
    --------
    >>> check_writable("/no/such/folder/case.yaml")
    Traceback (most recent call last):
    ...
    interorg.errors.WriteError: cannot write /no/such/folder/case.yaml: the folder /no/such/folder does not exist
    """
    given = pathlib.Path(path)
    target = pathlib.Path(os.path.realpath(given))
    if not target.parent.is_dir():
        raise WriteError(f"cannot write {given}: the folder {target.parent} does not exist")
    if target.is_dir():
        raise WriteError(f"cannot write {given}: it is a folder")
    if target.exists():
        mode = target.stat().st_mode
        # the owner's write bit, not os.access: the super-user may write anything, but a
        # file made read-only says it is not to be changed
        if not mode & stat.S_IWUSR or not os.access(target, os.W_OK):
            raise WriteError(f"cannot write {given}: the file is read-only; make it writable first")
    return target


def _mode_for(target):
    """The permissions of the file written at ``target``: those of the file there, or the default."""
    try:
        return stat.S_IMODE(target.stat().st_mode), target.stat()
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask, None


@contextlib.contextmanager
def _signals_interrupt():
    """While writing, turn SIGTERM and SIGHUP into an exception, so cleanup runs; then re-send the signal."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    signals = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]

    def interrupt(signum, _frame):
        raise _Interrupted(signum)

    previous = {signum: signal.signal(signum, interrupt) for signum in signals}
    try:
        yield
    except _Interrupted as exc:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        previous = {}
        os.kill(os.getpid(), exc.signum)  # stop as the signal asked, now that nothing is left behind
        raise KeyboardInterrupt from exc  # only reached when the signal's handler returns
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _fsync_folder(folder):
    with contextlib.suppress(OSError):  # not every system can open a folder
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


@contextlib.contextmanager
def atomic_write(path, binary=False, encoding="utf-8"):
    """Open ``path`` for writing so that it is replaced in one step when the block ends without error.

    Parameters
    ----------
    path : str or os.PathLike
        The file to write; a symbolic link is followed.
    binary : bool
        Yield a binary file instead of a text one.
    encoding : str
        The encoding of a text file.

    Yields
    ------
    file
        The temporary file to write to.

    Raises
    ------
    WriteError
        If the folder does not exist, the file is read-only or a folder, or
        the system refuses the write; the file is then as it was.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> with atomic_write(folder / "out.txt") as stream:
    ...     _ = stream.write("hello")
    >>> (folder / "out.txt").read_text()
    'hello'
    """
    target = check_writable(path)
    mode, old = _mode_for(target)
    with _signals_interrupt():
        try:
            descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        except OSError as exc:
            raise WriteError(f"cannot write {path}: {exc.strerror or exc}") from exc
        try:
            with os.fdopen(descriptor, "wb" if binary else "w", **({} if binary else {"encoding": encoding})) as stream:
                yield stream
                stream.flush()
                os.fsync(stream.fileno())
            os.chmod(temporary, mode)
            if old is not None and hasattr(os, "chown"):
                with contextlib.suppress(OSError):  # only the super-user may give a file away
                    os.chown(temporary, old.st_uid, old.st_gid)
            os.replace(temporary, target)
        except BaseException as exc:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            if isinstance(exc, OSError) and not isinstance(exc, WriteError):
                raise WriteError(f"cannot write {path}: {exc.strerror or exc}") from exc
            raise
    _fsync_folder(target.parent)


def write_text(path, text, encoding="utf-8"):
    """Write ``text`` to ``path`` atomically (see :func:`atomic_write`)."""
    with atomic_write(path, encoding=encoding) as stream:
        stream.write(text)


def write_bytes(path, data):
    """Write ``data`` to ``path`` atomically (see :func:`atomic_write`)."""
    with atomic_write(path, binary=True) as stream:
        stream.write(data)


@contextlib.contextmanager
def locked(path):
    """Hold an exclusive lock on the existing file at ``path`` while the block runs.

    Other programs that take the same lock wait; after a writer has replaced
    the file (a rename gives it a new inode), the lock is taken again on the
    file now at the path, so a waiting writer always reads the latest version.

    Raises
    ------
    WriteError
        If the file cannot be opened.
    """
    target = pathlib.Path(os.path.realpath(path))
    if fcntl is None:  # pragma: no cover
        yield
        return
    while True:
        try:
            descriptor = os.open(target, os.O_RDONLY)
        except OSError as exc:
            raise WriteError(f"cannot lock {path}: {exc.strerror or exc}") from exc
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
            if os.fstat(descriptor).st_ino == os.stat(target).st_ino:
                break
        except FileNotFoundError:
            pass
        except BaseException:
            os.close(descriptor)
            raise
        os.close(descriptor)
    try:
        yield
    finally:
        os.close(descriptor)


def backup(path):
    """Copy the file at ``path`` to the first free name of ``NAME.bak``, ``NAME.bak.1``, ...; return that name.

    An earlier backup is never overwritten: the name is claimed with an
    exclusive create.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> case = pathlib.Path(tempfile.mkdtemp()) / "case.yaml"
    >>> _ = case.write_text("name: a")
    >>> backup(case).name, backup(case).name
    ('case.yaml.bak', 'case.yaml.bak.1')
    """
    path = pathlib.Path(path)
    try:
        data = path.read_bytes()
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError as exc:
        raise WriteError(f"cannot back up {path}: {exc.strerror or exc}") from exc
    for number in itertools.count():
        candidate = path.with_name(path.name + (".bak" if number == 0 else f".bak.{number}"))
        try:
            descriptor = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        except FileExistsError:
            continue
        except OSError as exc:
            raise WriteError(f"cannot back up {path}: {exc.strerror or exc}") from exc
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        return candidate
