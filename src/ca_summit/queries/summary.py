"""`ca-summit summary`: one meeting at a glance, whatever its sources: its article's heading,
participants, figures and areas where the data has an article of it; its record (place, chair, who
came, documents) where public reports give one."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from ..corpus.files import Meeting
from ..corpus.models import Area, Text, words
from ..corpus.series import Naming
from .meetings import MeetingData, record_data
from .trade import TradeRequest, TradeResult, trade

# The series' own name, for a meeting that no article names: the data gives it in neither language.
SERIES_NAME = words(
    "Consultative Meeting of the Heads of State of Central Asia",
    "Réunion consultative des chefs d’État d’Asie centrale",
)


class Heading(NamedTuple):
    name: Text
    edition: int
    date: dt.date  # the first day
    quote: str | None  # the article's words, where an article names the meeting


class SummaryResult(NamedTuple):
    heading: Heading
    participants: list[tuple[str, Text]]  # country code and name: the article's, else who came
    areas: list[Area]
    trade: TradeResult | None
    stated: frozenset[str]  # the ids of the trade figures the source states: those shown
    record: MeetingData | None  # what public reports add (place, chair, who came, documents)


def summary(meeting: Meeting, naming: Naming) -> SummaryResult:
    data = meeting.data
    stated: frozenset[str] = frozenset()
    figures: TradeResult | None = None
    if data.trade is not None:
        t = data.trade
        stated = frozenset({t.current.id, t.growth.id} | ({t.potential.id} if t.potential else set()))
        figures = trade(data, TradeRequest())
    if data.meeting is not None:
        m = data.meeting
        heading = Heading(m.name, m.edition, m.date, m.quote)
        participants = [(p.code, p.name) for p in data.participants]
    else:
        assert data.record is not None  # the model requires a record or an article's heading
        heading = Heading(SERIES_NAME, data.record.edition, data.record.held.start, None)
        codes = dict.fromkeys(a.country for a in data.record.attendees)
        participants = [(code, naming.text(code)) for code in codes]
    return SummaryResult(
        heading=heading,
        participants=participants,
        areas=list(data.areas),
        trade=figures,
        stated=stated,
        record=record_data(data, meeting.path.name, naming) if data.record is not None else None,
    )
