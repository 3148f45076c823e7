"""The instruments of the diagnosis and the plan, as frozen records: scan statements, archetypes, interventions, actions.

They are read from ``knowledge/scan.yaml`` and ``knowledge/interventions.yaml``
by :func:`interorg.load_knowledge` (see :mod:`.knowledge`) and checked against the rest of the
knowledge base (the factors of the vocabulary, the sources, the rules they
name).  The rules do the reasoning; these records hold what the rules and
the renderings need to show: the statements a respondent answers, and the
descriptions and techniques of the intervention types.
"""

from typing import Literal

import attrs

from ..engine.rulebase import ID_META, SourceRef
from ..engine.texts import Text

__all__ = ["ActionGroup", "Archetype", "InterventionType", "Statement"]


@attrs.frozen
class Statement:
    """One statement of the scan, answered from 1 (strongly disagree) to 5 (strongly agree).

    ``factor`` is one of the sixteen success factors (the values of the
    vocabulary's ``scan_factor.id``).  The source gives no statements, so each
    is ``basis: derived`` with a ``reason``, one line in English and in Dutch,
    saying which side of the factor it asks about.
    """

    id: str = attrs.field(metadata=ID_META)
    factor: str
    text: Text
    basis: Literal["source", "derived"]
    reason: Text | None = None


@attrs.frozen
class Archetype:
    """One of the workbook's nine archetypical collaboration problems.

    ``suspected_by`` names the rule that concludes the problem is suspected
    (its supports are the evidence for it); ``against`` the rules whose
    conclusions count against it.
    """

    id: str = attrs.field(metadata=ID_META)
    title: Text
    sources: tuple[SourceRef, ...] = attrs.field(metadata={"min_length": 1})
    suspected_by: str
    against: tuple[str, ...] = ()


@attrs.frozen
class InterventionType:
    """One of the workbook's eight intervention types, with its description and techniques.

    The Dutch texts are the source's, word for word; the English ones are
    translations.  ``recommended_by`` names the rules that recommend it.
    """

    id: str = attrs.field(metadata=ID_META)
    title: Text
    description: Text
    techniques: tuple[Text, ...] = attrs.field(metadata={"min_length": 1})
    sources: tuple[SourceRef, ...] = attrs.field(metadata={"min_length": 1})
    recommended_by: tuple[str, ...] = ()


@attrs.frozen
class ActionGroup:
    """Recommendations (or urgent warnings) that lead to one action of the plan, under one title.

    The grouping is the project's: it says that the conclusions of ``rules``
    are one thing to do (``reason`` says why), so the plan lists them once.
    """

    id: str = attrs.field(metadata=ID_META)
    title: Text
    rules: tuple[str, ...] = attrs.field(metadata={"min_length": 1})
    reason: Text
