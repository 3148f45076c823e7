"""``interorg compare OLD NEW``: what moved between two assessments, as text, Markdown, HTML or JSON."""

import sys

from ..analysis.labels import message
from ..errors import UsageError
from ..pipeline import compare
from ..report.escape import one_line, terminal
from ..utils.writing import write_text
from .helptext import add_language
from .knowledge import add_knowledge
from .said import wrote

__all__ = ["add_command"]


def _run(args, read_case):
    old, new = read_case(args.old, None), read_case(args.new, None)
    result = compare(old, new, lang=args.lang, knowledge=args.knowledge)
    if result.in_reverse:  # compared as asked; the reader should know time runs backwards in it
        print(f"interorg: {message('cli_warning', args.lang)}: {message('compare_reversed', args.lang)}",
              file=sys.stderr)
    if args.output or args.format == "json":
        # the rendering starts with these warnings; where it goes to a file, or is JSON, the screen hears them too
        for text in result.warnings():
            print(f"interorg: {message('cli_warning', args.lang)}: {terminal(one_line(text))}", file=sys.stderr)
    if args.plot:
        from ..report.plots import FORMATS, save_figure, scan_rounds

        if not args.plot.lower().endswith(FORMATS):
            raise UsageError(f"--plot must end in {', '.join(FORMATS)}; got '{args.plot}'")
        save_figure(scan_rounds([old, new], lang=args.lang), args.plot)
    if args.format == "json":
        output = result.to_json() + "\n"
    elif args.format == "markdown":
        output = result.to_markdown()
    elif args.format == "html":
        output = result.to_html() + "\n"
    else:
        output = result.to_text()
    if args.output:
        write_text(args.output, output)
        return wrote(args.output, args.lang)
    return output


def add_command(commands, read_case):
    """Add ``compare`` to the subcommands of the ``interorg`` parser.

    ``read_case(path, example)`` reads a case named on the command line.
    """
    command = commands.add_parser("compare", help="what moved between two assessments of one collaboration")
    command.add_argument("old", help="the earlier assessment (a case file)")
    command.add_argument("new", help="the later assessment (a case file)")
    command.add_argument("--format", choices=("text", "markdown", "html", "json"), default="text")
    add_language(command)
    add_knowledge(command)
    command.add_argument("--plot", metavar="FILE", help="also draw the scan factors over the two rounds (.png, .svg, .pdf)")
    command.add_argument("-o", "--output", metavar="FILE", help="write the comparison to FILE instead of the screen")
    command.set_defaults(run=lambda args: _run(args, read_case))
