"""``interorg scan CASE --import answers.csv``: the answers of a form export, checked and written into the case.

Every row of the export is checked (partner, respondent id, each answer)
and every problem is reported at once with its line (exit 2, the case file
untouched).  When all rows are good, the respondents are added to the
case's scan (a respondent already there gets the new answers), the case is
checked as a whole, and written back through :func:`_write_case`.
"""

import os
import pathlib
import shutil

from ..analysis.knowledge import load_knowledge
from ..case import check_case, dump_case, load_case
from ..errors import CaseError, Problem

__all__ = ["run"]


def _write_case(path, case):
    """Write ``case`` to ``path``: the one place this command writes a case file.

    The file as it was is kept as ``CASE.bak`` and the new text replaces it
    in one rename, so that an interrupted write leaves the old file whole.
    Today the file is rewritten from the checked case, so its comments and
    layout are not kept.
    """
    path = pathlib.Path(path)
    shutil.copy2(path, path.with_name(path.name + ".bak"))
    partial = path.with_name(f".{path.stem}.partial{path.suffix}")
    dump_case(case, partial)
    os.replace(partial, path)


def _statement_texts():
    """Every statement's text, in English and Dutch, to its id."""
    return {getattr(statement.text, lang): statement.id
            for statement in load_knowledge().statements for lang in ("en", "nl")}


def run(case_path, answers_path, lang="en"):
    """Import the answers of ``answers_path`` into the case file ``case_path``; return what was done.

    Raises
    ------
    CaseError
        With every problem of the export (file, column, line), or of the
        case with the answers added; the case file is then left as it was.
    """
    case = load_case(case_path)
    if not case.partners:
        raise CaseError([Problem("partners", "the case lists no partners; add them before importing answers,"
                                             " so that each respondent can be tied to one")], str(case_path))
    from ..case.answers import merge_answers, read_answers  # only an import of answers needs the reader

    found = read_answers(answers_path, case, _statement_texts())
    if found.problems:
        raise CaseError(found.problems)
    updated = check_case(merge_answers(case, found.respondents))
    _write_case(case_path, updated)
    answers = sum(1 for r in found.respondents for value in r.answers.values() if value is not None)
    return (f"imported {len(found.respondents)} respondent(s), {answers} answer(s) from {answers_path} into"
            f" {case_path}; the file as it was is in {case_path}.bak\n")
