"""How to move a measure of the partner network: changes of its ties and positions, each measured before it is offered.

The measures of :mod:`interorg.analysis.network` (a partner's degree,
whether it is a broker or peripheral; the network's ties, components and
core; a dependence's reverse and whether it is the only strong one) follow
from the partners, their relationships and their dependencies.  A user
cannot write them; they can write those.  To move a measure, the changes a
user could make are tried one by one, those about the fact's own partners
first: a relationship removed or added, a dependence removed, added or
made stronger or weaker, a partner placed in another position, a partner
added.  Each is measured as the producers measure the network
(:func:`~interorg.analysis.network.analyse`), and a change is offered only
when the measure then has a value wanted.  A count that no one change
reaches is approached one change at a time.  Why-not
(:mod:`.editing`) checks every way again on the changed case's facts.
"""

import itertools

import attrs

from ..analysis.network import analyse
from ..case.casefile import case_from_dict
from ..case.dependencies import Dependency
from ..case.partners import Partner
from ..case.relationships import Relationship
from ..engine.symbolic import OTHER
from ..errors import CaseError
from .changing import one_of

__all__ = ["NETWORK_FIELDS", "network_mover"]

#: The measures moved here, by fact type, and what each can be moved by.
NETWORK_FIELDS = {
    "network": {"partners": ("partner",), "ties": ("tie",), "components": ("tie",),
                "core_members": ("position",), "core_connected": ("tie", "position")},
    "network_partner": {"degree": ("tie",), "dependents": ("dependence",), "strong_dependents": ("dependence",),
                        "broker": ("tie",), "peripheral": ("tie",), "core_isolated": ("tie", "position")},
    "dependence": {"reverse": ("dependence",), "sole": ("dependence",), "relationship": ("relationship",)},
}

#: The most changes tried for one measure: each is an analysis of the whole network.
_TRIED = 400
#: The most changes (each of one or more steps) in one way that approaches a count.
_STEPS = 6
#: The id of a partner added to the case (the user writes the real one).
_NEW_PARTNER = "other"
_POSITIONS = ("core", "ring", "free_space")


@attrs.frozen
class _Step:
    """One change of the network: ``what`` (``relationship``, ``dependency``, ``partner``), an item removed
    (``index``), added (``item``) or one field of it set (``index``, ``field``, ``value``); ``about`` are the
    partners it concerns."""

    what: str
    index: int | None = None
    item: object = None
    field: str | None = None
    value: object = None
    about: frozenset = frozenset()


def network_mover(fact_type, field, ways=5):
    """A mover (see :class:`~interorg.facts.derived.Derived`) for the network measure ``field`` of ``fact_type``.

    Examples
    --------
    >>> move = network_mover("network_partner", "broker")
    >>> data = {"partners": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
    ...         "relationships": [{"between": ["a", "b"]}, {"between": ["a", "c"]}, {"between": ["b", "c"]}]}
    >>> move(data, "partners[0]", {"id": "a"}, (True,))
    [[('relationships[2]', None)]]
    """
    kinds = NETWORK_FIELDS[fact_type][field]

    def move(data, _path, values, wanted):
        try:
            case = case_from_dict(data)
        except CaseError:
            return []  # the other changes made a case that is not valid: the editor says why
        measure = _Measure(case, fact_type, values.get("id"), field)
        now, found = measure([]), []
        # one change each first, with half of the changes that may be tried
        for change in itertools.islice(_candidates(case, kinds, measure.about), _TRIED // 2):
            if _reached(measure(change), wanted, now):
                found.append(change)
                if len(found) == ways:
                    break
        if not found:
            way = _approach(measure, lambda: _candidates(case, kinds, measure.about), wanted, now)
            found = [way] if way else []
        return [_written(case, way) for way in found]

    return move


class _Measure:
    """The measure of one fact after some steps: the network analysed as the producers analyse it."""

    def __init__(self, case, fact_type, key, field):
        self.case, self.fact_type, self.key, self.field = case, fact_type, key, field
        # a partner's changes come first; a dependence's are about its two partners
        self.about = frozenset(str(key).split(">")) if fact_type == "dependence" and key else (
            frozenset([key]) if fact_type == "network_partner" and key else frozenset())

    def __call__(self, steps):
        facts = analyse(_applied(self.case, steps))
        if self.fact_type == "network":
            return getattr(facts, self.field)
        found = facts.by_partner if self.fact_type == "network_partner" else facts.dependences
        fact = next((fact for fact in found if fact.id == self.key), None)
        return _GONE if fact is None else getattr(fact, self.field)


#: A fact the steps took away (its dependence removed): it has no value any more.
_GONE = object()


def _reached(value, wanted, now):
    """Whether ``value`` is one of ``wanted`` (True is not 1, as why-not's check of the changed facts holds)."""
    if value is _GONE:
        return False
    if OTHER in wanted:  # any other value than the one it has
        return value != now
    return one_of(value, wanted)


def _approach(measure, candidates, wanted, now):
    """A way to the count of ``wanted`` nearest the measure ``now``: each change the first that brings it nearer.

    ``candidates()`` gives the changes to try, afresh for each; None when
    none brings the count nearer, or when the changes that may be tried run out.
    """
    goals = [each for each in wanted if isinstance(each, int) and not isinstance(each, bool)]
    if not isinstance(now, int) or isinstance(now, bool) or not goals:
        return None
    goal = min(goals, key=lambda each: (abs(each - now), each))
    way, made, budget = [], [], _TRIED - _TRIED // 2
    while now != goal and len(made) < _STEPS:
        nearer = None
        for change in candidates():
            if change in made:
                continue
            if budget <= 0:
                return None
            budget -= 1
            value = measure(way + change)
            if isinstance(value, int) and abs(value - goal) < abs(now - goal):
                nearer, now = change, value
                break
        if nearer is None:
            return None
        way, made = way + nearer, made + [nearer]
    return way if now == goal else None


def _candidates(case, kinds, about):
    """The changes of ``kinds`` a user could make, each a list of steps: those about the partners ``about`` first.

    Made as they are tried (at 200 partners there are some 80,000 new
    dependences to think of).  Two partners tied by a relationship and a
    dependence stay tied when one is taken out: untying them takes out all
    that ties them, as one change.
    """
    def touching(change):
        return any(about & step.about for step in change)

    if about:
        yield from (change for change in _changes(case, kinds, about) if touching(change))
        yield from (change for change in _changes(case, kinds, about) if not touching(change))
    else:
        yield from _changes(case, kinds, about)


def _changes(case, kinds, about):
    """Every change of ``kinds``: what the case has taken out or changed first, then what it could add.

    In the case's order, except that new ties of the partners ``about``
    come before the others'.
    """
    ids = [partner.id for partner in case.partners]
    ranked = [i for i in ids if i in about] + [i for i in ids if i not in about]
    ties = "tie" in kinds
    dependences = ties or "dependence" in kinds
    if ties or "relationship" in kinds:
        for i, r in enumerate(case.relationships):
            yield [_Step("relationship", index=i, about=frozenset(r.between))]
    if dependences:
        for i, d in enumerate(case.dependencies):
            yield [_Step("dependency", index=i, about=frozenset((d.partner, d.on)))]
    if "dependence" in kinds:
        for i, d in enumerate(case.dependencies):
            yield [_Step("dependency", index=i, field="strength", value="low" if d.strength == "high" else "high",
                         about=frozenset((d.partner, d.on)))]
    if ties:
        tying = {}
        for i, r in enumerate(case.relationships):
            tying.setdefault(frozenset(r.between), []).append(
                _Step("relationship", index=i, about=frozenset(r.between)))
        for i, d in enumerate(case.dependencies):
            pair = frozenset((d.partner, d.on))
            tying.setdefault(pair, []).append(_Step("dependency", index=i, about=pair))
        yield from (steps for steps in tying.values() if len(steps) > 1)
    if "position" in kinds:
        for i, p in enumerate(case.partners):
            for position in _POSITIONS:
                if position != p.position:
                    yield [_Step("partner", index=i, field="position", value=position, about=frozenset([p.id]))]
    if ties or "relationship" in kinds:
        related = {frozenset(r.between) for r in case.relationships}
        for n, a in enumerate(ranked):
            for b in ranked[n + 1:]:
                if frozenset((a, b)) not in related:
                    yield [_Step("relationship", item=Relationship(between=(a, b)), about=frozenset((a, b)))]
    if dependences:
        given = {(d.partner, d.on) for d in case.dependencies}
        for strength in ("high", "low"):
            for a in ranked:
                for b in ranked:
                    if a != b and (a, b) not in given:
                        yield [_Step("dependency", item=Dependency(a, b, strength), about=frozenset((a, b)))]
    if "partner" in kinds:  # a partner taken out would leave its relationships behind: one is only added
        yield [_Step("partner", item=_new_partner(ids))]


def _new_partner(ids):
    taken, number = set(ids), 1
    while (name := _NEW_PARTNER if number == 1 else f"{_NEW_PARTNER}-{number}") in taken:
        number += 1
    return name


_LISTS = {"relationship": "relationships", "dependency": "dependencies", "partner": "partners"}


def _applied(case, steps):
    """``case`` with ``steps`` made, unchecked: only the network's measures are read of it."""
    lists = {what: list(getattr(case, name)) for what, name in _LISTS.items()}
    removed = {(step.what, step.index) for step in steps if step.index is not None and step.field is None}
    for step in steps:
        items = lists[step.what]
        if step.field is not None:
            items[step.index] = attrs.evolve(items[step.index], **{step.field: step.value})
        elif step.index is None:
            items.append(Partner(step.item) if step.what == "partner" else step.item)
    return attrs.evolve(case, **{name: tuple(item for index, item in enumerate(lists[what])
                                             if (what, index) not in removed)
                                 for what, name in _LISTS.items()})


def _written(case, way):
    """A way as why-not writes it: case paths and values, new items numbered after the case's own."""
    added = {what: len(getattr(case, name)) for what, name in _LISTS.items()}
    order = list(_LISTS)
    out = []
    # in the case's order: what is changed or taken out, then what is added
    for step in sorted(way, key=lambda step: (step.index is None, order.index(step.what), step.index or 0)):
        at = _LISTS[step.what]
        if step.field is not None:
            out.append((f"{at}[{step.index}].{step.field}", step.value))
        elif step.index is not None:
            out.append((f"{at}[{step.index}]", None))
        else:
            out += _new_item(f"{at}[{added[step.what]}]", step.item)
            added[step.what] += 1
    return out


def _new_item(at, item):
    """A new item as changes of its fields; a relationship's two partners each at its place (as why-not writes them)."""
    if isinstance(item, Relationship):
        return [(f"{at}.between[0]", item.between[0]), (f"{at}.between[1]", item.between[1])]
    if isinstance(item, Dependency):
        return [(f"{at}.partner", item.partner), (f"{at}.on", item.on), (f"{at}.strength", item.strength)]
    return [(f"{at}.id", item)]  # a new partner's id
