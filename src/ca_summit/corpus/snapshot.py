"""The bundled data, checked once and kept as JSON beside it (data/snapshot/NAME.json, one per
file), so that the commands on the bundled data neither parse its YAML nor build a validator.

Each snapshot holds its file's parsed content with the SHA-256 of its bytes, and is used only while
the file still has that digest, so it can never disagree with the file: an edited file (or a
missing or stale snapshot) means the full check, as for any file the user names. The snapshots are
written by `python tools/snapshot.py` from a load of the series that passed every check, and a test
fails when one is stale. Their models are made without validation (construct.py): they were
validated when written, and a test holds that what is made equals what validation makes.

Light: no YAML, and Pydantic only through the models that the caller asks for.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ..resources import bundled_path, shipped

if TYPE_CHECKING:
    from .files import Meeting
    from .models import Article

    A = TypeVar("A", bound=Article)

FOLDER = "snapshot"


def snapshot_folder() -> Path:
    return shipped("data", FOLDER)


def bundled_files() -> list[Path]:
    """The bundled data files: the meetings of data/series, then the article's file."""
    from .files import meeting_files, series_path

    return [*meeting_files(series_path()), bundled_path()]


def snapshot_name(path: Path) -> str:
    return f"{path.stem}.json"


def digest(path: Path) -> str:
    # The bytes, not the decoded text: hashing needs no loader, and so no YAML, to be imported.
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot_texts(meetings: list[Meeting]) -> dict[str, str]:
    """The snapshot of each bundled file, by its name in data/snapshot, from checked meetings."""
    from .loader import parse, read_text

    checked = {meeting.path for meeting in meetings}
    texts = {}
    for path in bundled_files():
        assert path in checked, f"{path} was not checked"
        entry = {"file": path.name, "sha256": digest(path), "value": parse(read_text(path)).value}
        texts[snapshot_name(path)] = json.dumps(entry, ensure_ascii=False, indent=1) + "\n"
    return texts


def _value(path: Path) -> dict[str, Any] | None:
    """The parsed content of a bundled file from its snapshot, or None unless they match exactly."""
    try:
        entry = json.loads((snapshot_folder() / snapshot_name(path)).read_text(encoding="utf-8"))
        if entry["file"] != path.name or entry["sha256"] != digest(path):
            return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    value = entry["value"]
    return value if isinstance(value, dict) else None


def load_snapshot() -> list[Meeting] | None:
    """The bundled meetings in order of edition from their snapshots, or None when any does not
    match its file, or a file has none, or a snapshot has no file (the series was checked whole)."""
    files = bundled_files()
    try:
        if sorted(p.name for p in snapshot_folder().glob("*.json")) != sorted(map(snapshot_name, files)):
            return None
    except OSError:
        return None
    meetings = []
    for path in files:
        made = meeting(path)
        if made is None:
            return None
        meetings.append(made)
    return sorted(meetings, key=lambda one: one.record.edition)


def meeting(path: Path) -> Meeting | None:
    """One bundled meeting from its snapshot, or None when the snapshot does not match the file."""
    from .construct import build
    from .files import Meeting
    from .series_models import model_for

    value = _value(path)
    return None if value is None else Meeting(path, build(model_for(value), value))


def bundled(model: type[A]) -> A | None:
    """The bundled article's file as `model` (Article: the article's part alone; Summit: all of it)
    from its snapshot, or None when the snapshot does not match the file."""
    from .construct import build
    from .models import Article, article_part

    value = _value(bundled_path())
    if value is None:
        return None
    return build(model, article_part(value) if model is Article else value)
