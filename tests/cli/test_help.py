"""--help in the language asked for: under --lang nl the whole help is Dutch, argparse's own words too."""

import re

import pytest

import interorg
from conftest import said
from interorg.cli.helptext import parsers, shown_texts, translate_help
from interorg.cli.main import _parser, main
from interorg.errors import KnowledgeError

#: argparse's English words, as it writes them in a help.
ARGPARSE_ENGLISH = ("usage:", "positional arguments", "options:", "show this help message and exit",
                    "show program's version number and exit")


def _commands():
    return sorted(name for each in parsers(_parser()) for name in [each.prog.split()[-1]] if name != "interorg")


def _help(argv, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 0
    return capsys.readouterr().out


def _english_words(text):
    """The English help texts (their fixed words, without what a command fills in) found in ``text``."""
    found = [word for word in ARGPARSE_ENGLISH if word in text]
    flat = " ".join(text.split())  # argparse wraps the lines
    for entry in interorg.load_knowledge().help.values():
        for piece in re.split(r"\{[a-z_]+\}", entry.en):
            piece = " ".join(piece.split()).strip(" :;,.()")
            if len(piece) > 12 and piece in flat and piece not in " ".join(entry.nl.split()):
                found.append(piece)
    return found


def test_every_text_the_help_shows_has_a_dutch_entry():
    """Each description, argument help and heading of every command is in help.yaml, so none stays English."""
    catalogue = interorg.load_knowledge().help
    untranslated = [text for text in shown_texts(_parser()) if translate_help(text, catalogue, "nl") == text]
    assert not untranslated


def test_every_entry_is_shown_somewhere():
    """No entry of help.yaml is left over from a help text that changed: each translates a text the parser shows."""
    catalogue = interorg.load_knowledge().help
    shown = shown_texts(_parser())
    unused = [key for key, entry in catalogue.items()
              if not any(translate_help(text, {key: entry}, "nl") != text for text in shown)]
    assert not unused


@pytest.mark.parametrize("command", _commands())
def test_the_help_of_every_command_is_dutch(command, capsys):
    """interorg COMMAND --lang nl --help writes Dutch only: the texts, the headings and 'gebruik:'."""
    out = _help([command, "--lang", "nl", "--help"], capsys)
    assert out.startswith(f"gebruik: interorg {command}")
    assert "opties:" in out and "deze hulptekst tonen en stoppen" in out
    assert not _english_words(out), out


@pytest.mark.parametrize("argv", [["--lang", "nl", "--help"], ["--help", "--lang", "nl"], ["--lang=nl", "-h"]])
def test_the_program_help_is_dutch_with_lang_anywhere(argv, capsys):
    """interorg --lang nl --help lists the commands in Dutch, wherever --lang is given."""
    out = _help(argv, capsys)
    assert out.startswith("gebruik: interorg")
    assert "Advies met uitleg over samenwerking tussen organisaties." in out
    assert "adviseren over een casusbestand" in out
    assert "positionele argumenten" in out
    assert not _english_words(out), out


def test_the_option_names_and_choices_stay_as_typed(capsys):
    """The Dutch help keeps what the user types: option names, choices and the placeholders of the syntax."""
    out = _help(["advise", "--help", "--lang", "nl"], capsys)
    for typed in ("--format {text,markdown,json,html}", "--kind {finding,warning,recommendation}",
                  "--explain KEY", "-o FILE, --output FILE", "--lang {en,nl}"):
        assert typed in out


def test_english_help_is_unchanged(capsys):
    """Without --lang nl the help is argparse's English and the project's."""
    out = _help(["advise", "--help"], capsys)
    assert out.startswith("usage: interorg advise")
    assert "show this help message and exit" in out and "write the advice to FILE instead of the screen" in out


def test_the_program_lang_is_the_command_default(capsys):
    """interorg --lang nl advise gives the advice in Dutch; the command's own --lang, given after it, wins."""
    assert main(["--lang", "nl", "advise", "--example", "--brief"]) == 0
    assert "Actieplan" in capsys.readouterr().out
    assert main(["--lang", "nl", "advise", "--example", "--brief", "--lang", "en"]) == 0
    assert "Action plan" in capsys.readouterr().out


def test_a_dutch_help_text_without_the_placeholder_is_a_load_error(knowledge_copy):
    """help.yaml is checked when loaded: the Dutch must fill in what the English fills in."""
    path = knowledge_copy / "help.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("(standaard {default})", "(standaard)"), encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        interorg.load_knowledge(knowledge_copy)
    assert "help.yaml: help.case.example.nl: expected the placeholders {default}, {names}" in said(caught.value)


def test_a_stray_percent_in_a_dutch_help_text_is_a_load_error(knowledge_copy):
    """argparse formats a help text with %: a Dutch text with a bare % would break the help, so it is refused."""
    path = knowledge_copy / "help.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("geen voortgangsbalk", "geen voortgang in %"), encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        interorg.load_knowledge(knowledge_copy)
    assert "help.sweep.no_progress.nl" in str(caught.value)
