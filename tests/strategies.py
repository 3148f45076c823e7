"""Hypothesis strategies for cases: valid ones drawn from the case model's vocabulary, and hostile shapes.

The values come from the ``Literal`` types of the case model (which
``tests/facts/test_vocabulary.py`` keeps equal to ``knowledge/vocabulary/``),
the texts from the vocabulary's English and Dutch labels, from any Unicode
and from a list of hostile texts (control sequences, Markdown and HTML that
would break a report, formulas for matplotlib).  ``case_data`` gives plain
data of a case whose references hold; ``document_bytes`` gives the bytes of
a case file: valid cases written as YAML or JSON, mutations of them, hostile
templates, and arbitrary bytes.
"""

import json
import os
import types
import typing

import attrs
import yaml
from hypothesis import strategies as st

import interorg
from conftest import SHIPPED
from interorg.case._types import ID_META

#: Examples per run: a few hundred in every test run, many more in `make fuzz`.
SCALE = int(os.environ.get("INTERORG_FUZZ_SCALE", "1"))

HOSTILE_TEXTS = [
    "\x1b]0;x\x07\x1b[2J", "```\n</details><script>alert(1)</script>", "# heading", "| a | b |",
    "$\\undefinedmacro$", "a\nb\r\nc", "\x85\u2028\u2029", "\u202eevil", "{name} %s", "\x00\x01", "<b>&amp;</b>",
    "null", "~", "- item", "* star", "1. one", "> quote", "  leading", "é ü 漢字 🙂", "\t",
]


def _vocabulary_words():
    words = set()
    for path in sorted((SHIPPED / "vocabulary").glob("*.yaml")):
        stack = [yaml.safe_load(path.read_text(encoding="utf-8"))]
        while stack:
            value = stack.pop()
            if isinstance(value, dict):
                stack.extend(value.values())
                words.update(key for key in value if isinstance(key, str))
            elif isinstance(value, list):
                stack.extend(value)
            elif isinstance(value, str) and len(value) < 80:
                words.add(value)
    return sorted(words)


WORDS = _vocabulary_words()
TEXT = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(HOSTILE_TEXTS),
    st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12),
).filter(str.strip)
IDS = st.from_regex(r"[a-z][a-z0-9_-]{0,6}", fullmatch=True)


class _Partner:
    """A reference to the case's partner number ``index``, resolved once the partners are drawn."""

    def __init__(self, index):
        self.index = index


def _for_type(tp, metadata):
    """A strategy for plain data of type ``tp``; references to partners are drawn as :class:`_Partner`."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [arg for arg in typing.get_args(tp) if arg is not type(None)][0]
        return st.one_of(st.none(), _for_type(inner, metadata))
    if origin is typing.Literal:
        return st.sampled_from(typing.get_args(tp))
    if origin is dict:
        key_type, item_type = typing.get_args(tp)
        low, high = metadata.get("min", 1), metadata.get("max", 5)
        items = st.one_of(st.none(), st.integers(low, high)) if item_type is not str else TEXT
        if typing.get_origin(item_type) in (typing.Union, types.UnionType) and str in typing.get_args(item_type):
            items = st.one_of(st.none(), TEXT)
        return st.dictionaries(st.sampled_from(typing.get_args(key_type)), items, max_size=4)
    if origin is tuple:
        (item_type,) = [arg for arg in typing.get_args(tp) if arg is not Ellipsis]
        items = _for_type(item_type, metadata)
        if typing.get_origin(item_type) is typing.Literal:
            return st.lists(items, unique=True, max_size=3)
        first = attrs.fields(item_type)[0].name if attrs.has(item_type) else None
        return st.lists(items, max_size=2, unique_by=(lambda item: repr(item.get(first))) if first else None)
    if attrs.has(tp):
        return _for_attrs(tp)
    if tp is bool:
        return st.booleans()
    if tp is int:
        return st.integers(metadata.get("min", 2), metadata.get("max", 12))
    if tp is float:
        return st.floats(metadata.get("min", 0), metadata.get("max", 1))
    if tp is str:
        if metadata.get("pattern") is ID_META["pattern"]:
            return st.builds(_Partner, st.integers(0, 9))
        return TEXT
    raise TypeError(tp)


def _for_attrs(cls):
    hints = typing.get_type_hints(cls)
    required, optional = {}, {}
    for field in attrs.fields(cls):
        if field.metadata.get("internal"):
            continue
        strategy = _for_type(hints[field.name], field.metadata)
        (optional if field.default is not attrs.NOTHING else required)[field.name] = strategy
    return st.fixed_dictionaries(required, optional=optional)


def _resolve(value, ids):
    """``value`` with each :class:`_Partner` replaced by a partner id (an unknown one when there are none)."""
    if isinstance(value, _Partner):
        return ids[value.index % len(ids)] if ids else f"p{value.index}"
    if isinstance(value, dict):
        return {key: _resolve(item, ids) for key, item in value.items()}
    if isinstance(value, list):
        return [_resolve(item, ids) for item in value]
    return value


#: The sections built with their references below; every other section is drawn from its type.
_LINKED = {"partners", "relationships", "dependencies", "scan", "governance"}
_HINTS = typing.get_type_hints(interorg.Case)
_SECTIONS = {field.name: _for_type(_HINTS[field.name], field.metadata)
             for field in attrs.fields(interorg.Case) if field.name not in _LINKED}
_PARTNER = st.fixed_dictionaries({}, optional={name: _for_type(tp, {}) for name, tp in
                                               typing.get_type_hints(interorg.Partner).items() if name != "id"})
_RELATIONSHIP = _for_attrs(interorg.Relationship)
_ANSWERS = _for_type(typing.get_type_hints(interorg.Respondent)["answers"], {"min": 1, "max": 5})


@st.composite
def case_data(draw):
    """Plain data of a case whose partner ids are unique and whose references are to them."""
    ids = draw(st.lists(IDS, min_size=0, max_size=4, unique=True))
    chosen = draw(st.lists(st.sampled_from(sorted(_SECTIONS)), unique=True, max_size=6))
    data = {name: draw(_SECTIONS[name]) for name in chosen}
    data["partners"] = [dict(draw(_PARTNER), id=pid) for pid in ids]
    pairs = [(a, b) for i, a in enumerate(ids) for b in ids[i + 1:]]
    for pair in draw(st.lists(st.sampled_from(pairs), unique=True, max_size=3)) if pairs else []:
        data.setdefault("relationships", []).append(dict(draw(_RELATIONSHIP), between=list(pair)))
    for partner, on in draw(st.lists(st.sampled_from(pairs), unique=True, max_size=3)) if pairs else []:
        data.setdefault("dependencies", []).append(
            {"partner": partner, "on": on, "strength": draw(st.sampled_from(["high", "low"]))})
    if ids and draw(st.booleans()):
        respondents = draw(st.lists(IDS, unique=True, max_size=3))
        data["scan"] = {"respondents": [{"id": rid, "partner": draw(st.sampled_from(ids)), "answers": draw(_ANSWERS)}
                                        for rid in respondents]}
    data = _resolve(data, ids)
    # each motive, leader or board member names its partner (or name) once
    for section in ("motives", "leadership", "board_members"):
        if section in data:
            data[section] = list({repr(item.get("partner", item.get("name"))): item for item in data[section]}.values())
    return data


def _yaml_text(data):
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


HOSTILE_TEMPLATES = [
    "a: &a [x, x]\nb: [*a, *a]\n", "partners: &p [*p]\n", "? [a, b]\n: 1\n", "name: !!bool maybe\n",
    "name: !!int abc\n", "name: !!float abc\n", "name: !!timestamp 2020-13-45\n", "name: !!binary AAAA\n",
    "name: !!python/name:os.system\n", "governance: {participants: " + "9" * 400 + "}\n", 'name: "\\ud800"\n',
    '{"name": "a", "name": "b"}', "", "# only a comment\n", "null\n", "---\n---\n", '{"": 1}', "[1, 2]\n", "42\n",
    "name: [" * 40 + "]" * 40 + "\n", '{"a": ' * 40 + "1" + "}" * 40, "partners: [{id: a}, {id: a}]\n",
    "<<: {name: x}\n", "name: .nan\n", '{"governance": {"participants": NaN}}', "care: {demand: complex}\n\t\n",
]


def _mutate(draw, raw):
    """``raw`` changed in one of the ways a file is damaged or tampered with."""
    how = draw(st.sampled_from(["cut", "flip", "insert", "repeat", "nest", "none"]))
    if not raw or how == "none":
        return raw
    at = draw(st.integers(0, len(raw)))
    if how == "cut":
        return raw[:at]
    if how == "flip":
        at = min(at, len(raw) - 1)
        return raw[:at] + bytes([draw(st.integers(0, 255))]) + raw[at + 1:]
    if how == "insert":
        piece = draw(st.sampled_from([b"&x ", b"*x", b"!!str ", b"!!bool ", b"? ", b": ", b"- ", b"{", b"[", b"\"",
                                      b"\n", b"\t", b"\xff", b"\x00", b"\xed\xa0\x80", b"#", b"<<: ", b"---\n"]))
        return raw[:at] + piece + raw[at:]
    if how == "repeat":
        return raw[:at] + raw[at:] * draw(st.integers(2, 4))
    return b"a: " + b"[" * draw(st.integers(10, 200)) + raw


@st.composite
def document_bytes(draw):
    """The bytes of a case file, and whether it is JSON: valid, mutated, hostile or arbitrary."""
    kind = draw(st.sampled_from(["yaml", "json", "template", "binary"]))
    if kind == "binary":
        return draw(st.binary(max_size=200)), draw(st.booleans())
    if kind == "template":
        raw, is_json = draw(st.sampled_from(HOSTILE_TEMPLATES)).encode(), False
    else:
        data = draw(case_data())
        is_json = kind == "json"
        raw = (json.dumps(data, ensure_ascii=draw(st.booleans())) if is_json else _yaml_text(data)).encode("utf-8")
    return _mutate(draw, raw), is_json
