"""Tables at any width: no line too wide, no word split, nothing lost; blocks where a grid cannot fit."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ca_summit.cli.registry import COMMANDS as REGISTERED
from ca_summit.render.layout import layout, plain, screen_rows, terminal_width, text_width, wrap
from ca_summit.render.report import Column, Table, cell
from ca_summit.resources import bundled_path

from conftest import records_args

Invoke = Callable[..., Any]

# Every command with output, from the registry (its example, without output options), and the
# trade views its options open.
COMMANDS = [
    *(
        ["validate", "summit.yaml"] if c.name == "validate" else records_args(c)
        for c in REGISTERED
        if c.has_output
    ),
    ["trade", "--project", "15e9"],
    ["trade", "--history"],
    ["meetings"],
    ["facts", "--meeting", "2018"],
]
WIDTHS = [60, 80, 100, 120, 200]
RULE = set("─")


def _tokens(text: str) -> set[str]:
    """The words a reader sees, without the rule under a header (its length follows the width)."""
    return {token for token in text.split() if not set(token) <= RULE}


def _bare(text: str) -> set[str]:
    """Tokens without the colon that ends a label or a path (`summit.yaml: valid`)."""
    return {token.rstrip(":") for token in _tokens(text)}


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


@pytest.fixture
def in_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`validate` prints the path it is given: a short relative one, so that its line fits at 60."""
    shutil.copy(bundled_path(), tmp_path / "summit.yaml")
    monkeypatch.chdir(tmp_path)


@pytest.mark.usefixtures("in_data_folder")
@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_every_command_reads_whole_at_every_width(invoke: Invoke, args: list[str], lang: str) -> None:
    def table(columns: int) -> str:
        result = invoke(*args, env={"COLUMNS": str(columns), "CA_SUMMIT_LANG": lang})
        assert result.exit_code == 0 and result.stderr == ""
        return str(result.stdout)

    outputs = {columns: table(columns) for columns in WIDTHS}
    data = invoke(*args, "--json", env={"CA_SUMMIT_LANG": lang})
    words = {word for text in _strings(json.loads(data.stdout)) for word in text.split()}
    shown = words & _bare(outputs[200])
    assert shown  # the check below would prove nothing if none of the JSON's words were shown
    for columns, out in outputs.items():
        assert max(text_width(line) for line in out.splitlines()) <= columns
        # Same words at every width: a split word would add fragments, a dropped field lose some.
        assert _tokens(out) == _tokens(outputs[200]), columns
        assert shown <= _bare(out)


def test_a_table_too_wide_for_the_terminal_becomes_labelled_blocks(invoke: Invoke) -> None:
    out = invoke("facts", env={"COLUMNS": "80"}).stdout.splitlines()
    assert out[:9] == [
        "Facts",
        "",
        "  id                  meeting",
        "  Kind                meeting",
        "  Area",
        "  Fact                Consultative Meeting of the Heads of State of Central",
        "                      Asia, 5th edition, 14 September 2023",
        "  By",
        "  Source (verbatim)   “Le 14 septembre 2023, lors de la cinquième Réunion",
    ]


def test_a_table_that_fits_keeps_short_columns_whole(invoke: Invoke) -> None:
    out = invoke("areas", env={"COLUMNS": "200"}).stdout.splitlines()
    assert out[3] == " " + "─" * 198
    assert out[4].split("   ")[:2] == ["  1", "Increasing trade flows"]
    assert "Kazakhstan, Uzbekistan, Turkmenistan, Kyrgyzstan, Tajikistan" in out[4]
    assert "  5   Cultural and humanitarian cooperation   Cooperation between" in out[15]


@pytest.mark.parametrize(
    ("columns", "expected"),
    [
        ("0", 80),
        ("1", 20),
        ("19", 20),
        ("20", 20),
        ("137", 137),
        ("abc", 80),
        ("-5", 80),
        ("", 80),
        (" 90 ", 90),
        ("٩٠", 80),  # Arabic-Indic digits are digits to str.isdigit, not to a terminal
        ("99999999999999999999", 80),
    ],
)
def test_any_columns_value_gives_a_sane_width(columns: str, expected: int) -> None:
    assert terminal_width({"COLUMNS": columns}, None) == expected


def test_lines_falls_back_to_24_when_unusable() -> None:
    assert screen_rows({"LINES": "0"}, None) == 24
    assert screen_rows({"LINES": "x"}, None) == 24
    assert screen_rows({"LINES": "50"}, None) == 50


@pytest.mark.parametrize(("columns", "width"), [("0", 80), ("1", 20), ("7", 20), ("19", 20), ("garbage", 80)])
def test_odd_columns_values_print_everything_at_a_sane_width(
    invoke: Invoke, columns: str, width: int
) -> None:
    result = invoke("quotes", env={"COLUMNS": columns})
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout == invoke("quotes", env={"COLUMNS": str(width)}).stdout
    assert max(text_width(line) for line in result.stdout.splitlines()) == width


def test_a_huge_width_prints_every_table_whole(invoke: Invoke) -> None:
    out = invoke("quotes", env={"COLUMNS": "99999999"}).stdout
    assert _tokens(out) == _tokens(invoke("quotes", env={"COLUMNS": "200"}).stdout)
    assert "  Speaker" in out.splitlines()[2]  # a grid: the header row


def test_wrap_breaks_between_words_and_folds_only_a_token_wider_than_the_line() -> None:
    assert wrap("aaa bbbbbbbbbb c", 5) == ["aaa", "bbbbb", "bbbbb", "c"]
    assert wrap("one two three", 7) == ["one two", "three"]
    assert wrap("a\n\nb", 10) == ["a", "", "b"]
    assert wrap("15\u00a0bn USD", 6) == ["15\u00a0bn", "USD"]  # a no-break space keeps its number


def test_widths_count_terminal_cells() -> None:
    assert text_width("漢字") == 4
    assert text_width("e\u0301") == 1
    assert wrap("漢字漢字 ab", 4) == ["漢字", "漢字", "ab"]


def _table(*rows: tuple[str, str], style: str = "grid") -> Table:
    columns = (Column("name", "Name"), Column("value", "Value"))
    return Table("Title", columns, [tuple(cell(text) for text in row) for row in rows], style=style)  # type: ignore[arg-type]


def test_blocks_put_the_value_under_its_label_when_the_two_cannot_share_a_line() -> None:
    table = _table(("a", "x" * 30 + " end"), ("b", "short"))
    assert plain(layout([table], 24)).splitlines() == [
        "Title",
        "",
        "  Name",
        "    a",
        "  Value",
        "    xxxxxxxxxxxxxxxxxxxx",
        "    xxxxxxxxxx end",
        "",
        "  Name",
        "    b",
        "  Value",
        "    short",
        "",
    ]


def test_blocks_keep_label_and_value_on_a_line_when_they_fit() -> None:
    # a grid needs 2 + 16 + 3 + 12 + 2 = 35 columns; labels beside values, 2 + 5 + 3 + 12 = 22
    table = _table(("alpha-beta-gamma", "one two three four five six seven eight nine ten"), ("b", "c"))
    assert plain(layout([table], 30)).splitlines() == [
        "Title",
        "",
        "  Name    alpha-beta-gamma",
        "  Value   one two three four",
        "          five six seven eight",
        "          nine ten",
        "",
        "  Name    b",
        "  Value   c",
        "",
    ]


def test_a_squeezed_grid_gives_way_to_blocks_that_take_fewer_lines(invoke: Invoke) -> None:
    narrow = invoke("countries", env={"COLUMNS": "60"}).stdout.splitlines()
    assert narrow[2:5] == [
        "  ISO                     KZ",
        "  Name (English)          Kazakhstan",
        "  Name (French)           Kazakhstan",
    ]
    wide = invoke("countries", env={"COLUMNS": "120"}).stdout.splitlines()
    assert wide[2].split() == [
        "ISO",
        "Name",
        "(English)",
        "Name",
        "(French)",
        "What",
        "the",
        "article",
        "says",
    ]
    assert len(wide) < len(narrow)


_WORD = st.text(alphabet=st.sampled_from("abcdéXYZ-.«»漢\u0301"), min_size=1, max_size=30)
_TEXT = st.lists(_WORD, max_size=12).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(
    headers=st.lists(_TEXT.filter(bool), min_size=1, max_size=6),
    rows=st.lists(st.lists(_TEXT, min_size=6, max_size=6), max_size=5),
    numeric=st.lists(st.booleans(), min_size=6, max_size=6),
    fields=st.booleans(),
    width=st.integers(min_value=20, max_value=200),
)
def test_any_table_fits_and_keeps_every_word(
    headers: list[str], rows: list[list[str]], numeric: list[bool], fields: bool, width: int
) -> None:
    columns = tuple(Column(f"c{n}", header, numeric=numeric[n]) for n, header in enumerate(headers))
    cells = [[cell(text) for text in row[: len(headers)]] for row in rows]
    out = plain(layout([Table("T", columns, cells, style="fields" if fields else "grid")], width))
    assert all(text_width(line) <= width for line in out.splitlines())
    texts = [text for row in rows for text in row[: len(headers)]] + ([] if fields or not rows else headers)
    tokens = _tokens(out)
    for word in (word for text in texts for word in text.split()):
        # a word wider than the terminal less the block indent is the one thing folded
        assert word in tokens or text_width(word) > width - 4


def test_a_table_into_a_pipe_never_imports_rich() -> None:
    # Rich is only needed for colour; a pipe gets none, so it is spared the import (start-up time).
    code = (
        "import sys\nfrom ca_summit.cli.app import main\ncode = main(['areas'])\n"
        "sys.stderr.write(repr(sorted(m for m in sys.modules if m.split('.')[0] == 'rich')))\n"
        "raise SystemExit(code)\n"
    )
    environment = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=environment
    )
    assert (result.returncode, result.stderr) == (0, "[]")
    assert result.stdout.startswith("Areas of cooperation\n")
