"""The package's layers: imports only point downwards, with no cycle, and the engine knows no domain."""

import ast
import pathlib

import networkx as nx
import pytest

import interorg

PACKAGE = pathlib.Path(interorg.__file__).parent

#: The layers from the bottom up; a module may import from its own layer and the ones below.
#: Layers on one line are siblings and may not import each other.
LAYERS = (
    ("errors", "_version"),
    ("utils",),
    ("engine", "case"),
    ("analysis",),
    ("facts",),
    ("report",),
    ("pipeline",),
    ("research",),
    ("__init__",),
    ("cli",),
    ("__main__",),
)
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}

#: What the generic engine may never import: every layer of the collaboration domain.
DOMAIN = ("case", "facts", "analysis", "report", "pipeline", "research", "cli")


def _module_name(path):
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path):
    """The interorg modules a source file imports, resolved to absolute names."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.split(".")[0] == "interorg")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "interorg":
                continue
            # "from . import x" may name a submodule; count it when it is one
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                found.add(candidate if _exists(candidate) else target)
    return found


def _exists(module):
    relative = pathlib.Path(*module.split(".")[1:])
    return (PACKAGE / relative).with_suffix(".py").exists() or (PACKAGE / relative / "__init__.py").exists()


def _layer(module):
    parts = module.split(".")
    return "__init__" if len(parts) == 1 else parts[1]


def _graph():
    graph = nx.DiGraph()
    for path in sorted(PACKAGE.rglob("*.py")):
        if "knowledge" in path.relative_to(PACKAGE).parts:
            continue
        source = _module_name(path)
        graph.add_node(source)
        for target in _imports(path):
            graph.add_edge(source, target)
    return graph


def test_every_module_is_in_a_layer():
    """Each module of the package belongs to one of the declared layers."""
    unknown = sorted({_layer(module) for module in _graph()} - set(RANK))
    assert unknown == [], f"modules outside the declared layers: {unknown}"


def test_no_import_cycle():
    """No module of the package imports itself through others."""
    graph = _graph()
    graph.remove_edges_from(nx.selfloop_edges(graph))
    cycles = list(nx.simple_cycles(graph))
    assert cycles == [], f"import cycles: {cycles[:5]}"


def test_no_upward_or_sideways_import():
    """A module imports only from its own layer or a lower one, never from a sibling layer."""
    wrong = []
    for source, target in _graph().edges:
        a, b = _layer(source), _layer(target)
        if a == b:
            continue
        if RANK[b] >= RANK[a]:
            wrong.append(f"{source} -> {target}")
    assert wrong == [], "imports that point up or sideways:\n" + "\n".join(wrong)


def test_engine_imports_nothing_of_the_domain():
    """The generic engine runs any knowledge base: it imports no layer of the collaboration domain."""
    engine = [module for module in _graph() if _layer(module) == "engine"]
    assert engine, "no engine modules found"
    wrong = [(source, target) for source in engine for target in _graph().successors(source)
             if _layer(target) in DOMAIN]
    assert wrong == []


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_modules_are_small(path):
    """No module is over about 400 lines: one concept per module."""
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= 420, f"{path.name} has {lines} lines"


def test_knowledge_files_are_small():
    """No knowledge file is over about 600 lines."""
    root = PACKAGE.parent / "knowledge"
    if not root.is_dir():  # an installed wheel has the knowledge inside the package
        root = pathlib.Path(str(__import__("importlib.resources").resources.files("interorg.knowledge")))
    large = {str(path.relative_to(root)): n for path in root.rglob("*.yaml")
             if (n := len(path.read_text(encoding="utf-8").splitlines())) > 620}
    assert large == {}


def test_the_checker_sees_a_cycle(tmp_path, monkeypatch):
    """The graph test would fail on a cycle: two modules importing each other are found."""
    pkg = tmp_path / "interorg"
    (pkg / "engine").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "engine" / "__init__.py").write_text("")
    (pkg / "engine" / "a.py").write_text("from . import b\n")
    (pkg / "engine" / "b.py").write_text("from .a import thing\nfrom ..report import x\n")
    (pkg / "report").mkdir()
    (pkg / "report" / "__init__.py").write_text("")
    monkeypatch.setattr(__import__(__name__), "PACKAGE", pkg)
    graph = _graph()
    assert ["interorg.engine.a", "interorg.engine.b"] in [sorted(c) for c in nx.simple_cycles(graph)]
    assert graph.has_edge("interorg.engine.b", "interorg.report")
