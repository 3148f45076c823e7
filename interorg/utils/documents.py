"""Read YAML and JSON documents strictly, keeping where each value stood.

YAML is read with PyYAML's safe loader (on libyaml where PyYAML has it),
changed so that a user's data is never lost, silently changed, or able to
exhaust the machine:

* only ``true`` and ``false`` are booleans (as in YAML 1.2), so ``no``,
  ``yes``, ``on`` and ``off`` stay text instead of turning into booleans, and
  dates stay text too (YAML 1.2 has no implicit timestamps);
* a key given twice in one mapping is an error, not a silent overwrite, in
  JSON as in YAML;
* explicit tags other than the plain ones (``!!str``, ``!!int``,
  ``!!float``, ``!!bool``, ``!!null``, ``!!seq``, ``!!map``) are refused,
  and a tagged value must be one of its tag (``!!bool maybe`` is an error);
* a list or mapping used as a key is an error;
* input that is not UTF-8 is refused with the offset of the first bad byte;
* with :class:`~interorg.utils.bounds.Limits`, the size, nesting, number of
  values, length of texts and numbers, and anchors and aliases are checked
  on the stream of parser events, before any value is built;
* the line and column of every value is kept, so a problem found later can
  point into the file.
"""

import codecs
import pathlib
import re

import yaml

from ..errors import Problem
from .bounds import check_data
from .jsondocs import parse_json
from .marks import Document, Refused
from .structure import describe, join_path

__all__ = ["Document", "PURE_LOADER", "read_document", "parse_document"]

#: libyaml's parser where PyYAML was built with it (about ten times faster), else PyYAML's own.
#: Only the parser differs: resolving tags and constructing values stay in
#: Python, with the strict rules below, so both read a file the same way.
_Base = yaml.CSafeLoader if getattr(yaml, "__with_libyaml__", False) else yaml.SafeLoader
_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + name for name in ("str", "int", "float", "bool", "null")} | {"!"}
_COLLECTION_TAGS = {_TAG + "seq", _TAG + "map", "!"}
_SURROGATE = re.compile("[\ud800-\udfff]")


class _StrictLoader(_Base):
    """The safe loader with YAML 1.2 booleans, no timestamps and an error for duplicate keys."""


class _PureStrictLoader(yaml.SafeLoader):
    """The same rules on PyYAML's pure-Python parser (the fallback without libyaml)."""


for _loader in (_StrictLoader, _PureStrictLoader):
    _loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag not in (_TAG + "bool", _TAG + "timestamp")]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    _loader.add_implicit_resolver(_TAG + "bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def _construct_mapping(loader, node, deep=False):
    seen = set()
    for key_node, _value_node in node.value:
        if key_node.tag == _TAG + "merge":  # '<<: *anchor' is merged, not a key of its own
            continue
        if not isinstance(key_node, yaml.ScalarNode):
            raise Refused("a key must be text; got a list or mapping as a key", key_node.start_mark)
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise Refused(f"key {describe(key)} is given twice in the same mapping", key_node.start_mark)
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_PureStrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)

#: The strict loader on PyYAML's pure-Python parser.
PURE_LOADER = _PureStrictLoader


def _implicit_tag(value):
    """The tag PyYAML's resolver gives a plain scalar ``value``."""
    resolvers = _StrictLoader.yaml_implicit_resolvers
    for tag, regexp in resolvers.get(value[:1], []) + resolvers.get(None, []):
        if regexp.match(value):
            return tag
    return _TAG + "str"


class _Paths:
    """The path of the node each parser event stands for, kept on a stack of the open collections."""

    def __init__(self):
        self.stack = []  # [path, "seq", next index] or [path, "map", expecting a key, key]

    def path(self):
        """The path of the node the next event starts; None when it is a key."""
        if not self.stack:
            return ""
        top = self.stack[-1]
        if top[1] == "seq":
            return join_path(top[0], top[2])
        return None if top[2] else join_path(top[0], top[3])

    def parent(self):
        return self.stack[-1][0] if self.stack else ""

    def done(self, key=None):
        """A node (a scalar, or a whole collection) ended: move the collection it is in on."""
        if not self.stack:
            return
        top = self.stack[-1]
        if top[1] == "seq":
            top[2] += 1
        elif top[2]:
            top[2], top[3] = False, "?" if key is None else key
        else:
            top[2] = True


def _tag_problem(event, path, limits):
    """The problem of an explicit tag, or of a scalar too long or a number too large; None when fine."""
    is_scalar = isinstance(event, yaml.ScalarEvent)
    if event.tag is not None and event.tag not in (_SCALAR_TAGS if is_scalar else _COLLECTION_TAGS):
        shown = event.tag.replace(_TAG, "!!")
        return (f"the tag '{shown}' is not allowed; expected plain values (text, numbers, true or false,"
                " null, lists and mappings)")
    if not is_scalar:
        return None
    value = event.value
    if limits is not None and limits.max_text is not None and len(value) > limits.max_text:
        return f"a text of {len(value):,} characters; at most {limits.max_text:,} are allowed"
    if event.tag in (None, "!") and not event.implicit[0]:
        return None  # quoted: text
    tag = _implicit_tag(value)
    if event.tag not in (None, "!", _TAG + "str") and tag != event.tag:
        return f"'{value[:60]}' is not a value of the tag '{event.tag.replace(_TAG, '!!')}'"
    if (tag == _TAG + "int" and limits is not None and limits.max_digits is not None
            and len(value) > limits.max_digits + 3):
        return f"a number of {len(value):,} characters; at most {limits.max_digits} digits are allowed"
    return None


def _check_events(text, limits):
    """Problems found on the parser's events alone: tags, keys, and the bounds of ``limits``.

    The parser keeps its own stack, so this pass runs in time linear in the
    text whatever its nesting, and stops at the first bound exceeded.
    """
    problems, paths, depth, nodes = [], _Paths(), 0, 0
    limits_given = limits is not None
    for event in yaml.parse(text, Loader=_StrictLoader):
        if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
            paths.stack.pop()
            paths.done()
            continue
        if not isinstance(event, yaml.NodeEvent):
            continue
        path = paths.path()
        where = paths.parent() if path is None else path
        mark = event.start_mark
        nodes += 1
        if limits_given and limits.max_nodes is not None and nodes > limits.max_nodes:
            return problems + [Refused(f"more than {limits.max_nodes:,} values in all; a case needs far fewer",
                                        mark, where).problem()]
        if limits_given and not limits.aliases and (isinstance(event, yaml.AliasEvent) or event.anchor):
            what = f"alias '*{event.anchor}'" if isinstance(event, yaml.AliasEvent) else f"anchor '&{event.anchor}'"
            problems.append(Refused(f"the {what} is not allowed: anchors and aliases are not read in case"
                                     " files; write the value out", mark, where).problem())
        if isinstance(event, yaml.AliasEvent):
            paths.done()
            continue
        message = _tag_problem(event, path, limits)
        if message:
            problems.append(Refused(message, mark, where).problem())
        if isinstance(event, yaml.ScalarEvent):
            paths.done(event.value if path is None else None)
            continue
        if path is None:
            problems.append(Refused("a key must be text; got a list or mapping as a key", mark, where).problem())
        depth += 1
        if limits_given and limits.max_depth is not None and depth > limits.max_depth:
            return problems + [Refused(f"nested more than {limits.max_depth} levels deep; a case needs far fewer",
                                        mark, where).problem()]
        kind = "seq" if isinstance(event, yaml.SequenceStartEvent) else "map"
        paths.stack.append([where if path is None else path, kind, 0 if kind == "seq" else True, None])
    return problems


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


def _decode(data, name, error, limits):
    """The text of ``data`` (bytes), read as UTF-8; raise ``error`` with the offset of a bad byte."""
    offset = 0
    if data.startswith(codecs.BOM_UTF8):
        data, offset = data[len(codecs.BOM_UTF8):], len(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        message = (f"not UTF-8 text: the byte 0x{data[exc.start]:02x} at offset {exc.start + offset:,} cannot be"
                   " read; save the file as UTF-8")
        raise error([Problem("", message, line, column)], name) from exc


def _size_problem(size, limits, unit="bytes"):
    if limits is not None and limits.max_bytes is not None and size > limits.max_bytes:
        return Problem("", f"the file is larger than {limits.max_bytes:,} {unit}, the most a case file may be")
    return None


def _parse_yaml(text, name, error, limits, loader_class=None):
    # The pass over the parser's events checks tags and bounds before anything is built; a
    # document read without limits (the knowledge, which ships with interorg) is parsed once
    problems = []
    if limits is not None:
        try:
            problems = _check_events(text, limits)
        except yaml.YAMLError:
            problems = []  # a syntax error: reported below, where the document is read
    if problems:
        raise error(problems, name)
    try:
        loader = (loader_class or _StrictLoader)(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except Refused as exc:
        raise error([exc.problem()], name) from exc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = f"invalid YAML: {exc.problem or exc.context}"
        if "maximum nesting depth" in message:  # libyaml's own bound, met while it reads ahead
            message = "nested more than 1,000 levels deep; a case needs far fewer"
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise error([Problem("", message, line, column)], name) from exc
    except yaml.YAMLError as exc:
        raise error([Problem("", f"invalid YAML: {exc}")], name) from exc
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as exc:
        # PyYAML's constructors fail this way on values of the plain tags they cannot build
        raise error([Problem("", f"invalid YAML: a value cannot be read ({exc})")], name) from exc
    return Document(data, name, dict(_walk_positions(node, "")))


def parse_document(text, name, error, fmt=None, limits=None, loader=None):
    """Parse YAML or JSON ``text``; raise ``error`` (a problems error class) on a syntax error.

    Parameters
    ----------
    text : str or bytes
        The document; bytes are read as UTF-8.
    name : str
        The file name, for messages.
    error : type
        The error class to raise, called with the problems and ``name``.
    fmt : {'json', 'yaml'}, optional
        By default the name's suffix decides and anything but ``.json`` is
        read as YAML (JSON is valid YAML 1.2, but JSON's own parser gives the
        better message for it).
    limits : Limits, optional
        The bounds of the document; none by default.  Without them the
        parser's events are not checked first (tags, anchors): only for
        documents that ship with interorg.
    loader : type, optional
        The PyYAML loader class (by default libyaml's parser where
        available, with the strict rules of this module); tests use
        :data:`PURE_LOADER` to check that both parsers read alike.

    Returns
    -------
    Document

    Examples
    --------
    >>> class Bad(Exception):
    ...     def __init__(self, problems, name):
    ...         super().__init__("; ".join(map(str, problems)))
    >>> parse_document("care: {demand: complex}", "case.yaml", Bad).data
    {'care': {'demand': 'complex'}}
    >>> parse_document('{"a": 1, "a": 2}', "case.json", Bad)
    Traceback (most recent call last):
    ...
    interorg.utils.documents.Bad: key 'a' is given twice in the same mapping
    """
    fmt = fmt or ("json" if str(name).lower().endswith(".json") else "yaml")
    if isinstance(text, (bytes, bytearray)):
        problem = _size_problem(len(text), limits)
        if problem:
            raise error([problem], name)
        text = _decode(bytes(text), name, error, limits)
    else:
        problem = _size_problem(len(text), limits, "characters")
        if problem:
            raise error([problem], name)
        found = _SURROGATE.search(text)
        if found:  # only a text given in Python can hold one; libyaml could not even be given it
            line = text.count("\n", 0, found.start()) + 1
            raise error([Problem("", f"the text holds a lone surrogate (U+{ord(found.group()):04X}), which is"
                                     " not valid Unicode", line)], name)
    if fmt == "json":
        document = parse_json(text, name, error, limits)
    else:
        document = _parse_yaml(text, name, error, limits, loader)
    if limits is not None:
        problems = check_data(document.data, limits)
        if problems:
            raise error([document.locate(problem) for problem in problems], name)
    return document


def read_document(path, error, limits=None):
    """Read and parse the file at ``path``; raise ``error`` if it cannot be read.

    With ``limits``, no more than ``limits.max_bytes`` (and one) bytes are
    read, so a huge file or a device such as ``/dev/zero`` is refused at once.
    """
    path = pathlib.Path(path)
    size = limits.max_bytes if limits is not None else None
    try:
        with path.open("rb") as stream:
            data = stream.read() if size is None else stream.read(size + 1)
    except OSError as exc:
        raise error([Problem("", f"cannot read the file: {exc.strerror or exc}")], str(path)) from exc
    return parse_document(data, str(path), error, limits=limits)
