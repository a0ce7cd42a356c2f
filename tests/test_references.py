"""References are checked from the markers in the models' types, wherever a marked field sits."""

from __future__ import annotations

from typing import Annotated

import yaml
from pydantic import Field

from ca_summit.corpus.crossref import cross_check, fields, patterns
from ca_summit.corpus.loader import check
from ca_summit.corpus.models import Area, Declares, MeetingFile, Point, RefersTo, Slug

from conftest import MINIMAL


class LinkedPoint(Point):
    """A point that names another point it answers: a reference field the checker never heard of."""

    answers: list[Annotated[Slug, RefersTo(("point",))]] = Field(default_factory=list)


class LinkedArea(Area):
    points: list[LinkedPoint]  # type: ignore[assignment]


class LinkedSummit(MeetingFile):
    areas: list[LinkedArea]  # type: ignore[assignment]
    tags: list[Annotated[Slug, Declares("tag")]] = Field(default_factory=list)


def _document(text: str) -> object:
    return yaml.safe_load(text)


def test_a_new_reference_field_is_checked_without_touching_the_checker() -> None:
    text = MINIMAL.replace(
        "        kind: statement\n", "        kind: statement\n        answers: [point, nowhere]\n"
    )
    assert cross_check(_document(text), model=LinkedSummit) == [
        (("areas", 0, "points", 0, "answers", 1), "unknown point 'nowhere'")
    ]


def test_a_new_declaring_field_joins_the_shared_id_namespace() -> None:
    text = MINIMAL + "tags: [trade, fresh]\n"
    assert cross_check(_document(text), model=LinkedSummit) == [
        (("tags", 0), "duplicate id 'trade' (first used at areas.0.id)")
    ]


def test_every_marked_place_of_the_summit() -> None:
    found = {(".".join(map(str, loc)), type(marker).__name__) for loc, marker in patterns(MeetingFile)}
    references = sorted(place for place, kind in found if kind == "RefersTo")
    assert references == [
        "areas.*.points.*.by.*",
        "areas.*.points.*.figures.*",
        "conflicts.*.positions.*.items.*",
        "conflicts.*.positions.*.refs.*",
        "facts.*.refs.*",
        "people.*.country",
        "quotes.*.speaker",
        "record.announced_fact",
        "record.attendees.*.fact",
        "record.chair.fact",
        "record.decisions.*",
        "record.documents.*.fact",
        "record.documents_fact",
        "record.guests.*.fact",
        "record.held_fact",
        "record.proposals.*",
        "record.venue_fact",
        "statements.*.by.*",
        "statements.*.figures.*",
        "targets.*.claim",
        "targets.*.refs.*",
        "trade.assumptions.*",
        "trade.base_year_assumption",
        "trade.current.by.*",
        "trade.growth.by.*",
        "trade.potential.by.*",
        "trade_claims.*.refs.*",
        "trade_claims.*.year_assumption",
    ]
    assert "areas.*.points.*.drivers.*.id" in {place for place, kind in found if kind == "Declares"}


def test_fields_without_markers_are_not_walked() -> None:
    assert set(fields(Area)) == {"id", "quote", "points", "new"}


def test_a_reference_into_a_broken_declaration_is_not_echoed() -> None:
    text = MINIMAL.replace("code: KZ", "code: kz")
    _, problems = check(text, "f.yaml")
    assert [str(p) for p in problems] == [
        "f.yaml:9:12: participants.0.code: String should match pattern '^[A-Z]{2}$'"
    ]


def test_duplicate_participant_and_unknown_actor_messages() -> None:
    text = MINIMAL.replace(
        "participants:\n", "participants:\n  - {code: KZ, name: {fr: K, en: K}, quote: le Kazakhstan}\n"
    ).replace("by: [KZ]", "by: [KZ, tokayev]")
    _, problems = check(text, "f.yaml")
    assert [str(p) for p in problems] == [
        "f.yaml:10:12: participants.1.code: duplicate participant 'KZ'",
        "f.yaml:18:18: areas.0.points.0.by.1: unknown actor 'tokayev': not a participant code or a person id",
    ]
