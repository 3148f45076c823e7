"""interorg: explained advice on collaboration between organisations.

A forward-chaining rule base, encoded as data from Dutch and Flemish
management sources, run on experta.  Start with :func:`advise`::

    >>> import interorg
    >>> advice = interorg.advise(interorg.example_case())
    >>> advice.findings[0].id
    'kenis.need.multi-organisation-network'
"""

# the standard modules under private names: dir(interorg) is the public face, as in attrs
import importlib as _importlib
import types as _types
import typing as _typing

from ._version import __version__
from .errors import _use_translator


def _translated(subject, lang):
    """An error, or a problem's English message, in ``lang``, by the messages of the bundled knowledge."""
    # imported when an error is first told in another language: ``import interorg`` stays light
    from .analysis.knowledge import load_knowledge
    from .engine.translation import in_language

    return in_language(subject, load_knowledge().messages, lang)


# errors.py imports nothing of interorg (it is the bottom layer): the package tells it how to translate
_use_translator(_translated)
del _use_translator

# Every public name is imported when it is first used (PEP 562), so that
# ``import interorg`` and the command line load only what they need: the
# research tools, the readers and writers of other formats and networkx
# stay out of a process that only advises.
_PUBLIC = {
    "Diagnosis": (".analysis.diagnosis", "Diagnosis"),
    "KnowledgeBase": (".analysis.knowledge", "KnowledgeBase"),
    "load_knowledge": (".analysis.knowledge", "load_knowledge"),
    "analyse_network": (".analysis.network", "analyse"),
    "RelationshipSummary": (".analysis.relationships", "RelationshipSummary"),
    "FactorScore": (".analysis.scan", "FactorScore"),
    "ScanScores": (".analysis.scan", "ScanScores"),
    "scan_scores": (".analysis.scan", "scan_scores"),
    "Arrangement": (".case", "Arrangement"),
    "BoardMember": (".case", "BoardMember"),
    "Boundaries": (".case", "Boundaries"),
    "Care": (".case", "Care"),
    "Case": (".case", "Case"),
    "Challenge": (".case", "Challenge"),
    "CollaborationForm": (".case", "CollaborationForm"),
    "Complexity": (".case", "Complexity"),
    "ComplexityFactor": (".case", "ComplexityFactor"),
    "Coordination": (".case", "Coordination"),
    "CoordinationElement": (".case", "CoordinationElement"),
    "Dependency": (".case", "Dependency"),
    "Fit": (".case", "Fit"),
    "GameRuleBreach": (".case", "GameRuleBreach"),
    "GameRules": (".case", "GameRules"),
    "Governance": (".case", "Governance"),
    "Interests": (".case", "Interests"),
    "Leader": (".case", "Leader"),
    "MunicipalCare": (".case", "MunicipalCare"),
    "NetworkLogic": (".case", "NetworkLogic"),
    "Observation": (".case", "Observation"),
    "Partner": (".case", "Partner"),
    "PartnerInterests": (".case", "PartnerInterests"),
    "PartnerMotives": (".case", "PartnerMotives"),
    "Phase": (".case", "Phase"),
    "PositionCriteria": (".case", "PositionCriteria"),
    "Relationship": (".case", "Relationship"),
    "Respondent": (".case", "Respondent"),
    "Scan": (".case", "Scan"),
    "SelfOrganisation": (".case", "SelfOrganisation"),
    "SelfOrganisationPrinciples": (".case", "SelfOrganisationPrinciples"),
    "StatedReason": (".case", "StatedReason"),
    "Tension": (".case", "Tension"),
    "case_from_dict": (".case", "case_from_dict"),
    "case_to_dict": (".case", "case_to_dict"),
    "dump_case": (".case", "dump_case"),
    "example_case": (".case", "example_case"),
    "example_path": (".case", "example_path"),
    "load_case": (".case", "load_case"),
    "Citation": (".engine", "Citation"),
    "Conclusion": (".engine", "Conclusion"),
    "Evidence": (".engine", "Evidence"),
    "Explanation": (".engine", "Explanation"),
    "Missing": (".engine", "Missing"),
    "ModelStatus": (".engine", "ModelStatus"),
    "Rule": (".engine", "Rule"),
    "Support": (".engine", "Support"),
    "AmbiguousKey": (".errors", "AmbiguousKey"),
    "CaseError": (".errors", "CaseError"),
    "InterorgError": (".errors", "InterorgError"),
    "KnowledgeError": (".errors", "KnowledgeError"),
    "MissingDependency": (".errors", "MissingDependency"),
    "NotConcluded": (".errors", "NotConcluded"),
    "Problem": (".errors", "Problem"),
    "UnknownRule": (".errors", "UnknownRule"),
    "UsageError": (".errors", "UsageError"),
    "WriteError": (".errors", "WriteError"),
    "advise": (".pipeline", "advise"),
    "compare": (".pipeline", "compare"),
    "diagnose": (".pipeline", "diagnose"),
    "network_graph": (".pipeline", "network_graph"),
    "relationship_summary": (".pipeline", "relationship_summary"),
    "why_not": (".pipeline", "why_not"),
    "Advice": (".report.advice", "Advice"),
    "Comparison": (".report.comparison", "Comparison"),
    "AdviceDiff": (".report.diff", "AdviceDiff"),
    "diff": (".report.diff", "diff"),
    "WhyNotReport": (".report.whynot", "WhyNotReport"),
    "report_html": (".report.html", "report_html"),
    "save_report": (".report.html", "save_report"),
    "corpus_coverage": (".research.coverage", "corpus_coverage"),
    "SweepResult": (".research.sweep", "SweepResult"),
    "sweep": (".research.sweep", "sweep"),
    "verify": (".research.verify", "verify"),
}

if _typing.TYPE_CHECKING:  # for type checkers and editors, which do not run __getattr__
    from .analysis.diagnosis import Diagnosis  # noqa: F401
    from .analysis.knowledge import KnowledgeBase, load_knowledge  # noqa: F401
    from .analysis.network import analyse as analyse_network  # noqa: F401
    from .analysis.relationships import RelationshipSummary  # noqa: F401
    from .analysis.scan import FactorScore, ScanScores, scan_scores  # noqa: F401
    from .case import (  # noqa: F401
        Arrangement, BoardMember, Boundaries, Care, Case, Challenge, CollaborationForm, Complexity,
        ComplexityFactor, Coordination, CoordinationElement, Dependency, Fit, GameRuleBreach,
        GameRules, Governance, Interests, Leader, MunicipalCare, NetworkLogic, Observation, Partner,
        PartnerInterests, PartnerMotives, Phase, PositionCriteria, Relationship, Respondent, Scan,
        SelfOrganisation, SelfOrganisationPrinciples, StatedReason, Tension, case_from_dict,
        case_to_dict, dump_case, example_case, example_path, load_case,
    )
    from .engine import (  # noqa: F401
        Citation, Conclusion, Evidence, Explanation, Missing, ModelStatus, Rule, Support,
    )
    from .errors import (  # noqa: F401
        AmbiguousKey, CaseError, InterorgError, KnowledgeError, MissingDependency, NotConcluded, Problem,
        UnknownRule, UsageError, WriteError,
    )
    from .pipeline import (  # noqa: F401
        advise, compare, diagnose, network_graph, relationship_summary, why_not,
    )
    from .report.advice import Advice  # noqa: F401
    from .report.comparison import Comparison  # noqa: F401
    from .report.diff import AdviceDiff, diff  # noqa: F401
    from .report.html import report_html, save_report  # noqa: F401
    from .report.whynot import WhyNotReport  # noqa: F401
    from .research.coverage import corpus_coverage  # noqa: F401
    from .research.sweep import SweepResult, sweep  # noqa: F401
    from .research.verify import verify  # noqa: F401


def __getattr__(name):
    try:
        module, attribute = _PUBLIC[name]
    except KeyError:
        raise AttributeError(f"module 'interorg' has no attribute {name!r}") from None
    value = getattr(_importlib.import_module(module, __name__), attribute)
    globals()[name] = value  # found directly from now on
    return value


def __dir__():
    # the public names, the module's dunders and its submodules already imported; not the private helpers
    return sorted(set(_PUBLIC) | {name for name, value in globals().items()
                                  if name.startswith("__") and name.endswith("__") or _is_submodule(value)})


def _is_submodule(value):
    return isinstance(value, _types.ModuleType) and value.__name__.startswith(f"{__name__}.")


__all__ = sorted([*_PUBLIC, "__version__"])
