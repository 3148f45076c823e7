"""Errors are told in the language of the call that raised them; their problems stay English and structured."""

import importlib.resources
import inspect
import pickle
import shutil

import pytest

import interorg
from interorg.engine.translation import problems_in_lang
from interorg.errors import CaseError, KnowledgeError, Problem, UsageError
from interorg.report.jsonshape import advice_schema_text
from interorg.research.coverage import coverage
from interorg.research.export import to_clips

BAD_CASE = {"care": {"demand": "compelx", "supply_in_municipality": "ja"}, "partners": [{"id": "a", "kind": "gemeente"}]}
#: English words of the messages above that their Dutch does not use.
ENGLISH = ("expected", "got", "missing", "one of", "line")


def _raised(call, *args, **kwargs):
    with pytest.raises(interorg.InterorgError) as caught:
        call(*args, **kwargs)
    return caught.value


def _dutch(text):
    """Assert that ``text`` reads as the Dutch of an error: no English word of a problem left."""
    assert text
    assert not [word for word in ENGLISH if word in text], text
    return text


def test_advise_in_dutch_raises_a_dutch_case_error():
    """``advise(bad_case, lang="nl")`` raises a CaseError whose text is Dutch, problem by problem."""
    error = _raised(interorg.advise, BAD_CASE, lang="nl")
    assert isinstance(error, CaseError) and error.lang == "nl"
    text = _dutch(str(error))
    assert "care.demand: verwacht een van standard, complex; gekregen: 'compelx'" in text.splitlines()
    assert len(text.splitlines()) == len(error.problems)


def test_the_problems_stay_english_and_structured():
    """Under ``lang="nl"`` the problems are those of the English call: same paths, same English messages."""
    english = _raised(interorg.advise, BAD_CASE)
    dutch = _raised(interorg.advise, BAD_CASE, lang="nl")
    assert english.lang == "en"
    assert dutch.problems == english.problems
    assert "expected one of standard, complex; got 'compelx'" in [problem.message for problem in dutch.problems]


def test_in_language_round_trips():
    """``in_language("en")`` of a Dutch error is the English error, of the same type, problems and source."""
    english = _raised(interorg.advise, BAD_CASE)
    dutch = _raised(interorg.advise, BAD_CASE, lang="nl")
    back = dutch.in_language("en")
    assert type(back) is CaseError and back is not dutch
    assert str(back) == str(english)
    assert (back.problems, back.source, back.more) == (dutch.problems, dutch.source, dutch.more)
    assert str(english.in_language("nl")) == str(dutch)
    assert dutch.lang == "nl"  # the original is left as it was


def test_in_language_keeps_the_cause_and_traceback():
    """The error in another language is raised from what the original was raised from, at the same place."""
    try:
        try:
            raise OSError("disk")
        except OSError as exc:
            raise UsageError("expected one of a, b; got 'c'") from exc
    except UsageError as error:
        told, original = error.in_language("nl"), error
    assert told.__cause__ is original.__cause__ and told.__traceback__ is original.__traceback__
    assert str(told) == "verwacht een van a, b; gekregen: 'c'"


def test_an_error_keeps_its_language_through_pickle():
    """A Dutch error sent between processes (a sweep's workers) is still Dutch, with its problems."""
    error = _raised(interorg.advise, BAD_CASE, lang="nl")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.lang, copy.problems, str(copy)) == ("nl", error.problems, str(error))
    ambiguous = interorg.AmbiguousKey("x", ["x[a]", "x[b]"]).in_language("nl")
    assert str(pickle.loads(pickle.dumps(ambiguous))) == "'x' is voor 2 onderwerpen geconcludeerd; gebruik een van: x[a], x[b]"


def test_the_count_of_problems_not_kept_is_dutch_too():
    """An error that kept only some problems ends with the count of the others, grouped the Dutch way."""
    error = CaseError([Problem("care", "expected a list; got 3")], "case.yaml", more=1234, lang="nl")
    assert str(error) == "case.yaml: care: verwacht een lijst; gekregen: 3\n... en nog 1.234 problemen"


def test_problem_message_in():
    """``Problem.message_in`` gives the message in a language; a message no pattern knows stays as it is."""
    problem = Problem("care.demand", "expected one of standard, complex; got 'x'")
    assert problem.message_in("nl") == "verwacht een van standard, complex; gekregen: 'x'"
    assert problem.message_in("en") == problem.message
    assert Problem("", "something no pattern says").message_in("nl") == "something no pattern says"


def test_a_usage_error_is_dutch():
    """A UsageError of a call in Dutch is Dutch: a knowledge argument of the wrong type."""
    error = _raised(interorg.advise, interorg.example_case(), lang="nl", knowledge=3)
    assert isinstance(error, UsageError)
    assert str(error) == "knowledge: verwacht een interorg.KnowledgeBase of het pad van een kennismap; gekregen: int"
    assert str(error.in_language("en")) == ("knowledge: expected an interorg.KnowledgeBase or the path of a"
                                            " knowledge folder; got int")


def test_a_knowledge_error_is_dutch(tmp_path):
    """A knowledge folder refused under ``lang="nl"`` is refused in Dutch; a broken file too."""
    missing = _raised(interorg.advise, interorg.example_case(), lang="nl", knowledge=tmp_path / "nergens")
    assert isinstance(missing, KnowledgeError)
    assert "de kennismap bestaat niet" in _dutch(str(missing))
    folder = tmp_path / "knowledge"
    with importlib.resources.as_file(importlib.resources.files("interorg.knowledge")) as source:
        shutil.copytree(source, folder, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    models = folder / "models.yaml"
    models.write_text(models.read_text(encoding="utf-8") + "extra: 1\n", encoding="utf-8")
    broken = _raised(interorg.advise, interorg.example_case(), lang="nl", knowledge=folder)
    assert isinstance(broken, KnowledgeError) and broken.problems
    assert str(broken) != str(broken.in_language("en"))
    assert "onbekende sleutel 'extra'" in str(broken)


def test_a_language_that_is_not_supported_leaves_the_error_english():
    """``lang="fr"`` is refused in English: there is no French to tell it in."""
    error = _raised(interorg.advise, interorg.example_case(), lang="fr")
    assert error.lang == "en"
    assert str(error) == "language 'fr' is not supported; expected one of en, nl"


#: A call of each entry point that takes ``lang`` and refuses what it is given, and whether it does so in English too
#: (the English advice schema is the shipped file: it reads no knowledge).
ENTRY_POINTS = {
    "compare": (lambda lang: interorg.compare(BAD_CASE, interorg.example_case(), lang=lang), True),
    "sweep": (lambda lang: interorg.sweep(interorg.example_case(), {"care.nothing": [1]}, progress=False, lang=lang),
              True),
    "corpus_coverage": (lambda lang: interorg.corpus_coverage([BAD_CASE], lang=lang), True),
    "coverage": (lambda lang: coverage(lang=lang, example=BAD_CASE), True),
    "to_clips": (lambda lang: to_clips(BAD_CASE, lang=lang), True),
    "advice_schema_text": (lambda lang: advice_schema_text(lang, knowledge=3), False),
}


@pytest.mark.parametrize("name", list(ENTRY_POINTS))
def test_every_entry_point_with_lang_raises_in_it(name):
    """compare, sweep, corpus_coverage, coverage, to_clips and advice_schema_text raise in Dutch under nl."""
    call, in_english = ENTRY_POINTS[name]
    dutch = _raised(call, "nl")
    assert dutch.lang == "nl"
    _dutch(str(dutch))
    if in_english:
        english = _raised(call, "en")
        assert (type(english), english.lang) == (type(dutch), "en")
        assert str(dutch.in_language("en")) == str(english)


def test_the_public_functions_with_lang_tell_their_errors_in_it():
    """Every public function of ``interorg`` that takes ``lang`` is marked with ``problems_in_lang``."""
    told = problems_in_lang(lambda lang="en": None).__code__
    with_lang = {name: value for name in interorg.__all__
                 if inspect.isfunction(value := getattr(interorg, name))
                 and "lang" in inspect.signature(value).parameters}
    assert {"advise", "compare", "corpus_coverage", "sweep"} <= set(with_lang)
    assert [name for name, value in with_lang.items() if value.__code__ is not told] == []
    assert interorg.Advice.json_schema.__code__ is told


def test_problems_in_lang_needs_a_lang_parameter():
    """Marking a function that takes no ``lang`` is a mistake found where it is made."""
    with pytest.raises(TypeError, match="takes no lang"):
        problems_in_lang(lambda case: None)


def test_problems_in_lang_reads_lang_given_by_position():
    """The language of the call is found whether it is given by keyword, by position or left as the default."""
    @problems_in_lang
    def refuse(value, lang="nl"):
        raise UsageError(f"expected a list; got {value}")

    for call, lang in [(lambda: refuse(3, "en"), "en"), (lambda: refuse(3), "nl"), (lambda: refuse(3, lang="en"), "en")]:
        assert _raised(call).lang == lang
    assert str(_raised(lambda: refuse(3))) == "verwacht een lijst; gekregen: 3"


def test_an_error_is_told_in_english_when_the_translations_cannot_be_read(monkeypatch):
    """``str()`` of a Dutch error does not fail when the knowledge that translates it is refused: it is English."""
    def refused(subject, lang):
        raise KnowledgeError([Problem("", "the knowledge folder does not exist")], "knowledge")

    monkeypatch.setattr(interorg.errors, "_translator", refused)
    error = CaseError([Problem("care", "expected a list; got 3")], lang="nl")
    assert str(error) == "care: expected a list; got 3"
    assert error.problems[0].message_in("nl") == "expected a list; got 3"
