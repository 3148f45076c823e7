"""Facts for the diagnosis: the scan's factor scores, the phase and its checklist, the observations.

Each producer yields ``(fact type, values, path in the case)``;
:mod:`interorg.facts.sections` turns them into input facts.  Scores are computed in
:mod:`interorg.analysis.scan`; the phase of each activity is read from its id
(``phase.domain.name``) and compared with the current phase here, so that a
rule can ask whether an activity belongs to an earlier phase without joining
two facts.
"""

from operator import attrgetter

from ..case.phase import ACTIVITIES, PHASES
from ..analysis.scan import scan_scores

__all__ = ["CHECKLIST", "PRODUCERS", "SWITCH"]

#: The phase that is the switch point of the collaboration process (schakelpunt).
SWITCH = "sharing"

#: The domains counted for neglect ('all' spans them and belongs to the last phase only).
_DOMAINS = ("ambition", "interests", "relationship", "organisation")


def _answers_text(factor, names):
    """The answers behind a factor as text: ``r1 (Gemeente Eersel): 4, 5; r2 (ggz): 2, –``.

    A partner is named by its name where the case gives one, as everywhere
    in the advice.
    """
    # each respondent answers a factor's two statements: the pair is written out, without a join or a call
    # per respondent (an answer formats as str() writes it)
    return "; ".join([f"{respondent} ({names.get(partner, partner)}): {'–' if one is None else one},"
                      f" {'–' if two is None else two}" for respondent, partner, (one, two) in factor.answers])


_SCORE = attrgetter("score")


def _scan_facts(case):
    names = case.partner_names()
    for factor in scan_scores(case):
        if factor.score is None:
            continue
        if factor.spread is None:
            lowest_partner = lowest_score = highest_partner = highest_score = None
        else:
            low, high = min(factor.by_partner, key=_SCORE), max(factor.by_partner, key=_SCORE)
            lowest_partner, lowest_score, highest_partner, highest_score = low.partner, low.score, high.partner, high.score
        values = {
            "id": factor.factor, "perspective": factor.perspective, "score": factor.score, "band": factor.band,
            "respondents": len(factor.respondents), "partners": len(factor.by_partner),
            "spread": factor.spread, "disagreement": factor.disagreement,
            "lowest_partner": lowest_partner, "lowest_score": lowest_score,
            "highest_partner": highest_partner, "highest_score": highest_score,
            "partner_scores": "; ".join([f"{names.get(p.partner, p.partner)} {p.score}" for p in factor.by_partner]),
            "answers": _answers_text(factor, names),
        }
        yield ("scan_factor", values, factor.path)


#: Where each phase stands in the process, by its id.
_PLACE = {phase: index for index, phase in enumerate(PHASES)}


def _timing(activity_phase, current):
    if current is None:
        return None
    difference = _PLACE[activity_phase] - _PLACE[current]
    return "earlier" if difference < 0 else "current" if difference == 0 else "later"


#: Each activity of the checklist with its phase, its domain and whether it is before the switch point,
#: read from its id once, not in every case.
CHECKLIST = tuple((activity, *activity.split(".")[:2], _PLACE[activity.split(".")[0]] <= _PLACE[SWITCH])
                  for activity in ACTIVITIES)

#: The timing of each phase's activities, by the current phase (None: not said).
_TIMINGS = {current: {phase: _timing(phase, current) for phase in PHASES} for current in (None, *PHASES)}


def _phase_facts(case):
    phase = case.phase
    if phase is None:
        return
    current = phase.current
    past_switch = None if current is None else PHASES.index(current) > PHASES.index(SWITCH)
    phase_values = {"current": current, "past_switch": past_switch, "checklist": phase.done is not None}
    for index, change in enumerate(phase.changes):
        yield ("phase_change", {"kind": change}, f"phase.changes[{index}]")
    if phase.done is None:
        yield ("phase", phase_values, "phase")
        return
    position = {activity: index for index, activity in enumerate(phase.done)}
    counts = {domain: {"earlier": 0, "earlier_done": 0, "open": 0} for domain in _DOMAINS}
    timings = _TIMINGS[current]
    for activity, activity_phase, domain, before_switch in CHECKLIST:
        done = activity in position
        timing = timings[activity_phase]
        values = {"id": activity, "phase": activity_phase, "domain": domain, "done": done, "timing": timing,
                  "before_switch": before_switch}
        yield ("phase_activity", values, f"phase.done[{position[activity]}]" if done else "phase.done")
        if domain in counts and timing == "earlier":
            counts[domain]["earlier"] += 1
            counts[domain]["earlier_done"] += done
        elif domain in counts and timing == "current" and not done:
            counts[domain]["open"] += 1
    # Declared after the activities, so that conclusions joining both follow the checklist's order.
    yield ("phase", phase_values, "phase")
    if current is None:
        return
    for domain in _DOMAINS:
        yield ("phase_domain", {"domain": domain, "current": current, **counts[domain]}, "phase.done")


def _observation_facts(case):
    for index, observation in enumerate(case.observations):
        yield ("observation", {"kind": observation.observation, "seen": observation.seen}, f"observations[{index}]")


#: Producers of this module, in the order their facts are declared.
PRODUCERS = (_scan_facts, _phase_facts, _observation_facts)
