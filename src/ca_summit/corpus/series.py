"""The meeting series: a folder of meeting files, each validated, then checked as a whole.

A file with an article `source` is a Summit (the article format, checked by loader.check); any other
is a MeetingFile. Both carry the same series sections. Ids are unique across the folder, and a
conflict may name facts and claims of other meetings, so those references resolve over the folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import Problem, SummitError
from ..resources import bundled_path
from .files import Meeting, meeting_files, series_path
from .models import Declares, Loc, RefersTo, series_scoped
from .series_models import MeetingFile, Summit

if TYPE_CHECKING:
    from .crossref import Marker
    from .loader import Document

# The loader (and with it YAML) is imported where a file is read: the bundled series, read from its
# snapshot, needs neither.


def check_meeting(text: str, path: str) -> tuple[Summit | MeetingFile | None, Document | None, list[Problem]]:
    """One meeting file's problems, located file:line:col, and its content when there is none."""
    from .loader import examine

    checked = examine(text, path, None)
    content, problems = checked.summit, checked.problems
    assert content is None or isinstance(content, Summit | MeetingFile)  # told by the file: all of it
    if isinstance(content, Summit) and content.record is None:
        return (
            None,
            checked.document,
            [Problem(path, 1, 1, "record", "a meeting of the series needs its record")],
        )
    return content, checked.document, problems


@dataclass
class _Loaded:
    """A meeting as read from its file: its parsed content, and the text to place problems in (parsed
    again only if a problem needs a place, when the content came from the cache)."""

    meeting: Meeting
    value: object
    text: str
    document: Document | None = None

    def where(self, loc: Loc) -> tuple[int, int]:
        if self.document is None:
            from .loader import parse

            self.document = parse(self.text)
        return self.document.where(loc)


def _across_files(marker: Marker) -> bool:
    """What the checks across a series read: ids other than the references' (each file has its own),
    and references that may resolve in another file."""
    if isinstance(marker, Declares):
        return marker.namespace != "reference"
    return isinstance(marker, RefersTo) and "reference" not in marker.namespaces


def _series_problems(loaded: list[_Loaded]) -> list[Problem]:
    problems: list[Problem] = []
    first: dict[tuple[str, str], str] = {}
    from .crossref import marked

    # One walk over each meeting's ids, not two, and through the fields that can hold what these
    # checks read (not the lists of references): on a folder of 100 meetings, half the time.
    walked = [(one, marked(one.value, type(one.meeting.data), _across_files)) for one in loaded]
    for one, found in walked:
        path = str(one.meeting.path)
        for loc, mark, value in found:
            if isinstance(mark, Declares) and mark.namespace != "reference" and isinstance(value, str):
                key = (mark.namespace, value)
                if key in first and first[key] != path:
                    message = f"{mark.namespace} id {value!r} is also declared in {first[key]}"
                    problems.append(Problem(path, *one.where(loc), ".".join(map(str, loc)), message))
                first.setdefault(key, path)
    for one, found in walked:
        for loc, mark, value in found:
            if not isinstance(mark, RefersTo) or not series_scoped(loc, mark):
                continue
            if not any((space, value) in first for space in mark.namespaces):
                message = f"unknown {' or '.join(mark.namespaces)} {value!r} in the series"
                problems.append(
                    Problem(str(one.meeting.path), *one.where(loc), ".".join(map(str, loc)), message)
                )
    return problems


def _read(path: Path, cached: bool) -> tuple[_Loaded | None, list[Problem]]:
    """One meeting file: from the cache when it has the file's content (see cache.py), else parsed
    and checked in full, and then kept when it has no problem of its own."""
    from . import cache
    from .loader import read_text

    text = read_text(path)
    entry = cache.entry(text) if cached else None  # the text hashed once, for a hit or a miss
    known = None if entry is None else cache.load(entry)
    if known is not None:
        return _Loaded(Meeting(path, known[1]), known[0], text), []
    data, doc, problems = check_meeting(text, str(path))
    if data is None or doc is None:
        return None, problems
    if entry is not None:
        cache.store(entry, doc.value)
    return _Loaded(Meeting(path, data), doc.value, text, doc), problems


def check_series(
    folder: Path, *, extra: tuple[Path, ...] = (), cached: bool = False
) -> tuple[list[Meeting], list[Problem]]:
    """Every problem of a folder of meeting files (and any `extra` files), each file's first and then
    those across files; and the meetings, in order of edition, when there is none (for `validate`).
    `cached`: read a file in full only when the cache (cache.py) does not have it, and keep each
    file that has no problem of its own."""
    problems: list[Problem] = []
    loaded: list[_Loaded] = []
    for path in [*meeting_files(folder), *extra]:
        one, found = _read(path, cached)
        problems += found
        if one is not None:
            loaded.append(one)
    if not problems:
        problems = _series_problems(loaded)
    if problems:
        return [], problems
    return sorted((one.meeting for one in loaded), key=lambda m: m.record.edition), []


def load_series(folder: Path, *, extra: tuple[Path, ...] = (), cached: bool = True) -> list[Meeting]:
    """Every meeting of a folder (and any `extra` files), in order of edition, or a SummitError
    carrying every problem of every file. `cached`: as for check_series."""
    meetings, problems = check_series(folder, extra=extra, cached=cached)
    if problems:
        raise SummitError.from_problems(problems)
    return meetings


def meeting_file(year: int, folder: Path | None = None) -> Path:
    """The one file of the meeting held in `year`, found by its name (`YYYY-*.yaml`, or the article's
    `summit_YYYY.yaml` among the bundled ones), so that a command about one meeting reads one file."""
    folder = folder if folder is not None else series_path()
    found = [p for p in meeting_files(folder) if p.name.startswith(f"{year}-")]
    if folder == series_path() and bundled_path().name == f"summit_{year}.yaml":
        found.append(bundled_path())
    if len(found) != 1:
        names = ", ".join(p.name for p in found) or "none"
        raise SummitError(f"{folder}: expected one meeting file for {year}, found {names}", usage=not found)
    return found[0]


def load_meeting(year: int, folder: Path | None = None) -> Meeting:
    """The validated meeting of `year`, reading its file alone (conflicts naming other meetings'
    items are checked only by load_series); a bundled one from its snapshot, if it matches."""
    from .snapshot import meeting

    path = meeting_file(year, folder)
    if folder is None and (made := meeting(path)) is not None:
        return made
    one, problems = _read(path, cached=True)
    if one is None:
        raise SummitError.from_problems(problems)
    return one.meeting


def load_bundled_series() -> list[Meeting]:
    """The seven bundled meetings: data/series and the article's 2023 file; from their checked
    snapshot when the files are exactly those it was made from (see ca_summit.corpus.snapshot)."""
    from .snapshot import load_snapshot

    return load_snapshot() or load_series(series_path(), extra=(bundled_path(),))


__all__ = [
    "Meeting",
    "check_meeting",
    "check_series",
    "load_bundled_series",
    "load_meeting",
    "load_series",
    "meeting_file",
    "series_path",
]
