"""Under --lang nl every error is Dutch: bad case files, bad answers, bad command lines, files that cannot be written."""

import re

import pytest

import interorg
from conftest import CASES
from interorg.cli import main

CASE = CASES / "kenis_quadrant_iii.yaml"
PAIR = "partners:\n  - {id: a, name: A, kind: municipality}\n  - {id: b, name: B}\n"

#: Case files that the reader or the checks refuse, each for another reason.
BAD_CASES = {
    "deep.yaml": "care: " + "{a: " * 17 + "1" + "}" * 17 + "\n",
    "deep.json": '{"care": ' + '{"a": ' * 17 + "1" + "}" * 17 + "}",
    "very_deep.yaml": "care: " + "[" * 1100 + "]" * 1100 + "\n",
    "long_number.yaml": "governance: {participants: 12345678901234567890}\n",
    "long_number.json": '{"governance": {"participants": 12345678901234567890}}',
    "long_text.yaml": "name: " + "x" * 10_001 + "\n",
    "anchors.yaml": "name: &n X\ndescription: *n\n",
    "tag.yaml": "name: !!python/object:os.system x\n",
    "tagged_value.yaml": "name: !!bool maybe\n",
    "key_list.yaml": "? [a, b]\n: 1\n",
    "latin1.yaml": b"name: caf\xe9\n",
    "surrogate.json": '{"name": "\\ud800"}',
    "infinite.yaml": "governance: {participants: .inf}\n",
    "empty.yaml": "# nog niets\n",
    "values.yaml": "x: [" + ",".join(["1"] * 200_001) + "]\n",
    "large.yaml": b"x" * (2 * 1024 * 1024 + 1),
    "partners.yaml": "partners:\n" + "".join(f"  - {{id: p{i}}}\n" for i in range(201)),
    "relationships.yaml": PAIR + "relationships:\n" + "  - {between: [a, b]}\n" * 401,
    "references.yaml": PAIR + "  - {id: a}\n"
                       "relationships:\n  - {between: [a, a]}\n  - {between: [a, b]}\n  - {between: [b, a]}\n"
                       "  - {between: [a, b, b]}\n  - {between: [a, z]}\n"
                       "dependencies:\n  - {partner: a, on: a, strength: high}\n  - {partner: a, on: b, strength: high}\n"
                       "  - {partner: a, on: b, strength: high}\n"
                       "governance: {participants: 1}\nreasons: [{reason: efficiency}, {reason: efficiency}]\n"
                       "challenges: [{challenge: trust}, {challenge: trust}]\n"
                       "observations: [{observation: no_strategy}, {observation: no_strategy}]\n"
                       "arrangement: {mechanisms: [contracts, contracts]}\n"
                       "care: {supply_in_municipality: few, municipalities: [{municipality: b, supply: few},"
                       " {municipality: zz, supply: few}, {municipality: a, supply: few},"
                       " {municipality: a, supply: few}]}\n"
                       "scan: {respondents: [{id: r1, partner: a, answers: {}}, {id: r1, partner: q, answers: {}}]}\n",
    "fewer.yaml": PAIR + "  - {id: c}\ngovernance: {participants: 2}\n",
    "no_partners.yaml": "relationships:\n  - {between: [a, b]}\n",
    "id.yaml": "partners:\n  - {id: 'a b'}\n",
    "date.yaml": "assessed: 2026-13\n",
    "invalid.json": '{"a": }',
    "twice.yaml": "name: a\nname: b\n",
    "unclosed.yaml": "reasons: [1, 2\nname: b\n",
    "indented.yaml": "name: a\n  description: b: c\n",
    "tab.yaml": "reasons:\n\t- x\n",
    "two_documents.yaml": "name: a\n---\nname: b\n",
}

#: Command lines that cannot work, with {case} for a good case file and {tmp} for a folder.
BAD_COMMANDS = [
    ["advise"],
    ["advise", "{case}", "--example"],
    ["advise", "--example", "nergens"],
    ["advise", "--example", "--format", "pdf"],
    ["advise", "--example", "--top"],
    ["advise", "--example", "--top", "x"],
    ["advise", "--example", "--kind", "advies"],
    ["advise", "--example", "--onbekend"],
    ["advise", "--example", "--explain", "nergens"],
    ["onbekend"],
    ["map", "--example", "-o", "{tmp}/kaart.gif"],
    ["plot", "heatmap", "--example", "-o", "{tmp}/kaart.gif"],
    ["plot", "rounds", "--example", "-o", "{tmp}/kaart.png"],
    ["plot", "heatmap", "{case}", "{case}", "-o", "{tmp}/kaart.png"],
    ["compare", "{case}", "{case}", "--plot", "{tmp}/kaart.gif"],
    ["coverage", "--by", "rule"],
    ["coverage", "{tmp}/leeg"],
    ["advise", "--example", "-o", "{tmp}/nergens/advies.txt"],
    ["advise", "--example", "-o", "{tmp}"],
    ["advise", "--example", "-o", "{tmp}/alleen-lezen.txt"],
    ["advise", "{case}", "-o", "{case}"],
    ["advise", "{tmp}/nergens.yaml"],
    ["sweep", "{case}", "--vary", "care.demand", "--workers", "-1"],
    ["sweep", "{case}", "--vary", "care.onbekend"],
    ["sweep", "{case}", "--vary", "care.demand=", "--vary", "care.demand"],
    ["scan"],
    ["scan", "{case}", "--statements"],
    ["scan", "{tmp}/zonder-partners.yaml", "--import", "{tmp}/antwoorden.csv"],
    ["scan", "{tmp}/met-partners.yaml", "--import", "{tmp}/leeg.csv"],
    ["scan", "{tmp}/met-partners.yaml", "--import", "{tmp}/antwoorden.csv"],
    ["advise", "--example", "--knowledge", "{tmp}/nergens"],
    ["advise", "--example", "--knowledge", "{case}"],
    ["verify", "{tmp}/leeg", "--knowledge", "{tmp}"],
    ["export", "--format", "knowledge"],
    ["export", "--format", "knowledge", "-o", "{tmp}/kennis", "--case", "{case}"],
    ["export", "--format", "knowledge", "-o", "{tmp}"],
    ["export", "--format", "knowledge", "-o", "{case}"],
    ["export", "--format", "knowledge", "-o", "{tmp}/nergens/kennis"],
]

#: English words that Dutch text does not use (the error texts are matched word by word).
_ENGLISH = re.compile(r"\b(the|are|expected|cannot|allowed|must|give|got|not|file|folder|at most|error|usage|"
                      r"invalid|unknown|already|nested|more than|choose|required|unrecognized|write|read)\b")


def _english_fragments(messages):
    """The fixed parts of each English problem pattern that its Dutch text does not share."""
    fragments = set()
    for key, text in messages.items():
        if key.startswith("problem."):
            for part in re.split(r"\{[a-z_]+\}", text.en):
                part = part.strip(" ;:,.()'")
                # a phrase, not a single word (a key such as 'municipality' is shown as it is)
                if len(part) >= 12 and " " in part and part not in text.nl:
                    fragments.add(part)
    return fragments


def _check_dutch(err, messages):
    assert err.startswith("interorg: fout:"), err
    # what the user gave is shown as given: leave out the quoted values and the paths
    text = re.sub(r"'[^']*'|\S*/\S*", " ", err)
    assert not _ENGLISH.findall(text), err
    assert not [fragment for fragment in _english_fragments(messages) if fragment in err], err


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "leeg").mkdir()
    readonly = tmp_path / "alleen-lezen.txt"
    readonly.write_text("x", encoding="utf-8")
    readonly.chmod(0o444)
    (tmp_path / "zonder-partners.yaml").write_text("name: Samenwerking\n", encoding="utf-8")
    (tmp_path / "met-partners.yaml").write_text(PAIR.replace("id: a, name: A", "id: eersel, name: Eersel"),
                                                encoding="utf-8")
    (tmp_path / "leeg.csv").write_text("\n", encoding="utf-8")
    (tmp_path / "antwoorden.csv").write_text(
        "partner,respondent,wat_is_dit,equality_1,equality_1\nnergens,r 1,3,9,2\neersel,r2,3,9,2\neersel,r2,1,1,1\n",
        encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("name", list(BAD_CASES))
def test_bad_case_is_refused_in_dutch(name, tmp_path, capsys):
    """Each case file the reader refuses is refused in Dutch, with no English left."""
    path = tmp_path / name
    content = BAD_CASES[name]
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    assert main(["advise", str(path), "--lang", "nl"]) == 2
    _check_dutch(capsys.readouterr().err, interorg.load_knowledge().messages)


@pytest.mark.parametrize("argv", BAD_COMMANDS, ids=lambda argv: "-".join(argv)[:60])
def test_bad_command_line_is_refused_in_dutch(argv, folder, capsys):
    """Each command line that cannot work is answered in Dutch under --lang nl."""
    case = folder / "casus.yaml"
    case.write_text(CASE.read_text(encoding="utf-8"), encoding="utf-8")
    argv = [part.format(case=case, tmp=folder) for part in argv]
    assert main([*argv, "--lang", "nl"]) in (1, 2)
    _check_dutch(capsys.readouterr().err, interorg.load_knowledge().messages)


def test_english_fragments_are_found():
    """The check itself finds the English it looks for (it would let nothing through unseen)."""
    messages = interorg.load_knowledge().messages
    with pytest.raises(AssertionError):
        _check_dutch("interorg: fout: the file is larger than 2,097,152 bytes, the most a case file may be", messages)
    with pytest.raises(AssertionError):
        _check_dutch("interorg: fout: interorg advise: argument --top: expected one argument", messages)
    _check_dutch("interorg: fout: het bestand is groter dan 2.097.152 bytes, het maximum voor een casusbestand",
                 messages)


def _too_large(tmp_path):
    path = tmp_path / "large.yaml"
    path.write_bytes(b"#" * (2 * 1024 * 1024 + 1))
    return path


def test_large_file_is_refused_in_dutch_with_dutch_numbers(tmp_path, capsys):
    """A file over the bound is refused in Dutch, the bound grouped with dots; a device is not a case file."""
    path = _too_large(tmp_path)
    assert main(["advise", str(path), "--lang", "nl"]) == 2
    assert capsys.readouterr().err == (
        f"interorg: fout: {path}: het bestand is groter dan 2.097.152 bytes, het maximum voor een casusbestand\n")
    assert main(["advise", "/dev/zero", "--lang", "nl"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("interorg: fout: /dev/zero: verwacht een gewoon bestand; gekregen: ")
    _check_dutch(err, interorg.load_knowledge().messages)


def test_an_observation_given_twice_is_a_waarneming(tmp_path, capsys):
    """The case reader calls an observation what the vocabulary calls it: a 'waarneming', not an 'observatie'."""
    path = tmp_path / "twee-keer.yaml"
    path.write_text(PAIR + "observations:\n  - {observation: staff_turnover}\n  - {observation: staff_turnover}\n",
                    encoding="utf-8")
    assert main(["validate", str(path), "--lang", "nl"]) == 2
    err = capsys.readouterr().err
    assert "de waarneming 'staff_turnover' staat al bij observations[0]; geef elke waarneming één keer" in err
    assert interorg.load_knowledge().facts["observation"].label.nl == "waarneming"


def test_english_is_left_as_it_was(tmp_path, capsys):
    """Without --lang the same errors stay English, with English numbers."""
    assert main(["advise", str(_too_large(tmp_path))]) == 2
    assert "the file is larger than 2,097,152 bytes" in capsys.readouterr().err
    assert main(["advise", "--example", "--format", "pdf"]) == 2
    assert "argument --format: invalid choice: 'pdf'" in capsys.readouterr().err


def test_problem_patterns_have_the_same_placeholders_in_both_languages():
    """Each problem.* pattern names the same placeholders, each once, in English and in Dutch."""
    messages = interorg.load_knowledge().messages
    patterns = {key: text for key, text in messages.items() if key.startswith("problem.")}
    assert len(patterns) > 100
    for key, text in patterns.items():
        english = re.findall(r"\{([a-z_]+)\}", text.en)
        dutch = re.findall(r"\{([a-z_]+)\}", text.nl)
        assert sorted(english) == sorted(dutch), key
        assert len(set(english)) == len(english), key  # a name twice cannot be one regular expression group
