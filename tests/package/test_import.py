"""Importing interorg: experta works on Python 3.10+ and the host's logging is left alone."""

import subprocess
import sys
import textwrap


def _python(code):
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_root_logger_untouched():
    """Importing interorg (and so experta) leaves the root logger's handlers and level as they were."""
    out = _python("""
        import logging
        root = logging.getLogger()
        before = (list(root.handlers), root.level)
        import interorg
        interorg.advise(interorg.example_case())
        print((list(root.handlers), root.level) == before, len(root.handlers))
    """)
    assert out.split() == ["True", "0"]


def test_root_logger_keeps_the_hosts_handler():
    """A program that configured logging first keeps exactly its own configuration."""
    out = _python("""
        import logging
        logging.basicConfig(level=logging.WARNING, format="%(message)s")
        root = logging.getLogger()
        before = (list(root.handlers), root.level)
        import interorg
        print((list(root.handlers), root.level) == before)
    """)
    assert out.split() == ["True"]


def test_collections_is_not_left_patched():
    """The collections.Mapping alias experta's frozendict needs is gone after import."""
    out = _python("""
        import collections, interorg
        print(hasattr(collections, "Mapping"))
    """)
    assert out.split() == ["False"]


def test_experta_really_runs():
    """The experta interorg imports is the real engine: a rule fires."""
    out = _python("""
        from interorg.engine._experta import experta
        class E(experta.KnowledgeEngine):
            @experta.Rule(experta.Fact(a=1))
            def r(self):
                print("fired")
        e = E(); e.reset(); e.declare(experta.Fact(a=1)); e.run()
    """)
    assert out.split() == ["fired"]


def test_version_comes_from_metadata():
    """__version__ is the installed distribution's version."""
    import importlib.metadata

    import interorg

    assert interorg.__version__ == importlib.metadata.version("interorg")


def test_public_api_is_sorted_and_complete():
    """__all__ is sorted and every name in it exists."""
    import interorg

    assert interorg.__all__ == sorted(interorg.__all__)
    assert all(hasattr(interorg, name) for name in interorg.__all__)
