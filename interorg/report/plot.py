"""A concentric map of the partner network: strategic core inside, complementary ring around it, free space outside.

Drawing needs matplotlib (``pip install 'interorg[map]'``); the rest of
interorg does not.
"""

import math
import pathlib

from ..errors import MissingDependency
from ..utils.writing import atomic_write
from .escape import terminal

__all__ = ["draw_map", "save_map"]

#: Shells from the centre outwards, with their colours.
_SHELLS = (
    ("core", "#2b6cb0"),
    ("ring", "#38a169"),
    ("free_space", "#d69e2e"),
    ("unplaced", "#a0aec0"),
)
_LABELS = {
    "en": {"core": "strategic core", "ring": "complementary ring", "free_space": "free space",
           "unplaced": "not placed"},
    "nl": {"core": "strategische kern", "ring": "complementaire ring", "free_space": "vrije ruimte",
           "unplaced": "niet geplaatst"},
}
_QUADRANT_COLOURS = {
    "unhindered-collaboration": "#38a169",
    "calculated-connection": "#3182ce",
    "vigilant-contracting": "#e53e3e",
    "exploratory-exchange": "#d69e2e",
}


def _pyplot():
    try:
        import matplotlib.pyplot as plt
    except ImportError as exc:
        raise MissingDependency("drawing the map needs matplotlib: pip install 'interorg[map]'") from exc
    return plt


def _shell(node):
    placed = node.get("placed") or ""
    if placed in ("core", "ring", "free_space"):
        return placed
    if placed in ("several", "none"):
        return "unplaced"
    return node.get("position") or "unplaced"


def _positions(graph):
    """Node positions on concentric circles, one circle per shell, in the graph's node order."""
    positions = {}
    for radius, (shell, _colour) in enumerate(_SHELLS, start=1):
        nodes = [n for n, data in graph.nodes(data=True) if _shell(data) == shell]
        for index, node in enumerate(nodes):
            angle = 2 * math.pi * index / max(len(nodes), 1) + radius * 0.4
            distance = 0 if shell == "core" and len(nodes) == 1 else radius
            positions[node] = (distance * math.cos(angle), distance * math.sin(angle))
    return positions


def draw_map(graph, ax=None, lang="en"):
    """Draw the partner network as a concentric map.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        As returned by :func:`interorg.network_graph`.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure by default.
    lang : {'en', 'nl'}
        The language of the legend.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    MissingDependency
        If matplotlib is not installed.
    """
    import networkx as nx

    plt = _pyplot()
    if ax is None:
        _figure, ax = plt.subplots(figsize=(9, 9))
    positions = _positions(graph)
    labels = _LABELS.get(lang, _LABELS["en"])
    for radius, (shell, colour) in enumerate(_SHELLS, start=1):
        ax.add_patch(plt.Circle((0, 0), radius + 0.45, fill=False, linestyle=":", color=colour, alpha=0.6))
        ax.text(0, radius + 0.5, labels[shell], ha="center", va="bottom", fontsize=8, color=colour)
    relationships = [(u, v) for u, v, key in graph.edges(keys=True) if key == "relationship"]
    colours = [_QUADRANT_COLOURS.get(graph.edges[u, v, "relationship"].get("quadrant"), "#718096")
               for u, v in relationships]
    simple = nx.DiGraph(graph)
    nx.draw_networkx_edges(simple, positions, edgelist=relationships, edge_color=colours, width=2,
                           arrows=False, ax=ax)
    dependencies = [(u, v) for u, v, key in graph.edges(keys=True) if key == "dependency"]
    widths = [2.0 if graph.edges[u, v, "dependency"]["strength"] == "high" else 0.8 for u, v in dependencies]
    nx.draw_networkx_edges(simple, positions, edgelist=dependencies, width=widths, style="dashed",
                           edge_color="#4a5568", arrows=True, arrowstyle="-|>", arrowsize=14,
                           connectionstyle="arc3,rad=0.15", ax=ax)
    node_colours = [dict(_SHELLS)[_shell(data)] for _node, data in graph.nodes(data=True)]
    nx.draw_networkx_nodes(graph, positions, node_color=node_colours, node_size=900,
                           edgecolors=["#1a202c" if data.get("broker") else "white" for _n, data in graph.nodes(data=True)],
                           linewidths=2.5, ax=ax)
    texts = nx.draw_networkx_labels(graph, positions,
                                    labels={n: terminal(data.get("name", n)) for n, data in graph.nodes(data=True)},
                                    font_size=8, ax=ax)
    for label in texts.values():  # a name is a name: '$...$' in it is not a formula for matplotlib to typeset
        label.set_parse_math(False)
    limit = len(_SHELLS) + 1
    ax.set_xlim(-limit, limit)
    ax.set_ylim(-limit, limit)
    ax.set_aspect("equal")
    ax.set_axis_off()
    if graph.graph.get("name"):
        ax.set_title(terminal(graph.graph["name"]), parse_math=False)
    return ax


def save_map(graph, path, lang="en"):
    """Draw the map of ``graph`` and save it; the file name's suffix gives the format (png, svg, pdf).

    The picture is written atomically (:func:`interorg.utils.writing.atomic_write`):
    a failed write leaves what was there untouched.
    """
    plt = _pyplot()
    figure, ax = plt.subplots(figsize=(9, 9))
    try:
        draw_map(graph, ax=ax, lang=lang)
        with atomic_write(path, binary=True) as stream:
            figure.savefig(stream, format=pathlib.Path(path).suffix.lstrip(".").lower() or "png",
                           bbox_inches="tight")
    finally:
        plt.close(figure)
