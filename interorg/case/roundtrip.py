"""Change a case file in place, keeping its comments, key order and layout.

Whatever writes into a user's case file (the terminal scan, an import of
scan answers) goes through :func:`update_case_file`: it takes a lock on the
file, reads it as it is now (so changes made meanwhile by another program
are kept), applies a change to the document as ruamel.yaml reads it for a
round trip (comments, order, quotes, flow or block style and indentation
kept), checks that the text written reads back as the same document and as
a valid case, makes a numbered backup (``CASE.bak``, ``CASE.bak.1``, ...)
when asked, and writes the file atomically.  JSON files stay JSON, with
their key order (JSON has no comments to keep).

Two changes are ready-made: :func:`set_sections` replaces or adds top-level
sections, and :func:`merge_respondents` adds scan respondents or merges
their answers into those already in the file.

Every top-level section the change leaves as it was is written back byte
for byte as the file had it (:mod:`interorg.case.untouched`): an empty
header (``care:`` with its keys commented out below it) stays empty, so
that uncommenting a key below it still gives a valid file.  In a section
the change does touch, a null the file had keeps its spelling (``key:``,
``~``); what ruamel.yaml does not keep there are line breaks inside a flow
collection (``[a, b,`` on one line and ``c]`` on the next), which are
joined, and indentation, which is evened out to the file's.
"""

import io
import json
import pathlib
import re

import attrs
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.util import load_yaml_guess_indent

from ..errors import CaseError, Problem, WriteError
from ..utils import documents, writing
from ..utils.structure import unstructure
from .casefile import case_from_dict
from .limits import CASE_LIMITS
from .model import Case
from .untouched import Null, Untouched, represent_null

__all__ = ["Written", "merge_respondents", "set_sections", "update_case_file"]


@attrs.frozen
class Written:
    """What :func:`update_case_file` wrote.

    Attributes
    ----------
    case : Case
        The case as the file now holds it, checked.
    backup : pathlib.Path or None
        The copy of the file as it was before, when one was made.
    """

    case: Case
    backup: pathlib.Path | None = None


def _mapping_indent(text):
    """The indentation of the file's nested mappings: the first key indented under a key of its own."""
    lines = text.splitlines()
    for before, line in zip(lines, lines[1:]):
        stripped = before.split("#")[0].rstrip()
        if stripped.endswith(":") and not stripped.lstrip().startswith("- "):
            indent = len(line) - len(line.lstrip(" "))
            outer = len(before) - len(before.lstrip(" "))
            if line.strip() and not line.lstrip().startswith(("-", "#")) and indent > outer:
                return indent - outer
    return 2


def _yaml(text, allow_unicode=True):
    yaml = YAML()  # round trip
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a line the user did not fold
    yaml.allow_unicode = allow_unicode
    # [{id: a}] stays [{id: a}], not [id: a]: what the user wrote, and what most readers expect
    yaml.brace_single_entry_mapping_in_flow_sequence = True
    _data, sequence, offset = load_yaml_guess_indent(text) if text.strip() else (None, 4, 2)
    mapping = _mapping_indent(text)
    if sequence is None or offset is None:
        sequence, offset = mapping + 2, mapping
    yaml.indent(mapping=mapping, sequence=max(sequence, offset + 2), offset=offset)
    # a skipped answer is written null, as the README shows, not left empty; a null the file
    # already had is written as the file spelled it (Untouched.spell_nulls)
    yaml.representer.add_representer(
        type(None), lambda representer, _data: representer.represent_scalar("tag:yaml.org,2002:null", "null"))
    yaml.representer.add_representer(Null, represent_null)
    return yaml


def _dump(yaml, document):
    stream = io.StringIO()
    yaml.dump(document, stream)
    return stream.getvalue()


def _yaml_text(text, document, path):
    """The YAML text of ``document``, read back by ruamel.yaml as the same document."""
    for allow_unicode in (True, False):
        # ruamel.yaml writes U+0085, U+2028 and U+2029 as they are, and a reader then sees
        # line breaks; escaping every non-ASCII character is the way to keep them
        yaml = _yaml(text, allow_unicode)
        written = _dump(yaml, document)
        if _plain(_yaml(written).load(written)) == _plain(document):
            return written
    raise WriteError(f"cannot write {path}: the case would not read back as it is meant")


def _plain(value):
    if isinstance(value, Null):
        return None
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _json_indent(text):
    found = re.search(r"\n( +)\S", text)
    return len(found.group(1)) if found else 2


def update_case_file(path, change, *, backup=True):
    """Apply ``change`` to the case file at ``path`` and write it back, keeping comments, order and layout.

    Parameters
    ----------
    path : str or os.PathLike
        An existing YAML or JSON case file.
    change : callable
        Called with the document, a mapping (a ruamel.yaml ``CommentedMap``
        for YAML, a ``dict`` for JSON), which it changes in place: set keys,
        append to lists, using plain dicts and lists for new values.
    backup : bool
        Copy the file to the first free numbered backup name first.

    Returns
    -------
    Written
        The case as written, and the backup made.

    Raises
    ------
    CaseError
        If the file is not a valid case now, or would not be after the change
        (it is then left untouched).
    WriteError
        If the file cannot be written (read-only, say); it is left untouched.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "case.yaml"
    >>> _ = path.write_text("# our network\\nname: Jeugdhulp  # for now\\n")
    >>> def rename(document):
    ...     document["name"] = "Jeugdhulp Kempen"
    >>> update_case_file(path, rename, backup=False).case.name
    'Jeugdhulp Kempen'
    >>> print(path.read_text(), end="")
    # our network
    name: Jeugdhulp Kempen # for now
    """
    path = pathlib.Path(path)
    fmt = "json" if path.suffix.lower() == ".json" else "yaml"
    writing.check_writable(path)
    with writing.locked(path):
        try:
            raw = path.read_bytes()[: CASE_LIMITS.max_bytes + 1]
        except OSError as exc:
            raise CaseError([Problem("", f"cannot read the file: {exc.strerror or exc}")], str(path)) from exc
        # never rewrite a file that interorg would not read: the strict reader goes first
        documents.parse_document(raw, str(path), CaseError, fmt, CASE_LIMITS)
        text = raw.decode("utf-8-sig")
        if fmt == "json":
            document = json.loads(text) or {}
            change(document)
            new = json.dumps(document, indent=_json_indent(text), ensure_ascii=False) + "\n"
        else:
            document = _yaml(text).load(text) or CommentedMap()
            untouched = Untouched.read(text, document)
            change(document)
            untouched.spell_nulls(document)
            new = untouched.splice(_yaml_text(text, document, path), document)
        written = documents.parse_document(new, str(path), CaseError, fmt, CASE_LIMITS)
        case = case_from_dict(written.data or {}, str(path), _document=written)
        saved = writing.backup(path) if backup else None
        writing.write_text(path, new)
    return Written(case, saved)


def _new_mapping(document, items=()):
    return (CommentedMap if isinstance(document, CommentedMap) else dict)(items)


def _new_list(document, items=()):
    return (CommentedSeq if isinstance(document, CommentedMap) else list)(items)


def set_sections(path, sections, *, backup=True):
    """Replace (or add, at the end) the top-level ``sections`` of the case file at ``path``.

    Parameters
    ----------
    path : str or os.PathLike
    sections : mapping
        Section name to its new content: plain data, or a section's attrs
        object (a :class:`~interorg.Scan`, a tuple of
        :class:`~interorg.Partner`, ...).
    backup : bool

    Returns
    -------
    Written

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "case.yaml"
    >>> _ = path.write_text("name: Jeugdhulp  # kept\\n")
    >>> set_sections(path, {"care": {"demand": "complex"}}, backup=False).case.care.demand
    'complex'
    >>> print(path.read_text(), end="")
    name: Jeugdhulp  # kept
    care:
      demand: complex
    """
    def change(document):
        for key, value in sections.items():
            document[key] = unstructure(value)

    return update_case_file(path, change, backup=backup)


def merge_respondents(path, respondents, *, backup=True):
    """Add scan ``respondents`` to the case file at ``path``, or merge their answers into those it lists.

    A respondent already in the file (the same id) keeps what it has; each
    answer given here is set (a later answer replaces an earlier one), and
    its partner is set when the file gives none.  A new respondent is added
    at the end of ``scan.respondents``.

    Parameters
    ----------
    path : str or os.PathLike
    respondents : iterable of Respondent
    backup : bool

    Returns
    -------
    Written

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from interorg.case import Respondent
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "case.yaml"
    >>> _ = path.write_text("partners: [{id: a}]  # who takes part\\n")
    >>> written = merge_respondents(path, [Respondent("r1", "a", {"felt_urgency_1": 4})], backup=False)
    >>> written.case.scan.respondents[0].answers
    {'felt_urgency_1': 4}
    """
    def change(document):
        scan = document.get("scan")
        if not isinstance(scan, dict):
            scan = document["scan"] = _new_mapping(document)
        # comment lines after the scan (the template's hints, the next section's heading) stay after it
        trailing = _detach_trailing(scan)
        listed = scan.get("respondents")
        if not isinstance(listed, list):
            listed = scan["respondents"] = _new_list(document)
        for respondent in respondents:
            for item in listed:
                if isinstance(item, dict) and item.get("id") == respondent.id:
                    if not isinstance(item.get("answers"), dict):
                        item["answers"] = _new_mapping(document)
                    item["answers"].update(respondent.answers)
                    item.setdefault("partner", respondent.partner)
                    break
            else:
                listed.append(_new_mapping(document, [
                    ("id", respondent.id), ("partner", respondent.partner),
                    ("answers", _new_mapping(document, respondent.answers.items()))]))
        _attach_trailing(scan, trailing)

    return update_case_file(path, change, backup=backup)


def _last_entry(node):
    """The mapping and key of the entry written last inside ``node``, or None when that is no mapping's."""
    found = None
    while isinstance(node, CommentedMap) and node:
        key = next(reversed(node))
        found, node = (node, key), node[key]
        while isinstance(node, CommentedSeq) and node:
            node = node[-1]
    return found


def _detach_trailing(node):
    """Take the comment lines that follow ``node`` off the entry ruamel.yaml attaches them to.

    ruamel.yaml keeps the comment lines after a block as the comment of the
    last entry in it; entries added after that entry would be written below
    them.  A comment on the entry's own line stays with it.
    """
    found = _last_entry(node)
    if found is None:
        return None
    mapping, key = found
    comments = mapping.ca.items.get(key)
    if not comments or len(comments) < 3 or comments[2] is None:
        return None
    token = comments[2]
    own_line, newline, rest = token.value.partition("\n")
    if not rest:
        return None
    token.value = own_line + newline
    return rest


def _attach_trailing(node, lines):
    """Put comment lines taken off by :func:`_detach_trailing` after what is now the last entry of ``node``."""
    found = _last_entry(node) if lines else None
    if found is None:
        return
    mapping, key = found
    comments = mapping.ca.items.setdefault(key, [None, None, None, None])
    if comments[2] is None:
        mapping.yaml_add_eol_comment("#", key)  # creates the token in ruamel.yaml's own way
        comments = mapping.ca.items[key]
        comments[2].value = "\n" + lines
    else:
        comments[2].value = comments[2].value.rstrip("\n") + "\n" + lines
