"""Compound-growth arithmetic: pure functions of floats, no CLI, no I/O.

Rates are fractions per period (0.05 is 5 %). Logarithms go through log1p/expm1 so that tiny
rates keep their precision, and every function either returns a finite float or says (with None)
that there is no finite answer, so NaN and infinity never reach an output.
"""

from __future__ import annotations

import math
from functools import cache
from typing import TYPE_CHECKING, Literal, NamedTuple

if TYPE_CHECKING:
    from decimal import Context

Bound = Literal["lower", "upper"]  # lower: the true value is at least this; upper: at most
Status = Literal["reached", "already_reached", "never_reached", "beyond_horizon"]


def compound_rate(growth: float, periods: float) -> float:
    """The rate per period that compounds to `growth` over `periods` (Excel's RRI, as a growth)."""
    if periods <= 0 or growth <= -1:
        raise ValueError("periods must be positive and growth greater than -1")
    return math.expm1(math.log1p(growth) / periods)


def start_value(end: float, growth: float) -> float:
    """The value that `growth` turned into `end`."""
    return end / (1.0 + growth)


def growth_between(start: float, end: float) -> float | None:
    """The total growth from start to end (both positive), or None where it is not finite."""
    try:
        result = math.expm1(math.log(end) - math.log(start))
    except OverflowError:
        return None
    return result if math.isfinite(result) else None


def rate_to_reach(start: float, end: float, periods: float) -> float | None:
    """The rate per period that takes start to end in `periods` (RRI), or None where not finite."""
    if periods <= 0:
        raise ValueError("periods must be positive")
    try:
        result = math.expm1((math.log(end) - math.log(start)) / periods)
    except OverflowError:
        return None
    return result if math.isfinite(result) else None


def periods_to_reach(start: float, end: float, rate: float) -> float | None:
    """How many periods `rate` takes from start to end (PDURATION); 0 if already there.

    None when the rate never gets there (it does not grow, or the answer is not a finite float).
    """
    if end <= start:
        return 0.0
    if rate <= 0:
        return None
    # end − start is exact near start, so a target one float above start still has a distance.
    result = math.log1p((end - start) / start) / math.log1p(rate)
    return result if math.isfinite(result) else None


def value_after(start: float, rate: float, periods: float) -> float | None:
    """start compounded at rate for `periods`, or None where that is not a finite float."""
    try:
        result = start * math.exp(periods * math.log1p(rate))
    except OverflowError:
        return None
    return result if math.isfinite(result) else None


@cache
def _wide() -> Context:
    """40 digits: the one rounding that matters is the last, to a float; exponents of any path fit.
    Built on first use: `schema` and the views import this module, and decimal costs start-up."""
    from decimal import Context

    return Context(prec=40, Emax=10**6, Emin=-(10**6))


def value_at(start: float, rate: float, period: int) -> float | None:
    """start × (1 + rate)^period worked out wide and rounded once to a float; None past floats.

    Rounded once, a value is the float nearest the true one: 10.6e9 at 10 % is 11.66e9 after a
    year, not a hair under it, so a target typed as a path value is reached in that year.
    """
    from decimal import Decimal

    wide = _wide()
    value = wide.multiply(Decimal(start), wide.power(wide.add(1, Decimal(rate)), period))
    result = float(value)
    return result if math.isfinite(result) else None


class Step(NamedTuple):
    period: int
    value: float


def path(start: float, rate: float, periods: int) -> list[Step]:
    """The value at each whole period from 0 to `periods`, stopping before any that overflows."""
    steps: list[Step] = []
    for period in range(periods + 1):
        value = value_at(start, rate, period)
        if value is None:
            break
        steps.append(Step(period, value))
    return steps


class Reach(NamedTuple):
    status: Status
    period: int | None  # the first whole period whose path value is at or above the end


def reach(start: float, end: float, rate: float, limit: int) -> Reach:
    """When the path from start at rate first gets to end, looking no further than `limit`.

    Decided on the path's own values (`value_at`), so the period found is the one the path shows;
    a value past floats is past any end. A positive rate gets there, if not by `limit` then beyond.
    """
    if end <= start:
        return Reach("already_reached", 0)
    if rate <= 0:
        return Reach("never_reached", None)

    def there(period: int) -> bool:
        value = value_at(start, rate, period)
        return value is None or value >= end

    if limit < 1 or not there(limit):
        return Reach("beyond_horizon", None)
    low, high = 0, limit  # not there at low, there at high; the path only rises
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (low, middle) if there(middle) else (middle, high)
    return Reach("reached", high)


class Known(NamedTuple):
    """A number with what the wording of its source lets us say of it."""

    value: float
    bound: Bound | None = None  # lower: the true value is at least this; upper: at most
    approximate: bool = False


_FLIPPED: dict[Bound, Bound] = {"lower": "upper", "upper": "lower"}


def flip(bound: Bound | None) -> Bound | None:
    return None if bound is None else _FLIPPED[bound]


def combine(value: float, rising: tuple[Known, ...] = (), falling: tuple[Known, ...] = ()) -> Known:
    """What can be said of a result that rises with the `rising` inputs and falls with the others.

    A lower bound on a rising input, or an upper bound on a falling one, makes the result a lower
    bound; bounds pulling both ways leave no bound, only an approximate value.
    """
    bounds = {known.bound for known in rising} | {flip(known.bound) for known in falling}
    bounds.discard(None)
    approximate = any(known.approximate for known in rising + falling) or len(bounds) > 1
    bound = bounds.pop() if len(bounds) == 1 else None
    return Known(value, bound, approximate)
