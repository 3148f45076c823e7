"""A full rendering and the report end by what the advice was drawn from: interorg's version and the knowledge's fingerprint."""

import attrs
import pytest

import interorg
from interorg.cli import main
from interorg.report.html import report_html

FINGERPRINT = interorg.load_knowledge().fingerprint


@pytest.fixture(scope="module")
def advice():
    return {lang: interorg.advise(interorg.example_case(), lang=lang) for lang in ("en", "nl")}


def test_the_full_text_ends_by_the_knowledge_it_was_drawn_from(advice):
    """The last lines of the full text name interorg's version and the shipped knowledge's fingerprint."""
    tail = " ".join(advice["en"].to_text(full=True).rstrip().splitlines()[-2:])
    assert tail.endswith(f"Drawn up by interorg {interorg.__version__} from the knowledge base shipped with it "
                         f"(fingerprint {FINGERPRINT}).")


def test_the_dutch_full_markdown_says_it_in_dutch(advice):
    """Under Dutch the Markdown's last line is Dutch, in italics."""
    last = advice["nl"].to_markdown(full=True).rstrip().splitlines()[-1]
    assert last == (f"*Opgesteld door interorg {interorg.__version__} uit de meegeleverde kennisbank "
                    f"(vingerafdruk {FINGERPRINT}).*")


def test_the_brief_and_a_selection_do_not_carry_it(advice):
    """The first screen stays counsel, and a selection is part of an advice: neither ends by the fingerprint."""
    assert FINGERPRINT not in advice["en"].to_text()
    assert FINGERPRINT not in advice["en"].to_text(full=True, partner="bladel")
    assert FINGERPRINT not in advice["en"].to_markdown(full=True, top=2)


def test_the_report_footer_names_it(advice):
    """The HTML report's footer says, in the report's language, which knowledge base it was drawn from."""
    page = report_html(advice["nl"], figures=False)
    footer = page[page.index("<footer>"):page.index("</footer>")]
    assert f"uit de meegeleverde kennisbank (vingerafdruk {FINGERPRINT})" in footer
    assert "Elke conclusie noemt de bronnen" in footer


def test_a_folder_of_ones_own_is_named(tmp_path, capsys):
    """Advice drawn from a copy of the knowledge names the folder, with its fingerprint."""
    folder = tmp_path / "my_rules"
    assert main(["export", "--format", "knowledge", "-o", str(folder)]) == 0
    capsys.readouterr()
    assert main(["advise", "--example", "--full", "--knowledge", str(folder)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert out.endswith(f"from the knowledge base ‘my_rules’ (fingerprint {FINGERPRINT}).")


@pytest.mark.parametrize("lang, expected", [
    ("en", "from a knowledge base built in Python, which has no fingerprint."),
    ("nl", "uit een in Python gebouwde kennisbank, die geen vingerafdruk heeft."),
])
def test_a_knowledge_base_without_files_is_said_to_have_no_fingerprint(advice, lang, expected):
    """Advice whose knowledge base was built in Python (no files, no fingerprint) says so rather than naming none."""
    unknown = attrs.evolve(advice[lang], knowledge=None)
    assert " ".join(unknown.to_text(full=True).split()).endswith(expected)
    assert expected in unknown._repr_html_()
