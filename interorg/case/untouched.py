"""What a change to a case file leaves alone, written back as the file had it.

ruamel.yaml reads a file for a round trip and writes back its comments and
key order, but not every detail of how it was written: a null comes back as
``null`` where the file had ``key:`` or ``~`` (and a header whose keys are
all commented out, ``care:``, becomes ``care: null``, which no longer reads
once a key below it is uncommented), indentation is evened out, a flow
collection's lines are joined, spaces at the end of a line are dropped.

:class:`Untouched` remembers the file as it was read, before the change: the
text of each top-level section and how each null was spelled.  After the
change, :meth:`Untouched.spell_nulls` gives each null still in its place its
own spelling back, for the sections the change did touch, and
:meth:`Untouched.splice` puts back, byte for byte, the text of every section
the change did not touch.
"""

import collections
import datetime

import attrs
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

__all__ = ["Null", "Untouched", "represent_null", "snapshot"]

_NULL_TAG = "tag:yaml.org,2002:null"
_LINE_BREAKS = ("\n", "\r", "\x85", "\u2028", "\u2029")  # what YAML reads as the end of a line


@attrs.frozen
class Null:
    """A null as the file spells it: ``""`` (an empty value, ``key:``), ``~``, ``null``, ``Null``..."""

    text: str


def represent_null(representer, null):
    """Write a :class:`Null` in its own spelling (a ruamel.yaml representer).

    Examples
    --------
    >>> import io
    >>> from ruamel.yaml import YAML
    >>> yaml = YAML()
    >>> yaml.representer.add_representer(Null, represent_null)
    >>> stream = io.StringIO()
    >>> yaml.dump({"care": Null(""), "form": Null("~")}, stream)
    >>> print(stream.getvalue(), end="")
    care:
    form: ~
    """
    return representer.represent_scalar(_NULL_TAG, null.text)


def _kind(value):
    for kind in (bool, int, float, str, datetime.datetime, datetime.date, type(None)):
        if isinstance(value, kind):
            return kind
    return object


def snapshot(value):
    """``value`` as nested tuples that compare equal only when the data is the same, kinds too.

    ``True == 1`` in Python, but ``x: true`` and ``x: 1`` are different
    values to a case; a :class:`Null` is a null.

    Examples
    --------
    >>> snapshot({"a": [1]}) == snapshot({"a": [True]})
    False
    >>> snapshot({"a": Null("")}) == snapshot({"a": None})
    True
    """
    if isinstance(value, Null):
        value = None
    if isinstance(value, dict):
        return dict, tuple((snapshot(key), snapshot(item)) for key, item in value.items())
    if isinstance(value, list):
        return list, tuple(snapshot(item) for item in value)
    return _kind(value), value


def _section_starts(node, keys):
    """Where each top-level entry of ``node`` starts in the text, by key; None when it is no block mapping.

    Each entry starts at column 0, its key, and runs to where the next one
    starts: the comment lines between two sections are the first one's, as
    ruamel.yaml too writes them after the first section's last line.
    """
    if not isinstance(node, MappingNode) or node.flow_style or len(node.value) != len(keys):
        return None
    starts = [key.start_mark.index for key, _value in node.value]
    if any(key.start_mark.column for key, _value in node.value):
        return None
    return dict(zip(keys, starts))


def _chunks(text, starts):
    """The text before the first section, and each section's text by key."""
    ordered = sorted(starts.items(), key=lambda item: item[1])
    ends = [start for _key, start in ordered[1:]] + [len(text)]
    head = text[: ordered[0][1]] if ordered else text
    return head, {key: text[start:end] for (key, start), end in zip(ordered, ends)}


def _tail(chunk):
    """The comment and blank lines that end a section's text, after its last value: the next one's heading, hints."""
    lines = chunk.splitlines(keepends=True)
    count = len(lines)
    while count > 1 and (not lines[count - 1].strip() or lines[count - 1].lstrip().startswith("#")):
        count -= 1
    return "".join(lines[count:])


def _joined(text, piece, newline):
    """``piece`` after ``text``, on a line of its own even when ``text`` ends without a line break."""
    return text + (newline if text and not text.endswith(_LINE_BREAKS) else "") + piece


def _comments(text):
    """How often each comment line occurs in ``text``."""
    return collections.Counter(line.strip() for line in text.splitlines() if line.lstrip().startswith("#"))


def _nulls(node, data):
    """Each null of ``data`` as (container, key or index, spelling), read off the nodes ``node`` was built of.

    An empty null is kept only in a block collection: ``[a, ]`` is no list
    of two.  A null spelled with a tag or quotes (``!!null ''``) is left to
    be written ``null``.
    """
    found, stack = [], [(node, data)]
    while stack:
        node, data = stack.pop()
        if isinstance(node, MappingNode) and isinstance(data, dict) and len(node.value) == len(data):
            pairs = zip(data, (value for _key, value in node.value))
        elif isinstance(node, SequenceNode) and isinstance(data, list) and len(node.value) == len(data):
            pairs = enumerate(node.value)
        else:
            continue
        for key, child in pairs:
            value = data[key]
            if value is not None:
                stack.append((child, value))
            elif (isinstance(child, ScalarNode) and str(child.tag) == _NULL_TAG and child.style is None
                  and (child.value or not node.flow_style)):
                found.append((data, key, child.value))
    return found


@attrs.define
class Untouched:
    """A YAML case file as it was read: its text, its sections' texts and data, the spelling of its nulls.

    Examples
    --------
    >>> from ruamel.yaml import YAML
    >>> text = "name: A\\ncare:\\n  # demand: complex\\nform:  {claimed: learning}\\n"
    >>> document = YAML().load(text)
    >>> untouched = Untouched.read(text, document)
    >>> document["name"] = "B"
    >>> untouched.spell_nulls(document)
    >>> written = "name: B\\ncare: null\\n  # demand: complex\\nform: {claimed: learning}\\n"
    >>> print(untouched.splice(written, document), end="")
    name: B
    care:
      # demand: complex
    form:  {claimed: learning}
    """

    text: str
    nulls: list
    sections: dict | None
    data: dict

    @classmethod
    def read(cls, text, document):
        """Remember ``text`` and ``document``, the data ruamel.yaml read from it, before a change to it."""
        node = YAML().compose(text) if text.strip() else None
        keys = list(document) if isinstance(document, dict) else []
        starts = _section_starts(node, keys)
        return cls(text, _nulls(node, document), starts,
                   {key: snapshot(value) for key, value in document.items()} if starts is not None else {})

    def spell_nulls(self, document):
        """Put a :class:`Null` in its spelling where ``document`` still has a null the file had."""
        for container, key, text in self.nulls:
            within = key in container if isinstance(container, dict) else key < len(container)
            if within and container[key] is None:
                container[key] = Null(text)

    def splice(self, written, document):
        """``written`` (``document`` as ruamel.yaml wrote it) with each section the change left as it was.

        A section whose data is what the file had is taken from the file as
        it was, comments and layout and all; the others, and a new section,
        from ``written``.  The text before the first section is the file's,
        and so are the comment lines that end a section the change replaced
        (the next section's heading) and those that end the file.  When either
        text is not a block mapping of sections at column 0, or the result
        would not read back as ``document`` or would repeat a comment,
        ``written`` is returned as it is.
        """
        if self.sections is None or not written.strip():
            return written
        yaml = YAML()
        starts = _section_starts(yaml.compose(written), list(document))
        if starts is None:
            return written
        head, kept = _chunks(self.text, self.sections)
        _written_head, chunks = _chunks(written, starts)
        newline = "\r\n" if self.text.partition("\n")[0].endswith("\r") else "\n"
        pieces = {}
        for key, chunk in chunks.items():
            chunk = chunk.replace("\n", newline) if newline != "\n" else chunk
            if key in kept and self.data.get(key) == snapshot(document[key]):
                chunk = kept[key]
            elif key in kept:
                # ruamel.yaml drops the comments of a value replaced as a whole, the next section's heading among them
                tail = _tail(kept[key])
                chunk = chunk if not tail.strip() or tail in chunk else _joined(chunk, tail, newline)
            pieces[key] = chunk
        last, order = max(self.sections, key=self.sections.get), list(pieces)
        if last in pieces and order[-1] != last:
            # ruamel.yaml writes the comments that end the file after the last section, a new one too;
            # they stay after the section they followed
            tail = _tail(kept[last]).rstrip("\r\n")
            end = pieces[order[-1]].rstrip("\r\n")
            if tail.strip() and end.endswith(tail) and tail in pieces[last]:
                pieces[order[-1]] = end[: -len(tail)]
        spliced = head
        for piece in pieces.values():
            spliced = _joined(spliced, piece, newline)
        try:
            same = snapshot(yaml.load(spliced)) == snapshot(document)
        except YAMLError:  # a section kept as it was that cannot stand before another ('...', say)
            same = False
        allowed = _comments(self.text) | _comments(written)
        return spliced if same and not _comments(spliced) - allowed else written
