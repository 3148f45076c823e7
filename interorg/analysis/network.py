"""The partner network as a networkx graph, and the structural facts read from it.

Partners are nodes; relationships and dependencies are edges.  What the
rules reason over (who bridges separate groups, who many others depend on,
whether the core holds together, where dependence is one-sided) is computed
here once per case, in time linear in the number of partners and edges, and
handed to the rule engine as facts.  The measures come from
:class:`~interorg.analysis.ties.Ties`, so that advising does not import
networkx; the graphs given to analysts (:func:`tie_graph`,
:func:`partner_graph`) are networkx graphs.  This
keeps pairwise reasoning out of the rule engine, whose joins between two
partner patterns would be quadratic.
"""

import attrs

from ..case import Case
from .ties import Ties

__all__ = ["DependenceFacts", "NetworkFacts", "PartnerFacts", "analyse", "partner_graph", "tie_graph"]


@attrs.frozen
class PartnerFacts:
    """Structural facts of one partner.

    Attributes
    ----------
    id : str
    degree : int
        With how many other partners it has a relationship or a dependency.
    dependents : int
        How many partners depend on it (any strength).
    strong_dependents : int
        How many partners depend on it strongly.
    broker : bool
        An articulation point of the network: without it, partners it
        connects would fall apart into separate groups.
    peripheral : bool
        Tied to at most one other partner, in a network of three or more
        that has ties at all.
    core_isolated : bool or None
        For a partner believed to be in the core: tied to no other core
        partner (None for the others, or when there is no other core partner).
    """

    id: str
    degree: int
    dependents: int
    strong_dependents: int
    broker: bool
    peripheral: bool
    core_isolated: bool | None


@attrs.frozen
class DependenceFacts:
    """One dependency, with the dependence the other way and what else the partner depends on.

    ``reverse`` is the strength of the opposite dependency (``none`` when
    there is none); ``sole`` is True when this is the dependent partner's only
    strong dependency; ``relationship`` is the id of the relationship
    between the two partners, if the case describes one.
    """

    id: str
    partner: str
    on: str
    strength: str
    reverse: str
    sole: bool
    relationship: str | None


@attrs.frozen
class NetworkFacts:
    """Structural facts of the whole network.

    ``core_connected`` says whether the partners believed to be in the core
    are tied to each other into one group (None with fewer than two).
    """

    partners: int
    ties: int
    components: int
    core_members: int
    core_connected: bool | None
    by_partner: tuple[PartnerFacts, ...]
    dependences: tuple[DependenceFacts, ...]


def tie_graph(case):
    """Return the undirected graph of ties: an edge wherever a relationship or dependency exists.

    Parameters
    ----------
    case : Case

    Returns
    -------
    networkx.Graph
        One node per partner, in the case's order.
    """
    import networkx as nx  # imported when a graph is asked for, not by advising

    graph = nx.Graph()
    graph.add_nodes_from(partner.id for partner in case.partners)
    graph.add_edges_from(_edges(case))
    return graph


def _edges(case):
    yield from (tuple(relationship.between) for relationship in case.relationships)
    yield from ((dependency.partner, dependency.on) for dependency in case.dependencies)


def _dependence_facts(case):
    strength = {(d.partner, d.on): d.strength for d in case.dependencies}
    strong = {}
    for d in case.dependencies:
        if d.strength == "high":
            strong[d.partner] = strong.get(d.partner, 0) + 1
    relationship_of = {frozenset(r.between): r.id for r in case.relationships}
    return tuple(
        DependenceFacts(
            id=f"{d.partner}>{d.on}", partner=d.partner, on=d.on, strength=d.strength,
            reverse=strength.get((d.on, d.partner), "none"),
            sole=d.strength == "high" and strong[d.partner] == 1,
            relationship=relationship_of.get(frozenset((d.partner, d.on))),
        )
        for d in case.dependencies
    )


def analyse(case):
    """Compute the structural facts of the partner network of ``case``.

    Parameters
    ----------
    case : Case

    Returns
    -------
    NetworkFacts

    Examples
    --------
    >>> from interorg import Case, Partner, Dependency
    >>> case = Case(partners=[Partner("a"), Partner("b"), Partner("c")],
    ...             dependencies=[Dependency("a", "b", "high"), Dependency("c", "b", "high")])
    >>> facts = analyse(case)
    >>> [(p.id, p.strong_dependents, p.broker) for p in facts.by_partner]
    [('a', 0, False), ('b', 2, True), ('c', 0, False)]
    """
    if not isinstance(case, Case):
        raise TypeError(f"expected an interorg.Case; got {type(case).__name__}")
    ties = Ties((partner.id for partner in case.partners), _edges(case))
    brokers = ties.articulation_points()
    dependents, strong_dependents = {}, {}
    for d in case.dependencies:
        dependents[d.on] = dependents.get(d.on, 0) + 1
        if d.strength == "high":
            strong_dependents[d.on] = strong_dependents.get(d.on, 0) + 1
    core = [p.id for p in case.partners if p.position == "core"]
    core_set = frozenset(core)
    by_partner = []
    edges = ties.number_of_edges()
    has_ties = edges > 0 and len(ties) >= 3
    for partner in case.partners:
        isolated = None
        if partner.position == "core" and len(core) > 1:
            isolated = ties.degree(partner.id, within=core_set) == 0
        degree = ties.degree(partner.id)
        by_partner.append(PartnerFacts(
            id=partner.id,
            degree=degree,
            dependents=dependents.get(partner.id, 0),
            strong_dependents=strong_dependents.get(partner.id, 0),
            broker=partner.id in brokers,
            peripheral=has_ties and degree <= 1,
            core_isolated=isolated,
        ))
    return NetworkFacts(
        partners=len(ties),
        ties=edges,
        components=ties.components() if len(ties) else 0,
        core_members=len(core),
        core_connected=ties.components(within=core_set) == 1 if len(core) > 1 else None,
        by_partner=tuple(by_partner),
        dependences=_dependence_facts(case),
    )


def partner_graph(case, conclusions, set_aside=()):
    """Return the partner network of ``case`` as a ``networkx.MultiDiGraph``.

    Nodes are partner ids with the attributes ``name``, ``kind``,
    ``position`` (what the partners believe), ``placed`` (the position the
    rules place it in, from ``conclusions``: ``core``, ``ring``, ``free_space``,
    ``several`` or ``none``; empty when the case says too little), the fit
    per Douma dimension (``fit_strategic``...) and the structural facts of
    :class:`PartnerFacts`.  Edges have the key ``relationship`` (with the
    relationship's levels and ``quadrant`` where the rules found one) or
    ``dependency`` (from the dependent partner to the one it depends on,
    with ``strength``).  Every attribute is a string, number or boolean, so
    the graph can be written to GraphML for Gephi as it is.

    Parameters
    ----------
    case : Case
    conclusions : iterable of Conclusion
        The conclusions of the advice on ``case``.
    set_aside : collection of str
        The keys of the conclusions a conflict set aside (``advice.counsel.set_aside``):
        they place no partner and give no relationship its quadrant, as in
        :func:`~interorg.analysis.relationships.summarise_relationships`.

    Returns
    -------
    networkx.MultiDiGraph

    Examples
    --------
    >>> import interorg
    >>> advice = interorg.advise(interorg.example_case())
    >>> graph = partner_graph(advice.case, advice.conclusions, advice.counsel.set_aside)
    >>> graph.nodes["jeugdzorg-kempen"]["strong_dependents"]
    3
    """
    conclusions = tuple(c for c in conclusions if c.key not in set_aside)
    facts = {p.id: p for p in analyse(case).by_partner}
    placed = _placements(conclusions)
    quadrants = _quadrants(conclusions)
    import networkx as nx

    graph = nx.MultiDiGraph(name=case.name or "")
    for partner in case.partners:
        attributes = {"name": partner.name or partner.id, "kind": partner.kind or "",
                      "position": partner.position or "", "placed": placed.get(partner.id, "")}
        for dimension in ("strategic", "cultural", "organisational", "operational"):
            attributes[f"fit_{dimension}"] = (getattr(partner.fit, dimension) or "") if partner.fit else ""
        structure = attrs.asdict(facts[partner.id])
        structure.pop("id")
        structure["core_isolated"] = bool(structure["core_isolated"])
        graph.add_node(partner.id, **attributes, **structure)
    for relationship in case.relationships:
        a, b = relationship.between
        graph.add_edge(a, b, key="relationship", kind="relationship",
                       trust=relationship.trust or "", vigilance=relationship.vigilance or "",
                       quadrant=quadrants.get(relationship.id, ""))
    for dependency in case.dependencies:
        graph.add_edge(dependency.partner, dependency.on, key="dependency", kind="dependency",
                       strength=dependency.strength)
    return graph


_PLACEMENTS = {
    "network.position.core": "core",
    "network.position.ring": "ring",
    "network.position.free-space": "free_space",
    # a partner that fits two positions is placed in neither: the rules warn that it must be decided
    "network.position.core-and-ring": "several",
    "network.position.ring-and-free-space": "several",
    "network.position.core-and-free-space": "several",
    "network.position.none": "none",
}


def _placements(conclusions):
    placed = {}
    for conclusion in conclusions:
        position = _PLACEMENTS.get(conclusion.id)
        if position:
            placed[conclusion.subject] = "several" if conclusion.subject in placed else position
    return placed


def _quadrants(conclusions):
    prefix = "trust.quadrants."
    names = {"calculated-connection", "unhindered-collaboration", "vigilant-contracting", "exploratory-exchange"}
    return {c.subject: c.id[len(prefix):] for c in conclusions
            if c.id.startswith(prefix) and c.id[len(prefix):] in names}
