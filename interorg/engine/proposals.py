"""The smallest changes of a run's input that make a rule fire, each written into the input and run.

The candidates come from the rule's conditions as sets of inputs
(:mod:`.symbolic`): for every alternative way the rule can hold, the fields
whose values the input would have to change, and to what, as
:class:`~.edits.Edit` s; the cheapest first.  An editor (:mod:`.edits`)
writes each candidate into the input: one that cannot be written (a field
derived from others, a changed case that breaks the case's checks) is not
proposed, and says why; one that can is run, and the fewest changes that a
run confirms are given.
"""

import attrs

from .edits import GIVEN, Edit, Wanted
from .facts import InputFact
from .facts import key_text as text  # a subject as the keys of conclusions write it
from .session import run
from .symbolic import OTHER, PRESENT, base_type

__all__ = ["search"]

_MAX_PROPOSALS = 5
#: The most runs made to confirm proposals, per question.
_MAX_RUNS = 12
#: The most candidates written into the input per question (cheaper than a run: no rules are run).
_MAX_TRIES = 60


def _cost(edits):
    """How many changes ``edits`` make: a field kept as it is is none."""
    return sum(1 for edit in edits if not edit.kept)


class Search:
    """The search for the smallest changes of one question (a rule, and maybe a subject)."""

    def __init__(self, knowledge, space, facts, editor):
        self.knowledge = knowledge
        self.space = space
        self.facts = list(facts)
        self.editor = editor

    def satisfies(self, key, value, allowed):
        """Whether a value of the input falls in a cube's allowed set for ``key``."""
        if value is None:
            return None in allowed
        field_def = self.knowledge.facts[base_type(key[0])].fields[key[1]]
        if field_def.type == "number" and not isinstance(value, bool):
            # a value stands where its stand-in does among the numbers the rules compare with
            # (6 is "above 2" as the stand-in 3 is), not among the stand-ins themselves
            return Wanted(tuple(v for v in allowed if v is not None), self.space.points(key)).allows(value)
        if field_def.type in ("text", "partner", "partners"):
            value = str(value) if str(value) in self.space.domain(key) else OTHER
        return value in allowed

    def edit(self, index, instance, fact_type, field, was, allowed):
        key = (instance, field)
        values = tuple(v for v in self.space.domain(key) if v in allowed and v is not None)
        # a number's stand-ins each stand for a range: the editor may reach another value of it
        number = self.knowledge.facts[fact_type].fields[field].type == "number"
        return Edit(index, instance, fact_type, field, was, values or (None,),
                    tuple(self.space.points(key)) if number else None)

    def instance_options(self, instance, literals, rule, subject):
        """The ways one instance of a cube can be met: ``(cost, edits)`` for each.

        An instance is met by one fact of the input (the subject's, when a
        subject is asked about), by every fact of its type (a negated
        condition must hold on all of them), or by a new fact.
        """
        fact_type = base_type(instance)
        origin = self.space.subject_origin(rule.id) if subject is not None else None
        restricted = origin is not None and origin[0] == fact_type
        candidates = [(index, f) for index, f in enumerate(self.facts) if f.type == fact_type and (
            not restricted or text(f.values.get(origin[1])) == subject)]
        if literals.get(PRESENT) == frozenset({False}):
            return [(len(candidates), tuple(Edit(index, instance, fact_type, None, GIVEN, (None,))
                                            for index, _ in candidates))]
        each = []
        for index, fact in candidates:
            changed, holding = [], []
            for field, allowed in sorted(literals.items()):
                if field != PRESENT:
                    edit = self.edit(index, instance, fact_type, field, fact.values.get(field), allowed)
                    holds = self.satisfies((instance, field), fact.values.get(field), allowed)
                    (holding if holds else changed).append(edit)
            if any(self.editor.field_path(fact, edit.field) is None for edit in changed):
                # moving a derived field moves what it is derived from, and so maybe the fact's
                # other derived fields: those the rule tests are to go on holding
                changed += [attrs.evolve(edit, kept=True) for edit in holding
                            if self.editor.field_path(fact, edit.field) is None]
            each.append(tuple(changed))
        options = [(_cost(edits), edits) for edits in each]
        if len(candidates) > 1:
            every = tuple(edit for edits in each for edit in edits)
            options.append((_cost(every), every))
        single = fact_type in self.space.singletons
        if not candidates or not (restricted or single):
            edits = tuple(self.edit(None, instance, fact_type, field, None, allowed)
                          for field, allowed in sorted(literals.items()) if field != PRESENT and None not in allowed)
            # a new fact that no field of which is tested: it only has to be there
            options.append((max(1, len(edits)), edits or (Edit(None, instance, fact_type, None, None, (GIVEN,)),)))
        return options

    def proposals(self, formula, rule, subject):
        """Every way a cube of ``formula`` can be met, as ``{edits: cost}``."""
        proposals = {}
        for cube in formula:
            by_instance = {}
            for (instance, field), allowed in cube.items():
                by_instance.setdefault(instance, {})[field] = allowed
            combined = [(0, ())]
            for instance, literals in sorted(by_instance.items()):
                options = self.instance_options(instance, literals, rule, subject)
                combined = sorted(((cost + c, edits + more) for cost, edits in combined
                                   for c, more in options), key=lambda item: item[0])[:_MAX_PROPOSALS * 4]
            for cost, edits in combined:
                edits = tuple(sorted(set(edits), key=_order))
                if edits and _targets_unique(edits):
                    proposals[edits] = min(cost, proposals.get(edits, cost))
        return proposals

    def fires(self, rule, subject, facts):
        """Whether a run on ``facts`` draws ``rule`` (for ``subject``, when one is asked about)."""
        concluded = {(rule_id, text(s)) for rule_id, s in run(self.knowledge, list(facts)).records}
        if subject is None:
            return any(rule_id == rule.id for rule_id, _ in concluded)
        return (rule.id, subject) in concluded

    def search(self, rule, subject):
        """``(changes, verified, bounded, unwritable)`` for ``rule`` (see :class:`~.whynot.WhyNot`)."""
        formula = self.space.rule(rule.id)
        if formula is None:
            return (), (), self.space.bounded.get(rule.id, "bounded"), ()
        proposals = self.proposals(formula, rule, subject)
        ordered = sorted(proposals, key=lambda edits: (proposals[edits], [_order(e) for e in edits]))
        # the fewest changes that a run confirms: a cube is about one subject, and a
        # negated condition about every fact, so a proposal is run before it is offered
        runs = tries = 0
        unconfirmed, unwritable, seen = [], [], set()
        for cost in sorted(set(proposals.values())):
            confirmed = []
            for edits in (edits for edits in ordered if proposals[edits] == cost):
                if runs >= _MAX_RUNS or tries >= _MAX_TRIES:
                    break
                tries += 1
                done = self.editor.realise(edits)
                if done.problem is not None:
                    if done.problem not in unwritable:
                        unwritable.append(done.problem)
                    continue
                # a field derived from the input may be moved in several ways: the first that fires is kept
                for way in (done, *done.alternatives):
                    if way.changes in seen or runs >= _MAX_RUNS:
                        continue
                    seen.add(way.changes)
                    runs += 1
                    if self.fires(rule, subject, way.facts):
                        confirmed.append(way.changes)
                        break
                    unconfirmed.append(way.changes)
                if len(confirmed) == _MAX_PROPOSALS:
                    break
            if confirmed:
                return tuple(confirmed), (True,) * len(confirmed), None, ()
            if runs >= _MAX_RUNS or tries >= _MAX_TRIES:
                break
        shown = tuple(unconfirmed[:_MAX_PROPOSALS])
        return shown, (False,) * len(shown), None, tuple(unwritable[:_MAX_PROPOSALS])


def _order(edit):
    return (edit.index is None, edit.index or 0, edit.instance, edit.field or "", str(edit.to))


def _targets_unique(edits):
    """Whether a set of edits sets each field of each fact once (two values for one field cannot both hold)."""
    targets = [(edit.index, edit.instance if edit.index is None else "", edit.field) for edit in edits]
    return len(targets) == len(set(targets))


def search(knowledge, space, facts, editor, rule, subject):
    """The smallest changes of ``facts`` that make ``rule`` fire (see :class:`Search`).

    Examples
    --------
    >>> import interorg
    >>> from .edits import FactEditor
    >>> from .symbolic import Space
    >>> knowledge = interorg.load_knowledge()
    >>> facts = [InputFact("care", {"demand": "complex", "supply_in_municipality": True}, "care")]
    >>> changes, verified, _, _ = search(knowledge, Space(knowledge, {"care"}, 400), facts,
    ...                                  FactEditor(facts, knowledge, {"care"}), knowledge.rule("kenis.need.quadrant-i"), None)
    >>> changes[0], verified[0]
    ((Change(path='care.demand', was='complex', to=('standard',)),), True)
    """
    return Search(knowledge, space, facts, editor).search(rule, subject)
