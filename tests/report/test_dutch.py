"""The advice in Dutch has no English in it: no text of the English catalogue, no English function words."""

import re

import pytest

import interorg
from interorg.case import example_names
from interorg.cli.main import main

# common English words that are no Dutch words; matched as whole words outside quotations
_ENGLISH = ("the", "and", "with", "which", "that", "are", "not", "from", "this", "there", "should", "would")
# quotations (of the sources, English ones among them) and the keys of rules in brackets
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|'[^']*'|\[[^\]]*\]", re.DOTALL)
# the ids of rules and the paths in a case ("regel network.structure.core-not-connected")
_IDS = re.compile(r"\b[a-z][a-z0-9_-]*(?:\.[a-z0-9_{}-]+)+")


def _catalogue(knowledge):
    """The English texts of the knowledge base that differ from their Dutch text, each cut at its first placeholder."""
    texts = []

    def add(text):
        if text is not None and text.en.lower() != text.nl.lower():
            texts.append((text.en.split("{")[0].strip(), text.nl))

    for text in knowledge.messages.values():
        add(text)
    for rule in knowledge.rules:
        for text in (rule.title, rule.text, rule.reason):
            add(text)
    for fact in knowledge.facts.values():
        add(fact.label)
        for field in fact.fields.values():
            add(field.label)
            for value in (field.values or {}).values():
                add(value)
    return [(en, nl) for en, nl in texts if len(en) >= 24]


@pytest.fixture(scope="module")
def renderings():
    out = {}
    for name in example_names():
        advice = interorg.advise(interorg.example_case(name), lang="nl")
        for full in (False, True):
            out[name, full, "text"] = advice.to_text(full=full)
            out[name, full, "markdown"] = advice.to_markdown(full=full)
        out[name, True, "html"] = _visible_text(advice.to_html(figures=False))
    return out


def _visible_text(document):
    """The text a reader of an HTML document sees: its elements' text and images' alt, not its style."""
    import html.parser

    class Reader(html.parser.HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.parts, self.styled = [], False

        def handle_starttag(self, tag, attrs):
            self.styled = tag == "style"
            self.parts += [value for name, value in attrs if name == "alt" and value]

        def handle_endtag(self, tag):
            self.styled = False

        def handle_data(self, data):
            if not self.styled:
                self.parts.append(data)

    reader = Reader()
    reader.feed(document)
    return "\n".join(reader.parts)


def test_no_english_text_of_the_catalogue(renderings, knowledge):
    """No English message, title, text, label or reason appears in the Dutch renderings of the examples."""
    catalogue = _catalogue(knowledge)
    for key, rendered in renderings.items():
        flat = " ".join(_QUOTED.sub(" ", rendered).split())
        found = [en for en, nl in catalogue if en in flat and en not in nl]
        assert found == [], key


def test_no_english_words_outside_quotations(renderings, knowledge):
    """Outside quotations and the titles of English sources, the Dutch renderings use no English function words."""
    pattern = re.compile(r"\b(" + "|".join(_ENGLISH) + r")\b")
    titles = [source.title for source in knowledge.sources.values() if source.kind == "external"]
    for key, rendered in renderings.items():
        unquoted = " ".join(_IDS.sub(" ", _QUOTED.sub(" ", rendered)).split())
        for title in titles:
            unquoted = unquoted.replace(title, " ")
        found = sorted({match.group() for match in pattern.finditer(unquoted)})
        assert found == [], key


def test_numbers_have_a_decimal_comma(renderings):
    """Scores are written with a decimal comma in Dutch."""
    for key, rendered in renderings.items():
        unquoted = _QUOTED.sub(" ", rendered)
        assert not re.findall(r"(?<![\w.\[])\d+\.\d+(?![\w.])", unquoted), key


def test_bad_case_is_reported_in_dutch(tmp_path, capsys):
    """A bad case under --lang nl is reported in Dutch: the word for error, the places and the problems."""
    case = tmp_path / "case.yaml"
    case.write_text("partners:\n  - id: a\n    name: A\n    size: big\n    position: kern\n", encoding="utf-8")
    assert main(["advise", str(case), "--lang", "nl"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("interorg: fout:")
    assert "(regel 4, kolom 11): onbekende sleutel 'size'; verwacht een van" in err
    assert "verwacht een van core, ring, free_space; gekregen: 'kern'" in err
    assert main(["advise", str(case)]) == 2
    assert "(line 4, column 11): unknown key 'size'" in capsys.readouterr().err


@pytest.fixture(scope="module")
def scenario_renderings():
    """Every scenario case advised on in Dutch, in full: every explanation, every absent condition."""
    from conftest import scenario_paths

    return {path.stem: interorg.advise(path, lang="nl").to_text(full=True) for path in scenario_paths()}


def test_scenarios_in_dutch_have_no_english_words(scenario_renderings, knowledge):
    """What a negated condition required absent is said in Dutch as well, down to the deepest explanation."""
    pattern = re.compile(r"\b(" + "|".join(_ENGLISH) + r"|given)\b")
    titles = [source.title for source in knowledge.sources.values() if source.kind == "external"]
    found = {}
    for name, rendered in scenario_renderings.items():
        unquoted = " ".join(_IDS.sub(" ", _QUOTED.sub(" ", rendered)).split())
        for title in titles:
            unquoted = unquoted.replace(title, " ")
        words = sorted({match.group() for match in pattern.finditer(unquoted)})
        if words:
            found[name] = words
    assert found == {}


def test_scenarios_show_no_variables_or_test_names(scenario_renderings):
    """A condition on the same partner is said in words, a comparison with its sign: no ?partner, no 'ge 2'."""
    code = re.compile(r"\?[a-z_]+|\b[a-z]+_[a-z_]+ (?:lt|le|gt|ge) \d")
    found = {name: sorted(set(code.findall(rendered))) for name, rendered in scenario_renderings.items()}
    assert {name: hits for name, hits in found.items() if hits} == {}
