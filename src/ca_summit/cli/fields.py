"""The fields of each command's records, read from its published JSON Schema.

One source of truth: the schema is generated from the view models (a test fails when it drifts),
and `--fields`, its completion and its error message read it here, so a usage error costs a small
JSON file rather than the Pydantic models.
"""

import functools
import json
from typing import Any

from ..resources import schema_path
from .registry import find


@functools.cache
def record_fields(name: str) -> tuple[str, ...]:
    """The keys of one record of `name`'s output, in output order (empty for an unknown name)."""
    command = find(name)
    if command is None or not command.has_output:
        return ()
    schema: dict[str, Any] = json.loads(schema_path(name).read_text(encoding="utf-8"))
    shapes = [_record(schema, command.records, shape) for shape in schema.get("anyOf", [schema])]
    # An output of either shape (facts): the fields every shape has, in the first shape's order.
    first, *others = (tuple(shape["properties"]) for shape in shapes)
    return tuple(field for field in first if all(field in other for other in others))


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref")
    if ref is None:
        return node
    name = ref.rpartition("/")[2]
    resolved: dict[str, Any] = schema["$defs"][name]
    return resolved


def _record(schema: dict[str, Any], records: str | None, node: dict[str, Any]) -> dict[str, Any]:
    node = _resolve(schema, node)
    if records is not None:
        node = _resolve(schema, node["properties"][records])
    if node.get("type") == "array":
        node = _resolve(schema, node["items"])
    return node
