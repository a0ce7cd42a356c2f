"""`ca-summit areas`."""

from __future__ import annotations

from typing import NamedTuple

from ..corpus.models import Area, MeetingFile
from .base import Actors, PointData, Who


class AreaData(NamedTuple):
    number: int
    area: Area
    by: tuple[Who, ...]  # each actor once, in the order they first speak
    points: tuple[PointData, ...]


def _area_by(points: tuple[PointData, ...]) -> tuple[Who, ...]:
    seen: dict[str, Who] = {}
    for data in points:
        for who in data.by:
            seen.setdefault(who.id, who)
    return tuple(seen.values())


def _area(actors: Actors, number: int, area: Area) -> AreaData:
    points = tuple(actors.point(point) for point in area.points)
    return AreaData(number, area, _area_by(points), points)


def areas(summit: MeetingFile) -> list[AreaData]:
    actors = Actors(summit)
    return [_area(actors, number, area) for number, area in enumerate(summit.areas, start=1)]
