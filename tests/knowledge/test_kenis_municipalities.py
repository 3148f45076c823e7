"""Kenis (2011) per municipality: each municipality in its quadrant, and the region advised on from the mix."""

import pytest

import interorg
from conftest import DATA, scenario

PARTNERS = [{"id": "eersel", "name": "Gemeente Eersel", "kind": "municipality"},
            {"id": "bladel", "name": "Gemeente Bladel", "kind": "municipality"}]

QUADRANTS = [
    ("standard", True, "quadrant-i"),
    ("complex", True, "quadrant-ii"),
    ("standard", False, "quadrant-iii"),
    ("complex", False, "quadrant-iv"),
]


def per_municipality(*entries, lang="en", **care):
    """Advise on a case of the two partners whose care is given per municipality."""
    municipalities = [dict(zip(("municipality", "demand", "supply_in_municipality"), entry)) for entry in entries]
    return interorg.advise({"partners": PARTNERS, "care": {**care, "municipalities": municipalities}}, lang=lang)


def words(text):
    """A text with its lines joined, so a check does not hang on where a line wraps."""
    return " ".join(text.split())


def quadrant_keys(advice):
    return [c.key for c in advice.conclusions if ".quadrant-" in c.id and c.model == "kenis.need"]


@pytest.mark.parametrize("demand, supply, quadrant", QUADRANTS)
def test_each_municipality_in_its_quadrant(demand, supply, quadrant):
    """Each combination places the municipality in its own quadrant, as its subject, from its entry."""
    advice = per_municipality(("eersel", demand, supply))
    assert quadrant_keys(advice) == [f"kenis.need.municipal.{quadrant}[eersel]"]
    evidence = advice[f"kenis.need.municipal.{quadrant}"].explanation.supports[0].evidence[0]
    assert evidence.path == "care.municipalities[0]"
    assert evidence.values["demand"] == demand and evidence.values["supply_in_municipality"] is supply


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("demand, supply, quadrant", QUADRANTS)
def test_a_municipality_is_told_what_the_whole_case_is_told(demand, supply, quadrant, lang):
    """A municipality's quadrant has the title, text, priority and sources of the whole-case quadrant."""
    whole = interorg.advise({"care": {"demand": demand, "supply_in_municipality": supply}}, lang=lang)
    placed = per_municipality(("eersel", demand, supply), lang=lang)
    a, b = whole[f"kenis.need.{quadrant}"], placed[f"kenis.need.municipal.{quadrant}"]
    assert (a.title, a.text, a.priority, a.basis, a.sources) == (b.title, b.text, b.priority, b.basis, b.sources)


def test_a_municipality_is_named_by_id_or_name():
    """A partner's name refers to it as well as its id; the subject is the id, shown by the name."""
    advice = per_municipality(("Gemeente Bladel", "complex", False), ("eersel", "complex", True))
    assert quadrant_keys(advice) == ["kenis.need.municipal.quadrant-ii[eersel]", "kenis.need.municipal.quadrant-iv[bladel]"]
    assert ("Quadrant IV: need for municipal collaboration to secure the supply, and to facilitate collaboration"
            " (Gemeente Bladel)") in words(advice.to_text())


def test_per_type_of_care_the_subject_is_municipality_and_type():
    """With a care_type, a municipality is placed once per type of care, shown as municipality – type."""
    advice = scenario("kenis_municipalities_care_types")
    assert quadrant_keys(advice) == ["kenis.need.municipal.quadrant-i[eersel~dagbesteding]",
                                     "kenis.need.municipal.quadrant-iii[reusel~dagbesteding]",
                                     "kenis.need.municipal.quadrant-iv[eersel~jeugd-ggz]"]
    text = words(advice.to_text())
    assert "(Gemeente Eersel – jeugd-ggz)" in text and "(Gemeente Reusel-De Mierden – dagbesteding)" in text
    assert advice.to_text(partner="reusel").count("Quadrant") == 1


def test_the_example_has_two_municipalities_in_ii_and_two_in_iv():
    """The youth-care example places Eersel and Bergeijk in II and Bladel and Reusel in IV, no whole-case quadrant."""
    advice = interorg.advise(interorg.example_case())
    assert quadrant_keys(advice) == [
        "kenis.need.municipal.quadrant-ii[eersel]", "kenis.need.municipal.quadrant-ii[bergeijk]",
        "kenis.need.municipal.quadrant-iv[bladel]", "kenis.need.municipal.quadrant-iv[reusel]"]
    assert {m.id: m.status for m in advice.models}["kenis.need"] == "applied"
    (support,) = advice["kenis.need.municipal.need-differs"].explanation.supports  # once for the region
    present, missing = support.evidence
    assert [s.evidence[0].key for s in present.explanation.supports] == [
        "kenis.need.municipal.quadrant-ii[bergeijk]", "kenis.need.municipal.quadrant-ii[eersel]"]
    assert [s.evidence[0].key for s in missing.explanation.supports] == [
        "kenis.need.municipal.quadrant-iv[bladel]", "kenis.need.municipal.quadrant-iv[reusel]"]
    text = words(advice.to_text(kinds=("finding",)))  # the brief default counts the low-priority findings
    assert text.count("Quadrant II:") == 1 and text.count("Quadrant IV:") == 1  # each quadrant once, its subjects together
    assert "(Gemeente Eersel; also: Gemeente Bergeijk)" in text


@pytest.mark.parametrize("entries, differs", [
    ((("eersel", "complex", True), ("bladel", "complex", False)), True),    # II and IV
    ((("eersel", "standard", True), ("bladel", "standard", False)), True),  # I and III
    ((("eersel", "standard", True), ("bladel", "complex", False)), True),   # I and IV
    ((("eersel", "complex", False), ("bladel", "standard", False)), False),  # IV and III: all need it
    ((("eersel", "complex", True), ("bladel", "standard", True)), False),    # II and I: none needs it
])
def test_secure_where_missing_facilitate_where_present(entries, differs):
    """Only a region with municipalities on both sides of the supply column is told to treat them apart."""
    advice = per_municipality(*entries)
    assert ("kenis.need.municipal.need-differs" in advice) is differs
    if differs:
        assert advice["kenis.need.municipal.need-differs"].basis == "derived"


def test_no_municipality_in_need_and_a_reason_for_the_organisations():
    """All municipalities in I or II and a power reason: the whole-case warning, for the region, per reason."""
    advice = scenario("kenis_municipalities_no_need")
    warning = advice["kenis.need.municipal.collaboration-without-need[power]"]
    whole = interorg.advise({"care": {"demand": "standard", "supply_in_municipality": True},
                             "reasons": [{"reason": "power"}]})["kenis.need.collaboration-without-need[power]"]
    assert (warning.title, warning.text, warning.priority) == (whole.title, whole.text, whole.priority)
    assert warning.reason != whole.reason and "I or II" in warning.reason
    assert "kenis.need.collaboration-without-need" not in advice


def test_one_municipality_in_need_withholds_the_warning():
    """One municipality in III: the region has a need, so no collaboration-without-need."""
    advice = interorg.advise({"partners": PARTNERS, "reasons": [{"reason": "power"}], "care": {
        "municipalities": [{"municipality": "eersel", "demand": "standard", "supply_in_municipality": True},
                           {"municipality": "bladel", "demand": "standard", "supply_in_municipality": False}]}})
    assert "kenis.reasons.organisation-serving[power]" in advice
    assert not [key for key in advice.ids() if "collaboration-without-need" in key]


@pytest.mark.parametrize("care, expected", [
    ({}, True),
    ({"region_basis": "per_demand_type"}, False),                          # drawn per type already
    ({"region_basis": "administrative"}, True),
    ({"leading": "demand"}, False),                                        # region-per-demand says it
])
def test_standard_and_complex_demand_are_not_one_region(care, expected):
    """Standard demand in one municipality and complex in another: not one region for every type of care."""
    advice = per_municipality(("eersel", "standard", True), ("bladel", "complex", True), **care)
    assert ("kenis.need.municipal.not-one-region" in advice) is expected
    if care.get("leading") == "demand":
        assert "kenis.conclusions.region-per-demand" in advice  # the advice is given once, by the source's rule
    assert "kenis.need.municipal.not-one-region" not in per_municipality(("eersel", "complex", True),
                                                                         ("bladel", "complex", False), **care)


def test_the_region_is_explained_once_however_many_municipalities():
    """The region's advice rests on one step per side of the matrix, so its explanation grows with the municipalities."""
    partners = [{"id": f"g{i}", "kind": "municipality"} for i in range(40)]
    entries = [{"municipality": f"g{i}", "demand": ("standard", "complex")[i % 2], "supply_in_municipality": i < 20}
               for i in range(40)]
    advice = interorg.advise({"partners": partners, "care": {"municipalities": entries}})
    for key in ("kenis.need.municipal.need-differs", "kenis.need.municipal.not-one-region"):
        assert len(advice[key].explanation.supports) == 1
    assert len(advice["kenis.need.municipal.supply-present"].explanation.supports) == 20


def test_complex_municipalities_make_one_multi_organisation_network():
    """The network finding is drawn once for the region, resting on every municipality with complex demand."""
    advice = per_municipality(("eersel", "complex", True), ("bladel", "complex", False))
    network = advice["kenis.need.multi-organisation-network"]
    assert [s.evidence[0].path for s in network.explanation.supports] == ["care.municipalities[0]",
                                                                        "care.municipalities[1]"]


WHOLE_CASE = {
    "kenis_quadrant_i_power": "kenis.need.quadrant-i",
    "kenis_quadrant_ii_demand_led": "kenis.need.quadrant-ii",
    "kenis_quadrant_ii_power": "kenis.need.quadrant-ii",
    "kenis_quadrant_iii": "kenis.need.quadrant-iii",
    "kenis_coordination_all_gaps": "kenis.need.quadrant-iv",
}


@pytest.mark.parametrize("name", sorted(WHOLE_CASE))
def test_the_whole_case_form_is_placed_as_before(name):
    """A case with one care section is placed in one quadrant for the whole case, with no municipality's rules."""
    advice = scenario(name)
    assert quadrant_keys(advice) == [WHOLE_CASE[name]]
    assert advice[WHOLE_CASE[name]].explanation.supports[0].evidence[0].path == "care"
    assert not [key for key in advice.ids() if key.startswith("kenis.need.municipal.")]


def test_model_needs_either_form():
    """kenis.need applies to either form; with neither it asks for the whole-case fields first."""
    status = {m.id: m for m in interorg.advise({"name": "Leeg"}).models}["kenis.need"]
    assert status.status == "not_applied"
    assert [m.path for m in status.missing] == ["care.demand", "care.supply_in_municipality"]
    assert "care.municipalities" in status.to_apply
    partial = per_municipality(("eersel", "complex", None))
    assert [m.path for m in {m.id: m for m in partial.models}["kenis.need"].missing] == ["care.supply_in_municipality"]


def test_bad_municipalities_are_reported_at_once_with_paths():
    """Unknown municipalities, other kinds of partner, repeats and a whole-case supply beside them: all at once."""
    with pytest.raises(interorg.CaseError) as info:
        interorg.load_case(DATA / "bad_municipalities.yaml")
    messages = [f"{p.path}: {p.message}" for p in info.value.problems]
    assert messages == [
        "care.municipalities[4].care_type: expected an id of letters, digits, '_', '.' or '-'; got 'jeugd ggz'",
        "care.municipalities[4].demand: expected one of standard, complex; got 'complx'",
        "care.municipalities[4].supply_in_municipality: expected true or false; got 'maybe'",
        "care.supply_in_municipality: the care supply is given per municipality under care.municipalities; give it"
        " there only, not for the whole case as well",
        "care.municipalities[1]: municipality 'eersel' is already given at care.municipalities[0]; give each"
        " municipality once per type of care",
        "care.municipalities[2].municipality: unknown municipality 'Gemeente Veldhoven'; expected the id or name of"
        " a partner (eersel, jeugdzorg)",
        "care.municipalities[3].municipality: partner 'jeugdzorg' is of kind 'care_provider'; expected a municipality",
    ]
    assert "bad_municipalities.yaml: care.municipalities[2].municipality (line 10, column 22)" in str(info.value)


def test_without_partners_a_municipality_cannot_be_named():
    """A municipality needs the partners listed: the error says none are."""
    with pytest.raises(interorg.CaseError, match="no partners"):
        interorg.advise({"care": {"municipalities": [{"municipality": "eersel", "demand": "complex"}]}})


def test_dutch_region_advice():
    """The region's advice reads in Dutch, with the source's terms."""
    advice = interorg.advise(interorg.example_case(), lang="nl")
    differs = advice["kenis.need.municipal.need-differs"]
    assert differs.title == "Verzeker het aanbod waar het in een gemeente ontbreekt, en faciliteer samenwerking waar de zorg complex is"
    assert "nood aan gemeentelijke samenwerking" in differs.text and "binnen de gemeente" in differs.text
    assert "(Gemeente Eersel; ook: Gemeente Bergeijk)" in words(advice.to_text())
