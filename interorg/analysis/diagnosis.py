"""A diagnosis of a collaboration, over the conclusions of a run: from the answers to a named problem to what to do.

The rules conclude piece by piece: scan factors that are strengths or
concerns, the phase and what was skipped in it, indicators of each of the
workbook's nine archetypical collaboration problems and the evidence against
them, and the intervention types that answer each.  This module gathers them
into what a practitioner asks for: which problems are suspected, ranked by
the evidence for and against each, and which interventions, with their
descriptions and techniques, answer them.

The weighing is plain arithmetic over the conclusions (:mod:`.evidence`):
signs resting on a common input count once, each with its rule's weight,
and a problem is *suspected* only with enough independent evidence, else it
is *worth checking*, with the signs that would confirm it.  Evidence that a
conflict set aside (:mod:`interorg.engine.conflicts`) does not count.
Every rendering gives a problem the numbers of its
:class:`~.evidence.Weighing`, under the same names: ``pieces_for`` and
``pieces_against`` (the independent signs, each piece of independent
evidence once), ``score_for`` and ``score_against`` (those pieces weighed,
a strong one 2 and a weak one 1) and ``net`` (``score_for`` less
``score_against``, the score a suspicion needs 3 of).  Problems are ranked
by ``net``, then by ``pieces_for``, then by the number of different
indicator rules among the evidence for, then in the source's order.  An
intervention that answers only problems worth checking is *conditional*:
worth doing once the problem is confirmed.  Every piece of evidence keeps the key of its
conclusion and the places in the case it rests on, so that the explanation
of any line can be looked up in the advice.
"""

import attrs

from ..engine.saying import Sayer
from ..engine.texts import PLACEHOLDER
from . import diagnosis_view
from .evidence import input_paths, weigh
from .interventions import recommendations

__all__ = [
    "ArchetypeResult",
    "Diagnosis",
    "Indication",
    "InterventionAdvice",
    "build_diagnosis",
]

_SCAN = (("scan.strength", "strengths"), ("scan.concern", "concerns"), ("scan.disagreement", "disagreements"))
_PHASES = ("phases.exploring", "phases.sharing", "phases.agreeing", "phases.shaping", "phases.implementing")
_SKIPPED = ("phases.skipped-before-switch", "phases.skipped")
_NEXT = ("phases.next", "phases.catch-up")


@attrs.frozen(repr=False)
class Indication:
    """One conclusion used as evidence, with the places in the case it rests on.

    Attributes
    ----------
    key : str
        The conclusion's key in the advice (``id`` or ``id[subject]``).
    rule : str
    subject : str or None
    title : str
        The conclusion's title, in the advice's language.
    paths : tuple of str
        The paths of the case's input facts it rests on, down the whole
        derivation, in the order first met.
    """

    key: str
    rule: str
    subject: str | None
    title: str
    paths: tuple

    def __repr__(self):
        return f"<Indication {self.key}: {self.title}>"


@attrs.frozen(repr=False)
class InterventionAdvice:
    """An intervention type the rules recommend, with the source's description and techniques.

    ``recommended_by`` holds the keys of the recommendations that name it,
    ``answers`` the ids of the suspected problems those recommendations answer
    (empty when it is recommended straight from the network or the phase),
    ``if_confirmed`` the ids of the problems worth checking it would answer,
    and ``caveats`` the keys of warnings about it.  It is ``conditional``
    when it answers only problems worth checking.
    """

    id: str
    title: str
    description: str
    techniques: tuple
    recommended_by: tuple
    answers: tuple
    caveats: tuple = ()
    if_confirmed: tuple = ()
    conditional: bool = False

    def __repr__(self):
        answers = f" answers {', '.join(self.answers)};" if self.answers else ""
        return f"<InterventionAdvice {self.id}:{answers} {len(self.techniques)} techniques>"


@attrs.frozen(repr=False)
class ArchetypeResult:
    """One of the nine archetypical problems: the evidence for and against it, and what answers it.

    Attributes
    ----------
    id : str
    title : str
    suspected : bool
        Whether the independent evidence is enough to suspect it.
    evidence_for : tuple of Indication
        The indicators that hold (the supports of the suspicion), less any
        set aside by a conflict.
    evidence_against : tuple of Indication
    interventions : tuple of str
        The ids of the intervention types recommended for it.
    level : {'suspected', 'worth-checking'} or None
    weighing : Weighing or None
        The independent pieces of evidence and their scores: the numbers
        every rendering shows (``pieces_for``, ``pieces_against``,
        ``score_for``, ``score_against``, ``net``; see :mod:`.evidence`).
        ``evidence_for`` holds the signs themselves, before signs resting on
        a common input are counted once.
    confirm : tuple of str
        For a problem worth checking: the signs that would confirm it.
    """

    id: str
    title: str
    suspected: bool
    evidence_for: tuple
    evidence_against: tuple
    interventions: tuple
    level: str | None = None
    weighing: object = None
    confirm: tuple = ()

    def __repr__(self):
        state = "suspected" if self.suspected else "not suspected"
        weighing = self.weighing
        # the words of the message briefs.weighed, which the renderings use
        counts = (f": {weighing.pieces_for} independent signs for, {weighing.pieces_against} against,"
                  f" net score {weighing.net}") if weighing is not None else ""
        return f"<ArchetypeResult {self.id}: {state}{counts}>"


@attrs.frozen(repr=False)
class Diagnosis:
    """The diagnosis of one collaboration.

    Attributes
    ----------
    lang : {'en', 'nl'}
    scan : dict
        ``strengths``, ``concerns`` and ``disagreements``: tuples of
        Indication, one per factor, in the source's order.
    phase : Indication or None
        Where the collaboration stands.
    next_steps, skipped : tuple of Indication
        Activities of the current phase still to do (or to catch up before
        the switch point), and activities of earlier phases skipped.
    suspected : tuple of ArchetypeResult
        The suspected problems, ranked (see the module docstring).
    not_suspected : tuple of ArchetypeResult
        The problems neither suspected nor worth checking, in the source's
        order: those without evidence for them, and those whose evidence
        against weighs as much as the evidence for (both are listed).
    interventions : tuple of InterventionAdvice
        Every intervention type recommended, in the source's order.
    worth_checking : tuple of ArchetypeResult
        The problems with some evidence, too little to suspect them, ranked.
    """

    lang: str
    scan: dict
    phase: Indication | None
    next_steps: tuple
    skipped: tuple
    suspected: tuple
    not_suspected: tuple
    interventions: tuple
    worth_checking: tuple = ()

    def to_dict(self):
        """The diagnosis as JSON-ready data (lists and dicts of text and numbers).

        Each problem's numbers are in its ``weighing``: ``pieces_for``,
        ``pieces_against``, ``score_for``, ``score_against`` and ``net``, as
        every other rendering shows them.

        Examples
        --------
        >>> import interorg
        >>> power = interorg.diagnose(interorg.example_case()).to_dict()["suspected"][1]
        >>> power["id"], power["weighing"]["pieces_for"], power["weighing"]["net"]
        ('power-play', 4, 6)
        """
        return _plain(self)

    def __repr__(self):
        first = f", {self.suspected[0].id} first" if self.suspected else ""
        phase = f"; phase {self.phase.rule.rpartition('.')[2]}" if self.phase else ""
        return (f"<Diagnosis ({self.lang}): {len(self.suspected)} suspected problems{first};"
                f" {len(self.interventions)} interventions{phase}>")

    def to_frame(self):
        """The problems as a pandas DataFrame: one row per archetype, the suspected ones first, ranked.

        Indexed by the problem's id, with its ``title``, ``level``,
        ``suspected``, ``rank`` (None when not suspected), the numbers of its
        weighing under the names :meth:`to_dict` gives them in ``weighing``
        (``pieces_for`` and ``pieces_against``: the independent signs;
        ``score_for``, ``score_against`` and their ``net``: those weighed),
        ``evidence_for`` and ``evidence_against`` (how many signs, before
        signs resting on a common input are counted once) and the ids of the
        ``interventions`` that answer it.  See also :meth:`evidence_frame`
        and :meth:`interventions_frame`.

        Raises
        ------
        MissingDependency
            If pandas is not installed.

        Examples
        --------
        >>> import interorg
        >>> table = interorg.diagnose(interorg.example_case()).to_frame()
        >>> int(table.loc["power-play", "rank"]), table.loc["power-play", "level"]
        (2, 'suspected')
        >>> table.loc["power-play", ["pieces_for", "score_for", "net"]].tolist()
        [4, 6, 6]
        """
        return diagnosis_view.problems_frame(self)

    def evidence_frame(self):
        """Every piece of evidence for and against each problem, with its places in the case, as a DataFrame."""
        return diagnosis_view.evidence_frame(self)

    def interventions_frame(self):
        """The intervention types recommended, with techniques and the problems they answer, as a DataFrame."""
        return diagnosis_view.interventions_frame(self)

    def _repr_html_(self):
        return diagnosis_view.diagnosis_html(self)


def _plain(obj):
    # a module function, not a closure: a recursive closure refers to itself, a reference cycle
    if attrs.has(type(obj)):
        data = {field.name: _plain(getattr(obj, field.name)) for field in attrs.fields(type(obj))}
        if isinstance(obj, ArchetypeResult) and obj.weighing is not None:
            data["weighing"]["net"] = obj.weighing.net
        return data
    if isinstance(obj, (tuple, list)):
        return [_plain(item) for item in obj]
    if isinstance(obj, dict):
        return {key: _plain(value) for key, value in obj.items()}
    return obj


def _archetype_result(archetype, lang, found, answers, knowledge):
    """One problem: its indicators (in the advice's order), the evidence against, the weighing, its answers."""
    suspicion = found.by_rule.get(archetype.suspected_by, ())
    keys = {}  # an ordered set: a list's `in` made this quadratic in the evidence
    for conclusion in suspicion:
        for support in conclusion.explanation.supports:
            for evidence in support.evidence:
                key = evidence.key
                if key not in keys and key not in found.set_aside:
                    keys[key] = None
    evidence_for = tuple(found.indication(found.by_key[key]) for key in sorted(keys, key=found.position.__getitem__))
    evidence_against = found.indications(*archetype.against)
    weighing = weigh(evidence_for, evidence_against, lambda i: found.by_key[i.key].weight)
    holding = {indication.rule for indication in evidence_for}
    confirm = ()
    if weighing.level == "worth-checking":
        signs = [knowledge.rule(rule) for rule in dict.fromkeys(
            rule for rule, negated in knowledge.rule(archetype.suspected_by).depends_on()
            if not negated and rule not in holding)]
        sayer = found.sayer = found.sayer or Sayer(knowledge, lang)  # one for all the problems worth checking
        # each sign as what to look for (‹partner› depends strongly on ‹partner›); one that is all
        # placeholder ("Sign of X: {what}") says nothing a reader could check
        confirm = tuple(sayer.title(rule) for rule in signs
                        if not PLACEHOLDER.fullmatch(rule.title.get(lang).split(": ", 1)[-1].strip()))
    return ArchetypeResult(
        archetype.id, archetype.title.get(lang), weighing.level == "suspected", evidence_for, evidence_against,
        tuple(item.id for item in knowledge.interventions if archetype.id in answers.get(item.id, ())),
        weighing.level, weighing, confirm)


class _Found:
    """The conclusions of one advice, looked up by key and rule, less those set aside."""

    def __init__(self, conclusions, set_aside):
        self.set_aside = set_aside
        self.memo = {}  # input paths per explanation, shared between conclusions
        # each key written out (Conclusion.key) rather than a property call per conclusion
        self.by_key = {c.id if c.subject is None else f"{c.id}[{c.subject}]": c for c in conclusions}
        self.position = {key: index for index, key in enumerate(self.by_key)}
        self.by_rule = {}
        self.shown, self.sayer = [], None  # the conclusions not set aside, in order; a Sayer once one is needed
        for key, conclusion in self.by_key.items():
            if key not in set_aside:
                self.by_rule.setdefault(conclusion.id, []).append(conclusion)
                self.shown.append(conclusion)

    def indication(self, conclusion):
        return _indication(conclusion, self.memo)

    def indications(self, *rules):
        return tuple(self.indication(c) for rule in rules for c in self.by_rule.get(rule, ()))


def _indication(conclusion, memo):
    return Indication(conclusion.key, conclusion.id, conclusion.subject, conclusion.title,
                      tuple(input_paths(conclusion.explanation, memo)))


def build_diagnosis(conclusions, knowledge, lang, set_aside=()):
    """Gather the diagnosis of a collaboration from the conclusions of its advice.

    Parameters
    ----------
    conclusions : sequence of Conclusion
        The conclusions of one advice, in its order.
    knowledge : KnowledgeBase
        The knowledge they were drawn from (its archetypes and interventions).
    lang : {'en', 'nl'}
        The language of the conclusions.
    set_aside : collection of str
        The keys of the conclusions a conflict set aside: they are no
        evidence, and an intervention recommended only on their strength is
        not listed.

    Returns
    -------
    Diagnosis

    Examples
    --------
    >>> import interorg
    >>> advice = interorg.advise(interorg.example_case())
    >>> result = build_diagnosis(advice.conclusions, interorg.load_knowledge(), "en", advice.counsel.set_aside)
    >>> result.suspected[0].id, result.suspected[0].level
    ('lack-of-shared-ambition', 'suspected')
    """
    set_aside = frozenset(set_aside)
    found = _Found(conclusions, set_aside)
    recommended, answers, caveats = recommendations(found.shown, knowledge)
    results = [_archetype_result(archetype, lang, found, answers, knowledge)
               for archetype in getattr(knowledge, "archetypes", ())]
    order = {archetype.id: index for index, archetype in enumerate(getattr(knowledge, "archetypes", ()))}

    def ranked(level):
        return tuple(sorted((r for r in results if r.level == level),
                            key=lambda r: (-r.weighing.net, -r.weighing.pieces_for,
                                           -len({i.rule for i in r.evidence_for}), order[r.id])))

    suspected, worth_checking = ranked("suspected"), ranked("worth-checking")
    suspected_ids = {r.id for r in suspected}
    checking_ids = {r.id for r in worth_checking}
    interventions = []
    for item in getattr(knowledge, "interventions", ()):
        if item.id not in recommended:
            continue
        answered = answers.get(item.id, ())
        firm = tuple(a for a in answered if a in suspected_ids)
        maybe = tuple(a for a in answered if a in checking_ids)
        interventions.append(InterventionAdvice(
            item.id, item.title.get(lang), item.description.get(lang), tuple(t.get(lang) for t in item.techniques),
            tuple(recommended[item.id]), firm, tuple(caveats.get(item.id, ())), maybe,
            conditional=bool(answered) and not firm))
    phase = found.indications(*_PHASES)
    return Diagnosis(
        lang=lang,
        scan={name: found.indications(rule) for rule, name in _SCAN},
        phase=phase[0] if phase else None,
        next_steps=found.indications(*_NEXT),
        skipped=found.indications(*_SKIPPED),
        suspected=suspected,
        not_suspected=tuple(r for r in results if r.level is None),
        interventions=tuple(interventions),
        worth_checking=worth_checking,
    )
