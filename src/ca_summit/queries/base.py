"""Helpers the queries share: actors and points as views."""

from __future__ import annotations

from ..display import Lang
from ..errors import SummitError
from ..models import Point, Summit
from ..views.base import Actor, Driver, PointView


def actor(summit: Summit, ref: str, as_written: str | None, lang: Lang) -> Actor:
    for participant in summit.participants:
        if participant.code == ref:
            return Actor(id=ref, name=participant.name.get(lang), as_written=as_written)
    for person in summit.people:
        if person.id == ref:
            return Actor(id=ref, name=person.name.get(lang), as_written=as_written)
    raise SummitError(f"unknown actor {ref!r}")  # cross_check makes this unreachable


def actors(summit: Summit, point: Point, lang: Lang) -> list[Actor]:
    return [actor(summit, ref, point.as_written, lang) for ref in point.by]


def point_view(summit: Summit, point: Point, lang: Lang) -> PointView:
    return PointView(
        id=point.id,
        kind=point.kind,
        text=point.text.get(lang),
        by=actors(summit, point, lang),
        subject=point.subject.get(lang) if point.subject else None,
        figures=list(point.figures),
        drivers=[Driver(id=v.id, label=v.label.get(lang), quote=v.quote) for v in point.drivers],
        is_new=point.new.value if point.new else None,
        is_new_quote=point.new.quote if point.new else None,
        quote=point.quote,
    )
