"""JSON Schemas (draft 2020-12) of every command's JSON output and of the data file, generated
from the models that produce and read them.

`ca-summit schema` prints the published copies (schemas/, shipped in the wheel) without building
the models; the tests regenerate them here and fail when they drift, and
`python tools/schemas.py` rewrites them.
"""

from __future__ import annotations

import importlib
import json
from typing import Any, Literal, Union

from pydantic import BaseModel

from .registry import COMMANDS, DATA_SCHEMA

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def _models(name: str) -> list[type[BaseModel]]:
    if name == DATA_SCHEMA:
        from ..corpus.models import EntitiesFile, MeetingFile

        return [MeetingFile, EntitiesFile]
    (view,) = [command.view for command in COMMANDS if command.name == name and command.view]
    module, _, models = view.partition(":")
    found = importlib.import_module(f"ca_summit.views.{module}")
    return [getattr(found, model) for model in models.split("|")]


def schema(name: str) -> dict[str, Any]:
    """The schema of `name`'s JSON output (or, for 'data', of a data file as YAML reads it)."""
    mode: Literal["validation", "serialization"] = "validation" if name == DATA_SCHEMA else "serialization"
    models = _models(name)
    if len(models) == 1:
        generated = models[0].model_json_schema(mode=mode)
    else:  # an output of either shape
        from pydantic import TypeAdapter

        union: Any = Union[tuple(models)]  # noqa: UP007 (a union of runtime values)
        generated = TypeAdapter(union).json_schema(mode=mode)
    title = "ca-summit data file" if name == DATA_SCHEMA else f"ca-summit {name} --json"
    return {"$schema": DRAFT, "title": title, **{k: v for k, v in generated.items() if k != "title"}}


def schema_text(name: str) -> str:
    return json.dumps(schema(name), indent=2, ensure_ascii=False) + "\n"
