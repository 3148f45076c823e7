"""The Dutch of the knowledge, scanned text by text: an organisation is 'zij', an observation a 'waarneming'."""

import re

import yaml

from conftest import SHIPPED


def _dutch_texts():
    """Every Dutch text of the shipped knowledge (each ``nl`` of every file but the example cases), with its place."""
    def walk(node, path):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "nl" and isinstance(value, str):
                    yield path, value
                else:
                    yield from walk(value, f"{path}.{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                yield from walk(value, f"{path}[{index}]")

    for file in sorted(SHIPPED.rglob("*.yaml")):
        if "examples" not in file.relative_to(SHIPPED).parts:
            yield from walk(yaml.safe_load(file.read_text(encoding="utf-8")), str(file.relative_to(SHIPPED)))


DUTCH = list(_dutch_texts())


def _sentences(text):
    return re.split(r"(?<=[.!?])\s+", " ".join(text.split()))


#: A sentence that speaks of an organisation: a partner, an organisation, a municipality, a provider, a party.
_ORGANISATION = re.compile(r"\w*(partner|organisatie|gemeente|aanbieder|partij|deelnemer)\w*|\{partners?\}", re.I)
#: Pronouns that can only be masculine: never said of an organisation (de organisatie, de partner: zij, haar).
_MASCULINE = re.compile(r"\b(hij|hem|wiens|diens)\b", re.I)
#: What follows 'zijn' the verb ("de criteria zijn vervuld", "ze zijn niet ..."), not 'zijn' the possessive.
_AFTER_THE_VERB = frozenset(
    "niet er de het een in op van voor met aan bij over om tot dan ook al nog wel zo ze zij we geen weinig veel "
    "allebei beide alle elk sterk loyaal veelal zelf of en als voordat dat die wat waar wie nodig mogelijk bekend "
    "aanwezig beter succesvoller complementair verplicht thuis echt regionaal volgens deze".split())
_PARTICIPLE = re.compile(r"^(\w*ge\w*(d|t|en)|ver\w+(d|t)|beschreven|bedoeld|betrokken)$")
#: Where 'zijn', 'hij' or 'hem' stands in a sentence about organisations and rightly so: what it refers to.
_RIGHTLY_MASCULINE = {
    "in zijn geheel": "a fixed expression, said of a business function",
    "elke vorm aan de hand van zijn kenmerken": "de vorm",
    "ieder met de beste bedoelingen zijn eigen": "ieder ... zijn, the indefinite pronoun",
    "heeft zijn aantrekkingskracht": "het vooruitzicht, neuter",
    "hij noemt het geen schijn": "Kenis, a person",
    "achterban die zijn vertegenwoordigers": "de achterban",
    "gezamenlijk besluiten zijn waarde": "het besluiten, neuter",
    "noemt zijn motieven": "the verb: the motives are motives of external pressure",
    "als de partners zijn filosofie": "de samenwerker, a person",
    "het gezegde; zijn tekenen": "het werkboek, neuter",
}


def _masculine_for_an_organisation(sentence):
    """The masculine pronouns and possessive 'zijn' of a sentence that speaks of an organisation."""
    if not _ORGANISATION.search(sentence):
        return []
    found = [match.group(0) for match in _MASCULINE.finditer(sentence)]
    for match in re.finditer(r"\bzijn\s+(\w+)", sentence, re.I):
        before = sentence[:match.start()].split()[-1:]
        after = match.group(1).lower()
        if after in _AFTER_THE_VERB or _PARTICIPLE.match(after) or before in (["te"], ["kan"], ["moet"]):
            continue
        if before and before[0][-1] in ",)'":  # the verb after a clause: "omdat ..., zijn interventies cruciaal"
            continue
        found.append(match.group(0))
    return found


def test_an_organisation_is_haar_not_zijn():
    """No Dutch text calls a partner, organisation or municipality 'hij', 'hem', 'wiens' or 'zijn': 'zij', 'haar'."""
    wrong = []
    for place, text in DUTCH:
        for sentence in _sentences(text):
            if not any(phrase in sentence for phrase in _RIGHTLY_MASCULINE):
                wrong += [(place, word, sentence) for word in _masculine_for_an_organisation(sentence)]
    assert not wrong, "\n".join(map(str, wrong))


def test_the_scan_finds_the_faults_it_is_for():
    """The scan catches a partner's 'zijn' and 'hij', and leaves 'zijn' the verb alone."""
    assert _masculine_for_an_organisation("Een partner etaleerde zijn macht.") == ["zijn macht"]
    assert _masculine_for_an_organisation("{partner} verwacht verlies: zijn blijvende commitment") == [
        "zijn blijvende"]
    assert _masculine_for_an_organisation("zodat elke partner weet waar hij op kan rekenen.") == ["hij"]
    assert _masculine_for_an_organisation("De criteria van {partner} zijn vervuld en zijn niet omstreden.") == []
    assert _masculine_for_an_organisation("Het netwerk verliest zijn kracht.") == []  # no organisation named


def test_the_possessive_pronoun_of_a_dependence_is_haar(knowledge):
    """The label of a partner's only strong dependence says 'haar', as the label of a scan's partner score does."""
    fields = knowledge.facts["dependence"].fields
    assert fields["sole"].label.nl == "haar enige sterke afhankelijkheid"
    assert knowledge.facts["scan_factor"].fields["lowest_score"].label.nl == "haar score"


#: What a reader reads besides the knowledge: the documentation and the code's own texts.
_REPOSITORY = SHIPPED.resolve().parent
_DOCUMENTS = [_REPOSITORY / "README.md", *sorted((_REPOSITORY / "docs").glob("*.md")),
              *sorted((_REPOSITORY / "interorg").rglob("*.py"))]

#: The vocabulary's Dutch term for a fact type, and the words that Dutch texts must not use for it instead.
_ONE_TERM = {"observation": ("waarneming", re.compile(r"\bobservatie", re.I))}


def test_a_thing_has_the_vocabularys_name_everywhere(knowledge):
    """An observation is a 'waarneming', as the vocabulary says: in every message, rule text and document."""
    for fact, (term, other) in _ONE_TERM.items():
        assert knowledge.facts[fact].label.nl == term
        assert not [(place, text) for place, text in DUTCH if other.search(text)], fact
        assert not [path for path in _DOCUMENTS if other.search(path.read_text(encoding="utf-8"))], fact
