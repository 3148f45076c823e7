"""Generated partner networks for the benchmark: n partners, about 2n relationships and n dependencies."""

import random

__all__ = ["network_case"]


def network_case(n, seed=0):
    """A case with ``n`` partners, each described in full, for measuring how advice scales.

    Every partner has position criteria and a fit profile; each is related to
    its two next neighbours on a ring (about 2n relationships, with trust,
    vigilance and triggers drawn at random) and depends on one of a few hubs.
    """
    rnd = random.Random(seed)
    ids = [f"p{i:04d}" for i in range(n)]
    hubs = ids[: max(2, n // 25)]
    partners = []
    for pid in ids:
        partners.append({
            "id": pid,
            "position": rnd.choice(["core", "ring", "free_space"]),
            "criteria": {
                "collective_vision": rnd.random() < 0.5, "shares_risk": rnd.random() < 0.5,
                "sets_rules_together": rnd.random() < 0.5, "easy_to_work_with": rnd.random() < 0.7,
                "fills_gaps": rnd.random() < 0.5, "market_transactions": rnd.random() < 0.3,
                "strategy_agreement": rnd.choice(["consensus", "consent", "none"]),
            },
            "fit": {dimension: rnd.choice(["strong", "moderate", "weak"])
                    for dimension in ("strategic", "cultural", "organisational", "operational")},
        })
    relationships = []
    for i, pid in enumerate(ids):
        for step in (1, 2):
            other = ids[(i + step) % n]
            if n > 2 * step:
                relationships.append({
                    "between": [pid, other],
                    "trust": rnd.choice(["high", "low"]), "vigilance": rnd.choice(["high", "low"]),
                    "information_asymmetry": rnd.random() < 0.2, "contact": rnd.choice(["high", "low"]),
                    "answers_to_both_sides": rnd.random() < 0.1,
                })
    dependencies = [{"partner": pid, "on": rnd.choice([h for h in hubs if h != pid]),
                     "strength": rnd.choice(["high", "low"])} for pid in ids]
    return {"name": f"generated network of {n} partners", "partners": partners,
            "relationships": relationships, "dependencies": dependencies}
