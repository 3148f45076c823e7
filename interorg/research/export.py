"""The knowledge base, and a case's input facts, as a CLIPS 6.4 program."""

from ..analysis.knowledge import knowledge_base
from ..case import Case, check_case, load_case
from ..engine.clips import clips_facts, clips_rules
from ..engine.translation import problems_in_lang
from ..facts import case_facts

__all__ = ["to_clips"]


@problems_in_lang
def to_clips(case=None, knowledge=None, lang="en"):
    """Return the rule base as CLIPS constructs, with the input facts of ``case`` as a ``deffacts``.

    Loaded in CLIPS, ``(reset)`` and ``(run)`` draw the case's conclusions as
    ``conclusion`` facts with the slots ``rule`` and ``subject``: the same
    (rule id, subject) pairs as :func:`interorg.advise` (the test suite
    compares the two engines on every test case and on generated ones).

    Parameters
    ----------
    case : Case, str or os.PathLike, optional
        A :class:`~interorg.Case` or the path of a case file; without it
        only the templates and rules are written.
    knowledge : KnowledgeBase, str or os.PathLike, optional
        A knowledge base, or the path of a knowledge folder; by default the
        knowledge shipped with interorg.
    lang : {'en', 'nl'}
        The language of the program's comment; the constructs are the same.

    Returns
    -------
    str

    Examples
    --------
    >>> import interorg
    >>> program = to_clips(interorg.example_case())
    >>> "(deffacts case" in program and "(defrule kenis.need.quadrant-iv" in program
    True
    """
    knowledge = knowledge_base(knowledge)
    program = clips_rules(knowledge, lang)
    if case is None:
        return program
    case = check_case(case) if isinstance(case, Case) else load_case(case)
    return program + "\n" + clips_facts(knowledge, case_facts(case))
