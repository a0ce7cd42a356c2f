"""The one renderer: a view goes out as a table, JSON, JSON Lines, CSV or Markdown.

JSON, JSON Lines, CSV and Markdown are written as UTF-8 bytes, never coloured. Tables are laid out
by layout.py and paged by pager.py; whether they are coloured is decided in one place
(`colour_wanted`), and Rich is imported only to colour them. `--fields` is applied here, the same way
for every format.
"""

from __future__ import annotations

import csv
import io
import os
import sys
from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from .display import Lang
from .escape import escape_control, escape_json, escape_markdown
from .report import Cell, Column, Document, Plain, Raw, Table, Tabular, cell, primary

if TYPE_CHECKING:
    from .layout import Line


class Format(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    markdown = "markdown"


class Color(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


def colour_wanted(choice: Color, environ: Mapping[str, str], *, is_terminal: bool) -> bool:
    """Whether a table is coloured, as clig.dev has it: `--color always|never` first; then NO_COLOR
    (set and not empty: never); then FORCE_COLOR or CLICOLOR_FORCE (set, not empty and not "0":
    always); then whether stdout is a terminal that shows colour (not TERM=dumb). The data formats
    are never coloured at all."""
    if choice is not Color.auto:
        return choice is Color.always
    if environ.get("NO_COLOR"):
        return False
    if any(environ.get(name, "") not in ("", "0") for name in ("FORCE_COLOR", "CLICOLOR_FORCE")):
        return True
    return is_terminal and environ.get("TERM") != "dumb"


class StdoutClosed(Exception):
    """The reader went away (`| head`): not an error, the CLI ends quietly."""


class WriteFailed(Exception):
    """stdout refused the output (a full disk, an I/O error): a runtime error, exit 1."""


def render(
    view: Tabular,
    fmt: Format,
    lang: Lang,
    *,
    fields: tuple[str, ...] | None = None,
    records: str | None = None,
    columns: tuple[str, ...] = (),
    pager: bool = True,
    color: Color = Color.auto,
) -> str | None:
    """Write `view` to stdout in `fmt`; a table taller than the terminal is paged unless `pager`
    is False, and coloured as `color` and the environment say (`colour_wanted`). Returns a warning
    for stderr when the pager failed (the output went out without it).

    The records are the view itself when it is a list, the list at the dotted path `records` when
    it holds one (show's items, trade --history's claims), else the view as one record. `fields`
    keeps only those fields of each record, in that order, in every format. `columns` are every
    field of a record: CSV (and a Markdown table) print them all, one column a field; JSON and JSON
    Lines keep every key without `fields`. A view with a `markdown(lang)` document (the article's
    listings, the summary, the meetings) prints it for --format markdown, unless `fields` asks
    for a table.
    """
    return _guarded(_render, view, fmt, lang, fields, records, columns, pager, color)


def write(text: str) -> None:
    """Write text that is already data (a JSON Schema) to stdout, as UTF-8."""
    _guarded(_write, text)


def _guarded(function: Callable[..., str | None], *args: Any) -> str | None:
    if sys.stdout is None:  # started with stdout closed
        raise StdoutClosed
    try:
        return function(*args)
    except BrokenPipeError:
        raise StdoutClosed from None
    except OSError as error:
        raise WriteFailed(error.strerror or str(error)) from None


def plain(view: Any) -> Any:
    """The view's JSON data (render/payload.py, imported with Pydantic, once there is a view)."""
    from .payload import plain as data

    return data(view)


def _render(
    view: Tabular,
    fmt: Format,
    lang: Lang,
    fields: tuple[str, ...] | None,
    records: str | None,
    columns: tuple[str, ...],
    pager: bool,
    color: Color,
) -> str | None:
    if fmt is Format.json:
        if fields is None:
            from .payload import json_text

            _write(escape_json(json_text(view, indent=2)) + "\n")
        else:
            _write(escape_json(_json(select(plain(view), fields, records), indent=2)) + "\n")
    elif fmt is Format.jsonl:
        payload = plain(view)
        _write("".join(escape_json(_json(record)) + "\n" for record in _records(payload, fields, records)))
    elif fmt is Format.markdown and fields is None and isinstance(view, Document):
        _write(view.markdown(lang))
    elif fmt in (Format.csv, Format.markdown):
        table = _data_table(view, lang, fields or columns, records)
        _write(to_csv(table) if fmt is Format.csv else to_markdown(table))
    elif isinstance(view, Plain) and fields is None:
        _write("".join(line + "\n" for line in _plain(view)))
    else:
        tables = _tables(view, lang, fields, records)
        # Never an empty table: one line says there is nothing (after the tables there are).
        said = [table.empty or NOTHING[lang].format(title=table.title) for table in tables if not table.rows]
        tables = [table for table in tables if table.rows]
        if not tables:
            _write("".join(escape_control(line) + "\n" for line in said))
        else:
            last = tables[-1]
            tables[-1] = last._replace(notes=(*last.notes, *said))
            return _print_tables(_with_lookup(tables, lang), pager=pager, color=color)
    return None


Json = Any  # what json.loads returns


def _json(value: Json, indent: int | None = None) -> str:
    # Pydantic's serialiser, so that selected fields read exactly as the whole view does.
    from pydantic_core import to_json

    return to_json(value, indent=indent).decode("utf-8")


def _pick(record: dict[str, Json], fields: tuple[str, ...] | None) -> dict[str, Json]:
    # A field of an output of two shapes that this record's shape lacks (facts) reads as null.
    return record if fields is None else {field: record.get(field) for field in fields}


def select(payload: Json, fields: tuple[str, ...], records: str | None) -> Json:
    """The JSON payload with only `fields` in each record, in that order; the rest kept."""
    if isinstance(payload, list):
        return [_pick(record, fields) for record in payload]
    if records is None:
        return _pick(payload, fields)
    for path in records.split("|"):  # "a|b": the records of two lists
        key, _, rest = path.partition(".")
        if payload.get(key) is not None:  # trade --history's claims, in a view without a history
            payload = {**payload, key: select(payload[key], fields, rest or None)}
    return payload


def _found(payload: Json, records: str | None) -> list[Json]:
    """The records: a list's items, the list at the dotted path `records`, or the one object."""
    if isinstance(payload, list):
        return payload
    if records is None:
        return [payload]
    found: list[Json] = []
    for path in records.split("|"):  # "a|b": the records of both lists, one after the other
        node = payload
        for key in path.split("."):
            node = node.get(key) if isinstance(node, dict) else None
        found += node if isinstance(node, list) else []
    return found


def _records(payload: Json, fields: tuple[str, ...] | None, records: str | None) -> list[Json]:
    """The records, one a line for jsonl."""
    return [_pick(record, fields) for record in _found(payload, records)]


def _tables(view: Tabular, lang: Lang, fields: tuple[str, ...] | None, records: str | None) -> list[Table]:
    """The view's tables; with `fields`, one table of its records with just those fields, in that
    order (a view that is one record: one row a field)."""
    tables = view.tables(lang)
    if fields is None:
        return tables
    payload = plain(view)
    title = primary(tables).title
    if isinstance(payload, list) or records is not None:
        return [_columns(tables, _found(payload, records), fields)]
    rows = [(cell(key), _cell(value)) for key, value in _pick(payload, fields).items()]
    return [Table(title, (Column("field", ""), Column("value", "")), rows, style="fields")]


def _data_table(view: Tabular, lang: Lang, fields: tuple[str, ...], records: str | None) -> Table:
    """The table CSV and a Markdown table print: one row a record, one column a field (every
    field unless `fields` chose). Without a list of fields (a view rendered outside the CLI), the
    primary table's data columns."""
    tables = view.tables(lang)
    if not fields:
        return primary(tables)
    return _columns(tables, _found(plain(view), records), fields)


def _cell(value: Json) -> Cell:
    """A field as one cell, never JSON: a number, text or boolean as it is; a source as its
    address, another item as its id; a list as its items' cells joined by "; "; any other object
    as `key: value` pairs."""
    return cell(_flat(value))


def _flat(value: Json) -> Raw:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, list):
        return "; ".join(str(_flat(item)) for item in value if item not in (None, "", []))
    for key in ("url", "id"):
        if isinstance(value.get(key), str):
            return str(value[key])
    return ", ".join(f"{key}: {_flat(v)}" for key, v in value.items() if v not in (None, "", []))


ADDRESSED = frozenset({"sources"})  # fields that hold sources: their addresses in CSV and Markdown


def _columns(tables: list[Table], records: list[Json], fields: tuple[str, ...]) -> Table:
    """The selected fields of each record: the cell of a table that shows it where there is one
    (its words read better than the raw value), else the record's value, never as JSON.

    A record is found in the tables by its id (trade --history shows the other scopes apart), or,
    in a table of as many rows as there are records and no id, by its place."""
    table = primary(tables)
    cells: list[dict[str, Cell]] = [{} for _ in records]
    position = {record.get("id"): n for n, record in enumerate(records) if isinstance(record, dict)}
    for shown in tables:
        if shown.style != "grid":
            continue
        keys = [column.key if column.in_data else None for column in shown.columns]
        ids = keys.index("id") if "id" in keys else None
        if ids is None and len(shown.rows) != len(records):
            continue
        for n, row in enumerate(shown.rows):
            at = position.get(row[ids].raw) if ids is not None else n
            if at is not None:
                for key, value in zip(keys, row, strict=True):
                    if key is not None and key not in ADDRESSED:
                        cells[at].setdefault(key, value)
    index = {column.key: column for column in table.columns if column.in_data}
    columns = tuple(index[f]._replace(in_table=True) if f in index else Column(f, f) for f in fields)
    rows = [
        [found.get(f) or _cell(record.get(f)) for f in fields]
        for found, record in zip(cells, records, strict=True)
    ]
    return table._replace(columns=columns, rows=rows, notes=())


def _plain(view: Plain) -> list[str]:
    from .layout import terminal_width, wrap

    width = terminal_width(os.environ, sys.stdout)
    notes = [line for note in view.notes() for line in wrap(escape_control(note), width)]
    return [escape_control(line) for line in view.lines()] + notes


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
    """A table cell on one line, shown as written: what Markdown would read escaped with a
    backslash, line breaks as `<br>`, other controls as escapes."""
    text = escape_markdown(text.replace("\r\n", "\n").replace("\r", "\n"))
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


NOTHING: dict[Lang, str] = {"en": "{title}: none.", "fr": "{title}\u202f: aucun élément."}
# Columns (or, in a two-column table, rows) whose values are ids that `ca-summit show` explains.
ID_KEYS = frozenset({"id", "differs_from", "conflicts", "items", "fact", "claim", "referred_by"})
LOOKUP: dict[Lang, str] = {
    "en": "Any id above: ca-summit show ID.",
    "fr": "Pour tout identifiant ci-dessus\u202f: ca-summit show ID.",
}


def _with_lookup(tables: list[Table], lang: Lang) -> list[Table]:
    """The tables, and when they print an id, a last note that says how to look it up."""

    def prints_ids(table: Table) -> bool:
        if table.style == "fields":
            return any(row and row[0].raw in ID_KEYS and row[1].text for row in table.rows)
        return bool(table.rows) and any(c.in_table and c.key in ID_KEYS for c in table.columns)

    if not any(prints_ids(table) for table in tables):
        return tables
    last = tables[-1]
    return [*tables[:-1], last._replace(notes=(*last.notes, LOOKUP[lang]))]


def _print_tables(tables: list[Table], *, pager: bool, color: Color) -> str | None:
    from .layout import layout, plain, screen_rows, terminal_width
    from .pager import run_pager

    stream = sys.stdout
    is_terminal = _isatty(stream)
    lines = layout(tables, terminal_width(os.environ, stream))
    text = _styled(lines) if colour_wanted(color, os.environ, is_terminal=is_terminal) else plain(lines)
    return run_pager(
        text, enabled=pager, rows=screen_rows(os.environ, stream), is_terminal=is_terminal, write=_write
    )


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _styled(lines: list[Line]) -> str:
    """The lines with ANSI styles: colour_wanted has decided, so Rich is told rather than asked (it
    would read NO_COLOR and TERM again); the 16 standard colours are all the layout uses."""
    from rich.console import Console
    from rich.text import Text

    from .layout import MAX_WIDTH

    console = Console(
        highlight=False, width=MAX_WIDTH, force_terminal=True, no_color=False, color_system="standard"
    )
    with console.capture() as captured:
        for line in lines:
            console.print(Text.assemble(*line), soft_wrap=True, crop=False)
    return captured.get()
