"""Every error the public functions of pipeline.py and research/, and an advice's methods, raise has its Dutch.

The calls below each refuse what they are given; together they reach every
message those modules raise (a test parses the modules to see that none is
left out), and each message is matched by one ``problem.*`` pattern, whose
Dutch says no English.
"""

import ast
import importlib.resources
import pathlib
import re
import sys

import attrs
import pytest

import interorg
from conftest import message_regex
from interorg.engine.translation import pattern, translate
from interorg.research.coverage import replace_table
from interorg.research.knowledge_copy import copy_knowledge
from interorg.research.paths import check_paths

PACKAGE = pathlib.Path(interorg.__file__).parent
#: The shipped knowledge folder (in a source tree, through the package's link to it).
# the shipped folder where the package reads it (in a checkout, the top-level knowledge/)
SHIPPED = pathlib.Path(str(importlib.resources.files("interorg.knowledge")))
#: The modules of the public functions whose errors are checked here.
MODULES = ("pipeline.py", "engine/asking.py", *sorted(str(p.relative_to(PACKAGE)) for p in (PACKAGE / "research").glob("*.py")),
           "report/advice.py", "analysis/counsel.py")

CASE = {"name": "Test", "care": {"demand": "complex", "supply_in_municipality": True}}
EXAMPLE = interorg.example_case()
LOCK_IN = "trust.opportunism.lock-in"


def _bare():
    """An advice built in Python without its case."""
    advice = interorg.advise(CASE)
    return interorg.Advice(advice.case_name, advice.lang, advice.conclusions, advice.models, "x", advice.labels,
                           facts=advice.facts)


def _frame_without_pandas(monkeypatch):
    result = interorg.sweep(CASE, {"care.demand": ["standard"]}, progress=False, workers=0)
    monkeypatch.setitem(sys.modules, "pandas", None)  # so that importing it fails
    result.to_frame()


def _bar_without_tqdm(monkeypatch):
    monkeypatch.setitem(sys.modules, "tqdm", None)
    interorg.sweep(CASE, {"care.demand": ["standard"]}, progress=True, workers=0)


#: Calls that refuse what they are given, each ``call(monkeypatch)``.
REFUSED = {
    "not a case": lambda _: interorg.advise(3),
    "a language not supported": lambda _: interorg.advise(CASE, lang="fr"),
    "why-not in a language not supported": lambda _: interorg.why_not(CASE, "kenis.need.quadrant-i", lang="fr"),
    "an unknown rule": lambda _: interorg.why_not(CASE, "no.such.rule"),
    "two subjects": lambda _: interorg.why_not(EXAMPLE, f"{LOCK_IN}[a~b]", subject="c~d"),
    "a subject for a rule without": lambda _: interorg.why_not(CASE, "kenis.need.quadrant-i", subject="x"),
    "a subject the case does not give": lambda _: interorg.why_not(EXAMPLE, LOCK_IN, subject="nobody"),
    "a subject of a case that gives none": lambda _: interorg.why_not(CASE, LOCK_IN, subject="nobody"),
    "an advice without its case": lambda _: interorg.why_not(_bare(), "kenis.need.quadrant-i", lang="nl"),
    "coverage by an unknown level": lambda _: interorg.corpus_coverage([CASE], by="regel"),
    "coverage of no cases": lambda _: interorg.corpus_coverage([]),
    "a text without the coverage markers": lambda _: replace_table("no markers here", "table", "README.md"),
    "sweep arguments": lambda _: interorg.sweep(CASE, {}, progress=False, workers=-1, lang="fr"),
    "a sweep's paths": lambda _: interorg.sweep(
        CASE, {"care..demand": None, "care[0]": None, "partners.name": None, "care.demand.x": None, "care.dmand": None,
               "scan.respondents[0].answers.nothing": None, "name": None, "partners[3].name": ["a"]},
        progress=False, workers=0),
    "a sweep's items": lambda _: check_paths({}, {"reasons[0].reason": None}),
    "a knowledge base for workers": lambda _: interorg.sweep(
        CASE, {"care.demand": None}, executor=object(), progress=False,
        knowledge=attrs.evolve(interorg.load_knowledge())),  # a copy, as research code builds one: no folder
    "a frame without pandas": _frame_without_pandas,
    "a key the advice does not hold": lambda _: interorg.advise(CASE)["no.such.rule"],
    "a status of no conclusion": lambda _: interorg.advise(CASE).counsel.status("no.such.rule"),
    "a key for several subjects": lambda _: interorg.advise(EXAMPLE)[LOCK_IN],
    "why-not of an advice not advised": lambda _: _bare().why_not("kenis.need.quadrant-i"),
    "hints of nobody": lambda _: interorg.advise(CASE).to_text(hints="nobody"),
    "a diff with no advice": lambda _: interorg.diff(interorg.advise(CASE), 3),
    "a diff with nothing": lambda _: interorg.diff(interorg.advise(CASE), None),
    "a progress bar without tqdm": _bar_without_tqdm,
    "a copy of a knowledge base with no folder": lambda _: copy_knowledge(
        "/no/such/copy", knowledge=attrs.evolve(interorg.load_knowledge())),
    "a copy into a file": lambda _: copy_knowledge(PACKAGE / "__init__.py"),
    "a copy into a folder with files": lambda _: copy_knowledge(PACKAGE),
    "a copy into the folder copied": lambda _: copy_knowledge(SHIPPED / "copy"),
    "a copy into a folder that does not exist": lambda _: copy_knowledge("/no/such/folder/copy"),
}

#: Patterns of which the first matches whatever the second does, and is meant to (the first that matches is
#: taken): the second is the message without the hint that follows it in the first, or any write that failed.
OVERLAPS = [["problem.diff_expected_advice_hint", "problem.diff_expected_advice"],
            ["problem.write_no_folder", "problem.write_failed"]]

#: English words that Dutch text does not use.
ENGLISH = re.compile(r"\b(the|are|expected|cannot|give|got|not|file|needs|unknown|with|has|holds|one of|and|"
                     r"or|ask|own|its|language|leave|list|item|markers|pass)\b")


def _messages_of(error):
    """The English messages of an error: each problem's, or each line of its text."""
    if getattr(error, "problems", None):
        return [problem.message for problem in error.problems]
    return str(error.in_language("en")).split("\n")


@pytest.fixture(scope="module")
def refusals():
    """For each call above, the English messages it is refused with."""
    found = {}
    with pytest.MonkeyPatch.context() as monkeypatch:
        for name, call in REFUSED.items():
            with pytest.raises(interorg.InterorgError) as caught:
                call(monkeypatch)
            monkeypatch.undo()
            found[name] = _messages_of(caught.value)
    return found


@pytest.fixture(scope="module")
def messages():
    return interorg.load_knowledge().messages


def _matching(message, messages):
    return [key for key, text in messages.items() if key.startswith("problem.") and pattern(text.en).fullmatch(message)]


def _english_left(dutch):
    """English words left in a Dutch message, leaving out what is quoted and what stands as code."""
    return ENGLISH.findall(re.sub(r"'[^']*'|`[^`]*`|\S*[._/=\[]\S*", " ", dutch))


@pytest.mark.parametrize("name", list(REFUSED))
def test_every_refusal_is_said_in_dutch(name, refusals, messages):
    """Each message of each refusal is translated by one pattern, into Dutch with no English left."""
    assert refusals[name]
    for message in refusals[name]:
        dutch = translate(message, messages, "nl")
        assert dutch != message, message
        keys = _matching(message, messages)
        assert len(keys) == 1 or keys in OVERLAPS, (message, keys)
        assert not _english_left(dutch), (message, dutch)


def test_the_check_finds_english():
    """The check itself sees the English it looks for, and not the quoted names a Dutch message shows."""
    assert _english_left("SweepResult.to_frame needs pandas: pip install 'interorg[sweep]'") == ["needs"]
    assert _english_left("onbekende regel 'no.such.rule'; `interorg rules` noemt ze") == []


def _templates(module):
    """The messages a module raises (the first argument of an error raised) or gives to Problem(...), as regexes."""
    tree = ast.parse((PACKAGE / module).read_text(encoding="utf-8"))
    arguments = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args:
            arguments.append(node.exc.args[0])
        elif isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Problem" and len(node.args) > 1:
            arguments.append(node.args[1])
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "append" \
                and getattr(node.func.value, "id", None) == "problems" and node.args:
            arguments.append(node.args[0])
    return [regex for regex in map(message_regex, arguments) if regex is not None]


@pytest.mark.parametrize("module", MODULES)
def test_the_refusals_reach_every_message_of_the_module(module, refusals):
    """Every message pipeline.py and the research modules raise is given by one of the calls above.

    So a new message of theirs needs a call here, and with it its Dutch.
    """
    reached = [message for found in refusals.values() for message in found]
    missing = [template for template in _templates(module) if not any(re.fullmatch(template, m) for m in reached)]
    assert missing == []


def test_the_modules_are_read_for_their_messages():
    """The parse finds the messages it looks for: those of why_not, the sweep's paths and the missing packages."""
    templates = {module: _templates(module) for module in MODULES}
    assert len(templates["pipeline.py"]) >= 4 and len(templates["research/paths.py"]) >= 8
    assert any(re.escape("has the subject") in template for template in templates["engine/asking.py"])
    assert any("tqdm" in template for template in templates["research/sweep.py"])
