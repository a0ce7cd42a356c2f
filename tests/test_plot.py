"""`trade --history --plot FILE` and `trade --project AMOUNT --plot FILE`: a chart as a side output."""

from __future__ import annotations

import json
import logging
import sys
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ca_summit.cli.commands import Context
from ca_summit.cli.commands.trade import Asked, run
from ca_summit.queries.trade import TradeRequest
from ca_summit.views.chart import history_chart, projection_chart

from conftest import ROOT, matplotlib_or_skip

sys.path.insert(0, str(ROOT / "tools"))
from charts import CHARTS, draw, facts, markers
from charts import texts as svg_texts

Invoke = Callable[..., Any]
HISTORY = ("trade", "--history")
PROJECTION = ("trade", "--project", "15e9")
NNBSP = "\u202f"


@pytest.fixture
def plotting() -> None:
    matplotlib_or_skip()


def _draw(invoke: Invoke, target: Path, *args: str) -> Any:
    result = invoke(*args, "--plot", str(target), "--json")
    assert result.exit_code == 0, result.output
    assert result.stderr == f"ca-summit: wrote {target}\n"
    return json.loads(result.stdout)


# --- what the charts show ------------------------------------------------------------------------


@pytest.mark.usefixtures("plotting")
def test_the_history_chart_shows_every_dated_figure_its_qualifier_and_who_stated_it(
    invoke: Invoke, tmp_path: Path
) -> None:
    target = tmp_path / "history.svg"
    shown = _draw(invoke, target, *HISTORY)
    # A side output: the JSON is what it is without --plot.
    assert shown == json.loads(invoke(*HISTORY, "--json").stdout)
    texts = svg_texts(target)
    assert texts[0] == "Intra-regional trade, as reported"
    claims = shown["history"]["claims"]
    dated = [c for c in claims if c["year"] is not None and c["value"] is not None]
    assert len(dated) == 11
    # Each figure labelled as the table prints it, with its qualifier's sign (> 12.2: more than).
    for label in (
        "2.4 bn USD",
        "> 12.2 bn USD",
        "4.1 bn USD (January–September)",
        "> 6 bn USD",
        "10.7 bn USD",
    ):
        assert label in texts
    for name in {c["speaker"] for c in dated}:  # the legend names who stated them
        assert name in texts
    assert "more than, at least: a lower bound" in texts and "as stated" in texts
    # The three "more than" figures as triangles pointing up, and one more in the legend.
    assert markers(target).count("up") == 3 + 1
    assert "down" not in markers(target)
    assert "target 15 bn USD (set 2022–2024)" in texts and "target 20 bn USD (set 2024–2025)" in texts
    assert (
        f"{len(claims) - 11} figures give no year and are not drawn: “ca-summit trade --history” lists them."
        in texts
    )


def test_the_history_chart_marks_each_qualifier_and_colours_each_speaker() -> None:
    view = run(Asked(TradeRequest(history=True)), Context(data=None, lang="en"))
    chart = history_chart(view.history, "USD", "en")  # type: ignore[attr-defined]
    kinds = {(p.x, p.label): p.kind for p in chart.points}
    assert kinds[(2018, "> 12.2 bn USD")] == "lower"
    assert kinds[(2018, "4.3 bn USD")] == "exact"
    assert kinds[(2021, "> 8 bn USD")] == "lower"
    assert [p.group for p in chart.points if p.x == 2024] == ["Kassym-Jomart Tokayev", "Shavkat Mirziyoyev"]
    assert [lv.y for lv in chart.levels] == [5e9, 15e9, 20e9]


def test_the_projection_chart_draws_the_path_as_lower_bounds_from_the_stated_figure() -> None:
    view: Any = run(Asked(TradeRequest(target=15e9)), Context(data=None, lang="en"))
    chart = projection_chart(view, view.projection, "en")
    (band,) = chart.bands
    assert band.xs == (2022, 2023, 2024, 2025)
    assert band.bound == "lower"  # shaded from the path upward
    assert band.exact == (True, False, False, False)  # 2022 is the article's figure, no bound
    assert band.label == "projected path, at least (≥ 12.47%/yr)"
    assert [(lv.y, lv.label) for lv in chart.levels] == [(15e9, "target 15 bn USD")]
    assert [(p.x, p.label, p.kind) for p in chart.points] == [
        (2022, "10.6 bn USD", "exact"),
        (2023, "11 bn USD, below the path", "exact"),
        (2024, "11.5 bn USD, below the path", "exact"),
        (2024, "10.7 bn USD, below the path", "exact"),
    ]
    assert chart.points[0].group == "the article's figure (year assumed)"


@pytest.mark.usefixtures("plotting")
def test_the_projection_chart_as_png(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "path.PNG"  # the extension in any case
    _draw(invoke, target, *PROJECTION)
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.usefixtures("plotting")
def test_french_typography_is_drawn_with_real_glyphs(
    invoke: Invoke, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    target = tmp_path / "trajectoire.svg"
    with warnings.catch_warnings(record=True) as caught, caplog.at_level(logging.WARNING):
        warnings.simplefilter("always")
        _draw(invoke, target, "--lang", "fr", *PROJECTION)
        _draw(invoke, tmp_path / "historique.svg", "--lang", "fr", *HISTORY)
    # A character the font lacks would be drawn as a box, with a warning: none.
    assert [str(w.message) for w in caught if "Glyph" in str(w.message) or "font" in str(w.message)] == []
    assert [r.message for r in caplog.records if r.name.startswith("matplotlib")] == []
    texts = svg_texts(target)
    assert texts[0] == f"Commerce intrarégional{NNBSP}: trajectoire vers 15\u00a0Md\u00a0USD"
    assert f"trajectoire projetée, au moins (≥ 12,47{NNBSP}%/an)" in texts
    assert "11\u00a0Md\u00a0USD, sous la trajectoire" in texts
    notes = svg_texts(tmp_path / "historique.svg")
    assert f"«{NNBSP}ca-summit trade --history{NNBSP}» les liste." in " ".join(notes)


# --- the file -------------------------------------------------------------------------------------


@pytest.mark.usefixtures("plotting")
def test_a_chart_overwrites_its_file_and_leaves_nothing_else(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "chart.svg"
    target.write_text("an older chart", encoding="utf-8")
    _draw(invoke, target, *HISTORY)
    assert target.read_text(encoding="utf-8").startswith("<?xml")
    assert [p.name for p in tmp_path.iterdir()] == ["chart.svg"]


@pytest.mark.usefixtures("plotting")
def test_a_new_chart_has_the_permissions_of_any_new_file(invoke: Invoke, tmp_path: Path) -> None:
    (tmp_path / "plain.txt").write_text("", encoding="utf-8")
    _draw(invoke, tmp_path / "chart.svg", *HISTORY)
    assert (tmp_path / "chart.svg").stat().st_mode == (tmp_path / "plain.txt").stat().st_mode


@pytest.mark.usefixtures("plotting")
def test_an_interrupted_chart_leaves_the_old_file_whole(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from matplotlib.figure import Figure

    def interrupted(self: Any, name: str, **kwargs: Any) -> None:
        Path(name).write_text("<svg half", encoding="utf-8")
        raise KeyboardInterrupt

    monkeypatch.setattr(Figure, "savefig", interrupted)
    target = tmp_path / "chart.svg"
    target.write_text("the old chart", encoding="utf-8")
    result = invoke(*HISTORY, "--plot", str(target))
    assert result.exit_code == 130
    assert result.stdout == ""  # nothing printed for a chart that was not written
    assert target.read_text(encoding="utf-8") == "the old chart"
    assert [p.name for p in tmp_path.iterdir()] == ["chart.svg"]


@pytest.mark.usefixtures("plotting")
def test_a_folder_that_is_not_there_is_a_runtime_error(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "chart.svg"
    result = invoke(*HISTORY, "--plot", str(target))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"ca-summit: error: cannot write the chart to {target}: ")
    assert result.stdout == ""


def test_without_matplotlib_one_line_says_how_to_install_it(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib: ImportError
    target = tmp_path / "chart.svg"
    result = invoke(*PROJECTION, "--plot", str(target))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == "ca-summit: error: --plot needs matplotlib: pip install 'ca-summit[plot]'\n"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            [*HISTORY, "--plot", "chart.pdf"],
            "--plot writes .svg or .png, chosen by the file's extension: 'chart.pdf' has .pdf",
        ),
        (
            [*HISTORY, "--plot", "chart"],
            "--plot writes .svg or .png, chosen by the file's extension: 'chart' has none",
        ),
        (["trade", "--plot", "chart.svg"], "--plot draws --history or a projection (--project AMOUNT)"),
    ],
)
def test_usage_errors_of_plot(invoke: Invoke, in_folder: Path, args: list[str], message: str) -> None:
    result = invoke(*args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"ca-summit: error: {message}\n"
    assert not any(p.name.startswith("chart") for p in in_folder.iterdir())


def test_a_folder_as_the_chart_is_a_usage_error(invoke: Invoke, tmp_path: Path) -> None:
    folder = tmp_path / "charts.svg"
    folder.mkdir()
    result = invoke(*PROJECTION, "--plot", str(folder))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"ca-summit: error: --plot needs a file, and {folder} is a folder\n"


# --- the README's charts --------------------------------------------------------------------------


@pytest.mark.usefixtures("plotting")
def test_the_readme_shows_the_charts_the_tool_draws_now(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, args in CHARTS.items():
        assert "![" in readme and f"(docs/{name})" in readme
        assert f"ca-summit {' '.join(args)} --plot docs/{name}" in readme
    for name, path in draw(tmp_path).items():
        assert facts(ROOT / "docs" / name) == facts(path), f"docs/{name} is stale: run python tools/charts.py"
    assert "> 12.2 bn USD" in svg_texts(ROOT / "docs" / "trade-history.svg")
