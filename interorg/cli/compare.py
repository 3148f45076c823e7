"""``interorg compare OLD NEW``: what moved between two assessments, as text, Markdown, HTML or JSON."""

import sys

from ..analysis.knowledge import load_knowledge
from ..errors import UsageError
from ..pipeline import LANGUAGES, compare
from ..utils.writing import write_text
from .said import wrote

__all__ = ["add_command"]


def _later(old, new):
    """Whether the 'earlier' assessment is later than the 'later' one, by round, else by date."""
    if old.round is not None and new.round is not None:
        return old.round > new.round
    return bool(old.assessed and new.assessed and old.assessed > new.assessed)


def _run(args, read_case):
    old, new = read_case(args.old, None), read_case(args.new, None)
    if _later(old, new):  # the comparison reads as if time ran backwards: say so, and compare as asked
        warning = load_knowledge().messages
        print(f"interorg: {warning['cli_warning'].get(args.lang)}: {warning['compare_reversed'].get(args.lang)}",
              file=sys.stderr)
    result = compare(old, new, lang=args.lang)
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
    command.add_argument("--lang", choices=LANGUAGES, default="en")
    command.add_argument("--plot", metavar="FILE", help="also draw the scan factors over the two rounds (.png, .svg, .pdf)")
    command.add_argument("-o", "--output", metavar="FILE", help="write the comparison to FILE instead of the screen")
    command.set_defaults(run=lambda args: _run(args, read_case))
