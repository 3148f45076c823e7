"""The advice's JSON Schema in Dutch: every title and description from advice_format.yaml, the rest unchanged."""

import json
import re

import pytest

import interorg
from conftest import refused_after
from interorg.cli import main
from interorg.report.jsonshape import advice_schema, advice_schema_text, schema_texts

#: Words of English that Dutch text does not use.
ENGLISH_WORDS = re.compile(r"\b(the|and|with|which|when|what|each|every|once|its|their|by|from)\b", re.I)


def _catalogue():
    return interorg.load_knowledge().advice_format


def _without_texts(schema):
    if isinstance(schema, dict):
        return {key: _without_texts(value) for key, value in schema.items()
                if not (key in ("title", "description") and isinstance(value, str))}
    if isinstance(schema, list):
        return [_without_texts(value) for value in schema]
    return schema


def test_every_text_of_the_schema_has_its_dutch():
    """Each title and description the shipped schema gives in English is an entry of advice_format.yaml."""
    given = {entry.en for entry in _catalogue().values()}
    assert [text for text in schema_texts(advice_schema()) if text not in given] == []


def test_no_entry_is_left_over():
    """No entry stays behind when the schema's English changes: each is a text the schema still gives."""
    shown = set(schema_texts(advice_schema()))
    assert [key for key, entry in _catalogue().items() if entry.en not in shown] == []


def test_the_dutch_schema_differs_only_in_its_texts():
    """Fields, types and values are the schema's own; every title and description is the Dutch of its entry."""
    english, dutch = advice_schema(), advice_schema("nl")
    assert _without_texts(dutch) == _without_texts(english)
    said = {entry.en: entry.nl for entry in _catalogue().values()}
    assert list(schema_texts(dutch)) == [said[text] for text in schema_texts(english)]
    assert [text for text in schema_texts(dutch) if ENGLISH_WORDS.search(re.sub(r"`[^`]*`", "", text))] == []


def test_the_dutch_keeps_the_shipped_layout():
    """Line for line the Dutch text is the English one: only the texts inside the lines differ."""
    english, dutch = advice_schema_text().splitlines(), advice_schema_text("nl").splitlines()
    assert len(english) == len(dutch)
    texts = re.compile(r'"(title|description)": "(?:[^"\\]|\\.)*"')
    changed = [(a, b) for a, b in zip(english, dutch) if a != b]
    assert len(changed) > 30 and all(texts.sub("", a) == texts.sub("", b) for a, b in changed)


def test_the_command_prints_the_schema_in_the_language_asked(capsys):
    assert main(["schema", "--advice", "--lang", "nl"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out) == advice_schema("nl") and '"title": "interorg-advies"' in out
    assert main(["schema", "--advice"]) == 0
    assert capsys.readouterr().out == advice_schema_text()
    assert interorg.Advice.json_schema("nl") == advice_schema("nl")


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="expected the language en or nl; got 'fr'"):
        advice_schema("fr")


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("vermelding van de bron in `sources`", "vermelding van de bron in sources",
     "advice_format.yaml: advice_format.rules.sources.source.nl: expected the code sources of the English text,"
     " each as `code`"),
    ("nl: \"Per regel-id: de id's van relaties.\"", 'nl: "Per `rule`: de relaties."',
     "advice_format.yaml: advice_format.relationships.triggers.nl: expected no `code`: the English text names none"),
    ('  more_actions: {en: "The actions after the seventh, in the same order."',
     '  more_actions: {en: "At most seven actions, the most important first."',
     "advice_format.yaml: advice_format.more_actions.en: the English text is already given by 'plan'"),
])
def test_a_dutch_text_unlike_its_english_is_a_load_error(knowledge_copy, old, new, expected):
    """advice_format.yaml is checked when loaded: each English once, the Dutch with the same code."""
    assert expected in refused_after(knowledge_copy, "advice_format.yaml", old, new)
