"""The phases of a collaboration and the checklist of activities per phase and domain."""

import re

import pytest

import interorg
from conftest import scenario
from interorg.case.phase import ACTIVITIES, DOMAINS, PHASES
from test_provenance import _seed_text


def phase_advice(current=None, done=None, lang="en"):
    phase = {}
    if current is not None:
        phase["current"] = current
    if done is not None:
        phase["done"] = list(done)
    return interorg.advise({"phase": phase}, lang=lang)


def of(advice, rule):
    return [c.subject for c in advice.conclusions if c.id == rule]


# labels that correct an error of the PDF extraction, with the source's text as extracted
_EXTRACTION_ERRORS = {"Definiëren en aanscherpen van een gedeelde ambitie":
                      "Deniëren en aanscherpen van een gedeelde ambitie"}


def test_activities_are_the_vocabulary_and_quote_the_source(knowledge):
    """The 61 activity ids of the case model are the vocabulary's; each Dutch text is the source's, word for word.

    Only an extraction error is corrected (a dropped "fi"), and the source still has the extracted text.
    """
    values = knowledge.facts["phase_activity"].fields["id"].values
    assert list(values) == list(ACTIVITIES) and len(ACTIVITIES) == 61
    source = _seed_text("common-eye-workbook")
    for activity, text in values.items():
        shown = re.sub(r"\s+", " ", text.nl)
        assert _EXTRACTION_ERRORS.get(shown, shown) in source, activity
        assert text.en != text.nl
    for activity in ACTIVITIES:
        phase, domain, _name = activity.split(".")
        assert phase in PHASES and domain in DOMAINS
    assert {a.split(".")[1] for a in ACTIVITIES if a.startswith("implementing.")} == {"all"}


@pytest.mark.parametrize("current", PHASES)
def test_current_phase(current):
    """Each phase gives its own finding, with the source's description of it."""
    advice = phase_advice(current)
    found = [c for c in advice.conclusions if c.model == "diagnosis.phases"]
    assert [c.id for c in found] == [f"phases.{current}"]
    assert found[0].basis == "source" and found[0].explanation.supports[0].evidence[0].path == "phase"


def test_sharing_is_the_switch_point():
    """The finding for sharing says it is the switch point, and cites the workbook for it."""
    conclusion = phase_advice("sharing")["phases.sharing"]
    assert "switch point" in conclusion.title
    assert any(c.where == "De fase van 'delen' vormt het schakelpunt in het samenwerkingsproces"
               for c in conclusion.sources)


def test_without_checklist_nothing_is_flagged():
    """With the phase but no checklist, no activity is called skipped or next: nothing is guessed."""
    advice = phase_advice("implementing")
    assert [c.id for c in advice.conclusions if c.model == "diagnosis.phases"] == ["phases.implementing"]
    status = {m.id: m for m in advice.models}["diagnosis.phases"]
    assert status.status == "partial" and [m.path for m in status.missing] == ["phase.done"]


def test_next_steps_are_the_open_activities_of_the_current_phase():
    """Every activity of the current phase not done is a next step, named in the domain it belongs to."""
    done = ["agreeing.ambition.starting_point", "agreeing.organisation.legal_form"]
    advice = phase_advice("agreeing", done + [a for a in ACTIVITIES if a.split(".")[0] in ("exploring", "sharing")])
    expected = [a for a in ACTIVITIES if a.startswith("agreeing.") and a not in done]
    assert of(advice, "phases.next") == expected
    step = advice["phases.next[agreeing.interests.constituency_consent]"]
    assert step.title == ("Still to do in this phase (interests (belangen)): Bring the rank and file to consent to the"
                          " shared interest and the intended collaboration (Achterban tot instemming brengen over"
                          " gedeeld belang en voorgenomen samenwerking)")
    assert step.explanation.supports[0].evidence[0].path == "phase.done"
    assert "phases.skipped" not in advice and "phases.skipped-before-switch" not in advice


def test_skipped_before_and_after_the_switch_point():
    """Past sharing, what was skipped up to it is a warning of its own; later skips are plain skips."""
    done = [a for a in ACTIVITIES if a not in ("sharing.ambition.shared_ambition", "agreeing.organisation.roles")
            and not a.startswith(("shaping.", "implementing."))]
    advice = phase_advice("shaping", done)
    assert of(advice, "phases.skipped-before-switch") == ["sharing.ambition.shared_ambition"]
    assert of(advice, "phases.skipped") == ["agreeing.organisation.roles"]
    warning = advice["phases.skipped-before-switch[sharing.ambition.shared_ambition]"]
    assert "Definiëren en aanscherpen van een gedeelde ambitie" in warning.title
    paths = [e.path for e in warning.explanation.supports[0].evidence]
    assert paths == ["phase.done", "phase"]


def test_catch_up_at_the_switch_point():
    """In sharing, an exploring activity not done is to be caught up on before moving on, not yet a warning."""
    advice = scenario("diagnosis_phase_sharing")
    assert of(advice, "phases.catch-up") == ["exploring.ambition.core_issue", "exploring.organisation.right_partners",
                                             "exploring.organisation.desired_relations"]
    assert advice["phases.catch-up[exploring.ambition.core_issue]"].kind == "recommendation"
    assert "phases.skipped-before-switch" not in advice


def test_done_ahead_of_the_switch_point():
    """Work of agreeing or later done before sharing is passed is flagged; early sharing work is not."""
    advice = scenario("diagnosis_phase_exploring")
    assert of(advice, "phases.ahead-of-switch") == ["agreeing.ambition.starting_point",
                                                    "shaping.organisation.design_organisation"]
    assert "phases.ahead-of-switch" not in phase_advice("exploring", ["sharing.ambition.shared_ambition"])
    assert "phases.ahead-of-switch" not in phase_advice("agreeing", ["shaping.organisation.design_organisation"])


def test_domain_neglected():
    """A domain in which no activity of an earlier phase is done is neglected; one done activity is enough to count."""
    advice = scenario("diagnosis_phase_sharing")
    assert of(advice, "phases.domain-neglected") == ["organisation"]
    warning = advice["phases.domain-neglected[organisation]"]
    assert warning.title == "The domain organisation (organisatie) has been neglected so far"
    assert warning.explanation.supports[0].evidence[0].values == {
        "domain": "organisation", "current": "sharing", "earlier": 2, "earlier_done": 0, "open": 3}
    assert "phases.domain-neglected" not in phase_advice("exploring", [])


def test_empty_checklist_counts_as_filled_in():
    """An empty list of done activities is a checklist on which nothing is ticked, and survives a round trip."""
    advice = phase_advice("sharing", [])
    assert len(of(advice, "phases.catch-up")) == 16
    case = interorg.case_from_dict({"phase": {"current": "sharing", "done": []}})
    assert interorg.case_to_dict(case) == {"phase": {"current": "sharing", "done": []}}


def test_unknown_activity_is_an_error():
    """An activity id that is not on the checklist is reported with its path and the closest id."""
    with pytest.raises(interorg.CaseError, match=r"phase.done\[1\]: expected one of exploring.ambition.core_issue"):
        interorg.case_from_dict({"phase": {"current": "sharing", "done": ["exploring.ambition.core_issue",
                                                                          "exploring.ambition.core"]}})


def test_dutch_phase_advice():
    """In Dutch the phase and the activities keep the source's words."""
    advice = phase_advice("shaping", [], lang="nl")
    assert advice["phases.shaping"].title == "De samenwerking is in de fase vormgeven"
    assert advice["phases.next[shaping.relationship.team_building]"].title == \
        "Nog te doen in deze fase (relatie): Teamvorming"


def test_competition_law_with_exclusivity_or_a_competitor_in_the_core():
    """Exclusivity agreements, or a competitor in the core, make the open competition-law activity a high action."""
    advice = scenario("diagnosis_phase_competition")
    assert of(advice, "phases.competition") == ["installa", "warmtewerk", "klimaatplus"]
    assert advice["phases.competition[klimaatplus]"].priority == "high"
    (action,) = [a for a in advice.counsel.plan if "phases.competition" in a.rules]
    assert action.rank == 1 and "network.position.competitor-in-core[klimaatplus]" in action.answers


@pytest.mark.parametrize("done", [True, False])
def test_competition_law_needs_the_checklist_and_the_activity_open(done):
    """Done, or with no checklist at all, the competition-law activity is not asked for."""
    partners = [{"id": "a", "criteria": {"exclusivity": True}}]
    phase = {"current": "sharing", "done": ["sharing.ambition.competition"]} if done else {"current": "sharing"}
    advice = interorg.advise({"partners": partners, "phase": phase})
    assert of(advice, "phases.competition") == []
