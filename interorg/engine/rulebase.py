"""The knowledge base: sources, vocabulary of facts, models and rules, as frozen records.

The records are read from the YAML files in ``knowledge/`` (see its
README.md for the grammar) by :func:`interorg.load_knowledge`; this module
holds what they mean.
"""

import functools
import heapq
import re
import types
from typing import Literal

import attrs

from .conditions import AnyOf, Condition, ConclusionPattern, FactPattern, Negation
from .texts import Text, bilingual
from .wording import format_number, partner_names

__all__ = ["ID_META", "FactType", "FieldDef", "KnowledgeBase", "Model", "Rule", "Source", "SourceRef"]

_ID = re.compile(r"[a-z][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)*")
ID_META = {"pattern": _ID, "pattern_hint": "a dotted id of lower-case letters, digits, '-' and '_'"}
_DECIMAL = re.compile(r"(?<![\w.])\d+\.\d+(?![\w.])")


@attrs.frozen
class Source:
    """A document the knowledge comes from, listed once in ``sources.yaml``.

    ``kind`` is ``seed`` for the documents shipped in ``knowledge/sources/``
    (``file`` names it) and ``external`` for published work cited by
    reference (``citation``).  ``author`` and ``year`` are given where the
    document names them.
    """

    id: str = attrs.field(metadata=ID_META)
    title: str
    kind: Literal["seed", "external"]
    author: str | None = None
    year: int | None = None
    file: str | None = None
    citation: str | None = None
    description: str | None = None


#: The message that puts a section's heading and the project's words on it together.
LOCATOR_MESSAGE = "source_section_on"


@attrs.frozen
class SourceRef:
    """Where in a source a rule or model comes from: a heading or phrase, and a quote.

    ``where`` is in the source's own words.  ``topic``, where given, says in the
    project's words what in that part the rule rests on (a section of an
    external work that is cited, not shipped); :meth:`KnowledgeBase.locator`
    puts the two together in the reader's language.
    """

    source: str
    where: str
    quote: str | None = None
    topic: Text | None = None


@attrs.frozen
class FieldDef:
    """A field of a fact type: its label and the values it takes."""

    label: Text
    type: Literal["enum", "bool", "number", "text", "partner", "partners"] = "enum"
    values: dict[str, Text] | None = None


@attrs.frozen
class FactType:
    """A kind of fact the case produces, with the place in a case it comes from.

    ``explain`` says which fields an explanation shows for a matched fact:
    the ``tested`` ones (by default) or ``all`` that the case gives, for facts
    whose other fields are part of the reason (such as the criteria of a
    partner's position).
    """

    label: Text
    case_path: str
    fields: dict[str, FieldDef]
    explain: Literal["tested", "all"] = "tested"


@attrs.frozen
class Model:
    """A model of a source (a matrix, a list of conditions...) that a set of rules encodes.

    ``needs`` names what a case must give for the model to apply, each as
    ``fact`` (at least one fact of that type) or ``fact.field`` (that field
    given), or as alternatives ``a | b`` of which one will do (a field given
    for the whole case or per item); ``to_apply`` tells the user what to add.
    """

    id: str = attrs.field(metadata=ID_META)
    title: Text
    sources: tuple[SourceRef, ...] = attrs.field(metadata={"min_length": 1})
    needs: tuple[str, ...] = attrs.field(metadata={"min_length": 1})
    to_apply: Text
    description: Text | None = None

    def need_alternatives(self):
        """Each need as its alternatives, each a ``(fact, field)`` pair (field ``''`` for a fact type).

        Examples
        --------
        >>> model = Model("m", Text("M", "M"), (SourceRef("s", "w"),), ("a.x | b.x", "c"), Text("", ""))
        >>> model.need_alternatives()
        [[('a', 'x'), ('b', 'x')], [('c', '')]]
        """
        out = []
        for need in self.needs:
            out.append([(fact, field) for fact, _, field in
                        (alternative.strip().partition(".") for alternative in need.split("|"))])
        return out


@attrs.frozen
class Rule:
    """One rule: conditions (``when``) and the conclusion they lead to.

    A rule concludes one conclusion per subject: its ``id`` names the
    conclusion, and ``subject`` (a variable bound in ``when``) says what it
    is about when the rule can fire for several things.

    ``kind`` says what the conclusion is for the reader: a ``step`` is an
    intermediate conclusion that other rules use (shown inside their
    explanations, never as advice of its own); a ``finding``, ``warning``
    or ``recommendation`` is advice, with a ``priority`` (and, where the
    priority is the project's judgement beyond the scale of
    ``knowledge/README.md``, a ``priority_reason``).  ``weight`` says how
    much the conclusion counts as evidence where evidence is weighed (the
    suspicion of an archetypical problem): ``strong`` or ``weak``.
    ``model`` and ``file`` are set by the loader: the model the rule's file
    belongs to, and that file's path in the knowledge directory.
    ``reason`` says, in both languages, why a ``derived`` rule holds.
    ``action``, where given, is the title of the action that answers the
    conclusion, in the imperative, with the placeholders of ``title``.
    """

    id: str = attrs.field(metadata=ID_META)
    kind: Literal["step", "finding", "warning", "recommendation"]
    title: Text
    text: Text
    basis: Literal["source", "derived"]
    sources: tuple[SourceRef, ...] = attrs.field(metadata={"min_length": 1})
    when: tuple[Condition, ...] = attrs.field(metadata={"min_length": 1})
    reason: Text | None = None
    subject: str | None = None
    priority: Literal["critical", "high", "medium", "low"] | None = None
    priority_reason: Text | None = None
    weight: Literal["strong", "weak"] = "strong"
    action: Text | None = None
    model: str = attrs.field(default="", metadata={"internal": True})
    file: str = attrs.field(default="", eq=False, metadata={"internal": True})

    @property
    def is_step(self):
        """True for an intermediate conclusion: shown in explanations, not as advice."""
        return self.kind == "step"

    def positive_patterns(self):
        """The patterns that must match (not the negated ones), in order."""
        return [c for c in self.when if not isinstance(c, Negation)]

    def variables(self):
        """Variables bound by the positive patterns, with the fact and field they come from."""
        bound = {}
        for pattern in self.positive_patterns():
            if isinstance(pattern, AnyOf):  # every alternative binds the same variables
                pattern = pattern.alternatives[0]
            if isinstance(pattern, FactPattern):
                for test in pattern.tests:
                    if test.var and test.var not in bound:
                        bound[test.var] = (pattern.fact, test.field)
            elif pattern.subject is not None and pattern.subject.var and pattern.subject.var not in bound:
                bound[pattern.subject.var] = ("conclusion", pattern.rule)
        return bound

    def depends_on(self):
        """``(rule id, negated)`` for every conclusion this rule's conditions name."""
        return self._depends_on

    @functools.cached_property
    def _depends_on(self):
        # asked for every conclusion of every run (diagnosis, counsel); a rule never changes
        out = []
        for condition in self.when:
            negated = isinstance(condition, Negation)
            pattern = condition.pattern if negated else condition
            for alternative in pattern.alternatives if isinstance(pattern, AnyOf) else (pattern,):
                if isinstance(alternative, ConclusionPattern):
                    out.append((alternative.rule, negated))
        return tuple(out)


@attrs.frozen(repr=False)
class KnowledgeBase:
    """Everything interorg knows, loaded and checked.

    Attributes
    ----------
    sources : dict of str to Source
    facts : dict of str to FactType
        The vocabulary: every fact type and field a rule may test.
    models : tuple of Model
        In the order of ``models.yaml``; the advice follows it.
    rules : tuple of Rule
        Ordered by model, then by their order in the model's file.
    messages : dict of str to Text
        Headings and phrases of the reports.
    exclusions : tuple of Exclusion
        Groups of conclusions that exclude each other for one subject.
    defeats : tuple of Defeat
        Conclusions that set aside others (``knowledge/conflicts.yaml``).

    A domain adds records of its own in a subclass (see
    :class:`interorg.KnowledgeBase`, which adds the instruments of the
    diagnosis).
    """

    sources: dict
    facts: dict
    models: tuple
    rules: tuple
    messages: dict
    exclusions: tuple = ()
    defeats: tuple = ()
    _rules_by_id: dict = attrs.field(init=False, repr=False, eq=False)
    _models_by_id: dict = attrs.field(init=False, repr=False, eq=False)
    _ranks: dict = attrs.field(init=False, repr=False, eq=False)
    _cache: dict = attrs.field(init=False, repr=False, eq=False, factory=dict)

    def __repr__(self):  # one line: the records themselves run to a million characters
        return f"<{type(self).__name__} of {len(self.rules)} rules in {len(self.models)} models, {len(self.sources)} sources>"

    def __attrs_post_init__(self):
        object.__setattr__(self, "_rules_by_id", {rule.id: rule for rule in self.rules})
        object.__setattr__(self, "_models_by_id", {model.id: model for model in self.models})
        object.__setattr__(self, "_ranks", {rule.id: index for index, rule in enumerate(self.rules)})

    def rule(self, rule_id):
        """Return the rule with id ``rule_id`` (KeyError if there is none)."""
        return self._rules_by_id[rule_id]

    def model(self, model_id):
        """Return the model with id ``model_id`` (KeyError if there is none)."""
        return self._models_by_id[model_id]

    def message(self, key, lang):
        """Return the report phrase ``key`` in ``lang``."""
        return self.messages[key].get(lang)

    def labels(self, lang):
        """Every report phrase in ``lang``, by key.

        Made once per language and shared by everything that words an
        advice: a read-only mapping.

        Examples
        --------
        >>> import interorg
        >>> labels = interorg.load_knowledge().labels("nl")
        >>> labels["cli_error"], labels is interorg.load_knowledge().labels("nl")
        ('fout', True)
        >>> labels["cli_error"] = "error"
        Traceback (most recent call last):
        ...
        TypeError: 'mappingproxy' object does not support item assignment
        """
        found = self._cache.get(("labels", lang))
        if found is None:
            if lang not in ("en", "nl"):
                raise ValueError(f"expected the language en or nl; got {lang!r}")
            found = self._cache[("labels", lang)] = types.MappingProxyType(
                {key: text.get(lang) for key, text in self.messages.items()})
        return found

    def locator(self, ref, lang):
        """Where in its source the :class:`SourceRef` ``ref`` points, in ``lang``.

        The source's heading as the source has it, and, where ``ref.topic``
        says what in that section the rule rests on, the project's words
        around it in ``lang`` (the message ``source_section_on``).

        Examples
        --------
        >>> import interorg
        >>> kb = interorg.load_knowledge()
        >>> ref = kb.rule("provan-kenis.governance.trust-high-density").sources[0]
        >>> kb.locator(ref, "nl")
        'Network Governance and Effectiveness (sectie), over vertrouwen'
        """
        if ref.topic is None:
            return ref.where
        return self.messages[LOCATOR_MESSAGE].fill(lang, {"where": ref.where, "topic": ref.topic.get(lang)})

    def label(self, fact, field=None, value=None, lang="en", partners=None):
        """Return the display label of a fact type, a field, or a field's value.

        In English the Dutch term follows in brackets where it differs, so
        the source's vocabulary stays visible: ``complex (complex: multi-...)``.
        The value of a ``partner`` field is shown by the partner's name, from
        ``partners`` (id to name), where it has one, and that of a
        ``partners`` field (ids joined by ``~`` or ``>``) by the names joined
        (see :func:`~interorg.engine.wording.partner_names`); a number as the
        language writes it (``2,5`` in Dutch).
        """
        fact_type = self.facts[fact]
        if field is None:
            return bilingual(fact_type.label, lang)
        field_def = fact_type.fields[field]
        if value is None:
            return bilingual(field_def.label, lang)
        if field_def.values and str(value) in field_def.values:
            return bilingual(field_def.values[str(value)], lang)
        if isinstance(value, bool):
            return self.message("yes" if value else "no", lang)
        if field_def.type == "partner" and partners and partners.get(value):
            return partners[value]
        if field_def.type == "partners" and isinstance(value, str):
            return partner_names(value, partners or {})
        if field_def.type == "number" and isinstance(value, (int, float)):
            return format_number(value, lang)
        if field_def.type == "text":
            # a text put together from numbers ("eersel 2.25; bladel 3.0") follows the language too
            return _DECIMAL.sub(lambda match: format_number(float(match.group()), lang), str(value))
        return str(value)

    def variable_origin(self, rule, name):
        """Return the ``(fact type, field)`` a variable of ``rule`` takes its values from.

        A variable bound to the subject of an earlier conclusion is followed
        back to the fact field that conclusion's own subject came from; None
        when it leads to a conclusion without a subject.
        """
        fact, field = rule.variables()[name]
        while fact == "conclusion":
            earlier = self.rule(field)
            if earlier.subject is None:
                return None
            fact, field = earlier.variables()[earlier.subject]
        return fact, field

    def rank(self, rule_id):
        """The position of a rule in the knowledge base (model order, then file order)."""
        return self._ranks[rule_id]

    def conflict_order(self):
        """A position for every rule such that each rule comes after what it uses and after what can defeat it.

        :func:`interorg.engine.conflicts.resolve` settles conclusions in this
        order, so a conclusion is judged only once everything that could set
        it aside has been judged.  The loader checks that such an order exists.
        """
        cache = self._cache
        if "conflict_order" not in cache:
            # Kahn's algorithm, taking the first rule in knowledge order among those ready: a plain
            # topological sort, so that a run need not import networkx
            rank = {rule.id: index for index, rule in enumerate(self.rules)}
            after = {rule.id: [] for rule in self.rules}
            waiting = dict.fromkeys(rank, 0)
            edges = {(dependency, rule.id) for rule in self.rules for dependency, _negated in rule.depends_on()}
            edges |= {(defeat.winner, defeat.loser) for defeat in self.defeats}
            for before, later in edges:
                after[before].append(later)
                waiting[later] += 1
            ready = [rank[rule_id] for rule_id, count in waiting.items() if count == 0]
            heapq.heapify(ready)
            order = {}
            while ready:
                rule_id = self.rules[heapq.heappop(ready)].id
                order[rule_id] = len(order)
                for later in after[rule_id]:
                    waiting[later] -= 1
                    if waiting[later] == 0:
                        heapq.heappush(ready, rank[later])
            cache["conflict_order"] = order
        return cache["conflict_order"]

    def dependency_graph(self):
        """Return how rules chain, as a ``networkx.DiGraph``.

        There is an edge ``a -> b`` when rule ``b`` uses the conclusion of
        rule ``a`` as a condition; the edge attribute ``negated`` is True when
        ``b`` needs that conclusion to be absent.  Every rule is a node with
        its ``model`` and ``kind`` as attributes.

        Examples
        --------
        >>> import interorg
        >>> graph = interorg.load_knowledge().dependency_graph()
        >>> graph.number_of_nodes() == len(interorg.load_knowledge().rules)
        True
        """
        import networkx as nx  # a run does not need the graph, only tools over the knowledge do

        graph = nx.DiGraph()
        for rule in self.rules:
            graph.add_node(rule.id, model=rule.model, kind=rule.kind)
        for rule in self.rules:
            for dependency, negated in rule.depends_on():
                graph.add_edge(dependency, rule.id, negated=negated)
        return graph

