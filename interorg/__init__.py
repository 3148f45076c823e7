"""interorg: explained advice on collaboration between organisations.

A forward-chaining rule base, encoded as data from Dutch and Flemish
management sources, run on experta.  Start with :func:`advise`::

    >>> import interorg
    >>> advice = interorg.advise(interorg.example_case())
    >>> advice.findings[0].id
    'kenis.need.quadrant-iv'
"""

import importlib.metadata

from .advice import Advice, Citation, Conclusion, Evidence, Explanation, Missing, ModelStatus, Support
from .case import (
    BoardMember,
    Boundaries,
    Care,
    Case,
    Complexity,
    ComplexityFactor,
    Coordination,
    CoordinationElement,
    GameRuleBreach,
    GameRules,
    Interests,
    Leader,
    NetworkLogic,
    Partner,
    PartnerInterests,
    PartnerMotives,
    SelfOrganisation,
    SelfOrganisationPrinciples,
    StatedReason,
    Tension,
)
from .casefile import case_from_dict, case_to_dict, dump_case, load_case
from .engine import advise
from .errors import CaseError, InterorgError, KnowledgeError, Problem
from .examples import example_case, example_path
from ._loading import load_knowledge
from .rulebase import KnowledgeBase, Rule

try:
    __version__ = importlib.metadata.version("interorg")
except importlib.metadata.PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"

__all__ = sorted([
    "Advice",
    "BoardMember",
    "Boundaries",
    "Care",
    "Case",
    "CaseError",
    "Citation",
    "Complexity",
    "ComplexityFactor",
    "Conclusion",
    "Coordination",
    "CoordinationElement",
    "Evidence",
    "Explanation",
    "GameRuleBreach",
    "GameRules",
    "Interests",
    "InterorgError",
    "KnowledgeBase",
    "KnowledgeError",
    "Leader",
    "Missing",
    "ModelStatus",
    "NetworkLogic",
    "Partner",
    "PartnerInterests",
    "PartnerMotives",
    "Problem",
    "Rule",
    "SelfOrganisation",
    "SelfOrganisationPrinciples",
    "StatedReason",
    "Support",
    "Tension",
    "__version__",
    "advise",
    "case_from_dict",
    "case_to_dict",
    "dump_case",
    "example_case",
    "example_path",
    "load_case",
    "load_knowledge",
])
