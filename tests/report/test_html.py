"""The HTML report: its order, its language, one file needing nothing from outside, and user text kept inert."""

import base64
import html.parser
import re
import sys

import markupsafe
import pytest

import interorg
from interorg.report.html import report_html

HOSTILE = "</details><script>alert(1)</script>"
TEMPLATE = "{{7*7}}"


class _Page(html.parser.HTMLParser):
    """What a browser would see of a document: its elements in order, their attributes and the text."""

    def __init__(self, document):
        super().__init__(convert_charrefs=True)
        self.starts, self.ends, self.text, self.ids = [], [], [], []
        self.feed(document)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.starts.append((tag, attrs))
        if "id" in attrs:
            self.ids.append(attrs["id"])

    def handle_endtag(self, tag):
        self.ends.append(tag)

    def handle_data(self, data):
        self.text.append(data)

    def count(self, tag):
        return sum(1 for name, _attrs in self.starts if name == tag)

    @property
    def all_text(self):
        return "".join(self.text)


@pytest.fixture(scope="module")
def advice():
    return interorg.advise(interorg.example_case())


@pytest.fixture(scope="module")
def report(advice):
    """The example's report with its figures (drawn once for the module)."""
    return report_html(advice)


def test_plan_comes_first_then_diagnosis_figures_and_the_advice(report):
    """The sections stand in the order a reader acts on: plan, diagnosis, figures, warnings, findings, recommendations."""
    ids = _Page(report).ids
    order = ["plan", "diagnosis", "figures", "warnings", "findings", "recommendations", "plan-explained", "other",
             "sources"]
    shown = [section for section in ids if section in order]
    assert shown == sorted(shown, key=order.index)
    assert {"plan", "diagnosis", "figures", "warnings", "findings", "plan-explained", "sources"} <= set(shown)
    assert report.index("<h2>Action plan</h2>") < report.index("<h2>Diagnosis</h2>") < report.index("<h2>Warnings (")


def test_plan_holds_the_advice_plan(advice, report):
    """Every action of the plan is an item, with its title and 'because', and a link to its explanation."""
    page = _Page(report)
    items = [attrs for tag, attrs in page.starts if tag == "li" and "plan-item" in attrs.get("class", "")]
    assert [attrs["id"] for attrs in items] == [f"action-{a.rank}" for a in advice.plan]
    text = page.all_text
    assert all(action.title in text and action.because in text for action in advice.plan)
    links = [attrs["href"] for tag, attrs in page.starts if tag == "a"]
    # every action, of the plan and after it, links to its explanation, which exists
    assert links == [f"#why-{a.rank}" for a in advice.plan + advice.counsel.more]
    ids = {attrs.get("id") for tag, attrs in page.starts}
    assert all(link[1:] in ids for link in links)


def test_each_action_is_explained_further_on_with_the_conclusions_behind_it(advice, report):
    """The fold 'why-N' holds the text of every recommendation behind action N (the plan itself stays short)."""
    action = advice.plan[0]
    start = report.index(f'id="why-{action.rank}"')
    fold = report[start:report.index("</details>", start)]
    assert all(advice[key].text in _unescaped(fold) for key in action.keys)
    plan = report[report.index('id="plan"'):report.index('id="diagnosis"')]
    assert "<pre>" not in plan


def test_title_names_the_case_and_its_assessment(report):
    """The title is the case's name; the date and round of the assessment stand under it."""
    assert "<title>Advice for Jeugdhulp regio Kempenland</title>" in report
    assert "<h1>Advice for Jeugdhulp regio Kempenland</h1>" in report
    assert "assessed on March 2, 2026 · round 1" in report


def test_diagnosis_shows_suspected_problems_and_those_worth_checking(advice, report):
    """The diagnosis names every suspected problem, every problem worth checking, the scan and the phase."""
    section = _unescaped(report[report.index('id="diagnosis"'):report.index('id="figures"')])
    assert advice.diagnosis.suspected and advice.diagnosis.worth_checking
    for problem in advice.diagnosis.suspected + advice.diagnosis.worth_checking:
        assert problem.title in section
    assert "<h3>Worth checking</h3>" in section and "<h3>Scan</h3>" in section
    assert advice.diagnosis.phase.title in section


def test_each_conclusion_is_folded_with_its_sources_by_author_title_and_year(advice, report):
    """A warning's fold holds its text, its basis and each source as 'author (year), title'."""
    warning = next(c for c in advice.warnings if c.sources and c.sources[0].author)
    citation = warning.sources[0]
    start = report.index(markupsafe.escape(warning.text))
    fold = report[report.rindex("<details", 0, start):report.index("</details>", start)]
    assert f"{citation.author} ({citation.year}), {citation.title}" in _unescaped(fold)
    assert "Basis:" in fold


def test_figures_are_embedded_png_images(report):
    """The example has data for all four figures; each is a PNG inside the file with a caption."""
    page = _Page(report)
    images = [attrs for tag, attrs in page.starts if tag == "img"]
    figures = [attrs["id"] for tag, attrs in page.starts if tag == "figure"]
    assert figures == ["figure-map", "figure-heatmap", "figure-agreement", "figure-grid"]
    assert len(images) == 4
    for image in images:
        prefix, data = image["src"].split(",", 1)
        assert prefix == "data:image/png;base64"
        assert base64.b64decode(data).startswith(b"\x89PNG\r\n\x1a\n")
        assert image["alt"]


def test_self_contained(report):
    """No external resource: every src and href is a data: URI, no script, no stylesheet link, no url() in the style."""
    page = _Page(report)
    links = [value for _tag, attrs in page.starts for name, value in attrs.items() if name in ("src", "href")]
    assert links and all(value.startswith(("data:", "#")) for value in links)
    assert {value[1:] for value in links if value.startswith("#")} <= set(page.ids)
    assert page.count("script") == 0 and page.count("iframe") == 0
    assert not [attrs for tag, attrs in page.starts if tag == "link" and attrs.get("rel") != "icon"]
    outside_images = re.sub(r"data:image/png;base64,[A-Za-z0-9+/=]+", "", report)
    assert "url(" not in outside_images and "@import" not in outside_images
    assert "http://" not in outside_images and "https://" not in outside_images


def test_print_style_opens_the_folds_and_keeps_items_whole(report):
    """The print style opens every <details> and keeps a figure and the head of a plan item on one page."""
    style = report[report.index("<style>"):report.index("</style>")]
    printing = style[style.index("@media print"):]
    assert "details::details-content { content-visibility: visible" in printing
    assert re.search(r"\.plan-head, figure[^{]*\{ break-inside: avoid", printing)


def test_details_are_balanced(report):
    """Every fold that opens is closed (the structure a browser builds is the one written)."""
    page = _Page(report)
    assert page.count("details") == page.ends.count("details") > 40


def test_dutch_report_has_dutch_headings():
    """With lang='nl' the document is marked Dutch and its headings are Dutch."""
    page = report_html(interorg.advise(interorg.example_case(), lang="nl"), figures=False)
    assert '<html lang="nl">' in page
    for heading in ("Actieplan", "Diagnose", "Waarschuwingen", "Bevindingen", "Bronnen"):
        assert re.search(rf"<h2>{heading}( \(\d+\))?</h2>", page), heading
    assert "<h3>Het nagaan waard</h3>" in page and "beoordeeld op 2 maart 2026 · ronde 1" in page
    for english in ("Action plan", "Diagnosis", "Warnings", "Findings", "Explanation and sources", "assessed on",
                    "The action plan explained"):
        assert english not in page


def _hostile_case():
    data = interorg.case_to_dict(interorg.example_case())
    data["name"] = f"{HOSTILE} {TEMPLATE} \x1b[2J"
    data["partners"][0]["name"] = HOSTILE
    data["partners"][1]["name"] = TEMPLATE
    return interorg.case_from_dict(data)


def test_hostile_names_are_shown_literally_and_do_nothing():
    """A partner named like markup or a template shows as written: no element made, no expression evaluated."""
    page_text = report_html(interorg.advise(_hostile_case()), figures=False)
    page = _Page(page_text)
    assert page.count("script") == 0
    assert page.count("details") == page.ends.count("details")
    text = page.all_text
    assert f"Advice for {HOSTILE} {TEMPLATE} \\x1b[2J" in text  # the title, the escape sequence made visible
    assert text.count(HOSTILE) > 3 and text.count(TEMPLATE) > 3  # the partners' names in plan and advice
    assert "\x1b" not in page_text and "49" not in text.replace("2026", "")


def test_without_matplotlib_the_report_says_the_figures_are_left_out(advice, monkeypatch):
    """When matplotlib cannot be imported, the report is written without images and a note says why."""
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    from interorg.report.html import figures_available

    assert not figures_available()
    page = _Page(report_html(advice))
    assert page.count("img") == 0 and "no-figures" in page.ids
    assert "drawing them needs matplotlib (pip install 'interorg[plot]')" in page.all_text


def test_same_advice_gives_the_same_document(advice, report):
    """Rendering is deterministic, figures included (the images carry no time or version stamp)."""
    assert report_html(advice) == report


def test_a_selection_narrows_the_lists_and_leaves_out_the_diagnosis(advice):
    """Advice.to_html(kinds=...) shows only that kind, and no diagnosis, as the text output does."""
    page = _Page(advice.to_html(figures=False, kinds=("warning",)))
    assert "warnings" in page.ids and "findings" not in page.ids and "diagnosis" not in page.ids


def test_an_empty_case_says_nothing_was_concluded():
    """A case the rules say nothing about gives a report with the note and no plan."""
    page = _Page(report_html(interorg.advise(interorg.Case(name="Leeg")), figures=False))
    assert "plan" not in page.ids
    assert "No rule applied to this case" in page.all_text


def _unescaped(text):
    import html

    return html.unescape(text)


def test_only_the_figures_the_case_has_data_for():
    """A case with no scan, no relationships and no known positions gets no figure and no empty section."""
    page = _Page(report_html(interorg.advise(interorg.example_case("regional_innovation_alliance"))))
    assert page.count("figure") == 0 and "figures" not in page.ids and "no-figures" not in page.ids


def test_the_plan_explained_holds_every_action_and_what_it_answers(advice, report):
    """Each action, in the plan or after it, is explained with its conclusions and the warnings it answers, in full."""
    flat = " ".join(_Page(report).all_text.split())
    for action in advice.plan + advice.counsel.more:
        for key in action.keys + action.answers:
            assert " ".join(advice[key].text.split()) in flat, key
    hub = "network.structure.hub[jeugdzorg-kempen]"  # a high warning answered by the first action
    assert hub in advice.plan[0].answers and " ".join(advice[hub].text.split()) in flat


def test_a_rules_conclusions_share_one_heading_in_an_action(advice, report):
    """An action's conclusions of one rule (one per relationship, say) show its title, basis and sources once."""
    action = advice.plan[0]
    rule = advice[action.keys[0]]
    same = [key for key in action.keys if advice[key].id == rule.id]
    assert len(same) > 1
    start = report.index('id="why-1"')
    section = report[start:report.index("</details>", start)]
    assert section.count(f"<h4>{rule.title}</h4>") == 1


def test_a_case_too_large_to_draw_legibly_leaves_out_the_map_and_says_so():
    """Beyond DRAWN_PARTNERS partners the map and the per-partner scan figures are left out, with a note."""
    from interorg.report.html import DRAWN_PARTNERS, report_html

    count = DRAWN_PARTNERS + 1
    partners = [{"id": f"p{n}", "position": "core" if n < 3 else "ring"} for n in range(count)]
    advice = interorg.advise({"partners": partners, "relationships": [
        {"between": ["p0", "p1"], "trust": "high", "vigilance": "low"}]}, lang="nl")
    page = report_html(advice)
    assert f"met {count} partners zijn ze niet te lezen" in page
    assert 'alt="' + advice.labels["report_map"] not in page and "data:image/png" in page  # the grid is still drawn


def test_a_fold_says_each_title_once_and_names_each_subject():
    """A fold of several conclusions of one rule: the title in its summary only, each conclusion by its subject."""
    import re

    advice = interorg.advise(interorg.example_case())
    page = report_html(advice, figures=False)
    folds = re.findall(r'<details class="entry [a-z]+">\s*<summary><span class="title">(.*?)</span>(.*?)</details>',
                       page, re.S)
    several = [(title, body) for title, body in folds if body.count('<div class="conclusion">') > 1]
    assert several
    for title, body in several:
        assert body.count(title) == 0, title  # not repeated under its summary, nor atop the derivation
        # each conclusion opens with what it is about
        assert body.count('<div class="conclusion">\n<p class="label">') == body.count('<div class="conclusion">')


def test_a_report_is_not_written_under_the_name_of_another_kind_of_file(tmp_path):
    """save_report(advice, 'r.pdf') would write HTML into a .pdf: it is refused, and nothing is written."""
    advice = interorg.advise(interorg.example_case())
    with pytest.raises(interorg.UsageError, match=r"expected a name ending in \.html \(got '\.pdf'\)"):
        interorg.save_report(advice, tmp_path / "r.pdf", figures=False)
    assert list(tmp_path.iterdir()) == []
    assert interorg.save_report(advice, tmp_path / "r.HTML", figures=False).is_file()
