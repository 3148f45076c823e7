"""The ``interorg`` command line.

Exit codes: 0 on success, 2 for invalid input (a case or knowledge file, or
the command's own arguments), with the problems on standard error and no
traceback.
"""

import argparse
import json
import sys

from . import __version__
from ._loading import load_knowledge
from .engine import LANGUAGES, advise
from ._files import parse_document
from .casefile import case_from_dict
from .errors import CaseError, InterorgError
from .examples import DEFAULT, example_case, example_names

__all__ = ["main"]

EXIT_OK = 0
EXIT_INPUT = 2


def _advise(args):
    if (args.example is not None) == bool(args.case):
        raise _UsageError("give a CASE file or --example, not both and not neither")
    if args.example is not None:
        case = example_case(args.example)
    elif args.case == "-":
        document = parse_document(sys.stdin.read(), "<stdin>", CaseError)
        case = case_from_dict(document.data, document.name, _document=document)
    else:
        case = args.case
    advice = advise(case, lang=args.lang)
    if args.format == "json":
        return advice.to_json() + "\n"
    if args.format == "markdown":
        return advice.to_markdown(explain=not args.brief)
    return advice.to_text(explain=not args.brief)


def _rules(args):
    knowledge = load_knowledge()
    rows = []
    for rule in knowledge.rules:
        rows.append({
            "id": rule.id,
            "title": rule.title.get(args.lang),
            "kind": rule.kind,
            "model": rule.model,
            "basis": rule.basis,
            "reason": rule.reason,
            "sources": [{"source": ref.source, "document": knowledge.sources[ref.source].file,
                         "where": ref.where} for ref in rule.sources],
        })
    if args.format == "json":
        return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    lines = []
    for row in rows:
        where = "; ".join(f"{s['source']} “{s['where']}”" for s in row["sources"])
        lines.append(f"{row['id']}  [{row['kind']}, {row['basis']}]  {row['title']}")
        lines.append(f"    {where}")
        if row["reason"]:
            lines.append(f"    derived: {row['reason']}")
    return "\n".join(lines) + "\n"


class _UsageError(InterorgError):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        raise _UsageError(f"{self.prog}: {message}")


def _parser():
    parser = _Parser(prog="interorg", description="Explained advice on collaboration between organisations.")
    parser.add_argument("--version", action="version", version=f"interorg {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    advise_cmd = commands.add_parser("advise", help="advise on a case file (YAML or JSON)")
    advise_cmd.add_argument("case", nargs="?", help="the case file, or - to read YAML or JSON from standard input")
    advise_cmd.add_argument("--example", nargs="?", const=DEFAULT, metavar="NAME",
                            help=f"use a bundled example case: {', '.join(example_names())} (default {DEFAULT})")
    advise_cmd.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    advise_cmd.add_argument("--lang", choices=LANGUAGES, default="en")
    advise_cmd.add_argument("--brief", action="store_true", help="leave out sources and explanations (text, markdown)")
    advise_cmd.set_defaults(run=_advise)

    rules_cmd = commands.add_parser("rules", help="list every rule with its source and basis")
    rules_cmd.add_argument("--format", choices=("text", "json"), default="text")
    rules_cmd.add_argument("--lang", choices=LANGUAGES, default="en")
    rules_cmd.set_defaults(run=_rules)
    return parser


def main(argv=None):
    """Run the command line; return the exit code.

    Parameters
    ----------
    argv : list of str, optional
        The arguments; by default ``sys.argv[1:]``.
    """
    try:
        args = _parser().parse_args(argv)
        output = args.run(args)
    except InterorgError as exc:
        print(f"interorg: error:\n{exc}" if "\n" in str(exc) else f"interorg: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    sys.stdout.write(output)
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
