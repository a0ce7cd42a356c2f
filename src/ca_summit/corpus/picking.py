"""`--meeting YEAR|EDITION`: which meeting of the series a command is about, read from as few
files as can tell. Light at import: the series loader is imported when a meeting is looked up."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import SummitError

if TYPE_CHECKING:
    from .files import Meeting

MEETING_HELP = "Only this meeting of the series: a year (2018) or an edition (1)."
FIRST_YEAR = 1000  # below: an edition; from here on: a year


def parse_meeting(text: str) -> int:
    """A year or an edition; a ValueError for anything else (the CLI makes it a usage error)."""
    problem = ValueError(f"{text!r} is not a meeting: give a year such as 2018 or an edition such as 1")
    try:
        value = int(text.strip())
    except ValueError:
        raise problem from None
    if not 1 <= value <= 9999:
        raise problem
    return value


def _folder(data: Path | None) -> Path | None:
    if data is not None and not data.is_dir():
        raise SummitError(
            "--meeting picks a meeting of a series: use it with the bundled data or --data FOLDER", usage=True
        )
    return data


def series(data: Path | None) -> list[Meeting]:
    """Every meeting of the bundled series (data None), or of a folder."""
    from .series import load_bundled_series, load_series

    folder = _folder(data)
    return load_bundled_series() if folder is None else load_series(folder)


def year_edition(meeting: Meeting) -> tuple[int, int]:
    """When and which: from the meeting's record, or for an article file without one, the article's."""
    from .series_models import Summit

    data = meeting.data
    if data.record is not None:
        return data.record.held.start.year, data.record.edition
    assert isinstance(data, Summit)  # a MeetingFile always has its record
    return data.meeting.date.year, data.meeting.edition


def _listing(meetings: list[Meeting]) -> str:
    return ", ".join("{} ({})".format(*year_edition(m)) for m in meetings)


def pick(meetings: list[Meeting], value: int) -> Meeting:
    """The meeting held in `value` (a year) or of that edition; a usage error listing the valid ones."""
    year = value >= FIRST_YEAR
    for meeting in meetings:
        if year_edition(meeting)[0 if year else 1] == value:
            return meeting
    what = "no meeting held in" if year else "no edition"
    raise SummitError(f"{what} {value}; the meetings are: {_listing(meetings)}", usage=True)


def _bundled_year(edition: int) -> int | None:
    """The year of a bundled edition, from the file names alone: the bundled files are the complete
    run of editions, one a year in order (a test holds the names to the records)."""
    from ..resources import bundled_path
    from .files import meeting_files, series_path

    names = [path.name for path in meeting_files(series_path())]
    names.append(bundled_path().name.removeprefix("summit_"))
    years = sorted(int(name[:4]) for name in names if name[:4].isdigit())
    return years[edition - 1] if 1 <= edition <= len(years) else None


def one_meeting(data: Path | None, value: int) -> Meeting:
    """One meeting, reading its one file when its year is known (the file names start with the
    year; for the bundled series an edition tells the year too), else the whole series."""
    from .series import load_meeting, meeting_file

    folder = _folder(data)
    if value < FIRST_YEAR and folder is None:
        value = _bundled_year(value) or value
    if value >= FIRST_YEAR:
        try:
            meeting_file(value, folder)
        except SummitError:
            pass  # not found by its name: the records say which meetings there are
        else:
            meeting = load_meeting(value, folder)
            if meeting.data.record is not None and meeting.record.held.start.year == value:
                return meeting
    return pick(series(folder), value)
