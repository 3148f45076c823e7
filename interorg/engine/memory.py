"""The working memory of a run: its facts and conclusions by reference, indexed by kind and by field value."""

from collections import defaultdict

__all__ = ["WorkingMemory"]


class WorkingMemory:
    """Facts and conclusions by reference, indexed by kind and by field value.

    A kind is ``("fact", fact_type)`` or ``("conclusion", rule_id)``; the
    values of a conclusion are ``{"subject": subject}``.  The joins read
    ``by_ref``, ``by_kind`` and ``index`` directly (see
    :meth:`~interorg.engine.join.CompiledRule.join`): a method call for
    each candidate would cost more than the lookup itself.
    """

    def __init__(self, indexed=None):
        self.by_ref = {}
        self.by_kind = defaultdict(list)
        self.index = defaultdict(list)
        # only the fields a join looks candidates up by need an index (see :func:`~interorg.engine.join.indexed_fields`)
        self._indexed = indexed

    def add(self, ref, kind, values):
        """Add a fact or conclusion under ``ref``."""
        self.by_ref[ref] = values
        self.by_kind[kind].append(ref)
        fields = values if self._indexed is None else self._indexed.get(kind, ())
        for field in fields:
            value = values.get(field)
            if value is not None:
                self.index[(kind, field, value)].append(ref)

    def values(self, ref):
        """The field values of ``ref``."""
        return self.by_ref[ref]

    def of_kind(self, kind):
        """Every reference of ``kind``, in the order they were added."""
        return self.by_kind.get(kind, ())

    def lookup(self, kind, field, value):
        """The references of ``kind`` whose ``field`` equals ``value``."""
        return self.index.get((kind, field, value), ())
