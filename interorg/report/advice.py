"""The advice as the user receives it: conclusions, which models applied, and the summaries over them.

An :class:`Advice` is passive data.  :func:`interorg.advise` computes it
once (the engine's conclusions, then the analyses over them) and the
renderings only read it.  :meth:`Advice.to_dict` gives JSON-ready data; its
shape is documented in the README ("The advice as JSON").
"""

import json

import attrs

from ..engine.results import KINDS, Conclusion, ModelStatus, plain
from ..errors import InterorgError
from . import render

__all__ = ["Advice", "SCHEMA_VERSION"]

#: Version of the shape of :meth:`Advice.to_dict`; raised on any incompatible change.
SCHEMA_VERSION = 1


@attrs.frozen(repr=False)
class Advice:
    """The advice on one case, in one language.

    Attributes
    ----------
    case_name : str or None
    lang : {'en', 'nl'}
    conclusions : tuple of Conclusion
        In a fixed order: by model, by rule, then by where their subject
        stands in the case.
    models : tuple of ModelStatus
        Every model of the knowledge base, in its order.
    interorg_version : str
    labels : dict
        Headings for the renderings, in ``lang``.
    relationships : RelationshipSummary
        What the rules concluded about each relationship
        (:func:`interorg.relationship_summary`).
    diagnosis : Diagnosis
        Suspected problems and interventions (:func:`interorg.diagnose`).
    case : Case or None
        The case advised on, as checked.
    facts : tuple of InputFact
        The input facts the rules ran over (for :meth:`why_not`).
    why_not_by : callable or None
        What answers :meth:`why_not`: set by :func:`interorg.advise` to
        :func:`interorg.why_not`, which reads the facts and conclusions the
        advice holds (and runs the rules on changed copies of the facts);
        the advice itself computes nothing.
    """

    case_name: str | None
    lang: str
    conclusions: tuple[Conclusion, ...]
    models: tuple[ModelStatus, ...]
    interorg_version: str
    labels: dict = attrs.field(repr=False, eq=False)
    relationships: object = attrs.field(default=None, repr=False, eq=False)
    diagnosis: object = attrs.field(default=None, repr=False, eq=False)
    case: object = attrs.field(default=None, repr=False, eq=False)
    facts: tuple = attrs.field(default=(), repr=False, eq=False)
    why_not_by: object = attrs.field(default=None, repr=False, eq=False)
    _by_key: dict = attrs.field(init=False, repr=False, eq=False)
    _by_id: dict = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self):
        by_key, by_id = {}, {}
        for conclusion in self.conclusions:
            by_key[conclusion.key] = conclusion
            by_id.setdefault(conclusion.id, conclusion)
        object.__setattr__(self, "_by_key", by_key)
        object.__setattr__(self, "_by_id", by_id)

    @property
    def steps(self):
        """The intermediate conclusions: shown inside explanations, not as advice."""
        return tuple(c for c in self.conclusions if c.kind == "step")

    @property
    def findings(self):
        """The conclusions of kind ``finding``."""
        return tuple(c for c in self.conclusions if c.kind == "finding")

    @property
    def warnings(self):
        """The conclusions of kind ``warning``."""
        return tuple(c for c in self.conclusions if c.kind == "warning")

    @property
    def recommendations(self):
        """The conclusions of kind ``recommendation``."""
        return tuple(c for c in self.conclusions if c.kind == "recommendation")

    def __getitem__(self, key):
        """Return the conclusion with ``key`` (``id`` or ``id[subject]``)."""
        found = self._by_key.get(key) or self._by_id.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key):
        return key in self._by_key or key in self._by_id

    def ids(self):
        """The ids of all conclusions, in order (an id appears once per subject)."""
        return [c.id for c in self.conclusions]

    def to_dict(self):
        """Return the advice as JSON-ready data (see the README for the shape)."""
        by_kind = {kind + "s": [plain(c) for c in self.conclusions if c.kind == kind] for kind in KINDS}
        return {
            "schema_version": SCHEMA_VERSION,
            "interorg_version": self.interorg_version,
            "lang": self.lang,
            "case": {"name": self.case_name},
            **by_kind,
            "models": [plain(m) for m in self.models],
            "summaries": self.summaries(),
        }

    def summaries(self):
        """The summaries over all conclusions, as JSON-ready data.

        ``relationships`` is :attr:`relationships` and ``diagnosis`` is
        :attr:`diagnosis`, each as a dict.
        """
        return {"relationships": self.relationships.to_dict(), "diagnosis": self.diagnosis.to_dict()}

    def to_json(self, indent=2):
        """Return :meth:`to_dict` as a JSON string (UTF-8 text, Dutch letters kept)."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def to_text(self, explain=True):
        """Return the advice as plain text; with ``explain``, each conclusion's reasons."""
        return render.text(self, explain=explain)

    def to_markdown(self, explain=True):
        """Return the advice as Markdown."""
        return render.markdown(self, explain=explain)

    def explain(self, key):
        """Return the derivation of one conclusion as an indented text tree."""
        return render.derivation(self[key], self.labels)

    def why_not(self, rule_id, subject=None):
        """Why a rule did or did not fire on this case (see :func:`interorg.why_not`).

        Raises
        ------
        InterorgError
            If the advice was not made by :func:`interorg.advise`, which
            says how to answer.
        """
        if self.why_not_by is None:
            raise InterorgError("this advice was not made by interorg.advise(); use interorg.why_not(case, rule_id)")
        return self.why_not_by(self, rule_id, subject)

    def diff(self, other):
        """What changes from this advice to ``other`` (see :class:`~interorg.report.diff.AdviceDiff`)."""
        from .diff import diff

        return diff(self, other)

    def __str__(self):
        return self.to_text(explain=False)

    def __repr__(self):
        name = f" for {self.case_name!r}" if self.case_name else ""
        return (f"<Advice{name} ({self.lang}): {len(self.findings)} findings, {len(self.warnings)} warnings,"
                f" {len(self.recommendations)} recommendations>")

    def _repr_markdown_(self):
        return self.to_markdown()

    def _repr_html_(self):
        return render.html(self)
