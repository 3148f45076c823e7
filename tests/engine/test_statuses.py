"""Whether each model could be applied: what a case gives of its needs, in the advice's language."""

import collections

import interorg


def _status(advice, model):
    return {status.id: status for status in advice.models}[model]


def test_a_model_given_part_of_its_needs_is_partial_and_names_the_rest():
    """kenis.need with the care demand but not the supply is partial, and asks for the supply only."""
    case = {"partners": [{"id": "a"}], "care": {"demand": "complex"}}
    status = _status(interorg.advise(case), "kenis.need")
    assert status.status == "partial"
    assert [missing.path for missing in status.missing] == ["care.supply_in_municipality"]
    assert _status(interorg.advise({"partners": [{"id": "a"}]}), "kenis.need").status == "not_applied"


def test_each_model_counts_its_own_conclusions():
    """A model's status counts the conclusions of its rules, and the counts add up to all conclusions."""
    advice = interorg.advise(interorg.example_case())
    counted = collections.Counter(conclusion.model for conclusion in advice.conclusions)
    assert {status.id: status.conclusions for status in advice.models if status.conclusions} == dict(counted)
    assert sum(status.conclusions for status in advice.models) == len(advice.conclusions)


def test_what_is_missing_is_said_in_each_advices_own_language():
    """What a model is missing is worded in the language of each advice, whichever language was asked first."""
    case = {"partners": [{"id": "a"}]}
    dutch, english = (_status(interorg.advise(case, lang=lang), "kenis.need") for lang in ("nl", "en"))
    assert dutch.missing[0].label == "type zorgvraag"
    assert english.missing[0].label == "type of care demand (type zorgvraag)"
    assert english.title != dutch.title
