"""The scan in the terminal: ask the statements, one respondent at a time, and keep the answers in the case file.

``interorg scan CASE`` runs :func:`run`.  It asks a respondent's id and
partner, then each statement the respondent has not answered yet (so a scan
stopped halfway resumes where it stopped), and checks every answer: 1 to 5,
``s`` to skip (kept as ``null``, so it is not asked again), ``q`` to stop.
End of input and Ctrl-C stop too.  After every answer the respondent's
answers are merged into the case file (:func:`interorg.case.roundtrip.merge_respondents`),
so nothing answered is lost: under a lock, into the file as it is then (so
two scans of one file keep each other's answers), keeping its comments,
order and layout, atomically.  Before the first write of a run the file as
it was is copied to a numbered backup (``CASE.bak``, then ``CASE.bak.1``...).

``interorg scan --statements`` runs :func:`listing`: the statements without
asking them, each with why it is asked, for whoever sets up a form or wants
to know what the scan asks before handing it out.
"""

import pathlib

import attrs

from ..analysis.knowledge import knowledge_base
from ..case import Respondent, load_case
from ..case._types import ID_META
from ..case.scan import FACTORS
from ..engine.wording import counted, fill
from ..errors import CaseError, Problem
from ..report.escape import terminal
from ..utils.writing import check_writable

__all__ = ["listing", "run"]

_STOP = "q"
_SKIP = "s"


class _Stop(Exception):
    """The user stopped: q, end of input or Ctrl-C."""


class _Session:
    """One run of the scan on one case file."""

    def __init__(self, path, stdin, stdout, lang, knowledge):
        self.path = pathlib.Path(path)
        self.stdin = stdin
        self.stdout = stdout
        self.lang = lang
        self.knowledge = knowledge
        self.labels = knowledge.labels(lang)
        self.case = load_case(self.path)
        check_writable(self.path)  # say so now, not after the first answer
        self.backup = None
        self.saved = False
        self.answers = 0
        self.respondents = set()

    def say(self, text):
        self.stdout.write(terminal(text) + "\n")
        self.stdout.flush()

    def message(self, key, **values):
        return fill(self.labels[key], **values)

    def ask(self, prompt):
        """One line of input, stripped; raise _Stop on q, end of input or Ctrl-C."""
        self.stdout.write(f"{prompt}> ")
        self.stdout.flush()
        try:
            line = self.stdin.readline()
        except KeyboardInterrupt as exc:
            raise _Stop from exc
        if not line:
            self.stdout.write("\n")
            raise _Stop
        line = line.strip()
        if line.lower() == _STOP:
            raise _Stop
        return line

    def save(self, respondent):
        from ..case.roundtrip import merge_respondents  # ruamel.yaml, only when answers are written

        written = merge_respondents(self.path, [respondent], backup=not self.saved)
        self.backup = written.backup or self.backup
        self.saved = True
        self.case = written.case

    def respondents_list(self):
        return list(self.case.scan.respondents) if self.case.scan else []


    def choose_respondent(self):
        """Return (index, respondent) of the next respondent, or None to finish."""
        partners = [partner.id for partner in self.case.partners]
        while True:
            given = self.ask(self.labels["scan_respondent"])
            if not given:
                return None
            if not ID_META["pattern"].fullmatch(given):
                self.say(self.labels["scan_bad_id"])
                continue
            for index, respondent in enumerate(self.respondents_list()):
                if respondent.id == given:
                    return index, respondent
            while True:
                partner = self.ask(self.message("scan_partner", respondent=given, partners=", ".join(partners)))
                if partner in partners:
                    return len(self.respondents_list()), Respondent(given, partner, {})
                self.say(self.message("scan_bad_partner", partners=", ".join(partners)))

    def interview(self, index, respondent):
        statements = self.knowledge.statements
        open_statements = [s for s in statements if s.id not in respondent.answers]
        if not open_statements:
            self.say(self.message("scan_complete", respondent=respondent.id))
            return
        if respondent.answers:
            self.say(self.message("scan_resume", respondent=respondent.id, partner=respondent.partner,
                                  answered=len(respondent.answers), count=len(statements)))
        position = {statement.id: number for number, statement in enumerate(statements, start=1)}
        for statement in open_statements:
            perspective = self.knowledge.label("scan_factor", "perspective", FACTORS[statement.factor], self.lang)
            factor = self.knowledge.label("scan_factor", "id", statement.factor, self.lang)
            self.say(f"\n[{position[statement.id]}/{len(statements)}] {perspective} — {factor}")
            self.say(f"  {statement.text.get(self.lang)}")
            while True:
                given = self.ask(f"  {self.labels['scan_prompt']} ")
                if given.lower() == _SKIP:
                    answer = None
                    break
                if given in ("1", "2", "3", "4", "5"):
                    answer = int(given)
                    break
                self.say("  " + self.labels["scan_invalid"])
            respondent = attrs.evolve(respondent, answers={**respondent.answers, statement.id: answer})
            self.save(respondent)
            self.answers += answer is not None
            self.respondents.add(respondent.id)

    def run(self):
        if not self.case.partners:
            raise CaseError([Problem("partners", "the case lists no partners; add them before the scan,"
                                                 " so that each respondent can be tied to one")], str(self.path))
        self.say(self.message("scan_intro", count=len(self.knowledge.statements)))
        try:
            while True:
                chosen = self.choose_respondent()
                if chosen is None:
                    break
                self.interview(*chosen)
        except (_Stop, KeyboardInterrupt):
            pass
        if not self.saved:
            return self.message("scan_nothing", file=self.path) + "\n"
        answers = counted(self.labels, "scan_answers", self.answers, self.lang)
        respondents = counted(self.labels, "scan_respondents", len(self.respondents), self.lang)
        return self.message("scan_saved", answers=answers, respondents=respondents,
                            file=self.path, backup=self.backup) + "\n"


def run(path, stdin, stdout, lang="en", knowledge=None):
    """Ask the scan's statements in a terminal and write the answers into the case file at ``path``.

    Parameters
    ----------
    path : str or os.PathLike
        A YAML or JSON case file that lists the partners.
    stdin, stdout : file-like
        Where the answers are read from (line by line) and the questions
        written to.
    lang : {'en', 'nl'}
        The language of the statements and the prompts.
    knowledge : KnowledgeBase, str or os.PathLike, optional
        Whose scan statements to ask (or the path of its folder); by
        default the shipped knowledge's.

    Returns
    -------
    str
        What was saved, as a line of text.

    Raises
    ------
    CaseError
        If the file is not a valid case or lists no partners.
    """
    return _Session(path, stdin, stdout, lang, knowledge_base(knowledge)).run()


def listing(lang="en", knowledge=None):
    """The scan's statements by perspective and factor, each with its id, its text and why it is asked.

    The source names the factors but gives no statements, so every one is
    the project's (``basis: derived``) and its reason says which side of
    its factor it asks about; that reason is shown under it, as ``interorg
    rules`` shows a derived rule's.

    Parameters
    ----------
    lang : {'en', 'nl'}
        The language of the statements, their reasons and the headings.
    knowledge : KnowledgeBase, str or os.PathLike, optional
        Whose scan statements to list (or the path of its folder); by
        default the shipped knowledge's.

    Returns
    -------
    str
        The listing, one statement and one reason a line.

    Examples
    --------
    >>> print(listing("nl").splitlines()[4])
        felt_urgency_1  Voor mijn organisatie is het urgent dat deze samenwerking slaagt.
    """
    knowledge = knowledge_base(knowledge)
    labels = knowledge.labels(lang)
    lines = [fill(labels["scan_statements"], count=len(knowledge.statements))]
    perspective = factor = None
    for statement in knowledge.statements:
        if FACTORS[statement.factor] != perspective:
            perspective = FACTORS[statement.factor]
            heading = knowledge.label("scan_factor", "perspective", perspective, lang)
            lines += ["", heading[:1].upper() + heading[1:]]  # the vocabulary's label, as a heading
        if statement.factor != factor:
            factor = statement.factor
            lines.append(f"  {knowledge.label('scan_factor', 'id', factor, lang)}")
        lines.append(f"    {statement.id}  {statement.text.get(lang)}")
        if statement.reason is not None:
            lines.append(f"      {labels['rules_derived']}: {statement.reason.get(lang)}")
    return "\n".join(lines) + "\n"
