"""The partner network as GraphML (for Gephi), well-formed XML whatever the case's names hold."""

from ..utils.writing import atomic_write
from . import escape

__all__ = ["write_graphml"]


def _clean(value):
    return escape.xml(value) if isinstance(value, str) else value


def _clean_graph(graph):
    """A copy of ``graph`` whose texts hold only characters XML 1.0 can carry."""
    clean = graph.__class__()
    clean.graph.update({key: _clean(value) for key, value in graph.graph.items()})
    for node, data in graph.nodes(data=True):
        clean.add_node(_clean(node), **{key: _clean(value) for key, value in data.items()})
    for u, v, key, data in graph.edges(keys=True, data=True):
        clean.add_edge(_clean(u), _clean(v), key=_clean(key), **{k: _clean(value) for k, value in data.items()})
    return clean


def write_graphml(graph, path):
    """Write the partner network ``graph`` to ``path`` as GraphML, atomically.

    Control characters and other text XML cannot hold are written as
    visible escapes (``\\x1b``), so the file is always well-formed.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        As returned by :func:`interorg.network_graph`.
    path : str or os.PathLike

    Raises
    ------
    WriteError
        If the file cannot be written; what was there is left untouched.

    Examples
    --------
    >>> import pathlib, tempfile, networkx
    >>> graph = networkx.MultiDiGraph()
    >>> graph.add_node("a", name="A\\x1b[2J")
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "network.graphml"
    >>> write_graphml(graph, path)
    >>> networkx.read_graphml(path).nodes["a"]["name"]
    'A\\\\x1b[2J'
    """
    import networkx  # only writing GraphML needs networkx's writer here

    with atomic_write(path, binary=True) as stream:
        networkx.write_graphml(_clean_graph(graph), stream)
