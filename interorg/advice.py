"""The advice: conclusions with their explanations, and which models applied.

Everything here is a frozen attrs object, built by :func:`interorg.advise`
in one language.  :meth:`Advice.to_dict` gives JSON-ready data; its shape is
documented in the README ("The advice as JSON").
"""

import json

import attrs

from . import render

__all__ = [
    "Advice",
    "Citation",
    "Conclusion",
    "Evidence",
    "Explanation",
    "Missing",
    "ModelStatus",
    "Support",
]

#: Version of the shape of :meth:`Advice.to_dict`; raised on any incompatible change.
SCHEMA_VERSION = 1

KINDS = ("finding", "warning", "recommendation")


def _plain(obj):
    """attrs objects to dicts, keeping None values so every key is always there."""
    if attrs.has(type(obj)):
        return {field.name: _plain(getattr(obj, field.name)) for field in attrs.fields(type(obj))}
    if isinstance(obj, (tuple, list)):
        return [_plain(item) for item in obj]
    if isinstance(obj, dict):
        return {key: _plain(value) for key, value in obj.items()}
    return obj


@attrs.frozen
class Citation:
    """A place in a source: the document, the heading or phrase, and a quote."""

    source: str
    title: str
    author: str
    year: int | None
    document: str | None
    where: str
    quote: str | None


@attrs.frozen
class Evidence:
    """One thing a rule matched: an input fact, or an earlier conclusion.

    For an input fact, ``path`` says where it is in the case and ``values``
    what the case gives there.  For a conclusion, ``rule`` and ``subject``
    name it and ``explanation`` tells how it was reached, down to the input.
    ``summary`` says it in words, in the advice's language.
    """

    type: str
    summary: str
    fact: str | None = None
    path: str | None = None
    values: dict | None = None
    rule: str | None = None
    subject: str | None = None
    explanation: "Explanation | None" = None


@attrs.frozen
class Support:
    """One way a rule's conditions were met.

    ``evidence`` holds what its positive conditions matched, in order;
    ``absent`` describes its negated conditions, which held because nothing
    matched them.
    """

    evidence: tuple[Evidence, ...]
    absent: tuple[str, ...] = ()


@attrs.frozen
class Explanation:
    """Why a conclusion was drawn: the rule, its basis and each way it was supported."""

    rule: str
    title: str
    basis: str
    reason: str | None
    supports: tuple[Support, ...]


@attrs.frozen
class Conclusion:
    """A finding, warning or recommendation, with its explanation and sources.

    Attributes
    ----------
    id : str
        Stable id: the id of the rule that draws it.
    kind : {'finding', 'warning', 'recommendation'}
    subject : str or None
        What it is about when the rule concludes per item (a reason, a
        coordination cell...); ``subject_label`` says it in words.
    model : str
        The id of the model of the sources it belongs to.
    title, text : str
        In the advice's language.
    basis : {'source', 'derived'}
        Taken from the source, or inferred by the project (see ``reason``).
    sources : tuple of Citation
    explanation : Explanation
    """

    id: str
    kind: str
    subject: str | None
    subject_label: str | None
    model: str
    title: str
    text: str
    basis: str
    reason: str | None
    sources: tuple[Citation, ...]
    explanation: Explanation

    @property
    def key(self):
        """``id`` or ``id[subject]``: unique within one advice."""
        return self.id if self.subject is None else f"{self.id}[{self.subject}]"


@attrs.frozen
class Missing:
    """Something a case would need to give for a model to apply."""

    path: str
    label: str


@attrs.frozen
class ModelStatus:
    """Whether a model of the sources could be applied to the case.

    ``status`` is ``applied`` (the case gives all it needs), ``partial``
    (some) or ``not_applied`` (none); ``missing`` lists what to add and
    ``to_apply`` says it in words.  ``conclusions`` counts what it produced.
    """

    id: str
    title: str
    status: str
    missing: tuple[Missing, ...]
    to_apply: str | None
    conclusions: int


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
    """

    case_name: str | None
    lang: str
    conclusions: tuple[Conclusion, ...]
    models: tuple[ModelStatus, ...]
    interorg_version: str
    labels: dict = attrs.field(repr=False, eq=False)
    _knowledge: object = attrs.field(default=None, repr=False, eq=False)

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
        for conclusion in self.conclusions:
            if key in (conclusion.key, conclusion.id):
                return conclusion
        raise KeyError(key)

    def __contains__(self, key):
        return any(key in (c.key, c.id) for c in self.conclusions)

    def ids(self):
        """The ids of all conclusions, in order (an id appears once per subject)."""
        return [c.id for c in self.conclusions]

    def to_dict(self):
        """Return the advice as JSON-ready data (see the README for the shape)."""
        by_kind = {kind + "s": [_plain(c) for c in self.conclusions if c.kind == kind] for kind in KINDS}
        return {
            "schema_version": SCHEMA_VERSION,
            "interorg_version": self.interorg_version,
            "lang": self.lang,
            "case": {"name": self.case_name},
            **by_kind,
            "models": [_plain(m) for m in self.models],
            "summaries": self.summaries(),
        }

    def summaries(self):
        """The summaries over all conclusions, as JSON-ready data.

        ``relationships`` is :func:`interorg.relationship_summary` and
        ``diagnosis`` is :func:`interorg.diagnose`, each as a dict.
        """
        from .diagnosis import diagnose
        from .relationships import relationship_summary

        return {"relationships": relationship_summary(self).to_dict(),
                "diagnosis": diagnose(self, self._knowledge).to_dict()}

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
