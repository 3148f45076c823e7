"""What a run of the rule base concludes: conclusions, their explanations and citations.

These frozen attrs objects are built by the engine from the supports it
recorded, in one language.  They know nothing of the domain the rules are
about; the layers above gather them into summaries and an advice.
"""

import attrs

__all__ = [
    "Citation",
    "Conclusion",
    "Evidence",
    "Explanation",
    "Missing",
    "ModelStatus",
    "Support",
    "plain",
]

KINDS = ("step", "finding", "warning", "recommendation")

#: The priorities of advice, from the highest down.
PRIORITIES = ("critical", "high", "medium", "low")


# the types plain() gives back as they are, looked up by the exact type: a subclass
# (an enum of str, say) takes the general way below, which also keeps it as it is
_AS_IS = frozenset({str, int, float, bool, type(None)})


def plain(obj):
    """attrs objects to dicts, keeping None values so every key is always there.

    Examples
    --------
    >>> plain(Citation("s", "T", None, 2011, None, "p. 3", None))["year"]
    2011
    >>> plain({"partners": ("a", "b"), "ties": 2})
    {'partners': ['a', 'b'], 'ties': 2}
    """
    kind = type(obj)
    if kind in _AS_IS:
        return obj
    # a fact's values and most of a JSON's lists hold only texts, numbers and None:
    # those are kept without a call each
    if kind is dict:
        return {key: value if type(value) in _AS_IS else plain(value) for key, value in obj.items()}
    if kind is list or kind is tuple:
        return [item if type(item) in _AS_IS else plain(item) for item in obj]
    if isinstance(obj, (str, int, float)):
        return obj
    if attrs.has(kind):
        return {field.name: plain(getattr(obj, field.name)) for field in attrs.fields(kind)}
    if isinstance(obj, (tuple, list)):
        return [plain(item) for item in obj]
    if isinstance(obj, dict):
        return {key: plain(value) for key, value in obj.items()}
    return obj


@attrs.frozen
class Citation:
    """A place in a source: the document, the heading or phrase, and a quote.

    ``author`` and ``year`` are None where the document does not name them;
    ``document`` is the file of a seed document (None for an external one).
    """

    source: str
    title: str
    author: str | None
    year: int | None
    document: str | None
    where: str
    quote: str | None


@attrs.frozen(repr=False)
class Evidence:
    """One thing a rule matched: an input fact, or an earlier conclusion.

    For an input fact, ``path`` says where it is in the case and ``values``
    what the case gives there; ``fields`` names the fields the condition
    tested and ``parts`` says each in words (``field = value``, or the field
    not given), in the same order.  For a conclusion, ``rule`` and
    ``subject`` name it and ``explanation`` tells how it was reached, down
    to the input.  ``summary`` says it in words, in the advice's language.
    """

    type: str
    summary: str
    fact: str | None = None
    path: str | None = None
    values: dict | None = None
    rule: str | None = None
    subject: str | None = None
    explanation: "Explanation | None" = None
    fields: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()

    @property
    def key(self):
        """For an earlier conclusion, its key in the advice (``rule`` or ``rule[subject]``); None for an input."""
        if self.type != "conclusion":
            return None
        return self.rule if self.subject is None else f"{self.rule}[{self.subject}]"

    def __repr__(self):  # one line: the explanation tree below an evidence can be thousands of characters
        return f"<Evidence {self.path if self.type == 'input' else self.key}: {self.summary}>"


@attrs.frozen(repr=False)
class Support:
    """One way a rule's conditions were met.

    ``evidence`` holds what its positive conditions matched, in order;
    ``absent`` describes its negated conditions, which held because nothing
    matched them.
    """

    evidence: tuple[Evidence, ...]
    absent: tuple[str, ...] = ()

    def __repr__(self):
        return f"<Support of {len(self.evidence)} evidence, {len(self.absent)} absent>"


@attrs.frozen(repr=False)
class Explanation:
    """Why a conclusion was drawn: the rule, its basis and each way it was supported."""

    rule: str
    title: str
    basis: str
    reason: str | None
    supports: tuple[Support, ...]

    def __repr__(self):
        return f"<Explanation by {self.rule}: {len(self.supports)} support(s)>"


@attrs.frozen(repr=False)
class Conclusion:
    """A conclusion of the rules (a step, or a finding, warning or recommendation), explained and sourced.

    Attributes
    ----------
    id : str
        Stable id: the id of the rule that draws it.
    kind : {'step', 'finding', 'warning', 'recommendation'}
        A ``step`` is an intermediate conclusion: other conclusions rest on
        it, and it is shown inside their explanations, not as advice.
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
    priority : {'critical', 'high', 'medium', 'low'} or None
        How much it matters to the reader; None for a step.
    weight : {'strong', 'weak'}
        How much it counts as evidence where evidence is weighed.
    action : str or None
        The title of the action that answers it, in the imperative, where
        its rule gives one (its placeholders filled as the title's).
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
    priority: str | None = None
    weight: str = "strong"
    action: str | None = None

    @property
    def key(self):
        """``id`` or ``id[subject]``: unique within one advice."""
        return self.id if self.subject is None else f"{self.id}[{self.subject}]"

    def __repr__(self):
        """One line, so that a tuple of conclusions reads as a list; the fields are attributes.

        Examples
        --------
        >>> import interorg
        >>> interorg.advise(interorg.example_case())["kenis.reasons.efficiency"]
        <Conclusion kenis.reasons.efficiency (finding, low): Efficiency serves the clients indirectly>
        """
        priority = f", {self.priority}" if self.priority else ""
        return f"<Conclusion {self.key} ({self.kind}{priority}): {self.title}>"


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


# Making the objects of an advice.  attrs's __init__ of a frozen slotted class
# sets each field through object.__setattr__, a call of about 900
# instructions; an explanation makes about a thousand such objects with
# thirty fields between them.  The functions below make the same objects at a
# third of the cost: an instance of a subclass that keeps the class's slots but
# not its frozen __setattr__ has its fields set by plain assignment (a store
# into a slot, specialised by the interpreter), and then becomes an instance of
# the frozen class itself (its layout is the same, so Python allows setting its
# __class__).  What they make is what the class's own constructor makes: the
# same type, fields, equality, hash, repr and pickling (tests/engine/test_results.py).

def _opened(cls):
    """A subclass of the frozen attrs class ``cls`` whose slots plain assignment sets."""
    return type(f"_Open{cls.__name__}", (cls,), {
        "__slots__": (), "__setattr__": object.__setattr__, "__delattr__": object.__delattr__})


_new = object.__new__
_OpenConclusion, _OpenEvidence, _OpenExplanation, _OpenSupport = map(_opened, (Conclusion, Evidence, Explanation, Support))


def _conclusion(id, kind, subject, subject_label, model, title, text, basis, reason, sources, explanation,
                priority, weight, action):
    """``Conclusion(...)`` of all its fields, in their order."""
    made = _new(_OpenConclusion)
    made.id, made.kind, made.subject, made.subject_label, made.model = id, kind, subject, subject_label, model
    made.title, made.text, made.basis, made.reason, made.sources = title, text, basis, reason, sources
    made.explanation, made.priority, made.weight, made.action = explanation, priority, weight, action
    made.__class__ = Conclusion
    return made


def _evidence(type, summary, fact, path, values, rule, subject, explanation, fields, parts):
    """``Evidence(...)`` of all its fields, in their order."""
    made = _new(_OpenEvidence)
    made.type, made.summary, made.fact, made.path, made.values = type, summary, fact, path, values
    made.rule, made.subject, made.explanation, made.fields, made.parts = rule, subject, explanation, fields, parts
    made.__class__ = Evidence
    return made


def _explanation(rule, title, basis, reason, supports):
    """``Explanation(...)`` of all its fields, in their order."""
    made = _new(_OpenExplanation)
    made.rule, made.title, made.basis, made.reason, made.supports = rule, title, basis, reason, supports
    made.__class__ = Explanation
    return made


def _support(evidence, absent):
    """``Support(...)`` of all its fields, in their order."""
    made = _new(_OpenSupport)
    made.evidence, made.absent = evidence, absent
    made.__class__ = Support
    return made
