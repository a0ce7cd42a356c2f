"""Pydantic models of the corpus: one model of a meeting (MeetingFile), whose sources are public
reports and, for some meetings, an article quoted verbatim; and the entities they name.

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
from typing import Annotated, Literal, NamedTuple

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from .limits import AMOUNT_MAX, AMOUNT_MIN, RATE_MAX

FORMAT_VERSION = 2  # 1: still read as it is (see README, "The data format")


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
OWN_ID_SPACES = frozenset({"participant", "entity"})
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
# An edition has at most four digits, as a year has (and SQLite holds it). One of 1000 or more is
# named by its year: `--meeting` reads a four-digit number as a year.
MAX_EDITION = 9999
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
    # true == 1 in Python, so a Literal[1, 2] alone would take it.
    if isinstance(value, bool):
        raise ValueError(f"expected the number {FORMAT_VERSION} (or 1), got {str(value).lower()}")
    return value


# What every data file starts with; `true` is not the number 1, though true == 1 in Python.
FormatVersion = Annotated[Literal[1, 2], BeforeValidator(_not_bool)]

# The pattern tells the schema's readers (and validators that skip `format`) what _iso_date takes.
IsoDate = Annotated[
    dt.date,
    BeforeValidator(_iso_date),
    Field(json_schema_extra={"pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}),
]


ARTICLE_ID = "article"


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


def words(en: str, fr: str) -> Text:
    """Words the tool composes (labels, names made of the data's), in both languages: not read from
    a file, so not held to a data file's limits nor validated (which would build Text's validator
    at import, for the labels of a module)."""
    return Text.model_construct(en=en, fr=fr)


class Source(Model):
    """The article: one source of its meeting, whose facts each carry a verbatim quote of it."""

    id: Annotated[Slug, Declares("reference")] = Field(
        ARTICLE_ID, description="The id the article is cited by, as a reference of its meeting."
    )
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]
    document: Line


class Heading(Model):
    """How the article names and dates its meeting."""

    name: Text
    edition: Annotated[int, Field(ge=1, le=MAX_EDITION)]
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


# --- what public reports say of a meeting, each fact with its references ---------------------------

_SLUG = StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=64)
RefDecl = Annotated[str, _SLUG, Declares("reference")]
RefId = Annotated[str, _SLUG, RefersTo(("reference",))]
FactDecl = Annotated[str, _SLUG, Declares("fact")]
FactRef = Annotated[str, _SLUG, RefersTo(("fact",))]
ClaimDecl = Annotated[str, _SLUG, Declares("claim")]
ClaimRef = Annotated[str, _SLUG, RefersTo(("claim",))]
TargetDecl = Annotated[str, _SLUG, Declares("target")]
ConflictDecl = Annotated[str, _SLUG, Declares("conflict")]
AssumptionRef = Annotated[str, _SLUG, RefersTo(("assumption",))]
# A conflict may oppose figures stated at different meetings: these resolve across the series.
ItemRef = Annotated[str, _SLUG, RefersTo(("fact", "claim", "target"))]


def _partial_date(value: str) -> str:
    if len(value) == 10:
        _iso_date(value)
    return value


# A year, a month or a day, as precise as the source is: a day is never invented.
PartialDate = Annotated[
    str,
    StringConstraints(pattern=r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-\d{2})?)?$"),
    AfterValidator(_partial_date),
]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$", max_length=2000)]
Refs = Annotated[list[RefId], Field(min_length=1)]
Confidence = Literal["confirmed-2-sources", "confirmed-1-source", "conflicting"]
ClaimQualifier = Literal["exact", "more_than", "about", "up_to", "at_least"]
# `external` and `regional_and_external` exist because outlets read one speech's target so (c16).
Scope = Literal["intra_regional", "country_with_region", "bilateral", "external", "regional_and_external"]
Multiplier = Annotated[float, Field(gt=0, le=RATE_MAX, allow_inf_nan=False)]
FactTopic = Literal[
    "date",
    "date_variant",
    "scheduling",
    "format",
    "venue",
    "host",
    "attendee",
    "delegation",
    "guest",
    "origin",
    "documents",
    "document",
    "decision",
    "proposal",
    "position",
    "side_events",
    "award",
    "follow_up",
    "context",
]


class Reference(Model):
    id: RefDecl
    url: Url = Field(description="The address exactly as the facts table gives it.")
    publisher: Line
    published: PartialDate | None = None
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")] | None = Field(
        description="ISO 639-1, when the address or outlet shows it."
    )
    reconfirmed: bool = Field(True, description="False: kept for reference, not counted as support.")


class Fact(Model):
    id: FactDecl
    topic: FactTopic
    text: Line
    confidence: Confidence
    note: Line | None = None
    refs: Refs


class Span(Model):
    start: IsoDate
    end: IsoDate

    @model_validator(mode="after")
    def _ordered(self) -> "Span":
        if self.end < self.start:
            raise ValueError("a span ends on or after its start")
        return self


class Attendee(Model):
    country: CountryCode
    person: Line
    role: Line
    fact: FactRef


class Guest(Model):
    person: Line
    role: Line
    country: CountryCode | None = None
    fact: FactRef


class Document(Model):
    title: Line
    title_as_published: bool = Field(False, description="True: the published title; else our wording.")
    fact: FactRef


class Chair(Model):
    person: Line
    role: Line
    fact: FactRef


class MeetingRecord(Model):
    edition: Annotated[int, Field(ge=1, le=MAX_EDITION)]
    held: Span
    held_fact: FactRef
    announced: Span | None = Field(None, description="Where the announced dates differ from the held ones.")
    announced_fact: FactRef | None = None
    city: Line
    venue: Line
    venue_fact: FactRef
    host_country: CountryCode
    chair: Chair
    attendees: Annotated[list[Attendee], Field(min_length=1)]
    guests: list[Guest] = []
    documents: list[Document] = []
    documents_fact: FactRef | None = Field(None, description="Where sources disagree on what was adopted.")
    decisions: list[FactRef] = []
    proposals: list[FactRef] = []


class Speaker(Model):
    name: Line
    role: Line | None = None


class Growth(Model):
    rate: Rate | None = None
    multiplier: Multiplier | None = None
    multiplier_max: Multiplier | None = None
    qualifier: ClaimQualifier
    period_years: Annotated[int, Field(ge=1, le=100)] | None = None
    since_year: Year | None = None
    note: Line | None = None

    @model_validator(mode="after")
    def _one_measure(self) -> "Growth":
        if (self.rate is None) == (self.multiplier is None):
            raise ValueError("a growth gives either a rate or a multiplier")
        return self


class _Scoped(Model):
    scope: Scope
    country: CountryCode | None = Field(None, description="The country, for country_with_region.")
    countries: list[CountryCode] = Field([], description="The two countries, for bilateral.")
    scope_note: Line | None = None

    @model_validator(mode="after")
    def _scope_complete(self) -> "_Scoped":
        if (self.scope == "country_with_region") != (self.country is not None):
            raise ValueError("a country is given exactly when the scope is country_with_region")
        if (self.scope == "bilateral") != (len(self.countries) == 2):
            raise ValueError("two countries are given exactly when the scope is bilateral")
        return self


class TradeClaim(_Scoped):
    """One stated trade figure: a value with its qualifier, or a growth, and who said it when."""

    id: ClaimDecl
    rows: list[Slug] = Field([], description="The facts table's meeting rows this claim stands for.")
    flow: Literal["trade", "exports"] = "trade"
    value: Amount | None = None
    qualifier: ClaimQualifier | None = None
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")] = "USD"
    start_value: Amount | None = None
    start_year: Year | None = None
    year: Year | None = None
    year_basis: Literal["stated", "last_year", "not_stated", "assumption"]
    year_assumption: AssumptionRef | None = None
    part_of_year: Line | None = None
    growth: list[Growth] = []
    stated_by: Speaker
    stated_on: PartialDate | None = None
    stated_on_note: Line | None = None
    occasion: Line
    confidence: Confidence
    note: Line | None = None
    refs: Refs

    @model_validator(mode="after")
    def _says_something(self) -> "TradeClaim":
        if self.value is None and not self.growth:
            raise ValueError("a claim gives a value, a growth, or both")
        if (self.value is None) != (self.qualifier is None):
            raise ValueError("a value comes with its qualifier")
        if (self.year is None) != (self.year_basis in ("not_stated", "assumption")):
            raise ValueError("a year is given exactly when it is stated or implied by 'last year'")
        if (self.year_basis == "assumption") != (self.year_assumption is not None):
            raise ValueError("year_assumption names the assumption exactly when year_basis is assumption")
        return self


class Target(_Scoped):
    """A level to reach: an amount or a multiple, by a year or within a horizon, and who set it."""

    id: TargetDecl
    claim: ClaimRef | None = Field(None, description="The claim it was stated with.")
    rows: list[Slug] = []
    value: Amount | None = None
    multiplier: Multiplier | None = None
    multiplier_max: Multiplier | None = None
    qualifier: ClaimQualifier | None = None
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")] = "USD"
    by_year: Year | None = None
    within_years: Annotated[int, Field(ge=1, le=100)] | None = None
    horizon: Line | None = None
    set_by: Speaker
    set_on: PartialDate | None = None
    occasion: Line
    confidence: Confidence
    note: Line | None = None
    refs: Refs


class Position(Model):
    text: Line
    items: list[ItemRef] = []
    refs: Refs


class Conflict(Model):
    """Sources that disagree: every position kept with its own sources, none chosen."""

    id: ConflictDecl
    topic: Line
    positions: Annotated[list[Position], Field(min_length=2)]
    note: Line | None = None


# --- entities: people, countries, cities and organisations, one id each ---------------------------

EntityKind = Literal["person", "country", "city", "organisation"]
# A country's id is its ISO 3166-1 alpha-2 code, as participants and records already name it.
EntityId = Annotated[
    str, StringConstraints(pattern=r"^(?:[A-Z]{2}|[a-z0-9]+(?:-[a-z0-9]+)*)$", max_length=64)
]


class Entity(Model):
    """One person, country, city or organisation: its name in each language, and its other names."""

    id: Annotated[EntityId, Declares("entity")]
    kind: EntityKind
    name: Text
    aliases: list[Line] = Field([], description="Other spellings, transliterations and scripts.")
    country: CountryCode | None = Field(None, description="A person's or a city's country, where known.")


class EntitiesFile(Model):
    """A file of entities alone, such as the bundled data/entities.yaml."""

    format_version: FormatVersion
    entities: Annotated[list[Entity], Field(min_length=1)]


# The sections that come from an article, each fact with its verbatim quote: they need its source.
ARTICLE_SECTIONS = (
    "meeting",
    "participants",
    "people",
    "assumptions",
    "trade",
    "statements",
    "quotes",
    "areas",
)


class MeetingFile(Model):
    """One meeting: what public reports say of it (its record, facts, trade claims, targets and
    conflicts, each with its references), and what an article says of it, when the data has one
    (its source, then every fact with a verbatim quote). The article is one more source of its
    meeting. A file gives the record, or the article's source and meeting, or both."""

    # What _a_record_or_an_article checks, said in the published schema too.
    model_config = ConfigDict(
        json_schema_extra={
            "anyOf": [{"required": ["record"]}, {"required": ["source", "meeting", "participants"]}],
            "dependentRequired": {
                name: ["source"]
                for name in (
                    "meeting",
                    "participants",
                    "people",
                    "assumptions",
                    "trade",
                    "statements",
                    "quotes",
                    "areas",
                )
            },
        }
    )

    format_version: FormatVersion
    references: list[Reference] = []
    record: MeetingRecord | None = None
    facts: list[Fact] = []
    trade_claims: list[TradeClaim] = []
    targets: list[Target] = []
    conflicts: list[Conflict] = []
    entities: list[Entity] = Field([], description="Entities of this file's own, beside the bundled ones.")
    source: Source | None = Field(None, description="The article, when the data has one of this meeting.")
    meeting: Heading | None = None
    participants: list[Participant] = []
    people: list[Person] = []
    assumptions: list[Assumption] = []
    trade: Trade | None = None
    statements: list[Point] = []
    quotes: list[DirectQuote] = []
    areas: list[Area] = []

    @model_validator(mode="after")
    def _a_record_or_an_article(self) -> "MeetingFile":
        if self.source is None:
            if self.record is None:
                raise ValueError(
                    "a meeting file gives its record (what public reports say), or an article's source "
                    "and meeting, or both"
                )
            given = [name for name in ARTICLE_SECTIONS if getattr(self, name)]
            if given:
                raise ValueError(f"{', '.join(given)}: an article's sections need its source")
        elif self.meeting is None or not self.participants:
            raise ValueError("an article's source comes with its meeting and participants")
        return self

    @property
    def has_article(self) -> bool:
        return self.source is not None


Loc = tuple[str | int, ...]


def points(summit: MeetingFile) -> Iterator[tuple[Loc, Point]]:
    """Every point, the meeting-wide statements first, then each area's, with its location."""
    for i, point in enumerate(summit.statements):
        yield ("statements", i), point
    for i, area in enumerate(summit.areas):
        for j, point in enumerate(area.points):
            yield ("areas", i, "points", j), point


SERIES_SCOPE = ("conflicts",)


def series_scoped(loc: "Loc", mark: RefersTo) -> bool:
    """Whether a reference resolves over the whole series rather than within its file."""
    return bool(loc) and loc[0] in SERIES_SCOPE and "reference" not in mark.namespaces


DataFile = MeetingFile | EntitiesFile


def model_for(value: object) -> "type[MeetingFile] | type[EntitiesFile]":
    """What a data file holds, told by the file itself: entities alone, or a meeting."""
    if isinstance(value, dict) and "entities" in value and value.keys() <= {"format_version", "entities"}:
        return EntitiesFile
    return MeetingFile


def validated(value: object) -> MeetingFile | EntitiesFile:
    """The validated model of a data file's parsed content, told by the content itself: the one
    place a value becomes a model outside the loader (snapshots, cache entries), through Pydantic's
    public API. The loader validates the same way, and places every problem in the file."""
    return model_for(value).model_validate(value)
