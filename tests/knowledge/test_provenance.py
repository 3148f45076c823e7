"""Provenance: every rule and model cites a registered source, verbatim where it quotes a seed."""

import importlib.resources
import re

import pytest

import interorg

KNOWLEDGE = interorg.load_knowledge()
SEEDS = {s.id: s for s in KNOWLEDGE.sources.values() if s.kind == "seed"}


def _normalise(text):
    return re.sub(r"\s+", " ", text).strip()


def _seed_text(source_id):
    source = SEEDS[source_id]
    resource = importlib.resources.files("interorg.knowledge") / "sources" / source.file
    return _normalise(resource.read_text(encoding="utf-8"))


def _citations():
    for rule in KNOWLEDGE.rules:
        for ref in rule.sources:
            yield f"rule {rule.id}", ref
    for model in KNOWLEDGE.models:
        for ref in model.sources:
            yield f"model {model.id}", ref
    for record in KNOWLEDGE.archetypes + KNOWLEDGE.interventions:
        for ref in record.sources:
            yield f"{type(record).__name__} {record.id}", ref
    for record in KNOWLEDGE.exclusions + KNOWLEDGE.defeats:
        for ref in record.sources:
            yield f"{type(record).__name__} {record.id}", ref


CITATIONS = list(_citations())
SEED_CITATIONS = [(owner, ref) for owner, ref in CITATIONS if ref.source in SEEDS]


@pytest.mark.parametrize("owner, ref", SEED_CITATIONS, ids=[f"{o}:{r.source}" for o, r in SEED_CITATIONS])
def test_seed_citation_is_verbatim(owner, ref):
    """The 'where' and 'quote' of a seed citation appear word for word in the seed document."""
    text = _seed_text(ref.source)
    assert _normalise(ref.where) in text, f"{owner}: where {ref.where!r}"
    if ref.quote:
        assert _normalise(ref.quote) in text, f"{owner}: quote {ref.quote!r}"


@pytest.mark.parametrize("source", sorted(SEEDS))
def test_seed_file_is_shipped(source):
    """Every seed in the registry has its text shipped with the knowledge."""
    assert len(_seed_text(source)) > 500


@pytest.mark.parametrize("rule", KNOWLEDGE.rules, ids=[r.id for r in KNOWLEDGE.rules])
def test_rule_provenance_is_complete(rule):
    """Every rule has a source, a basis, both languages, and a reason when derived."""
    assert rule.sources
    assert rule.basis in ("source", "derived")
    assert (rule.reason is not None) == (rule.basis == "derived")
    assert rule.title.en != rule.title.nl and rule.text.en != rule.text.nl


@pytest.mark.parametrize("source", sorted(KNOWLEDGE.sources))
def test_every_registered_source_is_used_or_a_seed(source):
    """No external source sits in the registry without a rule or model citing it."""
    cited = {ref.source for _, ref in CITATIONS}
    assert source in cited or KNOWLEDGE.sources[source].kind == "seed"
