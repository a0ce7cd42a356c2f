"""The bundled series, checked once and kept as JSON beside its files, so that `meetings` and
`sources` do not parse and cross-check seven YAML files on every run.

The snapshot holds each file's parsed content with the SHA-256 of its text. It is used only when
every bundled file's text still has that digest, so it can never disagree with the files: an
edited file (or a missing or stale snapshot) means the full check, as for any folder. It is written
by `python tools/snapshot.py` from a load that passed every check; a test fails when it is stale.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from .resources import bundled_path
from .series import Meeting, meeting_files, series_path
from .series_models import model_for

NAME = "snapshot.json"


def bundled_files() -> list[Path]:
    return [*meeting_files(series_path()), bundled_path()]


def _digest(path: Path) -> str:
    # The bytes, not the decoded text: hashing needs no loader, and so no YAML, to be imported.
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot_text(meetings: list[Meeting]) -> str:
    """The snapshot of checked meetings: each file's name, digest, kind and parsed content."""
    from .loader import parse, read_text

    files = []
    for path in bundled_files():
        files.append({"name": path.name, "sha256": _digest(path), "value": parse(read_text(path)).value})
    editions = {m.path.name: m.record.edition for m in meetings}
    files.sort(key=lambda f: editions[f["name"]])
    return json.dumps({"files": files}, ensure_ascii=False, indent=1) + "\n"


def load_snapshot() -> list[Meeting] | None:
    """The bundled meetings in order of edition from the snapshot, or None when it does not match
    the files exactly."""
    files = {p.name: p for p in bundled_files()}
    try:
        snapshot: dict[str, Any] = json.loads((series_path() / NAME).read_text(encoding="utf-8"))
        digests = {name: _digest(path) for name, path in files.items()}
    except (OSError, ValueError):
        return None
    entries = snapshot.get("files", [])
    if {e["name"]: e["sha256"] for e in entries} != digests or len(entries) != len(digests):
        return None
    meetings = []
    for entry in entries:
        value = entry["value"]
        meetings.append(Meeting(files[entry["name"]], model_for(value).model_validate(value)))
    return meetings
