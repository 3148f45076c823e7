"""How the rule base covers the sources: every model of every source, its rules, and what fires.

A researcher holding the rule base against the sources asks "where is this
model?".  :func:`coverage` answers for every source in the registry: the
models that cite it (in the order of ``models.yaml``), the ids of the rules
that encode each, and which of them fire on the bundled example case.  A
seed document without any model is listed too, so that a gap is visible.

:func:`corpus_coverage` (in :mod:`.corpus`) answers the next question,
"what do my cases exercise?".

The Markdown rendering is kept in ``knowledge/README.md`` between the
markers :data:`START` and :data:`END`; :func:`update_readme` rewrites it and a
test checks that it is up to date.
"""

import pathlib

import attrs

from ..analysis.knowledge import knowledge_base, load_knowledge
from ..case.examples import DEFAULT, example_case
from ..engine.translation import problems_in_lang
from ..engine.wording import fill
from ..errors import InterorgError
from ..pipeline import advise
# corpus coverage lives in .corpus; its names stay importable from here, where they were first
from .corpus import LEVELS, CorpusCoverage, ModelCorpus, case_files, corpus_coverage

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

    def label(self, lang="en"):
        """The source in one line: the file of a seed or 'external', the author and year, the title."""
        by = ", ".join(str(part) for part in (self.author, self.year) if part)
        where = self.document if self.kind == "seed" else _message("coverage_external", lang)
        return f"{where}{f' ({by})' if by else ''}: {self.title}"


@problems_in_lang
def coverage(knowledge=None, lang="en", example=DEFAULT):
    """Return the coverage of every source in the registry, in registry order.

    Parameters
    ----------
    knowledge : KnowledgeBase, str or os.PathLike, optional
        A knowledge base, or the path of a knowledge folder; by default the
        knowledge shipped with interorg.
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
    knowledge = knowledge_base(knowledge)
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


def _message(key, lang):
    return load_knowledge().messages[key].get(lang)


def to_text(sources, lang="en"):
    """The coverage as plain text in ``lang``: per source its models, each rule marked when it fired on the example."""
    lines = []
    for source in sources:
        lines.append(source.label(lang))
        if not source.models:
            lines.append("  " + _message("coverage_no_model", lang))
        for model in source.models:
            lines.append(f"  {model.id}: {model.title}")
            lines.append("    " + fill(_message("coverage_fired", lang), rules=len(model.rules),
                                         fired=len(model.fired)))
            lines.extend(f"    [{'x' if rule in model.fired else ' '}] {rule}" for rule in model.rules)
        lines.append("")
    return "\n".join(lines)


def to_markdown(sources, lang="en"):
    """The coverage as a Markdown table in ``lang``; in English as kept in ``knowledge/README.md``."""
    lines = [_message("coverage_table_header", lang), "|---|---|---|---|"]
    for source in sources:
        label = _cell(source.label(lang))
        if not source.models:
            lines.append(f"| {label} | *{_message('coverage_no_model', lang)}* | | |")
        for model in source.models:
            rules = ", ".join(f"`{rule}`" for rule in model.rules)
            fired = fill(_message("coverage_fired_of", lang), fired=len(model.fired), rules=len(model.rules))
            lines.append(f"| {label} | `{model.id}`: {_cell(model.title)} | {rules} | {fired} |")
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
