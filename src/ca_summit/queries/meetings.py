"""`ca-summit meetings`: the meetings of a series, or one meeting's full record, each item with the
references that support it. Language-neutral: the view words it."""

from __future__ import annotations

from typing import NamedTuple

from ..corpus.files import Meeting
from ..corpus.models import Conflict, Fact, MeetingFile, MeetingRecord, Reference
from ..corpus.series import Corpus, Naming


class Supported(NamedTuple):
    """An item of the record: the fact that stands for it and the references that fact cites."""

    fact: Fact
    references: list[Reference]


class ConflictData(NamedTuple):
    """A conflict with each position's references, resolved in the file that declares it."""

    conflict: Conflict
    sources: list[list[Reference]]  # one list a position
    file: str | None


def _conflicts(content: MeetingFile, file: str | None) -> list[ConflictData]:
    by_id = {ref.id: ref for ref in content.references}
    return [
        ConflictData(c, [[by_id[r] for r in p.refs] for p in c.positions], file) for c in content.conflicts
    ]


def _declared(content: MeetingFile) -> set[str]:
    return {item.id for items in (content.facts, content.trade_claims, content.targets) for item in items}


class MeetingData(NamedTuple):
    content: MeetingFile
    file: str | None  # the name of the file it was read from, where known
    facts: dict[str, Supported]
    # Those its file declares; over a whole series, also those of other files naming its items.
    conflicts: list[ConflictData]
    naming: Naming  # what the people and the city written in its record stand for

    @property
    def record(self) -> MeetingRecord:
        assert self.content.record is not None  # record_data is given none without one
        return self.content.record

    def support(self, fact_id: str) -> Supported:
        return self.facts[fact_id]


def record_data(content: MeetingFile, file: str | None, naming: Naming) -> MeetingData:
    """A meeting's record with each fact's references resolved (the content must have a record)."""
    by_id = {ref.id: ref for ref in content.references}
    facts = {fact.id: Supported(fact, [by_id[r] for r in fact.refs]) for fact in content.facts}
    return MeetingData(content, file, facts, _conflicts(content, file), naming)


def meeting_data(meeting: Meeting, naming: Naming) -> MeetingData:
    return record_data(meeting.data, meeting.path.name, naming)


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


def meetings(corpus: Corpus, which: str | None) -> list[MeetingData]:
    """Every meeting of the corpus, or the one held in `which`, a year, or of that edition; each with
    the conflicts that other meetings' files declare about its facts, claims or targets."""
    every = _with_others_conflicts(
        [meeting_data(m, corpus.naming) for m in corpus.meetings if m.record is not None]
    )
    if which is None:
        return every
    chosen = corpus.find(which)
    if chosen.record is None:  # an article alone: no record of public reports to show
        return []
    return [data for data in every if data.content is chosen.data]
