"""interorg new and interorg schema under --lang nl: every comment and description in Dutch, the keys unchanged."""

import json
import re

import pytest

import interorg
from conftest import refused_after
from interorg.case import case_from_text
from interorg.case.schema import case_schema, plain, schema_text, shipped_schema
from interorg.case.template import SECTIONS, case_template
from interorg.cli.casework import case_format_translation
from interorg.cli.main import main
from interorg.report.jsonshape import schema_texts

#: Words of English that Dutch does not use: none may stand in a Dutch comment.
ENGLISH_WORDS = re.compile(r"\b(the|and|with|which|when|what|who|where|their|does|is there|are there)\b", re.I)
#: A key of the template, commented out or not, as the start of its line.
KEY = re.compile(r"^(\s*(?:# )?(?:- )?[a-z_]+:)")


def _catalogue():
    return interorg.load_knowledge().case_format


def _shown():
    """Every English text the template (all sections) and the schema look up, in order, each once."""
    looked_up = {}

    def record(text):
        looked_up.setdefault(text, None)
        return text

    case_template(translate=record)
    case_schema(translate=record)
    return list(looked_up)


def _run(argv, capsys):
    assert main(argv) == 0
    return capsys.readouterr().out


def _english_pieces(text):
    """The fixed phrases of an English entry, as a reader would spot them."""
    pieces = (" ".join(piece.split()) for piece in re.split(r"[.;:?!()\"—]", text))
    return [piece for piece in pieces if len(piece) > 15]


def test_every_text_the_template_and_schema_show_has_a_dutch_entry():
    """Each comment of `interorg new` and each title and description of the schema is in case_format.yaml."""
    english = {entry.en for entry in _catalogue().values()}
    assert [text for text in _shown() if text not in english] == []


def test_every_entry_is_shown_somewhere():
    """No entry of case_format.yaml is left over from a docstring that changed: each is a text the case model shows."""
    shown = set(_shown())
    assert [key for key, entry in _catalogue().items() if entry.en not in shown] == []


def test_the_dutch_template_has_no_english(capsys):
    """`interorg new --lang nl` with every section says no English phrase of the case model and no English word."""
    out = _run(["new", "--lang", "nl"], capsys)
    flat = " ".join(out.replace("#", " ").split())
    dutch = " ".join(entry.nl for entry in _catalogue().values())
    left = [piece for entry in _catalogue().values() if entry.en != entry.nl
            for piece in _english_pieces(entry.en) if piece in flat and piece not in dutch]
    assert left == []
    # the comments, without the values a file says (``value``) and the book title Douma's model is known by
    comments = [line.split("#", 1)[1] for line in out.splitlines()[1:] if "#" in line]
    words = [re.sub(r"``[^`]+``|\*[^*]+\*", "", comment) for comment in comments]
    assert [comment for comment in words if ENGLISH_WORDS.search(comment)] == []
    assert "Mijn samenwerking" in out and "vul in wat u weet" in out


def test_the_dutch_template_keeps_the_keys_and_validates(capsys):
    """The Dutch template has the English one's keys on the same lines, and reads as the same case."""
    dutch = _run(["new", "--lang", "nl"], capsys)
    english = case_template(name="Mijn samenwerking")
    assert [m.group(1) for line in dutch.splitlines() if (m := KEY.match(line))] == \
        [m.group(1) for line in english.splitlines() if (m := KEY.match(line))]
    assert case_from_text(dutch, "sjabloon.yaml") == case_from_text(english, "template.yaml")
    assert all(f"{section}:" in dutch for section in SECTIONS)


def test_the_dutch_template_names_the_dutch_schema(capsys):
    """The $schema line of the Dutch template is the Dutch schema shipped beside the English one."""
    first = _run(["new", "--lang", "nl", "--sections", "care"], capsys).splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=") and first.endswith("/case.schema.nl.json")


def test_the_dutch_schema_has_no_english(capsys):
    """`interorg schema --lang nl`: every title and description is the Dutch of an entry, none an English one."""
    schema = json.loads(_run(["schema", "--lang", "nl"], capsys))
    said = list(schema_texts(schema))
    # as the schema shows them: cross-references and code marks as plain words
    dutch = {plain(entry.nl) for entry in _catalogue().values()}
    english = {plain(entry.en) for entry in _catalogue().values() if entry.en != entry.nl}
    assert len(said) > 200
    assert [text for text in said if text not in dutch or text in english] == []
    assert schema["title"] == "interorg-casus"


def test_the_dutch_schema_checks_what_the_english_one_checks():
    """Only the words differ: without titles and descriptions the two schemas are the same."""
    def bare(schema):
        if isinstance(schema, dict):
            return {key: bare(value) for key, value in schema.items() if key not in ("title", "description", "$id")}
        return [bare(value) for value in schema] if isinstance(schema, list) else schema

    assert bare(case_schema("nl", case_format_translation("nl"))) == bare(case_schema())


def test_the_shipped_dutch_schema_is_up_to_date():
    """interorg/case/case.schema.nl.json is what the case model and case_format.yaml generate."""
    assert shipped_schema("nl").read_text(encoding="utf-8") == schema_text("nl", case_format_translation("nl")), (
        "run: interorg schema --lang nl -o interorg/case/case.schema.nl.json")


def test_the_english_template_and_schema_are_the_models_own_words(capsys):
    """Without --lang the template and the schema say the case model's English, with the Dutch terms in brackets."""
    out = _run(["new"], capsys)
    assert out == case_template()
    assert "# kind:  # municipality | care_provider | other — (soort organisatie) Gemeente, zorgaanbieder" in out
    assert _run(["schema"], capsys) == shipped_schema().read_text(encoding="utf-8")


def test_a_dutch_term_is_not_repeated_in_brackets():
    """Where the English glosses a Dutch term in brackets, the Dutch says the term once, without the brackets."""
    repeated = []
    for key, entry in _catalogue().items():
        for inside in re.findall(r"\(([^()]+)\)", entry.nl):
            if inside.lower() in re.sub(r"\([^()]*\)", "", entry.nl).lower():
                repeated.append((key, inside))
    assert repeated == []


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("``steering_committee`` (stuurgroep)", "stuurgroep",
     "case_format.yaml: case_format.Arrangement.structures.nl: expected the values accountability_rules, "
     "liaison_roles, steering_committee of the English text, each as ``value``"),
    ('nl: "Volledige naam."', 'nl: "Volledige naam ({name})."',
     "case_format.yaml: case_format.Partner.name.nl: expected no placeholders: the English text has none"),
    ('  Partner.name: {en: "Full name."', '  Partner.name: {en: "Short, unique reference used elsewhere in the case."',
     "case_format.yaml: case_format.Partner.name.en: the English text is already given by 'Partner.id'"),
])
def test_a_dutch_text_unlike_its_english_is_a_load_error(knowledge_copy, old, new, expected):
    """case_format.yaml is checked when loaded: each English once, the Dutch with its values and placeholders."""
    assert expected in refused_after(knowledge_copy, "case_format.yaml", old, new)
