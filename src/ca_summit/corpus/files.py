"""Where the data is: the bundled folder, the data files of any folder, and a meeting as read from
its file. Light: no YAML, no Pydantic."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import SummitError
from ..resources import shipped

if TYPE_CHECKING:
    from .models import MeetingFile, MeetingRecord

DATA_DIR = "data"
SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Meeting:
    """One meeting: the file it was read from and its validated content."""

    path: Path
    data: MeetingFile

    @property
    def record(self) -> MeetingRecord | None:
        return self.data.record

    @property
    def year(self) -> int:
        """The year it was held: from its record, else from its article's heading."""
        if self.data.record is not None:
            return self.data.record.held.start.year
        assert self.data.meeting is not None  # the model requires a record or an article's heading
        return self.data.meeting.date.year

    @property
    def edition(self) -> int:
        if self.data.record is not None:
            return self.data.record.edition
        assert self.data.meeting is not None
        return self.data.meeting.edition

    @property
    def label(self) -> str:
        return f"{self.year} ({self.edition})"


def data_path() -> Path:
    """The bundled data folder (installed, or the checkout's data/): a folder like any other."""
    return shipped(DATA_DIR)


def data_files(folder: Path) -> list[Path]:
    """The YAML files of a folder and its subfolders, by their path in it. Hidden folders are
    skipped, and a link is followed only when it stays inside the folder."""
    try:
        if not folder.is_dir():
            raise SummitError(f"{folder}: not a folder of data files")
        top = folder.resolve()
    except OSError as error:
        raise SummitError(f"{folder}: cannot read: {error.strerror or error}") from None
    found: list[Path] = []
    for where, folders, files in os.walk(folder, onerror=_unreadable):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in files:
            path = Path(where, name)
            if path.suffix not in SUFFIXES or name.startswith("."):
                continue
            try:
                inside = path.resolve().is_relative_to(top)
            except (OSError, RuntimeError):  # a link loop
                inside = False
            if inside:
                found.append(path)
    return sorted(found, key=lambda path: path.relative_to(folder).parts)


def _unreadable(error: OSError) -> None:
    raise SummitError(f"{error.filename}: cannot read: {error.strerror or error}")
