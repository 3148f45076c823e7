"""The tie measures of interorg.analysis.ties agree with networkx's own on generated graphs."""

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from interorg.analysis.ties import Ties

NODES = st.lists(st.sampled_from("abcdefghijkl"), unique=True, max_size=12)


@st.composite
def graphs(draw):
    nodes = draw(NODES)
    pool = nodes + ["m", "n"]  # an edge may name a node not listed, as networkx allows
    edges = draw(st.lists(st.tuples(st.sampled_from(pool), st.sampled_from(pool)), max_size=30))
    within = draw(st.sets(st.sampled_from(pool)))
    return nodes, edges, within


@settings(max_examples=400, deadline=None)
@given(graphs())
def test_measures_agree_with_networkx(graph):
    nodes, edges, within = graph
    ties = Ties(nodes, edges)
    reference = nx.Graph()
    reference.add_nodes_from(nodes)
    reference.add_edges_from(edges)
    assert len(ties) == reference.number_of_nodes()
    assert ties.number_of_edges() == reference.number_of_edges()
    assert ties.articulation_points() == set(nx.articulation_points(reference))
    if len(reference):
        assert ties.components() == nx.number_connected_components(reference)
    sub = reference.subgraph(within)
    for node in reference:
        assert ties.degree(node) == reference.degree(node)
        if node in within:
            assert ties.degree(node, within=within) == sub.degree(node)
    if len(sub):
        assert ties.components(within=within) == nx.number_connected_components(sub)


def test_a_long_chain_does_not_recurse():
    nodes = [str(number) for number in range(20_000)]
    ties = Ties(nodes, zip(nodes, nodes[1:]))
    assert ties.articulation_points() == set(nodes[1:-1])
    assert ties.components() == 1

