"""Two advice compared across languages, versions or knowledge bases: what each side is, and what is compared by key.

An advice says in which language and by which interorg it was made (its
version, and the shape of its JSON, ``schema_version``), and from which
knowledge base (its name and fingerprint, ``knowledge``): its *provenance*.
Two advice of one provenance are compared on every facet
(:func:`interorg.report.diff.diff`).  When they differ in language or
version, the texts of one conclusion differ though nothing has changed, and
when they were drawn from different knowledge bases (told by their
fingerprints) its texts, its rules or both may differ; so the conclusions
are compared by key (their status, priority and supports, the supports as
what they rest on: the paths, fields and values of the inputs, and earlier
conclusions by key) and the actions by the conclusions behind them (place,
priority, conclusions); titles and texts are not.

An advice read back from its JSON (``interorg advise --format json``) is an
:class:`AdviceRecord`: what the comparison reads, checked when it is read,
every problem at once.  It holds no case, so the inputs of its case are not
compared; without its explanations (``--no-explanations``) neither are the
supports.  The JSON of schema 5 and earlier does not name its knowledge
base: it is then not known (None), which is no difference from the other
side's, and the comparison says that it cannot tell.
"""

import json
import os
import pathlib

import attrs

from ..analysis.counsel import Action
from ..analysis.fingerprint import BUNDLED
from ..engine.results import plain
from ..engine.wording import fill
from ..errors import CaseError, Problem, UsageError
from ..utils.bounds import Limits
from ..utils.documents import read_document
from ..utils.structure import describe
from .jsonshape import SCHEMA_VERSION

__all__ = ["AdviceRecord", "KEY_ACTION_FACETS", "KEY_FACETS", "PROVENANCE", "advice_record", "differ_in",
           "is_advice_data", "key_supports", "provenance", "read_advice", "warnings"]

#: What says where an advice comes from, in the order it is told.
PROVENANCE = ("lang", "interorg_version", "schema_version", "knowledge")
#: The first schema of the advice's JSON that names its knowledge base.
KNOWLEDGE_SCHEMA = 6
#: What is compared of a conclusion drawn in both, and of an action of both, when the two differ in provenance.
KEY_FACETS = ("status", "priority", "supports")
KEY_ACTION_FACETS = ("rank", "priority", "keys")
#: The bounds of an advice's JSON: the example's is about 0.4 MB, one at a case's bounds some MB.
LIMITS = Limits(max_bytes=64 * 1024 * 1024, max_depth=64, document="an advice file", content="an advice")


@attrs.frozen
class _Recorded:
    """A conclusion as its advice's JSON gives it: what a comparison reads of it."""

    key: str
    id: str
    title: str
    text: str
    priority: str | None
    subject: str | None
    subject_label: str | None
    supports: tuple | None


@attrs.frozen
class _Counsel:
    """The plan and the status of each conclusion, as an advice's JSON gives them."""

    plan: tuple
    more: tuple
    statuses: dict

    def status(self, key):
        return self.statuses.get(key)


@attrs.frozen(repr=False)
class AdviceRecord:
    """An advice read back from its JSON: its provenance, conclusions, status of each, and actions.

    It has the attributes a comparison reads of an :class:`~interorg.Advice`
    (``case_name``, ``lang``, ``interorg_version``, ``knowledge``,
    ``conclusions``, ``counsel`` with ``plan``, ``more`` and
    ``status(key)``); ``case`` is None, since the JSON holds no case, and
    ``knowledge`` is None when the JSON does not name it (schema 5 and
    earlier).  ``source`` is the file it was read from, if any.
    """

    case_name: str | None
    lang: str
    interorg_version: str
    schema_version: int
    conclusions: tuple
    counsel: _Counsel
    source: str | None = None
    case: object = None
    knowledge: dict | None = None

    def __repr__(self):
        return f"<AdviceRecord {self.case_name!r} ({self.lang}, interorg {self.interorg_version})>"


def provenance(advice):
    """Where ``advice`` comes from: its ``lang``, ``interorg_version``, ``schema_version`` and ``knowledge``, as a dict.

    ``knowledge`` is ``{"name": ..., "fingerprint": ...}``, or None when
    not known (an advice's JSON of schema 5 or earlier).

    Examples
    --------
    >>> import interorg
    >>> found = provenance(interorg.advise(interorg.example_case(), lang="nl"))
    >>> found["lang"], found["schema_version"] == SCHEMA_VERSION, found["knowledge"]["name"]
    ('nl', True, 'bundled')
    """
    # an advice made in this process has the shape of this interorg's JSON
    schema = advice.schema_version if isinstance(advice, AdviceRecord) else SCHEMA_VERSION
    knowledge = getattr(advice, "knowledge", None)
    return {"lang": advice.lang, "interorg_version": advice.interorg_version, "schema_version": schema,
            "knowledge": dict(knowledge) if knowledge is not None else None}


def _differs(name, first, second):
    if name == "knowledge":  # told by the fingerprint alone; an unknown one is neither the same nor another
        return None not in (first, second) and first["fingerprint"] != second["fingerprint"]
    return first != second


def differ_in(a, b):
    """The names of :data:`PROVENANCE` in which advice ``a`` and ``b`` differ, in that order.

    Two knowledge bases differ when their fingerprints do (their names
    aside); where a side's is not known, they are not said to differ.
    """
    first, second = provenance(a), provenance(b)
    return tuple(name for name in PROVENANCE if _differs(name, first[name], second[name]))


def _told(name, value, word):
    """One side's value of the provenance ``name``, for a warning."""
    if name != "knowledge":
        return value
    shown = word("diff_knowledge_bundled") if value["name"] == BUNDLED else value["name"]
    return f"{shown} {value['fingerprint']}"


def warnings(sides, differ, compared, word):
    """What a reader of a comparison must know first: what was not compared, and why; texts from ``word(key)``.

    ``sides`` is the provenance of each side (``{"a": ..., "b": ...}``),
    ``differ`` the names in which they differ and ``compared`` what was
    compared (as :class:`~interorg.report.diff.AdviceDiff` holds them).  Two
    advice that differ in language or version are compared by key (their
    texts would all differ), and so are two drawn from different knowledge
    bases; a side whose knowledge base is not known is said so, a side read
    from JSON holds no case, and one written without explanations no
    supports.
    """
    found = []
    if differ:
        what = [fill(word(f"diff_differ_{name}"), a=_told(name, sides["a"][name], word),
                     b=_told(name, sides["b"][name], word)) for name in differ]
        listed = what[0] if len(what) == 1 else fill(word("list_and"), first=", ".join(what[:-1]), last=what[-1])
        found.append(fill(word("diff_by_key"), what=listed))
    # a side told without its provenance (a comparison built by hand) says nothing of its knowledge
    unknown = "".join(side for side in ("a", "b") if side in sides and sides[side].get("knowledge") is None)
    if unknown:
        found.append(word(f"diff_knowledge_unknown_{'both' if unknown == 'ab' else unknown}"))
    if not compared.get("inputs", True):
        found.append(word("diff_no_inputs"))
    if "supports" not in compared.get("conclusions", ("supports",)):
        found.append(word("diff_no_supports"))
    return found


def _said_input(path, fields, values):
    return f"{path}: " + "; ".join(f"{field}={json.dumps(values.get(field), sort_keys=True, ensure_ascii=False)}"
                                   for field in fields)


def key_supports(conclusion):
    """The supports of ``conclusion`` in words of no language: what each rests on, sorted; None if not known.

    An input is its path, and each field tested with its value; an earlier
    conclusion is its key; each condition that required something absent
    counts (its words are the language's).
    """
    if isinstance(conclusion, _Recorded):
        found = conclusion.supports
        if found is None:
            return None
    else:
        found = {(tuple(sorted({e.key if e.type == "conclusion" else _said_input(e.path, e.fields, plain(e.values or {}))
                                for e in support.evidence})), len(support.absent))
                 for support in conclusion.explanation.supports}
    return [[list(rests), absent] for rests, absent in sorted(found)]


def _recorded_supports(supports, inputs, path, problems):
    found = set()
    for s, support in enumerate(supports if isinstance(supports, list) else []):
        rests = set()
        for e, evidence in enumerate(support.get("evidence", []) if isinstance(support, dict) else []):
            where = f"{path}[{s}].evidence[{e}]"
            if isinstance(evidence, dict) and isinstance(evidence.get("conclusion"), str):
                rests.add(evidence["conclusion"])
            elif isinstance(evidence, dict) and isinstance(inputs.get(str(evidence.get("input"))), dict):
                cited = inputs[str(evidence["input"])]
                rests.add(_said_input(cited.get("path"), evidence.get("fields") or [], cited.get("values") or {}))
            else:
                problems.append(Problem(where, f"expected an input of inputs or a conclusion; got {describe(evidence)}"))
        found.add((tuple(sorted(rests)), len(support.get("absent", [])) if isinstance(support, dict) else 0))
    return tuple(sorted(found))


def is_advice_data(data):
    """Whether ``data`` (parsed JSON) is an advice, as ``to_dict`` writes it, rather than a case."""
    return isinstance(data, dict) and "schema_version" in data and "conclusions" in data


_TEXT = (str,)
_CONCLUSION = {"key": _TEXT, "id": _TEXT, "title": _TEXT, "text": _TEXT, "status": _TEXT}
_ACTION = {"rank": (int,), "title": _TEXT, "because": _TEXT, "priority": _TEXT, "keys": (list,)}
_TOP = {"schema_version": (int,), "interorg_version": _TEXT, "lang": _TEXT, "conclusions": (list,),
        "plan": (list,), "more_actions": (list,)}
_KNOWLEDGE = {"name": _TEXT, "fingerprint": _TEXT}
_KINDS = {_TEXT: "non-empty text", (int,): "a whole number", (list,): "a list"}


def _check(item, path, shape, problems):
    """Whether ``item`` is a mapping with each key of ``shape`` of its type; the problems added if not."""
    if not isinstance(item, dict):
        problems.append(Problem(path, f"expected a mapping (key: value); got {describe(item)}"))
        return False
    fine = True
    for key, types in shape.items():
        where = f"{path}.{key}" if path else key
        if key not in item:
            problems.append(Problem(path, f"missing required key '{key}'"))
            fine = False
        elif not isinstance(item[key], types) or isinstance(item[key], bool) or item[key] == "":
            got = describe(item[key])
            problems.append(Problem(where, f"expected {_KINDS[types]}; got {got}" if types != _TEXT
                                    else f"expected non-empty text; got {got}"))
            fine = False
    return fine


def advice_record(data, source=None):
    """An advice's JSON data (as :meth:`~interorg.Advice.to_dict` gives it) read into an :class:`AdviceRecord`.

    Raises
    ------
    CaseError
        With every problem at once, each at its path: a missing key, a value
        of the wrong kind, an evidence that cites no input.

    Examples
    --------
    >>> import interorg
    >>> record = advice_record(interorg.advise(interorg.example_case(), lang="nl").to_dict())
    >>> record.lang, record.counsel.plan[0].rank
    ('nl', 1)
    >>> record.knowledge["name"]
    'bundled'
    >>> advice_record({"schema_version": 6, "lang": "en", "knowledge": {"name": "bundled"}})
    Traceback (most recent call last):
    ...
    interorg.errors.CaseError: missing required key 'interorg_version'
    missing required key 'conclusions'
    missing required key 'plan'
    missing required key 'more_actions'
    knowledge: missing required key 'fingerprint'
    """
    problems = []
    fine = _check(data, "", _TOP, problems)
    knowledge = _recorded_knowledge(data, problems) if isinstance(data, dict) else None
    if not fine:
        raise CaseError(problems, source)
    explained = isinstance(data.get("explanations"), dict)
    explanations, inputs = data.get("explanations") or {}, data.get("inputs") or {}
    conclusions, statuses = [], {}
    for n, item in enumerate(data["conclusions"]):
        if _check(item, f"conclusions[{n}]", _CONCLUSION, problems):
            supports = (_recorded_supports(explanations.get(item["key"], []), inputs, f"explanations.{item['key']}",
                                           problems) if explained else None)
            conclusions.append(_Recorded(item["key"], item["id"], item["title"], item["text"], item.get("priority"),
                                         item.get("subject"), item.get("subject_label"),
                                         supports))
            statuses[item["key"]] = item["status"]
    actions = {}
    for name in ("plan", "more_actions"):
        actions[name] = []
        for n, item in enumerate(data[name]):
            if _check(item, f"{name}[{n}]", _ACTION, problems):
                actions[name].append(Action(item["rank"], item["title"], item["because"], item["priority"],
                                            item.get("weight", 0), tuple(item["keys"]), tuple(item.get("rules", ())),
                                            tuple(item.get("subjects", ())), tuple(item.get("answers", ()))))
    if problems:
        raise CaseError(problems, source)
    case = data.get("case") if isinstance(data.get("case"), dict) else {}
    return AdviceRecord(case.get("name"), data["lang"], data["interorg_version"], data["schema_version"],
                        tuple(conclusions), _Counsel(tuple(actions["plan"]), tuple(actions["more_actions"]), statuses),
                        source, knowledge=knowledge)


def _recorded_knowledge(data, problems):
    """The ``knowledge`` an advice's JSON names, or None where its schema is older than that or it says null."""
    schema = data.get("schema_version")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < KNOWLEDGE_SCHEMA:
        return None
    if "knowledge" not in data:
        problems.append(Problem("", "missing required key 'knowledge'"))
        return None
    found = data["knowledge"]
    if found is None or not _check(found, "knowledge", _KNOWLEDGE, problems):
        return None
    return {"name": found["name"], "fingerprint": found["fingerprint"]}


def read_advice(source):
    """What a comparison reads of ``source``: an advice as it is, or an advice's JSON (data or the path of a file).

    Parameters
    ----------
    source : Advice, AdviceRecord, dict, str or os.PathLike
        An advice, its :meth:`~interorg.Advice.to_dict`, or the path of a
        file written by ``interorg advise --format json``.

    Raises
    ------
    CaseError
        If the file is not an advice's JSON, with every problem.
    UsageError
        If ``source`` is none of these.
    """
    # an advice is known by what it holds: importing Advice here would close a cycle with it
    if all(hasattr(source, name) for name in ("conclusions", "counsel", "case", "lang")):
        return source
    if isinstance(source, dict):
        return advice_record(source)
    if isinstance(source, (str, os.PathLike)):
        document = read_document(pathlib.Path(source), CaseError, LIMITS)
        if not is_advice_data(document.data):
            raise CaseError([Problem("", "expected the JSON of an advice (interorg advise --format json), with"
                                         " schema_version and conclusions")], str(source))
        return advice_record(document.data, str(source))
    got = "nothing (None)" if source is None else type(source).__name__
    raise UsageError(f"expected an interorg.Advice to compare; got {got}" + (
        "" if source is None else "; advise on a case first: interorg.advise(case), or give an advice's JSON"))
