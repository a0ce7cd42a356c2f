"""What each command asks of a Summit: pure functions from validated models to views."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from . import display as d
from . import growth
from .display import Bound, Lang
from .errors import SummitError
from .models import AmountFigure, Area, GrowthFigure, Point, Summit, Text, Trade, points
from .views import (
    Actor,
    AreaLine,
    AreasView,
    AreaView,
    Assumption,
    CountriesView,
    CountryView,
    Driver,
    FactKind,
    FactsView,
    FactView,
    Hit,
    MeetingView,
    Metric,
    PathPoint,
    Period,
    PointView,
    Projection,
    QuotesView,
    QuoteView,
    Said,
    SearchView,
    SummaryView,
    TradeView,
)

LAST_YEAR = 9999
PATH_MAX_YEARS = 100
NEVER_HORIZON = 10  # years shown when the target is never reached


# --- actors and areas --------------------------------------------------------------------------


def _actor(summit: Summit, ref: str, as_written: str | None, lang: Lang) -> Actor:
    for participant in summit.participants:
        if participant.code == ref:
            return Actor(id=ref, name=participant.name.get(lang), as_written=as_written)
    for person in summit.people:
        if person.id == ref:
            return Actor(id=ref, name=person.name.get(lang), as_written=as_written)
    raise SummitError(f"unknown actor {ref!r}")  # cross_check makes this unreachable


def _actors(summit: Summit, point: Point, lang: Lang) -> list[Actor]:
    return [_actor(summit, ref, point.as_written, lang) for ref in point.by]


def _point(summit: Summit, point: Point, lang: Lang) -> PointView:
    return PointView(
        id=point.id,
        kind=point.kind,
        text=point.text.get(lang),
        by=_actors(summit, point, lang),
        subject=point.subject.get(lang) if point.subject else None,
        figures=list(point.figures),
        drivers=[Driver(id=v.id, label=v.label.get(lang), quote=v.quote) for v in point.drivers],
        quote=point.quote,
    )


def _area_by(summit: Summit, area: Area, lang: Lang) -> list[Actor]:
    seen: dict[str, Actor] = {}
    for point in area.points:
        for actor in _actors(summit, point, lang):
            seen.setdefault(actor.id, actor)
    return list(seen.values())


def areas(summit: Summit, lang: Lang) -> AreasView:
    return AreasView(
        [
            AreaView(
                id=area.id,
                number=number,
                title=area.title.get(lang),
                summary=" ".join(point.text.get(lang) for point in area.points),
                by=_area_by(summit, area, lang),
                is_new=area.new.value if area.new else None,
                is_new_quote=area.new.quote if area.new else None,
                points=[_point(summit, point, lang) for point in area.points],
                quote=area.quote,
            )
            for number, area in enumerate(summit.areas, start=1)
        ]
    )


# --- trade -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Known:
    """A number with what the source's wording lets us say of it."""

    value: float
    bound: Bound | None = None
    approximate: bool = False


_QUALIFIER_BOUND: dict[str, Bound] = {"more_than": "lower", "less_than": "upper"}
_FLIPPED: dict[Bound, Bound] = {"lower": "upper", "upper": "lower"}


def _from_qualifier(value: float, qualifier: str) -> Known:
    return Known(value, _QUALIFIER_BOUND.get(qualifier), qualifier in ("approaching", "about"))


def _flip(bound: Bound | None) -> Bound | None:
    return None if bound is None else _FLIPPED[bound]


def _combine(value: float, rising: Iterable[Known], falling: Iterable[Known]) -> Known:
    """The bound of a result that rises with some inputs and falls with others."""
    rising, falling = list(rising), list(falling)
    bounds = {k.bound for k in rising} | {_flip(k.bound) for k in falling}
    bounds.discard(None)
    approximate = any(k.approximate for k in rising + falling) or len(bounds) > 1
    bound = bounds.pop() if len(bounds) == 1 else None
    return Known(value, bound, approximate)


def _trade(summit: Summit) -> Trade:
    if summit.trade is None:
        raise SummitError("this data file has no trade figures")
    return summit.trade


def _metric(
    id: str, label: str, known: Known, unit: str, basis: str, stated: tuple[str, str] | None = None
) -> Metric:
    """A metric; `stated` is (qualifier, quote) for a figure the source gives."""
    return Metric(
        id=id,
        label=label,
        value=known.value,
        unit=unit,
        bound=known.bound,
        approximate=known.approximate,
        qualifier=stated[0] if stated else None,
        derived=stated is None,
        basis=basis,
        quote=stated[1] if stated else None,
    )


def trade(
    summit: Summit,
    lang: Lang,
    *,
    target: float | None = None,
    rate: float | None = None,
    by_year: int | None = None,
    base_year: int | None = None,
) -> TradeView:
    t = _trade(summit)
    tr = d.tr
    base = t.base_year if base_year is None else base_year
    years = t.growth.period_years
    if base - years < 1:
        raise SummitError(f"--base-year {base} leaves no room for the {years}-year period", usage=True)
    period = Period(start_year=base - years, end_year=base, years=years)
    current = _from_qualifier(t.current.amount, t.current.qualifier)
    rise = _from_qualifier(t.growth.rate, t.growth.qualifier)
    implied = _combine(growth.compound_rate(rise.value, years), [rise], [])
    start = _combine(growth.start_value(current.value, rise.value), [current], [rise])
    c = t.currency
    stated = tr(lang, "stated", "chiffre de l’article")
    metrics = [
        _metric(
            t.current.id,
            t.current.label.get(lang),
            current,
            c,
            f"{stated}; {tr(lang, 'year', 'année')} {base}",
            (t.current.qualifier, t.current.quote),
        ),
        _metric(
            t.growth.id,
            t.growth.label.get(lang),
            rise,
            "fraction",
            f"{stated}; {period.start_year}–{period.end_year}",
            (t.growth.qualifier, t.growth.quote),
        ),
        _metric(
            "trade-at-period-start",
            tr(lang, f"trade in {period.start_year}", f"commerce en {period.start_year}"),
            start,
            c,
            tr(lang, "derived: value / (1 + growth)", "calculé : valeur / (1 + hausse)"),
        ),
        _metric(
            "implied-annual-growth",
            tr(lang, "implied annual growth", "croissance annuelle implicite"),
            implied,
            "fraction_per_year",
            tr(lang, f"derived: (1 + growth)^(1/{years}) − 1", f"calculé : (1 + hausse)^(1/{years}) − 1"),
        ),
    ]
    if t.potential is not None:
        potential = _from_qualifier(t.potential.amount, t.potential.qualifier)
        needed = growth.growth_between(current.value, potential.value)
        metrics.append(
            _metric(
                t.potential.id,
                t.potential.label.get(lang),
                potential,
                c,
                stated,
                (t.potential.qualifier, t.potential.quote),
            )
        )
        if needed is not None:
            metrics.append(
                _metric(
                    "growth-to-potential",
                    tr(lang, "growth still needed", "hausse encore nécessaire"),
                    _combine(needed, [potential], [current]),
                    "fraction",
                    tr(lang, "derived: potential / value − 1", "calculé : potentiel / valeur − 1"),
                )
            )
    assumption_ids = list(t.assumptions)
    if t.base_year_assumption and base_year is None:
        assumption_ids.insert(0, t.base_year_assumption)
    texts = {a.id: a.text.get(lang) for a in summit.assumptions}
    projection = None
    if target is not None:
        chosen = implied if rate is None else Known(rate)
        projection = _project(current, Known(target), chosen, rate is None, base, by_year)
    elif rate is not None or by_year is not None:
        raise SummitError("--rate and --by need a target: add --project AMOUNT", usage=True)
    return TradeView(
        currency=c,
        base_year=base,
        base_year_assumed=base_year is None and t.base_year_assumption is not None,
        period=period,
        metrics=metrics,
        assumptions=[Assumption(id=i, text=texts[i]) for i in assumption_ids],
        projection=projection,
    )


def _project(
    current: Known, target: Known, rate: Known, implied: bool, base: int, by_year: int | None
) -> Projection:
    if by_year is not None and by_year <= base:
        raise SummitError(f"--by {by_year} must come after the base year {base}", usage=True)
    needed = growth.growth_between(current.value, target.value)
    if needed is None:  # the amount bounds keep this finite; a guard, not a path
        raise SummitError("the target is too far from the current value to compare")
    years = growth.periods_to_reach(current.value, target.value, rate.value)
    already = target.value <= current.value
    target_year: int | None = None
    if already:
        status = "already_reached"
        target_year = base
    elif years is None:
        status = "never_reached"
    else:
        year = base + math.ceil(years - 1e-9)  # a float hair above a whole year is that year
        status = "reached" if year <= LAST_YEAR else "beyond_horizon"
        target_year = year if year <= LAST_YEAR else None
    years_known = _combine(years or 0.0, [target], [current, rate])
    required = None
    if by_year is not None and not already:
        required = growth.rate_to_reach(current.value, target.value, by_year - base)
    horizon = target_year if target_year is not None else base + NEVER_HORIZON
    if status == "beyond_horizon":
        horizon = LAST_YEAR
    horizon = max(horizon, by_year or base)
    end = min(horizon, base + PATH_MAX_YEARS, LAST_YEAR)
    steps = growth.path(current.value, rate.value, end - base)
    return Projection(
        target=target.value,
        current=current.value,
        base_year=base,
        rate=rate.value,
        rate_source="implied" if implied else "given",
        rate_bound=rate.bound,
        status=status,
        already_reached=already,
        years_to_target=years,
        years_bound=years_known.bound if years and not already else None,
        target_year=target_year,
        growth_needed=needed,
        by_year=by_year,
        required_rate=required,
        path=[PathPoint(year=base + s.period, value=s.value, progress=s.value / target.value) for s in steps],
        path_truncated=end < horizon,
    )


# --- facts -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Fact:
    id: str
    kind: FactKind
    area: str | None
    text: Text
    by: tuple[str, ...]
    quote: str
    aliases: tuple[str, ...] = ()

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
            g.id, "figure", None, Text(fr=_growth_text(g, "fr"), en=_growth_text(g, "en")), (), g.quote
        )
    area_of = {id(point): area.id for area in summit.areas for point in area.points}
    for area in summit.areas:
        yield _Fact(area.id, "area", area.id, area.title, (), area.quote)
        if area.new is not None and area.new.value:
            yield _Fact(
                f"{area.id}-is-new",
                "observation",
                area.id,
                Text(fr=f"{area.title.fr} : une nouveauté", en=f"{area.title.en}: new"),
                (),
                area.new.quote,
            )
    for _, point in points(summit):
        yield _Fact(
            point.id,
            point.kind,
            area_of.get(id(point)),
            point.text,
            tuple(point.by),
            point.quote,
            (point.subject.fr, point.subject.en) if point.subject else (),
        )
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
                speaker=_actor(summit, q.speaker, q.as_written, lang) if q.speaker else None,
                french=q.text.fr,
                english=q.text.en,
                context=q.context.get(lang) if q.context else None,
                quote=q.quote,
            )
            for q in summit.quotes
        ]
    )


def countries(summit: Summit, lang: Lang) -> CountriesView:
    everything = [f for f in _all_facts(summit) if f.kind not in ("meeting", "participant")]
    result = []
    for p in summit.participants:
        people = {person.id for person in summit.people if person.country == p.code}
        names = [fold(name) for name in (p.name.fr, p.name.en, *p.aliases)]
        said = [
            Said(id=f.id, kind=f.kind, text=f.text.get(lang), quote=f.quote)
            for f in everything
            if p.code in f.by
            or people & set(f.by)
            or any(_contains(fold(f.text.fr) + " " + fold(f.text.en), name) for name in names)
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
            folded.append(" " if piece.isspace() else piece)
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


# --- summary -----------------------------------------------------------------------------------


def summary(summit: Summit, lang: Lang) -> SummaryView:
    m = summit.meeting
    figures: list[Metric] = []
    assumptions: list[Assumption] = []
    if summit.trade is not None:
        view = trade(summit, lang)
        stated = {summit.trade.current.id, summit.trade.growth.id}
        if summit.trade.potential is not None:
            stated.add(summit.trade.potential.id)
        figures = [metric for metric in view.metrics if metric.id in stated]
        assumptions = view.assumptions
    return SummaryView(
        meeting=MeetingView(
            name=m.name.get(lang),
            edition=m.edition,
            date=m.date,
            speaker=_actor(summit, m.speaker, None, lang) if m.speaker else None,
            quote=m.quote,
        ),
        participants=[Actor(id=p.code, name=p.name.get(lang), as_written=None) for p in summit.participants],
        figures=figures,
        areas=[
            AreaLine(
                id=a.id,
                title=a.title.get(lang),
                summary=a.points[0].text.get(lang),
                is_new=a.new.value if a.new else None,
            )
            for a in summit.areas
        ],
        assumptions=assumptions,
    )
