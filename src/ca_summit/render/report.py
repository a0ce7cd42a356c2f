"""What the renderer is given: a JSON payload and the tables that show it. Plain data; no Rich."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal, NamedTuple, Protocol, runtime_checkable

from .display import Lang

Raw = str | int | float | bool | None


class Cell(NamedTuple):
    """A value as data (CSV, Markdown) and as text (the table)."""

    raw: Raw
    text: str


def cell(raw: Raw, text: str | None = None) -> Cell:
    if text is None:
        text = "" if raw is None else str(raw)
    return Cell(raw, text)


class Column(NamedTuple):
    key: str  # CSV and Markdown header: the JSON field it comes from
    header: str  # the table's header
    numeric: bool = False  # right-aligned in the table
    bar: bool = False  # a fraction drawn as a bar in the table, kept as a number elsewhere
    in_table: bool = True  # False: data for CSV and Markdown only, too technical for the table
    in_data: bool = True  # False: a second rendering of another column, for the table only


class Table(NamedTuple):
    title: str
    columns: tuple[Column, ...]
    rows: Sequence[Sequence[Cell]]
    notes: tuple[str, ...] = ()
    style: Literal["grid", "fields"] = "grid"  # fields: a two-column name/value table
    primary: bool = False  # the table CSV and Markdown print (else the first)
    empty: str | None = None  # what a table with no row says instead, in one line


def primary(tables: list[Table]) -> Table:
    return next((table for table in tables if table.primary), tables[0])


class Tabular(Protocol):
    """A view that knows its tables; CSV and Markdown print the primary one."""

    def tables(self, lang: Lang) -> list[Table]: ...

    def model_dump_json(self, *, indent: int | None = None) -> str: ...

    def model_dump(self, *, mode: str) -> Any: ...


@runtime_checkable
class Plain(Protocol):
    """A view whose human form is lines of text (diagnostics), not a table."""

    def lines(self) -> list[str]:
        """One line a finding, never wrapped: editors and grep read them."""
        ...

    def notes(self) -> list[str]:
        """Prose for the reader, wrapped to the terminal."""
        ...


@runtime_checkable
class Document(Protocol):
    """A view that --format markdown prints as a document to paste (headings, block quotes, its
    sources at the end) rather than as a table."""

    def markdown(self, lang: Lang) -> str: ...
