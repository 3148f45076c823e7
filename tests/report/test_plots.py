"""The plots: each returns its Axes, speaks the advice's language, and shows names as written."""

import sys
import pathlib

import matplotlib
import pytest

import interorg
from interorg.report import plots

matplotlib.use("Agg")
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "benchmarks"))


@pytest.fixture(scope="module")
def advice():
    return interorg.advise(interorg.example_case(), lang="nl")


@pytest.fixture(autouse=True)
def _close():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


def _texts(ax):
    found = [t.get_text() for t in ax.texts] + [t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels()]
    legend = ax.get_legend()
    return found + ([t.get_text() for t in legend.get_texts()] if legend else []) + [ax.get_title()]


@pytest.mark.parametrize("draw", [plots.scan_heatmap, plots.scan_agreement, plots.trust_grid])
def test_plot_returns_the_axes_it_was_given(advice, draw):
    """A plot draws on the given Axes and returns it."""
    import matplotlib.pyplot as plt

    _figure, ax = plt.subplots()
    assert draw(advice, ax=ax) is ax


def test_labels_are_dutch_under_nl(advice):
    """Under lang='nl' the titles and band names are Dutch."""
    assert "Scan van de zestien succesfactoren" in _texts(plots.scan_heatmap(advice))
    assert "Relaties op vertrouwen × waakzaamheid" in _texts(plots.trust_grid(advice))
    assert "strategische kern" in _texts(plots.draw_map(interorg.network_graph(advice), lang="nl"))


def test_heatmap_has_a_row_per_answered_factor_and_a_column_per_partner(advice):
    """16 factors down; six partners and 'all partners' across."""
    ax = plots.scan_heatmap(advice)
    assert len(ax.get_yticklabels()) == 16 and len(ax.get_xticklabels()) == 7


def test_dollar_in_a_name_is_not_mathtext():
    """A partner named with $ signs is drawn as written, not as mathematics."""
    case = interorg.Case(partners=[interorg.Partner("a", name="Fonds $1M$", position="core"),
                                   interorg.Partner("b", name="B", position="ring")])
    ax = plots.draw_map(interorg.network_graph(case))
    ax.figure.canvas.draw()  # mathtext errors surface on drawing
    assert any(r"\$1M\$" in text for text in _texts(ax))


def test_map_legend_explains_edges_and_believed_positions(advice):
    """The map's legend names the quadrant colours, the dependency lines and the moved positions."""
    texts = " ".join(_texts(plots.draw_map(interorg.network_graph(advice), lang="en")))
    assert "vigilant contracting" in texts and "depends strongly" in texts and "believed position" in texts


def test_map_of_25_partners_keeps_names_inside(tmp_path):
    """At 25 partners every name is drawn inside the axes, and the file is written."""
    from network import network_case

    graph = interorg.network_graph(interorg.advise(network_case(25)))
    ax = plots.draw_map(graph)
    names = [t for t in ax.texts if t.get_text().startswith("p00")]
    assert len(names) == 25
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    assert all(x0 <= t.get_position()[0] <= x1 and y0 <= t.get_position()[1] <= y1 for t in names)
    plots.save_figure(ax, tmp_path / "map.svg")
    assert (tmp_path / "map.svg").stat().st_size > 0


def test_rounds_draws_one_point_per_assessment():
    """scan_rounds puts each assessment on the x axis, named by its round and date."""
    import attrs

    first = attrs.evolve(interorg.example_case(), round=1, assessed="2026-03-01")
    second = attrs.evolve(first, round=2, assessed="2026-09-01")
    ax = plots.scan_rounds([first, second])
    assert [t.get_text() for t in ax.get_xticklabels()] == ["1 (2026-03-01)", "2 (2026-09-01)"]


@pytest.mark.parametrize("name", ["scan_heatmap", "scan_agreement", "trust_grid", "draw_map", "scan_rounds"])
def test_without_matplotlib_every_plot_says_how_to_install_it(monkeypatch, advice, name):
    """Without matplotlib, each plot raises MissingDependency naming the extra, before any other import fails."""
    from interorg.errors import MissingDependency

    for module in [m for m in sys.modules if m == "matplotlib" or m.startswith("matplotlib.")]:
        monkeypatch.setitem(sys.modules, module, None)
    source = {"draw_map": interorg.network_graph(advice), "scan_rounds": [advice, advice]}.get(name, advice)
    with pytest.raises(MissingDependency, match=r"interorg\[plot\]"):
        getattr(plots, name)(source)


@pytest.mark.parametrize("size", [12, 60])
def test_trust_grid_keeps_every_name_inside_its_cell(size):
    """However many relationships, each cell's list stays inside it; what does not fit is counted, not drawn over."""
    from network import network_case

    data = network_case(size)
    for index, partner in enumerate(data["partners"]):
        partner["name"] = f"Stichting Welzijn en Zorg Regio {index}"  # names that wrap to several lines
    advice = interorg.advise(interorg.case_from_dict(data, bounded=False), lang="nl")
    ax = plots.trust_grid(advice)
    figure = ax.figure
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    to_data = ax.transData.inverted()
    listed = [t for t in ax.texts if t.get_position()[1] > 0]  # the notes under the grid are below 0
    for text in listed:
        box = text.get_window_extent(renderer)
        (x0, y0), (x1, y1) = to_data.transform([[box.x0, box.y0], [box.x1, box.y1]])
        cell_x, cell_y = int(text.get_position()[0]), int(text.get_position()[1])
        assert cell_x <= x0 and x1 <= cell_x + 1 and cell_y <= y0 and y1 <= cell_y + 1, text.get_text()
    counted = [t.get_text() for t in listed if t.get_text().startswith("en nog ")]
    assert bool(counted) == (size == 60)


def test_agreement_shows_every_partner_and_says_what_its_marks_mean(advice):
    """No partner's dot hides another's; the legend names the disagreement line; numbers are Dutch under nl."""
    ax = plots.scan_agreement(advice)
    points = [tuple(xy) for collection in ax.collections for xy in collection.get_offsets()]
    dots = [p for p in points if p]
    assert len(dots) == len(set(dots))  # partners with one score are set apart, not on top of each other
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert any("1,5 of meer uit elkaar" in text for text in legend)
    assert "2,5" in [t.get_text() for t in ax.get_xticklabels()]


def test_agreement_without_answers_says_so():
    """A case without scan answers gets a message instead of an empty chart."""
    ax = plots.scan_agreement(interorg.advise(interorg.example_case("regional_innovation_alliance"), lang="nl"))
    assert [t.get_text() for t in ax.texts] == ["nog geen antwoorden"]


def test_heatmap_writes_numbers_as_the_language_does(advice):
    """The heat map's cells and colour bar have decimal commas under nl."""
    ax = plots.scan_heatmap(advice)
    cells = [t.get_text() for t in ax.texts]
    assert cells and all("." not in text for text in cells) and any("," in text for text in cells)


def test_map_legend_says_where_an_unplaced_partner_is_drawn():
    """A partner the rules did not place is 'drawn at the believed position' only when one is believed."""
    none_believed = plots.draw_map(interorg.network_graph(interorg.example_case("regional_innovation_alliance")))
    legend = " ".join(t.get_text().replace("\n", " ") for t in none_believed.get_legend().get_texts())
    assert "no position believed" in legend and "drawn at the believed position" not in legend


def test_names_do_not_break_at_a_hyphen():
    """A name is wrapped between words, never inside a hyphenated one (Reusel-De Mierden)."""
    from interorg.report.plots._common import wrap

    assert wrap("Gemeente Reusel-De Mierden", 8) == "Gemeente\nReusel-De\nMierden"


@pytest.mark.parametrize("suffix", [".svg", ".pdf", ".png"])
def test_the_same_map_saved_twice_is_the_same_file(tmp_path, advice, suffix):
    """A saved picture carries no time of writing and no random ids: the same case gives the same bytes."""
    written = []
    for name in ("first", "second"):
        path = tmp_path / f"{name}{suffix}"
        plots.save_figure(plots.draw_map(interorg.network_graph(advice), lang="nl"), path)
        written.append(path.read_bytes())
    assert written[0] == written[1]
    assert b"CreationDate" not in written[0] and b"<dc:date>" not in written[0]


def test_map_without_partners_says_so():
    """A case that lists no partners gets a message on the map instead of empty bands."""
    ax = plots.draw_map(interorg.network_graph(interorg.Case(name="Leeg")), lang="nl")
    assert "Nog geen partners in de casus:\nsom ze op onder partners" in [t.get_text() for t in ax.texts]


def test_the_rounds_axis_writes_scores_as_the_language_does():
    """The rounds plot's score axis has a decimal comma in Dutch, as the heat map's numbers do."""
    from interorg.report.plots import scan_rounds

    examples = pathlib.Path(__file__).parents[2] / "knowledge" / "examples"
    cases = [interorg.load_case(examples / name) for name in ("municipal_youth_care.yaml",
                                                              "municipal_youth_care_round2.yaml")]
    for lang, half in (("nl", "2,5"), ("en", "2.5")):
        ax = scan_rounds(cases, lang=lang)
        ax.figure.canvas.draw()
        assert half in [tick.get_text() for tick in ax.get_yticklabels()]
