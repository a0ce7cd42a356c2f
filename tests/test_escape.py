"""Text from the data or the user is shown, never obeyed: no markup, no raw control character."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from ca_summit.render.escape import escape_control, escape_json

from conftest import MINIMAL

Invoke = Callable[..., Any]

# Markup Rich would read, an escape sequence that retitles a terminal, a carriage return, a C1 CSI,
# a line separator and a right-to-left override: each must come out as written or escaped.
HOSTILE = r"[red]Trade[/x] \e]0;pwned\a grows\r\u2028 | \x9b \u202e end"
SHOWN = r"[red]Trade[/x] \x1b]0;pwned\x07 grows\r\u2028 | \x9b \u202e end"


@pytest.fixture
def hostile(write: Callable[[str], Path]) -> Path:
    return write(MINIMAL.replace("en: Trade grows.}", f'en: "{HOSTILE}"}}'))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\x1b[31mred", "\\x1b[31mred"),
        ("a\nb\r\tc", "a\\nb\\r\\tc"),
        ("\x00\x7f\x85\x9b", "\\x00\\x7f\\x85\\x9b"),
        ("\u2028\u2029\u202e\u2066\u200f\u061c", "\\u2028\\u2029\\u202e\\u2066\\u200f\\u061c"),
        ("« Tokaïev » 15\u00a0bn\u202f%", "« Tokaïev » 15\u00a0bn\u202f%"),  # printable: untouched
    ],
)
def test_escape_control(text: str, expected: str) -> None:
    assert escape_control(text) == expected


def test_escape_control_shows_bytes_that_were_not_utf8_as_bytes() -> None:
    # A byte 0xff read as a surrogate escape (a file name, an argument), with a control beside it.
    assert escape_control("caf\udcff\x1b é") == "caf\\xff\\x1b é"


def test_escape_control_can_keep_newlines() -> None:
    assert escape_control("a\nb\r\n\x1b", keep_newlines=True) == "a\nb\\r\n\\x1b"


@pytest.mark.parametrize("columns", ["60", "200"])
def test_a_table_shows_hostile_text_escaped_and_literal(invoke: Invoke, hostile: Path, columns: str) -> None:
    result = invoke("--data", str(hostile), "areas", env={"COLUMNS": columns, "FORCE_COLOR": "1"})
    assert result.exit_code == 0 and result.stderr == ""
    out = result.stdout
    for raw in ("\x1b]", "\x07", "\r", "\u2028", "\x9b", "\u202e"):
        assert raw not in out
    flat = " ".join(out.split())
    for word in SHOWN.split():
        assert word in flat


def test_csv_keeps_one_record_per_line(invoke: Invoke, hostile: Path) -> None:
    out = invoke("--data", str(hostile), "areas", "-f", "csv").stdout
    assert out.count("\n") == 2 and "\r" not in out
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0]["summary"] == SHOWN


def test_markdown_keeps_one_record_per_line(invoke: Invoke, hostile: Path) -> None:
    lines = invoke("--data", str(hostile), "areas", "-f", "markdown", "--fields", "number,summary,title")
    lines = lines.stdout.splitlines()
    assert len(lines) == 3
    assert (
        lines[2].split(" | ")[1] == r"\[red\]Trade\[/x\] \x1b\]0;pwned\x07 grows<br>\u2028 \| \x9b \u202e end"
    )


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_holds_no_raw_character_a_terminal_would_obey(invoke: Invoke, hostile: Path, fmt: str) -> None:
    out = invoke("--data", str(hostile), "areas", "-f", fmt).stdout
    for raw in ("\x1b", "\x07", "\r", "\u2028", "\x9b", "\u202e"):
        assert raw not in out
    assert "\\u009b" in out and "\\u2028" in out and "\\u202e" in out
    records = json.loads(out) if fmt == "json" else [json.loads(line) for line in out.splitlines()]
    assert records[0]["summary"] == yaml.safe_load(f'"{HOSTILE}"')  # the same value, as the file says


# Every character a terminal may act on that JSON encoders leave raw, at each end of its range.
JSON_RAW = "\x7f\x80\x9b\x9f\u061c\u200e\u200f\u2028\u2029\u202a\u202e\u2066\u2069"
# Their printable neighbours, which stay as they are.
JSON_KEPT = "~\xa0é\u061b\u061d\u200d\u2010\u2027\u202f\u2065\u206a"


@pytest.mark.parametrize("char", JSON_RAW)
def test_escape_json_writes_each_control_as_an_escape(char: str) -> None:
    escaped = escape_json(json.dumps(f"a{char}b", ensure_ascii=False))
    assert escaped == f'"a\\u{ord(char):04x}b"'
    assert json.loads(escaped) == f"a{char}b"  # the same JSON value


@pytest.mark.parametrize("char", JSON_KEPT)
def test_escape_json_leaves_printable_text_alone(char: str) -> None:
    text = json.dumps(f"a{char}b", ensure_ascii=False)
    assert escape_json(text) == text


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_escapes_del(invoke: Invoke, write: Callable[[str], Path], fmt: str) -> None:
    path = write(MINIMAL.replace("en: Trade grows.}", 'en: "Trade\\x7fgrows"}'))
    out = invoke("--data", str(path), "areas", "-f", fmt).stdout
    assert "\x7f" not in out and "Trade\\u007fgrows" in out
    records = json.loads(out) if fmt == "json" else [json.loads(line) for line in out.splitlines()]
    assert records[0]["points"][0]["text"] == "Trade\x7fgrows"


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ("<b>bold</b> &amp; more", r"\<b>bold\</b> \&amp; more"),  # no HTML, no entity
        ("*not* _emphasis_, ~~nor~~ `code`", r"\*not\* \_emphasis\_, \~\~nor\~\~ \`code\`"),
        ("[a link](https://example.org)", r"\[a link\](https://example.org)"),
        ("snake_case and C:\\path", r"snake_case and C:\\path"),  # `_` inside a word is a letter
    ],
)
def test_markdown_shows_text_as_written(
    invoke: Invoke, write: Callable[[str], Path], text: str, cell: str
) -> None:
    path = write(MINIMAL.replace("en: Trade grows.}", f"en: '{text}'}}"))
    table = invoke("--data", str(path), "areas", "-f", "markdown", "--fields", "number,summary,title")
    assert table.stdout.splitlines()[2].split(" | ")[1] == cell
    document = invoke("--data", str(path), "areas", "-f", "markdown").stdout.splitlines()
    assert document[4].startswith(cell + " (by Kazakhstan)")


@pytest.mark.parametrize("query", ["[/x]", "[red]tokaiev", "[bold]x[/bold]", "\\[x]"])
def test_a_query_with_markup_is_printed_as_typed(invoke: Invoke, query: str) -> None:
    result = invoke("search", query)
    assert result.exit_code == 0 and result.stderr == ""
    # A hit's table is titled with the query; no hit is one line that quotes it.
    assert result.stdout.splitlines()[0] in (f"Search: {query}", f"No match for {query!r}.")
