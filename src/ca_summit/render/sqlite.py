"""A SQLite database and its Datasette metadata, written from declared tables: nothing here knows
the corpus (queries/export.py declares its tables and rows).

Standard library only: `sqlite3` creates the tables with their keys and the FTS5 indexes in a few
statements, and sqlite-utils would add a runtime dependency for no capability we lack.

The database and the metadata file are written to temporary files in the target's folder and
renamed into place only once complete: an export that fails or is interrupted (Ctrl-C, SIGTERM:
interrupts.py) leaves the target as it was, and no temporary file behind.
"""

from __future__ import annotations

import contextlib
import html
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Literal, NamedTuple

from ..errors import SummitError
from ..interrupts import deferred

Value = str | int | float | bool | None
SqlType = Literal["INTEGER", "REAL", "TEXT"]
METADATA_SUFFIX = ".metadata.json"
# Accents folded (Tokaïev is found by "tokaiev"), as Datasette's search box expects of a word.
TOKENIZER = "unicode61 remove_diacritics 2"


class Column(NamedTuple):
    name: str
    type: SqlType
    description: str = ""
    references: tuple[str, str] | None = None  # (table, column): a foreign key
    required: bool = False  # NOT NULL


class Relation(NamedTuple):
    """One table: its columns, primary key, rows, and the columns indexed for full-text search."""

    name: str
    description: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    rows: Sequence[Sequence[Value]]
    search: tuple[str, ...] = ()  # FTS5 over these columns, in a table named NAME_fts
    unique: tuple[str, ...] = ()  # one more column whose values are unique
    links: tuple[tuple[str, str], ...] = ()  # (label, address): listed in the metadata's description
    label: str | None = None  # the column Datasette shows for a row that another row refers to


class Database(NamedTuple):
    title: str
    description: str
    source: str
    source_url: str | None
    tables: tuple[Relation, ...]


class Target(NamedTuple):
    database: Path
    metadata: Path


def target(path: Path, *, replace: bool) -> Target:
    """Where the export goes: `path` and its metadata beside it (stem + .metadata.json). A folder is
    a usage error; so is a file that exists, unless `replace` (a database may hold a user's own
    tables)."""
    found = Target(path, path.with_name(path.stem + METADATA_SUFFIX))
    for each in found:
        if each.is_dir():
            raise SummitError(f"{each} is a folder; name a file to write the database to", usage=True)
        if not replace and (each.exists() or each.is_symlink()):
            raise SummitError(f"{each} exists; add --replace to overwrite it", usage=True)
    if not path.parent.is_dir():
        raise SummitError(f"cannot write {path}: no folder {path.parent}")
    return found


def write(where: Target, database: Database, *, replace: bool) -> None:
    """Write the database and its metadata, each renamed into place once complete."""
    metadata = json.dumps(datasette_metadata(database, where.database.stem), ensure_ascii=False, indent=2)
    with _temporary(where.database) as db, _temporary(where.metadata) as meta:
        _fill(db, database)
        meta.write_text(metadata + "\n", encoding="utf-8")
        if not replace:  # made meanwhile: still never overwritten
            target(where.database, replace=False)
        os.replace(meta, where.metadata)
        os.replace(db, where.database)


@contextlib.contextmanager
def _temporary(beside: Path) -> Iterator[Path]:
    """A new file in `beside`'s folder, removed unless it was renamed away, on any exit: an error,
    Ctrl-C or SIGTERM (interrupts.Stopped), SystemExit."""
    made: list[Path] = []
    try:
        with deferred():  # a signal waits until the file is known to the `finally` that removes it
            handle, name = tempfile.mkstemp(dir=beside.parent, prefix=f".{beside.name}.", suffix=".tmp")
            made.append(Path(name))
        os.close(handle)
        # mkstemp makes the file private; the result gets the permissions of any new file.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(made[0], 0o666 & ~umask)
        yield made[0]
    except OSError as error:
        raise SummitError(f"cannot write {beside}: {error.strerror or error}") from None
    finally:
        for path in made:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _create(table: Relation) -> str:
    lines = [
        f"{_quoted(c.name)} {c.type}{' NOT NULL' if c.required else ''}"
        + (" UNIQUE" if c.name in table.unique else "")
        for c in table.columns
    ]
    lines.append(f"PRIMARY KEY ({', '.join(map(_quoted, table.key))})")
    lines += [
        f"FOREIGN KEY ({_quoted(c.name)}) REFERENCES {_quoted(c.references[0])}({_quoted(c.references[1])})"
        for c in table.columns
        if c.references is not None
    ]
    return f"CREATE TABLE {_quoted(table.name)} (\n  " + ",\n  ".join(lines) + "\n)"


def _rowid(table: Relation) -> str:
    """The column FTS5 reads rows by: an INTEGER primary key is the rowid itself."""
    types = {c.name: c.type for c in table.columns}
    return table.key[0] if len(table.key) == 1 and types[table.key[0]] == "INTEGER" else "rowid"


def _fill(path: Path, database: Database) -> None:
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        # A temporary file, renamed only once complete: no journal needed, and none left beside it.
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute("BEGIN")
        for table in database.tables:
            connection.execute(_create(table))
            marks = ", ".join("?" for _ in table.columns)
            connection.executemany(f"INSERT INTO {_quoted(table.name)} VALUES ({marks})", table.rows)
            if table.search:
                _index(connection, table)
        connection.execute("COMMIT")
    except sqlite3.Error as error:
        raise SummitError(f"cannot write {path}: {error}") from None
    finally:
        connection.close()


def _index(connection: sqlite3.Connection, table: Relation) -> None:
    """An external-content FTS5 index, `content="TABLE"` as Datasette detects it."""
    fts, rowid, columns = _quoted(table.name + "_fts"), _rowid(table), ", ".join(map(_quoted, table.search))
    connection.execute(
        f"CREATE VIRTUAL TABLE {fts} USING fts5({columns}, content={_quoted(table.name)}, "
        f"content_rowid={_quoted(rowid)}, tokenize={_quoted(TOKENIZER)})"
    )
    connection.execute(
        f"INSERT INTO {fts} (rowid, {columns}) SELECT {_quoted(rowid)}, {columns} FROM {_quoted(table.name)}"
    )


def datasette_metadata(database: Database, name: str) -> dict[str, Any]:
    """Datasette's metadata (docs.datasette.io, "Metadata"): title, description and source at the
    top; per table a description and its columns' descriptions. No license: none is known."""
    top: dict[str, Any] = {"title": database.title, "description": database.description}
    top["source"] = database.source
    if database.source_url is not None:
        top["source_url"] = database.source_url
    tables: dict[str, Any] = {}
    for table in database.tables:
        entry: dict[str, Any] = {"description": table.description}
        if table.links:
            items = "".join(
                f'<li><a href="{html.escape(url)}">{html.escape(label)}</a></li>'
                for label, url in table.links
            )
            entry["description_html"] = f"<p>{html.escape(table.description)}</p><ul>{items}</ul>"
        if table.label is not None:
            entry["label_column"] = table.label
        columns = {c.name: c.description for c in table.columns if c.description}
        if columns:
            entry["columns"] = columns
        tables[table.name] = entry
    top["databases"] = {name: {"tables": tables}}
    return top
