"""How the rule base covers the sources: every model of every source, its rules, and what fires.

A researcher holding the rule base against the sources asks "where is this
model?".  :func:`coverage` answers for every source in the registry: the
models that cite it (in the order of ``models.yaml``), the ids of the rules
that encode each, and which of them fire on the bundled example case.  A
seed document without any model is listed too, so that a gap is visible.

:func:`corpus_coverage` answers the next question, "what do my cases
exercise?": over a corpus of case files, per model and overall, the rules
that fire, the alternatives of ``any`` conditions that a derivation matched,
or the conditions that held, and what no case reaches.

The Markdown rendering is kept in ``knowledge/README.md`` between the
markers :data:`START` and :data:`END`; :func:`update_readme` rewrites it and a
test checks that it is up to date.
"""

import pathlib

import attrs

from ..analysis.knowledge import load_knowledge
from ..engine import whynot
from ..engine.conditions import AnyOf, ConclusionPattern, Negation
from ..case.examples import DEFAULT, example_case
from ..errors import InterorgError
from ..pipeline import advise

__all__ = [
    "END",
    "LEVELS",
    "START",
    "CorpusCoverage",
    "ModelCorpus",
    "ModelCoverage",
    "SourceCoverage",
    "case_files",
    "corpus_coverage",
    "coverage",
    "replace_table",
    "to_dict",
    "to_markdown",
    "to_text",
    "update_readme",
]

#: The markers around the generated table in ``knowledge/README.md``.
START = "<!-- coverage:start -->"
END = "<!-- coverage:end -->"


@attrs.frozen
class ModelCoverage:
    """One model: its id and title, the rules that encode it, and those that fired on the example."""

    id: str
    title: str
    rules: tuple[str, ...]
    fired: tuple[str, ...]


@attrs.frozen
class SourceCoverage:
    """One source of the registry and the models that cite it (none when it has no model yet)."""

    id: str
    kind: str
    title: str
    author: str | None
    year: int | None
    document: str | None
    citation: str | None
    models: tuple[ModelCoverage, ...]

    def label(self):
        """The source in one line: the file of a seed or 'external', the author and year, the title."""
        by = ", ".join(str(part) for part in (self.author, self.year) if part)
        where = self.document if self.kind == "seed" else "external"
        return f"{where}{f' ({by})' if by else ''}: {self.title}"


def coverage(knowledge=None, lang="en", example=DEFAULT):
    """Return the coverage of every source in the registry, in registry order.

    Parameters
    ----------
    knowledge : KnowledgeBase, optional
        By default the knowledge shipped with interorg.
    lang : {'en', 'nl'}
        The language of the model titles.
    example : str
        The bundled example case whose fired rules are counted.

    Returns
    -------
    tuple of SourceCoverage

    Examples
    --------
    >>> kenis = {s.id: s for s in coverage()}["kenis-2011"]
    >>> kenis.models[0].id, kenis.models[0].rules[0]
    ('kenis.need', 'kenis.need.quadrant-i')
    """
    knowledge = knowledge or load_knowledge()
    fired = set(advise(example_case(example), lang=lang, knowledge=knowledge).ids())
    rules_of = {model.id: [] for model in knowledge.models}
    for rule in knowledge.rules:
        rules_of[rule.model].append(rule.id)
    out = []
    for source in knowledge.sources.values():
        models = []
        for model in knowledge.models:
            if any(ref.source == source.id for ref in model.sources):
                rules = tuple(rules_of[model.id])
                models.append(ModelCoverage(model.id, model.title.get(lang), rules,
                                            tuple(rule for rule in rules if rule in fired)))
        out.append(SourceCoverage(source.id, source.kind, source.title, source.author, source.year, source.file,
                                  source.citation, tuple(models)))
    return tuple(out)


def to_dict(sources):
    """The coverage as JSON-ready data: a list of sources, each with its models."""
    return [attrs.asdict(source) for source in sources]


def to_text(sources):
    """The coverage as plain text: per source its models, each rule marked when it fired on the example."""
    lines = []
    for source in sources:
        lines.append(source.label())
        if not source.models:
            lines.append("  no model yet")
        for model in source.models:
            lines.append(f"  {model.id}: {model.title}")
            lines.append(f"    {len(model.rules)} rules, {len(model.fired)} fired on the example")
            lines.extend(f"    [{'x' if rule in model.fired else ' '}] {rule}" for rule in model.rules)
        lines.append("")
    return "\n".join(lines)


def to_markdown(sources):
    """The coverage as a Markdown table, as kept in ``knowledge/README.md``."""
    lines = ["| source | model | rules | fired on the example |", "|---|---|---|---|"]
    for source in sources:
        label = _cell(source.label())
        if not source.models:
            lines.append(f"| {label} | *no model yet* | | |")
        for model in source.models:
            rules = ", ".join(f"`{rule}`" for rule in model.rules)
            lines.append(f"| {label} | `{model.id}`: {_cell(model.title)} | {rules} "
                         f"| {len(model.fired)} of {len(model.rules)} |")
            label = ""
    return "\n".join(lines) + "\n"


def _cell(text):
    return text.replace("|", "\\|")


def update_readme(path, sources=None):
    """Rewrite the coverage table between :data:`START` and :data:`END` in the file at ``path``.

    Returns True when the file changed.  Raises :class:`InterorgError` when
    the markers are missing.
    """
    path = pathlib.Path(path)
    text = path.read_text(encoding="utf-8")
    updated = replace_table(text, to_markdown(sources if sources is not None else coverage()), str(path))
    if updated == text:
        return False
    path.write_text(updated, encoding="utf-8")
    return True


def replace_table(text, table, name="the text"):
    """Return ``text`` with what stands between the markers replaced by ``table``."""
    start, end = text.find(START), text.find(END)
    if start < 0 or end < start:
        raise InterorgError(f"{name}: expected the markers {START} and {END}, in that order")
    return f"{text[:start]}{START}\n{table}{text[end:]}"



# -- coverage over a corpus of cases ---------------------------------------------------

#: What a corpus's coverage counts: rules, alternatives of ``any`` conditions, or conditions.
LEVELS = ("rule", "alternative", "condition")


@attrs.frozen
class ModelCorpus:
    """What the cases of a corpus exercise of one model: the items counted and those reached.

    An item is a rule id (``by='rule'``), ``rule#when[i].any[j]`` for an
    alternative of an ``any`` (a rule without one counts once, as
    ``rule``), or ``rule#when[i]`` for a condition.
    """

    id: str
    title: str
    items: tuple[str, ...]
    reached: tuple[str, ...]

    @property
    def missed(self):
        """The items no case reaches, in the knowledge's order."""
        reached = set(self.reached)
        return tuple(item for item in self.items if item not in reached)

    @property
    def percent(self):
        """The share of items reached, 0 to 100 (100 for a model without items)."""
        return 100.0 * len(self.reached) / len(self.items) if self.items else 100.0


@attrs.frozen
class CorpusCoverage:
    """What a corpus of cases exercises of the rule base, per model and overall.

    Attributes
    ----------
    by : {'rule', 'alternative', 'condition'}
    cases : tuple of str
        The case files, in the order read.
    models : tuple of ModelCorpus
        In the order of the knowledge's models.
    """

    by: str
    cases: tuple[str, ...]
    models: tuple[ModelCorpus, ...]

    @property
    def percent(self):
        """The share of all items reached, 0 to 100."""
        items = sum(len(m.items) for m in self.models)
        return 100.0 * sum(len(m.reached) for m in self.models) / items if items else 100.0

    def to_dict(self):
        """JSON-ready data: the level, the cases, the overall share and each model with what it misses."""
        return {"by": self.by, "cases": list(self.cases), "percent": round(self.percent, 2),
                "models": [{"id": m.id, "title": m.title, "items": len(m.items), "reached": len(m.reached),
                            "percent": round(m.percent, 2), "missed": list(m.missed)} for m in self.models]}

    def to_text(self):
        """Per model the share reached and what no case reaches, then the overall share."""
        lines = [f"coverage by {self.by} over {len(self.cases)} case(s)"]
        for model in self.models:
            lines.append(f"  {model.id}: {len(model.reached)} of {len(model.items)} ({model.percent:.0f}%)")
            lines.extend(f"    [ ] {item}" for item in model.missed)
        lines.append(f"overall: {self.percent:.1f}%")
        return "\n".join(lines) + "\n"

    def to_markdown(self):
        """A table of the models with their share and what no case reaches."""
        lines = [f"Coverage by {self.by} over {len(self.cases)} case(s): {self.percent:.1f}%", "",
                 "| model | reached | not reached |", "|---|---|---|"]
        for model in self.models:
            missed = ", ".join(f"`{item}`" for item in model.missed)
            lines.append(f"| `{model.id}` | {len(model.reached)} of {len(model.items)} ({model.percent:.0f}%) "
                         f"| {missed} |")
        return "\n".join(lines) + "\n"


def case_files(paths):
    """The case files named by ``paths``: files as given; in a directory and its sub-directories
    (links followed), every ``*.yaml``, ``*.yml`` and ``*.json``, sorted by path."""
    out = []
    for path in map(pathlib.Path, paths):
        if path.is_dir():
            out.extend(_files_under(path))
        else:
            out.append(path)
    return out


def _files_under(folder):
    files = []
    for entry in sorted(folder.iterdir()):
        if entry.is_dir() and not entry.name.startswith((".", "_")):
            files.extend(_files_under(entry))
        elif entry.suffix in (".yaml", ".yml", ".json"):
            files.append(entry)
    return files


def _items(rule, by):
    if by == "rule":
        return [rule.id]
    if by == "condition":
        return [f"{rule.id}#when[{index}]" for index in range(len(rule.when))]
    items = [f"{rule.id}#when[{index}].any[{number}]" for index, condition in enumerate(rule.when)
             if isinstance(condition, AnyOf) for number in range(len(condition.alternatives))]
    return items or [rule.id]


def _alternatives_used(rule, conclusion):
    """The items of ``rule``'s ``any`` alternatives that a support of ``conclusion`` matched."""
    positions = [index for index, condition in enumerate(rule.when) if not isinstance(condition, Negation)]
    used = set()
    for support in conclusion.explanation.supports:
        for index, evidence in zip(positions, support.evidence):
            condition = rule.when[index]
            if not isinstance(condition, AnyOf):
                continue
            for number, alternative in enumerate(condition.alternatives):
                if isinstance(alternative, ConclusionPattern):
                    hit = evidence.type == "conclusion" and evidence.rule == alternative.rule
                else:
                    hit = evidence.type == "input" and evidence.fact == alternative.fact and all(
                        test.predicate()((evidence.values or {}).get(test.field)) for test in alternative.tests)
                if hit:
                    used.add(f"{rule.id}#when[{index}].any[{number}]")
    return used


def _reached(advice, knowledge, by):
    if by == "rule":
        return set(advice.ids())
    if by == "alternative":
        reached = set()
        for conclusion in advice.conclusions:
            rule = knowledge.rule(conclusion.id)
            reached.update(_alternatives_used(rule, conclusion) if _items(rule, by) != [rule.id] else {rule.id})
        return reached
    concluded = {(c.id, c.subject) for c in advice.conclusions}
    statuses = whynot.condition_statuses(knowledge, advice.facts, concluded)
    return {f"{rule_id}#when[{status.index}]" for rule_id, of_rule in statuses.items()
            for status in of_rule if status.status == "held"}


def corpus_coverage(cases, by="rule", knowledge=None, lang="en"):
    """What a corpus of cases exercises of the rule base: per model, the items reached and missed.

    Parameters
    ----------
    cases : iterable of str or os.PathLike
        Case files, or directories of them (``*.yaml``, ``*.yml``, ``*.json``).
    by : {'rule', 'alternative', 'condition'}
        What is counted: rules that fire; alternatives of ``any`` conditions
        that a derivation matched (a rule without ``any`` counts once, when
        it fires); or conditions that held on some case (whether or not
        their rule fired).
    knowledge : KnowledgeBase, optional
    lang : {'en', 'nl'}
        The language of the model titles.

    Returns
    -------
    CorpusCoverage

    Raises
    ------
    InterorgError
        If ``by`` is not a level, or there is no case.

    Examples
    --------
    >>> import interorg
    >>> with interorg.example_path() as path:
    ...     result = corpus_coverage([path], by="rule")
    >>> round(result.percent) < 100, result.models[0].id
    (True, 'kenis.need')
    """
    if by not in LEVELS:
        raise InterorgError(f"coverage by '{by}' is not known; expected one of {', '.join(LEVELS)}")
    files = case_files(cases)
    if not files:
        raise InterorgError("no case files given: name case files or directories holding them")
    knowledge = knowledge or load_knowledge()
    reached = set()
    for path in files:
        reached |= _reached(advise(path, lang=lang, knowledge=knowledge), knowledge, by)
    models = []
    for model in knowledge.models:
        items = tuple(item for rule in knowledge.rules if rule.model == model.id for item in _items(rule, by))
        models.append(ModelCorpus(model.id, model.title.get(lang), items,
                                  tuple(item for item in items if item in reached)))
    return CorpusCoverage(by, tuple(str(p) for p in files), tuple(models))
