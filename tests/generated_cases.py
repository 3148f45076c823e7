"""Generated cases for property tests: every optional field of a section drawn from its allowed values.

The strategies read the attrs classes of :mod:`interorg.case`: a ``Literal``
field takes one of its values or None, a ``bool`` field True, False or
None; nested sections are drawn the same way.  Partners, relationships and
reasons are drawn with valid references, so every generated case is valid.
"""

import types
import typing

import attrs
from hypothesis import strategies as st

from interorg import case as model

PARTNER_IDS = ("p0", "p1", "p2", "p3")


def _options(tp):
    """The strategy for one field type, or None when the field is left out (text, ids, lists)."""
    args = typing.get_args(tp)
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        if len(inner) == 1:
            found = _options(inner[0])
            return None if found is None else st.one_of(st.none(), found)
        return None
    if typing.get_origin(tp) is typing.Literal:
        return st.sampled_from(args)
    if tp is bool:
        return st.booleans()
    if attrs.has(tp):
        return section(tp)
    return None


def section(cls, **fixed):
    """A strategy for the attrs class ``cls``: each optional enum or boolean field drawn, the others left out."""
    hints = typing.get_type_hints(cls)
    fields = dict(fixed)
    for field in attrs.fields(cls):
        if field.name in fields or field.default is attrs.NOTHING:
            continue
        strategy = _options(hints[field.name])
        if strategy is not None:
            fields[field.name] = strategy
    return st.builds(cls, **fields)


@st.composite
def cases(draw):
    """A valid case: up to four partners with positions and fit, care, reasons, relationships between them."""
    count = draw(st.integers(2, len(PARTNER_IDS)))
    ids = PARTNER_IDS[:count]
    partners = [draw(section(model.Partner, id=st.just(pid))) for pid in ids]
    pairs = [(a, b) for i, a in enumerate(ids) for b in ids[i + 1:]]
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=len(pairs)))
    relationships = [draw(section(model.Relationship, between=st.just(pair))) for pair in chosen]
    reasons = draw(st.lists(st.sampled_from(typing.get_args(typing.get_type_hints(model.StatedReason)["reason"])),
                            unique=True, max_size=3))
    return model.Case(
        partners=partners,
        care=draw(st.one_of(st.none(), section(model.Care))),
        reasons=[draw(section(model.StatedReason, reason=st.just(reason))) for reason in reasons],
        relationships=relationships,
        form=draw(st.one_of(st.none(), section(model.CollaborationForm))),
    )
