"""`search` across the meeting series, and `facts --meeting` for a meeting told by public reports.

The article's facts are searched as they always were; beside them, every fact, trade claim and
target of the series, each with its meeting and its sources. No wording here.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, NamedTuple

from ..corpus.kinds import SeriesKind
from ..corpus.models import Entity, Fact, MeetingFile, Reference, Target, TradeClaim
from ..corpus.series import Naming
from .facts import Match, SearchRequest, _snippet, needles, search
from .history import edition

if TYPE_CHECKING:
    from ..corpus.files import Meeting


class SeriesItem(NamedTuple):
    id: str
    kind: SeriesKind
    text: str  # in English, as the series data is written
    note: str | None
    meeting: int
    sources: list[Reference]
    confidence: str
    topic: str | None = None  # a fact's


class SeriesMatch(NamedTuple):
    item: SeriesItem
    field: str  # text or note
    snippet: str


class MeetingSearch(NamedTuple):
    query: str
    article: list[tuple[int, Match]]  # the article's facts that matched, with their meeting
    series: list[SeriesMatch]


def _refs(data: MeetingFile, ids: list[str]) -> list[Reference]:
    by_id = {ref.id: ref for ref in data.references}
    return [by_id[i] for i in ids]


def _said(who: str, role: str | None, occasion: str) -> str:
    return f"{who}{', ' + role if role else ''} ({occasion})"


def _claim_text(claim: TradeClaim | Target, naming: Naming) -> str:
    who = claim.stated_by if isinstance(claim, TradeClaim) else claim.set_by
    return _said(naming.text(who.name).en, who.role, claim.occasion)


def _fact(fact: Fact, data: MeetingFile, number: int) -> SeriesItem:
    refs = _refs(data, fact.refs)
    return SeriesItem(
        fact.id, "meeting_fact", fact.text, fact.note, number, refs, fact.confidence, fact.topic
    )


def series_facts(meeting: Meeting) -> list[SeriesItem]:
    """A meeting's facts as public reports give them, each with its sources."""
    return [_fact(fact, meeting.data, edition(meeting)) for fact in meeting.data.facts]


def series_items(meeting: Meeting, naming: Naming) -> Iterator[SeriesItem]:
    data, number = meeting.data, edition(meeting)
    yield from series_facts(meeting)
    for claim in data.trade_claims:
        note = " ".join(filter(None, (claim.scope_note, claim.note))) or None
        refs = _refs(data, claim.refs)
        yield SeriesItem(
            claim.id, "trade_claim", _claim_text(claim, naming), note, number, refs, claim.confidence
        )
    for target in data.targets:
        note = " ".join(filter(None, (target.horizon, target.note))) or None
        refs = _refs(data, target.refs)
        yield SeriesItem(
            target.id, "target", _claim_text(target, naming), note, number, refs, target.confidence
        )


def search_meetings(
    meetings: list[Meeting], entities: Mapping[str, Entity], request: SearchRequest
) -> MeetingSearch:
    """Each meeting's article facts first, then its facts, claims and targets from public reports,
    meeting by meeting; a name of an entity finds every other name of it too."""
    wanted = needles(request.text, entities)
    naming = Naming(entities)
    article: list[tuple[int, Match]] = []
    for meeting in meetings:
        if meeting.data.has_article:
            article += [(meeting.edition, match) for match in search(meeting.data, wanted)]
    series: list[SeriesMatch] = []
    for meeting in meetings:
        for item in series_items(meeting, naming):
            for field, text in (("text", item.text), ("note", item.note)):
                snippet = _snippet(text, wanted) if text else None
                if snippet is not None:
                    series.append(SeriesMatch(item, field, snippet))
                    break
    return MeetingSearch(request.text, article, series)
