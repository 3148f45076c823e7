"""Explaining a run: labels and titles in the advice's language."""

import interorg


def _advice_with_first_partner_named(name):
    from interorg.case import case_from_dict, case_to_dict

    data = case_to_dict(interorg.example_case())
    first = data["partners"][0]
    return interorg.advise(case_from_dict({**data, "partners": [{**first, "name": name}] + data["partners"][1:]}))


def _summaries(explanation, out):
    for support in explanation.supports:
        for evidence in support.evidence:
            out.append(evidence.summary)
            if evidence.explanation is not None:
                _summaries(evidence.explanation, out)
    return out


def test_labels_kept_between_runs_do_not_carry_partner_names():
    """Labels are kept for the next run, except a partner's name: the same id shows each run's own name."""
    texts = [_advice_with_first_partner_named(name).to_text(full=True)
             for name in ("Gemeente Eerste", "Gemeente Tweede")]
    assert "Gemeente Eerste" in texts[0] and "Gemeente Tweede" not in texts[0]
    assert "Gemeente Tweede" in texts[1] and "Gemeente Eerste" not in texts[1]


def test_evidence_summaries_kept_between_runs_name_each_runs_partners():
    """A summary's ``field = value`` parts are kept for the next run, but a partner's value shows the run's name."""
    found = []
    for name in ("Gemeente Eerste", "Gemeente Tweede"):
        advice = _advice_with_first_partner_named(name)
        found.append(" | ".join(s for c in advice.conclusions for s in _summaries(c.explanation, [])))
    assert "Gemeente Eerste" in found[0] and "Gemeente Tweede" not in found[0]
    assert "Gemeente Tweede" in found[1] and "Gemeente Eerste" not in found[1]
    # apart from the name, the second run says the same as the first
    assert found[1].replace("Gemeente Tweede", "Gemeente Eerste") == found[0]


def _absent(advice, rule, subject):
    conclusion = next(c for c in advice.conclusions if c.id == rule and c.subject == subject)
    return conclusion.explanation.supports[0].absent


def test_absent_condition_says_what_was_required_absent_not_its_opposite():
    """A negated ``not_in`` is said as 'other than': every motive external pressure means none other is there."""
    case = {"partners": [{"id": "a", "name": "Alfa"}], "motives": [{"partner": "a", "motives": ["political_pressure"]}]}
    for lang, expected in [
        ("en", "motive for collaborating (motief voor samenwerken): the same partner; category of motive"
               " (categorie van motieven) other than external pressure (externe druk)"),
        ("nl", "motief voor samenwerken: dezelfde partner; categorie van motieven anders dan externe druk"),
    ]:
        assert _absent(interorg.advise(case, lang=lang), "workbook.motives.external-pressure-only", "a") == (expected,)


def test_absent_comparison_is_said_in_words_not_in_rule_syntax():
    """The position rules' negated counts read as the fields' labels and a symbol, with no variables or operators."""
    criteria = {"collective_vision": True, "added_value_core_processes": True, "shares_risk": True}
    case = {"partners": [{"id": "a", "criteria": criteria}, {"id": "b"}]}
    absent = _absent(interorg.advise(case, lang="nl"), "network.position.core", "a")
    assert absent[0] == ("criteria voor de positie van een partner: dezelfde partner; ringcriteria vervuld ≥ 2;"
                         " ringcriteria vervuld min niet vervuld > 0")
    assert not any("?" in text or " ge " in text or "_" in text for text in absent)


def test_a_fact_that_satisfies_several_alternatives_is_evidence_by_each():
    """Fear and scepticism both make vigilance high: the evidence names both, not the first alternative only."""
    case = {"name": "vig", "partners": [{"id": "a"}, {"id": "b"}],
            "relationships": [{"between": ["a", "b"], "trust": "high", "fear": True, "scepticism": True}]}
    conclusion = interorg.advise(case)["trust.quadrants.vigilance-high[a~b]"]
    (support,) = conclusion.explanation.supports
    (evidence,) = support.evidence
    assert evidence.fields == ("id", "vigilance", "fear", "scepticism")
    assert "fear (angst) = yes; scepticism (scepsis) = yes" in evidence.summary
