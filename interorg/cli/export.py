"""``interorg export``: the rule base (and a case's facts) in the format of another engine, or as a folder to edit.

``--format clips`` writes a CLIPS 6.4 program; ``--format knowledge -o DIR``
writes a copy of the knowledge folder itself (the shipped one, or the one
``--knowledge`` names), to edit and give back to any command with
``--knowledge DIR``.
"""

import pathlib

from ..analysis.labels import message
from ..engine.wording import fill
from ..errors import UsageError
from .helptext import add_language
from .knowledge import add_knowledge
from .said import wrote

__all__ = ["add_command"]


def _export(args):
    if args.format == "knowledge":
        return _copy(args)
    from ..research.export import to_clips  # only this command needs the exporter

    program = to_clips(args.case, knowledge=args.knowledge, lang=args.lang)
    if args.output is None:
        return program
    pathlib.Path(args.output).write_text(program, encoding="utf-8")
    return wrote(args.output, args.lang)


def _copy(args):
    from ..research.knowledge_copy import copy_knowledge

    if args.case is not None:
        raise UsageError("--format knowledge takes no --case: it copies the knowledge folder itself")
    if args.output in (None, "-"):
        raise UsageError("--format knowledge needs --output DIR: the folder to copy the knowledge into")
    written = copy_knowledge(args.output, knowledge=args.knowledge)
    return fill(message("export_knowledge_copied", args.lang), folder=args.output, files=str(len(written))) + "\n"


def add_command(commands):
    """Add the ``export`` command to the sub-parsers ``commands``."""
    command = commands.add_parser(
        "export", help="write the rule base as a CLIPS 6.4 program, with a case's facts as deffacts,"
                         " or copy the knowledge folder to edit")
    command.add_argument("--format", choices=("clips", "knowledge"), default="clips",
                         help="clips: a CLIPS 6.4 program (the default); knowledge: a copy of the knowledge folder to edit,"
                              " written into the new folder --output")
    command.add_argument("--case", help="a case file whose input facts to add as one deffacts")
    command.add_argument("-o", "--output",
                         help="the file to write (default: standard output); with --format knowledge, the folder")
    add_language(command)
    add_knowledge(command)
    command.set_defaults(run=_export)
