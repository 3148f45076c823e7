"""What an edit of why-not wants: a number's stand-ins each stand for the values the rules cannot tell from it."""

import pickle

import pytest

from interorg.engine.edits import Edit, FactEditor, Wanted
from interorg.engine.facts import InputFact
from interorg.facts.changing import one_of


@pytest.mark.parametrize("value, allowed", [
    (-3, False), (0, False), (0.99, False), (1, True), (1.5, False), (3, False), (3.5, True), (100, True),
])
def test_a_number_will_do_where_it_lies_among_the_bounds_as_a_stand_in_wanted_does(value, allowed):
    """Bounds 1 and 3; wanted: exactly 1 (stand-in 1) and above 3 (stand-in 4)."""
    assert Wanted((1, 4), points=(1, 3)).allows(value) is allowed


def test_without_points_a_value_will_do_only_as_itself():
    wanted = Wanted((1, 4))
    assert [wanted.allows(v) for v in (1, 4, 4.0, 5, True)] == [True, True, True, False, False]


def test_true_and_one_are_told_apart_even_with_points():
    """A bool is not a number here: a count of 1 does not meet a test for true, nor True a count."""
    assert not Wanted((1, 2), points=(1,)).allows(True)
    assert not Wanted((True,), points=()).allows(1)
    assert Wanted((True,), points=()).allows(True)


def test_a_field_compared_with_no_number_takes_any_number():
    """A number only required to be there has one stand-in, which stands for every number."""
    assert Wanted((1,), points=()).allows(250)


def test_wanted_is_the_tuple_of_its_values_and_survives_pickling():
    wanted = Wanted((1, 2), points=(1,))
    assert wanted == (1, 2) and list(wanted) == [1, 2]
    again = pickle.loads(pickle.dumps(wanted))
    assert again == wanted and again.points == (1,) and again.allows(7)


def test_an_edit_gives_its_values_with_their_points():
    edit = Edit(0, "phase_domain", "phase_domain", "earlier", 0, (1, 2), (1,))
    assert edit.wanted.allows(9) and not Edit(0, "x", "x", "n", 0, (1, 2)).wanted.allows(9)
    assert one_of(9, edit.wanted) and not one_of(9, edit.to)


def test_a_kept_edit_is_no_change_of_the_facts_themselves():
    """Where the facts are the input, a field that holds stays as it is: no change is shown, no value set."""
    facts = [InputFact("care", {"demand": "complex", "supply_in_municipality": True}, "care")]
    done = FactEditor(facts).realise([Edit(0, "care", "care", "demand", "complex", ("standard",)),
                                      Edit(0, "care", "care", "supply_in_municipality", True, (True,), kept=True)])
    assert [c.path for c in done.changes] == ["care.demand"]
    assert done.facts[0].values == {"demand": "standard", "supply_in_municipality": True}
