"""The structurer: numbers out of range, patterns and nested paths give precise messages."""

import re
import typing

import attrs

from interorg.utils.structure import INVALID, structure, unstructure


@attrs.frozen
class _Answer:
    score: int = attrs.field(metadata={"min": 1, "max": 5})
    code: str | None = attrs.field(default=None, metadata={"pattern": re.compile(r"[a-z]+"),
                                                           "pattern_hint": "lower-case letters"})


@attrs.frozen
class _Scan:
    answers: tuple[_Answer, ...] = ()


def _problems(data):
    problems = []
    value = structure(_Scan, data, "", problems)
    return value, [str(p) for p in problems]


def test_out_of_range_number():
    """A number outside its range names the range and the value."""
    value, problems = _problems({"answers": [{"score": 3}, {"score": 7}]})
    assert value is INVALID
    assert problems == ["answers[1].score: expected a number from 1 to 5; got 7"]


def test_booleans_are_not_numbers():
    """true is not accepted where a whole number is expected."""
    assert _problems({"answers": [{"score": True}]})[1] == ["answers[0].score: expected a whole number; got true"]


def test_pattern_mismatch_and_several_problems():
    """Every problem in a list is reported, each with its own index."""
    _value, problems = _problems({"answers": [{"score": 0, "code": "ABC"}, {"code": "x"}]})
    assert problems == [
        "answers[0].score: expected a number from 1 to 5; got 0",
        "answers[0].code: expected lower-case letters; got 'ABC'",
        "answers[1]: missing required key 'score'",
    ]


def test_valid_data_is_structured():
    """Valid data becomes the attrs objects."""
    value, problems = _problems({"answers": [{"score": 5, "code": "ok"}]})
    assert problems == [] and value == _Scan((_Answer(5, "ok"),))


@attrs.frozen
class _Sheet:
    answers: dict[typing.Literal["q1", "q2"], int | None] = attrs.field(factory=dict, metadata={"min": 1, "max": 5})
    ticked: tuple[str, ...] | None = None
    notes: tuple[str, ...] = ()


def _sheet(data):
    problems = []
    value = structure(_Sheet, data, "", problems)
    return value, [str(p) for p in problems]


def test_range_applies_to_every_value_of_a_mapping():
    """min and max on a mapping field check each value, all at once, with the key in the path; None passes."""
    value, problems = _sheet({"answers": {"q1": 0, "q2": 6}})
    assert value is INVALID
    assert problems == ["answers.q1: expected a number from 1 to 5; got 0", "answers.q2: expected a number from 1 to 5; got 6"]
    assert _sheet({"answers": {"q1": None, "q2": 5}})[0].answers == {"q1": None, "q2": 5}


def test_literal_keys_of_a_mapping():
    """A key outside the Literal of a mapping's keys is named with the closest key; its neighbours are still checked."""
    value, problems = _sheet({"answers": {"q11": 2, "q1": 9}})
    assert value is INVALID
    assert problems == ["answers.q11: unknown key 'q11' (did you mean 'q1'?); expected one of q1, q2",
                        "answers.q1: expected a number from 1 to 5; got 9"]


def test_empty_tuple_kept_where_the_default_is_none():
    """unstructure leaves out an empty tuple that is the default, but keeps one given for a field that defaults to None."""
    assert unstructure(_Sheet(ticked=())) == {"answers": {}, "ticked": []}
    assert unstructure(_Sheet()) == {"answers": {}}
