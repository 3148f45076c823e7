"""The JSON Schema of the case format: shipped up to date, and agreeing with the checks of load_case."""

import json

import jsonschema
import pytest

from interorg.case import case_from_text, case_to_dict, example_case, example_names
from interorg.case.schema import case_schema, schema_text, shipped_schema
from interorg.case.template import SECTIONS, case_template


def test_shipped_schema_is_up_to_date():
    """interorg/case/case.schema.json is what case_schema() generates (regenerate with `interorg schema -o`)."""
    assert shipped_schema().read_text(encoding="utf-8") == schema_text(), (
        "run: interorg schema -o interorg/case/case.schema.json")


def test_schema_is_a_valid_json_schema():
    """The schema itself conforms to draft 2020-12."""
    jsonschema.Draft202012Validator.check_schema(case_schema())


@pytest.mark.parametrize("name", example_names())
def test_examples_conform_to_the_schema(name):
    """Every bundled example is valid under the schema."""
    jsonschema.Draft202012Validator(case_schema()).validate(json.loads(json.dumps(case_to_dict(example_case(name)))))


def test_schema_rejects_what_load_case_rejects():
    """An unknown value, an unknown key and an answer out of range are schema errors too."""
    validator = jsonschema.Draft202012Validator(case_schema())
    assert not validator.is_valid({"care": {"demand": "compelx"}})
    assert not validator.is_valid({"partners": [{"id": "a", "colour": "red"}]})
    assert not validator.is_valid({"scan": {"respondents": [{"id": "r", "partner": "a",
                                                             "answers": {"equality_1": 7}}]}})
    assert not validator.is_valid({"assessed": "1 March"})


def test_template_is_a_valid_case_with_every_section():
    """`interorg new` writes a case that validates, naming every section."""
    text = case_template()
    case = case_from_text(text, "template.yaml")
    assert [p.id for p in case.partners] == ["partner-a", "partner-b"]
    assert all(f"{section}:" in text for section in SECTIONS)
    assert text.startswith("# yaml-language-server: $schema=")


def test_template_with_chosen_sections():
    """--sections keeps the partners and the sections asked for, and nothing else."""
    text = case_template(["relationships"])
    assert "relationships:" in text and "scan:" not in text and "partners:" in text


def test_template_rejects_an_unknown_section():
    """An unknown section is an error naming the known ones."""
    with pytest.raises(ValueError, match="expected some of partners"):
        case_template(["relationship"])
