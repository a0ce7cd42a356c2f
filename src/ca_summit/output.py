"""The one renderer: a view goes out as a table, JSON, CSV or Markdown.

JSON, CSV and Markdown are written as UTF-8 bytes, never coloured, and never import Rich; only the
table format loads Rich, and it colours only a terminal (Rich honours NO_COLOR and FORCE_COLOR).
"""

from __future__ import annotations

import csv
import io
import os
import sys
from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from .display import Lang
from .escape import escape_control
from .report import Plain, Raw, Table, Tabular, primary

if TYPE_CHECKING:
    from .layout import Line


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class StdoutClosed(Exception):
    """The reader went away (`| head`): not an error, the CLI ends quietly."""


def render(view: Tabular, fmt: Format, lang: Lang, *, pager: bool = True) -> None:
    """Write `view` to stdout in `fmt`; a table taller than the terminal is paged unless `pager` is False."""
    _guarded(_render, view, fmt, lang, pager)


def write(text: str) -> None:
    """Write text that is already data (a JSON Schema) to stdout, as UTF-8."""
    _guarded(_write, text)


def _guarded(function: Callable[..., None], *args: Any) -> None:
    if sys.stdout is None:  # started with stdout closed
        raise StdoutClosed
    try:
        function(*args)
    except BrokenPipeError:
        raise StdoutClosed from None


def _render(view: Tabular, fmt: Format, lang: Lang, pager: bool) -> None:
    if fmt is Format.json:
        _write(view.model_dump_json(indent=2) + "\n")
    elif fmt is Format.csv:
        _write(to_csv(primary(view.tables(lang))))
    elif fmt is Format.markdown:
        _write(to_markdown(primary(view.tables(lang))))
    elif isinstance(view, Plain):
        _write("".join(line + "\n" for line in view.lines()))
    else:
        _print_tables(view.tables(lang), pager=pager)


def _write(text: str) -> None:
    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # a replaced stdout (tests, notebooks) takes text
        stream.write(text)
        stream.flush()
    else:
        stream.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()


def _raw(value: Raw) -> str:
    """A cell as a spreadsheet reads it back: numbers as numbers, booleans as true/false."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e16 else repr(value)
    return str(value)


def _data(table: Table) -> tuple[list[str], list[list[str]]]:
    """The header and rows of the columns that carry data, as CSV and Markdown print them."""
    keep = [index for index, column in enumerate(table.columns) if column.in_data]
    header = [table.columns[index].key for index in keep]
    return header, [[_raw(row[index].raw) for index in keep] for row in table.rows]


def to_csv(table: Table) -> str:
    """One record per line, whatever the text holds: a newline or any control character is escaped."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    header, rows = _data(table)
    writer.writerow([escape_control(key) for key in header])
    writer.writerows([escape_control(value) for value in row] for row in rows)
    return out.getvalue()


def _md(text: str) -> str:
    """A table cell on one line: `|` escaped, line breaks as `<br>`, other controls as escapes."""
    text = text.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", "\n").replace("\r", "\n")
    return escape_control(text.replace("\n", "<br>"))


def to_markdown(table: Table) -> str:
    header, rows = _data(table)
    numeric = [column.numeric or column.bar for column in table.columns if column.in_data]
    lines = [
        "| " + " | ".join(_md(key) for key in header) + " |",
        "|" + "|".join("---:" if right else "---" for right in numeric) + "|",
    ]
    lines += ["| " + " | ".join(_md(value) for value in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _print_tables(tables: list[Table], *, pager: bool) -> None:
    from .layout import layout, plain, screen_rows, terminal_width
    from .pager import run_pager

    stream = sys.stdout
    is_terminal = _isatty(stream)
    lines = layout(tables, terminal_width(os.environ, stream))
    coloured = is_terminal or any(os.environ.get(name) for name in ("FORCE_COLOR", "TTY_COMPATIBLE"))
    text = _styled(lines) if coloured else plain(lines)
    run_pager(
        text, enabled=pager, rows=screen_rows(os.environ, stream), is_terminal=is_terminal, write=_write
    )


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _styled(lines: list[Line]) -> str:
    """The lines with ANSI styles, if Rich finds the terminal takes colour (it honours NO_COLOR)."""
    from rich.console import Console
    from rich.text import Text

    from .layout import MAX_WIDTH, plain

    console = Console(highlight=False, width=MAX_WIDTH, force_terminal=True if _isatty(sys.stdout) else None)
    if console.color_system is None:
        return plain(lines)
    with console.capture() as captured:
        for line in lines:
            console.print(Text.assemble(*line), soft_wrap=True, crop=False)
    return captured.get()
