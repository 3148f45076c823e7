"""How a rendering tells its reader to see more: Python's words by default, the command line's, or none."""

import json

import pytest

import interorg
from interorg.cli import main
from interorg.errors import UsageError
from interorg.report.hints import AUDIENCES, HINTS, hint, report_hints


@pytest.fixture(scope="module", params=["en", "nl"])
def advice(request):
    return interorg.advise(interorg.example_case(), lang=request.param)


def _hints(advice, where):
    """Every hint message of one audience, in the advice's language."""
    return [advice.labels[f"hint_{what}_{where}"] for what in HINTS]


def _found(rendered, texts):
    flat = " ".join(rendered.split())  # the text output wraps its lines
    return [text for text in texts if text in flat]


def test_every_hint_has_python_and_cli_words_in_both_languages(knowledge):
    """Each hint is a message for Python and one for the command line, in English and in Dutch, that differ."""
    for what in HINTS:
        python, cli = (knowledge.messages[f"hint_{what}_{where}"] for where in ("python", "cli"))
        for text in (python, cli):
            assert text.en and text.nl and text.en != text.nl, what
        assert "advice" in python.en or "interorg." in python.en, what
        assert "interorg " in cli.en and "interorg " in cli.nl, what


def test_the_api_speaks_python_by_default(advice):
    """to_text and to_markdown tell a Python user advice.explain and to_text(full=True), never a command."""
    for rendered in (advice.to_text(), advice.to_markdown(), str(advice)):
        assert _found(rendered, _hints(advice, "python")) == _hints(advice, "python")[:4]
        assert "interorg advise" not in rendered and "--full" not in rendered and "--explain" not in rendered
    assert 'advice.explain("KEY")' in " ".join(advice.to_text().split())


def test_cli_hints_name_the_options(advice):
    """hints="cli" tells --full, --kind finding and --explain KEY, and no Python call."""
    for rendered in (advice.to_text(hints="cli"), advice.to_markdown(hints="cli")):
        assert _found(rendered, _hints(advice, "cli")) == _hints(advice, "cli")[:4]
        assert "advice.explain" not in rendered and "to_text(" not in rendered
    assert "interorg advise --explain KEY" in " ".join(advice.to_text(hints="cli").split())


def test_neutral_tells_no_how_to_but_still_what_is_left_out(advice):
    """hints="neutral" keeps the counts of what is not shown and drops every hint."""
    rendered = advice.to_text(hints="neutral")
    assert _found(rendered, _hints(advice, "python") + _hints(advice, "cli")) == []
    low = advice.labels["low_findings_count_other"].split("{count}")[1]
    assert low.strip() in rendered
    assert advice.to_text(hints="neutral") != advice.to_text()


def test_the_command_line_passes_cli(capsys):
    """`interorg advise --example` says the options, in English and in Dutch."""
    for lang in ("en", "nl"):
        assert main(["advise", "--example", "--lang", lang]) == 0
        out = " ".join(capsys.readouterr().out.split())
        labels = interorg.load_knowledge().labels(lang)
        assert labels["hint_explain_cli"] in out and labels["hint_findings_cli"] in out
        assert "advice.to_text" not in out


def test_full_text_needs_no_hint(advice):
    """With full=True everything is shown: no hint of either audience."""
    for where in ("python", "cli"):
        assert _found(advice.to_text(full=True, hints=where), _hints(advice, where)) == []


def test_html_carries_no_hints(advice):
    """Neither the Jupyter HTML nor the report to hand over tells a command or a call to make."""
    for page in (advice._repr_html_(), advice.to_html(figures=False)):
        assert _found(page, _hints(advice, "python") + _hints(advice, "cli")) == []
        assert "--full" not in page and "--explain" not in page and "interorg plot" not in page


def test_unknown_hints_is_a_clear_error(advice):
    """A misspelt audience is refused, naming the three there are."""
    with pytest.raises(UsageError, match="expected one of python, cli, neutral"):
        advice.to_text(hints="shell")
    with pytest.raises(UsageError, match="unknown hints"):
        advice.to_markdown(hints=None)
    assert AUDIENCES == ("python", "cli", "neutral")
    assert hint(advice.labels, "models", "neutral") is None


def _large_case(tmp_path, count):
    partners = [{"id": f"p{n}", "position": "core" if n < 3 else "ring"} for n in range(count)]
    path = tmp_path / "large.json"
    path.write_text(json.dumps({"name": "Groot netwerk", "partners": partners}), encoding="utf-8")
    return path


def test_report_file_is_neutral_and_its_hints_go_to_stderr(tmp_path, capsys):
    """`interorg report` on a network too large to draw: the file says so without a command, stderr tells interorg plot."""
    from interorg.report.html import DRAWN_PARTNERS

    case = _large_case(tmp_path, DRAWN_PARTNERS + 1)
    page_path = tmp_path / "report.html"
    assert main(["report", str(case), "--lang", "nl", "-o", str(page_path)]) == 0
    err = capsys.readouterr().err
    labels = interorg.load_knowledge().labels("nl")
    assert f"interorg: {labels['hint_plot_cli']}" in err
    page = page_path.read_text(encoding="utf-8")
    assert f"met {DRAWN_PARTNERS + 1} partners zijn ze niet te lezen" in page
    assert "interorg plot" not in page and labels["hint_plot_cli"] not in page


def test_report_hints_only_for_what_is_left_out(tmp_path):
    """A network small enough to draw, or a report asked without figures, has nothing to hint at."""
    from interorg.report.html import DRAWN_PARTNERS

    large = interorg.advise(_large_case(tmp_path, DRAWN_PARTNERS + 1))
    assert report_hints(large, "cli") == [large.labels["hint_plot_cli"]]
    assert report_hints(large, "python") == [large.labels["hint_plot_python"]]
    assert report_hints(large, "neutral") == [] and report_hints(large, "cli", figures=False) == []
    assert report_hints(interorg.advise(interorg.example_case()), "cli") == []
