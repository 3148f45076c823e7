"""The ``interorg`` command line.

Exit codes: 0 on success, 2 for invalid input (a case or knowledge file, or
the command's own arguments), 1 when the environment fails (a file that
cannot be written, matplotlib missing for ``map``), always with the problem on
standard error and no traceback.  At most :data:`MAX_PROBLEMS_SHOWN` problems
are printed, then how many more there are; control characters from the input
are shown as escapes.
"""

import argparse
import json
import pathlib
import sys

from .. import __version__
from ..analysis.knowledge import knowledge_base, load_knowledge
from ..case import case_from_text, example_case, example_names, load_case
from ..case.examples import DEFAULT
from ..case.limits import CASE_LIMITS
from ..engine.translation import describe_error
from ..engine.wording import fill
from ..errors import InterorgError
from ..pipeline import LANGUAGES, advise, network_graph
from ..report import escape
from . import advise as advise_command
from . import casework, compare, export, plot, report, research, scan_import, survey
from .helptext import LANGUAGE_HELP, add_language, localise
from .knowledge import add_knowledge, settle_knowledge
from .outputs import check_outputs
from .said import wrote

__all__ = ["main"]

EXIT_OK = 0
EXIT_ENVIRONMENT = 1
EXIT_INPUT = 2

#: The most problems printed for one input; the rest are counted.
MAX_PROBLEMS_SHOWN = 200


def _case(args):
    """The case named on the command line: a file, standard input (-) or a bundled example."""
    if (args.example is not None) == bool(args.case):
        raise _UsageError("give a CASE file or --example, not both and not neither")
    if args.example is not None:
        return example_case(args.example)
    if args.case == "-":
        return case_from_text(_read_stdin(), "<stdin>", allow_empty=getattr(args, "allow_empty", False))
    return load_case(args.case, allow_empty=getattr(args, "allow_empty", False))


def _read_stdin():
    """Standard input, as bytes where it has them, read no further than a case file may be long."""
    stream = getattr(sys.stdin, "buffer", sys.stdin)
    return stream.read(CASE_LIMITS.max_bytes + 1)


def _rules(args):
    knowledge = knowledge_base(args.knowledge)
    rows = []
    for rule in knowledge.rules:
        rows.append({
            "id": rule.id,
            "title": rule.title.get(args.lang),
            # the plan's title for an urgent warning, in the imperative (knowledge/README.md, The action plan)
            "action": None if rule.action is None else rule.action.get(args.lang),
            "kind": rule.kind,
            "priority": rule.priority,
            "model": rule.model,
            "basis": rule.basis,
            "reason": None if rule.reason is None else rule.reason.get(args.lang),
            # each passage the rule rests on: two quotes from one place are two entries, told apart by the quote
            "sources": [{"source": ref.source, "document": knowledge.sources[ref.source].file,
                         "where": knowledge.locator(ref, args.lang), "quote": ref.quote} for ref in rule.sources],
        })
    if args.format == "json":
        return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    lines = []
    for row in rows:
        # two quotes from one place are one place to look up
        places = dict.fromkeys(f"{s['source']} “{s['where']}”" for s in row["sources"])
        kind, basis = (knowledge.message(f"rules_{row[key]}", args.lang) for key in ("kind", "basis"))
        # a step has no priority: it is never advice on its own
        priority = "" if row["priority"] is None else f", {knowledge.message('priority_' + row['priority'], args.lang)}"
        lines.append(f"{row['id']}  [{kind}{priority}, {basis}]  {row['title']}")
        lines.append(f"    {'; '.join(places)}")
        if row["action"]:
            lines.append(f"    {knowledge.message('rules_action', args.lang)}: {row['action']}")
        if row["reason"]:
            lines.append(f"    {knowledge.message('rules_derived', args.lang)}: {row['reason']}")
    return "\n".join(lines) + "\n"


def _map(args):
    from ..report.plot import save_map

    case = _case(args)
    suffix = pathlib.Path(args.output).suffix.lower()
    if suffix not in (".png", ".svg", ".pdf"):
        raise _UsageError(f"--output must end in .png, .svg or .pdf; got '{args.output}'")
    save_map(network_graph(advise(case, lang=args.lang, knowledge=args.knowledge)), args.output, lang=args.lang)
    return wrote(args.output, args.lang)


def _graph(args):
    from ..report.graphml import write_graphml

    case = _case(args)
    if not args.output.lower().endswith(".graphml"):
        raise _UsageError(f"--output must end in .graphml; got '{args.output}'")
    write_graphml(network_graph(advise(case, knowledge=args.knowledge)), args.output)
    return wrote(args.output, args.lang)


def _scan(args):
    if args.statements:
        if args.case or args.answers:
            raise _UsageError("--statements lists the statements; it takes no CASE file and no --import")
        return survey.listing(lang=args.lang, knowledge=args.knowledge)
    if not args.case:
        raise _UsageError("give a CASE file to scan into, or --statements to list the statements")
    if args.answers:
        return scan_import.run(args.case, args.answers, lang=args.lang, knowledge=args.knowledge)
    return survey.run(args.case, sys.stdin, sys.stdout, lang=args.lang, knowledge=args.knowledge)


def _coverage(args):
    from ..research import coverage

    if args.cases:
        return research.corpus_coverage(args)
    if args.by or args.threshold is not None:
        raise _UsageError("--by and --threshold count what cases exercise: name CASE files or directories")
    sources = coverage.coverage(knowledge=args.knowledge, lang=args.lang)
    if args.format == "json":
        return json.dumps(coverage.to_dict(sources), indent=2, ensure_ascii=False) + "\n"
    if args.format == "markdown":
        return coverage.to_markdown(sources, args.lang)
    return coverage.to_text(sources, args.lang)


class _UsageError(InterorgError):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        raise _UsageError(f"{self.prog}: {message}")


def _add_case_arguments(command):
    command.add_argument("case", nargs="?", help="the case file, or - to read YAML or JSON from standard input")
    command.add_argument("--example", nargs="?", const=DEFAULT, metavar="NAME",
                         help=f"use a bundled example case: {', '.join(example_names())} (default {DEFAULT})")
    command.add_argument("--allow-empty", action="store_true",
                         help="advise on an empty case file (or one of comments only) instead of refusing it")


def _parser(lang="en"):
    """The parser of the command line, its help in ``lang``."""
    parser = _Parser(prog="interorg", description="Explained advice on collaboration between organisations.")
    parser.add_argument("--version", action="version", version=f"interorg {__version__}")
    # the language of every command, unless the command is given its own
    parser.add_argument("--lang", choices=LANGUAGES, default="en", help=LANGUAGE_HELP)
    # so is the knowledge folder: the commands that draw on none refuse it
    add_knowledge(parser, program=True)
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    advise_command.add_parser(commands, _add_case_arguments, _case)
    report.add_command(commands, _add_case_arguments, _case)

    map_cmd = commands.add_parser("map", help="draw the partner network as a concentric map (PNG, SVG or PDF)")
    _add_case_arguments(map_cmd)
    map_cmd.add_argument("-o", "--output", required=True, help="the picture to write: .png, .svg or .pdf")
    add_language(map_cmd)
    add_knowledge(map_cmd)
    map_cmd.set_defaults(run=_map)

    graph_cmd = commands.add_parser("graph", help="export the partner network to GraphML (for Gephi)")
    _add_case_arguments(graph_cmd)
    graph_cmd.add_argument("-o", "--output", required=True, help="the .graphml file to write")
    add_language(graph_cmd)
    add_knowledge(graph_cmd)
    graph_cmd.set_defaults(run=_graph)

    scan_cmd = commands.add_parser(
        "scan", help="ask the scan's statements in the terminal and write the answers into the case file")
    scan_cmd.add_argument("case", nargs="?", help="the case file (YAML or JSON); it must list the partners")
    add_language(scan_cmd)
    add_knowledge(scan_cmd)
    scan_cmd.add_argument("--import", dest="answers", metavar="CSV",
                          help="import the answers of a form export (one row per respondent) instead of asking")
    scan_cmd.add_argument("--statements", action="store_true",
                          help="list the statements, each with why it is asked, instead of asking them")
    scan_cmd.set_defaults(run=_scan)

    rules_cmd = commands.add_parser("rules", help="list every rule with its source and basis")
    rules_cmd.add_argument("--format", choices=("text", "json"), default="text")
    add_language(rules_cmd)
    add_knowledge(rules_cmd)
    rules_cmd.set_defaults(run=_rules)

    coverage_cmd = commands.add_parser(
        "coverage", help="every model of every source, the rules that encode it, and how many fire on the example")
    coverage_cmd.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    add_language(coverage_cmd)
    add_knowledge(coverage_cmd)
    research.add_corpus_arguments(coverage_cmd)
    coverage_cmd.set_defaults(run=_coverage)
    export.add_command(commands)
    read_case = lambda path, example, allow_empty=False: _case(  # noqa: E731
        argparse.Namespace(case=path, example=example, allow_empty=allow_empty))
    plot.add_command(commands, read_case)
    casework.add_commands(commands, read_case, _add_case_arguments)
    compare.add_command(commands, read_case)
    research.register(commands)
    return localise(parser, lang)


def _bounded(exc):
    """``exc`` with at most MAX_PROBLEMS_SHOWN of its problems, and the number of the rest (or 0).

    The rest counts the problems the error did not keep (its ``more``) as well.
    """
    problems = getattr(exc, "problems", None)
    more = getattr(exc, "more", 0) or 0
    if not problems or (len(problems) <= MAX_PROBLEMS_SHOWN and not more):
        return exc, 0
    shown = problems[:MAX_PROBLEMS_SHOWN]
    return type(exc)(shown, exc.source), len(problems) - len(shown) + more


def _language(argv):
    """The --lang the user asked for, also when parsing stopped at an error; 'en' by default.

    The last one given, as argparse takes it: a command's own ``--lang``
    comes after the program's.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    found = "en"
    for index, argument in enumerate(argv):
        if argument == "--":  # what follows is not an option
            break
        value = argv[index + 1] if argument == "--lang" and index + 1 < len(argv) else (
            argument.partition("=")[2] if argument.startswith("--lang=") else None)
        if value in LANGUAGES:
            found = value
    return found


def _error_text(error, argv):
    """An error for the terminal, in the language asked for (the problems of a case translated), bounded."""
    error, more = _bounded(error)
    lang = _language(argv)
    try:
        messages = load_knowledge().messages
    except InterorgError:  # a broken knowledge base: its own error is the one to show, in English
        messages = None
    if lang == "en" or not messages:
        text, word = str(error), "error"
    else:
        text = describe_error(error, messages, lang)
        word = messages["cli_error"].get(lang)
    if more:
        label = messages["more_problems"].get(lang) if messages else "... and {count} more problems"
        text += "\n" + fill(label, count=f"{more:,}")
    text = escape.terminal(text)
    # argparse names the program in its errors ("interorg advise: ..."): the line starts with it already
    for program in ("interorg: ", "interorg "):
        text = text[len(program):] if text.startswith(program) else text
    return f"interorg: {word}:\n{text}" if "\n" in text else f"interorg: {word}: {text}"


def main(argv=None):
    """Run the command line; return the exit code.

    Parameters
    ----------
    argv : list of str, optional
        The arguments; by default ``sys.argv[1:]``.
    """
    try:
        args = _parser(_language(argv)).parse_args(argv)
        settle_knowledge(args)  # the command's own --knowledge, else the program's
        check_outputs(args)  # before the command opens anything: its output may not replace its input
        output = args.run(args)
    except InterorgError as exc:
        print(_error_text(exc, argv), file=sys.stderr)
        return EXIT_ENVIRONMENT if isinstance(exc, (ImportError, OSError)) else EXIT_INPUT
    except OSError as exc:  # not one of ours (a write the command made itself): said in the user's language too
        print(_error_text(exc, argv), file=sys.stderr)
        return EXIT_ENVIRONMENT
    output, code = output if isinstance(output, tuple) else (output, EXIT_OK)  # a command may fail on its result
    sys.stdout.write(output)
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
