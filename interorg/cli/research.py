"""The researcher's commands: verify, explain, coverage over a corpus, sweep and diff.

Each command parses its arguments and calls the public API; :func:`register`
adds them to the ``interorg`` parser.
"""

import json

from ..pipeline import LANGUAGES, advise, why_not
from ..research.verify import verify

__all__ = ["register"]

EXIT_FAILED = 1


def _verify(args):
    result = verify(args.knowledge)
    output = {"json": lambda: json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n",
              "markdown": result.to_markdown}.get(args.format, result.to_text)()
    return output, (0 if result.ok else EXIT_FAILED)


def _render(result, fmt):
    if fmt == "json":
        return result.to_json() + "\n"
    return result.to_markdown() if fmt == "markdown" else result.to_text()


def _explain(args):
    return _render(why_not(advise(args.case, lang=args.lang), args.rule, args.subject), args.format)


def register(commands):
    """Add the researcher's commands to the sub-parsers ``commands`` of ``interorg``."""
    verify_cmd = commands.add_parser(
        "verify", help="check a knowledge directory statically: impossible, repeated, clashing rules, gaps")
    verify_cmd.add_argument("knowledge", nargs="?", help="a knowledge directory (default: the shipped one)")
    verify_cmd.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    verify_cmd.set_defaults(run=_verify)

    explain_cmd = commands.add_parser(
        "explain", help="why a rule did or did not fire on a case, and the smallest changes that make it fire")
    explain_cmd.add_argument("case", help="the case file (YAML or JSON)")
    explain_cmd.add_argument("rule", metavar="RULE_ID", help="the rule's id, as `interorg rules` lists it")
    explain_cmd.add_argument("--subject", help="for a rule concluded per subject: which (a relationship id...)")
    explain_cmd.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    explain_cmd.add_argument("--lang", choices=LANGUAGES, default="en")
    explain_cmd.set_defaults(run=_explain)
