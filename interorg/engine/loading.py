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
from ..utils.bounds import Limits
from ..utils.structure import INVALID, structure
from .checking import Checker
from .conflicts import Defeat, Exclusion
from .folders import read_folder, real_folder
from .likeness import said_once, take_wording, wording_from
from .rulebase import FactType, KnowledgeBase, Model, Rule, Source
from .texts import Text

__all__ = ["Checker", "Extension", "KNOWLEDGE_LIMITS", "duplicates", "load_rule_base", "read_knowledge"]

#: The bounds of one knowledge file.  A knowledge folder may be anyone's (``interorg verify DIR``),
#: so it is read as strictly as a case: the largest shipped file is about 100 KB and nests 9
#: levels deep, with about 2,000 values.  Anchors and aliases are read (the shipped files share
#: texts with them), each alias counting as the values it stands for, so none can expand without end.
KNOWLEDGE_LIMITS = Limits(
    max_bytes=4 * 1024 * 1024,
    max_depth=40,
    max_nodes=400_000,
    max_text=20_000,
    max_digits=15,
    aliases=True,
    document="a knowledge file",
    content="a knowledge file",
)

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
class _ConflictsFile:
    about: str
    exclusive: tuple[Exclusion, ...] = ()
    defeats: tuple[Defeat, ...] = ()


@attrs.frozen
class _RulesFile:
    about: str
    model: str
    rules: tuple[Rule, ...]


@attrs.frozen
class _Refused:
    """What a rules file that was refused still says, so that the rest is not checked as if it were missing.

    ``rules`` are ``(index, rule)`` of the rules that read on their own,
    ``ids`` the id and path of each rule that did not (where its id is
    readable); ``unread`` is True when not even that can be told (a file
    that does not parse, or whose ``rules`` is no list).
    """

    model: str
    rules: tuple = ()
    ids: dict = attrs.field(factory=dict)
    unread: bool = False


def _salvage(document):
    """The :class:`_Refused` of a rules file whose record did not read (``document`` None when it did not parse)."""
    data = document.data if document is not None and isinstance(document.data, dict) else {}
    model = data.get("model") if isinstance(data.get("model"), str) else ""
    items = data.get("rules")
    if not isinstance(items, list):
        return _Refused(model, unread=True)
    rules, ids = [], {}
    for index, item in enumerate(items):
        rule = structure(Rule, item, f"rules[{index}]", [])  # its problems are reported with the file's
        if rule is not INVALID:
            rules.append((index, rule))
        elif isinstance(item, dict) and isinstance(item.get("id"), str):
            ids.setdefault(item["id"], f"rules[{index}]")
    return _Refused(model, tuple(rules), ids)


class _Reader:
    """Reads the files of one knowledge directory, collecting problems across files."""

    def __init__(self, root, limits):
        self.root = root
        self.limits = limits
        self.problems = []
        self.documents = {}  # every file parsed, by name: its positions locate the checks' problems
        self.more = 0  # the problems of a file past those its error kept: counted, as the error counts them
        self.likes = {}  # the rule each rule with 'like' takes its wording from, by id

    def parse(self, relative):
        """The parsed document of a file, or None (with its problems recorded)."""
        resource = self.root.joinpath(*relative.split("/"))
        try:
            data = _read_bytes(resource, (self.limits or KNOWLEDGE_LIMITS).max_bytes)
            # read as bytes, strictly (UTF-8 or a clear problem); within bounds when the folder is a user's
            document = self.documents[relative] = documents.parse_document(data, relative, KnowledgeError,
                                                                           limits=self.limits)
            return document
        except OSError as exc:
            self.problems.append(Problem("", f"cannot read the file: {exc.strerror or exc}", file=relative))
        except KnowledgeError as exc:
            self.problems.extend(attrs.evolve(p, file=relative) for p in exc.problems)
            self.more += exc.more
        return None

    def read(self, relative, record_type, document=None):
        document = document if document is not None else self.parse(relative)
        if document is None:
            return None
        found = []
        value = structure(record_type, document.data, "", found)
        self.problems.extend(attrs.evolve(document.locate(p), file=relative) for p in found)
        return None if value is INVALID else value

    def exists(self, relative):
        return self.root.joinpath(*relative.split("/")).is_file()

    def folder(self, name):
        """The YAML files of a sub-folder and its folders, as relative paths in name order.

        A model's rules may be split over a folder of files (one per
        archetypical problem, say); sorting by path keeps their order.  A
        missing folder is a problem of the knowledge, not a crash.
        """
        folder = self.root.joinpath(name)
        if not folder.is_dir():
            self.problems.append(Problem("", f"the folder '{name}' is missing; expected the {name} of the knowledge"
                                             " base in it", file=name))
            return []
        try:
            # the knowledge folder holds each of its folders: a link back to it is a loop too
            return sorted(self._yaml_files(folder, name, (real_folder(self.root), real_folder(folder))))
        except OSError as exc:
            self.problems.append(Problem("", f"cannot read the folder: {exc.strerror or exc}", file=name))
            return []

    def _yaml_files(self, folder, relative, within):
        for entry in folder.iterdir():
            if entry.is_dir() and read_folder(entry.name):
                real = real_folder(entry)
                if real is not None and real in within:  # followed, it would give the same files without end
                    self.problems.append(Problem("", "a symbolic link to a folder that holds it; expected a"
                                                     " folder of its own (the link is not followed)", file=f"{relative}/{entry.name}"))
                    continue
                yield from self._yaml_files(entry, f"{relative}/{entry.name}", within + (real,))
            elif entry.name.endswith((".yaml", ".yml")):
                yield f"{relative}/{entry.name}"


def _read_bytes(resource, size):
    """The bytes of a knowledge file, no more than ``size`` and one; a file on disk must be a regular file."""
    if isinstance(resource, pathlib.Path):
        data = documents.read_bytes(resource, KnowledgeError, size)
    else:  # a file inside the installed package (importlib.resources): read as it gives it
        with resource.open("rb") as stream:
            data = stream.read(size + 1)
    return data


def duplicates(items, what, file, problems, path):
    seen = {}
    for index, item in enumerate(items):
        if item.id in seen:
            problems.append(Problem(f"{path}[{index}].id",
                                    f"duplicate {what} id '{item.id}' (first at {path}[{seen[item.id]}])", file=file))
        else:
            seen[item.id] = index


def _read_all(root, limits):
    reader = _Reader(root, limits)
    sources_file = reader.read("sources.yaml", _SourcesFile)
    vocabulary_files = [(name, reader.read(name, _VocabularyFile)) for name in reader.folder("vocabulary")]
    models_file = reader.read("models.yaml", _ModelsFile)
    messages_file = _read_messages(reader)
    parsed = [(name, reader.parse(name)) for name in reader.folder("rules")]
    unread = [name for name, document in parsed if document is None or not isinstance(document.data, dict)
              or not isinstance(document.data.get("rules"), list)]
    # what a 'like' names is said after the files are read: a file that does not read is the cause to see first
    naming = []
    copies = take_wording([document for _, document in parsed if document is not None], naming, unread)
    rule_files = [(name, reader.read(name, _RulesFile, document) if document is not None else None)
                  for name, document in parsed]
    reader.problems.extend(naming)
    said_once(reader.problems, copies)
    reader.likes = wording_from(copies)
    # a refused file still names its rules: what refers to them is not a fault of its own
    rule_files = [(name, record if record is not None else _salvage(document))
                  for (name, record), (_, document) in zip(rule_files, parsed)]
    # optional: a knowledge base without conflicts between its conclusions needs no such file
    conflicts_file = reader.read("conflicts.yaml", _ConflictsFile) if reader.exists("conflicts.yaml") else None
    return reader, sources_file, vocabulary_files, models_file, messages_file, rule_files, conflicts_file


def _read_messages(reader):
    """``messages.yaml`` and, where the knowledge has it, the files of the folder ``messages/``, as one file.

    The texts of one part of interorg (the problems of an input, say) may
    be a file of their own; a key given twice, in one file or two, is an
    error, and so is a message whose Dutch fills other placeholders than its
    English (it would show a ``{name}`` as it is).
    """
    document = reader.parse("messages.yaml")
    messages_file = reader.read("messages.yaml", _MessagesFile, document) if document is not None else None
    if messages_file is None:
        return None
    merged, given_in = dict(messages_file.messages), dict.fromkeys(messages_file.messages, document)
    for name in reader.folder("messages") if reader.root.joinpath("messages").is_dir() else ():
        more = reader.parse(name)
        record = reader.read(name, _MessagesFile, more) if more is not None else None
        for key, text in (record.messages.items() if record else ()):
            if key in given_in:
                reader.problems.append(more.problem(f"messages.{key}",
                                                f"duplicate message '{key}' (first in {given_in[key].name})"))
                continue
            merged[key], given_in[key] = text, more
    for key, text in merged.items():
        problem = text.placeholder_problem()
        if problem is not None:
            reader.problems.append(given_in[key].problem(f"messages.{key}.nl", problem))
    return attrs.evolve(messages_file, messages=merged)



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


def read_knowledge(root, extensions=(), cls=KnowledgeBase, limits=KNOWLEDGE_LIMITS):
    """Read and check the knowledge directory ``root``, with the files of ``extensions``.

    Parameters
    ----------
    root : pathlib.Path or importlib.resources.abc.Traversable
    extensions : sequence of Extension
    cls : type
        The class of the result: :class:`KnowledgeBase` or a subclass that
        takes the ``fields`` of the extensions as keyword arguments.
    limits : Limits or None
        The bounds of each file (:data:`KNOWLEDGE_LIMITS`, for a folder that
        may be anyone's); None for the knowledge shipped inside the package,
        whose files the tests check, so that a cold start does not pay for
        the extra pass over every file's events.

    Raises
    ------
    KnowledgeError
        With every problem of every file.
    """
    if not root.is_dir():
        what = "does not exist" if isinstance(root, pathlib.Path) and not root.exists() else "is a file, not a folder"
        raise KnowledgeError([Problem("", f"the knowledge folder {what}; expected a folder with sources.yaml,"
                                          " models.yaml, messages.yaml and the folders vocabulary and rules")],
                             str(root))
    reader, sources_file, vocabulary_files, models_file, messages_file, rule_files, conflicts_file = _read_all(root, limits)
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
    rules, located, refused, unread = [], {}, {}, []
    for name, rules_file in rule_files:
        if isinstance(rules_file, _Refused):
            refused.update((rule_id, (name, path)) for rule_id, path in rules_file.ids.items()
                           if rule_id not in refused)
            unread += [name] if rules_file.unread else []
            numbered = rules_file.rules
        else:
            if models_file is not None and rules_file.model not in model_ids:
                problems.append(Problem("model", f"unknown model '{rules_file.model}'; add it to models.yaml",
                                        file=name))
            numbered = enumerate(rules_file.rules)
        for index, rule in numbered:
            path = f"rules[{index}]"
            if rule.id in located:
                first_file, first_path = located[rule.id]
                problems.append(Problem(f"{path}.id", f"duplicate rule id '{rule.id}' (first in {first_file} {first_path})", file=name))
                continue
            located[rule.id] = (name, path)
            rules.append(attrs.evolve(rule, model=rules_file.model, file=name))
    by_id = {rule.id: rule for rule in rules}
    complete = [name for name, loaded in (("sources", sources_file is not None),
                                          ("vocabulary", all(v is not None for _, v in vocabulary_files)),
                                          ("models", models_file is not None)) if loaded]
    checker = Checker(sources, facts, models, by_id, problems, complete,
                      messages_file.messages if messages_file else None, refused, unread, reader.documents,
                      reader.likes)
    checker.check_sources("sources.yaml")
    checker.check_vocabulary(defined_in)
    checker.check_models("models.yaml")
    for rule in rules:
        checker.check_rule(rule, *located[rule.id])
    checker.check_chaining()
    exclusions = conflicts_file.exclusive if conflicts_file else ()
    defeats = conflicts_file.defeats if conflicts_file else ()
    if conflicts_file:
        duplicates(exclusions, "exclusive group", "conflicts.yaml", problems, "exclusive")
        duplicates(defeats, "defeat", "conflicts.yaml", problems, "defeats")
        checker.check_conflicts(exclusions, defeats, "conflicts.yaml")
    for extension, record in extras:
        if record is not None:
            extension.check(record, checker, extension.file)
    checker.check_refused()
    if problems:
        raise KnowledgeError(problems, more=reader.more)
    model_order = {model.id: index for index, model in enumerate(models)}
    rules.sort(key=lambda rule: model_order[rule.model])  # stable: file order within a model
    values = {name: getattr(record, name) for extension, record in extras for name in extension.fields}
    return cls(sources, facts, tuple(models), tuple(rules), messages_file.messages, exclusions, defeats, **values)


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
