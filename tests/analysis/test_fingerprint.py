"""The fingerprint of a knowledge base: a hash of its knowledge files, the same wherever the same files are."""

import importlib.resources
import json
import os
import pathlib
import shutil
import subprocess
import sys

import attrs
import pytest

import interorg
from interorg.analysis.fingerprint import fingerprint

ROOT = pathlib.Path(__file__).resolve().parents[2]
QUADRANT_IV = "  - id: kenis.need.quadrant-iv\n    kind: finding\n    priority: high\n"


@pytest.fixture()
def copy(tmp_path):
    """A copy of the shipped knowledge in a folder of its own."""
    folder = tmp_path / "my_rules"
    shutil.copytree(str(importlib.resources.files("interorg.knowledge")), folder,
                    ignore=shutil.ignore_patterns("__pycache__"))
    return folder


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_copy_of_the_shipped_knowledge_has_its_fingerprint(copy):
    """The same files give the same fingerprint, in the package or in a folder elsewhere; the name is the folder's."""
    shipped, mine = interorg.load_knowledge(), interorg.load_knowledge(copy)
    assert shipped.name == "bundled" and mine.name == "my_rules"
    assert len(shipped.fingerprint) == 16 and set(shipped.fingerprint) <= set("0123456789abcdef")
    assert mine.fingerprint == shipped.fingerprint == fingerprint(copy)
    assert repr(mine).startswith(f"<KnowledgeBase 'my_rules' ({mine.fingerprint}) of {len(mine.rules)} rules")


def test_one_changed_rule_file_changes_the_fingerprint(copy):
    """Editing one rule of one rule file gives another fingerprint, and the advice drawn from it says so."""
    before = fingerprint(copy)
    _edit(copy / "rules" / "kenis_need.yaml", QUADRANT_IV, QUADRANT_IV.replace("high", "medium"))
    after = interorg.load_knowledge(copy)
    assert after.fingerprint == fingerprint(copy) != before
    advice = interorg.advise(interorg.example_case(), knowledge=copy)
    assert advice.knowledge == {"name": "my_rules", "fingerprint": after.fingerprint}
    assert advice.to_dict()["knowledge"] == advice.knowledge


def test_what_the_rules_do_not_read_leaves_the_fingerprint(copy):
    """An example case, the README, the package marker and the files' times of change do not enter it."""
    before = fingerprint(copy)
    _edit(copy / "examples" / "municipal_youth_care.yaml", "name:", "name:  ")
    (copy / "README.md").write_text("notes of my own\n", encoding="utf-8")
    (copy / "__init__.py").unlink()
    os.utime(copy / "models.yaml", (1_000_000_000, 1_000_000_000))
    assert fingerprint(copy) == before
    (copy / "sources" / "000_6b7b491f8d9f9526.txt").write_text("another source\n", encoding="utf-8")
    assert fingerprint(copy) != before


def test_a_folder_the_loader_does_not_read_is_not_walked_nor_hashed(copy, monkeypatch):
    """A .git, a virtual environment or drafts in rules/_drafts: not read by the loader, so not in the fingerprint.

    Nor walked: a folder that is not a knowledge folder at all (a home folder, /tmp) is refused at once.
    """
    before = fingerprint(copy)
    for folder in (".git", "venv/lib/site-packages/pkg", "rules/_drafts", "notes"):
        (copy / folder).mkdir(parents=True)
        (copy / folder / "x.yaml").write_text("a: 1\n", encoding="utf-8")
    (copy / "notes" / "loop").symlink_to(copy)
    walked = []
    real_iterdir = pathlib.Path.iterdir

    def iterdir(self):
        walked.append(self.relative_to(copy).as_posix())
        return real_iterdir(self)

    monkeypatch.setattr(pathlib.Path, "iterdir", iterdir)
    assert fingerprint(copy) == before
    tops = {path.split("/")[0] for path in walked}
    assert tops == {".", "messages", "rules", "sources", "vocabulary"}, walked
    assert "rules/_drafts" not in walked
    (copy / "rules" / "common_eye_forms" / "more.yaml").write_text("rules: []\n", encoding="utf-8")
    assert fingerprint(copy) != before  # a folder of rules in rules/ is read, and hashed


def test_a_link_back_to_the_knowledge_folder_is_one_problem_not_a_walk_without_end(copy):
    """rules/loop -> the knowledge folder: refused with that one problem, not with every file again and again."""
    (copy / "rules" / "loop").symlink_to(copy)
    with pytest.raises(interorg.KnowledgeError) as raised:
        interorg.load_knowledge(copy)
    assert [(p.file, p.message) for p in raised.value.problems] == [
        ("rules/loop", "a symbolic link to a folder that holds it; expected a folder of its own (the link is not followed)")]
    assert fingerprint(copy) == interorg.load_knowledge().fingerprint


def test_a_pipe_and_a_link_to_nothing_are_said_by_the_loader_not_read(copy):
    """A named pipe in sources/ would block a read for ever, a dangling link has nothing to read: both are problems.

    In a process of its own, so that a read that blocks fails the test instead of hanging it.
    """
    os.mkfifo(copy / "sources" / "pipe.txt")
    (copy / "rules" / "gone.yaml").symlink_to(copy / "nowhere.yaml")
    code = ("import interorg, sys\n"
            "try:\n    interorg.load_knowledge(sys.argv[1])\n"
            "except interorg.KnowledgeError as exc:\n    print('\\n'.join(str(p) for p in exc.problems))\n")
    done = subprocess.run([sys.executable, "-c", code, str(copy)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    assert done.stdout.splitlines() == ["rules/gone.yaml: cannot read the file: No such file or directory"]


def test_the_fingerprint_is_the_same_in_other_processes(copy):
    """Other processes, with other hash seeds and no cache, find the same fingerprints, of the package and a folder."""
    code = ("import sys, interorg; print(interorg.load_knowledge().fingerprint, "
            "interorg.load_knowledge(sys.argv[1]).fingerprint)")
    found = set()
    for seed in ("0", "1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "INTERORG_CACHE_DIR": "",
               "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
        result = subprocess.run([sys.executable, "-c", code, str(copy)], capture_output=True, text=True, env=env,
                                cwd=copy.parent, check=True)
        found.add(result.stdout.strip())
    shipped = interorg.load_knowledge().fingerprint
    assert found == {f"{shipped} {shipped}"}


def test_a_knowledge_base_changed_in_python_is_not_its_files(copy):
    """A knowledge base evolved in Python has no name or fingerprint, and its advice says its knowledge is not known."""
    changed = attrs.evolve(interorg.load_knowledge(copy), rules=interorg.load_knowledge().rules)
    assert (changed.name, changed.fingerprint) == (None, None)
    assert repr(changed).startswith("<KnowledgeBase of ")
    advice = interorg.advise(interorg.example_case(), knowledge=changed)
    assert advice.knowledge is None and advice.to_dict()["knowledge"] is None


def test_the_advice_names_no_path_of_its_folder(copy):
    """The advice's JSON names the folder of its knowledge by its name alone: nothing of where it is on this machine."""
    text = interorg.advise(interorg.example_case(), knowledge=copy).to_json()
    assert str(copy.parent) not in text and json.loads(text)["knowledge"]["name"] == "my_rules"


def test_the_json_grows_by_the_fingerprint_alone():
    """Of the example's JSON, the knowledge is one entry of 64 bytes, its fingerprint written once."""
    advice = interorg.advise(interorg.example_case())
    text, data = advice.to_json(), advice.to_dict()
    entry = '"knowledge":' + json.dumps(data.pop("knowledge"), separators=(",", ":")) + ","
    assert len(text) == len(json.dumps(data, separators=(",", ":"), ensure_ascii=False)) + len(entry)
    assert len(entry.encode()) == 64 and text.count(advice.knowledge["fingerprint"]) == 1
