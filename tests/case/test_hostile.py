"""Hostile case files: each is refused with a CaseError that says where and what, never a traceback."""

import importlib.util
import io
import os
import re
import subprocess
import sys

import pytest

import interorg
from conftest import DATA
from interorg.cli import main

HOSTILE = DATA / "hostile"

#: Each file kept in tests/data/hostile, with what its error must say.
KEPT = {
    "alias_bomb.yaml": "a0 (line 2, column 5): the anchor '&a0' is not allowed",
    "alias_self.yaml": "partners[0] (line 2, column 15): the alias '*p' is not allowed",
    "complex_key.yaml": "line 4, column 3: a key must be text; got a list or mapping as a key",
    "tags.yaml": "description (line 7, column 14): the tag '!!timestamp' is not allowed",
    "tag_python.yaml": "name (line 2, column 7): the tag '!!python/object/apply:os.system' is not allowed",
    "surrogate.yaml": "line 2, column 10: invalid YAML: found invalid Unicode character escape code",
    "surrogate.json": "name (line 1, column 10): the text holds a lone surrogate (U+D800)",
    "duplicate_key.json": "key 'name' is given twice in the same mapping",
    "empty.yaml": "the case file is empty",
    "comment_only.yaml": "the case file is empty",
    "null.yaml": "the case file is empty",
    "null.json": "the case file is empty",
    "empty_key.json": '[""] (line 1, column 6): unknown key \'\'; expected one of name',
    "timestamp_value.yaml": "partners[0].founded (line 5, column 14): unknown key 'founded'",
    "not_utf8.yaml": "line 2, column 17: not UTF-8 text: the byte 0xe9 at offset 38 cannot be read",
}

#: Each generated file (tests/data/hostile/generate.py), with what its error must say.
GENERATED = {
    "deep_lists.yaml": "line 1, column 1003: nested more than 1,000 levels deep",
    "deep_lists_1000.yaml": "nested more than",
    "deep_mappings.yaml": "k0.k1.k2.k3.k4.k5.k6.k7.k8.k9.k10.k11.k12.k13.k14.k15 (line 17, column 33): nested more than"
                          " 16 levels deep",
    "deep_flow_mappings.yaml": "a.b.b.b.b.b.b.b.b.b.b.b.b.b.b.b (line 1, column 64): nested more than 16 levels deep",
    "deep.json": "line 1, column 17: nested more than 16 levels deep",
    "deep_objects.json": "line 1, column 97: nested more than 16 levels deep",
    "huge_int.yaml": "governance.participants (line 2, column 17): a number of 5,000 characters",
    "huge_int.json": "governance.participants (line 1, column 33): a number of 5,000 digits; at most 15 are allowed",
    "huge_scalar.yaml": "the file is larger than 2,097,152 bytes",
    "long_text.yaml": "name (line 1, column 7): a text of 20,000 characters; at most 10,000 are allowed",
    "many_partners.yaml": "the file is larger than 2,097,152 bytes",
    "more_partners.yaml": "partners (line 2, column 3): 1,000 partners; at most 200 are advised on",
    "many_values.json": "more than 200,000 values in all",
    "many_problems.json": "care.unknown_0 (line 1, column 24): unknown key 'unknown_0'",
}


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """The hostile files too large to keep, written by tests/data/hostile/generate.py."""
    spec = importlib.util.spec_from_file_location("generate", HOSTILE / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generate(tmp_path_factory.mktemp("hostile"))


def _refused(path):
    with pytest.raises(interorg.CaseError) as info:
        interorg.load_case(path)
    return info.value


def test_every_kept_file_is_pinned():
    """Every file in tests/data/hostile is listed here with its message."""
    assert {p.name for p in HOSTILE.iterdir() if p.suffix in (".yaml", ".json")} == set(KEPT)


@pytest.mark.parametrize("name", sorted(KEPT))
def test_kept_file_is_refused_with_its_place(name):
    """Each hostile file is a CaseError naming the file and the place in it."""
    error = _refused(HOSTILE / name)
    assert KEPT[name] in str(error)
    assert str(error).startswith(str(HOSTILE / name))


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_file_is_refused_with_its_place(generated, name):
    """Each generated hostile file is a CaseError too, found before the expensive work."""
    assert GENERATED[name] in str(_refused(generated[name]))


def test_every_tag_problem_at_once():
    """Four bad tags give four problems, each with its path."""
    paths = [p.path for p in _refused(HOSTILE / "tags.yaml").problems]
    assert paths == ["care.supply_in_municipality", "governance.participants", "name", "description"]


def test_dev_zero_is_refused():
    """A device that never ends is refused before it is read: a case is a regular file."""
    assert "/dev/zero: expected a regular file; got a device" in str(_refused("/dev/zero"))


def test_named_pipe_is_refused_without_blocking(tmp_path):
    """A named pipe with no writer is refused at once, not waited on for ever."""
    pipe = tmp_path / "case.yaml"
    os.mkfifo(pipe)
    assert f"{pipe}: expected a regular file; got a named pipe" in str(_refused(pipe))


def test_folder_is_refused(tmp_path):
    """A folder given as the case is refused as not a regular file."""
    assert "expected a regular file; got a folder" in str(_refused(tmp_path))


def test_endless_standard_input_is_read_no_further_than_a_case(monkeypatch, capsys):
    """Standard input that never ends (as /dev/zero) is refused after the largest case file."""
    with open("/dev/zero", "rb") as zero:
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(zero))
        assert main(["validate", "-"]) == 2
    assert "<stdin>: the file is larger than 2,097,152 bytes" in capsys.readouterr().err


def test_empty_case_when_asked_for():
    """With allow_empty an empty file is the empty case, and is advised on."""
    assert interorg.load_case(HOSTILE / "comment_only.yaml", allow_empty=True) == interorg.Case()


@pytest.mark.parametrize("value, expected", [
    (None, "expected an interorg.Case, a mapping or the path of a case file; got nothing (null)"),
    (b"case.yaml", "expected an interorg.Case, a mapping or the path of a case file; got bytes"),
    (42, "got int"),
])
def test_advise_on_what_is_not_a_case(value, expected):
    """advise() on something that is not a case is a CaseError, not a TypeError."""
    with pytest.raises(interorg.CaseError, match=re.escape(expected)):
        interorg.advise(value)


def test_load_case_of_bytes():
    """load_case() of bytes says it wants a path."""
    with pytest.raises(interorg.CaseError, match=r"expected the path of a case file \(str or os.PathLike\); got bytes"):
        interorg.load_case(b"x")


def test_python_data_obeys_the_same_bounds():
    """A mapping given in Python that contains itself, or nests without end, is refused like a file."""
    data = {"partners": []}
    data["partners"].append(data)
    with pytest.raises(interorg.CaseError, match="nested more than 16 levels deep"):
        interorg.advise(data)
    with pytest.raises(interorg.CaseError, match="a number of more than 15 digits"):
        interorg.advise({"governance": {"participants": 10 ** 5000}})
    with pytest.raises(interorg.CaseError, match=r"name: the text holds a lone surrogate \(U\+D800\)"):
        interorg.advise(interorg.Case(name="\ud800"))


def test_many_partners_in_python_are_refused_before_the_rules_run():
    """More partners than are advised on is a CaseError listing the bound."""
    data = {"partners": [{"id": f"p{i}"} for i in range(201)]}
    with pytest.raises(interorg.CaseError, match="partners: 201 partners; at most 200 are advised on"):
        interorg.advise(data)


@pytest.mark.parametrize("name", sorted(KEPT))
def test_command_line_exits_2_for_each_file(capsys, monkeypatch, name):
    """`interorg advise FILE` and `interorg advise -` exit 2 with the message, for each hostile file."""
    assert main(["advise", str(HOSTILE / name)]) == 2
    assert KEPT[name] in capsys.readouterr().err
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO((HOSTILE / name).read_bytes()), encoding="utf-8"))
    assert main(["advise", "-"]) == 2
    assert "<stdin>: " in capsys.readouterr().err


def test_error_output_is_bounded(capsys, generated):
    """20,000 problems print as 200 lines and a count of the rest."""
    assert main(["advise", str(generated["many_problems.json"])]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 202
    assert lines[-1] == "... and 19,800 more problems"


def test_standard_input_obeys_the_size_bound(monkeypatch, capsys):
    """Standard input is read no further than a case file may be long."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"#" * (3 * 1024 * 1024)), encoding="utf-8"))
    assert main(["advise", "-"]) == 2
    assert "<stdin>: the file is larger than 2,097,152 bytes" in capsys.readouterr().err


def test_allow_empty_flag(tmp_path, capsys):
    """--allow-empty advises on an empty file instead of refusing it."""
    path = tmp_path / "case.yaml"
    path.write_text("# to be filled in\n", encoding="utf-8")
    assert main(["advise", str(path)]) == 2
    assert main(["advise", str(path), "--allow-empty", "--brief"]) == 0
    assert capsys.readouterr().out.startswith("Advice for\n")


@pytest.mark.parametrize("name", ["alias_bomb.yaml", "not_utf8.yaml"])
def test_in_a_subprocess_no_traceback(name):
    """As a separate program, on a file and on standard input: exit 2, no traceback."""
    path = HOSTILE / name
    for args, stdin in (([str(path)], b""), (["-"], path.read_bytes())):
        result = subprocess.run([sys.executable, "-m", "interorg", "advise", *args], input=stdin,
                                capture_output=True, timeout=120)
        assert result.returncode == 2
        assert b"Traceback" not in result.stderr and result.stdout == b""
