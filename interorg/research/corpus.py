"""What a corpus of cases exercises of the rule base: per model and overall, and what no case reaches.

Over a corpus of case files, :func:`corpus_coverage` counts the rules that
fire, the alternatives of ``any`` conditions that a derivation matched, or
the conditions that held, and lists what no case reaches, in the language
asked for.
"""

import os
import pathlib

import attrs

from ..analysis.knowledge import knowledge_base, load_knowledge
from ..engine import whynot
from ..engine.conditions import AnyOf, ConclusionPattern, Negation
from ..engine.translation import problems_in_lang
from ..engine.wording import counted, fill, format_number
from ..errors import InterorgError
from ..pipeline import advise
from ..utils.arguments import items

__all__ = ["LEVELS", "CorpusCoverage", "ModelCorpus", "case_files", "corpus_coverage"]

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


@attrs.frozen(repr=False)
class CorpusCoverage:
    """What a corpus of cases exercises of the rule base, per model and overall.

    Attributes
    ----------
    by : {'rule', 'alternative', 'condition'}
    cases : tuple of str
        The case files, in the order read.
    models : tuple of ModelCorpus
        In the order of the knowledge's models.
    lang : {'en', 'nl'}
        The language of the renderings.
    threshold : float or None
        The share, 0 to 100, below which the corpus fails (see :attr:`passed`).
    """

    by: str
    cases: tuple[str, ...]
    models: tuple[ModelCorpus, ...]
    lang: str = "en"
    threshold: float | None = None

    def __repr__(self):
        return f"<CorpusCoverage by {self.by} of {len(self.cases)} cases: {self.percent}%>"

    @property
    def percent(self):
        """The share of all items reached, 0 to 100."""
        items = sum(len(m.items) for m in self.models)
        return 100.0 * sum(len(m.reached) for m in self.models) / items if items else 100.0

    @property
    def passed(self):
        """False when a threshold is set and the share reached is below it."""
        return self.threshold is None or self.percent >= self.threshold

    def below_threshold(self):
        """The sentence saying the share is below the threshold, in :attr:`lang`; None when it is not.

        Examples
        --------
        >>> result = CorpusCoverage("rule", ("a.yaml",), (ModelCorpus("m", "M", ("r", "s"), ("r",)),),
        ...                         lang="nl", threshold=60)
        >>> result.below_threshold()
        'dekking 50,0% ligt onder de drempel van 60%'
        """
        if self.passed:
            return None
        return fill(self._message("coverage_below"), percent=format_number(self.percent, self.lang, "0.0"),
                    threshold=format_number(self.threshold, self.lang, "0.###"))

    def to_dict(self):
        """JSON-ready data: the level, the cases, the overall share, the threshold and each model's misses."""
        return {"by": self.by, "cases": list(self.cases), "percent": round(self.percent, 2),
                "threshold": self.threshold, "passed": self.passed,
                "models": [{"id": m.id, "title": m.title, "items": len(m.items), "reached": len(m.reached),
                            "percent": round(m.percent, 2), "missed": list(m.missed)} for m in self.models]}

    def to_text(self):
        """Per model the share reached and what no case reaches, then the overall share and the threshold."""
        lines = [self._heading("coverage_heading")]
        for model in self.models:
            lines.append(f"  {model.id}: {self._share(model)}")
            lines.extend(f"    [ ] {item}" for item in model.missed)
        lines.append(fill(self._message("coverage_overall"), percent=format_number(self.percent, self.lang, "0.0")))
        if not self.passed:
            lines.append(self.below_threshold())
        return "\n".join(lines) + "\n"

    def to_markdown(self):
        """A table of the models with their share and what no case reaches."""
        header = [self._message(key) for key in ("coverage_col_model", "coverage_col_reached", "coverage_col_missed")]
        lines = [self._heading("coverage_title"), "", f"| {' | '.join(header)} |", "|---|---|---|"]
        for model in self.models:
            missed = ", ".join(f"`{item}`" for item in model.missed)
            lines.append(f"| `{model.id}` | {self._share(model)} | {missed} |")
        if not self.passed:
            lines += ["", self.below_threshold() + "."]
        return "\n".join(lines) + "\n"

    def _message(self, key):
        return _messages()[key].get(self.lang)

    def _heading(self, key):
        messages = {k: text.get(self.lang) for k, text in _messages().items() if k.startswith(key)}
        return counted(messages, key, len(self.cases), self.lang, by=self._message(f"coverage_by_{self.by}"),
                       percent=format_number(self.percent, self.lang, "0.0"))

    def _share(self, model):
        return fill(self._message("coverage_share"), reached=len(model.reached), items=len(model.items),
                    percent=format_number(model.percent, self.lang, "0"))


def _messages():
    return load_knowledge().messages


def case_files(paths):
    """The case files named by ``paths``: files as given; in a directory and its sub-directories
    (links followed), every ``*.yaml``, ``*.yml`` and ``*.json``, sorted by path.

    ``paths`` is one path (a str or os.PathLike) or a sequence of them.

    Each real directory is walked once and each real file found in one is
    listed once, under the first path that reaches it: a link back to a folder above
    (``self -> .``) would otherwise count the same cases again and again, and
    two such links would walk without end.
    """
    out, seen_files, seen_folders = [], set(), set()
    for path in map(pathlib.Path, _paths(paths)):
        if not path.is_dir():
            out.append(path)  # a file named is taken as given, even when a folder holds it too
            seen_files.add(_real(path))
            continue
        for file in _files_under(path, seen_folders):
            real = _real(file)
            if real not in seen_files:
                seen_files.add(real)
                out.append(file)
    return out


def _paths(paths):
    return items(paths, "cases", "the path of a case file or of a folder of them", of=(str, os.PathLike))


def _real(path):
    """The path with every link resolved, or as given where it cannot be resolved (a broken link)."""
    try:
        return path.resolve(strict=True)
    except (OSError, RuntimeError):  # RuntimeError: a loop of links on Python < 3.13
        return path.absolute()


def _files_under(folder, seen):
    """The case files in ``folder`` and below, in sorted order; a folder whose real path is in ``seen`` is skipped."""
    real = _real(folder)
    if real in seen:  # reached again through a link: its files are listed already
        return []
    seen.add(real)
    files = []
    for entry in sorted(folder.iterdir()):
        if entry.is_dir() and not entry.name.startswith((".", "_")):
            files.extend(_files_under(entry, seen))
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


@problems_in_lang
def corpus_coverage(cases, by="rule", knowledge=None, lang="en", threshold=None):
    """What a corpus of cases exercises of the rule base: per model, the items reached and missed.

    Parameters
    ----------
    cases : str, os.PathLike, or iterable of them
        Case files, or directories of them (``*.yaml``, ``*.yml``, ``*.json``);
        one path alone is one file or directory.
    by : {'rule', 'alternative', 'condition'}
        What is counted: rules that fire; alternatives of ``any`` conditions
        that a derivation matched (a rule without ``any`` counts once, when
        it fires); or conditions that held on some case (whether or not
        their rule fired).
    knowledge : KnowledgeBase, str or os.PathLike, optional
        A knowledge base, or the path of a knowledge folder; by default the
        knowledge shipped with interorg.
    lang : {'en', 'nl'}
        The language of the model titles and of the renderings.
    threshold : float, optional
        The share, 0 to 100, below which the result has ``passed`` False.

    Returns
    -------
    CorpusCoverage

    Raises
    ------
    InterorgError
        If ``by`` is not a level, or there is no case.
    UsageError
        If ``cases`` holds something other than paths, or ``knowledge``
        is neither a knowledge base nor a path.

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
    knowledge = knowledge_base(knowledge)
    files = case_files(cases)
    if not files:
        raise InterorgError("no case files given: name case files or directories holding them")
    reached = set()
    for path in files:
        reached |= _reached(advise(path, lang=lang, knowledge=knowledge), knowledge, by)
    models = []
    for model in knowledge.models:
        items = tuple(item for rule in knowledge.rules if rule.model == model.id for item in _items(rule, by))
        models.append(ModelCorpus(model.id, model.title.get(lang), items,
                                  tuple(item for item in items if item in reached)))
    return CorpusCoverage(by, tuple(str(p) for p in files), tuple(models), lang, threshold)
