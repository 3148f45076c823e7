"""The commented template of a case file (`interorg new`)."""

import re

from interorg.case.template import case_template


def test_comments_are_whole_sentences_in_plain_words():
    """A comment ends where its sentence ends (not at 'A.' or 'e.g.'), and shows no docstring markup."""
    text = case_template()
    assert "# resources:  # A. Beleid/regie/middelen (policy, direction, resources)" in text
    assert "Douma criteria that are weak for this partner, e.g. commitment" in text
    assert "1. Organiseer op basis van een zinvol vraagstuk" in text
    assert ":class:" not in text and ":data:" not in text and "``" not in text


def test_the_template_speaks_to_a_reader_not_of_the_code():
    """No class or constant of the code is named in a comment, and a Dutch gloss is a term, not a table's heading."""
    text = case_template()
    assert re.findall(r"\(see [A-Z][A-Za-z_]+\)|\bACTIVITIES\b|\bSECTIONS\b", text) == []
    assert re.findall(r"— \([^)]*\(", text) == []
