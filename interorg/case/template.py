"""A commented template of a case file, to start a new case in minutes (``interorg new``).

The template is written from the case model (the same attrs classes a file
is checked against) and the vocabulary's labels, so it lists every key a
section has, with its allowed values and what it means.  Required keys are
filled in with example values; the optional ones are comments to fill in
and uncomment.  The template is itself a valid case, with two example
partners for the other sections to refer to.

In another language the keys and values stay what a case file must say;
the comments are said by ``translate``, which the command line takes from
``knowledge/case_format.yaml`` (``interorg new --lang nl``).
"""

import functools
import importlib.resources
import textwrap
import types
import typing

import attrs
import yaml

from .model import Case
from .schema import SCHEMA_FILE, _descriptions, _untranslated, first_sentence, plain, shipped_schema

__all__ = ["SECTIONS", "case_template"]

def _section_names():
    hints = typing.get_type_hints(Case)

    def structured(tp):
        tp = _inner(tp)
        return attrs.has(tp) or (typing.get_origin(tp) is tuple and attrs.has(typing.get_args(tp)[0]))

    return tuple(field.name for field in attrs.fields(Case) if structured(hints[field.name]))

_PARTNERS = ("partner-a", "partner-b")
_WIDTH = 100


@functools.lru_cache(maxsize=None)
def _vocabulary_labels():
    """``(case path, field)`` to the vocabulary's Dutch label, to name the workbook's terms in comments."""
    found = {}
    folder = importlib.resources.files("interorg.knowledge") / "vocabulary"
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if not entry.name.endswith(".yaml"):
            continue
        for fact in (yaml.safe_load(entry.read_text(encoding="utf-8")).get("facts") or {}).values():
            for name, field in (fact.get("fields") or {}).items():
                label = (field.get("label") or {}).get("nl")
                if label:
                    found.setdefault((fact["case_path"].replace("[]", ""), name), label)
    return found


def _inner(tp):
    """The type inside ``X | None``."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return next(arg for arg in typing.get_args(tp) if arg is not type(None))
    return tp


#: The sections of a case, in the order of the model.
SECTIONS = _section_names()


def _hint(tp, say):
    """The allowed values of a leaf type, in words."""
    tp = _inner(tp)
    origin = typing.get_origin(tp)
    if origin is typing.Literal:
        values = list(map(str, typing.get_args(tp)))
        # a long list is cut: the editor's schema completion and the docs give them all
        return " | ".join(values) if len(values) <= 8 else " | ".join(values[:5]) + " | " + say("… (see the schema)")
    if origin is tuple:
        return f"[{_hint(typing.get_args(tp)[0], say)}, ...]"
    if origin is dict:
        return say("{key: value, ...}")
    if tp is bool:
        return "true | false"  # what the file says, in any language
    words = {int: "a whole number", float: "a number", str: "text"}.get(tp)
    return say(words) if words else ""


def _example(name, tp, number, owner, say):
    """A valid example value for a required leaf field of class ``owner``."""
    tp = _inner(tp)
    origin = typing.get_origin(tp)
    if origin is typing.Literal:
        return typing.get_args(tp)[0]
    if origin is tuple:
        return list(_PARTNERS) if name == "between" else [_example(name, typing.get_args(tp)[0], 0, owner, say)]
    if name in ("partner", "by", "municipality"):
        return _PARTNERS[0]
    if name == "on":
        return _PARTNERS[1]
    if name == "id":
        return _PARTNERS[number] if owner == "Partner" else f"{owner.lower()}-{number + 1}"
    return {bool: True, int: 2, float: 1.0}.get(tp, f"{name} ({say('text')})")


def _comment(path, field, tp, described, say, lang):
    words = first_sentence(described.get(field.name, ""))
    # an id is the user's own; the vocabulary's label of the field 'id' names what the fact is about.
    # The label is the workbook's Dutch term, added to a text in another language; the Dutch texts use it.
    dutch = _vocabulary_labels().get((path, field.name)) if field.name != "id" and lang != "nl" else None
    if dutch and "(" in dutch:  # a label that explains itself (a table's heading) is no term to gloss with
        dutch = None
    hint = _hint(tp, say)
    if len(words) > 90:
        words = words[:89].rsplit(" ", 1)[0] + " …"
    parts = [part for part in (hint, f"({dutch})" if dutch and dutch.lower() not in words.lower() else "", words) if part]
    return " — ".join([parts[0], " ".join(parts[1:])]) if len(parts) > 1 else (parts[0] if parts else "")


def _emit(cls, path, indent, out, commented, say, lang, number=0):
    """The lines of one attrs object: required fields with examples, optional ones commented out."""
    hints = typing.get_type_hints(cls)
    described = {name: plain(say(text)) for name, text in _descriptions(cls).items()}
    pad = " " * indent
    for field in attrs.fields(cls):
        required = field.default is attrs.NOTHING
        if field.metadata.get("internal") or (number and not required):
            continue  # a second item shows only what it must have; the first shows everything
        tp = _inner(hints[field.name])
        mark = "# " if commented or not required else ""
        origin = typing.get_origin(tp)
        child = f"{path}.{field.name}" if path else field.name
        if attrs.has(tp):
            out.append(f"{pad}{mark}{field.name}:  # {first_sentence(described.get(field.name, ''))}".rstrip(" #:"))
            _emit(tp, child, indent + 2, out, commented or not required, say, lang)
        elif origin is tuple and attrs.has(typing.get_args(tp)[0]):
            out.append(f"{pad}{mark}{field.name}:")
            _emit_item(typing.get_args(tp)[0], child, indent + 2, out, commented or not required, say, lang, 0)
        else:
            value = _example(field.name, tp, number, cls.__name__, say) if required else None
            text = yaml.safe_dump(value, default_flow_style=True).strip().removesuffix("...").strip()
            comment = _comment(path, field, tp, described, say, lang)
            line = f"{pad}{mark}{field.name}: {text if required else ''}".rstrip()
            out.append(f"{line}  # {comment}" if comment else line)


def _emit_item(cls, path, indent, out, commented, say, lang, number):
    """One item of a list section, as ``- key: value``."""
    lines = []
    _emit(cls, path, indent + 2, lines, commented, say, lang, number)
    if lines:
        first = lines[0]
        stripped = first[indent + 2:]
        hashed = stripped.startswith("# ")
        lines[0] = " " * indent + ("# - " + stripped[2:] if hashed else "- " + stripped)
    out.extend(lines)


def case_template(sections=None, name=None, schema=None, lang="en", translate=None):
    """Return the text of a commented YAML case file with the chosen sections.

    Parameters
    ----------
    sections : iterable of str, optional
        Which sections of :data:`SECTIONS` to include; by default all.
        ``partners`` is always included, since other sections refer to them.
    name : str, optional
        The name of the collaboration; by default "My collaboration" in
        the template's language.
    schema : str, optional
        The location of the JSON Schema for the editor's
        ``# yaml-language-server: $schema=`` line; by default the file
        shipped with interorg, in ``lang`` where one is shipped.
    lang : str
        The language of the comments: ``'en'``, or the language
        ``translate`` says them in.  In English a comment adds the
        vocabulary's Dutch term in brackets; in Dutch the text uses it.
    translate : callable, optional
        ``translate(text)``: the English ``text`` in ``lang``; by default
        the English itself.  The keys and values are not translated.

    Returns
    -------
    str

    Raises
    ------
    ValueError
        If a section is not one of :data:`SECTIONS`.

    Examples
    --------
    >>> from interorg.case import case_from_text
    >>> text = case_template(["relationships"])
    >>> [p.id for p in case_from_text(text).partners]
    ['partner-a', 'partner-b']
    >>> "# trust:  # high | low" in text
    True
    """
    chosen = list(SECTIONS) if sections is None else list(sections)
    unknown = [section for section in chosen if section not in SECTIONS]
    if unknown:
        raise ValueError(f"unknown section(s) {', '.join(unknown)}; expected some of {', '.join(SECTIONS)}")
    say = translate or _untranslated
    if schema is None:
        shipped = shipped_schema(lang)
        shipped = shipped if shipped.is_file() else shipped_schema()
        schema = shipped.as_uri() if hasattr(shipped, "as_uri") else SCHEMA_FILE
    name = say("My collaboration") if name is None else name
    hints = typing.get_type_hints(Case)
    described = {field: plain(say(text)) for field, text in _descriptions(Case).items()}
    out = [f"# yaml-language-server: $schema={schema}",
           "# " + say("An interorg case. Every section is optional: fill in what you know and delete the rest."),
           "# " + say("Lines starting with '#' are comments; remove the '# ' to give a value."),
           "# " + say("Check it with: interorg validate THIS_FILE"), "",
           f"name: {yaml.safe_dump(name, default_flow_style=True).strip().removesuffix('...').strip()}",
           "# description: " + say("free text"),
           "# assessed: 2026-03-01  # " + say("when this assessment was made (YYYY-MM-DD)"),
           "# round: 1  # " + say("the number of the assessment, 1 for the first")]
    for section in SECTIONS:
        if section not in chosen and section != "partners":
            continue
        out.append("")
        for line in textwrap.wrap(described.get(section, ""), _WIDTH - 2):
            out.append(f"# {line}")
        tp = _inner(hints[section])
        if section == "partners":
            out.append("partners:")
            for number in range(2):
                _emit_item(typing.get_args(tp)[0], "partners", 2, out, False, say, lang, number)
        elif typing.get_origin(tp) is tuple:
            # commented out as a whole: an example item left in would become a fact of the case
            out.append(f"# {section}:")
            _emit_item(typing.get_args(tp)[0], section, 2, out, True, say, lang, 0)
        else:
            out.append(f"{section}:")
            _emit(tp, section, 2, out, False, say, lang)
    return "\n".join(out) + "\n"
