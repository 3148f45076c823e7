"""Why-not in the language asked for: `interorg.why_not(..., lang=)`, its report's `lang`, and `interorg explain --lang`."""

import json

import pytest

import interorg
from interorg.cli import main

CASE = {"name": "Test", "care": {"demand": "complex", "supply_in_municipality": True}}
EXAMPLE = interorg.example_case()


def _raised(call):
    with pytest.raises(interorg.InterorgError) as caught:
        call()
    return caught.value


def test_a_case_asked_about_in_dutch_is_answered_in_dutch():
    """``why_not(case, rule, lang="nl")`` says what a Dutch advice's ``why_not`` says, and its ``lang`` is nl."""
    answer = interorg.why_not(CASE, "kenis.need.quadrant-i", lang="nl")
    assert answer.lang == "nl"
    assert answer.to_text().startswith("Waarom niet kenis.need.quadrant-i")
    assert answer.to_text() == interorg.advise(CASE, lang="nl").why_not("kenis.need.quadrant-i").to_text()
    assert interorg.why_not(CASE, "kenis.need.quadrant-i").lang == "en"


def test_an_english_advice_asked_about_in_dutch_is_answered_in_dutch():
    """An English advice asked in Dutch answers as the Dutch advice does, for a rule that fired and one that did not."""
    english, dutch = interorg.advise(EXAMPLE), interorg.advise(EXAMPLE, lang="nl")
    fired = next(c.key for c in dutch.conclusions if c.kind == "warning")
    for key in (fired, "kenis.need.quadrant-i"):
        asked = english.why_not(key, lang="nl")
        assert asked.lang == "nl"
        assert asked.to_markdown() == dutch.why_not(key).to_markdown()
        assert asked.to_text() == interorg.why_not(english, key, lang="nl").to_text() != english.why_not(key).to_text()
    assert english.why_not(fired).lang == "en" and dutch.why_not(fired).lang == "nl"


def test_the_case_problems_of_a_change_are_told_in_the_reports_language():
    """A change the checks refuse gives their reason in the report's language in every rendering, unless told otherwise."""
    messages = interorg.load_knowledge().messages
    dutch, english = messages["problem.supply_twice"].nl, messages["problem.supply_twice"].en
    answer = interorg.why_not(EXAMPLE, "kenis.need.quadrant-i", lang="nl")
    for rendering in (answer.to_text(), answer.to_markdown(), answer.to_json(), answer._repr_html_()):
        assert dutch in rendering and english not in rendering
    (item,) = answer.to_dict()["unwritable"]
    assert item["problems"][0]["message"] == dutch
    assert english in answer.to_text(translate=lambda message: message)
    plain = interorg.why_not(EXAMPLE, "kenis.need.quadrant-i")
    assert english in plain.to_text() and dutch not in plain.to_text()


def test_the_errors_are_told_in_the_language_asked_for_or_the_advices():
    """An unknown rule or subject is refused in ``lang``; without ``lang``, in the language of the advice given."""
    dutch = interorg.advise(CASE, lang="nl")
    for call in (lambda: interorg.why_not(CASE, "no.such.rule", lang="nl"),
                 lambda: interorg.why_not(dutch, "no.such.rule"),
                 lambda: interorg.why_not(interorg.advise(CASE), "no.such.rule", lang="nl")):
        error = _raised(call)
        assert isinstance(error, interorg.UnknownRule) and error.lang == "nl"
        assert str(error) == "onbekende regel 'no.such.rule'; `interorg rules` noemt ze"
    assert _raised(lambda: interorg.why_not(CASE, "no.such.rule")).lang == "en"
    assert _raised(lambda: dutch.why_not("no.such.rule", lang="en")).lang == "en"
    error = _raised(lambda: interorg.why_not(EXAMPLE, "trust.opportunism.lock-in", "nobody", lang="nl"))
    assert str(error).startswith("geen relationship van de casus heeft het onderwerp 'nobody' van regel")
    error = _raised(lambda: interorg.why_not(CASE, "kenis.need.quadrant-i", lang="fr"))
    assert str(error) == "language 'fr' is not supported; expected one of en, nl"


def test_an_advice_without_its_case_is_answered_in_its_own_language_only():
    """An advice built without a case cannot be advised on again: asked in another language, it says so, in that one."""
    advice = interorg.advise(CASE)
    bare = interorg.Advice(advice.case_name, advice.lang, advice.conclusions, advice.models, "x", advice.labels,
                           facts=advice.facts)
    assert not interorg.why_not(bare, "kenis.need.quadrant-i").fired
    error = _raised(lambda: interorg.why_not(bare, "kenis.need.quadrant-i", lang="nl"))
    assert isinstance(error, interorg.UsageError)
    assert str(error) == ("dit advies bevat geen casus om opnieuw in 'nl' over te adviseren; vraag het in de taal"
                          " van het advies, 'en'")


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_the_command_line_answers_as_python_does(capsys, fmt):
    """``interorg explain CASE RULE --lang nl`` prints what ``why_not(CASE, RULE, lang="nl")`` renders."""
    answer = interorg.why_not(EXAMPLE, "kenis.need.quadrant-i", lang="nl")
    with interorg.example_path() as path:
        assert main(["explain", str(path), "kenis.need.quadrant-i", "--lang", "nl", "--format", fmt]) == 0
    out = capsys.readouterr().out
    expected = {"text": answer.to_text(), "markdown": answer.to_markdown(), "json": answer.to_json() + "\n"}[fmt]
    assert out == expected
    if fmt == "json":
        assert json.loads(out)["rule"] == "kenis.need.quadrant-i"
