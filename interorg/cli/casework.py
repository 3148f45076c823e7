"""Starting a case: ``interorg new`` (a commented template), ``interorg validate`` and ``interorg schema``.

Under ``--lang nl`` the template's comments and the schema's descriptions
are the Dutch of ``knowledge/case_format.yaml``, each looked up by the
English the case model gives; a test checks that none is missing.
"""

import pathlib

from ..analysis.knowledge import knowledge_base, load_knowledge
from ..analysis.labels import message
from ..case.schema import schema_text
from ..case.template import SECTIONS, case_template
from ..engine.wording import fill
from ..errors import UsageError
from ..utils.structure import unstructure
from ..utils.writing import write_text
from .helptext import add_language
from .knowledge import add_knowledge, no_knowledge
from .said import wrote

__all__ = ["add_commands", "case_format_translation"]


def case_format_translation(lang, catalogue=None):
    """``translate(text)``: an English text of the case format in ``lang``; None for English.

    Parameters
    ----------
    lang : {'en', 'nl'}
    catalogue : mapping of str to Text, optional
        By default the entries of the shipped ``knowledge/case_format.yaml``.

    Examples
    --------
    >>> case_format_translation("nl")("Free text, kept with the case.")
    'Vrije tekst, bewaard bij de casus.'
    """
    if lang == "en":
        return None
    catalogue = load_knowledge().case_format if catalogue is None else catalogue
    said = {entry.en: entry.get(lang) for entry in catalogue.values()}
    return lambda text: said.get(text, text)


def _case_format(args):
    """The translation of the case format's texts by the case_format.yaml of ``--knowledge`` (by default the shipped one).

    A folder given is loaded, and so checked, in English too, which needs none of its texts.
    """
    knowledge = None if args.knowledge is None else knowledge_base(args.knowledge)
    return case_format_translation(args.lang, None if knowledge is None else knowledge.case_format)


def _new(args):
    sections = None
    if args.sections:
        sections = [section.strip() for section in args.sections.split(",") if section.strip()]
        unknown = [section for section in sections if section not in SECTIONS]
        if unknown:
            raise UsageError(f"--sections: unknown section(s) {', '.join(unknown)};"
                                 f" expected some of {', '.join(SECTIONS)}")
    if args.schema is not None and any(ord(c) < 32 or ord(c) == 127 for c in args.schema):
        # the location goes on one comment line of the template: a line break would add keys to the case
        raise UsageError(f"--schema: expected a location on one line; got {args.schema!r}")
    text = case_template(sections, schema=args.schema, lang=args.lang, translate=_case_format(args))
    if args.output in (None, "-"):
        return text
    path = pathlib.Path(args.output)
    if path.exists() and not args.force:
        raise UsageError(f"{path} exists; choose another name or give --force to overwrite it")
    write_text(path, text)  # atomically: an interrupted write leaves what was there
    return fill(message("new_wrote", args.lang), path=str(path)) + "\n"


def _validate(args, read_case):
    no_knowledge(args, "validate")  # the program's --knowledge: said, not passed by
    case = read_case(args.case, args.example, allow_empty=args.allow_empty)
    given = [name for name, value in unstructure(case).items() if name in SECTIONS and value not in ((), [])]
    where = args.case or fill(message("validate_example", args.lang), name=args.example)
    return fill(message("validate_valid", args.lang), where=where, partners=str(len(case.partners)),
                sections=", ".join(given) or message("validate_no_sections", args.lang)) + "\n"


def _schema(args):
    translate = _case_format(args)
    if args.advice:
        from ..report.jsonshape import advice_schema_text
        text = advice_schema_text(args.lang, knowledge=args.knowledge)
    else:
        text = schema_text(args.lang, translate)
    if args.output in (None, "-"):
        return text
    pathlib.Path(args.output).write_text(text, encoding="utf-8")
    # the advice's schema is for validating what a tool reads, not for an editor's $schema line
    if args.advice:
        return wrote(args.output, args.lang)
    return fill(message("schema_wrote", args.lang), path=str(args.output)) + "\n"


def add_commands(commands, read_case, add_case_arguments):
    """Add ``new``, ``validate`` and ``schema`` to the subcommands of the ``interorg`` parser.

    Parameters
    ----------
    commands : argparse._SubParsersAction
    read_case : callable
        ``read_case(path_or_None, example)``: the case named on the command line.
    add_case_arguments : callable
        Adds ``CASE`` and ``--example`` to a subcommand, as for ``advise``.
    """
    new = commands.add_parser("new", help="write a commented template of a case file")
    new.add_argument("-o", "--output", help="the file to write (default: standard output)")
    new.add_argument("--sections", help=f"comma-separated sections to include (default all): {', '.join(SECTIONS)}")
    new.add_argument("--schema", help="the schema location for the editor's $schema line (default: the shipped one)")
    new.add_argument("--force", action="store_true", help="overwrite an existing file")
    add_language(new)
    add_knowledge(new)
    new.set_defaults(run=_new)

    validate = commands.add_parser("validate", help="check a case file without advising (exit 2 with every problem)")
    add_case_arguments(validate)
    add_language(validate)
    validate.set_defaults(run=lambda args: _validate(args, read_case))

    schema = commands.add_parser("schema", help="print (or write) the JSON Schema of the case format, for editors")
    schema.add_argument("-o", "--output", help="the file to write (default: standard output)")
    schema.add_argument("--advice", action="store_true",
                        help="the JSON Schema of the advice (advise --format json) instead, for tools")
    add_language(schema)
    add_knowledge(schema)
    schema.set_defaults(run=_schema)
