"""`ca-summit summary`."""

from __future__ import annotations

from typing import NamedTuple

from ..corpus.models import Area, Meeting, Participant
from ..corpus.series_models import Summit
from .meetings import MeetingData, record_data
from .trade import TradeRequest, TradeResult, trade


class SummaryResult(NamedTuple):
    meeting: Meeting
    participants: list[Participant]
    areas: list[Area]
    trade: TradeResult | None
    stated: frozenset[str]  # the ids of the trade figures the source states: those shown
    record: MeetingData | None  # what public reports add (place, chair, who came, documents)


def summary(summit: Summit) -> SummaryResult:
    m = summit.meeting
    stated: frozenset[str] = frozenset()
    figures: TradeResult | None = None
    if summit.trade is not None:
        t = summit.trade
        stated = frozenset({t.current.id, t.growth.id} | ({t.potential.id} if t.potential else set()))
        figures = trade(summit, TradeRequest())
    return SummaryResult(
        meeting=m,
        participants=list(summit.participants),
        areas=list(summit.areas),
        trade=figures,
        stated=stated,
        record=record_data(summit, None) if summit.record is not None else None,
    )
