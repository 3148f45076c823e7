"""The commented template of a case file (`interorg new`)."""


def test_comments_are_whole_sentences_in_plain_words():
    """A comment ends where its sentence ends (not at 'A.' or 'e.g.'), and shows no docstring markup."""
    from interorg.case.template import case_template

    text = case_template()
    assert "# resources:  # A. Beleid/regie/middelen (policy, direction, resources)" in text
    assert "Douma criteria that are weak for this partner, e.g. commitment" in text
    assert "1. Organiseer op basis van een zinvol vraagstuk" in text
    assert ":class:" not in text and ":data:" not in text and "``" not in text
