"""Check a YAML document on its parser events, before any value is built.

One pass over the events finds what the strict reader refuses (explicit
tags other than the plain ones, collections as keys, merge keys, keys given
twice, anchors and aliases where they are not read) and what is beyond the
bounds of a :class:`~interorg.utils.bounds.Limits`.  The parser keeps its own
stack, so the pass runs in time linear in the text whatever its nesting;
every problem has its path and line.  Where aliases are read, each counts
as the values and the nesting of what it names, so that a small document
that would expand into billions of values (the "billion laughs") is refused
before it is built.
"""

import yaml

from .marks import Refused
from .structure import describe, join_path

__all__ = ["MERGE", "TAG", "check_events", "implicit_tag"]

TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {TAG + name for name in ("str", "int", "float", "bool", "null")} | {"!"}
_COLLECTION_TAGS = {TAG + "seq", TAG + "map", "!"}

#: What a merge key is told: it would let a value given in the mapping be replaced without a word.
MERGE = ("the merge key '<<' is not allowed: a merged value can silently replace one given in the mapping;"
         " write the keys out")


def implicit_tag(value, loader):
    """The tag the resolver of ``loader`` gives a plain scalar ``value``."""
    resolvers = loader.yaml_implicit_resolvers
    for tag, regexp in resolvers.get(value[:1], []) + resolvers.get(None, []):
        if regexp.match(value):
            return tag
    return TAG + "str"


class _Open:
    """A list or mapping whose events are being read."""

    __slots__ = ("path", "is_map", "index", "expect_key", "key", "keys", "anchor", "begin", "depth", "deepest")

    def __init__(self, path, is_map, anchor, begin, depth):
        self.path, self.is_map, self.anchor, self.begin = path, is_map, anchor, begin
        self.index, self.expect_key, self.key, self.keys = 0, True, None, set() if is_map else None
        self.depth = self.deepest = depth


class _Paths:
    """The path of the node each parser event stands for, kept on a stack of the open collections."""

    def __init__(self):
        self.stack = []

    def path(self):
        """The path of the node the next event starts; None when it is a key."""
        if not self.stack:
            return ""
        top = self.stack[-1]
        if not top.is_map:
            return join_path(top.path, top.index)
        return None if top.expect_key else join_path(top.path, top.key)

    def parent(self):
        return self.stack[-1].path if self.stack else ""

    def done(self, key=None):
        """A node (a scalar, or a whole collection) ended: move the collection it is in on."""
        if not self.stack:
            return
        top = self.stack[-1]
        if not top.is_map:
            top.index += 1
        elif top.expect_key:
            top.expect_key, top.key = False, "?" if key is None else key
        else:
            top.expect_key = True


def _tag_problem(event, path, limits, loader):
    """The problem of an explicit tag, or of a scalar too long or a number too large; None when fine."""
    is_scalar = isinstance(event, yaml.ScalarEvent)
    if event.tag is not None and event.tag not in (_SCALAR_TAGS if is_scalar else _COLLECTION_TAGS):
        shown = event.tag.replace(TAG, "!!")
        return (f"the tag '{shown}' is not allowed; expected plain values (text, numbers, true or false,"
                " null, lists and mappings)")
    if not is_scalar:
        return None
    value = event.value
    if limits.max_text is not None and len(value) > limits.max_text:
        return f"a text of {len(value):,} characters; at most {limits.max_text:,} are allowed"
    if event.tag in (None, "!") and not event.implicit[0]:
        return None  # quoted: text
    tag = implicit_tag(value, loader)
    if event.tag not in (None, "!", TAG + "str") and tag != event.tag:
        return f"'{value[:60]}' is not a value of the tag '{event.tag.replace(TAG, '!!')}'"
    if tag == TAG + "int" and limits.max_digits is not None and len(value) > limits.max_digits + 3:
        return f"a number of {len(value):,} characters; at most {limits.max_digits} digits are allowed"
    return None


def _key_identity(event, loader):
    """What a scalar key is, for finding it given twice: its tag and its text."""
    if event.tag not in (None, "!"):
        return event.tag, event.value
    if not event.implicit[0]:
        return TAG + "str", event.value
    return implicit_tag(event.value, loader), event.value


def _key_problem(event, top, loader, limits):
    """The problem of scalar key ``event`` in mapping ``top`` (a merge key, or one given twice); None if fine."""
    identity = _key_identity(event, loader)
    if identity[0] == TAG + "merge":
        # where aliases are read, '<<: *defaults' is how they are used; elsewhere it only hides values
        return None if limits.aliases else MERGE
    if identity in top.keys:
        return f"key {describe(event.value)} is given twice in the same mapping"
    top.keys.add(identity)
    return None


class _Bound(Exception):
    """A bound of the limits was passed: the pass stops there."""


def check_events(text, limits, loader):
    """Problems found on the parser's events alone: tags, keys, aliases, and the bounds of ``limits``.

    Parameters
    ----------
    text : str
        The YAML document.
    limits : Limits
    loader : type
        The PyYAML loader class whose parser and resolver are used.

    Returns
    -------
    problems : list of Problem
        Every problem that stops the document from being read, in document
        order; the pass stops at the first bound exceeded (the number of
        values or the nesting).
    repeated : list of Problem
        Every key given twice in its mapping, with its path: a document with
        only these can still be read (the later value kept), so that they
        are reported together with the problems of its values.

    Raises
    ------
    yaml.YAMLError
        On a syntax error (reported by the reader that builds the document).
    """
    problems, repeated, paths, depth, nodes = [], [], _Paths(), 0, 0
    anchors = {}  # a finished anchor: (the values it holds, how deeply it nests)

    def problem(message, mark, where):
        problems.append(Refused(message, mark, where).problem())

    def reach(deepest, mark, where):
        # nesting reached below the open collections, counted in each so that an anchor knows its own
        if limits.max_depth is not None and deepest > limits.max_depth:
            problem(f"nested more than {limits.max_depth} levels deep; a case needs far fewer", mark, where)
            raise _Bound
        for entry in reversed(paths.stack):
            if entry.deepest >= deepest:
                break
            entry.deepest = deepest

    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
                closed = paths.stack.pop()
                if closed.anchor is not None:
                    anchors[closed.anchor] = (nodes - closed.begin + 1, closed.deepest - closed.depth + 1)
                paths.done()
                continue
            if not isinstance(event, yaml.NodeEvent):
                continue
            path = paths.path()
            where = paths.parent() if path is None else path
            mark = event.start_mark
            nodes += 1
            if isinstance(event, yaml.AliasEvent) or event.anchor:
                if not limits.aliases:
                    what = (f"alias '*{event.anchor}'" if isinstance(event, yaml.AliasEvent)
                            else f"anchor '&{event.anchor}'")
                    problem(f"the {what} is not allowed: anchors and aliases are not read in case"
                            " files; write the value out", mark, where)
                elif isinstance(event, yaml.AliasEvent):
                    size, height = anchors.get(event.anchor, (None, 0))
                    if size is None:
                        problem(f"the alias '*{event.anchor}' names a value that is not complete before it;"
                                " a value cannot contain itself", mark, where)
                        size = 1
                    nodes += size - 1
                    reach(depth + height, mark, where)
            if limits.max_nodes is not None and nodes > limits.max_nodes:
                problem(f"more than {limits.max_nodes:,} values in all; a case needs far fewer", mark, where)
                raise _Bound
            if isinstance(event, yaml.AliasEvent):
                paths.done()
                continue
            message = _tag_problem(event, path, limits, loader)
            if message:
                problem(message, mark, where)
            if isinstance(event, yaml.ScalarEvent):
                if path is None:
                    message = _key_problem(event, paths.stack[-1], loader, limits)
                    if message == MERGE:
                        problem(message, mark, join_path(where, event.value))
                    elif message:
                        repeated.append(Refused(message, mark, join_path(where, event.value)).problem())
                if event.anchor and limits.aliases:
                    anchors[event.anchor] = (1, 0)
                paths.done(event.value if path is None else None)
                continue
            if path is None:
                problem("a key must be text; got a list or mapping as a key", mark, where)
            depth += 1
            reach(depth, mark, where)
            paths.stack.append(_Open(where if path is None else path, isinstance(event, yaml.MappingStartEvent),
                                     event.anchor if limits.aliases else None, nodes, depth))
    except _Bound:
        pass
    return problems, repeated
