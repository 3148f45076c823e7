"""The researcher's commands: verify, explain, coverage over a corpus, sweep and diff.

Each command parses its arguments and calls the public API; :func:`register`
adds them to the ``interorg`` parser.
"""

import json

from ..research.verify import verify

__all__ = ["register"]

EXIT_FAILED = 1


def _verify(args):
    result = verify(args.knowledge)
    output = {"json": lambda: json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n",
              "markdown": result.to_markdown}.get(args.format, result.to_text)()
    return output, (0 if result.ok else EXIT_FAILED)


def register(commands):
    """Add the researcher's commands to the sub-parsers ``commands`` of ``interorg``."""
    verify_cmd = commands.add_parser(
        "verify", help="check a knowledge directory statically: impossible, repeated, clashing rules, gaps")
    verify_cmd.add_argument("knowledge", nargs="?", help="a knowledge directory (default: the shipped one)")
    verify_cmd.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    verify_cmd.set_defaults(run=_verify)
