"""Under --lang nl a knowledge folder that is refused is refused in Dutch: every message of the loader has its Dutch.

Each broken folder below is a copy of the shipped knowledge with faults
written in; together they reach every message that the loader and its
checks make (a test parses those modules to see that none is left out), and
each message is matched by exactly one ``problem.*`` pattern, whose Dutch
says no English.
"""

import ast
import importlib.resources
import pathlib
import re
import shutil

import pytest

import interorg
from conftest import DATA, message_regex
from interorg.cli import main
from interorg.engine.translation import pattern, translate
from interorg.errors import KnowledgeError

PACKAGE = pathlib.Path(interorg.__file__).parent
#: The modules that make the problems of a knowledge folder (the readers shared with cases have their tests).
LOADER_MODULES = ("engine/conditions.py", "engine/loading.py", "engine/likeness.py", "engine/checking.py",
                  "analysis/knowledge.py", "analysis/planning.py")

_RULE = """  - id: {id}
    kind: finding
    priority: low
    title: {{en: t, nl: t}}
    text: {{en: t, nl: t}}
    basis: source
    sources: [{{source: kenis-2011, where: x}}]
    when:
      - {when}
"""


def _rules(model, *conditions, prefix="test.c"):
    """A rules file with one rule per condition (written as YAML flow), each rule well formed but for it."""
    return f"about: x\nmodel: {model}\nrules:\n" + "".join(
        _RULE.format(id=f"{prefix}{number}", when=when) for number, when in enumerate(conditions))


#: Conditions that do not read, one fault each.
BAD_CONDITIONS = [
    "{fact: care, demand: [complex]}",
    "{fact: care, demand: {among: [complex]}}",
    "{fact: care, demand: {}}",
    "{fact: care, demand: {in: []}}",
    "{fact: care, demand: {not: [complex]}}",
    "{fact: care, demand: {lt: many}}",
    "{fact: care, demand: {known: maybe}}",
    "{fact: care, demand: {known: false, in: [complex]}}",
    "{fact: care, demand: {var: Demand}}",
    "care",
    "{fact: care, conclusion: kenis.need.quadrant-i}",
    "{not: {fact: care}, demand: complex}",
    "{not: {not: {fact: care}}}",
    "{not: {any: [{fact: care}, {fact: reason}]}}",
    "{fact: 3}",
    "{conclusion: kenis.need.quadrant-i, demand: complex}",
    "{any: [{fact: care}, {fact: reason}], demand: complex}",
    "{any: [{fact: care}]}",
    "{any: [{not: {fact: care}}, {fact: reason}]}",
]

#: Rules that read but that the checks refuse, one fault each.
BAD_CHECKS = """about: x
model: kenis.need
rules:
  - {id: test.k0, kind: step, priority: low, title: {en: t, nl: t}, text: {en: t, nl: t}, basis: source,
     sources: [{source: kenis-2011, where: x}], when: [{fact: care}]}
  - {id: test.k1, kind: finding, title: {en: t, nl: t}, text: {en: t, nl: t}, basis: source,
     sources: [{source: kenis-2011, where: x}], when: [{fact: care}]}
  - {id: test.k2, kind: finding, priority: critical, title: {en: t, nl: t}, text: {en: t, nl: t}, basis: source,
     sources: [{source: kenis-2011, where: x}], when: [{fact: care}]}
  - {id: test.k3, kind: finding, priority: low, subject: who, title: {en: t, nl: t}, text: {en: t, nl: t},
     basis: source, sources: [{source: kenis-2011, where: x}], when: [{fact: care}]}
  - {id: test.k4, kind: finding, priority: low, title: {en: t, nl: t}, text: {en: t, nl: t}, basis: source,
     sources: [{source: kenis-2011, where: x}], when: [{fact: board_member, personally_engaged: often}]}
  - {id: test.k5, kind: finding, priority: low, title: {en: t, nl: t}, text: {en: t, nl: t}, basis: source,
     sources: [{source: kenis-2011, where: x}], when: [{fact: scan_factor, score: high}]}
  - {id: test.k6, kind: finding, priority: low, title: {en: t, nl: t}, text: {en: t, nl: t}, basis: source,
     sources: [{source: kenis-2011, where: x}], when: [{fact: care, demand: {lt: 3}}]}
  - {id: test.k7, kind: finding, priority: low, title: {en: t, nl: t}, text: {en: t, nl: t}, basis: source,
     sources: [{source: kenis-2011, where: x}], when: [{conclusion: kenis.need.quadrant-v}]}
  - {id: test.k8, like: kenis.need.quadrant-v, when: [{fact: care}]}
  - {id: test.k9, like: kenis.need.municipal.quadrant-iv, when: [{fact: care}]}
"""

#: A vocabulary file whose fact types the checks refuse.
BAD_VOCABULARY = """about: x
facts:
  conclusion: {label: {en: a, nl: a}, case_path: a, fields: {}}
  test_fields:
    label: {en: a, nl: a}
    case_path: a
    fields:
      kind: {label: {en: a, nl: a}}
      name: {label: {en: a, nl: a}, type: text, values: {a: {en: a, nl: a}}}
      _hidden: {label: {en: a, nl: a}, type: text}
      a__b: {label: {en: a, nl: a}, type: text}
  care: {label: {en: a, nl: a}, case_path: a, fields: {}}
"""

_SOURCE = "sources: [{source: kenis-2011, where: x}]"
#: A conflicts file with every fault of a group and a defeat.
BAD_CONFLICTS = f"""about: x
exclusive:
  - {{id: g, title: {{en: a, nl: a}}, rules: [no.such, kenis.need.quadrant-i, kenis.need.quadrant-i],
     basis: derived, {_SOURCE}}}
  - {{id: g, title: {{en: a, nl: a}}, rules: [kenis.need.quadrant-i, kenis.need.quadrant-ii], basis: source,
     {_SOURCE}}}
defeats:
  - {{id: d, winner: kenis.need.quadrant-i, loser: kenis.need.quadrant-i, relation: defeats, scope: same,
     basis: source, {_SOURCE}, reason: {{en: a, nl: a}}}}
  - {{id: d, winner: kenis.need.collaboration-without-need, loser: kenis.need.quadrant-i, relation: defeats,
     scope: same, basis: source, {_SOURCE}, reason: {{en: a, nl: a}}}}
"""

#: A plan with every fault of an action, and of what it declares urgent (a warning in a group has no 'action').
BAD_PLAN = """about: x
urgent: {priorities: [critical, high], answered_by_diagnosis: [diagnosis.archetypes, no.such.model]}
actions:
  - {id: a, title: {en: a, nl: a}, reason: {en: a, nl: a},
     rules: [kenis.need.quadrant-i, no.such, phases.catch-up, kenis.need.collaboration-without-need]}
  - {id: a, title: {en: a, nl: a}, reason: {en: a, nl: a}, rules: [phases.catch-up]}
"""

#: Each broken folder: relative path -> the new content (text), a list of (old, new) replacements, or None (deleted).
#: An edit that makes the path a link to the knowledge folder itself.
LINK_BACK = object()

BROKEN = {
    "conditions": {"rules/zz_conditions.yaml": _rules("kenis.need", *BAD_CONDITIONS)},
    "rule checks": {"rules/zz_checks.yaml": BAD_CHECKS,
                    "rules/zz_model.yaml": "about: x\nmodel: nowhere\nrules: []\n"},
    "vocabulary": {"vocabulary/zz_test.yaml": BAD_VOCABULARY},
    "sources and models": {
        "sources.yaml": [("sources:\n", "sources:\n  - {id: test-seed, kind: seed, title: t}\n"
                                        "  - {id: test-external, kind: external, title: t}\n"
                                        "  - {id: kenis-2011, kind: seed, title: t, file: x}\n")],
        "models.yaml": [("care.demand |", "care.demnd |"), ("| municipal_care.demand,", "| municipal_cair.demand,"),
                        ("  - id: kenis.reasons\n", "  - id: kenis.need\n")],
        "messages.yaml": [("  source_section_on:", "  old_source_section_on:")]},
    "conflicts": {"conflicts.yaml": BAD_CONFLICTS},
    "scan, interventions and plan": {
        "scan.yaml": [("factor: felt_urgency\n", "factor: felt_urgncy\n"), ("id: felt_urgency_2", "id: felt_urgency_1"),
                      ("""    reason:
      en: Asks whether the goals give direction, the "richtinggevend" in richtinggevende doelen.
      nl: Vraagt of de doelen richting geven, het "richtinggevend" in richtinggevende doelen.
""", ""), ("""      nl: Vraagt naar de aanpak, de tweede helft van "een doordachte strategie en aanpak".""",
           """      nl: |
        Vraagt naar de aanpak,
        de tweede helft van "een doordachte strategie en aanpak"."""),],
        "interventions.yaml": [("  - id: dilution-of-perspective", "  - id: lack-of-shared-ambition"),
                               ("suspected_by: archetypes.dilution-of-perspective", "suspected_by: archetypes.nowhere"),
                               ("  - id: convening", "  - id: visioning")],
        "plan.yaml": BAD_PLAN},
    "actions of the plan's warnings": {
        "rules/trust_building.yaml": [("    action:\n      en: \"Keep the trust of unhindered", "    #\n"
                                       "      # \"Keep the trust of unhindered"), ("      nl: \"Houd het vertrouwen", "      # \"")],
        "rules/kenis_reasons.yaml": [("  - id: kenis.reasons.efficiency\n", "  - id: kenis.reasons.efficiency\n"
                                      "    action: {en: a, nl: a}\n"),
                                     ("  - id: kenis.reasons.efficiency-without-analysis\n",
                                      "  - id: kenis.reasons.efficiency-without-analysis\n    action: {en: a, nl: a}\n")],
        "rules/trust_quadrants.yaml": [("  - id: trust.quadrants.trust-contradicted\n",
                                        "  - id: trust.quadrants.trust-contradicted\n    action: {en: a, nl: a}\n")],
        "rules/diagnosis_archetypes/5_under_organisation.yaml": [
            ("  - id: archetypes.under-organisation\n", "  - id: archetypes.under-organisation\n"
                                                        "    action: {en: a, nl: a}\n")]},
    "an action missing from a rule and the rule like it": {
        "rules/kenis_need.yaml": [('    action:\n      en: "Check what the collaboration between municipalities', '    #\n'
                                   '      # "Check what the collaboration between municipalities'),
                                  ('      nl: "Ga na wat de samenwerking tussen gemeenten', '      # "')]},
    "a priority of the plan unknown": {"plan.yaml": [("priorities: [critical, high]", "priorities: [critical, hgh]")]},
    "help and case format": {
        "help.yaml": [("(standaard {default})", "(standaard)"), ("geen voortgangsbalk", "geen voortgang in %"),
                      ('argparse.positionals: {en: positional arguments', 'argparse.positionals: {en: options')],
        "case_format.yaml": [("``steering_committee`` (stuurgroep)", "stuurgroep"),
                             ('nl: "Volledige naam."', 'nl: "Volledige ``naam``."'),
                             ('  Partner.name: {en: "Full name."',
                              '  Partner.name: {en: "Short, unique reference used elsewhere in the case."')],
        "advice_format.yaml": [("vermelding van de bron in `sources`", "vermelding van de bron in sources"),
                               ('nl: "Per regel-id: de id\'s van relaties."', 'nl: "Per `rule`: de relaties."')]},
    "a message given twice": {"messages/zz_twice.yaml": "about: x\nmessages:\n  not_given: {en: a, nl: b}\n"
                                                        "  zz_filled: {en: \"{a} of {b}\", nl: \"{a}\"}\n"
                                                        "  zz_unfilled: {en: a, nl: \"{b}\"}\n"},
    "a rule's Dutch without its placeholder": {"rules/zz_placeholder.yaml": _rules(
        "kenis.need", "{fact: municipal_care, id: {var: m}}").replace("title: {en: t, nl: t}",
                                                                        'title: {en: "{m}", nl: t}')},
    "no scan factor": {"vocabulary/diagnosis.yaml": [("  scan_factor:\n", "  scan_factr:\n")]},
    "a rule refused, named elsewhere": {"rules/kenis_need.yaml": [("    kind: finding", "    kind: findng")]},
    "a rule refused, named in many places": {
        "rules/zz_named.yaml": _rules("kenis.need", "{fact: care, demand: {among: [complex]}}", prefix="test.refused")
        + "".join(_RULE.format(id=f"test.naming{n}", when="{conclusion: test.refused0}") for n in range(7))},
    "a rules file that does not parse": {"rules/kenis_need.yaml": "about: [x\n"},
    "missing files and folders": {"scan.yaml": None, "vocabulary": None},
    "files that do not read": {
        "messages.yaml": lambda text: b"\xff\xfe" + text,
        "rules/zz_deep.yaml": b"x: " + b"[" * 990 + b"]" * 990 + b"\n",
        "rules/zz_twice.yaml": b"".join(b"a: 1\n" for _ in range(1100)),
        "rules/zz_large.yaml": b"#" * (4 * 1024 * 1024 + 1),
    },
    "a link back to the folder": {"rules/loop": LINK_BACK},
    "the bad rules of the tests": {f"rules/zz_{path.name}": path.read_text(encoding="utf-8")
                                   for path in sorted((DATA / "bad_rules").glob("*.yaml"))},
}

#: Messages that no folder here can be made to give, each as the loader would say it.
BY_HAND = [
    "cannot read the folder: Permission denied",  # a folder the reader may not list (any folder, for root)
]

#: English words that Dutch text does not use.
ENGLISH = re.compile(r"\b(the|are|expected|cannot|allowed|must|give|got|not|file|folder|needs|takes|unknown|"
                     r"already|names|rule|fact|field|value|values|source|with|have|has|may|one of|and|or)\b")


@pytest.fixture(scope="module")
def shipped(tmp_path_factory):
    """A copy of the shipped knowledge, to break and put back."""
    folder = tmp_path_factory.mktemp("knowledge") / "knowledge"
    with importlib.resources.as_file(importlib.resources.files("interorg.knowledge")) as source:
        shutil.copytree(source, folder, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.py"))
    return folder


def _break(folder, edits):
    """Write ``edits`` into ``folder``; return a function that puts it back as it was."""
    saved = {}
    for relative, edit in edits.items():
        path = folder / relative
        saved[relative] = (path.read_bytes() if path.is_file() else
                           shutil.copytree(path, path.with_name(path.name + ".saved")) if path.is_dir() else None)
        if edit is LINK_BACK:
            path.symlink_to(folder)
        elif edit is None:
            shutil.rmtree(path) if path.is_dir() else path.unlink()
        elif callable(edit):
            path.write_bytes(edit(saved[relative]))
        elif isinstance(edit, list):
            text = saved[relative].decode("utf-8")
            for old, new in edit:
                assert old in text, (relative, old)
                text = text.replace(old, new, 1)
            path.write_text(text, encoding="utf-8")
        else:
            path.write_bytes(edit if isinstance(edit, bytes) else edit.encode("utf-8"))

    def restore():
        for relative, content in saved.items():
            path = folder / relative
            if isinstance(content, pathlib.Path):
                shutil.rmtree(path, ignore_errors=True)
                content.rename(path)
            elif content is None:
                path.unlink()
            else:
                path.write_bytes(content)

    return restore


@pytest.fixture(scope="module")
def refusals(shipped, tmp_path_factory):
    """For each broken folder, the problems it is refused with; then the folders that are none."""
    found = {}
    for name, edits in BROKEN.items():
        restore = _break(shipped, edits)
        try:
            with pytest.raises(KnowledgeError) as caught:
                interorg.load_knowledge(shipped)
        finally:
            restore()
        found[name] = caught.value.problems
    spare = tmp_path_factory.mktemp("not-a-folder")
    (spare / "file").write_text("x", encoding="utf-8")
    for name, target in (("missing folder", spare / "missing"), ("a file", spare / "file")):
        with pytest.raises(KnowledgeError) as caught:
            interorg.load_knowledge(target)
        found[name] = caught.value.problems
    return found


@pytest.fixture(scope="module")
def messages():
    return interorg.load_knowledge().messages


#: Patterns of which the first matches whatever the second does, and is meant to (the first that matches is
#: taken): of the case reader, the second is for a hint on its own ("expected one of a, b"), the first for a
#: value that is none of them; of the loader, the first says the places past those shown, the second all.
OVERLAPS = [["problem.expected_one_of", "problem.expected_one_of_only"],
            ["problem.kb_refused_named_more", "problem.kb_refused_named"]]


def _matching(message, messages):
    """The keys of the problem.* patterns that match the whole of ``message``."""
    return [key for key, text in messages.items() if key.startswith("problem.") and pattern(text.en).fullmatch(message)]


def _said(message, messages):
    """What interorg itself says in Dutch for ``message``: each pattern's Dutch without what fills it in."""
    key = _matching(message, messages)[0]  # the one translate() takes
    said = [re.sub(r"\{[a-z_]+\}", " ", messages[key].nl)]
    for value in pattern(messages[key].en).fullmatch(message).groupdict().values():
        if value and _matching(value, messages):
            said += _said(value, messages)
    return said


def _english(message, messages):
    """The English words left in the Dutch of ``message`` (quoted names and ``values`` are the file's own)."""
    text = re.sub(r"'[^']*'|``[^`]*``|\{en: \.\.\., nl: \.\.\.\}|[a-z_.]+\.yaml|\b[a-z_]+:(?=[ ,)])", " ",
                  " ".join(_said(message, messages)))
    return ENGLISH.findall(text)


def _all(refusals):
    return sorted({problem.message for problems in refusals.values() for problem in problems} | set(BY_HAND))


@pytest.mark.parametrize("name", [*BROKEN, "missing folder", "a file"])
def test_every_problem_of_a_broken_folder_is_said_in_dutch(name, refusals, messages):
    """Each problem of each broken folder is translated, by one pattern, into Dutch with no English left."""
    problems = refusals[name]
    assert problems
    for problem in problems:
        dutch = translate(problem.message, messages, "nl")
        assert dutch != problem.message, problem.message
        keys = _matching(problem.message, messages)
        assert len(keys) == 1 or keys in OVERLAPS, (problem.message, keys)
        assert not _english(problem.message, messages), (problem.message, dutch)


def test_no_two_patterns_match_one_message(refusals, messages):
    """Over every message a knowledge folder is refused with, each is matched by exactly one problem.* pattern."""
    matches = {message: _matching(message, messages) for message in _all(refusals)}
    assert len(matches) > 80
    assert {message: keys for message, keys in matches.items() if len(keys) != 1 and keys not in OVERLAPS} == {}


def _templates(module):
    """The messages a module gives to Problem(...), checker.problem(...) or document.problem(...), as regexes."""
    tree = ast.parse((PACKAGE / module).read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
        # Problem(path, message), checker.problem(file, path, message), document.problem(path, message)
        position = {"Problem": 1, "problem": len(node.args) - 1}.get(name)
        if position is None or position < 1 or len(node.args) <= position:
            continue
        arguments = [node.args[position]]
        while arguments:
            argument = arguments.pop()
            if isinstance(argument, ast.IfExp):
                arguments += [argument.body, argument.orelse]
            elif (regex := message_regex(argument)) is not None:
                found.append(regex)
    return found


@pytest.mark.parametrize("module", LOADER_MODULES)
def test_the_broken_folders_reach_every_message_of_the_loader(module, refusals):
    """Every message the loader's modules can refuse a folder with is given by one of the folders above.

    So a new message of the loader needs a folder here, and with it its Dutch.
    """
    templates = _templates(module)
    assert templates
    messages = _all(refusals)
    assert [template for template in templates if not any(re.fullmatch(template, m) for m in messages)] == []


def _dutch_position(problem):
    if problem.line is None:
        return ""
    return f" (regel {problem.line}, kolom {problem.column})" if problem.column is not None else f" (regel {problem.line})"


def test_verify_says_a_broken_folder_in_dutch(shipped, capsys):
    """interorg verify DIR --lang nl: each line Dutch, the rule refused said once, not the places that name it."""
    restore = _break(shipped, {**BROKEN["a rule refused, named elsewhere"], **BROKEN["conditions"]})
    try:
        assert main(["verify", str(shipped), "--lang", "nl"]) == 1
        dutch = capsys.readouterr().out
        assert main(["verify", str(shipped)]) == 1
        english = capsys.readouterr().out
        with pytest.raises(KnowledgeError) as caught:
            interorg.load_knowledge(shipped)
    finally:
        restore()
    lines = dutch.splitlines()
    assert len(lines) == len(english.splitlines()) > len(BAD_CONDITIONS)
    messages = interorg.load_knowledge().messages
    assert lines[:-1] == [f"fout: {p.file}: {p.path}{_dutch_position(p)}: {translate(p.message, messages, 'nl')}"
                          for p in caught.value.problems]  # each said as the test above checks it
    assert not [p.message for p in caught.value.problems if _english(p.message, messages)]
    assert all(line.startswith("fout: ") for line in lines[:-1]) and "fouten" in lines[-1]
    assert ("fout: rules/kenis_need.yaml: rules[0] (regel 9, kolom 5): regel 'kenis.need.quadrant-i' is hierboven"
            " geweigerd, dus wat"
            " ernaar verwijst is nog niet gecontroleerd: rules/kenis_need.yaml"
            " rules[5].when[0].any[0].conclusion, conflicts.yaml exclusive[0].rules[0]") in lines
    # the line and column of a fault, as the error of the loader gives them
    assert ("fout: rules/kenis_need.yaml: rules[0].kind (regel 10, kolom 11): verwacht een van step, finding,"
            " warning, recommendation; gekregen: 'findng'") in lines
    assert "unknown conclusion" not in english and "onbekende conclusie" not in dutch


def test_a_refused_rule_is_told_once_where_it_is_named_many_times(knowledge_copy):
    """A rule that does not read, named in many places, is one problem that counts them; the others still load."""
    path = knowledge_copy / "rules" / "zz_named.yaml"
    path.write_text(_rules("kenis.need", "{fact: care, demand: {among: [complex]}}", prefix="test.refused")
                    + "".join(_RULE.format(id=f"test.naming{n}", when="{conclusion: test.refused0}") for n in range(7))
                    + _RULE.format(id="test.unknown", when="{conclusion: test.nowhere}"), encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        interorg.load_knowledge(knowledge_copy)
    shown = [f"{p.file}: {p.path}: {p.message}" for p in caught.value.problems]
    assert shown == [
        "rules/zz_named.yaml: rules[0].when[0].demand.among: unknown test 'among'; expected one of in, not_in, not,"
        " lt, le, gt, ge, known, var",
        "rules/zz_named.yaml: rules[8].when[0].conclusion: unknown conclusion 'test.nowhere' (no rule has that id)",
        "rules/zz_named.yaml: rules[0]: rule 'test.refused0' is refused above, so what names it is not checked yet: "
        + ", ".join(f"rules/zz_named.yaml rules[{n}].when[0].conclusion" for n in range(1, 6)) + " and 2 more places",
    ]
    dutch = translate(caught.value.problems[-1].message, interorg.load_knowledge().messages, "nl")
    assert dutch.endswith("rules/zz_named.yaml rules[5].when[0].conclusion en nog 2 plaatsen"), dutch


def test_one_place_past_those_shown_is_shown_not_counted(knowledge_copy):
    """Six places are all listed: 'and 1 more places' would not read."""
    (knowledge_copy / "rules" / "zz_named.yaml").write_text(
        _rules("kenis.need", "{fact: care, demand: {among: [complex]}}", prefix="test.refused")
        + "".join(_RULE.format(id=f"test.naming{n}", when="{conclusion: test.refused0}") for n in range(6)),
        encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        interorg.load_knowledge(knowledge_copy)
    assert caught.value.problems[-1].message.endswith(
        ", ".join(f"rules/zz_named.yaml rules[{n}].when[0].conclusion" for n in range(1, 7)))


def test_a_name_that_may_be_in_a_file_that_does_not_parse_says_so(knowledge_copy):
    """Where a rules file does not parse, what names an unknown rule is told that it may be in that file."""
    (knowledge_copy / "rules" / "kenis_need.yaml").write_text("about: [x\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        interorg.load_knowledge(knowledge_copy)
    messages = [p.message for p in caught.value.problems]
    assert ("unknown rule 'kenis.need.quadrant-i': no rule read has that id; it may be in a file refused above"
            " (rules/kenis_need.yaml)") in messages
    assert not [message for message in messages if "(no rule has that id)" in message]


def test_the_problems_past_those_kept_are_counted_in_dutch(shipped, capsys):
    """A folder with more problems than an error keeps: verify counts the rest, in Dutch, instead of dropping them."""
    restore = _break(shipped, {"rules/zz_twice.yaml": BROKEN["files that do not read"]["rules/zz_twice.yaml"]})
    try:
        assert main(["verify", str(shipped), "--lang", "nl"]) == 1
    finally:
        restore()
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1002  # the problems kept, the count of the rest, the summary
    assert lines[-2] == f"fout: {shipped}: ... en nog 99 problemen", lines[-2]
    assert lines[-1].startswith("1.099 fouten"), lines[-1]  # the kept and the rest; the line of the rest is none


def test_a_knowledge_file_past_its_bounds_is_called_a_knowledge_file(shipped, capsys):
    """The bounds shared with case files name what was read: a knowledge file is no case file, in either language."""
    restore = _break(shipped, {"rules/zz_large.yaml": b"#" * (4 * 1024 * 1024 + 1)})
    try:
        assert main(["verify", str(shipped)]) != 0
        english = capsys.readouterr()
        assert main(["verify", str(shipped), "--lang", "nl"]) != 0
        dutch = capsys.readouterr()
    finally:
        restore()
    assert "the most a knowledge file may be" in english.out + english.err
    assert "het maximum voor een kennisbestand" in dutch.out + dutch.err
    assert "case" not in english.out + english.err and "casus" not in dutch.out + dutch.err
