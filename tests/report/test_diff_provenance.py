"""Two advice of different languages, versions or knowledge bases, or read back from JSON, are compared by key."""

import importlib.resources
import json
import pathlib
import shutil

import pytest

import interorg
from interorg.cli import main
from interorg.errors import CaseError
from interorg.report.conclusiondiff import advice_record, key_supports

EXAMPLES = pathlib.Path(__file__).resolve().parents[2] / "knowledge" / "examples"
ROUND1, ROUND2 = EXAMPLES / "municipal_youth_care.yaml", EXAMPLES / "municipal_youth_care_round2.yaml"


@pytest.fixture(scope="module")
def rounds():
    return {(n, lang): interorg.advise(path, lang=lang) for n, path in ((1, ROUND1), (2, ROUND2))
            for lang in ("en", "nl")}


def _write(tmp_path, name, data):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_one_case_in_two_languages_is_no_difference(rounds):
    """The same case advised in English and in Dutch: nothing gained, lost or changed, and the warning says why."""
    change = interorg.diff(rounds[1, "en"], rounds[1, "nl"])
    assert change.empty and change.differ_in == ("lang",)
    assert change.compared == {"conclusions": ["status", "priority", "supports"],
                               "actions": ["rank", "priority", "keys"], "inputs": True}
    assert change.provenance["a"]["lang"] == "en" and change.provenance["b"]["lang"] == "nl"
    text = change.to_text()
    assert "Warning: the two advice differ in language (en, nl): conclusions and actions are compared by key" in text
    assert "no difference" in text


def test_same_language_compares_every_facet_without_warning(rounds):
    """Two advice of one language and version are compared as before: titles and texts too, and no warning."""
    change = interorg.diff(rounds[1, "en"], rounds[2, "en"])
    assert change.differ_in == () and change.warnings() == []
    assert change.compared["conclusions"] == ["status", "priority", "title", "text", "supports"]
    assert "title" in change.compared["actions"]


def test_a_what_if_across_languages_finds_what_one_language_finds(rounds):
    """Round 1 in English against round 2 in Dutch: the same conclusions gained and lost, the same actions moved."""
    same = interorg.diff(rounds[1, "en"], rounds[2, "en"])
    across = interorg.diff(rounds[1, "en"], rounds[2, "nl"])
    assert (across.gained, across.lost, across.status) == (same.gained, same.lost, same.status)
    assert across.inputs == same.inputs
    moved = {c.ranks: c.what for c in same.plan_changed if "rank" in c.what}
    assert moved and {c.ranks for c in across.plan_changed if "rank" in c.what} == set(moved)
    # every change across the languages is one the same language finds too, never a text
    same_keys = {c.key: set(c.what) for c in same.changed}
    for change in across.changed:
        assert set(change.what) <= same_keys[change.key] - {"title", "text"}
    # the actions are named in the words of the rendering, the first advice's
    titles = {a.title for a in rounds[1, "en"].counsel.plan + rounds[1, "en"].counsel.more}
    assert all(c.key in titles for c in across.plan_changed)


def test_json_files_in_two_languages_through_the_command(tmp_path, capsys):
    """`interorg diff` of two advice JSON files: no difference, the provenance and what was compared, in --lang's words."""
    for lang in ("en", "nl"):
        assert main(["advise", "--example", "--format", "json", "--lang", lang]) == 0
        (tmp_path / f"{lang}.json").write_text(capsys.readouterr().out, encoding="utf-8")
    assert main(["diff", str(tmp_path / "en.json"), str(tmp_path / "nl.json"), "--format", "json"]) == 0
    out = capsys.readouterr()
    data = json.loads(out.out)
    assert data["differ_in"] == ["lang"] and data["gained"] == data["lost"] == data["changed"] == []
    assert data["compared"] == {"conclusions": ["status", "priority", "supports"],
                                "actions": ["rank", "priority", "keys"], "inputs": False}
    assert [data["provenance"][side]["lang"] for side in ("a", "b")] == ["en", "nl"]
    assert "interorg: warning: the two advice differ in language (en, nl)" in out.err
    assert "the inputs are not compared: an advice read from its JSON holds no case" in out.err
    # the command's words are those of its --lang, whatever the language of the first advice
    assert main(["diff", str(tmp_path / "en.json"), str(tmp_path / "nl.json"), "--lang", "nl"]) == 0
    text = capsys.readouterr().out
    assert "Waarschuwing: de twee adviezen verschillen in taal (en, nl)" in text and "geen verschil" in text
    assert main(["diff", str(tmp_path / "nl.json"), str(tmp_path / "en.json")]) == 0
    text = capsys.readouterr().out
    assert "Warning: the two advice differ in language (nl, en)" in text and "no difference" in text


def test_another_version_compares_no_texts(rounds, tmp_path):
    """An advice of another interorg version whose texts were reworded: no change is reported for the words."""
    data = rounds[1, "en"].to_dict()
    older = json.loads(json.dumps(data))
    older["interorg_version"] = "0.0.1"
    for item in older["conclusions"]:
        item["title"], item["text"] = item["title"].upper(), "reworded"
    for action in older["plan"]:
        action["title"] = "Reworded: " + action["title"]
    change = interorg.diff(_write(tmp_path, "old.json", older), data)
    assert change.differ_in == ("interorg_version",) and change.empty
    assert "interorg version (0.0.1, " in change.warnings()[0]
    # a change of status is still found: by key
    older["conclusions"][0]["status"] = "set-aside"
    found = interorg.diff(older, data).changed
    assert [(c.key, c.what) for c in found] == [(data["conclusions"][0]["key"], ("status",))]


def test_supports_by_key_are_the_same_from_an_advice_and_from_its_json(rounds):
    """What a conclusion rests on, in words of no language, reads alike from the advice and from its JSON."""
    advice = rounds[2, "nl"]
    record = advice_record(advice.to_dict())
    english = {c.key: c for c in rounds[2, "en"].conclusions}
    for recorded in record.conclusions:
        assert key_supports(recorded) == key_supports(advice[recorded.key]) == key_supports(english[recorded.key])
    assert any(key_supports(c) != key_supports(advice.conclusions[0]) for c in advice.conclusions)


def test_json_without_explanations_compares_no_supports(rounds):
    """A side written without explanations has no supports: they are not compared, and the warning says so."""
    change = interorg.diff(rounds[1, "en"].to_dict(explanations=False), rounds[2, "en"])
    assert "supports" not in change.compared["conclusions"] and change.compared["inputs"] is False
    assert any("the supports are not compared" in text for text in change.warnings())
    assert change.lost == interorg.diff(rounds[1, "en"], rounds[2, "en"]).lost


def test_a_bad_advice_json_names_every_problem(tmp_path):
    """An advice's JSON that lacks what the comparison reads is refused with every problem at its path."""
    data = interorg.advise(interorg.example_case()).to_dict()
    del data["conclusions"][0]["key"]
    data["conclusions"][2]["title"] = 5
    data["plan"][1]["rank"] = "first"
    with pytest.raises(CaseError) as caught:
        interorg.diff(_write(tmp_path, "bad.json", data), data)
    said = str(caught.value)
    assert said.startswith(f"{tmp_path / 'bad.json'}: ")
    assert "conclusions[0]: missing required key 'key'" in said
    assert "conclusions[2].title: expected non-empty text; got 5" in said
    assert "plan[1].rank: expected a whole number; got 'first'" in said


def test_a_case_json_is_still_a_case(tmp_path, capsys):
    """A case written as JSON is advised on, as before: `interorg diff` tells a case from an advice by its content."""
    case = _write(tmp_path, "case.json", interorg.case_to_dict(interorg.load_case(ROUND1)))
    assert main(["diff", str(case), str(ROUND1)]) == 0
    out = capsys.readouterr()
    assert "no difference" in out.out and "Warning" not in out.out and out.err == ""


def test_a_bad_advice_json_is_refused_in_dutch(tmp_path, capsys):
    """On the command line, an advice's JSON that cannot be read is refused with exit 2, in Dutch under --lang nl."""
    path = _write(tmp_path, "advies.json", {"schema_version": 5, "conclusions": [{"key": "x"}]})
    assert main(["diff", str(path), str(ROUND1), "--lang", "nl"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("interorg: fout:")
    assert "de verplichte sleutel 'interorg_version' ontbreekt" in err


QUADRANT_IV = "  - id: kenis.need.quadrant-iv\n    kind: finding\n    priority: high\n"


@pytest.fixture(scope="module")
def edited(tmp_path_factory):
    """The example advised on with a copy of the shipped knowledge, one in which quadrant IV is of medium priority."""
    folder = tmp_path_factory.mktemp("knowledge") / "edited"
    shutil.copytree(str(importlib.resources.files("interorg.knowledge")), folder,
                    ignore=shutil.ignore_patterns("__pycache__"))
    rules = folder / "rules" / "kenis_need.yaml"
    text = rules.read_text(encoding="utf-8")
    assert QUADRANT_IV in text
    rules.write_text(text.replace(QUADRANT_IV, QUADRANT_IV.replace("high", "medium")), encoding="utf-8")
    return {lang: interorg.advise(ROUND1, lang=lang, knowledge=folder) for lang in ("en", "nl")}


def test_two_knowledge_bases_are_compared_by_key(rounds, edited):
    """Advice drawn from an edited copy of the rules: compared by key, under a warning naming both knowledge bases."""
    change = interorg.diff(rounds[1, "en"], edited["en"])
    shipped, mine = rounds[1, "en"].knowledge["fingerprint"], edited["en"].knowledge["fingerprint"]
    assert shipped != mine and change.differ_in == ("knowledge",)
    assert change.compared["conclusions"] == ["status", "priority", "supports"]
    assert change.provenance["b"]["knowledge"] == {"name": "edited", "fingerprint": mine}
    assert [(c.key, c.what, c.after) for c in change.changed] == [
        (f"kenis.need.municipal.quadrant-iv[{m}]", ("priority",), {"priority": "medium"}) for m in ("bladel", "reusel")]
    assert (f"Warning: the two advice differ in knowledge base (bundled {shipped}, edited {mine}): conclusions and"
            " actions are compared by key") in change.to_text()
    dutch = interorg.diff(rounds[1, "nl"], edited["nl"]).to_text()
    assert f"Waarschuwing: de twee adviezen verschillen in kennisbank (meegeleverd {shipped}, edited {mine})" in dutch


def test_a_copy_of_the_knowledge_is_the_same_knowledge(rounds, tmp_path):
    """The shipped knowledge copied to a folder of another name: the same fingerprint, so no warning and every facet."""
    folder = tmp_path / "copy"
    shutil.copytree(str(importlib.resources.files("interorg.knowledge")), folder,
                    ignore=shutil.ignore_patterns("__pycache__"))
    change = interorg.diff(rounds[1, "en"], interorg.advise(ROUND1, knowledge=folder))
    assert change.provenance["b"]["knowledge"]["name"] == "copy"
    assert change.differ_in == () and change.warnings() == [] and change.empty
    assert "title" in change.compared["conclusions"]


def test_json_files_of_two_knowledge_bases_through_the_command(rounds, edited, tmp_path, capsys):
    """`interorg diff --format json` of two advice JSON files drawn from two knowledge bases: `differ_in` says so."""
    a = _write(tmp_path, "a.json", rounds[1, "en"].to_dict())
    b = _write(tmp_path, "b.json", edited["en"].to_dict())
    assert main(["diff", str(a), str(b), "--format", "json"]) == 0
    out = capsys.readouterr()
    data = json.loads(out.out)
    assert data["differ_in"] == ["knowledge"]
    assert [data["provenance"][side]["knowledge"]["name"] for side in ("a", "b")] == ["bundled", "edited"]
    assert "interorg: warning: the two advice differ in knowledge base (bundled " in out.err
    assert [item["key"] for item in data["changed"]] == ["kenis.need.municipal.quadrant-iv[bladel]",
                                                         "kenis.need.municipal.quadrant-iv[reusel]"]


def _schema_5(advice):
    """The advice's JSON as schema 5 wrote it: without its knowledge base."""
    data = advice.to_dict()
    del data["knowledge"]
    data["schema_version"] = 5
    return data


def test_a_json_of_schema_5_is_read_with_its_knowledge_unknown(rounds):
    """Schema 5 names no knowledge base: it is read as not known, neither said to differ nor said to be the same."""
    both = interorg.diff(_schema_5(rounds[1, "en"]), _schema_5(rounds[2, "en"]))
    assert both.provenance["a"]["knowledge"] is None and both.provenance["b"]["knowledge"] is None
    assert both.differ_in == () and both.lost == interorg.diff(rounds[1, "en"], rounds[2, "en"]).lost
    assert not any("differ in" in text for text in both.warnings())
    assert ("the knowledge bases of the two advice are not known (their JSON is of schema 5 or earlier"
            in both.warnings()[0])
    one = interorg.diff(_schema_5(rounds[1, "en"]), rounds[1, "en"])
    assert one.differ_in == ("schema_version",) and one.empty
    assert "differ in version of the advice's JSON (5, 6):" in one.warnings()[0]
    assert one.warnings()[1].startswith("the knowledge base of the first advice is not known")
    assert interorg.diff(rounds[1, "nl"], _schema_5(rounds[1, "nl"])).warnings()[1].startswith(
        "de kennisbank van het tweede advies is niet bekend")


def test_a_json_of_schema_6_names_its_knowledge(rounds, tmp_path):
    """From schema 6 on, the JSON must say its knowledge base (null when not known), with every problem at its path."""
    data = rounds[1, "en"].to_dict()
    data["knowledge"] = None
    assert advice_record(data).knowledge is None
    del data["knowledge"]
    with pytest.raises(CaseError, match="missing required key 'knowledge'"):
        interorg.diff(data, rounds[1, "en"])
    data["knowledge"] = {"name": 5}
    with pytest.raises(CaseError) as caught:
        interorg.diff(_write(tmp_path, "bad.json", data), rounds[1, "en"])
    said = str(caught.value)
    assert "knowledge.name: expected non-empty text; got 5" in said
    assert "knowledge: missing required key 'fingerprint'" in said


def test_a_comparison_without_provenance_says_nothing_of_knowledge():
    """An AdviceDiff built by hand, with no provenance given, warns of no unknown knowledge base."""
    from interorg.report.diff import AdviceDiff

    assert AdviceDiff("A", "B", (), (), (), ()).warnings() == []
    sides = {"a": {"knowledge": {"name": "bundled", "fingerprint": "0" * 16}}, "b": {"knowledge": None}}
    assert [text[:38] for text in AdviceDiff("A", "B", (), (), (), (), provenance=sides).warnings()] == [
        "the knowledge base of the second advic"]


def test_what_a_json_says_of_its_knowledge_is_shown_safely(rounds, edited, tmp_path, capsys):
    """A knowledge name read from a JSON file cannot reach the terminal or the Markdown as control or structure."""
    data = edited["en"].to_dict()
    data["knowledge"]["name"] = "rules\x1b[2J|<b>"
    change = interorg.diff(rounds[1, "en"], data)
    assert "rules\\x1b[2J|<b>" in change.to_text() and "\x1b" not in change.to_text()
    assert "rules\\x1b[2J\\|&lt;b>" in change.to_markdown()
    a, b = _write(tmp_path, "a.json", rounds[1, "en"].to_dict()), _write(tmp_path, "b.json", data)
    assert main(["diff", str(a), str(b), "--format", "json"]) == 0
    assert "\x1b" not in capsys.readouterr().err
