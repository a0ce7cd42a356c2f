"""`ca-summit meetings`: the meetings of a series, or one meeting's full record, each item with the
references that support it. Language-neutral: the view words it."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from ..corpus.picking import one_meeting, pick
from ..corpus.series import Meeting, load_bundled_series, load_series
from ..corpus.series_models import Conflict, Fact, MeetingFile, MeetingRecord, Reference, Summit
from ..errors import SummitError

FIRST_YEAR = 1000  # a number below this is an edition, from it a year


class Supported(NamedTuple):
    """An item of the record: the fact that stands for it and the references that fact cites."""

    fact: Fact
    references: list[Reference]


class ConflictData(NamedTuple):
    """A conflict with each position's references, resolved in the file that declares it."""

    conflict: Conflict
    sources: list[list[Reference]]  # one list a position
    file: str | None


def _conflicts(content: Summit | MeetingFile, file: str | None) -> list[ConflictData]:
    by_id = {ref.id: ref for ref in content.references}
    return [
        ConflictData(c, [[by_id[r] for r in p.refs] for p in c.positions], file) for c in content.conflicts
    ]


def _declared(content: Summit | MeetingFile) -> set[str]:
    return {item.id for items in (content.facts, content.trade_claims, content.targets) for item in items}


class MeetingData(NamedTuple):
    content: Summit | MeetingFile
    file: str | None  # the name of the file it was read from, where known
    facts: dict[str, Supported]
    # Those its file declares; over a whole series, also those of other files naming its items.
    conflicts: list[ConflictData]

    @property
    def record(self) -> MeetingRecord:
        assert self.content.record is not None  # record_data is given none without one
        return self.content.record

    def support(self, fact_id: str) -> Supported:
        return self.facts[fact_id]


def record_data(content: Summit | MeetingFile, file: str | None) -> MeetingData:
    """A meeting's record with each fact's references resolved (the content must have a record)."""
    by_id = {ref.id: ref for ref in content.references}
    facts = {fact.id: Supported(fact, [by_id[r] for r in fact.refs]) for fact in content.facts}
    return MeetingData(content, file, facts, _conflicts(content, file))


def meeting_data(meeting: Meeting) -> MeetingData:
    return record_data(meeting.data, meeting.path.name)


def _file(path: Path) -> list[Meeting]:
    """One file as a series: its meeting, or none for an article file that carries no record."""
    from ..corpus.loader import examine, read_text

    content = examine(read_text(path), str(path), None)
    if not isinstance(content.summit, Summit | MeetingFile):  # told by the file: all of it, or None
        raise SummitError.from_problems(content.problems)
    return [Meeting(path, content.summit)] if content.summit.record is not None else []


def series_of(data: Path | None) -> list[Meeting]:
    """Every meeting `--data` names: the bundled series (None), a folder's, or one file's."""
    if data is None:
        return load_bundled_series()
    return load_series(data) if data.is_dir() else _file(data)


def _with_others_conflicts(found: list[MeetingData]) -> list[MeetingData]:
    """Each meeting with the conflicts other meetings' files declare about its facts, claims or
    targets (a conflict sits in the file of the meeting where the last version was stated)."""
    naming: dict[str, list[tuple[int, int, ConflictData]]] = {}  # item id -> the conflicts naming it
    for n, data in enumerate(found):
        for k, c in enumerate(data.conflicts):
            for item in dict.fromkeys(i for p in c.conflict.positions for i in p.items):
                naming.setdefault(item, []).append((n, k, c))
    result = []
    for n, data in enumerate(found):
        # In the order of the series: by the declaring file's meeting, then as that file lists them.
        others = {(m, k): c for item in _declared(data.content) for m, k, c in naming.get(item, []) if m != n}
        result.append(data._replace(conflicts=[*data.conflicts, *(others[key] for key in sorted(others))]))
    return result


def _in_file(which: int | None, path: Path) -> list[MeetingData]:
    found = _file(path)
    return [meeting_data(m) for m in (found if which is None else [pick(found, which)])]


def meetings(which: int | None, data: Path | None) -> list[MeetingData]:
    """Every meeting of the series (bundled, or the folder `data`), or the one held in `which`, a
    year, or of that edition.

    One meeting reads one file (picking.one_meeting): its year is in the file's name, and so is its
    edition for the bundled series; a user's folder may skip editions, so there an edition is
    looked up by loading the folder.
    """
    if data is not None and not data.is_dir():
        return _in_file(which, data)
    if which is None:
        return _with_others_conflicts([meeting_data(m) for m in series_of(data)])
    return [meeting_data(one_meeting(data, which))]
