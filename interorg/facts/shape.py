"""The shape of the facts a case gives: which fact types come from a mapping of the case (at most one fact)."""

import functools

from ..case.examples import example_case, example_names
from .sections import case_facts

__all__ = ["singletons"]


@functools.lru_cache(maxsize=None)
def _example_paths():
    paths = {}
    for name in example_names():
        for fact in case_facts(example_case(name)):
            paths.setdefault(fact.type, set()).add(fact.path)
    return paths


def singletons(knowledge):
    """The fact types a case gives at most once: those whose facts stand at their section's own path.

    Read from the facts the bundled examples give: a type whose facts all
    stand at the vocabulary's ``case_path`` comes from a mapping of the
    case (``care``), not from a list (``reasons``).  The verifier and
    why-not treat two conditions on such a type as being about one fact.

    Examples
    --------
    >>> import interorg
    >>> sorted(singletons(interorg.load_knowledge()))[:3]
    ['arrangement', 'care', 'cooperation']
    """
    paths = _example_paths()
    return frozenset(fact for fact, fact_type in knowledge.facts.items()
                     if fact in paths and paths[fact] == {fact_type.case_path})
