"""The bundled data, checked once and kept as JSON beside it (data/snapshot/NAME.json, one per
file), so that the commands on the bundled data do not parse its YAML.

Each snapshot holds its file's parsed content with the SHA-256 of its bytes, and is used only while
the file still has that digest, so it can never disagree with the file: an edited file (or a
missing or stale snapshot) means the full check, as for any folder the user names. The snapshots
are written by `python tools/snapshot.py` from a check of the whole bundled folder that found no
problem, and a test fails when one is stale. Their content is validated by the models as any file's
is (reading.make): a snapshot saves the parsing, not the validation.

Light: no YAML, no Pydantic.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from ..resources import shipped
from .files import data_files, data_path

FOLDER = "snapshot"


def snapshot_folder() -> Path:
    return shipped("data", FOLDER)


def snapshot_name(path: Path) -> str:
    return f"{path.stem}.json"


def digest(path: Path) -> str:
    # The bytes, not the decoded text: hashing needs no loader, and so no YAML, to be imported.
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot_texts(checked: list[Path]) -> dict[str, str]:
    """The snapshot of each bundled file, by its name in data/snapshot, from files checked whole."""
    from .loader import parse, read_text

    texts = {}
    for path in data_files(data_path()):
        assert path in checked, f"{path} was not checked"
        entry = {"file": path.name, "sha256": digest(path), "value": parse(read_text(path)).value}
        texts[snapshot_name(path)] = json.dumps(entry, ensure_ascii=False, indent=1) + "\n"
    return texts


def snapshot_value(path: Path) -> dict[str, Any] | None:
    """The parsed content of a bundled file from its snapshot, or None unless they match exactly."""
    try:
        entry = json.loads((snapshot_folder() / snapshot_name(path)).read_text(encoding="utf-8"))
        if entry["file"] != path.name or entry["sha256"] != digest(path):
            return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    value = entry["value"]
    return value if isinstance(value, dict) else None


def snapshot_values() -> list[tuple[Path, dict[str, Any]]] | None:
    """Each bundled file with its parsed content, from the snapshots; None when any does not match
    its file, or a file has none, or a snapshot has no file (the folder was checked whole)."""
    try:
        files = data_files(data_path())
        names = sorted(p.name for p in snapshot_folder().glob("*.json"))
    except (OSError, ValueError):
        return None
    if names != sorted(map(snapshot_name, files)):
        return None
    values = []
    for path in files:
        value = snapshot_value(path)
        if value is None:
            return None
        values.append((path, value))
    return values
