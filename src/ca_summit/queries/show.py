"""`ca-summit show ID`: what any id the tool prints stands for: a fact (of public reports or of an
article), a trade claim, a target, a conflict, a source, an entity, an assumption, or the article
itself; its text, its sources with their addresses, and what refers to it.

Pure: an index of the corpus's ids, built in one walk; no wording beyond the data's own (the view
words the kinds).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import NamedTuple

from ..corpus.files import Meeting
from ..corpus.models import Entity, Reference, Text, words
from ..corpus.series import Corpus, Naming
from ..errors import SummitError
from .facts import all_facts, needles
from .series_search import series_items
from .trade import DERIVED


class Detail(NamedTuple):
    key: str  # snake_case, as in JSON
    value: str


class Referrer(NamedTuple):
    id: str
    kind: str
    meeting: int | None  # the year, where the referrer belongs to one meeting


class Shown(NamedTuple):
    id: str
    kind: str  # fact, article_fact, claim, target, conflict, source, entity, assumption, document
    meetings: list[Meeting]  # where it is declared (a source may be cited by several meetings' files)
    text: Text
    details: list[Detail]
    sources: list[Reference]
    referred_by: list[Referrer]


def _same(en: str, fr: str | None = None) -> Text:
    return words(en, fr if fr is not None else en)


def _meeting_items(meeting: Meeting, naming: Naming) -> Iterator[Shown]:
    data = meeting.data
    by_id = {ref.id: ref for ref in data.references}
    for item in series_items(meeting, naming):
        details = [Detail("confidence", item.confidence)]
        if item.topic is not None:
            details.insert(0, Detail("topic", item.topic))
        if item.note:
            details.append(Detail("note", item.note))
        kind = {"meeting_fact": "fact", "trade_claim": "claim", "target": "target"}[item.kind]
        yield Shown(item.id, kind, [meeting], _same(item.text), details, item.sources, [])
    for conflict in data.conflicts:
        details = [Detail("position", p.text) for p in conflict.positions]
        if conflict.note:
            details.append(Detail("note", conflict.note))
        refs = list(dict.fromkeys(r for p in conflict.positions for r in p.refs))
        yield Shown(
            conflict.id, "conflict", [meeting], _same(conflict.topic), details, [by_id[r] for r in refs], []
        )
    for fact in all_facts(data):
        details = [Detail("kind", fact.kind), Detail("quote", fact.quote)]
        if fact.area is not None:
            details.append(Detail("area", fact.area))
        yield Shown(fact.id, "article_fact", [meeting], fact.text, details, [], [])
    if data.trade is not None:
        t = data.trade
        figures = [t.current.id, t.growth.id, *([t.potential.id] if t.potential else [])]
        years = t.growth.period_years
        for derived in DERIVED:
            formula = derived.formula.en.format(years=years)
            details = [Detail("formula", formula), *(Detail("from", figure) for figure in figures)]
            yield Shown(derived.id, "derived", [meeting], derived.label, details, [], [])
    for assumption in data.assumptions:
        yield Shown(assumption.id, "assumption", [meeting], assumption.text, [], [], [])
    if data.source is not None:
        details = [Detail("document", data.source.document), Detail("language", data.source.language)]
        text = _same(
            f"The article on the meeting of {meeting.year}", f"L’article sur la réunion de {meeting.year}"
        )
        yield Shown(data.source.id, "document", [meeting], text, details, [], [])


def _references(meeting: Meeting) -> Iterator[tuple[str, str, str]]:
    """(referrer id, its kind, the id it refers to), for the ids a meeting's file refers to."""
    data = meeting.data
    for fact in data.facts:
        yield from ((fact.id, "fact", ref) for ref in fact.refs)
    for claim in data.trade_claims:
        yield from ((claim.id, "claim", ref) for ref in claim.refs)
    for target in data.targets:
        yield from ((target.id, "target", ref) for ref in target.refs)
        if target.claim is not None:
            yield target.id, "target", target.claim
    for conflict in data.conflicts:
        for position in conflict.positions:
            yield from ((conflict.id, "conflict", ref) for ref in position.refs)
            yield from ((conflict.id, "conflict", item) for item in position.items)
    record = data.record
    if record is not None:
        for cited in (
            record.held_fact,
            record.announced_fact,
            record.venue_fact,
            record.chair.fact,
            record.documents_fact,
            *record.decisions,
            *record.proposals,
            *(a.fact for a in record.attendees),
            *(g.fact for g in record.guests),
            *(d.fact for d in record.documents),
        ):
            if cited is not None:
                yield f"record-{meeting.year}", "record", cited


def _entity(entity: Entity) -> Shown:
    details = [
        Detail("entity_kind", entity.kind),
        Detail("name_en", entity.name.en),
        Detail("name_fr", entity.name.fr),
    ]
    details += [Detail("alias", alias) for alias in entity.aliases]
    if entity.country is not None:
        details.append(Detail("country", entity.country))
    return Shown(entity.id, "entity", [], entity.name, details, [], [])


def index(corpus: Corpus, meetings: list[Meeting]) -> dict[str, list[Shown]]:
    """Every id of these meetings (and every entity), each with what refers to it."""
    found: dict[str, list[Shown]] = {}
    for meeting in meetings:
        for shown in _meeting_items(meeting, corpus.naming):
            found.setdefault(shown.id, []).append(shown)
        for ref in meeting.data.references:
            known = found.setdefault(ref.id, [])
            source = next((s for s in known if s.kind == "source"), None)
            if source is None:
                details = [Detail("url", ref.url), Detail("publisher", ref.publisher)]
                details += [Detail("published", ref.published)] if ref.published else []
                details += [Detail("language", ref.language)] if ref.language else []
                if not ref.reconfirmed:
                    details.append(Detail("reconfirmed", "false"))
                known.append(Shown(ref.id, "source", [meeting], _same(ref.publisher), details, [ref], []))
            elif meeting not in source.meetings:
                source.meetings.append(meeting)
    for entity in corpus.entities.values():
        found.setdefault(entity.id, []).append(_entity(entity))
    for meeting in meetings:
        for referrer, kind, target in dict.fromkeys(_references(meeting)):
            for shown in found.get(target, []):
                if shown.kind != "entity":
                    shown.referred_by.append(Referrer(referrer, kind, meeting.year))
    return found


def show(corpus: Corpus, which: str | None, wanted: str) -> list[Shown]:
    """What `wanted` names (usually one thing; an id a file declares again, such as a source cited
    by several meetings, is shown once); a usage error naming the closest ids when nothing does."""
    meetings = corpus.select(which)
    found = index(corpus, meetings)
    shown = found.get(wanted.strip())
    if not shown:
        if which is not None and (elsewhere := index(corpus, corpus.meetings).get(wanted.strip())):
            years = sorted({m.year for item in elsewhere for m in item.meetings})
            place = f"the meeting of {', '.join(map(str, years))}" if years else "the entities"
            raise SummitError(f"no id {wanted!r} in the meeting {which}; it is in {place}", usage=True)
        # Ids are lowercase but for countries' codes: a case-blind match comes first among the closest.
        same = [name for name in found if name.casefold() == wanted.strip().casefold()]
        close = same + difflib.get_close_matches(wanted.strip(), list(found), n=5, cutoff=0.6)
        hint = f"; the closest: {', '.join(dict.fromkeys(close))}" if close else ""
        raise SummitError(f"no id {wanted!r} in the data{hint}", usage=True)
    for item in shown:
        if item.kind == "entity":
            item.referred_by.extend(_mentions(corpus, meetings, item.id))
    return shown


def _mentions(corpus: Corpus, meetings: list[Meeting], entity_id: str) -> list[Referrer]:
    """The items whose text names the entity, by any of its names."""
    from ..corpus.folding import fold

    entity = corpus.entities[entity_id]
    wanted = needles(entity.name.en, {entity_id: entity})
    found: list[Referrer] = []
    for meeting in meetings:
        for item in series_items(meeting, corpus.naming):
            text = fold(f"{item.text} {item.note or ''}")
            if any(needle in text for needle in wanted):
                kind = {"meeting_fact": "fact", "trade_claim": "claim", "target": "target"}[item.kind]
                found.append(Referrer(item.id, kind, meeting.year))
        for fact in all_facts(meeting.data):
            text = fold(f"{fact.text.en} {fact.text.fr} {' '.join(fact.aliases)}")
            if any(needle in text for needle in wanted) or entity_id in fact.by:
                found.append(Referrer(fact.id, "article_fact", meeting.year))
    return found
