"""The static verifier: `interorg.verify` and `interorg verify` on the shipped knowledge and on faulty copies."""

import json
import shutil

import pytest
import yaml

import interorg
from conftest import DATA, SHIPPED
from interorg.cli import main

VERIFY = DATA / "verify"


def _copy(tmp_path_factory, name):
    target = tmp_path_factory.mktemp(name) / "knowledge"
    shutil.copytree(SHIPPED, target, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    return target


@pytest.fixture(scope="module")
def grouped_knowledge(tmp_path_factory):
    """A copy of the shipped knowledge with the exclusive groups of the Kenis and the trust quadrants.

    The groups are added to whatever ``conflicts.yaml`` the knowledge holds,
    so that the tests hold whichever groups it declares.
    """
    knowledge_copy = _copy(tmp_path_factory, "grouped")
    conflicts = knowledge_copy / "conflicts.yaml"
    ours = yaml.safe_load((VERIFY / "conflicts.yaml").read_text(encoding="utf-8"))
    if conflicts.exists():
        shipped = yaml.safe_load(conflicts.read_text(encoding="utf-8"))
        ids = {group["id"] for group in shipped.get("exclusive") or ()}
        shipped["exclusive"] = list(shipped.get("exclusive") or ()) + [
            g for g in ours["exclusive"] if g["id"] not in ids]
        ours = shipped
    conflicts.write_text(yaml.safe_dump(ours, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return knowledge_copy


@pytest.fixture(scope="module")
def faulty_knowledge(grouped_knowledge, tmp_path_factory):
    """The grouped copy with a duplicate, a subsumed, an impossible and a clashing rule added to kenis.need."""
    target = tmp_path_factory.mktemp("faulty") / "knowledge"
    shutil.copytree(grouped_knowledge, target)
    grouped_knowledge = target
    path = grouped_knowledge / "rules" / "kenis_need.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    titles = {rule["id"]: rule["title"] for rule in data["rules"]}
    faulty = yaml.safe_load((VERIFY / "faulty_rules.yaml").read_text(encoding="utf-8"))["rules"]
    faulty[0]["title"] = titles["kenis.need.quadrant-iv"]
    faulty[1]["title"] = titles["kenis.need.quadrant-i"]
    data["rules"] += faulty
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    groups = yaml.safe_load((grouped_knowledge / "conflicts.yaml").read_text(encoding="utf-8"))
    for group in groups["exclusive"]:
        if group["id"] == "kenis.need.quadrants":
            group["rules"].append("kenis.need.quadrant-i-any-demand")
    (grouped_knowledge / "conflicts.yaml").write_text(yaml.safe_dump(groups, allow_unicode=True, sort_keys=False),
                                                      encoding="utf-8")
    return grouped_knowledge


@pytest.fixture(scope="module")
def faulty_result(faulty_knowledge):
    """What the verifier finds on the faulty copy."""
    return interorg.verify(faulty_knowledge)


def _by_check(result):
    out = {}
    for finding in result.findings:
        out.setdefault(finding.check, []).append(finding)
    return out


def test_shipped_knowledge_has_no_errors():
    """The shipped knowledge verifies without an error, and fast enough for every run of the suite."""
    result = interorg.verify()
    assert result.ok, result.to_text()
    # no rule is bounded; one group's gap search is, and `bounded` says so as the findings do
    assert result.bounded == {"provan-kenis.governance.best-fit": "gaps not searched to the end: more than 120 "
                                                                  "alternatives"}
    bounded = {f.message.split(" ")[5] for f in result.findings if f.check == "bounded"}
    assert bounded == set(result.bounded) == set(result.to_dict()["bounded"])


def test_summary_counts_in_the_singular():
    """One error is '1 error', not '1 errors'."""
    from interorg.engine.verify import Verification, VerifyFinding

    result = Verification((VerifyFinding("error", "never", "rules/x.yaml", "x.a", "can never fire"),), {}, 1, 0)
    assert result.to_text().splitlines()[-1].startswith("1 error, 0 warnings (1 rules")
    assert "1 error, 0 warnings" in result.to_markdown()


def test_missing_directory_is_refused(capsys):
    """`interorg verify /nonexistent` says the knowledge directory does not exist, exit 2, no traceback."""
    from interorg.cli import main

    assert main(["verify", "/nonexistent"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("interorg: error: /nonexistent: the knowledge folder does not exist; expected a folder with")
    assert "Traceback" not in err


def test_grouped_copy_has_no_errors(grouped_knowledge):
    """With the quadrants declared exclusive, no two quadrants can be drawn together."""
    result = interorg.verify(grouped_knowledge)
    assert result.ok, result.to_text()
    gaps = [f for f in result.findings if f.check == "gap" and f.rule.startswith("trust.quadrants.")]
    assert gaps and any(value == "unknown" for gap in gaps for _path, value in gap.witness)
    assert not [f for f in result.findings if f.check == "gap" and f.rule.startswith("kenis.need.")]


def test_faults_are_reported_with_witnesses(faulty_result):
    """A duplicate, a subsumed, an impossible, a chained-impossible and a clashing rule are each reported."""
    result = faulty_result
    assert not result.ok
    found = _by_check(result)
    assert [f.rule for f in found["duplicate"]] == ["kenis.need.quadrant-iv-again"]
    assert "kenis.need.quadrant-iv" in found["duplicate"][0].message
    subsumed = found["subsumed"][0]
    assert subsumed.rule == "kenis.need.quadrant-i" and "quadrant-i-any-demand" in subsumed.message
    assert dict(subsumed.witness)["care.demand"] in ("complex", "unknown")
    never = {f.rule: f.message for f in found["never"]}
    assert set(never) == {"kenis.need.standard-and-complex", "kenis.need.after-the-impossible",
                          "kenis.need.contradictory"}
    assert "chains to kenis.need.standard-and-complex" in never["kenis.need.after-the-impossible"]
    assert "contradict" in never["kenis.need.contradictory"]
    clash = [f for f in found["exclusive"] if "quadrant-i-any-demand" in f.rule + f.message]
    assert clash and dict(clash[0].witness)["care.supply_in_municipality"] == "true"
    assert all(f.file == "rules/kenis_need.yaml" for f in found["never"])


def test_command_exit_codes(faulty_knowledge, capsys):
    """`interorg verify` exits 0 on the shipped knowledge and 1 on a faulty copy, naming file and rule."""
    assert main(["verify", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True
    assert main(["verify", str(faulty_knowledge)]) == 1
    out = capsys.readouterr().out
    assert "rules/kenis_need.yaml: kenis.need.quadrant-iv-again: duplicates kenis.need.quadrant-iv" in out


def test_renderings(faulty_result):
    """The JSON lists every finding with its witness; Markdown gives a table."""
    data = json.loads(json.dumps(faulty_result.to_dict()))
    assert data["ok"] is False and any(f["check"] == "subsumed" and f["witness"] for f in data["findings"])
    assert "| error | duplicate |" in faulty_result.to_markdown()


def test_unloadable_directory_is_an_error(knowledge_copy, capsys):
    """A knowledge directory that does not load gives its load problems as errors, and exit 1."""
    (knowledge_copy / "models.yaml").write_text("about: broken\nmodels: 3\n", encoding="utf-8")
    assert main(["verify", str(knowledge_copy)]) == 1
    assert "models" in capsys.readouterr().out


def test_dead_end_step(knowledge_copy):
    """A step that no rule uses and nothing names is a dead end (a warning)."""
    path = knowledge_copy / "rules" / "kenis_need.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    step = dict(data["rules"][0], id="kenis.need.unused-step", kind="step")
    step.pop("priority", None)
    data["rules"].append(step)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = interorg.verify(knowledge_copy)
    assert [f.rule for f in result.findings if f.check == "dead-end"] == ["kenis.need.unused-step"]


def test_gaps_are_sought_in_the_form_a_group_tests(tmp_path_factory):
    """With a need 'a | b', a group's gaps are sought with the alternative its rules test: per municipality here."""
    knowledge_copy = _copy(tmp_path_factory, "municipal-gap")
    conflicts = knowledge_copy / "conflicts.yaml"
    data = yaml.safe_load(conflicts.read_text(encoding="utf-8"))
    (group,) = [g for g in data["exclusive"] if g["id"] == "kenis.need.municipal-quadrants"]
    group["rules"].remove("kenis.need.municipal.quadrant-iv")
    conflicts.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    gaps = [f for f in interorg.verify(knowledge_copy).findings
            if f.check == "gap" and f.rule.startswith("kenis.need.municipal.")]
    assert gaps
    witness = dict(gaps[0].witness)
    assert witness["care.municipalities[0].demand"] == "complex"
    assert witness["care.municipalities[0].supply_in_municipality"] == "false"
    assert not any(path.startswith("care.demand") for path in witness)


def test_witnesses_are_case_paths():
    """The shipped knowledge's witnesses use the case's keys; a derived field says what it comes from."""
    from interorg.research.verify import verify

    paths = [path for finding in verify().findings for path, _value in finding.witness]
    assert "reasons[0].reason" in paths
    assert not any(path.startswith(("reasons[0].kind", "partners[].", "scan.respondents[0].id")) for path in paths)
    derived = [path for path in paths if "(derived from" in path]
    assert "scan_factor.id (derived from scan.respondents[].answers)" in derived
