"""Kaats & Opheij: the four basic forms, mixed forms, no form, and a claimed form the characteristics do not show."""

import pytest

import interorg
from conftest import scenario

CHARACTERISTICS = {
    "functional": ("business_function", "exclusive"),
    "entrepreneurial": ("offer_to_third_parties", "shared_risk"),
    "transactional": ("transaction_agreements", "chain_improvement"),
    "learning": ("knowledge_sharing", "open_network"),
}
ALL = [name for pair in CHARACTERISTICS.values() for name in pair]
FORM_IDS = [f"common-eye.forms.{form}" for form in CHARACTERISTICS]


def advise_form(lang="en", **form):
    return interorg.advise(interorg.Case(form=interorg.CollaborationForm(**form)), lang=lang)


def only(*true):
    """Every characteristic answered: those named true, the others false."""
    return {name: name in true for name in ALL}


@pytest.mark.parametrize("form", list(CHARACTERISTICS))
def test_each_form_from_its_two_characteristics(form):
    """A form's two characteristics, with every other one false, show that form and no other."""
    advice = advise_form(**only(*CHARACTERISTICS[form]))
    assert [cid for cid in advice.ids() if cid in FORM_IDS] == [f"common-eye.forms.{form}"]
    evidence = advice[f"common-eye.forms.{form}"].explanation.supports[0].evidence[0]
    assert evidence.path == "form"
    assert all(evidence.values[name] is True for name in CHARACTERISTICS[form])
    assert "common-eye.forms.none" not in advice


def test_explanation_names_the_matched_characteristics():
    """The explanation says which characteristics matched, with the source's Dutch terms."""
    advice = advise_form(**only("business_function", "exclusive"))
    summary = advice["common-eye.forms.functional"].explanation.supports[0].evidence[0].summary
    assert "klant-leveranciersrelatie op exclusieve basis) = yes" in summary
    assert "een bedrijfsfunctie in zijn geheel belegd" in summary
    assert "open network" not in summary


def test_one_characteristic_is_not_enough():
    """With one characteristic of a form true and the other unknown, no form is concluded and the model is partial."""
    advice = advise_form(business_function=True)
    assert not [cid for cid in advice.ids() if cid.startswith("common-eye.forms.")]
    status = {m.id: m for m in advice.models}["common-eye.forms"]
    assert status.status == "partial"
    assert "form.exclusive" in [m.path for m in status.missing]


def test_two_forms_give_a_mixed_finding_resting_on_both():
    """Entrepreneurial and learning characteristics together: both forms, and a mixed finding explained by both."""
    advice = scenario("common_eye_forms_consortium")
    mixed = advice["common-eye.forms.mixed-entrepreneurial-learning"]
    assert mixed.basis == "derived" and mixed.reason
    first, second = mixed.explanation.supports[0].evidence
    assert (first.rule, second.rule) == ("common-eye.forms.entrepreneurial", "common-eye.forms.learning")
    assert first.explanation.supports[0].evidence[0].path == "form"
    assert [c.id for c in advice.conclusions if c.id.startswith("common-eye.forms.mixed-")] == [mixed.id]


def test_every_characteristic_gives_every_pair():
    """When every characteristic holds, all four forms and all six pairs are concluded, in a fixed order."""
    advice = scenario("common_eye_forms_every_characteristic")
    pairs = [c.id for c in advice.conclusions if c.id.startswith("common-eye.forms.mixed-")]
    assert pairs == [
        "common-eye.forms.mixed-functional-entrepreneurial",
        "common-eye.forms.mixed-functional-transactional",
        "common-eye.forms.mixed-functional-learning",
        "common-eye.forms.mixed-entrepreneurial-transactional",
        "common-eye.forms.mixed-entrepreneurial-learning",
        "common-eye.forms.mixed-transactional-learning",
    ]
    assert "common-eye.forms.none" not in advice


def test_no_form_when_every_form_misses_a_characteristic():
    """All eight characteristics answered, none of the pairs complete: a 'none' warning with the four forms absent."""
    advice = scenario("common_eye_forms_none")
    warning = advice["common-eye.forms.none"]
    assert warning.kind == "warning"
    support = warning.explanation.supports[0]
    assert support.evidence[0].path == "form"
    assert len(support.absent) == 4
    assert "The characteristics show learning collaboration" in support.absent


def test_no_form_is_not_concluded_from_unknown_characteristics():
    """With a characteristic unanswered, 'none' is not concluded: an unknown is not a no."""
    answers = only()
    del answers["open_network"]
    advice = advise_form(**answers)
    assert "common-eye.forms.none" not in advice


def test_claimed_form_not_shown():
    """The partners' form differs from the characteristics: a warning that shows the characteristics that fail."""
    advice = scenario("common_eye_forms_consortium")
    warning = advice["common-eye.forms.claimed-transactional-not-shown"]
    evidence = warning.explanation.supports[0].evidence[0]
    assert evidence.values["claimed"] == "transactional"
    assert evidence.values["chain_improvement"] is False
    assert "aim to improve a production process or chain" in evidence.summary
    assert warning.explanation.supports[0].absent == ("The characteristics show transactional collaboration",)


def test_claimed_form_that_is_shown_gives_no_warning():
    """When the characteristics show the form the partners name, nothing is flagged about the claim."""
    advice = advise_form(claimed="learning", **only("knowledge_sharing", "open_network"))
    assert not [cid for cid in advice.ids() if cid.startswith("common-eye.forms.claimed-")]


def test_claim_is_not_judged_on_unknown_characteristics():
    """A claimed form whose characteristics are not given is not called wrong."""
    advice = advise_form(claimed="functional", business_function=True)
    assert not [cid for cid in advice.ids() if cid.startswith("common-eye.forms.claimed-")]


def test_example_is_functional_and_transactional_not_learning():
    """The example region shows a mixed functional–transactional form, while its partners call it learning."""
    ids = interorg.advise(interorg.example_case()).ids()
    assert "common-eye.forms.mixed-functional-transactional" in ids
    assert "common-eye.forms.claimed-learning-not-shown" in ids


def test_dutch_names_of_the_forms():
    """In Dutch the forms keep the source's names."""
    advice = advise_form(lang="nl", claimed="entrepreneurial", **only("knowledge_sharing", "open_network"))
    assert advice["common-eye.forms.learning"].title == "De kenmerken tonen lerend samenwerken"
    assert "ondernemend samenwerken" in advice["common-eye.forms.claimed-entrepreneurial-not-shown"].title


def test_unknown_form_name_is_an_error():
    """A claimed form that is not one of the four is reported with its path."""
    with pytest.raises(interorg.CaseError, match=r"form.claimed: expected one of functional, entrepreneurial"):
        interorg.advise({"form": {"claimed": "functioneel"}})


# --- The collaboration strategy: sharing and exchanging (Delen, Uitwisselen) --------------------

def test_sharing_and_exchanging_read_against_the_forms():
    """Sharing with no function placed and no risk run, and exchanging without agreements, are each a warning."""
    advice = scenario("common_eye_forms_strategy")
    sharing = advice["common-eye.forms.sharing-not-organised"]
    exchange = advice["common-eye.forms.exchange-without-agreements"]
    assert sharing.basis == exchange.basis == "derived"
    assert sharing.sources[0].quote == "Delen van aspecten van organiseren"
    assert exchange.sources[0].quote == "Uitwisselen van producten, diensten en middelen"
    assert "common-eye.forms.no-strategy" not in advice


def test_neither_sharing_nor_exchanging_asks_for_a_strategy_unless_learning():
    """Neither half of the strategy asks to decide one; a learning collaboration needs neither."""
    assert "common-eye.forms.no-strategy" in scenario("common_eye_forms_no_strategy")
    learning = interorg.advise({"form": {"shares_organising": False, "exchanges": False,
                                         "knowledge_sharing": True, "open_network": True}})
    assert "common-eye.forms.learning" in learning and "common-eye.forms.no-strategy" not in learning


def test_a_form_that_organises_what_is_shared_or_exchanged_says_nothing():
    """A function placed, a risk run or agreements made: no warning; unknown characteristics: no guess either."""
    for form in ({"shares_organising": True, "business_function": True, "shared_risk": False},
                 {"shares_organising": True, "business_function": False},
                 {"exchanges": True, "transaction_agreements": True}, {"exchanges": True}):
        advice = interorg.advise({"form": form})
        assert not [c for c in advice.conclusions if c.id in (
            "common-eye.forms.sharing-not-organised", "common-eye.forms.exchange-without-agreements")], form
