"""The working memory a run builds where it makes its facts is the one WorkingMemory.add defines."""

import interorg
from interorg.engine import memory, run
from interorg.engine import session as engine_session
from interorg.facts import case_facts


def test_a_run_builds_the_memory_that_add_defines():
    """Inputs and conclusions added inline by the session give the same references, kinds and index as the methods."""
    knowledge = interorg.load_knowledge()
    session = run(knowledge, case_facts(interorg.example_case()))
    expected = memory.WorkingMemory(engine_session._indexed(knowledge))
    for ref, fact in session.inputs.items():
        expected.add(ref, ("fact", fact.type), {f: v for f, v in fact.values.items() if v is not None})
    compiled = {t.compiled.id: t.compiled for group in engine_session._compiled(knowledge) for t in group.members}
    for key in session.records:  # in the order they were concluded (a dict keeps it)
        rule = compiled[key[0]]
        expected.add(key, rule.kind, {"subject": key[1]})
    assert session.memory.by_ref == expected.by_ref
    assert dict(session.memory.by_kind) == dict(expected.by_kind)
    assert dict(session.memory.index) == dict(expected.index) and len(expected.index) > 10


def test_the_index_holds_only_the_fields_joins_look_up_by():
    """A field a pattern only binds a variable on is not indexed; every field a join looks candidates up by is."""
    knowledge = interorg.load_knowledge()
    rules = {id(t.compiled): t.compiled for group in engine_session._compiled(knowledge) for t in group.members}
    looked_up, bound = set(), set()
    for compiled in rules.values():
        for plan in compiled.plans:
            for kind, field, *_rest in [s for _i, alts in plan.steps for s in alts] + list(plan.negatives):
                if field is not None:
                    looked_up.add((kind, field))
        for pattern in [p for alts in compiled.positives for p in alts] + compiled.negatives:
            bound |= {(pattern.kind, field) for field, _predicate, var in pattern.tests if var is not None}
    indexed = {(kind, field) for kind, fields in engine_session._indexed(knowledge).items() for field in fields}
    assert indexed == looked_up and looked_up < bound
    assert ("fact", "scan_factor", "score") not in {(*kind, field) for kind, field in indexed}
