"""Pydantic models of the meeting series: what public reports say of each meeting, every fact with
its sources, and a data file that adds them to its article (Summit).

Apart from models.py so that the commands about the article neither import nor build them. Built
on first use, as the article's are: the bundled series is made from its checked snapshot without
validation (construct.py), so only a user's files, and `validate`, pay for building them.
"""

# No `from __future__ import annotations` here: Pydantic would have to eval every annotation
# string at import, and that compile step is a measurable part of start-up.

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, Field, StringConstraints, model_validator

from . import models
from .limits import RATE_MAX
from .models import (
    Amount,
    Article,
    CountryCode,
    Declares,
    FormatVersion,
    IsoDate,
    Line,
    Rate,
    RefersTo,
    Slug,
    Year,
    _iso_date,
)


class Model(BaseModel):
    # The article models' rules: strict, frozen, no unknown key, built on first use.
    model_config = models.Model.model_config


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
    edition: Annotated[int, Field(ge=1)]
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


class MeetingFile(Model):
    """A meeting without an article: only the series sections, and the record is required."""

    format_version: FormatVersion
    references: Annotated[list[Reference], Field(min_length=1)]
    record: MeetingRecord
    facts: Annotated[list[Fact], Field(min_length=1)]
    trade_claims: list[TradeClaim] = []
    targets: list[Target] = []
    conflicts: list[Conflict] = []


class Summit(Article):
    """A data file: the article, and what public reports add to it for the meeting series, each
    fact with its sources. The commands about the article read only the article's part."""

    references: "list[Reference]" = []  # noqa: RUF012 (Pydantic copies defaults)
    record: "MeetingRecord | None" = None
    facts: "list[Fact]" = []  # noqa: RUF012 (Pydantic copies defaults)
    trade_claims: "list[TradeClaim]" = []  # noqa: RUF012 (Pydantic copies defaults)
    targets: "list[Target]" = []  # noqa: RUF012 (Pydantic copies defaults)
    conflicts: "list[Conflict]" = []  # noqa: RUF012 (Pydantic copies defaults)


def model_for(value: object) -> "type[Summit] | type[MeetingFile]":
    """What a data file holds, told by the file itself: an article's Summit when it names its
    article `source`, else a meeting of the series as public reports tell it."""
    return Summit if isinstance(value, dict) and "source" in value else MeetingFile
