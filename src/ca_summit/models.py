"""Pydantic models of a summit data file, and the cross-checks one field alone cannot make.

The models are strict: a number where text is expected is an error, not a silent conversion.
The loader resolves plain YAML scalars by the YAML 1.2 core schema, so `NO` stays text and `1e9`
is a number; dates arrive as text and are parsed here, as ISO dates only.
"""

# No `from __future__ import annotations` here: Pydantic would have to eval every annotation
# string at import, and that compile step is a measurable part of start-up.

import datetime as dt
from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

FORMAT_VERSION = 1
# Amounts are bounded so that every ratio, logarithm and projection of them stays finite.
AMOUNT_MIN = 0.01
AMOUNT_MAX = 1e18
RATE_MAX = 1e6

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=64)]
CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
# An actor is a participant (by ISO code) or a person (by id).
ActorRef = Annotated[str, StringConstraints(pattern=r"^(?:[A-Z]{2}|[a-z0-9]+(?:-[a-z0-9]+)*)$")]
Line = Annotated[str, StringConstraints(min_length=1, max_length=4000, pattern=r"^\S(?:.*\S)?$")]
Quote = Annotated[
    str,
    StringConstraints(min_length=1, max_length=4000, pattern=r"^\S(?:[^\n]*\S)?$"),
    Field(description="A verbatim excerpt of the source, character for character."),
]
Amount = Annotated[
    float,
    Field(ge=AMOUNT_MIN, le=AMOUNT_MAX, allow_inf_nan=False, description="In base units."),
]
Rate = Annotated[
    float,
    Field(gt=-1, le=RATE_MAX, allow_inf_nan=False, description="A fraction: 0.8 is 80 %."),
]
Year = Annotated[int, Field(ge=1, le=9999)]
Qualifier = Literal["stated", "more_than", "less_than", "approaching", "about"]
PointKind = Literal["statement", "proposal", "announcement", "estimate", "observation", "concern", "context"]


def _iso_date(value: object) -> object:
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"expected an ISO date such as 2023-09-14, got {value!r}") from None
    return value


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Text(Model):
    """The same words in French (the source's wording) and English (a translation)."""

    fr: Line
    en: Line

    def get(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.en


class Source(Model):
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]
    document: Line


class Meeting(Model):
    name: Text
    edition: Annotated[int, Field(ge=1)]
    date: IsoDate
    speaker: ActorRef | None = None
    quote: Quote


class Participant(Model):
    code: CountryCode = Field(description="ISO 3166-1 alpha-2.")
    name: Text
    aliases: list[Line] = []
    quote: Quote


class Person(Model):
    id: Slug
    name: Text
    role: Text
    country: CountryCode
    aliases: list[Line] = []
    quote: Quote


class Assumption(Model):
    """What the source leaves unsaid and a figure needs: labelled, never silent."""

    id: Slug
    text: Text


class AmountFigure(Model):
    id: Slug
    label: Text
    amount: Amount
    qualifier: Qualifier
    by: list[ActorRef] = []
    quote: Quote


class GrowthFigure(Model):
    id: Slug
    label: Text
    rate: Rate
    qualifier: Qualifier
    period_years: Annotated[int, Field(ge=1, le=1000)]
    quote: Quote


class Trade(Model):
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
    base_year: Year
    base_year_assumption: Slug | None = None
    assumptions: list[Slug] = []
    current: AmountFigure
    growth: GrowthFigure
    potential: AmountFigure | None = None


class Driver(Model):
    id: Slug
    label: Text
    quote: Quote


class Point(Model):
    """One thing the source reports: who said, proposed or observed what."""

    id: Slug
    kind: PointKind
    by: list[ActorRef] = []
    as_written: Line | None = Field(None, description="How the source names the actor.")
    subject: Text | None = None
    figures: list[Slug] = []
    drivers: list[Driver] = []
    text: Text
    quote: Quote


class DirectQuote(Model):
    id: Slug
    speaker: ActorRef | None = None
    as_written: Line | None = None
    text: Text = Field(description="fr: the words exactly as printed; en: a rendering.")
    context: Text | None = None
    quote: Quote


class Novelty(Model):
    value: bool
    quote: Quote


class Area(Model):
    id: Slug
    title: Text
    quote: Quote
    new: Novelty | None = Field(None, description="Absent where the source does not say.")
    points: Annotated[list[Point], Field(min_length=1)]


class Summit(Model):
    format_version: Literal[1]
    source: Source
    meeting: Meeting
    participants: Annotated[list[Participant], Field(min_length=1)]
    people: list[Person] = []
    assumptions: list[Assumption] = []
    trade: Trade | None = None
    statements: list[Point] = []
    quotes: list[DirectQuote] = []
    areas: Annotated[list[Area], Field(min_length=1)]


Loc = tuple[str | int, ...]


def _ids(summit: Summit) -> Iterator[tuple[Loc, str]]:
    for i, person in enumerate(summit.people):
        yield ("people", i, "id"), person.id
    for i, assumption in enumerate(summit.assumptions):
        yield ("assumptions", i, "id"), assumption.id
    if summit.trade is not None:
        for name in ("current", "growth", "potential"):
            figure = getattr(summit.trade, name)
            if figure is not None:
                yield ("trade", name, "id"), figure.id
    for i, point in enumerate(summit.statements):
        yield from _point_ids(("statements", i), point)
    for i, quote in enumerate(summit.quotes):
        yield ("quotes", i, "id"), quote.id
    for i, area in enumerate(summit.areas):
        yield ("areas", i, "id"), area.id
        for j, point in enumerate(area.points):
            yield from _point_ids(("areas", i, "points", j), point)


def _point_ids(loc: Loc, point: Point) -> Iterator[tuple[Loc, str]]:
    yield (*loc, "id"), point.id
    for j, driver in enumerate(point.drivers):
        yield (*loc, "drivers", j, "id"), driver.id


def points(summit: Summit) -> Iterator[tuple[Loc, Point]]:
    """Every point, the meeting-wide statements first, then each area's, with its location."""
    for i, point in enumerate(summit.statements):
        yield ("statements", i), point
    for i, area in enumerate(summit.areas):
        for j, point in enumerate(area.points):
            yield ("areas", i, "points", j), point


def cross_check(summit: Summit) -> list[tuple[Loc, str]]:
    """What the models cannot see field by field: unique ids, references that resolve."""
    found: list[tuple[Loc, str]] = []
    seen: dict[str, Loc] = {}
    for loc, ident in _ids(summit):
        if ident in seen:
            first = ".".join(str(part) for part in seen[ident])
            found.append((loc, f"duplicate id {ident!r} (first used at {first})"))
        else:
            seen[ident] = loc
    codes: set[str] = set()
    for i, participant in enumerate(summit.participants):
        if participant.code in codes:
            found.append((("participants", i, "code"), f"duplicate participant {participant.code!r}"))
        codes.add(participant.code)
    actors = codes | {person.id for person in summit.people}
    assumptions = {assumption.id for assumption in summit.assumptions}
    figures: set[str] = set()
    if summit.trade is not None:
        figures = {summit.trade.current.id, summit.trade.growth.id}
        if summit.trade.potential is not None:
            figures.add(summit.trade.potential.id)

    def check_actor(loc: Loc, ref: str | None) -> None:
        if ref is not None and ref not in actors:
            found.append((loc, f"unknown actor {ref!r}: not a participant code or a person id"))

    check_actor(("meeting", "speaker"), summit.meeting.speaker)
    for i, person in enumerate(summit.people):
        if person.country not in codes:
            found.append((("people", i, "country"), f"unknown participant {person.country!r}"))
    for loc, point in points(summit):
        for j, ref in enumerate(point.by):
            check_actor((*loc, "by", j), ref)
        for j, ref in enumerate(point.figures):
            if ref not in figures:
                found.append(((*loc, "figures", j), f"unknown trade figure {ref!r}"))
    for i, quote in enumerate(summit.quotes):
        check_actor(("quotes", i, "speaker"), quote.speaker)
        if quote.text.fr not in quote.quote:
            found.append((("quotes", i, "text", "fr"), "the French words must appear verbatim in the quote"))
    if summit.trade is not None:
        trade = summit.trade
        if trade.base_year_assumption is not None and trade.base_year_assumption not in assumptions:
            found.append(
                (("trade", "base_year_assumption"), f"unknown assumption {trade.base_year_assumption!r}")
            )
        for j, ref in enumerate(trade.assumptions):
            if ref not in assumptions:
                found.append((("trade", "assumptions", j), f"unknown assumption {ref!r}"))
        for key, figure in (("current", trade.current), ("potential", trade.potential)):
            if figure is not None:
                for j, ref in enumerate(figure.by):
                    check_actor(("trade", key, "by", j), ref)
    return found
