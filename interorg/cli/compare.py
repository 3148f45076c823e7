"""``interorg compare OLD NEW``: what moved between two assessments, as text, Markdown, HTML or JSON."""

from ..pipeline import LANGUAGES, compare
from ..errors import UsageError

__all__ = ["add_command"]


def _run(args, read_case):
    result = compare(read_case(args.old, None), read_case(args.new, None), lang=args.lang)
    if args.plot:
        from ..report.plots import FORMATS, save_figure, scan_rounds

        if not args.plot.lower().endswith(FORMATS):
            raise UsageError(f"--plot must end in {', '.join(FORMATS)}; got '{args.plot}'")
        save_figure(scan_rounds([read_case(args.old, None), read_case(args.new, None)], lang=args.lang), args.plot)
    if args.format == "json":
        return result.to_json() + "\n"
    if args.format == "markdown":
        return result.to_markdown()
    if args.format == "html":
        return result.to_html() + "\n"
    return result.to_text()


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
    command.set_defaults(run=lambda args: _run(args, read_case))
