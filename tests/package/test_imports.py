"""What a process that only advises imports: not the research tools, not the other formats' libraries."""

import json
import subprocess
import sys
import types

import interorg

_PROBE = """
import io, json, sys, contextlib
{setup}
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("networkx", "matplotlib", "ruamel", "pandas",
                                                              "jinja2", "interorg"))
print(json.dumps(loaded))
"""


def _loaded(setup):
    # the child reads the checked knowledge from the cache this process keeps (checking it needs networkx)
    interorg.load_knowledge()
    out = subprocess.run([sys.executable, "-c", _PROBE.format(setup=setup)], check=True,
                         capture_output=True, text=True)
    return set(json.loads(out.stdout.splitlines()[-1]))


def test_importing_interorg_imports_only_its_version_and_errors():
    """``import interorg`` loads the public names when they are first used (PEP 562), the errors aside.

    The errors are imported to be told how to translate themselves; the
    translation (the knowledge base) is loaded when one is first told in
    another language.
    """
    assert _loaded("import interorg") == {"interorg", "interorg._version", "interorg.errors"}


def test_every_public_name_is_there():
    """Each name of ``__all__`` resolves, and ``dir()`` lists it."""
    for name in interorg.__all__:
        assert getattr(interorg, name) is not None
        assert name in dir(interorg)


def _strays(names, module):
    """The names of ``dir()`` that are neither public, a dunder nor a submodule of interorg."""
    def submodule(name):
        value = getattr(module, name, None)
        return isinstance(value, types.ModuleType) and value.__name__.startswith("interorg.")
    return [name for name in names if name not in module.__all__
            and not (name.startswith("__") and name.endswith("__")) and not submodule(name)]


def test_dir_shows_only_the_public_face():
    """``dir(interorg)`` lists ``__all__``, dunders and submodules: not the standard modules it imports, nor helpers."""
    out = subprocess.run([sys.executable, "-c", "import json, interorg; print(json.dumps(dir(interorg)))"],
                         check=True, capture_output=True, text=True)
    fresh = json.loads(out.stdout)
    assert set(interorg.__all__) <= set(fresh)
    assert _strays(fresh, interorg) == []
    assert _strays(dir(interorg), interorg) == []  # and after the public names and submodules are loaded


def test_advising_without_partners_needs_no_networkx():
    """A case without partners is advised on without networkx, matplotlib, ruamel.yaml or the research tools."""
    loaded = _loaded("import interorg\n"
                     "interorg.advise({'care': {'demand': 'complex', 'supply_in_municipality': False}}).to_text()")
    assert not {m for m in loaded if m.split(".")[0] in ("networkx", "matplotlib", "ruamel", "pandas", "jinja2")}
    assert not {m for m in loaded if m.startswith(("interorg.research", "interorg.cli"))}


def test_the_command_line_loads_what_advising_needs():
    """``interorg advise --example --brief`` loads neither the research tools nor networkx, ruamel.yaml or matplotlib.

    The example has partners: their structural facts come from
    interorg.analysis.ties, not from networkx.
    """
    loaded = _loaded("from interorg.cli import main\n"
                     "with contextlib.redirect_stdout(io.StringIO()):\n"
                     "    main(['advise', '--example', '--brief'])")
    assert "interorg.analysis.ties" in loaded
    assert not {m for m in loaded if m.split(".")[0] in ("networkx", "matplotlib", "ruamel", "pandas")}
    assert not {m for m in loaded if m.startswith(("interorg.research", "interorg.case.roundtrip",
                                                   "interorg.case.answers", "interorg.engine.whynot"))}


def test_the_names_for_type_checkers_are_the_public_names():
    """The imports spelled out for type checkers name each public name once, from where it is loaded."""
    import ast
    import pathlib

    tree = ast.parse(pathlib.Path(interorg.__file__).read_text(encoding="utf-8"))
    checking = next(node for node in tree.body if isinstance(node, ast.If))
    spelled = {alias.asname or alias.name: ("." * node.level + (node.module or ""), alias.name)
               for node in checking.body for alias in node.names}
    assert spelled == interorg._PUBLIC


def test_the_command_line_knows_the_coverage_levels():
    """``interorg coverage --by`` offers exactly the levels the coverage of a corpus counts by."""
    from interorg.cli.research import LEVELS
    from interorg.research.coverage import LEVELS as COUNTED

    assert LEVELS == COUNTED
