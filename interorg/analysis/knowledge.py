"""The knowledge of the collaboration domain: the rule base and the instruments of the diagnosis.

The engine reads the generic files of ``knowledge/`` (sources, vocabulary,
models, messages, rules, conflicts).  This module adds the files of the
diagnosis and the plan, ``scan.yaml`` (the statements of the sixteen-factor
scan), ``interventions.yaml`` (the archetypical problems and the
intervention types) and ``plan.yaml`` (recommendations that are one action,
see :mod:`.planning`),
with their checks against the rest, the texts of the command line
(``help.yaml``), of the case format (``case_format.yaml``) and of the
advice's JSON Schema (``advice_format.yaml``) in Dutch, and loads the
shipped knowledge once.
"""

import functools
import importlib.resources
import os
import pathlib
import re

import attrs

from ..engine.loading import Extension, duplicates, read_knowledge
from ..errors import UsageError
from ..utils import cache
from ..engine.rulebase import KnowledgeBase as RuleBase
from ..engine.texts import Text
from .fingerprint import BUNDLED, cache_key, fingerprint
from .instruments import Archetype, InterventionType, Statement
from .planning import PlanFile, check_plan

__all__ = ["KnowledgeBase", "knowledge_base", "load_knowledge"]


@attrs.frozen(repr=False)
class KnowledgeBase(RuleBase):
    """The knowledge shipped with interorg: the rule base and the instruments of the diagnosis.

    Besides the attributes of the engine's rule base (``sources``, ``facts``,
    ``models``, ``rules``, ``messages``):

    Attributes
    ----------
    statements : tuple of Statement
        The statements of the scan of the sixteen success factors, two per
        factor, in order.
    archetypes : tuple of Archetype
        The nine archetypical collaboration problems.
    interventions : tuple of InterventionType
        The eight intervention types, with their descriptions and techniques.
    actions : tuple of ActionGroup
        Recommendations that the action plan lists as one action.
    urgent : Urgent or None
        The warnings the plan lists as actions of their own where nothing
        answers them (``plan.yaml``).
    help : dict of str to Text
        The help texts of the command line, each as it is given in English
        (a ``{name}`` for what the command fills in) and in Dutch.
    case_format : dict of str to Text
        The texts of the case format that ``interorg new`` and ``interorg
        schema`` show (the descriptions of the case model's fields and
        classes, the template's own words), each as the model gives it in
        English and in Dutch.
    advice_format : dict of str to Text
        The title and descriptions of the advice's JSON Schema (``interorg
        schema --advice``), each as the shipped schema gives it in English
        and in Dutch.
    folder : str or None
        The folder :func:`load_knowledge` read it from (absolute); None for
        the shipped knowledge and for one built in Python.  A sweep sends it
        to its worker processes.
    name : str or None
        ``'bundled'`` for the shipped knowledge, the folder's own name (not
        its path) for one :func:`load_knowledge` read from a folder; None
        for one built or changed in Python (``attrs.evolve``).
    fingerprint : str or None
        16 hexadecimal digits, a hash of the knowledge files it was read
        from (:func:`~interorg.analysis.fingerprint.fingerprint`): the same
        files give the same fingerprint on every machine, and an advice
        says it (``Advice.knowledge``) so that a comparison can tell two
        knowledge bases apart; None where ``name`` is.

    Examples
    --------
    >>> import interorg
    >>> interorg.load_knowledge()  # doctest: +ELLIPSIS
    <KnowledgeBase 'bundled' (...) of ... rules in ... models, ... sources>
    """

    statements: tuple = ()
    archetypes: tuple = ()
    interventions: tuple = ()
    actions: tuple = ()
    urgent: object = None
    help: dict = attrs.field(factory=dict)
    case_format: dict = attrs.field(factory=dict)
    advice_format: dict = attrs.field(factory=dict)
    folder: str | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)
    name: str | None = attrs.field(default=None, init=False, eq=False)
    fingerprint: str | None = attrs.field(default=None, init=False, eq=False)

    def __repr__(self):  # the records run to a million characters: what it is, and which files it was read from
        read = f" {self.name!r} ({self.fingerprint})" if self.fingerprint else ""
        return (f"<KnowledgeBase{read} of {len(self.rules)} rules in {len(self.models)} models,"
                f" {len(self.sources)} sources>")


@attrs.frozen
class _ScanFile:
    about: str
    statements: tuple[Statement, ...]


@attrs.frozen
class _InterventionsFile:
    about: str
    archetypes: tuple[Archetype, ...]
    interventions: tuple[InterventionType, ...]


def _check_statements(record, checker, file):
    """Each statement names a factor of the vocabulary's scan_factor.id, each factor has two, a derived one says why."""
    statements = record.statements
    duplicates(statements, "statement", file, checker.problems, "statements")
    fact_type = checker.facts.get("scan_factor")
    factors = fact_type.fields["id"].values if fact_type and "id" in fact_type.fields else None
    if factors is None and "vocabulary" in checker.complete:
        checker.problem(file, "statements", "the vocabulary defines no fact 'scan_factor' with a field 'id'")
        return
    counts = {}
    for index, statement in enumerate(statements):
        checker.check_reason(f"statement '{statement.id}'", statement, file, f"statements[{index}]")
        if factors is not None and statement.factor not in factors:
            checker.problem(file, f"statements[{index}].factor",
                            f"unknown factor '{statement.factor}'; expected one of {', '.join(factors)}")
        counts[statement.factor] = counts.get(statement.factor, 0) + 1
    for factor in factors or ():
        if counts.get(factor, 0) != 2:
            checker.problem(file, "statements", f"factor '{factor}' has {counts.get(factor, 0)} statements; expected 2")


def _check_instruments(record, checker, file):
    """Archetypes and intervention types cite known sources and name rules that exist."""
    for key in ("archetypes", "interventions"):
        duplicates(getattr(record, key), key[:-1], file, checker.problems, key)

    def check_rule(rule_id, path):
        checker.known_rule(rule_id, file, path)

    for index, archetype in enumerate(record.archetypes):
        checker.check_source_refs(archetype.sources, file, f"archetypes[{index}].sources")
        check_rule(archetype.suspected_by, f"archetypes[{index}].suspected_by")
        for number, rule_id in enumerate(archetype.against):
            check_rule(rule_id, f"archetypes[{index}].against[{number}]")
    for index, intervention in enumerate(record.interventions):
        checker.check_source_refs(intervention.sources, file, f"interventions[{index}].sources")
        for number, rule_id in enumerate(intervention.recommended_by):
            check_rule(rule_id, f"interventions[{index}].recommended_by[{number}]")


@attrs.frozen
class _HelpFile:
    about: str
    help: dict[str, Text]


#: What argparse reads in a help text: ``%(name)s`` and ``%%``.
_PERCENT = re.compile(r"%(?:\([a-z_]+\)[a-z]|%)")


def _translations(entries, checker, file, section):
    """Each entry of a file looked up by its English (help, case_format, advice_format): given once, same placeholders.

    Yields every entry, for the checks of the file's own.
    """
    first = {}
    for key, text in entries.items():
        if text.en in first:
            checker.problem(file, f"{section}.{key}.en", f"the English text is already given by '{first[text.en]}'")
        first.setdefault(text.en, key)
        problem = text.placeholder_problem()
        if problem is not None:
            checker.problem(file, f"{section}.{key}.nl", problem)
        yield key, text


def _check_help(record, checker, file):
    """Each help text is given once, and says in Dutch what it fills in and what argparse formats in English."""
    for key, text in _translations(record.help, checker, file, "help"):
        # argparse formats a help text with %: a stray % in one language would break the help
        if sorted(_PERCENT.findall(text.nl)) != sorted(_PERCENT.findall(text.en)) or "%" in _PERCENT.sub("", text.nl):
            checker.problem(file, f"help.{key}.nl", "expected the % formats of the English text (a % written %%)")


@attrs.frozen
class _CaseFormatFile:
    about: str
    case_format: dict[str, Text]


#: A value a case file says, quoted in a description as ``value``: the same in every language.
_LITERAL = re.compile(r"``([^`]+)``")


def _quoted_otherwise(quoted, text):
    """What the English of ``text`` quotes (as ``quoted`` finds it), sorted, where the Dutch quotes otherwise; else None."""
    english = sorted(set(quoted.findall(text.en)))
    return None if english == sorted(set(quoted.findall(text.nl))) else english


def _check_case_format(record, checker, file):
    """Each text of the case format is given once, and its Dutch names the same placeholders and values."""
    for key, text in _translations(record.case_format, checker, file, "case_format"):
        # a value in ``...`` is what a case file says: the same in every language
        values = _quoted_otherwise(_LITERAL, text)
        if values is not None:
            checker.problem(file, f"case_format.{key}.nl", f"expected the values {', '.join(values)} of the English"
                                                         " text, each as ``value``" if values else
                            "expected no ``value``: the English text names none")


@attrs.frozen
class _AdviceFormatFile:
    about: str
    advice_format: dict[str, Text]


#: A name of the JSON (a field, a value, a call) in a description, as `code`: the same in every language.
_CODE = re.compile(r"`([^`]+)`")


def _check_advice_format(record, checker, file):
    """Each text of the advice's schema is given once, and its Dutch names the same code."""
    for key, text in _translations(record.advice_format, checker, file, "advice_format"):
        code = _quoted_otherwise(_CODE, text)
        if code is not None:
            checker.problem(file, f"advice_format.{key}.nl", f"expected the code {', '.join(code)} of the English"
                                                           " text, each as `code`" if code else
                            "expected no `code`: the English text names none")


EXTENSIONS = (
    Extension("scan.yaml", _ScanFile, ("statements",), _check_statements),
    Extension("interventions.yaml", _InterventionsFile, ("archetypes", "interventions"), _check_instruments),
    Extension("plan.yaml", PlanFile, ("actions", "urgent"), check_plan),
    Extension("help.yaml", _HelpFile, ("help",), _check_help),
    Extension("case_format.yaml", _CaseFormatFile, ("case_format",), _check_case_format),
    Extension("advice_format.yaml", _AdviceFormatFile, ("advice_format",), _check_advice_format),
)


#: Set to a directory to keep the checked knowledge there, or to the empty string to keep it nowhere.
CACHE_VARIABLE = "INTERORG_CACHE_DIR"


def _cache_directory():
    """Where the checked knowledge is kept: ``$INTERORG_CACHE_DIR``, else the user cache directory."""
    configured = os.environ.get(CACHE_VARIABLE)
    if configured is not None:
        return configured or None
    import platformdirs  # only a process that loads the knowledge needs it

    return platformdirs.user_cache_dir("interorg", appauthor=False)


@functools.lru_cache(maxsize=None)
def _load_default():
    root = importlib.resources.files("interorg.knowledge")
    directory = _cache_directory()
    found = fingerprint(root)
    key = cache_key(found) if directory else None
    if key:
        knowledge = cache.load(directory, "knowledge", key)
        if isinstance(knowledge, KnowledgeBase):
            return knowledge
    knowledge = read_knowledge(root, EXTENSIONS, KnowledgeBase, limits=None)  # the shipped files, checked by the tests
    _identify(knowledge, BUNDLED, found)
    if key:
        cache.store(directory, "knowledge", key, knowledge)  # before any run fills its _cache
    return knowledge


def load_knowledge(path=None):
    """Load and check a knowledge base.

    Parameters
    ----------
    path : str or os.PathLike, optional
        A directory laid out like ``knowledge/`` (sources.yaml,
        vocabulary/*.yaml, models.yaml, messages.yaml, rules/*.yaml, and the
        instruments of the diagnosis: scan.yaml and interventions.yaml).  By
        default the knowledge shipped with interorg, loaded once per process
        and kept, checked, in the user cache directory (or
        ``$INTERORG_CACHE_DIR``; empty to keep it nowhere) under a hash of
        its files and of interorg's code, so later processes skip reading
        and checking it.

    Returns
    -------
    KnowledgeBase
        For a folder, the one loaded before in this process while its
        files stay the same; its :attr:`~KnowledgeBase.folder` says where.
        Its :attr:`~KnowledgeBase.name` is ``'bundled'`` for the shipped
        knowledge and the folder's own name otherwise, its
        :attr:`~KnowledgeBase.fingerprint` a hash of its files
        (:mod:`.fingerprint`), which every advice drawn from it carries.

    Raises
    ------
    KnowledgeError
        With every problem in every file: unknown keys, duplicate ids,
        references to unknown sources, facts, fields, values or conclusions,
        rules without a source, derived rules without a reason, chains that
        loop.

    Examples
    --------
    >>> kb = load_knowledge()
    >>> kb.rule("kenis.need.quadrant-iv").basis
    'source'
    >>> len(kb.archetypes)
    9
    >>> kb.name, len(kb.fingerprint)
    ('bundled', 16)
    """
    if path is None:
        return _load_default()
    given = pathlib.Path(path)
    if not given.is_dir():
        return read_knowledge(given, EXTENSIONS, KnowledgeBase)  # it says what is wrong
    folder = given.absolute()
    found = fingerprint(folder)
    kept = _LOADED.get(folder)
    if kept is not None and kept[0] == found:
        return kept[1]
    knowledge = attrs.evolve(read_knowledge(given, EXTENSIONS, KnowledgeBase), folder=str(folder))
    _identify(knowledge, folder.name or str(folder), found)
    _LOADED[folder] = (found, knowledge)
    return knowledge


def _identify(knowledge, name, found):
    """Give ``knowledge`` the name and fingerprint of the files it was just read from."""
    # not init arguments: attrs.evolve leaves them out, as a knowledge base changed in Python is not its files'
    object.__setattr__(knowledge, "name", name)
    object.__setattr__(knowledge, "fingerprint", found)


_LOADED = {}  # a folder's knowledge as last loaded, under its fingerprint: an edited file loads anew


def knowledge_base(knowledge, argument="knowledge"):
    """The knowledge base a public function is given: loaded, or the path of its folder (one helper for all).

    Parameters
    ----------
    knowledge : KnowledgeBase, str, os.PathLike or None
        A loaded knowledge base, the path of a knowledge folder (loaded with
        :func:`load_knowledge`, once as long as its files stay the same), or
        None for the shipped knowledge.
    argument : str
        The name of the argument, for the message of an error.

    Returns
    -------
    KnowledgeBase

    Raises
    ------
    UsageError
        If ``knowledge`` is none of these.
    KnowledgeError
        If the folder does not load.

    Examples
    --------
    >>> knowledge_base(None) is load_knowledge()
    True
    >>> knowledge_base(5)
    Traceback (most recent call last):
    ...
    interorg.errors.UsageError: knowledge: expected an interorg.KnowledgeBase or the path of a knowledge folder; got int
    """
    if knowledge is None:
        return load_knowledge()
    if isinstance(knowledge, KnowledgeBase):
        return knowledge
    if isinstance(knowledge, (str, os.PathLike)):
        return load_knowledge(knowledge)
    raise UsageError(f"{argument}: expected an interorg.KnowledgeBase or the path of a knowledge folder;"
                     f" got {type(knowledge).__name__}")
