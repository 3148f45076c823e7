"""The scan of the sixteen success factors: statements, answers, scores, bands and disagreement."""

from fractions import Fraction

import hypothesis
import hypothesis.strategies as st
import pytest

import interorg
from conftest import DATA, scenario, said
from interorg.case.scan import FACTORS, PERSPECTIVES, STATEMENTS
from interorg.analysis import scan
from interorg.analysis.scan import CONCERN, DISAGREEMENT, STRENGTH, scan_scores

PARTNERS = [{"id": "a"}, {"id": "b"}, {"id": "c"}]


def case_with(*respondents):
    """A case with partners a, b, c and respondents given as (id, partner, answers)."""
    return {"partners": PARTNERS,
            "scan": {"respondents": [{"id": rid, "partner": partner, "answers": answers}
                                     for rid, partner, answers in respondents]}}


def factor_answers(factor, first, second):
    return {f"{factor}_1": first, f"{factor}_2": second}


def scores(data):
    return {score.factor: score for score in scan_scores(interorg.case_from_dict(data))}


# --- The knowledge: statements --------------------------------------------------------

def test_two_statements_per_factor_in_both_languages(knowledge):
    """Every factor has exactly two statements, in Dutch and English, written by the project and saying why."""
    assert [s.id for s in knowledge.statements] == list(STATEMENTS)
    for factor in FACTORS:
        statements = [s for s in knowledge.statements if s.factor == factor]
        assert [s.id for s in statements] == [f"{factor}_1", f"{factor}_2"]
    for statement in knowledge.statements:
        assert statement.basis == "derived"
        assert statement.text.en and statement.text.nl and statement.text.en != statement.text.nl
        en, nl = statement.reason.en.strip(), statement.reason.nl.strip()
        assert en and nl and en != nl, f"{statement.id}: the reason needs its own English and Dutch line"
        assert "\n" not in en and "\n" not in nl, f"{statement.id}: the reason is one line"


def test_factors_are_the_vocabulary(knowledge):
    """The sixteen factors and four perspectives of the case model are those the vocabulary labels."""
    fields = knowledge.facts["scan_factor"].fields
    assert list(fields["id"].values) == list(FACTORS)
    assert list(fields["perspective"].values) == list(PERSPECTIVES)
    assert [list(FACTORS.values()).count(p) for p in PERSPECTIVES] == [4, 4, 4, 4]


def test_scan_file_with_a_missing_statement_is_rejected(knowledge_copy):
    """A factor with one statement, or a statement of an unknown factor, fails to load, with its path."""
    target = knowledge_copy
    path = target / "scan.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("factor: felt_urgency\n", "factor: felt_urgncy\n", 1),
                    encoding="utf-8")
    with pytest.raises(interorg.KnowledgeError) as info:
        interorg.load_knowledge(target)
    text = said(info.value)
    assert "scan.yaml: statements[0].factor: unknown factor 'felt_urgncy'" in text
    assert "scan.yaml: statements: factor 'felt_urgency' has 1 statements; expected 2" in text


def _replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_scan_statement_without_a_one_line_reason_is_rejected(knowledge_copy):
    """A derived statement without a reason, or with one over two lines, fails to load: all at once, with paths."""
    path = knowledge_copy / "scan.yaml"
    _replace(path, """    reason:
      en: Asks whether the goals give direction, the "richtinggevend" in richtinggevende doelen.
      nl: Vraagt of de doelen richting geven, het "richtinggevend" in richtinggevende doelen.
""", "")
    _replace(path, """      nl: Vraagt naar de aanpak, de tweede helft van "een doordachte strategie en aanpak".""",
             """      nl: |
        Vraagt naar de aanpak,
        de tweede helft van "een doordachte strategie en aanpak".""")
    with pytest.raises(interorg.KnowledgeError) as info:
        interorg.load_knowledge(knowledge_copy)
    assert said(info.value).splitlines() == [
        "scan.yaml: statements[4]: statement 'directional_goals_1' is derived and needs a one-line 'reason'"
        " in English and Dutch ({en: ..., nl: ...})",
        "scan.yaml: statements[9].reason.nl: the reason of statement 'strategy_2' is one line; got 2 lines",
    ]


def test_scan_reason_in_one_language_is_rejected(knowledge_copy):
    """A reason as a plain string, or without its Dutch, fails to load with the file, path and line."""
    path = knowledge_copy / "scan.yaml"
    _replace(path, """    reason:
      en: Asks for the urgency of the shared issue itself, apart from any one organisation.
      nl: Vraagt naar de urgentie van het gezamenlijke vraagstuk zelf, los van welke organisatie ook.
""", """    reason: Asks for the urgency of the shared issue itself, apart from any one organisation.
""")
    _replace(path, """      nl: Vraagt naar de hulpbronnen, de ene helft van voldoende hulpbronnen en passende kaders.
""", "")
    with pytest.raises(interorg.KnowledgeError) as info:
        interorg.load_knowledge(knowledge_copy)
    text = str(info.value)
    assert "scan.yaml: statements[1].reason (line 30, column 13): expected a mapping (key: value)" in text
    assert "scan.yaml: statements[12].reason (line 130, column 7): missing required key 'nl'" in text


# --- Answers in a case ----------------------------------------------------------------

def test_bad_answers_are_reported_with_their_paths():
    """Unknown partner, unknown statement, an answer outside 1–5 and a repeated respondent: all at once, with paths."""
    with pytest.raises(interorg.CaseError) as info:
        interorg.load_case(DATA / "bad_scan.yaml")
    text = str(info.value)
    assert "scan.respondents[0].partner (line 7, column 25): unknown partner 'bladel'; expected one of eersel, ggz" in text
    assert "scan.respondents[0].answers.felt_urgncy_1 (line 8, column 33): unknown key 'felt_urgncy_1'" \
           " (did you mean 'felt_urgency_1'?)" in text
    assert "scan.respondents[0].answers.equality_1 (line 8, column 48): expected a number from 1 to 5; got 7" in text
    assert "scan.respondents[1].answers.equality_2 (line 11, column 29): expected a whole number; got 3.5" in text
    assert "scan.respondents[2].id (line 12, column 12): respondent id 'r1' is already used by scan.respondents[0]" in text


def test_skipped_answer_is_kept_and_not_counted():
    """A skipped statement (null) stays in the case and does not count in the score."""
    data = case_with(("r1", "a", factor_answers("equality", 4, None)), ("r2", "b", factor_answers("equality", 2, 2)))
    case = interorg.case_from_dict(data)
    assert case.scan.respondents[0].answers == {"equality_1": 4, "equality_2": None}
    assert interorg.case_to_dict(case)["scan"]["respondents"][0]["answers"] == {"equality_1": 4, "equality_2": None}
    equality = scores(data)["equality"]
    assert equality.score == 3.0 and equality.answers[0] == ("r1", "a", (4, None))


def test_respondent_who_skipped_both_is_left_out():
    """A respondent with no answer to a factor's statements is not counted for it; nobody answering means no score."""
    data = case_with(("r1", "a", factor_answers("equality", None, None)), ("r2", "b", factor_answers("equality", 5, 5)))
    result = scores(data)
    assert result["equality"].respondents == (1,) and result["equality"].score == 5.0
    assert result["felt_urgency"].score is None and result["felt_urgency"].band is None


# --- Scores, bands and disagreement -----------------------------------------------------

def test_score_is_the_mean_over_respondents_per_partner_and_overall():
    """A respondent's score is the mean of their two answers; the factor's the mean over respondents; per partner too."""
    data = case_with(("r1", "a", factor_answers("strategy", 5, 4)), ("r2", "a", factor_answers("strategy", 3, 3)),
                     ("r3", "b", factor_answers("strategy", 1, 2)))
    strategy = scores(data)["strategy"]
    assert strategy.score == round((4.5 + 3 + 1.5) / 3, 2)
    assert [(p.partner, p.score, p.respondents) for p in strategy.by_partner] == [("a", 3.75, 2), ("b", 1.5, 1)]
    assert strategy.spread == 2.25 and strategy.disagreement is True
    assert strategy.path == "scan.respondents[0,1,2].answers.{strategy_1,strategy_2}"


@pytest.mark.parametrize("answers, band", [
    ((4, 4), "strength"), ((5, 4), "strength"), ((4, 3), "middle"), ((3, 3), "middle"),
    ((3, 2), "concern"), ((2, 3), "concern"), ((2, 2), "concern"), ((1, 1), "concern"),
])
def test_band_thresholds(answers, band):
    """A mean of 4 or more is a strength, 2.5 or less a concern, anything between is the middle."""
    assert STRENGTH == 4.0 and CONCERN == 2.5
    assert scores(case_with(("r1", "a", factor_answers("monitoring", *answers))))["monitoring"].band == band


def test_band_boundaries_between_respondents():
    """Just under the thresholds the band changes: 3.67 is middle, 2.67 is middle, 2.33 is a concern."""
    def band(*pairs):
        respondents = [(f"r{i}", "a", factor_answers("monitoring", *pair)) for i, pair in enumerate(pairs)]
        return scores(case_with(*respondents))["monitoring"]

    assert (band((4, 4), (4, 4), (3, 3)).score, band((4, 4), (4, 4), (3, 3)).band) == (3.67, "middle")
    assert (band((3, 3), (3, 3), (2, 2)).score, band((3, 3), (3, 3), (2, 2)).band) == (2.67, "middle")
    assert (band((2, 2), (2, 2), (3, 3)).score, band((2, 2), (2, 2), (3, 3)).band) == (2.33, "concern")


@pytest.mark.parametrize("low, high, disagreement", [((3, 3), (5, 4), True), ((3, 3), (4, 4), False),
                                                       ((1, 2), (3, 3), True), ((2, 2), (3, 3), False),
                                                       ((2, 2), (4, 3), True), ((2, 2), (3, 4), True)])
def test_disagreement_threshold(low, high, disagreement):
    """Partner scores 1.5 or more apart are a disagreement; less is not."""
    assert DISAGREEMENT == 1.5
    equality = scores(case_with(("r1", "a", factor_answers("equality", *low)),
                                ("r2", "b", factor_answers("equality", *high))))["equality"]
    assert equality.disagreement is disagreement


def test_one_partner_has_no_spread():
    """With respondents of one partner only there is no spread, so no disagreement either way."""
    equality = scores(case_with(("r1", "a", factor_answers("equality", 1, 1)),
                                ("r2", "a", factor_answers("equality", 5, 5))))["equality"]
    assert equality.spread is None and equality.disagreement is None


def test_disagreement_is_a_signal_of_its_own():
    """A middle score hides partners far apart: the disagreement is a warning naming both ends, down to the answers."""
    advice = interorg.advise(case_with(("r1", "a", factor_answers("equality", 2, 1)),
                                       ("r2", "b", factor_answers("equality", 5, 4)),
                                       ("r3", "c", factor_answers("equality", 3, 3))))
    assert "scan.concern" not in advice and "scan.strength" not in advice
    warning = advice["scan.disagreement[equality]"]
    assert warning.kind == "warning"
    assert warning.title == "The partners disagree on a sense of equality (een gevoel van gelijkwaardigheid): a 1.5, b 4.5"
    evidence = warning.explanation.supports[0].evidence[0]
    assert evidence.path == "scan.respondents[0,1,2].answers.{equality_1,equality_2}"
    assert evidence.values["answers"] == "r1 (a): 2, 1; r2 (b): 5, 4; r3 (c): 3, 3"
    assert evidence.values["spread"] == 3.0 and evidence.values["partner_scores"] == "a 1.5; b 4.5; c 3.0"


@pytest.mark.parametrize("factor", list(FACTORS))
def test_each_factor_as_concern_and_strength(factor):
    """Each of the sixteen factors is a concern at low answers and a strength at high ones, named and explained."""
    low = interorg.advise(case_with(("r1", "a", factor_answers(factor, 2, 2))))
    concern = low[f"scan.concern[{factor}]"]
    assert [c.id for c in low.conclusions if c.model == "diagnosis.scan"] == ["scan.concern", "scan.discuss"]
    assert concern.explanation.supports[0].evidence[0].path == f"scan.respondents[0].answers.{{{factor}_1,{factor}_2}}"
    assert "(2)" in concern.title
    high = interorg.advise(case_with(("r1", "a", factor_answers(factor, 4, 5))))
    assert [c.key for c in high.conclusions if c.model == "diagnosis.scan"] == [f"scan.strength[{factor}]"]
    assert "(4.5)" in high[f"scan.strength[{factor}]"].title


@pytest.mark.parametrize("factor", list(FACTORS))
def test_each_factor_disagreement(factor):
    """Each factor gives a disagreement when two partners score it 1.5 points apart."""
    advice = interorg.advise(case_with(("r1", "a", factor_answers(factor, 3, 3)),
                                       ("r2", "b", factor_answers(factor, 5, 4))))
    assert f"scan.disagreement[{factor}]" in advice and "scan.discuss" in advice


def test_discuss_only_with_concern_or_disagreement():
    """Strengths and middle scores alone do not call for the joint discussion."""
    advice = interorg.advise(case_with(("r1", "a", {**factor_answers("equality", 5, 5), **factor_answers("strategy", 3, 3)})))
    assert "scan.strength" in advice and "scan.discuss" not in advice


def test_healthy_scenario_scores_every_factor_as_a_strength():
    """The healthy scenario's sixteen factors are all strengths, with no concern or disagreement."""
    advice = scenario("diagnosis_healthy")
    assert sorted(c.subject for c in advice.conclusions if c.id == "scan.strength") == sorted(FACTORS)
    assert "scan.concern" not in advice and "scan.disagreement" not in advice


def test_dutch_scan_titles():
    """In Dutch the factor is named by the source's term and the advice is Dutch."""
    advice = interorg.advise(case_with(("r1", "a", factor_answers("parent_commitment", 1, 2))), lang="nl")
    assert advice["scan.concern[parent_commitment]"].title == "Een zorgpunt: betrokken moederorganisaties (1,5)"


def test_scores_without_scan():
    """A case without a scan has no scores, and the scan model says what to add."""
    assert scan_scores(interorg.Case()) == ()
    status = {m.id: m for m in interorg.advise(interorg.Case()).models}["diagnosis.scan"]
    assert status.status == "not_applied" and "interorg scan" in status.to_apply


def test_scan_in_python():
    """A scan built in Python with the attrs classes is checked like a file: an answer of 6 is an error."""
    case = interorg.Case(partners=[interorg.Partner("a")],
                         scan=interorg.Scan([interorg.Respondent("r1", "a", {"equality_1": 6})]))
    with pytest.raises(interorg.CaseError, match=r"scan.respondents\[0\].answers.equality_1: expected a number from 1 to 5; got 6"):
        interorg.advise(case)


def test_an_answer_that_is_not_whole_is_scored_exactly():
    """A Case built in Python is not checked: an answer of 4.5 is averaged exactly, not refused with a TypeError."""
    from interorg import Case, Partner, Respondent, Scan
    from interorg.analysis.scan import scan_scores

    case = Case(partners=[Partner("a")], scan=Scan([
        Respondent("r1", "a", {"equality_1": 4.5, "equality_2": 2}), Respondent("r2", "a", {"equality_1": 3})]))
    equality = {f.factor: f for f in scan_scores(case)}["equality"]
    assert equality.score == 3.12  # (3.25 + 3) / 2 = 3.125, rounded to two places as every score


@hypothesis.settings(max_examples=300, deadline=None)
@hypothesis.given(st.lists(st.integers(2, 10), min_size=1, max_size=400))
def test_a_mean_of_whole_answers_is_the_float_of_the_exact_fraction(halves):
    """The mean of whole half-sums, divided as whole numbers, is the exact mean correctly rounded."""
    assert scan._mean(halves) == float(Fraction(sum(halves), 2 * len(halves)))


def test_a_mean_of_answers_that_are_not_whole_stays_exact():
    """Answers that are not whole (a Case built in Python) are averaged exactly, then rounded once."""
    halves = [Fraction("3.1") + Fraction("4.2"), Fraction(7)]
    assert scan._mean(halves) == Fraction(143, 40)


def test_the_table_writes_scores_as_its_language_does():
    """ScanScores.to_html(lang): 4.44 and 0.25 in English, 4,44 and 0,25 in Dutch, in every score and spread."""
    import re

    scores = scan_scores(interorg.example_case())
    felt = scores["felt_urgency"]
    numbers = {lang: re.findall(r">(\d+[.,]\d\d)(?: ⚠)?<", scores.to_html(lang)) for lang in ("en", "nl")}
    assert numbers["en"][:2] == [f"{felt.score:.2f}", f"{felt.spread:.2f}"]
    assert numbers["nl"] == [number.replace(".", ",") for number in numbers["en"]]
    assert all("." not in number for number in numbers["nl"]) and len(numbers["nl"]) > 16
