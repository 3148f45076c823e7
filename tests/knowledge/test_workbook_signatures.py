"""Common Eye workbook: the five collaborator signatures (De Jong)."""

import os
import subprocess
import sys

import pytest

import interorg
from conftest import scenario

SIGNATURES = {
    "relationship_builder": "relationship-builder", "designer": "designer", "champion": "champion",
    "shaper": "shaper", "negotiator": "negotiator",
}


@pytest.mark.parametrize("signature", list(SIGNATURES))
def test_present_and_missing(signature):
    """A leader with one signature: that one present (by leader), the four others missing."""
    advice = interorg.advise({"leadership": [{"name": "Ann", "signatures": [signature]}]})
    present = f"workbook.signatures.{SIGNATURES[signature]}"
    assert advice[present].subject == "Ann"
    assert advice[present].explanation.supports[0].evidence[0].path == "leadership[0].signatures[0]"
    missing = {cid for cid in advice.ids() if cid.endswith("-missing")}
    assert missing == {f"workbook.signatures.{rid}-missing" for s, rid in SIGNATURES.items() if s != signature}


def test_missing_signature_says_what_it_adds():
    """A missing signature is a derived recommendation naming what it would add."""
    advice = scenario("workbook_signatures_relational")
    conclusion = advice["workbook.signatures.negotiator-missing"]
    assert conclusion.basis == "derived"
    assert "reaching a supported result faster" in conclusion.text
    assert "the authoritative negotiator" in conclusion.explanation.supports[0].absent[-1]


def test_signatures_per_leader():
    """A signature shown by two leaders is a finding for each of them."""
    advice = scenario("workbook_signatures_relational")
    found = [c.subject for c in advice.conclusions if c.id == "workbook.signatures.relationship-builder"]
    assert found == ["Fatima El Amrani", "Joris Visser"]


def test_no_missing_signatures_while_one_leader_has_none_recorded():
    """A leader without recorded signatures keeps the model from calling any signature missing."""
    advice = interorg.advise({"leadership": [{"name": "Ann", "signatures": ["designer"]}, {"name": "Bob"}]})
    assert not [cid for cid in advice.ids() if cid.endswith("-missing")]


def test_missing_signatures_do_not_depend_on_the_hash_seed():
    """Retracted activations leave the agenda whatever the hash seed (experta misses some; interorg does not)."""
    script = ("import interorg; a = interorg.advise({'leadership': [{'name': 'A', 'signatures': "
              "['designer', 'negotiator']}, {'name': 'B', 'signatures': ['shaper']}]}); "
              "print(sorted(c for c in a.ids() if c.endswith('-missing')))")
    outputs = set()
    for seed in range(8):
        env = dict(os.environ, PYTHONHASHSEED=str(seed))
        outputs.add(subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True,
                                   check=True).stdout)
    assert outputs == {"['workbook.signatures.champion-missing', "
                       "'workbook.signatures.relationship-builder-missing']\n"}


def test_leader_mistakes_are_reported():
    """Leaders named twice and signatures listed twice are errors."""
    with pytest.raises(interorg.CaseError) as info:
        interorg.case_from_dict({"leadership": [{"name": "A", "signatures": ["shaper", "shaper"]}, {"name": "A"}]})
    assert [p.path for p in info.value.problems] == ["leadership[1].name", "leadership[0].signatures[1]"]
