"""``interorg export``: the rule base (and a case's facts) in the format of another engine."""

import pathlib

from .helptext import add_language
from .said import wrote

__all__ = ["add_command"]


def _export(args):
    from ..research.export import to_clips  # only this command needs the exporter

    program = to_clips(args.case, lang=args.lang)
    if args.output is None:
        return program
    pathlib.Path(args.output).write_text(program, encoding="utf-8")
    return wrote(args.output, args.lang)


def add_command(commands):
    """Add the ``export`` command to the sub-parsers ``commands``."""
    command = commands.add_parser(
        "export", help="write the rule base as a CLIPS 6.4 program, with a case's facts as deffacts")
    command.add_argument("--format", choices=("clips",), default="clips")
    command.add_argument("--case", help="a case file whose input facts to add as one deffacts")
    command.add_argument("-o", "--output", help="the file to write (default: standard output)")
    add_language(command)
    command.set_defaults(run=_export)
