"""Pydantic models of a summit data file, and the cross-checks one field alone cannot make.

The models are strict: a number where text is expected is an error, not a silent conversion.
The loader resolves plain YAML scalars by the YAML 1.2 core schema, so `NO` stays text and `1e9`
is a number; dates arrive as text and are parsed here, as ISO dates only.
"""

# No `from __future__ import annotations` here: Pydantic would have to eval every annotation
# string at import, and that compile step is a measurable part of start-up.

import datetime as dt
from collections.abc import Iterator
from typing import Annotated, Any, Literal

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
PointKind = Literal[
    "statement", "proposal", "advocacy", "announcement", "estimate", "observation", "concern", "context"
]


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
    by: list[ActorRef] = []
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


class Novelty(Model):
    value: bool
    quote: Quote


class Point(Model):
    """One thing the source reports: who said, proposed or observed what."""

    id: Slug
    kind: PointKind
    by: list[ActorRef] = []
    as_written: Line | None = Field(None, description="How the source names the actor.")
    about_all: bool = Field(
        False,
        description="The source speaks of every participant in so many words (« les cinq pays »).",
    )
    subject: Text | None = None
    figures: list[Slug] = []
    drivers: list[Driver] = []
    new: Novelty | None = Field(None, description="Absent where the source does not say.")
    text: Text
    quote: Quote


class DirectQuote(Model):
    id: Slug
    speaker: ActorRef | None = None
    as_written: Line | None = None
    text: Text = Field(description="fr: the words exactly as printed; en: a rendering.")
    context: Text | None = None
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


def points(summit: Summit) -> Iterator[tuple[Loc, Point]]:
    """Every point, the meeting-wide statements first, then each area's, with its location."""
    for i, point in enumerate(summit.statements):
        yield ("statements", i), point
    for i, area in enumerate(summit.areas):
        for j, point in enumerate(area.points):
            yield ("areas", i, "points", j), point


def _map(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _maps(value: object) -> list[tuple[int, dict[str, Any]]]:
    return (
        [(i, item) for i, item in enumerate(value) if isinstance(item, dict)]
        if isinstance(value, list)
        else []
    )


def _texts(value: object) -> list[tuple[int, str]]:
    return (
        [(i, item) for i, item in enumerate(value) if isinstance(item, str)]
        if isinstance(value, list)
        else []
    )


def _raw_points(document: dict[str, Any]) -> list[tuple[Loc, dict[str, Any]]]:
    found: list[tuple[Loc, dict[str, Any]]] = [
        (("statements", i), p) for i, p in _maps(document.get("statements"))
    ]
    for i, area in _maps(document.get("areas")):
        found += [(("areas", i, "points", j), p) for j, p in _maps(area.get("points"))]
    return found


def _raw_ids(document: dict[str, Any]) -> list[tuple[Loc, object]]:
    """Every id, in the order a data file is written: people, assumptions, trade, points, quotes, areas."""
    found: list[tuple[Loc, object]] = []
    for section in ("people", "assumptions"):
        found += [((section, i, "id"), item.get("id")) for i, item in _maps(document.get(section))]
    trade = _map(document.get("trade"))
    found += [
        (("trade", key, "id"), _map(trade.get(key)).get("id")) for key in ("current", "growth", "potential")
    ]
    for i, point in _maps(document.get("statements")):
        found += _point_ids(("statements", i), point)
    found += [(("quotes", i, "id"), quote.get("id")) for i, quote in _maps(document.get("quotes"))]
    for i, area in _maps(document.get("areas")):
        found.append((("areas", i, "id"), area.get("id")))
        for j, point in _maps(area.get("points")):
            found += _point_ids(("areas", i, "points", j), point)
    return found


def _point_ids(loc: Loc, point: dict[str, Any]) -> list[tuple[Loc, object]]:
    drivers = [((*loc, "drivers", j, "id"), driver.get("id")) for j, driver in _maps(point.get("drivers"))]
    return [((*loc, "id"), point.get("id")), *drivers]


def _declared(flagged: list[Loc], *patterns: Loc) -> bool:
    """Whether the declarations that references point at are sound: none of them, nor anything
    holding them, has a reported problem ("*" stands for any list index)."""

    def spoils(loc: Loc, pattern: Loc) -> bool:
        return len(loc) <= len(pattern) and all(
            p in ("*", part) for part, p in zip(loc, pattern, strict=False)
        )

    return not any(spoils(loc, pattern) for loc in flagged for pattern in patterns)


def cross_check(document: object, flagged: list[Loc] | None = None) -> list[tuple[Loc, str]]:
    """What no field can check alone: ids are unique and references resolve.

    It reads the document as YAML gave it, not the validated models, so that a file with other
    problems still gets these reported too; whatever is not of the expected shape is skipped here
    (the models report it). `flagged` are the places already reported: references are not checked
    against declarations that are themselves wrong, which would only echo those problems.
    """
    flagged = flagged or []
    doc = _map(document)
    found: list[tuple[Loc, str]] = []
    seen: dict[str, Loc] = {}
    for loc, ident in _raw_ids(doc):
        if not isinstance(ident, str):
            continue
        if ident in seen:
            first = ".".join(str(part) for part in seen[ident])
            found.append((loc, f"duplicate id {ident!r} (first used at {first})"))
        else:
            seen[ident] = loc
    codes: set[str] = set()
    for i, participant in _maps(doc.get("participants")):
        code = participant.get("code")
        if not isinstance(code, str):
            continue
        if code in codes:
            found.append((("participants", i, "code"), f"duplicate participant {code!r}"))
        codes.add(code)
    people = _maps(doc.get("people"))
    actors = codes | {p["id"] for _, p in people if isinstance(p.get("id"), str)}
    assumptions = {a["id"] for _, a in _maps(doc.get("assumptions")) if isinstance(a.get("id"), str)}
    trade = _map(doc.get("trade"))
    figures = {_map(trade.get(key)).get("id") for key in ("current", "growth", "potential")}
    figures_declared = _declared(
        flagged, *(("trade", key, "id") for key in ("current", "growth", "potential"))
    )
    assumptions_declared = _declared(flagged, ("assumptions", "*", "id"))

    actors_declared = _declared(flagged, ("participants", "*", "code"), ("people", "*", "id"))

    def check_actor(loc: Loc, ref: object) -> None:
        if actors_declared and isinstance(ref, str) and ref not in actors:
            found.append((loc, f"unknown actor {ref!r}: not a participant code or a person id"))

    for i, person in people:
        country = person.get("country")
        if actors_declared and isinstance(country, str) and country not in codes:
            found.append((("people", i, "country"), f"unknown participant {country!r}"))
    for loc, point in _raw_points(doc):
        for j, ref in _texts(point.get("by")):
            check_actor((*loc, "by", j), ref)
        for j, ref in _texts(point.get("figures")):
            if figures_declared and ref not in figures:
                found.append(((*loc, "figures", j), f"unknown trade figure {ref!r}"))
    for i, quote in _maps(doc.get("quotes")):
        check_actor(("quotes", i, "speaker"), quote.get("speaker"))
        french, citation = _map(quote.get("text")).get("fr"), quote.get("quote")
        if isinstance(french, str) and isinstance(citation, str) and french not in citation:
            found.append((("quotes", i, "text", "fr"), "the French words must appear verbatim in the quote"))
    base = trade.get("base_year_assumption")
    if assumptions_declared and isinstance(base, str) and base not in assumptions:
        found.append((("trade", "base_year_assumption"), f"unknown assumption {base!r}"))
    for j, ref in _texts(trade.get("assumptions")):
        if assumptions_declared and ref not in assumptions:
            found.append((("trade", "assumptions", j), f"unknown assumption {ref!r}"))
    for key in ("current", "growth", "potential"):
        for j, ref in _texts(_map(trade.get(key)).get("by")):
            check_actor(("trade", key, "by", j), ref)
    return found
