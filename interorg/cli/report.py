"""``interorg report CASE -o report.html``: the report to hand over, one self-contained HTML file.

The same document as ``interorg advise --format html``: the action plan
first, the diagnosis, the figures, then the advice with its explanations
folded; print it to PDF from a browser.  Without matplotlib it is written
without figures, and a warning on standard error says so.  The file is a
document to hand over and tells no commands to type; how to get what it
leaves out (``interorg plot`` for the figures of a large network) goes to
standard error.
"""

import sys

from ..pipeline import advise
from ..report.hints import report_hints
from ..report.html import figures_available, report_html, save_report
from ..report.view import Selection
from .helptext import add_language
from .knowledge import add_knowledge
from .said import wrote

__all__ = ["add_command", "write"]


def write(advice, output, figures=True, selection=Selection()):
    """Write the report of ``advice`` to the file ``output``, or return it when ``output`` is None.

    A warning goes to standard error when the figures cannot be drawn, and
    so does each hint on what the report leaves out (its file tells none).
    """
    if figures and not figures_available():
        print(f"interorg: {advice.labels['cli_warning']}: {advice.labels['report_no_figures']}", file=sys.stderr)
    for told in report_hints(advice, "cli", figures):
        print(f"interorg: {told}", file=sys.stderr)
    if output is None:
        return report_html(advice, figures, selection)
    save_report(advice, output, figures, selection)
    return wrote(output, advice.lang)


def _run(args, read_case):
    advice = advise(read_case(args), lang=args.lang, knowledge=args.knowledge)
    return write(advice, args.output, figures=not args.no_figures)


def add_command(commands, add_case_arguments, read_case):
    """Add ``report`` to the subcommands of the ``interorg`` parser.

    Parameters
    ----------
    commands : argparse._SubParsersAction
    add_case_arguments : callable
        Adds CASE, ``--example`` and ``--allow-empty`` to a command.
    read_case : callable
        ``read_case(args)`` returns the case the arguments name.
    """
    command = commands.add_parser(
        "report", help="write the report to hand over: one HTML file, the action plan first, to print to PDF")
    add_case_arguments(command)
    add_language(command)
    add_knowledge(command)
    command.add_argument("-o", "--output", metavar="FILE",
                         help="the HTML file to write (report.html); the screen when not given")
    command.add_argument("--no-figures", action="store_true",
                         help="leave out the figures (faster; they need matplotlib)")
    command.set_defaults(run=lambda args: _run(args, read_case))
    return command
