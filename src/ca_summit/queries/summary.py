"""`ca-summit summary`."""

from __future__ import annotations

from ..display import Lang
from ..models import Summit
from ..views.base import Actor, Assumption, Metric
from ..views.summary import AreaLine, MeetingView, SummaryView
from .trade import trade


def summary(summit: Summit, lang: Lang) -> SummaryView:
    m = summit.meeting
    figures: list[Metric] = []
    assumptions: list[Assumption] = []
    if summit.trade is not None:
        view = trade(summit, lang)
        stated = {summit.trade.current.id, summit.trade.growth.id}
        if summit.trade.potential is not None:
            stated.add(summit.trade.potential.id)
        figures = [metric for metric in view.metrics if metric.id in stated]
        assumptions = view.assumptions
    return SummaryView(
        meeting=MeetingView(
            name=m.name.get(lang),
            edition=m.edition,
            date=m.date,
            quote=m.quote,
        ),
        participants=[Actor(id=p.code, name=p.name.get(lang), as_written=None) for p in summit.participants],
        figures=figures,
        areas=[
            AreaLine(
                id=a.id,
                title=a.title.get(lang),
                summary=a.points[0].text.get(lang),
                is_new=a.new.value if a.new else None,
            )
            for a in summit.areas
        ],
        assumptions=assumptions,
    )
