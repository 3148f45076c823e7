"""Changes of a run's input: what why-not proposes, and how a proposal becomes input again.

The search of :mod:`.whynot` works on the facts: an :class:`Edit` sets one
field of one fact (by its position among the run's facts, or of a new fact),
or gives or leaves out a whole fact.  What the user sees is a
:class:`Change` of the input itself.  Between the two stands an *editor*:
:class:`FactEditor` applies edits to the facts as they are (their paths are
the input's paths); a domain gives its own (``interorg.facts.paths``), that
writes them into the case, checks the changed case and produces its facts
again.  An editor has two methods:

- ``field_path(fact, field)``: where the input gives ``field`` of ``fact``
  (None when the field is derived, not given as such);
- ``realise(edits)``: a :class:`Realised`, the changes of the input and the
  facts of the changed input, or the reason (:class:`Unwritable`) why the
  edits cannot be made to the input.
"""

import attrs

from .facts import InputFact
from .symbolic import OTHER

__all__ = ["Change", "Edit", "FactEditor", "Realised", "Unwritable", "Wanted"]

#: ``to`` of an edit that gives a whole fact (of a type whose fields it leaves open).
GIVEN = "given"


def _number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _place(value, points):
    """Where a number lies among ``points``: below, at or above each."""
    return tuple((value > p) - (value < p) for p in points)


class Wanted(tuple):
    """The values an edit wants, each standing for all the values the rules cannot tell from it.

    A number field's values are stand-ins (:meth:`.symbolic.Space.domain`):
    with ``points``, the numbers the rules compare the field with, a value
    will do when it lies where one of the stand-ins lies among them (for a
    test ``>= 1``, 5 will do as the stand-in 2 does).  Any other value will
    do only as itself, True and 1 (and False and 0) told apart.  ``points``
    is None for a field that is not a number.

    Examples
    --------
    >>> wanted = Wanted((1, 2), points=(1,))
    >>> wanted.allows(5), wanted.allows(0), wanted.allows(True), wanted == (1, 2)
    (True, False, False, True)
    >>> Wanted((True,)).allows(1), Wanted((2,)).allows(2.0)
    (False, True)
    """

    def __new__(cls, values, points=None):
        wanted = super().__new__(cls, values)
        wanted.points = None if points is None else tuple(points)
        return wanted

    def __reduce__(self):
        return (Wanted, (tuple(self), self.points))

    def allows(self, value):
        """Whether ``value`` will do: it is one of the values, or lies where one lies among the points."""
        if self.points is not None and _number(value):
            place = _place(value, self.points)
            return any(_number(each) and _place(each, self.points) == place for each in self)
        return any(value == each and isinstance(value, bool) == isinstance(each, bool) for each in self)


@attrs.frozen(repr=False)
class Change:
    """One change of the input: set the value at ``path`` (now ``was``) to one of ``to`` (None: leave it out).

    ``derived`` names the field of a fact (``leader.signatures``) that the
    change moves where the rule tests a field derived from the input, not
    the input itself; None for a change of what the rule tests.
    """

    path: str
    was: object
    to: tuple
    derived: str | None = None

    def __repr__(self):
        derived = "" if self.derived is None else f", derived={self.derived!r}"
        return f"Change(path={self.path!r}, was={self.was!r}, to={self.to!r}{derived})"


@attrs.frozen
class Edit:
    """One change of the facts of a run, as the search finds it.

    Attributes
    ----------
    index : int or None
        The fact's position among the run's facts; None for a new fact.
    instance : str
        The fact of the search this is about (new facts of one instance
        are one fact).
    fact : str
        The fact type.
    field : str or None
        The field set; None for the whole fact (``to`` is ``('given',)``
        to add it, ``(None,)`` to leave it out).
    was : object
    to : tuple
        The values that would do, in the vocabulary's order.
    points : tuple or None
        For a number field, the numbers the rules compare it with: each of
        ``to`` stands for the values that lie where it does among them
        (see :class:`Wanted`); None for any other field.
    kept : bool
        True for a field that holds now and is to go on holding: a field
        derived from the input, beside another derived field of the fact
        that the other edits move through what both are derived from.  An
        editor writes what keeps it, or nothing; it is no change of its own.
    """

    index: int | None
    instance: str
    fact: str
    field: str | None
    was: object
    to: tuple
    points: tuple | None = None
    kept: bool = False

    @property
    def wanted(self):
        """``to`` as a :class:`Wanted`: the values that will do, a number's stand-ins each for its range."""
        return Wanted(self.to, self.points)


@attrs.frozen
class Unwritable:
    """Why a set of edits cannot be made to the input.

    ``reason`` is ``derived`` (``path`` names a fact's field computed from
    ``detail``, which the editor cannot move), ``unreached`` (it can move
    such a field, but no change of ``detail`` within the input's bounds
    gives it a value the rule needs), ``no_place`` (a new fact of type ``path`` has no place of
    its own in the input) or ``invalid`` (the changed input breaks its
    checks: ``detail``).  For ``invalid``, ``problems`` holds the checks'
    problems one by one (each a :class:`~interorg.errors.Problem`, its
    message in English), so that a reader can say each in its language.
    """

    reason: str
    path: str
    detail: str = ""
    problems: tuple = ()


@attrs.frozen
class Realised:
    """Edits made to the input: its changes and the facts of the changed input, or why they cannot be.

    ``alternatives`` are other :class:`Realised` of the same edits: where a
    field derived from the input can be moved in several ways, each is a
    way (the search runs them in turn until one makes the rule fire).
    """

    changes: tuple = ()
    facts: tuple = ()
    problem: Unwritable | None = None
    alternatives: tuple = ()


def first_value(values):
    """The value an edit is tried with: the first that will do (None: leave it out)."""
    return values[0] if values else None


class FactEditor:
    """Edits applied to the facts themselves: the input is the list of facts, its paths are theirs.

    Examples
    --------
    >>> facts = [InputFact("care", {"demand": "complex"}, "care")]
    >>> done = FactEditor(facts).realise([Edit(0, "care", "care", "demand", "complex", ("standard",))])
    >>> done.changes, done.facts[0].values
    ((Change(path='care.demand', was='complex', to=('standard',)),), {'demand': 'standard'})
    """

    def __init__(self, facts, knowledge=None, singletons=()):
        self.facts = list(facts)
        self.knowledge = knowledge
        self.singletons = frozenset(singletons)

    def field_path(self, fact, field):
        return f"{fact.path}.{field}"

    def realise(self, edits):
        facts = list(self.facts)
        new, changes, dropped = {}, [], set()
        for edit in edits:
            if edit.kept:
                continue  # the facts are the input here: no field is derived, and one that holds stays
            if edit.index is None:
                path = self.knowledge.facts[edit.fact].case_path if self.knowledge is not None else edit.fact
                path = path if edit.fact in self.singletons else f"{path}[new]"
                position = new.setdefault(edit.instance, len(facts))
                if position == len(facts):
                    facts.append(InputFact(edit.fact, {}, path))
            else:
                position = edit.index
            fact = facts[position]
            if edit.field is None:
                changes.append(Change(fact.path, edit.was, edit.to))
                if edit.to == (None,):
                    dropped.add(position)
                continue
            value = first_value(edit.to)
            value = "other" if value == OTHER else value
            facts[position] = InputFact(fact.type, {**fact.values, edit.field: value}, fact.path)
            changes.append(Change(f"{fact.path}.{edit.field}", edit.was, edit.to))
        kept = tuple(fact for position, fact in enumerate(facts) if position not in dropped)
        return Realised(tuple(changes), kept)
