"""Compound-growth arithmetic: pure functions of floats, no CLI, no I/O.

Rates are fractions per period (0.05 is 5 %). Logarithms go through log1p/expm1 so that tiny
rates keep their precision, and every function either returns a finite float or says (with None)
that there is no finite answer, so NaN and infinity never reach an output.
"""

from __future__ import annotations

import math
from typing import NamedTuple


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
    result = (math.log(end) - math.log(start)) / math.log1p(rate)
    return result if math.isfinite(result) else None


def value_after(start: float, rate: float, periods: float) -> float | None:
    """start compounded at rate for `periods`, or None where that is not a finite float."""
    try:
        result = start * math.exp(periods * math.log1p(rate))
    except OverflowError:
        return None
    return result if math.isfinite(result) else None


class Step(NamedTuple):
    period: int
    value: float


def path(start: float, rate: float, periods: int) -> list[Step]:
    """The value at each whole period from 0 to `periods`, stopping before any that overflows."""
    steps: list[Step] = []
    for period in range(periods + 1):
        value = value_after(start, rate, period)
        if value is None:
            break
        steps.append(Step(period, value))
    return steps
