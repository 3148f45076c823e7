"""The actions of two advice objects compared, over the plan and the actions after it."""

import json

import pytest

import interorg
from interorg.analysis.counsel import PLAN_SIZE, subject_words
from interorg.report.diff import AdviceDiff
from interorg.report.plandiff import ActionChange

ROUNDS = ("municipal_youth_care", "municipal_youth_care_round2")


def _advise(name, lang):
    with interorg.example_path(name) as path:
        return interorg.advise(path, lang=lang)


@pytest.fixture(scope="module", params=["en", "nl"])
def rounds(request):
    """The two rounds of the youth-care example, in one language, and their difference."""
    a, b = (_advise(name, request.param) for name in ROUNDS)
    return a, b, a.diff(b)


def _actions(advice):
    return advice.counsel.plan + advice.counsel.more


def _about(advice, action):
    """What the conclusions behind an action are about, in the words of its case."""
    names = advice.case.partner_names()
    return {subject_words(advice[k].subject, advice[k].subject_label, names)
            for k in action.keys if advice[k].subject is not None}


def _truth(a, b):
    """The changes read straight from the two rankings, by title (each title holds one action in these cases)."""
    old, new = ({action.title: action for action in _actions(x)} for x in (a, b))
    assert len(old) == len(_actions(a)) and len(new) == len(_actions(b))
    both = [title for title in old if title in new]
    return {
        "gained": [t for t in new if t not in old], "lost": [t for t in old if t not in new],
        "moved": {t: (old[t].rank, new[t].rank) for t in both if old[t].rank != new[t].rank},
        "keys": {t: (set(new[t].keys) - set(old[t].keys), set(old[t].keys) - set(new[t].keys))
                 for t in both if set(old[t].keys) != set(new[t].keys)},
        "subjects": {t: (_about(b, new[t]) - _about(a, old[t]), _about(a, old[t]) - _about(b, new[t]))
                     for t in both if _about(a, old[t]) != _about(b, new[t])},
    }


def test_the_rounds_change_actions_after_the_plan(rounds):
    """The second round moves actions after the plan and drops a subject: the case the diff must see."""
    a, b, _ = rounds
    truth = _truth(a, b)
    assert truth["moved"] and truth["keys"] and truth["subjects"]
    assert any(rank > PLAN_SIZE for pair in truth["moved"].values() for rank in pair)


def test_actions_gained_lost_moved_and_changed(rounds):
    """Gained, lost, moved (rank before and after) and subjects and conclusions changed are those of the rankings."""
    a, b, change = rounds
    truth = _truth(a, b)
    assert [x.title for x in change.plan_gained] == truth["gained"]
    assert [x.title for x in change.plan_lost] == truth["lost"]
    assert {c.key: c.ranks for c in change.plan_changed if "rank" in c.what} == truth["moved"]
    assert {c.key: (set(c.gained.get("keys", ())), set(c.lost.get("keys", ())))
            for c in change.plan_changed if "keys" in c.what} == truth["keys"]
    assert {c.key: (set(c.gained.get("subjects", ())), set(c.lost.get("subjects", ())))
            for c in change.plan_changed if "subjects" in c.what} == truth["subjects"]
    ranks_a = [x.rank for x in _actions(a)]
    assert [c.ranks[0] for c in change.plan_changed] == sorted(c.ranks[0] for c in change.plan_changed)
    assert all(c.ranks[0] in ranks_a for c in change.plan_changed)
    assert not change.empty


def test_renderings_say_the_changes(rounds):
    """Text, Markdown and JSON say each move and each subject and conclusion lost, in the advice's language."""
    a, b, change = rounds
    truth = _truth(a, b)
    place, without = a.labels["diff_facet_rank"], a.labels["diff_without"].split("{")[0]
    text, markdown = change.to_text(), change.to_markdown()
    for title, (before, after) in truth["moved"].items():
        assert f"{title}: {place} {before} -> {after}" in text
    for title, (_, lost) in truth["subjects"].items():
        line = next(line for line in text.splitlines() if line.strip().startswith(title))
        assert all(f"{without}" in line and subject in line for subject in lost)
    for _, lost in truth["keys"].values():
        assert all(f"`{key}`" in markdown for key in lost)
    assert a.labels["diff_plan_changed"] in text and f"### {a.labels['diff_plan_changed']}" in markdown
    data = json.loads(change.to_json())["plan"]
    assert {c["key"]: tuple(c["ranks"]) for c in data["changed"] if "rank" in c["what"]} == truth["moved"]
    assert {c["key"]: set(c["lost"]["keys"]) for c in data["changed"] if "keys" in c["lost"]} == {
        t: lost for t, (_, lost) in truth["keys"].items() if lost}


def test_repr_counts_the_actions(rounds):
    """The repr counts the actions changed and moved, not only those gained or lost."""
    _, _, change = rounds
    moved = sum("rank" in c.what for c in change.plan_changed)
    assert f"{len(change.plan_changed)} changed ({moved} moved)" in repr(change) and moved


WORDS = {"en": ("Actions moved or changed", "place ", "conclusions without", "subjects without"),
         "nl": ("Acties die verschuiven of veranderen", "plaats ", "conclusies zonder", "onderwerpen zonder")}


def test_words_of_the_language(rounds):
    """The headings and words of the actions' changes are those of the advice's language, and only those."""
    a, _, change = rounds
    text = change.to_text()
    assert all(word in text for word in WORDS[a.lang])
    other = WORDS["en" if a.lang == "nl" else "nl"]
    assert not any(word in text for word in other)


@pytest.mark.parametrize(("lang", "ranks", "said"), [
    ("en", (8, 5), "place 8 -> 5 (into the plan)"), ("en", (7, 9), "place 7 -> 9 (out of the plan)"),
    ("en", (9, 12), "place 9 -> 12"), ("nl", (8, 5), "plaats 8 -> 5 (het actieplan in)"),
    ("nl", (7, 9), "plaats 7 -> 9 (het actieplan uit)")])
def test_a_move_across_the_plan_is_said(lang, ranks, said):
    """A move into or out of the first seven actions says so; one after the plan does not."""
    move = ActionChange("Act", ("rank",), {"rank": ranks[0]}, {"rank": ranks[1]}, ranks)
    text = AdviceDiff("A", "B", (), (), (), (), plan_changed=(move,), lang=lang).to_text()
    assert f"Act: {said}\n" in text


def test_same_title_paired_by_conclusions():
    """Of a title held by several actions, the one addressing another warning is gained, not a subject changed."""
    case = interorg.case_to_dict(interorg.example_case())
    case["relationships"][4].update(reliability=True, cynicism=False)
    a, b = interorg.advise(interorg.example_case()), interorg.advise(case)
    change = a.diff(b)
    keys_a = {key for action in _actions(a) for key in action.keys}
    twice = {x.title for x in _actions(b) if sum(y.title == x.title for y in _actions(b)) > 1}
    assert twice, "the copy addresses one warning for two relationships"
    fresh = [x for x in _actions(b) if x.title in twice and not set(x.keys) & keys_a]
    assert list(change.plan_gained) == fresh
    assert not any(c.key in twice for c in change.plan_changed)
