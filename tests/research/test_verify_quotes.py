"""interorg verify checks that the knowledge quotes its seeds word for word, as the project's own tests do."""

import pathlib

import pytest

import interorg
from interorg.cli import main

SHIPPED = pathlib.Path(interorg.__file__).parent / "knowledge"


def _misquoted(folder):
    path = folder / "rules" / "kenis_need.yaml"
    text = path.read_text(encoding="utf-8")
    old = 'quote: "Complex: multi-organisatie aanpak door meerdere aanbieders"'
    assert old in text
    path.write_text(text.replace(old, 'quote: "Dit staat niet in de bron"', 1)
                    .replace("where: 5 redenen voor organisaties om samen te werken",
                             "where: Nergens te vinden", 1), encoding="utf-8")


def test_the_shipped_knowledge_quotes_its_seeds():
    assert not [f for f in interorg.verify().findings if f.check == "quote"]


def test_a_misquote_is_an_error_of_the_check_quote(knowledge_copy):
    """A quote or a 'where' not in its seed loads (the loader does not read the seeds) but does not verify."""
    _misquoted(knowledge_copy)
    interorg.load_knowledge(knowledge_copy)
    result = interorg.verify(knowledge_copy)
    quotes = [f for f in result.findings if f.check == "quote"]
    assert not result.ok and [f.severity for f in quotes] == ["error", "error"]
    assert {f.message for f in quotes} == {
        "the heading or phrase (where) 'Nergens te vinden' is not in kenis-2011 word for word",
        "the quote 'Dit staat niet in de bron' is not in kenis-2011 word for word"}
    assert all(f.file == "rules/kenis_need.yaml" for f in quotes)
    assert result.findings[:len(result.errors)] == result.errors  # errors first, as ever


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "the quote 'Dit staat niet in de bron' is not in kenis-2011 word for word"),
    ("nl", "het citaat 'Dit staat niet in de bron' staat niet woord voor woord in kenis-2011"),
])
def test_the_command_says_it_in_the_language_asked(knowledge_copy, capsys, lang, expected):
    _misquoted(knowledge_copy)
    assert main(["verify", str(knowledge_copy), "--lang", lang]) == 1
    assert expected in capsys.readouterr().out


def test_a_misquote_taken_by_like_is_said_once(knowledge_copy):
    """kenis.need.quadrant-i's citation is also its municipal rule's (through 'like'): one fault, one finding."""
    path = knowledge_copy / "rules" / "kenis_need.yaml"
    text = path.read_text(encoding="utf-8")
    old = "where: Gemeentelijke samenwerking als een resultante van de bestaande zorgvraag en het bestaande zorgaanbod"
    path.write_text(text.replace(old, "where: Nergens te vinden", 1), encoding="utf-8")
    quotes = [f for f in interorg.verify(knowledge_copy).findings if f.check == "quote"]
    assert [(f.rule, f.message) for f in quotes] == [
        ("kenis.need.quadrant-i", "the heading or phrase (where) 'Nergens te vinden' is not in kenis-2011 word for word")]
