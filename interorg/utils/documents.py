"""Read YAML and JSON documents strictly, keeping where each value stood.

YAML is read with PyYAML's safe loader (on libyaml's parser where PyYAML
has it), parsed once per document, and changed in three ways that keep a
user's data from being lost or silently changed:

* only ``true`` and ``false`` are booleans (as in YAML 1.2), so ``no``,
  ``yes``, ``on`` and ``off`` stay text instead of turning into booleans;
* a key given twice in one mapping is an error, not a silent overwrite;
* the line and column of every value is kept, so a problem found later can
  point into the file.
"""

import json
import pathlib
import re

import yaml

from ..errors import Problem
from .structure import join_path

__all__ = ["Document", "PURE_LOADER", "read_document", "parse_document"]


#: libyaml's parser where PyYAML was built with it (about ten times faster), else PyYAML's own.
#: Only the parser differs: resolving tags and constructing values stay in
#: Python, with the strict rules below, so both read a file the same way.
_BaseLoader = getattr(yaml, "CSafeLoader", None) if yaml.__with_libyaml__ else None
_BaseLoader = _BaseLoader or yaml.SafeLoader


class _StrictLoader(_BaseLoader):
    """SafeLoader with YAML 1.2 booleans, dates read as text, and an error for duplicate keys."""


class _PureStrictLoader(yaml.SafeLoader):
    """The same rules on PyYAML's pure-Python parser (the fallback without libyaml)."""


def _strict_booleans(loader):
    # YAML 1.2 has no implicit timestamps: a date such as 2026-03-01 stays the text it looks like,
    # so that a case file and its JSON twin give the same case.
    loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers
                if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    loader.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
    )


_strict_booleans(_StrictLoader)
_strict_booleans(_PureStrictLoader)


class _DuplicateKey(Exception):
    def __init__(self, key, mark):
        super().__init__(key)
        self.key = key
        self.mark = mark


def _construct_mapping(loader, node, deep=False):
    seen = set()
    for key_node, _value_node in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":  # '<<: *anchor' is merged, not a key of its own
            continue
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise _DuplicateKey(key, key_node.start_mark)
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_PureStrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


#: The strict loader on PyYAML's pure-Python parser.
PURE_LOADER = _PureStrictLoader


def _compose_and_construct(text, loader_class):
    """Parse ``text`` once: the node tree (for positions) and the data constructed from it."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return node, data


def _parent(path):
    """Return the path one level up: ``a.b[2]`` -> ``a.b`` -> ``a`` -> ``''``."""
    cut = max(path.rfind("."), path.rfind("["))
    return path[:cut] if cut > 0 else ""


def _walk_positions(node, path):
    if node is None:
        return
    yield path, (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            yield from _walk_positions(value_node, join_path(path, key_node.value))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _walk_positions(item, join_path(path, index))


class Document:
    """Data read from a file, with the position of each value by path.

    Attributes
    ----------
    data : object
        The plain data (dicts, lists, str, numbers, bools, None).
    name : str
        The file name, for messages.
    positions : dict
        ``{path: (line, column)}``, 1-based; empty for JSON.
    """

    def __init__(self, data, name, positions=None):
        self.data = data
        self.name = name
        self.positions = positions or {}

    def locate(self, problem):
        """Return ``problem`` with the line and column of its path, where known."""
        path = problem.path
        while path and path not in self.positions:
            path = _parent(path)
        if problem.line is None and path in self.positions:
            line, column = self.positions[path]
            return Problem(problem.path, problem.message, line, column)
        return problem


def parse_document(text, name, error, fmt=None, loader=None):
    """Parse YAML or JSON ``text``; raise ``error`` (a problems error class) on a syntax error.

    ``fmt`` is ``"json"`` or ``"yaml"``; by default the name's suffix decides
    and anything but ``.json`` is read as YAML (JSON is valid YAML 1.2, but
    JSON's own parser gives the better message for it).  ``loader`` is the
    PyYAML loader class (by default libyaml's parser where available, with
    the strict rules of this module); tests use it to check both parsers.

    Examples
    --------
    >>> from interorg.errors import CaseError
    >>> document = parse_document("a: {b: no, c: true}", "x.yaml", CaseError)
    >>> document.data, document.positions["a.c"]
    ({'a': {'b': 'no', 'c': True}}, (1, 15))
    """
    fmt = fmt or ("json" if str(name).lower().endswith(".json") else "yaml")
    if fmt == "json":
        try:
            return Document(json.loads(text), name)
        except json.JSONDecodeError as exc:
            raise error([Problem("", f"invalid JSON: {exc.msg}", exc.lineno, exc.colno)], name) from exc
    try:
        node, data = _compose_and_construct(text, loader or _StrictLoader)
    except _DuplicateKey as exc:
        problem = Problem("", f"key '{exc.key}' is given twice in the same mapping",
                          exc.mark.line + 1, exc.mark.column + 1)
        raise error([problem], name) from exc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = f"invalid YAML: {exc.problem or exc.context}"
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise error([Problem("", message, line, column)], name) from exc
    except yaml.YAMLError as exc:
        raise error([Problem("", f"invalid YAML: {exc}")], name) from exc
    return Document(data, name, dict(_walk_positions(node, "")))


def read_document(path, error):
    """Read and parse the file at ``path``; raise ``error`` if it cannot be read."""
    path = pathlib.Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise error([Problem("", f"cannot read the file: {exc}")], str(path)) from exc
    return parse_document(text, str(path), error)
