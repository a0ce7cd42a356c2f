"""A chart as plain data (points, bands, levels, texts), and the one function that draws it.

Views build a `Chart` in the reader's language, as they build tables; `write_chart` draws it with
matplotlib, imported inside the function: matplotlib is the optional extra `ca-summit[plot]`, and no
other run pays for it (tests/test_contract.py).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal, NamedTuple

from ..errors import SummitError
from . import display as d
from .display import Lang

# A figure's qualifier as drawn: exact, a lower bound (more than, at least), an upper bound (up
# to), or approximate (about).
Kind = Literal["exact", "lower", "upper", "about"]
KINDS: tuple[Kind, ...] = ("exact", "lower", "upper", "about")
FORMATS = (".svg", ".png")  # what savefig writes by the file's extension, and all we promise
INSTALL = "pip install 'ca-summit[plot]'"


class Point(NamedTuple):
    x: int  # the year the figure refers to
    y: float
    kind: Kind
    group: str  # who stated it: one colour each, named in the legend
    label: str  # written beside the point: the figure as the tables print it


class Band(NamedTuple):
    """A path and what its values mean: lower bounds (shaded from the path upward), upper bounds
    (shaded downward), approximate (shaded `spread` either side) or exact (the line alone)."""

    xs: tuple[int, ...]
    ys: tuple[float, ...]
    bound: Literal["lower", "upper"] | None
    spread: float
    label: str
    exact: tuple[bool, ...] = ()  # the values that are no bound (the figure a path starts from)


class Level(NamedTuple):
    y: float
    label: str


class Chart(NamedTuple):
    title: str
    y_label: str
    currency: str
    lang: Lang
    points: Sequence[Point]
    kinds: dict[Kind, str]  # what each marker means, in the language: the legend's words
    bands: Sequence[Band] = ()
    levels: Sequence[Level] = ()
    notes: tuple[str, ...] = ()  # under the chart
    empty: str = ""  # said in the chart when there is no point to draw


def chart_format(path: Path) -> str:
    """The format a chart is written in, by the file's extension: a usage error for any other."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise SummitError(
            f"--plot writes {' or '.join(FORMATS)}, chosen by the file's extension: {path.name!r} has "
            f"{suffix or 'none'}",
            usage=True,
        )
    if path.is_dir():
        raise SummitError(f"--plot needs a file, and {path} is a folder", usage=True)
    return suffix[1:]


_MARKERS: dict[Kind, dict[str, Any]] = {
    "exact": {"marker": "o"},
    "lower": {"marker": "^"},  # points up: the figure is at least this
    "upper": {"marker": "v"},
    "about": {"marker": "D", "fillstyle": "none"},
}
_COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf")


def write_chart(chart: Chart, path: Path) -> None:
    """Draw `chart` into `path`, SVG or PNG by its extension; written to a temporary file beside it
    and renamed over it, so that an interrupted run leaves the old file or the new one, whole."""
    fmt = chart_format(path)
    try:
        import matplotlib
        from matplotlib.figure import Figure
    except ImportError:
        raise SummitError(f"--plot needs matplotlib: {INSTALL}") from None
    matplotlib.use("Agg")
    # DejaVu Sans ships with matplotlib and has every character we write (narrow no-break space,
    # « », ≥, ≈); SVG text as paths, so that it reads the same where the font is not installed; a
    # fixed salt and no date, so that the same chart is the same file.
    with matplotlib.rc_context(
        {"font.family": "DejaVu Sans", "svg.fonttype": "path", "svg.hashsalt": "ca-summit"}
    ):
        figure = Figure(figsize=(11, 5.5), layout="constrained")
        _draw(figure, chart)
        metadata = {"Title": chart.title, "Date": None} if fmt == "svg" else {"Title": chart.title}
        temporary = ""
        try:
            handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=path.suffix, dir=path.parent)
            os.close(handle)
            figure.savefig(temporary, format=fmt, dpi=150, metadata=metadata)
            os.chmod(temporary, _mode(path))
            os.replace(temporary, path)
        except OSError as error:
            raise SummitError(f"cannot write the chart to {path}: {error.strerror or error}") from None
        finally:
            if temporary and os.path.exists(temporary):
                os.unlink(temporary)


def _mode(path: Path) -> int:
    """The permissions the chart would have if opened for writing: the old file's, else the umask's
    (mkstemp makes its file readable by its owner alone)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _draw(figure: Any, chart: Chart) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    axes = figure.add_subplot()
    handles: list[Any] = []
    for band in chart.bands:
        line = axes.plot(band.xs, band.ys, color="#555555", linewidth=1.5, zorder=2)[0]
        handles.append(_band(axes, band, line, Patch))
    for level in chart.levels:
        axes.axhline(level.y, color="#444444", linestyle="--", linewidth=1, zorder=1)
        axes.annotate(
            level.label,
            (0, level.y),
            xycoords=("axes fraction", "data"),
            xytext=(4, 3),
            textcoords="offset points",
            fontsize=8,
            color="#444444",
        )
    colours: dict[str, str] = {}
    for point in chart.points:
        colour = colours.setdefault(point.group, _COLOURS[len(colours) % len(_COLOURS)])
        axes.plot(
            [point.x],
            [point.y],
            linestyle="none",
            color=colour,
            markersize=8,
            zorder=3,
            **_MARKERS[point.kind],
        )
        axes.annotate(
            point.label, (point.x, point.y), xytext=(7, -3), textcoords="offset points", fontsize=7.5
        )
    handles += [
        Line2D([], [], linestyle="none", marker="o", color=colour, label=group)
        for group, colour in colours.items()
    ]
    used = {point.kind for point in chart.points}
    handles += [
        Line2D([], [], linestyle="none", color="#777777", label=chart.kinds[kind], **_MARKERS[kind])
        for kind in KINDS
        if kind in used
    ]
    if not chart.points:
        axes.text(0.5, 0.5, chart.empty, transform=axes.transAxes, ha="center", va="center")
    axes.set_title(chart.title, fontsize=11, loc="left")
    axes.set_ylabel(chart.y_label)
    axes.set_ylim(bottom=0, top=_top(chart))
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.yaxis.set_major_formatter(
        FuncFormatter(lambda value, _: d.amount(value, chart.currency, chart.lang))
    )
    axes.grid(axis="y", color="#dddddd", linewidth=0.6)
    axes.set_axisbelow(True)
    if chart.points:
        xs = [p.x for p in chart.points] + [x for b in chart.bands for x in b.xs]
        axes.set_xlim(min(xs) - 0.6, max(xs) + 1.2)  # room for the labels right of the last points
    if handles:
        axes.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    if chart.notes:
        figure.supxlabel("\n".join(chart.notes), fontsize=7.5, ha="left", x=0.01, color="#444444")


def _band(axes: Any, band: Band, line: Any, patch: Any) -> Any:
    colour = "#7f7f7f"
    exact = band.exact or (False,) * len(band.xs)
    if band.bound == "lower":
        top = [y if known else _top_of(band) for y, known in zip(band.ys, exact, strict=True)]
        axes.fill_between(band.xs, band.ys, top, color=colour, alpha=0.18, zorder=0)
    elif band.bound == "upper":
        bottom = [y if known else 0.0 for y, known in zip(band.ys, exact, strict=True)]
        axes.fill_between(band.xs, bottom, band.ys, color=colour, alpha=0.18, zorder=0)
    elif band.spread:
        low = [y * (1 - band.spread) for y in band.ys]
        high = [y * (1 + band.spread) for y in band.ys]
        axes.fill_between(band.xs, low, high, color=colour, alpha=0.18, zorder=0)
    else:
        line.set_label(band.label)
        return line
    return patch(facecolor=colour, alpha=0.35, edgecolor="#555555", label=band.label)


def _top_of(band: Band) -> float:
    # Shaded to well above the chart's top: the axes' limit cuts it, and "at least" has no top.
    return max(band.ys) * 10


def _top(chart: Chart) -> float:
    values = (
        [p.y for p in chart.points] + [lv.y for lv in chart.levels] + [y for b in chart.bands for y in b.ys]
    )
    return max(values, default=1.0) * 1.12
