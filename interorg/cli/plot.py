"""``interorg plot KIND CASE -o FILE``: the pictures of a case as PNG, SVG or PDF.

Kinds: ``heatmap`` (the scan, partner × factor), ``agreement`` (the
partners' spread per factor), ``grid`` (the relationships on trust ×
vigilance), ``map`` (the partner network) and ``rounds`` (the scan over
several assessments: give two or more case files, oldest first).
"""

import pathlib

from ..case import example_names
from ..case.examples import DEFAULT
from ..errors import UsageError
from ..pipeline import advise, network_graph
from .helptext import add_language
from .knowledge import add_knowledge
from .said import wrote

__all__ = ["KINDS", "add_command"]

#: What can be drawn, with the words of ``interorg plot --help``.
KINDS = {
    "heatmap": "the scan as a partner × factor heat map with the bands",
    "agreement": "the agreement between the partners per factor",
    "grid": "the relationships on the trust × vigilance grid",
    "map": "the partner network as a concentric map",
    "rounds": "the scan factors over several assessments (two or more cases, oldest first)",
}



def _draw(kind, advices):
    from ..report import plots

    if kind == "rounds":
        return plots.scan_rounds(advices)
    advice = advices[0]
    if kind == "map":
        return plots.draw_map(network_graph(advice), lang=advice.lang)
    return {"heatmap": plots.scan_heatmap, "agreement": plots.scan_agreement,
            "grid": plots.trust_grid}[kind](advice)


def _run(args, read_case):
    from ..report.plots import FORMATS, save_figure

    if pathlib.Path(args.output).suffix.lower() not in FORMATS:
        raise UsageError(f"--output must end in {', '.join(FORMATS)}; got '{args.output}'")
    if args.kind == "rounds":
        if len(args.cases) < 2:
            raise UsageError("plot rounds needs two or more case files, oldest first")
        cases = [read_case(path, None) for path in args.cases]
    else:
        if len(args.cases) > 1:
            raise UsageError(f"plot {args.kind} draws one case; got {len(args.cases)}")
        cases = [read_case(args.cases[0] if args.cases else None, args.example)]
    advices = [advise(case, lang=args.lang, knowledge=args.knowledge) for case in cases]
    save_figure(_draw(args.kind, advices), args.output)
    return wrote(args.output, args.lang)


def add_command(commands, read_case):
    """Add ``plot`` to the subcommands of the ``interorg`` parser.

    Parameters
    ----------
    commands : argparse._SubParsersAction
    read_case : callable
        ``read_case(path_or_None, example)`` returns the case named on the
        command line (a file, ``-``, or the bundled example named by
        ``--example``), raising a usage error for both or neither.
    """
    command = commands.add_parser("plot", help="draw a picture of a case: " + ", ".join(KINDS),
                                  description="\n".join(f"{kind}: {text}" for kind, text in KINDS.items()))
    command.add_argument("kind", choices=tuple(KINDS))
    command.add_argument("cases", nargs="*", metavar="CASE", help="the case file(s); rounds takes several")
    command.add_argument("--example", nargs="?", const=DEFAULT, metavar="NAME",
                         help=f"use a bundled example case: {', '.join(example_names())} (default {DEFAULT})")
    command.add_argument("-o", "--output", required=True, help="the picture to write: .png, .svg or .pdf")
    add_language(command)
    add_knowledge(command)
    command.set_defaults(run=lambda args: _run(args, read_case))
