"""Where the meetings are: the bundled files, the meeting files of a folder, and a meeting as read
from its file. Light: no YAML, no Pydantic."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import SummitError
from ..resources import shipped

if TYPE_CHECKING:
    from .series_models import MeetingFile, MeetingRecord, Summit

SERIES_DIR = "series"
SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Meeting:
    """One meeting of the series: its file, its validated content, and the record it must have."""

    path: Path
    data: Summit | MeetingFile

    @property
    def record(self) -> MeetingRecord:
        assert self.data.record is not None  # load_series refuses a file without one
        return self.data.record


def series_path() -> Path:
    """The folder of bundled meeting files (installed, or the checkout's data/series)."""
    return shipped("data", SERIES_DIR)


def meeting_files(folder: Path) -> list[Path]:
    """The meeting files of a folder, by name (a name starting with the year sorts them in time)."""
    if not folder.is_dir():
        raise SummitError(f"{folder}: not a folder of meeting files")
    return sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES and p.is_file())
