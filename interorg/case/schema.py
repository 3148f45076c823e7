"""A JSON Schema of the case format, generated from the attrs classes of the case model.

Editors that speak JSON Schema (VS Code with the YAML extension, PyCharm)
complete keys, list the allowed values and show each field's description
while a case is typed: put ``# yaml-language-server: $schema=<url or path>``
on the first line of a YAML case.  The types, allowed values, ranges and
patterns are read from the annotations and field metadata that
:func:`interorg.load_case` checks against, and the descriptions from the
``Attributes`` sections of the classes' docstrings, so the schema cannot
drift from the model: ``tests/case/test_schema.py`` checks that the shipped
``case.schema.json`` is what :func:`case_schema` generates.  The same schema
in Dutch, ``case.schema.nl.json``, says each description in the Dutch of
``knowledge/case_format.yaml`` (given as ``translate``), so that an editor
shows a Dutch template's fields in Dutch.  The schema
checks single fields; what spans fields (unknown partner ids, a pair given
twice) is checked by ``interorg validate``.
"""

import importlib.resources
import inspect
import json
import re
import types
import typing

import attrs

from .model import Case

__all__ = ["SCHEMA_FILE", "case_schema", "schema_file", "schema_text", "shipped_schema"]

#: The name of the generated schema shipped in the package, beside this module.
SCHEMA_FILE = "case.schema.json"
_ID = "https://interorg.invalid/"


def schema_file(lang="en"):
    """The name of the schema in ``lang``: ``case.schema.json`` in English, ``case.schema.nl.json`` in Dutch."""
    return SCHEMA_FILE if lang == "en" else SCHEMA_FILE.replace(".json", f".{lang}.json")


def _untranslated(text):
    return text


#: A cross-reference of a docstring (:class:`Partner`, :data:`ACTIVITIES`): shown as its name.
_ROLE = re.compile(r":[a-z]+:`~?([^`<]+?)(?: <[^`]+>)?`")
#: Where a sentence may end: a full stop, then a capital (or a quote or bracket before one).
_SENTENCE_END = re.compile(r"\.\s+(?=[\"'(]?[A-Z])")
#: What ends in a full stop without ending a sentence.
_ABBREVIATIONS = ("e.g", "i.e", "cf", "etc", "vs", "bijv", "bv", "o.a", "d.w.z", "m.a.w")


def plain(text):
    """A docstring's words for a reader of a case file: cross-references and code marks as plain words.

    Examples
    --------
    >>> plain("The ids of two partners (see :class:`Partner`); ``False`` is none")
    'The ids of two partners (see Partner); False is none'
    """
    return _ROLE.sub(lambda match: match.group(1).rsplit(".", 1)[-1], text).replace("``", "")


def first_sentence(text):
    """The first sentence of ``text``, without its full stop; an abbreviation or a numbered item does not end it.

    Examples
    --------
    >>> first_sentence("A. Beleid/regie/middelen: resources. More here.")
    'A. Beleid/regie/middelen: resources'
    >>> first_sentence("Weak criteria, e.g. Commitment. Then more."), first_sentence("Principle 1. Shared goals")
    ('Weak criteria, e.g. Commitment', 'Principle 1. Shared goals')
    """
    for match in _SENTENCE_END.finditer(text):
        word = text[:match.start()].rsplit(None, 1)[-1] if text[:match.start()].strip() else ""
        if len(word) <= 1 or word.isdigit() or word.lower() in _ABBREVIATIONS:
            continue
        return text[:match.start()]
    return text.rstrip().rstrip(".")


def _descriptions(cls):
    """Field name to the first paragraph of its description in the class's ``Attributes`` section."""
    doc = inspect.getdoc(cls) or ""
    found, names, lines = {}, None, []
    section = doc.split("Attributes\n----------\n", 1)
    if len(section) < 2:
        return found
    for line in re.split(r"\n[A-Z][a-z]+\n-+\n", section[1], maxsplit=1)[0].splitlines():
        header = re.match(r"^([a-z_][a-z_0-9, ]*?) : (.*)$", line)
        if header and not line.startswith(" "):
            if names:
                found.update({name: " ".join(lines) for name in names})
            names, lines = [n.strip() for n in header.group(1).split(",")], []
        elif line.strip() and names is not None:
            lines.append(line.strip())
        elif names and lines:  # a blank line ends the first paragraph
            found.update({name: " ".join(lines) for name in names})
            names = []
    if names:
        found.update({name: " ".join(lines) for name in names})
    return found


def _type(tp, definitions, metadata, say):
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [arg for arg in typing.get_args(tp) if arg is not type(None)]
        return {"anyOf": [_type(inner[0], definitions, metadata, say), {"type": "null"}]}
    if origin is typing.Literal:
        return {"enum": list(typing.get_args(tp))}
    if origin is tuple:
        schema = {"type": "array", "items": _type(typing.get_args(tp)[0], definitions, {}, say)}
        if metadata.get("min_length"):
            schema["minItems"] = metadata["min_length"]
        return schema
    if origin is dict:
        key_type, item_type = typing.get_args(tp)
        schema = {"type": "object", "additionalProperties": _type(item_type, definitions, metadata, say)}
        if typing.get_origin(key_type) is typing.Literal:
            schema["propertyNames"] = {"enum": list(typing.get_args(key_type))}
        return schema
    if attrs.has(tp):
        if tp.__name__ not in definitions:
            definitions[tp.__name__] = None  # reserved first, for classes that refer to themselves
            definitions[tp.__name__] = _object(tp, definitions, say)
        return {"$ref": f"#/$defs/{tp.__name__}"}
    schema = {bool: {"type": "boolean"}, int: {"type": "integer"}, float: {"type": "number"},
              str: {"type": "string", "minLength": 1}}[tp].copy()
    if tp in (int, float):
        schema.update({key: metadata[name] for name, key in (("min", "minimum"), ("max", "maximum"))
                       if metadata.get(name) is not None})
    if tp is str and "pattern" in metadata:
        schema["pattern"] = f"^(?:{metadata['pattern'].pattern})$"
    return schema


def _object(cls, definitions, say):
    hints = typing.get_type_hints(cls)
    described = _descriptions(cls)
    properties, required = {}, []
    for field in attrs.fields(cls):
        if field.metadata.get("internal"):
            continue
        schema = _type(hints[field.name], definitions, field.metadata, say)
        if field.name in described:
            schema = {**schema, "description": plain(say(described[field.name]))}
        properties[field.name] = schema
        if field.default is attrs.NOTHING:
            required.append(field.name)
    summary = (inspect.getdoc(cls) or "").split("\n\n")[0].replace("\n", " ")
    schema = {"type": "object", "description": plain(say(summary)), "properties": properties,
              "additionalProperties": False}
    if required:
        schema["required"] = required
    return schema


def case_schema(lang="en", translate=None):
    """The JSON Schema (draft 2020-12) of a case file, as a dict.

    Parameters
    ----------
    lang : str
        The language of the descriptions: it names the schema (its ``$id``,
        :func:`schema_file`).
    translate : callable, optional
        ``translate(text)``: the English ``text`` (a title or description)
        in ``lang``; by default the English itself.  The command line gives
        the Dutch of ``knowledge/case_format.yaml``.

    Returns
    -------
    dict

    Examples
    --------
    >>> schema = case_schema()
    >>> schema["properties"]["care"]["anyOf"][0]
    {'$ref': '#/$defs/Care'}
    >>> schema["$defs"]["Relationship"]["properties"]["trust"]["anyOf"][0]
    {'enum': ['high', 'low']}
    """
    say = translate or _untranslated
    definitions = {}
    root = _object(Case, definitions, say)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": _ID + schema_file(lang),
            "title": say("interorg case"), **root, "$defs": dict(sorted(definitions.items()))}


def schema_text(lang="en", translate=None):
    """The schema as the text of ``case.schema.json`` (indented, with a final newline); see :func:`case_schema`."""
    return json.dumps(case_schema(lang, translate), indent=2, ensure_ascii=False) + "\n"


def shipped_schema(lang="en"):
    """The path of the schema in ``lang`` shipped in the package (for ``$schema=`` in an editor)."""
    return importlib.resources.files("interorg.case") / schema_file(lang)
