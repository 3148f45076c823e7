"""copy_knowledge: a copy of a knowledge folder to edit, never over files, never into the folder it copies."""

import importlib.resources

import attrs
import pytest

import interorg
from interorg.engine.translation import translate
from interorg.research.knowledge_copy import copy_knowledge


def test_the_copy_holds_the_files_it_names(tmp_path):
    """Every file the copy returns is written, byte for byte as shipped, and nothing else is."""
    written = copy_knowledge(tmp_path / "kb")
    on_disk = sorted(str(path.relative_to(tmp_path / "kb")) for path in (tmp_path / "kb").rglob("*") if path.is_file())
    assert len(set(written)) == len(written) and sorted(written) == on_disk
    shipped = importlib.resources.files("interorg.knowledge")
    assert all((tmp_path / "kb" / path).read_bytes() == shipped.joinpath(*path.split("/")).read_bytes()
               for path in written)
    assert interorg.load_knowledge(tmp_path / "kb").fingerprint == interorg.load_knowledge().fingerprint


def test_an_empty_folder_is_filled(tmp_path):
    """A folder that exists but is empty is a place to copy into."""
    (tmp_path / "kb").mkdir()
    assert copy_knowledge(tmp_path / "kb", knowledge=interorg.load_knowledge())


def test_a_copy_of_a_copy_is_read_from_its_folder(tmp_path):
    """knowledge= given as a folder's path copies that folder."""
    copy_knowledge(tmp_path / "one")
    (tmp_path / "one" / "notes.txt").write_text("mine", encoding="utf-8")
    assert "notes.txt" in copy_knowledge(tmp_path / "two", knowledge=tmp_path / "one")
    assert (tmp_path / "two" / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_a_hidden_folder_and_a_link_back_are_not_copied(tmp_path):
    """A folder under git: its .git is the folder's tools, not knowledge; a link back to the folder would never end."""
    copy_knowledge(tmp_path / "one")
    (tmp_path / "one" / ".git" / "objects").mkdir(parents=True)
    (tmp_path / "one" / ".git" / "config").write_text("[core]\n", encoding="utf-8")
    (tmp_path / "one" / "drafts").mkdir()
    (tmp_path / "one" / "drafts" / "idea.yaml").write_text("a: 1\n", encoding="utf-8")
    (tmp_path / "one" / "drafts" / "back").symlink_to(tmp_path / "one")
    written = copy_knowledge(tmp_path / "two", knowledge=tmp_path / "one")
    assert "drafts/idea.yaml" in written
    assert not [path for path in written if path.startswith((".git", "drafts/back"))]
    assert not (tmp_path / "two" / ".git").exists()


def test_no_copy_into_the_folder_copied(tmp_path):
    """A target inside the folder copied is refused before anything is written."""
    copy_knowledge(tmp_path / "one")
    with pytest.raises(interorg.UsageError, match="is inside the knowledge folder"):
        copy_knowledge(tmp_path / "one" / "again", knowledge=tmp_path / "one")
    assert not (tmp_path / "one" / "again").exists()


def test_a_knowledge_base_changed_in_python_has_no_folder(tmp_path):
    """One built or changed in Python is refused, with its Dutch; nothing is written."""
    changed = attrs.evolve(interorg.load_knowledge())
    with pytest.raises(interorg.UsageError) as caught:
        copy_knowledge(tmp_path / "kb", knowledge=changed)
    assert "has no folder to copy" in str(caught.value)
    dutch = translate(str(caught.value), interorg.load_knowledge().messages, "nl")
    assert dutch.startswith("knowledge: een kennisbank die in Python is gebouwd of gewijzigd heeft geen map")
    assert not (tmp_path / "kb").exists()
