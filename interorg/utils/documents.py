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
import os
import pathlib
import re
import stat

import yaml

from ..errors import Problem
from .bounds import Limits, check_data
from .jsondocs import parse_json
from .marks import Document, Refused
from .structure import describe, join_path
from .yamlevents import MERGE, TAG, check_events

__all__ = ["Document", "PURE_LOADER", "decode", "parse_document", "read_bytes", "read_document"]

#: libyaml's parser where PyYAML was built with it (about ten times faster), else PyYAML's own.
#: Only the parser differs: resolving tags and constructing values stay in
#: Python, with the strict rules below, so both read a file the same way.
_Base = yaml.CSafeLoader if getattr(yaml, "__with_libyaml__", False) else yaml.SafeLoader
_TAG = TAG
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
        if key_node.tag == _TAG + "merge":
            if getattr(loader, "refuse_merge", False):  # the event pass refuses it first where it runs
                raise Refused(MERGE, key_node.start_mark)
            continue  # '<<: *anchor' is merged, not a key of its own
        if not isinstance(key_node, yaml.ScalarNode):
            raise Refused("a key must be text; got a list or mapping as a key", key_node.start_mark)
        key = loader.construct_object(key_node, deep=True)
        if key in seen and not getattr(loader, "repeats_reported", False):
            raise Refused(f"key {describe(key)} is given twice in the same mapping", key_node.start_mark)
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_PureStrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)

#: The strict loader on PyYAML's pure-Python parser.
PURE_LOADER = _PureStrictLoader


def _walk_positions(root):
    """``(path, (line, column))`` of every node under ``root``, walked with a stack of its own (not recursion)."""
    stack = [(root, "")] if root is not None else []
    while stack:
        node, path = stack.pop()
        yield path, (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            children = [(value_node, join_path(path, key_node.value)) for key_node, value_node in node.value]
        elif isinstance(node, yaml.SequenceNode):
            children = [(item, join_path(path, index)) for index, item in enumerate(node.value)]
        else:
            continue
        stack.extend(reversed(children))


def decode(data, name, error, limits=None):
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
        return Problem("", f"the file is larger than {limits.max_bytes:,} {unit}, the most {limits.document} may be")
    return None


def _reader_problem(exc, text):
    """A character YAML cannot hold (a NUL, say), on one line with its line and column."""
    found = text.find(chr(exc.character)) if isinstance(exc.character, int) else -1
    offset = found if found >= 0 else min(exc.position, len(text))
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    shown = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
    return Problem("", f"invalid YAML: the character {shown} cannot be read: {exc.reason}; remove it",
                   line, column)


def _parse_yaml(text, name, error, limits, loader_class=None):
    # The pass over the parser's events checks tags and bounds before anything is built; a
    # document read without limits (the knowledge, which ships with interorg) is parsed once
    problems, repeated = [], []
    if limits is not None:
        try:
            problems, repeated = check_events(text, limits, loader_class or _StrictLoader)
        except yaml.YAMLError:
            problems = []  # a syntax error: reported below, where the document is read
    if problems:
        raise error(problems + repeated, name)
    try:
        loader = (loader_class or _StrictLoader)(text)
        # every key given twice is a problem already: the document is built (the later value kept)
        # so that the problems of its values are reported with them
        loader.repeats_reported = bool(repeated)
        # a merge key goes with aliases ('<<: *defaults'): refused where they are not read (a case)
        loader.refuse_merge = limits is not None and not limits.aliases
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
            message = f"nested more than 1,000 levels deep; {(limits or Limits()).content} needs far fewer"
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise error([Problem("", message, line, column)], name) from exc
    except yaml.reader.ReaderError as exc:
        raise error([_reader_problem(exc, text)], name) from exc
    except yaml.YAMLError as exc:
        raise error([Problem("", f"invalid YAML: {exc}")], name) from exc
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as exc:
        # PyYAML's constructors fail this way on values of the plain tags they cannot build
        raise error([Problem("", f"invalid YAML: a value cannot be read ({exc})")], name) from exc
    return Document(data, name, dict(_walk_positions(node)), repeated)


def parse_document(text, name, error, fmt=None, limits=None, loader=None, keep_going=False):
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
    keep_going : bool
        Return a document whose only problems are keys given twice (the
        later value kept) with those problems in its ``problems``, for the
        caller to report with the problems of its values; by default they
        are raised.

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
    interorg.utils.documents.Bad: a (line 1, column 10): key 'a' is given twice in the same mapping
    """
    fmt = fmt or ("json" if str(name).lower().endswith(".json") else "yaml")
    if fmt not in ("json", "yaml"):
        raise error([Problem("", f"unknown format {describe(fmt)}; expected 'yaml' or 'json'")], name)
    if isinstance(text, (bytes, bytearray)):
        problem = _size_problem(len(text), limits)
        if problem:
            raise error([problem], name)
        text = decode(bytes(text), name, error, limits)
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
            raise error(document.problems + [document.locate(problem) for problem in problems], name)
    if document.problems and not keep_going:
        raise error(document.problems, name)
    return document


def _kind_of_file(mode):
    """What a file that is not a regular file is, in words."""
    for test, what in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device")):
        if test(mode):
            return what
    return "another kind of file"


def _read_bytes(path, size):
    """The bytes of the regular file ``path``, no more than ``size`` (and one) when given.

    The file is opened without blocking and checked to be a regular file
    before anything is read: a named pipe would wait for a writer for ever
    and a device never ends.
    """
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        mode = os.fstat(descriptor).st_mode
    except OSError:
        os.close(descriptor)
        raise
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        return _kind_of_file(mode)
    with os.fdopen(descriptor, "rb") as stream:
        return stream.read() if size is None else stream.read(size + 1)


def read_bytes(path, error, size=None):
    """The bytes of the regular file ``path`` (at most ``size`` and one); raise ``error`` naming it if it cannot be read."""
    try:
        data = _read_bytes(path, size)
    except OSError as exc:
        raise error([Problem("", f"cannot read the file: {exc.strerror or exc}")], str(path)) from exc
    if isinstance(data, str):
        raise error([Problem("", f"expected a regular file; got {data}")], str(path))
    return data


def read_document(path, error, limits=None, keep_going=False):
    """Read and parse the regular file at ``path``; raise ``error`` if it cannot be read.

    With ``limits``, no more than ``limits.max_bytes`` (and one) bytes are
    read, so a huge file is refused at once; a named pipe, a device or a
    folder is refused before it is read.  ``keep_going`` is as in
    :func:`parse_document`.
    """
    path = pathlib.Path(path)
    data = read_bytes(path, error, limits.max_bytes if limits is not None else None)
    return parse_document(data, str(path), error, limits=limits, keep_going=keep_going)
