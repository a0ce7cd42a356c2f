"""`ca-summit meetings`."""

# No `from __future__ import annotations` in views: Pydantic would have to eval every annotation
# string at import, and that compile step is a measurable part of start-up.

import datetime as dt
from collections.abc import Iterable
from types import UnionType
from typing import TYPE_CHECKING, Annotated, Any, Union, cast, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, RootModel, create_model

from ..corpus.models import MeetingRecord, Reference, RefersTo
from ..queries.meetings import MeetingData
from ..render import display as d
from ..render.display import Lang
from ..render.document import Document, Report, text
from ..render.report import Column, Table, cell
from .base import View, built


class SourceRef(View):
    id: str
    url: str
    publisher: str
    published: str | None = Field(description="YYYY, YYYY-MM or YYYY-MM-DD, as precise as known.")
    language: str | None = Field(description="ISO 639-1 code, where known.")


class Support(View):
    fact: str = Field(description="The id of the fact that stands for this item.")
    confidence: str = Field(description="confirmed-2-sources, confirmed-1-source or conflicting.")
    sources: list[SourceRef]


class PersonView(View):
    country: str | None = Field(description="ISO 3166-1 alpha-2 code.")
    person: str
    person_id: str | None = Field(description="The person's entity (see 'ca-summit show ID'), where known.")
    role: str
    support: Support


class DocumentView(View):
    title: str
    title_as_published: bool = Field(description="True: the published title; else our wording.")
    support: Support


class FactView(View):
    id: str
    topic: str
    text: str
    confidence: str
    note: str | None
    sources: list[SourceRef]


class PositionView(View):
    text: str
    items: list[str] = Field(description="The facts, claims or targets of the series it stands for.")
    sources: list[SourceRef]


class ConflictView(View):
    id: str
    topic: str
    note: str | None
    positions: list[PositionView]
    file: str | None = Field(description="The file that declares it: another meeting's, where it is.")


class _Meeting(View):
    edition: int
    year: int
    held_start: dt.date
    held_end: dt.date
    held: Support
    announced_start: dt.date | None = Field(description="Where the announced dates differ.")
    announced_end: dt.date | None
    announced: Support | None
    city: str
    city_id: str | None = Field(description="The city's entity (see 'ca-summit show ID'), where known.")
    venue: str
    host_country: str
    place: Support
    chair: PersonView
    attendees: list[PersonView]
    guests: list[PersonView]
    documents: list[DocumentView]
    documents_disputed: Support | None = Field(description="Where sources disagree on what was adopted.")
    facts: list[FactView] = Field(description="Every fact of the meeting's file, with its sources.")
    conflicts: list[ConflictView] = Field(description="Where sources disagree: every version, each sourced.")
    file: str | None = Field(description="The name of the file it was read from.")


def plain_fields(record: type[BaseModel], shown: Iterable[str]) -> dict[str, Any]:
    """The fields of a meeting's record that hold a plain value (text, a number, a date, a yes or
    no) and that no field of the view words already: each is a field of the view and a column of the
    CSV as the data has it, so that a field added to the model reaches JSON, CSV, --fields and
    completion with no other change. References to facts are not values: the view resolves them."""
    found: dict[str, Any] = {}
    for name, info in record.model_fields.items():
        markers = any(isinstance(m, RefersTo) for m in info.metadata)
        if name not in shown and not markers and _plain(info.annotation):
            found[name] = (info.annotation, Field(default=info.default, description=info.description))
    return found


def _plain(annotation: Any) -> bool:
    """A plain value, or none: not a list, a model, or a reference to another item."""
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *metadata = get_args(annotation)
        return not any(isinstance(m, RefersTo) for m in metadata) and _plain(base)
    if origin in (Union, UnionType):
        arms = [arm for arm in get_args(annotation) if arm is not type(None)]
        return len(arms) == 1 and _plain(arms[0])
    return annotation in (str, int, float, bool, dt.date)


PLAIN = plain_fields(MeetingRecord, _Meeting.model_fields)
if TYPE_CHECKING:
    MeetingView = _Meeting
else:
    MeetingView = create_model("MeetingView", __base__=_Meeting, **PLAIN)


# The views are given as plain data and validated once, whole: one call into Pydantic's core for a
# meeting rather than one per source cited (on a folder of 100 meetings, a third of the time).
Data = dict[str, Any]


def _sources(refs: list[Reference]) -> list[Data]:
    return [
        {"id": r.id, "url": r.url, "publisher": r.publisher, "published": r.published, "language": r.language}
        for r in refs
    ]


def _support(data: MeetingData, fact_id: str) -> Data:
    fact, refs = data.support(fact_id)
    return {"fact": fact.id, "confidence": fact.confidence, "sources": _sources(refs)}


def _named(data: MeetingData, value: str, lang: Lang) -> tuple[str, str | None]:
    """What a person or a city written in the data is called in `lang`, and its entity's id."""
    entity = data.naming.entity(value)
    return (value, None) if entity is None else (entity.name.get(lang), entity.id)


def _attendee(data: MeetingData, country: str | None, person: str, role: str, fact: str, lang: Lang) -> Data:
    name, entity = _named(data, person, lang)
    return {
        "country": country,
        "person": name,
        "person_id": entity,
        "role": role,
        "support": _support(data, fact),
    }


def _present(data: MeetingData, lang: Lang) -> Data:
    r = data.record
    city, city_id = _named(data, r.city, lang)
    return {
        "edition": r.edition,
        "year": r.held.start.year,
        "held_start": r.held.start,
        "held_end": r.held.end,
        "held": _support(data, r.held_fact),
        "announced_start": r.announced.start if r.announced else None,
        "announced_end": r.announced.end if r.announced else None,
        "announced": _support(data, r.announced_fact) if r.announced_fact else None,
        **{name: getattr(r, name) for name in PLAIN},
        "city": city,
        "city_id": city_id,
        "venue": r.venue,
        "host_country": r.host_country,
        "place": _support(data, r.venue_fact),
        "chair": _attendee(data, r.host_country, r.chair.person, r.chair.role, r.chair.fact, lang),
        "attendees": [_attendee(data, a.country, a.person, a.role, a.fact, lang) for a in r.attendees],
        "guests": [_attendee(data, g.country, g.person, g.role, g.fact, lang) for g in r.guests],
        "documents": [
            {
                "title": doc.title,
                "title_as_published": doc.title_as_published,
                "support": _support(data, doc.fact),
            }
            for doc in r.documents
        ],
        "documents_disputed": _support(data, r.documents_fact) if r.documents_fact else None,
        "facts": [
            {
                "id": f.id,
                "topic": f.topic,
                "text": f.text,
                "confidence": f.confidence,
                "note": f.note,
                "sources": _sources(refs),
            }
            for f, refs in data.facts.values()
        ],
        "conflicts": [
            {
                "id": c.conflict.id,
                "topic": c.conflict.topic,
                "note": c.conflict.note,
                "positions": [
                    {"text": p.text, "items": list(p.items), "sources": _sources(refs)}
                    for p, refs in zip(c.conflict.positions, c.sources, strict=True)
                ],
                "file": c.file,
            }
            for c in data.conflicts
        ],
        "file": data.file,
    }


class RecordSummary(View):
    """What public reports add to an article about a meeting, each item with its sources."""

    city: str
    city_id: str | None = Field(description="The city's entity (see 'ca-summit show ID'), where known.")
    venue: str
    place: Support
    chair: PersonView
    attendees: list[PersonView]
    guests: list[PersonView]
    documents: list[DocumentView]


def present_record(data: MeetingData, lang: Lang) -> RecordSummary:
    meeting = _present(data, lang)
    return cast(
        RecordSummary, built(RecordSummary, {name: meeting[name] for name in RecordSummary.model_fields})
    )


def sourced(text: str, support: Support, lang: Lang) -> str:
    """An item with the publishers that support it: `Dushanbe — sources: nCa 2023-09-15, Kazinform`."""
    label = d.tr(lang, "sources: ", "sources : ")
    return f"{text} — {label}{_publishers(support.sources)}" + _mark(support.confidence, lang)


def person_line(p: PersonView) -> str:
    return _person(p)


def _dates(start: dt.date, end: dt.date, lang: Lang) -> str:
    if start == end:
        return d.long_date(start, lang)
    return f"{d.long_date(start, lang)} – {d.long_date(end, lang)}"


def _when(m: MeetingView, lang: Lang) -> str:
    text = _dates(m.held_start, m.held_end, lang)
    if m.announced_start is not None and m.announced_end is not None:
        announced = _dates(m.announced_start, m.announced_end, lang)
        text += d.tr(lang, f" (announced: {announced})", f" (annoncée : {announced})")
    return text


def _person(p: PersonView) -> str:
    return f"{p.country}: {p.person}, {p.role}" if p.country else f"{p.person}, {p.role}"


def _publishers(sources: list[SourceRef]) -> str:
    return ", ".join(dict.fromkeys(_cited(s) for s in sources))


def _cited(s: SourceRef) -> str:
    return f"{s.publisher} {s.published}" if s.published else s.publisher


def _mark(confidence: str, lang: Lang) -> str:
    """A flag on an item that one source alone, or sources in conflict, support."""
    return "" if confidence == "confirmed-2-sources" else f" [{d.confidence(confidence, lang)}]"


def record_lines(r: "RecordSummary | MeetingView", lang: Lang) -> list[str]:
    """A meeting's place, chair, attendees, guests and documents, each with who reports it."""
    t = d.tr
    rows = [(t(lang, "City, venue", "Ville, lieu"), f"{r.city}, {r.venue}", r.place)]
    rows.append((t(lang, "Chair", "Présidence"), f"{r.chair.person}, {r.chair.role}", r.chair.support))
    rows += [(t(lang, "Attendee", "Participant"), _person(a), a.support) for a in r.attendees]
    rows += [(t(lang, "Guest", "Invité"), _person(g), g.support) for g in r.guests]
    rows += [(t(lang, "Document adopted", "Document adopté"), doc.title, doc.support) for doc in r.documents]
    colon = t(lang, ": ", "\u202f: ")
    return [f"{text(label)}{colon}{text(sourced(value, support, lang))}" for label, value, support in rows]


def record_reports(r: "RecordSummary | MeetingView") -> list[Report]:
    """Every report a meeting's record cites, once each."""
    supports = [r.place, r.chair.support, *(p.support for p in (*r.attendees, *r.guests))]
    supports += [doc.support for doc in r.documents]
    return [Report(s.publisher, s.published, s.url) for support in supports for s in support.sources]


class MeetingsView(RootModel[list[MeetingView]]):
    model_config = ConfigDict(frozen=True, defer_build=True)

    def markdown(self, lang: Lang) -> str:
        """Each meeting: when, where, who came, what was adopted, each item with its reports."""
        t = d.tr
        doc = Document(t(lang, "The Consultative Meetings", "Les réunions consultatives"))
        reports: list[Report] = []
        for m in self.root:
            doc.heading(f"{d.edition(m.edition, lang)}, {m.year} — {m.city}")
            held = t(lang, "Held: ", "Tenue\u202f: ") + sourced(_when(m, lang), m.held, lang)
            doc.items([text(held), *record_lines(m, lang)])
            reports += [Report(s.publisher, s.published, s.url) for s in m.held.sources]
            reports += record_reports(m)
        return doc.sources(lang, None, reports)

    def tables(self, lang: Lang) -> list[Table]:
        # One meeting: the same overview (what CSV and Markdown print, one column a JSON field),
        # then each item with its sources, every fact and the conflicts.
        overview = self._overview(lang)
        return [overview, *_detail(self.root[0], lang)] if len(self.root) == 1 else [overview]

    def _overview(self, lang: Lang) -> Table:
        t = d.tr
        columns = (
            Column("edition", "#", numeric=True),
            Column("held_start", t(lang, "Dates", "Dates")),
            Column("city", t(lang, "City, venue", "Ville, lieu")),
            Column("chair", t(lang, "Chair", "Présidence")),
            Column("attendees", t(lang, "Attendees", "Participants")),
            Column("guests", t(lang, "Guests", "Invités")),
            Column("documents", t(lang, "Documents adopted", "Documents adoptés")),
            *(Column(name, name, in_table=False) for name in PLAIN),
        )
        rows = [
            (
                cell(m.edition),
                cell(m.held_start.isoformat(), _when(m, lang)),
                cell(m.city, f"{m.city}, {m.venue}"),
                cell(m.chair.person, f"{m.chair.person}, {m.chair.role}"),
                cell(
                    "; ".join(_person(a) for a in m.attendees),
                    "\n".join(_person(a) + _mark(a.support.confidence, lang) for a in m.attendees),
                ),
                cell(
                    "; ".join(_person(g) for g in m.guests),
                    "\n".join(_person(g) + _mark(g.support.confidence, lang) for g in m.guests),
                ),
                cell(
                    "; ".join(doc.title for doc in m.documents),
                    "\n".join(doc.title + _mark(doc.support.confidence, lang) for doc in m.documents),
                ),
                *(cell(getattr(m, name)) for name in PLAIN),
            )
            for m in self.root
        ]
        note = t(
            lang,
            "[1 source]: one source only; [conflicting]: sources disagree. "
            "Every item's sources: ca-summit meetings --json, or ca-summit meetings YEAR.",
            "[1 source] : une seule source ; [contesté] : les sources divergent. "
            "Les sources de chaque élément : ca-summit meetings --json, ou ca-summit meetings ANNÉE.",
        )
        title = t(lang, "The Consultative Meetings", "Les réunions consultatives")
        return Table(title, columns, rows, (note,), primary=True)


def _detail(m: MeetingView, lang: Lang) -> list[Table]:
    t = d.tr
    items: list[tuple[str, str, str, Support]] = [
        ("held", t(lang, "Held", "Tenue"), _dates(m.held_start, m.held_end, lang), m.held),
    ]
    if m.announced is not None and m.announced_start is not None and m.announced_end is not None:
        items.append(
            (
                "announced",
                t(lang, "Announced", "Annoncée"),
                _dates(m.announced_start, m.announced_end, lang),
                m.announced,
            )
        )
    items.append(("place", t(lang, "City, venue", "Ville, lieu"), f"{m.city}, {m.venue}", m.place))
    items.append(
        ("chair", t(lang, "Chair", "Présidence"), f"{m.chair.person}, {m.chair.role}", m.chair.support)
    )
    items += [
        (f"attendee_{a.country}", t(lang, "Attendee", "Participant"), _person(a), a.support)
        for a in m.attendees
    ]
    items += [("guest", t(lang, "Guest", "Invité"), _person(g), g.support) for g in m.guests]
    items += [("document", t(lang, "Document", "Document"), doc.title, doc.support) for doc in m.documents]
    if m.documents_disputed is not None:
        items.append(
            (
                "documents",
                t(lang, "Documents", "Documents"),
                t(lang, "disputed", "contesté"),
                m.documents_disputed,
            )
        )
    record = Table(
        f"{d.edition(m.edition, lang)}, {m.year}",
        (
            Column("item", t(lang, "Item", "Élément")),
            Column("value", t(lang, "Value", "Valeur")),
            Column("confidence", t(lang, "Confidence", "Fiabilité")),
            Column("sources", "Sources"),
        ),
        [
            (
                cell(key, label),
                cell(value),
                cell(s.confidence, d.confidence(s.confidence, lang)),
                cell(_publishers(s.sources)),
            )
            for key, label, value, s in items
        ],
        (
            t(
                lang,
                "Read from this meeting's file alone: conflicts that other meetings' files declare about "
                "its figures are listed by ca-summit meetings (every meeting).",
                "Lu dans le seul fichier de cette réunion : les divergences que d’autres réunions déclarent "
                "sur ses chiffres sont listées par ca-summit meetings (toutes les réunions).",
            ),
        ),
    )
    facts = Table(
        t(lang, "Every fact, with its sources", "Chaque fait, avec ses sources"),
        (
            Column("id", "id"),
            Column("topic", t(lang, "Topic", "Sujet")),
            Column("text", t(lang, "Fact", "Fait")),
            Column("confidence", t(lang, "Confidence", "Fiabilité")),
            Column("sources", "Sources"),
        ),
        [
            (
                cell(f.id),
                cell(f.topic, d.topic(f.topic, lang)),
                cell(f.text + (f" ({f.note})" if f.note else "")),
                cell(f.confidence, d.confidence(f.confidence, lang)),
                cell(_publishers(f.sources)),
            )
            for f in m.facts
        ],
    )
    tables = [record, facts]
    if m.conflicts:
        tables.append(
            Table(
                t(lang, "Where sources disagree", "Où les sources divergent"),
                (
                    Column("conflict", t(lang, "Conflict", "Divergence")),
                    Column("position", t(lang, "Version", "Version")),
                    Column("sources", "Sources"),
                ),
                [
                    (
                        cell(c.id, f"{c.id}: {c.topic}"),
                        cell(p.text),
                        cell(_publishers(p.sources)),
                    )
                    for c in m.conflicts
                    for p in c.positions
                ],
                tuple(f"{c.id}: {c.note}" for c in m.conflicts if c.note),
            )
        )
    return tables


def present(result: list[MeetingData], lang: Lang) -> MeetingsView:
    # Validated whole, in one call into Pydantic's core: for a folder of many meetings that is faster
    # than making each nested view in Python, and its serializer then writes the JSON.
    return MeetingsView.model_validate([_present(data, lang) for data in result])
