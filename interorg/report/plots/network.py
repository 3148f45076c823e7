"""A concentric map of the partner network: strategic core inside, complementary ring around it, free space outside.

Each band is drawn as a filled ring with its name inside it, at the top,
where no partner is placed.  A partner sits in the band the rules place it
in; where the partners believe another position, a hollow circle in the
believed band points to it.  A partner the rules could not place is drawn
at its believed position, hatched; one with no position at all stands in a
row under the map.  Names are wrapped and moved off each other and off the
nodes with adjustText when it is installed.
"""

import math

from ._common import axes, label, plain, pyplot, save_figure, wrap

__all__ = ["draw_map", "save_map"]

#: The bands from the centre outwards: inner and outer radius, colour.
BANDS = (("core", 0.0, 1.0, "#2b6cb0"), ("ring", 1.0, 2.0, "#38a169"), ("free_space", 2.0, 3.0, "#d69e2e"))
_RADIUS = {name: (inner, outer) for name, inner, outer, _colour in BANDS}
_COLOUR = {name: colour for name, _inner, _outer, colour in BANDS}
_UNKNOWN = "#a0aec0"
QUADRANT_COLOURS = {
    "unhindered-collaboration": "#38a169",
    "calculated-connection": "#3182ce",
    "vigilant-contracting": "#e53e3e",
    "exploratory-exchange": "#d69e2e",
}
#: The sector at the top of every band kept free for the band's name, in radians either side.
_FREE = math.radians(24)


def _where(data):
    """The band a partner is drawn in, and whether the rules placed it there."""
    placed = data.get("placed") or ""
    if placed in _RADIUS:
        return placed, True
    believed = data.get("position") or ""
    return (believed if believed in _RADIUS else None), False


def _angles(count, offset):
    """``count`` angles spread over the circle, leaving the sector at the top free."""
    start, span = math.pi / 2 + _FREE, 2 * math.pi - 2 * _FREE
    if count == 1:
        return [start + span / 2]
    return [start + span * (index + offset) / count for index in range(count)]


def _layout(graph):
    """Positions of the partners in their bands (staggered when a band is crowded), and those without one."""
    positions, unknown = {}, []
    bands = {name: [] for name in _RADIUS}
    for node, data in graph.nodes(data=True):
        band, _placed = _where(data)
        (bands[band] if band else unknown).append(node)
    for index, (name, nodes) in enumerate(bands.items()):
        inner, outer = _RADIUS[name]
        if name == "core" and len(nodes) == 1:
            positions[nodes[0]] = (0.0, -0.25)
            continue
        crowded = len(nodes) > 2 * math.pi * (inner + outer) / 2 / 0.55
        for number, (node, angle) in enumerate(zip(nodes, _angles(len(nodes), 0.5))):
            middle = (inner + outer) / 2 if name != "core" else 0.55
            radius = middle + ((0.2 if number % 2 else -0.2) if crowded else 0)
            positions[node] = (radius * math.cos(angle), radius * math.sin(angle))
    if len(unknown) == graph.number_of_nodes():
        # nothing is known of any position: one circle, no bands that would all be empty
        for node, angle in zip(unknown, _angles(len(unknown), 0.5)):
            positions[node] = (2.0 * math.cos(angle), 2.0 * math.sin(angle))
        return positions, unknown
    for number, node in enumerate(unknown):
        positions[node] = (-3 + 6 * (number + 0.5) / len(unknown), -3.6)
    return positions, unknown


def _ghost(graph, node, data, position):
    """Where the believed position of a partner placed elsewhere is drawn, or None."""
    band, placed = _where(data)
    believed = data.get("position") or ""
    if not placed or believed not in _RADIUS or believed == band:
        return None
    x, y = position
    angle = math.atan2(y, x) if (x, y) != (0.0, -0.25) else -math.pi / 2
    inner, outer = _RADIUS[believed]
    radius = (inner + outer) / 2 if believed != "core" else 0.55
    return radius * math.cos(angle + 0.12), radius * math.sin(angle + 0.12)


def draw_map(graph, ax=None, lang="en"):
    """Draw the partner network as a concentric map.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        As returned by :func:`interorg.network_graph`.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure by default.
    lang : {'en', 'nl'}
        The language of the band names and the legend.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    MissingDependency
        If matplotlib is not installed.

    Examples
    --------
    >>> import interorg
    >>> ax = draw_map(interorg.network_graph(interorg.example_case()))
    >>> any(t.get_text() == "strategic core" for t in ax.texts)
    True
    """
    pyplot()  # first: without matplotlib, the error that says how to install it
    from matplotlib.patches import Wedge

    count = graph.number_of_nodes()
    ax = axes(ax, (11, 9) if count <= 12 else (13, 11))
    positions, unknown = _layout(graph)
    banded = len(unknown) < count or not count
    for name, inner, outer, colour in BANDS if banded else ():
        ax.add_patch(Wedge((0, 0), outer, 0, 360, width=outer - inner, facecolor=colour, alpha=0.09,
                           edgecolor=colour, linewidth=1))
        # above the edges, on a light box, so that no line crosses the band's name
        ax.text(0, outer - 0.1, label(f"map_{name}", lang), ha="center", va="top", fontsize=9, color=colour,
                fontweight="bold", zorder=5,
                bbox=dict(boxstyle="round,pad=0.2", facecolor="white", edgecolor="none", alpha=0.85))
    drawn = set()  # what is on the map, so that the legend explains only that
    for u, v, key, data in graph.edges(keys=True, data=True):
        if u not in positions or v not in positions:
            continue
        (x1, y1), (x2, y2) = positions[u], positions[v]
        if key == "relationship":
            quadrant = data.get("quadrant") if data.get("quadrant") in QUADRANT_COLOURS else None
            drawn.add(quadrant)
            ax.plot([x1, x2], [y1, y2], color=QUADRANT_COLOURS.get(quadrant, "#718096"),
                    linewidth=2.2, alpha=0.85, zorder=1)
        elif key == "dependency":
            strong = data.get("strength") == "high"
            drawn.add("strong" if strong else "weak")
            ax.annotate("", xy=(x2, y2), xytext=(x1, y1), zorder=1,
                        arrowprops=dict(arrowstyle="-|>", color="#4a5568", linestyle="--",
                                        linewidth=1.8 if strong else 0.8, shrinkA=12, shrinkB=14,
                                        connectionstyle="arc3,rad=0.18", mutation_scale=12))
    size = 420 if count <= 12 else 260
    nodes = []
    for node, data in graph.nodes(data=True):
        band, placed = _where(data)
        x, y = positions[node]
        colour = _COLOUR.get(band, _UNKNOWN)
        drawn.update({"broker"} if data.get("broker") else set())
        # an unplaced partner is drawn at its believed position when it has one, else wherever it fits
        drawn.update(set() if placed else {"unplaced" if band else "unplaced_nowhere"})
        nodes.append(ax.scatter([x], [y], s=size, color=colour if placed else "white", edgecolors=
                                "#1a202c" if data.get("broker") else colour,
                                linewidths=2.5 if data.get("broker") else 1.5,
                                hatch=None if placed else "////", zorder=3))
        ghost = _ghost(graph, node, data, (x, y))
        if ghost is not None:
            drawn.add("moved")
            ax.scatter([ghost[0]], [ghost[1]], s=size * 0.5, facecolors="none", edgecolors="#4a5568",
                       linestyle=":", linewidths=1.2, zorder=2)
            ax.annotate("", xy=(x, y), xytext=ghost, zorder=2,
                        arrowprops=dict(arrowstyle="->", color="#4a5568", linestyle=":", shrinkA=6, shrinkB=9))
    texts = [_name(ax, graph, node, position, count, node in unknown and banded)
             for node, position in positions.items()]
    if banded:  # on one circle the names stand clear of each other already
        _spread_labels(ax, texts, positions, nodes)
    if not count:  # an empty map would look like a network drawn without its partners
        ax.text(0, 0, label("map_no_partners", lang), fontsize=10, color="#4a5568", ha="center", va="center")
    if unknown:
        where = (-3, -3.25) if banded else (0, 0)
        ax.text(*where, label("map_unknown" if banded else "map_none_known", lang), fontsize=8 if banded else 10,
                color="#4a5568", ha="left" if banded else "center", wrap=True)
    ax.legend(handles=_legend(drawn, lang), loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8,
              frameon=False)
    bottom = -4.2 if unknown and banded else -3.15
    ax.set_xlim(-3.15, 3.15)
    ax.set_ylim(bottom, 3.15)
    ax.set_aspect("equal")
    ax.set_axis_off()
    if graph.graph.get("name"):
        ax.set_title(plain(graph.graph["name"]))
    return ax


def _name(ax, graph, node, position, count, in_row):
    """A partner's name beside its node, away from the centre, so that it does not cover the inner bands."""
    x, y = position
    distance = math.hypot(x, y)
    ux, uy = (x / distance, y / distance) if distance > 0.3 and not in_row else (0.0, -1.0)
    offset = 0.3 if count <= 12 else 0.2
    return ax.text(x + ux * offset, y + uy * offset, wrap(plain(graph.nodes[node].get("name") or node)),
                   ha="center" if abs(ux) < 0.5 else ("left" if ux > 0 else "right"),
                   va="center" if abs(uy) < 0.5 else ("bottom" if uy > 0 else "top"),
                   fontsize=8 if count <= 12 else 7, zorder=4,
                   bbox=dict(boxstyle="round,pad=0.15", facecolor="white", edgecolor="none", alpha=0.8))


def _legend(drawn, lang):
    """Legend entries for the colours, lines and marks that are on the map."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles = [Line2D([], [], color=colour, linewidth=2.2, label=label(f"trust.quadrants.{quadrant}", lang))
               for quadrant, colour in QUADRANT_COLOURS.items() if quadrant in drawn]
    optional = [
        (None, Line2D([], [], color="#718096", linewidth=2.2, label=label("map_no_quadrant", lang))),
        ("strong", Line2D([], [], color="#4a5568", linestyle="--", linewidth=1.8,
                          label=label("map_dependency_strong", lang))),
        ("weak", Line2D([], [], color="#4a5568", linestyle="--", linewidth=0.8,
                        label=label("map_dependency_weak", lang))),
        ("broker", Line2D([], [], marker="o", color="white", markeredgecolor="#1a202c", markeredgewidth=2.5,
                          markersize=11, linestyle="none", label=label("map_broker", lang))),
        ("unplaced", Patch(facecolor="white", edgecolor="#4a5568", hatch="////", label=label("map_unplaced", lang))),
        ("unplaced_nowhere", Patch(facecolor="white", edgecolor="#4a5568", hatch="////",
                                   label=label("map_unplaced_nowhere", lang))),
        ("moved", Line2D([], [], marker="o", color="#4a5568", linestyle=":", markerfacecolor="none",
                         markersize=8, label=label("map_moved", lang))),
    ]
    handles += [handle for key, handle in optional if key in drawn]
    for handle in handles:
        handle.set_label(wrap(handle.get_label(), 44))
    return handles


def _spread_labels(ax, texts, positions, nodes):
    """Move the names off each other and off the nodes, when adjustText is installed."""
    try:
        from adjustText import adjust_text
    except ImportError:  # the names stay beside their nodes: readable for a small network
        return
    # adjustText repels points, not discs: a node is given as its centre and eight points on its rim
    radius = 0.14 if len(nodes) <= 12 else 0.11
    rim = [(math.cos(k * math.pi / 4) * radius, math.sin(k * math.pi / 4) * radius) for k in range(8)]
    points = [(x + dx, y + dy) for x, y in positions.values() for dx, dy in [(0.0, 0.0), *rim]]
    # the targets are where the names were put (beside their nodes), not the points repelled from
    targets = [text.get_position() for text in texts]
    adjust_text(texts, x=[x for x, _y in points], y=[y for _x, y in points], ax=ax, expand=(1.1, 1.2),
                target_x=[x for x, _y in targets], target_y=[y for _x, y in targets],
                ensure_inside_axes=True, arrowprops=dict(arrowstyle="-", color="#a0aec0", linewidth=0.6))


def save_map(graph, path, lang="en"):
    """Draw the map of ``graph`` and save it; the file name's suffix gives the format (png, svg, pdf)."""
    save_figure(draw_map(graph, lang=lang), path)
