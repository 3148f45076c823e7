"""The wording of the knowledge, scanned text by text: an organisation is 'zij', an observation a 'waarneming'.

And a number is written one way in a sentence: '4 van de 6 criteria', not
'4 van de zes criteria', in both languages.
"""

import re

import yaml

from conftest import SHIPPED


def _texts(lang):
    """Every text in ``lang`` of the shipped knowledge (each ``en`` or ``nl`` of every file but the example cases)."""
    def walk(node, path):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == lang and isinstance(value, str):
                    yield path, value
                else:
                    yield from walk(value, f"{path}.{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                yield from walk(value, f"{path}[{index}]")

    for file in sorted(SHIPPED.rglob("*.yaml")):
        if "examples" not in file.relative_to(SHIPPED).parts:
            yield from walk(yaml.safe_load(file.read_text(encoding="utf-8")), str(file.relative_to(SHIPPED)))


DUTCH = list(_texts("nl"))
ENGLISH = list(_texts("en"))


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
    "achterban steunt niet wat zijn vertegenwoordigers": "de achterban",
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


#: The numbers two to twenty in words, as the texts of each language would write them.
_NUMBER_WORDS = {
    "en": "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
          "seventeen eighteen nineteen twenty".split(),
    "nl": "twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien zestien "
          "zeventien achttien negentien twintig".split(),
}
_OF_THE = {"en": "of the", "nl": "van de"}


def _mixed_numbers(text, lang):
    """Where ``text`` writes a count in digits and its total in words, or one number both ways."""
    words = "|".join(_NUMBER_WORDS[lang])
    count = r"(\{[a-z_]+\}|\d+)"
    mixed = [match.group(0) for match in re.finditer(rf"{count} {_OF_THE[lang]} ({words})\b", text, re.I)]
    mixed += [match.group(0) for match in re.finditer(rf"\b({words}) {_OF_THE[lang]} {count}", text, re.I)]
    for number, word in enumerate(_NUMBER_WORDS[lang], start=2):
        if re.search(rf"(?<![\d.,]){number}(?![\d])", text) and re.search(rf"\b{word}\b", text, re.I):
            mixed.append(f"{number} and {word}")
    return mixed


def test_numbers_are_written_one_way_in_a_text():
    """No text says '{met} of the six criteria' or 'at least 2 (two or more)': the digits of a count, its total too."""
    for lang, texts in (("en", ENGLISH), ("nl", DUTCH)):
        wrong = [(place, mixed) for place, text in texts for mixed in _mixed_numbers(text, lang)]
        assert not wrong, wrong


def test_the_number_scan_finds_the_mixes():
    """The scan finds a digit with a word for the total, and the same number both ways; words alone are fine."""
    assert _mixed_numbers("{partner} meets {met} of the six criteria", "en") == ["{met} of the six"]
    assert _mixed_numbers("vallen in {categories} van de vier categorieën", "nl") == ["{categories} van de vier"]
    assert _mixed_numbers("ten minste 2 (twee of meer deelnemers)", "nl") == ["2 and twee"]
    assert _mixed_numbers("alle vier, of drie van de vier", "nl") == []
    assert _mixed_numbers("{met} of the 6 criteria, on a scale of 1 to 5", "en") == []
