"""The partner network: positions, fit, structure from networkx, and their explanations."""

import networkx as nx
import pytest

import interorg
import interorg.report.plot
from conftest import scenario
from interorg.analysis.network import analyse


def _partners(*ids, extra=None):
    extra = extra or {}
    return [{"id": pid, **extra.get(pid, {})} for pid in ids]


@pytest.fixture(scope="module")
def positions():
    return scenario("network_positions")


@pytest.mark.parametrize("partner, expected", [
    ("both-core-ring", {"network.position.core-and-ring"}),
    ("both-ring-free", {"network.position.ring-and-free-space"}),
    ("contradictory", {"network.position.core-and-free-space"}),
    ("unplaced", {"network.position.none"}),
    ("believed-core", {"network.position.free-space", "network.position.believed-elsewhere-free-space",
                       "network.fit.weak-organisational", "network.fit.weak-criteria-unknown"}),
])
def test_positions_per_partner(positions, partner, expected):
    """Each partner is placed by its criteria in one position at most, with a warning where it fits none or two."""
    found = {c.id for c in positions.conclusions if c.subject == partner}
    assert found == expected


def test_placement_explains_the_criteria(positions):
    """A placement's explanation lists every criterion given, met or not (explain: all)."""
    conclusion = positions["network.position.free-space[believed-core]"]
    evidence = conclusion.explanation.supports[0].evidence[0]
    assert evidence.path == "partners[4].criteria"
    assert "markttransacties" in evidence.summary and "collectieve visie" in evidence.summary
    assert "2 of the 3 criteria" in conclusion.text


def test_placement_threshold():
    """Two core criteria met are not enough for the core; three are, when more hold than fail."""
    def placed(criteria):
        advice = interorg.advise({"partners": [{"id": "p", "criteria": criteria}]})
        return "network.position.core" in advice
    assert not placed({"collective_vision": True, "shares_risk": True})
    assert placed({"collective_vision": True, "shares_risk": True, "exclusivity": True})
    assert not placed({"collective_vision": True, "shares_risk": True, "exclusivity": True,
                       "sets_rules_together": False, "strategy_agreement": "none",
                       "added_value_core_processes": False, "added_value_target_groups": False})


def test_added_value_counts_once():
    """Added value in core processes or in target groups is one criterion, met by either."""
    advice = interorg.advise({"partners": [{"id": "p", "criteria": {
        "added_value_core_processes": True, "added_value_target_groups": True, "collective_vision": True}}]})
    assert "network.position.core" not in advice


def test_believed_position_contradicted():
    """A partner believed to be in the ring whose criteria place it in the core is flagged, with both positions."""
    advice = interorg.advise(interorg.example_case())
    conclusion = advice["network.position.believed-elsewhere-core[jeugdzorg-kempen]"]
    assert "complementary ring (complementaire ring)" in conclusion.title
    assert conclusion.title.startswith("Stichting Jeugdzorg Kempen")


def test_no_ties(positions):
    """Partners without any relationship or dependency: the structure cannot be read."""
    assert "network.structure.no-ties" in positions
    assert "network.structure.broker" not in positions


@pytest.mark.parametrize("dimension", ["strategic", "cultural", "organisational", "operational"])
def test_weak_fit_dimension(dimension):
    """Each weak Douma dimension gives its recommendation; a strong one does not."""
    weak = interorg.advise({"partners": [{"id": "p", "fit": {dimension: "weak"}}]})
    strong = interorg.advise({"partners": [{"id": "p", "fit": {dimension: "strong"}}]})
    assert f"network.fit.weak-{dimension}[p]" in weak
    assert not [c for c in strong.ids() if c.startswith("network.fit.")]


def test_core_without_strategic_fit():
    """A partner believed to be core with weak strategic fit is a warning; in the ring it is not."""
    core = interorg.advise({"partners": [{"id": "p", "position": "core", "fit": {"strategic": "weak"}}]})
    ring = interorg.advise({"partners": [{"id": "p", "position": "ring", "fit": {"strategic": "weak"}}]})
    assert "network.fit.core-without-strategic-fit" in core
    assert "network.fit.core-without-strategic-fit" not in ring


STAR = {
    "partners": _partners("hub", "a", "b", "c", "d"),
    "dependencies": [{"partner": p, "on": "hub", "strength": "high"} for p in ("a", "b", "c")]
    + [{"partner": "hub", "on": "a", "strength": "low"}],
    "relationships": [{"between": ["a", "hub"]}],
}


def test_broker_is_an_articulation_point():
    """The centre of a star bridges the others; the leaves do not."""
    advice = interorg.advise(STAR)
    brokers = [c.subject for c in advice.conclusions if c.id == "network.structure.broker"]
    assert brokers == ["hub"]
    evidence = advice["network.structure.broker[hub]"].explanation.supports[0].evidence[0]
    assert evidence.path == "partners[0]" and evidence.values["broker"] is True


def test_hub_and_lock_in_chain_into_opportunism():
    """Partners depending strongly on one hub: a hub warning, lock-in for their relationship, and opportunism."""
    advice = interorg.advise(STAR)
    hub = advice["network.structure.hub[hub]"]
    assert hub.title.startswith("3 partners")
    lock_in = advice["network.structure.hub-lock-in[a~hub]"]
    assert [e.rule for e in lock_in.explanation.supports[0].evidence[:1]] == ["network.structure.hub"]
    opportunism = advice["trust.opportunism.lock-in[a~hub]"]
    rules = {e.rule for s in opportunism.explanation.supports for e in s.evidence if e.type == "conclusion"}
    paths = {e.path for s in opportunism.explanation.supports for e in s.evidence if e.type == "input"}
    assert rules == {"network.structure.hub-lock-in"} and paths == {"dependencies[0]"}
    assert "trust.opportunism.refusal-to-adapt[a~hub]" in advice


def test_power_imbalance_and_sole_dependence():
    """One-sided strong dependence is a power imbalance; a partner's only strong dependence is a lock-in."""
    advice = interorg.advise(STAR)
    assert advice["network.structure.power-imbalance[a>hub]"].text.count("weak (zwak)") == 1
    assert "network.structure.power-imbalance[b>hub]" in advice
    assert "network.structure.sole-dependence[a>hub]" in advice
    # no dependence back reads as a value, not as an adverb of "depends"
    one_way = interorg.advise({"partners": _partners("x", "y"), "dependencies": [
        {"partner": "x", "on": "y", "strength": "high"}]})
    assert ("the dependence the other way, of y on x, is none (geen)."
            in one_way["network.structure.power-imbalance[x>y]"].text)
    balanced = interorg.advise({"partners": _partners("x", "y"), "dependencies": [
        {"partner": "x", "on": "y", "strength": "high"}, {"partner": "y", "on": "x", "strength": "high"}]})
    assert not [c for c in balanced.ids() if c == "network.structure.power-imbalance"]


def test_core_that_is_not_one():
    """Core members without ties to each other: a core that is not one, per isolated member too."""
    case = {"partners": _partners("a", "b", "c", extra={"a": {"position": "core"}, "b": {"position": "core"}}),
            "relationships": [{"between": ["a", "c"]}, {"between": ["b", "c"]}]}
    advice = interorg.advise(case)
    assert "network.structure.core-not-connected" in advice
    assert {c.subject for c in advice.conclusions if c.id == "network.structure.core-isolated"} == {"a", "b"}
    tied = dict(case, relationships=case["relationships"] + [{"between": ["a", "b"]}])
    assert "network.structure.core-not-connected" not in interorg.advise(tied)


def test_core_partner_at_the_edge():
    """A partner believed to be core with a single tie, in a network of three or more, is peripheral."""
    advice = interorg.advise(STAR | {"partners": _partners("hub", "a", "b", "c", "d",
                                                           extra={"d": {"position": "core"}}),
                                     "relationships": [{"between": ["d", "hub"]}]})
    assert "network.structure.core-peripheral[d]" in advice
    assert "network.structure.core-peripheral[hub]" not in advice


def test_separate_groups():
    """Two groups without a tie between them are reported with their number."""
    advice = interorg.advise({"partners": _partners("a", "b", "c", "d"),
                              "relationships": [{"between": ["a", "b"]}, {"between": ["c", "d"]}]})
    assert advice["network.structure.separate-groups"].title == "The partners fall apart into 2 separate groups"


def test_analyse_uses_networkx_structure():
    """analyse() agrees with networkx on articulation points and degrees for the example."""
    case = interorg.example_case()
    facts = analyse(case)
    ties = interorg.analysis.network.tie_graph(case)
    assert {p.id for p in facts.by_partner if p.broker} == set(nx.articulation_points(ties))
    assert {p.id: p.degree for p in facts.by_partner} == dict(ties.degree())


def test_network_graph_attributes():
    """network_graph() gives nodes with positions, fit and structure, and keyed edges."""
    graph = interorg.network_graph(interorg.example_case())
    assert isinstance(graph, nx.MultiDiGraph)
    node = graph.nodes["jeugdzorg-kempen"]
    assert (node["position"], node["placed"], node["broker"], node["fit_cultural"]) == ("ring", "core", True, "weak")
    assert graph.nodes["reusel"]["placed"] == "ring"
    assert graph.edges["bladel", "jeugdzorg-kempen", "dependency"]["strength"] == "high"
    assert graph.edges["bladel", "jeugdzorg-kempen", "relationship"]["quadrant"] == "unhindered-collaboration"


def test_graphml_round_trip(tmp_path):
    """The graph can be written to GraphML (for Gephi) and read back with the same nodes and edges."""
    graph = interorg.network_graph(interorg.example_case())
    path = tmp_path / "network.graphml"
    nx.write_graphml(graph, path)
    back = nx.read_graphml(path)
    assert set(back.nodes) == set(graph.nodes) and back.number_of_edges() == graph.number_of_edges()


@pytest.mark.parametrize("dependencies, message", [
    ([{"partner": "a", "on": "zz", "strength": "high"}], "dependencies[0].on: unknown partner 'zz'; expected one of a, b"),
    ([{"partner": "a", "on": "a", "strength": "high"}], "dependencies[0].on: partner 'a' cannot depend on itself"),
    ([{"partner": "a", "on": "b", "strength": "high"}, {"partner": "a", "on": "b", "strength": "low"}],
     "dependencies[1]: the dependence of 'a' on 'b' is already given at dependencies[0]; give each direction once"),
    ([{"partner": "a", "on": "b", "strength": "strong"}], "dependencies[0].strength: expected one of high, low; got 'strong'"),
])
def test_bad_dependencies(dependencies, message):
    """Unknown partners, self-dependence, repeats and bad strengths are errors with their path."""
    with pytest.raises(interorg.CaseError) as info:
        interorg.case_from_dict({"partners": _partners("a", "b"), "dependencies": dependencies})
    assert message in [str(p) for p in info.value.problems]


def test_bad_position_and_fit():
    """A misspelt position, fit level or Douma criterion is reported with its path."""
    with pytest.raises(interorg.CaseError) as info:
        interorg.case_from_dict({"partners": [{"id": "a", "position": "kern",
                                               "fit": {"cultural": "poor", "weak_criteria": ["trust"]}}]})
    messages = [str(p) for p in info.value.problems]
    assert messages[0] == "partners[0].position: expected one of core, ring, free_space; got 'kern'"
    assert messages[1] == "partners[0].fit.cultural: expected one of strong, moderate, weak; got 'poor'"
    assert messages[2].startswith("partners[0].fit.weak_criteria[0]: expected one of shared_vision,")


def test_empty_network_is_not_analysed():
    """Without partners the structure model is not applied and says what to add."""
    advice = interorg.advise({})
    status = {m.id: m for m in advice.models}["network.structure"]
    assert status.status == "not_applied" and "dependencies" in status.to_apply


@pytest.mark.parametrize("suffix, magic", [(".png", b"\x89PNG"), (".svg", b"<?xml")])
def test_map_command_writes_a_picture(tmp_path, suffix, magic):
    """`interorg map --example -o map.png|svg` writes the concentric map."""
    from interorg.cli import main

    path = tmp_path / f"map{suffix}"
    assert main(["map", "--example", "-o", str(path)]) == 0
    assert path.read_bytes().startswith(magic)


def test_map_in_python_places_partners_by_shell():
    """draw_map puts core partners nearer the centre than free-space partners."""
    import math

    from interorg.report.plots.network import _layout

    graph = interorg.network_graph(interorg.example_case())
    positions, _unknown = _layout(graph)
    radius = {node: math.hypot(*xy) for node, xy in positions.items()}
    assert radius["eersel"] < radius["reusel"] < radius["ggz-kempen"]
    ax = interorg.report.plot.draw_map(graph)
    assert ax.get_title() == "Jeugdhulp regio Kempenland"


def test_graph_command_writes_graphml(tmp_path):
    """`interorg graph --example -o net.graphml` writes a graph networkx reads back."""
    from interorg.cli import main

    path = tmp_path / "net.graphml"
    assert main(["graph", "--example", "-o", str(path)]) == 0
    assert nx.read_graphml(path).nodes["reusel"]["placed"] == "ring"


@pytest.mark.parametrize("command, output", [("map", "map.gif"), ("graph", "net.xml")])
def test_wrong_output_suffix_exits_2(tmp_path, capsys, command, output):
    """An output file of the wrong kind is a usage error (exit 2)."""
    from interorg.cli import main

    assert main([command, "--example", "-o", str(tmp_path / output)]) == 2
    assert "--output must end in" in capsys.readouterr().err


def test_graph_marks_a_partner_that_fits_two_positions(positions):
    """A partner the rules place in two positions (so in neither) is 'several' on the graph; one in none is 'none'."""
    graph = interorg.network_graph(positions)
    assert graph.nodes["both-core-ring"]["placed"] == "several"
    assert graph.nodes["contradictory"]["placed"] == "several"
    assert graph.nodes["unplaced"]["placed"] == "none"
