"""interorg advise: an option the chosen format would ignore is refused, in the command's language, exit 2."""

import pytest

from interorg.cli import main


@pytest.mark.parametrize(("argv", "english", "dutch"), [
    (["--format", "json", "--kind", "warning", "--top", "2"],
     "--format json takes no --kind, --top: the JSON holds the whole advice, for a tool to select from",
     "--format json kent geen --kind, --top: de JSON bevat het hele advies, waaruit een programma zelf kiest"),
    (["--format", "json", "--full"], "--format json takes no --full:", "--format json kent geen --full:"),
    (["--indent", "2", "--no-explanations"], "--format text takes no --indent, --no-explanations (for --format json"
     " only)", "--format text kent geen --indent, --no-explanations (alleen voor --format json)"),
    (["--format", "markdown", "--indent", "2"], "--format markdown takes no --indent", "--format markdown kent geen"),
    (["--format", "html", "--explain", "kenis.need.multi-organisation-network"],
     "--format html takes no --explain: the report explains every conclusion",
     "--format html kent geen --explain: het rapport licht elke conclusie toe"),
    (["--top", "0"], "--top: expected a whole number of 1 or more; got 0",
     "--top: verwacht een geheel getal van 1 of meer; gekregen: 0"),
])
def test_an_option_the_format_ignores_is_refused(argv, english, dutch, capsys):
    for lang, expected in (("en", english), ("nl", dutch)):
        assert main(["advise", "--example", *argv, "--lang", lang]) == 2
        captured = capsys.readouterr()
        assert captured.out == "" and expected in captured.err, captured.err


def test_the_options_of_each_format_are_taken(capsys):
    """What each format does take still works: JSON laid out and lean, a text selected."""
    assert main(["advise", "--example", "--format", "json", "--indent", "2", "--no-explanations"]) == 0
    assert capsys.readouterr().out.startswith('{\n  "schema_version"')
    assert main(["advise", "--example", "--kind", "warning", "--top", "2"]) == 0
    assert "Warnings" in capsys.readouterr().out


def test_argparse_errors_name_the_program_once(capsys):
    assert main(["advise", "--bogus-option"]) == 2
    assert capsys.readouterr().err.startswith("interorg: error: unrecognized arguments: --bogus-option")
    assert main(["explain"]) == 2
    assert capsys.readouterr().err.startswith("interorg: error: explain: the following arguments are required")
