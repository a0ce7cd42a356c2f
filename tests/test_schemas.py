"""JSON Schemas: generated from the models, kept under version control, and obeyed by every output."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from ca_summit.cli.registry import schema_names
from ca_summit.cli.schemas import schema
from ca_summit.corpus.loader import parse
from ca_summit.resources import bundled_path

from conftest import MINIMAL, ROOT

NAMES = schema_names()

Invoke = Callable[..., Any]
SCHEMAS = ROOT / "schemas"


@pytest.mark.parametrize("name", NAMES)
def test_published_schema_matches_the_code(name: str) -> None:
    published = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    assert published == schema(name), (
        f"schemas/{name}.schema.json is stale: run 'python tools/schemas.py' and review the diff"
    )


def test_no_unexpected_schema_files() -> None:
    assert sorted(p.name for p in SCHEMAS.glob("*.json")) == sorted(f"{n}.schema.json" for n in NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_schemas_are_valid_draft_2020_12(name: str) -> None:
    Draft202012Validator.check_schema(schema(name))
    assert schema(name)["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def _validate(name: str, document: Any) -> None:
    errors = sorted(Draft202012Validator(schema(name)).iter_errors(document), key=str)
    assert errors == []


OUTPUTS = [
    ["areas"],
    ["trade"],
    ["trade", "-p", "15e9"],
    ["trade", "-p", "15e9", "--by", "2030"],
    ["trade", "-p", "15e9", "-r", "-1%"],
    ["trade", "-p", "5e9"],
    ["trade", "-p", "1e18", "-r", "1e-9"],
    ["summary"],
    ["facts"],
    ["facts", "--kind", "quote"],
    ["quotes"],
    ["countries"],
    ["search", "astana"],
    ["search", "zzz"],
    ["search", "rahmon", "--meeting", "2024"],
    ["facts", "--meeting", "2018"],
    ["facts", "--meeting", "5"],
    ["trade", "--history"],
    ["meetings"],
    ["meetings", "2019"],
    ["sources"],
    ["validate"],
    ["--lang", "fr", "summary"],
    ["show", "KZ"],
    ["show", "t1"],
    ["show", "e2-date"],
]


@pytest.mark.parametrize("args", OUTPUTS, ids=" ".join)
def test_command_output_obeys_its_schema(invoke: Invoke, args: list[str]) -> None:
    command = next(a for a in args if not a.startswith("-") and a not in ("fr", "en"))
    result = invoke(*args, "--json")
    assert result.exit_code == 0, result.stderr
    _validate(command, json.loads(result.stdout))


@pytest.mark.parametrize("args", OUTPUTS, ids=" ".join)
def test_views_made_without_validation_print_what_validated_views_print(
    invoke: Invoke, args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Views are made with model_construct (views/base.py: made, listed); made with validation instead,
    # which would convert what the serializer prints differently (an int for a float, a tuple for a
    # list), every byte of the JSON must be the same.
    made = invoke(*args, "--json")
    for module in [m for name, m in sys.modules.items() if name.startswith("ca_summit.views.")]:
        if hasattr(module, "made"):
            monkeypatch.setattr(module, "made", lambda view, **fields: view(**fields))
        if hasattr(module, "listed"):
            monkeypatch.setattr(module, "listed", lambda view, records: view(records))
    validated = invoke(*args, "--json")
    assert validated == made
    assert made.exit_code == 0


@pytest.mark.parametrize("name", NAMES)
def test_the_schema_command_prints_the_published_schema(invoke: Invoke, name: str) -> None:
    result = invoke("schema", name)
    assert result.exit_code == 0
    assert result.stdout == (SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8")


def test_invalid_report_obeys_the_validate_schema(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(MINIMAL.replace("edition: 6", "edition: six"), encoding="utf-8")
    result = invoke("validate", str(path), "--json")
    assert result.exit_code == 1
    _validate("validate", json.loads(result.stdout))


def test_data_files_obey_the_data_schema() -> None:
    _validate("data", parse(bundled_path().read_text(encoding="utf-8")).value)
    _validate("data", parse(MINIMAL).value)


def test_data_schema_rejects_what_the_loader_rejects() -> None:
    document = parse(MINIMAL).value
    document["meeting"]["edtion"] = 6
    assert list(Draft202012Validator(schema("data")).iter_errors(document))


def test_bundled_file_points_editors_at_the_schema() -> None:
    first = bundled_path().read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schemas/data.schema.json"
    assert (ROOT / "data" / "summit_2023.yaml").is_file()
