"""`ca-summit summary`."""

# No `from __future__ import annotations` in views: Pydantic would have to eval every annotation
# string at import, and that compile step is a measurable part of start-up. Each command's views
# live in their own module so that a command builds only the models it prints.

import datetime as dt

from pydantic import Field, PrivateAttr

from ..queries.summary import SummaryResult
from ..render import display as d
from ..render.display import Lang
from ..render.document import Article, Document, text
from ..render.report import Cell, Column, Table, cell
from .base import Actor, Assumption, Metric, View, made, metric_text
from .meetings import (
    RecordSummary,
    Support,
    person_line,
    present_record,
    record_lines,
    record_reports,
    sourced,
)
from .trade import present as present_trade


class MeetingView(View):
    name: str
    edition: int
    date: dt.date = Field(description="The first day.")
    quote: str | None = Field(description="The article's words, where an article names the meeting.")


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
    record: RecordSummary | None = Field(
        description="What public reports add to the article (city, venue, chair, who came, guests, "
        "documents adopted), each item with its sources; null where the data has no meeting record."
    )
    _article: Article | None = PrivateAttr(default=None)

    def markdown(self, lang: Lang) -> str:
        """The meeting at a glance, as a document: the article's figures and areas, then what
        public reports add, and every source."""
        t = d.tr
        m = self.meeting
        doc = Document(f"{m.name}, {d.edition(m.edition, lang)}")
        doc.para(text(d.long_date(m.date, lang)))
        if m.quote:
            doc.quote(m.quote)
        doc.heading(t(lang, "Participants", "Participants"))
        doc.items(text(a.name) for a in self.participants)
        if self.figures:
            doc.heading(t(lang, "Figures", "Chiffres"))
            doc.items(
                text(f"{d.typeset(f.label, lang)}\u202f: " if lang == "fr" else f"{f.label}: ")
                + text(metric_text(f, lang, worded=True))
                for f in self.figures
            )
        if self.areas:
            doc.heading(t(lang, "Areas of cooperation", "Domaines de coopération"))
            new = t(lang, " (new)", " (nouveauté)")
            doc.items(
                f"**{text(d.typeset(a.title, lang) + (new if a.is_new else ''))}** — "
                f"{text(d.typeset(a.summary, lang))}"
                for a in self.areas
            )
        if self.assumptions:
            doc.heading(t(lang, "Assumptions", "Hypothèses"))
            doc.items(text(d.typeset(a.text, lang)) for a in self.assumptions)
        if self.record is not None:
            doc.heading(t(lang, "What public reports add", "Ce qu’ajoutent les sources publiques"))
            doc.items(record_lines(self.record, lang))
        return doc.sources(lang, self._article, record_reports(self.record) if self.record else ())

    def tables(self, lang: Lang) -> list[Table]:
        t = d.tr
        m = self.meeting
        fields = [
            ("name", t(lang, "Meeting", "Réunion"), cell(m.name)),
            ("edition", t(lang, "Edition", "Édition"), cell(m.edition, d.edition(m.edition, lang))),
            ("date", "Date", cell(m.date.isoformat(), d.long_date(m.date, lang))),
            (
                "participants",
                t(lang, "Participants", "Participants"),
                cell(
                    "; ".join(a.id for a in self.participants),
                    ", ".join(f"{a.name} ({a.id})" for a in self.participants),
                ),
            ),
        ]
        # No legend here for > and ≈: the source's qualifiers read as words ("close to 15 bn USD").
        fields += [(f.id, f.label, cell(f.value, metric_text(f, lang, worded=True))) for f in self.figures]
        fields += [
            (
                a.id,
                d.typeset(a.title, lang) + (t(lang, " (new)", " (nouveauté)") if a.is_new else ""),
                cell(a.summary, d.typeset(a.summary, lang)),
            )
            for a in self.areas
        ]
        fields += _record_fields(self.record, lang) if self.record is not None else []
        assumption = t(lang, "Assumption: ", "Hypothèse : ")
        return [
            Table(
                t(lang, "The meeting at a glance", "La réunion en bref"),
                (Column("field", ""), Column("value", "")),
                [(cell(key, label), value) for key, label, value in fields],
                tuple(assumption + d.typeset(a.text, lang) for a in self.assumptions),
                style="fields",
            )
        ]


def _record_fields(r: RecordSummary, lang: Lang) -> list[tuple[str, str, Cell]]:
    """The record's items, each with the publishers that support it: the article omits them all."""
    t = d.tr

    def listed(key: str, label: str, items: list[tuple[str, Support]]) -> tuple[str, str, Cell]:
        return (
            key,
            label,
            cell("; ".join(text for text, _ in items), "\n".join(sourced(x, s, lang) for x, s in items)),
        )

    return [
        listed("city", t(lang, "City, venue", "Ville, lieu"), [(f"{r.city}, {r.venue}", r.place)]),
        listed(
            "chair", t(lang, "Chair", "Présidence"), [(f"{r.chair.person}, {r.chair.role}", r.chair.support)]
        ),
        listed(
            "attendees", t(lang, "Who came", "Présents"), [(person_line(a), a.support) for a in r.attendees]
        ),
        listed("guests", t(lang, "Guests", "Invités"), [(person_line(g), g.support) for g in r.guests]),
        listed(
            "documents",
            t(lang, "Documents adopted", "Documents adoptés"),
            [(doc.title, doc.support) for doc in r.documents],
        ),
    ]


def present(result: SummaryResult, lang: Lang) -> SummaryView:
    m = result.heading
    trade = present_trade(result.trade, lang) if result.trade is not None else None
    return made(
        SummaryView,
        meeting=made(
            MeetingView,
            name=m.name.get(lang),
            edition=m.edition,
            date=m.date,
            quote=m.quote,
        ),
        participants=[
            made(Actor, id=code, name=name.get(lang), as_written=None) for code, name in result.participants
        ],
        figures=[metric for metric in trade.metrics if metric.id in result.stated] if trade else [],
        areas=[
            made(
                AreaLine,
                id=a.id,
                title=a.title.get(lang),
                summary=a.points[0].text.get(lang),
                is_new=a.new.value if a.new else None,
            )
            for a in result.areas
        ],
        assumptions=trade.assumptions if trade else [],
        record=present_record(result.record, lang) if result.record is not None else None,
    )
