"""``interorg scan CASE --import answers.csv``: the answers of a form export, checked and written into the case.

Every row of the export is checked (partner, respondent id, each answer)
and every problem is reported at once with its line (exit 2, the case file
untouched).  When all rows are good, the respondents are added to the
case's scan (a respondent already there gets the new answers) and the file
is written back as the interactive scan writes it
(:func:`interorg.case.roundtrip.merge_respondents`): its comments, order and
layout kept, the file as it was in a numbered backup (``CASE.bak``,
``CASE.bak.1``...), the case checked as a whole before anything is written.
"""

import attrs

from ..analysis.knowledge import knowledge_base
from ..case import load_case
from ..engine.wording import counted, fill
from ..errors import CaseError, Problem

__all__ = ["run"]


def _statement_texts(knowledge):
    """Every statement's text, in English and Dutch, to its id."""
    return {getattr(statement.text, lang): statement.id
            for statement in knowledge.statements for lang in ("en", "nl")}


def run(case_path, answers_path, lang="en", knowledge=None):
    """Import the answers of ``answers_path`` into the case file ``case_path``; return what was done, in ``lang``.

    ``knowledge`` (a knowledge base, or the path of its folder) gives the
    statements a column may name by their text; by default the shipped
    knowledge's.

    Raises
    ------
    CaseError
        With every problem of the export (file, column, line), or of the
        case with the answers added; the case file is then left as it was.
    """
    knowledge = knowledge_base(knowledge)  # a folder that does not load is refused before the case is read
    case = load_case(case_path)
    if not case.partners:
        raise CaseError([Problem("partners", "the case lists no partners; add them before importing answers,"
                                             " so that each respondent can be tied to one")], str(case_path))
    from ..case.answers import read_answers  # only an import of answers needs the reader

    found = read_answers(answers_path, case, _statement_texts(knowledge))
    if found.problems:
        raise CaseError(found.problems)
    from ..case.roundtrip import merge_respondents  # ruamel.yaml, only when answers are written

    # an answer left empty in the form is not written: the respondent did not give it
    given = [attrs.evolve(r, answers={k: v for k, v in r.answers.items() if v is not None})
             for r in found.respondents]
    written = merge_respondents(case_path, given)
    labels = knowledge.labels(lang)
    respondents = counted(labels, "scan_respondents", len(given), lang)
    answers = counted(labels, "scan_answers", sum(len(r.answers) for r in given), lang)
    return fill(labels["scan_imported"], respondents=respondents, answers=answers, answers_file=str(answers_path),
                file=str(case_path), backup=str(written.backup)) + "\n"
