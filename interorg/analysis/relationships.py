"""A summary of the relationships of one collaboration, over the conclusions of a run.

The trust rules conclude per relationship; this module gathers those
conclusions into what an analyst wants to see for the whole collaboration:
how many relationships fall in each trust × vigilance quadrant, which
triggers of opportunism recur, and which partners appear in the most risky
relationships.  A relationship counts as *risky* when the rules found a
trigger of opportunism, a blind spot, the trust paradox or split loyalties
in it (:data:`RISKS`).  It is plain Python over the conclusions: it adds
no knowledge, and gives the same summary for the same conclusions.
"""

import operator
import re

import attrs

from ..utils.display import escape, frame, html_table

__all__ = ["QUADRANTS", "RISKS", "TRIGGERS", "RelationshipResult", "RelationshipSummary",
           "summarise_relationships"]

#: The quadrant rules, in the order of the summary.
QUADRANTS = (
    "trust.quadrants.unhindered-collaboration",
    "trust.quadrants.calculated-connection",
    "trust.quadrants.vigilant-contracting",
    "trust.quadrants.exploratory-exchange",
)

#: The rules that find a trigger of opportunism.
TRIGGERS = (
    "trust.opportunism.information-asymmetry",
    "trust.opportunism.lack-of-transparency",
    "trust.opportunism.lock-in",
)

#: The conclusions that make a relationship risky.
RISKS = TRIGGERS + ("trust.blind-spot", "trust.paradox", "trust.split-loyalties")

_MODELS = ("trust.quadrants", "trust.opportunism", "trust.building")
_PATH = re.compile(r"relationships\[(\d+)\]")


@attrs.frozen(repr=False)
class RelationshipResult:
    """What the rules concluded about one relationship.

    Attributes
    ----------
    id : str
        The relationship's id, ``'a~b'``.
    partners : tuple of str
        The two partner ids.
    position : int
        Its index under ``relationships`` in the case.
    quadrant : str or None
        The id of its quadrant rule, or None when trust or vigilance is unknown.
    triggers : tuple of str
        The ids of the trigger rules that fired for it, in :data:`TRIGGERS` order.
    risks : tuple of str
        The ids of the :data:`RISKS` rules that fired for it.
    conclusions : tuple of str
        The keys of every conclusion about it, in the advice's order.
    """

    id: str
    partners: tuple
    position: int
    quadrant: str | None
    triggers: tuple
    risks: tuple
    conclusions: tuple

    @property
    def risky(self):
        """True when any of :data:`RISKS` was concluded about this relationship."""
        return bool(self.risks)

    def __repr__(self):
        quadrant = self.quadrant.rpartition(".")[2] if self.quadrant else "no quadrant"
        risks = f", risks {', '.join(r.rpartition('.')[2] for r in self.risks)}" if self.risks else ""
        return f"<RelationshipResult {self.id}: {quadrant}{risks}>"


_RESULT_FIELDS = tuple(field.name for field in attrs.fields(RelationshipResult))
_result_values = operator.attrgetter(*_RESULT_FIELDS)


@attrs.frozen(repr=False)
class RelationshipSummary:
    """The relationships of a collaboration, summed up.

    Attributes
    ----------
    relationships : tuple of RelationshipResult
        In the order of the case.
    quadrants : dict
        Every quadrant rule id (and None, for no quadrant) to the ids of the
        relationships in it; every key is present, in :data:`QUADRANTS` order.
    triggers : dict
        Every trigger rule id to the ids of the relationships where it fired.
    partners : tuple of (str, int, int)
        ``(partner, risky relationships, all relationships)`` for every partner
        in at least one relationship, the most risky first, then by id.
    """

    relationships: tuple
    quadrants: dict
    triggers: dict
    partners: tuple

    def to_dict(self):
        """The summary as JSON-ready data: relationships, quadrants, triggers, partners."""
        return {
            # its fields read in one call, not by attrs.asdict's walk: each is a text, a number or a tuple of texts
            "relationships": [{key: list(value) if isinstance(value, tuple) else value
                               for key, value in zip(_RESULT_FIELDS, _result_values(result))}
                              for result in self.relationships],
            # None (trust or vigilance unknown) is written as "unknown": JSON keys are text
            "quadrants": {(quadrant or "unknown"): list(found) for quadrant, found in self.quadrants.items()},
            "triggers": {trigger: list(found) for trigger, found in self.triggers.items()},
            "recurring_triggers": {trigger: list(found) for trigger, found in self.recurring_triggers().items()},
            "partners": [{"partner": partner, "risky": risky, "relationships": total}
                         for partner, risky, total in self.partners],
            "most_risky_partners": list(self.most_risky_partners()),
        }

    def __repr__(self):
        risky = sum(1 for r in self.relationships if r.risky)
        placed = ", ".join(f"{len(found)} {(rule or 'unknown').rpartition('.')[2]}"
                           for rule, found in self.quadrants.items() if found)
        return (f"<RelationshipSummary: {len(self.relationships)} relationships, {risky} risky"
                + (f"; {placed}" if placed else "") + ">")

    def to_frame(self):
        """One row per relationship as a pandas DataFrame, indexed by its id.

        Columns: ``partner_a``, ``partner_b``, ``quadrant`` (the rule id's
        last part, or None), ``triggers`` and ``risks`` (comma-separated,
        likewise), ``risky`` and ``conclusions`` (how many).

        Raises
        ------
        MissingDependency
            If pandas is not installed.

        Examples
        --------
        >>> import interorg
        >>> table = interorg.relationship_summary(interorg.example_case()).to_frame()
        >>> int(table["risky"].sum()) > 0
        True
        """
        def short(rules):
            return ", ".join(rule.rpartition(".")[2] for rule in rules)

        records = [{"relationship": r.id, "partner_a": r.partners[0], "partner_b": r.partners[1],
                    "quadrant": r.quadrant.rpartition(".")[2] if r.quadrant else None,
                    "triggers": short(r.triggers), "risks": short(r.risks), "risky": r.risky,
                    "conclusions": len(r.conclusions)} for r in self.relationships]
        return frame(records, ["relationship", "partner_a", "partner_b", "quadrant", "triggers", "risks",
                               "risky", "conclusions"], index="relationship")

    def to_html(self, lang="en"):
        """The summary as HTML tables: relationships per quadrant, then one row per relationship."""
        from .labels import message

        def name(rule):
            return message(rule if rule is not None else "no_quadrant", lang)

        counts = [[name(rule), len(found), ", ".join(found)] for rule, found in self.quadrants.items()
                  if rule is not None or found]
        rows = [[r.id, name(r.quadrant), ", ".join(name(rule) for rule in r.risks)] for r in self.relationships]
        return ('<div class="interorg-relationships">'
                f"<b>{escape(message('per_quadrant', lang))}</b>"
                + html_table([message("col_quadrant", lang), "#", message("relationships", lang)], counts)
                + f"<b>{escape(message('per_relationship', lang))}</b>"
                + html_table([message("col_relationship", lang), message("col_quadrant", lang),
                              message("col_risks", lang)], rows)
                + "</div>")

    def _repr_html_(self):
        return self.to_html()

    def recurring_triggers(self):
        """The triggers found in more than one relationship, with those relationships."""
        return {trigger: found for trigger, found in self.triggers.items() if len(found) > 1}

    def most_risky_partners(self):
        """The partner(s) in the largest number of risky relationships (empty when none is risky)."""
        top = max((risky for _, risky, _ in self.partners), default=0)
        return tuple(partner for partner, risky, _ in self.partners if top and risky == top)


def _relationship_inputs(explanation):
    """Yield the relationship input evidence an explanation rests on, down the tree."""
    for support in explanation.supports:
        for evidence in support.evidence:
            if evidence.type == "input" and evidence.fact == "relationship":
                yield evidence
            elif evidence.explanation is not None:
                yield from _relationship_inputs(evidence.explanation)


def summarise_relationships(conclusions, relationships=(), set_aside=()):
    """Sum up what the rules concluded about the relationships of a collaboration.

    Parameters
    ----------
    conclusions : iterable of Conclusion
        The conclusions of one advice, in its order.
    relationships : sequence of Relationship
        The relationships of the case advised on.  A conclusion about one of
        them is placed by it; one about another subject is placed by the
        relationship facts its explanation rests on, and left out if it
        rests on none.
    set_aside : collection of str
        The keys of the conclusions a conflict set aside: they give no
        relationship its quadrant, triggers or risks (they are still among
        its ``conclusions``).

    Returns
    -------
    RelationshipSummary
        Only relationships the rules concluded something about are included.

    Examples
    --------
    >>> import interorg
    >>> advice = interorg.advise(interorg.example_case())
    >>> summary = summarise_relationships(advice.conclusions, advice.case.relationships, advice.counsel.set_aside)
    >>> summary.quadrants["trust.quadrants.unhindered-collaboration"]
    ('bladel~jeugdzorg-kempen',)
    >>> summary.most_risky_partners()
    ('jeugdzorg-kempen',)
    """
    found = {}
    for conclusion in conclusions:
        if conclusion.model not in _MODELS or conclusion.subject is None:
            continue
        entry = found.setdefault(conclusion.subject, {"keys": [], "ids": set(), "explanations": []})
        key = conclusion.key
        entry["keys"].append(key)
        if key not in set_aside:
            entry["ids"].add(conclusion.id)
        entry["explanations"].append(conclusion.explanation)
    in_case = {relationship.id: (index, tuple(relationship.between))
               for index, relationship in enumerate(relationships)}
    results = []
    for subject, entry in found.items():
        # the relationship facts an explanation rests on are walked only for a subject the case does not name
        inputs = () if subject in in_case else [
            evidence for explanation in entry["explanations"] for evidence in _relationship_inputs(explanation)]
        if subject in in_case:
            position, partners = in_case[subject]
        elif inputs:
            fact = min(inputs, key=lambda e: int(_PATH.fullmatch(e.path).group(1)))
            position = int(_PATH.fullmatch(fact.path).group(1))
            partners = (fact.values["partner_a"], fact.values["partner_b"])
        else:
            continue
        quadrant = next((rule for rule in QUADRANTS if rule in entry["ids"]), None)
        results.append(RelationshipResult(
            id=subject,
            partners=partners,
            position=position,
            quadrant=quadrant,
            triggers=tuple(rule for rule in TRIGGERS if rule in entry["ids"]),
            risks=tuple(rule for rule in RISKS if rule in entry["ids"]),
            conclusions=tuple(entry["keys"]),
        ))
    results.sort(key=lambda result: result.position)
    quadrants = {rule: tuple(r.id for r in results if r.quadrant == rule) for rule in (*QUADRANTS, None)}
    triggers = {rule: tuple(r.id for r in results if rule in r.triggers) for rule in TRIGGERS}
    counts = {}
    for result in results:
        for partner in result.partners:
            risky, total = counts.get(partner, (0, 0))
            counts[partner] = (risky + result.risky, total + 1)
    partners = tuple(sorted(((p, risky, total) for p, (risky, total) in counts.items()),
                            key=lambda row: (-row[1], row[0])))
    return RelationshipSummary(tuple(results), quadrants, triggers, partners)
