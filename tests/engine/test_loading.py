"""Loading the knowledge base: the shipped one loads, and every kind of mistake is caught."""

import pathlib
import re
import shutil

import pytest

import interorg
from conftest import DATA, said

BAD_RULES = sorted((DATA / "bad_rules").glob("*.yaml"))


def test_shipped_knowledge_loads(knowledge):
    """The shipped knowledge base loads, with its rules ordered by model."""
    models = [m.id for m in knowledge.models]
    order = [models.index(rule.model) for rule in knowledge.rules]
    assert order == sorted(order)
    assert len({rule.id for rule in knowledge.rules}) == len(knowledge.rules)


@pytest.mark.parametrize("bad", BAD_RULES, ids=[p.stem for p in BAD_RULES])
def test_bad_rule_file_is_rejected(bad, knowledge_copy):
    """Each bad rules file fails to load, naming the file and the path of the mistake."""
    expected = bad.read_text(encoding="utf-8").splitlines()[0].removeprefix("# expect: ")
    shutil.copy(bad, knowledge_copy / "rules" / f"zz_{bad.name}")
    with pytest.raises(interorg.KnowledgeError) as info:
        interorg.load_knowledge(knowledge_copy)
    shown = [f"{p.path}: {p.message}" if p.path else str(p) for p in info.value.problems]
    assert any(expected in line for line in shown), shown
    if "cycle" not in expected:
        assert f"rules/zz_{bad.name}:" in str(info.value)


def test_all_problems_across_files_at_once(knowledge_copy):
    """Problems in several files are reported together."""
    for name in ("unknown_fact.yaml", "unknown_source.yaml"):
        shutil.copy(DATA / "bad_rules" / name, knowledge_copy / "rules" / f"zz_{name}")
    with pytest.raises(interorg.KnowledgeError) as info:
        interorg.load_knowledge(knowledge_copy)
    files = {problem.file for problem in info.value.problems}
    assert files == {"rules/zz_unknown_fact.yaml", "rules/zz_unknown_source.yaml"}


def test_unknown_model_in_rules_file(knowledge_copy):
    """A rules file must belong to a model listed in models.yaml."""
    (knowledge_copy / "rules" / "zz.yaml").write_text("about: x\nmodel: nowhere\nrules: []\n", encoding="utf-8")
    with pytest.raises(interorg.KnowledgeError, match="rules/zz.yaml: model: unknown model 'nowhere'"):
        interorg.load_knowledge(knowledge_copy)


def test_unknown_need_in_models(knowledge_copy):
    """A model that needs a field the vocabulary lacks is rejected."""
    path = knowledge_copy / "models.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("care.demand |", "care.demnd |", 1), encoding="utf-8")
    with pytest.raises(interorg.KnowledgeError, match=r"models.yaml: models\[0\].needs\[0\] \(line 14, column 13\): fact 'care' has no field 'demnd'"):
        interorg.load_knowledge(knowledge_copy)


def test_unknown_need_among_alternatives(knowledge_copy):
    """Every alternative of a need ('a | b') is checked, not only the first."""
    path = knowledge_copy / "models.yaml"
    text = path.read_text(encoding="utf-8").replace("| municipal_care.demand,", "| municipal_cair.demand,", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(interorg.KnowledgeError, match=r"models\[0\].needs\[0\] \(line \d+, column \d+\): unknown fact type 'municipal_cair'"):
        interorg.load_knowledge(knowledge_copy)


def test_like_takes_the_wording_and_provenance_of_the_rule_it_names(knowledge):
    """A rule 'like' another has its title, text, priority and sources, and its own id, subject and conditions."""
    placed, whole = knowledge.rule("kenis.need.municipal.quadrant-iv"), knowledge.rule("kenis.need.quadrant-iv")
    assert (placed.title, placed.text, placed.basis, placed.sources, placed.priority, placed.kind) == (
        whole.title, whole.text, whole.basis, whole.sources, whole.priority, whole.kind)
    assert placed.subject == "municipality" and placed.when != whole.when
    own = knowledge.rule("kenis.need.municipal.collaboration-without-need")
    assert own.reason != knowledge.rule("kenis.need.collaboration-without-need").reason  # what it gives, it keeps


@pytest.mark.parametrize("like, message", [
    ("kenis.need.quadrant-v", "rules[0].like: unknown rule 'kenis.need.quadrant-v'"),
    ("kenis.need.municipal.quadrant-iv", "rules[0].like: rule 'kenis.need.municipal.quadrant-iv' is itself 'like'"),
])
def test_like_must_name_a_rule_with_wording_of_its_own(knowledge_copy, like, message):
    """'like' naming no rule, or a rule that is itself 'like' another, is a load error with its path."""
    rule = (f"about: x\nmodel: kenis.need\nrules:\n  - id: kenis.need.test\n    like: {like}\n"
            "    when:\n      - fact: care\n        demand: complex\n")
    (knowledge_copy / "rules" / "zz.yaml").write_text(rule, encoding="utf-8")
    with pytest.raises(interorg.KnowledgeError) as caught:
        interorg.load_knowledge(knowledge_copy)
    # the 'like' is the one fault of the rule: the fields it would have taken are not missed besides
    assert [line for line in said(caught.value).splitlines() if line.startswith("rules/zz.yaml")] == [
        line for line in said(caught.value).splitlines() if line.startswith(f"rules/zz.yaml: {message}")]
    assert f"rules/zz.yaml: {message}" in said(caught.value)


def test_knowledge_error_is_a_value_error():
    """KnowledgeError is an InterorgError and a ValueError."""
    assert issubclass(interorg.KnowledgeError, interorg.InterorgError)
    assert issubclass(interorg.KnowledgeError, ValueError)


def test_dependency_graph_has_the_chains(knowledge):
    """The rule dependency graph is a networkx DiGraph with the chains as edges."""
    graph = knowledge.dependency_graph()
    assert graph.has_edge("kenis.coordination.b1", "kenis.conclusions.region-all-products")
    assert graph.edges["kenis.need.quadrant-i", "kenis.need.collaboration-without-need"]["negated"] is False
    assert graph.nodes["kenis.need.quadrant-i"]["model"] == "kenis.need"


def test_no_eval_or_exec_in_the_package():
    """Nothing in the package evaluates text: rules are data."""
    package = pathlib.Path(interorg.__file__).parent
    for module in package.rglob("*.py"):
        source = module.read_text(encoding="utf-8")
        assert "eval(" not in source and "exec(" not in source, module.name


def test_fact_type_defined_twice(knowledge_copy):
    """Two vocabulary files may not define the same fact type."""
    shutil.copy(knowledge_copy / "vocabulary" / "kenis.yaml", knowledge_copy / "vocabulary" / "zz.yaml")
    with pytest.raises(interorg.KnowledgeError, match="vocabulary/zz.yaml: facts.care: fact type 'care' is already defined in vocabulary/kenis.yaml"):
        interorg.load_knowledge(knowledge_copy)


def test_broken_registry_does_not_flood_the_report(knowledge_copy):
    """A sources.yaml that does not parse is reported once, not as every citation being unknown."""
    (knowledge_copy / "sources.yaml").write_text("sources: [unclosed\n", encoding="utf-8")
    with pytest.raises(interorg.KnowledgeError) as info:
        interorg.load_knowledge(knowledge_copy)
    assert [p.file for p in info.value.problems] == ["sources.yaml"]


def test_a_partners_field_takes_no_values(knowledge_copy):
    """A field of type partners (ids joined by ~ or >) may not list values, as a text or partner field may not."""
    path = knowledge_copy / "vocabulary" / "trust.yaml"
    text = path.read_text(encoding="utf-8")
    marked = "        type: partners\n"
    assert marked in text
    path.write_text(text.replace(marked, marked + "        values: {a: {en: a, nl: a}}\n", 1), encoding="utf-8")
    with pytest.raises(interorg.KnowledgeError,
                       match=r"vocabulary/trust.yaml: facts.relationship.fields.id \(line \d+, column \d+\): a partners field takes no"):
        interorg.load_knowledge(knowledge_copy)


def test_messages_may_go_on_in_a_folder_and_a_key_twice_is_refused(knowledge_copy):
    """knowledge/messages/*.yaml add to messages.yaml, read after it; a key given in two files is a load error."""
    folder = knowledge_copy / "messages"
    (folder / "zz_more.yaml").write_text("about: x\nmessages:\n  zz_new: {en: new, nl: nieuw}\n", encoding="utf-8")
    knowledge = interorg.load_knowledge(knowledge_copy)
    assert knowledge.message("zz_new", "nl") == "nieuw" and list(knowledge.messages)[-1] == "zz_new"
    (folder / "zz_twice.yaml").write_text("about: x\nmessages:\n  not_given: {en: a, nl: b}\n", encoding="utf-8")
    with pytest.raises(interorg.KnowledgeError, match=r"duplicate message 'not_given' \(first in messages.yaml\)"):
        interorg.load_knowledge(knowledge_copy)


@pytest.mark.parametrize(("english", "dutch", "expected"), [
    ("rule", "regel {x}", "messages.rule.nl: expected no placeholders: the English text has none"),
    ("{a} of {b}", "{a}", "messages.rule.nl: expected the placeholders {a}, {b} of the English text"),
])
def test_a_message_whose_dutch_fills_other_placeholders_is_refused(knowledge_copy, english, dutch, expected):
    """A Dutch message that fills other placeholders would show a {name} as it is: a load error at its Dutch."""
    path = knowledge_copy / "messages.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  rule: {en: rule, nl: regel}", f'  rule: {{en: "{english}", nl: "{dutch}"}}'),
                    encoding="utf-8")
    with pytest.raises(interorg.KnowledgeError) as caught:
        interorg.load_knowledge(knowledge_copy)
    assert f"messages.yaml: {expected}" in said(caught.value)


def test_a_rule_whose_dutch_leaves_out_a_placeholder_is_refused(knowledge_copy):
    """A rule's Dutch title without the English's {placeholder} would leave out what the English says."""
    path = knowledge_copy / "rules" / "zz.yaml"
    path.write_text(_ORIGINAL_AND_LIKE.replace('nl: "{m}: t"', "nl: t").replace("findng", "finding")
                    .replace("hihg", "high").split("  - id: kenis.need.test-like")[0], encoding="utf-8")
    with pytest.raises(interorg.KnowledgeError) as caught:
        interorg.load_knowledge(knowledge_copy)
    assert [f"{p.file}: {p.path}: {p.message}" for p in caught.value.problems] == [
        "rules/zz.yaml: rules[0].title.nl: expected the placeholders {m} of the English text"]
    # a problem the checks find after reading says its line and column too, as a problem of the reading does
    assert (caught.value.problems[0].line, caught.value.problems[0].column) == (7, 31)


_ORIGINAL_AND_LIKE = """about: x
model: kenis.need
rules:
  - id: kenis.need.test-original
    kind: findng
    priority: hihg
    title: {en: "{m}: t", nl: "{m}: t"}
    text: {en: t, nl: t}
    basis: source
    sources: [{source: kenis-2011, where: x}]
    when:
      - {fact: municipal_care, id: {var: m}}
  - id: kenis.need.test-like
    like: kenis.need.test-original
    when:
      - {fact: care, demand: complex}
"""


def test_a_fault_a_like_rule_takes_is_said_once_where_it_is_written(knowledge_copy):
    """The fields a rule takes through 'like' fail with the original: said there, and once at the 'like'."""
    (knowledge_copy / "rules" / "zz.yaml").write_text(_ORIGINAL_AND_LIKE.replace('"{m}: t"', "t"), encoding="utf-8")
    with pytest.raises(interorg.KnowledgeError) as caught:
        interorg.load_knowledge(knowledge_copy)
    said = [f"{p.path}: {p.message}" for p in caught.value.problems if p.file == "rules/zz.yaml"]
    assert said == [
        "rules[0].kind: expected one of step, finding, warning, recommendation; got 'findng'",
        "rules[0].priority: expected one of critical, high, medium, low; got 'hihg'",
        "rules[1].like: rule 'kenis.need.test-original', whose wording it takes, is refused for its kind, priority",
    ]
    like = next(p for p in caught.value.problems if p.path == "rules[1].like")
    assert (like.line, like.column) == (14, 11)


def test_a_fault_of_its_own_in_a_field_a_like_rule_takes_is_still_said(knowledge_copy):
    """A copied title whose placeholder the taking rule's conditions do not bind is that rule's fault: it stays."""
    text = _ORIGINAL_AND_LIKE.replace("kind: findng", "kind: finding").replace("priority: hihg", "priority: high")
    (knowledge_copy / "rules" / "zz.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(interorg.KnowledgeError) as caught:
        interorg.load_knowledge(knowledge_copy)
    said = [f"{p.path}: {p.message}" for p in caught.value.problems if p.file == "rules/zz.yaml"]
    assert said == ["rules[1].title: placeholder '{m}' names no variable bound in 'when'"]


def test_a_rules_file_that_does_not_read_is_the_first_problem_and_its_likes_are_told_once(knowledge_copy):
    """An empty rules file: its own problem first; each rule 'like' one of its rules says where that may be, once."""
    (knowledge_copy / "rules" / "kenis_need.yaml").write_text("", encoding="utf-8")
    with pytest.raises(interorg.KnowledgeError) as caught:
        interorg.load_knowledge(knowledge_copy)
    lines = said(caught.value).splitlines()
    assert lines[0].startswith("rules/kenis_need.yaml: ")
    municipal = [line for line in lines if line.startswith("rules/kenis_need_municipalities.yaml: ")]
    assert municipal and not [line for line in municipal if "missing required key" in line]
    assert all("it may be in a file refused above (rules/kenis_need.yaml)" in line
               for line in municipal if ".like: " in line)
