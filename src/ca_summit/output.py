"""The one renderer: a view goes out as a table, JSON, CSV or Markdown.

JSON, CSV and Markdown are written as UTF-8 bytes, never coloured, and never import Rich; only the
table format loads Rich, and it colours only a terminal (Rich honours NO_COLOR and FORCE_COLOR).
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from .display import Lang
from .report import Plain, Raw, Table, Tabular, primary

if TYPE_CHECKING:
    from rich.console import RenderableType


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class StdoutClosed(Exception):
    """The reader went away (`| head`): not an error, the CLI ends quietly."""


def render(view: Tabular, fmt: Format, lang: Lang) -> None:
    """Write `view` to stdout in `fmt`."""
    _guarded(_render, view, fmt, lang)


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


def _render(view: Tabular, fmt: Format, lang: Lang) -> None:
    if fmt is Format.json:
        _write(view.model_dump_json(indent=2) + "\n")
    elif fmt is Format.csv:
        _write(to_csv(primary(view.tables(lang))))
    elif fmt is Format.markdown:
        _write(to_markdown(primary(view.tables(lang))))
    elif isinstance(view, Plain):
        _write("".join(line + "\n" for line in view.lines()))
    else:
        _print_tables(view.tables(lang))


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
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    header, rows = _data(table)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def _md(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")


def to_markdown(table: Table) -> str:
    header, rows = _data(table)
    numeric = [column.numeric or column.bar for column in table.columns if column.in_data]
    lines = [
        "| " + " | ".join(_md(key) for key in header) + " |",
        "|" + "|".join("---:" if right else "---" for right in numeric) + "|",
    ]
    lines += ["| " + " | ".join(_md(value) for value in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _print_tables(tables: list[Table]) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table as RichTable
    from rich.text import Text

    class _Console(Console):
        def on_broken_pipe(self) -> None:  # Rich would exit 1; a closed pipe is the reader's choice
            self.quiet = True
            raise StdoutClosed

    console = _Console(highlight=False)
    for number, table in enumerate(tables):
        if number:
            console.print()
        fields = table.style == "fields"
        grid = RichTable(
            title=table.title,
            title_justify="left",
            title_style="bold",
            show_header=not fields,
            box=box.SIMPLE if fields else box.SIMPLE_HEAD,
            header_style="bold",
        )
        shown = [index for index, column in enumerate(table.columns) if column.in_table]
        for index in shown:
            column = table.columns[index]
            grid.add_column(
                column.header,
                justify="right" if column.numeric else "left",
                style="bold" if fields and index == shown[0] else ("cyan" if column.bar else None),
                no_wrap=column.bar or column.numeric,
                overflow="fold",
            )
        for row in table.rows:
            cells: list[RenderableType] = [Text(row[index].text) for index in shown]
            grid.add_row(*cells)
        console.print(grid)
        for note in table.notes:
            console.print(Text(note, style="dim"))
