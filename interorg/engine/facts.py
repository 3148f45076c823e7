"""The input facts a run reasons over: a type of the vocabulary, its values, and where they come from."""

import attrs

__all__ = ["InputFact", "key_text"]


@attrs.frozen
class InputFact:
    """A fact taken from the case.

    Attributes
    ----------
    type : str
        The fact type, as named in the vocabulary.
    values : dict
        Field name to value; None where the case does not say.
    path : str
        Where in the case it comes from, as ``reasons[1]``.
    """

    type: str
    values: dict
    path: str

    def given(self):
        """The fields the case gives (leaving out the unknown ones)."""
        return {name: value for name, value in self.values.items() if value is not None}


def key_text(value):
    """A subject or value as the keys of conclusions write it: ``true``, ``false`` or the string; None stays None.

    Examples
    --------
    >>> key_text(True), key_text(3), key_text(None)
    ('true', '3', None)
    """
    if value is None:
        return None
    return ("true" if value else "false") if isinstance(value, bool) else str(value)
