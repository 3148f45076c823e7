"""Run the rule base on a case: forward chaining with experta, explained conclusions."""

import importlib.metadata
import threading

from ._compile import compile_rules, fact_class
from ._experta import experta
from ._join import WorkingMemory
from ._matcher import TrackingReteMatcher
from ._loading import load_knowledge
from .advice import (
    Advice,
    Citation,
    Conclusion,
    Evidence,
    Explanation,
    Missing,
    ModelStatus,
    Support,
)
from .case import Case
from .casefile import case_from_dict, check_case, load_case
from .conditions import AnyOf, ConclusionPattern, Negation
from .errors import InterorgError
from .facts import case_facts

__all__ = ["advise"]

LANGUAGES = ("en", "nl")


class _Engine(experta.KnowledgeEngine):
    """A KnowledgeEngine whose rules come from the knowledge base, not from methods.

    Building experta's Rete network costs more than a typical run, so one
    engine per knowledge base and thread is kept and ``reset()`` between runs
    (which empties the network's memories and the agenda, not its shape).
    """

    __matcher__ = TrackingReteMatcher

    def __init__(self, rules):
        self._compiled = rules
        self.session = None
        super().__init__()

    def get_rules(self):
        return list(self._compiled)


class _Record:
    """What the engine concluded for one (rule, subject): its supports, as fact refs."""

    def __init__(self, rule, subject, variables, order):
        self.rule = rule
        self.subject = subject
        self.variables = variables
        self.order = order
        self.supports = set()


class _Session:
    """The facts of one run and the conclusions drawn, by reference."""

    def __init__(self, knowledge, facts):
        self.knowledge = knowledge
        self.inputs = {f"i{index}": fact for index, fact in enumerate(facts)}
        self.records = {}
        self.memory = WorkingMemory()
        self.partner_names = {}

    def declare_inputs(self, engine):
        for ref, fact in self.inputs.items():
            fields = self.knowledge.facts[fact.type].fields
            unknown = set(fact.values) - set(fields)
            if unknown:
                raise AssertionError(f"fact {fact.type} has fields outside the vocabulary: {sorted(unknown)}")
            values = {name: fact.values.get(name) for name in fields}
            self.memory.add(ref, ("fact", fact.type), values)
            engine.declare(fact_class(fact.type)(_ref=ref, **values))

    def on_trigger(self, engine, compiled, position, pattern, ref):
        """A trigger matched: join the rule's other conditions and conclude for each match."""
        rule = compiled.rule
        names = rule.variables()
        for refs, bindings in compiled.matches(self.memory, position, pattern, ref):
            self.conclude(engine, rule, refs, {name: bindings[name] for name in names})

    def conclude(self, engine, rule, refs, variables):
        subject = variables[rule.subject] if rule.subject else None
        key = (rule.id, subject)
        record = self.records.get(key)
        if record is None:
            order = min((self.position(ref) for ref in refs), default=len(self.inputs))
            record = self.records[key] = _Record(rule, subject, variables, order)
            self.memory.add(key, ("conclusion", rule.id), {"subject": subject})
            engine.declare(fact_class("conclusion")(rule=rule.id, subject=subject, _ref=key))
        record.supports.add(refs)

    def position(self, ref):
        """Where in the case a fact or conclusion stands: the first input it rests on."""
        if ref in self.inputs:
            return int(ref[1:])
        return self.records[ref].order


class _Builder:
    """Turn a session's records into the attrs objects of the advice, in one language."""

    def __init__(self, session, lang):
        self.session = session
        self.knowledge = session.knowledge
        self.lang = lang
        self.explanations = {}

    def label(self, *args):
        return self.knowledge.label(*args, lang=self.lang, partners=self.session.partner_names)

    def input_evidence(self, fact, pattern):
        """Evidence of an input fact; the summary names the fields the pattern tested.

        A tested field the case leaves out (a ``known: false`` test) is named
        as not given, so that the evidence says what is missing.
        """
        given = fact.given()
        if isinstance(pattern, AnyOf):
            pattern = pattern.matching(fact.type, fact.values)
        tested = [test.field for test in pattern.tests]
        if not tested or self.knowledge.facts[fact.type].explain == "all":
            tested += [name for name in given if name not in tested]
        not_given = self.knowledge.message("not_given", self.lang)
        parts = [f"{self.label(fact.type, name)} = {self.label(fact.type, name, given[name])}" if name in given
                 else f"{self.label(fact.type, name)}: {not_given}" for name in tested]
        summary = f"{fact.path}: " + "; ".join(parts)
        return Evidence("input", summary, fact=fact.type, path=fact.path, values=given)

    def describe_absent(self, pattern):
        """Say in words what a negated condition required to be absent."""
        if isinstance(pattern, ConclusionPattern):
            title = self.knowledge.rule(pattern.rule).title.get(self.lang)
            subject = f" ({pattern.subject.describe()})" if pattern.subject else ""
            return f"{title}{subject}"
        tests = []
        for test in pattern.tests:
            values = test.literal_values()
            shown = " / ".join(self.label(pattern.fact, test.field, value) for value in values)
            tests.append(f"{self.label(pattern.fact, test.field)} = {shown}" if shown else test.describe())
        label = self.label(pattern.fact)
        return f"{label}: {'; '.join(tests)}" if tests else label

    def filled_title(self, record):
        """The rule's title in the advice's language, its placeholders filled for this conclusion."""
        values = {name: self._variable_label(record.rule, name, value) for name, value in record.variables.items()}
        return record.rule.title.fill(self.lang, values)

    def conclusion_evidence(self, key):
        record = self.session.records[key]
        title = self.filled_title(record)
        subject = self.subject_label(record)
        # a title with placeholders names what the conclusion is about already
        named = bool(record.rule.title.placeholders())
        summary = title if subject is None or named else f"{title}: {subject}"
        return Evidence("conclusion", summary, rule=record.rule.id, subject=_text(record.subject),
                        explanation=self.explanation(key))

    def explanation(self, key):
        if key in self.explanations:
            return self.explanations[key]
        record = self.session.records[key]
        rule = record.rule
        absent = tuple(self.describe_absent(c.pattern) for c in rule.when if isinstance(c, Negation))
        patterns = rule.positive_patterns()
        supports = []
        for refs in sorted(record.supports, key=lambda refs: [str(r) for r in refs]):
            evidence = tuple(self.input_evidence(self.session.inputs[ref], pattern) if ref in self.session.inputs
                             else self.conclusion_evidence(ref) for ref, pattern in zip(refs, patterns))
            supports.append(Support(evidence, absent))
        explanation = Explanation(rule.id, self.filled_title(record), rule.basis, rule.reason, tuple(supports))
        self.explanations[key] = explanation
        return explanation

    def subject_label(self, record):
        if record.subject is None:
            return None
        return self._variable_label(record.rule, record.rule.subject, record.subject)

    def citations(self, refs):
        out = []
        for ref in refs:
            source = self.knowledge.sources[ref.source]
            out.append(Citation(source.id, source.title, source.author, source.year,
                                source.file, ref.where, ref.quote))
        return tuple(out)

    def conclusion(self, key):
        record = self.session.records[key]
        rule = record.rule
        values = {name: self._variable_label(rule, name, value) for name, value in record.variables.items()}
        return Conclusion(
            id=rule.id,
            kind=rule.kind,
            subject=_text(record.subject),
            subject_label=self.subject_label(record),
            model=rule.model,
            title=rule.title.fill(self.lang, values),
            text=rule.text.fill(self.lang, values),
            basis=rule.basis,
            reason=rule.reason,
            sources=self.citations(rule.sources),
            explanation=self.explanation(key),
        )

    def _variable_label(self, rule, name, value):
        origin = self.knowledge.variable_origin(rule, name)
        return _text(value) if origin is None else self.label(*origin, value)

    def model_statuses(self):
        facts = list(self.session.inputs.values())
        counts = {}
        for record in self.session.records.values():
            counts[record.rule.model] = counts.get(record.rule.model, 0) + 1
        statuses = []
        for model in self.knowledge.models:
            missing = []
            for need in model.needs:
                fact_type, _, field = need.partition(".")
                present = any(f.type == fact_type and (not field or f.values.get(field) is not None)
                              for f in facts)
                if not present:
                    case_path = self.knowledge.facts[fact_type].case_path
                    path = f"{case_path}.{field}" if field else case_path
                    label = self.label(fact_type, field) if field else self.label(fact_type)
                    missing.append(Missing(path, label))
            status = "applied" if not missing else "not_applied" if len(missing) == len(model.needs) else "partial"
            statuses.append(ModelStatus(model.id, model.title.get(self.lang), status, tuple(missing),
                                        model.to_apply.get(self.lang) if missing else None,
                                        counts.get(model.id, 0)))
        return tuple(statuses)

    def advice(self, case):
        knowledge = self.knowledge
        keys = sorted(self.session.records, key=lambda key: (
            knowledge.rank(key[0]),
            self.session.records[key].order,
            _text(key[1]) or "",
        ))
        labels = {key: text.get(self.lang) for key, text in knowledge.messages.items()}
        return Advice(case.name, self.lang, tuple(self.conclusion(key) for key in keys),
                      self.model_statuses(), _version(), labels, knowledge)


def _text(value):
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _version():
    try:
        return importlib.metadata.version("interorg")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def _compiled(knowledge):
    cache = knowledge._cache
    if "experta" not in cache:
        cache["experta"] = compile_rules(knowledge, lambda engine, *args: engine.session.on_trigger(engine, *args))
    return cache["experta"]


def _engine(knowledge):
    """The engine of ``knowledge`` for the calling thread, built on first use."""
    local = knowledge._cache.setdefault("engines", threading.local())
    if not hasattr(local, "engine"):
        local.engine = _Engine(_compiled(knowledge))
    return local.engine


def advise(case, lang="en", knowledge=None):
    """Run the rule base on a case and return the explained advice.

    Parameters
    ----------
    case : Case, dict, str or os.PathLike
        A :class:`~interorg.Case`, plain data of the same shape, or the path
        of a YAML or JSON case file.
    lang : {'en', 'nl'}
        The language of the advice.
    knowledge : KnowledgeBase, optional
        By default the knowledge shipped with interorg.

    Returns
    -------
    Advice
        The same case gives the same advice, in the same order, every run.

    Raises
    ------
    CaseError
        If the case is not valid (every problem, with its path).
    InterorgError
        If ``lang`` is not supported.

    Examples
    --------
    >>> from interorg import Case, Care, advise
    >>> advice = advise(Case(care=Care(demand="complex", supply_in_municipality=False)))
    >>> "kenis.need.quadrant-iv" in advice
    True
    """
    if lang not in LANGUAGES:
        raise InterorgError(f"language '{lang}' is not supported; expected one of {', '.join(LANGUAGES)}")
    if isinstance(case, Case):
        case = check_case(case)
    elif isinstance(case, dict):
        case = case_from_dict(case)
    else:
        case = load_case(case)
    knowledge = knowledge or load_knowledge()
    session = _Session(knowledge, case_facts(case))
    session.partner_names = {p.id: p.name for p in case.partners if p.name}
    engine = _engine(knowledge)
    engine.session = session
    try:
        engine.reset()
        session.declare_inputs(engine)
        engine.run()
    finally:
        engine.session = None
    return _Builder(session, lang).advice(case)
