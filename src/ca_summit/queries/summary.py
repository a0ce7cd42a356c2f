"""`ca-summit summary`."""

from __future__ import annotations

from typing import NamedTuple

from ..display import Lang
from ..models import Area, Meeting, Participant, Summit
from ..views.trade import TradeView
from .trade import trade


class SummaryResult(NamedTuple):
    meeting: Meeting
    participants: list[Participant]
    areas: list[Area]
    # The trade query still localises as it computes, so the summary keeps its answer in both
    # languages; the figures shown are those the source states (ids in `stated`).
    trade: dict[Lang, TradeView] | None
    stated: frozenset[str]


def summary(summit: Summit) -> SummaryResult:
    m = summit.meeting
    stated: frozenset[str] = frozenset()
    views: dict[Lang, TradeView] | None = None
    if summit.trade is not None:
        t = summit.trade
        stated = frozenset({t.current.id, t.growth.id} | ({t.potential.id} if t.potential else set()))
        views = {"en": trade(summit, "en"), "fr": trade(summit, "fr")}
    return SummaryResult(
        meeting=m,
        participants=list(summit.participants),
        areas=list(summit.areas),
        trade=views,
        stated=stated,
    )
