"""`ca-summit trade`: the figures, what can be said of them, and projections. No wording here."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal, NamedTuple

from .. import growth
from ..corpus.models import Assumption, ClaimQualifier, MeetingFile, Qualifier, Text, Trade, words
from ..errors import SummitError
from ..growth import Known, Status, combine

if TYPE_CHECKING:
    from ..corpus.files import Meeting

LAST_YEAR = 9999
PATH_MAX_YEARS = 100
NEVER_HORIZON = 10  # years shown when the target is never reached


class StartFigure(NamedTuple):
    """A reported figure a projection starts from (--from CLAIM_ID), instead of the article's."""

    claim: str
    value: float
    qualifier: ClaimQualifier
    year: int


class TradeRequest(NamedTuple):
    target: float | None = None
    rate: float | None = None  # None: the rate the stated figures imply
    by_year: int | None = None  # also the rate that reaches the target by this year
    base_year: int | None = None  # None: the data's
    history: bool = False  # also every claim of the meeting series
    meeting: str | None = None  # a year or an edition: the meeting (for --history, a filter)
    start: StartFigure | None = None  # --from: a reported figure to project from
    since: int | None = None  # --history: only figures for this year or later
    until: int | None = None  # --history: only figures for this year or earlier


class RequestProblem(NamedTuple):
    """A request that cannot be answered, named by TradeRequest's fields: the caller words them."""

    kind: Literal["needs_target", "by_not_after_base", "no_room_for_period"]
    base_year: int
    by_year: int | None
    period_years: int

    def describe(self, names: Mapping[str, str] | None = None) -> str:
        """The problem in words; `names` says how the caller spells each field (its options)."""
        name = {field: field for field in TradeRequest._fields} | dict(names or {})
        if self.kind == "needs_target":
            return f"{name['rate']} and {name['by_year']} need a target ({name['target']})"
        if self.kind == "by_not_after_base":
            return f"{name['by_year']} {self.by_year} must come after the base year {self.base_year}"
        return f"base year {self.base_year} leaves no room for the {self.period_years}-year period before it"


def check_request(summit: MeetingFile, request: TradeRequest) -> RequestProblem | None:
    """What is wrong with the request itself (a usage error), if anything, before `trade` runs."""
    if summit.trade is None:
        return None  # a data problem, which `trade` reports
    base = summit.trade.base_year if request.base_year is None else request.base_year
    if request.start is not None:
        base = request.start.year
    years = summit.trade.growth.period_years
    if request.target is None and (request.rate is not None or request.by_year is not None):
        return RequestProblem("needs_target", base, request.by_year, years)
    if request.base_year is not None and base - years < 1:
        return RequestProblem("no_room_for_period", base, request.by_year, years)
    if request.target is not None and request.by_year is not None and request.by_year <= base:
        return RequestProblem("by_not_after_base", base, request.by_year, years)
    return None


class Span(NamedTuple):
    start_year: int
    end_year: int
    years: int


class PathStep(NamedTuple):
    year: int
    value: Known
    progress: Known  # value / target


class ProjectionResult(NamedTuple):
    target: float
    current: Known
    current_qualifier: Qualifier
    base_year: int
    rate: Known
    rate_source: Literal["implied", "given"]
    status: Status
    years_to_target: Known | None
    target_year: int | None
    growth_needed: Known
    by_year: int | None
    required_rate: Known | None
    path: list[PathStep]
    path_truncated: bool
    start_claim: str | None = None  # --from: the reported figure the path starts from


class TradeResult(NamedTuple):
    trade: Trade
    base_year: int
    base_year_source: Literal["data", "assumed", "given"]
    period: Span
    current: Known
    growth: Known
    start: Known  # the trade in the period's first year
    implied: Known  # the yearly pace over the period
    potential: Known | None
    to_potential: Known | None  # the growth from the current figure to the potential
    assumptions: list[Assumption]
    projection: ProjectionResult | None


class Derived(NamedTuple):
    """A figure computed from the stated ones: its id, what it is, and how it is computed
    ({years}: the period's length)."""

    id: str
    label: Text
    formula: Text


DERIVED = (
    Derived(
        "trade-at-period-start",
        words("trade in the period's first year", "commerce la première année de la période"),
        words("value / (1 + growth)", "valeur / (1 + hausse)"),
    ),
    Derived(
        "implied-annual-growth",
        words("implied annual growth", "croissance annuelle implicite"),
        words("(1 + growth)^(1/{years}) − 1", "(1 + hausse)^(1/{years}) − 1"),
    ),
    Derived(
        "growth-to-potential",
        words("growth still needed", "hausse encore nécessaire"),
        words("potential / value − 1", "potentiel / valeur − 1"),
    ),
)


# A claim's qualifier as the article's words put it (the view words them), and as a bound.
_CLAIM_QUALIFIER: dict[str, Qualifier] = {
    "exact": "stated",
    "more_than": "more_than",
    "at_least": "more_than",
    "up_to": "less_than",
    "about": "about",
}


_CLAIM_BOUND: dict[str, Literal["lower", "upper"]] = {
    "more_than": "lower",
    "at_least": "lower",
    "up_to": "upper",
}


def _from_claim(value: float, qualifier: ClaimQualifier) -> Known:
    return Known(value, _CLAIM_BOUND.get(qualifier), qualifier == "about")


_QUALIFIER_BOUND: dict[str, Literal["lower", "upper"]] = {"more_than": "lower", "less_than": "upper"}


def _from_qualifier(value: float, qualifier: Qualifier) -> Known:
    return Known(value, _QUALIFIER_BOUND.get(qualifier), qualifier in ("approaching", "about"))


def trade(summit: MeetingFile, request: TradeRequest) -> TradeResult:
    if summit.trade is None:
        raise SummitError("this data file has no trade figures")
    problem = check_request(summit, request)
    if problem is not None:
        raise SummitError(problem.describe(), usage=True)
    t = summit.trade
    base = t.base_year if request.base_year is None else request.base_year
    years = t.growth.period_years
    if base - years < 1:  # the data's own base year: a data problem, not the request's
        raise SummitError(RequestProblem("no_room_for_period", base, None, years).describe())
    current = _from_qualifier(t.current.amount, t.current.qualifier)
    rise = _from_qualifier(t.growth.rate, t.growth.qualifier)
    implied = combine(growth.compound_rate(rise.value, years), (rise,))
    potential = to_potential = None
    if t.potential is not None:
        potential = _from_qualifier(t.potential.amount, t.potential.qualifier)
        needed = growth.growth_between(current.value, potential.value)
        to_potential = None if needed is None else combine(needed, (potential,), (current,))
    assumption_ids = list(t.assumptions)
    source: Literal["data", "assumed", "given"] = "given" if request.base_year is not None else "data"
    if t.base_year_assumption and request.base_year is None:
        assumption_ids.insert(0, t.base_year_assumption)
        source = "assumed"
    by_id = {a.id: a for a in summit.assumptions}
    projection = None
    if request.target is not None:
        rate = implied if request.rate is None else Known(request.rate)
        start, qualifier, first = current, t.current.qualifier, base
        if request.start is not None:
            start = _from_claim(request.start.value, request.start.qualifier)
            qualifier, first = _CLAIM_QUALIFIER[request.start.qualifier], request.start.year
        projection = _project(
            start, qualifier, request.target, rate, request.rate is None, first, request.by_year
        )
        if request.start is not None:
            projection = projection._replace(start_claim=request.start.claim)
    return TradeResult(
        trade=t,
        base_year=base,
        base_year_source=source,
        period=Span(base - years, base, years),
        current=current,
        growth=rise,
        start=combine(growth.start_value(current.value, rise.value), (current,), (rise,)),
        implied=implied,
        potential=potential,
        to_potential=to_potential,
        assumptions=[by_id[i] for i in assumption_ids],
        projection=projection,
    )


def _project(
    current: Known,
    qualifier: Qualifier,
    target_value: float,
    rate: Known,
    implied: bool,
    base: int,
    by_year: int | None,
) -> ProjectionResult:
    target = Known(target_value)
    needed = growth.growth_between(current.value, target.value)
    if needed is None:  # the amount bounds keep this finite; a guard, not a path
        raise SummitError("the target is too far from the current value to compare")
    reached = growth.reach(current.value, target.value, rate.value, LAST_YEAR - base)
    years = growth.periods_to_reach(current.value, target.value, rate.value)
    already = reached.status == "already_reached"
    target_year = None if reached.period is None else base + reached.period
    required = None
    if by_year is not None and not already:
        found = growth.rate_to_reach(current.value, target.value, by_year - base)
        required = None if found is None else combine(found, (target,), (current,))
    horizon = target_year if target_year is not None else base + NEVER_HORIZON
    if reached.status == "beyond_horizon":  # the target lies past the calendar: the path stops short
        horizon = LAST_YEAR + 1
    horizon = max(horizon, by_year or base)
    end = min(horizon, base + PATH_MAX_YEARS, LAST_YEAR)
    path: list[PathStep] = []
    for step in growth.path(current.value, rate.value, end - base):
        progress = step.value / target.value
        if not math.isfinite(progress):  # the path stops where its share of the target would not be finite
            break
        # The first value is the current figure; from the next on, the rate's bound joins in.
        value = combine(step.value, (current,) if step.period == 0 else (current, rate))
        path.append(PathStep(base + step.period, value, combine(progress, (value,), (target,))))
    return ProjectionResult(
        target=target.value,
        current=current,
        current_qualifier=qualifier,
        base_year=base,
        rate=rate,
        rate_source="implied" if implied else "given",
        status=reached.status,
        years_to_target=_years(years, reached.status, target, current, rate),
        target_year=target_year,
        growth_needed=combine(needed, (target,), (current,)),
        by_year=by_year,
        required_rate=required,
        path=path,
        path_truncated=end < horizon or len(path) < end - base + 1,
    )


def _years(years: float | None, status: Status, target: Known, current: Known, rate: Known) -> Known | None:
    """The years to the target with their bound; past floats (a rate next to nothing) they are
    infinite, which the view shows as no number but whose bound still says "perhaps sooner"."""
    if status == "never_reached":
        return None
    if status == "already_reached":  # there is there whatever the bounds
        return Known(0.0)
    return combine(math.inf if years is None else years, (target,), (current, rate))


def start_figure(meetings: list[Meeting], claim_id: str) -> StartFigure:
    """The reported figure `claim_id` names, as a start for a projection: a usage error naming the
    closest ids when none has it, or saying why the one that has it cannot start a path."""
    import difflib

    claims = {claim.id: claim for meeting in meetings for claim in meeting.data.trade_claims}
    claim = claims.get(claim_id)
    if claim is None:
        close = difflib.get_close_matches(claim_id, list(claims), n=5, cutoff=0.6)
        hint = f"; the closest: {', '.join(close)}" if close else ""
        raise SummitError(f"no trade claim {claim_id!r}{hint} (see 'ca-summit trade --history')", usage=True)
    why = None
    if claim.scope != "intra_regional" or claim.flow != "trade":
        why = f"it is a figure of {claim.scope.replace('_', ' ')} {claim.flow}, not the region's trade"
    elif claim.value is None or claim.qualifier is None:
        why = "it gives a growth, not a value"
    elif claim.year is None:
        why = "the year it refers to is not stated"
    elif claim.part_of_year is not None:
        why = f"it covers part of a year ({claim.part_of_year})"
    if why is not None or claim.value is None or claim.qualifier is None or claim.year is None:
        raise SummitError(
            f"--from {claim_id}: {why}; a projection starts from a year's whole trade", usage=True
        )
    return StartFigure(claim.id, claim.value, claim.qualifier, claim.year)
