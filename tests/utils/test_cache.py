"""The cache of checked knowledge: private, atomic, and ignored when stale, unsafe or unreadable."""

import importlib.resources
import multiprocessing
import os

import pytest

import interorg
from interorg.analysis import fingerprint
from interorg.analysis import knowledge as shipped
from interorg.utils import cache

pytestmark = pytest.mark.skipif(not hasattr(os, "getuid"), reason="the cache needs file owners to check")


def test_round_trip(tmp_path):
    """What is stored under a key is loaded back under it, and nothing under another key."""
    assert cache.store(tmp_path / "c", "things", "k1", {"a": (1, 2)})
    assert cache.load(tmp_path / "c", "things", "k1") == {"a": (1, 2)}
    assert cache.load(tmp_path / "c", "things", "k2") is None


def test_new_entry_replaces_older_ones(tmp_path):
    """Writing an entry removes the other entries of the same prefix (a stale key is never read again)."""
    cache.store(tmp_path, "things", "old", 1)
    cache.store(tmp_path, "things", "new", 2)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["things-new.pickle"]


def test_directory_created_private(tmp_path):
    """The cache directory is created readable and writable by the user only."""
    cache.store(tmp_path / "c", "things", "k", 1)
    assert (tmp_path / "c").stat().st_mode & 0o777 == 0o700


def test_directory_others_can_write_is_not_trusted(tmp_path):
    """A cache directory writable by group or others is neither read nor written."""
    folder = tmp_path / "c"
    cache.store(folder, "things", "k", 1)
    folder.chmod(0o777)
    assert cache.load(folder, "things", "k") is None
    assert not cache.store(folder, "things", "k2", 2)


def test_file_others_can_write_is_not_trusted(tmp_path):
    """An entry writable by group or others is not read."""
    cache.store(tmp_path, "things", "k", 1)
    (tmp_path / "things-k.pickle").chmod(0o666)
    assert cache.load(tmp_path, "things", "k") is None


def test_symbolic_link_is_not_followed(tmp_path):
    """An entry that is a symbolic link is not read, wherever it points."""
    cache.store(tmp_path, "things", "k", 1)
    (tmp_path / "things-k.pickle").rename(tmp_path / "elsewhere")
    (tmp_path / "things-k.pickle").symlink_to(tmp_path / "elsewhere")
    assert cache.load(tmp_path, "things", "k") is None


@pytest.mark.parametrize("content", [b"", b"not a pickle", b"\x80\x05\x95\xff"])
def test_unreadable_entry_is_ignored(tmp_path, content):
    """A truncated or corrupt entry loads as nothing, so the caller rebuilds it."""
    path = tmp_path / "things-k.pickle"
    path.write_bytes(content)
    path.chmod(0o600)
    assert cache.load(tmp_path, "things", "k") is None


def _writer(folder, number):
    for round_ in range(30):
        cache.store(folder, "things", "k", [number] * 1000)


def test_concurrent_writers_leave_a_whole_entry(tmp_path):
    """Processes writing the same entry at once leave one complete value, never a mix or a half."""
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_writer, args=(tmp_path, n)) for n in range(3)]
    for worker in workers:
        worker.start()
    seen = []
    while any(worker.is_alive() for worker in workers):
        seen.append(cache.load(tmp_path, "things", "k"))
    for worker in workers:
        worker.join()
    seen.append(cache.load(tmp_path, "things", "k"))
    values = [value for value in seen if value is not None]
    assert values and all(len(set(value)) == 1 and len(value) == 1000 for value in values)
    assert not [path for path in tmp_path.iterdir() if path.suffix == ".tmp"]


def test_shipped_knowledge_is_cached_and_equal(tmp_path, monkeypatch):
    """The knowledge read back from the cache equals the one read and checked from the files."""
    monkeypatch.setenv(shipped.CACHE_VARIABLE, str(tmp_path))
    shipped._load_default.cache_clear()
    try:
        built = shipped.load_knowledge()
        assert len(list(tmp_path.glob("knowledge-*.pickle"))) == 1
        shipped._load_default.cache_clear()
        cached = shipped.load_knowledge()
        assert cached is not built and cached == built
        assert interorg.advise(interorg.example_case(), knowledge=cached) == interorg.advise(
            interorg.example_case(), knowledge=built)
    finally:
        shipped._load_default.cache_clear()


def test_key_changes_with_the_knowledge_files(tmp_path):
    """The cache key is a hash of the knowledge files: a changed file gives another key."""
    import shutil

    root = importlib.resources.files("interorg.knowledge")
    copy = tmp_path / "knowledge"
    shutil.copytree(str(root), copy)
    before = fingerprint.cache_key(fingerprint.fingerprint(copy))
    models = copy / "models.yaml"
    models.write_text(models.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert fingerprint.cache_key(fingerprint.fingerprint(copy)) != before
    assert fingerprint.cache_key(fingerprint.fingerprint(root)) == fingerprint.cache_key(fingerprint.fingerprint(root))


def test_cache_can_be_switched_off(tmp_path, monkeypatch):
    """An empty INTERORG_CACHE_DIR keeps the knowledge nowhere."""
    monkeypatch.setenv(shipped.CACHE_VARIABLE, "")
    assert shipped._cache_directory() is None
