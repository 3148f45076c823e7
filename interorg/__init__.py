"""interorg: explained advice on collaboration between organisations.

A forward-chaining rule base, encoded as data from Dutch and Flemish
management sources, run on experta.  Start with :func:`advise`::

    >>> import interorg
    >>> advice = interorg.advise(interorg.example_case())
    >>> advice.findings[0].id
    'kenis.need.multi-organisation-network'
"""

import importlib.metadata

from .analysis.diagnosis import Diagnosis
from .analysis.knowledge import KnowledgeBase, load_knowledge
from .analysis.network import analyse as analyse_network
from .analysis.relationships import RelationshipSummary
from .analysis.scan import FactorScore, ScanScores, scan_scores
from .case import (
    Arrangement,
    BoardMember,
    Boundaries,
    Care,
    Case,
    Challenge,
    CollaborationForm,
    Complexity,
    ComplexityFactor,
    Coordination,
    CoordinationElement,
    Dependency,
    Fit,
    GameRuleBreach,
    GameRules,
    Governance,
    Interests,
    Leader,
    MunicipalCare,
    NetworkLogic,
    Observation,
    Partner,
    PartnerInterests,
    PartnerMotives,
    Phase,
    PositionCriteria,
    Relationship,
    Respondent,
    Scan,
    SelfOrganisation,
    SelfOrganisationPrinciples,
    StatedReason,
    Tension,
)
from .case import case_from_dict, case_to_dict, dump_case, example_case, example_path, load_case
from .engine import Citation, Conclusion, Evidence, Explanation, Missing, ModelStatus, Rule, Support
from .errors import AmbiguousKey, CaseError, InterorgError, KnowledgeError, Problem, UnknownRule, WriteError
from .pipeline import advise, compare, diagnose, network_graph, relationship_summary, why_not
from .report.advice import Advice
from .report.comparison import Comparison
from .report.diff import AdviceDiff
from .report.whynot import WhyNotReport
from .research.coverage import corpus_coverage
from .research.sweep import SweepResult, sweep
from .research.verify import verify

try:
    __version__ = importlib.metadata.version("interorg")
except importlib.metadata.PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"

__all__ = sorted([
    "Advice",
    "AdviceDiff",
    "AmbiguousKey",
    "Arrangement",
    "BoardMember",
    "Boundaries",
    "Care",
    "Case",
    "CaseError",
    "Challenge",
    "Citation",
    "CollaborationForm",
    "Comparison",
    "Complexity",
    "ComplexityFactor",
    "Conclusion",
    "Coordination",
    "CoordinationElement",
    "Dependency",
    "Diagnosis",
    "Evidence",
    "Explanation",
    "FactorScore",
    "Fit",
    "GameRuleBreach",
    "GameRules",
    "Governance",
    "Interests",
    "InterorgError",
    "KnowledgeBase",
    "KnowledgeError",
    "Leader",
    "Missing",
    "ModelStatus",
    "MunicipalCare",
    "NetworkLogic",
    "Observation",
    "Partner",
    "PartnerInterests",
    "PartnerMotives",
    "Phase",
    "PositionCriteria",
    "Problem",
    "Relationship",
    "RelationshipSummary",
    "Respondent",
    "Rule",
    "Scan",
    "ScanScores",
    "SelfOrganisation",
    "SelfOrganisationPrinciples",
    "StatedReason",
    "SweepResult",
    "Support",
    "Tension",
    "UnknownRule",
    "WhyNotReport",
    "WriteError",
    "__version__",
    "advise",
    "analyse_network",
    "case_from_dict",
    "case_to_dict",
    "compare",
    "corpus_coverage",
    "diagnose",
    "dump_case",
    "example_case",
    "example_path",
    "load_case",
    "load_knowledge",
    "network_graph",
    "relationship_summary",
    "scan_scores",
    "sweep",
    "verify",
    "why_not",
])
