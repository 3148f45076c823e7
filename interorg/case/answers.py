"""Answers to the scan from a form export (CSV): one row per respondent, checked row by row.

Online form tools (Microsoft Forms, Google Forms, LimeSurvey) export one row
per respondent.  A row gives the respondent's partner and the answers; the
columns of the answers are named by the statement ids (``felt_urgency_1``)
or by the statements' texts as the form showed them (a header such as
``Stellingen [Voor mijn organisatie is het urgent ...]`` is matched on the
part in brackets).  The texts are knowledge, so the caller passes them in
(``texts``: text to statement id).  Every row is checked and every problem
is reported with its line, at once.
"""

import csv
import io
import pathlib
import re

import attrs

from ..errors import CaseError, Problem
from ..utils import documents
from ._types import ID_META
from .limits import CASE_LIMITS
from .scan import STATEMENTS, Respondent, Scan

__all__ = ["AnswerImport", "merge_answers", "read_answers"]

#: Headers naming the respondent's id and partner, lower case.
RESPONDENT_COLUMNS = ("respondent", "respondent id", "respondent_id", "id")
PARTNER_COLUMNS = ("partner", "organisation", "organization", "organisatie")
#: Columns that form tools add and that say nothing for the scan.
IGNORED_COLUMNS = ("timestamp", "tijdstempel", "start time", "completion time", "begintijd", "tijd van voltooien",
                   "email", "e-mail", "email address", "e-mailadres", "name", "naam", "last modified time",
                   "tijd laatst gewijzigd")
#: Answers in words, as form tools write a five-point scale.
WORDS = {"strongly disagree": 1, "helemaal oneens": 1, "disagree": 2, "oneens": 2, "neutral": 3, "neutraal": 3,
         "neither agree nor disagree": 3, "niet eens, niet oneens": 3, "agree": 4, "eens": 4,
         "strongly agree": 5, "helemaal eens": 5}
_LEADING_DIGIT = re.compile(r"^\s*([1-5])(?:\s*[-–:.)]\s*.*|\s*)$")


@attrs.frozen
class AnswerImport:
    """What a form export holds: the respondents it gives, and every problem found in it.

    Attributes
    ----------
    respondents : tuple of Respondent
        One per row that could be read, in file order.
    problems : tuple of Problem
        Each with the file, the column (as its path) and the line.
    """

    respondents: tuple
    problems: tuple


def _normal(text):
    """A header or statement text as compared: lower case, single spaces, no final punctuation."""
    return re.sub(r"\s+", " ", text).strip().strip(".?!:").strip().lower()


def _statement(header, texts):
    """The statement id a column header names, or None."""
    if header in STATEMENTS:
        return header
    bracketed = re.search(r"\[(.+)\]\s*$", header)
    for candidate in ([bracketed.group(1)] if bracketed else []) + [re.sub(r"^\s*\d+[.)]\s*", "", header)]:
        found = texts.get(_normal(candidate))
        if found:
            return found
    return None


def _answer(value):
    """The answer 1-5 (None when empty), or the text when it is not an answer."""
    value = value.strip()
    if not value:
        return None
    match = _LEADING_DIGIT.match(value)
    if match:
        return int(match.group(1))
    return WORDS.get(_normal(value), value)


def _columns(header, texts, name):
    """Which column is the respondent, the partner, and which statement each other column is."""
    problems, roles = [], {}
    for index, title in enumerate(header):
        key = _normal(title)
        if key in RESPONDENT_COLUMNS and "respondent" not in roles:
            roles["respondent"] = index
        elif key in PARTNER_COLUMNS and "partner" not in roles:
            roles["partner"] = index
        elif key in IGNORED_COLUMNS or not key:
            continue
        else:
            statement = _statement(title, texts)
            if statement is None:
                problems.append(Problem(title, "unknown column: expected a statement id (such as felt_urgency_1)"
                                        " or a statement's text, respondent, or partner", 1, index + 1, name))
            elif statement in roles.values():
                problems.append(Problem(title, f"statement {statement} is already given in another column",
                                        1, index + 1, name))
            else:
                roles[index] = statement
    if "partner" not in roles:
        problems.append(Problem("", "no partner column: add a column 'partner' with each respondent's partner",
                                1, None, name))
    return roles, problems


def _text(source, name):
    """The text of a form export, read no further than a case file may be long, decoded strictly as UTF-8."""
    size = CASE_LIMITS.max_bytes
    data = source.read(size + 1) if hasattr(source, "read") else documents.read_bytes(source, CaseError, size)
    if len(data) > size:
        raise CaseError([Problem("", f"the file is larger than {size:,} bytes, the most a form export is read")],
                        name)
    if isinstance(data, (bytes, bytearray)):
        data = documents.decode(bytes(data), name, CaseError)
    return data


def _rows(reader, name, problems):
    """The rows of ``reader``; a row the CSV reader cannot read (a field too long, a NUL) is a problem, the last."""
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            problems.append(Problem("", f"the CSV cannot be read further: {exc}", reader.line_num or 1, None, name))
            return
        yield row


def read_answers(source, case, texts=None, name=None):
    """Read a form export of the scan's answers, checking every row against ``case``.

    Parameters
    ----------
    source : str, os.PathLike or file-like
        The CSV file (comma or semicolon separated, UTF-8 with or without
        BOM), or an open text stream.
    case : Case
        The case the answers are for: its partners (by id or by name) and
        the respondents it already has.
    texts : dict of str to str, optional
        Statement text (any language) to statement id, to read headers that
        are the statements' texts.
    name : str, optional
        The file name for messages; by default the path's name.

    Returns
    -------
    AnswerImport
        The respondents read, and every problem (empty when all is well).

    Raises
    ------
    CaseError
        When the file cannot be read (missing, not a regular file, larger
        than a case file may be, or not UTF-8, with the line of the first
        bad byte).

    Examples
    --------
    >>> import io
    >>> from interorg import Case, Partner
    >>> case = Case(partners=[Partner("eersel", name="Gemeente Eersel")])
    >>> found = read_answers(io.StringIO("respondent,partner,felt_urgency_1\\nr1,Gemeente Eersel,4 - agree\\n"),
    ...                      case, name="answers.csv")
    >>> found.respondents[0].partner, found.respondents[0].answers
    ('eersel', {'felt_urgency_1': 4})
    >>> bad = read_answers(io.StringIO("partner,felt_urgency_1\\nbladel,7\\n"), case, name="answers.csv")
    >>> [str(problem) for problem in bad.problems]  # doctest: +NORMALIZE_WHITESPACE
    ["answers.csv: partner (line 2, column 1): unknown partner 'bladel'; expected the id or name of one of: eersel
      (Gemeente Eersel)", 'answers.csv: felt_urgency_1 (line 2, column 2): expected 1 to 5 (or the words of the
      scale); got 7']
    """
    texts = {_normal(text): statement for text, statement in (texts or {}).items()}
    name = name or ("<answers>" if hasattr(source, "read") else pathlib.Path(source).name)
    text = _text(source, name).lstrip("\ufeff")
    if not text.strip():
        return AnswerImport((), (Problem("", "the file is empty", None, None, name),))
    delimiter = ";" if text.splitlines()[0].count(";") > text.splitlines()[0].count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    unreadable = []
    rows = _rows(reader, name, unreadable)
    header = next(rows, None)
    if header is None:
        return AnswerImport((), tuple(unreadable))
    roles, problems = _columns(header, texts, name)
    partners = {p.id: p.id for p in case.partners}
    partners.update({_normal(p.name): p.id for p in case.partners if p.name})
    known = ", ".join(f"{p.id}" + (f" ({p.name})" if p.name else "") for p in case.partners)
    existing = {r.id: r for r in case.scan.respondents} if case.scan else {}
    seen, respondents, line = {}, [], 1
    for row in rows:
        start, line = line + 1, reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        cells = row + [""] * (len(header) - len(row))

        def problem(column, message):
            problems.append(Problem(header[column] if column is not None else "", message, start,
                                    None if column is None else column + 1, name))

        partner = None
        if "partner" in roles:
            given = cells[roles["partner"]].strip()
            partner = partners.get(given) or partners.get(_normal(given))
            if partner is None:
                problem(roles["partner"], f"unknown partner '{given}'; expected the id or name of one of: {known}")
        respondent = cells[roles["respondent"]].strip() if "respondent" in roles else f"form-{start - 1}"
        if not ID_META["pattern"].fullmatch(respondent):
            problem(roles.get("respondent"), f"expected {ID_META['pattern_hint']}; got '{respondent}'")
        elif respondent in seen:
            problem(roles.get("respondent"), f"respondent '{respondent}' is already given on line {seen[respondent]}")
        elif respondent in existing and partner and existing[respondent].partner != partner:
            problem(roles.get("respondent"), f"respondent '{respondent}' is in the case for partner"
                                             f" '{existing[respondent].partner}', not '{partner}'")
        seen.setdefault(respondent, start)
        answers, good = {}, True
        for column, statement in roles.items():
            if not isinstance(column, int):
                continue
            value = _answer(cells[column])
            if isinstance(value, str) or (isinstance(value, int) and not 1 <= value <= 5):
                problem(column, f"expected 1 to 5 (or the words of the scale); got {value}")
                good = False
            else:
                answers[statement] = value
        if partner and good:
            respondents.append(Respondent(respondent, partner, answers))
    return AnswerImport(tuple(respondents), tuple(problems + unreadable))


def merge_answers(case, respondents):
    """``case`` with ``respondents`` added to its scan; a respondent already there gets the new answers.

    Examples
    --------
    >>> from interorg import Case, Partner, Respondent
    >>> case = merge_answers(Case(partners=[Partner("a")]), [Respondent("r1", "a", {"equality_1": 4})])
    >>> [(r.id, r.answers) for r in case.scan.respondents]
    [('r1', {'equality_1': 4})]
    """
    given = list(case.scan.respondents) if case.scan else []
    index = {respondent.id: number for number, respondent in enumerate(given)}
    for respondent in respondents:
        if respondent.id in index:
            old = given[index[respondent.id]]
            given[index[respondent.id]] = attrs.evolve(old, answers={**old.answers, **respondent.answers})
        else:
            index[respondent.id] = len(given)
            given.append(respondent)
    scan = attrs.evolve(case.scan, respondents=tuple(given)) if case.scan else Scan(tuple(given))
    return attrs.evolve(case, scan=scan)
