"""The pipeline: from a case to the advice, computed once.

:func:`advise` checks the case, turns it into input facts, runs the rule
base, explains the conclusions, resolves the conflicts between them,
computes the summaries, the diagnosis and the counsel (the action plan) over
them and returns an :class:`~interorg.Advice` that holds all of it as data.  The
functions over an advice (:func:`diagnose`, :func:`relationship_summary`,
:func:`network_graph`) read what it holds; given a case instead, they
advise on it first.
"""

import functools
import os

import attrs

from .analysis.counsel import build_counsel
from .analysis.diagnosis import build_diagnosis
from .analysis.knowledge import knowledge_base, load_knowledge
from .analysis.relationships import summarise_relationships
from .case import Case, case_from_dict, check_case, load_case
from .engine import explain, run
from .engine.asking import checked_subject, rule_and_subject
from .engine.conflicts import resolve
from .engine.explaining import version
from .engine.translation import problems_in_lang
from .errors import CaseError, InterorgError, Problem, UnknownRule, UsageError
from .facts import case_facts
from .report.advice import Advice
from .utils.collector import collector_paused
from .utils.structure import describe

# What only network_graph, compare and why_not need is imported by them, so that
# a process that only advises does not load it.

__all__ = ["LANGUAGES", "advise", "compare", "diagnose", "network_graph", "relationship_summary", "why_not"]

#: The languages of the advice.
LANGUAGES = ("en", "nl")


def _checked(case, bounded=True):
    if isinstance(case, Case):
        return check_case(case, bounded)
    if isinstance(case, dict):
        return case_from_dict(case, bounded=bounded)
    if isinstance(case, (str, os.PathLike)):
        return load_case(case)
    got = describe(case) if case is None else type(case).__name__
    raise CaseError([Problem("", f"expected an interorg.Case, a mapping or the path of a case file; got {got}")])


@problems_in_lang
def advise(case, lang="en", knowledge=None, *, bounded=True):
    """Run the rule base on a case and return the explained advice.

    Parameters
    ----------
    case : Case, dict, str or os.PathLike
        A :class:`~interorg.Case`, plain data of the same shape, or the path
        of a YAML or JSON case file.
    lang : {'en', 'nl'}
        The language of the advice.
    knowledge : KnowledgeBase, str or os.PathLike, optional
        A knowledge base, or the path of a knowledge folder; by default the
        knowledge shipped with interorg.
    bounded : bool
        Refuse a case beyond the sizes of :mod:`interorg.case.limits` (the
        default, so that any input is answered in bounded time).  A case
        built in Python for research may pass False; a case file is always
        read within the bounds.

    Returns
    -------
    Advice
        The same case gives the same advice, in the same order, every run.

    Raises
    ------
    CaseError
        If the case is not valid (every problem, with its path).
    InterorgError
        If ``lang`` is not supported.
    UsageError
        If ``knowledge`` is neither a knowledge base nor a path.

    Every error is told in ``lang``: ``str(error)`` is Dutch under
    ``lang="nl"``, while ``error.problems`` keep their English messages for
    a program to read (``error.in_language("en")`` is the English error).

    Examples
    --------
    >>> from interorg import Case, Care, advise
    >>> advice = advise(Case(care=Care(demand="complex", supply_in_municipality=False)))
    >>> "kenis.need.quadrant-iv" in advice
    True
    >>> advise({"care": {"demand": "compelx"}}, lang="nl")
    Traceback (most recent call last):
    ...
    interorg.errors.CaseError: care.demand: verwacht een van standard, complex; gekregen: 'compelx'
    """
    if lang not in LANGUAGES:
        raise InterorgError(f"language '{lang}' is not supported; expected one of {', '.join(LANGUAGES)}")
    knowledge = knowledge_base(knowledge)
    case = _checked(case, bounded)
    with collector_paused():  # what is built here is acyclic (see interorg.utils.collector)
        names = case.partner_names()
        facts = list(case_facts(case))
        session = run(knowledge, facts, names)
        conclusions, models = explain(session, lang)
        labels = dict(knowledge.labels(lang))  # the advice's own: it is pickled with it
        resolution = resolve(conclusions, knowledge, lang)
        diagnosis = build_diagnosis(conclusions, knowledge, lang, resolution.set_aside)
        return Advice(case.name, lang, conclusions, models, version(), labels,
                      relationships=summarise_relationships(conclusions, case.relationships, resolution.set_aside),
                      diagnosis=diagnosis,
                      counsel=build_counsel(conclusions, knowledge, lang, resolution, diagnosis, names),
                      case=case, facts=tuple(facts), why_not_by=_why_not_by(knowledge),
                      knowledge=_drawn_from(knowledge))


def _drawn_from(knowledge):
    """What an advice says of the knowledge it was drawn from; None for one built in Python, whose files are unknown."""
    if knowledge.fingerprint is None:
        return None
    return {"name": knowledge.name, "fingerprint": knowledge.fingerprint}


def _why_not_by(knowledge):
    # the plain function for the shipped knowledge keeps an advice picklable
    return why_not if knowledge is load_knowledge() else functools.partial(why_not, knowledge=knowledge)


def diagnose(advice, knowledge=None):
    """The diagnosis of a collaboration: suspected problems, ranked, and what answers them.

    Parameters
    ----------
    advice : Advice, or a case
        An :class:`~interorg.Advice`, or anything :func:`advise` accepts (it
        is then advised on in English).
    knowledge : KnowledgeBase, str or os.PathLike, optional
        The knowledge the advice was drawn from, or the path of its folder;
        by default the shipped one.

    Returns
    -------
    Diagnosis
        The one the advice holds (:attr:`Advice.diagnosis`).

    Examples
    --------
    >>> import interorg
    >>> result = diagnose(interorg.example_case())
    >>> [(r.id, r.level) for r in result.suspected][:2]
    [('lack-of-shared-ambition', 'suspected'), ('power-play', 'suspected')]
    >>> [i.id for i in result.interventions][:2]
    ['visioning', 'convening']
    """
    if knowledge is not None:
        knowledge = knowledge_base(knowledge)
    if not isinstance(advice, Advice):
        return advise(advice, knowledge=knowledge).diagnosis
    if knowledge is None:
        return advice.diagnosis
    return build_diagnosis(advice.conclusions, knowledge, advice.lang, advice.counsel.set_aside)


def relationship_summary(advice):
    """Sum up what the rules concluded about the relationships of a collaboration.

    Parameters
    ----------
    advice : Advice, or a case
        An :class:`~interorg.Advice`, or anything :func:`advise` accepts (it
        is then advised on in English).

    Returns
    -------
    RelationshipSummary
        The one the advice holds (:attr:`Advice.relationships`); only
        relationships the rules concluded something about are included.

    Examples
    --------
    >>> import interorg
    >>> summary = relationship_summary(interorg.example_case())
    >>> summary.quadrants["trust.quadrants.unhindered-collaboration"]
    ('bladel~jeugdzorg-kempen',)
    >>> summary.most_risky_partners()
    ('jeugdzorg-kempen',)
    """
    if not isinstance(advice, Advice):
        advice = advise(advice)
    return advice.relationships


def network_graph(case, advice=None):
    """Return the partner network as a ``networkx.MultiDiGraph``.

    Nodes are partner ids with the attributes ``name``, ``kind``,
    ``position`` (what the partners believe), ``placed`` (the position the
    rules place it in: ``core``, ``ring``, ``free_space``, ``several`` or
    ``none``; empty when the case says too little), the fit per Douma
    dimension (``fit_strategic``...) and the structural facts of
    :class:`~interorg.analysis.network.PartnerFacts`.  Edges have the key
    ``relationship`` (with the relationship's levels and ``quadrant`` where
    the rules found one) or ``dependency`` (from the dependent partner to
    the one it depends on, with ``strength``).  Every attribute is a string,
    number or boolean, so the graph can be written to GraphML as it is.

    Parameters
    ----------
    case : Advice, or a case
        An :class:`~interorg.Advice` (its case is drawn), or anything
        :func:`advise` accepts.
    advice : Advice, optional
        The advice on ``case``; computed when not given.

    Returns
    -------
    networkx.MultiDiGraph

    Examples
    --------
    >>> import interorg
    >>> graph = interorg.network_graph(interorg.example_case())
    >>> graph.nodes["jeugdzorg-kempen"]["strong_dependents"]
    3
    """
    if isinstance(case, Advice):
        advice = case
    elif advice is None:
        advice = advise(case)
    from .analysis.network import partner_graph

    return partner_graph(advice.case, advice.conclusions, advice.counsel.set_aside)


@problems_in_lang
def compare(before, after, lang="en", knowledge=None):
    """What moved between two assessments of one collaboration.

    Parameters
    ----------
    before, after : Advice, or a case
        The earlier and the later assessment: advices, or anything
        :func:`advise` accepts (they are then advised on in ``lang``).
    lang : {'en', 'nl'}
        The language of the comparison's renderings.
    knowledge : KnowledgeBase, str or os.PathLike, optional
        The knowledge base a case is advised on with, or the path of its
        folder; by default the knowledge shipped with interorg.  An advice
        given is compared as it was drawn.

    Returns
    -------
    Comparison
        The scan factors per partner, the quadrants of the relationships,
        the partners' positions and the suspected problems, before and
        after; ``to_text()``, ``to_markdown()``, ``to_html()``,
        ``to_dict()`` and a rich display in Jupyter.  Two cases with
        different names, or sharing fewer than half of their partners, are
        compared all the same, with a warning at the top of every rendering
        (``warnings()``) and ``relatedness`` in the JSON.

    Examples
    --------
    >>> import attrs, interorg
    >>> first = interorg.example_case()
    >>> later = attrs.evolve(first, round=2, relationships=first.relationships[1:])
    >>> result = compare(first, later)
    >>> [q.relationship for q in result.moved_quadrants()] == [first.relationships[0].id]
    True
    """
    advices = [item if isinstance(item, Advice) else advise(item, lang=lang, knowledge=knowledge)
               for item in (before, after)]
    old, new = advices
    from .analysis import compare as _compare
    from .report.comparison import Comparison

    return Comparison(
        lang=lang,
        before=_compare.assessment_label(old.case, 1),
        after=_compare.assessment_label(new.case, 2),
        factors=_compare.factor_changes(old.case, new.case),
        quadrants=_compare.quadrant_changes(old.relationships, new.relationships),
        positions=_compare.position_changes(old, new),
        problems=_compare.problem_changes(old.diagnosis, new.diagnosis),
        names={**old.case.partner_names(), **new.case.partner_names()},
        in_reverse=_compare.in_reverse(old.case, new.case),
        relatedness=_compare.relatedness(old.case, new.case),
    )


@problems_in_lang
def why_not(advice, rule_id, subject=None, knowledge=None, lang=None):
    """Why a rule did or did not fire on a case: each condition's status and the smallest changes.

    For a rule that fired, its explanation as in the advice.  For one that
    did not, every condition: held (on which fact), failed (the value seen
    and the test), or unknown (the path the case does not give), and for a
    missing earlier conclusion why it is missing; then the smallest sets of
    changes to the case file (from the vocabulary) that make it fire,
    each written at the case's own keys, checked as a case file is and
    run; for a conclusion set aside by a conflict, by what.  A condition
    on a field derived from the case (a count, a scan factor's band, a
    motive's category) is met by changing what the field is computed from
    (see :mod:`interorg.facts.derived`), or says what it comes from and
    why no change reaches it.

    Parameters
    ----------
    advice : Advice, or a case
        An :class:`~interorg.Advice`, or anything :func:`advise` accepts.
    rule_id : str
        The rule's id, or a conclusion's key ``id[subject]``.
    subject : str, optional
        For a rule concluded per subject (a relationship, a partner): which.
    knowledge : KnowledgeBase, str or os.PathLike, optional
        The knowledge the advice was drawn from, or the path of its folder;
        by default the shipped one.
    lang : {'en', 'nl'}, optional
        The language of the answer and of its errors; by default the
        advice's (English for a case).  An advice in another language is
        advised on again, from its case, in ``lang``.

    Returns
    -------
    WhyNotReport
        ``.to_text()``, ``.to_markdown()``, ``.to_dict()`` in ``lang``;
        ``.result`` holds the data.

    Raises
    ------
    InterorgError
        If ``lang`` is not supported.
    UnknownRule
        If the knowledge has no rule ``rule_id``.
    UsageError
        If a subject is asked for a rule that has none, or no fact of the
        case has that subject; if ``knowledge`` is neither a knowledge base
        nor a path; if an advice without its case is asked about in
        another language.

    Examples
    --------
    >>> import interorg
    >>> answer = why_not({"care": {"demand": "complex", "supply_in_municipality": True}},
    ...                  "kenis.need.quadrant-i")
    >>> answer.fired, answer.conditions[0].status
    (False, 'failed')
    >>> [(c.path, c.to) for c in answer.changes[0]]
    [('care.demand', ('standard',))]
    >>> why_not(interorg.example_case(), "kenis.need.quadrant-i", lang="nl").to_text().splitlines()[1]
    '  De regel slaat niet aan op deze casus.'
    """
    if lang is None:  # the advice's language, given so that its errors are told in it too
        return why_not(advice, rule_id, subject, knowledge, advice.lang if isinstance(advice, Advice) else "en")
    if lang not in LANGUAGES:
        raise InterorgError(f"language '{lang}' is not supported; expected one of {', '.join(LANGUAGES)}")
    knowledge = knowledge_base(knowledge)
    if not isinstance(advice, Advice):
        advice = advise(advice, lang, knowledge)
    elif advice.lang != lang:  # its case again, which was checked (within its bounds or not) when advised on
        if advice.case is None:
            raise UsageError(f"this advice holds no case to advise on again in '{lang}'; ask in its own"
                             f" language, '{advice.lang}'")
        advice = advise(advice.case, lang, knowledge, bounded=False)
    rule_id, subject = rule_and_subject(rule_id, subject)
    try:
        rule = knowledge.rule(rule_id)
    except KeyError as exc:
        raise UnknownRule(f"unknown rule '{rule_id}'; `interorg rules` lists them") from exc
    from .engine import whynot
    from .engine.symbolic import Space
    from .facts.editing import CaseEditor
    from .facts.shape import singletons
    from .report.whynot import WhyNotReport

    kinds = singletons(knowledge)
    subject = checked_subject(Space(knowledge, kinds, 0), rule, subject, advice.facts)
    concluded = {(c.id, c.subject) for c in advice.conclusions}
    editor = CaseEditor(advice.case, advice.facts) if advice.case is not None else None
    names = advice.case.partner_names() if advice.case is not None else None
    result = whynot.why_not(knowledge, advice.facts, concluded, rule_id, subject, lang, kinds,
                            editor=editor, names=names)
    if result.fired:
        conclusion = advice[rule_id if subject is None else f"{rule_id}[{subject}]"]
        mine = advice.counsel.set_aside.get(conclusion.key) if advice.counsel is not None else None
        set_aside = None if mine is None else (mine.by, advice[mine.by].title, mine.reason)
        result = attrs.evolve(result, title=conclusion.title, explanation=conclusion.explanation,
                              set_aside=set_aside)
    return WhyNotReport(result, advice.labels, lang)
