"""The command registry is the one list of commands: the CLI, the schemas, the README and these
tests all derive from it, and something left out fails here."""

from __future__ import annotations

import csv
import importlib
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ca_summit.cli.fields import record_fields
from ca_summit.cli.registry import COMMANDS, Command, schema_names

from conftest import MINIMAL, ROOT, example_args, records_args

Invoke = Callable[..., Any]
README = (ROOT / "README.md").read_text(encoding="utf-8")
WITH_OUTPUT = [command for command in COMMANDS if command.has_output]
SHARED_FLAGS = ["--format", "--json", "--fields", "--no-pager", "--color", "--lang", "--data"]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.name)
def test_every_command_has_a_module_with_options_and_run(command: Command) -> None:
    module = importlib.import_module(command.module)
    assert callable(module.options) and callable(module.run)
    assert module.options.__doc__, f"{command.module}.options has no docstring: it is the command's help"


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.name)
def test_every_command_has_a_readme_section(command: Command) -> None:
    assert f"### `ca-summit {command.name}`" in README


@pytest.mark.parametrize("command", WITH_OUTPUT, ids=lambda c: c.name)
def test_every_command_with_output_has_a_published_schema(command: Command) -> None:
    assert (ROOT / "schemas" / f"{command.name}.schema.json").is_file()
    assert record_fields(command.name), "its records have no fields"


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.name)
def test_every_example_runs(invoke: Invoke, in_folder: Path, command: Command) -> None:
    result = invoke(*example_args(command))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() and result.stderr == ""


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.name)
def test_help_shows_the_summary_example_and_every_shared_option(invoke: Invoke, command: Command) -> None:
    result = invoke(command.name, "--help", env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert f"Example: {command.example}" in result.stdout
    for flag in SHARED_FLAGS:
        assert (flag in result.stdout) == command.has_output, flag


def test_the_root_help_lists_the_registry(invoke: Invoke) -> None:
    listed = invoke("--help", env={"COLUMNS": "200"}).stdout.split("Commands:\n", 1)[1].splitlines()
    assert [line.split(maxsplit=1) for line in listed] == [[c.name, c.summary] for c in COMMANDS]


def test_schema_choices_are_the_commands_with_output(invoke: Invoke) -> None:
    assert schema_names() == (*(c.name for c in WITH_OUTPUT), "data")
    result = invoke("schema", "quotes-and-more")
    assert result.exit_code == 2
    assert ", ".join(schema_names()) in result.stderr


# --fields and jsonl, on every command with output


def _path(command: Command, args: list[str]) -> str | None:
    """Where the records of this run are: the command's own list, or its mode's (trade --project)."""
    return command.records_for({arg.lstrip("-"): True for arg in args if arg.startswith("--")})


def _at(payload: Any, path: str | None) -> list[Any]:
    """The records at `path`: a dotted path, or two joined by "|" (trade --history: every scope)."""
    if path is None:
        return payload if isinstance(payload, list) else [payload]
    found: list[Any] = []
    for one in path.split("|"):
        node = payload
        for key in one.split("."):
            node = node[key]
        found += node if isinstance(node, list) else [node]
    return found


def _two_fields(command: Command) -> tuple[str, str]:
    fields = record_fields(command.name, _path(command, records_args(command)))
    return fields[-1], fields[0]  # reversed: the order asked for is the order given


@pytest.mark.parametrize("command", WITH_OUTPUT, ids=lambda c: c.name)
def test_fields_in_json_keep_those_fields_in_that_order(
    invoke: Invoke, in_folder: Path, command: Command
) -> None:
    chosen = _two_fields(command)
    result = invoke(*records_args(command), "--format", "json", "--fields", ",".join(chosen))
    assert result.exit_code == (1 if command.name == "validate" else 0), result.stderr
    records = _at(json.loads(result.stdout), _path(command, records_args(command)))
    assert records
    assert all(list(record) == list(chosen) for record in records)


@pytest.mark.parametrize("command", WITH_OUTPUT, ids=lambda c: c.name)
def test_jsonl_is_one_record_a_line(invoke: Invoke, in_folder: Path, command: Command) -> None:
    whole = json.loads(invoke(*records_args(command), "--json").stdout)
    expected = _at(whole, _path(command, records_args(command)))
    result = invoke(*records_args(command), "--format", "jsonl")
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert [json.loads(line) for line in lines] == expected
    chosen = _two_fields(command)
    selected = invoke(*records_args(command), "-f", "jsonl", "--fields", ",".join(chosen)).stdout
    assert [json.loads(line) for line in selected.splitlines()] == [
        {field: record.get(field) for field in chosen} for record in expected
    ]


@pytest.mark.parametrize("command", WITH_OUTPUT, ids=lambda c: c.name)
def test_fields_in_csv_and_markdown(invoke: Invoke, in_folder: Path, command: Command) -> None:
    chosen = _two_fields(command)
    printed = invoke(*records_args(command), "-f", "csv", "--fields", ",".join(chosen)).stdout
    rows = list(csv.reader(io.StringIO(printed)))
    assert rows[0] == list(chosen)
    assert len(rows) > 1 and all(len(row) == 2 for row in rows)
    markdown = invoke(*records_args(command), "-f", "markdown", "--fields", ",".join(chosen)).stdout
    assert markdown.splitlines()[0] == f"| {chosen[0]} | {chosen[1]} |"


# Every command, in each of its modes: the CSV's header, the fields --fields takes and the ones
# completion offers are one list, the record's keys in the schema's order.
RUNS = [
    *([c.name] for c in WITH_OUTPUT if c.name not in ("search", "show", "validate", "export")),
    ["export", "--sqlite", "corpus.db", "--replace"],
    ["trade", "--history"],
    ["trade", "--project", "15e9"],
    ["facts", "--meeting", "2024"],
    ["search", "tokaiev"],
    ["show", "c6"],
]


@pytest.mark.parametrize("args", RUNS, ids=" ".join)
def test_csv_header_fields_and_completion_are_one_list(
    invoke: Invoke, in_folder: Path, args: list[str]
) -> None:
    from ca_summit.cli.registry import find

    command = find(args[0])
    assert command is not None
    valid = record_fields(command.name, _path(command, args))
    header = next(csv.reader(io.StringIO(invoke(*args, "-f", "csv").stdout)))
    assert header == list(valid)
    whole = json.loads(invoke(*args, "--json").stdout)
    assert all(set(record) <= set(valid) for record in _at(whole, _path(command, args)))
    assert _complete(invoke, f"ca-summit {' '.join(args)} --fields ") == list(valid)
    refused = invoke(*args, "--fields", "no_such_field")
    assert refused.exit_code == 2 and f"choose from: {', '.join(valid)}" in refused.stderr


def test_validate_csv_header_is_its_fields(invoke: Invoke, in_folder: Path) -> None:
    valid = record_fields("validate", "problems")
    header = next(csv.reader(io.StringIO(invoke("validate", "broken.yaml", "-f", "csv").stdout)))
    assert header == list(valid) == _complete(invoke, "ca-summit validate broken.yaml --fields ")


def test_fields_in_the_table_show_only_those(invoke: Invoke) -> None:
    table = invoke("areas", "--fields", "title", env={"COLUMNS": "200"}).stdout
    assert "Increasing trade flows" in table and "The information space" in table
    assert "Industrial cooperation" in table
    whole = invoke("areas", env={"COLUMNS": "200"}).stdout
    assert "What was said or proposed" in whole and "What was said or proposed" not in table


def test_a_field_the_table_does_not_show_is_shown_when_asked(invoke: Invoke) -> None:
    quotes = json.loads(invoke("areas", "--json").stdout)
    table = invoke("areas", "--fields", "quote", env={"COLUMNS": "200"}).stdout
    assert all(area["quote"] in table for area in quotes)


def test_one_record_views_show_their_fields_as_rows(invoke: Invoke) -> None:
    result = invoke("summary", "--fields", "participants,areas", env={"COLUMNS": "200"})
    rows = [line.split(maxsplit=1) for line in result.stdout.splitlines() if line.strip()][1:]
    assert rows[0] == ["participants", "KZ; UZ; TM; KG; TJ"]
    assert rows[1][0] == "areas" and rows[1][1].startswith("trade-flows; industrial-cooperation")
    assert invoke("summary", "-f", "csv", "--fields", "participants").stdout == (
        "participants\nKZ; UZ; TM; KG; TJ\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["areas", "--fields", "id,colour"],
            "unknown field 'colour' for areas; choose from: id, number, title, summary, by, is_new, "
            "is_new_quote, points, quote",
        ),
        (
            ["facts", "--fields", ","],
            "--fields needs at least one field; choose from: id, kind, area, text, by, quote, meeting, "
            "topic, confidence, note, sources",
        ),
        (["facts", "--fields", "id,id"], "--fields names a field twice"),
    ],
)
def test_unknown_fields_are_usage_errors_that_list_the_valid_ones(
    invoke: Invoke, args: list[str], message: str
) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"ca-summit: error: {message}\n"


# Completion of values


def _complete(invoke: Invoke, line: str) -> list[str]:
    words = line.split(" ")
    result = invoke(
        env={"_CA_SUMMIT_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": str(len(words) - 1)}
    )
    assert result.exit_code == 0, result.stderr
    return result.stdout.split()


def test_area_ids_complete(invoke: Invoke, summit: Any) -> None:
    assert _complete(invoke, "ca-summit facts --area ") == [area.id for area in summit.areas]
    assert _complete(invoke, "ca-summit facts --area in") == ["industrial-cooperation", "information-space"]


def test_area_ids_complete_from_the_data_named_on_the_line(invoke: Invoke, write: Any) -> None:
    path = write(MINIMAL)
    assert _complete(invoke, f"ca-summit --data {path} facts --area ") == ["trade"]
    assert _complete(invoke, f"ca-summit facts --data {path} --area ") == ["trade"]


def test_kinds_fields_schemas_and_languages_complete(invoke: Invoke) -> None:
    assert _complete(invoke, "ca-summit facts --kind pro") == ["proposal"]
    assert _complete(invoke, "ca-summit areas --fields id,ti") == ["id,title"]
    assert _complete(invoke, "ca-summit areas --fields is_") == ["is_new", "is_new_quote"]
    assert _complete(invoke, "ca-summit schema ") == list(schema_names())
    assert _complete(invoke, "ca-summit areas --lang ") == ["en", "fr"]
    assert _complete(invoke, "ca-summit ") == [command.name for command in COMMANDS]
