"""The generic forward-chaining machinery over rules as data.

A knowledge directory (sources, vocabulary, models, messages, rules; see
``knowledge/README.md``) is read into frozen records (:mod:`.rulebase`,
:mod:`.conditions`) and checked at load (:mod:`.loading`); the rules are
compiled to experta (:mod:`.compiling`), whose agenda fires their
triggers, found by a dictionary per fact kind (:mod:`.matcher`), while the
joins, negations and strata are done here (:mod:`.join`).  A run (:mod:`.session`) records the
supports of every conclusion, and :mod:`.explaining` turns them into
explained conclusions (:mod:`.results`).

Nothing in this package knows the domain the rules are about: it imports
no other layer of interorg than :mod:`interorg.utils` and
:mod:`interorg.errors`.
"""

from .explaining import explain
from .facts import InputFact
from .loading import Extension, load_rule_base, read_knowledge
from .results import Citation, Conclusion, Evidence, Explanation, Missing, ModelStatus, Support
from .rulebase import FactType, FieldDef, KnowledgeBase, Model, Rule, Source, SourceRef
from .session import Session, run
from .texts import Text
from .wording import counted, format_number, plural_form

__all__ = [
    "Citation",
    "Conclusion",
    "Evidence",
    "Explanation",
    "Extension",
    "FactType",
    "FieldDef",
    "InputFact",
    "KnowledgeBase",
    "Missing",
    "Model",
    "ModelStatus",
    "Rule",
    "Session",
    "Source",
    "SourceRef",
    "Support",
    "Text",
    "counted",
    "explain",
    "format_number",
    "load_rule_base",
    "plural_form",
    "read_knowledge",
    "run",
]
