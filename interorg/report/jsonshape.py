"""How the conclusions and their explanations are written in the advice's JSON: each explanation once.

Explanations share their sub-explanations: a conclusion that rests on an
earlier one would repeat that one's whole tree, and at the example's size
the trees made up most of the JSON.  Each conclusion's explanation is
therefore written once, in a table ``explanations`` keyed by the
conclusion's unique key (``id`` or ``id[subject]``); a conclusion's
``explanation`` and an evidence of type ``conclusion`` hold that key.  The
shape is documented in the README ("The advice as JSON").
"""

import attrs

from ..engine.results import Evidence, plain

__all__ = ["conclusion_dict", "explanations_table"]


def _key(rule, subject):
    return rule if subject is None else f"{rule}[{subject}]"


def conclusion_dict(conclusion, explanations=True):
    """A conclusion as JSON-ready data, its ``explanation`` the key into the table (or None without one).

    Examples
    --------
    >>> import interorg
    >>> advice = interorg.advise(interorg.example_case())
    >>> data = conclusion_dict(advice.conclusions[0])
    >>> data["id"], data["explanation"]
    ('kenis.need.multi-organisation-network', 'kenis.need.multi-organisation-network')
    """
    data = {}
    for field in attrs.fields(type(conclusion)):
        if field.name == "explanation":
            data["explanation"] = conclusion.key if explanations else None
        else:
            data[field.name] = plain(getattr(conclusion, field.name))
    return data


def _evidence(evidence):
    data = {}
    for field in attrs.fields(Evidence):
        if field.name == "explanation":
            data["explanation"] = None if evidence.explanation is None else _key(evidence.rule, evidence.subject)
        else:
            data[field.name] = plain(getattr(evidence, field.name))
    return data


def _explanation(explanation):
    return {
        "rule": explanation.rule,
        "title": explanation.title,
        "basis": explanation.basis,
        "reason": explanation.reason,
        "supports": [{"evidence": [_evidence(e) for e in support.evidence], "absent": list(support.absent)}
                     for support in explanation.supports],
    }


def explanations_table(conclusions):
    """``{conclusion key: explanation}`` for every conclusion, each written once, in the advice's order.

    An evidence that is an earlier conclusion names that conclusion's key
    in ``explanation``; its own explanation is the table's entry under it.

    Examples
    --------
    >>> import interorg
    >>> advice = interorg.advise(interorg.example_case())
    >>> table = explanations_table(advice.conclusions)
    >>> len(table) == len(advice.conclusions)
    True
    """
    return {conclusion.key: _explanation(conclusion.explanation) for conclusion in conclusions}
