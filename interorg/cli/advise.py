"""``interorg advise``: the advice on one case, as text, Markdown, JSON or the HTML report.

By default the action plan and the rest in brief; ``--full`` everything with
explanations and sources; ``--explain KEY`` one conclusion in full.  The
filters narrow what is shown, never what is concluded.  ``--format html``
gives the document of ``interorg report``.  A file named by ``--output`` is
written atomically.
"""

from ..errors import UsageError
from ..pipeline import advise
from ..report.view import selection_for
from ..utils.writing import write_text
from . import report
from .helptext import add_language
from .knowledge import add_knowledge
from .said import wrote

__all__ = ["add_parser"]


#: The options that select what a reader is shown, and those that shape the JSON: each ignored by the other formats.
_SELECTING = ("explain", "kind", "model", "partner", "top", "full", "brief")
_JSON_ONLY = ("indent", "no_explanations")


def _refuse_ignored(args):
    """Refuse options the chosen format would ignore: what the user asked for is not dropped without a word."""
    def given(names):
        return ", ".join("--" + name.replace("_", "-") for name in names
                         if getattr(args, name) not in (None, False, []))

    if args.format == "json" and given(_SELECTING):
        raise UsageError(f"--format json takes no {given(_SELECTING)}: the JSON holds the whole advice,"
                         f" for a tool to select from")
    if args.format != "json" and given(_JSON_ONLY):
        raise UsageError(f"--format {args.format} takes no {given(_JSON_ONLY)} (for --format json only)")
    if args.format == "html" and args.explain:
        raise UsageError("--format html takes no --explain: the report explains every conclusion")
    if args.top is not None and args.top < 1:
        raise UsageError(f"--top: expected a whole number of 1 or more; got {args.top}")


def _run(args, case):
    _refuse_ignored(args)
    advice = advise(case, lang=args.lang, knowledge=args.knowledge)
    if args.explain:
        if args.explain not in advice:
            raise UsageError(f"'{args.explain}' is not a conclusion of this advice;"
                             f" 'interorg explain CASE RULE' says why a rule did not fire")
        output = advice.explain(args.explain)
    elif args.format == "html":
        selection = selection_for(advice, args.kind or (), args.model or (), args.partner, args.top)
        return report.write(advice, args.output, selection=selection)
    elif args.format == "json":
        output = advice.to_json(args.indent, explanations=not args.no_explanations) + "\n"
    else:
        # the brief says how to see more as a command line user types it: --full, --explain KEY
        options = dict(full=args.full, kinds=tuple(args.kind or ()), models=tuple(args.model or ()),
                       partner=args.partner, top=args.top, hints="cli")
        output = advice.to_markdown(**options) if args.format == "markdown" else advice.to_text(**options)
    if args.output:
        write_text(args.output, output)
        return wrote(args.output, args.lang)
    return output


def add_parser(commands, add_case_arguments, read_case):
    """Add the ``advise`` command to the ``commands`` of the parser."""
    command = commands.add_parser("advise", help="advise on a case file (YAML or JSON): the action plan first")
    add_case_arguments(command)
    command.add_argument("--format", choices=("text", "markdown", "json", "html"), default="text",
                         help="html: the report of 'interorg report', one self-contained file")
    add_language(command)
    add_knowledge(command)
    command.add_argument("--indent", type=int, metavar="N",
                         help="with --format json: lay the JSON out with N spaces (default: compact)")
    command.add_argument("--full", action="store_true",
                         help="everything: each conclusion with its explanation and sources, what was set aside")
    command.add_argument("--brief", action="store_true", help="the plan and the advice in brief (the default)")
    command.add_argument("--explain", metavar="KEY", help="one conclusion in full: id or id[subject]")
    command.add_argument("--kind", action="append", choices=("finding", "warning", "recommendation"),
                         help="show only this kind (repeatable)")
    command.add_argument("--model", action="append", metavar="MODEL",
                         help="show only this model, or models under a prefix such as 'trust' (repeatable)")
    command.add_argument("--partner", metavar="ID", help="show only conclusions about this partner")
    command.add_argument("--top", type=int, metavar="N", help="at most N actions and N entries per list")
    command.add_argument("--no-explanations", action="store_true",
                         help="JSON without the derivation trees (the plan and the conclusions only)")
    command.add_argument("-o", "--output", metavar="FILE", help="write the advice to FILE instead of the screen")
    command.set_defaults(run=lambda args: _run(args, read_case(args)))
    return command
