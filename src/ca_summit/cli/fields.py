"""The fields of each command's records, read from its published JSON Schema.

One list per command (and per mode, for trade): `--fields` accepts it, completion offers it, and CSV
prints it as its header. One source of truth: the schema is generated from the view models (a test
fails when it drifts), and reading it here costs a small JSON file rather than the Pydantic models,
so a usage error stays quick.
"""

import functools
import json
from typing import Any

from ..resources import schema_path
from .registry import find


@functools.cache
def record_fields(name: str, records: str | None = None) -> tuple[str, ...]:
    """The keys of one record of `name`'s output, found at `records` (a dotted path; None: the
    output itself), in output order; empty for an unknown name. An output of either shape (facts:
    an article's or a meeting's) has the fields of both, the first shape's first."""
    command = find(name)
    if command is None or not command.has_output:
        return ()
    schema: dict[str, Any] = json.loads(schema_path(name).read_text(encoding="utf-8"))
    paths = records.split("|") if records else [None]  # "a|b": the records of both lists, one after the other
    shapes = [_record(schema, path, shape) for path in paths for shape in schema.get("anyOf", [schema])]
    return tuple(dict.fromkeys(field for shape in shapes for field in shape["properties"]))


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """The node a reference names; of a nullable node (`anyOf` [X, null]), X."""
    arms = [arm for arm in node.get("anyOf", [node]) if arm.get("type") != "null"]
    node = arms[0] if len(arms) == 1 else node
    ref = node.get("$ref")
    if ref is None:
        return node
    resolved: dict[str, Any] = schema["$defs"][ref.rpartition("/")[2]]
    return resolved


def _record(schema: dict[str, Any], records: str | None, node: dict[str, Any]) -> dict[str, Any]:
    node = _resolve(schema, node)
    for key in records.split(".") if records else ():
        node = _resolve(schema, node["properties"][key])
    if node.get("type") == "array":
        node = _resolve(schema, node["items"])
    return node
