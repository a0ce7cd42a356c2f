"""What several queries share: who said what, resolved once, in both languages."""

from __future__ import annotations

from typing import NamedTuple

from ..corpus.models import MeetingFile, Point, Text
from ..errors import SummitError


class Who(NamedTuple):
    """An actor as the data names it, in both languages."""

    id: str
    name: Text
    as_written: str | None


class PointData(NamedTuple):
    point: Point
    by: tuple[Who, ...]


class Actors:
    """Participants and people by id, indexed once so that resolving a reference costs O(1)."""

    def __init__(self, summit: MeetingFile) -> None:
        self._names: dict[str, Text] = {}
        # A participant wins over a person of the same id, as the data's reader expects.
        for person in summit.people:
            self._names.setdefault(person.id, person.name)
        for participant in summit.participants:
            self._names[participant.code] = participant.name

    def who(self, ref: str, as_written: str | None) -> Who:
        name = self._names.get(ref)
        if name is None:
            raise SummitError(f"unknown actor {ref!r}")  # cross_check makes this unreachable
        return Who(ref, name, as_written)

    def point(self, point: Point) -> PointData:
        return PointData(point, tuple(self.who(ref, point.as_written) for ref in point.by))
