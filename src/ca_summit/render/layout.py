"""Tables laid out for a terminal of any width, as lines of styled text. Pure text; no Rich.

A table is drawn as a grid only if every column can be given at least its longest word, so that
no word or id is ever split; otherwise each record becomes a block of labelled lines (`psql \\x`).
Only a token wider than the whole terminal is folded.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Mapping, Sequence
from typing import NamedTuple, TextIO

from .escape import escape_control
from .report import Table

Span = tuple[str, str]  # text, style ("" for none)
Line = list[Span]

MIN_WIDTH = 20  # narrower than this nothing reads; the terminal wraps what we draw at 20
MAX_WIDTH = 10_000
DEFAULT_WIDTH = 80
READABLE = 12  # a wrapping column narrower than this (or its content) reads as a word list
INDENT = 2
GAP = 3  # between columns, as Rich's SIMPLE box draws them
BLOCK_INDENT = 4  # a value under its label, when they cannot share a line


def terminal_width(environ: Mapping[str, str], stream: TextIO | None) -> int:
    """COLUMNS if it is a positive number, else the terminal's width, else 80; at least 20."""
    width = _positive(environ.get("COLUMNS")) or _size(stream, 0) or DEFAULT_WIDTH
    return min(max(width, MIN_WIDTH), MAX_WIDTH)


def screen_rows(environ: Mapping[str, str], stream: TextIO | None) -> int:
    """LINES if it is a positive number, else the terminal's height, else 24."""
    return min(_positive(environ.get("LINES")) or _size(stream, 1) or 24, MAX_WIDTH)


def _positive(value: str | None) -> int:
    text = (value or "").strip()
    return int(text) if text.isascii() and text.isdigit() and 0 < len(text) < 9 else 0


def _size(stream: TextIO | None, axis: int) -> int:
    try:
        return os.get_terminal_size(stream.fileno())[axis] if stream is not None and stream.isatty() else 0
    except (AttributeError, OSError, ValueError):  # a replaced stream without a descriptor
        return 0


def text_width(text: str) -> int:
    """Terminal cells: wide East Asian characters take two, combining marks none."""
    return sum(_char_width(char) for char in text) if not text.isascii() else len(text)


def _char_width(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _words(text: str) -> list[str]:
    # Only an ordinary space breaks a line: a no-break space keeps a number with its unit.
    return [word for word in text.split(" ") if word]


def longest_word(text: str) -> int:
    return max((text_width(word) for line in text.split("\n") for word in _words(line)), default=0)


def longest_line(text: str) -> int:
    return max(text_width(line) for line in text.split("\n"))


def wrap(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` cells, broken between words; newlines are kept."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current, used = "", 0
        for word in _words(paragraph):
            size = text_width(word)
            if current and used + 1 + size <= width:
                current, used = f"{current} {word}", used + 1 + size
                continue
            if current:
                lines.append(current)
            pieces = _fold(word, width) if size > width else [word]
            lines.extend(pieces[:-1])
            current, used = pieces[-1], text_width(pieces[-1])
        lines.append(current)
    return lines


def _fold(word: str, width: int) -> list[str]:
    """A token wider than the terminal: the one thing that may be cut."""
    pieces, current, used = [], "", 0
    for char in word:
        size = _char_width(char)
        if current and used + size > width:
            pieces.append(current)
            current, used = "", 0
        current, used = current + char, used + size
    return [*pieces, current]


def _pad(text: str, width: int, *, right: bool) -> str:
    space = " " * max(width - text_width(text), 0)
    return space + text if right else text + space


class _Column(NamedTuple):
    header: str
    cells: list[str]
    right: bool  # numbers line up on the right
    style: str
    minimum: int
    natural: int


def _columns(table: Table) -> list[_Column]:
    fields = table.style == "fields"
    shown = [index for index, column in enumerate(table.columns) if column.in_table]
    columns = []
    for position, index in enumerate(shown):
        column = table.columns[index]
        header = "" if fields else escape_control(column.header, keep_newlines=True)
        cells = [escape_control(row[index].text, keep_newlines=True) for row in table.rows]
        natural = max([longest_line(text) for text in [header, *cells]])
        words = max([longest_word(text) for text in [header, *cells]])
        if column.bar or column.numeric:  # never wrapped: a number or a bar cut in two misleads
            minimum = max(words, *map(longest_line, cells or [""]))
        else:
            minimum = max(words, min(natural, READABLE))
        style = "bold" if fields and position == 0 else ("cyan" if column.bar else "")
        columns.append(_Column(header, cells, column.numeric, style, minimum, natural))
    return columns


def _widths(columns: Sequence[_Column], room: int) -> list[int] | None:
    """Each column's width within `room` cells, or None if even the minimums do not fit."""
    if sum(column.natural for column in columns) <= room:
        return [column.natural for column in columns]
    widths = [column.minimum for column in columns]
    spare = room - sum(widths)
    if spare < 0:
        return None
    # Short columns first get all they want (a name, a date), the long texts share what is left.
    wants = {index: column.natural - column.minimum for index, column in enumerate(columns)}
    for index in sorted(wants, key=wants.__getitem__):
        if wants[index] <= spare:
            widths[index] += wants.pop(index)
            spare -= widths[index] - columns[index].minimum
    total = sum(wants.values())
    shares = {index: spare * want // total for index, want in wants.items()} if total else {}
    for index, share in shares.items():
        widths[index] += share
    for index in list(shares)[: spare - sum(shares.values())]:
        widths[index] += 1
    return widths


def _trimmed(line: Line) -> Line:
    """The line without trailing blanks (padding is noise in a copy or a diff)."""
    spans = list(line)
    while spans and not spans[-1][0].rstrip():
        spans.pop()
    if spans:
        spans[-1] = (spans[-1][0].rstrip(), spans[-1][1])
    return spans


def _grid(table: Table, columns: Sequence[_Column], widths: Sequence[int]) -> list[Line]:
    lines: list[Line] = []
    rows = [[column.cells[number] for column in columns] for number in range(len(table.rows))]
    if table.style != "fields":
        headers = [column.header for column in columns]
        lines += _row(headers, columns, widths, ["bold"] * len(columns))
        lines.append([(" " + "─" * (sum(widths) + GAP * (len(widths) - 1) + 2), "")])
    for row in rows:
        lines += _row(row, columns, widths, [column.style for column in columns])
    return lines


def _row(
    texts: Sequence[str], columns: Sequence[_Column], widths: Sequence[int], styles: Sequence[str]
) -> list[Line]:
    wrapped = [wrap(text, width) for text, width in zip(texts, widths, strict=True)]
    height = max(len(lines) for lines in wrapped)
    out: list[Line] = []
    for number in range(height):
        line: Line = [(" " * INDENT, "")]
        for index, (lines, column, width) in enumerate(zip(wrapped, columns, widths, strict=True)):
            if index:
                line.append((" " * GAP, ""))
            text = lines[number] if number < len(lines) else ""
            line.append((_pad(text, width, right=column.right), styles[index]))
        out.append(_trimmed(line))
    return out


def _blocks(table: Table, columns: Sequence[_Column], width: int) -> list[Line]:
    """Each record as labelled lines; a value goes under its label when both cannot share a line."""
    if table.style == "fields":  # the first column is the label
        rows = zip(*(column.cells for column in columns), strict=True)
        records = [[(row[0], "\n".join(row[1:]))] for row in rows]
    else:
        labels = [column.header.replace("\n", " ") for column in columns]
        records = [
            [(label, column.cells[number]) for label, column in zip(labels, columns, strict=True)]
            for number in range(len(table.rows))
        ]
    label_width = max((text_width(label) for record in records for label, _ in record), default=0)
    room = width - INDENT - label_width - GAP
    longest = max((longest_word(value) for record in records for _, value in record), default=0)
    beside = table.style != "fields" and room >= max(longest, READABLE)
    lines: list[Line] = []
    for number, record in enumerate(records):
        if number and table.style != "fields":
            lines.append([])
        for label, value in record:
            if beside:
                for index, text in enumerate(wrap(value, room)):
                    head = _pad(label if index == 0 else "", label_width, right=False)
                    lines.append(_trimmed([(" " * INDENT, ""), (head, "bold"), (" " * GAP, ""), (text, "")]))
            else:
                lines += [[(" " * INDENT, ""), (text, "bold")] for text in wrap(label, width - INDENT)]
                lines += [
                    [(" " * BLOCK_INDENT + text, "")] for text in wrap(value, width - BLOCK_INDENT) if text
                ]
    return lines


def _body(table: Table, columns: Sequence[_Column], width: int) -> list[Line]:
    """A grid if every word fits and it is no taller than the blocks (a squeezed grid reads badly)."""
    widths = _widths(columns, width - INDENT * 2 - GAP * (len(columns) - 1))
    blocks = _blocks(table, columns, width)
    grid = _grid(table, columns, widths) if widths is not None else None
    if grid is not None and (len(grid) <= len(blocks) or not table.rows):  # no rows: the headers say what
        return grid
    return blocks


def layout(tables: Sequence[Table], width: int) -> list[Line]:
    """The lines that show `tables` in a terminal `width` cells wide."""
    lines: list[Line] = []
    for number, table in enumerate(tables):
        if number:
            lines.append([])
        lines += [[(text, "bold")] for text in wrap(escape_control(table.title), width)]
        lines.append([])
        columns = _columns(table)
        if columns:
            lines += _body(table, columns, width)
        lines.append([])
        for note in table.notes:
            lines += [[(text, "dim")] for text in wrap(escape_control(note, keep_newlines=True), width)]
    return lines


def plain(lines: Sequence[Line]) -> str:
    return "".join("".join(text for text, _ in line) + "\n" for line in lines)
