"""Static analysis of a knowledge base over its finite vocabulary: what can never fire, what repeats, what clashes, what is missing.

Every check reasons over the rules as sets of inputs (:mod:`.symbolic`),
so it is exhaustive over the values that matter without running a case:

- ``never``: a rule whose conditions can never hold together (tests that
  contradict each other, or a chain to a rule that can never fire);
- ``duplicate`` and ``subsumed``: two rules with the same conclusion (the
  same model, kind and title) where one fires whenever the other does;
- ``exclusive``: two conclusions of an exclusive group
  (``knowledge.exclusions``) that can both be drawn for one subject, unless
  a declared defeat between them settles which one stands;
- ``gap``: for a classifying model (the rules of an exclusive group),
  inputs with all the model's ``needs`` known on which none of them fires;
- ``dead-end``: a ``step`` that no rule uses and nothing else names;
- ``bounded``: a rule whose analysis stopped at the limit of alternatives,
  about which nothing is claimed.

The first three are errors, the others warnings (a gap can be what a model
means: no quadrant while a level is unknown).  A clash of an exclusive group
is an error only when a run of the rules on its witness draws both; the
symbolic form is about one subject, and a clash it finds but no run
confirms is a warning.  Each finding names the file, the rule and, where
there is one, a witness: the inputs that show it.
"""

import functools

import attrs

from .conditions import ConclusionPattern, FactPattern
from .facts import InputFact
from .session import run
from .symbolic import OTHER, PRESENT, Bounded, Space, base_type

__all__ = ["Verification", "VerifyFinding", "Words", "verify_knowledge"]

_SHOWN_WITNESSES = 3
#: The witnesses of a clash tried in a run before it is reported unconfirmed.
_CONFIRMATIONS = 4
#: The largest union of inputs without a conclusion of a group that is expanded.
_GAP_LIMIT = 120


@attrs.frozen
class VerifyFinding:
    """One thing the verifier found.

    Attributes
    ----------
    severity : {'error', 'warning'}
    check : str
        ``never``, ``duplicate``, ``subsumed``, ``exclusive``, ``gap``,
        ``dead-end`` or ``bounded``.
    file : str
        The rules file (or ``conflicts.yaml`` for a group).
    rule : str
        The rule (or exclusive group) it is about.
    message : str
    witness : tuple of (str, str)
        Case paths and values that show it; empty where there is none.
    line, column : int or None
        Where in the file, for a problem of a folder that does not load
        (``check`` is ``load`` and ``rule`` the path in the file).
    """

    severity: str
    check: str
    file: str
    rule: str
    message: str
    witness: tuple = ()
    line: int | None = None
    column: int | None = None

    def __str__(self):
        where = f"{self.rule}{_located(self.line, self.column)}"
        text = f"{self.file}: {where}: {self.message}" if where else f"{self.file}: {self.message}"
        if self.witness:
            text += "; witness: " + ", ".join(f"{path} = {value}" for path, value in self.witness)
        return text


@attrs.frozen(repr=False)
class Verification:
    """What :func:`verify_knowledge` found, errors first, in the knowledge's order.

    ``bounded`` names the rules, and the exclusive groups whose gaps were
    not searched to the end, whose analysis was cut short (and why);
    ``rules`` and ``groups`` count what was checked; ``more`` the errors of
    a knowledge folder that is refused past those its error keeps (said in
    the last finding, counted in the summary).
    """

    findings: tuple
    bounded: dict
    rules: int
    groups: int
    more: int = 0

    def __repr__(self):  # one line: the findings run to thousands of characters
        return f"<Verification: {_summary(self._error_count(), len(self.warnings), self.rules, self.groups)}>"

    @property
    def errors(self):
        """The findings of severity ``error``."""
        return tuple(f for f in self.findings if f.severity == "error")

    def _error_count(self):
        # the line that says how many more there are is no error of its own
        return len(self.errors) + (self.more - 1 if self.more else 0)

    @property
    def warnings(self):
        """The findings of severity ``warning``."""
        return tuple(f for f in self.findings if f.severity == "warning")

    @property
    def ok(self):
        """True when there is no error."""
        return not self.errors

    def to_dict(self):
        """JSON-ready data: the counts and every finding."""
        return {"ok": self.ok, "rules": self.rules, "groups": self.groups, "bounded": dict(self.bounded),
                "errors": self._error_count(), "warnings": len(self.warnings),
                "findings": [{**attrs.asdict(f), "witness": [list(w) for w in f.witness]}
                             for f in self.findings]}

    def to_text(self, words=None):
        """One line per finding, then a summary line.

        ``words`` (see :class:`Words`) gives the report in another language;
        by default it is English.
        """
        words = words or Words()
        lines = []
        for f in self.findings:
            where = f"{f.rule}{words.located(f.line, f.column)}"
            where = f"{f.file}: {where}" if where else f.file  # a problem of a whole file names no rule
            text = f"{words.severity[f.severity]}: {where}: {words.say(f.message)}"
            if f.witness:
                text += f"; {words.witness}: " + ", ".join(f"{words.say(p)} = {words.value(v)}" for p, v in f.witness)
            lines.append(text)
        lines.append(words.summary(self._error_count(), len(self.warnings), self.rules, self.groups))
        return "\n".join(lines) + "\n"

    def to_markdown(self, words=None):
        """The findings as a Markdown table (in the language of ``words``, English by default)."""
        words = words or Words()
        lines = [words.table_header, "|---|---|---|---|---|---|"]
        for f in self.findings:
            witness = ", ".join(f"`{words.say(p)} = {words.value(v)}`" for p, v in f.witness)
            rule = f"`{f.rule}`" if f.rule else ""
            lines.append(f"| {words.severity[f.severity]} | {f.check} | {f.file} | {rule}{words.located(f.line, f.column)} "
                         f"| {words.say(f.message).replace('|', '/')} | {witness} |")
        lines += ["", words.summary(self._error_count(), len(self.warnings), self.rules, self.groups) + "."]
        return "\n".join(lines) + "\n"


def _count(number, word):
    return f"{number} {word}" + ("" if number == 1 else "s")


def _located(line, column):
    """`` (line 3, column 5)`` after a place in a file; nothing where the line is not known."""
    return "" if line is None else f" (line {line}" + ("" if column is None else f", column {column}") + ")"


def _summary(errors, warnings, rules, groups):
    return f"{_count(errors, 'error')}, {_count(warnings, 'warning')} ({rules} rules, {groups} exclusive groups checked)"


@attrs.frozen
class Words:
    """The words of a verification's report in one language; English by default.

    Attributes
    ----------
    severity : dict of str to str
        ``error`` and ``warning`` as the report writes them.
    witness : str
        The word before a finding's witness.
    table_header : str
        The header row of the Markdown table.
    summary : callable
        ``summary(errors, warnings, rules, groups)``: the last line.
    say : callable
        ``say(text)``: a finding's English message, or a path of its
        witness, in the report's language.
    value : callable
        ``value(text)``: a value of a witness as the report writes it (the
        verifier's own ``given`` and ``unknown`` in its language).
    located : callable
        ``located(line, column)``: `` (line 3, column 5)`` after a place in
        a file, or nothing where the line is not known.
    """

    severity: dict = attrs.field(factory=lambda: {"error": "error", "warning": "warning"})
    witness: str = "witness"
    table_header: str = "| severity | check | file | rule | what | witness |"
    summary: object = _summary
    say: object = str
    value: object = str
    located: object = _located


class _Verifier:
    def __init__(self, knowledge, singletons, used, limit, witness_path=None):
        self.knowledge = knowledge
        self.witness_path = witness_path
        self.space = Space(knowledge, singletons, limit)
        self.used = set(used)
        self.findings = []
        self.bounded_groups = {}

    def add(self, severity, check, rule, message, cube=None, file=None):
        witness = self.witness(cube) if cube is not None else ()
        file = file or self.knowledge.rule(rule).file or self.knowledge.rule(rule).model
        self.findings.append(VerifyFinding(severity, check, file, rule, message, witness))

    def witness(self, cube):
        """A cube's witness as case paths: ``care.demand = complex``."""
        out, numbers = [], {}
        for instance, fields in self.space.witness(cube).items():
            fact = base_type(instance)
            path = self.knowledge.facts[fact].case_path
            numbers.setdefault(fact, {})
            index = numbers[fact].setdefault(instance, len(numbers[fact]))
            if fact not in self.space.singletons:
                path = f"{path}[{index}]"
            # the domain writes a fact's fields as a case file has them, where it knows how
            written = functools.partial(self.witness_path, fact, index, values=fields) \
                if self.witness_path else (lambda field: None)
            if not fields:
                out.append((written(None) or path, "given"))
            for field, value in fields.items():
                shown = "unknown" if value is None else "given" if value == OTHER else _show(value)
                where = written(field)
                if where != "":  # "": the field is in the path already (a cell's key)
                    out.append((where or f"{path}.{field}", shown))
        return tuple(out)

    def facts_of(self, cube):
        """Input facts for a cube's witness: what the engine would see on such a case."""
        facts = []
        for instance, fields in self.space.witness(cube).items():
            fact = base_type(instance)
            tag = instance.partition("#")[2]
            values = {field: (f"x{tag}" if value == OTHER else value) for field, value in fields.items()}
            facts.append(InputFact(fact, {k: v for k, v in values.items() if v is not None}, instance))
        return facts

    def drawn_together(self, cube, rule_ids):
        """Whether a run on the cube's witness draws every one of ``rule_ids`` for one subject."""
        records = run(self.knowledge, self.facts_of(cube)).records
        subjects = [{subject for rule, subject in records if rule == rule_id} for rule_id in rule_ids]
        return bool(set.intersection(*subjects)) if all(subjects) else False

    def never(self):
        for rule in self.knowledge.rules:
            formula = self.space.rule(rule.id)
            if formula != []:
                continue
            reason = "its conditions cannot hold together"
            for index, condition in enumerate(rule.when):
                if isinstance(condition, ConclusionPattern) and self.space.rule(condition.rule) == []:
                    reason = f"when[{index}] chains to {condition.rule}, which can never fire"
                    break
                if isinstance(condition, FactPattern) and self.space.condition(condition) == []:
                    reason = f"the tests of when[{index}] contradict each other: {condition.describe()}"
                    break
            self.add("error", "never", rule.id, f"can never fire: {reason}")

    def repeated(self):
        groups = {}
        for rule in self.knowledge.rules:
            groups.setdefault((rule.model, rule.kind, rule.title.en, rule.subject), []).append(rule)
        for rules in groups.values():
            for i, narrow in enumerate(rules):
                for broad in rules[:i] + rules[i + 1:]:
                    self._compare(narrow, broad, rules.index(broad) < i)

    def _compare(self, narrow, broad, broad_first):
        a, b = self.space.rule(narrow.id), self.space.rule(broad.id)
        if not a or not b or self.space.conjoin(a, self.space.negate(b)):
            return
        only_broad = self.space.conjoin(b, self.space.negate(a))
        if not only_broad:
            if broad_first:  # report a duplicate once, on the later rule
                self.add("error", "duplicate", narrow.id,
                         f"duplicates {broad.id}: the same conclusion on exactly the same inputs")
            return
        self.add("error", "subsumed", narrow.id,
                 f"is subsumed by {broad.id}: that rule draws the same conclusion whenever this one fires, "
                 f"and also where the witness shows", only_broad[0])

    def exclusive(self):
        # a declared defeat between two members settles their clash at run time
        settled = {frozenset((d.winner, d.loser)) for d in self.knowledge.defeats}
        for group in self.knowledge.exclusions:
            formulas = {rule_id: self.space.rule(rule_id) for rule_id in group.rules}
            for i, first in enumerate(group.rules):
                for second in group.rules[i + 1:]:
                    if formulas[first] is None or formulas[second] is None \
                            or frozenset((first, second)) in settled:
                        continue
                    both = self.space.conjoin(formulas[first], formulas[second])
                    if not both:
                        continue
                    confirmed = next((cube for cube in both[:_CONFIRMATIONS]
                                      if self.drawn_together(cube, (first, second))), None)
                    if confirmed is not None:
                        self.add("error", "exclusive", second,
                                 f"can be drawn with {first} for one subject, but the exclusive group "
                                 f"{group.id} allows only one", confirmed)
                    else:
                        self.add("warning", "exclusive", second,
                                 f"may be drawn with {first} (exclusive group {group.id}): the analysis finds "
                                 f"such inputs, but a run on them does not draw both", both[0])

    def gaps(self):
        for group in self.knowledge.exclusions:
            formulas = [self.space.rule(rule_id) for rule_id in group.rules]
            if any(f is None for f in formulas):
                continue
            model = self.knowledge.model(self.knowledge.rule(group.rules[0]).model)
            known = [{}]
            # of a need's alternatives, the one the group's rules test: the whole case's field or an item's
            tested = {pattern.fact for rule_id in group.rules for pattern in self.knowledge.rule(rule_id).when
                      if isinstance(pattern, FactPattern)}
            for alternatives in model.need_alternatives():
                fact, field = next((a for a in alternatives if a[0] in tested), alternatives[0])
                key = (fact, field or PRESENT)
                allowed = frozenset(v for v in self.space.domain(key) if v is not None and v is not False) \
                    if not field else frozenset(v for v in self.space.domain(key) if v is not None)
                known = self.space.conjoin(known, [{key: allowed}])
            origin = self.space.subject_origin(group.rules[0])
            if origin is not None:  # what a conclusion is about is always given: a relationship's id
                allowed = frozenset(v for v in self.space.domain(origin) if v is not None)
                known = self.space.conjoin(known, [{origin: allowed}])
            limit, self.space.limit = self.space.limit, _GAP_LIMIT
            try:
                none = known
                for formula in formulas:  # one cube at a time keeps the complement small
                    for cube in formula:
                        none = self.space.conjoin(none, self.space.negate([cube]))
            except Bounded as exc:
                self.bounded_groups[group.id] = f"gaps not searched to the end: {exc}"
                self.add("warning", "bounded", group.rules[0], f"the gaps of the group {group.id} were not "
                         f"searched to the end: {exc}", file="conflicts.yaml")
                continue
            finally:
                self.space.limit = limit
            shown = {}
            for cube in none:
                shown.setdefault(self.witness(cube), cube)
            for cube in list(shown.values())[:_SHOWN_WITNESSES]:
                self.add("warning", "gap", group.rules[0],
                         f"with all the needs of {model.id} known, no conclusion of the group {group.id} "
                         f"is drawn (such input patterns: {len(none)})", cube)

    def dead_ends(self):
        graph = self.knowledge.dependency_graph()
        for rule in self.knowledge.rules:
            if rule.is_step and not graph.out_degree(rule.id) and rule.id not in self.used:
                self.add("warning", "dead-end", rule.id,
                         "is a step that no rule uses and nothing shows: its conclusion goes nowhere")

    def bounded(self):
        for rule_id, reason in self.space.bounded.items():
            self.add("warning", "bounded", rule_id, f"not analysed to the end: {reason}")


def _show(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def verify_knowledge(knowledge, singletons=(), used=(), limit=400, witness_path=None):
    """Check a knowledge base over its whole vocabulary, without running a case.

    Parameters
    ----------
    knowledge : KnowledgeBase
    singletons : iterable of str
        Fact types a case gives at most once (two conditions on one are
        about the same fact).
    used : iterable of str
        Rule ids that something outside the rules names (the domain's
        instruments), so that their steps are not dead ends.
    limit : int
        The largest union of alternatives expanded per rule; a rule past it
        is reported as ``bounded`` and not judged.
    witness_path : callable, optional
        ``witness_path(fact type, number, field, values)``: the path of a
        fact's field in the domain's input ("" when the path holds it
        already, None when it does not know); by default the vocabulary's
        ``case_path`` and the field.

    Returns
    -------
    Verification

    Examples
    --------
    >>> import interorg
    >>> result = verify_knowledge(interorg.load_knowledge(), singletons={"care", "governance"})
    >>> result.errors
    ()
    """
    verifier = _Verifier(knowledge, singletons, used, limit, witness_path)
    for check in (verifier.never, verifier.repeated, verifier.exclusive, verifier.gaps,
                  verifier.dead_ends, verifier.bounded):
        check()
    rank = {rule.id: index for index, rule in enumerate(knowledge.rules)}
    findings = sorted(verifier.findings, key=lambda f: (f.severity != "error", rank.get(f.rule, -1)))
    return Verification(tuple(findings), {**verifier.space.bounded, **verifier.bounded_groups}, len(knowledge.rules),
                        len(knowledge.exclusions))
