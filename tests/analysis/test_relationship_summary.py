"""The summary over a collaboration's relationships: quadrants, recurring triggers, risky partners."""

import attrs

import interorg
from interorg import relationship_summary
from interorg.analysis.relationships import QUADRANTS

PARTNERS = [{"id": p} for p in ("a", "b", "c", "d")]


def summary_of(*relationships, lang="en"):
    advice = interorg.advise({"partners": PARTNERS, "relationships": list(relationships)}, lang=lang)
    return advice, relationship_summary(advice)


def test_example_counts_per_quadrant():
    """The example's five relationships: one in each quadrant, and one whose quadrant a conflict set aside."""
    advice = interorg.advise(interorg.example_case())
    summary = relationship_summary(advice)
    counts = {rule: len(ids) for rule, ids in summary.quadrants.items()}
    assert counts == {QUADRANTS[0]: 1, QUADRANTS[1]: 1, QUADRANTS[2]: 1, QUADRANTS[3]: 1, None: 1}
    assert summary.quadrants["trust.quadrants.vigilant-contracting"] == ("eersel~jeugdzorg-kempen",)
    # Bergeijk's stated trust is contradicted by the case: its quadrant rests on it and is set aside
    contested = "bergeijk~jeugdzorg-kempen"
    assert advice.counsel.status(f"trust.quadrants.unhindered-collaboration[{contested}]") == "set-aside"
    assert summary.quadrants[None] == (contested,)
    result = next(r for r in summary.relationships if r.id == contested)
    assert result.quadrant is None and "trust.blind-spot" not in result.risks
    assert f"trust.quadrants.unhindered-collaboration[{contested}]" in result.conclusions
    graph = interorg.network_graph(advice)
    assert graph.edges["bergeijk", "jeugdzorg-kempen", "relationship"]["quadrant"] == ""
    assert graph.edges["bladel", "jeugdzorg-kempen", "relationship"]["quadrant"] == "unhindered-collaboration"


def test_example_recurring_trigger_and_most_risky_partner():
    """In the example information asymmetry and lock-in recur, and the foundation is in the most risky relationships."""
    summary = relationship_summary(interorg.example_case())
    assert summary.recurring_triggers() == {
        "trust.opportunism.information-asymmetry": ("eersel~jeugdzorg-kempen", "bergeijk~jeugdzorg-kempen"),
        # lock-in stated in the case (bladel) or read from the dependencies (the others)
        "trust.opportunism.lock-in": ("bladel~jeugdzorg-kempen", "eersel~jeugdzorg-kempen",
                                      "reusel~ggz-kempen", "bergeijk~jeugdzorg-kempen")}
    assert summary.most_risky_partners() == ("jeugdzorg-kempen",)
    assert summary.partners[0] == ("jeugdzorg-kempen", 3, 3)


def test_relationships_in_case_order_with_their_partners():
    """Results follow the case's order, whatever order the rules concluded in, and name both partners."""
    _, summary = summary_of({"between": ["c", "d"], "trust": "low", "vigilance": "low"},
                            {"between": ["b", "a"], "trust": "high", "vigilance": "high"})
    assert [(r.id, r.partners, r.position) for r in summary.relationships] == [
        ("c~d", ("c", "d"), 0), ("b~a", ("b", "a"), 1)]


def test_risky_means_trigger_blind_spot_paradox_or_split_loyalties():
    """A trigger or split loyalties make a relationship risky; a contradiction or a quadrant alone does not."""
    _, summary = summary_of({"between": ["a", "b"], "lock_in": "both"},
                            {"between": ["a", "c"], "answers_to_both_sides": True},
                            {"between": ["a", "d"], "trust": "high", "reliability": False})
    risky = {r.id: r.risks for r in summary.relationships}
    assert risky == {"a~b": ("trust.opportunism.lock-in",), "a~c": ("trust.split-loyalties",), "a~d": ()}
    assert summary.partners == (("a", 2, 3), ("b", 1, 1), ("c", 1, 1), ("d", 0, 1))
    assert summary.most_risky_partners() == ("a",)


def test_relationship_without_quadrant_is_counted_as_such():
    """A relationship with only a trigger has no quadrant and is counted under None."""
    _, summary = summary_of({"between": ["a", "b"], "information_asymmetry": True})
    assert summary.quadrants[None] == ("a~b",)
    assert summary.relationships[0].quadrant is None


def test_no_relationships_no_summary_section():
    """Without relationships the summary is empty and the renderings leave the section out."""
    advice = interorg.advise({"care": {"demand": "complex", "supply_in_municipality": False}})
    summary = relationship_summary(advice)
    assert summary.relationships == () and summary.most_risky_partners() == ()
    assert "Relationships" not in advice.to_text(full=True)
    assert "## Relationships" not in advice.to_markdown(full=True)


def test_summary_is_rendered_in_every_format():
    """Text, Markdown and HTML each carry the summary, with quadrant names, triggers and partners."""
    advice, _ = summary_of({"between": ["a", "b"], "trust": "high", "vigilance": "low", "lock_in": "both"})
    for rendering in (advice.to_text(full=True), advice.to_markdown(full=True), advice._repr_html_()):
        assert "Relationships" in rendering
        assert "gaan met die banaan" in rendering
        assert "lock-in (lock-in situatie) — 1: a – b" in rendering  # the ids joined as the partners are named
        assert "a: 1 of 1 relationship" in rendering


def test_summary_in_dutch():
    """In Dutch the summary's headings and names are Dutch."""
    advice, _ = summary_of({"between": ["a", "b"], "trust": "low", "vigilance": "high"},
                           {"between": ["c", "d"]}, lang="nl")
    text = advice.to_text(full=True)
    assert "Relaties\n--------" in text and "waakzaam contracteren — je vingers natellen — 1: a – b" in text
    assert "Partners in risicovolle relaties" in text and "- geen" in text


def test_summary_accepts_a_case():
    """Given a case instead of an advice, the summary advises on it first, with the same result."""
    case = interorg.example_case()
    assert relationship_summary(case) == relationship_summary(interorg.advise(case))


def test_summary_names_partners_by_name():
    """Where the case names its partners, the summary shows the names, never the ids of relationships."""
    from interorg.report.summaries import relationship_lines

    lines = "\n".join(relationship_lines(interorg.advise(interorg.example_case())))
    assert "- Gemeente Eersel – Stichting Jeugdzorg Kempen: vigilant contracting" in lines
    assert "- Stichting Jeugdzorg Kempen: 3 of 3 relationships" in lines
    assert "~" not in lines


def test_each_relationship_as_json_holds_all_its_fields():
    """Each relationship's JSON entry is all its fields in their order, as attrs.asdict gives them, tuples as lists."""
    summary = relationship_summary(interorg.advise(interorg.example_case()))
    entries = summary.to_dict()["relationships"]
    assert entries == [{key: list(value) if isinstance(value, tuple) else value
                        for key, value in attrs.asdict(result).items()} for result in summary.relationships]
    assert [list(entry) for entry in entries] == [[field.name for field in attrs.fields(type(result))]
                                                  for result in summary.relationships]
    assert entries[0]["partners"] == list(summary.relationships[0].partners)
