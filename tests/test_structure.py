"""The structurer: numbers out of range, patterns and nested paths give precise messages."""

import re

import attrs

from interorg._structure import INVALID, structure


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
