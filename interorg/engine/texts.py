"""Texts in the two languages of the advice, with ``{name}`` placeholders filled by plain substitution.

Every title, text, label and reason of the knowledge is a :class:`Text`:
English and Dutch side by side, so that the loader can check that both are
given and use the same placeholders, and nothing in a text is ever
evaluated.
"""

import functools
import re

import attrs

__all__ = ["PLACEHOLDER", "Text", "bilingual", "fill_pieces"]

#: A placeholder of a text: ``{name}``, filled by plain substitution.
PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


@attrs.frozen
class Text:
    """A text in English and Dutch."""

    en: str
    nl: str

    def get(self, lang):
        """Return the text in ``lang`` (``'en'`` or ``'nl'``)."""
        return self.nl if lang == "nl" else self.en

    def placeholders(self, lang=None):
        """The ``{name}`` placeholders used in either language, or in ``lang`` only.

        Examples
        --------
        >>> text = Text(en="{a} of {b}", nl="{a}")
        >>> sorted(text.placeholders()), sorted(text.placeholders("nl"))
        (['a', 'b'], ['a'])
        """
        texts = (self.en, self.nl) if lang is None else (self.get(lang),)
        if not any("{" in text for text in texts):  # most texts: no need to search
            return set()
        return {name for text in texts for name in _pieces(text)[1::2]}

    def placeholder_problem(self):
        """What is wrong when the Dutch does not fill the English's placeholders, as a problem's message; else None.

        A Dutch text that fills other placeholders would show a ``{name}``
        as it is, or leave out what the English says.

        Examples
        --------
        >>> Text(en="{a} of {b}", nl="{a}").placeholder_problem()
        'expected the placeholders {a}, {b} of the English text'
        >>> Text(en="x", nl="{a}").placeholder_problem()
        'expected no placeholders: the English text has none'
        >>> Text(en="{a}", nl="{a}").placeholder_problem() is None
        True
        """
        english = self.placeholders("en")
        if english == self.placeholders("nl"):
            return None
        if not english:
            return "expected no placeholders: the English text has none"
        return f"expected the placeholders {', '.join('{' + name + '}' for name in sorted(english))} of the English text"

    def fill(self, lang, values):
        """Return the text in ``lang`` with each ``{name}`` replaced by ``values[name]``.

        Plain substitution, no format language: nothing in a text is evaluated.

        Examples
        --------
        >>> Text(en="{a} and {b}, {a}", nl="{a} en {b}").fill("en", {"a": "x", "b": "{a}"})
        'x and {a}, x'
        """
        text = self.get(lang)
        if "{" not in text:
            return text
        return fill_pieces(_pieces(text), values)

    def pieces(self, lang):
        """The text in ``lang`` split at its placeholders: text, name, text, ... (one piece without any).

        What :func:`fill_pieces` fills: a text filled for many conclusions is
        split once.

        Examples
        --------
        >>> Text(en="{a} and {b}", nl="{a} en {b}").pieces("nl")
        ('', 'a', ' en ', 'b', '')
        >>> Text(en="x", nl="y").pieces("en")
        ('x',)
        """
        text = self.get(lang)
        return (text,) if "{" not in text else _pieces(text)


def fill_pieces(pieces, values):
    """The text of :meth:`Text.pieces` with each placeholder replaced by ``values[name]``.

    Examples
    --------
    >>> fill_pieces(Text(en="{a} and {b}", nl="").pieces("en"), {"a": "x", "b": "{a}"})
    'x and {a}'
    """
    if len(pieces) == 1:
        return pieces[0]
    if len(pieces) == 3:  # one placeholder, as most texts that have any: no list to make and join
        return pieces[0] + values[pieces[1]] + pieces[2]
    filled = list(pieces)
    filled[1::2] = map(values.__getitem__, pieces[1::2])
    return "".join(filled)


@functools.lru_cache(maxsize=4096)
def _pieces(text):
    # text, placeholder, text, ... as re.split gives them: a template is split once,
    # not searched again for every conclusion it is filled for
    return tuple(PLACEHOLDER.split(text))


def bilingual(text, lang):
    """``text`` in ``lang``; in English the Dutch term follows in brackets where it differs.

    The source's vocabulary stays visible to an English reader.

    Examples
    --------
    >>> bilingual(Text(en="strategic core", nl="strategische kern"), "en")
    'strategic core (strategische kern)'
    >>> bilingual(Text(en="complex", nl="complex"), "en"), bilingual(Text(en="core", nl="kern"), "nl")
    ('complex', 'kern')
    """
    if lang == "nl" or text.en.lower() == text.nl.lower():
        return text.get(lang)
    return f"{text.en} ({text.nl})"
