"""Verify a knowledge base of the domain: the engine's static checks, told what the case model knows.

The engine's verifier (:func:`interorg.engine.verify.verify_knowledge`)
needs two things only the domain knows: which fact types a case gives at
most once (a section that is a mapping, such as ``care``), and which rules
are named outside the rules (the archetypes and interventions of the
diagnosis), so that their steps are not dead ends.
"""

import os
import pathlib

import attrs

from ..analysis.knowledge import knowledge_base, load_knowledge
from ..engine.rulebase import KnowledgeBase as RuleBase
from ..engine.verify import Verification, VerifyFinding, verify_knowledge
from ..errors import KnowledgeError
from ..facts.paths import witness_path
from ..facts.shape import singletons
from .quotes import quote_findings

__all__ = ["verify"]


def _used(knowledge):
    used = set()
    for archetype in getattr(knowledge, "archetypes", ()):
        used.add(archetype.suspected_by)
        used.update(archetype.against)
    for intervention in getattr(knowledge, "interventions", ()):
        used.update(intervention.recommended_by)
    return used


def verify(knowledge=None, limit=400):
    """Check a knowledge base statically over its whole vocabulary (see ``interorg verify``).

    Parameters
    ----------
    knowledge : KnowledgeBase, str or os.PathLike, optional
        A loaded knowledge base or a knowledge directory; by default the
        shipped one.  A directory that does not load gives its load problems
        as errors.
    limit : int
        The largest union of alternatives expanded per rule.

    Returns
    -------
    Verification
        ``.ok`` is False when there is an error; ``.findings`` lists every
        problem with its file, rule, message and witness.

    Raises
    ------
    KnowledgeError
        If ``knowledge`` names no folder (one that does not exist, or a file).
    UsageError
        If ``knowledge`` is neither a knowledge base nor a path.

    Examples
    --------
    >>> result = verify()
    >>> result.ok, result.rules > 300
    (True, True)
    """
    if isinstance(knowledge, (str, os.PathLike)) and not pathlib.Path(knowledge).is_dir():
        # nothing to check: a wrong argument, not a knowledge base with faults; the loader says so
        load_knowledge(knowledge)
    if not isinstance(knowledge, RuleBase):  # any knowledge base of the grammar can be verified
        try:
            knowledge = knowledge_base(knowledge)
        except KnowledgeError as exc:
            findings = tuple(VerifyFinding("error", "load", p.file or "knowledge", p.path, p.message,
                                           line=p.line, column=p.column) for p in exc.problems)
            if exc.more:  # past the problems the error keeps: counted, not dropped
                findings += (VerifyFinding("error", "load", str(knowledge), "", f"... and {exc.more:,} more problems"),)
            return Verification(findings, {}, 0, 0, exc.more or 0)
    result = verify_knowledge(knowledge, singletons(knowledge), _used(knowledge), limit, witness_path)
    quotes = quote_findings(knowledge, getattr(knowledge, "folder", None))
    if not quotes:
        return result
    # errors first, as the verifier gives them: a misquote is one
    errors = tuple(f for f in result.findings if f.severity == "error")
    return attrs.evolve(result, findings=errors + quotes + tuple(f for f in result.findings if f.severity != "error"))
