"""experta's Rete matcher, asking only the rules that changed for new activations.

After every fact it is given, experta 1.9.4's ``ReteMatcher.changes`` asks
every rule's conflict set node whether it has new activations, so a run
costs (number of rules) × (number of facts and conclusions) even when a
fact concerns one rule only.  This subclass remembers which conflict set
nodes a fact actually reached and asks only those.  The network, its nodes
and their activations are experta's own; only the bookkeeping of which
nodes to ask differs, and it is set up per matcher instance, so nothing in
experta is patched for other users.
"""

from ._experta import experta

__all__ = ["TrackingReteMatcher"]

_ReteMatcher = experta.matchers.rete.ReteMatcher


class TrackingReteMatcher(_ReteMatcher):
    """A ``ReteMatcher`` whose ``changes`` visits only the conflict set nodes a token reached."""

    def build_network(self):
        super().build_network()
        self._touched = {}
        for node in self._get_conflict_set_nodes():
            activate = node._activate

            def _activate(token, node=node, activate=activate):
                activate(token)
                self._touched[node] = None  # a dict keeps the order nodes were reached in

            node._activate = _activate

    def changes(self, adding=None, deleting=None):
        """Pass the changes to the network; return the activations added and removed."""
        if deleting is not None:
            for deleted in deleting:
                self.root_node.remove(deleted)
        if adding is not None:
            for added in adding:
                self.root_node.add(added)
        touched, self._touched = self._touched, {}
        added, removed = [], []
        for node in touched:
            node_added, node_removed = node.get_activations()
            added.extend(node_added)
            removed.extend(node_removed)
        return added, removed

    def reset(self):
        super().reset()
        self._touched = {}
        for node in self._get_conflict_set_nodes():  # nothing from an interrupted run survives
            node.added, node.removed = set(), set()
