"""`ca-summit summary`."""

# No `from __future__ import annotations` in views: Pydantic would have to eval every annotation
# string at import, and that compile step is a measurable part of start-up. Each command's views
# live in their own module so that a command builds only the models it prints.

import datetime as dt

from .. import display as d
from ..display import Lang
from ..report import Column, Table, cell
from .base import Actor, Assumption, Metric, View, metric_text


class MeetingView(View):
    name: str
    edition: int
    date: dt.date
    quote: str


class AreaLine(View):
    id: str
    title: str
    summary: str
    is_new: bool | None


class SummaryView(View):
    meeting: MeetingView
    participants: list[Actor]
    figures: list[Metric]
    areas: list[AreaLine]
    assumptions: list[Assumption]

    def tables(self, lang: Lang) -> list[Table]:
        t = d.tr
        m = self.meeting
        fields = [
            ("name", t(lang, "Meeting", "Réunion"), cell(m.name)),
            ("edition", t(lang, "Edition", "Édition"), cell(m.edition)),
            ("date", "Date", cell(m.date.isoformat())),
            (
                "participants",
                t(lang, "Participants", "Participants"),
                cell(
                    "; ".join(a.id for a in self.participants),
                    ", ".join(f"{a.name} ({a.id})" for a in self.participants),
                ),
            ),
        ]
        fields += [(f.id, f.label, cell(f.value, metric_text(f, lang))) for f in self.figures]
        fields += [
            (
                a.id,
                a.title + (t(lang, " (new)", " (nouveau)") if a.is_new else ""),
                cell(a.summary),
            )
            for a in self.areas
        ]
        return [
            Table(
                t(lang, "The meeting at a glance", "La réunion en bref"),
                (Column("field", ""), Column("value", "")),
                [(cell(key, label), value) for key, label, value in fields],
                tuple(t(lang, "Assumption: ", "Hypothèse : ") + a.text for a in self.assumptions),
                style="fields",
            )
        ]
