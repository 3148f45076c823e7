"""Where in a source: the source's heading as the source has it, the project's words around it in the reader's language."""

import json
import pathlib

import pytest

import interorg
from interorg.cli.main import main
from interorg.errors import KnowledgeError

CASE = str(pathlib.Path(__file__).resolve().parents[1] / "cases" / "provan_kenis_governance_conflict.yaml")
HEADING = "Network Governance and Effectiveness"


def _flat(text):
    return " ".join(text.split())  # the text rendering wraps its lines


def test_rules_in_dutch_give_the_section_in_dutch(capsys):
    """interorg rules --lang nl: the English heading of the section, the project's words around it in Dutch."""
    assert main(["rules", "--lang", "nl"]) == 0
    out = capsys.readouterr().out
    assert f"provan-kenis-2008 “{HEADING} (sectie), over vertrouwen”" in out
    assert "(section)" not in out and ", on " not in out


def test_rules_as_json_in_dutch(capsys):
    """interorg rules --format json --lang nl gives the same Dutch locator in 'where'."""
    assert main(["rules", "--format", "json", "--lang", "nl"]) == 0
    rows = json.loads(capsys.readouterr().out)
    wheres = [s["where"] for row in rows for s in row["sources"] if s["source"] == "provan-kenis-2008"]
    assert wheres and all(w.startswith(HEADING) or w.startswith("Forms of Network Governance") for w in wheres)
    assert all("(sectie), over " in w for w in wheres)
    assert f"{HEADING} (sectie), over de overeenstemming over de doelen" in wheres


def test_rules_in_english_are_as_they_were(capsys):
    """In English the locator reads as before: the heading, '(section), on' and the topic."""
    assert main(["rules"]) == 0
    assert f"provan-kenis-2008 “{HEADING} (section), on trust”" in capsys.readouterr().out


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_the_advice_cites_the_section_in_dutch(fmt, capsys):
    """The advice's sources under --lang nl, in text, Markdown and the HTML report: no English words of the project."""
    assert main(["advise", CASE, "--full", "--lang", "nl", "--format", fmt]) == 0
    out = _flat(capsys.readouterr().out)
    assert f"{HEADING} (sectie), over de vier omstandigheden" in out
    assert "(section)" not in out


def test_the_advice_as_json_cites_the_section_in_dutch():
    """Every citation of the JSON advice in Dutch: the locator with the Dutch words, and in English the English."""
    for lang, words in (("nl", "(sectie), over "), ("en", "(section), on ")):
        data = json.loads(interorg.advise(CASE, lang=lang).to_json())
        wheres = {s["where"] for rule in data["rules"].values() for s in rule["sources"]
                  if s["source"] == "provan-kenis-2008"}
        assert wheres and all(words in w for w in wheres), wheres


def test_on_without_its_message_is_a_load_error(knowledge_copy):
    """A source reference with 'topic' needs the message that words it; without it the knowledge does not load."""
    path = knowledge_copy / "messages.yaml"
    path.write_text("\n".join(line for line in path.read_text(encoding="utf-8").split("\n")
                              if not line.lstrip().startswith("source_section_on:")), encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        interorg.load_knowledge(knowledge_copy)
    assert "models.yaml: models[" in str(caught.value) and "'source_section_on'" in str(caught.value)
