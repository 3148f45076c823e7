"""Read, check and write cases as YAML or JSON."""

import json
import os
import pathlib
import weakref

import yaml

from ..utils import documents, writing
from ..utils.bounds import check_data
from ..utils.scalars import plain_values
from ..utils.structure import structure, unstructure
from .limits import CASE_LIMITS, count_problems, within_counts
from .model import Case
from .references import semantic_problems
from ..errors import MAX_PROBLEMS_KEPT, CaseError, Problem

#: What an empty case file is told, unless an empty case is asked for.
_EMPTY = ("the case file is empty; describe the collaboration in it (an empty case is advised on only when"
          " asked for: --allow-empty, or allow_empty=True)")

__all__ = ["case_from_dict", "case_from_text", "case_text", "case_to_dict", "check_case", "dump_case", "load_case"]

#: The cases built or checked here, by id: ``(weak reference, bounded)``.  A
#: case is deeply immutable (frozen attrs classes, tuples and scalars), so one
#: that passed the checks passes them again; the weak reference makes sure a
#: new object at a reused id is not taken for it.
_CHECKED = {}


class _Kept(list):
    """The problems of a case, no more than :data:`~interorg.errors.MAX_PROBLEMS_KEPT` kept; the rest counted."""

    def __init__(self, problems=(), told=()):
        super().__init__()
        self.more = 0
        self.told = frozenset()
        self.extend(problems)
        self.extend(told)
        # a value already refused (a NaN, say) is not refused again by the checks that follow
        self.told = frozenset(problem.path for problem in told)

    def append(self, problem):
        if problem.path in self.told:
            return
        if len(self) < MAX_PROBLEMS_KEPT:
            super().append(problem)
        else:
            self.more += 1

    def extend(self, problems):
        for problem in problems:
            self.append(problem)


def _mark_checked(case, bounded):
    key = id(case)
    _CHECKED[key] = (weakref.ref(case, lambda _ref: _CHECKED.pop(key, None)), bounded)
    return case


def _was_checked(case, bounded):
    found = _CHECKED.get(id(case))
    # a case checked without the bounds is not known to be within them
    return found is not None and found[0]() is case and (found[1] or not bounded)


def case_from_dict(data, source=None, *, _document=None, bounded=True):
    """Build a :class:`~interorg.Case` from plain data (as read from YAML or JSON).

    Parameters
    ----------
    data : dict
        The case, with the same keys as the attrs classes in :mod:`interorg.case`.
        Its values may be numpy scalars (``numpy.int64``, ``numpy.float64``,
        ``numpy.bool_``, ``numpy.str_``, as a DataFrame's rows give them),
        read as the Python values they stand for; a missing value (NaN,
        ``pandas.NA``, NaT) is a problem at its path, as is any other value
        of numpy or pandas (``numpy.datetime64``, an array).
    source : str, optional
        The file name to use in messages.
    bounded : bool
        Check the sizes of :mod:`interorg.case.limits` (the default).  Data
        built in Python for research (a generated network of thousands of
        partners) may pass False: it is still checked for its structure and
        values, but not refused for its size.

    Returns
    -------
    Case

    Raises
    ------
    CaseError
        With every problem found, each with its path; also when ``data`` is
        beyond the bounds of :mod:`interorg.case.limits`.

    Examples
    --------
    >>> case_from_dict({"care": {"demand": "complex"}}).care.demand
    'complex'
    >>> case_from_dict({"care": {"demand": "compelx"}})
    Traceback (most recent call last):
    ...
    interorg.errors.CaseError: care.demand: expected one of standard, complex; got 'compelx'
    """
    told = ()
    if _document is None:
        # data given in Python (from a DataFrame, say) may hold numpy scalars for its values,
        # and missing values, which a case file cannot hold: refused with the case's other problems
        data, told = plain_values(data, *((CASE_LIMITS.max_nodes, CASE_LIMITS.max_depth) if bounded else ()))
        if bounded:
            # nor has it been through the reader's checks: it may be nested without
            # end, contain itself, or hold values YAML and JSON do not have, which
            # the checks below cannot walk safely
            paths = {problem.path for problem in told}
            refused = [problem for problem in check_data(data, CASE_LIMITS) if problem.path not in paths]
            if refused:
                raise CaseError([*told, *refused], source)
    problems = _Kept(_document.problems if _document is not None else (), told)
    checked = data
    if bounded:
        problems.extend(count_problems(data))
        # a list beyond its bound is refused as a whole: only its first items are checked one by one
        checked = within_counts(data)
    case = structure(Case, checked, "", problems)
    partners = data.get("partners") if isinstance(data, dict) and checked is not data else None
    problems.extend(semantic_problems(checked, partners))
    if problems:
        more = problems.more
        if _document is not None:
            problems = [_document.locate(problem) for problem in problems]
        raise CaseError(problems, source, more)
    return _mark_checked(case, bounded)


def check_case(case, bounded=True):
    """Check a :class:`~interorg.Case` built in Python as strictly as a case file.

    attrs does not check ``Literal`` values or types by itself, so the case is
    taken apart and structured again, unless it is one that
    :func:`case_from_dict`, :func:`load_case` or this function made or
    checked already (cases are immutable).  Returns the case; raises
    :class:`~interorg.CaseError` with every problem.

    Examples
    --------
    >>> check_case(Case(name="Jeugdhulp")).name
    'Jeugdhulp'
    >>> check_case(None)
    Traceback (most recent call last):
    ...
    interorg.errors.CaseError: expected an interorg.Case; got NoneType
    """
    if not isinstance(case, Case):
        raise CaseError([Problem("", f"expected an interorg.Case; got {type(case).__name__}")])
    if _was_checked(case, bounded):
        return case
    try:
        # its numpy scalars are read, and its missing values refused, by case_from_dict, as a mapping's are
        data = unstructure(case)
    except RecursionError as exc:  # a value nested without end, inside a field
        raise CaseError([Problem("", "the case is nested too deeply to be read")]) from exc
    return case_from_dict(data, bounded=bounded)


def _from_document(document, allow_empty):
    if document.data is None and not document.problems:
        if not allow_empty:
            raise CaseError([Problem("", _EMPTY)], document.name)
        return Case()
    return case_from_dict(document.data, document.name, _document=document)


def load_case(path, *, allow_empty=False):
    """Read a case file (``.yaml``, ``.yml`` or ``.json``).

    Parameters
    ----------
    path : str or os.PathLike
        The case file.
    allow_empty : bool
        Read an empty file (or one of comments only, or ``null``) as an
        empty case instead of refusing it.

    Returns
    -------
    Case

    Raises
    ------
    CaseError
        If the file cannot be read or parsed (with line and column), is
        empty, is beyond the bounds of :mod:`interorg.case.limits`, or does
        not describe a valid case (every problem, with its path).

    Examples
    --------
    >>> load_case(b"case.yaml")
    Traceback (most recent call last):
    ...
    interorg.errors.CaseError: expected the path of a case file (str or os.PathLike); got bytes
    """
    if not isinstance(path, (str, os.PathLike)):
        raise CaseError([Problem("", "expected the path of a case file (str or os.PathLike);"
                                     f" got {type(path).__name__}")])
    document = documents.read_document(path, CaseError, CASE_LIMITS, keep_going=True)
    return _from_document(document, allow_empty)


def case_from_text(text, source="<string>", fmt=None, *, allow_empty=False):
    """Read a case from the text of a YAML or JSON document.

    Parameters
    ----------
    text : str or bytes
        The document; bytes are read as UTF-8 (as from standard input).
    source : str
        The name to use in messages (a file name, ``<stdin>``).
    fmt : {'yaml', 'json'}, optional
        By default JSON when ``source`` ends in ``.json``, else YAML (which
        reads JSON too).
    allow_empty : bool
        Read an empty document as an empty case, as :func:`load_case`.

    Returns
    -------
    Case

    Raises
    ------
    CaseError
        As :func:`load_case`.

    Examples
    --------
    >>> case_from_text('{"care": {"demand": "complex"}}').care.demand
    'complex'
    >>> case_from_text("# nothing yet")
    Traceback (most recent call last):
    ...
    interorg.errors.CaseError: <string>: the case file is empty; ...
    """
    if not isinstance(text, (str, bytes, bytearray)):
        raise CaseError([Problem("", f"expected the text of a case (str or bytes); got {type(text).__name__}")],
                        source)
    document = documents.parse_document(text, source, CaseError, fmt, CASE_LIMITS, keep_going=True)
    return _from_document(document, allow_empty)


def case_to_dict(case):
    """Return the case as plain data, leaving out what was not given.

    A numpy scalar in a field of a case built in Python is given as the
    Python value it stands for (:mod:`interorg.utils.scalars`), as
    :func:`case_from_dict` reads it; a missing value (NaN) is left as it
    is, for :func:`check_case` to refuse.

    Examples
    --------
    >>> case_to_dict(Case(name="Jeugdhulp", reasons=()))
    {'name': 'Jeugdhulp'}
    """
    return plain_values(unstructure(case))[0]


def case_text(case, fmt="yaml"):
    """The text of ``case`` as a YAML (or, with ``fmt="json"``, JSON) document, read back as the same case.

    Examples
    --------
    >>> print(case_text(Case(name="Jeugdhulp")), end="")
    name: Jeugdhulp
    """
    data, problems = plain_values(unstructure(case))
    if problems:  # a missing value, or a numpy value that stands for none: no case file holds it
        raise CaseError(problems)
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    if any(mark in text for mark in "\x85\u2028\u2029"):
        # written as they are, YAML reads these as line breaks: escape them instead
        text = yaml.safe_dump(data, sort_keys=False, allow_unicode=False)
    return text


def dump_case(case, path):
    """Write ``case`` to ``path`` as YAML, or as JSON when the name ends in ``.json``.

    The file is written atomically (:func:`interorg.utils.writing.write_text`):
    a failed write leaves what was there untouched.  A numpy scalar in a
    field is written as the value it stands for; a missing value (NaN), which
    no case file holds, is a :class:`~interorg.CaseError` at its path.
    """
    path = pathlib.Path(path)
    writing.write_text(path, case_text(case, "json" if path.suffix.lower() == ".json" else "yaml"))
