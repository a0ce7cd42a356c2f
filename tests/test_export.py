"""`ca-summit export --sqlite FILE`: the corpus in SQLite, read back with the standard library's
sqlite3, held against the commands' own JSON; and a file written whole or not at all."""

from __future__ import annotations

import html
import json
import signal
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
import yaml

from ca_summit.corpus.files import data_path
from ca_summit.interrupts import Stopped
from ca_summit.render import sqlite as writer

Invoke = Callable[..., Any]
# Datasette's metadata reference (docs/metadata.rst): the keys allowed at each level; a table also
# takes its table options (label_column among them), kept there "for backwards compatibility".
TOP = {"title", "description", "description_html", "license", "license_url", "source", "source_url"}
DATABASE = {"source", "source_url", "license", "license_url", "about", "about_url", "tables"}
TABLE = {*TOP, "about", "about_url", "columns", "label_column"}


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """The bundled corpus exported once, and the command's JSON output."""
    import io
    import sys

    from ca_summit.cli.app import main

    path = tmp_path_factory.mktemp("export") / "summit.db"
    out, saved = io.StringIO(), sys.stdout
    sys.stdout = out
    try:
        assert main(["export", "--sqlite", str(path), "--json"]) == 0
    finally:
        sys.stdout = saved
    return path, json.loads(out.getvalue())


def _rows(path: Path, sql: str, *args: Any) -> list[Any]:
    with closing(sqlite3.connect(path)) as db:
        return db.execute(sql, args).fetchall()


def _count(path: Path, table: str, where: str = "1") -> int:
    return int(_rows(path, f"SELECT count(*) FROM {table} WHERE {where}")[0][0])


def test_every_foreign_key_resolves(exported: tuple[Path, Any]) -> None:
    path, _ = exported
    assert _rows(path, "PRAGMA foreign_key_check") == []
    declared = {
        row[2]
        for table in ("facts", "participants", "claims")
        for row in _rows(path, f"PRAGMA foreign_key_list({table})")
    }
    assert {"meetings", "entities", "assumptions"} <= declared


def test_the_counts_are_the_commands_counts(exported: tuple[Path, Any], invoke_json: Invoke) -> None:
    path, printed = exported
    meetings = invoke_json("meetings")
    history = invoke_json("trade", "--history")["history"]
    assert _count(path, "meetings") == len(meetings)
    assert sorted(r[0] for r in _rows(path, "SELECT url FROM sources")) == sorted(
        s["url"] for s in invoke_json("sources")
    )
    claims = [c["id"] for c in history["claims"] + history["other_scopes"]]
    assert sorted(r[0] for r in _rows(path, "SELECT id FROM claims")) == sorted(claims)
    assert _count(path, "targets") == len(history["targets"])
    assert _count(path, "facts", "origin = 'report'") == sum(len(m["facts"]) for m in meetings)
    assert _count(path, "facts", "origin = 'article'") == len(invoke_json("facts"))
    people = sum(len(m["attendees"]) + len(m["guests"]) for m in meetings)
    assert _count(path, "participants") == people + len(invoke_json("countries"))
    assert _count(path, "documents") == sum(len(m["documents"]) for m in meetings)
    assert _count(path, "conflicts") == len({c["id"] for m in meetings for c in m["conflicts"]})
    assert _count(path, "quotes") == len(invoke_json("quotes"))
    entities = yaml.safe_load((data_path() / "entities.yaml").read_text(encoding="utf-8"))["entities"]
    assert _count(path, "entities") == len(entities)
    shown = next(i for i in invoke_json("show", "tokayev")["items"] if i["kind"] == "entity")
    names = {d["key"]: d["value"] for d in shown["details"]}
    assert _rows(path, "SELECT name_en, name_fr FROM entities WHERE id = 'tokayev'") == [
        (names["name_en"], names["name_fr"])
    ]
    # What the command printed is what the file holds.
    assert printed["database"] == str(path)
    assert printed["metadata"] == str(path.with_name("summit.metadata.json"))
    assert {t["table"]: t["rows"] for t in printed["contents"]} == {
        t["table"]: _count(path, t["table"]) for t in printed["contents"]
    }


@pytest.mark.parametrize("word", ["Tokaïev", "Tokayev", "tokaiev"])
def test_full_text_search_finds_tokaiev(exported: tuple[Path, Any], word: str) -> None:
    path, _ = exported
    facts = _rows(
        path,
        "SELECT f.id FROM facts_fts JOIN facts f ON f.pk = facts_fts.rowid WHERE facts_fts MATCH ?",
        word,
    )
    assert "tokayev" in {row[0] for row in facts}
    entities = (
        "SELECT e.id FROM entities_fts JOIN entities e ON e.rowid = entities_fts.rowid "
        "WHERE entities_fts MATCH ?"
    )
    assert _rows(path, entities, word) == [("tokayev",)]


def test_the_texts_are_indexed_in_columns_named_by_language(exported: tuple[Path, Any]) -> None:
    path, _ = exported
    french = "SELECT count(*) FROM facts_fts WHERE text_fr MATCH 'chef'"
    assert _rows(path, french)[0][0] > 0
    assert _rows(path, "SELECT count(*) FROM facts_fts WHERE text_en MATCH 'chef'")[0][0] == 0


def test_datasette_finds_each_full_text_index(exported: tuple[Path, Any]) -> None:
    path, printed = exported
    for table in (t["table"] for t in printed["contents"] if t["searchable"]):
        # Datasette's own query (datasette/utils/__init__.py, detect_fts_sql).
        found = _rows(
            path,
            "SELECT name FROM sqlite_master WHERE rootpage = 0 AND "
            f"sql LIKE '%VIRTUAL TABLE%USING FTS%content=\"{table}\"%'",
        )
        assert found == [(f"{table}_fts",)]


def test_the_metadata_is_datasettes_format(exported: tuple[Path, Any]) -> None:
    path, _ = exported
    metadata = json.loads(path.with_name("summit.metadata.json").read_text(encoding="utf-8"))
    assert set(metadata) <= {*TOP, "databases"} and "license" not in metadata
    assert metadata["title"] and metadata["description"] and metadata["source"]
    database = metadata["databases"]["summit"]
    assert set(database) <= DATABASE
    tables = {r[0] for r in _rows(path, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    shown = {name for name in tables if "_fts" not in name}
    assert set(database["tables"]) == shown
    for name, entry in database["tables"].items():
        assert set(entry) <= TABLE and entry["description"], name
        columns = {r[1] for r in _rows(path, f"PRAGMA table_info({name})")}
        assert set(entry.get("columns", {})) <= columns, name
    addresses = database["tables"]["sources"]["description_html"]
    for (url,) in _rows(path, "SELECT url FROM sources"):
        assert f'href="{html.escape(url)}"' in addresses


def test_one_meeting(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "one.db"
    assert invoke("export", "--sqlite", str(path), "--meeting", "2024").exit_code == 0
    assert _rows(path, "SELECT edition, year FROM meetings") == [(6, 2024)]
    assert _rows(path, "PRAGMA foreign_key_check") == []


def test_an_existing_file_is_kept_without_replace(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "mine.db"
    with closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE notes (text TEXT)")
        db.commit()
    before = path.read_bytes()
    result = invoke("export", "--sqlite", str(path))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == f"ca-summit: error: {path} exists; add --replace to overwrite it\n"
    assert path.read_bytes() == before and sorted(tmp_path.iterdir()) == [path]
    assert invoke("export", "--sqlite", str(path), "--replace").exit_code == 0
    assert _rows(path, "SELECT name FROM sqlite_master WHERE name = 'notes'") == []


def test_an_existing_metadata_file_is_kept_without_replace(invoke: Invoke, tmp_path: Path) -> None:
    metadata = tmp_path / "mine.metadata.json"
    metadata.write_text("{}", encoding="utf-8")
    result = invoke("export", "--sqlite", str(tmp_path / "mine.db"))
    assert result.exit_code == 2 and "--replace" in result.stderr
    assert sorted(tmp_path.iterdir()) == [metadata] and metadata.read_text(encoding="utf-8") == "{}"


def test_a_folder_is_not_a_file(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("export", "--sqlite", str(tmp_path))
    assert result.exit_code == 2
    assert (
        result.stderr == f"ca-summit: error: {tmp_path} is a folder; name a file to write the database to\n"
    )


@pytest.mark.parametrize(
    ("stop", "code"),
    [
        (KeyboardInterrupt(), 130),
        (SystemExit(143), 143),
        (OSError(28, "No space left"), 1),
        (Stopped(signal.SIGTERM), 143),  # what SIGTERM raises in the installed CLI (interrupts.py)
    ],
)
def test_an_interrupted_export_leaves_nothing_behind(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stop: BaseException, code: int
) -> None:
    path = tmp_path / "summit.db"
    path.write_bytes(b"the user's")
    real = writer._index

    def interrupted(connection: sqlite3.Connection, table: writer.Relation) -> None:
        real(connection, table)
        raise stop

    monkeypatch.setattr(writer, "_index", interrupted)
    try:
        exit_code = invoke("export", "--sqlite", str(path), "--replace").exit_code
    except Stopped as stopped:  # main() leaves it to the process's entry, which exits with its code
        exit_code = stopped.exit_code
    assert exit_code == code
    assert sorted(tmp_path.iterdir()) == [path] and path.read_bytes() == b"the user's"
