"""`ca-summit facts`, `quotes`, `countries` and `search`: every fact with its citation."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import NamedTuple

from .. import display as d
from ..display import Lang
from ..errors import SummitError
from ..models import AmountFigure, GrowthFigure, Summit, Text, points
from ..views.facts import (
    CountriesView,
    CountryView,
    FactKind,
    FactsView,
    FactView,
    Hit,
    QuotesView,
    QuoteView,
    Said,
    SearchView,
)
from .base import actor


class _Fact(NamedTuple):
    id: str
    kind: FactKind
    area: str | None
    text: Text
    by: tuple[str, ...]
    quote: str
    aliases: tuple[str, ...] = ()
    about_all: bool = False

    def view(self, lang: Lang) -> FactView:
        return FactView(
            id=self.id,
            kind=self.kind,
            area=self.area,
            text=self.text.get(lang),
            by=list(self.by),
            quote=self.quote,
        )


def _ordinal(n: int, lang: Lang) -> str:
    if lang == "fr":
        return "1re" if n == 1 else f"{n}e"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _meeting_text(summit: Summit, lang: Lang) -> str:
    m = summit.meeting
    return f"{_ordinal(m.edition, lang)} {m.name.get(lang)}, {m.date.isoformat()}"


def _amount_text(figure: AmountFigure, currency: str, lang: Lang) -> str:
    return f"{figure.label.get(lang)}: " + d.qualified(
        d.amount(figure.amount, currency, lang), figure.qualifier
    )


def _growth_text(figure: GrowthFigure, lang: Lang) -> str:
    over = d.tr(lang, f" over {figure.period_years} years", f" en {figure.period_years} ans")
    return (
        f"{figure.label.get(lang)}: " + d.qualified(d.percent(figure.rate, lang, 1), figure.qualifier) + over
    )


def _novelty(of: str, area: str | None, what: Text, quote: str) -> _Fact:
    """The source calling an area or a point new: the journalist's word, so by no one."""
    fr, en = (what.fr[:1].upper() + what.fr[1:], what.en[:1].upper() + what.en[1:])
    return _Fact(
        f"{of}-is-new", "observation", area, Text(fr=f"{fr} : une nouveauté", en=f"{en}: new"), (), quote
    )


def _all_facts(summit: Summit) -> Iterator[_Fact]:
    m = summit.meeting
    yield _Fact(
        "meeting",
        "meeting",
        None,
        Text(fr=_meeting_text(summit, "fr"), en=_meeting_text(summit, "en")),
        (),
        m.quote,
    )
    for p in summit.participants:
        yield _Fact(
            p.code.lower(),
            "participant",
            None,
            Text(fr=f"{p.name.fr} ({p.code})", en=f"{p.name.en} ({p.code})"),
            (p.code,),
            p.quote,
            (*p.aliases, p.name.fr, p.name.en),
        )
    for person in summit.people:
        yield _Fact(
            person.id,
            "person",
            None,
            Text(fr=f"{person.name.fr}, {person.role.fr}", en=f"{person.name.en}, {person.role.en}"),
            (person.id,),
            person.quote,
            tuple(person.aliases),
        )
    if summit.trade is not None:
        t = summit.trade
        for figure in (t.current, t.potential):
            if figure is not None:
                text = Text(
                    fr=_amount_text(figure, t.currency, "fr"), en=_amount_text(figure, t.currency, "en")
                )
                yield _Fact(figure.id, "figure", None, text, tuple(figure.by), figure.quote)
        g = t.growth
        yield _Fact(
            g.id,
            "figure",
            None,
            Text(fr=_growth_text(g, "fr"), en=_growth_text(g, "en")),
            tuple(g.by),
            g.quote,
        )
    area_of = {id(point): area.id for area in summit.areas for point in area.points}
    for area in summit.areas:
        yield _Fact(area.id, "area", area.id, area.title, (), area.quote)
        if area.new is not None and area.new.value:
            yield _novelty(area.id, area.id, area.title, area.new.quote)
    for _, point in points(summit):
        yield _Fact(
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
            yield _Fact(
                driver.id, "driver", area_of.get(id(point)), driver.label, tuple(point.by), driver.quote
            )
    for q in summit.quotes:
        yield _Fact(q.id, "quote", None, q.text, (q.speaker,) if q.speaker else (), q.quote)


def facts(summit: Summit, lang: Lang, *, area: str | None = None, kind: str | None = None) -> FactsView:
    if area is not None and area not in {a.id for a in summit.areas}:
        known = ", ".join(a.id for a in summit.areas)
        raise SummitError(f"no area {area!r}; the areas are: {known}", usage=True)
    return FactsView(
        [
            fact.view(lang)
            for fact in _all_facts(summit)
            if (area is None or fact.area == area) and (kind is None or fact.kind == kind)
        ]
    )


def quotes(summit: Summit, lang: Lang) -> QuotesView:
    return QuotesView(
        [
            QuoteView(
                id=q.id,
                speaker=actor(summit, q.speaker, q.as_written, lang) if q.speaker else None,
                french=q.text.fr,
                english=q.text.en,
                context=q.context.get(lang) if q.context else None,
                quote=q.quote,
            )
            for q in summit.quotes
        ]
    )


def countries(summit: Summit, lang: Lang) -> CountriesView:
    # Drivers repeat their statement, and the meeting and participant records say nothing of anyone.
    everything = [f for f in _all_facts(summit) if f.kind not in ("meeting", "participant", "driver")]
    folded = [fold(f.text.fr) + " " + fold(f.text.en) for f in everything]
    result = []
    for p in summit.participants:
        people = {person.id for person in summit.people if person.country == p.code}
        names = [fold(name) for name in (p.name.fr, p.name.en, *p.aliases)]
        said = [
            Said(id=f.id, kind=f.kind, text=f.text.get(lang), quote=f.quote)
            for f, text in zip(everything, folded, strict=True)
            if f.about_all
            or p.code in f.by
            or people & set(f.by)
            or any(_contains(text, name) for name in names)
        ]
        result.append(
            CountryView(code=p.code, name=p.name.get(lang), name_en=p.name.en, name_fr=p.name.fr, said=said)
        )
    return CountriesView(result)


# --- search ------------------------------------------------------------------------------------


def _fold_char(char: str) -> str:
    if char in "’‘ʼ`´":
        return "'"
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold(text: str) -> str:
    """Case- and accent-free text, for matching: `TOKAÏEV` and `tokaiev` fold alike."""
    return re.sub(r"\s+", " ", "".join(_fold_char(c) for c in text))


def _contains(haystack: str, needle: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(needle), haystack) is not None


def _find(text: str, needle: str) -> tuple[int, int] | None:
    """Where the folded needle occurs in text, as a span of the original text."""
    folded: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        for piece in _fold_char(char):
            if piece.isspace():
                if folded and folded[-1] == " ":
                    continue  # runs of white space fold to one, as in fold()
                piece = " "
            folded.append(piece)
            origin.append(index)
    joined = "".join(folded)
    at = joined.find(needle)
    if at < 0:
        return None
    return origin[at], origin[at + len(needle) - 1] + 1


def _snippet(text: str, span: tuple[int, int], width: int = 40) -> str:
    start, end = max(0, span[0] - width), min(len(text), span[1] + width)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def search(summit: Summit, lang: Lang, text: str) -> SearchView:
    needle = fold(text).strip()
    if not needle:
        raise SummitError("the search text is empty", usage=True)
    hits = []
    for fact in _all_facts(summit):
        fields = [
            (f"text_{lang}", fact.text.get(lang)),
            ("text_en" if lang == "fr" else "text_fr", fact.text.en if lang == "fr" else fact.text.fr),
            ("quote", fact.quote),
        ]
        fields += [("alias", alias) for alias in fact.aliases]
        for name, value in fields:
            span = _find(value, needle)
            if span is not None:
                hits.append(
                    Hit(
                        id=fact.id,
                        kind=fact.kind,
                        area=fact.area,
                        field=name,
                        snippet=_snippet(value, span),
                        text=fact.text.get(lang),
                        quote=fact.quote,
                    )
                )
                break
    return SearchView(query=text, count=len(hits), hits=hits)
