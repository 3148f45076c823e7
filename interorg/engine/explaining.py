"""Explain what a session concluded: conclusions with their derivation trees, in one language.

Every conclusion's explanation goes down to the input facts of the case,
and names what each negated condition required to be absent.  A shared
sub-explanation is built once and reused.
"""

from .._version import __version__
from .conditions import AnyOf, ConclusionPattern, Negation
from .facts import key_text as _text
from .results import Citation, Conclusion, Evidence, Explanation, Missing, ModelStatus, Support
from .saying import Sayer

__all__ = ["explain", "version"]


class _Builder:
    """Turn a session's records into the attrs objects of the advice, in one language."""

    def __init__(self, session, lang):
        self.session = session
        self.knowledge = session.knowledge
        self.lang = lang
        self.explanations = {}
        # Evidence objects are frozen and the same wherever they are cited, so
        # each is built once: at thousands of conclusions this bounds memory.
        self._inputs = {}
        self._cited = {}
        # where a rule's variable takes its values from is the knowledge's, the same in every run
        self._origins = self.knowledge._cache.setdefault("variable_origins", {})
        self._labels = {}
        self._shared = _shared_labels(self.knowledge, lang)
        self._parts = {}
        self._shared_parts = _shared_labels(self.knowledge, lang, "parts")
        self._not_given = self.knowledge.message("not_given", lang)
        self._statics = self.knowledge._cache.setdefault("rule_statics", {})
        self._statics_run = {}
        self._fill_values = {}
        self._titles = {}
        self._given = {}
        # the fields a pattern names in evidence, by id(pattern): the patterns are the knowledge's, alive all run
        self._tested = {}
        # which alternative of an any a fact matched, by (id(pattern), fact type); kept with the knowledge's patterns
        self._any_matchers = self.knowledge._cache.setdefault("any_matchers", {})
        self._citations = self.knowledge._cache.setdefault("citations", {})

    def label(self, *args):
        # The same few labels are asked for thousands of times, in every run.
        # Values are scalars; their types are part of the key, as 1, 1.0 and
        # True are equal keys but are shown differently.  Only the label of a
        # partner's id depends on the run (the partner's name), so the others
        # are kept for the next runs too (see _shared_labels).
        # fact types and field names are texts; only a value may be of another type
        key = args if len(args) < 3 or type(args[2]) is str else (args, tuple(map(type, args)))
        found = self._shared.get(key)
        if found is None:
            found = self._labels.get(key)
            if found is None:
                found = _keep(self._shared, self._labels, key, self._names_partner(args),
                              self.knowledge.label(*args, lang=self.lang, partners=self.session.partner_names))
        return found

    def _names_partner(self, args):
        if len(args) < 3:
            return False
        fact, field = args[0], args[1]
        return self.knowledge.facts[fact].fields[field].type in ("partner", "partners")

    def part(self, fact_type, name, given):
        """``field = value`` (or the field not given) of an input fact, for an evidence's summary.

        Kept as :meth:`label` keeps labels: between runs, unless the value is
        a partner's, which is shown by the run's names.
        """
        value = given.get(name, _MISSING)
        key = (fact_type, name, value, type(value))
        found = self._shared_parts.get(key)
        if found is None:
            found = self._parts.get(key)
            if found is None:
                if value is _MISSING:
                    found = f"{self.label(fact_type, name)}: {self._not_given}"
                else:
                    found = f"{self.label(fact_type, name)} = {self.label(fact_type, name, value)}"
                found = _keep(self._shared_parts, self._parts, key,
                              value is not _MISSING and self._names_partner(key), found)
        return found

    def statics(self, rule):
        """What explaining a conclusion of ``rule`` needs of the rule itself, the same in every run.

        ``(positive patterns, whether the title names the subject, what each
        negation required absent)``; the last is in the advice's language.
        """
        key = (rule.id, self.lang)
        found = self._statics.get(key)
        if found is None:
            found = self._statics_run.get(key)
            if found is None:
                negated = [condition.pattern for condition in rule.when if isinstance(condition, Negation)]
                # made here, where a negation is worded, not kept: it holds this builder's label method
                say = Sayer(self.knowledge, self.lang, self.label).pattern if negated else None
                # a partner's id in a negation would be shown by this run's name
                partner = any(self._names_partner((pattern.fact, test.field, value))
                              for pattern in negated if not isinstance(pattern, ConclusionPattern)
                              for test in pattern.tests for value in test.literal_values())
                found = _keep(self._statics, self._statics_run, key, partner,
                              (tuple(rule.positive_patterns()), bool(rule.title.placeholders()),
                               tuple(say(pattern) for pattern in negated)))
        return found

    def cited_input(self, ref, pattern):
        """The evidence of input ``ref`` matched by ``pattern``, built once per pair."""
        key = (ref, id(pattern))
        if key not in self._inputs:
            self._inputs[key] = self.input_evidence(self.session.inputs[ref], pattern)
        return self._inputs[key]

    def input_evidence(self, fact, pattern):
        """Evidence of an input fact; the summary names the fields the pattern tested.

        A tested field the case leaves out (a ``known: false`` test) is named
        as not given, so that the evidence says what is missing.
        """
        given = self._given.get(id(fact))
        if given is None:
            given = self._given[id(fact)] = fact.given()
        if isinstance(pattern, AnyOf):
            key = (id(pattern), fact.type)
            matcher = self._any_matchers.get(key)
            if matcher is None:
                matcher = self._any_matchers[key] = pattern.matcher(fact.type)
            pattern = matcher(fact.values)
        tested = self._tested.get(id(pattern))
        if tested is None:
            # a field tested twice (a range, say) is named once
            tested = tuple(dict.fromkeys([test.field for test in pattern.tests]))
            if not tested or self.knowledge.facts[fact.type].explain == "all":
                tested += tuple([name for name in given if name not in tested])
            else:
                # the same for every fact the pattern matched: one tuple, whatever the number of partners
                self._tested[id(pattern)] = tested
        part = self.part
        parts = tuple([part(fact.type, name, given) for name in tested])
        return Evidence("input", f"{fact.path}: " + "; ".join(parts), fact=fact.type, path=fact.path,
                        values=given, fields=tested, parts=parts)

    def fill_values(self, record):
        """The labels of a conclusion's variables, for the placeholders of its title and text (once per record)."""
        values = self._fill_values.get(id(record))
        if values is None:
            values = self._fill_values[id(record)] = {
                name: self._variable_label(record.rule, name, value) for name, value in record.variables.items()}
        return values

    def filled_title(self, record):
        """The rule's title in the advice's language, its placeholders filled for this conclusion."""
        title = self._titles.get(id(record))
        if title is None:
            title = self._titles[id(record)] = record.rule.title.fill(self.lang, self.fill_values(record))
        return title

    def conclusion_evidence(self, key):
        if key in self._cited:
            return self._cited[key]
        record = self.session.records[key]
        title = self.filled_title(record)
        subject = self.subject_label(record)
        # a title with placeholders names what the conclusion is about already
        named = self.statics(record.rule)[1]
        summary = title if subject is None or named else f"{title}: {subject}"
        evidence = self._cited[key] = Evidence("conclusion", summary, rule=record.rule.id,
                                               subject=_text(record.subject), explanation=self.explanation(key))
        return evidence

    def explanation(self, key):
        if key in self.explanations:
            return self.explanations[key]
        record = self.session.records[key]
        rule = record.rule
        patterns, _, absent = self.statics(rule)
        supports = []
        ways = record.supports
        if len(ways) > 1:  # in a fixed order, whatever order the engine found them in
            ways = sorted(ways, key=lambda refs: [str(r) for r in refs])
        cited, evidence_of = self.cited_input, self.conclusion_evidence
        for refs in ways:
            # an input's reference is its text (i0, i1...), a conclusion's a (rule id, subject) pair
            evidence = tuple([cited(ref, pattern) if type(ref) is str else evidence_of(ref)
                              for ref, pattern in zip(refs, patterns)])
            supports.append(Support(evidence, absent))
        explanation = Explanation(rule.id, self.filled_title(record), rule.basis, self.reason(rule), tuple(supports))
        self.explanations[key] = explanation
        return explanation

    def reason(self, rule):
        """Why a derived rule holds, in the advice's language (None for a rule from the source)."""
        return None if rule.reason is None else rule.reason.get(self.lang)

    def subject_label(self, record):
        if record.subject is None:
            return None
        return self._variable_label(record.rule, record.rule.subject, record.subject)

    def citations(self, rule):
        """The citations of ``rule`` in the advice's language: the same in every run, so made once per knowledge base."""
        cache = self._citations
        found = cache.get((rule.id, self.lang))
        if found is None:
            out = []
            for ref in rule.sources:
                source = self.knowledge.sources[ref.source]
                out.append(Citation(source.id, source.title, source.author, source.year,
                                    source.file, self.knowledge.locator(ref, self.lang), ref.quote))
            found = cache[(rule.id, self.lang)] = tuple(out)
        return found

    def conclusion(self, key):
        record = self.session.records[key]
        rule = record.rule
        values = self.fill_values(record)
        return Conclusion(
            id=rule.id,
            kind=rule.kind,
            subject=_text(record.subject),
            # the subject is the value of one of the rule's variables, labelled already
            subject_label=None if record.subject is None else values[rule.subject],
            model=rule.model,
            title=self.filled_title(record),
            text=rule.text.fill(self.lang, values),
            basis=rule.basis,
            reason=self.reason(rule),
            sources=self.citations(rule),
            explanation=self.explanation(key),
            priority=rule.priority,
            weight=rule.weight,
            action=None if rule.action is None else rule.action.fill(self.lang, values),
        )

    def _variable_label(self, rule, name, value):
        origin = self._origins.get((rule.id, name), _MISSING)
        if origin is _MISSING:
            origin = self._origins[rule.id, name] = self.knowledge.variable_origin(rule, name)
        return _text(value) if origin is None else self.label(*origin, value)

    def model_statuses(self):
        needs = _model_needs(self.knowledge)
        # what the case gives of what the models need: a fact type, and a field of it with a value
        present = set()
        for fact in self.session.inputs.values():
            present.add(fact.type)
            for field in needs.fields.get(fact.type, ()):
                if fact.values.get(field) is not None:
                    present.add((fact.type, field))
        counts = {}
        for record in self.session.records.values():
            counts[record.rule.model] = counts.get(record.rule.model, 0) + 1
        statuses = []
        for model in self.knowledge.models:
            missing = []
            for alternatives in needs.alternatives[model.id]:
                if any((fact_type, field) in present if field else fact_type in present
                       for fact_type, field in alternatives):
                    continue
                fact_type, field = alternatives[0]  # the first form is the one to suggest
                case_path = self.knowledge.facts[fact_type].case_path
                path = f"{case_path}.{field}" if field else case_path
                label = self.label(fact_type, field) if field else self.label(fact_type)
                missing.append(Missing(path, label))
            status = "applied" if not missing else "not_applied" if len(missing) == len(model.needs) else "partial"
            statuses.append(ModelStatus(model.id, model.title.get(self.lang), status, tuple(missing),
                                        model.to_apply.get(self.lang) if missing else None,
                                        counts.get(model.id, 0)))
        return tuple(statuses)

    def conclusions(self):
        knowledge = self.knowledge
        keys = sorted(self.session.records, key=lambda key: (
            knowledge.rank(key[0]),
            self.session.records[key].order,
            _text(key[1]) or "",
        ))
        return tuple(self.conclusion(key) for key in keys)


#: The most entries one store kept between runs holds (labels and summary parts per knowledge base and language, what explaining needs of the rules per knowledge base).
_SHARED_LABELS = 50_000


#: A field the input fact does not give (a key of the summaries' parts); a variable's origin not looked up yet.
_MISSING = object()


class _Needs:
    """What the models need of a case: each model's alternatives, and the fields of each fact type named."""

    def __init__(self, knowledge):
        self.alternatives = {model.id: model.need_alternatives() for model in knowledge.models}
        self.fields = {}
        for alternatives in self.alternatives.values():
            for need in alternatives:
                for fact_type, field in need:
                    if field and field not in self.fields.setdefault(fact_type, []):
                        self.fields[fact_type].append(field)


def _model_needs(knowledge):
    cache = knowledge._cache
    if "model_needs" not in cache:
        cache["model_needs"] = _Needs(knowledge)
    return cache["model_needs"]


def _keep(shared, run, key, per_run, value):
    """Keep ``value`` under ``key``: in ``run`` for this run only, else in ``shared`` for the next runs too.

    What is shared between runs is bounded: a sweep shows numbers without end.
    """
    if per_run:
        run[key] = value
    else:
        if len(shared) >= _SHARED_LABELS:
            shared.clear()
        shared[key] = value
    return value


def _shared_labels(knowledge, lang, what="labels"):
    """The labels (or parts of summaries) that do not depend on a run, kept between runs for ``knowledge`` in ``lang``."""
    shared = knowledge._cache.setdefault(what, {})
    return shared.setdefault(lang, {})


def version():
    """The version of interorg.

    Examples
    --------
    >>> import interorg
    >>> version() == interorg.__version__
    True
    """
    return __version__


def explain(session, lang):
    """The conclusions of ``session`` and the status of every model, in ``lang``.

    Returns
    -------
    tuple
        ``(conclusions, models)``: a tuple of :class:`Conclusion` in a fixed
        order (by model, by rule, then by where the subject stands in the
        case), and a tuple of :class:`ModelStatus` in the knowledge's order.
    """
    builder = _Builder(session, lang)
    return builder.conclusions(), builder.model_statuses()
