"""Trust, vigilance and opportunism per relationship: quadrants, triggers, forms and chained advice."""

import json

import pytest

import interorg
from conftest import scenario
from interorg.cli import main

REL = "a~b"
BUILDERS = ("self_awareness", "sincere_interest", "transparency", "reliability")
SIGNS = ("fear", "scepticism", "cynicism", "need_for_control")


def advise(lang="en", **relationship):
    """Advise on a case with partners a and b and the one relationship a~b described by ``relationship``."""
    case = {"partners": [{"id": "a"}, {"id": "b"}],
            "relationships": [{"between": ["a", "b"], **relationship}]}
    return interorg.advise(case, lang=lang)


def ids_with(advice, prefix):
    return [c.id for c in advice.conclusions if c.id.startswith(prefix)]


def levels(advice, dimension):
    """The level conclusions ('trust' or 'vigilance') drawn about a~b."""
    names = {f"trust.quadrants.{dimension}-high", f"trust.quadrants.{dimension}-low"}
    return [c.id for c in advice.conclusions if c.id in names]


def evidence(conclusion, support=0):
    return conclusion.explanation.supports[support].evidence


# --- Levels and quadrants -----------------------------------------------------------

QUADRANTS = [
    ("high", "high", "trust.quadrants.calculated-connection", "ieder staat voor zijn zaak",
     "trust.quadrants.work-calculated"),
    ("high", "low", "trust.quadrants.unhindered-collaboration", "gaan met die banaan",
     "trust.quadrants.work-unhindered"),
    ("low", "high", "trust.quadrants.vigilant-contracting", "je vingers natellen",
     "trust.quadrants.work-vigilant"),
    ("low", "low", "trust.quadrants.exploratory-exchange", "de kat uit de boom kijken",
     "trust.quadrants.work-exploratory"),
]


@pytest.mark.parametrize("trust, vigilance, quadrant, saying, work", QUADRANTS, ids=[q[2] for q in QUADRANTS])
def test_stated_levels_give_exactly_one_quadrant(trust, vigilance, quadrant, saying, work):
    """Each stated trust × vigilance pair falls in its own quadrant, resting on both level conclusions."""
    advice = advise(trust=trust, vigilance=vigilance)
    quadrants = [c.id for c in advice.conclusions if c.model == "trust.quadrants" and c.id in {q[2] for q in QUADRANTS}]
    assert quadrants == [quadrant]
    found = advice[f"{quadrant}[{REL}]"]
    assert found.subject == REL and found.kind == "finding" and found.basis == "source"
    levels = evidence(found)
    assert [e.rule for e in levels] == [f"trust.quadrants.trust-{trust}", f"trust.quadrants.vigilance-{vigilance}"]
    assert all(e.explanation.supports[0].evidence[0].path == "relationships[0]" for e in levels)
    assert saying in advise(lang="nl", trust=trust, vigilance=vigilance)[quadrant].title.lower()


@pytest.mark.parametrize("trust, vigilance, quadrant, saying, work", QUADRANTS, ids=[q[4] for q in QUADRANTS])
def test_each_quadrant_says_how_to_work_together(trust, vigilance, quadrant, saying, work):
    """Each quadrant chains into its own recommendation on how the partners work together."""
    advice = advise(trust=trust, vigilance=vigilance)
    recommendation = advice[f"{work}[{REL}]"]
    assert recommendation.kind == "recommendation" and recommendation.basis == "derived"
    assert [e.rule for e in evidence(recommendation)] == [quadrant]
    assert {c.source for c in recommendation.sources} == {"common-eye-workbook", "lewicki-1998"}
    assert len([c for c in advice.conclusions if c.id.startswith("trust.quadrants.work-")]) == 1


def test_all_four_builders_do_not_gauge_trust():
    """Without a stated level, all four trust-building elements build trust but give no level of it."""
    advice = advise(**dict.fromkeys(BUILDERS, True))
    assert levels(advice, "trust") == []
    assert not [c for c in advice.conclusions if c.id.startswith("trust.building.")]


def test_a_pair_that_just_met_is_not_unhindered():
    """All four builders and no signs of vigilance do not put a pair in onbelemmerd samenwerken."""
    advice = advise(**dict.fromkeys(BUILDERS, True), **dict.fromkeys(SIGNS, False))
    assert levels(advice, "trust") == [] and levels(advice, "vigilance") == ["trust.quadrants.vigilance-low"]
    assert not [c for c in advice.conclusions if c.id in {q[2] for q in QUADRANTS}]


@pytest.mark.parametrize("missing", BUILDERS)
def test_trust_low_from_a_missing_builder(missing):
    """Without a stated level, one missing trust-building element gives low trust, naming that element."""
    advice = advise(**{**dict.fromkeys(BUILDERS, True), missing: False})
    assert levels(advice, "trust") == ["trust.quadrants.trust-low"]
    (fact,) = evidence(advice["trust.quadrants.trust-low"])
    assert fact.values[missing] is False
    label = interorg.load_knowledge().label("relationship", missing)
    assert fact.summary.endswith(f"{label} = no")


@pytest.mark.parametrize("sign", SIGNS)
def test_vigilance_high_from_any_sign(sign):
    """Without a stated level, one sign of vigilance (fear, scepticism, cynicism, need for control) gives high."""
    advice = advise(**{sign: True})
    assert levels(advice, "vigilance") == ["trust.quadrants.vigilance-high"]
    (fact,) = evidence(advice["trust.quadrants.vigilance-high"])
    assert fact.values == {"id": REL, "partner_a": "a", "partner_b": "b", sign: True}


def test_vigilance_low_needs_all_four_signs_absent():
    """All four signs seen absent give low vigilance; three absent and one unknown give no level."""
    advice = advise(**dict.fromkeys(SIGNS, False))
    assert levels(advice, "vigilance") == ["trust.quadrants.vigilance-low"]
    assert "angst" in evidence(advice["trust.quadrants.vigilance-low"])[0].summary
    partial = advise(**dict.fromkeys(SIGNS[:3], False))
    assert levels(partial, "vigilance") == []


def test_partial_builders_give_no_trust_level():
    """Three trust-building elements present and one unknown: no level is guessed, no quadrant drawn."""
    advice = advise(vigilance="low", **dict.fromkeys(BUILDERS[:3], True))
    assert levels(advice, "trust") == []
    assert "trust.quadrants.unhindered-collaboration" not in advice


def test_quadrant_from_signals_only():
    """Signals alone place a relationship: a builder missing and no signs of vigilance is exploratory exchange."""
    advice = advise(**{**dict.fromkeys(BUILDERS, True), "self_awareness": False}, **dict.fromkeys(SIGNS, False))
    quadrant = advice[f"trust.quadrants.exploratory-exchange[{REL}]"]
    trust, vigilance = evidence(quadrant)
    assert trust.explanation.supports[0].evidence[0].values["self_awareness"] is False
    assert vigilance.explanation.supports[0].evidence[0].values["need_for_control"] is False


# --- Contradictions ----------------------------------------------------------------

@pytest.mark.parametrize("relationship, rule", [
    ({"trust": "high", "reliability": False}, "trust.quadrants.trust-contradicted"),
    ({"vigilance": "low", "cynicism": True}, "trust.quadrants.vigilance-contradicted"),
    ({"vigilance": "high", **dict.fromkeys(SIGNS, False)}, "trust.quadrants.vigilance-contradicted"),
], ids=["trust-high-missing-builder", "vigilance-low-sign", "vigilance-high-no-signs"])
def test_level_contradicted_by_signals_is_a_warning(relationship, rule):
    """A stated level that its signals contradict gives a warning that withholds the advice resting on it."""
    advice = advise(**relationship)
    warning = advice[f"{rule}[{REL}]"]
    assert warning.kind == "warning" and "does not place the relationship in a quadrant" in warning.text
    assert evidence(warning)[0].path == "relationships[0]"
    dimension = "trust" if "trust" in relationship else "vigilance"
    assert levels(advice, dimension) == [f"trust.quadrants.{dimension}-{relationship[dimension]}"]


def test_low_trust_with_all_builders_is_no_contradiction():
    """Stated low trust with all four builders present is trust still being built, not a contradiction."""
    advice = advise(trust="low", **dict.fromkeys(BUILDERS, True))
    assert "trust.quadrants.trust-contradicted" not in advice
    assert levels(advice, "trust") == ["trust.quadrants.trust-low"]


def test_agreeing_levels_and_signals_give_no_warning():
    """A stated level that the signals confirm gives no contradiction warning."""
    advice = advise(trust="high", vigilance="high", fear=True, **dict.fromkeys(BUILDERS, True))
    assert not [c for c in advice.conclusions if c.id.endswith("-contradicted")]


# --- Opportunism: triggers, forms, safeguards --------------------------------------

TRIGGERS = [
    ({"information_asymmetry": True}, "trust.opportunism.information-asymmetry",
     ["trust.opportunism.evasion", "trust.opportunism.violation"], "trust.opportunism.monitoring"),
    ({"transparency": False}, "trust.opportunism.lack-of-transparency",
     ["trust.opportunism.evasion", "trust.opportunism.violation"], "trust.opportunism.monitoring"),
    ({"lock_in": "specific_investments"}, "trust.opportunism.lock-in",
     ["trust.opportunism.refusal-to-adapt", "trust.opportunism.forced-renegotiation"],
     "trust.opportunism.balance-dependence"),
    ({"lock_in": "single_partner"}, "trust.opportunism.lock-in",
     ["trust.opportunism.refusal-to-adapt", "trust.opportunism.forced-renegotiation"],
     "trust.opportunism.balance-dependence"),
    ({"lock_in": "both"}, "trust.opportunism.lock-in",
     ["trust.opportunism.refusal-to-adapt", "trust.opportunism.forced-renegotiation"],
     "trust.opportunism.balance-dependence"),
]


@pytest.mark.parametrize("relationship, trigger, forms, safeguard", TRIGGERS,
                         ids=["information-asymmetry", "lack-of-transparency", "lock-in-investments",
                              "lock-in-single-partner", "lock-in-both"])
def test_trigger_makes_its_forms_likely_with_a_safeguard(relationship, trigger, forms, safeguard):
    """Each trigger is a warning; its forms chain on it (derived), and so does the safeguard.

    The workbook names the triggers; lock-in is derived all the same, because the rule also
    reads a lock-in from the dependencies, which the workbook does not.
    """
    advice = advise(**relationship)
    found = advice[f"{trigger}[{REL}]"]
    assert found.kind == "warning"
    assert found.basis == ("derived" if trigger == "trust.opportunism.lock-in" else "source")
    (field,) = relationship
    assert evidence(found)[0].values[field] == relationship[field]
    likely = [c.id for c in advice.conclusions if c.id in {
        "trust.opportunism.evasion", "trust.opportunism.violation",
        "trust.opportunism.refusal-to-adapt", "trust.opportunism.forced-renegotiation"}]
    assert likely == forms
    for form in forms:
        conclusion = advice[f"{form}[{REL}]"]
        assert conclusion.basis == "derived" and "wathne-heide-2000" in {c.source for c in conclusion.sources}
        assert [e.rule for e in evidence(conclusion)] == [trigger]
    recommendation = advice[f"{safeguard}[{REL}]"]
    assert recommendation.kind == "recommendation"
    assert {e.rule for s in recommendation.explanation.supports for e in s.evidence} == set(forms)


@pytest.mark.parametrize("relationship", [
    {"information_asymmetry": False, "transparency": True, "lock_in": "none"}, {}],
    ids=["no-triggers", "nothing-known"])
def test_no_trigger_no_opportunism(relationship):
    """Triggers seen absent, or not given, give no opportunism conclusion."""
    assert ids_with(advise(**relationship), "trust.opportunism.") == []


def test_both_information_triggers_support_the_form_twice():
    """Information asymmetry and a lack of transparency each support evasion: two ways, both explained."""
    advice = advise(information_asymmetry=True, transparency=False)
    supports = advice[f"trust.opportunism.evasion[{REL}]"].explanation.supports
    assert sorted(s.evidence[0].rule for s in supports) == [
        "trust.opportunism.information-asymmetry", "trust.opportunism.lack-of-transparency"]


# --- Trust building and Krackhardt ----------------------------------------------------

@pytest.mark.parametrize("element", BUILDERS)
def test_missing_builder_becomes_a_recommendation(element):
    """A trust-building element seen missing gives its own concrete recommendation; present gives none."""
    rule = f"trust.building.{element.replace('_', '-')}"
    advice = advise(**{element: False})
    recommendation = advice[f"{rule}[{REL}]"]
    assert recommendation.kind == "recommendation" and recommendation.subject == REL
    assert evidence(recommendation)[0].values[element] is False
    assert rule not in advise(**{element: True})


@pytest.mark.parametrize("relationship", [
    {"trust": "low", "contact": "low"},
    {"contact": "low"},
    {"trust": "high", "contact": "low"},
], ids=["trust-to-be-built", "trust-unknown", "high-trust"])
def test_trust_paradox(relationship):
    """Little time, interaction and affection is the trust paradox, whatever the level of trust."""
    warning = advise(**relationship)[f"trust.paradox[{REL}]"]
    (fact,) = evidence(warning)
    assert fact.path == "relationships[0]" and fact.values["contact"] == "low"
    assert "beknibbelen" in warning.text and "affection" in warning.text


def test_no_trust_paradox_with_ample_contact():
    """Ample time, interaction and affection is not the trust paradox."""
    assert "trust.paradox" not in advise(trust="high", contact="high")


def test_contact_says_the_same_in_both_languages(knowledge):
    """The vocabulary's contact is 'time, interaction and affection' in English and 'tijd, interactie en affectie'."""
    label = knowledge.facts["relationship"].fields["contact"].label
    assert (label.en, label.nl) == ("time, interaction and affection", "tijd, interactie en affectie")


def test_split_loyalties():
    """People answering to both sides give the stable conclusion trust.split-loyalties about the relationship."""
    advice = advise(answers_to_both_sides=True)
    warning = advice[f"trust.split-loyalties[{REL}]"]
    assert warning.kind == "warning" and warning.model == "trust.building"
    assert evidence(warning)[0].values["answers_to_both_sides"] is True
    assert "achterban" in warning.text
    assert "trust.split-loyalties" not in advise(answers_to_both_sides=False)


@pytest.mark.parametrize("trigger, rule", [
    ({"lock_in": "specific_investments"}, "trust.opportunism.lock-in"),
    ({"information_asymmetry": True}, "trust.opportunism.information-asymmetry"),
], ids=["lock-in", "information-asymmetry"])
def test_blind_spot_in_unhindered_collaboration(trigger, rule):
    """Unhindered collaboration with a trigger is a blind spot, resting on the quadrant and the trigger."""
    warning = advise(trust="high", vigilance="low", **trigger)[f"trust.blind-spot[{REL}]"]
    quadrant, found = evidence(warning)
    assert quadrant.rule == "trust.quadrants.unhindered-collaboration" and found.rule == rule
    assert found.explanation.supports[0].evidence[0].path == "relationships[0]"


@pytest.mark.parametrize("relationship", [
    {"trust": "low", "vigilance": "high", "lock_in": "both"},
    {"trust": "high", "vigilance": "low", "lock_in": "none"},
], ids=["vigilant-with-lock-in", "unhindered-without-trigger"])
def test_no_blind_spot(relationship):
    """A watched relationship with a trigger, or a trusting one without, is no blind spot."""
    assert "trust.blind-spot" not in advise(**relationship)


def test_chained_rules_join_on_the_same_relationship():
    """A trigger in one relationship and unhindered collaboration in another make no blind spot."""
    advice = interorg.advise({
        "partners": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
        "relationships": [{"between": ["a", "b"], "trust": "high", "vigilance": "low", "contact": "high"},
                          {"between": ["a", "c"], "trust": "low", "vigilance": "high", "lock_in": "both",
                           "contact": "low"}]})
    assert "trust.blind-spot" not in advice
    assert advice["trust.paradox"].subject == "a~c"
    assert advice["trust.opportunism.lock-in"].subject == "a~c"
    assert advice["trust.quadrants.unhindered-collaboration"].subject == "a~b"


# --- The example, the scenario and the rule list --------------------------------------

def test_example_places_relationships_in_all_four_quadrants():
    """The bundled example has a relationship in every quadrant, and shows every trust rule."""
    advice = interorg.advise(interorg.example_case())
    subjects = {c.id: c.subject for c in advice.conclusions if c.id in {q[2] for q in QUADRANTS}}
    assert len(subjects) == 4
    assert [c.subject for c in advice.get_all("trust.blind-spot")] == ["bladel~jeugdzorg-kempen",
                                                                       "bergeijk~jeugdzorg-kempen"]
    assert advice["trust.split-loyalties"].subject == "eersel~bergeijk"
    rules = {r.id for r in interorg.load_knowledge().rules if r.model.startswith("trust.")}
    # the example is agreeing: selection is for the phases in which partners are still chosen
    assert rules - {"trust.opportunism.selection"} <= set(advice.ids())
    assert "trust.opportunism.selection" not in advice


def test_scenario_of_a_locked_in_care_provider():
    """The scenario case: a trusting provider relationship with a lock-in is a blind spot, in Dutch too."""
    advice = scenario("trust_locked_in_provider", lang="nl")
    assert advice["trust.blind-spot"].subject == "wijk~thuiszorg"
    assert "blinde vlek" in advice["trust.blind-spot"].title.lower()
    assert advice["trust.quadrants.vigilant-contracting"].subject == "wijk~woningcorporatie"


def test_rules_command_lists_every_trust_rule_with_source_and_basis(capsys):
    """`interorg rules --format json` lists each new rule with its sources and basis."""
    assert main(["rules", "--format", "json"]) == 0
    rows = {row["id"]: row for row in json.loads(capsys.readouterr().out)}
    trust = {rule_id: row for rule_id, row in rows.items() if rule_id.startswith("trust.")}
    assert len(trust) == 32
    assert all(row["sources"] and row["basis"] in ("source", "derived") for row in trust.values())
    assert all(row["reason"] for row in trust.values() if row["basis"] == "derived")
    assert trust["trust.opportunism.evasion"]["sources"][1]["source"] == "wathne-heide-2000"


def test_calculated_connection_is_trust_and_distrust_together():
    """High trust with high vigilance is trust with distrust (after Lewicki): trust, but verify."""
    recommendation = advise(trust="high", vigilance="high")[f"trust.quadrants.work-calculated[{REL}]"]
    assert "distrust" in recommendation.text and "Trust, but verify" in recommendation.text
    assert "not mistake the vigilance for distrust" not in recommendation.text
    dutch = advise(lang="nl", trust="high", vigilance="high")["trust.quadrants.work-calculated"]
    assert "wantrouwen" in dutch.text and "Vertrouw, maar controleer" in dutch.text


# --- Safeguards beyond monitoring and incentives (Wathne & Heide) ------------------------------------

def test_selection_while_partners_are_still_chosen():
    """Every trigger for opportunism, while exploring or sharing, asks for selection; agreeing does not."""
    advice = scenario("trust_opportunism_safeguards")
    assert [c.subject for c in advice.conclusions if c.id == "trust.opportunism.selection"] == [
        "tiel~kredietbank", "culemborg~budgetzorg", "zaltbommel~schuldlab"]
    later = advise(information_asymmetry=True)
    assert "trust.opportunism.selection" not in later
    selection = advice["trust.opportunism.selection[tiel~kredietbank]"]
    assert selection.basis == "derived" and "Wathne" in selection.reason


def test_socialisation_where_a_partner_does_not_share_the_norms():
    """A trigger plus a partner that does not set the group's norms, on either side, asks for socialisation."""
    advice = scenario("trust_opportunism_safeguards")
    found = {c.subject: c for c in advice.conclusions if c.id == "trust.opportunism.socialisation"}
    assert set(found) == {"tiel~kredietbank", "culemborg~budgetzorg", "zaltbommel~schuldlab"}
    assert "Budgetzorg BV" in found["culemborg~budgetzorg"].text
    plain = interorg.advise({"partners": [{"id": "a", "criteria": {"sets_rules_together": True}}, {"id": "b"}],
                             "relationships": [{"between": ["a", "b"], "information_asymmetry": True}]})
    assert "trust.opportunism.socialisation" not in plain
