"""A corpus: the meetings that `--data` names, in order, with the entities they may cite; and which
of them a command is about (`--meeting`).

A four-digit number is a year, a smaller one an edition. A command about one meeting reads the
article's (DEFAULT_YEAR) unless told otherwise; a folder without it that holds one meeting means that
one. A meeting that is not there is a usage error that lists those that are.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import SummitError
from .files import Meeting

if TYPE_CHECKING:
    from .models import Entity, Text

DEFAULT_YEAR = 2023  # the article's meeting: the design card's data/summit_2023.yaml
FIRST_YEAR = 1000  # below: an edition; from here on: a year
MEETING_HELP = "A meeting, by the year it was held (2018) or its edition (1)."


class Naming:
    """The entities, found by id or by any of their names (case, accents and apostrophes folded):
    what a person, a city or a speaker written in a data file stands for."""

    def __init__(self, entities: Mapping[str, Entity]) -> None:
        self.entities = entities
        self._by_name: dict[str, Entity] | None = None

    def entity(self, value: str) -> Entity | None:
        found = self.entities.get(value)
        if found is not None:
            return found
        if self._by_name is None:
            from .folding import fold

            self._by_name = {}
            for entity in self.entities.values():
                for name in (entity.name.en, entity.name.fr, *entity.aliases):
                    self._by_name.setdefault(fold(name).strip(), entity)
        from .folding import fold

        return self._by_name.get(fold(value).strip())

    def text(self, value: str) -> Text:
        """The entity's name in each language, or the value itself where it names no entity."""
        from .models import words

        entity = self.entity(value)
        return entity.name if entity is not None else words(value, value)


@dataclass
class Corpus:
    meetings: list[Meeting]  # by year, then edition
    entities: dict[str, Entity]
    source: Path | None  # what --data named; None: the bundled data
    warnings: list[str] = field(default_factory=list)

    @cached_property
    def naming(self) -> Naming:
        return Naming(self.entities)

    def listing(self) -> str:
        return ", ".join(meeting.label for meeting in self.meetings) or "none"

    def find(self, which: str) -> Meeting:
        """The meeting of a year or an edition, given as text; a usage error listing those there are."""
        try:
            value = int(which.strip())
        except ValueError:
            problem = f"{which!r} is not a meeting (a year such as 2018, or an edition such as 1)"
            raise self._not_there(problem) from None
        year = value >= FIRST_YEAR
        for meeting in self.meetings:
            if (meeting.year if year else meeting.edition) == value:
                return meeting
        raise self._not_there(f"no meeting {'held in' if year else 'of edition'} {value}")

    def one(self, which: str | None) -> Meeting:
        """The meeting a one-meeting command is about: `which`, else the default one."""
        if which is not None:
            return self.find(which)
        for meeting in self.meetings:
            if meeting.year == DEFAULT_YEAR:
                return meeting
        if len(self.meetings) == 1:
            return self.meetings[0]
        raise self._not_there(f"no meeting held in {DEFAULT_YEAR}, the default; choose one with --meeting")

    def select(self, which: str | None) -> list[Meeting]:
        """The meetings a listing is about: every one, or the one `which` names."""
        return list(self.meetings) if which is None else [self.find(which)]

    def _not_there(self, problem: str) -> SummitError:
        return SummitError(f"{problem}; the meetings are: {self.listing()}", usage=True)


__all__ = ["DEFAULT_YEAR", "MEETING_HELP", "Corpus", "Naming"]
