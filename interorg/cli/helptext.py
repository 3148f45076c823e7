"""The help of the command line in the language asked for: the project's texts and argparse's own words.

The parser is built with its help in English, as argparse expects.  Under
``--lang nl`` every text it shows (the descriptions, each argument's help,
the headings and the ``usage:`` before the synopsis) is looked up by its
English in ``knowledge/help.yaml``, the way gettext looks up a message by its
msgid: an entry whose English has ``{name}`` placeholders matches a text the
command fills in (the names of the bundled examples), and what they matched
is kept.  A text with no entry stays English; a test checks there is none.
"""

import argparse

from ..analysis.knowledge import load_knowledge
from ..engine.translation import pattern
from ..pipeline import LANGUAGES

__all__ = ["LANGUAGE_HELP", "add_language", "localise", "parsers", "shown_texts", "translate_help"]

#: The help of ``--lang``, on the program and on every command.
LANGUAGE_HELP = "the language of the output, the help and the errors: en (English) or nl (Dutch)"

#: The text argparse writes before the synopsis (its ``_('usage: ')``).
USAGE = "usage: "


def add_language(command):
    """Add ``--lang`` to ``command``.

    Its default is the program's ``--lang`` (``interorg --lang nl advise``),
    which is ``en`` when neither is given.
    """
    command.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=LANGUAGE_HELP)


def translate_help(text, catalogue, lang):
    """Return the English help ``text`` in ``lang``, line by line, by the entries of ``catalogue``.

    Parameters
    ----------
    text : str or None
    catalogue : mapping of str to Text
        The entries of ``knowledge/help.yaml``.
    lang : {'en', 'nl'}

    Examples
    --------
    >>> import interorg
    >>> catalogue = interorg.load_knowledge().help
    >>> translate_help("overwrite an existing file", catalogue, "nl")
    'een bestaand bestand overschrijven'
    >>> translate_help("draw a picture of a case: heatmap, map", catalogue, "nl")
    'een figuur van een casus tekenen: heatmap, map'
    """
    if lang == "en" or not text or text is argparse.SUPPRESS:
        return text
    return "\n".join(_line(line, catalogue, lang) for line in text.split("\n"))


def _line(text, catalogue, lang):
    for entry in catalogue.values():
        if entry.en == text:
            return entry.get(lang)
    for entry in catalogue.values():
        if "{" in entry.en:
            match = pattern(entry.en).fullmatch(text)
            if match is not None:
                return entry.fill(lang, match.groupdict())
    return text


def parsers(parser):
    """``parser`` and every parser of its commands, each once, in the order they were added."""
    found = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for command in dict.fromkeys(action.choices.values()):  # an alias names a parser twice
                found.extend(parsers(command))
    return found


def shown_texts(parser):
    """Every text of ``parser`` and its commands that ``--help`` may show (what :func:`localise` translates)."""
    texts = [USAGE]
    for each in parsers(parser):
        texts.extend([each.description, each.epilog])
        texts.extend(group.title for group in each._action_groups)
        texts.extend(group.description for group in each._action_groups)
        for action in each._actions:
            texts.append(action.help)
            if isinstance(action, argparse._SubParsersAction):
                texts.extend(choice.help for choice in action._choices_actions)
    return [text for text in texts if text and text is not argparse.SUPPRESS]


def localise(parser, lang, catalogue=None):
    """Put the help of ``parser`` and its commands into ``lang``; return ``parser``.

    Parameters
    ----------
    parser : argparse.ArgumentParser
    lang : {'en', 'nl'}
    catalogue : mapping of str to Text, optional
        By default the help texts of the shipped knowledge.
    """
    if lang == "en":
        return parser
    catalogue = load_knowledge().help if catalogue is None else catalogue

    def say(text):
        return translate_help(text, catalogue, lang)

    formatter = _formatter(say(USAGE))
    for each in parsers(parser):
        each.formatter_class = formatter
        each.description, each.epilog = say(each.description), say(each.epilog)
        for group in each._action_groups:
            group.title, group.description = say(group.title), say(group.description)
        for action in each._actions:
            action.help = say(action.help)
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    choice.help = say(choice.help)
    return parser


def _formatter(usage):
    """argparse's formatter, with ``usage`` before the synopsis instead of its English."""

    class _Formatter(argparse.HelpFormatter):
        def add_usage(self, text, actions, groups, prefix=None):
            super().add_usage(text, actions, groups, usage if prefix is None else prefix)

    return _Formatter
