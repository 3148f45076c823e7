"""Explain what a session concluded: conclusions with their derivation trees, in one language.

Every conclusion's explanation goes down to the input facts of the case,
and names what each negated condition required to be absent.  A shared
sub-explanation is built once and reused.
"""

from itertools import repeat

from .._version import __version__
from .conditions import AnyOf, ConclusionPattern, Negation
from .facts import key_text as _text
from .results import Citation, _conclusion, _evidence, _explanation, _support
from .saying import Sayer
from .statuses import model_statuses
from .texts import fill_pieces

__all__ = ["explain", "version"]


class _Builder:
    """Turn a session's records into the attrs objects of the advice, in one language."""

    def __init__(self, session, lang):
        self.session = session
        self.knowledge = session.knowledge
        self.lang = lang
        # Evidence objects are frozen and the same wherever they are cited, so
        # each is built once: at thousands of conclusions this bounds memory.
        self._inputs = {}
        self._cited = {}
        self._labels = {}
        self._shared = _shared_labels(self.knowledge, lang)
        self._parts = {}
        self._shared_parts = _shared_labels(self.knowledge, lang, "parts")
        self._not_given = self.knowledge.message("not_given", lang)
        self._statics = self.knowledge._cache.setdefault("rule_statics", {})
        self._statics_run = {}
        self._words = self.knowledge._cache.setdefault(("rule_words", lang), {})
        # a record's labelled variables, title and explanation, by its key: made once, used by all that cite it
        self._explained = {}
        self._records, self._facts, self._given = session.records, session.inputs, session.memory.values
        # the fields a pattern names in evidence, by id(pattern): kept with the knowledge, whose patterns they are
        self._tested = self.knowledge._cache.setdefault("tested_fields", {})
        # the fields a pattern tests, by id(pattern), where its evidence names all the fact gives as well
        self._tested_own = self.knowledge._cache.setdefault("tested_own_fields", {})
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
        """The evidence of input ``ref`` matched by ``pattern``; built once per input and fields named.

        The summary names the fields the pattern tested.  A tested field the
        case leaves out (a ``known: false`` test) is named as not given, so
        that the evidence says what is missing.  Two patterns that test the
        same fields of one input cite the same evidence.
        """
        given = self._given(ref)  # what the fact gives, as the run kept it (fact.given())
        tested = self._tested.get(id(pattern)) or self.tested(self._facts[ref], given, pattern)
        key = (ref, tested)
        found = self._inputs.get(key)
        if found is None:
            found = self._inputs[key] = self.input_evidence(self._facts[ref], given, tested)
        return found

    def tested(self, fact, given, pattern):
        """The fields of ``fact`` an evidence of ``pattern`` names: those it tested, each once."""
        if isinstance(pattern, AnyOf):
            key = (id(pattern), fact.type)
            matcher = self._any_matchers.get(key)
            if matcher is None:
                matcher = self._any_matchers[key] = pattern.matcher(fact.type)
            pattern = matcher(fact.values)
        tested = self._tested.get(id(pattern))
        if tested is None:
            own = self._tested_own.get(id(pattern))
            if own is None:
                # a field tested twice (a range, say) is named once
                own = tuple(dict.fromkeys([test.field for test in pattern.tests]))
                if own and self.knowledge.facts[fact.type].explain != "all":
                    # the same for every fact the pattern matched: one tuple, whatever the number of partners
                    self._tested[id(pattern)] = own
                    return own
                self._tested_own[id(pattern)] = own
            # then every other field the fact gives, in its order
            tested = tuple(dict.fromkeys((*own, *given)))
        return tested

    def input_evidence(self, fact, given, tested):
        """Evidence of an input fact (whose given fields are ``given``) naming the fields ``tested``."""
        fact_type = fact.type
        # each part's key as self.part makes it, and the parts kept between runs, by C-level maps rather
        # than a loop of lookups: this runs for every field of every evidence
        values = list(map(given.get, tested, repeat(_MISSING)))
        keys = list(zip(repeat(fact_type), tested, values, map(type, values)))
        parts = tuple(map(self._shared_parts.get, keys))
        if None in parts:  # a part of this run only (a partner's: each key is kept in one store), or not made yet
            parts = tuple(map(self._parts.get, keys, parts))
            if None in parts:
                parts = tuple([found or self.part(fact_type, key[1], given) for found, key in zip(parts, keys)])
        # positional: a call by keywords costs more than building the object
        return _evidence("input", f"{fact.path}: " + "; ".join(parts), fact_type, fact.path, given,
                         None, None, None, tested, parts)

    def words(self, rule):
        """What wording a conclusion of ``rule`` needs of the rule, in the advice's language (a :class:`_Words`).

        The same in every run, so kept with the knowledge.
        """
        found = self._words.get(rule.id)
        if found is None:
            found = self._words[rule.id] = _Words(self, rule)
        return found

    def explained(self, key):
        """``(words, labelled variables, title, subject as a key writes it, explanation)`` of the conclusion ``key``.

        Made once per record, for its conclusion and every evidence that cites
        it.  Only the variables its title, text, action or subject show are
        labelled.
        """
        record = self._records[key]
        words = self._words.get(record.rule.id) or self.words(record.rule)
        values = {}
        if words.origins:
            variables, label, shared, run = record.variables, self.label, self._shared, self._labels
            for name, fact_type, field in words.origins:
                value = variables[name]
                if fact_type is None:
                    values[name] = _text(value)
                    continue
                # self.label(fact_type, field, value), its lookups inline (its key, with the types where the value is no text)
                kept = (fact_type, field, value) if type(value) is str else ((fact_type, field, value),
                                                                             (str, str, type(value)))
                values[name] = shared.get(kept) or run.get(kept) or label(fact_type, field, value)
        # a text without placeholders is itself (fill_pieces would say so, at the cost of a call)
        title = words.title_text or fill_pieces(words.title, values)
        patterns = words.patterns
        # what the negations required absent is worded per run where it names a partner
        absent = () if not words.negated else self.statics(record.rule)[2]
        ways = record.supports
        if len(ways) > 1:  # in a fixed order, whatever order the engine found them in
            ways = sorted(ways, key=_way_order)
        cited, evidence_of, supports = self.cited_input, self.conclusion_evidence, []
        for refs in ways:
            # an input's reference is its text (i0, i1...), a conclusion's a (rule id, subject) pair
            if len(refs) == 1:  # most supports: one fact matched, no list and no zip to make
                ref = refs[0]
                evidence = (cited(ref, patterns[0]) if type(ref) is str else evidence_of(ref),)
            else:
                evidence = tuple([cited(ref, pattern) if type(ref) is str else evidence_of(ref)
                                  for ref, pattern in zip(refs, patterns)])
            supports.append(_support(evidence, absent))
        subject = key[1]
        found = self._explained[key] = (
            words, values, title, subject if subject is None or type(subject) is str else _text(subject),
            _explanation(words.id, title, words.basis, words.reason, tuple(supports)))
        return found

    def conclusion_evidence(self, key):
        found = self._cited.get(key)
        if found is None:
            words, values, title, subject, explanation = self._explained.get(key) or self.explained(key)
            # a title with placeholders names what the conclusion is about already
            summary = title if subject is None or words.named else f"{title}: {values[words.subject]}"
            found = self._cited[key] = _evidence("conclusion", summary, None, None, None, words.id,
                                                 subject, explanation, (), ())
        return found

    def reason(self, rule):
        """Why a derived rule holds, in the advice's language (None for a rule from the source)."""
        return None if rule.reason is None else rule.reason.get(self.lang)

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

    def conclusions(self):
        # knowledge.rank(rule id) and the subject as a key writes it, looked up inline: once per conclusion
        ranks, records = self.knowledge._ranks, self._records
        keys = sorted(records, key=lambda key: (ranks[key[0]], records[key].order,
                                                key[1] if type(key[1]) is str else _text(key[1]) or ""))
        explained, explain, out = self._explained, self.explained, []
        for key in keys:  # the conclusion of each, in a loop rather than a call per conclusion
            words, values, title, subject, explanation = explained.get(key) or explain(key)
            # positional, in the order of Conclusion's fields: a call by keywords costs more than building it
            out.append(_conclusion(
                words.id, words.kind, subject,
                # the subject is the value of one of the rule's variables, labelled already
                None if subject is None else values[words.subject],
                words.model, title, words.text_text or fill_pieces(words.text, values), words.basis,
                words.reason, words.sources, explanation, words.priority, words.weight,
                None if words.action is None else fill_pieces(words.action, values)))
        return tuple(out)


class _Words:
    """What wording a conclusion needs of its rule in one language: its fields, its texts split, its variables shown.

    ``origins`` names each variable that the title, text, action or subject
    shows with the fact type and field it takes its values from (None, None
    for one that leads to a conclusion without a subject: shown as it is).
    ``title_text`` and ``text_text`` are the title and text where they have
    no placeholders, else None.
    """

    __slots__ = ("id", "kind", "model", "basis", "reason", "sources", "priority", "weight", "subject",
                 "title", "text", "action", "title_text", "text_text", "named", "origins", "patterns", "negated")

    def __init__(self, builder, rule):
        lang = builder.lang
        self.id, self.kind, self.model, self.basis = rule.id, rule.kind, rule.model, rule.basis
        self.reason, self.sources = builder.reason(rule), builder.citations(rule)
        self.priority, self.weight, self.subject = rule.priority, rule.weight, rule.subject
        self.title, self.text = rule.title.pieces(lang), rule.text.pieces(lang)
        self.action = None if rule.action is None else rule.action.pieces(lang)
        self.title_text = self.title[0] if len(self.title) == 1 else None
        self.text_text = self.text[0] if len(self.text) == 1 else None
        self.named = bool(rule.title.placeholders())
        self.patterns = tuple(rule.positive_patterns())
        self.negated = any(isinstance(condition, Negation) for condition in rule.when)
        shown = dict.fromkeys(self.title[1::2] + self.text[1::2] + (self.action or ())[1::2])
        if rule.subject is not None:
            shown[rule.subject] = None
        knowledge = builder.knowledge
        self.origins = tuple((name, *(knowledge.variable_origin(rule, name) or (None, None))) for name in shown)


#: The most entries one store kept between runs holds (labels and summary parts per knowledge base and language, what explaining needs of the rules per knowledge base).
_SHARED_LABELS = 50_000


#: A field the input fact does not give (a key of the summaries' parts); a variable's origin not looked up yet.
_MISSING = object()


def _way_order(refs):
    """Where a support stands among its conclusion's: by the texts of the facts it rests on."""
    return list(map(str, refs))


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
    conclusions = builder.conclusions()
    return conclusions, model_statuses(session.knowledge, session.inputs.values(), conclusions, lang, builder.label)
