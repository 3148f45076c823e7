"""Read the files of a knowledge directory and check them against each other.

The generic files (sources, vocabulary, models, messages, rules) are read
here.  A domain adds files of its own as :class:`Extension` records: each
names a file, the attrs class it is read into, and a check against the rest
of the knowledge; the engine reads it with the same reporting of problems.
"""

import pathlib

import attrs

from ..errors import KnowledgeError, Problem
from ..utils import documents
from ..utils.structure import INVALID, structure
from .conditions import AnyOf, ConclusionPattern, FactPattern, Negation
from .rulebase import FactType, KnowledgeBase, Model, Rule, Source, Text

__all__ = ["Checker", "Extension", "duplicates", "load_rule_base", "read_knowledge"]

#: Fact type names the engine declares itself; the vocabulary may not use them.
RESERVED_FACTS = ("conclusion",)


@attrs.frozen
class _SourcesFile:
    about: str
    sources: tuple[Source, ...]


@attrs.frozen
class _VocabularyFile:
    about: str
    facts: dict[str, FactType]


@attrs.frozen
class _ModelsFile:
    about: str
    models: tuple[Model, ...]


@attrs.frozen
class _MessagesFile:
    about: str
    messages: dict[str, Text]


@attrs.frozen
class Extension:
    """A file of a knowledge directory that a domain adds to the generic ones.

    Attributes
    ----------
    file : str
        Its path in the directory, as ``scan.yaml``.
    record_type : type
        The attrs class the whole file is read into (strictly: unknown keys
        are problems).
    fields : tuple of str
        The attributes of the read record passed on, under the same names,
        to the knowledge base class.
    check : callable
        ``check(record, checker, file)``, called when the file was read; it
        reports problems with ``checker.problem(file, path, message)`` and
        may use ``checker.check_source_refs`` and ``checker.rules``.
    """

    file: str
    record_type: type
    fields: tuple
    check: object


@attrs.frozen
class _RulesFile:
    about: str
    model: str
    rules: tuple[Rule, ...]


class _Reader:
    """Reads the files of one knowledge directory, collecting problems across files."""

    def __init__(self, root):
        self.root = root
        self.problems = []

    def read(self, relative, record_type):
        resource = self.root.joinpath(*relative.split("/"))
        try:
            text = resource.read_text(encoding="utf-8")
            document = documents.parse_document(text, relative, KnowledgeError)
        except OSError as exc:
            self.problems.append(Problem("", f"cannot read the file: {exc}", file=relative))
            return None
        except KnowledgeError as exc:
            self.problems.extend(attrs.evolve(p, file=relative) for p in exc.problems)
            return None
        found = []
        value = structure(record_type, document.data, "", found)
        self.problems.extend(attrs.evolve(document.locate(p), file=relative) for p in found)
        return None if value is INVALID else value

    def folder(self, name):
        """The YAML files of a sub-folder and its folders, as relative paths in name order.

        A model's rules may be split over a folder of files (one per
        archetypical problem, say); sorting by path keeps their order.
        """
        return sorted(self._yaml_files(self.root.joinpath(name), name))

    def _yaml_files(self, folder, relative):
        for entry in folder.iterdir():
            if entry.is_dir() and not entry.name.startswith(("_", ".")):
                yield from self._yaml_files(entry, f"{relative}/{entry.name}")
            elif entry.name.endswith((".yaml", ".yml")):
                yield f"{relative}/{entry.name}"


def duplicates(items, what, file, problems, path):
    seen = {}
    for index, item in enumerate(items):
        if item.id in seen:
            problems.append(Problem(f"{path}[{index}].id",
                                    f"duplicate {what} id '{item.id}' (first at {path}[{seen[item.id]}])", file=file))
        else:
            seen[item.id] = index


class Checker:
    """Cross-reference checks: ids, sources, vocabulary, variables and chaining."""

    def __init__(self, sources, facts, models, rules, problems, complete=("sources", "vocabulary", "models")):
        self.sources = sources
        self.facts = facts
        self.models = models
        self.rules = rules
        self.problems = problems
        # A registry that did not load would make every reference to it look
        # unknown; such references are not checked until it loads.
        self.complete = set(complete)

    def problem(self, file, path, message):
        self.problems.append(Problem(path, message, file=file))

    def check_vocabulary(self, defined_in):
        for name, fact_type in self.facts.items():
            file = defined_in[name]
            if name in RESERVED_FACTS:
                self.problem(file, f"facts.{name}", f"'{name}' is reserved for the engine")
            for field, field_def in fact_type.fields.items():
                path = f"facts.{name}.fields.{field}"
                if field_def.type == "enum" and not field_def.values:
                    self.problem(file, path, "an enum field needs its 'values'")
                if field_def.type in ("number", "text", "partner") and field_def.values:
                    self.problem(file, path, f"a {field_def.type} field takes no 'values'")
                if field.startswith("_"):
                    self.problem(file, path, "field names may not start with '_'")

    def check_source_refs(self, refs, file, path):
        if "sources" not in self.complete:
            return
        for index, ref in enumerate(refs):
            if ref.source not in self.sources:
                self.problem(file, f"{path}[{index}].source",
                             f"unknown source '{ref.source}'; expected one of {', '.join(sorted(self.sources))}")

    def check_sources(self, file):
        for index, source in enumerate(self.sources.values()):
            if source.kind == "seed" and not source.file:
                self.problem(file, f"sources[{index}]", f"seed source '{source.id}' needs its 'file'")
            if source.kind == "external" and not source.citation:
                self.problem(file, f"sources[{index}]", f"external source '{source.id}' needs its 'citation'")

    def check_models(self, file):
        for index, model in enumerate(self.models):
            self.check_source_refs(model.sources, file, f"models[{index}].sources")
            for n, need in enumerate(model.needs):
                fact, _, field = need.partition(".")
                if fact not in self.facts and "vocabulary" not in self.complete:
                    continue
                if fact not in self.facts:
                    self.problem(file, f"models[{index}].needs[{n}]", f"unknown fact type '{fact}'")
                elif field and field not in self.facts[fact].fields:
                    self.problem(file, f"models[{index}].needs[{n}]", f"fact '{fact}' has no field '{field}'")

    def check_rule(self, rule, file, path):
        if rule.basis == "derived" and not rule.reason:
            self.problem(file, path, f"rule '{rule.id}' is derived and needs a one-line 'reason'")
        self.check_source_refs(rule.sources, file, f"{path}.sources")
        bound = set()
        for index, condition in enumerate(rule.when):
            negated = isinstance(condition, Negation)
            pattern = condition.pattern if negated else condition
            where = f"{path}.when[{index}]" + (".not" if negated else "")
            if isinstance(pattern, AnyOf):
                for number, alternative in enumerate(pattern.alternatives):
                    self.check_pattern(alternative, file, f"{where}.any[{number}]")
            else:
                self.check_pattern(pattern, file, where)
            if not negated:
                bound.update(pattern.variables())
        for text_name in ("title", "text"):
            for name in sorted(getattr(rule, text_name).placeholders() - bound):
                self.problem(file, f"{path}.{text_name}", f"placeholder '{{{name}}}' names no variable bound in 'when'")
        if rule.subject is not None and rule.subject not in bound:
            self.problem(file, f"{path}.subject", f"subject '{rule.subject}' names no variable bound in 'when'")

    def check_pattern(self, pattern, file, where):
        if isinstance(pattern, FactPattern):
            self.check_fact_pattern(pattern, file, where)
        elif pattern.rule not in self.rules:
            self.problem(file, f"{where}.conclusion", f"unknown conclusion '{pattern.rule}' (no rule has that id)")

    def check_fact_pattern(self, pattern, file, where):
        if "vocabulary" not in self.complete and pattern.fact not in self.facts:
            return
        if pattern.fact not in self.facts:
            self.problem(file, f"{where}.fact",
                         f"unknown fact type '{pattern.fact}'; expected one of {', '.join(sorted(self.facts))}")
            return
        fields = self.facts[pattern.fact].fields
        for test in pattern.tests:
            if test.field not in fields:
                self.problem(file, f"{where}.{test.field}",
                             f"fact '{pattern.fact}' has no field '{test.field}'; expected one of {', '.join(fields)}")
                continue
            self.check_values(test, fields[test.field], file, f"{where}.{test.field}")

    def check_values(self, test, field_def, file, where):
        for value in test.literal_values():
            if field_def.type == "enum" and value not in field_def.values:
                self.problem(file, where, f"value '{value}' is not one of {', '.join(field_def.values)}")
            elif field_def.type == "bool" and not isinstance(value, bool):
                self.problem(file, where, f"expected true or false; got {value!r}")
            elif field_def.type == "number" and (isinstance(value, bool) or not isinstance(value, (int, float))):
                self.problem(file, where, f"expected a number; got {value!r}")
        if test.compare and field_def.type != "number":
            self.problem(file, where, f"comparisons need a number field; this one is {field_def.type}")

    def check_chaining(self):
        import networkx as nx  # only checking a knowledge base needs it, not a cached one

        graph = nx.DiGraph()
        for rule_id, rule in self.rules.items():
            graph.add_node(rule_id)
            for dependency, _negated in rule.depends_on():
                if dependency in self.rules:
                    graph.add_edge(dependency, rule_id)
        if not nx.is_directed_acyclic_graph(graph):
            cycle = " -> ".join(edge[0] for edge in nx.find_cycle(graph))
            self.problem("rules", "", f"rules depend on each other in a cycle ({cycle}); none of them could fire")


def _read_all(root):
    reader = _Reader(root)
    sources_file = reader.read("sources.yaml", _SourcesFile)
    vocabulary_files = [(name, reader.read(name, _VocabularyFile)) for name in reader.folder("vocabulary")]
    models_file = reader.read("models.yaml", _ModelsFile)
    messages_file = reader.read("messages.yaml", _MessagesFile)
    rule_files = [(name, reader.read(name, _RulesFile)) for name in reader.folder("rules")]
    return reader, sources_file, vocabulary_files, models_file, messages_file, rule_files


def _merge_vocabulary(vocabulary_files, problems):
    """One fact-type table from the vocabulary files; a type defined twice is an error."""
    facts, defined_in = {}, {}
    for name, vocabulary in vocabulary_files:
        if vocabulary is None:
            continue
        for fact, fact_type in vocabulary.facts.items():
            if fact in facts:
                problems.append(Problem(f"facts.{fact}", f"fact type '{fact}' is already defined in {defined_in[fact]}",
                                        file=name))
                continue
            facts[fact], defined_in[fact] = fact_type, name
    return facts, defined_in


def read_knowledge(root, extensions=(), cls=KnowledgeBase):
    """Read and check the knowledge directory ``root``, with the files of ``extensions``.

    Parameters
    ----------
    root : pathlib.Path or importlib.resources.abc.Traversable
    extensions : sequence of Extension
    cls : type
        The class of the result: :class:`KnowledgeBase` or a subclass that
        takes the ``fields`` of the extensions as keyword arguments.

    Raises
    ------
    KnowledgeError
        With every problem of every file.
    """
    reader, sources_file, vocabulary_files, models_file, messages_file, rule_files = _read_all(root)
    extras = [(extension, reader.read(extension.file, extension.record_type)) for extension in extensions]
    problems = reader.problems
    sources = {s.id: s for s in sources_file.sources} if sources_file else {}
    facts, defined_in = _merge_vocabulary(vocabulary_files, problems)
    models = models_file.models if models_file else ()
    if sources_file:
        duplicates(sources_file.sources, "source", "sources.yaml", problems, "sources")
    if models_file:
        duplicates(models, "model", "models.yaml", problems, "models")
    model_ids = {model.id for model in models}
    rules, located = [], {}
    for name, rules_file in rule_files:
        if rules_file is None:
            continue
        if models_file is not None and rules_file.model not in model_ids:
            problems.append(Problem("model", f"unknown model '{rules_file.model}'; add it to models.yaml", file=name))
        for index, rule in enumerate(rules_file.rules):
            path = f"rules[{index}]"
            if rule.id in located:
                first_file, first_path = located[rule.id]
                problems.append(Problem(f"{path}.id", f"duplicate rule id '{rule.id}' (first in {first_file} {first_path})", file=name))
                continue
            located[rule.id] = (name, path)
            rules.append(attrs.evolve(rule, model=rules_file.model))
    by_id = {rule.id: rule for rule in rules}
    complete = [name for name, loaded in (("sources", sources_file is not None),
                                          ("vocabulary", all(v is not None for _, v in vocabulary_files)),
                                          ("models", models_file is not None)) if loaded]
    checker = Checker(sources, facts, models, by_id, problems, complete)
    checker.check_sources("sources.yaml")
    checker.check_vocabulary(defined_in)
    checker.check_models("models.yaml")
    for rule in rules:
        checker.check_rule(rule, *located[rule.id])
    checker.check_chaining()
    for extension, record in extras:
        if record is not None:
            extension.check(record, checker, extension.file)
    if problems:
        raise KnowledgeError(problems)
    model_order = {model.id: index for index, model in enumerate(models)}
    rules.sort(key=lambda rule: model_order[rule.model])  # stable: file order within a model
    values = {name: getattr(record, name) for extension, record in extras for name in extension.fields}
    return cls(sources, facts, tuple(models), tuple(rules), messages_file.messages, **values)


def load_rule_base(path):
    """Load and check the generic part of the knowledge directory ``path``: no domain files.

    Examples
    --------
    >>> import importlib.resources
    >>> kb = load_rule_base(importlib.resources.files("interorg.knowledge"))
    >>> kb.rule("kenis.need.quadrant-iv").basis
    'source'
    """
    root = path if hasattr(path, "joinpath") and not isinstance(path, str) else pathlib.Path(path)
    return read_knowledge(root)
