"""The built wheel, installed in a fresh virtual environment, gives the same advice."""

import json
import pathlib
import shutil
import subprocess
import sys

import pytest

import interorg

ROOT = pathlib.Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def _check(*args, **kwargs):
    result = subprocess.run(args, capture_output=True, text=True, **kwargs)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """A fresh virtual environment with the wheel of this tree installed (dependencies from the index)."""
    tmp = tmp_path_factory.mktemp("wheel")
    # Build from a clean copy: a stale build/ folder in the tree could smuggle old files into the wheel.
    source = tmp / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", ".ipynb_checkpoints"))
    _check(sys.executable, "-m", "build", "--wheel", "--outdir", str(tmp / "dist"), str(source))
    (wheel,) = (tmp / "dist").glob("interorg-*.whl")
    venv = tmp / "venv"
    _check(sys.executable, "-m", "venv", str(venv))
    _check(str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel))
    return venv, wheel


def test_wheel_ships_the_knowledge(installed):
    """The wheel holds every knowledge file of the source tree."""
    import zipfile

    _venv, wheel = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {f"interorg/knowledge/{p.relative_to(ROOT / 'knowledge').as_posix()}"
               for p in (ROOT / "knowledge").rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    assert shipped <= names


def test_installed_wheel_gives_the_same_advice(installed, tmp_path):
    """`interorg advise --example --format json` from the installed wheel equals the advice here."""
    venv, _wheel = installed
    out = _check(str(venv / "bin" / "interorg"), "advise", "--example", "--format", "json", cwd=tmp_path)
    assert json.loads(out) == interorg.advise(interorg.example_case()).to_dict()


def test_installed_knowledge_is_read_from_site_packages(installed, tmp_path):
    """The installed package loads its knowledge from its own installation, not from this tree."""
    venv, _wheel = installed
    code = ("import importlib.resources, interorg; "
            "print(importlib.resources.files('interorg.knowledge')); "
            "print(len(interorg.load_knowledge().rules))")
    location, count = _check(str(venv / "bin" / "python"), "-c", code, cwd=tmp_path).split()
    assert str(ROOT) not in location and "site-packages" in location
    assert int(count) == len(interorg.load_knowledge().rules)


def test_installed_wheel_writes_the_report_from_its_template(installed, tmp_path):
    """The wheel ships the report's template; without the plot extra the report says its figures are left out."""
    venv, wheel = installed
    import zipfile

    assert "interorg/report/templates/report.html.j2" in zipfile.ZipFile(wheel).namelist()
    result = subprocess.run([str(venv / "bin" / "interorg"), "report", "--example", "-o", "report.html"],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "matplotlib" in result.stderr  # the fresh environment has no plot extra
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'id="plan"' in page and 'id="no-figures"' in page


def test_installed_wheel_ships_the_advice_schema(installed, tmp_path):
    """The wheel ships the advice's JSON Schema, and `interorg schema --advice` reads it from the installation."""
    venv, wheel = installed
    import zipfile

    assert "interorg/report/advice.schema.json" in zipfile.ZipFile(wheel).namelist()
    out = _check(str(venv / "bin" / "interorg"), "schema", "--advice", cwd=tmp_path)
    assert json.loads(out) == interorg.Advice.json_schema()


def test_installed_wheel_ships_the_case_schemas(installed, tmp_path):
    """The wheel ships the case format's schema in English and in Dutch, and the Dutch template names the Dutch one."""
    venv, wheel = installed
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    assert "interorg/case/case.schema.json" in names and "interorg/case/case.schema.nl.json" in names
    first = _check(str(venv / "bin" / "interorg"), "new", "--lang", "nl", cwd=tmp_path).splitlines()[0]
    location = first.removeprefix("# yaml-language-server: $schema=file://")
    assert location.endswith("/interorg/case/case.schema.nl.json") and pathlib.Path(location).is_file()
