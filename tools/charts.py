"""Regenerate (or check) the README's charts with the tool itself.

python tools/charts.py          # rewrite docs/trade-history.svg and docs/trade-projection.svg
python tools/charts.py --check  # exit 1 if either is not what the tool draws now

Needs the plot extra (pip install -e '.[plot]'). The check compares what each chart says (its
texts and markers), not its bytes: another matplotlib may draw the same chart a little differently.
"""

from __future__ import annotations

import contextlib
import html
import io
import re
import sys
import tempfile
from pathlib import Path

from ca_summit.cli.app import main

DOCS = Path(__file__).resolve().parents[1] / "docs"
CHARTS = {
    "trade-history.svg": ["trade", "--history"],
    "trade-projection.svg": ["trade", "--project", "15e9"],
}


def draw(folder: Path) -> dict[str, Path]:
    """Each chart of the README drawn into `folder`, by the command the README names."""
    drawn = {}
    for name, args in CHARTS.items():
        path = folder / name
        code = main([*args, "--plot", str(path), "--format", "csv"])
        if code != 0:
            raise SystemExit(f"ca-summit {' '.join(args)} --plot {path}: exit {code}")
        drawn[name] = path
    return drawn


def texts(path: Path) -> list[str]:
    """The texts an SVG of ours shows: matplotlib draws each as glyph paths (the font travels with
    the file) and writes the text itself in a comment before it; the title in <title>."""
    svg = path.read_text(encoding="utf-8")
    title = re.findall(r"<title>(.*?)</title>", svg, re.S)
    # A comment cannot hold "--": matplotlib writes it "- -".
    comments = [text.replace("- -", "--") for text in re.findall(r"<!-- (.*?) -->", svg, re.S)]
    return [html.unescape(text) for text in title + comments]


def _shape(d: str) -> str:
    d = " ".join(d.split())
    if re.fullmatch(r"M 0 -(\S+) L -\1 \1 L \1 \1 z", d):  # any size: the legend's are smaller
        return "up"
    return "down" if re.fullmatch(r"M 0 (\S+) L -\1 -\1 L \1 -\1 z", d) else "other"


def markers(path: Path) -> list[str]:
    """The shape of each marker drawn: "up" (a triangle pointing up), "down", or "other"."""
    svg = path.read_text(encoding="utf-8")
    shapes = {mid: _shape(d) for mid, d in re.findall(r'<path id="(m[0-9a-f]+)" d="([^"]*)"', svg)}
    return [shapes[mid] for mid in re.findall(r'<use xlink:href="#(m[0-9a-f]+)"', svg)]


def facts(path: Path) -> tuple[list[str], list[str]]:
    """What a chart says: its texts, and its markers' shapes in the order drawn."""
    return texts(path), markers(path)


def main_(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory() as scratch, contextlib.redirect_stdout(io.StringIO()):
        drawn = draw(Path(scratch) if "--check" in argv else DOCS)
        if "--check" not in argv:
            return 0
        stale = [name for name, path in drawn.items() if facts(path) != facts(DOCS / name)]
    for name in stale:
        print(f"docs/{name} is stale: run python tools/charts.py", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main_(sys.argv[1:]))
