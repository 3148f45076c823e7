"""Where why-not puts a fact the case does not have yet, and what else its new item must say to be valid.

A rule may need a fact that no item of the case gives: a board member, a
motive of some category, the position criteria of a partner.  The search
of :mod:`interorg.engine.proposals` names only what the rule tests of it;
the case file needs more.

- A fact that stands inside another item (a motive in a partner's
  ``motives``, a partner's ``criteria``) is placed in an item that holds
  such facts, the one its identifying field names, or else in a new one
  (:meth:`NewItems.nested`).
- A new item gets the keys the case model requires of it that the rule
  does not set (:meth:`NewItems.required`): a partner field names a
  partner of the case that the list does not name yet (where there is
  one), a text (a board
  member's name) is written as "other", as any other text is that a rule
  leaves free.  What is chosen is shown with the other changes, so that
  the user sees it and can choose otherwise.
- An activity or a domain of the phase's checklist, on a case that gives
  no checklist, comes with one (:meth:`NewItems.checklist`).

Every set of changes is still checked as a case file is and run
(:mod:`.editing`), so a choice made here that does not suit the case is
refused there, never proposed.
"""

import functools
import re
import types
import typing

import attrs

from ..case.model import Case
from ..case.scan import FACTORS
from ..engine.edits import GIVEN
from ..engine.symbolic import OTHER
from ..utils.casepaths import value_at
from .changing import one_of
from .diagnosis import CHECKLIST, SWITCH
from .paths import FORMS

__all__ = ["NewItems", "empty_at", "new_place", "plain_value", "required_keys"]

#: The value a text the rule leaves free is written as (any other text would do as well).
OTHER_TEXT = "other"
#: The fields of the case that name a partner (by its id).
PARTNER_FIELDS = ("id", "partner", "by", "on", "municipality", "partner_a", "partner_b")
#: For a fact inside another item, its fields that are the holding item's keys: which item it stands in.
_HELD_BY = {"partner_position": {"id": "id"}, "partner_fit": {"id": "id"}}
#: The facts of the phase's checklist: the field that names each, which its place (``phase.done``) gives.
_CHECKLIST_FACTS = {"phase_activity": "id", "phase_domain": "domain"}
#: What an activity of the checklist is, by its id: the fields of its entry in ``CHECKLIST``.
_ACTIVITY = ("id", "phase", "domain", "before_switch")


def _inner(tp, items=False):
    """The type inside ``X | None``, and with ``items`` inside ``tuple[X, ...]``."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        tp = next(arg for arg in typing.get_args(tp) if arg is not type(None))
    if items and typing.get_origin(tp) is tuple:
        tp = typing.get_args(tp)[0]
    return tp


@functools.lru_cache(maxsize=1024)  # paths with their indices: bounded, as a sweep meets many
def _field_type(path):
    """The case model's type of the key at ``path`` (indices and ``[]`` aside, ``X | None`` as ``X``); None for none."""
    cls, tp = Case, None
    for key in re.sub(r"\[\d*\]", "", path).split("."):
        if cls is None or not attrs.has(cls) or getattr(attrs.fields(cls), key, None) is None:
            return None
        tp = _inner(typing.get_type_hints(cls)[key])
        cls = _inner(tp, items=True)
    return tp


def _item_class(section):
    """The attrs class of an item of the list at ``section`` (or of the mapping there); None for no such class."""
    cls = _inner(_field_type(section), items=True)
    return cls if attrs.has(cls) else None


def new_place(fact_type, values):
    """Where a new fact of a type computed from a section of the case is made, or None where none can be.

    A scan factor nobody answered is made by answering its statements
    (``values`` name the factor by its ``id``); the spread of the motives
    by giving the partners' motives.

    Examples
    --------
    >>> new_place("scan_factor", {"id": "equality"}), new_place("motives_spread", {}), new_place("network", {})
    ('scan.respondents', 'motives', None)
    """
    if fact_type == "scan_factor" and values.get("id") in FACTORS:
        return "scan.respondents"
    if fact_type == "motives_spread":
        return "motives"
    return None


def empty_at(path):
    """What a case gives at ``path`` to give it without content: an empty list for a list, else an empty mapping.

    Examples
    --------
    >>> empty_at("phase.done"), empty_at("partners[0].criteria"), empty_at("care.municipalities[0]")
    ([], {}, {})
    """
    if path.endswith("]"):
        return {}  # an item of a list: a mapping (a list of plain values has no empty item)
    return [] if typing.get_origin(_field_type(path)) is tuple else {}


def plain_value(data, section, taken=()):
    """A value for a new item of the list of plain values at ``section``: the first it does not have, or None.

    ``taken`` are values other new items of the list are given already.

    Examples
    --------
    >>> plain_value({"arrangement": {"benefits": ["efficiency"]}}, "arrangement.benefits")
    'learning'
    >>> plain_value({}, "reasons") is None
    True
    """
    tp = _field_type(section)
    cls = _inner(tp, items=True)
    if typing.get_origin(tp) is not tuple or typing.get_origin(cls) is not typing.Literal:
        return None
    listed = [*(value_at(data, section) or ()), *taken]
    return next((value for value in typing.get_args(cls) if value not in listed), None)


def required_keys(section):
    """The keys the case model requires of an item of the list at ``section`` (``partners``, ``motives``).

    Examples
    --------
    >>> required_keys("board_members"), required_keys("care.municipalities"), required_keys("reasons[]")
    (('name',), ('municipality',), ('reason',))
    >>> required_keys("care"), required_keys("no.such")
    ((), ())
    """
    cls = _item_class(section)
    if cls is None:
        return ()
    return tuple(field.name for field in attrs.fields(cls)
                 if field.default is attrs.NOTHING and not field.metadata.get("internal"))


def _holders(form):
    """``(list of holding items, the key of the fact in each, {field: key naming the holding item})``, or None.

    A field that names the holding item is one of its required keys (a
    motive's partner, an emotion's board member); another of its keys (a
    partner's position, for its criteria) is a field like any other.
    """
    if form.kind != "nested" or "[]." not in form.section:
        return None
    holders, _, key = form.section.rpartition("[].")
    naming = required_keys(holders)
    held = {field: item[3:] for field, item in form.keys.items() if item.startswith("../") and item[3:] in naming}
    return holders, key, held


class NewItems:
    """The places and required keys of the new items of one set of changes to a case's plain data.

    Parameters
    ----------
    data : dict
        The case as plain data (not changed).
    partners : list of (str, str or None)
        The case's partners: id and kind.
    choose : callable
        ``choose(field, wanted)``: the value a change of ``field`` to
        ``wanted`` is written as (the editor's, so that a partner left free
        is the same partner wherever the rule joins it).

    Examples
    --------
    >>> data = {"partners": [{"id": "a"}, {"id": "b"}], "motives": [{"partner": "a"}]}
    >>> items = NewItems(data, [("a", None), ("b", None)], lambda field, wanted: "b")
    >>> items.nested("motive", {"partner": OTHER}), items.nested("motive", {"partner": "a"})
    ('motives[1].motives[0]', 'motives[0].motives[0]')
    >>> items.required("motives[1]", {})
    [('motives[1].partner', 'b')]
    >>> items.required("board_members[0]", {})
    [('board_members[0].name', 'other')]
    """

    def __init__(self, data, partners, choose):
        self.data = data
        self.partners = partners
        self.choose = choose
        self._placed = {}  # list path -> how many new items were put there
        self._written = {}  # new item path -> the keys placement gave it
        self._claimed = {}  # (list path, key) -> the values the changes give new items there
        self._opened = {}  # new item path -> the case keys the changes give it (a motives entry's partner)

    def next_item(self, path, keys=None):
        """The place of a new item of the list at ``path``, after the case's and the new ones before it.

        ``keys`` are the case keys the new item is given (its partner, its
        name): a fact to stand inside an item with those keys goes into it.
        """
        items = value_at(self.data, path)
        number = (len(items) if isinstance(items, list) else 0) + self._placed.get(path, 0)
        self._placed[path] = self._placed.get(path, 0) + 1
        if keys:
            self._opened[f"{path}[{number}]"] = dict(keys)
        return f"{path}[{number}]"

    def held(self, fact_type):
        """The fields of a fact of ``fact_type`` that say which item holds it (none for a fact of its own)."""
        if fact_type in _CHECKLIST_FACTS:
            name = _CHECKLIST_FACTS[fact_type]
            return {name: name}
        form = FORMS.get(fact_type)
        found = None if form is None else _holders(form)
        if found is None:
            return {}
        return {**found[2], **_HELD_BY.get(fact_type, {})}

    def nested(self, fact_type, values):
        """Where a new fact of ``fact_type`` (a fact inside another item) with ``values`` stands; None where none can.

        The item that holds it is the one whose keys have the values the
        fact's identifying fields want: a partner left free is the one
        ``choose`` writes.  Where no item has them, a new one is added
        (not a new partner: a rule about a partner is about one the case
        lists).
        """
        form = FORMS.get(fact_type)
        found = None if form is None else _holders(form)
        if found is None:
            return None
        holders, key, _held = found
        keys = {}
        for field, item in self.held(fact_type).items():
            value = values.get(field)
            if value is OTHER or value == OTHER or value is None:
                if item not in PARTNER_FIELDS:
                    continue  # any item will do (a board member for an emotion)
                value = self.choose(field, (OTHER,))
                if value == OTHER_TEXT:
                    return None  # no partner to name
            keys[item] = value
        items = value_at(self.data, holders)
        items = items if isinstance(items, list) else []
        index = next((n for n, item in enumerate(items) if isinstance(item, dict)
                      and all(item.get(k) == v for k, v in keys.items())), None)
        # or a new item of these keys, made for another new fact of this set
        opened = next((path for path, its in self._opened.items() if path.rpartition("[")[0] == holders
                       and all(its.get(k) == v for k, v in keys.items())), None)
        if index is not None:
            parent = f"{holders}[{index}]"
        elif opened is not None:
            parent = opened
        elif holders == "partners":
            return None
        else:
            parent = self.next_item(holders, keys)
            self._written[parent] = dict(keys)
        if "" not in form.keys.values():
            return f"{parent}.{key}"  # one mapping per item (a partner's criteria)
        return self.next_item(f"{parent}.{key}")

    def checklist(self, fact_type, edits):
        """``(path, values, changes)`` of a new activity or domain of the phase's checklist; None for another fact.

        The case gives those facts once it gives ``phase.done`` (a domain's
        also a current phase), so that is written where it is not given
        (an empty checklist; the switch point as the current phase, where
        :mod:`.derived_phase` moves from when none is given).  An activity
        is the first of the checklist that is what ``edits`` want of its
        id, phase, domain and whether it comes before the switch point: what
        an activity is follows from its id.
        """
        name = _CHECKLIST_FACTS.get(fact_type)
        if name is None:
            return None
        wanted = {edit.field: edit.wanted for edit in edits if edit.field}
        if fact_type == "phase_activity":
            entry = next((entry for entry in CHECKLIST
                          if all(one_of(value, wanted[field]) for field, value in zip(_ACTIVITY, entry)
                                 if field in wanted)), None)
            if entry is None:
                return None
            values = dict(zip(_ACTIVITY, entry))
        else:
            values = {name: next((v for v in wanted.get(name, ()) if isinstance(v, str) and v != OTHER), None)}
            if values[name] is None:
                return None
        changes = []
        if value_at(self.data, "phase.done") is None and not (fact_type == "phase_activity" and _done(edits)):
            changes.append(("phase.done", GIVEN))
        if fact_type == "phase_domain" and value_at(self.data, "phase.current") is None:
            changes.append(("phase.current", SWITCH))
        return "phase.done", values, changes

    def new_holders(self):
        """The new holding items placed so far and the keys that identify each: ``{path: {key: value}}``."""
        return dict(self._written)

    def claim(self, path, value):
        """Note that a change writes ``value`` at ``path``: a new item's required key then takes another value."""
        item, _, name = path.rpartition(".")
        if item.endswith("]"):
            self._claimed.setdefault((item.rpartition("[")[0], name), set()).add(value)

    def required(self, path, written):
        """The keys ``(path.key, value)`` a new item at ``path`` still needs; ``written`` are the keys set already.

        Only a key of one value is filled: a partner, a value of its own
        list, a text.  One of more (a relationship's pair of partners) is
        left to the rule's changes, and else to the check of the changed
        case, which says that it is missing.
        """
        section = path.rpartition("[")[0]
        cls = _item_class(section)
        out = []
        for name in required_keys(section):
            if name in written:
                continue
            tp = _inner(typing.get_type_hints(cls)[name])
            if name in PARTNER_FIELDS:
                value = self._partner(section, name)
            elif typing.get_origin(tp) is typing.Literal:  # a value of its own the others do not have
                value = next((v for v in typing.get_args(tp) if v not in self._taken(section, name)), None)
            elif tp is str:
                value = self._text(section, name)
            else:
                value = None
            if value is not None:
                out.append((f"{path}.{name}", value))
                self.claim(f"{path}.{name}", value)
        return out

    def _taken(self, section, name):
        items = value_at(self.data, section)
        given = {item.get(name) for item in items if isinstance(item, dict)} if isinstance(items, list) else set()
        return given | self._claimed.get((section, name), set())

    def _partner(self, section, name):
        """A partner the list does not name yet, else the first that fits; None for no partner.

        A municipality's care names a partner of kind ``municipality`` (or
        of no kind).  Where every partner is named already, the first is
        named again: a list that names each partner once is then refused by
        the check of the changed case, which says so.
        """
        taken = self._taken(section, name)
        fits = [(pid, kind) for pid, kind in self.partners
                if name != "municipality" or kind in ("municipality", None)]
        free = [pid for pid, _kind in fits if pid not in taken]
        return (free or [pid for pid, _kind in fits] or [None])[0]

    def _text(self, section, name):
        taken = self._taken(section, name)
        number = 1
        value = OTHER_TEXT
        while value in taken:
            number += 1
            value = f"{OTHER_TEXT}-{number}"
        return value


def _done(edits):
    """Whether ``edits`` want their activity ticked off (``done`` true only)."""
    return any(edit.field == "done" and tuple(edit.to) == (True,) for edit in edits)
