"""`ca-summit trade`: the figures, their bounds, and projections."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import NamedTuple

from .. import display as d
from .. import growth
from ..display import Bound, Lang
from ..errors import SummitError
from ..models import Summit, Trade
from ..views.base import Assumption, Metric
from ..views.trade import PathPoint, Period, Projection, TradeView

LAST_YEAR = 9999
PATH_MAX_YEARS = 100
NEVER_HORIZON = 10  # years shown when the target is never reached


class Known(NamedTuple):
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
        raise SummitError(
            f"base year {base} leaves no room for the {years}-year period before it",
            usage=base_year is not None,
        )
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
    # The path stops early where a value, or its share of the target, would not be a finite number.
    path = []
    for step in growth.path(current.value, rate.value, end - base):
        progress = step.value / target.value
        if not math.isfinite(progress):
            break
        path.append(PathPoint(year=base + step.period, value=step.value, progress=progress))
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
        path=path,
        path_truncated=end < horizon or len(path) < end - base + 1,
    )
