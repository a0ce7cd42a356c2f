"""Pydantic models of a summit data file.

Id and reference fields carry markers in their types (`Declares`, `RefersTo`), and excerpts of the
source carry `Verbatim`: crossref.py reads them to check what one field alone cannot.

The models are strict: a number where text is expected is an error, not a silent conversion.
The loader resolves plain YAML scalars by the YAML 1.2 core schema, so `NO` stays text and `1e9`
is a number; dates arrive as text and are parsed here, as ISO dates only.
"""

# No `from __future__ import annotations` here: Pydantic would have to eval every annotation
# string at import, and that compile step is a measurable part of start-up.

import datetime as dt
from collections.abc import Iterator
from typing import Annotated, Literal, NamedTuple, TypeVar, cast

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from .limits import AMOUNT_MAX, AMOUNT_MIN, RATE_MAX

FORMAT_VERSION = 1


class Declares(NamedTuple):
    """Marks an id field: the value declares an id in `namespace`."""

    namespace: str


class RefersTo(NamedTuple):
    """Marks a reference field: the value must be an id declared in one of `namespaces`."""

    namespaces: tuple[str, ...]


class Verbatim(NamedTuple):
    """Marks text that must appear, character for character, in the source document."""


# Participant codes are unique among themselves; every other id shares one namespace for uniqueness,
# so that an id names one thing wherever it is used.
OWN_ID_SPACES = frozenset({"participant"})
ACTOR = RefersTo(("participant", "person"))

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=64)]
CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
# An actor is a participant (by ISO code) or a person (by id).
ActorRef = Annotated[str, StringConstraints(pattern=r"^(?:[A-Z]{2}|[a-z0-9]+(?:-[a-z0-9]+)*)$"), ACTOR]
Line = Annotated[str, StringConstraints(min_length=1, max_length=4000, pattern=r"^\S(?:.*\S)?$")]
Quote = Annotated[
    str,
    StringConstraints(min_length=1, max_length=4000, pattern=r"^\S(?:[^\n]*\S)?$"),
    Field(description="A verbatim excerpt of the source, character for character."),
    Verbatim(),
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
        # fromisoformat also takes 20230914 and 2023-W37-4; the data file's schema says YYYY-MM-DD.
        try:
            if len(value) != 10 or value[4] != "-" or value[7] != "-":
                raise ValueError
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"expected an ISO date such as 2023-09-14, got {value!r}") from None
    return value


def _not_bool(value: object) -> object:
    # true == 1 in Python, so a Literal[1] alone would take it.
    if isinstance(value, bool):
        raise ValueError(f"expected the number {FORMAT_VERSION}, got {str(value).lower()}")
    return value


# What every data file starts with; `true` is not the number 1, though true == 1 in Python.
FormatVersion = Annotated[Literal[1], BeforeValidator(_not_bool)]

# The pattern tells the schema's readers (and validators that skip `format`) what _iso_date takes.
IsoDate = Annotated[
    dt.date,
    BeforeValidator(_iso_date),
    Field(json_schema_extra={"pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}),
]


class Model(BaseModel):
    # Built on first use: a command builds only the models of what it reads (the article's, or the
    # series' too), not every model at import.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, defer_build=True)


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
    code: Annotated[CountryCode, Declares("participant")] = Field(description="ISO 3166-1 alpha-2.")
    name: Text
    aliases: list[Line] = []
    quote: Quote


class Person(Model):
    id: Annotated[Slug, Declares("person")]
    name: Text
    role: Text
    country: Annotated[CountryCode, RefersTo(("participant",))]
    aliases: list[Line] = []
    quote: Quote


class Assumption(Model):
    """What the source leaves unsaid and a figure needs: labelled, never silent."""

    id: Annotated[Slug, Declares("assumption")]
    text: Text


class AmountFigure(Model):
    id: Annotated[Slug, Declares("trade figure")]
    label: Text
    amount: Amount
    qualifier: Qualifier
    by: list[ActorRef] = []
    quote: Quote


class GrowthFigure(Model):
    id: Annotated[Slug, Declares("trade figure")]
    label: Text
    rate: Rate
    qualifier: Qualifier
    period_years: Annotated[int, Field(ge=1, le=1000)]
    by: list[ActorRef] = []
    quote: Quote


class Trade(Model):
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
    base_year: Year
    base_year_assumption: Annotated[Slug, RefersTo(("assumption",))] | None = None
    assumptions: list[Annotated[Slug, RefersTo(("assumption",))]] = []
    current: AmountFigure
    growth: GrowthFigure
    potential: AmountFigure | None = None

    @model_validator(mode="after")
    def _room_for_the_period(self) -> "Trade":
        # The growth period ends in the base year and must start in year 1 or later.
        if self.base_year - self.growth.period_years < 1:
            years = self.growth.period_years
            raise ValueError(
                f"base year {self.base_year} leaves no room for the {years}-year period before it"
            )
        return self


class Driver(Model):
    id: Annotated[Slug, Declares("driver")]
    label: Text
    quote: Quote


class Novelty(Model):
    value: bool
    quote: Quote


class Point(Model):
    """One thing the source reports: who said, proposed or observed what."""

    id: Annotated[Slug, Declares("point")]
    kind: PointKind
    by: list[ActorRef] = []
    as_written: Line | None = Field(None, description="How the source names the actor.")
    about_all: bool = Field(
        False,
        description="The source speaks of every participant in so many words (« les cinq pays »).",
    )
    subject: Text | None = None
    figures: list[Annotated[Slug, RefersTo(("trade figure",))]] = []
    drivers: list[Driver] = []
    new: Novelty | None = Field(None, description="Absent where the source does not say.")
    text: Text
    quote: Quote


class DirectQuote(Model):
    id: Annotated[Slug, Declares("quote")]
    speaker: ActorRef | None = None
    as_written: Line | None = None
    text: Text = Field(description="fr: the words exactly as printed; en: a rendering.")
    context: Text | None = None
    quote: Quote


class Area(Model):
    id: Annotated[Slug, Declares("area")]
    title: Text
    quote: Quote
    new: Novelty | None = Field(None, description="Absent where the source does not say.")
    points: Annotated[list[Point], Field(min_length=1)]


class Article(Model):
    """What one article says of one meeting: every fact with its verbatim quote."""

    format_version: FormatVersion
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


def points(summit: Article) -> Iterator[tuple[Loc, Point]]:
    """Every point, the meeting-wide statements first, then each area's, with its location."""
    for i, point in enumerate(summit.statements):
        yield ("statements", i), point
    for i, area in enumerate(summit.areas):
        for j, point in enumerate(area.points):
            yield ("areas", i, "points", j), point


# What a Summit adds to the article: the sections of the meeting series, named here so that the
# article commands import no series model (a test holds it to the models).
SERIES_SECTIONS = frozenset({"references", "record", "facts", "trade_claims", "targets", "conflicts"})


T = TypeVar("T")


def article_part(value: T) -> T:
    """A data file's parsed content without the series sections: what the article commands read."""
    if isinstance(value, dict):
        return cast(T, {key: item for key, item in value.items() if key not in SERIES_SECTIONS})
    return value


SERIES_SCOPE = ("conflicts",)


def series_scoped(loc: "Loc", mark: RefersTo) -> bool:
    """Whether a reference resolves over the whole series rather than within its file."""
    return bool(loc) and loc[0] in SERIES_SCOPE and "reference" not in mark.namespaces
