"""`ca-summit facts`, `quotes`, `countries` and `search`: every fact with its citation.

The queries return facts in both languages; views/facts.py picks one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import NamedTuple

from ..corpus.folding import NameIndex, find, fold
from ..corpus.kinds import FactKind
from ..corpus.models import (
    AmountFigure,
    DirectQuote,
    Entity,
    GrowthFigure,
    MeetingFile,
    Participant,
    Text,
    points,
)
from ..errors import SummitError
from ..render import display as d
from ..render.display import LANGS, Lang
from .base import Actors, Who


class Fact(NamedTuple):
    id: str
    kind: FactKind
    area: str | None
    text: Text
    by: tuple[str, ...]
    quote: str
    aliases: tuple[str, ...] = ()
    about_all: bool = False


def _joined(fr: str, en: str) -> Text:
    """A text we compose from the data's (a name and a role): not held to the data's own limits,
    which it may pass by joining two texts that each keep them."""
    return Text.model_construct(fr=fr, en=en)


def _text(word: Callable[[Lang], str]) -> Text:
    """Generated words, in both languages: the view picks one."""
    return _joined(word("fr"), word("en"))


def _amount_text(figure: AmountFigure, currency: str) -> Text:
    return _text(
        lambda lang: d.amount_line(figure.label.get(lang), figure.amount, currency, figure.qualifier, lang)
    )


def _growth_text(g: GrowthFigure) -> Text:
    return _text(lambda lang: d.growth_line(g.label.get(lang), g.rate, g.qualifier, g.period_years, lang))


def _novelty(of: str, area: str | None, what: Text, quote: str) -> Fact:
    """The source calling an area or a point new: the journalist's word, so by no one."""
    title = _joined(what.fr[:1].upper() + what.fr[1:], what.en[:1].upper() + what.en[1:])
    return Fact(
        f"{of}-is-new", "observation", area, _text(lambda lang: d.new_line(title.get(lang), lang)), (), quote
    )


def all_facts(summit: MeetingFile) -> Iterator[Fact]:
    m = summit.meeting
    if m is not None:
        yield Fact(
            "meeting",
            "meeting",
            None,
            _text(lambda lang: d.meeting_line(m.edition, m.name.get(lang), m.date, lang)),
            (),
            m.quote,
        )
    for p in summit.participants:
        yield Fact(
            p.code.lower(),
            "participant",
            None,
            _joined(f"{p.name.fr} ({p.code})", f"{p.name.en} ({p.code})"),
            (p.code,),
            p.quote,
            (*p.aliases, p.name.fr, p.name.en),
        )
    for person in summit.people:
        yield Fact(
            person.id,
            "person",
            None,
            _joined(f"{person.name.fr}, {person.role.fr}", f"{person.name.en}, {person.role.en}"),
            (person.id,),
            person.quote,
            tuple(person.aliases),
        )
    if summit.trade is not None:
        t = summit.trade
        for figure in (t.current, t.potential):
            if figure is not None:
                text = _amount_text(figure, t.currency)
                yield Fact(figure.id, "figure", None, text, tuple(figure.by), figure.quote)
        yield Fact(t.growth.id, "figure", None, _growth_text(t.growth), tuple(t.growth.by), t.growth.quote)
    for area in summit.areas:
        yield Fact(area.id, "area", area.id, area.title, (), area.quote)
        if area.new is not None and area.new.value:
            yield _novelty(area.id, area.id, area.title, area.new.quote)
    area_of = {id(point): area.id for area in summit.areas for point in area.points}
    for _, point in points(summit):
        yield Fact(
            point.id,
            point.kind,
            area_of.get(id(point)),
            point.text,
            tuple(point.by),
            point.quote,
            (point.subject.fr, point.subject.en) if point.subject else (),
            point.about_all,
        )
        if point.new is not None and point.new.value:
            yield _novelty(point.id, area_of.get(id(point)), point.subject or point.text, point.new.quote)
        for driver in point.drivers:
            yield Fact(
                driver.id, "driver", area_of.get(id(point)), driver.label, tuple(point.by), driver.quote
            )
    for q in summit.quotes:
        yield Fact(q.id, "quote", None, q.text, (q.speaker,) if q.speaker else (), q.quote)


class FactsRequest(NamedTuple):
    area: str | None = None
    kind: str | None = None
    meeting: str | None = None  # a year or an edition; None: the article's meeting


def facts(summit: MeetingFile, request: FactsRequest) -> list[Fact]:
    area, kind = request.area, request.kind
    if area is not None and area not in {a.id for a in summit.areas}:
        known = ", ".join(a.id for a in summit.areas)
        raise SummitError(f"no area {area!r}; the areas are: {known}", usage=True)
    return [
        fact
        for fact in all_facts(summit)
        if (area is None or fact.area == area) and (kind is None or fact.kind == kind)
    ]


class QuoteData(NamedTuple):
    quote: DirectQuote
    speaker: Who | None


def quotes(summit: MeetingFile) -> list[QuoteData]:
    actors = Actors(summit)
    return [QuoteData(q, actors.who(q.speaker, q.as_written) if q.speaker else None) for q in summit.quotes]


class CountryData(NamedTuple):
    participant: Participant
    said: list[Fact]


def _said_by(summit: MeetingFile) -> dict[str, str]:
    """Actor id to the participant it speaks for: a participant for itself, a person for their
    country."""
    country = {person.id: person.country for person in summit.people}
    country.update((p.code, p.code) for p in summit.participants)
    return country


def countries(summit: MeetingFile) -> list[CountryData]:
    """What is said by or of each participant, in one pass over the facts: each fact's text is
    folded once and read once for every participant's names (O(facts), not O(facts × names))."""
    names = NameIndex()
    for p in summit.participants:
        for name in (p.name.fr, p.name.en, *p.aliases):
            names.add(fold(name), p.code)
    speaks_for = _said_by(summit)
    said: dict[str, list[Fact]] = {p.code: [] for p in summit.participants}
    for fact in all_facts(summit):
        # Drivers repeat their statement; the meeting and participant records say nothing of anyone.
        if fact.kind in ("meeting", "participant", "driver"):
            continue
        codes = set(said) if fact.about_all else {speaks_for[ref] for ref in fact.by if ref in speaks_for}
        codes |= names.named_in(fold(fact.text.fr) + " " + fold(fact.text.en))
        for code in codes & said.keys():  # a person may be of a country that did not take part
            said[code].append(fact)
    return [CountryData(p, said[p.code]) for p in summit.participants]


# --- search ------------------------------------------------------------------------------------


class SearchRequest(NamedTuple):
    text: str
    meeting: str | None = None  # a year or an edition; None: every meeting


class Match(NamedTuple):
    """A fact that matched: a snippet of each text that matched, else of its quote or an alias
    (`elsewhere`: field name and snippet)."""

    fact: Fact
    snippets: dict[Lang, str]  # by language, where its text matched
    elsewhere: tuple[str, str] | None


def _snippet(text: str, needles: Sequence[str], width: int = 40) -> str | None:
    """Around the first of `needles` (folded) that `text` holds, or None when it holds none."""
    for needle in needles:
        span = find(text, needle)
        if span is not None:
            start, end = max(0, span[0] - width), min(len(text), span[1] + width)
            return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
    return None


def _elsewhere(fact: Fact, needles: Sequence[str]) -> tuple[str, str] | None:
    for name, value in [("quote", fact.quote), *(("alias", alias) for alias in fact.aliases)]:
        snippet = _snippet(value, needles)
        if snippet is not None:
            return name, snippet
    return None


def needles(text: str, entities: Mapping[str, Entity]) -> list[str]:
    """What to look for, folded: the text, and when it is a name of an entity (its name in a
    language, or an alias), every other name of that entity, so that Tokaïev, Tokayev, Toqaev and
    Токаев find the same."""
    needle = fold(text).strip()
    if not needle:
        raise SummitError("the search text is empty", usage=True)
    found = [needle]
    for entity in entities.values():
        every = (entity.name.en, entity.name.fr, *entity.aliases)
        names = dict.fromkeys(fold(name).strip() for name in every)
        if needle in names:
            found += [name for name in names if name not in found]
    return found


def search(summit: MeetingFile, wanted: Sequence[str]) -> list[Match]:
    """The article's facts that hold one of the `wanted` (folded) texts."""
    matches = []
    for fact in all_facts(summit):
        found = {lang: _snippet(fact.text.get(lang), wanted) for lang in LANGS}
        snippets = {lang: snippet for lang, snippet in found.items() if snippet is not None}
        elsewhere = None if snippets else _elsewhere(fact, wanted)
        if snippets or elsewhere is not None:
            matches.append(Match(fact, snippets, elsewhere))
    return matches
