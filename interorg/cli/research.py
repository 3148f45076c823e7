"""The researcher's commands: verify, explain, coverage over a corpus, sweep and diff.

Each command parses its arguments and calls the public API; :func:`register`
adds them to the ``interorg`` parser.
"""

import json
import sys

import attrs

from ..analysis.knowledge import knowledge_base, load_knowledge
from ..engine.translation import translate
from ..engine.wording import counted, fill, format_number
from ..errors import CaseError, Problem
from ..pipeline import advise, why_not
from ..utils.writing import atomic_write
from .helptext import add_language
from .knowledge import add_knowledge, verified_folder
from .said import wrote

# The research modules are imported by the commands that use them, so that
# the command line starts without them.

#: The levels of ``--by``: those of :func:`interorg.research.coverage.corpus_coverage` (a test checks).
LEVELS = ("rule", "alternative", "condition")

__all__ = ["add_corpus_arguments", "corpus_coverage", "register"]

EXIT_FAILED = 1


def _verify(args):
    from ..research.verify import verify

    # its folder argument is its own --knowledge too: the program's holds where it is given neither
    result = verify(verified_folder(args.folder, args.own_knowledge) or args.program_knowledge)
    words = _verify_words(args.lang)
    if args.format == "json":
        data = result.to_dict()
        data["bounded"] = {key: words.say(reason) for key, reason in data["bounded"].items()}
        for finding in data["findings"]:  # the keys and the check's name are for programs, the message for a person
            finding["message"] = words.say(finding["message"])
            finding["witness"] = [[words.say(path), words.value(value)] for path, value in finding["witness"]]
        output = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    else:
        output = result.to_markdown(words) if args.format == "markdown" else result.to_text(words)
    return output, (0 if result.ok else EXIT_FAILED)


def _verify_words(lang):
    """The words of ``interorg verify``'s report in ``lang``: the messages of the knowledge base, the findings translated."""
    from ..engine.verify import Words

    messages = load_knowledge().messages
    labels = load_knowledge().labels(lang)

    def summary(errors, warnings, rules, groups):
        return fill(labels["verify_summary"], errors=counted(labels, "verify_errors", errors, lang),
                    warnings=counted(labels, "verify_warnings", warnings, lang),
                    rules=format_number(rules, lang), groups=format_number(groups, lang))

    def located(line, column):
        if line is None:
            return ""
        position = fill(labels["located.line"], line=str(line))
        return f" ({position}{fill(labels['located.column'], column=str(column)) if column is not None else ''})"

    return Words({"error": labels["verify_error"], "warning": labels["verify_warning"]}, labels["verify_witness"],
                 labels["verify_table_header"], summary, lambda text: translate(text, messages, lang),
                 lambda value: labels.get(f"verify_value_{value}", value) if value in _VERIFIER_VALUES else value,
                 located)


#: The values a witness shows that are the verifier's words, not the case's: a value given, and none.
_VERIFIER_VALUES = ("given", "unknown")


def _render(result, fmt):
    if fmt == "json":
        data = result.to_json() if hasattr(result, "to_json") else json.dumps(result.to_dict(), indent=2,
                                                                                  ensure_ascii=False)
        return data + "\n"
    return result.to_markdown() if fmt == "markdown" else result.to_text()


def _explain(args):
    # the answer, its errors and the case's problems it names are in the language asked for, as in Python
    answer = why_not(args.case, args.rule, args.subject, knowledge=args.knowledge, lang=args.lang)
    if args.format == "json":
        return answer.to_json() + "\n"
    return answer.to_markdown() if args.format == "markdown" else answer.to_text()


def add_corpus_arguments(command):
    """The arguments of ``interorg coverage`` over a corpus of cases."""
    command.add_argument("cases", nargs="*", metavar="CASE|DIR",
                         help="case files or directories of them: count what they exercise (default: the "
                              "sources' table on the bundled example)")
    command.add_argument("--by", choices=LEVELS, help="count rules, any-alternatives or conditions (default rule)")
    command.add_argument("--threshold", type=float, metavar="PERCENT",
                         help="exit 1 when less than PERCENT of the items is reached")


def corpus_coverage(args):
    """``interorg coverage CASE|DIR ...``: what the cases exercise, and exit 1 below the threshold."""
    from ..research.coverage import corpus_coverage as _corpus_coverage

    result = _corpus_coverage(args.cases, by=args.by or "rule", knowledge=args.knowledge, lang=args.lang,
                              threshold=args.threshold)
    if not result.passed and args.format == "json":  # the JSON says it in "passed"; a reader of the terminal too
        print(result.below_threshold(), file=sys.stderr)
    return _render(result, args.format), (0 if result.passed else EXIT_FAILED)


def _value(text):
    """A value of ``--vary``: ``unknown`` leaves the key out; true, false and numbers are read as such."""
    if text == "unknown":
        return None
    if text in ("true", "false"):
        return text == "true"
    try:
        return int(text)
    except ValueError:
        pass
    try:
        return float(text)
    except ValueError:
        return text


def _vary(items):
    """The ``--vary`` arguments as a mapping of path to values; every one given twice or without values is refused."""
    vary, problems = {}, []
    for item in items:
        path, sep, values = item.partition("=")
        if path in vary:
            problems.append(Problem(path, "is varied twice: give its values in one --vary"))
        elif sep and not all(values.split(",")):
            problems.append(Problem(path, f"expected values after '=', separated by commas; got '{values}'"))
        vary[path] = [_value(v) for v in values.split(",")] if sep else None
    if problems:
        raise CaseError(problems, "--vary")
    return vary


def _sweep(args):
    from ..research.sweep import sweep

    progress = sys.stderr.isatty() and not args.no_progress
    vary = _vary(args.vary)
    if args.out:
        # atomically: a sweep refused or interrupted leaves what was in the file
        with atomic_write(args.out) as out:
            result = sweep(args.base, vary, progress=progress, lang=args.lang, knowledge=args.knowledge, out=out,
                           workers=args.workers)
    else:
        result = sweep(args.base, vary, progress=progress, lang=args.lang, knowledge=args.knowledge,
                       workers=args.workers)
    if args.format == "json":
        return json.dumps(result.summary(), indent=2, ensure_ascii=False) + "\n"
    return result.to_text() + (wrote(args.out, args.lang) if args.out else "")


def _advice_or_case(path, lang, knowledge):
    """An advice's JSON (``interorg advise --format json``) read back, or the advice on a case file."""
    from ..report.conclusiondiff import LIMITS, advice_record, is_advice_data
    from ..utils.documents import read_document

    if str(path).lower().endswith(".json") and path != "-":
        document = read_document(path, CaseError, LIMITS)
        if is_advice_data(document.data):
            return advice_record(document.data, str(path))
    return advise(path, lang=lang, knowledge=knowledge)


def _diff(args):
    from ..report.diff import diff
    from ..report.escape import one_line, terminal

    # loaded once, and so refused where it does not load, even when both sides are advice JSONs that need none of it
    knowledge = None if args.knowledge is None else knowledge_base(args.knowledge)
    a, b = (_advice_or_case(path, args.lang, knowledge) for path in (args.a, args.b))
    result = diff(a, b)
    # an advice read from its JSON keeps its language; the command's words are those of --lang, as everywhere
    result = attrs.evolve(result, lang=args.lang)
    # what was not compared is said first in the rendering; the JSON says it in its fields, the screen in words
    for text in result.warnings() if args.format == "json" else ():
        print(f"interorg: {load_knowledge().labels(args.lang)['cli_warning']}: {terminal(one_line(text))}",
              file=sys.stderr)
    return _render(result, args.format)


def register(commands):
    """Add the researcher's commands to the sub-parsers ``commands`` of ``interorg``."""
    verify_cmd = commands.add_parser(
        "verify", help="check a knowledge directory statically: impossible, repeated, clashing rules, gaps")
    verify_cmd.add_argument("folder", metavar="knowledge", nargs="?",
                            help="a knowledge directory (default: the shipped one)")
    verify_cmd.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    add_language(verify_cmd)
    add_knowledge(verify_cmd)
    verify_cmd.set_defaults(run=_verify)

    explain_cmd = commands.add_parser(
        "explain", help="why a rule did or did not fire on a case, and the smallest changes that make it fire")
    explain_cmd.add_argument("case", help="the case file (YAML or JSON)")
    explain_cmd.add_argument("rule", metavar="RULE_ID", help="the rule's id, as `interorg rules` lists it")
    explain_cmd.add_argument("--subject", help="for a rule concluded per subject: which (a relationship id...)")
    explain_cmd.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    add_language(explain_cmd)
    add_knowledge(explain_cmd)
    explain_cmd.set_defaults(run=_explain)

    sweep_cmd = commands.add_parser("sweep", help="advise on every combination of some inputs of a case")
    sweep_cmd.add_argument("base", metavar="BASE", help="the base case file (YAML or JSON)")
    sweep_cmd.add_argument("--vary", action="append", required=True, metavar="PATH[=VALUES]",
                           help="a case path and comma-separated values (unknown leaves it out); "
                                "without values, the vocabulary's values plus unknown")
    sweep_cmd.add_argument("--workers", type=int, help="worker processes (default: the CPUs; 0: this process)")
    sweep_cmd.add_argument("--out", help="write every result as a JSON line to this file")
    sweep_cmd.add_argument("--no-progress", action="store_true", help="no progress bar")
    sweep_cmd.add_argument("--format", choices=("text", "json"), default="text", help="the summary's format")
    add_language(sweep_cmd)
    add_knowledge(sweep_cmd)
    sweep_cmd.set_defaults(run=_sweep)

    diff_cmd = commands.add_parser("diff", help="what-if: what changes in the advice from case A to case B")
    diff_cmd.add_argument("a", metavar="A", help="the first case file, or an advice's JSON (advise --format json)")
    diff_cmd.add_argument("b", metavar="B", help="the second case file, or an advice's JSON (advise --format json)")
    diff_cmd.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    add_language(diff_cmd)
    add_knowledge(diff_cmd)
    diff_cmd.set_defaults(run=_diff)
