"""The objects of an advice as the explanations make them: the same as their classes' own constructors make."""

import copy
import inspect
import pickle
import weakref

import attrs
import pytest

from interorg.engine.results import (Citation, Conclusion, Evidence, Explanation, Support, _conclusion, _evidence,
                                     _explanation, _support, plain)

MAKERS = [(Conclusion, _conclusion), (Evidence, _evidence), (Explanation, _explanation), (Support, _support)]


def _fields(cls):
    # a distinct, hashable value for every field, so that a field set in the wrong slot shows
    return [f"{field.name}-value" for field in attrs.fields(cls)]


@pytest.mark.parametrize(("cls", "make"), MAKERS, ids=lambda item: getattr(item, "__name__", None))
def test_made_object_is_what_the_constructor_makes(cls, make):
    """A made object has the class's own type, each field in its place, and equals and hashes as the constructor's."""
    values = _fields(cls)
    made, built = make(*values), cls(*values)
    assert type(made) is cls
    assert [getattr(made, field.name) for field in attrs.fields(cls)] == values
    assert made == built and hash(made) == hash(built)
    assert repr(made) == repr(built)
    assert attrs.fields(type(made)) == attrs.fields(cls)
    assert attrs.asdict(made) == attrs.asdict(built)


@pytest.mark.parametrize(("cls", "make"), MAKERS, ids=lambda item: getattr(item, "__name__", None))
def test_made_object_takes_the_fields_in_the_class_order(cls, make):
    """The maker's parameters are the class's fields, in order: a field added to the class must be added to it."""
    assert list(inspect.signature(make).parameters) == [field.name for field in attrs.fields(cls)]


@pytest.mark.parametrize(("cls", "make"), MAKERS, ids=lambda item: getattr(item, "__name__", None))
def test_made_object_is_frozen(cls, make):
    """A made object refuses to have a field set or deleted, as the class's own objects do."""
    made = make(*_fields(cls))
    name = attrs.fields(cls)[0].name
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(made, name, "other")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        delattr(made, name)
    assert getattr(made, name) == f"{name}-value"


@pytest.mark.parametrize(("cls", "make"), MAKERS, ids=lambda item: getattr(item, "__name__", None))
def test_made_object_evolves_pickles_copies_and_is_weakly_referenced(cls, make):
    """attrs.evolve, pickling, copying and weak references treat a made object as one of its class."""
    made = make(*_fields(cls))
    name = attrs.fields(cls)[0].name
    evolved = attrs.evolve(made, **{name: "other"})
    assert type(evolved) is cls and getattr(evolved, name) == "other"
    assert evolved == cls(*(["other"] + _fields(cls)[1:]))
    for again in (pickle.loads(pickle.dumps(made)), copy.copy(made), copy.deepcopy(made)):
        assert type(again) is cls and again == made
    assert weakref.ref(made)() is made


def test_advice_objects_are_of_the_public_classes():
    """Every conclusion, explanation, support and evidence of an advice is an instance of its public class itself."""
    import interorg

    seen = set()
    for conclusion in interorg.advise(interorg.example_case()).conclusions:
        seen.add(type(conclusion))
        explanations = [conclusion.explanation]
        while explanations:
            explanation = explanations.pop()
            seen.add(type(explanation))
            for support in explanation.supports:
                seen.add(type(support))
                for evidence in support.evidence:
                    seen.add(type(evidence))
                    if evidence.explanation is not None:
                        explanations.append(evidence.explanation)
    assert seen == {Conclusion, Explanation, Support, Evidence}


def test_plain_turns_attrs_objects_and_tuples_into_dicts_and_lists_at_any_depth():
    """Texts, numbers and None stay as they are (a str enum too); attrs objects inside a dict or list are converted."""
    import enum

    class Level(str, enum.Enum):
        HIGH = "high"

    citation = Citation("s", "T", None, 2011, None, "p. 3", None)
    data = {"level": Level.HIGH, "flag": True, "n": 2, "x": 0.5, "none": None,
            "cited": [citation, (citation,)], "nested": {"pair": ("a", 1)}}
    converted = plain(data)
    assert converted["level"] is Level.HIGH and converted["flag"] is True
    assert converted["cited"][0] == plain(citation) == {
        "source": "s", "title": "T", "author": None, "year": 2011, "document": None, "where": "p. 3", "quote": None}
    assert converted["cited"][1] == [plain(citation)]
    assert converted["nested"] == {"pair": ["a", 1]}
    assert converted is not data and converted["nested"] is not data["nested"]
    assert plain(("a", None)) == ["a", None] and plain(Level.HIGH) is Level.HIGH
