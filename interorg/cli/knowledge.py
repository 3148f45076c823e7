"""``--knowledge DIR``: the knowledge folder a command draws on instead of the shipped one.

Every command whose output the knowledge shapes takes it, added by
:func:`add_knowledge` as ``--lang`` is added by ``add_language``; and, as
``--lang``, the program takes it too (``interorg --knowledge DIR advise``),
for every command unless the command is given its own.  The command
passes the folder as ``knowledge=`` to the public API, which loads
and checks it (a folder that does not load is refused with every problem,
as :func:`interorg.load_knowledge` refuses it).  A path that is not a
folder at all is refused here, when the arguments are read, before any case
is: it is a slip of the command line, not a fault of a knowledge base.
"""

import argparse
import os

from ..errors import UsageError

__all__ = ["KNOWLEDGE_HELP", "add_knowledge", "knowledge_folder", "no_knowledge", "settle_knowledge", "verified_folder"]

#: The help of ``--knowledge``, on every command that takes it.
KNOWLEDGE_HELP = ("a knowledge folder to draw on instead of the shipped one"
                  " ('interorg export --format knowledge -o DIR' writes a copy to edit)")


def knowledge_folder(text):
    """``text`` when it names a folder; else the reason it does not, for argparse to refuse it with.

    Examples
    --------
    >>> knowledge_folder("/no/such/folder")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: /no/such/folder does not exist; expected a knowledge folder
    """
    if not os.path.exists(text):
        raise argparse.ArgumentTypeError(f"{text} does not exist; expected a knowledge folder")
    if not os.path.isdir(text):
        raise argparse.ArgumentTypeError(f"{text} is not a folder; expected a knowledge folder")
    return text


def add_knowledge(command, program=False):
    """Add ``--knowledge DIR`` to ``command``; its value, ``args.knowledge``, is None for the shipped knowledge.

    The program's (``program=True``) is kept apart, as ``args.program_knowledge``,
    until :func:`settle_knowledge` gives it to a command that was given none
    of its own.
    """
    command.add_argument("--knowledge", metavar="DIR", type=knowledge_folder, help=KNOWLEDGE_HELP,
                         dest="program_knowledge" if program else "knowledge")


def settle_knowledge(args):
    """``args.knowledge``: the command's own ``--knowledge``, else the program's, as with ``--lang``.

    ``args.own_knowledge`` is the command's own alone (None where it was
    given none), for ``verify``, whose folder argument is its own too.

    Examples
    --------
    >>> import argparse
    >>> args = argparse.Namespace(program_knowledge="mine", knowledge=None)
    >>> settle_knowledge(args); args.knowledge, args.own_knowledge
    ('mine', None)
    >>> args = argparse.Namespace(program_knowledge="mine", knowledge="theirs")
    >>> settle_knowledge(args); args.knowledge, args.own_knowledge
    ('theirs', 'theirs')
    """
    args.own_knowledge = getattr(args, "knowledge", None)
    args.knowledge = args.own_knowledge if args.own_knowledge is not None else args.program_knowledge


def no_knowledge(args, command):
    """Refuse the program's ``--knowledge`` for a command that draws on none, rather than pass it by.

    Examples
    --------
    >>> import argparse
    >>> no_knowledge(argparse.Namespace(program_knowledge=None), "validate")
    >>> no_knowledge(argparse.Namespace(program_knowledge="my_rules"), "validate")
    Traceback (most recent call last):
    ...
    interorg.errors.UsageError: validate draws on no knowledge folder (it checks a case by the case model alone): --knowledge my_rules
    """
    if getattr(args, "program_knowledge", None) is not None:
        raise UsageError(f"{command} draws on no knowledge folder (it checks a case by the case model alone):"
                         f" --knowledge {args.program_knowledge}")


def verified_folder(folder, option):
    """The knowledge folder ``interorg verify`` is given: as its argument or as ``--knowledge``, once.

    Parameters
    ----------
    folder, option : str or None
        The positional argument and the value of ``--knowledge``.

    Raises
    ------
    UsageError
        When both are given and name different folders.

    Examples
    --------
    >>> verified_folder("rules", None), verified_folder(None, "rules"), verified_folder("rules", "./rules")
    ('rules', 'rules', 'rules')
    >>> verified_folder("rules", "other")
    Traceback (most recent call last):
    ...
    interorg.errors.UsageError: verify takes one knowledge folder: rules and --knowledge other are two
    """
    if folder is None or option is None:
        return option if folder is None else folder
    if os.path.realpath(folder) != os.path.realpath(option):
        raise UsageError(f"verify takes one knowledge folder: {folder} and --knowledge {option} are two")
    return folder
