"""Two advice of different languages or versions, or read back from JSON, are compared by key, under a warning."""

import json
import pathlib

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
