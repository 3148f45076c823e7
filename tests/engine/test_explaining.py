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
