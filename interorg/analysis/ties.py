"""The undirected ties between partners, and the few graph measures the rules need.

:func:`interorg.analysis.network.analyse` needs degrees, connected groups
and articulation points of the tie graph.  Importing networkx costs about
as much as the rest of a short command's start (0.15 s of 0.5 s), so these
are computed here over a plain adjacency of sets, in time linear in the
partners and ties; ``tests/analysis/test_ties.py`` checks every measure
against networkx's own on generated graphs.  The partner network that
analysts draw, filter and export stays a networkx graph
(:func:`~interorg.analysis.network.tie_graph`,
:func:`~interorg.analysis.network.partner_graph`).
"""

__all__ = ["Ties"]


class Ties:
    """An undirected graph: one node per partner, one edge wherever two are tied.

    Parallel ties collapse into one edge (as in ``networkx.Graph``); a
    partner tied to itself has a self-loop, which counts twice in its
    degree and does not make it an articulation point, as in networkx.

    Parameters
    ----------
    nodes : iterable of str
        The partners, in the case's order.
    edges : iterable of tuple of str
        Pairs of tied partners; a partner not among ``nodes`` is added.

    Examples
    --------
    >>> ties = Ties("abcd", [("a", "b"), ("b", "c"), ("b", "a")])
    >>> ties.degree("b"), ties.number_of_edges(), ties.components()
    (2, 2, 2)
    >>> sorted(ties.articulation_points())
    ['b']
    """

    __slots__ = ("_adjacent",)

    def __init__(self, nodes, edges):
        adjacent = {node: set() for node in nodes}
        for a, b in edges:
            adjacent.setdefault(a, set()).add(b)
            adjacent.setdefault(b, set()).add(a)
        self._adjacent = adjacent

    def __len__(self):
        return len(self._adjacent)

    def degree(self, node, within=None):
        """How many partners ``node`` is tied to.

        Parameters
        ----------
        node : str
        within : set of str, optional
            Count only the ties to these partners (the degree in the
            subgraph of ``within``, ``node`` being one of them).

        Returns
        -------
        int

        Examples
        --------
        >>> Ties("abc", [("a", "b"), ("a", "c")]).degree("a", within={"a", "b"})
        1
        """
        neighbours = self._adjacent[node]
        counted = len(neighbours) if within is None else sum(1 for other in neighbours if other in within)
        # a self-loop ends at the node twice
        return counted + (1 if node in neighbours and (within is None or node in within) else 0)

    def number_of_edges(self):
        """How many distinct ties there are (a self-loop counts once)."""
        loops = sum(1 for node, neighbours in self._adjacent.items() if node in neighbours)
        return (sum(len(neighbours) for neighbours in self._adjacent.values()) - loops) // 2 + loops

    def components(self, within=None):
        """How many connected groups the nodes fall into.

        Parameters
        ----------
        within : set of str, optional
            Only these nodes and the ties between them (a subgraph).

        Returns
        -------
        int

        Examples
        --------
        >>> Ties("abc", [("a", "b")]).components(), Ties("abc", [("a", "b")]).components(within={"a", "c"})
        (2, 2)
        """
        nodes = self._adjacent if within is None else [node for node in self._adjacent if node in within]
        allowed = None if within is None else set(nodes)
        seen, count = set(), 0
        for start in nodes:
            if start in seen:
                continue
            count += 1
            seen.add(start)
            stack = [start]
            while stack:
                for other in self._adjacent[stack.pop()]:
                    if other not in seen and (allowed is None or other in allowed):
                        seen.add(other)
                        stack.append(other)
        return count

    def articulation_points(self):
        """The nodes whose removal splits their connected group, as a set.

        An iterative depth-first search (Hopcroft and Tarjan), so that a long
        chain of partners does not reach Python's recursion limit.

        Returns
        -------
        set of str

        Examples
        --------
        >>> sorted(Ties("abcd", [("a", "b"), ("b", "c"), ("c", "d"), ("d", "b")]).articulation_points())
        ['b']
        """
        adjacent = self._adjacent
        discovered, low, points = {}, {}, set()
        counter = 0
        for root in adjacent:
            if root in discovered:
                continue
            discovered[root] = low[root] = counter
            counter += 1
            parent = {root: None}
            root_children = 0
            stack = [(root, iter(adjacent[root]))]
            while stack:
                node, neighbours = stack[-1]
                for other in neighbours:
                    if other == node:
                        continue
                    if other not in discovered:
                        discovered[other] = low[other] = counter
                        counter += 1
                        parent[other] = node
                        stack.append((other, iter(adjacent[other])))
                        break
                    if other != parent[node]:
                        low[node] = min(low[node], discovered[other])
                else:
                    stack.pop()
                    if stack:
                        up = stack[-1][0]
                        low[up] = min(low[up], low[node])
                        if up == root:
                            root_children += 1
                        elif low[node] >= discovered[up]:
                            points.add(up)
            if root_children > 1:
                points.add(root)
        return points
