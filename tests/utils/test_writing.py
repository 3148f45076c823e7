"""Atomic writing: permissions kept, links followed, read-only refused, backups numbered, nothing left on a signal."""

import os
import signal
import stat
import subprocess
import sys
import textwrap

import pytest

from interorg.errors import WriteError
from interorg.utils.writing import atomic_write, backup, write_text


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_permissions_are_kept(tmp_path):
    """A private file stays private after it is written."""
    path = tmp_path / "case.yaml"
    path.write_text("name: a\n")
    path.chmod(0o600)
    write_text(path, "name: b\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and path.read_text() == "name: b\n"


def test_symlink_is_followed(tmp_path):
    """Writing through a symbolic link changes its target and keeps the link."""
    target = tmp_path / "real.yaml"
    target.write_text("name: a\n")
    link = tmp_path / "case.yaml"
    link.symlink_to(target)
    write_text(link, "name: b\n")
    assert link.is_symlink() and target.read_text() == "name: b\n"


def test_read_only_file_is_refused(tmp_path):
    """A read-only file is not replaced: a WriteError says why, and the file is as it was."""
    path = tmp_path / "case.yaml"
    path.write_text("name: a\n")
    path.chmod(0o444)
    with pytest.raises(WriteError, match="the file is read-only"):
        write_text(path, "name: b\n")
    assert path.read_text() == "name: a\n" and leftovers(tmp_path) == []


def test_missing_folder_is_a_clear_error(tmp_path):
    """A folder that does not exist is named in the error."""
    with pytest.raises(WriteError, match="the folder .*nowhere does not exist"):
        write_text(tmp_path / "nowhere" / "map.svg", "x")


def test_failed_write_leaves_the_file_untouched(tmp_path):
    """An error while writing leaves the old content and no temporary file."""
    path = tmp_path / "case.yaml"
    path.write_text("name: a\n")
    with pytest.raises(RuntimeError):
        with atomic_write(path) as stream:
            stream.write("name: half")
            raise RuntimeError("disk full")
    assert path.read_text() == "name: a\n" and leftovers(tmp_path) == []


def test_backups_are_numbered_never_overwritten(tmp_path):
    """Each backup takes the next free name, so every earlier version is kept."""
    path = tmp_path / "case.yaml"
    for version in ("one", "two", "three"):
        path.write_text(version)
        backup(path)
    assert [(tmp_path / name).read_text() for name in ("case.yaml.bak", "case.yaml.bak.1", "case.yaml.bak.2")] == [
        "one", "two", "three"]


@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or os.name != "posix", reason="POSIX signals")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_signal_during_a_write_leaves_the_original(tmp_path, signum):
    """A write stopped by SIGTERM or Ctrl-C leaves the file as it was and no temporary file."""
    path = tmp_path / "case.yaml"
    path.write_text("name: original\n")
    script = textwrap.dedent(f"""
        import sys, time
        from interorg.utils.writing import atomic_write
        with atomic_write({str(path)!r}) as stream:
            stream.write("name: half")
            stream.flush()
            print("writing", flush=True)
            time.sleep(120)
    """)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stdout.readline() == b"writing\n"
    child.send_signal(signum)
    child.wait(timeout=60)
    assert child.returncode != 0
    assert path.read_text() == "name: original\n" and leftovers(tmp_path) == []
