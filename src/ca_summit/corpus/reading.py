"""The one way data is read: `read(PATH)` for the bundled data (None), a file, or a folder.

A folder is read recursively for YAML files (corpus/files.py), each checked on its own and then all
of them as a whole, as `validate` checks them: ids are unique across the folder, a conflict may name
facts and claims of other meetings, and a year or an edition is one meeting. The bundled data is a
folder like any other, served from its checked snapshots while they match its files. A file alone
is one meeting, checked on its own. Entities come from the bundled data/entities.yaml, from any
entities file of a folder, and from a meeting file's own `entities`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import Problem, SummitError
from .files import Meeting, data_files, data_path
from .models import (
    DataFile,
    Declares,
    EntitiesFile,
    Entity,
    Loc,
    MeetingFile,
    RefersTo,
    series_scoped,
    validated,
)
from .series import Corpus

if TYPE_CHECKING:
    from .cache import Cache
    from .crossref import Marker
    from .loader import Document

# The loader (and with it YAML) is imported where a file is read: the bundled data, read from its
# snapshots, needs neither.


@dataclass
class _Loaded:
    """A file as read: its path, its validated content, its parsed value, and the text to place
    problems in (parsed again only if a problem needs a place, when the content came from the cache
    or a snapshot)."""

    path: Path
    data: DataFile
    value: object
    text: str | None
    document: Document | None = None

    def where(self, loc: Loc) -> tuple[int, int]:
        if self.document is None:
            if self.text is None:
                return 1, 1
            from .loader import parse

            self.document = parse(self.text)
        return self.document.where(loc)


def _across_files(marker: Marker) -> bool:
    """What the checks across a folder read: ids other than the references' (each file has its own),
    and references that may resolve in another file."""
    if isinstance(marker, Declares):
        return marker.namespace != "reference"
    return isinstance(marker, RefersTo) and "reference" not in marker.namespaces


def _problem(one: _Loaded, loc: Loc, message: str) -> Problem:
    return Problem(str(one.path), *one.where(loc), ".".join(map(str, loc)), message)


def _across(loaded: list[_Loaded]) -> list[Problem]:
    """The problems of a folder as a whole: ids declared twice, references no file declares, two
    files of one meeting."""
    from .crossref import marked

    problems: list[Problem] = []
    first: dict[tuple[str, str], Path] = {}
    # One walk over each file's ids, through the fields that can hold what these checks read.
    walked = [(one, marked(one.value, type(one.data), _across_files)) for one in loaded]
    for one, found in walked:
        for loc, mark, value in found:
            if isinstance(mark, Declares) and mark.namespace != "reference" and isinstance(value, str):
                key = (mark.namespace, value)
                if key in first and first[key] != one.path:
                    problems.append(
                        _problem(one, loc, f"{mark.namespace} id {value!r} is also declared in {first[key]}")
                    )
                first.setdefault(key, one.path)
    for one, found in walked:
        for loc, mark, value in found:
            known = isinstance(mark, RefersTo) and any((space, value) in first for space in mark.namespaces)
            if isinstance(mark, RefersTo) and series_scoped(loc, mark) and not known:
                problems.append(
                    _problem(one, loc, f"unknown {' or '.join(mark.namespaces)} {value!r} in the series")
                )
    seen: dict[tuple[str, int], Path] = {}
    for one in loaded:
        if not isinstance(one.data, MeetingFile):
            continue
        meeting = Meeting(one.path, one.data)
        for what, number in (("year", meeting.year), ("edition", meeting.edition)):
            other = seen.setdefault((what, number), one.path)
            if other != one.path:
                where = ("record",) if one.data.record is not None else ("meeting",)
                problems.append(_problem(one, where, f"the meeting of {what} {number} is also in {other}"))
    return problems


def _read_one(path: Path, store: Cache | None) -> tuple[_Loaded | None, list[Problem]]:
    """One data file: from the cache when it has the file's content (see cache.py) and that content
    passes the file's own checks again, else parsed and checked in full, and then kept when it has
    no problem of its own."""
    from .loader import decode, examine, read_bytes, rechecked

    data = read_bytes(path)
    text = decode(data, path)
    entry = None if store is None else store.entry(data)  # the file hashed once, for a hit or a miss
    if store is not None and entry is not None:
        value = store.load(*entry)
        made = None if value is None else rechecked(value)
        if made is not None:
            store.use(entry[0])
            return _Loaded(path, made, value, text), []
    checked = examine(text, str(path), None)
    if checked.summit is None or checked.document is None:
        return None, checked.problems
    if store is not None and entry is not None:
        store.keep(*entry, checked.document.value)
    return _Loaded(path, checked.summit, checked.document.value, text, checked.document), []


def _opened(cached: bool) -> Cache | None:
    """This load's use of the cache, when it reads through one and the cache is on and safe."""
    from .cache import open_cache

    return open_cache() if cached else None


def check_folder(folder: Path, *, cached: bool = False) -> tuple[Corpus | None, list[Problem]]:
    """Every problem of a folder of data files, each file's first and then those across files; and
    its corpus when there is none. `cached`: read a file in full only when the cache does not have
    it, and keep each file that has no problem of its own (`validate` reads every file itself)."""
    problems: list[Problem] = []
    loaded: list[_Loaded] = []
    paths = data_files(folder)
    store = _opened(cached)
    for path in paths:
        one, found = _read_one(path, store)
        problems += found
        if one is not None:
            loaded.append(one)
    if store is not None:
        store.settle()  # once every file is read: the bound never prunes what this load used
    if not problems:
        problems = _across(loaded)
    if not problems and not any(isinstance(one.data, MeetingFile) for one in loaded):
        problems = [
            Problem(
                str(folder), 1, 1, "", "no meeting file in this folder (YAML with a record or an article)"
            )
        ]
    if problems:
        return None, problems
    return _corpus(loaded, folder), []


ENTITIES_FILE = "entities.yaml"


def _bundled_entities() -> dict[str, Entity]:
    """The bundled entities alone, which any user's file may cite, without the bundled meetings."""
    from .snapshot import snapshot_value

    path = data_path() / ENTITIES_FILE
    value = snapshot_value(path)
    if value is not None:
        made = validated(value)
    else:
        one, problems = _read_one(path, None)
        if one is None:
            raise SummitError.from_problems(problems)
        made = one.data
    assert isinstance(made, EntitiesFile)
    return {entity.id: entity for entity in made.entities}


def _corpus(loaded: list[_Loaded], source: Path | None) -> Corpus:
    is_bundled = source is None or _same(source, data_path())
    entities: dict[str, Entity] = {} if is_bundled else _bundled_entities()
    meetings: list[Meeting] = []
    for one in loaded:
        if isinstance(one.data, EntitiesFile):
            entities.update((entity.id, entity) for entity in one.data.entities)
        else:
            entities.update((entity.id, entity) for entity in one.data.entities)
            meetings.append(Meeting(one.path, one.data))
    meetings.sort(key=lambda meeting: (meeting.year, meeting.edition))
    corpus = Corpus(meetings, entities, source)
    if not is_bundled:
        corpus.warnings += _unnamed(corpus)
    return corpus


def _names(data: MeetingFile) -> Iterator[str]:
    """The people, the place and the countries a meeting's record and figures name, where an entity
    is meant. (A speaker may be a group, "experts at a round table": it is matched to an entity where
    it names one, and shown as written otherwise, without a word.)"""
    record = data.record
    if record is not None:
        yield record.city
        yield record.chair.person
        yield record.host_country
        for attendee in record.attendees:
            yield from (attendee.person, attendee.country)
        for guest in record.guests:
            yield guest.person
            if guest.country is not None:
                yield guest.country
    for figure in (*data.trade_claims, *data.targets):
        if figure.country is not None:
            yield figure.country
        yield from figure.countries


def _unnamed(corpus: Corpus) -> list[str]:
    """One line when a user's file of format 2 names people, places or countries that are no entity:
    they show as written, in every language, `search` finds them by those words alone, and `show`
    knows nothing of them. (Format 1 predates
    entities: its names are matched to entities where they can be, silently; `validate` says how to
    bring such a file up to date.)"""
    naming = corpus.naming
    current = [meeting for meeting in corpus.meetings if meeting.data.format_version >= 2]
    every = (name for meeting in current for name in _names(meeting.data))
    missing = list(dict.fromkeys(name for name in every if naming.entity(name) is None))
    if not missing:
        return []
    shown = ", ".join(repr(name) for name in missing[:3])
    shown += f" and {len(missing) - 3} more" if len(missing) > 3 else ""
    count = f"{len(missing)} names are" if len(missing) > 1 else "1 name is"
    return [
        f"{count} no entity's in {corpus.source} ({shown}): shown as written; declare them under "
        "`entities:` (with a name in each language and aliases) to give them more"
    ]


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


_bundled: list[Corpus] = []  # read once a run


def read(data: Path | None) -> Corpus:
    """What `--data` names: the bundled data (None), a folder, or one meeting file; every problem of
    every file is a SummitError."""
    if data is None:
        if not _bundled:
            _bundled.append(_read_bundled())
        return _bundled[0]
    if data.is_dir():
        corpus, problems = check_folder(data, cached=True)
        if corpus is None:
            raise SummitError.from_problems(problems, data)
        return corpus
    store = _opened(cached=True)
    one, problems = _read_one(data, store)
    if store is not None:
        store.settle()
    if one is None:
        raise SummitError.from_problems(problems)
    if not isinstance(one.data, MeetingFile):
        raise SummitError(f"{data}: holds entities, not a meeting: name a meeting file or a folder")
    return _corpus([one], data)


def _read_bundled() -> Corpus:
    """The bundled folder: from its snapshots when each matches its file (they were written from a
    check of the whole folder), validated as any file is; else read and checked as any folder."""
    from pydantic import ValidationError

    from .snapshot import snapshot_values

    values = snapshot_values()
    try:
        if values is not None:
            return _corpus([_Loaded(path, validated(value), value, None) for path, value in values], None)
    except ValidationError:
        pass  # a snapshot that matches its file's digest but not the models: read the files
    corpus, problems = check_folder(data_path(), cached=False)
    if corpus is None:
        raise SummitError.from_problems(problems, data_path())
    return corpus


__all__ = ["check_folder", "read"]
