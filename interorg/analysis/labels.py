"""The words of tables and plots in the user's language: messages and vocabulary labels of the knowledge base.

Results shown in a notebook or drawn in a plot take their headings from
``knowledge/messages.yaml`` and the names of values (a success factor, a
quadrant) from the vocabulary, so that under ``lang='nl'`` everything a
reader sees is Dutch and no text is typed in the code.
"""

from .knowledge import load_knowledge

__all__ = ["factor_label", "message", "value_label"]


def message(key, lang="en"):
    """The message ``key`` of ``knowledge/messages.yaml`` in ``lang``.

    Examples
    --------
    >>> message("diagnosis", "nl")
    'Diagnose'
    """
    return load_knowledge().messages[key].get(lang)


def value_label(fact, field, value, lang="en"):
    """The vocabulary's label of ``value`` of ``fact.field``; the value itself when it has none.

    Examples
    --------
    >>> value_label("relationship", "trust", "high", "nl")
    'hoog'
    """
    definition = load_knowledge().facts[fact].fields[field]
    text = (definition.values or {}).get(value)
    return text.get(lang) if text is not None else value


def factor_label(factor, lang="en"):
    """The name of a success factor of the scan.

    Examples
    --------
    >>> factor_label("equality", "nl")
    'een gevoel van gelijkwaardigheid'
    """
    return value_label("scan_factor", "id", factor, lang)
