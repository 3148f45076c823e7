"""Provenance: every rule and model cites a registered source, verbatim and in place where it quotes a seed."""

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


# The parts of each seed a citation's 'where' and 'quote' must share, each opened
# by the first occurrence (after the previous opening) of its phrase. A label
# may open several stretches: the extraction of the encyclopedia entry cut its
# paragraphs short and put their ends in one list of words at the end.
PARTS = {
    "interorganisational": [
        ("Interorganisationeel describes", "definition"), ("Forms and mechanisms", "forms"),
        ("Applications are widespread", "applications"), ("Benefits and challenges", "benefits"),
        ("The study of", "study"), ("ventures and consortia", "forms"),
        ("and regional or urban development", "applications"),
        ("Interorganisationele cooperation can enable", "benefits"),
        ("the need for clear objectives", "study"),
    ],
    "kenis-2011": [
        ("5 redenen voor organisaties", "reasons"), ("Gemeentelijke samenwerking als een resultante", "need"),
        ("Voorwaarden voor een effectieve samenwerking", "coordination"), ("Conclusies Patrick Kenis", "conclusions"),
    ],
    "common-eye-forms": [
        ("Herken de 4 grondvormen", "introduction"), ("Functioneel samenwerken De essentie", "functional"),
        ("Ondernemend samenwerken Bij", "entrepreneurial"), ("Transactioneel samenwerken De essentie", "transactional"),
        ("Lerend samenwerken In een", "learning"), ("Bron: Leren Samenwerken", "book"),
    ],
    "common-eye-workbook": [(phrase, phrase) for phrase in (
        "Tussen marktgedrag en hiërarchie", "**Samenwerken is niet", "**Samenwerken is meer",
        "Er is altijd spraakverwarring", "Vraagstuk oplossing kans en vorm", "Soorten belangen",
        "Belang van belangen", "Win-win is de wenselijke", "**Vertrouwensparadox", "**Split loyalties",
        "**Opportunistisch gedrag", "Hoog <b>Berekenend verbinden", "Bron: Huxham en Vangen",
        "Bestuurders zijn van betekenis", "**De betrokken relatiebouwer", "**De grondige ontwerper",
        "**De gedreven voorvechter", "**De vindingrijke vormer", "**De gezaghebbende onderhandelaar",
        "**Signatures", "## Leiderschap", "Ambitie van de samenwerking", "Ondergrens van organiseren",
        "Samenwerkingsstrategie", "Partnerselectie en fit", "Welke partijen vormen de strategische kern",
        "Spelregels in een netwerk", "Kenmerken van zelforganiserende", "Principes voor het creëren",
        "Waar plaats je de samenwerking", "## Verkennen", "## Delen Overeenstemming", "## Overeenkomen",
        "## Vormgeven", "## Uitvoeren", "Welke activiteiten heb je al uitgevoerd?", "Risico's bij",
        "Hoe functioneert de samenwerking?", "Archetypische samenwerkingsproblemen", "Visioning (Verbeelden)",
        "Convening (Verbinden)", "Reflective interventie", "Process managing (", "Problem structuring (",
        "Brokering (Bemiddelen)", "Conflict handling (", "Institutional entrepreneurship (", "Bouwstenen van een",
    )],
    "bint-success-factors": [
        ("Zestien succesfactoren voor een", "introduction"),
        ("Kijken vanuit vier invalshoeken De motivatie", "perspectives"),
        ("De motivatie: waarom", "motivation"), ("De organisatie: hoe", "organisation"),
        ("De interactie: hoe", "interaction"), ("De realisatie: wat", "realisation"),
        ("Factoren voor een succesvolle", "close"),
    ],
}


def _occurrences(text, needle):
    found, start = [], text.find(needle)
    while start >= 0:
        found.append(start)
        start = text.find(needle, start + 1)
    return found


def _parts(source_id):
    """The seed's normalised text with the offsets where its parts open, in order."""
    raw = _normalise((importlib.resources.files("interorg.knowledge") / "sources" / SEEDS[source_id].file)
                     .read_text(encoding="utf-8"))
    openings, position = [], 0
    for phrase, label in PARTS[source_id]:
        position = raw.find(_normalise(phrase), position)
        assert position >= 0, f"{source_id}: the part opening {phrase!r} is not in the seed, in order"
        openings.append((position, label))
    return raw, openings


def _labels(openings, start, length):
    """The parts a stretch of the text falls in (its first and its last character)."""
    def label(offset):
        return next((lab for pos, lab in reversed(openings) if pos <= offset), None)
    return {label(start), label(start + length - 1)}


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


QUOTED = [(owner, ref) for owner, ref in SEED_CITATIONS if ref.quote]


@pytest.mark.parametrize("owner, ref", QUOTED, ids=[f"{o}:{r.source}" for o, r in QUOTED])
def test_seed_quote_stands_where_it_says(owner, ref):
    """A quote stands in the part of the seed that its 'where' names, not only somewhere in it."""
    text, openings = _parts(ref.source)
    where, quote = _normalise(ref.where), _normalise(ref.quote)
    named = set().union(*(_labels(openings, at, len(where)) for at in _occurrences(text, where)))
    found = set().union(*(_labels(openings, at, len(quote)) for at in _occurrences(text, quote)))
    assert named & found, f"{owner}: quote {ref.quote!r} stands in {sorted(found)}, where {ref.where!r} in {sorted(named)}"


def test_parts_cover_every_seed():
    """Every seed has its parts, so no quote escapes the check of its place."""
    assert sorted(PARTS) == sorted(SEEDS)


@pytest.mark.parametrize("owner, ref", [c for c in CITATIONS if c[1].source not in SEEDS],
                         ids=[f"{o}:{r.source}" for o, r in CITATIONS if r.source not in SEEDS])
def test_external_citation_quotes_nothing(owner, ref):
    """An external source is not shipped, so nothing can check a quote from it: none is given."""
    assert not ref.quote, f"{owner} quotes {ref.source}, which is not shipped"


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
    if rule.reason is not None:
        en, nl = rule.reason.en.strip(), rule.reason.nl.strip()
        assert en and nl and en != nl, f"{rule.id}: the reason needs its own English and Dutch line"
        assert "\n" not in en and "\n" not in nl, f"{rule.id}: the reason is one line"


@pytest.mark.parametrize("rule", KNOWLEDGE.rules, ids=[r.id for r in KNOWLEDGE.rules])
def test_a_rule_resting_on_an_external_source_is_derived(rule):
    """The sources not shipped are cited by subject only: a rule citing one says the reading is the project's."""
    external = [ref.source for ref in rule.sources if ref.source not in SEEDS]
    assert not external or rule.basis == "derived", f"{rule.id} cites {external} but is basis: source"
    assert any(ref.source in SEEDS for ref in rule.sources) or rule.basis == "derived"


@pytest.mark.parametrize("source", sorted(KNOWLEDGE.sources))
def test_every_registered_source_is_used_or_a_seed(source):
    """No external source sits in the registry without a rule or model citing it."""
    cited = {ref.source for _, ref in CITATIONS}
    assert source in cited or KNOWLEDGE.sources[source].kind == "seed"
