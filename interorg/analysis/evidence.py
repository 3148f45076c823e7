"""Weighing evidence: independent signs, their weights, and the level of a suspicion.

The workbook names nine archetypical collaboration problems but says
nothing of how to recognise them; the indicator rules are the project's, and
one indicator is rarely enough.  The arithmetic here is the project's too,
kept small and documented so that a reader can redo it by hand:

- A *sign* is one indicator conclusion.  Signs that rest on a common input
  of the case (the same dependency, the same answers of the scan), and signs
  of one rule about subjects that share an item (three partners depending on
  one hub: ``a>hub``, ``b>hub``, ``c>hub``), are one piece of *independent
  evidence*: one hub partner is one sign, not three.
- Each piece counts with the strongest weight among its signs: ``strong``
  counts :data:`STRONG`, ``weak`` counts :data:`WEAK`.
- A problem is **suspected** when the evidence for it, less the evidence
  against it, reaches :data:`SUSPECTED` from at least two independent
  pieces; with less it is **worth checking**, unless the evidence against
  weighs as much as the evidence for (then it is not suspected).  One strong
  sign alone, or two weak ones, never make a suspicion.
"""

import attrs

from ..engine.conflicts import subject_parts

__all__ = ["STRONG", "SUSPECTED", "WEAK", "Weighing", "add_input_paths", "independent", "input_paths", "premise_set",
           "premises", "weigh"]

#: What one independent piece of strong or weak evidence counts.
STRONG = 2
WEAK = 1

#: The net score (for less against) from which a problem is suspected.
SUSPECTED = 3


@attrs.frozen
class Weighing:
    """The evidence for and against one problem, weighed.

    These are the numbers of a problem that every rendering of the diagnosis
    shows, under these names (in ``to_dict()``'s ``weighing`` and as the
    columns of ``to_frame()``); the text, Markdown and HTML call the pieces
    *independent signs*.

    Attributes
    ----------
    level : {'suspected', 'worth-checking'} or None
        None when there is no evidence for it, or the evidence against
        weighs as much.
    pieces_for, pieces_against : int
        How many independent pieces of evidence there are: signs resting on
        a common input, or one rule's signs about subjects that share an
        item, are one piece.
    score_for, score_against : int
        The weights of those pieces added up: a strong piece counts
        :data:`STRONG`, a weak one :data:`WEAK`.
    net : int
        ``score_for`` less ``score_against``: a problem is suspected when it
        reaches :data:`SUSPECTED` with ``pieces_for`` at least 2.
    """

    level: str | None
    score_for: int
    score_against: int
    pieces_for: int
    pieces_against: int

    @property
    def net(self):
        """The score for less the score against."""
        return self.score_for - self.score_against


def independent(indications, weight_of):
    """Group indications that rest on a common input; return the weight of each group.

    Parameters
    ----------
    indications : sequence of Indication
        Each with the ``paths`` of the inputs it rests on.
    weight_of : callable
        The weight (``'strong'`` or ``'weak'``) of an indication.

    Returns
    -------
    list of int
        One score per independent piece of evidence, in the order first met.

    Examples
    --------
    >>> from interorg.analysis.diagnosis import Indication
    >>> a = Indication("x[1]", "x", "1", "x", ("dependencies[0]",))
    >>> b = Indication("y[1]", "y", "1", "y", ("dependencies[0]", "observations[0]"))
    >>> c = Indication("z", "z", None, "z", ("reasons[0]",))
    >>> independent([a, b, c], lambda i: "weak" if i.rule == "z" else "strong")
    [2, 1]
    >>> hub = [Indication(f"p[{x}>hub]", "p", f"{x}>hub", "p", (f"dependencies[{n}]",)) for n, x in enumerate("abc")]
    >>> independent(hub, lambda i: "strong")
    [2]
    """
    # Two indications are one piece of evidence when they share an input or are
    # the same sign seen twice (one rule, subjects that share an item); pieces
    # are the connected groups of that relation.  Each indication is joined to
    # the earlier ones through what it has in common with them, looked up by
    # path and by (rule, item), so the grouping stays linear at any size.
    parent = list(range(len(indications)))

    def root(index):
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    owner = {}  # a path, or a rule and an item of a subject: the first indication that has it
    for index, indication in enumerate(indications):
        tokens = [("path", path) for path in (indication.paths or (indication.key,))]
        if indication.subject is not None:
            tokens += [("sign", indication.rule, part) for part in subject_parts(indication.subject)]
        for token in tokens:
            a, b = root(owner.setdefault(token, index)), root(index)
            if a != b:
                parent[max(a, b)] = min(a, b)  # the earliest member stands for the group
    scores = {}
    for index, indication in enumerate(indications):
        score = STRONG if weight_of(indication) == "strong" else WEAK
        group = root(index)
        scores[group] = max(scores.get(group, score), score)
    return [scores[group] for group in sorted(scores)]


def weigh(evidence_for, evidence_against, weight_of):
    """Weigh the evidence for and against one problem.

    Examples
    --------
    >>> from interorg.analysis.diagnosis import Indication
    >>> one = Indication("x", "x", None, "x", ("care",))
    >>> weigh([one], [], lambda i: "strong").level
    'worth-checking'
    >>> two = Indication("y", "y", None, "y", ("reasons[0]",))
    >>> weigh([one, two], [], lambda i: "strong").level
    'suspected'
    >>> against = Indication("z", "z", None, "z", ("scan",))
    >>> weigh([one], [against], lambda i: "strong").level is None
    True
    """
    pieces_for = independent(evidence_for, weight_of)
    pieces_against = independent(evidence_against, weight_of)
    score_for, score_against = sum(pieces_for), sum(pieces_against)
    if not pieces_for or score_for <= score_against:
        level = None  # no evidence for it, or as much against: not worth a reader's check
    elif len(pieces_for) >= 2 and score_for - score_against >= SUSPECTED:
        level = "suspected"
    else:
        level = "worth-checking"
    return Weighing(level, score_for, score_against, len(pieces_for), len(pieces_against))


def _path_set(explanation, memo):
    """The input paths a derivation rests on, in the order first met, as a dict used as an ordered set.

    Sub-explanations are shared between conclusions; ``memo`` (by identity)
    computes each one once, so gathering the paths of every conclusion of an
    advice stays linear in its size.  Merging a sub-explanation's paths in
    its own first-met order gives the same order as walking it again.
    """
    found = memo.get(id(explanation))
    if found is not None:
        return found
    found = {}
    for support in explanation.supports:
        for evidence in support.evidence:
            if evidence.type == "input":
                found.setdefault(evidence.path)
            elif evidence.explanation is not None:
                # update keeps a path found already where it is, and adds the others in their order, in C
                found.update(_path_set(evidence.explanation, memo))
    memo[id(explanation)] = found
    return found


def input_paths(explanation, memo=None):
    """The paths of the case's inputs an explanation rests on, down the whole tree, in the order first met.

    ``memo`` (a dict kept by the caller) shares the work between the
    explanations of one advice.

    Examples
    --------
    >>> import interorg
    >>> advice = interorg.advise(interorg.example_case())
    >>> input_paths(advice["kenis.need.municipal.quadrant-iv[bladel]"].explanation)
    ['care.municipalities[2]']
    """
    return list(_path_set(explanation, {} if memo is None else memo))


def add_input_paths(explanation, paths, memo=None):
    """Add to the dict ``paths`` (an ordered set) the paths of :func:`input_paths`, in their order.

    What ``paths.update(dict.fromkeys(input_paths(explanation, memo)))``
    does, without the list and the dict in between.

    Examples
    --------
    >>> import interorg
    >>> advice = interorg.advise(interorg.example_case())
    >>> paths = {"care": None}
    >>> add_input_paths(advice["kenis.need.municipal.quadrant-iv[bladel]"].explanation, paths)
    >>> list(paths)
    ['care', 'care.municipalities[2]']
    """
    paths.update(_path_set(explanation, {} if memo is None else memo))


def premises(explanation, found, met=None, memo=None):
    """The keys of every earlier conclusion an explanation rests on, down the tree, each once.

    ``found`` is a dict used as an ordered set (keys in the order first
    met), so that looking a key up stays constant at any size.  Given a
    list ``met``, the keys this walk adds are appended to it as well.
    ``memo`` (a dict kept by the caller) walks each shared sub-explanation
    once (see :func:`premise_set`).

    Examples
    --------
    >>> import interorg
    >>> advice = interorg.advise(interorg.example_case())
    >>> found = {}
    >>> premises(advice["kenis.conclusions.power-reason-as-counterweight"].explanation, found)
    >>> list(found)
    ['kenis.conclusions.counterweight', 'kenis.reasons.organisation-serving[power]']
    """
    for key in premise_set(explanation, {} if memo is None else memo):
        if key not in found:
            found[key] = None
            if met is not None:
                met.append(key)


def premise_set(explanation, memo):
    """Every earlier conclusion's key an explanation rests on, in the order a walk down the tree first meets it.

    A dict used as an ordered set, made once per explanation (``memo``, by
    identity), to be read, not changed.  Adding it to keys found already
    adds what walking the tree and skipping what was found would add, in
    the same order: what lies below a key found already was found with it.

    Examples
    --------
    >>> import interorg
    >>> advice = interorg.advise(interorg.example_case())
    >>> list(premise_set(advice["kenis.conclusions.power-reason-as-counterweight"].explanation, {}))
    ['kenis.conclusions.counterweight', 'kenis.reasons.organisation-serving[power]']
    """
    found = memo.get(id(explanation))
    if found is not None:
        return found
    found = {}
    for support in explanation.supports:
        for evidence in support.evidence:
            if evidence.type == "conclusion":
                # the evidence's key written out (Evidence.key): this runs for every evidence of every tree
                subject = evidence.subject
                key = evidence.rule if subject is None else f"{evidence.rule}[{subject}]"
                if key not in found:
                    found[key] = None
                    found.update(premise_set(evidence.explanation, memo))  # as _path_set's update
    memo[id(explanation)] = found
    return found
