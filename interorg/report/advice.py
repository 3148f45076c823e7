"""The advice as the user receives it: conclusions, which models applied, and the summaries over them.

An :class:`Advice` is passive data.  :func:`interorg.advise` computes it
once (the engine's conclusions, then the analyses over them) and the
renderings only read it.  :meth:`Advice.to_dict` gives JSON-ready data; its
shape is documented in the README ("The advice as JSON").
"""

import json

import attrs

from ..engine.results import Conclusion, ModelStatus, plain
from ..engine.translation import problems_in_lang
from ..errors import AmbiguousKey, InterorgError, NotConcluded
from ..utils.collector import collector_paused
from . import jsonshape, render
from .jsonshape import SCHEMA_VERSION
from .view import selection_for

__all__ = ["Advice", "SCHEMA_VERSION"]


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
    knowledge : dict or None
        The knowledge base it was drawn from, ``{"name": ..., "fingerprint": ...}``
        (see :class:`~interorg.KnowledgeBase`); None when not known.
    labels : dict
        Headings for the renderings, in ``lang``.
    relationships : RelationshipSummary
        What the rules concluded about each relationship
        (:func:`interorg.relationship_summary`).
    diagnosis : Diagnosis
        Suspected problems and interventions (:func:`interorg.diagnose`).
    counsel : Counsel
        The action plan, which conclusions are advice, and which were set
        aside by a conflict (with what and why).
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
    counsel: object = attrs.field(default=None, repr=False, eq=False)
    case: object = attrs.field(default=None, repr=False, eq=False)
    facts: tuple = attrs.field(default=(), repr=False, eq=False)
    why_not_by: object = attrs.field(default=None, repr=False, eq=False)
    knowledge: dict | None = attrs.field(default=None, repr=False, eq=False)
    _by_key: dict = attrs.field(init=False, repr=False, eq=False)
    _by_id: dict = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self):
        by_key, by_id = {}, {}
        for conclusion in self.conclusions:
            by_key[conclusion.key] = conclusion
            by_id.setdefault(conclusion.id, []).append(conclusion)
        object.__setattr__(self, "_by_key", by_key)
        object.__setattr__(self, "_by_id", by_id)

    @property
    def steps(self):
        """The intermediate conclusions: shown inside explanations, not as advice."""
        return tuple(c for c in self.conclusions if c.kind == "step")

    @property
    def findings(self):
        """The findings that are advice (none set aside or held back), in the advice's order."""
        return self._advice_of("finding")

    @property
    def warnings(self):
        """The warnings that are advice (none set aside or held back), in the advice's order."""
        return self._advice_of("warning")

    @property
    def recommendations(self):
        """The recommendations that are advice (none set aside or held back), in the advice's order."""
        return self._advice_of("recommendation")

    @property
    def standing(self):
        """Every conclusion no conflict set aside, steps included, in the advice's order.

        What the summaries and pictures of the advice rest on: a relationship's
        quadrant or a partner's place that a conflict set aside is not shown.

        Examples
        --------
        >>> import interorg
        >>> advice = interorg.advise(interorg.example_case())
        >>> len(advice.standing) == len(advice.conclusions) - len(advice.counsel.set_aside)
        True
        """
        if self.counsel is None:
            return self.conclusions
        set_aside = self.counsel.set_aside
        return tuple(c for c in self.conclusions if c.key not in set_aside)

    def _advice_of(self, kind):
        if self.counsel is None:  # an advice built by hand, without counsel: every conclusion of the kind
            return tuple(c for c in self.conclusions if c.kind == kind)
        status = self.counsel.status
        return tuple(c for c in self.conclusions if c.kind == kind and status(c.key) == "advice")

    def __getitem__(self, key):
        """Return the conclusion with the unique ``key`` (``id[subject]``, or ``id`` for one without subject).

        An ``id`` alone also finds a conclusion drawn for one subject only;
        for a rule drawn for several subjects it raises
        :class:`~interorg.errors.AmbiguousKey`, naming the keys to use.
        """
        found = self._by_key.get(key)
        if found is not None:
            return found
        matches = self._by_id.get(key, ())
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise AmbiguousKey(key, tuple(c.key for c in matches))
        rule = key.split("[", 1)[0] if isinstance(key, str) else key
        raise NotConcluded(f"no conclusion {key!r} in this advice; advice.why_not({rule!r}) says why a rule did not"
                           f" fire")

    def __contains__(self, key):
        return key in self._by_key or key in self._by_id

    def __iter__(self):
        """The conclusions, in the advice's order."""
        return iter(self.conclusions)

    def __len__(self):
        return len(self.conclusions)

    def get_all(self, rule_id):
        """Every conclusion of the rule ``rule_id``, one per subject, in the advice's order."""
        return tuple(self._by_id.get(rule_id, ()))

    @property
    def plan(self):
        """The action plan: at most seven actions, most important first."""
        return self.counsel.plan

    def ids(self):
        """The ids of all conclusions, in order (an id appears once per subject)."""
        return [c.id for c in self.conclusions]

    def to_frame(self, steps=False):
        """The conclusions as a pandas DataFrame, one row each, indexed by key, in the advice's order.

        Columns: ``id``, ``kind``, ``priority``, ``status`` (``advice``,
        ``set-aside``, ``held-back`` or ``step``, as
        :meth:`Counsel.status <interorg.analysis.counsel.Counsel.status>`),
        ``model``, ``subject``, ``subject_label``, ``title``, ``text``,
        ``basis``, ``reason`` and ``sources`` (the documents cited).  The
        intermediate steps are left out unless ``steps``; filter on
        ``status == "advice"`` for what the advice shows.

        Raises
        ------
        MissingDependency
            If pandas is not installed.

        Examples
        --------
        >>> import interorg
        >>> table = interorg.advise(interorg.example_case()).to_frame()
        >>> table.loc["kenis.need.municipal.quadrant-iv[bladel]", ["kind", "status"]].tolist()
        ['finding', 'advice']
        """
        from ..utils.display import frame

        status = self.counsel.status if self.counsel is not None else (lambda key: None)
        columns = ["key", "id", "kind", "priority", "status", "model", "subject", "subject_label", "title", "text",
                   "basis", "reason", "sources"]
        own = [column for column in columns if column not in ("status", "sources")]
        records = [{**{column: getattr(c, column) for column in own}, "status": status(c.key),
                    "sources": "; ".join(dict.fromkeys(s.document or s.title for s in c.sources))}
                   for c in self.conclusions if steps or c.kind != "step"]
        return frame(records, columns, index="key")

    def to_dict(self, explanations=True):
        """Return the advice as JSON-ready data (see the README for the shape).

        What is shared is written once (see :mod:`interorg.report.jsonshape`):
        each rule's reason and citations in ``rules``, each source in
        ``sources``, each cited input in ``inputs`` and each conclusion's
        explanation in ``explanations`` under the conclusion's key.  Without
        ``explanations`` the last two are left out: for tools that want only
        the plan and the conclusions.
        """
        with collector_paused():  # a large tree of new dicts and lists, none in a cycle
            return self._to_dict(explanations)

    def _to_dict(self, explanations):
        counsel = self.counsel
        sets_aside = {}
        for item in counsel.set_aside.values():
            sets_aside.setdefault(item.by, []).append(item.key)
        conclusions, keys, kinds = [], [], {}
        set_aside, status = counsel.set_aside, counsel.status
        for conclusion in self.conclusions:
            key = conclusion.key  # a property that builds the text: once per conclusion
            keys.append(key)
            kinds[key] = conclusion.kind
            mine = set_aside.get(key)
            conclusions.append({"key": key, **jsonshape.conclusion_dict(conclusion),
                                "step": conclusion.kind == "step", "status": status(key),
                                "set_aside_by": plain(mine) if mine is not None else None,
                                "sets_aside": sets_aside.get(key, [])})
        # each advice key's kind from the loop above (self[key] for a key no conclusion has, as before)
        advice_kinds = [(key, kinds[key] if key in kinds else self[key].kind) for key in counsel.advice]
        advice = {kind + "s": [key for key, its in advice_kinds if its == kind]
                  for kind in ("finding", "warning", "recommendation")}
        data = {
            "schema_version": SCHEMA_VERSION,
            "interorg_version": self.interorg_version,
            "lang": self.lang,
            "knowledge": dict(self.knowledge) if self.knowledge is not None else None,
            "case": {"name": self.case_name},
            "plan": [plain(action) for action in counsel.plan],
            "more_actions": [plain(action) for action in counsel.more],
            "advice": advice,
            "conclusions": conclusions,
            "held_back": list(counsel.held_back),
            "inconsistencies": [plain(item) for item in counsel.inconsistencies],
            "models": [plain(m) for m in self.models],
            "summaries": self.summaries(),
            "rules": jsonshape.rules_table(self.conclusions),
            "sources": jsonshape.sources_table(self.conclusions),
        }
        if explanations:
            data["explanations"], data["inputs"] = jsonshape.explanations_table(self.conclusions, keys)
        return data

    def summaries(self):
        """The summaries over all conclusions, as JSON-ready data.

        ``relationships`` is :attr:`relationships` and ``diagnosis`` is
        :attr:`diagnosis`, each as a dict.
        """
        return {"relationships": self.relationships.to_dict(), "diagnosis": self.diagnosis.to_dict()}

    @staticmethod
    @problems_in_lang
    def json_schema(lang="en"):
        """The JSON Schema (draft 2020-12) of :meth:`to_dict` and :meth:`to_json`, as a dict.

        Also ``interorg schema --advice``.  Its ``schema_version`` is
        :data:`SCHEMA_VERSION`; ``lang`` is the language of its title and
        descriptions (``'en'`` or ``'nl'``), the fields are the same.

        Examples
        --------
        >>> import interorg
        >>> sorted(interorg.Advice.json_schema()["properties"]["advice"]["required"])
        ['findings', 'recommendations', 'warnings']
        >>> interorg.Advice.json_schema("nl")["title"]
        'interorg-advies'
        """
        return jsonshape.advice_schema(lang)

    def to_json(self, indent=None, explanations=True):
        """Return :meth:`to_dict` as a JSON string (UTF-8 text, Dutch letters kept).

        Compact by default, for tools; ``indent=2`` lays it out for a reader
        (about a quarter larger).
        """
        separators = (",", ":") if indent is None else None
        return json.dumps(self.to_dict(explanations), indent=indent, separators=separators, ensure_ascii=False)

    def to_text(self, full=False, *, explain=None, kinds=(), models=(), partner=None, top=None, hints="python"):
        """Return the advice as plain text: the action plan, then the rest in brief.

        Parameters
        ----------
        full : bool
            Everything: each conclusion with its text, basis, sources and
            derivation, what was set aside and why, what each model needs.
        explain : bool, optional
            The former name of ``full``.
        kinds, models, partner, top
            Show only these kinds (``finding``, ``warning``,
            ``recommendation``), models (ids or prefixes), conclusions
            about one partner (its id), or the first ``top`` of each list.
            ``kinds`` and ``models`` take one text (``models="trust"``) or
            a sequence of them.
        hints : {'python', 'cli', 'neutral'}
            How the brief says to see more: ``advice.explain("KEY")``, as
            ``interorg advise --explain KEY``, or not at all (:mod:`.hints`).

        Raises
        ------
        UsageError
            If a filter matches nothing: an unknown partner or model, say;
            or ``hints`` is none of the three.
        """
        full = full if explain is None else explain
        return render.text(self, full, selection_for(self, kinds, models, partner, top), hints)

    def to_markdown(self, full=False, *, explain=None, kinds=(), models=(), partner=None, top=None, hints="python"):
        """Return the advice as Markdown, with the same content (and ``hints``) as :meth:`to_text`."""
        full = full if explain is None else explain
        return render.markdown(self, full, selection_for(self, kinds, models, partner, top), hints)

    def to_html(self, figures=True, *, kinds=(), models=(), partner=None, top=None):
        """Return the report to hand over: one self-contained HTML document (see :func:`~.html.report_html`).

        The action plan first, then the diagnosis, the figures (PNG images
        inside the file; left out, with a note, without matplotlib) and the
        advice with each explanation and its sources folded.  Print it to
        PDF from a browser: every fold opens on paper.

        Examples
        --------
        >>> import interorg
        >>> page = interorg.advise(interorg.example_case()).to_html(figures=False)
        >>> page.index('id="plan"') < page.index('id="diagnosis"') < page.index('id="warnings"')
        True
        """
        from .html import report_html

        return report_html(self, figures, selection_for(self, kinds, models, partner, top))

    def explain(self, key):
        """Return one conclusion in full, as ``--full`` shows it: text, basis, sources, conflicts, derivation.

        What it set aside, or what set it aside, is named with the reason;
        the derivation goes down to the case's input.

        Raises
        ------
        KeyError
            If no conclusion has ``key`` (:class:`~interorg.errors.AmbiguousKey`
            for a rule id drawn for several subjects).

        Examples
        --------
        >>> import interorg
        >>> advice = interorg.advise(interorg.example_case())
        >>> print(advice.explain("kenis.reasons.efficiency").splitlines()[0])
        [kenis.reasons.efficiency] Efficiency serves the clients indirectly [low]
        """
        return render.conclusion_text(self, self[key])

    def why_not(self, rule_id, subject=None, lang=None):
        """Why a rule did or did not fire on this case (see :func:`interorg.why_not`), in ``lang`` or the advice's.

        Raises
        ------
        InterorgError
            If the advice was not made by :func:`interorg.advise`, which
            says how to answer.
        """
        if self.why_not_by is None:
            raise InterorgError("this advice was not made by interorg.advise(); use interorg.why_not(case, rule_id)")
        return self.why_not_by(self, rule_id, subject, lang=lang)

    def diff(self, other):
        """What changes from this advice to ``other`` (see :class:`~interorg.report.diff.AdviceDiff`)."""
        from .diff import diff

        return diff(self, other)

    def __str__(self):
        return self.to_text()

    def __repr__(self):
        name = f" for {self.case_name!r}" if self.case_name else ""
        return (f"<Advice{name} ({self.lang}): {len(self.findings)} findings, {len(self.warnings)} warnings,"
                f" {len(self.recommendations)} recommendations>")

    def _repr_html_(self):
        return render.html(self)
