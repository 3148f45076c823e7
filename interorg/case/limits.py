"""The bounds of a case: what interorg reads and advises on, so that any input is answered in bounded time and memory.

Each bound is above what a real collaboration describes and low enough that
a case at every bound at once is read in well under a second and advised on
and rendered in under two (about 1.1 s for the advice and 0.4 s for text and
Markdown on the development machine; ``make benchmark`` measures advice on
generated networks up to the bound).  They are
checked before any value is built (:data:`CASE_LIMITS`, on the parser's
events) and before the rules run (:func:`count_problems`, on the raw data),
and listed in the README.
"""

from ..errors import Problem
from ..utils.bounds import Limits

__all__ = ["CASE_LIMITS", "MAX_ITEMS", "count_problems", "within_counts"]

#: The bounds of a case file or mapping.  Anchors and aliases are refused:
#: a case is short enough to write out, interorg never writes them, and they
#: are the way to a document that expands without end.
CASE_LIMITS = Limits(
    max_bytes=2 * 1024 * 1024,
    max_depth=16,
    max_nodes=200_000,
    max_text=10_000,
    max_digits=15,
    aliases=False,
)

#: The most items of each list of a case whose size drives the cost of the advice.
MAX_ITEMS = {
    "partners": 200,
    "relationships": 400,
    "dependencies": 400,
    "scan.respondents": 200,
    "leadership": 50,
    "board_members": 50,
    "game_rules.breaches": 100,
    "care.municipalities": 400,
}


def _list_at(data, dotted):
    value = data
    for key in dotted.split("."):
        value = value.get(key) if isinstance(value, dict) else None
    return value if isinstance(value, list) else None


def count_problems(data):
    """Problems for the lists of raw case ``data`` that hold more items than :data:`MAX_ITEMS` allows.

    Examples
    --------
    >>> [str(p) for p in count_problems({"partners": [{"id": f"p{i}"} for i in range(201)]})]
    ['partners: 201 partners; at most 200 are advised on (only the first 200 are checked)']
    >>> count_problems({"partners": []})
    []
    """
    problems = []
    for dotted, most in MAX_ITEMS.items():
        items = _list_at(data, dotted)
        if items is not None and len(items) > most:
            what = dotted.rpartition(".")[2].replace("_", " ")
            problems.append(Problem(dotted, f"{len(items):,} {what}; at most {most:,} are advised on"
                                            f" (only the first {most:,} are checked)"))
    return problems


def within_counts(data):
    """Raw case ``data`` with each list of :data:`MAX_ITEMS` cut to its bound, for checking its items.

    A list beyond its bound is refused as a whole (:func:`count_problems`);
    checking every one of its items, one by one, would cost time and memory
    without end for a message nobody reads through.  Only the mappings on
    the way to a cut list are copied; ``data`` itself is not changed.

    Examples
    --------
    >>> len(within_counts({"partners": [{}] * 500})["partners"])
    200
    >>> data = {"name": "x"}
    >>> within_counts(data) is data
    True
    """
    result = data
    for dotted, most in MAX_ITEMS.items():
        items = _list_at(data, dotted)
        if items is None or len(items) <= most:
            continue
        if result is data:
            result = dict(data)
        keys = dotted.split(".")
        holder = result
        for key in keys[:-1]:
            holder[key] = dict(holder[key])
            holder = holder[key]
        holder[keys[-1]] = items[:most]
    return result
